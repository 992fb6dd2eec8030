//! The rules' documentation pages, with examples taken from the tested rule fixtures
//! (`tests/fixtures/rules/<RULE>/{valid,invalid}-*`).
//!
//! `cargo xtask docs` reads the fixtures and writes `docs/rules.md` and `src/rules/examples.rs`
//! with [`markdown`] and [`examples_source`]; a test does the same and fails when either file
//! is stale. The page shows the same examples ([`example`]). Pure: the callers do the I/O.

use std::fmt::Write as _;

use super::registry::{RULES, Rule, Stability};
use crate::{Input, check};

/// A failing and a passing example of a rule, as the fixtures give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The rule family.
    pub rule: &'static str,
    /// The invalid fixture's path under `tests/fixtures/rules`.
    pub invalid_file: &'static str,
    /// The lines that make it fail (what differs from the passing fixture).
    pub invalid: &'static str,
    /// The passing fixture's path.
    pub valid_file: &'static str,
    /// The corresponding lines of the passing fixture.
    pub valid: &'static str,
    /// What the engine says about the failing one.
    pub message: &'static str,
}

/// The example of `rule` (a family or concrete id).
pub fn example(rule: &str) -> Option<&'static Example> {
    let family = super::registry::rule(rule)?.id;
    super::examples::EXAMPLES.iter().find(|e| e.rule == family)
}

/// An example computed from fixture files (owned, before it is written out as source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleText {
    /// The rule family.
    pub rule: String,
    /// See [`Example`].
    pub invalid_file: String,
    /// See [`Example`].
    pub invalid: String,
    /// See [`Example`].
    pub valid_file: String,
    /// See [`Example`].
    pub valid: String,
    /// See [`Example`].
    pub message: String,
}

/// One fixture file: its name and bytes.
type Member<'a> = (&'a str, &'a [u8]);

/// The examples of every rule from the fixture files: `(rule, file name, bytes)` for each file
/// of `tests/fixtures/rules/<rule>/` (a file in a folder is named `folder/file`: the files of a
/// folder are reports checked together, for the rules across reports). The failing example is
/// the first `invalid-*` case; the passing one is `valid-consistent-report.*` when there is
/// one (the failing fixtures are written from it), else the first `valid-*`.
pub fn examples(files: &[(String, String, Vec<u8>)]) -> Vec<ExampleText> {
    let mut out = Vec::new();
    for rule in RULES {
        let mut cases: Vec<(String, Vec<Member<'_>>)> = Vec::new();
        for (_, name, bytes) in files.iter().filter(|(r, _, _)| r == rule.id) {
            let case = name.split_once('/').map_or(name.as_str(), |(folder, _)| folder);
            match cases.iter_mut().find(|(c, _)| c == case) {
                Some((_, members)) => members.push((name, bytes)),
                None => cases.push((case.to_string(), vec![(name, bytes)])),
            }
        }
        crate::sort::sort_by(&mut cases, |a, b| a.0.cmp(&b.0));
        let first = |prefix: &str| cases.iter().find(|(c, _)| c.starts_with(prefix));
        let (Some(invalid), Some(valid)) =
            (first("invalid-"), first("valid-consistent-report").or_else(|| first("valid-")))
        else {
            continue;
        };
        let mut example = example_from(rule.id, &valid.1, &invalid.1);
        example.invalid_file = format!("{}/{}", rule.id, invalid.0);
        example.valid_file = format!("{}/{}", rule.id, valid.0);
        out.push(example);
    }
    out
}

/// Builds the example of `rule` from its passing and failing case: each a list of (name,
/// bytes), one report, or several checked together.
pub fn example_from(rule: &str, valid: &[Member<'_>], invalid: &[Member<'_>]) -> ExampleText {
    let mut checked: Vec<crate::Checked> =
        invalid.iter().map(|(name, bytes)| check(&Input { bytes, name: Some(name) })).collect();
    crate::cross::apply(&mut checked);
    let family = super::RuleId::from_id(rule);
    let concerns = |f: &&crate::Finding| family.is_some_and(|family| f.concerns(family));
    let message =
        checked.iter().flat_map(|c| &c.findings).find(concerns).map_or_else(String::new, |f| {
            let also = if f.also.is_empty() {
                String::new()
            } else {
                format!("（同一处错误还涉及 {}）", f.also.join("、"))
            };
            format!("{} {}{also}：{}", f.severity.name(), f.rule, f.message)
        });
    let text = |case: &[Member<'_>]| -> Result<String, usize> {
        let mut out = String::new();
        for (k, (name, bytes)) in case.iter().enumerate() {
            let body = std::str::from_utf8(bytes).map_err(|_| k)?;
            if case.len() > 1 {
                out.push_str(&format!("【{}】\n", name.rsplit('/').next().unwrap_or(name)));
            }
            out.push_str(body);
        }
        Ok(out)
    };
    let (valid_lines, invalid_lines) = match (text(valid), text(invalid)) {
        (Ok(v), Ok(i)) => difference(&v, &i),
        (_, Err(k)) => {
            let bytes = invalid[k].1;
            (
                String::new(),
                format!(
                    "（{} 字节的非文本文件，开头为 {:02X?}）",
                    bytes.len(),
                    &bytes[..bytes.len().min(8)]
                ),
            )
        }
        (Err(_), Ok(i)) => (String::new(), difference("", &i).1),
    };
    ExampleText {
        rule: rule.to_string(),
        invalid_file: invalid.first().map_or_else(String::new, |f| f.0.to_string()),
        invalid: invalid_lines,
        valid_file: valid.first().map_or_else(String::new, |f| f.0.to_string()),
        valid: valid_lines,
        message,
    }
}

/// The lines where two texts differ (after their common beginning and end), at most eight.
fn difference(valid: &str, invalid: &str) -> (String, String) {
    let a: Vec<&str> = valid.lines().collect();
    let b: Vec<&str> = invalid.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix =
        a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let clip = |lines: &[&str]| -> String {
        let mut kept: Vec<String> =
            lines.iter().take(8).map(|l| l.chars().take(160).collect()).collect();
        if lines.len() > 8 {
            kept.push("……".to_string());
        }
        kept.join("\n")
    };
    let valid_part = clip(&a[prefix..a.len() - suffix]);
    let invalid_part = clip(&b[prefix..b.len() - suffix]);
    // A removed part shows its neighbour so that the example still has context.
    let context = |lines: &[&str]| {
        lines[..prefix.min(lines.len())]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map_or(String::new(), |l| (*l).to_string())
    };
    let valid_part = if valid_part.is_empty() { context(&a) } else { valid_part };
    let invalid_part = if invalid_part.is_empty() {
        format!("{}\n（此后缺少上方“符合”示例中的内容）", context(&b))
    } else {
        invalid_part
    };
    (valid_part, invalid_part)
}

/// `src/rules/examples.rs`: the examples as Rust source.
pub fn examples_source(examples: &[ExampleText]) -> String {
    let mut out = String::from(
        "//! Generated by `cargo xtask docs` from `tests/fixtures/rules`. Do not edit.\n\nuse super::docs::Example;\n\n\
         /// One example per rule, from its fixtures.\npub(super) static EXAMPLES: &[Example] = &[\n",
    );
    for e in examples {
        let _ = writeln!(
            out,
            "    Example {{\n        rule: {:?},\n        invalid_file: {:?},\n        invalid: {:?},\n        valid_file: {:?},\n        valid: {:?},\n        message: {:?},\n    }},",
            e.rule, e.invalid_file, e.invalid, e.valid_file, e.valid, e.message
        );
    }
    out.push_str("];\n");
    out
}

/// `docs/rules.md`: one section per rule, from the registry and the examples.
pub fn markdown(examples: &[ExampleText]) -> String {
    let mut out = String::from(
        "# 规则说明 · gouji rules\n\n由 `cargo xtask docs` 根据规则注册表（`src/rules/registry.rs`）和规则样例（`tests/fixtures/rules`）生成，请勿手工编辑。\n\n\
         Generated from the rule registry and the tested rule fixtures by `cargo xtask docs`; a test fails when this file is stale.\n\n\
         | 规则 | 严重程度 | 状态 | 说明 |\n|---|---|---|---|\n",
    );
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} |",
            rule.id,
            rule.id.to_ascii_lowercase(),
            rule.severity.name(),
            status(rule),
            rule.title
        );
    }
    for rule in RULES {
        section(&mut out, rule, examples.iter().find(|e| e.rule == rule.id));
    }
    out
}

fn status(rule: &Rule) -> &'static str {
    match rule.status {
        Stability::Stable => "稳定",
        Stability::Preview => "预览",
    }
}

/// True for the heading of a rule page's section before which its example is shown (如何修改),
/// in `docs/rules.md` and in the page.
pub fn example_goes_before(heading: &str) -> bool {
    heading.trim() == "如何修改"
}

fn section(out: &mut String, rule: &Rule, example: Option<&ExampleText>) {
    let _ = write!(
        out,
        "\n## {}\n\n**{}** · `{}` · {} · {}\n",
        rule.id,
        rule.title,
        rule.name,
        rule.severity.name(),
        status(rule)
    );
    for part in rule.doc.split("## ").filter(|p| !p.trim().is_empty()) {
        let (heading, body) = part.split_once('\n').unwrap_or((part, ""));
        if example_goes_before(heading)
            && let Some(e) = example
        {
            write_example(out, e);
        }
        let _ = write!(out, "\n### {}\n\n{}\n", heading.trim(), body.trim());
    }
}

fn write_example(out: &mut String, e: &ExampleText) {
    let _ = write!(
        out,
        "\n### 示例\n\n不符合（`tests/fixtures/rules/{}`）：\n\n```text\n{}\n```\n\n",
        e.invalid_file, e.invalid
    );
    if !e.message.is_empty() {
        let _ = write!(out, "检查结果：{}\n\n", e.message);
    }
    let _ = write!(
        out,
        "符合（`tests/fixtures/rules/{}`）：\n\n```text\n{}\n```\n",
        e.valid_file, e.valid
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_the_changed_lines() {
        let (v, i) = difference("a\nb\nc\nd", "a\nB\nc\nd");
        assert_eq!((v.as_str(), i.as_str()), ("b", "B"));
        let (v, i) = difference("a\nb\nc", "a\nc");
        assert_eq!(v, "b");
        assert!(i.starts_with('a'));
    }
}
