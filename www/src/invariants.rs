//! Tests that the page's source keeps its rules: every word of the page's own goes through
//! `i18n.rs`, so that the English toggle reaches it.

use std::path::{Path, PathBuf};

/// Files allowed Chinese string literals outside `i18n.rs`, and why.
const ALLOWED: &[(&str, &str)] = &[(
    "decisions_file.rs",
    "what is wrong with a decisions file is said in Chinese, like the command line's reading \
     of the same file (`gouji::dto::parse`): a message about the clerk's file, as the engine's \
     messages about the report are; `已核实` and `忽略` are values the file format accepts",
)];

/// True for a character of written Chinese: an ideograph, CJK punctuation (`。、“”`) or a
/// full-width form (`（）：，`).
fn chinese(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”')
}

/// The string literals of a line of Rust that hold Chinese (comments left out; a literal is
/// taken from one line).
fn chinese_literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut literal: Option<String> = None;
    while let Some(c) = chars.next() {
        match (&mut literal, c) {
            (None, '/') if chars.peek() == Some(&'/') => break,
            (None, '\'') => {
                // A char literal ('"', '\'') or a lifetime: skip what could close it.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') {
                    chars.nth(2);
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.nth(1);
                }
            }
            (None, '"') => literal = Some(String::new()),
            (Some(text), '\\') => {
                text.push('\\');
                text.extend(chars.next());
            }
            (Some(text), '"') => {
                if text.chars().any(chinese) {
                    out.push(text.clone());
                }
                literal = None;
            }
            (Some(text), c) => text.push(c),
            (None, _) => {}
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("www/src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_chinese_literal_outside_i18n() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for path in &files {
        let name = path.strip_prefix(&root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        if name == "i18n.rs" || name == "invariants.rs" || ALLOWED.iter().any(|(f, _)| *f == name) {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a source file is readable");
        for (k, line) in text.lines().enumerate() {
            // The tests below a file's code may hold report text.
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for literal in chinese_literals(line) {
                bad.push(format!("{name}:{}: \"{literal}\"", k + 1));
            }
        }
    }
    assert!(files.len() > 10, "the page's sources were found");
    assert!(
        bad.is_empty(),
        "words of the page belong in www/src/i18n.rs (Lang::t / Lang::f):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_and_chars() {
    assert_eq!(chinese_literals(r#"    format!("{}（{}）", a) // 注释"#), vec!["{}（{}）"]);
    assert_eq!(chinese_literals(r#"    let x = "abc"; // "中文""#), Vec::<String>::new());
    assert_eq!(
        chinese_literals(r#"    if c == '"' { "应为 \"x\" 值" }"#),
        vec![r#"应为 \"x\" 值"#]
    );
    assert_eq!(chinese_literals("    fn f<'a>(x: &'a str) -> &'a str { \"是\" }"), vec!["是"]);
    assert!(chinese_literals("    let ok = \"plain\";").is_empty());
}

#[test]
fn the_page_state_calls_no_browser_api() {
    // ARCHITECTURE.md: the reducers are pure; storage, files, history and downloads are
    // `Effect`s that `app.rs` runs, so the state is tested natively.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/state");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let forbidden = ["web_sys", "js_sys", "gloo", "wasm_bindgen", "yew::", "use yew", "Window"];
    let mut bad = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a source file is readable");
        for (k, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(word) = forbidden.iter().find(|w| line.contains(*w)) {
                bad.push(format!("{}:{}: {word}", path.display(), k + 1));
            }
        }
    }
    assert!(files.len() >= 5, "the state's files were found: {files:?}");
    assert!(bad.is_empty(), "the page's state calls the browser:\n{}", bad.join("\n"));
}
