//! 表二: found by its block title, read by its rows' labels.

use crate::span::TextRange;

use super::{
    Col, LabelIssue, Layout, MAX_STEPS, Note, Reader, Readings, Row, RowRead, Strategy, Table,
    TableId, labels, splits,
};

impl Reader<'_> {
    pub(super) fn t2(&self, to: usize) -> Option<Table> {
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
        let located: Vec<&TextRange> = cells.iter().filter_map(|c| c.text_range.as_ref()).collect();
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
        let end_byte = located.iter().map(|r| r.end()).max().unwrap_or(start_byte);
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
            text_range: TextRange::new(start_byte..end_byte.max(start_byte)),
            range: None,
        })
    }
}
