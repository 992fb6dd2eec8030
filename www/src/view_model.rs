//! What the page shows, derived from the engine's `Checked` and nothing else.
//!
//! Pure and native-tested: per-cell marks (`data-state`), the official layout of each table
//! (label cells with their rowspans), the equations a cell takes part in, and the excerpt of
//! the source around a cell. It never parses text, adds numbers or decides severity: every
//! number and message comes from the engine.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::rc::Rc;

use gouji::model::{Cell, CellRef, Layout, TableId, Template, Value};
use gouji::rules::Outcome;
use gouji::{Checked, Severity};

use crate::i18n::{Lang, Text};

/// The engine's result, shared between components; equal when it is the same result.
#[derive(Clone, Debug)]
pub(crate) struct Shared(pub std::rc::Rc<Checked>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Checked;

    fn deref(&self) -> &Checked {
        &self.0
    }
}

/// A cell's mark on the page (`data-state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CellState {
    /// Read and consistent.
    Ok,
    /// Part of a broken sum, or an impossible value.
    Error,
    /// The cell most likely at fault.
    Culprit,
    /// In a sum that one named cell (the culprit) breaks: shown faintly.
    Related,
    /// Typed over by the clerk (or a correction applied): no longer what the input says.
    Edited,
    /// Blank or a placeholder.
    Blank,
    /// Inferred from glued digits.
    Inferred,
    /// Not read (missing, ambiguous, or text).
    Missing,
}

impl CellState {
    /// The `data-state` value.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CellState::Ok => "ok",
            CellState::Error => "error",
            CellState::Culprit => "culprit",
            CellState::Related => "related",
            CellState::Edited => "edited",
            CellState::Blank => "blank",
            CellState::Inferred => "inferred",
            CellState::Missing => "missing",
        }
    }
}

/// The marks of every cell of the report.
pub(crate) fn cell_states(checked: &Checked) -> BTreeMap<CellRef, CellState> {
    // The diagnoses with one answer: their cells are the culprits, the sums they explain are
    // only related (the engine says which sums and findings a diagnosis explains).
    let unique: Vec<&gouji::rules::Diagnosis> =
        checked.diagnoses.iter().filter(|d| d.unique().is_some()).collect();
    let culprits: BTreeSet<CellRef> =
        unique.iter().filter_map(|d| d.unique()).flatten().map(|f| f.cell).collect();
    let mut errors: BTreeSet<CellRef> = BTreeSet::new();
    let mut related: BTreeSet<CellRef> = BTreeSet::new();
    for check in checked.checks.iter().filter(|c| c.outcome == Outcome::Failed) {
        if unique.iter().any(|d| d.explains_check(check)) {
            related.extend(check.identity.cells());
        } else {
            errors.extend(check.identity.cells());
        }
    }
    for finding in checked.findings.iter().filter(|f| f.severity == Severity::Error) {
        if !unique.iter().any(|d| d.explains_finding(finding)) {
            errors.extend(finding.cells.iter().copied());
        }
    }
    // `extend`, not `collect` (which sorts: one more copy of the standard sort in the wasm).
    let mut edited: BTreeSet<CellRef> = BTreeSet::new();
    edited.extend(checked.edits.iter().map(|e| e.cell));
    let mut states = BTreeMap::new();
    for cell in checked.report.tables.iter().flat_map(|t| &t.cells) {
        let state = if culprits.contains(&cell.addr) {
            CellState::Culprit
        } else if edited.contains(&cell.addr) {
            CellState::Edited
        } else if related.contains(&cell.addr)
            && !errors.contains(&cell.addr)
            && !matches!(cell.value, Value::Missing | Value::Ambiguous)
        {
            CellState::Related
        } else if errors.contains(&cell.addr)
            && !matches!(cell.value, Value::Missing | Value::Ambiguous)
        {
            CellState::Error
        } else {
            match &cell.value {
                Value::Blank { .. } => CellState::Blank,
                Value::Missing | Value::Ambiguous | Value::Text(_) => CellState::Missing,
                Value::Number(_) if cell.inferred => CellState::Inferred,
                Value::Number(_) => CellState::Ok,
            }
        };
        states.insert(cell.addr, state);
    }
    states
}

/// How a cell's value reads in the table.
pub(crate) fn display_value(cell: &Cell) -> String {
    match &cell.value {
        Value::Number(n) => n.to_string(),
        Value::Blank { placeholder: None } => String::new(),
        Value::Blank { placeholder: Some(mark) } => mark.clone(),
        Value::Text(text) => text.clone(),
        Value::Missing => "?".to_string(),
        Value::Ambiguous => "??".to_string(),
    }
}

/// What a value cell of the tables shows, worked out once per result and language (not on
/// every draw): its address (`data-cell`), mark (`data-state`), `title` (its name, or what it
/// was before it was typed over), `aria-label` and text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CellView {
    pub(crate) addr: CellRef,
    pub(crate) data_cell: Rc<str>,
    pub(crate) state: CellState,
    pub(crate) title: Rc<str>,
    pub(crate) label: Rc<str>,
    pub(crate) value: Rc<str>,
}

/// The views of every value cell of the report, by address.
pub(crate) fn cell_views(
    checked: &Checked,
    states: &BTreeMap<CellRef, CellState>,
    lang: Lang,
) -> BTreeMap<CellRef, Rc<CellView>> {
    let mut views = BTreeMap::new();
    for cell in checked.report.tables.iter().flat_map(|t| &t.cells) {
        let addr = cell.addr;
        let name = addr.display_name();
        let value = display_value(cell);
        let label =
            format!("{name} {}", if value.is_empty() { lang.t(Text::LegendBlank) } else { &value });
        let title = match checked.edits.iter().find(|e| e.cell == addr) {
            Some(edit) => lang.f(Text::CellWas, &[&name, &edit.was.describe()]),
            None => name,
        };
        let view = CellView {
            addr,
            data_cell: addr.to_string().into(),
            state: states.get(&addr).copied().unwrap_or(CellState::Ok),
            title: title.into(),
            label: label.into(),
            value: value.into(),
        };
        views.insert(addr, Rc::new(view));
    }
    views
}

/// One cell of a sum, named in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    /// The cell.
    pub(crate) cell: CellRef,
    /// Its name, e.g. `自然人·予以公开`.
    pub(crate) name: String,
    /// Its value as read (`空白`, `无法确定` …).
    pub(crate) value: String,
}

/// A sum a cell takes part in, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SumView {
    /// The check id, e.g. `T3-ROW-R3.1` (for `data-check`; not shown large).
    pub(crate) id: String,
    /// How it came out.
    pub(crate) outcome: Outcome,
    /// The engine's words for it: `“（七）总计”行总计 2 ≠ 各类申请人之和 1（相差 1）`.
    pub(crate) words: String,
    /// The written side.
    pub(crate) total: Vec<Term>,
    /// The added-up cells that are not 0.
    pub(crate) parts: Vec<Term>,
    /// How many added-up cells are 0 (not listed one by one).
    pub(crate) zeros: usize,
}

/// Every sum `cell` takes part in, broken ones first.
pub(crate) fn sums(checked: &Checked, cell: CellRef) -> Vec<SumView> {
    let term = |addr: CellRef| Term {
        cell: addr,
        name: addr.display_name(),
        value: checked.report.cell(addr).map_or_else(|| "?".to_string(), |c| c.value.describe()),
    };
    let zero = |addr: CellRef| {
        checked
            .report
            .cell(addr)
            .and_then(|c| c.value.number())
            .is_some_and(gouji::model::Number::is_zero)
    };
    let mut out: Vec<SumView> = checked
        .checks
        .iter()
        .filter(|c| c.identity.involves(cell))
        .map(|check| SumView {
            id: check.identity.id(),
            outcome: check.outcome,
            words: gouji::rules::sum_words(&checked.report, check),
            total: check.identity.total.iter().map(|&c| term(c)).collect(),
            parts: check
                .identity
                .parts
                .iter()
                .filter(|&&c| !zero(c) || c == cell)
                .map(|&c| term(c))
                .collect(),
            zeros: check.identity.parts.iter().filter(|&&c| zero(c) && c != cell).count(),
        })
        .collect();
    gouji::sort::sort_by_key(&mut out, |s| s.outcome != Outcome::Failed);
    out
}

/// The cell to bring into view first: the first error's first cell.
pub(crate) fn first_error_cell(checked: &Checked) -> Option<CellRef> {
    checked
        .findings
        .iter()
        .find(|f| f.severity == Severity::Error)
        .and_then(|f| f.cells.first().copied())
}

/// The cells a selected total adds up (Excel's "trace precedents"): the parts of every sum
/// whose written side holds `cell`.
pub(crate) fn precedents(checked: &Checked, cell: CellRef) -> BTreeSet<CellRef> {
    let mut cells = BTreeSet::new();
    cells.extend(
        checked
            .checks
            .iter()
            .filter(|c| c.identity.total.contains(&cell))
            .flat_map(|c| c.identity.parts.iter().copied()),
    );
    cells
}

/// How the verdict is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VerdictView {
    /// `pass`, `review` (passed, with blank or inferred values), `fail`, `incomplete`,
    /// `unreadable`: the colour, and `data-verdict` (`review` is `pass` there).
    pub(crate) kind: &'static str,
    /// The contract's verdict.
    pub(crate) verdict: &'static str,
    /// The engine's words for it.
    pub(crate) headline: String,
}

/// The verdict of a result. Only a pass without anything to confirm is green.
pub(crate) fn verdict_view(checked: &Checked) -> VerdictView {
    let verdict = checked.verdict();
    let review: usize = [TableId::T3, TableId::T4, TableId::Pre2019]
        .into_iter()
        .map(|t| checked.summary(t).review)
        .sum();
    let kind = match verdict {
        gouji::Verdict::Pass if review > 0 => "review",
        gouji::Verdict::Pass => "pass",
        gouji::Verdict::Fail => "fail",
        gouji::Verdict::Incomplete => "incomplete",
        gouji::Verdict::Unreadable => "unreadable",
    };
    VerdictView { kind, verdict: verdict.as_str(), headline: checked.verdict_text() }
}

/// The correction a finding's diagnosis names, in the engine's words, when it names one.
pub(crate) fn correction(checked: &Checked, finding: &gouji::Finding) -> Option<String> {
    let fixes = checked.diagnosis(finding)?.unique()?;
    Some(
        fixes
            .iter()
            .map(gouji::rules::Fix::words)
            .collect::<Vec<_>>()
            .join(crate::i18n::ENGINE_LIST),
    )
}

/// The value cells in reading order, one line per table row (表四's 15 cells are one line):
/// the grid the arrow keys move in.
pub(crate) fn nav_lines(checked: &Checked) -> Vec<Vec<CellRef>> {
    let mut lines = Vec::new();
    for id in [TableId::T2, TableId::T3, TableId::T4, TableId::Pre2019] {
        let Some(table) = checked.report.table(id) else { continue };
        if id == TableId::T4 {
            lines.push(table.cells.iter().map(|c| c.addr).collect());
            continue;
        }
        for row in table.rows() {
            lines.push(table.cells.iter().filter(|c| c.addr.row == row).map(|c| c.addr).collect());
        }
    }
    lines
}

/// Where an arrow key (or Home/End) moves the table cursor from `from`.
pub(crate) fn move_cursor(lines: &[Vec<CellRef>], from: CellRef, key: &str) -> Option<CellRef> {
    let (y, x) = lines
        .iter()
        .enumerate()
        .find_map(|(y, line)| line.iter().position(|&c| c == from).map(|x| (y, x)))?;
    let line = &lines[y];
    let column = |line: &Vec<CellRef>| line.get(x.min(line.len().saturating_sub(1))).copied();
    match key {
        "ArrowRight" => line.get(x + 1).copied(),
        "ArrowLeft" => x.checked_sub(1).and_then(|x| line.get(x)).copied(),
        "ArrowDown" => lines.get(y + 1).and_then(column),
        "ArrowUp" => y.checked_sub(1).and_then(|y| lines.get(y)).and_then(column),
        "Home" => line.first().copied(),
        "End" => line.last().copied(),
        _ => None,
    }
}

/// The cell that holds the tables' Tab stop before the clerk moves it: the first culprit,
/// else the first cell of an error, else the first cell.
pub(crate) fn home_cell(
    checked: &Checked,
    states: &BTreeMap<CellRef, CellState>,
) -> Option<CellRef> {
    let cells = || checked.report.tables.iter().flat_map(|t| &t.cells).map(|c| c.addr);
    cells()
        .find(|c| states.get(c) == Some(&CellState::Culprit))
        .or_else(|| cells().find(|c| states.get(c) == Some(&CellState::Error)))
        .or_else(|| cells().next())
}

/// A window of the source around a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Excerpt {
    pub(crate) before: String,
    /// The cell's own text (empty when no cell is marked).
    pub(crate) mark: String,
    pub(crate) after: String,
    /// Text was cut before / after the window.
    pub(crate) more_before: bool,
    pub(crate) more_after: bool,
}

/// A window of `context` bytes of the source on each side of `range`.
pub(crate) fn excerpt(source: &str, range: Option<Range<usize>>, context: usize) -> Excerpt {
    let floor = |mut at: usize| {
        at = at.min(source.len());
        while at > 0 && !source.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let ceil = |mut at: usize| {
        at = at.min(source.len());
        while at < source.len() && !source.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    match range {
        Some(range) if range.end <= source.len() && range.start <= range.end => {
            let start = floor(range.start.saturating_sub(context));
            let end = ceil(range.end + context);
            let (a, b) = (floor(range.start), ceil(range.end));
            Excerpt {
                before: source[start..a].to_string(),
                mark: source[a..b].to_string(),
                after: source[b..end].to_string(),
                more_before: start > 0,
                more_after: end < source.len(),
            }
        }
        _ => {
            let end = ceil(context * 2);
            Excerpt {
                before: source[..end].to_string(),
                mark: String::new(),
                after: String::new(),
                more_before: false,
                more_after: end < source.len(),
            }
        }
    }
}

/// Which overall state the page is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PageState {
    /// Nothing pasted yet.
    Empty,
    /// The input could not be read (the message says why).
    Unreadable(String),
    /// Text without report tables; the engine's message says what was recognized (`None`:
    /// it said nothing, the page says no table was found).
    NoTables(Option<String>),
    /// Tables to show.
    Tables,
}

/// The page state for a result.
pub(crate) fn page_state(checked: &Checked) -> PageState {
    if let Some(why) = checked.unreadable {
        if matches!(why, gouji::input::Unreadable::Empty) {
            return PageState::Empty;
        }
        return PageState::Unreadable(why.message().to_string());
    }
    if checked.report.tables.is_empty() {
        let message = checked
            .findings
            .iter()
            .find(|f| f.family == gouji::rules::RuleId::InputNoTables)
            .map(|f| f.message.clone());
        return PageState::NoTables(message);
    }
    PageState::Tables
}

/// The one-line facts about the report: format, year, agency, encoding.
pub(crate) fn facts(checked: &Checked, lang: crate::i18n::Lang) -> Vec<(&'static str, String)> {
    let report = &checked.report;
    let mut out = Vec::new();
    if let Some(title) = &report.title {
        out.push(("title", title.clone()));
    }
    if report.template != Template::Unknown {
        // A 2021 report whose 表三 is still the 2019 one says so (YR-FORMAT explains it).
        let old_t3 = report.template == Template::Y2021
            && report.table(TableId::T3).is_some_and(|t| t.layout == Layout::Y2019);
        let note = if old_t3 { lang.t(crate::i18n::Text::OldT3) } else { "" };
        out.push(("template", format!("{}{note}", report.template.name())));
    }
    if let Some(year) = report.year {
        out.push(("year", year.to_string()));
    }
    if let Some(agency) = report.agency_name() {
        out.push(("agency", agency.to_string()));
    }
    if let Some(source) = &checked.source {
        out.push(("encoding", source.encoding.name().to_string()));
    }
    out
}

/// The id of the table a cell is in, for scrolling.
pub(crate) fn table_anchor(id: TableId) -> &'static str {
    match id {
        TableId::T2 => "table-t2",
        TableId::T3 => "table-t3",
        TableId::T4 => "table-t4",
        TableId::Pre2019 => "table-p",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gouji::layout::{LabelCell, t3_rows};
    use gouji::model::Row;
    use gouji::{Input, check};

    fn sample() -> Checked {
        check(&Input::text(gouji::SAMPLE_REPORT))
    }

    #[test]
    fn the_sample_is_all_ok() {
        let checked = sample();
        let states = cell_states(&checked);
        assert_eq!(states.len(), 10 + 175 + 15);
        assert!(states.values().all(|&s| s == CellState::Ok));
        assert_eq!(page_state(&checked), PageState::Tables);
    }

    #[test]
    fn a_mistyped_cell_is_the_culprit_and_its_sums_are_errors() {
        // 自然人·（七）总计 1 → 2 in the sample.
        let text = gouji::SAMPLE_REPORT.replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1);
        let checked = check(&Input::text(&text));
        let states = cell_states(&checked);
        let addr = CellRef::parse("t3/R3.7/NP").unwrap();
        assert_eq!(states[&addr], CellState::Culprit);
        // The other cells of the sums it breaks are shown faintly: one mistake, one red cell.
        assert_eq!(states[&CellRef::parse("t3/R3.7/TOT").unwrap()], CellState::Related);
        assert_eq!(states[&CellRef::parse("t3/R1/NP").unwrap()], CellState::Related);
        assert_eq!(states[&CellRef::parse("t3/R3.1/CE").unwrap()], CellState::Ok);
        let sums = sums(&checked, addr);
        assert_eq!(sums.len(), 3);
        let row = sums.iter().find(|e| e.id == "T3-ROW-R3.7").unwrap();
        assert_eq!(row.outcome, Outcome::Failed);
        assert!(row.words.contains("总计 1 ≠ 各类申请人之和 2（相差 1）"), "{}", row.words);
        // Only the addends that are not 0 are listed: 自然人 2, the other five are 0.
        assert_eq!((row.parts.len(), row.zeros), (1, 5));
        assert_eq!(sums[0].outcome, Outcome::Failed, "broken sums first");
        // A total's addends are traced; the culprit is where the keyboard starts.
        assert!(precedents(&checked, CellRef::parse("t3/R3.7/TOT").unwrap()).contains(&addr));
        assert_eq!(home_cell(&checked, &states), Some(addr));
        assert_eq!(verdict_view(&checked).kind, "fail");
        let finding = checked.findings.iter().find(|f| f.cells[0] == addr).unwrap();
        assert_eq!(
            correction(&checked, finding).as_deref(),
            Some("“自然人·（七）总计”应为 1（现为 2）")
        );
    }

    #[test]
    fn cell_views_say_what_the_cells_show() {
        let text = gouji::SAMPLE_REPORT.replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1);
        let checked = check(&Input::text(&text));
        let states = cell_states(&checked);
        let views = cell_views(&checked, &states, Lang::Zh);
        assert_eq!(views.len(), states.len());
        let addr = CellRef::parse("t3/R3.7/NP").unwrap();
        let view = &views[&addr];
        assert_eq!(&*view.data_cell, "t3/R3.7/NP");
        assert_eq!(view.state, CellState::Culprit);
        assert_eq!(&*view.value, "2");
        assert_eq!(&*view.title, addr.display_name());
        assert_eq!(&*view.label, format!("{} 2", addr.display_name()));
    }

    #[test]
    fn t3_layout_spans_match_the_official_table() {
        let checked = sample();
        let table = checked.report.table(TableId::T3).unwrap();
        let rows = t3_rows(table);
        assert_eq!(rows.len(), 25);
        let first_outcome = &rows[2];
        assert_eq!(
            first_outcome.labels[0],
            LabelCell { text: "三、本年度办理结果", rowspan: 22, colspan: 1 }
        );
        let secret = rows.iter().find(|r| r.row == Row::R3_3_1).unwrap();
        assert_eq!(secret.labels[0].rowspan, 8);
        // Label columns always add up to 3 on a row's first line.
        assert_eq!(rows[0].labels[0].colspan, 3);
    }

    #[test]
    fn arrow_keys_move_in_the_grid_and_across_tables() {
        let checked = sample();
        let lines = nav_lines(&checked);
        let at = |a: &str| CellRef::parse(a).unwrap();
        assert_eq!(move_cursor(&lines, at("t3/R1/NP"), "ArrowRight"), Some(at("t3/R1/CE")));
        assert_eq!(move_cursor(&lines, at("t3/R1/NP"), "ArrowDown"), Some(at("t3/R2/NP")));
        assert_eq!(move_cursor(&lines, at("t3/R1/NP"), "ArrowLeft"), None);
        assert_eq!(move_cursor(&lines, at("t3/R4/NP"), "ArrowDown"), Some(at("t4/RV/keep")));
        assert_eq!(move_cursor(&lines, at("t3/R2/CE"), "End"), Some(at("t3/R2/TOT")));
        assert_eq!(verdict_view(&checked).kind, "pass");
    }

    #[test]
    fn excerpts_stay_on_char_boundaries() {
        let source = "一二三四五六七八九十";
        let e = excerpt(source, Some(6..9), 3);
        assert_eq!((e.before.as_str(), e.mark.as_str(), e.after.as_str()), ("二", "三", "四"));
        assert!(e.more_before && e.more_after);
    }

    #[test]
    fn empty_and_unreadable_states() {
        assert_eq!(page_state(&check(&Input::text("  "))), PageState::Empty);
        assert!(matches!(
            page_state(&check(&Input { bytes: b"%PDF-1.4", name: None })),
            PageState::Unreadable(_)
        ));
        assert!(matches!(page_state(&check(&Input::text("你好，世界"))), PageState::NoTables(_)));
    }
}
