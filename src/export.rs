//! What leaves gouji as a file: the CLI's JSON (spec/CONTRACT.md: one object per report) and
//! the findings CSV that Excel and WPS open (UTF-8 with BOM, CRLF). The page and the CLI both
//! write them from here, so that they are the same file. Pure: strings in, strings out. The
//! JSON's types are in [`crate::dto`].

use std::fmt::Write as _;

use crate::model::{TableId, Value};
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

/// The contract's JSON object for one report, on one line ([`crate::dto::Report`]).
pub fn json(entry: &Entry<'_>) -> String {
    crate::dto::line(&crate::dto::Report::new(entry))
}

/// The object for a file that could not even be opened (the shell's message).
pub fn json_io_error(file: &str, message: &str) -> String {
    crate::dto::line(&crate::dto::Report::io_error(file, message))
}

/// The header of the findings CSV: what a clerk works through, in words (the codes are in
/// the JSON).
pub const CSV_HEADER: [&str; 15] = [
    "文件",
    "单位",
    "年度",
    "结论",
    "严重程度",
    "表",
    "行",
    "列",
    "现值",
    "应为",
    "说明",
    "建议",
    "规则",
    "处理状态",
    "处理理由",
];

/// The first cell of a finding in words (表, 行, 列), and its value now and the value its
/// unique correction gives, when there is one.
fn where_and_what(checked: &Checked, f: &Finding) -> [String; 5] {
    let Some(&cell) = f.cells.first() else { return Default::default() };
    let fix = checked
        .diagnosis(f)
        .and_then(|d| d.unique())
        .and_then(|fixes| fixes.iter().find(|fix| fix.cell == cell));
    let now = checked.report.cell(cell).map(|c| c.value.describe()).unwrap_or_default();
    [
        cell.table.name().to_string(),
        cell.row.short().to_string(),
        cell.col.name().to_string(),
        now,
        fix.map(|fix| fix.to.to_string()).unwrap_or_default(),
    ]
}

/// The findings of every report as CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF,
/// one line per finding (a report without findings gets one line with its verdict).
pub fn csv(entries: &[Entry<'_>]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| (*s).to_string()));
    for entry in entries {
        let report = &entry.checked.report;
        let head = [
            entry.file.to_string(),
            report.agency_name().unwrap_or_default().to_string(),
            report.year.map(|y| y.to_string()).unwrap_or_default(),
            entry.checked.verdict_text(),
        ];
        if entry.checked.findings.is_empty() {
            let mut row: Vec<String> = head.to_vec();
            row.resize(CSV_HEADER.len(), String::new());
            row[10] = "未发现问题".to_string();
            push_row(&mut out, row);
            continue;
        }
        for f in &entry.checked.findings {
            let decision = entry.decisions.get(f);
            let title = f.family.rule().title;
            let mut row: Vec<String> = head.to_vec();
            row.push(f.severity.name().to_string());
            row.extend(where_and_what(entry.checked, f));
            row.extend([
                f.message.clone(),
                f.hint.clone().unwrap_or_default(),
                title.to_string(),
                decision.map_or_else(|| "待处理".to_string(), |d| d.status.name().to_string()),
                decision.map(|d| d.reason.clone()).unwrap_or_default(),
            ]);
            push_row(&mut out, row);
        }
    }
    out
}

/// What a table cell shows: its number, its placeholder, or nothing.
fn shown(checked: &Checked, cell: crate::model::CellRef) -> String {
    match checked.report.cell(cell).map(|c| &c.value) {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Blank { placeholder: Some(mark) }) => mark.clone(),
        Some(Value::Text(text)) => text.clone(),
        _ => String::new(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One cell of an official table as it is printed: its text and its merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedCell {
    /// What it shows.
    pub text: String,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
}

/// One of the report's tables in the official layout: its section heading and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedTable {
    /// `三、收到和处理政府信息公开申请情况`.
    pub heading: &'static str,
    /// Rows of cells (merged cells appear once, where they start).
    pub rows: Vec<Vec<PrintedCell>>,
}

fn cell(text: impl Into<String>, colspan: usize, rowspan: usize) -> PrintedCell {
    PrintedCell { text: text.into(), colspan, rowspan }
}

/// Header rows of the official layout as printed.
fn header_rows(rows: Vec<Vec<crate::layout::HeaderCell>>) -> Vec<Vec<PrintedCell>> {
    rows.into_iter()
        .map(|row| {
            row.into_iter().map(|h| cell(h.heading.official(), h.colspan, h.rowspan)).collect()
        })
        .collect()
}

/// 表二, 表三 and 表四 (as read, with any edits) in the official layout: what both the HTML a
/// clerk pastes into Word, WPS or Excel and the .docx are written from.
pub fn printed_tables(checked: &Checked) -> Vec<PrintedTable> {
    use crate::model::CellRef;
    let report = &checked.report;
    let mut out = Vec::new();
    if let Some(table) = report.table(TableId::T2) {
        let blocks = crate::layout::t2_blocks(table);
        let width = 1 + blocks.iter().map(|b| b.cols.len()).max().unwrap_or(1);
        let mut rows = Vec::new();
        for block in &blocks {
            let span = (width - 1) / block.cols.len();
            rows.push(vec![cell(block.title, width, 1)]);
            let mut header = vec![cell(crate::layout::Heading::Item.official(), 1, 1)];
            header.extend(
                block
                    .cols
                    .iter()
                    .map(|&col| cell(crate::layout::t2_col_name(block.rows[0], col), span, 1)),
            );
            rows.push(header);
            for &row in &block.rows {
                let mut line = vec![cell(row.official(), 1, 1)];
                line.extend(block.cols.iter().map(|&col| {
                    cell(shown(checked, CellRef::new(TableId::T2, row, col)), span, 1)
                }));
                rows.push(line);
            }
        }
        out.push(PrintedTable { heading: "二、主动公开政府信息情况", rows });
    }
    if let Some(table) = report.table(TableId::T3) {
        let cols = table.cols();
        let mut rows = header_rows(crate::layout::t3_header(table));
        for view in crate::layout::t3_rows(table) {
            let mut line: Vec<PrintedCell> =
                view.labels.iter().map(|l| cell(l.text, l.colspan, l.rowspan)).collect();
            line.extend(
                cols.iter().map(|&col| {
                    cell(shown(checked, CellRef::new(TableId::T3, view.row, col)), 1, 1)
                }),
            );
            rows.push(line);
        }
        out.push(PrintedTable {
            heading: "三、收到和处理政府信息公开申请情况", rows
        });
    }
    if report.table(TableId::T4).is_some() {
        let mut rows = header_rows(crate::layout::t4_header());
        rows.push(
            crate::layout::T4_PARTS
                .into_iter()
                .flat_map(|row| {
                    crate::layout::T4_RESULTS
                        .map(|col| cell(shown(checked, CellRef::new(TableId::T4, row, col)), 1, 1))
                })
                .collect(),
        );
        out.push(PrintedTable {
            heading: "四、政府信息公开行政复议、行政诉讼情况", rows
        });
    }
    out
}

/// The tables as HTML a clerk pastes into Word, WPS or Excel: the section headings, merged
/// label cells, one number per cell. gouji reads it back to the same cells.
pub fn tables_html(checked: &Checked) -> String {
    let mut out = String::from("<meta charset=\"utf-8\">");
    for table in printed_tables(checked) {
        let _ = write!(out, "<p>{}</p><table border=\"1\" cellspacing=\"0\">", table.heading);
        for row in &table.rows {
            out.push_str("<tr>");
            for c in row {
                let _ = write!(
                    out,
                    "<td colspan=\"{}\" rowspan=\"{}\">{}</td>",
                    c.colspan,
                    c.rowspan,
                    escape(&c.text)
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
    }
    out
}

/// The same tables as tab-separated lines (one per table row, labels first), for a paste as
/// plain text (Excel takes it cell by cell).
pub fn tables_tsv(checked: &Checked) -> String {
    use crate::model::{CellRef, Row};
    let report = &checked.report;
    let mut out = String::new();
    for table in &report.tables {
        match table.id {
            TableId::T2 => out.push_str("二、主动公开政府信息情况\n"),
            TableId::T3 => out.push_str(
                "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n",
            ),
            TableId::T4 => out.push_str(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n",
            ),
            TableId::Pre2019 => continue,
        }
        if table.id == TableId::T4 {
            let values: Vec<String> = table.cells.iter().map(|c| shown(checked, c.addr)).collect();
            out.push_str(&values.join("\t"));
            out.push('\n');
            continue;
        }
        if table.id == TableId::T2 {
            for block in crate::layout::t2_blocks(table) {
                let names: Vec<&str> = block
                    .cols
                    .iter()
                    .map(|&c| crate::layout::t2_col_name(block.rows[0], c))
                    .collect();
                let _ = writeln!(out, "{}\n信息内容\t{}", block.title, names.join("\t"));
                for &row in &block.rows {
                    let values: Vec<String> = block
                        .cols
                        .iter()
                        .map(|&col| shown(checked, CellRef::new(TableId::T2, row, col)))
                        .collect();
                    let _ = writeln!(out, "{}\t{}", row.official(), values.join("\t"));
                }
            }
            continue;
        }
        for row in table.rows() {
            let label = match (table.id, row) {
                (TableId::T3, _) => {
                    let group =
                        [Row::R3_3, Row::R3_4, Row::R3_5, Row::R3_6].into_iter().find(|&g| {
                            g != row && crate::model::identities::t3_group(g).contains(&row)
                        });
                    group.map_or_else(
                        || row.official().to_string(),
                        |g| format!("{}{}", g.official(), row.official()),
                    )
                }
                _ => row.official().to_string(),
            };
            let values: Vec<String> = table
                .cells
                .iter()
                .filter(|c| c.addr.row == row)
                .map(|c| shown(checked, CellRef::new(table.id, row, c.addr.col)))
                .collect();
            let _ = writeln!(out, "{label}\t{}", values.join("\t"));
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
    fn copied_tables_read_back_to_the_same_cells() {
        let checked = check(&Input::text(crate::SAMPLE_REPORT));
        let cells = |c: &Checked| -> Vec<(String, String)> {
            c.report
                .tables
                .iter()
                .flat_map(|t| &t.cells)
                .map(|c| (c.addr.to_string(), c.value.describe()))
                .collect()
        };
        let html = tables_html(&checked);
        let back = check(&Input { bytes: html.as_bytes(), name: Some("copied.html") });
        assert_eq!(cells(&back), cells(&checked), "{html}");
        assert_eq!(back.count(crate::Severity::Error), 0);
        let tsv = tables_tsv(&checked);
        let back = check(&Input::text(&tsv));
        assert_eq!(cells(&back), cells(&checked), "{tsv}");
    }

    #[test]
    fn json_reads_back_as_json() {
        let checked = check(&Input::text(crate::SAMPLE_REPORT));
        let decisions = Decisions::default();
        let line = json(&Entry { file: "a\"b.txt", checked: &checked, decisions: &decisions });
        assert!(!line.contains('\n'));
        let value: crate::dto::Report = crate::dto::parse(&line).expect("valid JSON");
        assert_eq!(value.file, "a\"b.txt");
        assert_eq!(value.year, Some(2023));
        assert_eq!(value.verdict, crate::dto::Verdict::Pass);
        let csv = csv(&[Entry { file: "x.txt", checked: &checked, decisions: &decisions }]);
        assert!(csv.starts_with("\u{FEFF}文件,单位,年度"));
        assert_eq!(csv.matches("\r\n").count(), 1 + checked.findings.len());
    }
}
