//! Real reports as people paste them: each report, clean and with one number wrong, under
//! transformations seen in copied text (zeros written —, -, /, 无 or left empty; full-width
//! digits; no-break and zero-width spaces; a 件 after the numbers; thousands separators;
//! CRLF; Traditional labels; the text twice; a tab before and after every line; empty
//! paragraphs between lines; ideographic indentation). A wrong number is never silent: the
//! broken copy never passes and has an error on the changed row; a clean copy keeps its own
//! verdict (a transformation that only changes how the text is written changes nothing).

use gouji::Verdict;

use crate::support::{check_file, check_text, describe, fixture_path, int};

/// A report, the text of its （七）总计 row's first number, and that text with the number
/// changed.
const REPORTS: &[(&str, &str, &str)] = &[
    ("reports/seed/zhangdian-yingji-2023.txt", "(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |"),
    ("reports/corpus/kewei-2024-source.md", "| （七）总计 | 33 |", "| （七）总计 | 34 |"),
    (
        "reports/corpus/shanghai-office-sample-source.md",
        "| （七）总计 | 1139 |",
        "| （七）总计 | 1140 |",
    ),
    (
        "reports/pdf-text/hzq2023_working.layout.txt",
        "（七）总计                             21",
        "（七）总计                             22",
    ),
    (
        "reports/pdf-text/szfgs2024.layout.txt",
        "（七）总计                           2932",
        "（七）总计                           2933",
    ),
];

/// Replaces each number that stands alone between separators (space, `|`, line ends).
fn numbers(text: &str, f: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let starts =
            chars[k].is_ascii_digit() && (k == 0 || matches!(chars[k - 1], ' ' | '|' | '\n'));
        if starts {
            let end = (k..chars.len()).find(|&j| !chars[j].is_ascii_digit()).unwrap_or(chars.len());
            if end == chars.len() || matches!(chars[end], ' ' | '|' | '\n' | '\r') {
                let digits: String = chars[k..end].iter().collect();
                out.push_str(&f(&digits));
                k = end;
                continue;
            }
        }
        out.push(chars[k]);
        k += 1;
    }
    out
}

/// A way of writing the same text.
type Transform = Box<dyn Fn(&str) -> String>;

fn transformations() -> Vec<(&'static str, Transform)> {
    let zero = |written: &'static str| {
        Box::new(move |t: &str| {
            numbers(t, &|d| if d == "0" { written.to_string() } else { d.to_string() })
        }) as Transform
    };
    vec![
        ("as published", Box::new(|t: &str| t.to_string())),
        ("zeros as —", zero("—")),
        ("zeros as -", zero("-")),
        ("zeros as /", zero("/")),
        ("zeros as 无", zero("无")),
        (
            "full-width digits",
            Box::new(|t: &str| {
                numbers(t, &|d| {
                    d.chars()
                        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                        .collect()
                })
            }),
        ),
        ("no-break spaces", Box::new(|t: &str| t.replace(' ', "\u{a0}"))),
        ("zero-width spaces", Box::new(|t: &str| numbers(t, &|d| format!("\u{200b}{d}\u{200b}")))),
        (
            "件 after counts",
            Box::new(|t: &str| {
                numbers(t, &|d| if d == "0" { d.to_string() } else { format!("{d}件") })
            }),
        ),
        ("CRLF", Box::new(|t: &str| t.replace('\n', "\r\n"))),
        (
            "Traditional labels",
            Box::new(|t: &str| {
                t.replace("总计", "總計").replace("公开", "公開").replace("申请", "申請")
            }),
        ),
        ("the text twice", Box::new(|t: &str| format!("{t}\n{t}"))),
        (
            "thousands separators",
            Box::new(|t: &str| {
                numbers(t, &|d| {
                    let n = d.len();
                    let mut out = String::new();
                    for (i, c) in d.chars().enumerate() {
                        if i > 0 && (n - i).is_multiple_of(3) && !d.starts_with('0') {
                            out.push(',');
                        }
                        out.push(c);
                    }
                    out
                })
            }),
        ),
        (
            "a tab before and after every line",
            Box::new(|t: &str| {
                t.lines().map(|l| format!("\t{l}\t")).collect::<Vec<_>>().join("\n")
            }),
        ),
        ("empty paragraphs between lines", Box::new(|t: &str| t.replace('\n', "\n\n"))),
        ("a space between Chinese characters", Box::new(spaced_hanzi)),
        (
            "indented with ideographic spaces",
            Box::new(|t: &str| {
                t.lines().map(|l| format!("\u{3000}\u{3000}{l}")).collect::<Vec<_>>().join("\n")
            }),
        ),
    ]
}

#[test]
fn a_wrong_number_is_never_silent_however_the_text_is_written() {
    let mut failures = Vec::new();
    let mut runs = 0;
    for &(file, old, new) in REPORTS {
        let source = std::fs::read_to_string(fixture_path(file)).expect("fixture");
        assert!(source.contains(old), "{file}: {old}");
        let broken = source.replacen(old, new, 1);
        let published = check_text(&source).verdict();
        for (name, transform) in transformations() {
            runs += 1;
            let clean = check_text(&transform(&source));
            if clean.verdict() != published {
                failures.push(format!(
                    "{file} {name}: clean copy {:?}, published {published:?}\n{}",
                    clean.verdict(),
                    describe(&clean)
                ));
            }
            let checked = check_text(&transform(&broken));
            let on_row = checked.findings.iter().any(|f| {
                f.severity == gouji::Severity::Error
                    && f.cells.iter().any(|c| c.to_string().starts_with("t3/R3.7/"))
            });
            if checked.verdict() != Verdict::Fail || !on_row {
                failures.push(format!(
                    "{file} {name}: broken copy {:?}, error on （七）总计: {on_row}\n{}",
                    checked.verdict(),
                    describe(&checked)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {runs} variants:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Text hard-wrapped at a fixed width, as some viewers copy it.
fn wrapped(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            out.push(String::new());
        }
        for piece in chars.chunks(width) {
            out.push(piece.iter().collect::<String>());
        }
    }
    out.join("\n")
}

#[test]
fn a_glued_row_wrapped_inside_a_number_is_read_across_the_line_break() {
    // The crawled 平潭 pages are one line each; wrapped at 40 or 80 characters, a line break
    // falls inside a glued row's digits (`（七）总计2⏎1710000218`). Read as a cell boundary, it
    // made correct reports fail with "no split satisfies the row".
    let mut failures = Vec::new();
    for year in
        ["2019_平潭综合实验区_80576", "2022_平潭综合实验区_80629", "2024_平潭综合实验区_97791"]
    {
        let file = format!("reports/corpus/{year}_page.txt");
        let source = std::fs::read_to_string(fixture_path(&file)).expect("fixture");
        let published = check_text(&source).verdict();
        // The first digit of the 表三's （七）总计 row, changed.
        let row = source.find("（七）总计").expect("row");
        let at = row + source[row..].find(|c: char| c.is_ascii_digit()).expect("digit");
        let digit = source[at..].chars().next().expect("digit");
        let changed =
            char::from_digit((digit.to_digit(10).expect("digit") + 1) % 10, 10).expect("digit");
        let broken = format!("{}{changed}{}", &source[..at], &source[at + 1..]);
        for width in [40, 80] {
            let clean = check_text(&wrapped(&source, width));
            if clean.verdict() != published {
                failures.push(format!(
                    "{year} at {width}: {:?}\n{}",
                    clean.verdict(),
                    describe(&clean)
                ));
            }
            let checked = check_text(&wrapped(&broken, width));
            if checked.verdict() != Verdict::Fail {
                failures.push(format!("{year} at {width}, broken: {:?}", checked.verdict()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Inserts a space between neighbouring Chinese characters, as PDF text often gives them.
fn spaced_hanzi(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut previous = false;
    for c in text.chars() {
        let hanzi = ('\u{4e00}'..='\u{9fff}').contains(&c);
        if hanzi && previous {
            out.push(' ');
        }
        out.push(c);
        previous = hanzi;
    }
    out
}

#[test]
fn a_header_word_printed_with_spaces_does_not_cut_table_four_short() {
    // The PDF's text puts 表四's last 总计 and its number after the other fourteen numbers.
    // With the header word written `总 计`, the reader stopped before it and read fourteen
    // numbers in fifteen cells: every placement of the blank broke a sum, and the correct
    // report got an error claiming the table was wrong whatever the digits meant.
    let source =
        std::fs::read_to_string(fixture_path("reports/pdf-text/hzq2024_working.raw.txt")).unwrap();
    for text in [source.clone(), spaced_hanzi(&source)] {
        let checked = check_text(&text);
        let t4: Vec<_> = checked
            .checks
            .iter()
            .filter(|c| c.identity.rule.to_string().starts_with("T4"))
            .map(|c| c.outcome)
            .collect();
        assert_eq!(t4.len(), 3, "{}", describe(&checked));
        assert!(
            t4.iter().all(|&o| o == gouji::rules::Outcome::Passed),
            "{t4:?}\n{}",
            describe(&checked)
        );
        assert_eq!(int(&checked, "t4/LR/tot"), Some(3));
    }
}

#[test]
fn a_table_whose_labels_are_in_the_text_is_unread_not_missing() {
    // `pdftotext` without -layout: 表三's labels in one place, its numbers in another.
    let checked = check_file("reports/pdf-text/hzq2024_working.raw.txt");
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
    assert!(!checked.findings.iter().any(|f| f.rule == "STR-SHAPE"));
    assert!(checked.gaps().iter().any(|g| g.starts_with("表三 未能读取")), "{:?}", checked.gaps());
    // The same report without 表三 at all is missing it: an error.
    let source =
        std::fs::read_to_string(fixture_path("reports/pdf-text/hzq2024_working.layout.txt"))
            .unwrap();
    let start = source.find("三、收到和处理").unwrap();
    let end = source.find("四、政府信息公开行政复议").unwrap();
    let without = format!("{}{}", &source[..start], &source[end..]);
    let checked = check_text(&without);
    assert_eq!(checked.verdict(), Verdict::Fail, "{}", describe(&checked));
    assert!(checked.findings.iter().any(|f| f.rule == "STR-SHAPE"));
}
