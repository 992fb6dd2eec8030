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

use std::collections::BTreeMap;
use std::ops::Range;

use crate::rules::RuleId;
use crate::segment::{Doc, TokenKind};

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
        let mut out = Vec::new();
        let end = tokens.end.min(self.doc.tokens.len());
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
                        range: Some(range.clone()),
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
        let mut ranges = Vec::with_capacity(values.len());
        let mut numbers = values.iter().flatten();
        for &idx in tokens {
            let TokenKind::Num(num) = &self.doc.tokens[idx].kind else { continue };
            let mut at = num.digits.start;
            while at < num.digits.end {
                let Some(value) = numbers.next() else { break };
                let len = value.to_string().len();
                ranges.push(at..at + len);
                at += len;
            }
        }
        let mut ranges = ranges.into_iter();
        cols.iter()
            .zip(values)
            .map(|(&col, &value)| Cell {
                addr: CellRef::new(table, row, col),
                value: value
                    .map_or(Value::Blank { placeholder: None }, |v| Value::Number(Number::int(v))),
                inferred: true,
                range: if value.is_some() { ranges.next() } else { None },
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
        for (&row, read) in reads.iter() {
            if let RowRead::Ambiguous { candidates, .. } = read {
                slots.push(Slot {
                    cells: cells(row),
                    readings: candidates.all.clone(),
                    complete: candidates.complete,
                });
                slot_rows.push(row);
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
        // Rows read only one way whose digits fit no sum break their own row sum, whatever.
        let mut broken: Vec<String> = reads
            .iter()
            .filter(|(_, read)| matches!(read, RowRead::Glued { fits: false, .. }))
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
                        broken.push(identity.id());
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

    // ---------------------------------------------------------------- 表三

    /// 表三, the first whose 本年新收 row starts at or after `from` (compact).
    fn t3(&self, from: usize) -> Option<(Table, Range<usize>)> {
        let all = self.index.compact.len();
        // 一、本年新收 is 表三's first row when 二、上年结转 follows closely.
        let mut from = from;
        let r1 = loop {
            let hit = self.index.find_any(labels::t3_keys(Row::R1), from, all)?;
            if self.index.contains_any(labels::t3_keys(Row::R2), hit.end, hit.end + 900) {
                break hit;
            }
            from = hit.end;
        };
        let header_start = self
            .index
            .find_any(labels::T3_HEADER_KEYS, r1.start.saturating_sub(1200), r1.start)
            .map_or(r1.start, |h| h.start);
        let limit = (r1.end + T3_MAX).min(all);
        let end = self.t4_header(r1.end, limit).map_or(limit, |h| h.start);
        let layout = self.t3_layout(r1.start, end);
        // A 法人或其他组织 小计 column (local variant), placed where its header says.
        let lp = self.index.find_any(labels::T3_LP_HEADER, header_start, r1.start);
        let ce = self.index.find_any(labels::T3_CE_HEADER, header_start, r1.start);
        let mut cols = T3_APPLICANTS.to_vec();
        match (lp, ce) {
            (Some(lp), Some(ce)) if lp.start < ce.start => cols.insert(1, Col::LP),
            (Some(_), _) => cols.push(Col::LP),
            _ => {}
        }
        cols.push(Col::TOT);
        let has_lp = cols.contains(&Col::LP);
        let end_token = self.index.token_of(end.saturating_sub(1)) + 1;
        let end_token =
            if end >= all { self.doc.tokens.len() } else { end_token.min(self.doc.tokens.len()) };

        let leaves = t3_leaves(layout);
        let by_labels = self.t3_by_labels(&r1, end, end_token, layout, &cols);
        let r1_token = self.index.token_of(r1.start);
        let row_start_token =
            self.doc.rows.iter().find(|r| r.contains(&r1_token)).map_or(r1_token, |r| r.start);
        // Every row read by its label (or, where labels were lost, by its position after the
        // last label) with the right number of values: nothing better exists.
        let complete = by_labels.notes.iter().all(|n| matches!(n, Note::Positional { .. }))
            && by_labels.reads.len() == leaves.len() + by_labels.subtotals.len()
            && by_labels.reads.values().all(|r| matches!(r, RowRead::Direct(_)));
        let (reads, mut notes, subtotals, strategy) = if complete {
            (by_labels.reads, by_labels.notes, by_labels.subtotals, Strategy::Labels)
        } else if let Some(reads) = self.t3_by_row_order(row_start_token..end_token, &leaves, &cols)
        {
            (reads, vec![Note::RowOrder], Vec::new(), Strategy::RowOrder)
        } else {
            (by_labels.reads, by_labels.notes, by_labels.subtotals, Strategy::Labels)
        };

        let mut reads = reads;
        let identities = t3_identities(layout, has_lp, &subtotals);
        self.settle(&mut reads, &identities, &cols, &mut notes);

        let mut rows = Vec::new();
        for &row in &leaves {
            if let Some(group) = group_of(row)
                && subtotals.contains(&group)
                && !rows.contains(&group)
                && layout_has_group(layout, group)
            {
                rows.push(group);
            }
            rows.push(row);
        }
        let mut cells = Vec::new();
        for &row in &rows {
            cells.extend(self.row_cells(TableId::T3, row, &cols, reads.get(&row)));
        }
        let mut glued_rows = Vec::new();
        let mut fitting_rows = Vec::new();
        for (&row, read) in &reads {
            if let RowRead::Glued { fits, .. } = read {
                glued_rows.push(row);
                if *fits {
                    fitting_rows.push(row);
                }
            }
            notes.extend(self.notes(row, read, cols.len()));
        }
        if !glued_rows.is_empty() {
            crate::sort::sort(&mut glued_rows);
            // Each split that satisfies its row's sum assumed it; joint splits add their own
            // (recorded already).
            let mut assumed: Vec<String> = identities
                .iter()
                .filter(|i| matches!(i.rule, RuleId::T3Row | RuleId::T3Lp))
                .filter(|i| i.total.first().is_some_and(|c| fitting_rows.contains(&c.row)))
                .map(Identity::id)
                .collect();
            if let Some(Note::Glued { assumed: joint, .. }) =
                notes.iter().find(|n| matches!(n, Note::Glued { .. }))
            {
                assumed.extend(joint.iter().cloned());
            }
            notes.retain(|n| !matches!(n, Note::Glued { .. }));
            crate::sort::sort(&mut assumed);
            assumed.dedup();
            notes.insert(0, Note::Glued { rows: glued_rows, assumed });
        }
        // Where the table starts: its header (or first row), never the narrative before it.
        let start_byte = self.index.byte_of(header_start, self.text, &self.doc.tokens);
        let end_byte =
            self.doc.tokens.get(end_token.saturating_sub(1)).map_or(start_byte, |t| t.range.end);
        let table = Table {
            id: TableId::T3,
            layout,
            has_subtotal_column: has_lp,
            subtotal_rows: subtotals,
            strategy,
            cells,
            notes,
            has_note: self.index.contains_any(
                labels::T3_NOTE_KEYS,
                r1.start.saturating_sub(1200),
                r1.start,
            ),
            label_issues: self.label_issues(header_start, end),
            range: start_byte..end_byte.max(start_byte),
        };
        Some((table, header_start..end))
    }

    /// The 2019 layout only on its own evidence: （六）其他处理 followed by nothing but its
    /// numbers up to （七）总计. A row that lost its label or its numbers is no evidence of a
    /// format; without either sign, the current (2021) layout.
    fn t3_layout(&self, from: usize, end: usize) -> Layout {
        if self.index.contains_any(labels::T3_2021_MARKERS, from, end) {
            return Layout::Y2021;
        }
        let single_row = self
            .index
            .find_any(labels::t3_keys(Row::R3_6), from, end)
            .and_then(|other| {
                let total = self.index.find_any(labels::t3_keys(Row::R3_7), other.end, end)?;
                let between = self.index.compact.get(other.end..total.start)?;
                // Three rows of numbers whose labels were lost are no single row.
                let first = self.index.token_of(other.end.saturating_sub(1)) + 1;
                let last = self.index.token_of(total.start);
                let values = self.doc.tokens[first.min(last)..last]
                    .iter()
                    .filter(|t| !matches!(t.kind, TokenKind::Text))
                    .count();
                Some(between.chars().all(|c| !c.is_alphanumeric()) && values <= 9)
            })
            .unwrap_or(false);
        if single_row { Layout::Y2019 } else { Layout::Y2021 }
    }

    fn t3_by_labels(
        &self,
        r1: &Range<usize>,
        end: usize,
        end_token: usize,
        layout: Layout,
        cols: &[Col],
    ) -> ByLabels {
        let width = cols.len();
        let leaves = t3_leaves(layout);
        let mut anchors: Vec<Anchor> = Vec::new();
        let mut cursor = r1.start;
        for &row in &leaves {
            let window_end = (cursor + LABEL_WINDOW).min(end);
            let hit = self.index.find_any(labels::t3_keys(row), cursor, window_end).or_else(|| {
                // "3.其他" written without its number: 其他 right before （七）总计.
                let other = if row == Row::R3_6_3 {
                    self.index.find_any(labels::T3_OTHER_BEFORE_TOTAL, cursor, window_end)
                } else {
                    None
                }?;
                Some(other.start..other.start + labels::T3_OTHER.len())
            });
            if let Some(hit) = hit {
                cursor = hit.end;
                anchors.push(self.anchor(row, hit, false));
            }
        }
        let mut notes = Vec::new();
        // Subtotal rows of local variants: a group label followed by values before its first
        // row, or a 小计/合计 row after its last row.
        let mut subtotals = Vec::new();
        for group in [Row::R3_3, Row::R3_4, Row::R3_5, Row::R3_6] {
            if !layout_has_group(layout, group) {
                continue;
            }
            let members = super::identities::t3_group(group);
            let first = anchors.iter().position(|a| members.contains(&a.row));
            let last = anchors.iter().rposition(|a| members.contains(&a.row));
            let (Some(first), Some(last)) = (first, last) else { continue };
            let before = if first > 0 { anchors[first - 1].compact.end } else { r1.end };
            if let Some(hit) =
                self.index.find_any(labels::t3_keys(group), before, anchors[first].compact.start)
            {
                let anchor = self.anchor(group, hit, true);
                let values = self.slots(anchor.last_token + 1..anchors[first].first_token, false);
                if values.len() >= width {
                    subtotals.push((first, anchor));
                    continue;
                }
            }
            let after = anchors.get(last + 1).map_or(end, |a| a.compact.start);
            if let Some(hit) =
                self.index.find_any(labels::SUBTOTAL_KEYS, anchors[last].compact.end, after)
            {
                subtotals.push((last + 1, self.anchor(group, hit, true)));
            }
        }
        let subtotal_rows: Vec<Row> = subtotals.iter().map(|(_, a)| a.row).collect();
        for (at, anchor) in subtotals.into_iter().rev() {
            anchors.insert(at, anchor);
        }
        crate::sort::sort_by_key(&mut anchors, |a| a.compact.start);

        let accept = row_accept(cols);
        // 表三's plain rows end with their 总计: search total-first, fast on long glued runs.
        let total_last = !cols.contains(&Col::LP);
        let split = |runs: &[&str]| {
            if total_last {
                return total_row_readings(runs, width);
            }
            let fitting = splits(runs, width, &accept, MAX_STEPS);
            if fitting.is_empty() { unfit(runs, width, None) } else { Readings::fitting(fitting) }
        };
        // Crawled pages and PDF text lost the cell separators: a blank cell leaves nothing, and
        // a row whose cells were all blank leaves no number at all between its label and the
        // next one.
        let run_together = self.doc.tokens
            [self.index.token_of(r1.start)..end_token.min(self.doc.tokens.len())]
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Num(_)) && !t.whole_cell);
        let mut reads: BTreeMap<Row, RowRead> = BTreeMap::new();
        let mut positional = Vec::new();
        for (i, anchor) in anchors.iter().enumerate() {
            let next_token = anchors.get(i + 1).map_or(end_token, |next| next.first_token);
            let is_last = i + 1 == anchors.len();
            // From the label's first token: a wrapped label may have its numbers in between
            // ("1.申请人无正当理由逾期不" | 67 3 0 … | "补正、…").
            let slots = self.slots(anchor.first_token + 1..next_token, is_last);
            // Leaf rows between this label and the next one whose labels were not found.
            let missing: Vec<Row> = if anchor.subtotal {
                Vec::new()
            } else {
                let from =
                    leaves.iter().position(|&r| r == anchor.row).map_or(leaves.len(), |p| p + 1);
                let next_leaf = anchors[i + 1..].iter().find(|a| !a.subtotal).map(|a| a.row);
                leaves[from..].iter().copied().take_while(|&r| Some(r) != next_leaf).collect()
            };
            let mut trimmed = slots.clone();
            self.trim_to(&mut trimmed, width * (1 + missing.len()));
            if !missing.is_empty() && trimmed.len() == width * (1 + missing.len()) {
                let mut chunks = trimmed.chunks(width);
                reads.insert(
                    anchor.row,
                    RowRead::Direct(chunks.next().unwrap_or_default().to_vec()),
                );
                for (&row, chunk) in missing.iter().zip(chunks) {
                    reads.insert(row, RowRead::Direct(chunk.to_vec()));
                }
                positional.extend(missing.iter().copied());
                continue;
            }
            reads.insert(anchor.row, self.row_read(slots, width, &split));
            for row in missing {
                notes.push(Note::MissingRow { row });
            }
        }
        if let Some(first) = anchors.first() {
            let first_leaf = leaves.iter().position(|&r| r == first.row).unwrap_or(0);
            for &row in &leaves[..first_leaf] {
                notes.push(Note::MissingRow { row });
            }
        } else {
            notes.extend(leaves.iter().map(|&row| Note::MissingRow { row }));
        }
        if !positional.is_empty() {
            notes.push(Note::Positional { rows: positional });
        }
        // Rows with no number in text whose blanks vanish were printed blank — unless no row
        // has a number (labels without values: nothing was filled in, or all was lost).
        let empty = |read: &RowRead| matches!(read, RowRead::Wrong { found: 0 });
        if run_together && !reads.values().all(empty) {
            for read in reads.values_mut().filter(|read| empty(read)) {
                *read =
                    RowRead::Glued { tokens: Vec::new(), values: vec![None; width], fits: true };
            }
        }
        ByLabels { reads, notes, subtotals: subtotal_rows }
    }

    /// Every numeric line of 表三 in order, when there are exactly as many as rows and no
    /// line's own label says it is another row.
    fn t3_by_row_order(
        &self,
        tokens: Range<usize>,
        leaves: &[Row],
        cols: &[Col],
    ) -> Option<BTreeMap<Row, RowRead>> {
        let width = cols.len();
        let mut numeric: Vec<(usize, Vec<usize>)> = Vec::new();
        for (row_idx, row) in self.doc.rows.iter().enumerate() {
            if row.end <= tokens.start || row.start >= tokens.end {
                continue;
            }
            let mut slots = self.slots(row.clone(), false);
            self.trim_to(&mut slots, width);
            if slots.len() == width {
                numeric.push((row_idx, slots));
            }
        }
        if numeric.len() != leaves.len() {
            return None;
        }
        let mut reads = BTreeMap::new();
        for (&leaf, (row_idx, slots)) in leaves.iter().zip(numeric) {
            let range = &self.doc.rows[row_idx];
            let from = self.index.offset_of(range.start);
            let to = self.index.offset_of(range.end);
            let named: Vec<Row> = leaves
                .iter()
                .copied()
                .filter(|&r| self.index.contains_any(labels::t3_keys(r), from, to))
                .collect();
            if !named.is_empty() && !named.contains(&leaf) {
                return None;
            }
            reads.insert(leaf, RowRead::Direct(slots));
        }
        Some(reads)
    }

    // ---------------------------------------------------------------- 表四

    /// 行政复议 followed closely by the header's other words.
    fn t4_header(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let mut at = from;
        for _ in 0..200 {
            let hit = self.index.find_any(labels::T4_HEADER_KEYS, at, to)?;
            if self.index.contains_any(labels::T4_HEADER_FOLLOWERS, hit.end, hit.end + 150) {
                return Some(hit);
            }
            at = hit.end;
        }
        None
    }

    fn t4(&self, from: usize) -> Option<(Table, usize)> {
        let all = self.index.compact.len();
        let header = self.t4_header(from, all)?;
        let start_token = self.index.token_of(header.start);
        let mut slots: Vec<usize> = Vec::new();
        let mut header_text = 0usize;
        let mut idx = start_token;
        while idx < self.doc.tokens.len() && slots.len() < 64 {
            let token = &self.doc.tokens[idx];
            if token.kind == TokenKind::Text {
                let text = &self.text[token.range.clone()];
                if slots.is_empty() {
                    header_text += text.len();
                    // Past the header without a number: the table has no values.
                    if header_text > 900 || (idx > start_token && is_section_heading(text)) {
                        break;
                    }
                } else if is_t4_vocabulary(text) {
                    // Blanks before more of the header were empty header cells (or a page
                    // break inside the header), not the table's first values.
                    if slots
                        .iter()
                        .all(|&s| matches!(self.doc.tokens[s].kind, TokenKind::Blank { .. }))
                    {
                        slots.clear();
                    }
                } else {
                    let between = token.whole_cell
                        && self.doc.tokens[idx + 1..]
                            .iter()
                            .take_while(|t| t.row == token.row)
                            .any(|t| !matches!(t.kind, TokenKind::Text));
                    if !between {
                        break;
                    }
                    slots.push(idx);
                }
            } else {
                slots.push(idx);
                let next_ends_row =
                    self.doc.tokens.get(idx + 1).is_none_or(|next| next.row != token.row);
                if slots.len() >= 15 && next_ends_row {
                    break;
                }
            }
            idx += 1;
        }
        // More than 15 slots cannot be read; blanks ahead of the values (an empty separator
        // line, a page break between the header and the numbers) are the likeliest extra.
        while slots.len() > 15
            && slots
                .first()
                .is_some_and(|&s| matches!(self.doc.tokens[s].kind, TokenKind::Blank { .. }))
        {
            slots.remove(0);
        }
        let cols = [Col::keep, Col::fix, Col::oth, Col::pend, Col::tot];
        let mut read = if slots.is_empty() {
            RowRead::Wrong { found: 0 }
        } else {
            self.row_read(slots.clone(), 15, &|runs: &[&str]| grouped_readings(runs, 3, 4))
        };
        let mut notes = Vec::new();
        let mut cells = Vec::new();
        let groups = [Row::RV, Row::LD, Row::LR];
        let addresses: Vec<CellRef> = groups
            .iter()
            .flat_map(|&row| cols.iter().map(move |&col| CellRef::new(TableId::T4, row, col)))
            .collect();
        let identities = t4_identities();
        // Glued digits that split several ways, or fit no sum: the three sums choose.
        let mut settled_assumed = Vec::new();
        if let RowRead::Ambiguous { tokens, candidates } = &read {
            let slot = Slot {
                cells: addresses.clone(),
                readings: candidates.all.clone(),
                complete: candidates.complete,
            };
            let resolution = resolve(&BTreeMap::new(), &[slot], &identities);
            if !resolution.broken.is_empty() {
                notes.push(Note::Inconsistent {
                    identities: resolution.broken.clone(),
                    proven: true,
                });
            }
            if !candidates.fits && resolution.chosen[0].is_none() {
                // Wrong somewhere for sure: the sums its likeliest readings all break.
                let likely: Vec<String> = resolution
                    .broken_in_best
                    .into_iter()
                    .filter(|id| !resolution.broken.contains(id))
                    .collect();
                if !likely.is_empty() {
                    notes.push(Note::Inconsistent { identities: likely, proven: false });
                }
            }
            if let Some(k) = resolution.chosen[0] {
                settled_assumed = resolution.assumed;
                read = RowRead::Glued {
                    tokens: tokens.clone(),
                    values: candidates.all[k].clone(),
                    fits: candidates.fits,
                };
            }
        }
        match &read {
            RowRead::Direct(tokens) => {
                for (g, &row) in groups.iter().enumerate() {
                    cells.extend(self.row_cells(
                        TableId::T4,
                        row,
                        &cols,
                        Some(&RowRead::Direct(tokens[g * 5..g * 5 + 5].to_vec())),
                    ));
                }
            }
            RowRead::Glued { tokens, values, fits } => {
                let all_cells = self.glued_cells(
                    TableId::T4,
                    Row::RV,
                    &[cols, cols, cols].concat(),
                    tokens,
                    values,
                );
                for (k, mut cell) in all_cells.into_iter().enumerate() {
                    cell.addr = addresses[k];
                    cells.push(cell);
                }
                // A split that fits assumed all three sums; otherwise only those that decided.
                let assumed = if *fits {
                    identities.iter().map(Identity::id).collect()
                } else {
                    settled_assumed
                };
                notes.push(Note::Glued { rows: groups.to_vec(), assumed });
                notes.extend(self.notes(Row::RV, &read, 15));
            }
            RowRead::Ambiguous { .. } | RowRead::Wrong { .. } => {
                for &row in &groups {
                    cells.extend(self.row_cells(TableId::T4, row, &cols, Some(&read)));
                }
                notes.extend(self.notes(Row::RV, &read, 15));
            }
        }
        let start_byte = self.index.byte_of(header.start, self.text, &self.doc.tokens);
        let end_byte = slots.last().map_or(start_byte, |&t| self.doc.tokens[t].range.end);
        let table = Table {
            id: TableId::T4,
            layout: Layout::Y2021,
            has_subtotal_column: false,
            subtotal_rows: Vec::new(),
            strategy: Strategy::Labels,
            cells,
            notes,
            has_note: false,
            label_issues: Vec::new(),
            range: start_byte..end_byte.max(start_byte),
        };
        Some((table, header.start))
    }

    // ---------------------------------------------------------------- 表二

    fn t2(&self, to: usize) -> Option<Table> {
        // The table's block title; the narrative's "《条例》第二十条规定…" comes earlier.
        let to = to.min(self.index.compact.len());
        let from = to.saturating_sub(20_000);
        let region_start = labels::T2_START_KEYS
            .iter()
            .find_map(|key| self.last_occurrence(&[key], from, to))?
            .start;
        let layout = if self.index.contains_any(labels::T2_2019_MARKERS, region_start, to)
            || self.index.contains_any(labels::T2_2019_ROW_MARKERS, region_start, to)
        {
            Layout::Y2019
        } else {
            Layout::Y2021
        };
        let rows: Vec<(Row, Vec<Col>)> = match layout {
            Layout::Y2021 => vec![
                (Row::REG, vec![Col::made, Col::rep, Col::valid]),
                (Row::NORM, vec![Col::made, Col::rep, Col::valid]),
                (Row::LIC, vec![Col::n]),
                (Row::PUN, vec![Col::n]),
                (Row::COE, vec![Col::n]),
                (Row::FEE, vec![Col::n]),
            ],
            Layout::Y2019 => vec![
                (Row::REG, vec![Col::new_made, Col::new_pub, Col::all_pub]),
                (Row::NORM, vec![Col::new_made, Col::new_pub, Col::all_pub]),
                (Row::LIC, vec![Col::prev, Col::delta, Col::n]),
                (Row::OMS, vec![Col::prev, Col::delta, Col::n]),
                (Row::PUN, vec![Col::prev, Col::delta, Col::n]),
                (Row::COE, vec![Col::prev, Col::delta, Col::n]),
                (Row::FEE, vec![Col::prev, Col::delta]),
                (Row::PROC, vec![Col::count, Col::amount]),
            ],
        };
        let mut cells = Vec::new();
        let mut notes = Vec::new();
        let mut glued = Vec::new();
        let any_split = |runs: &[&str], n: usize| splits(runs, n, &|_| true, MAX_STEPS);
        for (row, cols) in rows {
            let mut read = None;
            let mut at = region_start;
            for _ in 0..20 {
                let Some(hit) = self.index.find_any(labels::t2_keys(row), at, to) else { break };
                at = hit.end;
                let anchor = self.anchor(row, hit, false);
                let slots = self.values_after(anchor.last_token);
                if !slots.is_empty() {
                    let n = cols.len();
                    read = Some(self.row_read(slots, n, &|runs: &[&str]| {
                        Readings::fitting(any_split(runs, n))
                    }));
                    break;
                }
            }
            match &read {
                None => notes.push(Note::MissingRow { row }),
                Some(read) => {
                    if matches!(read, RowRead::Glued { .. }) {
                        glued.push(row);
                    }
                    notes.extend(self.notes(row, read, cols.len()));
                }
            }
            cells.extend(self.row_cells(TableId::T2, row, &cols, read.as_ref()));
        }
        if !glued.is_empty() {
            notes.insert(0, Note::Glued { rows: glued, assumed: Vec::new() });
        }
        let located: Vec<&Range<usize>> = cells.iter().filter_map(|c| c.range.as_ref()).collect();
        let start_byte = self.index.byte_of(region_start, self.text, &self.doc.tokens);
        // "第二十条第(一)" without 项 (the seed).
        let (found, official) = labels::T2_TITLE_TYPO;
        let title_end = region_start + found.len();
        let mut label_issues = Vec::new();
        if self.index.compact.get(region_start..title_end) == Some(found)
            && !self.index.compact[title_end..].starts_with(labels::T2_TITLE_TYPO_MISSING)
        {
            label_issues.push(LabelIssue { found, official, row: None });
        }
        let end_byte = located.iter().map(|r| r.end).max().unwrap_or(start_byte);
        Some(Table {
            id: TableId::T2,
            layout,
            has_subtotal_column: false,
            subtotal_rows: Vec::new(),
            strategy: Strategy::Labels,
            cells,
            notes,
            has_note: false,
            label_issues,
            range: start_byte..end_byte.max(start_byte),
        })
    }

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

struct ByLabels {
    reads: BTreeMap<Row, RowRead>,
    notes: Vec<Note>,
    subtotals: Vec<Row>,
}

fn layout_has_group(layout: Layout, group: Row) -> bool {
    !(layout == Layout::Y2019 && group == Row::R3_6)
}

fn group_of(row: Row) -> Option<Row> {
    [Row::R3_3, Row::R3_4, Row::R3_5, Row::R3_6]
        .into_iter()
        .find(|&group| super::identities::t3_group(group).contains(&row))
}

/// The sum a row of 表三 must satisfy, for splitting glued digits.
fn row_accept(cols: &[Col]) -> impl Fn(&[i64]) -> bool + use<> {
    let position = |col: Col| cols.iter().position(|&c| c == col);
    let np = position(Col::NP);
    let lp = position(Col::LP);
    let tot = position(Col::TOT);
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

/// `五、存在的主要问题…`: a numbered section heading.
fn is_section_heading(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| labels::SECTION_NUMERALS.contains(c)) && chars.next() == Some('、')
}

/// Text made only of 表四's header words and punctuation.
fn is_t4_vocabulary(text: &str) -> bool {
    let mut rest = text.to_string();
    for word in labels::T4_VOCABULARY {
        rest = rest.replace(word, "");
    }
    rest.chars().all(|c| {
        c.is_ascii_punctuation()
            || c.is_whitespace()
            || labels::T4_VOCABULARY_PUNCTUATION.contains(c)
            || labels::T4_VOCABULARY_NUMERALS.contains(c)
    })
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
    Cell { addr, value, inferred: false, range: Some(token.range.clone()), unit }
}

#[cfg(test)]
mod tests {
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
        let accept = row_accept(&[Col::NP, Col::CE, Col::RI, Col::SW, Col::LS, Col::OT, Col::TOT]);
        assert!(accept(&[64, 0, 0, 2, 0, 4, 70]));
        assert!(!accept(&[64, 0, 0, 2, 0, 4, 71]));
        let accept =
            row_accept(&[Col::NP, Col::CE, Col::RI, Col::SW, Col::LS, Col::OT, Col::LP, Col::TOT]);
        assert!(accept(&[5, 1, 0, 0, 1, 0, 2, 7]));
    }
}
