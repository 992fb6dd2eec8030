//! Plausibility hints (RULEBOOK §2.10): things that can be right but that a reviewer asks
//! about. All preview, all 提示.

use crate::finding::Finding;
use crate::model::{CellRef, Col, Number, Report, Row, TableId};

use super::{RuleId, finding};

fn value(report: &Report, table: TableId, row: Row, col: Col) -> Option<Number> {
    report.cell(CellRef::new(table, row, col)).and_then(|c| c.value.for_sums())
}

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    let rv = value(report, TableId::T4, Row::RV, Col::t4_tot);
    let lr = value(report, TableId::T4, Row::LR, Col::t4_tot);
    if let (Some(rv), Some(lr)) = (rv, lr)
        && rv.is_zero()
        && !lr.is_zero()
    {
        let cells = vec![
            CellRef::new(TableId::T4, Row::LR, Col::t4_tot),
            CellRef::new(TableId::T4, Row::RV, Col::t4_tot),
        ];
        let mut f = finding(
            RuleId::HintLitWithoutReview,
            format!("表四有复议后起诉 {lr} 件，但本年行政复议总计为 0。"),
            cells,
        );
        f.hint = Some("若复议发生在上一年度，这是正常的；否则请核对行政复议一栏。".to_string());
        findings.push(f);
    }
    let received = [Row::R1, Row::R2].map(|r| value(report, TableId::T3, r, Col::T3_TOT));
    let appeals: Vec<CellRef> = report
        .table(TableId::T4)
        .map(|t| {
            t.cells
                .iter()
                .filter(|c| {
                    c.addr.col == Col::t4_tot && c.value.number().is_some_and(|n| !n.is_zero())
                })
                .map(|c| c.addr)
                .collect()
        })
        .unwrap_or_default();
    if received.iter().all(|r| r.is_some_and(Number::is_zero)) && !appeals.is_empty() {
        let mut f = finding(
            RuleId::HintAppealsWithoutRequests,
            "表三没有任何申请，但表四有行政复议或行政诉讼。".to_string(),
            appeals,
        );
        f.hint = Some("案件可能源于往年的申请；如是，建议在正文中说明。".to_string());
        findings.push(f);
    }
    // Outcomes concentrated in 3.其他: reviewers ask what "其他" means.
    let other = value(report, TableId::T3, Row::R3_6_3, Col::T3_TOT);
    let done = value(report, TableId::T3, Row::R3_7, Col::T3_TOT);
    if let (Some(other), Some(done)) = (other, done)
        && !other.is_zero()
        && other.checked_mul_int(2).is_some_and(|twice| twice >= done)
    {
        let mut f = finding(
            RuleId::HintOtherOutcome,
            format!(
                "表三（六）其他处理中“3.其他”有 {other} 件，占办结总数 {done} 件的一半或以上。"
            ),
            vec![CellRef::new(TableId::T3, Row::R3_6_3, Col::T3_TOT)],
        );
        f.hint = Some(
            "审核单位通常会问“其他”指什么，建议在正文中说明这些申请的处理方式（如申请人撤回）。"
                .to_string(),
        );
        findings.push(f);
    }
}
