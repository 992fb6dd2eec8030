//! The JSON at the edges (`gouji::dto`): every `Checked` serializes to JSON that `serde_json`
//! reads back to an equal DTO, over the corpus and generated reports; decisions files read
//! back as written; CONTRACT.md's example is a valid contract object.

use gouji::dto::{self, Num, Report};
use gouji::export::{Entry, json};
use gouji::review::{Decision, Decisions, Status};
use proptest::prelude::*;

use crate::layouts::{LAYOUTS, render, tables_strategy};
use crate::support::{check_text, fixture_path};

/// Every report file of the fixtures (the corpus's texts, pages, PDFs, encodings; the rule
/// fixtures), with its bytes.
fn fixture_files() -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> =
            std::fs::read_dir(dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&fixture_path("reports"), &mut paths);
    walk(&fixture_path("rules"), &mut paths);
    paths
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("fixture")))
        .collect()
}

/// The contract object of `checked` written and read back: equal, and one line.
fn round_trip(file: &str, checked: &gouji::Checked, decisions: &Decisions) -> Report {
    let entry = Entry { file, checked, decisions };
    let report = Report::new(&entry);
    let line = json(&entry);
    assert!(!line.contains('\n'), "{file}: one line");
    let back: Report = serde_json::from_str(&line).expect("serde_json reads the contract object");
    assert_eq!(back, report, "{file}");
    // And what serde_json's own writer makes of it reads the same (escapes aside).
    let plain = serde_json::to_string(&report).expect("serde_json writes it");
    let value: serde_json::Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(value, serde_json::from_str::<serde_json::Value>(&plain).expect("JSON"), "{file}");
    report
}

#[test]
fn every_corpus_report_reads_back_to_an_equal_dto() {
    let files = fixture_files();
    assert!(files.len() > 150, "{} fixture files", files.len());
    for (file, bytes) in &files {
        let checked = gouji::check(&gouji::Input { bytes, name: Some(file) });
        // With decisions: one about each of its first two findings, and a stale one.
        let mut decisions = Decisions::for_report(&checked);
        for (k, finding) in checked.findings.iter().take(2).enumerate() {
            let status = if k == 0 { Status::Verified } else { Status::Ignored };
            decisions.set(Decision::new(finding, status, "已核实\u{2028}\"原表\"", "2027-01-20"));
        }
        decisions.set(Decision {
            fingerprint: "0000000000000000".into(),
            rule: "T3-OUT-NP".into(),
            status: Status::Ignored,
            reason: String::new(),
            message: String::new(),
            decided_at: String::new(),
        });
        round_trip(file, &checked, &Decisions::default());
        let report = round_trip(file, &checked, &decisions);
        assert_eq!(report.stale_decisions.map(|s| s.len()), Some(1), "{file}");
        let text = decisions.to_json();
        assert_eq!(Decisions::from_json(&text), Ok(decisions), "{file}");
    }
    let io = Report::io_error("不存在\".txt", "无法打开文件");
    let back: Report = dto::parse(&dto::line(&io)).expect("reads back");
    assert_eq!(back, io);
}

/// CONTRACT.md's example (its `…` placeholders and all) is a contract object; and so is the
/// example in `../shared/spec/CONTRACT.md` itself, when it is there.
#[test]
fn the_contract_example_is_a_valid_contract_object() {
    const EXAMPLE: &str = r#"{"file": "report.txt",
 "template": "2021",
 "year": 2023,
 "verdict": "fail",
 "cells": {"t3/R1/NP": 1, "t3/R1/CE": 0, "t3/R3.3.1/NP": null, "...": 0},
 "findings": [
   {"rule": "…", "severity": "error", "cells": ["t3/R3.7/TOT", "t3/R3.7/NP"],
    "message": "…", "expected": 5, "found": 6, "hint": "…"}
 ]}"#;
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/CONTRACT.md");
    let mut examples = vec![EXAMPLE.to_string()];
    if let Ok(text) = std::fs::read_to_string(spec) {
        let block = text.split("```json\n").nth(1).and_then(|rest| rest.split("```").next());
        examples.push(block.expect("CONTRACT.md has a json example").to_string());
    }
    for example in examples {
        let report: Report = dto::parse(&example).unwrap_or_else(|e| panic!("{e}\n{example}"));
        assert_eq!(report.year, Some(2023));
        assert_eq!(report.verdict, dto::Verdict::Fail);
        assert_eq!(report.cells.get("t3/R3.3.1/NP"), Some(&None));
        assert_eq!(report.findings[0].expected.map(|n| n.0), Some(gouji::model::Number::int(5)));
        assert_eq!(report.findings[0].severity, dto::Severity::Error);
    }
    // What the contract forbids is refused.
    for bad in [
        r#"{"file": "a", "template": "2020", "year": 2023, "verdict": "fail", "cells": {}, "findings": []}"#,
        r#"{"file": "a", "template": "2021", "year": 02023, "verdict": "fail", "cells": {}, "findings": []}"#,
        r#"{"file": "a", "template": "2021", "year": 2023, "verdict": "passed", "cells": {}, "findings": []}"#,
        r#"{"file": "a", "template": "2021", "year": 2023, "verdict": "pass", "cells": {"x": "1"}, "findings": []}"#,
        r#"{"file": "a", "template": "2021", "year": 2023, "verdict": "pass", "cells": {"x": 1, "x": 2}, "findings": []}"#,
        r#"{"file": "a", "template": "2021", "year": 2023, "verdict": "pass", "cells": {}}"#,
    ] {
        assert!(dto::parse::<Report>(bad).is_err(), "{bad}");
    }
}

#[test]
fn numbers_are_json_numbers_of_the_same_value() {
    let num = |text: &str| dto::line(&Num(gouji::model::Number::parse(text).expect(text)));
    assert_eq!(num("12"), "12");
    assert_eq!(num("-185"), "-185");
    assert_eq!(num("7730.28"), "7730.28");
    assert_eq!(num("32.0"), "32.0");
    assert_eq!(num("12.50"), "12.5");
    assert_eq!(num("0.000001"), "1e-6");
    assert_eq!(num("999999999999999"), "999999999999999");
    assert_eq!(num("99999999999.9999"), "99999999999.9999");
    for text in ["12", "7730.28", "32.0", "0.000001", "99999999999.9999", "-0.5"] {
        let n = gouji::model::Number::parse(text).expect(text);
        assert_eq!(dto::parse::<Num>(&dto::line(&Num(n))), Ok(Num(n)), "{text}");
    }
    assert!(dto::parse::<Num>("1234567890123456").is_err(), "more than 15 digits");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Generated reports in every layout, with one cell changed (errors, diagnoses) or not.
    #[test]
    fn generated_reports_read_back_to_an_equal_dto(
        tables in tables_strategy(),
        layout in prop::sample::select(LAYOUTS.to_vec()),
        change in proptest::option::of((0usize..23, 0usize..6, 1i64..40)),
    ) {
        let mut tables = tables;
        if let Some((row, col, delta)) = change {
            tables.t3[row][col] += delta;
        }
        let text = render(&tables, layout);
        let checked = check_text(&text);
        round_trip("generated.txt", &checked, &Decisions::default());
    }

    /// A decisions file with any text in it reads back as written.
    #[test]
    fn decisions_files_read_back_as_written(
        agency in proptest::option::of(any::<String>()),
        year in proptest::option::of(any::<i32>()),
        items in proptest::collection::vec((any::<String>(), any::<bool>(), any::<String>(), any::<String>()), 0..4),
    ) {
        let mut decisions = Decisions { agency, year, decisions: Vec::new() };
        for (k, (reason, verified, message, at)) in items.into_iter().enumerate() {
            decisions.set(Decision {
                fingerprint: format!("{k:016x}"),
                rule: "T3-ROW-R1".into(),
                status: if verified { Status::Verified } else { Status::Ignored },
                reason,
                message,
                decided_at: at,
            });
        }
        let text = decisions.to_json();
        prop_assert_eq!(Decisions::from_json(&text), Ok(decisions));
    }
}
