//! Reading 表二, 表三 and 表四 out of the token stream.
//!
//! 表三 is read two ways and the better one is kept:
//! * **by labels**: each row's key words are found in order, and the values between one row's
//!   label and the next row's label are that row's. A run of rows whose labels were lost is
//!   filled by position when exactly the right number of values follows the last label; a row
//!   with too few values that are all digit runs is split under its row sum ([`split`]).
//! * **by row order**: when every row of values sits on its own line but labels are out of
//!   place (PDF → markdown), the numeric lines are taken in order, provided no line carries a
//!   label that contradicts its position.
//!
//! Invariant: nothing is guessed silently. A row that cannot be read is left
//! [`Value::Missing`] with a [`Note`], and inferred cells say so.

mod t2;
mod t3;
mod t4;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::rules::RuleId;
use crate::segment::{Doc, TokenKind};
use crate::span::TextRange;

use super::address::{CellRef, Col, Row, TableId};
use super::identities::{Identity, T3_APPLICANTS, t3_identities, t3_leaves, t4_identities};
use super::labels::{self, Index};
use super::number::Number;
use super::resolve::{Slot, resolve};
use super::split::{
    MAX_STEPS, Reading, Readings, closest_cuts, grouped_readings, splits, total_row_readings, unfit,
};
use super::{Cell, LabelIssue, Layout, Note, Strategy, Table, Value};

/// How far (compact bytes) to look for the next row's label.
const LABEL_WINDOW: usize = 900;
/// How far (compact bytes) 表三 may extend after its first row.
const T3_MAX: usize = 30_000;

/// 表二, 表三 and 表四, and a second 表三 found after the first.
pub(super) fn read(
    text: &str,
    doc: &Doc,
    index: &Index,
) -> (Vec<Table>, Option<super::AnotherTable>) {
    let reader = Reader { text, doc, index };
    let mut tables = Vec::new();
    let t3 = reader.t3(0);
    let another = t3.as_ref().and_then(|(first, bounds)| {
        let (second, _) = reader.t3(bounds.end)?;
        another_table(first, &second)
    });
    let t4_from = t3.as_ref().map_or(0, |(_, bounds)| bounds.end);
    let t4 = reader.t4(t4_from);
    let t2_to = match (&t3, &t4) {
        (Some((_, bounds)), _) => bounds.start,
        (None, Some((_, start))) => *start,
        (None, None) => index.compact.len(),
    };
    if let Some(t2) = reader.t2(t2_to) {
        tables.push(t2);
    }
    if let Some((t3, _)) = t3 {
        tables.push(t3);
    }
    if let Some((t4, _)) = t4 {
        tables.push(t4);
    }
    (tables, another)
}

/// Of 表三 and 表四 not read, those whose labels are in the text all the same (PDF text in
/// content-stream order puts a table's labels in one place and its numbers in another): the
/// table is there, unread, never missing.
pub(super) fn unread(tables: &[Table], index: &Index) -> Vec<TableId> {
    let all = index.compact.len();
    let mut unread = Vec::new();
    if !tables.iter().any(|t| t.id == TableId::T3) {
        // The narrative names a few outcomes (予以公开, 不予公开…); only the table names most of
        // its 25 rows, and its first or its （七）总计 row (a converter that cut the long first
        // label across cells, `一、本⏎申请数|年新收政⏎量`, leaves the latter).
        let named = t3_leaves(Layout::Y2021)
            .into_iter()
            .filter(|&row| index.contains_any(labels::t3_keys(row), 0, all))
            .count();
        let ends = [Row::R1, Row::R3_7]
            .iter()
            .any(|&row| index.contains_any(labels::t3_keys(row), 0, all));
        if ends && named >= T3_ROWS_NAMED {
            unread.push(TableId::T3);
        }
    }
    if !tables.iter().any(|t| t.id == TableId::T4) {
        let named = labels::T4_HEADER_FOLLOWERS
            .iter()
            .filter(|&&w| index.contains_any(&[w], 0, all))
            .count();
        if index.contains_any(labels::T4_HEADER_KEYS, 0, all) && named >= 2 {
            unread.push(TableId::T4);
        }
    }
    unread
}

/// How many of 表三's rows must be named for its labels to count as there.
const T3_ROWS_NAMED: usize = 12;

/// A second 表三 counts when most of its cells hold numbers (a narrative that names 本年新收
/// and 上年结转 after the tables is no table).
fn another_table(first: &Table, second: &Table) -> Option<super::AnotherTable> {
    let numbers = second.cells.iter().filter(|c| c.value.number().is_some()).count();
    if numbers * 3 < second.cells.len() * 2 {
        return None;
    }
    let differing = second
        .cells
        .iter()
        .filter(|c| {
            let theirs = c.value.number();
            theirs.is_some()
                && first.cell(c.addr.row, c.addr.col).and_then(|f| f.value.number()) != theirs
        })
        .count();
    Some(super::AnotherTable { numbers, differing })
}

struct Reader<'a> {
    text: &'a str,
    doc: &'a Doc,
    index: &'a Index,
}

/// A row label found in the text.
#[derive(Clone, Debug)]
struct Anchor {
    row: Row,
    compact: Range<usize>,
    /// The token where the label's key word starts.
    first_token: usize,
    /// The token where the label's key word ends.
    last_token: usize,
    /// A subtotal row of a local variant.
    subtotal: bool,
}

/// What was read for one row.
#[derive(Clone, Debug)]
enum RowRead {
    /// Values, one token each (or a text cell where a number belongs).
    Direct(Vec<usize>),
    /// Values split from glued digit runs (`None`: a blank cell that left no digit). `fits`
    /// is false when no reading of the digits satisfies the row's own sum.
    Glued { tokens: Vec<usize>, values: Reading, fits: bool },
    /// Glued digits with several possible readings.
    Ambiguous { tokens: Vec<usize>, candidates: Readings },
    /// The wrong number of values.
    Wrong { found: usize },
}

impl Reader<'_> {
    /// True when `tokens` stand on one line of the text (their order is the cells' order).
    fn on_one_line(&self, tokens: &[usize]) -> bool {
        let (Some(&first), Some(&last)) = (tokens.first(), tokens.last()) else { return true };
        let (Some(first), Some(last)) = (self.doc.tokens.get(first), self.doc.tokens.get(last))
        else {
            return true;
        };
        !self.text.get(first.range.start..last.range.end).unwrap_or("").contains('\n')
    }

    /// True when the numbers of a 表三 row stand in its cells' order with nothing of the row
    /// elsewhere: on one line, after the row's label (or other text) on that line — a glued
    /// or laid-out row. A row's number on a line of its own may be one cell of a row whose
    /// other numbers the text put elsewhere (a PDF extractor that writes each text box on its
    /// own line: `（七）总计⏎26⏎四、结转…`), so blanks that left no digit prove nothing there.
    fn in_cells_order(&self, tokens: &[usize]) -> bool {
        let Some(first) = tokens.first().and_then(|&t| self.doc.tokens.get(t)) else {
            return true;
        };
        // Back from the number to the nearest letter or the line's start (not the whole line:
        // a glued text may be one line of megabytes).
        let before = self.text.get(..first.range.start).unwrap_or("");
        let after_text = before.chars().rev().take_while(|&c| c != '\n').any(char::is_alphabetic);
        self.on_one_line(tokens) && after_text
    }

    fn token_text(&self, idx: usize) -> &str {
        self.doc.tokens.get(idx).map_or("", |t| &self.text[t.range.clone()])
    }

    fn anchor(&self, row: Row, compact: Range<usize>, subtotal: bool) -> Anchor {
        let first_token = self.index.token_of(compact.start);
        let last_token = self.index.token_of(compact.end.saturating_sub(1));
        Anchor { row, compact, first_token, last_token, subtotal }
    }

    /// The value slots among `tokens`: numbers, blanks, and whole-cell text sitting between
    /// values of the same structured row (a text cell where a number belongs).
    fn slots(&self, tokens: Range<usize>, stop_at_text_after_values: bool) -> Vec<usize> {
        let end = tokens.end.min(self.doc.tokens.len());
        // At most one slot per token: grown once, not by doubling row after row.
        let mut out = Vec::with_capacity(end.saturating_sub(tokens.start));
        for idx in tokens.start..end {
            let token = &self.doc.tokens[idx];
            match token.kind {
                TokenKind::Num(_) | TokenKind::Blank { .. } => out.push(idx),
                TokenKind::Text => {
                    let between = token.whole_cell
                        && out.last().is_some_and(|&prev| self.doc.tokens[prev].row == token.row)
                        && self.doc.tokens[idx + 1..end]
                            .iter()
                            .take_while(|t| t.row == token.row)
                            .any(|t| !matches!(t.kind, TokenKind::Text));
                    if between {
                        out.push(idx);
                    } else if stop_at_text_after_values && !out.is_empty() {
                        break;
                    }
                }
            }
        }
        out
    }

    /// Drops blanks beyond `width`: trailing ones (empty cells past the table's edge), then
    /// leading ones (the empty cells a converter leaves where a merged label cell spanned
    /// several columns: `| 一、本年新收… |  |  | 920 | …`).
    fn trim_to(&self, slots: &mut Vec<usize>, width: usize) {
        let blank = |idx: usize| matches!(self.doc.tokens[idx].kind, TokenKind::Blank { .. });
        while slots.len() > width && slots.last().is_some_and(|&idx| blank(idx)) {
            slots.pop();
        }
        let leading = slots.iter().take_while(|&&idx| blank(idx)).count();
        let extra = slots.len().saturating_sub(width).min(leading);
        slots.drain(..extra);
    }

    /// Digit runs of `slots` when every slot is an unsigned integer as written.
    fn digit_runs(&self, slots: &[usize]) -> Option<Vec<&str>> {
        slots
            .iter()
            .map(|&idx| match &self.doc.tokens[idx].kind {
                TokenKind::Num(num) if !num.signed && num.unit.is_none() => {
                    let digits = &self.text[num.digits.clone()];
                    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
                }
                _ => None,
            })
            .collect()
    }

    /// The digit runs with those that only a line break separates joined into one (`None`
    /// when no two are): the runs of a glued row whose line was wrapped at a fixed width.
    fn runs_joined_across_lines(&self, slots: &[usize], runs: &[&str]) -> Option<Vec<String>> {
        let mut joined: Vec<String> = Vec::with_capacity(runs.len());
        let mut any = false;
        for (k, (&idx, run)) in slots.iter().zip(runs).enumerate() {
            let wrapped = k > 0 && {
                let before = &self.doc.tokens[slots[k - 1]].range;
                let here = &self.doc.tokens[idx].range;
                self.text.get(before.end..here.start) == Some("\n")
            };
            match joined.last_mut() {
                Some(last) if wrapped => {
                    last.push_str(run);
                    any = true;
                }
                _ => joined.push((*run).to_string()),
            }
        }
        any.then_some(joined)
    }

    /// Reads one row's slots: directly, or as glued digits read every way `split` allows.
    fn row_read(
        &self,
        mut slots: Vec<usize>,
        width: usize,
        split: &dyn Fn(&[&str]) -> Readings,
    ) -> RowRead {
        self.trim_to(&mut slots, width);
        if slots.len() == width {
            return RowRead::Direct(slots);
        }
        // Glued digits can only hide in text whose cell separators were lost: never split a
        // number that filled a delimited cell by itself, unless the whole row is one cell.
        let splittable =
            slots.len() == 1 || slots.iter().any(|&idx| !self.doc.tokens[idx].whole_cell);
        if slots.len() < width
            && !slots.is_empty()
            && splittable
            && let Some(runs) = self.digit_runs(&slots)
        {
            let mut candidates = split(&runs);
            if !candidates.fits
                && let Some(joined) = self.runs_joined_across_lines(&slots, &runs)
            {
                // A line break inside a glued digit run may be where a fixed-width copy
                // wrapped the line, not a cell boundary (`（七）总计2⏎1710000218`): the row is
                // proof of an error only if no reading fits either way.
                let joined: Vec<&str> = joined.iter().map(String::as_str).collect();
                let rejoined = split(&joined);
                if rejoined.fits {
                    candidates = rejoined;
                }
            }
            return match candidates.all.len() {
                0 => RowRead::Wrong { found: slots.len() },
                1 => RowRead::Glued {
                    tokens: slots,
                    values: candidates.all.pop().unwrap_or_default(),
                    fits: candidates.fits,
                },
                _ => RowRead::Ambiguous { tokens: slots, candidates },
            };
        }
        RowRead::Wrong { found: slots.len() }
    }

    /// Turns a read row into cells.
    fn row_cells(
        &self,
        table: TableId,
        row: Row,
        cols: &[Col],
        read: Option<&RowRead>,
    ) -> Vec<Cell> {
        let addr = |col| CellRef::new(table, row, col);
        match read {
            Some(RowRead::Direct(tokens)) => cols
                .iter()
                .zip(tokens)
                .map(|(&col, &idx)| self.cell_from_token(addr(col), idx))
                .collect(),
            Some(RowRead::Glued { tokens, values, .. }) => {
                self.glued_cells(table, row, cols, tokens, values)
            }
            Some(RowRead::Ambiguous { tokens, .. }) => {
                let range = self.span_of(tokens);
                cols.iter()
                    .map(|&col| Cell {
                        addr: addr(col),
                        value: Value::Ambiguous,
                        inferred: false,
                        text_range: Some(TextRange::new(range.clone())),
                        range: None,
                        unit: None,
                    })
                    .collect()
            }
            Some(RowRead::Wrong { .. }) | None => cols
                .iter()
                .map(|&col| Cell {
                    addr: addr(col),
                    value: Value::Missing,
                    inferred: false,
                    text_range: None,
                    range: None,
                    unit: None,
                })
                .collect(),
        }
    }

    /// What a row's reading leaves to report, when it was not read as written.
    fn notes(&self, row: Row, read: &RowRead, expected: usize) -> Vec<Note> {
        match read {
            RowRead::Direct(_) => Vec::new(),
            RowRead::Glued { tokens, fits, .. } => {
                if *fits {
                    Vec::new()
                } else {
                    vec![Note::Unsplittable { row, digits: self.joined(tokens) }]
                }
            }
            RowRead::Ambiguous { tokens, candidates } => {
                let mut notes = vec![Note::Ambiguous {
                    row,
                    digits: self.joined(tokens),
                    candidates: candidates
                        .all
                        .iter()
                        .take(4)
                        .map(|c| c.iter().map(|v| v.map(Number::int)).collect())
                        .collect(),
                    count: candidates.all.len(),
                }];
                if !candidates.fits {
                    notes.push(Note::Unsplittable { row, digits: self.joined(tokens) });
                }
                notes
            }
            RowRead::Wrong { found } => vec![Note::WrongCount { row, expected, found: *found }],
        }
    }

    /// The digits of `tokens` as written, space-separated.
    fn joined(&self, tokens: &[usize]) -> String {
        tokens.iter().map(|&t| self.token_text(t)).collect::<Vec<_>>().join(" ")
    }

    fn span_of(&self, tokens: &[usize]) -> Range<usize> {
        let start = tokens.first().map_or(0, |&t| self.doc.tokens[t].range.start);
        let end = tokens.last().map_or(start, |&t| self.doc.tokens[t].range.end);
        start..end
    }

    /// Cells of a glued row, each pointing at its own digits (a blank that left no digit
    /// points nowhere).
    fn glued_cells(
        &self,
        table: TableId,
        row: Row,
        cols: &[Col],
        tokens: &[usize],
        values: &[Option<i64>],
    ) -> Vec<Cell> {
        // The digits in order, wherever they are: a number may run on from one token to the
        // next (a line wrapped inside it, `runs_joined_across_lines`).
        let digits: Vec<usize> = tokens
            .iter()
            .filter_map(|&idx| match &self.doc.tokens[idx].kind {
                TokenKind::Num(num) => Some(num.digits.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        let mut ranges = Vec::with_capacity(values.len());
        let mut at = 0;
        for value in values.iter().flatten() {
            let len = value.to_string().len();
            let (Some(&first), Some(&last)) = (digits.get(at), digits.get(at + len - 1)) else {
                break;
            };
            ranges.push(first..last + 1);
            at += len;
        }
        let mut ranges = ranges.into_iter();
        cols.iter()
            .zip(values)
            .map(|(&col, &value)| Cell {
                addr: CellRef::new(table, row, col),
                value: value
                    .map_or(Value::Blank { placeholder: None }, |v| Value::Number(Number::int(v))),
                inferred: true,
                text_range: if value.is_some() { ranges.next().map(TextRange::new) } else { None },
                range: None,
                unit: None,
            })
            .collect()
    }

    fn cell_from_token(&self, addr: CellRef, idx: usize) -> Cell {
        cell_from_token(self.text, self.doc, addr, idx)
    }

    /// The values of a read row for the sums (blanks as 0), `None` where unknown.
    fn known_values(&self, table: TableId, row: Row, read: &RowRead) -> Vec<Option<i64>> {
        match read {
            RowRead::Direct(tokens) => tokens
                .iter()
                .map(|&t| match self.cell_from_token(CellRef::new(table, row, Col::NP), t).value {
                    Value::Number(n) => n.as_int(),
                    Value::Blank { .. } => Some(0),
                    _ => None,
                })
                .collect(),
            RowRead::Glued { values, .. } => values.iter().map(|v| Some(v.unwrap_or(0))).collect(),
            RowRead::Ambiguous { .. } | RowRead::Wrong { .. } => Vec::new(),
        }
    }

    /// Reads the ambiguous glued rows of 表三 the way the table's other sums support
    /// ([`resolve`]), and records which sums that assumed and which break whatever the
    /// digits meant.
    fn settle(
        &self,
        reads: &mut BTreeMap<Row, RowRead>,
        identities: &[Identity],
        cols: &[Col],
        notes: &mut Vec<Note>,
    ) {
        let cells = |row: Row| -> Vec<CellRef> {
            cols.iter().map(|&col| CellRef::new(TableId::T3, row, col)).collect()
        };
        let mut known: BTreeMap<CellRef, i64> = BTreeMap::new();
        let mut slots = Vec::new();
        let mut slot_rows = Vec::new();
        // The known cells matter only to rows read several ways (most tables have none).
        let any_ambiguous = reads.values().any(|read| matches!(read, RowRead::Ambiguous { .. }));
        for (&row, read) in reads.iter() {
            if let RowRead::Ambiguous { tokens, candidates } = read {
                slots.push(Slot {
                    cells: cells(row),
                    readings: candidates.all.clone(),
                    complete: candidates.complete,
                    ordered: self.in_cells_order(tokens),
                });
                slot_rows.push(row);
                continue;
            }
            if !any_ambiguous {
                continue;
            }
            for (cell, value) in
                cells(row).into_iter().zip(self.known_values(TableId::T3, row, read))
            {
                if let Some(value) = value {
                    known.insert(cell, value);
                }
            }
        }
        // A long row that fits no sum has too many cuts to weigh: take the cuts closest to the
        // values its cells need for the other sums.
        for (slot, row) in slots.iter_mut().zip(&slot_rows) {
            let Some(RowRead::Ambiguous { tokens, candidates }) = reads.get(row) else { continue };
            if candidates.fits || candidates.complete {
                continue;
            }
            let Some(runs) = self.digit_runs(tokens) else { continue };
            let expected: Vec<Option<i64>> =
                slot.cells.iter().map(|&cell| needed(cell, identities, &known)).collect();
            let closest = closest_cuts(&runs, cols.len(), &expected);
            if !closest.is_empty() {
                slot.readings = closest;
            }
        }
        // Rows read only one way whose digits fit no sum break their own row sum, whatever —
        // unless blanks left no digit of numbers that may stand out of the cells' order
        // (`Slot::ordered`): `0⏎0⏎申请数量⏎2` may be three cells of three rows.
        let mut broken: Vec<String> = reads
            .iter()
            .filter(|(_, read)| match read {
                RowRead::Glued { fits: false, tokens, values } => {
                    values.iter().all(Option::is_some) || self.in_cells_order(tokens)
                }
                _ => false,
            })
            .flat_map(|(&row, _)| {
                identities
                    .iter()
                    .filter(move |i| {
                        matches!(i.rule, RuleId::T3Row | RuleId::T3Lp)
                            && i.total.first().is_some_and(|c| c.row == row)
                    })
                    .map(Identity::id)
            })
            .collect();
        if !slots.is_empty() {
            let resolution = resolve(&known, &slots, identities);
            for ((row, chosen), slot) in slot_rows.iter().zip(&resolution.chosen).zip(&slots) {
                let Some(k) = *chosen else { continue };
                if let Some(RowRead::Ambiguous { tokens, candidates }) = reads.get(row) {
                    let read = RowRead::Glued {
                        tokens: tokens.clone(),
                        values: slot.readings[k].clone(),
                        fits: candidates.fits,
                    };
                    reads.insert(*row, read);
                }
            }
            if !resolution.assumed.is_empty() {
                notes.push(Note::Glued { rows: Vec::new(), assumed: resolution.assumed });
            }
            broken.extend(resolution.broken);
            // An unsettled row whose digits fit no reading: its own sum is broken whatever,
            // and the table is wrong somewhere; the sums its likeliest readings all break say
            // where.
            let mut likely = Vec::new();
            for ((row, chosen), slot) in slot_rows.iter().zip(&resolution.chosen).zip(&slots) {
                let unfit = matches!(reads.get(row), Some(RowRead::Ambiguous { candidates, .. }) if !candidates.fits);
                if chosen.is_some() || !unfit {
                    continue;
                }
                for identity in identities {
                    let touches = identity.cells().any(|c| slot.cells.contains(&c));
                    if matches!(identity.rule, RuleId::T3Row | RuleId::T3Lp)
                        && identity.total.first().is_some_and(|c| c.row == *row)
                    {
                        // Unless its numbers may stand out of the cells' order.
                        if !slot.leaves_cells_open() {
                            broken.push(identity.id());
                        }
                    } else if touches && resolution.broken_in_best.contains(&identity.id()) {
                        likely.push(identity.id());
                    }
                }
            }
            likely.retain(|id| !broken.contains(id));
            crate::sort::sort(&mut likely);
            likely.dedup();
            if !likely.is_empty() {
                notes.push(Note::Inconsistent { identities: likely, proven: false });
            }
        }
        crate::sort::sort(&mut broken);
        broken.dedup();
        if !broken.is_empty() {
            notes.push(Note::Inconsistent { identities: broken, proven: true });
        }
    }

    // The tables themselves: 表三 in `t3.rs`, 表四 in `t4.rs`, 表二 in `t2.rs`.

    /// Known label typos in `from..to` (compact offsets).
    fn label_issues(&self, from: usize, to: usize) -> Vec<LabelIssue> {
        labels::LABEL_TYPOS
            .iter()
            .filter(|(found, _, _)| self.index.contains_any(&[found], from, to))
            .map(|&(found, official, row)| LabelIssue { found, official, row })
            .collect()
    }

    /// Values right after a label: nothing but values may come between (a later row's values
    /// after another label do not count).
    fn values_after(&self, label_token: usize) -> Vec<usize> {
        let mut slots = Vec::new();
        let end = self.doc.tokens.len().min(label_token + 64);
        for idx in label_token + 1..end {
            let token = &self.doc.tokens[idx];
            if token.kind != TokenKind::Text {
                slots.push(idx);
                continue;
            }
            let between =
                slots.last().is_some_and(|&prev: &usize| self.doc.tokens[prev].row == token.row)
                    && token.whole_cell
                    && self.doc.tokens[idx + 1..end]
                        .iter()
                        .take_while(|t| t.row == token.row)
                        .any(|t| t.kind != TokenKind::Text);
            if !between {
                break;
            }
            slots.push(idx);
        }
        slots
    }

    fn last_occurrence(&self, keys: &[&str], from: usize, to: usize) -> Option<Range<usize>> {
        let mut found = None;
        let mut at = from;
        while let Some(hit) = self.index.find_any(keys, at, to) {
            at = hit.end;
            found = Some(hit);
        }
        found
    }
}

/// The sum a row of 表三 must satisfy, for splitting glued digits.
fn row_accept(cols: &[Col]) -> impl Fn(&[i64]) -> bool + use<> {
    let position = |col: Col| cols.iter().position(|&c| c == col);
    let np = position(Col::NP);
    let lp = position(Col::LP);
    let tot = position(Col::T3_TOT);
    let orgs: Vec<usize> = super::identities::T3_ORGS.iter().filter_map(|&c| position(c)).collect();
    move |values: &[i64]| {
        let (Some(np), Some(tot)) = (np, tot) else { return false };
        let org_sum: i64 = orgs.iter().map(|&i| values[i]).sum();
        match lp {
            Some(lp) => values[lp] == org_sum && values[tot] == values[np] + values[lp],
            None => values[tot] == values[np] + org_sum,
        }
    }
}

/// The value `cell` needs for a sum whose other cells are all known to hold.
fn needed(cell: CellRef, identities: &[Identity], known: &BTreeMap<CellRef, i64>) -> Option<i64> {
    identities.iter().filter(|i| !matches!(i.rule, RuleId::T3Row | RuleId::T3Lp)).find_map(
        |identity| {
            let coefficient = identity.coefficient(cell);
            if coefficient == 0 {
                return None;
            }
            let mut rest = 0i64;
            let mut seen: Vec<CellRef> = Vec::new();
            for other in identity.cells().filter(|&c| c != cell) {
                if seen.contains(&other) {
                    continue;
                }
                seen.push(other);
                rest = rest
                    .checked_add(identity.coefficient(other).checked_mul(*known.get(&other)?)?)?;
            }
            let value = -rest / coefficient;
            (value >= 0 && value * coefficient == -rest).then_some(value)
        },
    )
}

/// The cell that token `idx` gives at `addr`: its number (with sign and unit), blank or text.
pub(super) fn cell_from_token(text: &str, doc: &Doc, addr: CellRef, idx: usize) -> Cell {
    let token = &doc.tokens[idx];
    let token_text = || text[token.range.clone()].to_string();
    let (value, unit) = match &token.kind {
        TokenKind::Num(num) => {
            let digits = &text[num.digits.clone()];
            let unit = num.unit.clone().map(|u| text[u].to_string());
            match Number::parse(digits) {
                Some(n) if num.negative => {
                    (Value::Number(Number::int(0).checked_sub(n).unwrap_or(n)), unit)
                }
                Some(n) => (Value::Number(n), unit),
                None => (Value::Text(token_text()), unit),
            }
        }
        TokenKind::Blank { placeholder: true } => {
            (Value::Blank { placeholder: Some(token_text()) }, None)
        }
        TokenKind::Blank { placeholder: false } => (Value::Blank { placeholder: None }, None),
        TokenKind::Text => (Value::Text(token_text()), None),
    };
    Cell {
        addr,
        value,
        inferred: false,
        text_range: Some(TextRange::new(token.range.clone())),
        range: None,
        unit,
    }
}

#[cfg(test)]
mod tests {
    use super::t4::{is_section_heading, is_t4_vocabulary};
    use super::*;

    #[test]
    fn t4_vocabulary() {
        assert!(is_t4_vocabulary("行政诉讼(未经复议直接起诉)"));
        assert!(is_t4_vocabulary("结果维持"));
        assert!(!is_t4_vocabulary("五、存在的主要问题"));
        assert!(is_section_heading("五、存在的主要问题"));
    }

    #[test]
    fn row_sums_for_splitting() {
        let accept =
            row_accept(&[Col::NP, Col::CE, Col::RI, Col::SW, Col::LS, Col::OT, Col::T3_TOT]);
        assert!(accept(&[64, 0, 0, 2, 0, 4, 70]));
        assert!(!accept(&[64, 0, 0, 2, 0, 4, 71]));
        let accept = row_accept(&[
            Col::NP,
            Col::CE,
            Col::RI,
            Col::SW,
            Col::LS,
            Col::OT,
            Col::LP,
            Col::T3_TOT,
        ]);
        assert!(accept(&[5, 1, 0, 0, 1, 0, 2, 7]));
    }
}
