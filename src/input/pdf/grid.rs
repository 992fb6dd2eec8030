//! Tables from their rules: the straight lines a page draws are grouped into grids, and the
//! text inside a grid is read cell by cell, so that a table in a PDF reads like the same table
//! in a web page: one line per row, one tab-separated field per cell, a blank cell as an empty
//! field, a merged cell once (a [`crate::input::grid::Grid`], as a saved page's table is).
//!
//! Without this, a row whose cells are partly blank (`26` under 自然人 and `26` under 总计,
//! nothing between) reads as two numbers that cannot be placed in seven columns.
//!
//! A grid is a connected set of horizontal and vertical lines with at least three of each
//! (two rows and two columns of cells): a page frame or an underline is not a table. Two
//! neighbouring cells are one (merged) cell when no line separates them.
//!
//! Invariants: never panics; the work is bounded: [`MAX_LINES`] lines per direction and
//! [`MAX_GRIDS`] grids per page, [`MAX_COLUMNS`] × [`MAX_ROWS`] cells per grid, and every
//! comparison of lines paid from a budget the caller sizes by the file (a hostile file with
//! thousands of ruled pages stops finding grids, and is laid out as text); a page without a
//! grid is laid out exactly as before.

use super::content::{Glyph, Rule};

/// Lines whose positions differ by less than this (in points) are the same line: borders
/// drawn a hair apart by different rows (seen: 2.25 pt in 洪泽区 2023's 表四), doubled
/// borders. No real cell is this narrow.
const TOLERANCE: f64 = 4.0;
/// A page drawing more lines than this in one direction is not searched for grids.
const MAX_LINES: usize = 2_000;
/// A grid with more columns than this is not read as a table (a report's have at most 16).
const MAX_COLUMNS: usize = 64;
/// A grid with more rows than this is not read as a table.
const MAX_ROWS: usize = 1_000;
/// Grids kept per page (the topmost); a page of a report has at most a few tables.
const MAX_GRIDS: usize = 32;

/// One merged line: horizontal at `y = at` from `x = from` to `to`, or vertical at `x = at`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Line {
    at: f64,
    from: f64,
    to: f64,
}

impl Line {
    fn covers(&self, position: f64) -> bool {
        self.from - TOLERANCE <= position && position <= self.to + TOLERANCE
    }
}

/// A table's grid on one page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Grid {
    /// Column boundaries, left to right.
    xs: Vec<f64>,
    /// Row boundaries, top to bottom.
    ys: Vec<f64>,
    /// For every cell (row by row), the index of the top-left cell of the merged cell it is
    /// part of.
    owner: Vec<usize>,
}

impl Grid {
    /// The top edge.
    pub(crate) fn top(&self) -> f64 {
        self.ys.first().copied().unwrap_or(0.0)
    }

    fn columns(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// The cell (index into `owner`) holding the point, if the point is inside the grid.
    fn cell_at(&self, x: f64, y: f64) -> Option<usize> {
        let (&left, &right) = (self.xs.first()?, self.xs.last()?);
        let (&top, &bottom) = (self.ys.first()?, self.ys.last()?);
        if !(left..=right).contains(&x) || !(bottom..=top).contains(&y) {
            return None;
        }
        let column = self.xs.partition_point(|&b| b <= x).saturating_sub(1).min(self.columns() - 1);
        let rows = self.ys.len() - 1;
        let row = self.ys.partition_point(|&b| b >= y).saturating_sub(1).min(rows - 1);
        Some(row * self.columns() + column)
    }

    /// The point of a glyph that decides its cell: the middle of its body.
    fn anchor(glyph: &Glyph) -> (f64, f64) {
        let (dx, dy) = glyph.dir;
        let half = glyph.width / 2.0;
        // Half a body height above the baseline, across the writing direction.
        let up = 0.35 * glyph.size;
        (glyph.x + dx * half - dy * up, glyph.y + dy * half + dx * up)
    }

    /// The cell a glyph falls in, if it falls in this grid.
    pub(crate) fn cell_of(&self, glyph: &Glyph) -> Option<usize> {
        let (x, y) = Self::anchor(glyph);
        self.cell_at(x, y).and_then(|cell| self.owner.get(cell).copied())
    }

    /// The table whose cells hold `texts` (by owner cell): each merged cell once, with its
    /// spans, in the order a web page gives them.
    pub(crate) fn table(
        &self,
        texts: &std::collections::BTreeMap<usize, String>,
    ) -> crate::input::grid::Grid {
        let columns = self.columns();
        let rows = self.ys.len().saturating_sub(1);
        let owner = self.labels_joined(texts);
        let mut table = crate::input::grid::Grid::default();
        for row in 0..rows {
            table.push_row();
            for column in 0..columns {
                let cell = row * columns + column;
                if owner.get(cell) != Some(&cell) {
                    continue;
                }
                let colspan = (column..columns)
                    .take_while(|&c| owner.get(row * columns + c) == Some(&cell))
                    .count();
                let rowspan = (row..rows)
                    .take_while(|&r| owner.get(r * columns + column) == Some(&cell))
                    .count();
                table.push_cell(rowspan, colspan);
                let text = texts.get(&cell).map_or("", String::as_str);
                table.push_text(&crate::input::grid::collapse(text));
            }
        }
        table
    }
}

impl Grid {
    /// The owners with an empty cell right of a label joined to the label, when the empty
    /// cell's column holds labels in other rows or its row is a heading (no numbers): 洪泽区's
    /// 表三 draws “（六）其他处理” in the group column and leaves the item column beside it
    /// empty, and its 表四 has a stray rule in the heading row; either would otherwise read as
    /// blank cells among the numbers.
    fn labels_joined(&self, texts: &std::collections::BTreeMap<usize, String>) -> Vec<usize> {
        let columns = self.columns();
        let rows = self.ys.len().saturating_sub(1);
        let mut owner = self.owner.clone();
        let text_at = |owner: &[usize], row: usize, column: usize| -> &str {
            owner.get(row * columns + column).and_then(|o| texts.get(o)).map_or("", |t| t.trim())
        };
        let numeric = is_number;
        // A label column: some row has a label in it and a number to its right.
        let label_column: Vec<bool> = (0..columns)
            .map(|column| {
                (0..rows).any(|row| {
                    let here = text_at(&owner, row, column);
                    !here.is_empty()
                        && !numeric(here)
                        && (column + 1..columns).any(|c| numeric(text_at(&owner, row, c)))
                })
            })
            .collect();
        // Merged cells one row high.
        let mut extent: std::collections::BTreeMap<usize, (usize, usize)> =
            std::collections::BTreeMap::new();
        for (cell, &o) in owner.iter().enumerate() {
            let row = cell / columns.max(1);
            let entry = extent.entry(o).or_insert((row, row));
            *entry = (entry.0.min(row), entry.1.max(row));
        }
        let one_row: std::collections::BTreeMap<usize, bool> =
            extent.into_iter().map(|(o, (top, bottom))| (o, top == bottom)).collect();
        // A heading row: no number in it. Its empty cells say nothing.
        let heading_row: Vec<bool> =
            (0..rows).map(|row| !(0..columns).any(|c| numeric(text_at(&owner, row, c)))).collect();
        for row in 0..rows {
            for column in 1..columns {
                let cell = row * columns + column;
                let left = cell - 1;
                let (Some(&own), Some(&left_owner)) = (owner.get(cell), owner.get(left)) else {
                    continue;
                };
                let single_row = |o: usize| one_row.get(&o).copied().unwrap_or(false);
                let left_text = texts.get(&left_owner).map_or("", |t| t.trim());
                if own == cell
                    && (label_column.get(column) == Some(&true)
                        || heading_row.get(row) == Some(&true))
                    && texts.get(&cell).is_none_or(|t| t.trim().is_empty())
                    && !left_text.is_empty()
                    && !numeric(left_text)
                    && single_row(own)
                    && single_row(left_owner)
                {
                    for slot in owner.iter_mut().filter(|o| **o == own) {
                        *slot = left_owner;
                    }
                }
            }
        }
        owner
    }
}

/// A cell's text is a number (digits, with separators, a sign or a percent sign).
fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || ".,-%， ".contains(c))
}

/// Joins a row cut by a page break (see `layout`): when `lower` (the next page's first table)
/// has the columns of `upper` (this page's last), its first row holds text but no number and
/// `upper`'s last row holds a number, each cell's text of that first row is appended to the
/// cell above the break, and the row is dropped from `lower`. Returns whether it joined.
pub(crate) fn join_split_row(
    upper: &Grid,
    upper_texts: &mut std::collections::BTreeMap<usize, String>,
    lower: &mut Grid,
    lower_texts: &mut std::collections::BTreeMap<usize, String>,
) -> bool {
    let columns = lower.columns();
    let same_columns = upper.xs.len() == lower.xs.len()
        && upper.xs.iter().zip(&lower.xs).all(|(a, b)| (a - b).abs() <= TOLERANCE);
    let upper_rows = upper.ys.len().saturating_sub(1);
    let lower_rows = lower.ys.len().saturating_sub(1);
    if !same_columns || columns == 0 || upper_rows == 0 || lower_rows == 0 {
        return false;
    }
    let text = |grid: &Grid, texts: &std::collections::BTreeMap<usize, String>, cell: usize| {
        grid.owner
            .get(cell)
            .and_then(|o| texts.get(o))
            .map_or(String::new(), |t| t.trim().to_string())
    };
    let first: Vec<String> = (0..columns).map(|c| text(lower, lower_texts, c)).collect();
    let last_row = (upper_rows - 1) * columns;
    let above: Vec<String> = (0..columns).map(|c| text(upper, upper_texts, last_row + c)).collect();
    if first.iter().all(String::is_empty)
        || first.iter().any(|t| is_number(t))
        || !above.iter().any(|t| is_number(t))
    {
        return false;
    }
    // The halves of the labels: each (merged) cell of the first row once, in column order.
    let mut moved: Vec<usize> = Vec::new();
    for column in 0..columns {
        let Some(&own) = lower.owner.get(column) else { continue };
        if moved.contains(&own) {
            continue;
        }
        moved.push(own);
        let Some(half) = lower_texts.remove(&own).filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let Some(&target) = upper.owner.get(last_row + column) else { continue };
        upper_texts.entry(target).or_default().push_str(half.trim());
    }
    // Drop the first row: cells below it move up one row; a merged cell that started in it
    // now starts in the next row (its top-left moves down the same column).
    let owner: Vec<usize> = lower
        .owner
        .iter()
        .skip(columns)
        .map(|&o| if o < columns { o } else { o - columns })
        .collect();
    let texts = std::mem::take(lower_texts);
    for (key, value) in texts {
        if key >= columns {
            lower_texts.insert(key - columns, value);
        } else if owner.contains(&key) {
            lower_texts.insert(key, value);
        }
    }
    lower.owner = owner;
    lower.ys.remove(0);
    true
}

/// The grids the rules of one page make, top first. Comparisons of lines are paid from
/// `budget`; when it cannot pay for a page, the page has no grid.
pub(crate) fn grids(rules: &[Rule], budget: &mut usize) -> Vec<Grid> {
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    for rule in rules {
        if (rule.y1 - rule.y0).abs() <= (rule.x1 - rule.x0).abs() {
            let at = f64::midpoint(rule.y0, rule.y1);
            horizontal.push(Line { at, from: rule.x0.min(rule.x1), to: rule.x0.max(rule.x1) });
        } else {
            let at = f64::midpoint(rule.x0, rule.x1);
            vertical.push(Line { at, from: rule.y0.min(rule.y1), to: rule.y0.max(rule.y1) });
        }
    }
    let horizontal = merge(horizontal);
    let vertical = merge(vertical);
    if horizontal.len() > MAX_LINES || vertical.len() > MAX_LINES {
        return Vec::new();
    }
    let Some(left) = budget.checked_sub(horizontal.len() * vertical.len()) else {
        return Vec::new();
    };
    *budget = left;
    // Connected lines: union-find over horizontal (first) and vertical lines.
    let mut parent: Vec<usize> = (0..horizontal.len() + vertical.len()).collect();
    for (h, hl) in horizontal.iter().enumerate() {
        for (v, vl) in vertical.iter().enumerate() {
            if hl.covers(vl.at) && vl.covers(hl.at) {
                union(&mut parent, h, horizontal.len() + v);
            }
        }
    }
    let mut components: std::collections::BTreeMap<usize, (Vec<Line>, Vec<Line>)> =
        std::collections::BTreeMap::new();
    for (i, line) in horizontal.iter().enumerate() {
        components.entry(find(&mut parent, i)).or_default().0.push(*line);
    }
    for (i, line) in vertical.iter().enumerate() {
        components.entry(find(&mut parent, horizontal.len() + i)).or_default().1.push(*line);
    }
    let mut grids: Vec<Grid> =
        components.into_values().filter_map(|(h, v)| grid(&h, &v, budget)).collect();
    crate::sort::sort_by(&mut grids, |a, b| b.top().total_cmp(&a.top()));
    grids.truncate(MAX_GRIDS);
    grids
}

/// The grid of one connected set of lines, if it has at least two rows and two columns.
fn grid(horizontal: &[Line], vertical: &[Line], budget: &mut usize) -> Option<Grid> {
    let mut ys = positions(horizontal);
    let mut xs = positions(vertical);
    // A table cut by a page break has no border where it was cut (Chromium, Word), and some
    // tables have no outer left and right borders: lines that run past the outermost line
    // across them mark the missing edge.
    extend(&mut ys, vertical);
    extend(&mut xs, horizontal);
    ys.reverse();
    if xs.len() < 3 || ys.len() < 3 {
        return None;
    }
    let (columns, rows) = (xs.len() - 1, ys.len() - 1);
    if columns > MAX_COLUMNS || rows > MAX_ROWS {
        return None;
    }
    // Each row looks at every vertical line, each column at every horizontal one.
    *budget = budget.checked_sub(rows * vertical.len() + columns * horizontal.len())?;
    let near = |a: f64, b: f64| (a - b).abs() <= TOLERANCE;
    // Neighbouring cells without a line between them are one cell.
    let mut parent: Vec<usize> = (0..rows * columns).collect();
    for row in 0..rows {
        let middle = f64::midpoint(ys[row], ys[row + 1]);
        for column in 0..columns - 1 {
            let x = xs[column + 1];
            if !vertical.iter().any(|l| near(l.at, x) && l.covers(middle)) {
                union(&mut parent, row * columns + column, row * columns + column + 1);
            }
        }
    }
    for column in 0..columns {
        let middle = f64::midpoint(xs[column], xs[column + 1]);
        for row in 0..rows - 1 {
            let y = ys[row + 1];
            if !horizontal.iter().any(|l| near(l.at, y) && l.covers(middle)) {
                union(&mut parent, row * columns + column, (row + 1) * columns + column);
            }
        }
    }
    // Each merged cell must be a rectangle; one that is not is read as its single cells.
    let mut extent: std::collections::BTreeMap<usize, (usize, usize, usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for cell in 0..rows * columns {
        let (row, column) = (cell / columns, cell % columns);
        let entry = extent.entry(find(&mut parent, cell)).or_insert((row, row, column, column, 0));
        *entry = (
            entry.0.min(row),
            entry.1.max(row),
            entry.2.min(column),
            entry.3.max(column),
            entry.4 + 1,
        );
    }
    let owner = (0..rows * columns)
        .map(|cell| {
            let root = find(&mut parent, cell);
            match extent.get(&root) {
                Some(&(top, bottom, left, right, count))
                    if (bottom - top + 1) * (right - left + 1) == count =>
                {
                    top * columns + left
                }
                _ => cell,
            }
        })
        .collect();
    Some(Grid { xs, ys, owner })
}

/// Adds an edge where the `across` lines run on past the first or last of `positions` (by more
/// than the tolerance).
fn extend(positions: &mut Vec<f64>, across: &[Line]) {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else { return };
    let from = across.iter().map(|l| l.from).fold(f64::MAX, f64::min);
    let to = across.iter().map(|l| l.to).fold(f64::MIN, f64::max);
    if from < first - TOLERANCE {
        positions.insert(0, from);
    }
    if to > last + TOLERANCE {
        positions.push(to);
    }
}

/// The distinct positions of lines, ascending (positions within [`TOLERANCE`] are one).
fn positions(lines: &[Line]) -> Vec<f64> {
    let mut ats: Vec<f64> = lines.iter().map(|l| l.at).collect();
    crate::sort::sort_by(&mut ats, f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for at in ats {
        match out.last() {
            Some(&last) if at - last <= TOLERANCE => {}
            _ => out.push(at),
        }
    }
    out
}

/// Lines on the same position that touch or overlap become one.
fn merge(mut lines: Vec<Line>) -> Vec<Line> {
    crate::sort::sort_by(&mut lines, |a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Line> = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        // A run of lines on one position (each within the tolerance of the run's first).
        let at = lines[start].at;
        let end = lines[start..]
            .iter()
            .position(|l| l.at - at > TOLERANCE)
            .map_or(lines.len(), |n| start + n);
        let mut run: Vec<Line> = lines[start..end].to_vec();
        crate::sort::sort_by(&mut run, |a, b| a.from.total_cmp(&b.from));
        let mut current: Option<Line> = None;
        for line in run {
            match current.as_mut() {
                Some(c) if line.from <= c.to + TOLERANCE => c.to = c.to.max(line.to),
                _ => {
                    out.extend(current.take());
                    current = Some(Line { at, ..line });
                }
            }
        }
        out.extend(current);
        start = end;
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = p;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb
        && let Some(slot) = parent.get_mut(ra.max(rb))
    {
        *slot = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Rule {
        Rule { x0, y0: y, x1, y1: y }
    }

    fn v(x: f64, y0: f64, y1: f64) -> Rule {
        Rule { x0: x, y0, x1: x, y1 }
    }

    fn grids_of(rules: &[Rule]) -> Vec<Grid> {
        grids(rules, &mut usize::MAX.clone())
    }

    #[test]
    fn finding_grids_is_paid_from_the_budget() {
        let mut rules: Vec<Rule> =
            (0..4).map(|i| h(100.0 - 20.0 * f64::from(i), 0.0, 90.0)).collect();
        rules.extend((0..4).map(|i| v(30.0 * f64::from(i), 40.0, 100.0)));
        // 4 × 4 line pairs, then 3 rows × 4 vertical + 3 columns × 4 horizontal lines.
        let mut budget = 16 + 24;
        assert_eq!(grids(&rules, &mut budget).len(), 1);
        assert_eq!(budget, 0);
        assert!(grids(&rules, &mut budget).is_empty(), "nothing left to pay with");
        assert!(grids(&rules, &mut 20).is_empty());
    }

    #[test]
    fn a_ruled_table_is_a_grid_with_its_merged_cells() {
        // Three rows, three columns; the top row's first two cells are one.
        let mut rules = vec![h(100.0, 0.0, 90.0), h(80.0, 0.0, 90.0), h(60.0, 0.0, 90.0)];
        rules.push(h(40.0, 0.0, 90.0));
        rules.extend([v(0.0, 40.0, 100.0), v(60.0, 40.0, 100.0), v(90.0, 40.0, 100.0)]);
        rules.push(v(30.0, 40.0, 80.0));
        let grids = grids_of(&rules);
        assert_eq!(grids.len(), 1);
        let grid = &grids[0];
        assert_eq!(grid.xs, [0.0, 30.0, 60.0, 90.0]);
        assert_eq!(grid.ys, [100.0, 80.0, 60.0, 40.0]);
        assert_eq!(grid.owner, [0, 0, 2, 3, 4, 5, 6, 7, 8]);
        let texts = [(0, "a".to_string()), (5, "1".to_string())].into_iter().collect();
        // The heading row's empty cell joins the label beside it; the empty cells of the row
        // with a number stay, as blank cells.
        let table = grid.table(&texts);
        assert_eq!(
            table.cells(),
            [vec![(1, 3, "a")], vec![(1, 1, ""), (1, 1, ""), (1, 1, "1")], vec![(1, 1, ""); 3]]
        );
        assert_eq!(table.render(), "a\n\t\t1\n");
    }

    #[test]
    fn an_empty_cell_in_a_label_column_joins_its_label_and_a_blank_number_stays() {
        // Columns: group label | item label | number | number. Row 0 has both labels; row 1
        // has its label in the group column and an empty item cell; row 2 a blank number.
        let mut rules: Vec<Rule> =
            (0..4).map(|i| h(100.0 - 20.0 * f64::from(i), 0.0, 160.0)).collect();
        rules.extend((0..5).map(|i| v(40.0 * f64::from(i), 40.0, 100.0)));
        let grid = &grids_of(&rules)[0];
        let texts = [
            (0, "（五）不予处理"),
            (1, "1.信访"),
            (2, "1"),
            (3, "1"),
            (4, "（六）其他处理"),
            (6, "0"),
            (7, "0"),
            (8, "（七）总计"),
            (11, "2"),
        ]
        .into_iter()
        .map(|(c, t)| (c, t.to_string()))
        .collect();
        let table = grid.table(&texts);
        let cells = table.cells();
        assert_eq!(cells[1], [(1, 2, "（六）其他处理"), (1, 1, "0"), (1, 1, "0")]);
        // 总计's row: the item cell joins the label; the blank number stays a cell.
        assert_eq!(cells[2], [(1, 2, "（七）总计"), (1, 1, ""), (1, 1, "2")]);
        assert_eq!(
            table.render(),
            "（五）不予处理\t1.信访\t1\t1\n（六）其他处理\t0\t0\n（七）总计\t\t2\n"
        );
    }

    /// A ruled table: rows between the given tops (and one more below the last), columns at
    /// 0, 40, 80 and 120.
    fn table(tops: &[f64]) -> Grid {
        let bottom = tops.last().copied().unwrap_or(0.0) - 20.0;
        let mut rules: Vec<Rule> = tops.iter().map(|&y| h(y, 0.0, 120.0)).collect();
        rules.push(h(bottom, 0.0, 120.0));
        let top = tops.first().copied().unwrap_or(0.0);
        rules.extend((0..4).map(|i| v(40.0 * f64::from(i), bottom, top)));
        grids_of(&rules).remove(0)
    }

    fn texts(cells: &[(usize, &str)]) -> std::collections::BTreeMap<usize, String> {
        cells.iter().map(|(c, t)| (*c, (*t).to_string())).collect()
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined() {
        let upper = table(&[100.0, 80.0]);
        let mut upper_texts =
            texts(&[(0, "甲"), (1, "0"), (3, "1.本机关不掌"), (4, "0"), (5, "0")]);
        let mut lower = table(&[800.0, 780.0]);
        let mut lower_texts =
            texts(&[(0, "握相关政府信息"), (3, "2.没有现成信息"), (4, "0"), (5, "0")]);
        assert!(join_split_row(&upper, &mut upper_texts, &mut lower, &mut lower_texts));
        assert_eq!(upper_texts[&3], "1.本机关不掌握相关政府信息");
        assert_eq!(lower.ys.len(), 2, "the half row is gone");
        assert_eq!(lower_texts, texts(&[(0, "2.没有现成信息"), (1, "0"), (2, "0")]));
        // A full row at the top of the next page (numbers in it) is no half row.
        let mut lower = table(&[800.0, 780.0]);
        let mut lower_texts = texts(&[(0, "4.保护第三方合法权益"), (1, "0"), (2, "0")]);
        assert!(!join_split_row(&upper, &mut upper_texts, &mut lower, &mut lower_texts));
        assert_eq!(lower.ys.len(), 3);
        // Nor is a table with other columns.
        let mut rules: Vec<Rule> =
            [800.0, 780.0, 760.0].iter().map(|&y| h(y, 0.0, 120.0)).collect();
        rules.extend([0.0, 60.0, 120.0].map(|x| v(x, 760.0, 800.0)));
        let mut other = grids_of(&rules).remove(0);
        let mut other_texts = texts(&[(0, "握相关政府信息")]);
        assert!(!join_split_row(&upper, &mut upper_texts, &mut other, &mut other_texts));
    }

    #[test]
    fn borders_drawn_in_pieces_are_joined() {
        // Each cell's border drawn on its own, a hair apart, as Word does.
        let mut rules = Vec::new();
        for row in 0..3 {
            let y = 100.0 - 20.0 * f64::from(row);
            for column in 0..2 {
                let x = 40.0 * f64::from(column);
                rules.push(h(y + 0.3 * f64::from(column), x, x + 40.0));
                rules.push(v(x, y - 20.0, y));
                rules.push(v(x + 40.2, y - 20.0, y));
            }
        }
        rules.push(h(40.0, 0.0, 80.0));
        let grids = grids_of(&rules);
        assert_eq!(grids.len(), 1);
        assert_eq!((grids[0].xs.len(), grids[0].ys.len()), (3, 4));
        assert_eq!(grids[0].owner, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_frame_or_an_underline_is_not_a_table() {
        let frame =
            [h(0.0, 0.0, 100.0), h(100.0, 0.0, 100.0), v(0.0, 0.0, 100.0), v(100.0, 0.0, 100.0)];
        assert!(grids_of(&frame).is_empty());
        assert!(grids_of(&[h(10.0, 0.0, 50.0)]).is_empty());
        assert!(grids_of(&[]).is_empty());
    }

    #[test]
    fn cells_are_found_by_the_middle_of_a_glyph() {
        let rules = [
            h(100.0, 0.0, 100.0),
            h(80.0, 0.0, 100.0),
            h(60.0, 0.0, 100.0),
            v(0.0, 60.0, 100.0),
            v(50.0, 60.0, 100.0),
            v(100.0, 60.0, 100.0),
        ];
        let grid = &grids_of(&rules)[0];
        let glyph = |x: f64, y: f64| Glyph {
            text: Some("1".into()),
            x,
            y,
            width: 5.0,
            size: 10.0,
            dir: (1.0, 0.0),
            vertical: false,
        };
        assert_eq!(grid.cell_of(&glyph(55.0, 63.0)), Some(3));
        assert_eq!(grid.cell_of(&glyph(5.0, 84.0)), Some(0));
        assert_eq!(grid.cell_of(&glyph(105.0, 84.0)), None);
        assert_eq!(grid.cell_of(&glyph(5.0, 40.0)), None);
    }
}
