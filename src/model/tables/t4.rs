//! 表四: found by its header (行政复议 and the words that follow it), read row by row.

use crate::span::TextRange;

use super::{
    BTreeMap, CellRef, Col, Identity, Layout, Note, Range, Reader, Row, RowRead, Slot, Strategy,
    Table, TableId, TokenKind, grouped_readings, labels, resolve, t4_identities,
};

impl Reader<'_> {
    /// 行政复议 followed closely by the header's other words.
    pub(super) fn t4_header(&self, from: usize, to: usize) -> Option<Range<usize>> {
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

    /// True when every slot is a blank cell.
    fn all_blank(&self, slots: &[usize]) -> bool {
        slots.iter().all(|&s| matches!(self.doc.tokens[s].kind, TokenKind::Blank { .. }))
    }

    pub(super) fn t4(&self, from: usize) -> Option<(Table, usize)> {
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
                // A header word printed with spaces (`总 计`, PDF text) is several text tokens:
                // read the row's run of text tokens as one.
                let run = self.doc.tokens[idx..]
                    .iter()
                    .take_while(|t| t.row == token.row && t.kind == TokenKind::Text)
                    .count();
                let spaced_word = run > 1 && !slots.is_empty() && {
                    let joined: String = self.doc.tokens[idx..idx + run]
                        .iter()
                        .map(|t| &self.text[t.range.clone()])
                        .collect();
                    is_t4_vocabulary(&joined)
                };
                if slots.is_empty() {
                    header_text += text.len();
                    // Past the header without a number: the table has no values.
                    if header_text > 900 || (idx > start_token && is_section_heading(text)) {
                        break;
                    }
                } else if spaced_word || is_t4_vocabulary(text) {
                    // Blanks before more of the header were empty header cells (or a page
                    // break inside the header), not the table's first values.
                    if self.all_blank(&slots) {
                        slots.clear();
                    }
                    if spaced_word {
                        idx += run;
                        continue;
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
                // A row of fifteen empty cells is not yet the values when more follows: a
                // converter's empty header row (markdown `|  |  |…` over `| --- |`) stands
                // above the header words, which clear it.
                if slots.len() >= 15 && next_ends_row && !self.all_blank(&slots) {
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
        let cols = [Col::keep, Col::fix, Col::oth, Col::pend, Col::t4_tot];
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
                ordered: self.on_one_line(tokens),
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
            text_range: TextRange::new(start_byte..end_byte.max(start_byte)),
            range: None,
        };
        Some((table, header.start))
    }
}

/// `五、存在的主要问题…`: a numbered section heading.
pub(super) fn is_section_heading(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| labels::SECTION_NUMERALS.contains(c)) && chars.next() == Some('、')
}

/// Text made only of 表四's header words and punctuation.
pub(super) fn is_t4_vocabulary(text: &str) -> bool {
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
