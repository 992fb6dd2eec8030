//! What leaves gouji as a file: the CLI's JSON (spec/CONTRACT.md: one object per report) and
//! the findings CSV that Excel and WPS open (UTF-8 with BOM, CRLF). The page and the CLI both
//! write them from here, so that they are the same file. Pure: strings in, strings out.

use std::fmt::Write as _;

use crate::json::string as js;
use crate::model::{Number, TableId, Value};
use crate::review::Decisions;
use crate::{Checked, Finding};

/// One report of an export: its file name, what the engine found, the reviewer's decisions.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The file name (or `-`, or a label for pasted text).
    pub file: &'a str,
    /// The result.
    pub checked: &'a Checked,
    /// Decisions about its findings (may be empty).
    pub decisions: &'a Decisions,
}

fn number(n: Number) -> String {
    // JSON numbers: integers as written, amounts in 万元 as their exact decimal.
    n.to_string()
}

fn opt_number(n: Option<Number>) -> String {
    n.map_or_else(|| "null".to_string(), number)
}

/// The contract's JSON object for one report, on one line.
pub fn json(entry: &Entry<'_>) -> String {
    let checked = entry.checked;
    let report = &checked.report;
    let mut cells = Vec::new();
    let mut inferred = Vec::new();
    for table in &report.tables {
        for cell in &table.cells {
            let value = match &cell.value {
                Value::Number(n) => number(*n),
                Value::Blank { .. } | Value::Text(_) => "null".to_string(),
                Value::Missing | Value::Ambiguous => continue,
            };
            if cell.inferred {
                inferred.push(js(&cell.addr.to_string()));
            }
            cells.push(format!("{}:{value}", js(&cell.addr.to_string())));
        }
    }
    let findings: Vec<String> =
        checked.findings.iter().map(|f| finding(f, entry.decisions)).collect();
    let diagnoses: Vec<String> = checked
        .diagnoses
        .iter()
        .map(|d| {
            let explains: Vec<String> = d.explains.iter().map(|e| js(e)).collect();
            let corrections: Vec<String> = d
                .corrections
                .iter()
                .map(|fixes| {
                    let fixes: Vec<String> = fixes
                        .iter()
                        .map(|f| {
                            format!(
                                "{{\"cell\":{},\"from\":{},\"to\":{},\"was_blank\":{}}}",
                                js(&f.cell.to_string()),
                                f.from,
                                f.to,
                                f.was_blank
                            )
                        })
                        .collect();
                    format!("[{}]", fixes.join(","))
                })
                .collect();
            format!(
                "{{\"explains\":[{}],\"corrections\":[{}],\"evidence\":{}}}",
                explains.join(","),
                corrections.join(","),
                d.evidence.as_deref().map_or_else(|| "null".to_string(), js)
            )
        })
        .collect();
    let ids: &[TableId] = if report.table(TableId::P).is_some() {
        &[TableId::P]
    } else {
        &[TableId::T3, TableId::T4]
    };
    let coverage: Vec<String> = ids
        .iter()
        .map(|&id| {
            let s = checked.summary(id);
            format!(
                "{}:{{\"found\":{},\"passed\":{},\"failed\":{},\"review\":{},\"cannot_run\":{}}}",
                js(id.code()),
                s.found,
                s.passed,
                s.failed,
                s.review,
                s.cannot_run
            )
        })
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"file\":{},\"template\":{},\"year\":{},\"verdict\":{},\"not_checked\":[{}],\"agency\":{},\"cells\":{{{}}},\"inferred\":[{}],\"findings\":[{}],\"diagnoses\":[{}],\"coverage\":{{{}}}",
        js(entry.file),
        js(report.template.as_str()),
        report.year.map_or_else(|| "null".to_string(), |y| y.to_string()),
        js(checked.verdict().as_str()),
        checked.gaps().iter().map(|g| js(g)).collect::<Vec<_>>().join(","),
        report.agency.as_deref().map_or_else(|| "null".to_string(), js),
        cells.join(","),
        inferred.join(","),
        findings.join(","),
        diagnoses.join(","),
        coverage.join(","),
    );
    if let Some(source) = &checked.source {
        let _ = write!(out, ",\"encoding\":{}", js(source.encoding.name()));
    }
    if !entry.decisions.decisions.is_empty() {
        let stale: Vec<String> = entry
            .decisions
            .stale(checked)
            .iter()
            .map(|d| {
                format!(
                    "{{\"fingerprint\":{},\"rule\":{},\"status\":{},\"reason\":{}}}",
                    js(&d.fingerprint),
                    js(&d.rule),
                    js(d.status.as_str()),
                    js(&d.reason)
                )
            })
            .collect();
        let _ = write!(out, ",\"stale_decisions\":[{}]", stale.join(","));
    }
    if let Some(why) = checked.unreadable {
        let _ = write!(out, ",\"error\":{}", js(why.message()));
    }
    out.push('}');
    out
}

/// The object for a file that could not even be opened (the shell's message).
pub fn json_io_error(file: &str, message: &str) -> String {
    format!(
        "{{\"file\":{},\"template\":\"unknown\",\"year\":null,\"verdict\":\"unreadable\",\"cells\":{{}},\"findings\":[],\"error\":{}}}",
        js(file),
        js(message)
    )
}

fn finding(f: &Finding, decisions: &Decisions) -> String {
    let cells: Vec<String> = f.cells.iter().map(|c| js(&c.to_string())).collect();
    let decision = decisions.get(f).map_or_else(
        || "null".to_string(),
        |d| {
            format!(
                "{{\"status\":{},\"reason\":{},\"decided_at\":{}}}",
                js(d.status.as_str()),
                js(&d.reason),
                js(&d.decided_at)
            )
        },
    );
    format!(
        "{{\"rule\":{},\"family\":{},\"also\":[{}],\"severity\":{},\"cells\":[{}],\"message\":{},\"expected\":{},\"found\":{},\"hint\":{},\"fingerprint\":{},\"decision\":{}}}",
        js(&f.rule),
        js(f.family),
        f.also.iter().map(|a| js(a)).collect::<Vec<_>>().join(","),
        js(f.severity.as_str()),
        cells.join(","),
        js(&f.message),
        opt_number(f.expected),
        opt_number(f.found),
        f.hint.as_deref().map_or_else(|| "null".to_string(), js),
        js(&f.fingerprint),
        decision
    )
}

/// The header of the findings CSV.
pub const CSV_HEADER: [&str; 14] = [
    "文件",
    "单位",
    "年度",
    "格式",
    "结论",
    "规则",
    "严重程度",
    "状态",
    "单元格",
    "说明",
    "建议",
    "核对记录",
    "核对理由",
    "指纹",
];

/// The findings of every report as CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF,
/// one line per finding (a report without findings gets one line saying so).
pub fn csv(entries: &[Entry<'_>]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| (*s).to_string()));
    for entry in entries {
        let report = &entry.checked.report;
        let head = [
            entry.file.to_string(),
            report.agency.clone().unwrap_or_default(),
            report.year.map(|y| y.to_string()).unwrap_or_default(),
            report.template.name().to_string(),
            entry.checked.verdict_text(),
        ];
        if entry.checked.findings.is_empty() {
            let mut row: Vec<String> = head.to_vec();
            row.resize(CSV_HEADER.len(), String::new());
            row[9] = "未发现问题".to_string();
            push_row(&mut out, row);
            continue;
        }
        for f in &entry.checked.findings {
            let decision = entry.decisions.get(f);
            let status = crate::rules::rule(f.family).map_or("", |r| match r.status {
                crate::rules::Status::Stable => "稳定",
                crate::rules::Status::Preview => "预览",
            });
            let mut row: Vec<String> = head.to_vec();
            row.extend([
                f.rule.clone(),
                f.severity.name().to_string(),
                status.to_string(),
                f.cells.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
                f.message.clone(),
                f.hint.clone().unwrap_or_default(),
                decision.map(|d| d.status.name().to_string()).unwrap_or_default(),
                decision.map(|d| d.reason.clone()).unwrap_or_default(),
                f.fingerprint.clone(),
            ]);
            push_row(&mut out, row);
        }
    }
    out
}

/// One CSV line. Fields with a comma, quote or line break are quoted; a field that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(',');
        }
        first = false;
        let field =
            if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, check};

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut out = String::new();
        push_row(
            &mut out,
            ["a,b".to_string(), "say \"x\"".to_string(), "=1+1".to_string(), "行\n二".to_string()],
        );
        assert_eq!(out, "\"a,b\",\"say \"\"x\"\"\",'=1+1,\"行\n二\"\r\n");
    }

    #[test]
    fn json_reads_back_as_json() {
        let checked = check(&Input::text(crate::SAMPLE_REPORT));
        let decisions = Decisions::default();
        let line = json(&Entry { file: "a\"b.txt", checked: &checked, decisions: &decisions });
        assert!(!line.contains('\n'));
        let value = crate::json::parse(&line).expect("valid JSON");
        assert_eq!(value.get("file").and_then(crate::json::Json::as_str), Some("a\"b.txt"));
        assert_eq!(value.get("year").and_then(crate::json::Json::as_i64), Some(2023));
        assert_eq!(value.get("verdict").and_then(crate::json::Json::as_str), Some("pass"));
        let csv = csv(&[Entry { file: "x.txt", checked: &checked, decisions: &decisions }]);
        assert!(csv.starts_with("\u{FEFF}文件,单位,年度"));
        assert_eq!(csv.matches("\r\n").count(), 1 + checked.findings.len());
    }
}
