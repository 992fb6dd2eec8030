//! The self-check: is gouji ever silent on a broken table?
//!
//! 1. **Generated**: the hand-checked tables of the corpus (`tests/fixtures/truth`) rendered in
//!    every layout the engine reads ([`ALL_LAYOUTS`], including glued digits, converter
//!    markdown and blank cells that left no trace), clean and with one number changed.
//! 2. **Real texts**: every corpus report as published, with one of its numbers changed in
//!    place (at the cell's own digits, so a glued row stays glued).
//!
//! A clean copy must give no error; a copy with one wrong number must give an error that
//! names that number's cell (its row's or column's sum) and never a pass. The figures (how
//! often the changed cell is named first, how often the verdict is only "incomplete") are
//! printed; README.md keeps them.
//!
//! By default a fixed sample of the cells is changed (about 1 in 7); `GOUJI_SELFCHECK_FULL=1`
//! changes every cell (`GOUJI_SELFCHECK_FULL=1 cargo test --release -p gouji --test check
//! selfcheck -- --nocapture`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gouji::model::CellRef;
use gouji::{Checked, Severity, Verdict};

use crate::layouts::{ALL_LAYOUTS, Layout, Tables, render};
use crate::support::{check_file, check_text, describe, fixture_path};

/// What one batch of copies came to.
#[derive(Default, Debug)]
struct Tally {
    reports: usize,
    /// Clean copies with an error (false alarms).
    false_alarms: usize,
    /// Clean copies whose verdict is incomplete.
    clean_incomplete: usize,
    injected: usize,
    /// An error names the changed cell.
    on_cell: usize,
    /// The changed cell is the first cell of an error.
    first: usize,
    /// The unique correction restores the original value.
    corrected: usize,
    /// No error on the changed cell, but the verdict is incomplete (never a pass).
    incomplete: usize,
    /// Copies that failed the check, described.
    misses: Vec<String>,
}

impl Tally {
    fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {} ({}) | {} | {} |",
            self.reports,
            self.false_alarms,
            self.clean_incomplete,
            self.injected,
            self.on_cell,
            pct(self.on_cell, self.injected),
            pct(self.first, self.injected),
            self.incomplete,
        )
    }
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 {
        return "–".to_string();
    }
    let permille = n * 1000 / of;
    format!("{}.{} %", permille / 10, permille % 10)
}

fn full() -> bool {
    std::env::var_os("GOUJI_SELFCHECK_FULL").is_some()
}

/// Cells to change in a table of `n` cells: all of them, or a fixed sample.
fn sampled(k: usize, salt: usize) -> bool {
    full() || (k + salt).is_multiple_of(7)
}

/// The truth files as tables (the 2019 format's single （六）其他处理 row as 3.其他).
pub(crate) fn truth_tables() -> Vec<(String, Tables)> {
    const KEYS: [&str; 25] = [
        "new", "carry", "grant", "partial", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "u1",
        "u2", "u3", "n1", "n2", "n3", "n4", "n5", "o1", "o2", "o3", "total", "cf",
    ];
    let mut out = Vec::new();
    let dir = fixture_path("truth");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("truth dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let truth: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("truth")).expect("json");
        let mut t3 = [[0i64; 7]; 25];
        for (r, key) in KEYS.iter().enumerate() {
            let key = if *key == "o3" && truth["table3"]["o3"].is_null() { "other" } else { key };
            if let Some(values) = truth["table3"][key].as_array() {
                for (c, v) in values.iter().enumerate() {
                    t3[r][c] = v.as_i64().unwrap_or(0); // kewei's blank 总计
                }
            }
        }
        let mut t4 = [0i64; 15];
        for (k, v) in truth["table4"].as_array().expect("table4").iter().enumerate() {
            t4[k] = v.as_i64().expect("integer");
        }
        let name = path.file_name().expect("name").to_string_lossy().replace(".json", "");
        out.push((
            name,
            Tables { t2_docs: [[0, 0, 0], [6, 9, 3]], t2_decisions: [5, 7, 0], t3, t4 },
        ));
    }
    out
}

/// The identities of a truth table hold (some corpus reports are published wrong).
pub(crate) fn consistent(t: &Tables) -> bool {
    let rows = t.t3.iter().all(|r| r[..6].iter().sum::<i64>() == r[6]);
    let cols = (0..7).all(|c| {
        let done: i64 = (2..23).map(|r| t.t3[r][c]).sum();
        done == t.t3[23][c] && t.t3[0][c] + t.t3[1][c] == t.t3[23][c] + t.t3[24][c]
    });
    let t4 = t.t4.chunks(5).all(|g| g[..4].iter().sum::<i64>() == g[4]);
    rows && cols && t4
}

const T3_COLS: [&str; 7] = ["NP", "CE", "RI", "SW", "LS", "OT", "TOT"];
const T4_CELLS: [&str; 15] = [
    "RV/keep", "RV/fix", "RV/oth", "RV/pend", "RV/tot", "LD/keep", "LD/fix", "LD/oth", "LD/pend",
    "LD/tot", "LR/keep", "LR/fix", "LR/oth", "LR/pend", "LR/tot",
];

pub(crate) fn t3_addr(r: usize, c: usize) -> CellRef {
    let rows = gouji::model::identities::t3_leaves(gouji::model::Layout::Y2021);
    CellRef::parse(&format!("t3/{}/{}", rows[r].code(), T3_COLS[c])).expect("address")
}

pub(crate) fn t4_addr(k: usize) -> CellRef {
    CellRef::parse(&format!("t4/{}", T4_CELLS[k])).expect("address")
}

/// Scores one copy with a changed `cell` (was `original`).
fn score(tally: &mut Tally, checked: &Checked, cell: CellRef, original: i64, label: &str) {
    tally.injected += 1;
    let errors: Vec<_> =
        checked.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    let on_cell = errors.iter().any(|f| f.cells.contains(&cell));
    if on_cell {
        tally.on_cell += 1;
        if errors.iter().any(|f| f.cells.first() == Some(&cell)) {
            tally.first += 1;
        }
        let restored = checked
            .diagnoses
            .iter()
            .filter_map(|d| d.unique())
            .any(|fixes| fixes.len() == 1 && fixes[0].cell == cell && fixes[0].to == original);
        if restored {
            tally.corrected += 1;
        }
    } else if checked.verdict() == Verdict::Incomplete {
        tally.incomplete += 1;
    }
    if !on_cell && tally.misses.len() < 40 {
        tally.misses.push(format!(
            "{label}: {cell} (was {original}) → {:?}: {}\n{}",
            checked.verdict(),
            checked.verdict_text(),
            describe(checked)
        ));
    }
    if checked.verdict() == Verdict::Pass {
        tally.misses.push(format!("{label}: {cell} changed, and the verdict is pass"));
    }
}

fn generated(layout: Layout) -> Tally {
    let mut tally = Tally::default();
    for (salt, (name, tables)) in truth_tables().into_iter().enumerate() {
        if !consistent(&tables) {
            continue; // the published errors are the real-text half's business
        }
        tally.reports += 1;
        let clean = check_text(&render(&tables, layout));
        if clean.count(Severity::Error) > 0 {
            tally.false_alarms += 1;
            tally.misses.push(format!("{name} {layout:?}: clean copy\n{}", describe(&clean)));
        }
        if clean.verdict() == Verdict::Incomplete {
            tally.clean_incomplete += 1;
        }
        for r in 0..25 {
            for c in 0..7 {
                if !sampled(r * 7 + c, salt) {
                    continue;
                }
                let mut broken = tables.clone();
                let original = broken.t3[r][c];
                broken.t3[r][c] = original + 1;
                let checked = check_text(&render(&broken, layout));
                score(&mut tally, &checked, t3_addr(r, c), original, &format!("{name} {layout:?}"));
            }
        }
        for k in 0..15 {
            if !sampled(200 + k, salt) {
                continue;
            }
            let mut broken = tables.clone();
            let original = broken.t4[k];
            broken.t4[k] = original + 1;
            let checked = check_text(&render(&broken, layout));
            score(&mut tally, &checked, t4_addr(k), original, &format!("{name} {layout:?}"));
        }
    }
    tally
}

/// The real texts of the corpus (PDFs through their `pdftotext -layout` text).
const REAL: &[&str] = &[
    "reports/seed/zhangdian-yingji-2023.txt",
    "reports/corpus/2019_平潭综合实验区_80576_page.txt",
    "reports/corpus/2020_平潭综合实验区_80595_page.txt",
    "reports/corpus/2021_平潭综合实验区_80613_page.txt",
    "reports/corpus/2022_平潭综合实验区_80629_page.txt",
    "reports/corpus/2023_平潭综合实验区_87885_page.txt",
    "reports/corpus/2024_平潭综合实验区_97791_page.txt",
    "reports/corpus/2025_平潭综合实验区_105587_page.txt",
    "reports/pdf-text/hzq2023_working.layout.txt",
    "reports/pdf-text/hzq2024_working.layout.txt",
    "reports/pdf-text/szfgs2024.layout.txt",
    "reports/corpus/kewei-2024-source.md",
    "reports/corpus/shanghai-office-sample-source.md",
    "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt",
    "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html",
];

/// Which layout family a real text is, for the figures.
fn family(file: &str) -> &'static str {
    let extension = std::path::Path::new(file).extension().and_then(|e| e.to_str());
    if file.contains("平潭") {
        "real: glued digits (crawled pages)"
    } else if extension == Some("md") || file.contains("沭阳县人民政府") {
        "real: converter markdown"
    } else if file.contains("pdf-text") {
        "real: PDF text"
    } else if extension == Some("html") {
        "real: HTML tables"
    } else {
        "real: one cell per line (the seed)"
    }
}

fn real_texts() -> BTreeMap<&'static str, Tally> {
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for (salt, file) in REAL.iter().enumerate() {
        let tally = tallies.entry(family(file)).or_default();
        // The text the engine read (an HTML page as its rendered rows), as pasted text.
        let source = check_file(file).source.expect("readable").text;
        let clean = check_text(&source);
        tally.reports += 1;
        if clean.verdict() == Verdict::Incomplete {
            tally.clean_incomplete += 1;
        }
        let baseline: Vec<(String, Option<String>)> = clean
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.rule.clone(), f.found.map(|n| n.to_string())))
            .collect();
        let mut k = 0;
        for table in &clean.report.tables {
            if !matches!(table.id, gouji::model::TableId::T3 | gouji::model::TableId::T4) {
                continue;
            }
            for cell in &table.cells {
                k += 1;
                let (Some(value), Some(range)) = (
                    cell.value.number().and_then(gouji::model::Number::as_int),
                    cell.range.as_ref().map(gouji::span::SourceRange::get),
                ) else {
                    continue;
                };
                if source.get(range.clone()) != Some(value.to_string().as_str())
                    || !sampled(k, salt)
                {
                    continue;
                }
                let text =
                    format!("{}{}{}", &source[..range.start], value + 1, &source[range.end..]);
                let checked = check_text(&text);
                // A report already wrong keeps its errors: only a new one counts.
                let mut copy = checked.clone();
                copy.findings.retain(|f| {
                    f.severity != Severity::Error
                        || !baseline.contains(&(f.rule.clone(), f.found.map(|n| n.to_string())))
                        || f.cells.contains(&cell.addr)
                });
                score(tally, &copy, cell.addr, value, file);
            }
        }
    }
    tallies
}

#[test]
fn one_wrong_number_is_never_silent() {
    let mut figures = String::from(
        "| layout | reports | false alarms | clean but incomplete | wrong numbers | error on that cell | named first | only incomplete |\n|---|---|---|---|---|---|---|---|\n",
    );
    let mut misses = Vec::new();
    for layout in ALL_LAYOUTS {
        let tally = generated(layout);
        let _ = writeln!(figures, "{}", tally.row(&format!("generated: {layout:?}")));
        misses.extend(tally.misses);
    }
    for (family, tally) in real_texts() {
        let _ = writeln!(figures, "{}", tally.row(family));
        misses.extend(tally.misses);
    }
    println!("{figures}");
    assert!(misses.is_empty(), "{} misses:\n{}", misses.len(), misses.join("\n\n"));
}
