//! Real reports: verdicts from `corpus/truth.tsv`, values from `corpus/truth_values`.
//!
//! The PDFs are tested through the text of their tables (`pdftotext -layout`, what a PDF viewer
//! copies): see `tests/fixtures/reports/SOURCES.md`.

use gouji::model::Template;
use gouji::rules::RuleId;

use crate::support::{check_file, check_text, describe, errors, fixture_path, int};

/// A report, its truth file, and the errors it must give (rule, first cell).
struct Case {
    file: &'static str,
    truth: Option<&'static str>,
    errors: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        file: "reports/seed/zhangdian-yingji-2023.txt",
        truth: Some("000_2a6dab52fda6029c.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2019_平潭综合实验区_80576_page.txt",
        truth: Some("2019_平潭综合实验区_80576_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2020_平潭综合实验区_80595_page.txt",
        truth: Some("2020_平潭综合实验区_80595_page.txt.json"),
        // （七）总计 20/21 while the outcome rows add up to 26/27. No single cell explains both.
        errors: &[("T3-OUT-NP", ""), ("T3-OUT-TOT", "")],
    },
    Case {
        file: "reports/corpus/2021_平潭综合实验区_80613_page.txt",
        truth: Some("2021_平潭综合实验区_80613_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2022_平潭综合实验区_80629_page.txt",
        truth: Some("2022_平潭综合实验区_80629_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2023_平潭综合实验区_87885_page.txt",
        truth: Some("2023_平潭综合实验区_87885_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2024_平潭综合实验区_97791_page.txt",
        truth: Some("2024_平潭综合实验区_97791_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/2025_平潭综合实验区_105587_page.txt",
        truth: Some("2025_平潭综合实验区_105587_page.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/pdf-text/hzq2023_working.layout.txt",
        truth: Some("hzq2023_working.pdf.json"),
        // 行政复议 总计 0 while its parts sum to 11; 复议后起诉 总计 0 while its parts sum to 5.
        errors: &[("T4-RV", "t4/RV/tot"), ("T4-LR", "t4/LR/tot")],
    },
    Case {
        file: "reports/pdf-text/hzq2024_working.layout.txt",
        truth: Some("hzq2024_working.pdf.json"),
        errors: &[],
    },
    Case {
        file: "reports/pdf-text/szfgs2024.layout.txt",
        truth: Some("szfgs2024.pdf.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/kewei-2024-source.md",
        truth: Some("kewei-2024-source.md.json"),
        // The blank 总计 of 结转下年度继续办理 breaks its row and the 总计 column's balance.
        errors: &[("T3-BAL-TOT", "t3/R4/TOT"), ("T3-ROW-R4", "t3/R4/TOT")],
    },
    Case {
        file: "reports/corpus/shanghai-office-sample-source.md",
        truth: Some("shanghai-office-sample-source.md.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt",
        truth: Some("沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt.json"),
        errors: &[],
    },
    Case {
        file: "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html",
        truth: Some(
            "沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html.json",
        ),
        errors: &[],
    },
];

/// Truth keys of 表三 in row order, with their row codes.
const T3_KEYS: &[(&str, &str)] = &[
    ("new", "R1"),
    ("carry", "R2"),
    ("grant", "R3.1"),
    ("partial", "R3.2"),
    ("d1", "R3.3.1"),
    ("d2", "R3.3.2"),
    ("d3", "R3.3.3"),
    ("d4", "R3.3.4"),
    ("d5", "R3.3.5"),
    ("d6", "R3.3.6"),
    ("d7", "R3.3.7"),
    ("d8", "R3.3.8"),
    ("u1", "R3.4.1"),
    ("u2", "R3.4.2"),
    ("u3", "R3.4.3"),
    ("n1", "R3.5.1"),
    ("n2", "R3.5.2"),
    ("n3", "R3.5.3"),
    ("n4", "R3.5.4"),
    ("n5", "R3.5.5"),
    ("o1", "R3.6.1"),
    ("o2", "R3.6.2"),
    ("o3", "R3.6.3"),
    ("other", "R3.6"),
    ("total", "R3.7"),
    ("cf", "R4"),
];
const T3_COLS: [&str; 7] = ["NP", "CE", "RI", "SW", "LS", "OT", "TOT"];
const T4_CELLS: [&str; 15] = [
    "RV/keep", "RV/fix", "RV/oth", "RV/pend", "RV/tot", "LD/keep", "LD/fix", "LD/oth", "LD/pend",
    "LD/tot", "LR/keep", "LR/fix", "LR/oth", "LR/pend", "LR/tot",
];

#[test]
fn every_report_gives_its_verdict() {
    for case in CASES {
        let checked = check_file(case.file);
        // Every broken check, whether it is a finding's own rule or one it explains too.
        let mut got: Vec<String> = errors(&checked)
            .iter()
            .flat_map(|f| std::iter::once(f.rule.clone()).chain(f.also.iter().cloned()))
            .collect();
        let mut wanted: Vec<String> =
            case.errors.iter().map(|(rule, _)| (*rule).to_string()).collect();
        wanted.sort();
        got.sort();
        assert_eq!(got, wanted, "{}: wrong errors\n{}", case.file, describe(&checked));
        for (rule, first) in case.errors {
            let finding = errors(&checked)
                .into_iter()
                .find(|f| f.rule == *rule || f.also.iter().any(|a| a == rule))
                .expect("listed above");
            if !first.is_empty() {
                assert_eq!(
                    finding.cells[0].to_string(),
                    *first,
                    "{}: {rule} names the wrong cell first",
                    case.file
                );
            }
            assert!(finding.hint.is_some(), "{}: {rule} has no hint", case.file);
        }
    }
}

#[test]
fn extracted_values_equal_the_truth() {
    for case in CASES {
        let Some(truth_file) = case.truth else { continue };
        assert_truth(&check_file(case.file), truth_file, case.file);
    }
}

/// Every 表三 and 表四 value of `truth/{truth_file}` equals the cell read in `checked`.
pub(crate) fn assert_truth(checked: &gouji::Checked, truth_file: &str, label: &str) {
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(fixture_path(&format!("truth/{truth_file}"))).expect("truth file"),
    )
    .expect("truth json");
    let mut compared = 0;
    for (key, row) in T3_KEYS {
        let Some(values) = truth["table3"][*key].as_array() else { continue };
        for (col, expected) in T3_COLS.iter().zip(values) {
            let addr = format!("t3/{row}/{col}");
            assert_eq!(int(checked, &addr), expected.as_i64(), "{label}: {addr}");
            compared += 1;
        }
    }
    let t4 = truth["table4"].as_array().expect("table4");
    for (cell, expected) in T4_CELLS.iter().zip(t4) {
        let addr = format!("t4/{cell}");
        assert_eq!(int(checked, &addr), expected.as_i64(), "{label}: {addr}");
        compared += 1;
    }
    let rows = if truth["layout"] == "2019" { 23 } else { 25 };
    assert_eq!(compared, rows * 7 + 15, "{label}: not every truth value was compared");
}

#[test]
fn the_pingtan_2020_error_names_its_totals_and_does_not_guess() {
    let checked = check_file("reports/corpus/2020_平潭综合实验区_80595_page.txt");
    for (rule, total) in [("T3-OUT-NP", "t3/R3.7/NP"), ("T3-OUT-TOT", "t3/R3.7/TOT")] {
        let finding = checked.findings.iter().find(|f| f.rule == rule).expect(rule);
        assert!(finding.cells.iter().any(|c| c.to_string() == total), "{rule} lacks {total}");
        assert_eq!(
            finding.expected.map(|n| n.to_string()),
            Some(if rule == "T3-OUT-NP" { "26" } else { "27" }.into())
        );
        let hint = finding.hint.as_deref().unwrap_or_default();
        assert!(hint.contains("没有哪一个单元格能单独解释"), "{hint}");
        // The inferred values are marked as such.
        assert!(finding.message.contains("推断"), "{}", finding.message);
    }
    // Every row of 表三 was split from glued digits, and says so.
    assert!(checked.findings.iter().any(|f| f.rule == "PARSE-GLUED" && f.cells.len() >= 154));
}

#[test]
fn the_forgotten_review_total_gets_a_single_correction() {
    let checked = check_file("reports/pdf-text/hzq2023_working.layout.txt");
    let rv = checked.findings.iter().find(|f| f.rule == "T4-RV").expect("T4-RV");
    assert_eq!(
        (rv.expected.map(|n| n.to_string()), rv.found.map(|n| n.to_string())),
        (Some("11".into()), Some("0".into()))
    );
    assert!(rv.hint.as_deref().unwrap_or_default().contains("由 0 改为 11"), "{:?}", rv.hint);
    // 复议后起诉 5 0 0 0 | 0: the total is named first, but both corrections are offered.
    let lr = checked.findings.iter().find(|f| f.rule == "T4-LR").expect("T4-LR");
    let hint = lr.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("由 0 改为 5") && hint.contains("由 5 改为 0"), "{hint}");
}

/// 沭阳县人民政府 2025 with three wrong numbers that no one or two corrections explain.
fn shuyang_with(changes: &[(&str, &str)]) -> gouji::Checked {
    let path = "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt";
    let mut text = std::fs::read_to_string(fixture_path(path)).unwrap();
    for (from, to) in changes {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    check_text(&text)
}

fn corrections(checked: &gouji::Checked) -> Vec<Vec<(String, i64, i64)>> {
    let [diagnosis] = checked.diagnoses.as_slice() else {
        panic!("one diagnosis: {:?}", checked.diagnoses)
    };
    diagnosis
        .corrections
        .iter()
        .map(|fixes| fixes.iter().map(|f| (f.cell.to_string(), f.from, f.to)).collect())
        .collect()
}

#[test]
fn three_slips_in_one_column_get_their_one_correction() {
    // Each breaks its row; together they break the 自然人 column's (七)总计 by 3.
    let checked = shuyang_with(&[
        ("| 予以公开 | 290 | 1 |", "| 予以公开 | 291 | 1 |"),
        ("| 3. 危及“三安全一稳定” | 2 | 0 |", "| 3. 危及“三安全一稳定” | 3 | 0 |"),
        ("| 7. 属于行政执法案卷 | 4 | 0 |", "| 7. 属于行政执法案卷 | 5 | 0 |"),
    ]);
    assert_eq!(
        corrections(&checked),
        [[
            ("t3/R3.1/NP".to_string(), 291, 290),
            ("t3/R3.3.3/NP".to_string(), 3, 2),
            ("t3/R3.3.7/NP".to_string(), 5, 4)
        ]]
    );
    let finding = errors(&checked)[0];
    assert!(finding.hint.as_deref().unwrap_or_default().contains("需同时修改 3 处"));
}

#[test]
fn three_slips_in_three_rows_and_columns_list_every_correction_and_claim_none() {
    let checked = shuyang_with(&[
        ("| 予以公开 | 290 | 1 |", "| 予以公开 | 291 | 1 |"),
        ("| 3. 危及“三安全一稳定” | 2 | 0 |", "| 3. 危及“三安全一稳定” | 2 | 1 |"),
        (
            "| 7. 属于行政执法案卷 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
            "| 7. 属于行政执法案卷 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |",
        ),
    ]);
    let found = corrections(&checked);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&vec![
        ("t3/R3.1/NP".to_string(), 291, 290),
        ("t3/R3.3.3/CE".to_string(), 1, 0),
        ("t3/R3.3.7/TOT".to_string(), 5, 4)
    ]));
    assert!(checked.diagnoses[0].unique().is_none());
}

/// Three numbers of 沭阳县 2025's tables changed at random (a fixed sequence), 300 times: every
/// correction of three cells the engine names puts the published numbers back, and where it
/// lists several, the published numbers are among them.
#[test]
fn named_three_cell_corrections_restore_the_published_numbers() {
    let path = "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt";
    let text = std::fs::read_to_string(fixture_path(path)).unwrap();
    let published = check_text(&text);
    let (from, to) = (text.find("三、收到和处理").unwrap(), text.find("五、政府信息公开").unwrap());
    // The table numbers: `| 12 |` cells.
    let mut numbers: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = from;
    while at < to {
        if bytes[at].is_ascii_digit() && text[..at].ends_with("| ") {
            let end = (at..to).find(|&i| !bytes[i].is_ascii_digit()).unwrap_or(to);
            if text[end..].starts_with(" |") {
                numbers.push((at, end));
            }
            at = end;
        } else {
            at += 1;
        }
    }
    assert!(numbers.len() > 150, "{}", numbers.len());
    let mut state = 7u64;
    let mut next = |n: usize| {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    let (mut named, mut listed) = (0, 0);
    for _ in 0..300 {
        let mut picks: Vec<usize> = Vec::new();
        while picks.len() < 3 {
            let k = next(numbers.len());
            if !picks.contains(&k) {
                picks.push(k);
            }
        }
        picks.sort_unstable_by(|a, b| b.cmp(a));
        let mut changed = text.clone();
        for k in picks {
            let (a, b) = numbers[k];
            let value: i64 = changed[a..b].parse().unwrap();
            changed.replace_range(a..b, &(value + [1, 2, 10][next(3)]).to_string());
        }
        let checked = check_text(&changed);
        let restores = |fixes: &Vec<gouji::rules::culprit::Fix>| {
            fixes.iter().all(|f| int(&published, &f.cell.to_string()) == Some(f.to))
        };
        for diagnosis in &checked.diagnoses {
            match diagnosis.corrections.as_slice() {
                [only] if only.len() == 3 => {
                    named += 1;
                    assert!(restores(only), "{only:?}");
                }
                several if several.len() > 1 && several[0].len() == 3 => {
                    listed += 1;
                    assert!(several.iter().any(restores), "{several:?}");
                }
                _ => {}
            }
        }
    }
    // Figures of the first run (README): 300 reports, corrections of three cells named and listed.
    assert!(named >= 30 && listed >= 1, "{named} named, {listed} listed");
    eprintln!("three-cell corrections: {named} named, {listed} listed");
}

#[test]
fn the_kewei_blank_total_is_named_with_its_value() {
    let checked = check_file("reports/corpus/kewei-2024-source.md");
    let diagnosis = checked
        .diagnoses
        .iter()
        .find(|d| d.explains.contains(&"T3-BAL-TOT".to_string()))
        .expect("diagnosis");
    let fix = diagnosis.unique().expect("one correction");
    assert_eq!(
        (fix[0].cell.to_string(), fix[0].to, fix[0].was_blank),
        ("t3/R4/TOT".to_string(), 1, true)
    );
}

#[test]
fn the_seed_is_clean_and_fully_read() {
    let checked = check_file("reports/seed/zhangdian-yingji-2023.txt");
    // Its only findings are its label typos and the 3.其他 hint (RULEBOOK §2.10a).
    let mut rules: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
    rules.sort_unstable();
    assert_eq!(
        rules,
        ["HINT-OTHER-OUTCOME", "STR-LABEL", "STR-LABEL", "STR-LABEL", "STR-LABEL"],
        "{}",
        describe(&checked)
    );
    let labels: Vec<&str> = checked
        .findings
        .iter()
        .filter(|f| f.rule == "STR-LABEL")
        .map(|f| f.message.as_str())
        .collect();
    for typo in ["预期不补正", "预期未按收费", "第二十条第(一)", "第二部分标题不完整"]
    {
        assert!(labels.iter().any(|m| m.contains(typo)), "{typo} not reported: {labels:?}");
    }
    assert_eq!(checked.report.template, Template::Y2021);
    assert_eq!(checked.report.year, Some(2023));
    assert_eq!(checked.report.agency_name(), Some("张店区应急管理局"));
    assert_eq!(checked.tables_line(), "表二 已读取 · 表三 通过 · 表四 通过");
    // Spans point into the text as pasted (Traditional, with pinyin).
    let source = &checked.source.as_ref().expect("source").text;
    let cell = checked.report.cell(gouji::CellRef::parse("t2/LIC/n").expect("addr")).expect("cell");
    assert_eq!(&source[cell.range.as_ref().expect("range").get()], "221");
}

#[test]
fn older_reports_are_recognized_and_not_flagged() {
    let dir = fixture_path("reports/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let year: i32 = name.get(..4).and_then(|y| y.parse().ok()).unwrap_or(9999);
        if year >= 2019 {
            continue;
        }
        let checked = check_file(&format!("reports/corpus/{name}"));
        assert_eq!(checked.report.template, Template::Pre2019, "{name}");
        assert_eq!(checked.report.year, Some(year), "{name}");
        assert!(errors(&checked).is_empty(), "{name}\n{}", describe(&checked));
        seen += 1;
    }
    assert_eq!(seen, 11);
}

/// Every finding on every real report, and why it is a real problem of that report (or of the
/// text as published). A new finding, or a missing one, fails here until it is explained.
const EXPLAINED: &[(&str, &[&str], &str)] = &[
    (
        "reports/seed/zhangdian-yingji-2023.txt",
        &["HINT-OTHER-OUTCOME", "STR-LABEL", "STR-LABEL", "STR-LABEL", "STR-LABEL"],
        "预期 for 逾期 twice, 第(一) without 项, heading 主动公开政府信息情 cut short; its only application ended in 3.其他 (RULEBOOK §2.10a)",
    ),
    (
        "reports/corpus/2019_平潭综合实验区_80576_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED", "PARSE-GLUED", "STR-ROWS"],
        "the page lost its cell separators: 表三/表四 split uniquely under their sums; 表二 rows (no sums) cannot be split, and 政府集中采购 '13575394432.52元' is one glued decimal for two cells",
    ),
    (
        "reports/corpus/2020_平潭综合实验区_80595_page.txt",
        &[
            "PARSE-AMBIGUOUS",
            "PARSE-GLUED",
            "PARSE-GLUED",
            "PARSE-GLUED",
            "STR-ROWS",
            "T3-OUT-NP",
            "T3-OUT-TOT",
        ],
        "（七）总计 20/21 against outcome rows adding to 26/27 (truth.tsv: REAL ERROR); glued digits as in 2019; 行政处罚 '2648-18538' and 政府集中采购 are glued beyond reading",
    ),
    (
        "reports/corpus/2021_平潭综合实验区_80613_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED", "PARSE-GLUED"],
        "glued digits: 表三 and 表四 split (two rows only with the column sums); 表二 行政规范性文件 '693665' has ten readings",
    ),
    (
        "reports/corpus/2022_平潭综合实验区_80629_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED"],
        "glued digits in 表二 and 表三 (表四 is space-separated here); 行政规范性文件 '8855698' is ambiguous",
    ),
    (
        "reports/corpus/2023_平潭综合实验区_87885_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED", "PARSE-GLUED"],
        "glued digits; 行政规范性文件 '77132470' is ambiguous",
    ),
    (
        "reports/corpus/2024_平潭综合实验区_97791_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED", "PARSE-GLUED"],
        "glued digits; 行政规范性文件 '6233440' is ambiguous",
    ),
    (
        "reports/corpus/2025_平潭综合实验区_105587_page.txt",
        &["PARSE-AMBIGUOUS", "PARSE-GLUED", "PARSE-GLUED", "PARSE-GLUED"],
        "glued digits; 行政规范性文件 '5845546' is ambiguous",
    ),
    (
        "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt",
        &[],
        "clean, and its narrative (749 = 713 + 36, 718, 31) agrees",
    ),
    (
        "reports/corpus/kewei-2024-source.md",
        &["NAR-CARRYOUT", "PARSE-ORDER", "STR-SECTIONS", "T3-ROW-R4", "VAL-BLANK"],
        "the blank 总计 of 结转下年度 breaks two sums (one finding, T3-BAL-TOT with it), and the narrative says 1 was carried over; labels out of place (PDF → markdown); sections numbered 一/二/三 for 二/三/四 and no 五 (truth_notes)",
    ),
    (
        "reports/corpus/shanghai-office-sample-source.md",
        &["PARSE-ORDER", "STR-ROWS", "STR-SECTIONS"],
        "the markdown lost 表二's 废止 column (规章 22 | 235) and the 五、 heading; 表三 labels out of place",
    ),
    (
        "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html",
        &["VAL-BLANK"],
        "125 blank cells in the legal-person columns (truth.tsv: blank cells read as 0)",
    ),
    (
        "reports/pdf-text/hzq2023_working.layout.txt",
        &["STR-LABEL", "T4-LR", "T4-RV", "YR-FORMAT"],
        "表四 totals left 0 (truth.tsv: REAL ERROR); 2019 表三 in a 2023 report; label typo 其他法律行政止公开",
    ),
    (
        "reports/pdf-text/hzq2024_working.layout.txt",
        &["NAR-RECV", "STR-LABEL", "YR-FORMAT"],
        "the narrative gives the 区政府办's 17 applications while 表三 gives 95: a reviewer must ask which scope the table has; 2019 表三 in 2024; label typo",
    ),
    (
        "reports/pdf-text/szfgs2024.layout.txt",
        &[],
        "clean, and its narrative (3119, 复议 351, 诉讼 46) agrees",
    ),
];

/// The verdict of every real report: its truth.tsv verdict (clean → pass, REAL ERROR → fail;
/// kewei's blank 总计 is an error as published), and the pre-2019 free-text report, which has
/// no table to check, is not a pass.
#[test]
fn every_real_report_gets_its_verdict() {
    use gouji::Verdict;
    for (file, _, _) in EXPLAINED {
        let checked = check_file(file);
        let want = if errors(&checked).is_empty() { Verdict::Pass } else { Verdict::Fail };
        assert_eq!(checked.verdict(), want, "{file}: {}", checked.verdict_text());
    }
    for (file, want) in [
        ("reports/corpus/2020_平潭综合实验区_80595_page.txt", Verdict::Fail),
        ("reports/pdf-text/hzq2023_working.layout.txt", Verdict::Fail),
        ("reports/corpus/2021_平潭综合实验区_80613_page.txt", Verdict::Pass),
        ("reports/seed/zhangdian-yingji-2023.txt", Verdict::Pass),
        ("reports/corpus/2013_平潭综合实验区地方税务局_80774_page.txt", Verdict::Incomplete),
        ("reports/corpus/2012_平潭县人民政府_80725_page.txt", Verdict::Pass),
    ] {
        let checked = check_file(file);
        assert_eq!(checked.verdict(), want, "{file}: {}", checked.verdict_text());
    }
}

#[test]
fn every_finding_on_a_real_report_is_explained() {
    for (file, expected, why) in EXPLAINED {
        let checked = check_file(file);
        let mut found: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, *expected, "{file} ({why})\n{}", describe(&checked));
    }
    // Every report of the corpus is listed above or in PRE_2019.
    for entry in std::fs::read_dir(fixture_path("reports/corpus")).expect("corpus dir") {
        let name =
            format!("reports/corpus/{}", entry.expect("entry").file_name().to_string_lossy());
        assert!(
            EXPLAINED.iter().any(|(file, _, _)| *file == name)
                || PRE_2019.iter().any(|p| p.0 == name),
            "{name} is not explained"
        );
    }
}

/// The pre-2019 reports (平潭 2011–2018): the findings, and the statistics table's values as
/// read by hand from each page (本年度, 历年累计; `None` when the page lost the number).
#[allow(clippy::type_complexity, reason = "a table of test data")]
const PRE_2019: &[(&str, &[&str], &[(&str, Option<i64>, Option<i64>)])] = &[
    (
        "reports/corpus/2011_平潭县人民政府_80716_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(425), Some(1516)),
            ("ACT.WEB", Some(418), Some(1509)),
            ("ACT.GAZ", Some(7), Some(7)),
            ("REQ", Some(0), Some(0)),
            ("REQ.OTH", Some(0), Some(0)),
            ("ANS", Some(0), Some(0)),
            ("ANS.DENY", Some(0), Some(0)),
            ("APPEAL", Some(0), Some(0)),
            ("SUIT", Some(0), Some(0)),
            ("PETITION", Some(0), Some(0)),
        ],
    ),
    (
        "reports/corpus/2012_平潭县人民政府_80725_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(2026), Some(3542)),
            ("ACT.WEB", Some(1795), Some(3304)),
            ("ACT.GAZ", Some(0), Some(7)),
            ("REQ", Some(21), Some(21)),
            ("REQ.F2F", Some(18), Some(18)),
            ("REQ.MAIL", Some(3), Some(3)),
            ("ANS", Some(21), Some(21)),
            ("ANS.OPEN", Some(17), Some(17)),
            ("ANS.PART", Some(2), Some(2)),
            ("ANS.DENY", Some(2), Some(2)),
        ],
    ),
    // The text says "2012年主动公开政府信息1913条"; the table says 739 (MANIFEST: real).
    (
        "reports/corpus/2012_平潭综合实验区_80734_page.txt",
        &["NAR-ACTIVE"],
        &[
            ("ACT", Some(739), Some(4359)),
            ("ACT.WEB", Some(739), Some(4359)),
            ("ACT.GAZ", Some(0), Some(0)),
            ("REQ", Some(0), Some(0)),
            ("ANS", Some(0), Some(0)),
            ("PETITION", Some(0), Some(0)),
        ],
    ),
    (
        "reports/corpus/2013_平潭县人民政府_80754_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(1853), Some(5395)),
            ("ACT.WEB", Some(1713), Some(5017)),
            ("ACT.GAZ", Some(0), Some(7)),
            ("REQ", Some(7), Some(28)),
            ("REQ.F2F", Some(0), Some(18)),
            ("REQ.MAIL", Some(3), Some(6)),
            ("REQ.WEB", Some(4), Some(4)),
            ("ANS", Some(3), Some(24)),
            ("ANS.OPEN", Some(2), Some(19)),
            ("ANS.PART", Some(1), Some(3)),
            ("ANS.DENY", Some(0), Some(2)),
        ],
    ),
    // The text says 4970 主动公开 and one 行政复议 received; the table says 72804 and 0
    // (MANIFEST: real); the page lost 政府公报公开's 历年累计.
    (
        "reports/corpus/2013_平潭综合实验区_80759_page.txt",
        &["NAR-ACTIVE", "NAR-REVIEW", "STR-ROWS"],
        &[
            ("ACT", Some(72804), Some(76424)),
            ("ACT.WEB", Some(72804), Some(76424)),
            ("ACT.GAZ", None, None),
            ("REQ", Some(0), Some(0)),
            ("ANS", Some(0), Some(0)),
        ],
    ),
    ("reports/corpus/2013_平潭综合实验区地方税务局_80774_page.txt", &["INPUT-NO-TABLES"], &[]),
    (
        "reports/corpus/2014_平潭综合实验区管委会_80791_page.txt",
        &[],
        &[
            ("ACT", Some(2543), Some(78967)),
            ("REQ", Some(1), Some(1)),
            ("REQ.POSTFAX", Some(1), Some(1)),
            ("ANS", Some(1), Some(1)),
            ("ANS.OPEN", Some(1), Some(1)),
            ("ANS.OTH", Some(0), Some(0)),
            ("CHARGE", Some(0), Some(0)),
        ],
    ),
    (
        "reports/corpus/2015_平潭综合实验区_80445_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(2949), Some(81916)),
            ("ACT.WEB", Some(2949), Some(81916)),
            ("REQ", Some(0), Some(1)),
            ("REQ.POSTFAX", Some(0), Some(1)),
            ("ANS", Some(0), Some(1)),
            ("ANS.OPEN", Some(0), Some(1)),
        ],
    ),
    (
        "reports/corpus/2016_平潭综合实验区_80485_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(3460), Some(85376)),
            ("ACT.WEB", Some(3460), Some(85376)),
            ("REQ", Some(0), Some(0)),
        ],
    ),
    (
        "reports/corpus/2017_平潭综合实验区_80506_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(2122), Some(10037)),
            ("ACT.WEB", Some(2122), Some(10037)),
            ("REQ", Some(0), Some(0)),
        ],
    ),
    (
        "reports/corpus/2018_平潭综合实验区_80529_page.txt",
        &["PARSE-GLUED"],
        &[
            ("ACT", Some(2069), Some(12106)),
            ("ACT.WEB", Some(2069), Some(12106)),
            ("ANS.OTH", Some(0), Some(0)),
            ("SUIT", Some(0), Some(0)),
        ],
    ),
];

#[test]
fn pre_2019_statistics_tables_are_read_and_checked() {
    for (file, expected, values) in PRE_2019 {
        let checked = check_file(file);
        let mut found: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, *expected, "{file}\n{}", describe(&checked));
        assert!(errors(&checked).is_empty(), "{file}");
        assert_eq!(checked.report.template, gouji::model::Template::Pre2019, "{file}");
        for (row, year, total) in *values {
            for (col, want) in [("y", year), ("cum", total)] {
                let addr = format!("p/{row}/{col}");
                let cell = checked.report.cell(gouji::CellRef::parse(&addr).expect("address"));
                let read = cell.and_then(|c| match c.value {
                    gouji::model::Value::Number(n) => n.as_int(),
                    _ => None,
                });
                assert_eq!(read, *want, "{file} {addr}\n{}", describe(&checked));
            }
        }
        if !values.is_empty() {
            assert!(
                checked.tables_line().starts_with("统计表 通过"),
                "{file}: {}",
                checked.tables_line()
            );
        }
    }
}

#[test]
fn the_shanghai_2019_narrative_mismatch_is_found() {
    // RULEBOOK §2.6: "予以公开及部分公开258件，占33.9%" against 272 + 3 = 275 in its own 表三, and
    // "无法提供265件" against 265 + 47 + 25 = 337; 受理/结转/答复/顺延 do reconcile.
    let checked = check_file("reports/reconstructed/shanghai-office-2019.md");
    let narrative: Vec<(&str, Option<String>, Option<String>)> = checked
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("NAR-"))
        .map(|f| {
            (f.rule.as_str(), f.found.map(|n| n.to_string()), f.expected.map(|n| n.to_string()))
        })
        .collect();
    assert_eq!(
        narrative,
        [
            ("NAR-OUTCOME", Some("258".into()), Some("275".into())),
            ("NAR-OUTCOME", Some("265".into()), Some("337".into())),
            ("NAR-PCT", Some("33.9".into()), Some("32.0".into())),
        ],
        "{}",
        describe(&checked)
    );
    assert!(errors(&checked).is_empty(), "narrative rules are previews, never errors");
}

#[test]
fn narrative_facts_are_read_from_real_sentences() {
    use gouji::model::FactKind::*;
    let cases: &[(&str, &[(gouji::model::FactKind, i64)])] = &[
        // "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件）… 其他处理 319 件（26.78%…"
        (
            "reports/corpus/shanghai-office-sample-source.md",
            &[
                (Received, 1295),
                (Done, 1191),
                (CarriedIn, 189),
                (GrantedOrPartial, 208),
                (Withheld, 20),
                (Unavailable, 564),
                (NotProcessed, 80),
                (OtherProcessed, 319),
            ],
        ),
        // "全年收到政府信息公开申请 34 件，上年结转…申请 2 件…同意公开答复 9 件…转下一年度办理答复的有 1 件"
        (
            "reports/corpus/kewei-2024-source.md",
            &[
                (Review, 1),
                (Litigation, 0),
                (Received, 34),
                (CarriedIn, 2),
                (Granted, 9),
                (Partial, 0),
                (Withheld, 2),
                (Unavailable, 10),
                (NotProcessed, 0),
                (OtherProcessed, 14),
                (CarriedOut, 1),
            ],
        ),
        // "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理"
        (
            "reports/corpus/2021_平潭综合实验区_80613_page.txt",
            &[(Received, 70), (Done, 69), (CarriedOut, 1)],
        ),
        // "受理依申请公开1件(上年结转0件),全年收取依申请公开信息处理费0元"
        ("reports/seed/zhangdian-yingji-2023.txt", &[(Received, 1), (CarriedIn, 0), (InfoFee, 0)]),
    ];
    for (file, expected) in cases {
        let checked = check_file(file);
        let counted: Vec<(gouji::model::FactKind, i64)> = checked
            .report
            .facts
            .iter()
            .filter(|f| {
                !matches!(
                    f.kind,
                    NoInfoFee
                        | NoNormsMade
                        | NoReviewOrLitigation
                        | NormsMade
                        | RulesMade
                        | Proactive
                )
            })
            .filter_map(|f| f.value.as_int().map(|v| (f.kind, v)))
            .collect();
        assert_eq!(counted, *expected, "{file}");
    }
}

/// 平潭 2011–2018 checked together: the 历年累计 chain holds for 平潭县 2011 → 2012 → 2013 and
/// 2017 → 2018; it breaks where the pages show it: 2013's 76424 is not 4359 + 72804, 2016's
/// 申请/答复 历年累计 drop 2015's one application to 0, and 2017 restarts at 10037 after 85376.
#[test]
fn pre_2019_cumulative_chains_across_years() {
    let mut all: Vec<gouji::Checked> =
        PRE_2019.iter().map(|(file, _, _)| check_file(file)).collect();
    gouji::cross::apply(&mut all);
    let mut chains: Vec<(i32, String)> = Vec::new();
    for checked in &all {
        for f in checked.findings.iter().filter(|f| f.family == RuleId::PreChain) {
            chains.push((checked.report.year.unwrap_or_default(), f.rule.clone()));
        }
    }
    chains.sort();
    let expected: Vec<(i32, String)> = [
        (2013, "PRE-CHAIN-ACT"),
        (2013, "PRE-CHAIN-ACT.WEB"),
        (2016, "PRE-CHAIN-ANS"),
        (2016, "PRE-CHAIN-ANS.OPEN"),
        (2016, "PRE-CHAIN-REQ"),
        (2016, "PRE-CHAIN-REQ.POSTFAX"),
        (2017, "PRE-CHAIN-ACT"),
        (2017, "PRE-CHAIN-ACT.WEB"),
    ]
    .iter()
    .map(|(y, r)| (*y, (*r).to_string()))
    .collect();
    assert_eq!(chains, expected);
    let broken = all.iter().find(|c| c.report.year == Some(2017)).expect("2017");
    let act = broken.findings.iter().find(|f| f.rule == "PRE-CHAIN-ACT").expect("PRE-CHAIN-ACT");
    assert!(act.message.contains("85376") && act.message.contains("87498"), "{}", act.message);
    assert!(
        all.iter().all(|c| errors(c).is_empty()),
        "a broken chain is a preview hint, never an error"
    );
}

/// 平潭 2019–2025 checked together: each year's 上年结转 equals the year before's 结转下年度
/// (2021 carried 1 application into 2022); a 2022 page claiming 3 carried in is found.
#[test]
fn the_pingtan_carry_over_is_checked_across_years() {
    let files: Vec<String> = (2019..=2025)
        .filter_map(|year| {
            std::fs::read_dir(fixture_path("reports/corpus"))
                .expect("corpus")
                .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
                .find(|n| n.starts_with(&format!("{year}_平潭")))
                .map(|n| format!("reports/corpus/{n}"))
        })
        .collect();
    assert_eq!(files.len(), 7);
    let carry = |all: &[gouji::Checked]| -> Vec<(i32, String)> {
        all.iter()
            .flat_map(|c| {
                c.findings
                    .iter()
                    .filter(|f| f.family == RuleId::XyCarry)
                    .map(|f| (c.report.year.unwrap_or_default(), f.rule.clone()))
            })
            .collect()
    };
    let mut all: Vec<gouji::Checked> = files.iter().map(|f| check_file(f)).collect();
    assert_eq!(int(&all[2], "t3/R4/TOT"), Some(1));
    assert_eq!(int(&all[3], "t3/R2/TOT"), Some(1));
    gouji::cross::apply(&mut all);
    assert_eq!(carry(&all), []);
    let text = std::fs::read_to_string(fixture_path(&files[3])).expect("2022");
    let changed = text.replace(
        "二、上年结转政府信息公开申请数量 1000001",
        "二、上年结转政府信息公开申请数量 3000003",
    );
    assert_ne!(changed, text);
    all[3] = check_text(&changed);
    gouji::cross::apply(&mut all);
    assert_eq!(
        carry(&all),
        [(2022, "XY-CARRY-NP".to_string()), (2022, "XY-CARRY-TOT".to_string())]
    );
}
