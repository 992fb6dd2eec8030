//! The pre-2019 statistics table (RULEBOOK §3.2): a `其中` part is never larger than its
//! indicator (PRE-PART), 本年度 is never larger than 历年累计 (PRE-CUM), and indicators the
//! engine does not know are said to be unchecked (PRE-ROWS). The exhaustive groups' sums
//! (PRE-SUM) are identities, checked in `arith`.

use crate::finding::Finding;
use crate::model::{CellRef, Col, Note, Report, Table, TableId, Value, identities};

use super::{At, RuleId, finding};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    let Some(table) = report.table(TableId::Pre2019) else { return };
    parts_within(table, findings);
    year_within_total(table, findings);
    for note in &table.notes {
        if let Note::UnknownIndicators { count } = note {
            findings.push(finding(
                RuleId::PreRows,
                format!("统计表中有 {count} 行指标不在常见指标之列（如各类回应解读、培训、经费等），已读过但未检查。"),
                Vec::new(),
            ));
        }
    }
}

fn number(table: &Table, cell: CellRef) -> Option<(crate::model::Number, bool)> {
    let c = table.cell(cell.row, cell.col)?;
    match c.value {
        Value::Number(n) => Some((n, c.inferred)),
        _ => None,
    }
}

fn inferred_note(inferred: bool) -> &'static str {
    if inferred { "（含由连在一起的数字拆分出的数值）" } else { "" }
}

/// PRE-PART: each `其中` part ≤ its indicator, per column.
fn parts_within(table: &Table, findings: &mut Vec<Finding>) {
    for cell in &table.cells {
        let Some(parent) = identities::p_parent(cell.addr.row) else { continue };
        let parent_ref = CellRef::new(TableId::Pre2019, parent, cell.addr.col);
        let (Some((part, a)), Some((whole, b))) =
            (number(table, cell.addr), number(table, parent_ref))
        else {
            continue;
        };
        if part > whole {
            let mut f = finding(
                RuleId::PrePart.at(At::Cell(cell.addr.row, cell.addr.col)),
                format!(
                    "统计表“{}”（{}）为 {part}，大于它所属的“{}” {whole}。“其中”各项不能超过总数{}。",
                    cell.addr.row.short(),
                    cell.addr.col.name(),
                    parent.short(),
                    inferred_note(a || b)
                ),
                vec![cell.addr, parent_ref],
            );
            f.found = Some(part);
            f.expected = Some(whole);
            f.hint = Some("核对这两个数：通常是总数漏加，或分项填到了别的行。".to_string());
            findings.push(f);
        }
    }
}

/// PRE-CUM: 本年度 ≤ 历年累计.
fn year_within_total(table: &Table, findings: &mut Vec<Finding>) {
    for cell in table.cells.iter().filter(|c| c.addr.col == Col::y) {
        let total_ref = CellRef::new(TableId::Pre2019, cell.addr.row, Col::cum);
        let (Some((year, a)), Some((total, b))) =
            (number(table, cell.addr), number(table, total_ref))
        else {
            continue;
        };
        if year > total {
            let mut f = finding(
                RuleId::PreCum.at(At::Row(cell.addr.row)),
                format!(
                    "统计表“{}”：本年度 {year} 大于历年累计 {total}。历年累计包含本年度，不应更小{}。",
                    cell.addr.row.short(),
                    inferred_note(a || b)
                ),
                vec![total_ref, cell.addr],
            );
            f.found = Some(total);
            f.expected = Some(year);
            f.hint = Some("核对历年累计是否加上了本年度的数，或两列是否填反。".to_string());
            findings.push(f);
        }
    }
}

/// How the statistics table's inequalities (PRE-PART, PRE-CUM) came out, for its coverage
/// line: `(passed, failed, review)`; a pair with an inferred value that holds needs review.
pub(crate) fn inequality_counts(table: &Table) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    let mut tally = |small: Option<(crate::model::Number, bool)>,
                     big: Option<(crate::model::Number, bool)>| {
        if let (Some((a, x)), Some((b, y))) = (small, big) {
            if a > b {
                counts.1 += 1;
            } else if x || y {
                counts.2 += 1;
            } else {
                counts.0 += 1;
            }
        }
    };
    for cell in &table.cells {
        if let Some(parent) = identities::p_parent(cell.addr.row) {
            tally(
                number(table, cell.addr),
                number(table, CellRef::new(TableId::Pre2019, parent, cell.addr.col)),
            );
        }
        if cell.addr.col == Col::y {
            tally(
                number(table, cell.addr),
                number(table, CellRef::new(TableId::Pre2019, cell.addr.row, Col::cum)),
            );
        }
    }
    counts
}
