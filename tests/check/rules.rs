//! Rule fixtures (`tests/fixtures/rules/<RULE>/{valid,invalid}-*` and what each invalid one
//! must say, `tests/fixtures/rules.expected.tsv`, both written by `tools/gen_rule_fixtures.py`)
//! and the registry's promises.

use gouji::Severity;
use gouji::rules::{RULES, RuleId, rule};

use crate::robustness::assert_well_formed;
use crate::support::{check_file, describe, fixture_path};

/// What each invalid fixture must say, written by the generator beside the fixtures: one
/// line per finding, `case/file<TAB>check id<TAB>first cell<TAB>expected<TAB>found` (`-` for
/// none; `#` starts a comment). The check id is the finding's own or one it explains
/// (`Finding::also`).
const EXPECTATIONS: &str = "rules.expected.tsv";

/// A finding as the expectations file spells it.
fn expectation_line(file: &str, f: &gouji::Finding, id: &str) -> String {
    let or_dash = |text: Option<String>| text.unwrap_or_else(|| "-".to_string());
    format!(
        "{file}\t{id}\t{}\t{}\t{}",
        or_dash(f.cells.first().map(ToString::to_string)),
        or_dash(f.expected.map(|n| n.to_string())),
        or_dash(f.found.map(|n| n.to_string())),
    )
}

#[test]
fn every_fixture_behaves_as_labelled() {
    let root = fixture_path("rules");
    let expected = std::fs::read_to_string(fixture_path(EXPECTATIONS)).expect("expectations");
    let mut unmet: Vec<&str> =
        expected.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).expect("rules dir").map(|e| e.expect("entry").path()).collect();
    dirs.sort();
    let mut invalid_seen = Vec::new();
    let mut wrong = Vec::new();
    for dir in dirs {
        let rule_id = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        let family = RuleId::from_id(&rule_id)
            .unwrap_or_else(|| panic!("fixture folder {rule_id} is not a registered rule"));
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).expect("name").to_string();
            // A folder holds reports checked together (the rules across reports).
            let mut members = vec![format!("{rule_id}/{name}")];
            if file.is_dir() {
                members = std::fs::read_dir(&file)
                    .expect("dir")
                    .map(|e| {
                        let inner = e.expect("entry").file_name().to_string_lossy().to_string();
                        format!("{rule_id}/{name}/{inner}")
                    })
                    .collect();
                members.sort();
            }
            let mut all: Vec<gouji::Checked> =
                members.iter().map(|m| check_file(&format!("rules/{m}"))).collect();
            gouji::cross::apply(&mut all);
            all.iter().for_each(assert_well_formed);
            let findings = || all.iter().flat_map(|c| &c.findings);
            let hits = findings().filter(|f| f.concerns(family)).count();
            let described = all.iter().map(describe).collect::<Vec<_>>().join("\n");
            if name.starts_with("valid") {
                assert_eq!(hits, 0, "{rule_id}/{name} should not trigger it\n{described}");
                let errors = findings().filter(|f| f.severity == Severity::Error).count();
                assert_eq!(errors, 0, "{rule_id}/{name} should have no error\n{described}");
                continue;
            }
            assert!(name.starts_with("invalid"), "{name}: fixtures are valid-* or invalid-*");
            assert!(hits > 0, "{rule_id}/{name} should trigger it\n{described}");
            invalid_seen.push(rule_id.clone());
            // Every finding of the rule, each under every check id it stands for.
            let mut said = Vec::new();
            for (member, checked) in members.iter().zip(&all) {
                for f in checked.findings.iter().filter(|f| f.concerns(family)) {
                    for id in std::iter::once(&f.rule).chain(&f.also) {
                        if rule(id).is_some_and(|r| r.id == rule_id) {
                            said.push(expectation_line(member, f, id));
                        }
                    }
                }
            }
            let case = format!("{rule_id}/{name}");
            let wanted: Vec<&str> = unmet
                .iter()
                .copied()
                .filter(|l| {
                    let file = l.split('\t').next().unwrap_or_default();
                    file.strip_prefix(case.as_str())
                        .is_some_and(|r| r.is_empty() || r.starts_with('/'))
                })
                .collect();
            if wanted.is_empty() {
                wrong.push(format!(
                    "{case}: no line in the expectations; it says:\n{}",
                    said.join("\n")
                ));
            }
            for line in &wanted {
                if !said.iter().any(|s| s == line) {
                    wrong.push(format!(
                        "{case} does not say\n{line}\nit says:\n{}",
                        said.join("\n")
                    ));
                }
            }
            unmet.retain(|l| !wanted.contains(l));
        }
    }
    assert!(wrong.is_empty(), "tests/fixtures/{EXPECTATIONS}:\n{}", wrong.join("\n\n"));
    assert!(unmet.is_empty(), "expectations of no fixture: {unmet:?}");
    for rule in RULES {
        assert!(
            invalid_seen.iter().any(|id| id == rule.id),
            "rule {} has no invalid fixture",
            rule.id
        );
    }
}

#[test]
fn severities_match_the_registry_and_docs_are_complete() {
    for rule in RULES {
        assert!(!rule.title.is_empty() && rule.doc.len() > 100, "{} is undocumented", rule.id);
        assert!(
            rule.id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            rule.id
        );
    }
}

/// `docs/rules.md` and `src/rules/examples.rs` are what `cargo xtask docs` writes from the
/// registry and the fixtures now: building them runs every example's failing fixture.
#[test]
fn rule_docs_and_examples_are_fresh() {
    let root = fixture_path("rules");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).expect("rules dir") {
        let dir = dir.expect("entry").path();
        let rule_id = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        for file in std::fs::read_dir(&dir).expect("dir") {
            let file = file.expect("entry").path();
            let name = file.file_name().and_then(|n| n.to_str()).expect("name").to_string();
            if file.is_dir() {
                for inner in std::fs::read_dir(&file).expect("dir") {
                    let inner = inner.expect("entry").path();
                    let inner_name = inner.file_name().and_then(|n| n.to_str()).expect("name");
                    files.push((
                        rule_id.clone(),
                        format!("{name}/{inner_name}"),
                        std::fs::read(&inner).expect("read"),
                    ));
                }
                continue;
            }
            files.push((rule_id.clone(), name, std::fs::read(&file).expect("read")));
        }
    }
    files.sort();
    let examples = gouji::rules::docs::examples(&files);
    for rule in RULES {
        let example = examples.iter().find(|e| e.rule == rule.id);
        let example = example.unwrap_or_else(|| panic!("rule {} has no example", rule.id));
        assert!(
            example.message.contains(rule.id) || example.message.contains(&format!("{}-", rule.id)),
            "the example of {} does not trigger it: {:?}",
            rule.id,
            example.message
        );
        assert!(example.valid_file.contains("/valid-"), "{}", example.valid_file);
        let shipped = gouji::rules::docs::example(rule.id).expect("shipped example");
        assert_eq!(
            shipped.message, example.message,
            "src/rules/examples.rs is stale: run `cargo xtask docs`"
        );
        assert_eq!(
            shipped.invalid, example.invalid,
            "src/rules/examples.rs is stale: run `cargo xtask docs`"
        );
        assert_eq!(
            shipped.valid, example.valid,
            "src/rules/examples.rs is stale: run `cargo xtask docs`"
        );
    }
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(repo.join("src/rules/examples.rs")).expect("examples.rs");
    assert!(
        source == gouji::rules::docs::examples_source(&examples),
        "src/rules/examples.rs is stale: run `cargo xtask docs`"
    );
    let markdown = std::fs::read_to_string(repo.join("docs/rules.md")).expect("docs/rules.md");
    assert!(
        markdown == gouji::rules::docs::markdown(&examples),
        "docs/rules.md is stale: run `cargo xtask docs`"
    );
}
