//! The same tables in every layout seen in the wild (RULEBOOK §5), and property tests:
//! a consistent random table reads back exactly and yields no error; the same table with any
//! one 表三 cell changed by δ ≠ 0 yields an error whose first cell is that cell.

use gouji::model::{CellRef, Row, Value};
use proptest::prelude::*;

use crate::support::{check_text, describe, errors};

/// The 25 numeric rows of the 2021 表三, in order (from the engine's own list).
fn t3_rows() -> Vec<Row> {
    gouji::model::identities::t3_leaves(gouji::model::Layout::Y2021)
}
const T3_COLS: [&str; 7] = ["NP", "CE", "RI", "SW", "LS", "OT", "TOT"];
const T4_COLS: [&str; 15] = [
    "RV/keep", "RV/fix", "RV/oth", "RV/pend", "RV/tot", "LD/keep", "LD/fix", "LD/oth", "LD/pend",
    "LD/tot", "LR/keep", "LR/fix", "LR/oth", "LR/pend", "LR/tot",
];

/// The numbers of one report.
#[derive(Clone, Debug)]
pub(crate) struct Tables {
    /// 规章 and 行政规范性文件: made, repealed, valid.
    pub(crate) t2_docs: [[i64; 3]; 2],
    /// 行政许可, 行政处罚, 行政强制.
    pub(crate) t2_decisions: [i64; 3],
    /// 25 rows × 7 columns.
    pub(crate) t3: [[i64; 7]; 25],
    pub(crate) t4: [i64; 15],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One cell per line between bare `|` lines (the seed).
    CellPerLine,
    /// One row per line, cells separated by ` | `.
    PipeRow,
    /// Markdown tables.
    Markdown,
    /// Tab-separated rows, as a browser or Word copies a table.
    Tabbed,
    /// Space-separated rows with wrapped labels, as PDF text comes.
    Spaced,
    /// An HTML table with rowspan and colspan.
    Html,
    /// Every row's digits glued together, the whole table on one line (the 平潭 texts).
    Glued,
    /// Markdown from a PDF converter: a merged label cell leaves empty cells after the label
    /// (`| 一、本年新收… |  |  | 920 | …`), sub-rows start with empty cells.
    MarkdownPadded,
    /// Glued, and the zero cells of the legal-person columns printed blank, so they left no
    /// digit at all (a crawled page of a table like 沭阳县发改局's).
    GluedBlank,
    /// PDF text whose blank legal-person cells left only spaces.
    SpacedBlank,
    /// One cell per line, the legal-person columns' zeros blank: ` |` (a crawled page of a
    /// table whose zeros were left empty).
    CellPerLineBlank,
    /// Glued, with the sub-items numbered `1）` instead of `1.` (`…0001）属于国家秘密…`).
    GluedParen,
    /// One row per line, the sub-items numbered `1）`.
    PipeRowParen,
}

pub(crate) const LAYOUTS: [Layout; 7] = [
    Layout::CellPerLine,
    Layout::PipeRow,
    Layout::Markdown,
    Layout::Tabbed,
    Layout::Spaced,
    Layout::Html,
    Layout::Glued,
];

/// Every layout the self-check generates, with blank cells that vanish.
pub(crate) const ALL_LAYOUTS: [Layout; 13] = [
    Layout::CellPerLine,
    Layout::PipeRow,
    Layout::Markdown,
    Layout::Tabbed,
    Layout::Spaced,
    Layout::Html,
    Layout::Glued,
    Layout::MarkdownPadded,
    Layout::GluedBlank,
    Layout::SpacedBlank,
    Layout::CellPerLineBlank,
    Layout::GluedParen,
    Layout::PipeRowParen,
];

/// The values of a 表三 row as printed: the legal-person columns' zeros left blank in the
/// layouts whose blank cells vanish (`None`).
fn printed(values: &[i64; 7], layout: Layout) -> Vec<Option<i64>> {
    let blank =
        matches!(layout, Layout::GluedBlank | Layout::SpacedBlank | Layout::CellPerLineBlank);
    values
        .iter()
        .enumerate()
        .map(|(c, &v)| if blank && (1..=5).contains(&c) && v == 0 { None } else { Some(v) })
        .collect()
}

fn join_printed(values: &[Option<i64>], sep: &str) -> String {
    values.iter().flatten().map(ToString::to_string).collect::<Vec<_>>().join(sep)
}

fn t3_label(row: Row) -> &'static str {
    row.official()
}

/// The label cells in front of a row's numbers in layouts that keep the merged label column.
fn label_cells(row: Row) -> Vec<&'static str> {
    match row {
        Row::R3_1 => vec!["三、本年度办理结果", "（一）予以公开"],
        Row::R3_3_1 => vec!["（三）不予公开", t3_label(row)],
        Row::R3_4_1 => vec!["（四）无法提供", t3_label(row)],
        Row::R3_5_1 => vec!["（五）不予处理", t3_label(row)],
        Row::R3_6_1 => vec!["（六）其他处理", t3_label(row)],
        _ => vec![t3_label(row)],
    }
}

const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Renders a whole report with its tables in `layout`.
pub(crate) fn render(tables: &Tables, layout: Layout) -> String {
    match layout {
        Layout::GluedParen => return paren_items(&render(tables, Layout::Glued)),
        Layout::PipeRowParen => return paren_items(&render(tables, Layout::PipeRow)),
        _ => {}
    }
    let mut out = String::new();
    out.push_str("测试区应急管理局2023年政府信息公开工作年度报告\n");
    out.push_str("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n");
    out.push_str("一、总体情况\n2023年，我局认真贯彻《条例》，全年受理依申请公开若干件。\n");
    out.push_str("二、主动公开政府信息情况\n");
    out.push_str(&render_t2(tables, layout));
    out.push_str("\n三、收到和处理政府信息公开申请情况\n");
    out.push_str(&render_t3(tables, layout));
    out.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n");
    out.push_str(&render_t4(tables, layout));
    out.push_str("\n五、存在的主要问题及改进情况\n政策解读形式还不够丰富。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n");
    out
}

/// The item numbers `1.` written `1）`: a `.` between a digit and a label.
fn paren_items(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (k, &c) in chars.iter().enumerate() {
        let item = c == '.'
            && k > 0
            && chars[k - 1].is_ascii_digit()
            && chars.get(k + 1).is_some_and(|n| !n.is_ascii_digit() && !n.is_whitespace());
        out.push(if item { '）' } else { c });
    }
    out
}

fn join_numbers(values: &[i64], sep: &str) -> String {
    values.iter().map(ToString::to_string).collect::<Vec<_>>().join(sep)
}

fn render_t2(t: &Tables, layout: Layout) -> String {
    let layout = match layout {
        Layout::MarkdownPadded => Layout::Markdown,
        Layout::GluedBlank => Layout::Glued,
        Layout::SpacedBlank => Layout::Spaced,
        Layout::CellPerLineBlank => Layout::CellPerLine,
        other => other,
    };
    let docs = [("规章", t.t2_docs[0]), ("行政规范性文件", t.t2_docs[1])];
    let decisions = [
        ("第二十条第（五）项", "行政许可", t.t2_decisions[0]),
        ("第二十条第（六）项", "行政处罚", t.t2_decisions[1]),
    ];
    let mut out = String::new();
    match layout {
        Layout::CellPerLine => {
            out.push_str("|\n第二十条 第(一)项 |\n|||\n|\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n");
            for (label, v) in docs {
                out.push_str(&format!("|\n{label} |\n{} |\n{} |\n{} |\n", v[0], v[1], v[2]));
            }
            for (block, label, v) in decisions {
                out.push_str(&format!("|\n{block} |\n|||\n|\n信息内容 |\n本年处理决定数量 |\n||\n|\n{label} |\n{v} |\n||\n"));
            }
            out.push_str(&format!("|\n行政强制 |\n{} |\n||\n", t.t2_decisions[2]));
            out.push_str("|\n第二十条 第(八)项 |\n|||\n|\n信息内容 |\n本年收费金额(单位:万元) |\n||\n|\n行政事业性收费 |\n12.5 |\n||\n");
        }
        Layout::Html => {
            out.push_str("<table><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>");
            for (label, v) in docs {
                out.push_str(&format!(
                    "<tr><td>{label}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    v[0], v[1], v[2]
                ));
            }
            for (block, label, v) in decisions {
                out.push_str(&format!("<tr><td colspan=4>{block}</td></tr><tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr><tr><td>{label}</td><td colspan=3>{v}</td></tr>"));
            }
            out.push_str(&format!(
                "<tr><td>行政强制</td><td colspan=3>{}</td></tr>",
                t.t2_decisions[2]
            ));
            out.push_str("<tr><td colspan=4>第二十条第（八）项</td></tr><tr><td>行政事业性收费</td><td colspan=3>12.5</td></tr></table>\n");
        }
        _ => {
            let (sep, lead, tail) = match layout {
                Layout::PipeRow => (" | ", "", " |"),
                Layout::Markdown => (" | ", "| ", " |"),
                Layout::Tabbed => ("\t", "", ""),
                Layout::Glued => ("", "", ""),
                _ => ("    ", "", ""),
            };
            let line_end = if layout == Layout::Glued { "" } else { "\n" };
            out.push_str(&format!("第二十条第（一）项{line_end}信息内容{sep}本年制发件数{sep}本年废止件数{sep}现行有效件数{line_end}"));
            if layout == Layout::Markdown {
                out.push_str("|---|---|---|---|\n");
            }
            for (label, v) in docs {
                // Glued 表二 rows cannot be split without sums; keep single-digit values there.
                out.push_str(&format!(
                    "{lead}{label}{sep}{}{tail}{line_end}",
                    join_numbers(&v, if layout == Layout::Glued { "" } else { sep })
                ));
            }
            for (block, label, v) in decisions {
                out.push_str(&format!("{block}{line_end}信息内容{sep}本年处理决定数量{line_end}{lead}{label}{sep}{v}{tail}{line_end}"));
            }
            out.push_str(&format!("{lead}行政强制{sep}{}{tail}{line_end}", t.t2_decisions[2]));
            out.push_str(&format!("第二十条第（八）项{line_end}信息内容{sep}本年收费金额（单位：万元）{line_end}{lead}行政事业性收费{sep}12.5{tail}{line_end}"));
        }
    }
    out
}

fn render_t3(t: &Tables, layout: Layout) -> String {
    let mut out = String::new();
    match layout {
        Layout::CellPerLine | Layout::CellPerLineBlank => {
            out.push_str(&format!("|\n{T3_NOTE} |\n申请人情况 |\n||||||||\n|\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n|\n商业企业 |\n科研机构 |\n社会公益组织 |\n法律服务机构 |\n其他 |\n|||||\n"));
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                out.push_str("|\n");
                for label in label_cells(*row) {
                    out.push_str(&format!("{label} |\n"));
                }
                for v in printed(values, layout) {
                    let v = v.map_or_else(String::new, |v| v.to_string());
                    out.push_str(&format!("{v} |\n"));
                }
                out.push_str("||\n");
            }
        }
        Layout::PipeRow | Layout::Markdown | Layout::Tabbed => {
            let (sep, lead, tail) = match layout {
                Layout::PipeRow => (" | ", "", " |"),
                Layout::Markdown => (" | ", "| ", " |"),
                _ => ("\t", "", ""),
            };
            out.push_str(&format!("{lead}{T3_NOTE}{sep}申请人情况{tail}\n"));
            out.push_str(&format!("{lead}自然人{sep}法人或其他组织{sep}总计{tail}\n"));
            if layout == Layout::Markdown {
                out.push_str("|---|---|---|\n");
            }
            out.push_str(&format!(
                "{lead}商业 企业{sep}科研 机构{sep}社会公益组织{sep}法律服务机构{sep}其他{tail}\n"
            ));
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                let labels =
                    if layout == Layout::Tabbed { label_cells(*row) } else { vec![t3_label(*row)] };
                out.push_str(&format!(
                    "{lead}{}{sep}{}{tail}\n",
                    labels.join(sep),
                    join_numbers(values, sep)
                ));
            }
        }
        Layout::MarkdownPadded => {
            let pad = |n: usize| vec![""; n];
            let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
            let s = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
            out.push_str(&line(s([vec![T3_NOTE, "", "", "申请人情况"], pad(6)].concat())));
            out.push_str(&line(s([
                vec!["", "", "", "自然人", "法人或其他组织"],
                pad(4),
                vec!["总计"],
            ]
            .concat())));
            out.push_str(&format!("|{}\n", "---|".repeat(10)));
            out.push_str(&line(s(vec![
                "",
                "",
                "",
                "",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "",
            ])));
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                let label = t3_label(*row);
                let labels: Vec<&str> = match row {
                    Row::R1 | Row::R2 | Row::R4 => vec![label, "", ""],
                    Row::R3_1 => vec!["三、本年度办理结果", label, ""],
                    Row::R3_2 | Row::R3_7 => vec!["", label, ""],
                    Row::R3_3_1 => vec!["", "（三）不予公开", label],
                    Row::R3_4_1 => vec!["", "（四）无法提供", label],
                    Row::R3_5_1 => vec!["", "（五）不予处理", label],
                    Row::R3_6_1 => vec!["", "（六）其他处理", label],
                    _ => vec!["", "", label],
                };
                let mut cells = s(labels);
                cells.extend(values.iter().map(ToString::to_string));
                out.push_str(&line(cells));
            }
        }
        Layout::SpacedBlank => {
            out.push_str("                         申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）   法人或其他组织\n        自然人   商业 科研 社会 法律 其他   总计\n                 企业 机构 公益 服务\n");
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                // A blank cell is the spaces it took.
                let numbers: String = printed(values, layout)
                    .iter()
                    .map(|v| v.map_or_else(|| "      ".to_string(), |v| format!("{v:>6}")))
                    .collect();
                out.push_str(&format!("      {}  {numbers}\n", t3_label(*row)));
            }
        }
        Layout::GluedParen | Layout::PipeRowParen => unreachable!("rendered through paren_items"),
        Layout::GluedBlank => {
            out.push_str(&format!("{T3_NOTE}申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"));
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                for label in label_cells(*row) {
                    out.push_str(label);
                }
                out.push_str(&join_printed(&printed(values, layout), ""));
            }
        }
        Layout::Spaced => {
            out.push_str("                         申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）   法人或其他组织\n        自然人   商业 科研 社会 法律 其他   总计\n                 企业 机构 公益 服务\n");
            for (k, (row, values)) in t3_rows().iter().zip(&t.t3).enumerate() {
                let label = t3_label(*row);
                let numbers = join_numbers(values, "     ");
                if label.chars().count() > 14 {
                    // A long label wraps around its numbers, as PDF text does, at a different
                    // place on each row.
                    let chars: Vec<char> = label.chars().collect();
                    let cut = 6 + k % 9;
                    let first: String = chars[..cut].iter().collect();
                    let second: String = chars[cut..].iter().collect();
                    out.push_str(&format!(
                        "      {first}\n                    {numbers}\n      {second}\n"
                    ));
                } else {
                    out.push_str(&format!("      {label}        {numbers}\n"));
                }
                if k == 12 {
                    out.push_str("\n                                  - 3 -\n\n");
                }
            }
        }
        Layout::Html => {
            out.push_str(&format!("<table><tr><td colspan=3 rowspan=3>{T3_NOTE}</td><td colspan=7>申请人情况</td></tr>"));
            out.push_str("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>");
            out.push_str("<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                let cells: String =
                    values.iter().map(|v| format!("<td>{v}</td>")).collect::<Vec<_>>().concat();
                let labels = match row {
                    Row::R1 | Row::R2 | Row::R4 => format!("<td colspan=3>{}</td>", t3_label(*row)),
                    Row::R3_1 => format!(
                        "<td rowspan=22>三、本年度办理结果</td><td colspan=2>{}</td>",
                        t3_label(*row)
                    ),
                    Row::R3_2 | Row::R3_7 => format!("<td colspan=2>{}</td>", t3_label(*row)),
                    Row::R3_3_1 => {
                        format!("<td rowspan=8>（三）不予公开</td><td>{}</td>", t3_label(*row))
                    }
                    Row::R3_4_1 => {
                        format!("<td rowspan=3>（四）无法提供</td><td>{}</td>", t3_label(*row))
                    }
                    Row::R3_5_1 => {
                        format!("<td rowspan=5>（五）不予处理</td><td>{}</td>", t3_label(*row))
                    }
                    Row::R3_6_1 => {
                        format!("<td rowspan=3>（六）其他处理</td><td>{}</td>", t3_label(*row))
                    }
                    _ => format!("<td>{}</td>", t3_label(*row)),
                };
                out.push_str(&format!("<tr>{labels}{cells}</tr>"));
            }
            out.push_str("</table>\n");
        }
        Layout::Glued => {
            out.push_str(&format!("{T3_NOTE}申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"));
            for (row, values) in t3_rows().iter().zip(&t.t3) {
                for label in label_cells(*row) {
                    out.push_str(label);
                }
                out.push_str(&join_numbers(values, ""));
            }
        }
    }
    out
}

fn render_t4(t: &Tables, layout: Layout) -> String {
    let layout = match layout {
        Layout::MarkdownPadded => Layout::Markdown,
        Layout::GluedBlank => Layout::Glued,
        Layout::SpacedBlank => Layout::Spaced,
        Layout::CellPerLineBlank => Layout::CellPerLine,
        other => other,
    };
    let header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    match layout {
        Layout::CellPerLine => {
            let mut out = String::from("|\n行政复议 |\n行政诉讼 |\n|||||||||||||\n|\n");
            for h in header {
                out.push_str(&format!("{h} |\n"));
            }
            out.push_str("未经复议直接起诉 |\n复议后起诉 |\n||||||||\n|\n");
            for _ in 0..2 {
                for h in header {
                    out.push_str(&format!("{h} |\n"));
                }
            }
            out.push_str("|\n");
            for v in t.t4 {
                out.push_str(&format!("{v} |\n"));
            }
            out
        }
        Layout::Html => {
            let mut out = String::from(
                "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>",
            );
            for h in header {
                out.push_str(&format!("<td rowspan=2>{h}</td>"));
            }
            out.push_str(
                "<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr><tr>",
            );
            for _ in 0..2 {
                for h in header {
                    out.push_str(&format!("<td>{h}</td>"));
                }
            }
            out.push_str("</tr><tr>");
            for v in t.t4 {
                out.push_str(&format!("<td>{v}</td>"));
            }
            out.push_str("</tr></table>\n");
            out
        }
        Layout::Glued => format!(
            "行政复议行政诉讼{}未经复议直接起诉复议后起诉{}{}{}",
            header.join(""),
            header.join(""),
            header.join(""),
            join_numbers(&t.t4, "")
        ),
        _ => {
            let (sep, lead, tail) = match layout {
                Layout::PipeRow => (" | ", "", " |"),
                Layout::Markdown => (" | ", "| ", " |"),
                Layout::Tabbed => ("\t", "", ""),
                _ => ("   ", "", ""),
            };
            let mut out = format!("{lead}行政复议{sep}行政诉讼{tail}\n");
            if layout == Layout::Markdown {
                out.push_str("|---|---|\n");
            }
            out.push_str(&format!(
                "{lead}{}{sep}未经复议直接起诉{sep}复议后起诉{tail}\n",
                header.join(sep)
            ));
            out.push_str(&format!("{lead}{}{sep}{}{tail}\n", header.join(sep), header.join(sep)));
            out.push_str(&format!("{lead}{}{tail}\n", join_numbers(&t.t4, sep)));
            out
        }
    }
}

/// A fixed, realistic set of tables (sparse, with totals that reconcile).
pub(crate) fn example() -> Tables {
    let mut t3 = [[0i64; 7]; 25];
    let outcomes: &[(usize, [i64; 6])] = &[
        (2, [27, 0, 0, 2, 0, 1]),
        (3, [5, 1, 0, 0, 0, 0]),
        (8, [1, 0, 0, 0, 0, 0]),
        (10, [6, 0, 0, 0, 0, 0]),
        (12, [22, 0, 0, 0, 0, 3]),
        (16, [3, 0, 0, 0, 0, 0]),
        (22, [1, 0, 0, 0, 0, 0]),
    ];
    for (row, values) in outcomes {
        t3[*row][..6].copy_from_slice(values);
    }
    t3[1][..6].copy_from_slice(&[2, 0, 0, 0, 0, 0]);
    t3[24][..6].copy_from_slice(&[1, 0, 0, 0, 0, 0]);
    complete(&mut t3);
    Tables {
        t2_docs: [[0, 0, 0], [6, 9, 3]],
        t2_decisions: [2293, 1282, 42],
        t3,
        t4: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
    }
}

/// Fills 总计, （七）总计 and 本年新收 so that every identity holds (R2 must not exceed R3.7 + R4).
#[expect(clippy::needless_range_loop, reason = "columns index several rows at once")]
pub(crate) fn complete(t3: &mut [[i64; 7]; 25]) {
    for c in 0..6 {
        t3[23][c] = (2..23).map(|r| t3[r][c]).sum();
        t3[0][c] = t3[23][c] + t3[24][c] - t3[1][c];
    }
    for row in t3.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
}

fn assert_reads_back(tables: &Tables, layout: Layout, text: &str) {
    let checked = check_text(text);
    assert!(
        errors(&checked).is_empty(),
        "{layout:?}: errors on a consistent table\n{}\n---\n{text}",
        describe(&checked)
    );
    // Nothing to report from a stable rule, except (glued text) how the digits were split;
    // preview hints (HINT-*) depend on the random numbers, not on the layout.
    let unexpected: Vec<&str> = checked
        .findings
        .iter()
        .filter(|f| {
            gouji::rules::rule(&f.rule).is_some_and(|r| r.status == gouji::rules::Stability::Stable)
        })
        .filter(|f| !(layout == Layout::Glued && f.rule.starts_with("PARSE-")))
        .map(|f| f.rule.as_str())
        .collect();
    assert!(
        unexpected.is_empty(),
        "{layout:?}: findings on a consistent table\n{}",
        describe(&checked)
    );
    for (r, row) in t3_rows().iter().enumerate() {
        for (c, col) in T3_COLS.iter().enumerate() {
            let addr = CellRef::parse(&format!("t3/{}/{col}", row.code())).expect("address");
            let cell = checked.report.cell(addr).unwrap_or_else(|| panic!("{layout:?}: no {addr}"));
            match &cell.value {
                Value::Number(n) => {
                    assert_eq!(n.as_int(), Some(tables.t3[r][c]), "{layout:?}: {addr}\n{text}");
                }
                // Glued digits may split in several ways even under every sum; never guessed.
                Value::Ambiguous if layout == Layout::Glued => {}
                other => panic!("{layout:?}: {addr} is {other:?}\n{text}"),
            }
        }
    }
    for (k, name) in T4_COLS.iter().enumerate() {
        let addr = CellRef::parse(&format!("t4/{name}")).expect("address");
        let value = checked.report.cell(addr).map(|c| c.value.clone());
        match value {
            Some(Value::Number(n)) => {
                assert_eq!(n.as_int(), Some(tables.t4[k]), "{layout:?}: {addr}");
            }
            Some(Value::Ambiguous) if layout == Layout::Glued => {}
            other => panic!("{layout:?}: {addr} is {other:?}"),
        }
    }
}

#[test]
fn every_layout_reads_back_the_same_cells() {
    let tables = example();
    for layout in LAYOUTS {
        let text = render(&tables, layout);
        assert_reads_back(&tables, layout, &text);
        let checked = check_text(&text);
        if layout != Layout::Glued {
            // 表二 has no sums, so glued 表二 rows cannot all be split; elsewhere it reads back.
            let t2 = [
                ("t2/NORM/made", 6),
                ("t2/NORM/rep", 9),
                ("t2/NORM/valid", 3),
                ("t2/LIC/n", 2293),
                ("t2/COE/n", 42),
            ];
            for (addr, want) in t2 {
                let cell = checked.report.cell(CellRef::parse(addr).expect("address")).expect(addr);
                assert_eq!(
                    cell.value.number().and_then(gouji::model::Number::as_int),
                    Some(want),
                    "{layout:?}: {addr}"
                );
            }
        }
    }
}

#[test]
fn every_layout_names_the_mistyped_cell() {
    let tables = example();
    // 自然人·予以公开 27 → 28: breaks its row's 总计 and its column's （七）总计.
    for layout in LAYOUTS.iter().copied().filter(|&l| l != Layout::Glued) {
        let mut broken = tables.clone();
        broken.t3[2][0] += 1;
        let checked = check_text(&render(&broken, layout));
        let errors = errors(&checked);
        assert!(!errors.is_empty(), "{layout:?}: no error");
        assert!(
            errors.iter().all(|f| f.cells[0].to_string() == "t3/R3.1/NP"),
            "{layout:?}\n{}",
            describe(&checked)
        );
        let hint = errors[0].hint.as_deref().unwrap_or_default();
        assert!(hint.contains("由 28 改为 27"), "{layout:?}: {hint}");
    }
}

/// Random sparse tables whose identities hold.
pub(crate) fn tables_strategy() -> impl Strategy<Value = Tables> {
    let cell = prop_oneof![6 => Just(0i64), 3 => 1i64..20, 1 => 20i64..3000];
    let rows = proptest::collection::vec(proptest::collection::vec(cell, 6), 23);
    let carry_in = proptest::collection::vec(0i64..5, 6);
    let t4_parts = proptest::collection::vec(prop_oneof![3 => Just(0i64), 1 => 1i64..40], 12);
    (rows, carry_in, t4_parts).prop_map(|(rows, carry_in, t4_parts)| {
        let mut t3 = [[0i64; 7]; 25];
        // rows[0..21] are the outcomes (2..23), rows[21] is 结转下年度, rows[22] is unused.
        for (k, values) in rows.iter().take(21).enumerate() {
            t3[k + 2][..6].copy_from_slice(values);
        }
        t3[24][..6].copy_from_slice(&rows[21]);
        for c in 0..6 {
            let done: i64 = (2..23).map(|r| t3[r][c]).sum();
            t3[1][c] = carry_in[c].min(done + t3[24][c]);
        }
        complete(&mut t3);
        let mut t4 = [0i64; 15];
        for g in 0..3 {
            t4[g * 5..g * 5 + 4].copy_from_slice(&t4_parts[g * 4..g * 4 + 4]);
            t4[g * 5 + 4] = t4_parts[g * 4..g * 4 + 4].iter().sum();
        }
        Tables { t2_docs: [[0, 0, 0], [1, 2, 3]], t2_decisions: [5, 7, 0], t3, t4 }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn consistent_tables_give_no_error_in_any_layout(tables in tables_strategy()) {
        for layout in LAYOUTS {
            assert_reads_back(&tables, layout, &render(&tables, layout));
        }
    }

    #[test]
    fn one_changed_cell_is_named_first(
        tables in tables_strategy(),
        row in 0usize..25,
        col in 0usize..7,
        delta in prop_oneof![-50i64..0, 1i64..50],
        layout in prop::sample::select(LAYOUTS[..6].to_vec()),
    ) {
        let mut broken = tables.clone();
        broken.t3[row][col] += delta;
        let addr = format!("t3/{}/{}", t3_rows()[row].code(), T3_COLS[col]);
        let checked = check_text(&render(&broken, layout));
        let errors = errors(&checked);
        prop_assert!(!errors.is_empty(), "{:?}: no error for {} {:+}", layout, addr, delta);
        prop_assert!(
            errors.iter().any(|f| f.cells[0].to_string() == addr),
            "{:?}: {} {:+} not named first\n{}", layout, addr, delta, describe(&checked)
        );
        // When the new value is not negative, the correction restores the original value.
        if broken.t3[row][col] >= 0 {
            let fix = checked.diagnoses.iter().find_map(|d| d.unique()).map(|f| (f[0].cell.to_string(), f[0].to));
            prop_assert_eq!(fix, Some((addr.clone(), tables.t3[row][col])));
        }
    }

    #[test]
    fn one_changed_appeals_cell_is_among_the_corrections(
        tables in tables_strategy(),
        k in 0usize..15,
        delta in 1i64..30,
        layout in prop::sample::select(LAYOUTS[..6].to_vec()),
    ) {
        let mut broken = tables.clone();
        broken.t4[k] += delta;
        let addr = format!("t4/{}", T4_COLS[k]);
        let checked = check_text(&render(&broken, layout));
        let finding = errors(&checked).into_iter().find(|f| f.rule.starts_with("T4-"));
        prop_assert!(finding.is_some(), "{:?}: no 表四 error for {}", layout, addr);
        let finding = finding.expect("checked above");
        prop_assert!(finding.cells.iter().any(|c| c.to_string() == addr));
        // 表四's sums are independent, so several cells can explain one broken total; the
        // original value is always one of the corrections offered.
        let offered = checked.diagnoses.iter().any(|d| d.corrections.iter().any(|fixes| {
            fixes.len() == 1 && fixes[0].cell.to_string() == addr && fixes[0].to == tables.t4[k]
        }));
        prop_assert!(offered, "{:?}: {} not offered\n{}", layout, addr, describe(&checked));
    }
}

#[test]
fn a_glued_row_whose_digits_fit_no_sum_is_an_error_on_that_row() {
    let mut broken = example();
    broken.t3[2][0] += 1; // 予以公开 27 → 28: no split of its glued digits fits its 总计.
    let checked = check_text(&render(&broken, Layout::Glued));
    let errors = errors(&checked);
    // Broken whatever the digits meant: an error on the row, not an unread row.
    let row = errors.iter().find(|f| f.rule == "T3-ROW-R3.1").expect("T3-ROW-R3.1");
    assert!(row.message.contains("无论怎样拆分都不满足该行合计"), "{}", row.message);
    // Read the way the column sums support, the culprit is named with its correction.
    assert!(
        errors.iter().all(|f| f.cells[0].to_string() == "t3/R3.1/NP"),
        "{}",
        describe(&checked)
    );
    let fix = checked.diagnoses.iter().find_map(|d| d.unique()).expect("one correction");
    assert_eq!((fix[0].cell.to_string(), fix[0].from, fix[0].to), ("t3/R3.1/NP".into(), 28, 27));
    // Nothing claims another row's sum is wrong because of it.
    assert!(
        errors.iter().filter(|f| f.rule.starts_with("T3-ROW")).count() == 1,
        "{}",
        describe(&checked)
    );
}

#[test]
fn rows_whose_labels_were_lost_are_read_by_position() {
    // As on some mirrors: "(三)不予公开 |" followed by 56 bare values, the 8 sub-labels gone.
    let tables = example();
    let mut text = render(&tables, Layout::CellPerLine);
    for row in &t3_rows()[4..12] {
        text = text.replace(&format!("{} |\n", t3_label(*row)), "");
    }
    let checked = check_text(&text);
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
    let note = checked
        .findings
        .iter()
        .find(|f| f.rule == "PARSE-ORDER")
        .expect("says rows were matched by position");
    assert!(
        note.message.contains("国家秘密") && note.message.contains("行政查询事项"),
        "{}",
        note.message
    );
    assert_eq!(crate::support::int(&checked, "t3/R3.3.5/NP"), Some(1));
}

/// The pre-2019 statistics table reads the same as markdown, tab-separated rows (a browser or
/// Word copy), space-separated rows (PDF text), an HTML table and the crawled pages' glued
/// columns; a part made larger than its indicator is found in every one.
#[test]
fn the_pre_2019_statistics_table_reads_the_same_in_every_layout() {
    let text = std::fs::read_to_string(crate::support::fixture_path(
        "rules/PRE-PART/valid-consistent-report.md",
    ))
    .expect("fixture");
    let (head, _) = text.split_once("| 指标名称").expect("table");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let joined = |sep: &str| -> String {
        let body: Vec<String> = rows.iter().map(|r| r.join(sep)).collect();
        format!("{head}{}\n", body.join("\n"))
    };
    let html = {
        let mut body = String::new();
        for r in &rows {
            body.push_str("<tr>");
            for c in r {
                body.push_str("<td>");
                body.push_str(c);
                body.push_str("</td>");
            }
            body.push_str("</tr>");
        }
        format!(
            "<html><body><p>{}</p><table>{body}</table></body></html>",
            head.replace('\n', "</p><p>")
        )
    };
    let glued = {
        let mut line = rows[0].concat();
        for r in &rows[1..] {
            line.push_str(&r.concat());
        }
        format!("{head}{line}\n")
    };
    let markdown = check_text(&text);
    let cells = |c: &gouji::Checked| -> Vec<(String, Option<i64>)> {
        c.report
            .tables
            .iter()
            .filter(|t| t.id == gouji::model::TableId::Pre2019)
            .flat_map(|t| &t.cells)
            .map(|cell| {
                (
                    cell.addr.to_string(),
                    cell.value.for_sums().and_then(gouji::model::Number::as_int),
                )
            })
            .collect()
    };
    assert_eq!(cells(&markdown).len(), 28, "{}", describe(&markdown));
    for (name, variant) in [("tab", joined("\t")), ("space", joined(" ")), ("glued", glued)] {
        let checked = check_text(&variant);
        assert_eq!(cells(&checked), cells(&markdown), "{name}\n{variant}\n{}", describe(&checked));
        assert!(errors(&checked).is_empty(), "{name}: {}", describe(&checked));
        // Glued, "1301400" has no split within its indicator: it is reported, not guessed.
        let broken = check_text(&variant.replacen("110", "130", 1));
        let expected = if name == "glued" { "PARSE-AMBIGUOUS" } else { "PRE-PART-ACT.WEB-y" };
        assert!(
            broken
                .findings
                .iter()
                .any(|f| f.rule == expected
                    && f.cells.iter().any(|c| c.to_string() == "p/ACT.WEB/y")),
            "{name}: {}",
            describe(&broken)
        );
    }
    let from_html =
        gouji::check(&gouji::Input { bytes: html.as_bytes(), name: Some("report.html") });
    assert_eq!(cells(&from_html), cells(&markdown), "html\n{}", describe(&from_html));
}
