//! Helpers shared by the test modules.

use std::path::PathBuf;

use gouji::model::{CellRef, Value};
use gouji::{Checked, Input, Severity, check};

pub(crate) fn fixture_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(relative)
}

pub(crate) fn check_file(relative: &str) -> Checked {
    let path = fixture_path(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().and_then(|n| n.to_str()).map(str::to_string);
    check(&Input { bytes: &bytes, name: name.as_deref() })
}

pub(crate) fn check_text(text: &str) -> Checked {
    check(&Input::text(text))
}

pub(crate) fn errors(checked: &Checked) -> Vec<&gouji::Finding> {
    checked.findings.iter().filter(|f| f.severity == Severity::Error).collect()
}

pub(crate) fn error_rules(checked: &Checked) -> Vec<String> {
    errors(checked).iter().map(|f| f.rule.clone()).collect()
}

/// The integer value of a cell, `None` for blank, and a panic for anything else.
pub(crate) fn int(checked: &Checked, addr: &str) -> Option<i64> {
    let addr = CellRef::parse(addr).unwrap_or_else(|| panic!("bad address {addr}"));
    let cell = checked.report.cell(addr).unwrap_or_else(|| panic!("no cell {addr}"));
    match &cell.value {
        Value::Number(n) => Some(n.as_int().unwrap_or_else(|| panic!("{addr} is not an integer"))),
        Value::Blank { .. } => None,
        other => panic!("{addr} is {other:?}"),
    }
}

/// A short description of all findings, for assertion messages.
pub(crate) fn describe(checked: &Checked) -> String {
    checked
        .findings
        .iter()
        .map(|f| {
            format!(
                "[{}] {} {} {:?}",
                f.severity.as_str(),
                f.rule,
                f.message,
                f.cells.iter().take(3).map(ToString::to_string).collect::<Vec<_>>()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
