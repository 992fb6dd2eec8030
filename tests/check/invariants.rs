//! ARCHITECTURE.md's invariants that no type or lint states, checked over the source:
//! the rules, the rules across reports and the comparison read only the typed report (no
//! source text, no clause searched, no Chinese word matched), and the model's label text is
//! in `labels.rs` (no Chinese word matched in its other readers).

use std::path::{Path, PathBuf};

/// The code of a file before its tests, without comment lines.
fn code(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .take_while(|(_, line)| !line.trim_start().starts_with("#[cfg(test)]"))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(n, line)| (n + 1, line.to_string()))
        .collect()
}

fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    out.sort();
    out
}

/// Every `.rs` file below `dir`, recursively.
fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            all_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A Chinese string or character literal given to a text search: `.contains("信息公开")`,
/// `.ends_with('镇')`, `["县", "区"]` (a list of words to look for). A list written for people
/// to read (a CSV header) ends its line with `// shown`.
fn matches_chinese_word(line: &str) -> bool {
    const SEARCHES: &[&str] = &[
        ".contains(",
        ".starts_with(",
        ".ends_with(",
        ".find(",
        ".rfind(",
        ".strip_prefix(",
        ".strip_suffix(",
        ".split(",
        ".matches(",
        ".replace(",
        "[",
    ];
    if line.trim_end().ends_with("// shown") {
        return false;
    }
    // A Chinese character literal (`'镇'`, in `matches!` or a search) is a word looked for.
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' && chars.next().is_some_and(is_cjk) && chars.peek() == Some(&'\'') {
            return true;
        }
    }
    SEARCHES.iter().any(|search| {
        line.match_indices(search).any(|(at, _)| {
            let rest = &line[at + search.len()..];
            let rest = rest.trim_start_matches([' ', '&', '[']);
            let mut chars = rest.chars();
            matches!(chars.next(), Some('"' | '\'')) && chars.next().is_some_and(is_cjk)
        })
    })
}

#[test]
fn rules_read_only_the_typed_report() {
    let mut paths = files("src/rules");
    // The registry and its generated examples are documentation, not reading.
    paths.retain(|p| !p.ends_with("registry.rs") && !p.ends_with("examples.rs"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    paths.push(root.join("src/cross.rs"));
    paths.push(root.join("src/compare.rs"));
    let forbidden = ["source.text", ".clause.contains", ".clause.find", "normalize::", "segment::"];
    // The source itself (`Source`, not `SourceKind`).
    let names_source = |line: &str| {
        line.match_indices("Source")
            .any(|(at, _)| !line[at + 6..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    };
    let mut bad = Vec::new();
    for path in &paths {
        for (n, line) in code(path) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if let Some(word) = forbidden.iter().find(|w| line.contains(*w)) {
                bad.push(format!("{name}:{n}: reads {word}: {}", line.trim()));
            }
            if names_source(&line) {
                bad.push(format!("{name}:{n}: reads the source: {}", line.trim()));
            }
            if matches_chinese_word(&line) {
                bad.push(format!("{name}:{n}: matches a Chinese word: {}", line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "rules must use the model's typed fields:\n{}", bad.join("\n"));
}

#[test]
fn the_models_label_text_is_in_labels_rs() {
    let mut bad = Vec::new();
    for path in files("src/model") {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name == "labels.rs" {
            continue;
        }
        for (n, line) in code(&path) {
            if matches_chinese_word(&line) {
                bad.push(format!("{name}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "label text belongs in src/model/labels.rs:\n{}", bad.join("\n"));
}

#[test]
fn the_engine_does_no_io_and_reads_no_clock_or_chance() {
    // ARCHITECTURE.md: no I/O in the engine (the CLI and the page hand it bytes); determinism:
    // no clock, no randomness, no hash-map iteration (clippy's iter_over_hash_type warns too).
    let forbidden = [
        "std::fs",
        "std::net",
        "std::env",
        "std::process",
        "std::time",
        "Instant::",
        "SystemTime",
        "HashMap",
        "HashSet",
        "RandomState",
        "rand::",
        "getrandom",
    ];
    let mut paths = Vec::new();
    all_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut paths);
    paths.sort();
    assert!(paths.len() > 50, "{}", paths.len());
    let mut bad = Vec::new();
    for path in &paths {
        for (n, line) in code(path) {
            if let Some(word) = forbidden.iter().find(|w| line.contains(*w)) {
                bad.push(format!("{}:{n}: {word}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "the engine is pure:\n{}", bad.join("\n"));
}

#[test]
fn only_the_source_map_makes_a_source_range() {
    // ARCHITECTURE.md: a range never changes meaning; the model and the rules write
    // `TextRange`s, and `SourceMap::to_source` is the one remap point (src/span.rs).
    let mut paths = Vec::new();
    all_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut paths);
    paths.sort();
    let mut makers = Vec::new();
    for path in &paths {
        for (n, line) in code(path) {
            if line.contains("SourceRange::mapped(") || line.contains("SourceRange(") {
                makers.push(format!("{}:{n}", path.display()));
            }
        }
    }
    makers.retain(|m| !m.contains("src/span.rs:"));
    assert_eq!(makers.len(), 1, "{makers:?}");
    assert!(makers[0].contains("src/normalize/map.rs:"), "{makers:?}");
}

#[test]
fn the_check_finds_what_it_forbids() {
    assert!(matches_chinese_word(r#"    if a.contains("街道") {"#));
    assert!(matches_chinese_word("    a.ends_with('镇')"));
    assert!(matches_chinese_word(r#"    ["县", "区"].iter().any(|w| a.contains(w))"#));
    assert!(matches_chinese_word(r#"    let words = &["县", "区"];"#));
    assert!(matches_chinese_word(r"    matches!(c, '一' | '二')"));
    assert!(!matches_chinese_word(r"    a.contains(labels::STREET_OFFICE)"));
    assert!(!matches_chinese_word(r#"    format!("{agency}的报告")"#));
}
