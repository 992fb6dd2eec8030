//! The readable report for a terminal, in Chinese, coloured when stdout is a terminal.

use std::fmt::Write as _;

use gouji::review::Decisions;
use gouji::{Checked, Severity, Verdict};

pub(crate) struct Style {
    pub(crate) color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        self.paint(code, severity.name())
    }
}

pub(crate) fn report(
    file: &str,
    checked: &Checked,
    decisions: &Decisions,
    style: &Style,
) -> String {
    let mut out = String::new();
    let report = &checked.report;
    let title = report.title.clone().unwrap_or_else(|| file.to_string());
    let _ = writeln!(out, "{}", style.paint("1", &title));
    let mut facts = vec![format!("文件：{file}")];
    if checked.unreadable.is_none() {
        facts.push(format!("格式：{}", report.template.name()));
        if let Some(year) = report.year {
            facts.push(format!("年度：{year}"));
        }
        if let Some(agency) = &report.agency {
            facts.push(format!("单位：{agency}"));
        }
        if let Some(source) = &checked.source {
            facts.push(format!("编码：{}", source.encoding.name()));
        }
    }
    let _ = writeln!(out, "  {}", facts.join("  "));
    let _ = writeln!(out, "  {}", checked.tables_line());
    if checked.unreadable.is_none() && !report.tables.is_empty() {
        let ids: &[gouji::model::TableId] = if report.table(gouji::model::TableId::P).is_some() {
            &[gouji::model::TableId::P]
        } else {
            &[gouji::model::TableId::T3, gouji::model::TableId::T4]
        };
        for &id in ids {
            let _ = writeln!(out, "  {}", style.paint("2", &checked.summary(id).coverage(id)));
        }
    }
    let (errors, warnings, infos) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
        checked.count(Severity::Info),
    );
    let counts = format!("（错误 {errors}，警告 {warnings}，提示 {infos}）");
    // Only a report whose every required sum ran and held gets a ✔.
    let conclusion = match checked.verdict() {
        Verdict::Pass => style.paint("32", &format!("✔ {}{counts}", checked.verdict_text())),
        Verdict::Fail => style.paint("1;31", &format!("✘ {}{counts}", checked.verdict_text())),
        Verdict::Incomplete | Verdict::Unreadable => {
            style.paint("1;33", &format!("？ {}{counts}", checked.verdict_text()))
        }
    };
    let _ = writeln!(out, "  {conclusion}");
    let decided = checked.findings.iter().filter(|f| decisions.get(f).is_some()).count();
    let stale = decisions.stale(checked).len();
    if decided + stale > 0 {
        let mut line = format!("核对记录：{decided} 个问题已处理（已核实或忽略）");
        if stale > 0 {
            let _ = write!(line, "，{stale} 条记录已不适用（问题已消失或数字已改变）");
        }
        let _ = writeln!(out, "  {}", style.paint("2", &line));
    }
    for finding in &checked.findings {
        let _ = writeln!(
            out,
            "  {} {}  {}",
            style.severity(finding.severity),
            style.paint("2", &finding.rule),
            finding.message
        );
        if !finding.cells.is_empty() {
            let shown: Vec<String> =
                finding.cells.iter().take(8).map(ToString::to_string).collect();
            let more = if finding.cells.len() > 8 {
                format!(" 等 {} 个", finding.cells.len())
            } else {
                String::new()
            };
            let _ = writeln!(out, "      单元格：{}{more}", shown.join(" "));
        }
        if let Some(hint) = &finding.hint {
            let _ = writeln!(out, "      建议：{hint}");
        }
        if let Some(decision) = decisions.get(finding) {
            let reason = if decision.reason.is_empty() {
                String::new()
            } else {
                format!("：{}", decision.reason)
            };
            let _ = writeln!(
                out,
                "      {}",
                style.paint("32", &format!("〔{}{reason}〕", decision.status.name()))
            );
        }
    }
    out
}
