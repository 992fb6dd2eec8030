//! What the report itself says, weighed when the table's own sums leave several equally small
//! corrections: a 表四 group has one sum, so any of its five cells could be the wrong one, but
//! "被申请行政复议11件" in the narrative confirms the 总计 and points at a part.
//!
//! Invariant: evidence only chooses among the corrections the sums allow, and the finding says
//! which sentence decided; where nothing decides, every candidate stays listed.

use crate::model::{CellRef, Col, Fact, FactKind, Report, Row, TableId};

use super::culprit::{Diagnosis, Fix};

/// A sum of cells whose value the report (or last year's) states.
pub struct Stated {
    cells: Vec<CellRef>,
    value: i64,
    /// Who says so, in words: `正文“…”称行政复议 11 件`.
    said: String,
}

impl Stated {
    /// Last year's report of the same unit gives `cell` (this year's 上年结转) its value.
    pub fn last_year(cell: CellRef, value: i64, year: i32) -> Stated {
        Stated {
            cells: vec![cell],
            value,
            said: format!("{year} 年报告的结转下年度继续办理（{}列）为 {value}", cell.col.name()),
        }
    }
}

fn t3(row: Row) -> CellRef {
    CellRef::new(TableId::T3, row, Col::T3_TOT)
}

fn t4(row: Row) -> CellRef {
    CellRef::new(TableId::T4, row, Col::t4_tot)
}

/// The sums of cells the narrative states, from its facts.
pub(super) fn stated(report: &Report) -> Vec<Stated> {
    let one = |fact: &Fact, cells: Vec<CellRef>, what: &str| {
        let value = fact.value.as_int()?;
        let clause: String = fact.clause.chars().take(40).collect();
        Some(Stated { cells, value, said: format!("正文“{clause}”称{what} {value} 件") })
    };
    report
        .facts
        .iter()
        .filter_map(|fact| match fact.kind {
            FactKind::Review => one(fact, vec![t4(Row::RV)], "行政复议"),
            FactKind::Litigation => one(fact, vec![t4(Row::LD), t4(Row::LR)], "行政诉讼"),
            FactKind::CarriedIn => one(fact, vec![t3(Row::R2)], "上年结转"),
            FactKind::Done => one(fact, vec![t3(Row::R3_7)], "办结"),
            FactKind::CarriedOut => one(fact, vec![t3(Row::R4)], "结转下年度"),
            FactKind::Granted => one(fact, vec![t3(Row::R3_1)], "予以公开"),
            FactKind::Partial => one(fact, vec![t3(Row::R3_2)], "部分公开"),
            _ => None,
        })
        .collect()
}

/// What one statement says of one correction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The statement holds after the correction and not before.
    Supports,
    /// The statement holds now and the correction would break it.
    Refutes,
    /// Nothing either way.
    Silent,
}

fn weigh_one(
    stated: &Stated,
    fixes: &[Fix],
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Verdict {
    if !fixes.iter().any(|f| stated.cells.contains(&f.cell)) {
        return Verdict::Silent;
    }
    let mut before = 0i64;
    let mut after = 0i64;
    for &cell in &stated.cells {
        let Some((now, _)) = value(cell) else { return Verdict::Silent };
        before += now;
        after += fixes.iter().find(|f| f.cell == cell).map_or(now, |f| f.to);
    }
    match (before == stated.value, after == stated.value) {
        (false, true) => Verdict::Supports,
        (true, false) => Verdict::Refutes,
        _ => Verdict::Silent,
    }
}

/// Keeps, when what the report says decides, the corrections it allows, and says why.
/// Returns true when it narrowed the corrections down.
pub(super) fn weigh(
    diagnosis: &mut Diagnosis,
    stated: &[Stated],
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> bool {
    if diagnosis.corrections.len() < 2 || stated.is_empty() {
        return false;
    }
    let verdicts: Vec<Vec<Verdict>> = diagnosis
        .corrections
        .iter()
        .map(|fixes| stated.iter().map(|s| weigh_one(s, fixes, value)).collect())
        .collect();
    let refuted = |k: usize| verdicts[k].contains(&Verdict::Refutes);
    let supported = |k: usize| verdicts[k].contains(&Verdict::Supports);
    let standing: Vec<usize> = (0..verdicts.len()).filter(|&k| !refuted(k)).collect();
    let backed: Vec<usize> = standing.iter().copied().filter(|&k| supported(k)).collect();
    let said = |k: usize, kind: Verdict| {
        stated.iter().zip(&verdicts[k]).find(|(_, v)| **v == kind).map(|(s, _)| s)
    };
    let (keep, why) = if let [one] = backed[..] {
        let Some(s) = said(one, Verdict::Supports) else { return false };
        (vec![one], format!("{}，与这一更正相符", s.said))
    } else if !standing.is_empty() && standing.len() < verdicts.len() {
        let Some(s) =
            (0..verdicts.len()).filter(|&k| refuted(k)).find_map(|k| said(k, Verdict::Refutes))
        else {
            return false;
        };
        let confirmed: Vec<String> =
            s.cells.iter().map(|c| format!("“{}”", c.display_name())).collect();
        let rest = if standing.len() == 1 { "" } else { "，但仍无法确定是哪一个" };
        (
            standing,
            format!(
                "{}，与{}现有的数字一致，因此更可能是其他单元格有误{rest}",
                s.said,
                confirmed.join("、")
            ),
        )
    } else {
        return false;
    };
    let corrections = std::mem::take(&mut diagnosis.corrections);
    diagnosis.corrections = corrections
        .into_iter()
        .enumerate()
        .filter(|(k, _)| keep.contains(k))
        .map(|(_, c)| c)
        .collect();
    diagnosis.evidence = Some(why);
    true
}
