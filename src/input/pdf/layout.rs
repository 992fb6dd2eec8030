//! Layout: glyphs → lines of text, as `pdftotext -layout` lays them out.
//!
//! Glyphs are grouped into lines by baseline (within half a font size), lines ordered top to
//! bottom and glyphs left to right. A glyph's column is its distance from the page's left
//! edge in half-ems of the page's usual font size, so table columns line up down the page;
//! a visible gap is never lost: about one space width gives at least one space, a column gap
//! (over one em) at least two. Vertical and rotated text comes out as one short line per
//! column of text, in reading order. Pages are separated by a blank line.
//!
//! Text inside a table's ruled grid ([`super::grid`]) is not laid out by columns but read cell
//! by cell: each row becomes one tab-separated line, as a web page's table does, so a blank
//! cell stays an (empty) field and a label wrapped over three lines inside its cell is one.
//!
//! Invariants: never panics; a line is never wider than [`MAX_COLUMN`] columns of padding;
//! glyphs without text come out as U+FFFD and are counted; floats are only compared with
//! `total_cmp`, so NaN cannot disturb sorting (and the interpreter drops non-finite glyphs).

use std::collections::BTreeMap;

use super::content::{Glyph, Rule};
use super::grid::{self, Grid};

/// Padding never moves a glyph past this column.
pub(crate) const MAX_COLUMN: usize = 300;

/// Layout stops once the text is this long (a real report is a few hundred kilobytes at
/// most; glyphs spread over a million lines must not become a gigabyte of spaces).
pub(crate) const MAX_TEXT_BYTES: usize = 16 << 20;

/// The laid-out text and the number of glyphs without text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Laid {
    /// The text.
    pub(crate) text: String,
    /// Glyphs written as U+FFFD.
    pub(crate) unmapped: usize,
    /// True when the text reached [`MAX_TEXT_BYTES`] and the rest was left out.
    pub(crate) truncated: bool,
}

/// One line of a page before it is written.
struct Line<'g> {
    /// The baseline (for ordering; the top of the column for vertical text).
    y: f64,
    size: f64,
    glyphs: Vec<&'g Glyph>,
    /// Horizontal text, laid out by columns; else one glyph after the other.
    horizontal: bool,
    /// A table of the page (an index into its tables); the line holds no glyph.
    table: Option<usize>,
}

/// Lays out pages of glyphs, with the rules each page draws (`rules[i]` for `pages[i]`;
/// missing ones are none). Finding tables in the rules is paid from `grid_budget`
/// ([`grid::grids`]).
pub(crate) fn layout(pages: &[Vec<Glyph>], rules: &[Vec<Rule>], mut grid_budget: usize) -> Laid {
    let mut laid = Laid::default();
    let mut laid_out: Vec<Vec<Item>> = Vec::new();
    let mut size = 0usize;
    for (idx, glyphs) in pages.iter().enumerate() {
        if size > MAX_TEXT_BYTES {
            laid.truncated = true;
            break;
        }
        let items =
            page(glyphs, rules.get(idx).map_or(&[], Vec::as_slice), &mut grid_budget, &mut laid);
        size += items.iter().map(Item::len).sum::<usize>();
        laid_out.push(items);
    }
    join_rows_split_by_pages(&mut laid_out);
    for (idx, items) in laid_out.iter().enumerate() {
        if idx > 0 {
            laid.text.push('\n');
        }
        for item in items {
            if laid.text.len() > MAX_TEXT_BYTES {
                laid.truncated = true;
                return laid;
            }
            match item {
                Item::Text(text) => laid.text.push_str(text),
                Item::Table(table) => laid
                    .text
                    .push_str(table.grid.table(&table.texts).render().trim_end_matches('\n')),
            }
            laid.text.push('\n');
        }
    }
    laid
}

/// What a page is made of, top to bottom.
enum Item {
    /// A line of text, laid out.
    Text(String),
    /// A table, read by its cells.
    Table(Table),
}

impl Item {
    /// Bytes of text it holds (about what it will write).
    fn len(&self) -> usize {
        match self {
            Item::Text(text) => text.len(),
            Item::Table(table) => table.texts.values().map(String::len).sum(),
        }
    }

    /// Short lines around a table at a page break: page numbers, running heads.
    fn is_margin(&self) -> bool {
        matches!(self, Item::Text(text) if text.trim().chars().count() <= 12)
    }
}

/// A table on one page: its grid and the text of each (merged) cell.
struct Table {
    grid: Grid,
    texts: BTreeMap<usize, String>,
}

/// A table row that a page break cut in two (Word and `LibreOffice` let a row break across
/// pages) reads as two rows: the first with the numbers and half of each label, the second
/// with the rest of the labels and no number. When a page's first table continues the
/// previous page's last table (the same columns, nothing but page numbers between) and its
/// first row holds text but no number while the row before the break holds numbers, the
/// halves are joined cell by cell.
fn join_rows_split_by_pages(pages: &mut [Vec<Item>]) {
    for idx in 1..pages.len() {
        let (before, after) = pages.split_at_mut(idx);
        let Some(previous) = before.last_mut() else { continue };
        let Some(current) = after.first_mut() else { continue };
        let last = previous.iter().rposition(|i| !i.is_margin());
        let first = current.iter().position(|i| !i.is_margin());
        let (Some(last), Some(first)) = (last, first) else { continue };
        let (Some(Item::Table(upper)), Some(Item::Table(lower))) =
            (previous.get_mut(last), current.get_mut(first))
        else {
            continue;
        };
        grid::join_split_row(&upper.grid, &mut upper.texts, &mut lower.grid, &mut lower.texts);
    }
}

fn is_horizontal(glyph: &Glyph) -> bool {
    !glyph.vertical && glyph.dir.0 > 0.9
}

fn page(glyphs: &[Glyph], rules: &[Rule], grid_budget: &mut usize, laid: &mut Laid) -> Vec<Item> {
    let (glyphs, rules) = upright(glyphs, rules);
    let glyphs = glyphs.as_ref();
    let mut lines: Vec<Line<'_>> = Vec::new();
    // Tables first: the glyphs inside a grid are read by cell.
    let grids = grid::grids(&rules, grid_budget);
    let mut in_grid: Vec<Vec<&Glyph>> = vec![Vec::new(); grids.len()];
    let mut free: Vec<&Glyph> = Vec::with_capacity(glyphs.len());
    for glyph in glyphs {
        match grids.iter().position(|g| g.cell_of(glyph).is_some()) {
            Some(at) => in_grid.get_mut(at).map_or_else(|| free.push(glyph), |c| c.push(glyph)),
            None => free.push(glyph),
        }
    }
    // Horizontal text: by baseline, top first.
    let mut flat: Vec<&Glyph> = free.iter().copied().filter(|g| is_horizontal(g)).collect();
    crate::sort::sort_by(&mut flat, |a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    for glyph in flat {
        let size = glyph.size.max(1.0);
        match lines.last_mut() {
            Some(line) if line.y - glyph.y <= 0.5 * line.size.min(size) => {
                line.size = line.size.max(size);
                line.glyphs.push(glyph);
            }
            _ => lines.push(Line {
                y: glyph.y,
                size,
                glyphs: vec![glyph],
                horizontal: true,
                table: None,
            }),
        }
    }
    // Vertical and rotated text: per writing direction, by column across it (within half a
    // size), then along it; a gap of over two and a half sizes starts a new line.
    let mut other: Vec<(u8, f64, f64, &Glyph)> = free
        .iter()
        .copied()
        .filter(|g| !is_horizontal(g))
        .map(|g| {
            let (dx, dy) = g.dir;
            (direction(g.dir), g.x * -dy + g.y * dx, g.x * dx + g.y * dy, g)
        })
        .collect();
    crate::sort::sort_by(&mut other, |a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut start = 0;
    while let Some(&(class, across, _, first)) = other.get(start) {
        let tolerance = 0.5 * first.size.max(1.0);
        let end = other
            .iter()
            .skip(start)
            .position(|g| g.0 != class || g.1 - across > tolerance)
            .map_or(other.len(), |n| start + n);
        let mut column: Vec<(f64, &Glyph)> =
            other.get(start..end).unwrap_or_default().iter().map(|g| (g.2, g.3)).collect();
        crate::sort::sort_by(&mut column, |a, b| a.0.total_cmp(&b.0));
        let mut run: Vec<&Glyph> = Vec::new();
        let mut last_along = f64::MIN;
        for (along, glyph) in column {
            if !run.is_empty() && along - last_along > 2.5 * glyph.size.max(1.0) {
                lines.push(column_line(std::mem::take(&mut run)));
            }
            last_along = along;
            run.push(glyph);
        }
        if !run.is_empty() {
            lines.push(column_line(run));
        }
        start = end.max(start + 1);
    }
    // The tables, each placed at its top edge.
    let mut tables: Vec<Option<Table>> = Vec::new();
    for (grid, members) in grids.into_iter().zip(&in_grid) {
        if !members.is_empty() {
            lines.push(Line {
                y: grid.top(),
                size: 1.0,
                glyphs: Vec::new(),
                horizontal: true,
                table: Some(tables.len()),
            });
            let texts = cell_texts(&grid, members, laid);
            tables.push(Some(Table { grid, texts }));
        }
    }
    crate::sort::sort_by(&mut lines, |a, b| b.y.total_cmp(&a.y));
    let left = glyphs.iter().filter(|g| is_horizontal(g)).map(|g| g.x).fold(f64::MAX, f64::min);
    let pitch = 0.5 * typical_size(glyphs);
    let mut items = Vec::with_capacity(lines.len());
    let mut size = 0usize;
    for line in &lines {
        if size > MAX_TEXT_BYTES {
            laid.truncated = true;
            break;
        }
        if let Some(table) = line.table.and_then(|t| tables.get_mut(t)).and_then(Option::take) {
            items.push(Item::Table(table));
            continue;
        }
        let mut written = Laid::default();
        if line.horizontal {
            write_line(line, left, pitch, &mut written);
        } else {
            for glyph in &line.glyphs {
                push_glyph(glyph, &mut written);
            }
        }
        laid.unmapped += written.unmapped;
        size += written.text.len();
        items.push(Item::Text(written.text));
    }
    items
}

/// A line of vertical or rotated text, placed at its top.
fn column_line(glyphs: Vec<&Glyph>) -> Line<'_> {
    let top = glyphs.iter().map(|g| g.y).fold(f64::MIN, f64::max);
    let size = glyphs.iter().map(|g| g.size).fold(1.0, f64::max);
    Line { y: top, size, glyphs, horizontal: false, table: None }
}

/// The text of each (merged) cell of a table, by the cell's index.
fn cell_texts(grid: &Grid, members: &[&Glyph], laid: &mut Laid) -> BTreeMap<usize, String> {
    let mut cells: BTreeMap<usize, Vec<&Glyph>> = BTreeMap::new();
    for glyph in members {
        if let Some(cell) = grid.cell_of(glyph) {
            cells.entry(cell).or_default().push(glyph);
        }
    }
    cells.into_iter().map(|(cell, glyphs)| (cell, cell_text(glyphs, laid))).collect()
}

/// The text of one cell: its lines top to bottom, glyphs left to right, a space where a gap
/// between two Latin words is wider than a third of the font size; lines joined without a
/// break (a label wrapped in its cell is one label), with a space only between two Latin
/// letters or digits.
fn cell_text(mut glyphs: Vec<&Glyph>, laid: &mut Laid) -> String {
    crate::sort::sort_by(&mut glyphs, |a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
    for glyph in glyphs {
        let size = glyph.size.max(1.0);
        match lines.last_mut() {
            Some((y, line_size, members)) if *y - glyph.y <= 0.5 * line_size.min(size) => {
                members.push(glyph);
            }
            _ => lines.push((glyph.y, size, vec![glyph])),
        }
    }
    let mut text = String::new();
    for (_, _, mut members) in lines {
        crate::sort::sort_by(&mut members, |a, b| a.x.total_cmp(&b.x));
        let mut line = String::new();
        let mut previous: Option<&Glyph> = None;
        for glyph in members {
            let piece: &str = match glyph.text.as_deref() {
                Some(t) if t.trim().is_empty() => continue,
                Some(t) => t,
                None => {
                    laid.unmapped += 1;
                    "\u{FFFD}"
                }
            };
            if let Some(prev) = previous {
                if prev.text == glyph.text
                    && (glyph.x - prev.x).abs() < 0.2 * glyph.size.min(prev.size)
                {
                    continue;
                }
                // A gap is a space only between Latin words: CJK text is spaced out to
                // fill cells, and digits of one number are sometimes set apart.
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let (end, start) = (line.chars().last(), piece.chars().next());
                let digits = end.is_some_and(|c| c.is_ascii_digit())
                    && start.is_some_and(|c| c.is_ascii_digit());
                if latin(end)
                    && latin(start)
                    && !digits
                    && glyph.x - (prev.x + prev.width) > glyph.size.min(prev.size) / 3.0
                {
                    line.push(' ');
                }
            }
            line.push_str(piece);
            previous = Some(glyph);
        }
        // A number wrapped in a narrow cell ("2" over "6") is one number.
        let (end, start) = (text.chars().last(), line.chars().next());
        let joins_words = end.is_some_and(|c| c.is_ascii_alphanumeric())
            && start.is_some_and(|c| c.is_ascii_alphanumeric())
            && !(end.is_some_and(|c| c.is_ascii_digit())
                && start.is_some_and(|c| c.is_ascii_digit()));
        if joins_words {
            text.push(' ');
        }
        text.push_str(&line);
    }
    text
}

/// The writing direction as a quarter turn: 0 right, 1 up, 2 left, 3 down.
fn direction((dx, dy): (f64, f64)) -> u8 {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { 0 } else { 2 }
    } else if dy >= 0.0 {
        1
    } else {
        3
    }
}

/// The page turned so that most of its (non-vertical-writing) text runs left to right: a
/// landscape page (`/Rotate`, or a table drawn turned) reads like an upright one. Its rules
/// are turned with it.
fn upright<'g>(glyphs: &'g [Glyph], rules: &[Rule]) -> (std::borrow::Cow<'g, [Glyph]>, Vec<Rule>) {
    let mut counts = [0usize; 4];
    for glyph in glyphs.iter().filter(|g| !g.vertical) {
        if let Some(count) = counts.get_mut(usize::from(direction(glyph.dir))) {
            *count += 1;
        }
    }
    let turn = (0..4u8).max_by_key(|&c| (counts.get(usize::from(c)).copied(), 4 - c)).unwrap_or(0);
    let rotate = |(x, y): (f64, f64)| match turn {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    };
    let rules = rules
        .iter()
        .map(|r| {
            let ((x0, y0), (x1, y1)) = (rotate((r.x0, r.y0)), rotate((r.x1, r.y1)));
            Rule { x0, y0, x1, y1 }
        })
        .collect();
    if turn == 0 {
        return (std::borrow::Cow::Borrowed(glyphs), rules);
    }
    let glyphs = glyphs
        .iter()
        .map(|g| {
            let (x, y) = rotate((g.x, g.y));
            Glyph { x, y, dir: rotate(g.dir), ..g.clone() }
        })
        .collect();
    (std::borrow::Cow::Owned(glyphs), rules)
}

/// The most common font size of the page's glyphs (rounded to a point), at least 1.
fn typical_size(glyphs: &[Glyph]) -> f64 {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for glyph in glyphs.iter().filter(|g| g.text.as_deref().is_some_and(|t| !t.trim().is_empty())) {
        *counts.entry(glyph.size.round().clamp(1.0, 1000.0) as u32).or_default() += 1;
    }
    counts
        .iter()
        .max_by_key(|(size, count)| (**count, **size))
        .map_or(10.0, |(size, _)| f64::from(*size))
}

fn push_glyph(glyph: &Glyph, laid: &mut Laid) -> usize {
    if let Some(text) = glyph.text.as_deref() {
        laid.text.push_str(text);
        text.chars().map(display_width).sum()
    } else {
        laid.text.push(char::REPLACEMENT_CHARACTER);
        laid.unmapped += 1;
        1
    }
}

/// Columns a character takes in a monospace view: CJK and full-width forms take two.
fn display_width(ch: char) -> usize {
    let wide = matches!(u32::from(ch),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x2_0000..=0x3_FFFD);
    if wide { 2 } else { 1 }
}

/// Writes one horizontal line: each glyph at its column, gaps kept as spaces.
fn write_line(line: &Line<'_>, left: f64, pitch: f64, laid: &mut Laid) {
    let mut glyphs = line.glyphs.clone();
    crate::sort::sort_by(&mut glyphs, |a, b| a.x.total_cmp(&b.x));
    let column_of = |x: f64| -> usize {
        let col = ((x - left) / pitch.max(0.1)).round();
        if col.is_finite() && col > 0.0 { (col as usize).min(MAX_COLUMN) } else { 0 }
    };
    let mut cursor = 0usize;
    let mut previous: Option<&Glyph> = None;
    let mut space_seen = false;
    for glyph in glyphs {
        let Some(text) = glyph.text.as_deref() else {
            place(glyph, previous, space_seen, column_of(glyph.x), &mut cursor, laid);
            previous = Some(glyph);
            space_seen = false;
            continue;
        };
        if text.trim().is_empty() {
            space_seen = true;
            continue;
        }
        // The same glyph drawn twice at (almost) the same place: fake bold, or a shadow.
        if let Some(prev) = previous
            && prev.text.as_deref() == Some(text)
            && (glyph.x - prev.x).abs() < 0.2 * glyph.size.min(prev.size)
        {
            continue;
        }
        place(glyph, previous, space_seen, column_of(glyph.x), &mut cursor, laid);
        previous = Some(glyph);
        space_seen = false;
    }
}

/// Pads to the glyph's column (keeping the gap it has from `previous`) and writes it.
fn place(
    glyph: &Glyph,
    previous: Option<&Glyph>,
    space_seen: bool,
    column: usize,
    cursor: &mut usize,
    laid: &mut Laid,
) {
    let spaces = match previous {
        None => column,
        Some(prev) => {
            let gap = glyph.x - (prev.x + prev.width);
            let size = glyph.size.min(prev.size).max(0.1);
            let least =
                if gap > 1.0 * size { 2 } else { usize::from(gap > 0.15 * size || space_seen) };
            if least == 0 { 0 } else { column.saturating_sub(*cursor).max(least) }
        }
    };
    let spaces = spaces.min(MAX_COLUMN);
    laid.text.extend(std::iter::repeat_n(' ', spaces));
    *cursor = cursor.saturating_add(spaces).saturating_add(push_glyph(glyph, laid));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, y: f64) -> Glyph {
        let width = if text.is_ascii() { 5.0 } else { 10.0 };
        Glyph { text: Some(text.into()), x, y, width, size: 10.0, dir: (1.0, 0.0), vertical: false }
    }

    fn text_of(glyphs: Vec<Glyph>) -> String {
        layout(&[glyphs], &[], 0).text
    }

    #[test]
    fn adjacent_glyphs_join_and_gaps_become_spaces() {
        // "总计" then "21" right after it, a gap of one space, then a column gap.
        let text = text_of(vec![
            glyph("总", 0.0, 100.0),
            glyph("计", 10.0, 100.0),
            glyph("2", 20.0, 100.0),
            glyph("1", 25.0, 100.0),
            glyph("0", 35.0, 100.0),
            glyph("5", 80.0, 100.0),
        ]);
        assert_eq!(text, "总计21 0        5\n");
    }

    #[test]
    fn a_column_gap_gives_two_spaces_even_when_the_column_is_passed() {
        // The page's text is twice the table's size, so the label's columns run past the
        // number's column: the number still gets two spaces.
        let mut glyphs: Vec<Glyph> =
            (0..8).map(|i| glyph("字", f64::from(i) * 10.0, 50.0)).collect();
        glyphs.push(glyph("7", 92.0, 50.0));
        for i in 0..20 {
            let mut big = glyph("大", f64::from(i) * 20.0, 100.0);
            big.size = 20.0;
            big.width = 20.0;
            glyphs.push(big);
        }
        let text = text_of(glyphs);
        assert_eq!(text.lines().nth(1), Some("字字字字字字字字  7"));
    }

    #[test]
    fn lines_by_baseline_top_to_bottom_and_columns_line_up() {
        let text = text_of(vec![
            glyph("4", 60.0, 80.0),
            glyph("b", 0.0, 81.5),
            glyph("a", 0.0, 100.0),
            glyph("3", 60.0, 100.0),
        ]);
        assert_eq!(text, "a           3\nb           4\n");
    }

    #[test]
    fn spaces_fake_bold_unmapped_vertical_and_pages() {
        let mut bold = glyph("A", 0.3, 10.0);
        bold.width = 5.0;
        let mut unmapped = glyph("?", 30.0, 10.0);
        unmapped.text = None;
        let mut vertical = vec![glyph("三", 100.0, 60.0), glyph("、", 100.0, 50.0)];
        for g in &mut vertical {
            g.vertical = true;
            g.dir = (0.0, -1.0);
        }
        let mut page1 = vec![
            glyph("A", 0.0, 10.0),
            bold,
            glyph(" ", 5.0, 10.0),
            glyph("B", 8.0, 10.0),
            unmapped,
        ];
        page1.extend(vertical);
        let laid = layout(
            &[page1, vec![glyph("-", 40.0, 5.0), glyph("1", 45.0, 5.0), glyph("-", 50.0, 5.0)]],
            &[],
            0,
        );
        assert_eq!(laid.text, "三、\nA B   \u{FFFD}\n\n-1-\n");
        assert_eq!(laid.unmapped, 1);
    }

    #[test]
    fn a_turned_page_reads_like_an_upright_one() {
        let upright = vec![
            glyph("a", 0.0, 100.0),
            glyph("1", 60.0, 100.0),
            glyph("b", 0.0, 80.0),
            glyph("2", 60.0, 80.0),
        ];
        let expected = text_of(upright.clone());
        // Turned by quarter turns counterclockwise (text running up, left, down).
        for turn in 1..4 {
            let turned: Vec<Glyph> = upright
                .iter()
                .map(|g| {
                    let (mut x, mut y, mut dir) = (g.x, g.y, g.dir);
                    for _ in 0..turn {
                        (x, y, dir) = (-y, x, (-dir.1, dir.0));
                    }
                    Glyph { x, y, dir, ..g.clone() }
                })
                .collect();
            assert_eq!(text_of(turned), expected, "turned {turn} quarters");
        }
    }

    #[test]
    fn vertical_columns_read_top_to_bottom() {
        // One vertical column whose glyphs are a hair apart across it, and a far glyph.
        let mut glyphs = Vec::new();
        for (i, ch) in (0u32..).zip(["三", "、", "本", "年"]) {
            let x = 100.0 + if i % 2 == 0 { 0.0 } else { 0.01 };
            let mut g = glyph(ch, x, 100.0 - 10.0 * f64::from(i));
            g.vertical = true;
            g.dir = (0.0, -1.0);
            glyphs.push(g);
        }
        let mut far = glyph("结", 100.0, 0.0);
        far.vertical = true;
        far.dir = (0.0, -1.0);
        glyphs.push(far);
        assert_eq!(text_of(glyphs), "三、本年\n结\n");
    }

    #[test]
    fn far_away_glyphs_do_not_make_huge_lines() {
        let text = text_of(vec![glyph("a", 0.0, 0.0), glyph("b", 1.0e6, 0.0)]);
        assert!(text.len() <= MAX_COLUMN + 4, "{}", text.len());
        // A million lines indented by 200 columns: the text stops at its limit.
        let lines: Vec<Glyph> = (0..1_000_000)
            .map(|i| {
                let x = if i == 0 { 0.0 } else { 1000.0 };
                glyph("y", x, -f64::from(i) * 20.0)
            })
            .collect();
        let text = text_of(lines);
        assert!(text.len() <= MAX_TEXT_BYTES + MAX_COLUMN + 8, "{}", text.len());
    }
}
