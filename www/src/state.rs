//! The page's state and every change to it, as one pure function tested natively: an action
//! and the current state give the next state and the effects to run (storage, history). What
//! must happen after the page is drawn (scrolling to a cell, moving the focus) is queued in
//! the state itself. No browser API is called here.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gouji::fill::{Filled, Form, fill};
use gouji::model::CellRef;
use gouji::model::Number;
use gouji::review::{Decision, Decisions, Status};
use gouji::{Checked, Edit, Input};

use crate::batch::{self, BatchItem, Column};
use crate::i18n::{Lang, Text};
use crate::view_model::{self, CellState, Shared};

/// What is being checked.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Source {
    /// The text in the box (typed or pasted as plain text).
    Text,
    /// The built-in sample.
    Sample,
    /// A paste that carried HTML (tables from a web page, Word or WPS).
    Html(Rc<str>),
    /// A file opened or dropped.
    File { name: Rc<str>, bytes: Rc<[u8]> },
}

/// The built-in sample as a clerk reads it: Simplified Chinese, pinyin removed.
pub(crate) fn sample_text() -> String {
    gouji::normalize::normalize(gouji::SAMPLE_REPORT).text
}

/// The engine's input for what the page holds.
pub(crate) fn input<'a>(text: &'a str, source: &'a Source) -> Input<'a> {
    match source {
        Source::Text | Source::Sample => Input::text(text),
        Source::Html(html) => Input { bytes: html.as_bytes(), name: Some("clipboard.html") },
        Source::File { name, bytes } => Input { bytes, name: Some(name) },
    }
}

/// Checks what the input holds, with the cells the clerk typed over (the page does it in its
/// worker, `worker.rs`).
#[cfg(test)]
pub(crate) fn run_check(text: &str, source: &Source, edits: &[Edit]) -> Checked {
    gouji::check_edited(&input(text, source), edits)
}

/// A number as a clerk types it (`12`, ` 7 `, `１２`); empty is a blank cell. `Err` when it is
/// not a plain non-negative number.
pub(crate) fn parse_typed(text: &str) -> Result<Option<Number>, ()> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .filter(|c| *c != ',')
        .collect();
    if ascii.is_empty() {
        return Ok(None);
    }
    if !ascii.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(());
    }
    Number::parse(&ascii).map(Some).ok_or(())
}

/// Many files at once.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Batch {
    /// The files and their results.
    pub(crate) items: Rc<Vec<BatchItem>>,
    /// How the summary is sorted and filtered.
    pub(crate) view: batch::View,
    /// Which batch run this is (results of an older run are dropped).
    pub(crate) generation: u64,
    /// Every file checked and the rules across reports run.
    pub(crate) finished: bool,
    /// The report shown in full, if any.
    pub(crate) open: Option<usize>,
    /// The row last opened: the list comes back to it.
    pub(crate) last_open: Option<usize>,
}

/// Something to do once the page is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum After {
    /// Bring a cell into view (its table row), without moving the keyboard focus.
    ShowCell(CellRef),
    /// Bring a cell into view and give it the keyboard focus.
    FocusCell(CellRef),
    /// Focus a finding of the list (its title button).
    FocusFinding(usize),
    /// Bring a batch row into view and focus it.
    FocusBatchRow(usize),
    /// Focus the batch's back button (a report of the batch was opened).
    FocusBack,
    /// Focus the text box.
    FocusInput,
}

/// A short message under the input, and what 撤销 would bring back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Notice {
    pub(crate) message: String,
    pub(crate) undo: Option<(Rc<str>, Source)>,
}

/// The page's state.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::struct_excessive_bools)] // independent facts about the page, not one state machine
pub(crate) struct State {
    // The input. Shared: a step clones the state, and a report's text can be megabytes.
    pub(crate) text: Rc<str>,
    pub(crate) source: Source,
    /// Moves on with every new input: a result of an older input is dropped.
    pub(crate) generation: u64,
    /// The text box is shown in full (it collapses to a line once there is a result).
    pub(crate) input_open: bool,
    /// The input changed by pasting (checked at once) rather than by typing (debounced).
    pub(crate) pasted: bool,
    // The result.
    pub(crate) checked: Option<Shared>,
    pub(crate) checked_generation: u64,
    pub(crate) states: Rc<BTreeMap<CellRef, CellState>>,
    // The selection.
    pub(crate) selected: Option<CellRef>,
    pub(crate) marked: BTreeSet<CellRef>,
    pub(crate) selected_finding: Option<usize>,
    /// The cell that holds the table's one Tab stop (arrow keys move it).
    pub(crate) cursor: Option<CellRef>,
    /// Values the clerk typed over cells (or corrections applied); checked with the input.
    pub(crate) edits: Rc<Vec<Edit>>,
    /// The cell being typed into, and what its box starts with.
    pub(crate) editing: Option<(CellRef, String)>,
    // Around it.
    pub(crate) rule: Option<String>,
    pub(crate) lang: Lang,
    pub(crate) dragging: bool,
    pub(crate) notice: Option<Notice>,
    /// The reviewer's decisions about the current report and their storage key.
    pub(crate) decisions: Rc<Decisions>,
    pub(crate) decisions_key: Option<String>,
    pub(crate) batch: Option<Batch>,
    /// A new batch waits for the clerk's yes: the one on screen would be lost.
    pub(crate) pending_discard: Option<Discard>,
    /// What to do after the next draw, and a counter that moves when it changes.
    pub(crate) after: Vec<After>,
    pub(crate) after_seq: u64,
    /// Checking reports, or filling in a new one (填报).
    pub(crate) mode: Mode,
    /// The 填报 form and what it comes to.
    pub(crate) form: Rc<Form>,
    pub(crate) filled: FilledRef,
    /// The browser is printing: the batch's 问题清单 of every report is drawn only then.
    pub(crate) printing: bool,
}

/// What the 填报 form comes to, shared; equal when it is the same result.
#[derive(Clone, Debug)]
pub(crate) struct FilledRef(pub(crate) Rc<Filled>);

impl PartialEq for FilledRef {
    fn eq(&self, other: &FilledRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for FilledRef {
    type Target = Filled;

    fn deref(&self) -> &Filled {
        &self.0
    }
}

/// What the page is for right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Check a report (or many).
    Check,
    /// Fill in a new report's tables (填报).
    Fill,
}

/// The 填报 form as stored across a reload: one `key=value` per line.
pub(crate) fn form_to_text(form: &Form) -> String {
    let mut out = format!(
        "agency={}\nyear={}\n",
        form.agency,
        form.year.map(|y| y.to_string()).unwrap_or_default()
    );
    if let Some((name, carried)) = &form.carried {
        out.push_str(&format!("carried={name}\n"));
        for (col, value) in carried {
            out.push_str(&format!("carried.{}={value}\n", col.code()));
        }
    }
    for (cell, value) in &form.typed {
        out.push_str(&format!("{cell}={value}\n"));
    }
    out
}

/// A stored form back (what cannot be read is left out).
pub(crate) fn form_from_text(text: &str) -> Form {
    let mut form = Form::default();
    let mut carried: Option<(String, BTreeMap<gouji::model::Col, Number>)> = None;
    for line in text.lines() {
        let Some((key, value)) = line.split_once('=') else { continue };
        match key {
            "agency" => form.agency = value.to_string(),
            "year" => form.year = value.parse().ok(),
            "carried" => carried = Some((value.to_string(), BTreeMap::new())),
            _ => {
                let number = Number::parse(value);
                if let Some(col) = key.strip_prefix("carried.") {
                    let col = gouji::model::CellRef::parse(&format!("t3/R4/{col}")).map(|c| c.col);
                    if let (Some((_, map)), Some(col), Some(n)) = (carried.as_mut(), col, number) {
                        map.insert(col, n);
                    }
                } else if let (Some(cell), Some(n)) = (CellRef::parse(key), number) {
                    form.typed.insert(cell, n);
                }
            }
        }
    }
    form.carried = carried;
    form
}

/// An action that would discard the batch on screen, waiting for the clerk's yes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Discard {
    /// Load the sample.
    Sample,
    /// Clear the input.
    Clear,
    /// Edit the text (the box was hidden during the batch).
    Edit,
    /// The browser's Back left the batch's list.
    Leave,
}

/// Effects the page runs right away (the state change does not wait for them).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Effect {
    /// Remember the input across a reload.
    Persist { text: Rc<str>, source: Source },
    /// Store (or, `None`, forget) a report's decisions under `key`.
    SaveDecisions { key: String, file: Option<gouji::dto::DecisionsFile> },
    /// Remember the interface language.
    SaveLang(Lang),
    /// Remember the 填报 form (its text, `form_to_text`).
    SaveForm(String),
    /// Put the batch view in the address bar: push a history entry, or replace the current one.
    History { hash: String, push: bool },
}

/// Everything that can happen.
#[derive(Clone, Debug)]
pub(crate) enum Action {
    Typed(String),
    PastedText(String),
    PastedHtml {
        html: String,
        text: String,
    },
    Opened {
        name: String,
        bytes: Vec<u8>,
    },
    Sample,
    Clear,
    /// Bring back what 示例 or 清空 replaced.
    UndoReplace,
    /// Show or hide the text box.
    ToggleInput(bool),
    Checked {
        generation: u64,
        checked: Shared,
    },
    Select(Option<CellRef>),
    /// Move the table's keyboard cursor (arrow keys).
    Cursor(CellRef),
    /// Open the box to type over a cell, starting with this text.
    StartEdit(CellRef, String),
    /// Close the box without changing the cell.
    CancelEdit,
    /// The clerk typed `text` over `cell`; then move the cursor this way (a key name), if any.
    /// `refocus` is false when the box lost the focus to something else (leave it there).
    CommitEdit {
        cell: CellRef,
        text: String,
        then: Option<String>,
        refocus: bool,
    },
    /// Give a cell back the value read from the input.
    Revert(CellRef),
    /// Give every cell back the value read.
    RevertAll,
    /// Apply corrections (a diagnosis's): they become edits.
    ApplyFixes(Vec<Edit>),
    SelectFinding(usize),
    /// Select the first finding of a severity and move the focus to it (the verdict's counts).
    JumpTo(gouji::Severity),
    ShowRule(Option<String>),
    SetLang(Lang),
    Dragging(bool),
    Notice(String),
    Decide {
        finding: usize,
        status: Status,
        reason: String,
        date: String,
    },
    Undecide(String),
    /// A decisions file, read (`decisions_file::read`: the browser's JSON reader).
    ImportDecisions {
        name: String,
        read: Result<Decisions, gouji::review::FileError>,
    },
    BatchStart {
        generation: u64,
        names: Vec<Rc<str>>,
    },
    BatchChecked {
        generation: u64,
        index: usize,
        checked: Shared,
    },
    /// Reports of the batch that the rules across reports changed (a part of them).
    BatchUpdated {
        generation: u64,
        updated: Vec<(usize, Shared)>,
    },
    /// Every report of the batch is checked and the rules across reports have run.
    BatchFinished {
        generation: u64,
    },
    /// Open one report of the batch, or the list again (`from_history`: the browser's Back
    /// or Forward did it, so no new history entry).
    BatchOpen {
        index: Option<usize>,
        from_history: bool,
    },
    /// The address bar names a batch view the page does not hold (after a reload).
    BatchLost,
    /// The browser's Back went past the batch's list.
    HistoryLeft,
    /// The browser starts (true) or ends (false) printing.
    Printing(bool),
    BatchSort(Column),
    BatchFilter(String),
    BatchErrorsOnly(bool),
    /// The clerk confirmed (true) or refused (false) discarding the batch.
    ConfirmDiscard(bool),
    /// What was to be done after the draw is done.
    AfterDone,
    /// Switch between checking and filling in (填报).
    SetMode(Mode),
    /// The clerk typed into a 填报 cell (empty: give it back to its computed or 0 value).
    FillType {
        cell: CellRef,
        text: String,
    },
    /// The 填报 form's unit or year.
    FillAgency(String),
    FillYear(String),
    /// Last year's report read: its name and its 结转下年度继续办理.
    FillCarried {
        name: String,
        carried: Option<BTreeMap<gouji::model::Col, Number>>,
    },
    /// Start the 填报 form again.
    FillClear,
}

/// The storage key of a report's decisions: its agency and year, or `None` when the report
/// names neither.
pub(crate) fn decisions_key(checked: &Checked) -> Option<String> {
    let report = &checked.report;
    if report.agency.is_none() && report.year.is_none() {
        return None;
    }
    Some(format!(
        "gouji.decisions.v1:{}|{}",
        report.agency_name().unwrap_or_default(),
        report.year.map_or_else(String::new, |y| y.to_string())
    ))
}

/// The address bar's hash for a batch view.
pub(crate) fn batch_hash(open: Option<usize>) -> String {
    match open {
        Some(k) => format!("#batch/{}", k + 1),
        None => "#batch".to_string(),
    }
}

/// A place in a batch that the address bar names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The summary list.
    List,
    /// Report k of the batch (0-based; the hash counts from 1).
    Report(usize),
}

/// The batch place a hash names, if it names one.
pub(crate) fn parse_hash(hash: &str) -> Option<Place> {
    let rest = hash.strip_prefix("#batch")?;
    if rest.is_empty() {
        return Some(Place::List);
    }
    let k: usize = rest.strip_prefix('/')?.parse().ok()?;
    k.checked_sub(1).map(Place::Report)
}

impl State {
    /// The state of a fresh page: what storage kept (text, language), or an empty box.
    #[cfg(test)]
    pub(crate) fn new(
        stored_text: Option<String>,
        stored_html: Option<String>,
        lang: Lang,
    ) -> State {
        State::with_form(stored_text, stored_html, lang, Form::default())
    }

    /// A fresh page with a stored 填报 form.
    pub(crate) fn with_form(
        stored_text: Option<String>,
        stored_html: Option<String>,
        lang: Lang,
        form: Form,
    ) -> State {
        let (text, source): (Rc<str>, Source) = match (stored_html, stored_text) {
            (Some(html), text) => (text.unwrap_or_default().into(), Source::Html(html.into())),
            (None, Some(text)) => (text.into(), Source::Text),
            (None, None) => (Rc::from(""), Source::Text),
        };
        State {
            input_open: text.trim().is_empty(),
            text,
            source,
            generation: 1,
            pasted: true,
            checked: None,
            checked_generation: 0,
            states: Rc::default(),
            selected: None,
            marked: BTreeSet::new(),
            selected_finding: None,
            cursor: None,
            edits: Rc::default(),
            editing: None,
            rule: None,
            lang,
            dragging: false,
            notice: None,
            decisions: Rc::default(),
            decisions_key: None,
            batch: None,
            pending_discard: None,
            after: Vec::new(),
            after_seq: 0,
            mode: Mode::Check,
            filled: FilledRef(Rc::new(fill(&form))),
            printing: false,
            form: Rc::new(form),
        }
    }

    fn set_form(&mut self, form: Form, effects: &mut Vec<Effect>) {
        effects.push(Effect::SaveForm(form_to_text(&form)));
        self.filled = FilledRef(Rc::new(fill(&form)));
        self.form = Rc::new(form);
    }

    /// The result on screen belongs to the current input (the browser tests wait for it).
    pub(crate) fn ready(&self) -> bool {
        match &self.batch {
            Some(batch) => batch.finished,
            None => self.checked_generation == self.generation,
        }
    }

    /// The result shown is an older input's: the newest is being checked (in the worker).
    pub(crate) fn rechecking(&self) -> bool {
        self.batch.is_none() && self.checked.is_some() && self.checked_generation != self.generation
    }

    fn then(&mut self, after: After) {
        self.after.push(after);
        self.after_seq += 1;
    }

    fn clear_selection(&mut self) {
        self.selected = None;
        self.marked.clear();
        self.selected_finding = None;
        self.cursor = None;
    }

    fn new_input(&mut self, text: Rc<str>, source: Source, pasted: bool) {
        self.edits = Rc::default();
        self.editing = None;
        self.batch = None;
        self.pending_discard = None;
        self.text = text;
        self.source = source;
        self.generation += 1;
        self.pasted = pasted;
        self.clear_selection();
        self.notice = None;
    }

    /// Replaces the input by `text` (示例, 清空), keeping what it replaced for 撤销 when
    /// the clerk had pasted or typed something.
    fn replace_input(&mut self, text: Rc<str>, source: Source, message: &str) {
        let kept = !self.text.trim().is_empty() && self.source != Source::Sample;
        let undo = kept.then(|| (self.text.clone(), self.source.clone()));
        self.new_input(text, source, true);
        if undo.is_some() {
            self.notice = Some(Notice { message: message.to_string(), undo });
        }
    }

    /// Shows `checked` as the current report: its cell marks and its decisions.
    fn show(&mut self, checked: Shared, decisions: impl FnOnce(&Checked) -> Decisions) {
        self.states = Rc::new(view_model::cell_states(&checked));
        let key = decisions_key(&checked);
        if self.decisions_key != key {
            self.decisions = Rc::new(decisions(&checked));
            self.decisions_key = key;
        }
        self.checked = Some(checked);
    }

    /// New edits: the tables are checked again at once.
    fn set_edits(&mut self, edits: Vec<Edit>) {
        self.edits = Rc::new(edits);
        self.generation += 1;
        self.pasted = true;
    }

    fn save_decisions(&self, effects: &mut Vec<Effect>) {
        let Some(key) = &self.decisions_key else { return };
        let file = (!self.decisions.decisions.is_empty())
            .then(|| gouji::dto::DecisionsFile::from(&*self.decisions));
        effects.push(Effect::SaveDecisions { key: key.clone(), file });
    }
}

/// The next state and the effects of `action`. `load` gives a report's stored decisions.
pub(crate) fn step(
    state: &State,
    action: Action,
    load: &dyn Fn(&Checked) -> Decisions,
) -> (State, Vec<Effect>) {
    let mut next = state.clone();
    let mut effects = Vec::new();
    match action {
        Action::Typed(text) => next.new_input(text.into(), Source::Text, false),
        Action::PastedText(text) => next.new_input(text.into(), Source::Text, true),
        Action::PastedHtml { html, text } => {
            next.new_input(text.into(), Source::Html(html.into()), true);
        }
        Action::Opened { name, bytes } => {
            next.new_input(
                Rc::from(""),
                Source::File { name: name.into(), bytes: bytes.into() },
                true,
            );
            next.input_open = false;
        }
        Action::Sample | Action::Clear if next.batch.is_some() => {
            next.pending_discard = Some(if matches!(action, Action::Sample) {
                Discard::Sample
            } else {
                Discard::Clear
            });
        }
        Action::Sample => {
            let message = next.lang.t(Text::SampleLoaded);
            next.replace_input(sample_text().into(), Source::Sample, message);
        }
        Action::Clear => {
            let message = next.lang.t(Text::Cleared);
            next.replace_input(Rc::from(""), Source::Text, message);
            next.input_open = true;
            next.checked = None;
            next.then(After::FocusInput);
        }
        Action::UndoReplace => {
            if let Some((text, source)) = next.notice.take().and_then(|n| n.undo) {
                next.new_input(text, source, true);
            }
        }
        Action::ToggleInput(open) if open && next.batch.is_some() => {
            next.pending_discard = Some(Discard::Edit);
        }
        Action::ToggleInput(open) => {
            next.input_open = open;
            if open {
                next.then(After::FocusInput);
            }
        }
        Action::ConfirmDiscard(yes) => {
            let pending = next.pending_discard.take();
            if yes {
                next.batch = None;
                effects.push(Effect::History { hash: String::new(), push: false });
                match pending {
                    Some(Discard::Sample) => return step(&next, Action::Sample, load),
                    Some(Discard::Clear) => return step(&next, Action::Clear, load),
                    Some(Discard::Edit) => {
                        next.input_open = true;
                        next.new_input(Rc::from(""), Source::Text, true);
                        next.checked = None;
                        next.then(After::FocusInput);
                    }
                    Some(Discard::Leave) => {
                        // Back to what was checked before the batch.
                        let (text, source) = (next.text.clone(), next.source.clone());
                        next.new_input(text, source, true);
                    }
                    None => {}
                }
            } else if pending == Some(Discard::Leave)
                && let Some(batch) = &next.batch
            {
                effects.push(Effect::History { hash: batch_hash(batch.open), push: true });
            }
        }
        Action::Printing(printing) => next.printing = printing,
        Action::HistoryLeft => {
            if next.batch.is_some() {
                next.pending_discard = Some(Discard::Leave);
            }
        }
        Action::JumpTo(severity) => {
            let first = next
                .checked
                .as_ref()
                .and_then(|c| c.findings.iter().position(|f| f.severity == severity));
            if let Some(k) = first {
                let (mut after, more) = step(&next, Action::SelectFinding(k), load);
                after.then(After::FocusFinding(k));
                effects.extend(more);
                return (after, effects);
            }
        }
        Action::Checked { generation, checked } => {
            if generation != next.generation {
                return (state.clone(), effects);
            }
            if let (Source::File { .. }, Some(source)) = (&next.source, &checked.source)
                && *next.text != *source.text
            {
                next.text = source.text.as_str().into();
            }
            effects.push(Effect::Persist { text: next.text.clone(), source: next.source.clone() });
            let has_result = checked.unreadable.is_none() || !next.text.trim().is_empty();
            let first_error = first_error_cell(&checked);
            next.show(checked, load);
            next.checked_generation = generation;
            // The result first: the box folds to a line once a report was read.
            if has_result && next.pasted && !next.text.trim().is_empty() {
                next.input_open = false;
            }
            if let Some(cell) = first_error {
                next.then(After::ShowCell(cell));
            }
        }
        Action::BatchStart { generation, names } => {
            next.batch = Some(Batch {
                items: Rc::new(
                    names.into_iter().map(|name| BatchItem { name, checked: None }).collect(),
                ),
                view: batch::View::default(),
                generation,
                finished: false,
                open: None,
                last_open: None,
            });
            next.clear_selection();
            next.notice = None;
            next.input_open = false;
            effects.push(Effect::History { hash: batch_hash(None), push: true });
        }
        Action::BatchChecked { generation, index, checked } => {
            let Some(batch) = next.batch.as_mut().filter(|b| b.generation == generation) else {
                return (state.clone(), effects);
            };
            if let Some(item) = Rc::make_mut(&mut batch.items).get_mut(index) {
                item.checked = Some(checked);
            }
        }
        Action::BatchUpdated { generation, updated } => {
            let Some(batch) = next.batch.as_mut().filter(|b| b.generation == generation) else {
                return (state.clone(), effects);
            };
            let items = Rc::make_mut(&mut batch.items);
            for (index, checked) in updated {
                if let Some(item) = items.get_mut(index) {
                    item.checked = Some(checked);
                }
            }
        }
        Action::BatchFinished { generation } => {
            let Some(batch) = next.batch.as_mut().filter(|b| b.generation == generation) else {
                return (state.clone(), effects);
            };
            batch.finished = true;
        }
        Action::BatchOpen { index, from_history } => {
            let Some(batch) = next.batch.as_mut() else { return (state.clone(), effects) };
            let checked =
                index.and_then(|k| batch.items.get(k)).and_then(|item| item.checked.clone());
            if index.is_some() && checked.is_none() {
                return (state.clone(), effects);
            }
            batch.open = index;
            if index.is_some() {
                batch.last_open = index;
            }
            let last = batch.last_open;
            if !from_history {
                effects.push(Effect::History { hash: batch_hash(index), push: true });
            }
            next.clear_selection();
            match checked {
                Some(checked) => {
                    let first_error = first_error_cell(&checked);
                    next.show(checked, load);
                    next.then(After::FocusBack);
                    if let Some(cell) = first_error {
                        next.then(After::ShowCell(cell));
                    }
                }
                None => {
                    if let Some(k) = last {
                        next.then(After::FocusBatchRow(k));
                    }
                }
            }
        }
        Action::BatchLost => {
            effects.push(Effect::History { hash: String::new(), push: false });
            next.notice =
                Some(Notice { message: next.lang.t(Text::BatchLost).to_string(), undo: None });
        }
        Action::BatchSort(column) => {
            if let Some(batch) = next.batch.as_mut() {
                let (current, descending) = batch.view.sort;
                batch.view.sort = (column, if current == column { !descending } else { true });
            }
        }
        Action::BatchFilter(text) => {
            if let Some(batch) = next.batch.as_mut() {
                batch.view.filter = text;
            }
        }
        Action::BatchErrorsOnly(on) => {
            if let Some(batch) = next.batch.as_mut() {
                batch.view.errors_only = on;
            }
        }
        Action::Select(cell) => {
            next.selected = cell;
            next.marked.clear();
            next.selected_finding = None;
            if let Some(cell) = cell {
                next.cursor = Some(cell);
            }
        }
        Action::Cursor(cell) => {
            next.cursor = Some(cell);
            next.then(After::FocusCell(cell));
        }
        Action::StartEdit(cell, text) => {
            if next.batch.is_none() && next.checked.is_some() {
                next.selected = Some(cell);
                next.cursor = Some(cell);
                next.editing = Some((cell, text));
            }
        }
        Action::CancelEdit => {
            if let Some((cell, _)) = next.editing.take() {
                next.then(After::FocusCell(cell));
            }
        }
        Action::CommitEdit { cell, text, then, refocus } => {
            let Ok(value) = parse_typed(&text) else {
                next.notice = Some(Notice {
                    message: next.lang.f(Text::NotANumberCell, &[&text.trim()]),
                    undo: None,
                });
                return (next, effects);
            };
            next.editing = None;
            let was = next.checked.as_ref().and_then(|c| {
                let applied = c.edits.iter().find(|a| a.cell == cell).map(|a| a.was.clone());
                applied.or_else(|| c.report.cell(cell).map(|x| x.value.clone()))
            });
            let same_as_read = match (&was, value) {
                (Some(gouji::model::Value::Number(n)), Some(v)) => *n == v,
                (Some(gouji::model::Value::Blank { .. }), None) => true,
                _ => false,
            };
            let mut edits = (*next.edits).clone();
            edits.retain(|e| e.cell != cell);
            if !same_as_read {
                edits.push(Edit { cell, value });
            }
            next.set_edits(edits);
            let moved = then.and_then(|key| {
                let checked = next.checked.as_ref()?;
                view_model::move_cursor(&view_model::nav_lines(checked), cell, &key)
            });
            let target = moved.unwrap_or(cell);
            next.cursor = Some(target);
            if refocus {
                next.then(After::FocusCell(target));
            }
        }
        Action::Revert(cell) => {
            let mut edits = (*next.edits).clone();
            edits.retain(|e| e.cell != cell);
            next.set_edits(edits);
        }
        Action::RevertAll => next.set_edits(Vec::new()),
        Action::ApplyFixes(fixes) => {
            let mut edits = (*next.edits).clone();
            for fix in fixes {
                edits.retain(|e| e.cell != fix.cell);
                edits.push(fix);
            }
            next.set_edits(edits);
        }
        Action::SelectFinding(k) => {
            if let Some(finding) = next.checked.as_ref().and_then(|c| c.findings.get(k)) {
                next.marked = finding.cells.iter().copied().collect();
                next.selected = finding.cells.first().copied();
                next.cursor = next.selected;
                next.selected_finding = Some(k);
                if let Some(cell) = next.selected {
                    next.then(After::ShowCell(cell));
                }
            }
        }
        Action::ShowRule(rule) => next.rule = rule,
        Action::SetLang(lang) => {
            next.lang = lang;
            effects.push(Effect::SaveLang(lang));
        }
        Action::Dragging(on) => next.dragging = on,
        Action::Notice(message) => next.notice = Some(Notice { message, undo: None }),
        Action::Decide { finding, status, reason, date } => {
            let Some(checked) = next.checked.clone() else { return (state.clone(), effects) };
            let Some(finding) = checked.findings.get(finding) else {
                return (state.clone(), effects);
            };
            let mut decisions = (*next.decisions).clone();
            if decisions.agency.is_none() && decisions.year.is_none() {
                decisions =
                    Decisions { decisions: decisions.decisions, ..Decisions::for_report(&checked) };
            }
            decisions.set(Decision::new(finding, status, &reason, &date));
            next.decisions = Rc::new(decisions);
            next.save_decisions(&mut effects);
        }
        Action::Undecide(fingerprint) => {
            let mut decisions = (*next.decisions).clone();
            decisions.remove(&fingerprint);
            next.decisions = Rc::new(decisions);
            next.save_decisions(&mut effects);
        }
        Action::ImportDecisions { name, read } => {
            let Some(checked) = next.checked.clone() else { return (state.clone(), effects) };
            match read {
                Ok(read) => {
                    let mut decisions = (*next.decisions).clone();
                    if decisions.agency.is_none() && decisions.year.is_none() {
                        decisions = Decisions {
                            decisions: decisions.decisions,
                            ..Decisions::for_report(&checked)
                        };
                    }
                    let total = read.decisions.len();
                    let applying = read
                        .decisions
                        .iter()
                        .filter(|d| checked.findings.iter().any(|f| f.fingerprint == d.fingerprint))
                        .count();
                    decisions.merge(read);
                    next.decisions = Rc::new(decisions);
                    next.save_decisions(&mut effects);
                    next.notice = Some(Notice {
                        message: next.lang.f(Text::DecisionsImported, &[&name, &total, &applying]),
                        undo: None,
                    });
                }
                Err(why) => {
                    next.notice = Some(Notice {
                        message: next.lang.f(Text::DecisionsRefused, &[&name, &why.message()]),
                        undo: None,
                    });
                }
            }
        }
        Action::AfterDone => {
            next.after.clear();
        }
        Action::SetMode(mode) => next.mode = mode,
        Action::FillType { cell, text } => {
            let mut form = (*next.form).clone();
            match parse_typed(&text) {
                Ok(Some(value)) => {
                    form.typed.insert(cell, value);
                }
                Ok(None) => {
                    form.typed.remove(&cell);
                }
                Err(()) => {
                    next.notice = Some(Notice {
                        message: next.lang.f(Text::NotANumber, &[&text.trim()]),
                        undo: None,
                    });
                    return (next, effects);
                }
            }
            next.notice = None;
            next.set_form(form, &mut effects);
        }
        Action::FillAgency(agency) => {
            let mut form = (*next.form).clone();
            form.agency = agency.trim().to_string();
            next.set_form(form, &mut effects);
        }
        Action::FillYear(year) => {
            let mut form = (*next.form).clone();
            form.year = year.trim().parse().ok();
            next.set_form(form, &mut effects);
        }
        Action::FillCarried { name, carried } => {
            let mut form = (*next.form).clone();
            match carried {
                Some(carried) => {
                    form.carried = Some((name.clone(), carried));
                    next.notice = Some(Notice {
                        message: next.lang.f(Text::CarriedFrom, &[&name]),
                        undo: None,
                    });
                }
                None => {
                    next.notice = Some(Notice {
                        message: next.lang.f(Text::CarriedNone, &[&name]),
                        undo: None,
                    });
                }
            }
            next.set_form(form, &mut effects);
        }
        Action::FillClear => next.set_form(Form::default(), &mut effects),
    }
    (next, effects)
}

/// The cell to bring into view first: the first error's first cell.
fn first_error_cell(checked: &Checked) -> Option<CellRef> {
    checked
        .findings
        .iter()
        .find(|f| f.severity == gouji::Severity::Error)
        .and_then(|f| f.cells.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(state: &State, action: Action) -> (State, Vec<Effect>) {
        step(state, action, &|c| Decisions::for_report(c))
    }

    /// Checks the state's input and hands the result back, as the page does.
    fn checked(state: &State) -> State {
        let result = Shared(Rc::new(run_check(&state.text, &state.source, &state.edits)));
        run(state, Action::Checked { generation: state.generation, checked: result }).0
    }

    #[test]
    fn a_first_visit_is_an_empty_open_box() {
        let state = State::new(None, None, Lang::Zh);
        assert!(state.text.is_empty() && state.input_open);
        let state = State::new(Some("粘贴过的报告".into()), None, Lang::En);
        assert!(!state.input_open, "a stored report shows its result first");
        assert_eq!(state.lang, Lang::En);
    }

    #[test]
    fn a_paste_folds_the_box_and_brings_the_first_error_into_view() {
        let state = State::new(None, None, Lang::Zh);
        let sample = sample_text();
        // 自然人·（七）总计 1 → 2 in the Simplified sample.
        let text = sample.replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1);
        assert_ne!(text, sample, "the sample has that cell");
        let (state, _) = run(&state, Action::PastedText(text));
        let state = checked(&state);
        assert!(!state.input_open);
        assert!(state.ready());
        assert_eq!(
            state.after.last(),
            Some(&After::ShowCell(CellRef::parse("t3/R3.7/NP").unwrap()))
        );
        // Typing does not fold it.
        let (state, _) = run(&state, Action::ToggleInput(true));
        let (state, _) = run(&state, Action::Typed(sample.clone()));
        let state = checked(&state);
        assert!(state.input_open);
    }

    #[test]
    fn a_result_stays_on_screen_marked_while_the_new_input_is_checked() {
        let state = State::new(None, None, Lang::Zh);
        let (state, _) = run(&state, Action::PastedText(sample_text()));
        assert!(!state.rechecking(), "nothing shown yet: nothing stale");
        let state = checked(&state);
        assert!(!state.rechecking() && state.ready());
        let first = state.checked.clone();
        let (state, _) = run(&state, Action::Typed(sample_text() + "。"));
        assert!(state.rechecking() && !state.ready());
        assert_eq!(state.checked, first, "the older result is still shown");
        // An older check that comes back late is dropped; the newest one ends it.
        let late = Shared(Rc::new(run_check(&sample_text(), &Source::Text, &[])));
        let (state, _) =
            run(&state, Action::Checked { generation: state.generation - 1, checked: late });
        assert!(state.rechecking());
        let state = checked(&state);
        assert!(!state.rechecking() && state.ready());
    }

    #[test]
    fn moving_around_the_tables_copies_neither_the_text_nor_the_result() {
        // A step clones the state: the report's text, its result and its cell marks are
        // shared, so a click or an arrow key costs the same for a 1 MB report as for a line.
        let state = State::new(None, None, Lang::Zh);
        let text = sample_text().replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1);
        let (state, _) = run(&state, Action::PastedText(text));
        let state = checked(&state);
        let cell = CellRef::parse("t3/R3.7/NP").unwrap();
        let mut now = state.clone();
        for action in [
            Action::Select(Some(cell)),
            Action::Cursor(cell),
            Action::AfterDone,
            Action::SelectFinding(0),
            Action::AfterDone,
            Action::Select(None),
        ] {
            let (next, effects) = run(&now, action);
            assert!(effects.is_empty());
            assert!(Rc::ptr_eq(&next.text, &state.text));
            assert_eq!(next.checked, state.checked, "the same result (Shared compares pointers)");
            assert!(Rc::ptr_eq(&next.states, &state.states));
            now = next;
        }
    }

    #[test]
    fn sample_and_clear_can_be_undone() {
        let state = State::new(None, None, Lang::Zh);
        let (state, _) = run(&state, Action::PastedText("我的报告".into()));
        let (state, _) = run(&state, Action::Clear);
        assert!(state.text.is_empty());
        assert!(state.notice.as_ref().is_some_and(|n| n.undo.is_some()));
        let (state, _) = run(&state, Action::UndoReplace);
        assert_eq!(&*state.text, "我的报告");
        let (state, _) = run(&state, Action::Sample);
        assert_eq!(state.source, Source::Sample);
        assert!(!state.text.contains("(qū)"), "the sample is shown in Simplified Chinese");
        let (state, _) = run(&state, Action::UndoReplace);
        assert_eq!(&*state.text, "我的报告");
        // Replacing the sample itself offers nothing to undo.
        let (state, _) = run(&state, Action::Sample);
        let (state, _) = run(&state, Action::Clear);
        assert!(state.notice.is_none());
    }

    fn batch_of_two() -> State {
        let state = State::new(None, None, Lang::Zh);
        let names: Vec<Rc<str>> = vec!["a.txt".into(), "b.txt".into()];
        let (mut state, effects) = run(&state, Action::BatchStart { generation: 7, names });
        assert_eq!(effects, vec![Effect::History { hash: "#batch".into(), push: true }]);
        for index in 0..2 {
            let checked = Shared(Rc::new(run_check(&sample_text(), &Source::Sample, &[])));
            state = run(&state, Action::BatchChecked { generation: 7, index, checked }).0;
        }
        run(&state, Action::BatchFinished { generation: 7 }).0
    }

    #[test]
    fn a_batch_keeps_its_place_through_open_and_back() {
        let state = batch_of_two();
        assert!(state.ready());
        let (state, effects) =
            run(&state, Action::BatchOpen { index: Some(1), from_history: false });
        assert_eq!(effects, vec![Effect::History { hash: "#batch/2".into(), push: true }]);
        assert!(state.checked.is_some());
        // The browser's Back: the list, at the row that was open, with no new history entry.
        let (state, effects) = run(&state, Action::BatchOpen { index: None, from_history: true });
        assert!(effects.is_empty());
        assert_eq!(state.after.last(), Some(&After::FocusBatchRow(1)));
        assert_eq!(parse_hash("#batch/2"), Some(Place::Report(1)));
        assert_eq!(parse_hash("#batch"), Some(Place::List));
        assert_eq!(parse_hash("#x"), None);
    }

    #[test]
    fn nothing_discards_a_batch_without_asking() {
        let state = batch_of_two();
        let (state, _) = run(&state, Action::Sample);
        assert!(state.batch.is_some(), "the batch is still there");
        assert_eq!(state.pending_discard, Some(Discard::Sample));
        let (state, _) = run(&state, Action::ConfirmDiscard(false));
        assert!(state.batch.is_some() && state.pending_discard.is_none());
        let (state, _) = run(&state, Action::ToggleInput(true));
        assert_eq!(state.pending_discard, Some(Discard::Edit));
        let (state, effects) = run(&state, Action::ConfirmDiscard(true));
        assert!(state.batch.is_none() && state.input_open);
        assert!(effects.contains(&Effect::History { hash: String::new(), push: false }));
    }

    #[test]
    fn back_past_the_list_asks_before_leaving_the_batch() {
        let state = batch_of_two();
        let (state, _) = run(&state, Action::HistoryLeft);
        assert_eq!(state.pending_discard, Some(Discard::Leave));
        let (state, effects) = run(&state, Action::ConfirmDiscard(false));
        assert!(state.batch.is_some());
        assert_eq!(effects, vec![Effect::History { hash: "#batch".into(), push: true }]);
    }

    #[test]
    fn the_counts_lead_to_the_first_finding() {
        let state = State::new(None, None, Lang::Zh);
        let text = sample_text().replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1);
        let (state, _) = run(&state, Action::PastedText(text));
        let state = checked(&state);
        let (state, _) = run(&state, Action::JumpTo(gouji::Severity::Error));
        assert_eq!(state.selected_finding, Some(0));
        assert_eq!(state.after.last(), Some(&After::FocusFinding(0)));
        assert_eq!(state.selected, CellRef::parse("t3/R3.7/NP"));
    }

    #[test]
    fn typing_over_a_cell_rechecks_and_can_be_reverted() {
        let state = State::new(None, None, Lang::Zh);
        let text = sample_text().replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1);
        let (state, _) = run(&state, Action::PastedText(text));
        let state = checked(&state);
        assert_eq!(state.checked.as_ref().unwrap().verdict(), gouji::Verdict::Fail);
        let cell = CellRef::parse("t3/R3.7/NP").unwrap();
        let (state, _) = run(&state, Action::StartEdit(cell, String::new()));
        assert_eq!(state.editing, Some((cell, String::new())));
        let (bad, _) =
            run(&state, Action::CommitEdit { cell, text: "一".into(), then: None, refocus: true });
        assert!(bad.editing.is_some() && bad.notice.is_some(), "not a number: keeps typing");
        let (state, _) = run(
            &state,
            Action::CommitEdit {
                cell,
                text: "１".into(),
                then: Some("ArrowRight".into()),
                refocus: true,
            },
        );
        let state = checked(&state);
        let result = state.checked.as_ref().unwrap();
        assert_eq!(result.verdict(), gouji::Verdict::Pass);
        assert_eq!(result.edits.len(), 1);
        assert_eq!(state.cursor, CellRef::parse("t3/R3.7/CE"), "moved on like a spreadsheet");
        let (state, _) = run(&state, Action::RevertAll);
        let state = checked(&state);
        assert_eq!(state.checked.as_ref().unwrap().verdict(), gouji::Verdict::Fail);
        // The engine's correction, applied.
        let fixes = gouji::correct::unique_corrections(state.checked.as_ref().unwrap()).unwrap();
        let (state, _) = run(&state, Action::ApplyFixes(fixes));
        let state = checked(&state);
        assert_eq!(state.checked.as_ref().unwrap().verdict(), gouji::Verdict::Pass);
        // Typing the value as read is no edit.
        let (state, _) =
            run(&state, Action::CommitEdit { cell, text: "2".into(), then: None, refocus: true });
        assert!(state.edits.is_empty());
        assert_eq!(parse_typed(" 12 "), Ok(Some(Number::int(12))));
        assert_eq!(parse_typed(""), Ok(None));
        assert!(parse_typed("1e5").is_err());
    }

    #[test]
    fn the_fill_form_computes_totals_and_survives_a_reload() {
        let state = State::new(None, None, Lang::Zh);
        let (state, _) = run(&state, Action::SetMode(Mode::Fill));
        let np = CellRef::parse("t3/R1/NP").unwrap();
        let (state, _) = run(&state, Action::FillType { cell: np, text: "3".into() });
        let out = CellRef::parse("t3/R3.1/NP").unwrap();
        let (state, effects) = run(&state, Action::FillType { cell: out, text: "3".into() });
        let total = CellRef::parse("t3/R3.7/TOT").unwrap();
        assert_eq!(state.filled.cells[&total], (Number::int(3), gouji::fill::Origin::Computed));
        assert_eq!(state.filled.checked.verdict(), gouji::Verdict::Pass);
        let Some(Effect::SaveForm(text)) = effects.last() else { panic!("saved") };
        assert_eq!(form_from_text(text), *state.form);
        let (bad, _) = run(&state, Action::FillType { cell: np, text: "x".into() });
        assert!(bad.notice.is_some());
        let (state, _) = run(&state, Action::FillType { cell: np, text: String::new() });
        assert!(!state.form.typed.contains_key(&np));
    }

    #[test]
    fn the_language_is_remembered() {
        let state = State::new(None, None, Lang::Zh);
        let (state, effects) = run(&state, Action::SetLang(Lang::En));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(effects, vec![Effect::SaveLang(Lang::En)]);
    }
}
