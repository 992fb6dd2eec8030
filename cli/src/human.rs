//! The readable report for a terminal, in Chinese, coloured when stdout is a terminal.
//!
//! Text from a report (its title, agency, file name, the cells and clauses findings quote) and
//! from a decisions file is printed through [`printable`]: a control character is shown as its
//! picture (`␛`), never sent, so a report cannot clear the screen or retitle the window.

use std::borrow::Cow;
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

/// `text` for one line of a terminal: every control character (line breaks and tabs too) as
/// its Unicode picture, the direction overrides that reorder what a line shows as `�`.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    sanitize(text, false)
}

/// `text` for a terminal, lines and tabs kept, every other control character as its picture.
pub(crate) fn printable_text(text: &str) -> Cow<'_, str> {
    sanitize(text, true)
}

fn sanitize(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                _ if !unsafe_char(c) => c,
                // C0 controls have pictures at U+2400 + code; DEL at U+2421.
                '\0'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

pub(crate) fn report(
    file: &str,
    checked: &Checked,
    decisions: &Decisions,
    style: &Style,
) -> String {
    let mut out = String::new();
    let report = &checked.report;
    let file = printable(file);
    let title = report.title.as_deref().map_or_else(|| file.clone(), printable);
    let _ = writeln!(out, "{}", style.paint("1", &title));
    let mut facts = vec![format!("文件：{file}")];
    if checked.unreadable.is_none() {
        facts.push(format!("格式：{}", report.template.name()));
        if let Some(year) = report.year {
            facts.push(format!("年度：{year}"));
        }
        if let Some(agency) = report.agency_name() {
            facts.push(format!("单位：{}", printable(agency)));
        }
        if let Some(source) = &checked.source {
            facts.push(format!("编码：{}", source.encoding.name()));
        }
    }
    let _ = writeln!(out, "  {}", facts.join("  "));
    let _ = writeln!(out, "  {}", checked.tables_line());
    if checked.unreadable.is_none() && !report.tables.is_empty() {
        let ids: &[gouji::model::TableId] =
            if report.table(gouji::model::TableId::Pre2019).is_some() {
                &[gouji::model::TableId::Pre2019]
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
            printable(&finding.message)
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
            let _ = writeln!(out, "      建议：{}", printable(hint));
        }
        if let Some(decision) = decisions.get(finding) {
            let reason = if decision.reason.is_empty() {
                String::new()
            } else {
                format!("：{}", printable(&decision.reason))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(printable("洪泽区人民政府"), "洪泽区人民政府");
        assert_eq!(printable("a\x1b[2Jb\x1b]0;title\x07"), "a␛[2Jb␛]0;title␇");
        assert_eq!(printable("行\n二\t\u{7f}\u{9b}\u{202e}"), "行␊二␉␡\u{FFFD}\u{FFFD}");
        assert_eq!(printable_text("行\n\t\x1b"), "行\n\t␛");
    }
}
