//! Rule fixtures (`tests/fixtures/rules/<RULE>/{valid,invalid}-*`, written by
//! `tools/gen_rule_fixtures.py`) and the registry's promises.

use gouji::Severity;
use gouji::rules::{RULES, rule};

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
            let checked = check_file(&format!("rules/{rule_id}/{name}"));
            assert_well_formed(&checked);
            let hits = checked.findings.iter().filter(|f| f.family == rule_id).count();
            if name.starts_with("valid") {
                assert_eq!(
                    hits,
                    0,
                    "{rule_id}/{name} should not trigger it\n{}",
                    describe(&checked)
                );
                let errors =
                    checked.findings.iter().filter(|f| f.severity == Severity::Error).count();
                assert_eq!(
                    errors,
                    0,
                    "{rule_id}/{name} should have no error\n{}",
                    describe(&checked)
                );
            } else {
                assert!(name.starts_with("invalid"), "{name}: fixtures are valid-* or invalid-*");
                assert!(hits > 0, "{rule_id}/{name} should trigger it\n{}", describe(&checked));
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
