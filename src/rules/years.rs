//! Years (RULEBOOK §2.7): YR-TITLE-PERIOD, YR-PERIOD-FULL, YR-PUB, YR-TEXT, YR-FORMAT.

use crate::finding::Finding;
use crate::model::{Layout, Report, TableId, Template};

use super::{RuleId, finding};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    if let (Some(year), Some(period)) = (report.title_year, report.period)
        && (period.start.year != year || period.end.year != year)
    {
        let mut f = finding(
            RuleId::YrTitlePeriod,
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
    period_full(report, findings);
    let Some(year) = report.year else { return };
    publication(report, year, findings);
    for claim in &report.year_claims {
        if claim.year == year - 1 || claim.year == year + 1 {
            let mut f = finding(
                RuleId::YrText,
                format!(
                    "这是 {year} 年度报告，但正文“{}…”讲的是 {} 年的工作。",
                    claim.sentence, claim.year
                ),
                Vec::new(),
            );
            f.hint = Some("多半是沿用了往年的报告，请核对年份和内容。".to_string());
            findings.push(f);
        }
    }
    let old_tables: Vec<&str> = [TableId::T2, TableId::T3]
        .into_iter()
        .filter(|&id| report.table(id).is_some_and(|t| t.layout == Layout::Y2019))
        .map(TableId::name)
        .collect();
    if year >= 2021 && !old_tables.is_empty() {
        let mut f = finding(
            RuleId::YrFormat,
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
            RuleId::YrFormat,
            format!(
                "这是 {year} 年度报告，但{}使用了 2021 年版格式；2019、2020 年度报告应使用国办公开办函〔2019〕60号格式。",
                new_tables.join("、")
            ),
            Vec::new(),
        ));
    }
}

/// YR-PERIOD-FULL: 1月1日 to 12月31日 of one year.
fn period_full(report: &Report, findings: &mut Vec<Finding>) {
    let Some(p) = report.period else { return };
    let full = (p.start.month, p.start.day) == (1, 1)
        && (p.end.month, p.end.day) == (12, 31)
        && p.start.year == p.end.year;
    if !full {
        let mut f = finding(
            RuleId::YrPeriodFull,
            format!(
                "统计期限为 {}年{}月{}日至{}年{}月{}日，不是一个完整的自然年度。",
                p.start.year, p.start.month, p.start.day, p.end.year, p.end.month, p.end.day
            ),
            Vec::new(),
        );
        f.hint = Some("统计期限应为报告年度的1月1日至12月31日。".to_string());
        findings.push(f);
    }
}

/// YR-PUB: published in the next year, by 1月31日 (departments) or 3月31日 (governments; and
/// every report before 2019 under the old 条例).
fn publication(report: &Report, year: i32, findings: &mut Vec<Finding>) {
    let Some(date) = report.published else { return };
    let government = super::t2::is_government(report);
    let (month, day, who) = if report.template == Template::Pre2019 || year < 2019 {
        (3, 31, "按原《条例》")
    } else if government {
        (3, 31, "本级人民政府的年度报告")
    } else {
        (1, 31, "政府部门的年度报告")
    };
    let late =
        date.year > year + 1 || (date.year == year + 1 && (date.month, date.day) > (month, day));
    let early = date.year <= year;
    if !(late || early) {
        return;
    }
    let message = if early {
        format!(
            "报告的日期为 {}年{}月{}日，早于 {year} 年度结束。",
            date.year, date.month, date.day
        )
    } else {
        format!(
            "报告的日期为 {}年{}月{}日，{who}应在 {}年{month}月{day}日前公布。",
            date.year,
            date.month,
            date.day,
            year + 1
        )
    };
    let mut f = finding(RuleId::YrPub, message, Vec::new());
    f.hint = Some("《政府信息公开条例》第四十九条规定了公布期限；如日期写错请改正。".to_string());
    findings.push(f);
}
