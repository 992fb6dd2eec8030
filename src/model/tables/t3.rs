//! 表三: found by its 本年新收 row, its layout from its header, read by labels or by row order.

use crate::span::TextRange;

use super::{
    Anchor, BTreeMap, Col, Identity, LABEL_WINDOW, Layout, MAX_STEPS, Note, Range, Reader,
    Readings, Row, RowRead, RuleId, Strategy, T3_APPLICANTS, T3_MAX, Table, TableId, TokenKind,
    labels, row_accept, splits, t3_identities, t3_leaves, total_row_readings, unfit,
};

impl Reader<'_> {
    /// 表三, the first whose 本年新收 row starts at or after `from` (compact).
    pub(super) fn t3(&self, from: usize) -> Option<(Table, Range<usize>)> {
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
        cols.push(Col::T3_TOT);
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
            text_range: TextRange::new(start_byte..end_byte.max(start_byte)),
            range: None,
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
            let members = crate::model::identities::t3_group(group);
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
        .find(|&group| crate::model::identities::t3_group(group).contains(&row))
}
