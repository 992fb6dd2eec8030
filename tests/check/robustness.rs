//! Hostile input: garbage, binary files, other encodings, huge text. Never a panic; always a
//! well-formed result with a Chinese message.

use gouji::model::{CellRef, Table};
use gouji::normalize::normalize;
use gouji::rules::rule;
use gouji::{Checked, Input, check};
use proptest::prelude::*;

use crate::support::{check_file, check_text, describe, errors, int};

/// Every finding is registered with its severity; every cell it names exists.
pub(crate) fn assert_well_formed(checked: &Checked) {
    for finding in &checked.findings {
        let registered =
            rule(&finding.rule).unwrap_or_else(|| panic!("unregistered rule {}", finding.rule));
        assert_eq!(registered.id, finding.family.id(), "{}", finding.rule);
        assert_eq!(registered.severity, finding.severity, "{}", finding.rule);
        assert!(!finding.message.is_empty(), "{} has no message", finding.rule);
        for cell in &finding.cells {
            assert!(
                checked.report.cell(*cell).is_some(),
                "{} names {cell}, which is not in the report",
                finding.rule
            );
        }
        if let (Some(expected), Some(found)) = (finding.expected, finding.found) {
            assert_ne!(expected, found, "{} reports equal expected and found", finding.rule);
        }
    }
    let text_len = checked.source.as_ref().map_or(0, |s| s.text.len());
    for table in &checked.report.tables {
        assert!(table.range.as_ref().is_some_and(|r| r.end() <= text_len));
        for cell in &table.cells {
            if let Some(range) = &cell.range {
                assert!(
                    range.start() <= range.end() && range.end() <= text_len,
                    "{} range out of bounds",
                    cell.addr
                );
                let source = &checked.source.as_ref().expect("source").text;
                assert!(
                    source.is_char_boundary(range.start()) && source.is_char_boundary(range.end())
                );
            }
        }
    }
}

#[test]
fn binary_files_get_a_message_not_a_panic() {
    let cases: &[(&[u8], &str)] = &[
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04\x14\x00word/document.xml", "Word"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", ".doc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "图片"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80", "程序"),
        (b"", "为空"),
    ];
    for (bytes, word) in cases {
        let checked = check(&Input { bytes, name: Some("x.bin") });
        assert!(checked.unreadable.is_some(), "{word}");
        assert_eq!(checked.findings.len(), 1);
        assert_eq!(checked.findings[0].rule, "INPUT-UNREADABLE");
        assert!(checked.findings[0].message.contains(word), "{}", checked.findings[0].message);
        assert!(checked.tables_line().starts_with("无法读取"));
    }
}

#[test]
fn gbk_and_utf16_files_read_like_utf8() {
    let utf8 = check_file("reports/seed/zhangdian-yingji-2023.txt");
    for file in
        ["reports/encodings/zhangdian.gb18030.txt", "reports/encodings/zhangdian.utf16le-bom.txt"]
    {
        let other = check_file(file);
        assert_eq!(other.findings, utf8.findings, "{file}\n{}", describe(&other));
        for cell in utf8.report.tables.iter().flat_map(|t: &Table| &t.cells) {
            assert_eq!(
                other.report.cell(cell.addr).map(|c| &c.value),
                Some(&cell.value),
                "{file}: {}",
                cell.addr
            );
        }
    }
    let html = check_file("reports/encodings/shuyang-fgj.gbk.html");
    assert!(errors(&html).is_empty(), "{}", describe(&html));
    assert_eq!(int(&html, "t3/R1/TOT"), Some(26));
}

#[test]
fn huge_input_stays_bounded() {
    // 5 MB: the sample 400 times. The first report is checked, within 8 times the input's
    // memory; what is past the tokens read is said to be unread.
    let text = gouji::SAMPLE_REPORT.repeat(400);
    let (checked, peak) = crate::bounds::peak_memory(|| check_text(&text));
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
    assert!(peak <= 8 * text.len(), "{peak} bytes for {}", text.len());
    assert_eq!(int(&checked, "t3/R1/TOT"), int(&check_text(gouji::SAMPLE_REPORT), "t3/R1/TOT"));
    assert!(checked.findings.iter().any(|f| f.rule == "INPUT-TRUNCATED"), "{}", describe(&checked));
    // 10 MB of digits in two cells: one token each, no split tried past what is bounded.
    let digits = "1234567890".repeat(500_000);
    let text = format!("一、本年新收政府信息公开申请数量{digits}二、上年结转{digits}");
    let (checked, peak) = crate::bounds::peak_memory(|| check_text(&text));
    assert_well_formed(&checked);
    assert!(peak <= 8 * text.len(), "{peak} bytes for {}", text.len());
}

#[test]
fn pdf_text_copied_in_reading_order_is_not_misread() {
    // `pdftotext` without -layout puts 表三's numbers column by column. The engine must not
    // claim errors it cannot know about.
    for file in ["hzq2024_working.raw.txt", "szfgs2024.raw.txt"] {
        let checked = check_file(&format!("reports/pdf-text/{file}"));
        assert_well_formed(&checked);
        let t3_errors: Vec<_> =
            errors(&checked).into_iter().filter(|f| f.rule.starts_with("T3-")).collect();
        assert!(t3_errors.is_empty(), "{file}\n{}", describe(&checked));
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、本年新收政府信息公开申请数量".to_string()),
        Just("二、上年结转政府信息公开申请数量".to_string()),
        Just("（七）总计".to_string()),
        Just("四、结转下年度继续办理".to_string()),
        Just("行政复议".to_string()),
        Just("结果维持".to_string()),
        Just("第二十条第（一）项".to_string()),
        Just("规章".to_string()),
        Just("3.其他".to_string()),
        Just(" | ".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("|\n".to_string()),
        Just("<td rowspan=3>".to_string()),
        Just("區(qū)".to_string()),
        Just("—".to_string()),
        "[0-9]{1,12}",
        "[ -~]{0,6}",
        "\\PC{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let checked = check(&Input { bytes: &bytes, name: None });
        assert_well_formed(&checked);
    }

    #[test]
    fn table_like_garbage_never_panics(parts in proptest::collection::vec(fragment(), 0..120)) {
        let text: String = parts.concat();
        assert_well_formed(&check_text(&text));
        let html = format!("<table><tr><td>{}</td></tr></table>", parts.join("</td><td>"));
        assert_well_formed(&check_text(&html));
    }

    #[test]
    fn normalizing_is_idempotent_and_maps_back(text in "\\PC{0,200}") {
        let once = normalize(&text);
        let twice = normalize(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert!(!once.text.chars().any(|c| ('０'..='９').contains(&c) || c == '\r' || c == '\u{200B}'), "normalized text keeps a character it must drop");
        let mut last = 0;
        for (at, ch) in once.text.char_indices() {
            let span = once.map.span(at..at + ch.len_utf8());
            prop_assert!(span.start >= last && span.end <= text.len() && span.start <= span.end);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            last = span.start;
        }
    }
}

#[test]
fn cell_addresses_round_trip_through_the_report() {
    let checked = check_file("reports/seed/zhangdian-yingji-2023.txt");
    for cell in checked.report.tables.iter().flat_map(|t| &t.cells) {
        assert_eq!(CellRef::parse(&cell.addr.to_string()), Some(cell.addr));
    }
}

#[test]
fn one_bad_byte_does_not_reject_a_report() {
    // The seed with one \xff inserted, with a character cut in two, with a stray NUL: read as an
    // editor reads it, the bad bytes as “�”, and said where; everything else as before.
    let seed = gouji::SAMPLE_REPORT.as_bytes();
    let clean = check_text(gouji::SAMPLE_REPORT);
    // The first character of three bytes at or after byte 6000.
    let at = (6000..seed.len()).find(|&k| seed[k] >= 0xE0).expect("a CJK character");
    let line = gouji::SAMPLE_REPORT[..at].matches('\n').count() + 1;
    let cases: [(&str, Vec<u8>); 3] = [
        ("\\xff", [&seed[..at], b"\xff", &seed[at..]].concat()),
        ("cut", [&seed[..=at], &seed[at + 3..]].concat()),
        ("NUL", [&seed[..at], b"\0", &seed[at..]].concat()),
    ];
    for (case, bytes) in cases {
        let checked = check(&Input { bytes: &bytes, name: Some("report.txt") });
        assert!(checked.unreadable.is_none(), "{case}: {}", describe(&checked));
        assert_well_formed(&checked);
        let decode: Vec<_> = checked.findings.iter().filter(|f| f.rule == "INPUT-DECODE").collect();
        assert_eq!(decode.len(), 1, "{case}: {}", describe(&checked));
        assert!(decode[0].message.contains("1 处"), "{case}: {}", decode[0].message);
        assert!(decode[0].message.contains(&format!("第 {line} 行")), "{}", decode[0].message);
        let others: Vec<_> = checked.findings.iter().filter(|f| f.rule != "INPUT-DECODE").collect();
        let rules = |fs: &[&gouji::Finding]| fs.iter().map(|f| f.rule.clone()).collect::<Vec<_>>();
        assert_eq!(rules(&others), rules(&clean.findings.iter().collect::<Vec<_>>()), "{case}");
        let text = &checked.source.as_ref().expect("read").text;
        assert_eq!(text.matches('\u{FFFD}').count(), 1, "{case}");
    }
    // Real binary files stay refused.
    let noise: Vec<u8> =
        (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert!(check(&Input { bytes: &noise, name: None }).unreadable.is_some());
    let mut image = b"\x89PNG\r\n\x1a\n".to_vec();
    image.extend_from_slice(seed);
    assert!(check(&Input { bytes: &image, name: None }).unreadable.is_some());
}

/// The VAL-TEXT fixture's consistent report with the 过程性信息 row's 自然人 cell replaced, in
/// its pipe layout and as tab-separated rows (a browser copy).
fn with_cell(value: &str) -> [String; 2] {
    let base = std::fs::read_to_string(crate::support::fixture_path(
        "rules/VAL-TEXT/valid-consistent-report.md",
    ))
    .expect("fixture");
    let row = "| 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
    assert!(base.contains(row));
    let piped =
        base.replace(row, &format!("| 6.属于四类过程性信息 | {value} | 0 | 0 | 0 | 0 | 0 | 1 |"));
    let tabbed = piped.replace(" | ", "\t").replace("| ", "").replace(" |", "");
    [piped, tabbed]
}

#[test]
fn junk_in_a_value_cell_is_text_not_its_first_digits() {
    let addr = CellRef::parse("t3/R3.3.6/NP").expect("address");
    // `1e5` was read as 1, `0x1` as 0, and the sums checked with them.
    for junk in ["1e5", "1%", "1…", "0x1", "1.", "1.2.3", "3)"] {
        for text in with_cell(junk) {
            let checked = check_text(&text);
            assert_well_formed(&checked);
            let value = &checked.report.cell(addr).expect("cell").value;
            assert_eq!(value, &gouji::model::Value::Text(junk.to_string()), "{junk}");
            assert!(checked.findings.iter().any(|f| f.rule == "VAL-TEXT"), "{junk}");
            // Its sums cannot run: neither passed nor failed on a made-up value.
            for check in checked.checks.iter().filter(|c| c.identity.involves(addr)) {
                assert_eq!(
                    check.outcome,
                    gouji::Outcome::CannotRun,
                    "{junk}: {}",
                    check.identity.id()
                );
            }
            assert!(errors(&checked).is_empty(), "{junk}: {}", describe(&checked));
        }
    }
    // The forms real reports write stay numbers.
    for (written, value) in [
        ("1", "1"),
        ("1.0", "1.0"),
        ("1,000", "1000"),
        ("1件", "1"),
        ("3万元", "3"),
        ("984361元", "984361"),
        ("-185", "-185"),
        ("12.5", "12.5"),
    ] {
        for text in with_cell(written) {
            let checked = check_text(&text);
            let cell = checked.report.cell(addr).expect("cell");
            assert_eq!(
                cell.value.number().map(|n| n.to_string()).as_deref(),
                Some(value),
                "{written}"
            );
        }
    }
}

#[test]
fn messages_quote_at_most_forty_characters() {
    // A 23-digit number was told 应填数字; a 5 000-digit cell was echoed whole.
    for (digits, count) in [("12345678901234567890123", 23), (&"9".repeat(5000)[..], 5000)] {
        for text in with_cell(digits) {
            let checked = check_text(&text);
            let val = checked.findings.iter().find(|f| f.rule == "VAL-TEXT").expect("VAL-TEXT");
            assert!(val.message.contains(&format!("有 {count} 位")), "{}", val.message);
            assert!(!val.message.contains("应填数字"), "{}", val.message);
            for finding in &checked.findings {
                assert!(finding.message.chars().count() < 300, "{}", finding.message);
                for quoted in finding.message.split('“').skip(1) {
                    let inner = quoted.split('”').next().unwrap_or_default();
                    assert!(inner.chars().count() <= 41, "{}: {}", finding.rule, finding.message);
                }
            }
        }
    }
    assert_eq!(gouji::rules::clip_quotes("“1234”"), "“1234”");
    let long = format!("值“{}”有误", "字".repeat(50));
    assert_eq!(gouji::rules::clip_quotes(&long), format!("值“{}…”有误", "字".repeat(40)));
}
