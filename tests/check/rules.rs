//! Rule fixtures (`tests/fixtures/rules/<RULE>/{valid,invalid}-*`, written by
//! `tools/gen_rule_fixtures.py`) and the registry's promises.

use gouji::Severity;
use gouji::rules::{RULES, RuleId, rule};

use crate::robustness::assert_well_formed;
use crate::support::{check_file, describe, fixture_path};

#[test]
fn every_fixture_behaves_as_labelled() {
    let root = fixture_path("rules");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).expect("rules dir").map(|e| e.expect("entry").path()).collect();
    dirs.sort();
    let mut invalid_seen = Vec::new();
    for dir in dirs {
        let rule_id = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        assert!(
            rule(&rule_id).is_some_and(|r| r.id == rule_id),
            "fixture folder {rule_id} is not a registered rule"
        );
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).expect("name").to_string();
            // A folder holds reports checked together (the rules across reports).
            let mut members = vec![format!("rules/{rule_id}/{name}")];
            if file.is_dir() {
                members = std::fs::read_dir(&file)
                    .expect("dir")
                    .map(|e| {
                        let inner = e.expect("entry").file_name().to_string_lossy().to_string();
                        format!("rules/{rule_id}/{name}/{inner}")
                    })
                    .collect();
                members.sort();
            }
            let mut all: Vec<gouji::Checked> = members.iter().map(|m| check_file(m)).collect();
            gouji::cross::apply(&mut all);
            all.iter().for_each(assert_well_formed);
            let findings = || all.iter().flat_map(|c| &c.findings);
            let family = RuleId::from_id(&rule_id).expect("a registered rule");
            let hits = findings().filter(|f| f.concerns(family)).count();
            let described = all.iter().map(describe).collect::<Vec<_>>().join("\n");
            if name.starts_with("valid") {
                assert_eq!(hits, 0, "{rule_id}/{name} should not trigger it\n{described}");
                let errors = findings().filter(|f| f.severity == Severity::Error).count();
                assert_eq!(errors, 0, "{rule_id}/{name} should have no error\n{described}");
            } else {
                assert!(name.starts_with("invalid"), "{name}: fixtures are valid-* or invalid-*");
                assert!(hits > 0, "{rule_id}/{name} should trigger it\n{described}");
                invalid_seen.push(rule_id.clone());
            }
        }
    }
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
