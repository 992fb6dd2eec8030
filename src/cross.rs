//! Rules across reports checked together (a folder, a batch): PRE-CHAIN, the pre-2019
//! statistics table's 历年累计 chain (RULEBOOK §3.2): this year's 历年累计 = last year's
//! 历年累计 + this year's 本年度, for the same unit.
//!
//! Reports are matched by agency (as the title names it) and year; a year with two reports of
//! the same agency is not matched, rather than guessed. Pure, like [`crate::check`].

use crate::model::{CellRef, Col, Number, TableId, Value};
use crate::{Checked, Finding, review, rules};

/// The findings across `reports`, each with the index of the report it is about.
pub fn check(reports: &[&Checked]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for (k, report) in reports.iter().enumerate() {
        let Some(prev) = previous(reports, k) else { continue };
        chain(reports[prev], report, &mut out, k);
    }
    out
}

/// The one report of the same agency for the year before report `k`'s.
fn previous(reports: &[&Checked], k: usize) -> Option<usize> {
    let this = &reports[k].report;
    let (agency, year) = (this.agency.as_deref()?, this.year?);
    let same = |r: &Checked, y: i32| {
        r.report.agency.as_deref() == Some(agency) && r.report.year == Some(y)
    };
    if reports.iter().filter(|r| same(r, year)).count() != 1 {
        return None;
    }
    let mut found = reports.iter().enumerate().filter(|(_, r)| same(r, year - 1)).map(|(i, _)| i);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn number(checked: &Checked, addr: CellRef) -> Option<(Number, bool)> {
    let cell = checked.report.cell(addr)?;
    match cell.value {
        Value::Number(n) => Some((n, cell.inferred)),
        _ => None,
    }
}

/// PRE-CHAIN between last year's report and this year's.
fn chain(last: &Checked, this: &Checked, out: &mut Vec<(usize, Finding)>, index: usize) {
    let (Some(table), Some(_)) = (this.report.table(TableId::P), last.report.table(TableId::P))
    else {
        return;
    };
    let last_year = last.report.year.unwrap_or_default();
    for row in table.rows() {
        let at = |col| CellRef::new(TableId::P, row, col);
        let (Some((before, a)), Some((year, b)), Some((total, c))) =
            (number(last, at(Col::cum)), number(this, at(Col::y)), number(this, at(Col::cum)))
        else {
            continue;
        };
        let Some(expected) = before.checked_add(year) else { continue };
        if expected == total {
            continue;
        }
        let inferred =
            if a || b || c { "（含由连在一起的数字拆分出的数值）" } else { "" };
        let mut f = rules::finding(
            &format!("PRE-CHAIN-{}", row.code()),
            format!(
                "统计表“{}”：历年累计为 {total}，而 {last_year} 年报告的历年累计 {before} 加本年度 {year} 为 {expected}，接不上{inferred}。",
                row.short()
            ),
            vec![at(Col::cum), at(Col::y)],
        );
        f.found = Some(total);
        f.expected = Some(expected);
        f.hint = Some(format!(
            "核对本报告和 {last_year} 年报告的这一行；若统计口径有变（如机构合并、重新起算），应在报告中说明。"
        ));
        f.fingerprint = review::fingerprint(&this.report, &f, None);
        out.push((index, f));
    }
}

/// Adds the findings across `reports` to the reports they are about (sorted as usual).
pub fn apply(reports: &mut [Checked]) {
    let found = {
        let refs: Vec<&Checked> = reports.iter().collect();
        check(&refs)
    };
    let mut touched = Vec::new();
    for (k, finding) in found {
        reports[k].findings.push(finding);
        touched.push(k);
    }
    for k in touched {
        rules::sort(&mut reports[k].findings);
    }
}
