//! Tables, rows, labels and headings (RULEBOOK §2.9 STR-SHAPE, STR-ROWS, STR-SECTIONS,
//! STR-LABEL, STR-NOTE, STR-NAME), 表四's count (T4-CNT), and how the tables were read
//! (PARSE-GLUED, PARSE-AMBIGUOUS, PARSE-ORDER).

use crate::finding::Finding;
use crate::model::labels::SECTIONS;
use crate::model::{CellRef, Note, Number, Report, Row, Strategy, Table, TableId, Template};

use super::{RuleId, finding};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    let standard = matches!(report.template, Template::Y2021 | Template::Y2019);
    if report.table(TableId::Pre2019).is_some() {
        // A pre-2019 report with its statistics table: how it was read, nothing about 表二–四.
        for table in &report.tables {
            notes(table, findings);
        }
        name(report, findings);
        return;
    }
    if !standard || report.tables.is_empty() {
        let message = match report.template {
            Template::Pre2019 => {
                "这是 2019 年以前的报告，未找到可识别的统计表（“指标名称 / 计量单位 / 本年度 / 历年累计”）。本工具检查 2019 年版和 2021 年版国办格式的表二、表三、表四，以及 2019 年以前常见的政府信息公开情况统计表；这份报告的表格未做勾稽检查。"
            }
            _ => {
                "未识别到年度报告的表二、表三、表四。请确认粘贴的是完整的政府信息公开工作年度报告（含表格）。"
            }
        };
        findings.push(finding(RuleId::InputNoTables, message.to_string(), Vec::new()));
        if !standard {
            return;
        }
    }
    if report.is_whole_report {
        for (id, name) in [
            (TableId::T2, "表二（主动公开政府信息情况）"),
            (TableId::T3, "表三（收到和处理政府信息公开申请情况）"),
            (TableId::T4, "表四（政府信息公开行政复议、行政诉讼情况）"),
        ] {
            if report.table(id).is_some() {
                continue;
            }
            if report.unread_tables.contains(&id) {
                let mut f = finding(
                    RuleId::StrRows,
                    format!(
                        "文本中有{name}的行标签，但数字没能对应到各行（文本顺序被打乱，常见于从 PDF 复制或转换的文字），这张表未读取，相关勾稽检查无法进行。"
                    ),
                    Vec::new(),
                );
                f.hint = Some(
                    "请直接上传原始 PDF 或 Word 文件，或复制带表格分隔的版本（如网页表格）重新检查。"
                        .to_string(),
                );
                findings.push(f);
            } else {
                let mut f =
                    finding(RuleId::StrShape, format!("报告中没有找到{name}。"), Vec::new());
                f.hint = Some("按国办格式补上这张表；若表格是图片，请提供文字版本。".to_string());
                findings.push(f);
            }
        }
        sections(report, findings);
    }
    for table in &report.tables {
        notes(table, findings);
        labels(table, findings);
    }
    for section in report.sections.iter().filter(|s| s.truncated) {
        let title = SECTIONS[section.index].title;
        findings.push(finding(
            RuleId::StrLabel,
            format!(
                "第{}部分标题不完整，应为“{}、{title}”。",
                SECTIONS[section.index].numeral, SECTIONS[section.index].numeral
            ),
            Vec::new(),
        ));
    }
    name(report, findings);
    if let Some(another) = report.another_t3.as_ref().filter(|a| a.differing > 0) {
        let mut f = finding(
            RuleId::StrRepeat,
            format!(
                "表三之后文本中还有一份表三（{} 个数字，其中 {} 个与第一份不同），可能是两份报告粘贴在了一起：只核对了第一份，第二份没有检查。",
                another.numbers, another.differing
            ),
            Vec::new(),
        );
        f.hint = Some("把两份报告分开，分别检查。".to_string());
        findings.push(f);
    }
}

/// STR-LABEL and STR-NOTE.
fn labels(table: &Table, findings: &mut Vec<Finding>) {
    for issue in &table.label_issues {
        let cells = issue.row.map(|r| row_cells(table, r)).unwrap_or_default();
        let mut f = finding(
            RuleId::StrLabel,
            format!(
                "{}标签写作“{}”，格式原文为“{}”。",
                table.id.name(),
                issue.found,
                issue.official
            ),
            cells,
        );
        f.hint = Some("按国办格式原文改正标签。".to_string());
        findings.push(f);
    }
    if table.id == TableId::T3 && !table.has_note && table.strategy == Strategy::Labels {
        let mut f = finding(
            RuleId::StrNote,
            "表三左上角缺少说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”。".to_string(),
            Vec::new(),
        );
        f.hint = Some("缺少这句说明，往往意味着表格是重新录入的，请对照格式核对表头。".to_string());
        findings.push(f);
    }
}

/// STR-NAME: the title's unit against the page's 发布机构.
fn name(report: &Report, findings: &mut Vec<Finding>) {
    let (Some(agency), Some(publisher)) = (report.agency_name(), report.publisher.as_deref())
    else {
        return;
    };
    if agency.contains(publisher) || publisher.contains(agency) {
        return;
    }
    let mut f = finding(
        RuleId::StrName,
        format!("标题中的单位“{agency}”与发布机构“{publisher}”不一致。"),
        Vec::new(),
    );
    f.hint = Some("核对是否套用了其他单位的报告。".to_string());
    findings.push(f);
}

fn row_cells(table: &Table, row: Row) -> Vec<CellRef> {
    table.cells.iter().filter(|c| c.addr.row == row).map(|c| c.addr).collect()
}

fn row_name(table: &Table, row: Row) -> String {
    match table.id {
        TableId::T4 => "数据行".to_string(),
        _ => format!("“{}”行", row.short()),
    }
}

fn notes(table: &Table, findings: &mut Vec<Finding>) {
    let name = table.id.name();
    let missing: Vec<Row> = table
        .notes
        .iter()
        .filter_map(|n| if let Note::MissingRow { row } = n { Some(*row) } else { None })
        .collect();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|r| r.short()).collect();
        let cells = missing.iter().flat_map(|&r| row_cells(table, r)).collect();
        let mut f = finding(
            RuleId::StrRows,
            format!(
                "{name}中没有找到以下行：{}。这些行的数字未读取，相关勾稽检查无法进行。",
                names.join("、")
            ),
            cells,
        );
        f.hint = Some("按国办格式补全行标签和数字。".to_string());
        findings.push(f);
    }
    // Labels without a single number (some mirrors drop every value): one finding, not one
    // per row.
    let empty_rows =
        table.notes.iter().filter(|n| matches!(n, Note::WrongCount { found: 0, .. })).count();
    let unfilled = table.id != TableId::T4 && empty_rows > 0 && empty_rows == table.rows().len();
    if unfilled {
        let mut f = finding(
            RuleId::StrRows,
            format!("{name}只有行标签，没有任何数字（未填写，或复制时丢失了数字），无法检查。"),
            table.cells.iter().map(|c| c.addr).collect(),
        );
        f.hint = Some("请对照原表补全数字，空白处填 0。".to_string());
        findings.push(f);
    }
    if table.id == TableId::T2 && !unfilled {
        unread_t2_rows(table, findings);
    }
    for note in &table.notes {
        match note {
            Note::WrongCount { .. } if unfilled || table.id == TableId::T2 => {}
            Note::WrongCount { row, expected, found } => {
                if table.id == TableId::T4 {
                    let mut f = finding(
                        RuleId::T4Cnt,
                        format!(
                            "表四应有 {expected} 个数字，实际找到 {found} 个，无法确定各数字对应哪一栏，表四未读取。"
                        ),
                        table.cells.iter().map(|c| c.addr).collect(),
                    );
                    f.expected = Some(Number::int(*expected as i64));
                    f.found = Some(Number::int(*found as i64));
                    f.hint = Some("核对表四：每个单元格一个数字，空白处填 0。".to_string());
                    findings.push(f);
                } else {
                    let mut f = finding(
                        RuleId::StrRows,
                        format!(
                            "{name}{}应有 {expected} 个数值，实际读到 {found} 个（可能是原表漏填，也可能是复制时丢失了单元格），无法确定各数值对应哪一列，该行未检查。",
                            row_name(table, *row)
                        ),
                        row_cells(table, *row),
                    );
                    f.expected = Some(Number::int(*expected as i64));
                    f.found = Some(Number::int(*found as i64));
                    f.hint = Some("核对这一行：每个单元格一个数字，空白处填 0。".to_string());
                    findings.push(f);
                }
            }
            Note::Glued { rows, assumed } if !rows.is_empty() => {
                let cells: Vec<CellRef> =
                    table.cells.iter().filter(|c| c.inferred).map(|c| c.addr).collect();
                let rule = if table.id == TableId::Pre2019 {
                    "数字不以 0 开头、本年度不大于历年累计"
                } else {
                    "数字不以 0 开头"
                };
                let mut how = if assumed.is_empty() {
                    format!("已按“{rule}”拆分为唯一可能的数值，这些单元格标为推断值。")
                } else {
                    format!(
                        "已按“{rule}”和表内合计拆分为唯一可能的数值，这些单元格标为推断值。拆分时假定了 {} 项合计关系成立，这些关系因此未经验证；其余勾稽关系照常检查。",
                        assumed.len()
                    )
                };
                for note in &table.notes {
                    if let Note::SplitByText { row, clause } = note {
                        let clause: String = clause.chars().take(60).collect();
                        how.push_str(&format!(
                            "其中“{}”按正文“{clause}”中的数字拆分。",
                            row.short()
                        ));
                    }
                }
                let mut f = finding(
                    RuleId::ParseGlued,
                    format!("{name}有 {} 行数字连在一起（单元格分隔丢失），{how}", rows.len()),
                    cells,
                );
                f.hint = Some("如需确认，请对照原始网页或文件。".to_string());
                findings.push(f);
            }
            Note::Ambiguous { .. } if table.id == TableId::T2 => {}
            Note::Ambiguous { row, digits, candidates, count } => {
                let options: Vec<String> = candidates.iter().take(3).map(|c| reading(c)).collect();
                let more = if *count > 3 { format!(" 等 {count} 种") } else { String::new() };
                let mut f = finding(
                    RuleId::ParseAmbiguous,
                    format!(
                        "{name}{}的数字“{}”连在一起，表内合计也无法确定怎样拆分（可能是 {}{more}），该行未读取，涉及它的勾稽关系无法检查。",
                        row_name(table, *row),
                        clip(digits),
                        options.join("；")
                    ),
                    if table.id == TableId::T4 {
                        table.cells.iter().map(|c| c.addr).collect()
                    } else {
                        row_cells(table, *row)
                    },
                );
                f.hint = Some(
                    "请对照原始文件核对这一行，或复制带表格分隔的版本（如网页表格）重新检查。"
                        .to_string(),
                );
                findings.push(f);
            }
            Note::RowOrder => {
                let rows = table.rows().len();
                findings.push(finding(
                    RuleId::ParseOrder,
                    format!("{name}的行标签与数字错位（常见于 PDF 转换的文本），已按数字行的先后顺序对应到 {rows} 行。"),
                    Vec::new(),
                ));
            }
            Note::Positional { rows } => {
                let names: Vec<&str> = rows.iter().map(|r| r.short()).collect();
                findings.push(finding(
                    RuleId::ParseOrder,
                    format!("{name}以下行的标签缺失，已按位置对应：{}。", names.join("、")),
                    rows.iter().flat_map(|&r| row_cells(table, r)).collect(),
                ));
            }
            _ => {}
        }
    }
}

/// One reading of glued digits, as `27/0/0/2/0/1/30` (`空` for a blank that left no digit).
fn reading(values: &[Option<Number>]) -> String {
    values
        .iter()
        .map(|v| v.map_or_else(|| "空".to_string(), |n| n.to_string()))
        .collect::<Vec<_>>()
        .join("/")
}

/// At most 40 characters of what the report wrote.
fn clip(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        text.chars().take(40).collect::<String>() + "…"
    }
}

/// 表二's rows that could not be read, in one warning per kind (表二 has no sums, so glued
/// rows often cannot be split; a warning per row buried the others).
fn unread_t2_rows(table: &Table, findings: &mut Vec<Finding>) {
    let mut counted = Vec::new();
    let mut glued = Vec::new();
    let mut cells = Vec::new();
    for note in &table.notes {
        match note {
            Note::WrongCount { row, expected, found } => {
                counted
                    .push(format!("“{}”（应有 {expected} 个数值，读到 {found} 个）", row.short()));
                cells.extend(row_cells(table, *row));
            }
            Note::Ambiguous { row, digits, .. } => {
                glued.push(format!("“{}”（“{}”）", row.short(), clip(digits)));
                cells.extend(row_cells(table, *row));
            }
            _ => {}
        }
    }
    if !counted.is_empty() {
        let mut f = finding(
            RuleId::StrRows,
            format!(
                "表二有 {} 行的数值个数不对，无法确定各数值对应哪一列，这些行未检查：{}。",
                counted.len(),
                counted.join("、")
            ),
            cells.iter().copied().filter(|c| counted_row(table, c.row)).collect(),
        );
        f.hint = Some("核对这些行：每个单元格一个数字，空白处填 0。".to_string());
        findings.push(f);
    }
    if !glued.is_empty() {
        let mut f = finding(
            RuleId::ParseAmbiguous,
            format!(
                "表二有 {} 行的数字连在一起，表二没有合计可依，无法确定怎样拆分，这些行未读取：{}。",
                glued.len(),
                glued.join("、")
            ),
            cells.into_iter().filter(|c| !counted_row(table, c.row)).collect(),
        );
        f.hint = Some("请对照原始文件核对表二，或复制带表格分隔的版本重新检查。".to_string());
        findings.push(f);
    }
}

fn counted_row(table: &Table, row: Row) -> bool {
    table.notes.iter().any(|n| matches!(n, Note::WrongCount { row: r, .. } if *r == row))
}

fn sections(report: &Report, findings: &mut Vec<Finding>) {
    let mut problems = Vec::new();
    for (index, def) in SECTIONS.iter().enumerate() {
        match report.sections.iter().find(|s| s.index == index) {
            None => problems.push(format!("缺少“{}、{}”", def.numeral, def.title)),
            Some(section) if section.numeral != Some(def.numeral) => {
                let written =
                    section.numeral.map_or("无编号".to_string(), |n| format!("编号为“{n}”"));
                problems.push(format!("“{}”{written}（应为“{}”）", def.title, def.numeral));
            }
            Some(_) => {}
        }
    }
    let order: Vec<usize> = report.sections.iter().map(|s| s.index).collect();
    if order.windows(2).any(|w| w[0] > w[1]) {
        problems.push("各部分顺序与格式不一致".to_string());
    }
    if problems.is_empty() {
        return;
    }
    let mut f = finding(
        RuleId::StrSections,
        format!("报告的六个部分不完整或编号不符：{}。", problems.join("；")),
        Vec::new(),
    );
    f.hint = Some(
        "按国办格式依次写明六个部分的标题：一、总体情况……六、其他需要报告的事项。".to_string(),
    );
    findings.push(f);
}
