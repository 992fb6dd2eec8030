//! Reviewer decisions: fingerprints are stable across re-checks and unrelated edits, change
//! with the numbers of the finding, and are unique within a report; decisions travel in a file.

use std::collections::BTreeSet;

use gouji::review::{Decision, Decisions, Status};

use crate::support::{check_text, fixture_path};

fn kewei() -> String {
    std::fs::read_to_string(fixture_path("reports/corpus/kewei-2024-source.md")).expect("kewei")
}

fn fingerprints(checked: &gouji::Checked) -> Vec<(String, String)> {
    checked.findings.iter().map(|f| (f.rule.clone(), f.fingerprint.clone())).collect()
}

#[test]
fn fingerprints_survive_a_recheck_and_unrelated_edits() {
    let text = kewei();
    let first = check_text(&text);
    assert!(first.findings.iter().any(|f| f.rule.starts_with("T3-")), "kewei has 表三 findings");
    assert_eq!(fingerprints(&first), fingerprints(&check_text(&text)));
    // A paragraph added before the tables and spaces changed in the narrative move every span
    // but change no problem.
    let edited = text.replacen('\n', "\n\n（本报告经单位负责人审核。）\n\n", 1);
    let edited = check_text(&edited);
    let table_findings = |c: &gouji::Checked| -> BTreeSet<(String, String)> {
        c.findings
            .iter()
            .filter(|f| !f.cells.is_empty())
            .map(|f| (f.rule.clone(), f.fingerprint.clone()))
            .collect()
    };
    assert_eq!(table_findings(&first), table_findings(&edited));
}

#[test]
fn fingerprints_are_unique_and_follow_the_numbers() {
    let seed = check_text(gouji::SAMPLE_REPORT);
    let mut seen = BTreeSet::new();
    for finding in &seed.findings {
        assert!(
            finding.fingerprint.len() >= 16
                && finding.fingerprint[..16].chars().all(|c| c.is_ascii_hexdigit()),
            "{}",
            finding.fingerprint
        );
        assert!(seen.insert(finding.fingerprint.clone()), "{} repeats", finding.fingerprint);
    }
    // kewei 2024: 总计·结转下年度 is blank; writing a wrong number there instead gives a
    // different problem, so a decision about the old one must not carry over.
    let text = kewei();
    let before = check_text(&text);
    let bal = |c: &gouji::Checked| {
        c.findings
            .iter()
            .find(|f| f.concerns(gouji::rules::RuleId::T3Bal))
            .map(|f| (f.rule.clone(), f.fingerprint.clone()))
    };
    let (rule, old) = bal(&before).expect("kewei breaks a balance");
    let line = "| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |";
    assert!(text.contains(line));
    let changed = text.replace(line, "| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 7 |");
    let after = check_text(&changed);
    let new = after.findings.iter().find(|f| f.rule == rule).map(|f| f.fingerprint.clone());
    assert_ne!(new.as_deref(), Some(old.as_str()), "{}", crate::support::describe(&after));
}

#[test]
fn decisions_apply_by_fingerprint_and_go_stale_when_the_problem_is_fixed() {
    let text = kewei();
    let checked = check_text(&text);
    let target =
        checked.findings.iter().find(|f| f.rule.starts_with("T3-")).expect("a 表三 finding");
    let mut decisions = Decisions::for_report(&checked);
    decisions.set(Decision::new(
        target,
        Status::Verified,
        " 已电话核实：结转下年度应为 1 ",
        "2027-01-20",
    ));
    let file = decisions.to_json();
    let read = Decisions::from_json(&file).expect("reads back");
    assert_eq!(read.decisions[0].reason, "已电话核实：结转下年度应为 1");
    let again = check_text(&text);
    let found = again.findings.iter().filter(|f| read.get(f).is_some()).collect::<Vec<_>>();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, target.rule);
    assert!(read.stale(&again).is_empty());
    assert_eq!(
        read.stale(&check_text(gouji::SAMPLE_REPORT)).len(),
        1,
        "another report: nothing applies"
    );
}

/// The decisions file the page exports (`<报告>.gouji.json`), byte for byte against
/// `tests/golden/decisions.gouji.json`: written by the hand-written writer before serde
/// replaced it (issue 12). `GOUJI_BLESS=1` rewrites it.
#[test]
fn the_decisions_file_is_byte_identical_to_the_golden_file() {
    let checked = check_text(&kewei());
    let mut decisions = Decisions::for_report(&checked);
    for (k, finding) in checked.findings.iter().take(3).enumerate() {
        let reason = [
            "已与单位核实：\"原表\"无误\n见附件\t第 2 页",
            "",
            "控制\u{1}\u{8}\u{c}分隔\u{2028}\u{2029}😀\\",
        ][k];
        let status = if k == 1 { Status::Ignored } else { Status::Verified };
        decisions.set(Decision::new(finding, status, reason, "2027-01-20T08:00:00Z"));
    }
    assert_eq!(decisions.decisions.len(), 3);
    let empty = Decisions::default().to_json();
    let text = format!("{}{empty}", decisions.to_json());
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/decisions.gouji.json");
    if std::env::var_os("GOUJI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("golden folder");
        std::fs::write(&path, &text).expect("write golden");
    }
    assert_eq!(std::fs::read_to_string(&path).expect("golden file"), text);
}
