//! One table grid for every input: a table's rows of cells, each with its text and its
//! `rowspan`/`colspan`, laid out on positions and rendered as one tab-separated line per row.
//!
//! A web page's tables ([`super::html`]), a Word document's ([`super::docx`]: `w:gridSpan`,
//! `w:vMerge` groups) and a PDF's ruled tables ([`super::pdf`]) are all built as a [`Grid`],
//! so a table reads the same whatever file it came in. Cells are given in source order, row by
//! row, as HTML gives them: each cell takes the first position of its row that no cell above
//! it already covers (spanning down into it). A position covered by a merged *empty* cell is
//! rendered as an empty field (a blank cell the reviewer must see); a position covered by a
//! merged cell with text (a label spanning rows) is not repeated; a row with no text is left
//! out.
//!
//! Invariants: never panics; spans are clamped to [`MAX_SPAN`]; a grid of more than
//! [`MAX_GRID`] positions is not laid out (each row's own cells are written as they are), so
//! garbage spans cannot allocate a huge grid; the rendering is linear in the cells and text
//! (plus the laid-out positions).

use std::fmt::Write as _;

/// Merged-cell spans larger than this are clamped: no real table has them.
pub(crate) const MAX_SPAN: usize = 200;
/// A table grid larger than this many positions is rendered without its merged cells laid out.
const MAX_GRID: usize = 200_000;

/// A table: rows of cells in source order.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    rows: Vec<Vec<Cell>>,
}

/// The cell covering a position: its row and its index in that row.
type Owner = Option<(usize, usize)>;

#[derive(Debug)]
struct Cell {
    text: String,
    rowspan: usize,
    colspan: usize,
}

impl Grid {
    /// Starts a row.
    pub(crate) fn push_row(&mut self) {
        self.rows.push(Vec::new());
    }

    /// Adds a cell to the last row (starting one if there is none), its spans clamped to
    /// 1..=[`MAX_SPAN`].
    pub(crate) fn push_cell(&mut self, rowspan: usize, colspan: usize) {
        if self.rows.is_empty() {
            self.push_row();
        }
        if let Some(row) = self.rows.last_mut() {
            let (rowspan, colspan) = (rowspan.clamp(1, MAX_SPAN), colspan.clamp(1, MAX_SPAN));
            row.push(Cell { text: String::new(), rowspan, colspan });
        }
    }

    /// Appends text to the last cell of the last row (nothing when that row has no cell yet);
    /// a lone space is not added at a cell's start or after a space.
    pub(crate) fn push_text(&mut self, text: &str) {
        if let Some(cell) = self.rows.last_mut().and_then(|row| row.last_mut()) {
            if text == " " && (cell.text.is_empty() || cell.text.ends_with(' ')) {
                return;
            }
            cell.text.push_str(text);
        }
    }

    /// The positions each cell covers: `owners[row][column]` is the (row, index in its row)
    /// of the cell covering it. `None` when the grid is too large to lay out.
    fn layout(&self) -> Option<Vec<Vec<Owner>>> {
        let n_rows = self.rows.len();
        let width = self.rows.iter().map(|row| row.iter().map(|c| c.colspan).sum::<usize>()).max();
        let width = width.unwrap_or(0);
        if n_rows.saturating_mul(width) > MAX_GRID {
            return None;
        }
        let mut owners: Vec<Vec<Owner>> = vec![vec![None; width]; n_rows];
        for (r, row) in self.rows.iter().enumerate() {
            let mut c = 0;
            for (k, cell) in row.iter().enumerate() {
                while owners.get(r).and_then(|o| o.get(c)).is_some_and(Option::is_some) {
                    c += 1;
                }
                if c >= width {
                    break;
                }
                for row_owners in owners.iter_mut().skip(r).take(cell.rowspan) {
                    for slot in row_owners.iter_mut().skip(c).take(cell.colspan) {
                        if slot.is_none() {
                            *slot = Some((r, k));
                        }
                    }
                }
                c += cell.colspan;
            }
        }
        Some(owners)
    }

    /// Each row's cells as (rowspan, colspan, text).
    #[cfg(test)]
    pub(crate) fn cells(&self) -> Vec<Vec<(usize, usize, &str)>> {
        self.rows
            .iter()
            .map(|row| row.iter().map(|c| (c.rowspan, c.colspan, c.text.as_str())).collect())
            .collect()
    }

    fn text(&self, (row, cell): (usize, usize)) -> &str {
        self.rows.get(row).and_then(|cells| cells.get(cell)).map_or("", |c| c.text.trim())
    }

    /// The table as text: one line per row, its fields separated by tabs (see the module doc).
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        let Some(owners) = self.layout() else {
            // Degenerate markup: each row's own cells without layout.
            for row in &self.rows {
                let fields: Vec<&str> = row.iter().map(|c| c.text.trim()).collect();
                let _ = writeln!(out, "{}", fields.join("\t"));
            }
            return out;
        };
        for (r, row_owners) in owners.iter().enumerate() {
            let mut fields: Vec<&str> = Vec::with_capacity(row_owners.len());
            let mut previous: Owner = None;
            for &slot in row_owners {
                if let Some(owner) = slot {
                    let text = self.text(owner);
                    let origin_here = owner.0 == r && previous != slot;
                    if origin_here || text.is_empty() {
                        fields.push(text);
                    }
                }
                previous = slot;
            }
            // Trailing empty cells stay: they are blank values. Only all-empty rows go.
            if fields.iter().all(|f| f.is_empty()) {
                continue;
            }
            let _ = writeln!(out, "{}", fields.join("\t"));
        }
        out
    }
}

/// Collapses HTML whitespace runs into one space; tabs never survive into a cell.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        if matches!(ch, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[(usize, usize, &str)]]) -> Grid {
        let mut grid = Grid::default();
        for row in rows {
            grid.push_row();
            for &(rowspan, colspan, text) in *row {
                grid.push_cell(rowspan, colspan);
                grid.push_text(text);
            }
        }
        grid
    }

    #[test]
    fn merged_cells_are_laid_out_and_rendered_once() {
        let table = grid(&[
            &[(2, 1, "三、本年度办理结果"), (1, 1, "（一）予以公开"), (1, 1, "1"), (1, 2, "")],
            &[(1, 1, "（二）部分公开"), (1, 1, "2"), (1, 1, "3"), (1, 1, "4")],
            &[(1, 1, " "), (1, 1, "")],
        ]);
        assert_eq!(
            table.render(),
            "三、本年度办理结果\t（一）予以公开\t1\t\t\n（二）部分公开\t2\t3\t4\n"
        );
    }

    #[test]
    fn an_empty_merged_cell_is_a_blank_field_in_every_row_it_covers() {
        let table = grid(&[&[(2, 1, ""), (1, 1, "a")], &[(1, 1, "b")]]);
        assert_eq!(table.render(), "\ta\n\tb\n");
    }

    #[test]
    fn huge_spans_are_clamped_and_huge_grids_not_laid_out() {
        let mut table = Grid::default();
        table.push_cell(usize::MAX, usize::MAX);
        table.push_text("x");
        assert_eq!(table.render(), "x\n");
        let mut wide = Grid::default();
        for row in 0..2000 {
            wide.push_row();
            wide.push_cell(1, MAX_SPAN);
            wide.push_text(&row.to_string());
        }
        assert!(wide.layout().is_none());
        assert!(wide.render().starts_with("0\n1\n"));
    }
}
