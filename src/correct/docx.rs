//! A Word file corrected in place: each corrected number is found in `word/document.xml` by
//! its table cell — the table that holds the report's table, the row that carries the row's
//! label, the value cell counted from the row's end (merged label cells and spans counted as
//! Word counts them) — and its text is replaced; everything else of the file stays as it was
//! (the parts are written back stored, their contents unchanged).

use std::ops::Range;

use crate::Checked;
use crate::input::xml::{self, Event};
use crate::input::zip::Archive;
use crate::model::labels;
use crate::model::{CellRef, Col, Row, TableId, Value};

use super::Unpatchable;

/// One `w:tc`: how many grid columns it spans, its text, and where its `w:t` texts are.
#[derive(Debug, Default)]
struct Tc {
    span: usize,
    text: String,
    runs: Vec<Range<usize>>,
}

/// One `w:tr`.
#[derive(Debug, Default)]
struct Tr {
    cells: Vec<Tc>,
}

impl Tr {
    /// The row's text, without whitespace (labels are matched on it).
    fn compact(&self) -> String {
        self.cells.iter().flat_map(|c| c.text.chars()).filter(|c| !c.is_whitespace()).collect()
    }

    /// The cell `from_end` grid columns before the row's last (0: the last).
    fn nth_from_end(&self, from_end: usize) -> Option<&Tc> {
        let mut at = 0;
        for cell in self.cells.iter().rev() {
            if from_end < at + cell.span.max(1) {
                return (at == from_end).then_some(cell);
            }
            at += cell.span.max(1);
        }
        None
    }
}

/// The tables of a document.xml, each a list of rows (nested tables are tables of their own).
fn tables(document: &str) -> Vec<Vec<Tr>> {
    let base = document.as_ptr() as usize;
    let mut done: Vec<Vec<Tr>> = Vec::new();
    let mut open: Vec<Vec<Tr>> = Vec::new();
    let mut in_text = false;
    for event in xml::events(document) {
        match event {
            Event::Start { name: "w:tbl", empty: false, .. } => open.push(Vec::new()),
            Event::End { name: "w:tbl" } => done.extend(open.pop()),
            Event::Start { name: "w:tr", empty: false, .. } => {
                if let Some(rows) = open.last_mut() {
                    rows.push(Tr::default());
                }
            }
            // An empty `<w:tc/>` holds nothing; it still takes its grid column.
            Event::Start { name: "w:tc", .. } => {
                if let Some(row) = open.last_mut().and_then(|rows| rows.last_mut()) {
                    row.cells.push(Tc { span: 1, ..Tc::default() });
                }
            }
            Event::Start { name: "w:gridSpan", attrs, .. } => {
                let span = xml::attr(attrs, "w:val").and_then(|v| v.parse::<usize>().ok());
                if let (Some(span), Some(cell)) = (
                    span,
                    open.last_mut()
                        .and_then(|rows| rows.last_mut())
                        .and_then(|r| r.cells.last_mut()),
                ) {
                    cell.span = span.clamp(1, 64);
                }
            }
            Event::Start { name: "w:t", empty: false, .. } => in_text = true,
            Event::End { name: "w:t" } => in_text = false,
            Event::Text(text) if in_text => {
                if let Some(cell) = open
                    .last_mut()
                    .and_then(|rows| rows.last_mut())
                    .and_then(|r| r.cells.last_mut())
                {
                    let start = text.as_ptr() as usize - base;
                    cell.runs.push(start..start + text.len());
                    cell.text.push_str(&xml::decode(text));
                }
            }
            _ => {}
        }
    }
    done
}

/// The row of a table that carries `keys`, among the rows with at least `width` cells at its
/// end that hold a number or nothing.
fn find_row<'a>(table: &'a [Tr], keys: &[&str], width: usize) -> Option<&'a Tr> {
    table.iter().find(|row| {
        let compact = row.compact().replace('（', "(").replace('）', ")");
        let valued = (0..width).all(|k| {
            row.nth_from_end(k).is_some_and(|c| {
                let t = c.text.trim();
                t.is_empty() || t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            })
        });
        valued && keys.iter().any(|key| compact.contains(key))
    })
}

/// Where a cell's number is, in document.xml: the cell's `w:t` ranges.
fn locate<'a>(tables: &'a [Vec<Tr>], checked: &Checked, cell: CellRef) -> Option<&'a Tc> {
    let table_text = |t: &[Tr]| t.iter().map(Tr::compact).collect::<String>();
    match cell.table {
        TableId::T3 => {
            let cols = checked.report.table(TableId::T3)?.cols();
            let index = cols.iter().position(|&c| c == cell.col)?;
            let table = tables.iter().find(|t| table_text(t).contains("本年新收"))?;
            let row = find_row(table, labels::t3_keys(cell.row), cols.len())?;
            row.nth_from_end(cols.len() - 1 - index)
        }
        TableId::T4 => {
            let order = [Row::RV, Row::LD, Row::LR];
            let results = [Col::keep, Col::fix, Col::oth, Col::pend, Col::t4_tot];
            let index = order.iter().position(|&r| r == cell.row)? * 5
                + results.iter().position(|&c| c == cell.col)?;
            let table = tables.iter().find(|t| {
                let text = table_text(t);
                text.contains("行政复议") && text.contains("结果维持")
            })?;
            let row = table.iter().rev().find(|r| {
                (0..15).all(|k| {
                    r.nth_from_end(k)
                        .is_some_and(|c| c.text.trim().bytes().all(|b| b.is_ascii_digit()))
                })
            })?;
            row.nth_from_end(14 - index)
        }
        TableId::T2 => {
            let table = checked.report.table(TableId::T2)?;
            let cols: Vec<Col> =
                table.cells.iter().filter(|c| c.addr.row == cell.row).map(|c| c.addr.col).collect();
            let index = cols.iter().position(|&c| c == cell.col)?;
            tables.iter().find_map(|t| {
                let row = find_row(t, labels::t2_keys(cell.row), cols.len())?;
                row.nth_from_end(cols.len() - 1 - index)
            })
        }
        TableId::Pre2019 => None,
    }
}

/// The .docx `bytes` with each edit of `checked` written into its table cell.
pub(super) fn patch(bytes: &[u8], checked: &Checked) -> Result<Vec<u8>, Unpatchable> {
    let archive = Archive::parse(bytes).map_err(|_| Unpatchable::Replaced)?;
    let entry = archive.find("word/document.xml").ok_or(Unpatchable::Replaced)?;
    let document = archive.read(entry).map_err(|_| Unpatchable::Replaced)?;
    let document = String::from_utf8(document).map_err(|_| Unpatchable::Replaced)?;
    let tables = tables(&document);
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut nowhere = Vec::new();
    for applied in &checked.edits {
        let was = match &applied.was {
            Value::Number(n) => n.to_string(),
            Value::Blank { placeholder: None } => String::new(),
            _ => {
                nowhere.push(applied.cell);
                continue;
            }
        };
        let now = match &applied.now {
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        match locate(&tables, checked, applied.cell) {
            Some(tc) if tc.text.trim() == was && !tc.runs.is_empty() => {
                let mut runs = tc.runs.iter();
                if let Some(first) = runs.next() {
                    replacements.push((first.clone(), now));
                }
                replacements.extend(runs.map(|r| (r.clone(), String::new())));
            }
            _ => nowhere.push(applied.cell),
        }
    }
    if !nowhere.is_empty() {
        return Err(Unpatchable::NoPlace(nowhere));
    }
    crate::sort::sort_by_key(&mut replacements, |(range, _)| std::cmp::Reverse(range.start));
    let mut patched = document;
    for (range, text) in replacements {
        patched.replace_range(range, &text);
    }
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in archive.entries() {
        let name = String::from_utf8_lossy(entry.name).into_owned();
        let data = if name.eq_ignore_ascii_case("word/document.xml") {
            patched.as_bytes().to_vec()
        } else {
            archive.read(entry).map_err(|_| Unpatchable::Replaced)?
        };
        parts.push((name, data));
    }
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    Ok(crate::office::zip_stored(&refs))
}
