//! The shapes real reports take when they are copied, each made from a corpus text by a
//! transform (never a hand-written report): what the engine must read, and what it must not
//! keep quiet about.

use gouji::export::{Entry, json};
use gouji::review::Decisions;
use gouji::{Checked, Verdict};

use crate::support::{check_text, describe, error_rules, errors, fixture_path};

fn corpus(file: &str) -> String {
    std::fs::read_to_string(fixture_path(file)).expect("corpus text")
}

/// Every 表三 cell as `address=value`, for comparing two readings of the same report.
fn t3_cells(checked: &Checked) -> Vec<String> {
    checked
        .report
        .table(gouji::model::TableId::T3)
        .map(|t| t.cells.iter().map(|c| format!("{}={}", c.addr, c.value.describe())).collect())
        .unwrap_or_default()
}

const SHUYANG: &str =
    "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt";
const PINGTAN_2021: &str = "reports/corpus/2021_平潭综合实验区_80613_page.txt";
const PINGTAN_2022: &str = "reports/corpus/2022_平潭综合实验区_80629_page.txt";
const SEED: &str = "reports/seed/zhangdian-yingji-2023.txt";

#[test]
fn converter_markdown_with_padded_label_cells_reads_like_its_source() {
    // A merged label cell leaves empty cells after the label: `| 一、本年新收… |  |  | 705 | …`.
    let source = corpus(SHUYANG);
    let padded: String = source
        .lines()
        .map(|line| {
            let is_row = line.starts_with("| ")
                && line.matches('|').count() == 9
                && line.split('|').nth(2).is_some_and(|c| c.trim().parse::<i64>().is_ok());
            if is_row {
                let (label, rest) = line[2..].split_once(" |").expect("a cell");
                format!("| {label} |  |  |{rest}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    assert!(padded.contains("| 本年新收政府信息公开申请数量 |  |  | 705 |"), "the transform ran");
    let (before, after) = (check_text(&source), check_text(&padded));
    assert_eq!(t3_cells(&after), t3_cells(&before));
    assert!(t3_cells(&after).len() >= 175);
    assert_eq!(after.verdict(), Verdict::Pass, "{}", describe(&after));
}

#[test]
fn a_glued_row_with_a_wrong_number_is_an_error_with_its_correction() {
    // 平潭 2021, 予以公开 "270020130" with 自然人 27 → 28: no split fits its 总计.
    let text = corpus(PINGTAN_2021).replace("（一）予以公开270020130", "（一）予以公开280020130");
    let checked = check_text(&text);
    assert_eq!(checked.verdict(), Verdict::Fail);
    let row = errors(&checked).into_iter().find(|f| f.rule == "T3-ROW-R3.1");
    let row = row.unwrap_or_else(|| panic!("{}", describe(&checked)));
    assert_eq!(row.cells[0].to_string(), "t3/R3.1/NP", "{}", describe(&checked));
    let fix = checked.diagnoses.iter().find_map(|d| d.unique()).expect("one correction");
    assert_eq!((fix[0].cell.to_string(), fix[0].to), ("t3/R3.1/NP".into(), 27));
}

#[test]
fn other_written_without_its_number_is_still_the_third_row() {
    let source = corpus(PINGTAN_2022);
    let text = source.replace("3.其他 0200002", "其他 0200002");
    assert_ne!(text, source, "the transform ran");
    let (before, after) = (check_text(&source), check_text(&text));
    assert_eq!(t3_cells(&after), t3_cells(&before));
    assert!(!after.findings.iter().any(|f| f.rule == "YR-FORMAT"), "{}", describe(&after));
    assert_eq!(after.verdict(), Verdict::Pass, "{}", describe(&after));
}

#[test]
fn sub_row_labels_cut_to_their_common_tail_are_no_evidence_of_the_2019_format() {
    // Both 2021 其他处理 labels end in 行政机关不再处理其政府信息公开申请; keep only that.
    let source = corpus(PINGTAN_2022);
    let mut text = source.clone();
    for head in ["1.申请人无正当理由逾期不补正、", "2.申请人逾期未按收费通知要求缴纳费用、"]
    {
        text = text.replacen(head, "", 1);
    }
    assert_ne!(text, source, "the transform ran");
    let checked = check_text(&text);
    assert_eq!(checked.report.template, gouji::model::Template::Y2021);
    assert!(!checked.findings.iter().any(|f| f.rule == "YR-FORMAT"), "{}", describe(&checked));
    // Rows it cannot place are not passed over in silence.
    assert_ne!(checked.verdict(), Verdict::Pass, "{}", describe(&checked));
}

#[test]
fn a_glued_row_printed_blank_is_blank_cells_not_missing_ones() {
    // 平潭 2022: 1.属于国家秘密 "0000000" → its cells printed blank left no digit.
    let source = corpus(PINGTAN_2022);
    let text = source.replacen("属于国家秘密0000000", "属于国家秘密", 1);
    assert_ne!(text, source, "the transform ran");
    let checked = check_text(&text);
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
    let line = json(&Entry { file: "x", checked: &checked, decisions: &Decisions::default() });
    let value: serde_json::Value = serde_json::from_str(&line).expect("json");
    for col in ["NP", "CE", "TOT"] {
        let cell = &value["cells"][format!("t3/R3.3.1/{col}")];
        assert!(cell.is_null() && !cell.is_string(), "t3/R3.3.1/{col} = {cell}");
        assert!(value["cells"].get(format!("t3/R3.3.1/{col}")).is_some(), "present as null");
    }
    assert_eq!(checked.verdict(), Verdict::Pass, "{}", describe(&checked));
}

#[test]
fn three_unreadable_rows_make_the_check_incomplete_not_a_pass() {
    // The seed, one cell per line, with the numbers of three rows lost in the copy.
    let mut text = corpus(SEED);
    for label in [
        "2.其他法律行政法規(guī)禁止公開 |\n",
        "3.危及“三安全一穩(wěn)定” |\n",
        "1.本機(jī)關(guān)不掌握相關(guān)政府信息 |\n",
    ] {
        let at = text.find(label).unwrap_or_else(|| panic!("{label}")) + label.len();
        let numbers: usize = text[at..]
            .split_inclusive('\n')
            .take_while(|line| line.trim_end_matches(" |\n").parse::<i64>().is_ok())
            .map(str::len)
            .sum();
        assert!(numbers > 0, "{label} has numbers");
        text.replace_range(at..at + numbers, "");
    }
    let checked = check_text(&text);
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
    let gaps = checked.gaps().join("；");
    assert!(gaps.contains("表三 有 3 行未能读取"), "{gaps}");
    let line = json(&Entry { file: "x", checked: &checked, decisions: &Decisions::default() });
    let value: serde_json::Value = serde_json::from_str(&line).expect("json");
    assert_eq!(value["verdict"], "incomplete");
}

#[test]
fn an_unreadable_appeals_table_is_a_warning_and_an_incomplete_check() {
    // The seed's 表四 (15 lines "0 |" after its header) with three numbers lost.
    let source = corpus(SEED);
    let header_end = source.rfind("|||||\n|\n").expect("表四's header") + "|||||\n|\n".len();
    assert!(source[header_end..].starts_with(&"0 |\n".repeat(15)), "表四's numbers");
    let text = format!("{}{}", &source[..header_end], &source[header_end + "0 |\n".len() * 3..]);
    let checked = check_text(&text);
    assert!(error_rules(&checked).is_empty(), "{}", describe(&checked));
    let cnt = checked.findings.iter().find(|f| f.rule == "T4-CNT").expect("T4-CNT");
    assert_eq!(cnt.severity, gouji::Severity::Warning);
    assert_eq!(checked.verdict(), Verdict::Incomplete);
}

#[test]
fn a_glued_row_that_lost_its_numbers_is_neither_an_error_nor_a_pass() {
    // 平潭 2022 with 3.其他 "0200002" gone: read as blank, the 商业企业 column no longer adds
    // up — but only because of cells that may have been lost in the copy.
    let source = corpus(PINGTAN_2022);
    let text = source.replacen("3.其他 0200002", "3.其他 ", 1);
    assert_ne!(text, source, "the transform ran");
    let checked = check_text(&text);
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
    let why = checked.findings.iter().find(|f| f.rule == "STR-ROWS").expect("STR-ROWS");
    assert!(why.message.contains("原文中没有数字"), "{}", why.message);
    assert!(why.cells.iter().any(|c| c.to_string() == "t3/R3.6.3/CE"), "{:?}", why.cells);
}

#[test]
fn a_total_column_left_blank_is_one_finding_naming_every_cell() {
    // 沭阳县 2025 (markdown) with the 总计 of every outcome row left blank.
    let source = corpus(SHUYANG);
    let (head, tail) = source.split_at(source.find("予以公开").expect("予以公开"));
    let stop = tail.find("| （七）总计").expect("（七）总计");
    let (rows, rest) = tail.split_at(stop);
    let blanked: String = rows
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            if cells.len() == 10 && cells[8].trim().parse::<i64>().is_ok() {
                let mut cells = cells;
                cells[8] = "  ";
                format!("{}\n", cells.join("|"))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let checked = check_text(&format!("{head}{blanked}{rest}"));
    let errors = errors(&checked);
    assert_eq!(errors.len(), 1, "{}", describe(&checked));
    let f = errors[0];
    assert!(f.message.contains("“总计”列有"), "{}", f.message);
    assert!(f.cells.len() >= 3 && f.cells.iter().all(|c| c.col == gouji::model::Col::T3_TOT));
    assert!(f.also.len() + 1 >= f.cells.len());
}

#[test]
fn headings_worded_otherwise_are_still_the_six_sections() {
    let source = corpus("reports/pdf-text/szfgs2024.layout.txt");
    let text = source
        .replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议与行政诉讼情况")
        .replace("五、存在的主要问题及改进情况", "五、存在问题及改进情况");
    assert_ne!(text, source, "the transform ran");
    let checked = check_text(&text);
    assert!(!checked.findings.iter().any(|f| f.rule == "STR-SECTIONS"), "{}", describe(&checked));
    assert_eq!(checked.report.sections.len(), 6);
    // A section that is really missing is still reported.
    let without = text.replace("五、存在问题及改进情况", "");
    let checked = check_text(&without);
    let sections =
        checked.findings.iter().find(|f| f.rule == "STR-SECTIONS").expect("STR-SECTIONS");
    assert!(sections.message.contains("缺少“五、"), "{}", sections.message);
}

#[test]
fn units_in_the_2019_procurement_row_are_two_values() {
    // 平潭 2019's 政府集中采购, written with its units as some units do.
    let source = corpus("reports/corpus/2019_平潭综合实验区_80576_page.txt");
    let text = source.replace("政府集中采购13575394432.52元", "政府集中采购 2笔 984361元");
    assert_ne!(text, source, "the transform ran");
    let checked = check_text(&text);
    let value = |addr: &str| {
        checked
            .report
            .cell(gouji::CellRef::parse(addr).expect("address"))
            .and_then(|c| c.value.number())
            .map(|n| n.to_string())
    };
    assert_eq!(value("t2/PROC/count").as_deref(), Some("2"));
    assert_eq!(value("t2/PROC/amount").as_deref(), Some("984361"));
}

/// 洪泽区 2023 with a sentence of its narrative about appeals, as many reports have.
fn hongze_saying(sentence: &str) -> Checked {
    let source = corpus("reports/pdf-text/hzq2023_working.layout.txt");
    let text = source.replacen("   一、总体情况\n", &format!("   一、总体情况\n{sentence}\n"), 1);
    assert_ne!(text, source, "the transform ran");
    check_text(&text)
}

#[test]
fn the_narrative_decides_between_equally_small_corrections() {
    // 复议后起诉 5 0 0 0 | 0: the total is 5, or the 5 is 0. "行政诉讼5件" says which.
    let checked = hongze_saying("本年度被提起行政诉讼5件。");
    let lr = checked.findings.iter().find(|f| f.rule == "T4-LR").expect("T4-LR");
    let hint = lr.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("由 0 改为 5") && !hint.contains("由 5 改为 0"), "{hint}");
    assert!(hint.contains("正文") && hint.contains("与这一更正相符"), "{hint}");
    assert_eq!(lr.cells[0].to_string(), "t4/LR/tot");
    // Without the sentence, both stay listed and none is claimed.
    let plain = check_text(&corpus("reports/pdf-text/hzq2023_working.layout.txt"));
    let lr = plain.findings.iter().find(|f| f.rule == "T4-LR").expect("T4-LR");
    let hint = lr.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("由 0 改为 5") && hint.contains("由 5 改为 0"), "{hint}");
}

#[test]
fn a_total_the_narrative_confirms_points_at_the_parts() {
    // 行政复议 10 1 0 0 | 0 → say the total was written 12 and the narrative says 12.
    let source = corpus("reports/pdf-text/hzq2023_working.layout.txt");
    let text = source.replacen("10    1      0   0    0   0", "10    1      0   0    12   0", 1);
    let text =
        text.replacen("   一、总体情况\n", "   一、总体情况\n本年度被申请行政复议12件。\n", 1);
    let checked = check_text(&text);
    let rv = checked.findings.iter().find(|f| f.rule == "T4-RV").expect("T4-RV");
    let hint = rv.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("更可能是其他单元格有误"), "{hint}");
    assert!(!hint.contains("“行政复议·总计”由"), "the confirmed total is not offered: {hint}");
}

#[test]
fn last_years_report_decides_a_carried_in_number() {
    // 洪泽区 2024 with 上年结转·自然人 and its 总计 both written 3: only the balance breaks, and
    // the 上年结转 row, the 本年新收 row or the （七）总计 row could be the wrong one. 2023's
    // 结转下年度 (0) says which.
    let source = corpus("reports/pdf-text/hzq2024_working.layout.txt");
    let line = "二、上年结转政府信息公开申请数量                              0    0         0     0   0   0     0";
    assert!(source.contains(line));
    let changed = "二、上年结转政府信息公开申请数量                              3    0         0     0   0   0     3";
    let text = source.replace(line, changed);
    let alone = check_text(&text);
    let diagnosis = |c: &Checked| {
        c.diagnoses.iter().find(|d| d.explains.iter().any(|e| e == "T3-BAL-NP")).cloned()
    };
    let before = diagnosis(&alone).expect("the balance breaks");
    assert!(before.corrections.len() > 1, "{:?}", before.corrections);
    let mut both = vec![check_text(&corpus("reports/pdf-text/hzq2023_working.layout.txt")), alone];
    gouji::cross::apply(&mut both);
    let after = diagnosis(&both[1]).expect("still broken");
    let fixes = after.unique().expect("decided by last year's report");
    assert!(fixes.iter().all(|f| f.cell.row == gouji::model::Row::R2 && f.to == 0), "{fixes:?}");
    assert!(after.evidence.as_deref().is_some_and(|e| e.contains("2023 年报告")));
    let finding = both[1].findings.iter().find(|f| f.rule.starts_with("T3-")).expect("finding");
    assert!(finding.hint.as_deref().unwrap_or_default().contains("2023 年报告"));
}

#[test]
fn two_reports_in_one_text_are_never_a_pass() {
    // Two units' reports saved in one file: the second's 表三 has a wrong total. Only the
    // first is checked, and the check says so instead of passing.
    let seed = corpus(SEED);
    let broken = seed.replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1);
    assert_ne!(broken, seed, "the transform ran");
    let checked = check_text(&format!("{seed}\n{broken}"));
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
    assert!(checked.findings.iter().any(|f| f.rule == "STR-REPEAT"), "{}", describe(&checked));
    assert!(checked.gaps().join("；").contains("还有一份不同的表三"));
    // The broken one first: its error is found.
    let checked = check_text(&format!("{broken}\n{seed}"));
    assert_eq!(checked.verdict(), Verdict::Fail, "{}", describe(&checked));
    // The same tables printed twice are one report.
    let checked = check_text(&format!("{seed}\n{seed}"));
    assert_eq!(checked.verdict(), Verdict::Pass, "{}", describe(&checked));
}
