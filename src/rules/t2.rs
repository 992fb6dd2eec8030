//! 表二 (RULEBOOK §2.5): T2-VALID-GE-MADE, T2-RULE-LEVEL, T2-FEE-UNIT, T2-NARR-NORM,
//! T2-NARR-ENF. All preview: 表二 has no sums, so these are plausibility checks.

use crate::finding::Finding;
use crate::model::{AgencyKind, CellRef, Col, FactKind, Layout, Number, Report, Row, TableId};

use super::{RuleId, finding};

fn cell(report: &Report, row: Row, col: Col) -> Option<Number> {
    report.cell(CellRef::new(TableId::T2, row, col)).and_then(|c| c.value.number())
}

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    let Some(table) = report.table(TableId::T2) else { return };
    if table.layout != Layout::Y2021 {
        return;
    }
    // T2-VALID-GE-MADE: what was made this year is normally still in force at its end.
    for row in [Row::REG, Row::NORM] {
        let (Some(made), Some(valid)) =
            (cell(report, row, Col::made), cell(report, row, Col::valid))
        else {
            continue;
        };
        if valid < made {
            let cells = vec![
                CellRef::new(TableId::T2, row, Col::valid),
                CellRef::new(TableId::T2, row, Col::made),
            ];
            let mut f = finding(
                RuleId::T2ValidGeMade,
                format!("表二“{}”现行有效件数 {valid} 少于本年制发件数 {made}。", row.short()),
                cells,
            );
            f.expected = Some(made);
            f.found = Some(valid);
            f.hint = Some(
                "本年制发的文件年底通常仍然有效；除非当年又废止，请核对现行有效件数。".to_string(),
            );
            findings.push(f);
        }
    }
    // T2-RULE-LEVEL: counties and below cannot make 规章.
    if report.agency.as_ref().is_some_and(|a| a.county_or_below) {
        let nonzero: Vec<CellRef> = [Col::made, Col::rep, Col::valid]
            .into_iter()
            .filter(|&c| cell(report, Row::REG, c).is_some_and(|n| !n.is_zero()))
            .map(|c| CellRef::new(TableId::T2, Row::REG, c))
            .collect();
        if !nonzero.is_empty() {
            let mut f = finding(
                RuleId::T2RuleLevel,
                format!(
                    "{}是县级或以下单位，无规章制定权，但表二“规章”一行不为 0。",
                    report.agency_name().unwrap_or("本单位")
                ),
                nonzero,
            );
            f.hint = Some(
                "规章由国务院部门和省、设区的市人民政府制定；县级及以下单位此行应为 0。"
                    .to_string(),
            );
            findings.push(f);
        }
    }
    fee_unit(report, findings);
    narrative(report, findings);
}

/// T2-FEE-UNIT (b, c): 行政事业性收费 (万元) against the amounts the narrative states in 元.
fn fee_unit(report: &Report, findings: &mut Vec<Finding>) {
    let Some(fee) = cell(report, Row::FEE, Col::n) else { return };
    let addr = CellRef::new(TableId::T2, Row::FEE, Col::n);
    for fact in &report.facts {
        let message = match fact.kind {
            // (b) the 信息处理费 (元) copied into the 万元 cell.
            FactKind::InfoFee if !fee.is_zero() && fact.value == fee => format!(
                "表二“行政事业性收费”为 {fee}（万元），恰好等于正文的信息处理费 {} 元，可能填错了数字或单位。",
                fact.value
            ),
            // (c) the narrative's 行政事业性收费 in 元, converted, must match.
            FactKind::AdminFee => {
                let tolerance =
                    10i64.checked_pow(4u32.saturating_sub(u32::from(fee.scale()))).unwrap_or(1) / 2;
                let yuan = fee.checked_mul_int(10_000);
                let differs = yuan
                    .and_then(|y| y.checked_sub(fact.value))
                    .is_some_and(|d| d > Number::int(tolerance) || d < Number::int(-tolerance));
                if !differs {
                    continue;
                }
                format!("正文说行政事业性收费 {} 元，但表二为 {fee} 万元。", fact.value)
            }
            _ => continue,
        };
        let mut f = finding(RuleId::T2FeeUnit, message, vec![addr]);
        f.text_span = Some(fact.range.clone());
        f.hint = Some(
            "表二的收费金额以万元为单位；信息处理费（元）是另一回事，不填入表二。".to_string(),
        );
        findings.push(f);
    }
}

/// T2-NARR-NORM and T2-NARR-ENF: counts the narrative states against 表二.
fn narrative(report: &Report, findings: &mut Vec<Finding>) {
    for fact in &report.facts {
        let (id, row, col, said) = match fact.kind {
            FactKind::NormsMade | FactKind::NoNormsMade => {
                (RuleId::T2NarrNorm, Row::NORM, Col::made, "制发规范性文件")
            }
            FactKind::Licences => (RuleId::T2NarrEnf, Row::LIC, Col::n, "行政许可"),
            FactKind::Penalties => (RuleId::T2NarrEnf, Row::PUN, Col::n, "行政处罚"),
            FactKind::Enforcement => (RuleId::T2NarrEnf, Row::COE, Col::n, "行政强制"),
            _ => continue,
        };
        let Some(value) = cell(report, row, col) else { continue };
        if value == fact.value {
            continue;
        }
        let clause: String = fact.clause.chars().take(40).collect();
        let addr = CellRef::new(TableId::T2, row, col);
        let mut f = finding(
            id,
            format!("正文“{clause}”说{said} {} 件，表二为 {value}。", fact.value),
            vec![addr],
        );
        f.expected = Some(value);
        f.found = Some(fact.value);
        f.text_span = Some(fact.range.clone());
        f.hint = Some("核对正文与表二。".to_string());
        findings.push(f);
    }
}

/// Whether the agency is a government (used by YR-PUB).
pub(super) fn is_government(report: &Report) -> bool {
    report.agency.as_ref().is_some_and(|a| a.kind == AgencyKind::Government)
}
