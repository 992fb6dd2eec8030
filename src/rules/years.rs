//! Years (RULEBOOK §2.7): YR-TITLE-PERIOD and YR-FORMAT.

use crate::finding::Finding;
use crate::model::{Layout, Report, TableId};

use super::finding;

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    if let (Some(year), Some(period)) = (report.title_year, report.period)
        && (period.start.year != year || period.end.year != year)
    {
        let mut f = finding(
            "YR-TITLE-PERIOD",
            format!(
                "标题年份为 {year} 年，但统计期限为 {}年{}月{}日至{}年{}月{}日。",
                period.start.year,
                period.start.month,
                period.start.day,
                period.end.year,
                period.end.month,
                period.end.day
            ),
            Vec::new(),
        );
        f.hint = Some("多半是沿用了往年的模板，请改正标题或统计期限中的年份。".to_string());
        findings.push(f);
    }
    let Some(year) = report.year else { return };
    let old_tables: Vec<&str> = [TableId::T2, TableId::T3]
        .into_iter()
        .filter(|&id| report.table(id).is_some_and(|t| t.layout == Layout::Y2019))
        .map(TableId::name)
        .collect();
    if year >= 2021 && !old_tables.is_empty() {
        let mut f = finding(
            "YR-FORMAT",
            format!(
                "这是 {year} 年度报告，但{}仍使用 2019 年版格式（如表三“（六）其他处理”只有一行），应使用国办公开办函〔2021〕30号格式。",
                old_tables.join("、")
            ),
            Vec::new(),
        );
        f.hint = Some("按 2021 年版格式重新填写：表三“（六）其他处理”分 3 项。".to_string());
        findings.push(f);
    }
    let new_tables: Vec<&str> = [TableId::T2, TableId::T3]
        .into_iter()
        .filter(|&id| report.table(id).is_some_and(|t| t.layout == Layout::Y2021))
        .map(TableId::name)
        .collect();
    if (2019..=2020).contains(&year) && !new_tables.is_empty() {
        findings.push(finding(
            "YR-FORMAT",
            format!(
                "这是 {year} 年度报告，但{}使用了 2021 年版格式；2019、2020 年度报告应使用国办公开办函〔2019〕60号格式。",
                new_tables.join("、")
            ),
            Vec::new(),
        ));
    }
}
