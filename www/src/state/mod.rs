//! The page's state, in slices, and every change to it as pure functions tested natively: an
//! action and the current state give the next state and the effects to run (storage, history,
//! files, downloads, the clipboard). Each slice has its own actions and reducer:
//!
//! - `input`: the text and where it came from, the cells typed over, the generation the check
//!   follows;
//! - the result (`ResultState`, here): the engine's answer on screen and its cell marks;
//! - `selection`: the selected cell and finding, the keyboard cursor, the cell being typed into;
//! - `batch`: many reports, their summary's order and filter, the one open;
//! - `decisions`: the reviewer's decisions and their storage key;
//! - `fill`: the 填报 form;
//! - `ui`: language, mode, notice, rule page, dragging, printing.
//!
//! `step` routes an action to its slice and does what crosses slices (a new input clears the
//! selection and the batch; a result updates the marks and asks for the decisions). What must
//! happen after the page is drawn (scrolling to a cell, moving the focus) is queued in
//! `after`. No browser API is called here: `app.rs` runs the effects, in one place, and feeds
//! what they read back as actions (`settle`).

pub(crate) mod batch;
pub(crate) mod decisions;
pub(crate) mod fill;
pub(crate) mod input;
pub(crate) mod selection;
pub(crate) mod ui;

use std::collections::BTreeMap;
use std::rc::Rc;

use gouji::Checked;
use gouji::model::CellRef;

pub(crate) use self::batch::{Batch, BatchAction, Place, parse_hash};
pub(crate) use self::decisions::{DecisionsAction, DecisionsState};
pub(crate) use self::fill::{FillAction, FillState, FilledRef, form_from_text};
#[cfg(test)]
pub(crate) use self::input::run_check;
pub(crate) use self::input::{EditAction, InputState, Source, input, parse_typed, sample_text};
pub(crate) use self::selection::{SelectAction, Selection};
pub(crate) use self::ui::{Ui, UiAction};
use crate::batch::BatchItem;
use crate::i18n::{Lang, Text, names};
use crate::view_model::{self, CellState, Shared};

/// The type of a Word document, for downloads.
pub(crate) const DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The largest file the page reads (the worker refuses more, too).
pub(crate) use crate::worker::MAX_FILE_BYTES;

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

/// What to do after the next draw, and a counter that moves when it changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct AfterQueue {
    pub(crate) items: Vec<After>,
    pub(crate) seq: u64,
}

impl AfterQueue {
    fn push(&mut self, after: After) {
        self.items.push(after);
        self.seq += 1;
    }
}

/// A short message under the input, and what 撤销 would bring back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Notice {
    pub(crate) message: String,
    pub(crate) undo: Option<(Rc<str>, Source)>,
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

/// What the page is for right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Check a report (or many).
    Check,
    /// Fill in a new report's tables (填报).
    Fill,
}

/// A file the clerk opened, picked or dropped. The page keeps the file itself (`app.rs`); the
/// state knows it by `id`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Picked {
    pub(crate) id: u64,
    /// Its name (its path inside a folder).
    pub(crate) name: String,
    /// Its size in bytes.
    pub(crate) size: f64,
}

/// Effects: what the page does outside its state. `app.rs` runs them, in one place; what one
/// reads comes back as an action.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Effect {
    /// Remember the input across a reload (after each check of it, so after every edit).
    Persist { text: Rc<str>, source: Source },
    /// Store (or, `None`, forget) a report's decisions under `key`.
    SaveDecisions { key: String, file: Option<gouji::dto::DecisionsFile> },
    /// Read a report's decisions under `key` (→ `DecisionsAction::Loaded`).
    LoadDecisions { key: String },
    /// Remember the interface language.
    SaveLang(Lang),
    /// Remember the 填报 form (its text, `form_to_text`).
    SaveForm(String),
    /// Put the batch view in the address bar: push a history entry, or replace the current one.
    History { hash: String, push: bool },
    /// Read a file as the report (→ `Action::Opened`).
    ReadReport { id: u64, name: String },
    /// Read a file as decisions (→ `DecisionsAction::Import`).
    ReadDecisionsFile { id: u64, name: String },
    /// Read and check last year's report for 填报 (→ `FillAction::Carried`).
    ReadLastYear { id: u64, name: String },
    /// Check these files as batch run `generation` (→ `BatchAction`s).
    RunBatch { generation: u64, files: Vec<(u64, String)> },
    /// Offer bytes as a download (a failure → `Action::Said(Text::SaveFailed)`).
    Download { name: String, bytes: Vec<u8>, mime: &'static str },
    /// Put the tables on the clipboard (→ `Action::Said(Copied or CopyFailed)`).
    Copy { html: String, text: String },
    /// Export the findings of every report of a batch with their stored decisions.
    ExportBatch { items: Rc<Vec<BatchItem>>, json: bool },
}

/// What a slice's reducer does to the notice under the input.
#[derive(Debug, Default, PartialEq)]
pub(crate) enum Say {
    /// Leave it as it is.
    #[default]
    Nothing,
    /// Take it away.
    Clear,
    /// Show this.
    Show(Notice),
}

/// What a slice's reducer asks of the rest: effects, the notice, what to do after the draw.
#[derive(Debug, Default)]
pub(crate) struct Out {
    pub(crate) effects: Vec<Effect>,
    pub(crate) notice: Say,
    pub(crate) after: Vec<After>,
}

impl Out {
    /// Show `message` under the input.
    pub(crate) fn say(&mut self, message: String) {
        self.notice = Say::Show(Notice { message, undo: None });
    }
}

/// The engine's answer on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ResultState {
    pub(crate) checked: Option<Shared>,
    /// The input generation it answers.
    pub(crate) generation: u64,
    /// Every cell's mark (`data-state`), computed once per result.
    pub(crate) states: Rc<BTreeMap<CellRef, CellState>>,
}

impl ResultState {
    fn show(&mut self, checked: Shared) {
        self.states = Rc::new(view_model::cell_states(&checked));
        self.checked = Some(checked);
    }
}

/// The page's state: its slices.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct State {
    pub(crate) input: InputState,
    pub(crate) result: ResultState,
    pub(crate) selection: Selection,
    pub(crate) batch: Option<Batch>,
    /// How many batches were started (each run's generation).
    pub(crate) batch_runs: u64,
    pub(crate) decisions: DecisionsState,
    pub(crate) fill: FillState,
    pub(crate) ui: Ui,
    pub(crate) after: AfterQueue,
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
    /// A report file, read.
    Opened {
        name: String,
        bytes: Vec<u8>,
    },
    /// Files opened, picked (a folder) or dropped: one is read, many are a batch.
    FilesPicked(Vec<Picked>),
    Sample,
    Clear,
    /// Bring back what 示例 or 清空 replaced.
    UndoReplace,
    /// Show or hide the text box.
    ToggleInput(bool),
    /// The engine's answer for input generation `generation`.
    Checked {
        generation: u64,
        checked: Shared,
    },
    Edit(EditAction),
    Select(SelectAction),
    Batch(BatchAction),
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
    /// The clerk confirmed (true) or refused (false) discarding the batch.
    ConfirmDiscard(bool),
    Decisions(DecisionsAction),
    Fill(FillAction),
    Ui(UiAction),
    /// Put the report's tables on the clipboard.
    CopyTables,
    /// Download the input with the corrections written back (or its tables as Word).
    DownloadCorrected,
    /// What an effect came to, to tell the clerk.
    Said(Text),
    /// What was to be done after the draw is done.
    AfterDone,
}

impl State {
    /// The state of a fresh page: what storage kept (text, language), or an empty box.
    #[cfg(test)]
    pub(crate) fn new(
        stored_text: Option<String>,
        stored_html: Option<String>,
        lang: Lang,
    ) -> State {
        State::with_form(stored_text, stored_html, lang, gouji::fill::Form::default())
    }

    /// A fresh page with a stored 填报 form.
    pub(crate) fn with_form(
        stored_text: Option<String>,
        stored_html: Option<String>,
        lang: Lang,
        form: gouji::fill::Form,
    ) -> State {
        State {
            input: InputState::stored(stored_text, stored_html),
            result: ResultState::default(),
            selection: Selection::default(),
            batch: None,
            batch_runs: 0,
            decisions: DecisionsState::default(),
            fill: FillState::new(form),
            ui: Ui::new(lang),
            after: AfterQueue::default(),
        }
    }

    /// The result on screen belongs to the current input (the browser tests wait for it).
    pub(crate) fn ready(&self) -> bool {
        match &self.batch {
            Some(batch) => batch.finished,
            None => self.result.generation == self.input.generation,
        }
    }

    /// The result shown is an older input's: the newest is being checked (in the worker).
    pub(crate) fn rechecking(&self) -> bool {
        self.batch.is_none()
            && self.result.checked.is_some()
            && self.result.generation != self.input.generation
    }

    /// The cells of the report on screen may be typed over (not a batch's report).
    pub(crate) fn editable(&self) -> bool {
        self.batch.is_none() && self.result.checked.is_some()
    }

    fn then(&mut self, after: After) {
        self.after.push(after);
    }

    fn take(&mut self, out: Out) -> Vec<Effect> {
        match out.notice {
            Say::Nothing => {}
            Say::Clear => self.ui.notice = None,
            Say::Show(notice) => self.ui.notice = Some(notice),
        }
        for after in out.after {
            self.then(after);
        }
        out.effects
    }

    fn new_input(&mut self, text: Rc<str>, source: Source, pasted: bool) {
        self.input.replace(text, source, pasted);
        self.selection.clear();
        self.batch = None;
        self.ui.pending_discard = None;
        self.ui.notice = None;
    }

    /// Replaces the input by `text` (示例, 清空), keeping what it replaced for 撤销 when
    /// the clerk had pasted or typed something.
    fn replace_input(&mut self, text: Rc<str>, source: Source, message: &str) {
        let kept = !self.input.text.trim().is_empty() && self.input.source != Source::Sample;
        let undo = kept.then(|| (self.input.text.clone(), self.input.source.clone()));
        self.new_input(text, source, true);
        if undo.is_some() {
            self.ui.notice = Some(Notice { message: message.to_string(), undo });
        }
    }

    /// Shows `checked` as the current report: its cell marks, and its decisions asked for.
    fn show(&mut self, checked: Shared, effects: &mut Vec<Effect>) {
        let mut out = Out::default();
        self.decisions.show(&checked, &mut out);
        effects.extend(out.effects);
        self.result.show(checked);
    }

    /// The name of the decisions file for the report on screen: `<file>.gouji.json`, next to
    /// the report.
    pub(crate) fn decisions_file_name(&self, checked: &Checked) -> String {
        let file = match &self.input.source {
            Source::File { name, .. } => Some(&**name),
            _ => None,
        };
        names::decisions_file(file, checked.report.agency_name(), checked.report.year)
    }
}

/// The file names of a picked set sorted, one file read, many a batch.
fn pick(next: &mut State, mut files: Vec<Picked>, effects: &mut Vec<Effect>) {
    gouji::sort::sort_by(&mut files, |a, b| a.name.cmp(&b.name));
    if let [file] = files.as_slice() {
        let Picked { id, name, size } = file.clone();
        if size > MAX_FILE_BYTES {
            let mb = (size / 1024.0 / 1024.0).round() as u64;
            next.ui.notice = Some(Notice {
                message: next.ui.lang.f(Text::FileTooLarge, &[&name, &mb]),
                undo: None,
            });
        } else if name.to_ascii_lowercase().ends_with(".json") {
            effects.push(Effect::ReadDecisionsFile { id, name });
        } else {
            effects.push(Effect::ReadReport { id, name });
        }
        return;
    }
    if files.is_empty() {
        return;
    }
    let files: Vec<(u64, String)> = files
        .into_iter()
        .filter(|f| batch::batch_worthy(&f.name))
        .map(|f| (f.id, f.name))
        .collect();
    next.batch_runs += 1;
    let generation = next.batch_runs;
    let names = files.iter().map(|(_, name)| Rc::from(name.as_str())).collect();
    let mut started = Batch::new(generation, names);
    started.finished = files.is_empty();
    next.batch = Some(started);
    next.selection.clear();
    next.ui.notice = None;
    next.input.open = false;
    effects.push(Effect::History { hash: batch::batch_hash(None), push: true });
    if !files.is_empty() {
        effects.push(Effect::RunBatch { generation, files });
    }
}

/// The next state and the effects of `action`.
#[expect(clippy::too_many_lines, reason = "one arm per action; each slice's work is its reducer")]
pub(crate) fn step(state: &State, action: Action) -> (State, Vec<Effect>) {
    let mut next = state.clone();
    let mut effects = Vec::new();
    let lang = next.ui.lang;
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
            next.input.open = false;
        }
        Action::FilesPicked(files) => pick(&mut next, files, &mut effects),
        Action::Sample | Action::Clear if next.batch.is_some() => {
            next.ui.pending_discard = Some(if matches!(action, Action::Sample) {
                Discard::Sample
            } else {
                Discard::Clear
            });
        }
        Action::Sample => {
            next.replace_input(sample_text().into(), Source::Sample, lang.t(Text::SampleLoaded));
        }
        Action::Clear => {
            next.replace_input(Rc::from(""), Source::Text, lang.t(Text::Cleared));
            next.input.open = true;
            next.result.checked = None;
            next.then(After::FocusInput);
        }
        Action::UndoReplace => {
            if let Some((text, source)) = next.ui.notice.take().and_then(|n| n.undo) {
                next.new_input(text, source, true);
            }
        }
        Action::ToggleInput(open) if open && next.batch.is_some() => {
            next.ui.pending_discard = Some(Discard::Edit);
        }
        Action::ToggleInput(open) => {
            next.input.open = open;
            if open {
                next.then(After::FocusInput);
            }
        }
        Action::ConfirmDiscard(yes) => {
            let pending = next.ui.pending_discard.take();
            if yes {
                next.batch = None;
                effects.push(Effect::History { hash: String::new(), push: false });
                match pending {
                    Some(Discard::Sample) => return with(effects, step(&next, Action::Sample)),
                    Some(Discard::Clear) => return with(effects, step(&next, Action::Clear)),
                    Some(Discard::Edit) => {
                        next.input.open = true;
                        next.new_input(Rc::from(""), Source::Text, true);
                        next.result.checked = None;
                        next.then(After::FocusInput);
                    }
                    Some(Discard::Leave) => {
                        // Back to what was checked before the batch.
                        let (text, source) = (next.input.text.clone(), next.input.source.clone());
                        next.new_input(text, source, true);
                    }
                    None => {}
                }
            } else if pending == Some(Discard::Leave)
                && let Some(batch) = &next.batch
            {
                effects.push(Effect::History { hash: batch::batch_hash(batch.open), push: true });
            }
        }
        Action::HistoryLeft => {
            if next.batch.is_some() {
                next.ui.pending_discard = Some(Discard::Leave);
            }
        }
        Action::Checked { generation, checked } => {
            if generation != next.input.generation {
                return (state.clone(), effects);
            }
            if let (Source::File { .. }, Some(source)) = (&next.input.source, &checked.source)
                && *next.input.text != *source.text
            {
                next.input.text = source.text.as_str().into();
            }
            // Saved once checked: after every paste, every pause in typing, every edit.
            effects.push(Effect::Persist {
                text: next.input.text.clone(),
                source: next.input.source.clone(),
            });
            let has_result = checked.unreadable.is_none() || !next.input.text.trim().is_empty();
            let first_error = view_model::first_error_cell(&checked);
            next.show(checked, &mut effects);
            next.result.generation = generation;
            // The result first: the box folds to a line once a report was read.
            if has_result && next.input.pasted && !next.input.text.trim().is_empty() {
                next.input.open = false;
            }
            if let Some(cell) = first_error {
                next.then(After::ShowCell(cell));
            }
        }
        Action::Edit(edit) => {
            let (cell, then, refocus) = match &edit {
                EditAction::Commit { cell, then, refocus, .. } => {
                    (Some(*cell), then.clone(), *refocus)
                }
                _ => (None, None, false),
            };
            let checked = next.result.checked.clone();
            match input::reduce_edit(&mut next.input, edit, checked.as_deref()) {
                Err(text) => {
                    next.ui.notice = Some(Notice {
                        message: lang.f(Text::NotANumberCell, &[&text]),
                        undo: None,
                    });
                }
                Ok(()) => {
                    if let Some(cell) = cell {
                        next.selection.editing = None;
                        let moved = then.and_then(|key| {
                            let checked = checked.as_ref()?;
                            view_model::move_cursor(&view_model::nav_lines(checked), cell, &key)
                        });
                        let target = moved.unwrap_or(cell);
                        next.selection.cursor = Some(target);
                        if refocus {
                            next.then(After::FocusCell(target));
                        }
                    }
                }
            }
        }
        Action::Select(action) => {
            let editable = next.editable();
            let checked = next.result.checked.clone();
            for after in
                selection::reduce(&mut next.selection, action, checked.as_deref(), editable)
            {
                next.then(after);
            }
        }
        Action::Batch(BatchAction::Export { json }) => {
            if let Some(batch) = &next.batch {
                effects.push(Effect::ExportBatch { items: batch.items.clone(), json });
            }
        }
        Action::Batch(action) => {
            let Some(batch) = next.batch.as_mut() else { return (state.clone(), effects) };
            if !batch::reduce(batch, &action) {
                return (state.clone(), effects);
            }
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
                effects.push(Effect::History { hash: batch::batch_hash(index), push: true });
            }
            next.selection.clear();
            match checked {
                Some(checked) => {
                    let first_error = view_model::first_error_cell(&checked);
                    next.show(checked, &mut effects);
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
            next.ui.notice =
                Some(Notice { message: lang.t(Text::BatchLost).to_string(), undo: None });
        }
        Action::Decisions(action) => {
            let checked = next.result.checked.clone();
            let out = decisions::reduce(
                &mut next.decisions,
                action,
                checked.as_deref(),
                |c| state.decisions_file_name(c),
                lang,
            );
            effects.extend(next.take(out));
        }
        Action::Fill(action) => {
            let out = fill::reduce(&mut next.fill, action, lang);
            effects.extend(next.take(out));
        }
        Action::Ui(action) => effects.extend(ui::reduce(&mut next.ui, action)),
        Action::CopyTables => {
            if let Some(checked) = &next.result.checked {
                effects.push(Effect::Copy {
                    html: gouji::export::tables_html(checked),
                    text: gouji::export::tables_tsv(checked),
                });
            }
        }
        Action::DownloadCorrected => {
            if let Some(checked) = next.result.checked.clone() {
                download_corrected(&mut next, &checked, &mut effects);
            }
        }
        Action::Said(text) => {
            next.ui.notice = Some(Notice { message: lang.t(text).to_string(), undo: None });
        }
        Action::AfterDone => next.after.items.clear(),
    }
    (next, effects)
}

/// The effects of an earlier part of a step before those of the rest.
fn with(mut effects: Vec<Effect>, (state, more): (State, Vec<Effect>)) -> (State, Vec<Effect>) {
    effects.extend(more);
    (state, effects)
}

/// The corrected input as a download: the original bytes with the corrected digits, or, for
/// what cannot be written back (a PDF, a web page), the corrected tables as Word.
fn download_corrected(next: &mut State, checked: &Checked, effects: &mut Vec<Effect>) {
    let file = match &next.input.source {
        Source::File { name, .. } => Some(name.clone()),
        _ => None,
    };
    let input = input(&next.input.text, &next.input.source);
    match gouji::correct::patch(&input, checked) {
        Ok(bytes) => effects.push(Effect::Download {
            name: names::corrected(file.as_deref()),
            bytes,
            mime: "application/octet-stream",
        }),
        Err(gouji::correct::Unpatchable::Kind(kind)) => {
            effects.push(Effect::Download {
                name: names::corrected_tables(file.as_deref()),
                bytes: gouji::correct::tables_docx(checked),
                mime: DOCX,
            });
            let why = gouji::correct::Unpatchable::Kind(kind).message();
            let message = next.ui.lang.f(Text::TablesDocxSaved, &[&why]);
            next.ui.notice = Some(Notice { message, undo: None });
        }
        Err(why) => next.ui.notice = Some(Notice { message: why.message(), undo: None }),
    }
}

/// `action` and every action the effects it asks for read back, run through `step`; `run`
/// does an effect and says what it read, if anything. The page runs it with the browser
/// (`app.rs`), the tests with a map for storage.
pub(crate) fn settle(
    state: &State,
    action: Action,
    run: &mut dyn FnMut(Effect) -> Option<Action>,
) -> State {
    let (mut next, effects) = step(state, action);
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Some(action) = run(effect) {
            let (after, more) = step(&next, action);
            next = after;
            queue.extend(more);
        }
    }
    next
}
#[cfg(test)]
mod tests {
    use super::*;
    use gouji::review::{Decision, Decisions, Status};

    /// The page as the tests drive it: the state and a map for storage; effects that read
    /// storage are answered from it, those that need a browser are recorded.
    struct Page {
        state: State,
        storage: BTreeMap<String, String>,
        effects: Vec<Effect>,
    }

    impl Page {
        fn new() -> Page {
            Page {
                state: State::new(None, None, Lang::Zh),
                storage: BTreeMap::new(),
                effects: vec![],
            }
        }

        /// Does `action` and what it leads to; the effects it asked for.
        fn act(&mut self, action: Action) -> Vec<Effect> {
            let storage = &mut self.storage;
            let effects = &mut self.effects;
            effects.clear();
            let mut run = |effect: Effect| -> Option<Action> {
                effects.push(effect.clone());
                match effect {
                    Effect::Persist { text, .. } => {
                        storage.insert("text".into(), text.to_string());
                    }
                    Effect::SaveDecisions { key, file: Some(file) } => {
                        storage.insert(key, gouji::dto::decisions_text(&file));
                    }
                    Effect::SaveDecisions { key, file: None } => {
                        storage.remove(&key);
                    }
                    Effect::LoadDecisions { key } => {
                        let stored = storage
                            .get(&key)
                            .and_then(|text| {
                                gouji::dto::parse::<gouji::dto::DecisionsFile>(text).ok()
                            })
                            .and_then(|file| Decisions::from_file(file).ok());
                        return Some(Action::Decisions(DecisionsAction::Loaded { key, stored }));
                    }
                    _ => {}
                }
                None
            };
            self.state = settle(&self.state, action, &mut run);
            self.effects.clone()
        }

        /// Checks the input and hands the result back, as the page does.
        fn check(&mut self) -> Vec<Effect> {
            let input = &self.state.input;
            let result = Shared(Rc::new(run_check(&input.text, &input.source, &input.edits)));
            self.act(Action::Checked { generation: input.generation, checked: result })
        }

        fn checked(&self) -> &Checked {
            self.state.result.checked.as_deref().unwrap()
        }
    }

    fn broken_text() -> String {
        input::broken_sample_text()
    }

    fn np7() -> CellRef {
        CellRef::parse("t3/R3.7/NP").unwrap()
    }

    #[test]
    fn a_first_visit_is_an_empty_open_box() {
        let state = State::new(None, None, Lang::Zh);
        assert!(state.input.text.is_empty() && state.input.open);
        let state = State::new(Some("粘贴过的报告".into()), None, Lang::En);
        assert!(!state.input.open, "a stored report shows its result first");
        assert_eq!(state.ui.lang, Lang::En);
    }

    #[test]
    fn a_paste_folds_the_box_and_brings_the_first_error_into_view() {
        let mut page = Page::new();
        let text = broken_text();
        assert_ne!(text, sample_text(), "the sample has that cell");
        page.act(Action::PastedText(text));
        page.check();
        assert!(!page.state.input.open);
        assert!(page.state.ready());
        assert_eq!(page.state.after.items.last(), Some(&After::ShowCell(np7())));
        // Typing does not fold it.
        page.act(Action::ToggleInput(true));
        page.act(Action::Typed(sample_text()));
        page.check();
        assert!(page.state.input.open);
    }

    #[test]
    fn the_input_is_saved_once_each_change_is_checked() {
        let mut page = Page::new();
        // Typing saves nothing yet; its check does.
        let typed = page.act(Action::Typed(broken_text()));
        assert!(!typed.iter().any(|e| matches!(e, Effect::Persist { .. })));
        page.check();
        assert_eq!(page.storage.get("text").map(String::as_str), Some(&*broken_text()));
        // A further keystroke: saved when its check comes back, not before.
        page.act(Action::Typed(broken_text() + "。"));
        assert_eq!(page.storage.get("text").map(String::as_str), Some(&*broken_text()));
        page.check();
        assert_eq!(page.storage.get("text"), Some(&(broken_text() + "。")));
        // An edit of a cell is checked again at once, and saved with it.
        let generation = page.state.input.generation;
        page.act(Action::Edit(EditAction::Commit {
            cell: np7(),
            text: "1".into(),
            then: None,
            refocus: false,
        }));
        assert!(page.state.input.generation > generation && page.state.input.pasted);
        let effects = page.check();
        assert!(effects.iter().any(|e| matches!(e, Effect::Persist { .. })));
        assert_eq!(page.checked().edits.len(), 1);
        // An older check that comes back late saves nothing.
        page.act(Action::Typed("x".into()));
        let late = Shared(Rc::new(run_check(&sample_text(), &Source::Text, &[])));
        let effects = page.act(Action::Checked { generation: generation - 1, checked: late });
        assert!(effects.is_empty());
    }

    #[test]
    fn a_result_stays_on_screen_marked_while_the_new_input_is_checked() {
        let mut page = Page::new();
        page.act(Action::PastedText(sample_text()));
        assert!(!page.state.rechecking(), "nothing shown yet: nothing stale");
        page.check();
        assert!(!page.state.rechecking() && page.state.ready());
        let first = page.state.result.checked.clone();
        page.act(Action::Typed(sample_text() + "。"));
        assert!(page.state.rechecking() && !page.state.ready());
        assert_eq!(page.state.result.checked, first, "the older result is still shown");
        let late = Shared(Rc::new(run_check(&sample_text(), &Source::Text, &[])));
        let generation = page.state.input.generation - 1;
        page.act(Action::Checked { generation, checked: late });
        assert!(page.state.rechecking());
        page.check();
        assert!(!page.state.rechecking() && page.state.ready());
    }

    #[test]
    fn moving_around_the_tables_copies_neither_the_text_nor_the_result() {
        // A step clones the state: the report's text, its result and its cell marks are
        // shared, so a click or an arrow key costs the same for a 1 MB report as for a line.
        let mut page = Page::new();
        page.act(Action::PastedText(broken_text()));
        page.check();
        let before = page.state.clone();
        for action in [
            Action::Select(SelectAction::Cell(Some(np7()))),
            Action::Select(SelectAction::Cursor(np7())),
            Action::AfterDone,
            Action::Select(SelectAction::Finding(0)),
            Action::AfterDone,
            Action::Select(SelectAction::Cell(None)),
        ] {
            let effects = page.act(action);
            assert!(effects.is_empty());
            assert!(Rc::ptr_eq(&page.state.input.text, &before.input.text));
            assert_eq!(page.state.result, before.result, "the same result (pointers compared)");
            assert!(Rc::ptr_eq(&page.state.result.states, &before.result.states));
            assert_eq!(page.state.decisions, before.decisions);
            assert_eq!(page.state.fill, before.fill);
        }
    }

    #[test]
    fn sample_and_clear_can_be_undone() {
        let mut page = Page::new();
        page.act(Action::PastedText("我的报告".into()));
        page.act(Action::Clear);
        assert!(page.state.input.text.is_empty());
        assert!(page.state.ui.notice.as_ref().is_some_and(|n| n.undo.is_some()));
        page.act(Action::UndoReplace);
        assert_eq!(&*page.state.input.text, "我的报告");
        page.act(Action::Sample);
        assert_eq!(page.state.input.source, Source::Sample);
        assert!(
            !page.state.input.text.contains("(qū)"),
            "the sample is shown in Simplified Chinese"
        );
        page.act(Action::UndoReplace);
        assert_eq!(&*page.state.input.text, "我的报告");
        // Replacing the sample itself offers nothing to undo.
        page.act(Action::Sample);
        page.act(Action::Clear);
        assert!(page.state.ui.notice.is_none());
    }

    fn picked(names: &[&str]) -> Vec<Picked> {
        names
            .iter()
            .enumerate()
            .map(|(k, name)| Picked { id: k as u64, name: (*name).to_string(), size: 100.0 })
            .collect()
    }

    fn batch_of_two() -> Page {
        let mut page = Page::new();
        let effects =
            page.act(Action::FilesPicked(picked(&["b.txt", "a.txt", ".hidden", "x.json"])));
        let generation = page.state.batch.as_ref().unwrap().generation;
        assert_eq!(
            effects,
            vec![
                Effect::History { hash: "#batch".into(), push: true },
                Effect::RunBatch {
                    generation,
                    files: vec![(1, "a.txt".into()), (0, "b.txt".into())]
                },
            ]
        );
        for index in 0..2 {
            let checked = Shared(Rc::new(run_check(&sample_text(), &Source::Sample, &[])));
            page.act(Action::Batch(BatchAction::Checked { generation, index, checked }));
        }
        assert!(!page.state.ready());
        page.act(Action::Batch(BatchAction::Finished { generation }));
        page
    }

    #[test]
    fn one_file_is_read_and_many_are_a_batch() {
        let mut page = Page::new();
        let effects = page.act(Action::FilesPicked(picked(&["a.txt"])));
        assert_eq!(effects, vec![Effect::ReadReport { id: 0, name: "a.txt".into() }]);
        let effects = page.act(Action::FilesPicked(picked(&["a.gouji.json"])));
        assert_eq!(effects, vec![Effect::ReadDecisionsFile { id: 0, name: "a.gouji.json".into() }]);
        let big = Picked { id: 3, name: "big.pdf".into(), size: 1e9 };
        let effects = page.act(Action::FilesPicked(vec![big]));
        assert!(effects.is_empty() && page.state.ui.notice.is_some(), "too large: said, not read");
        // A folder of nothing but hidden files is a finished, empty batch.
        page.act(Action::FilesPicked(picked(&[".a", ".b"])));
        assert!(page.state.ready() && page.state.batch.as_ref().unwrap().items.is_empty());
    }

    #[test]
    fn a_batch_keeps_its_place_through_open_and_back() {
        let mut page = batch_of_two();
        assert!(page.state.ready());
        let effects = page.act(Action::BatchOpen { index: Some(1), from_history: false });
        assert_eq!(effects[0], Effect::History { hash: "#batch/2".into(), push: true });
        assert!(page.state.result.checked.is_some());
        // The browser's Back: the list, at the row that was open, with no new history entry.
        let effects = page.act(Action::BatchOpen { index: None, from_history: true });
        assert!(effects.is_empty());
        assert_eq!(page.state.after.items.last(), Some(&After::FocusBatchRow(1)));
        // A batch's report is not typed over.
        page.act(Action::BatchOpen { index: Some(0), from_history: false });
        page.act(Action::Select(SelectAction::StartEdit(np7(), None)));
        assert!(page.state.selection.editing.is_none());
    }

    #[test]
    fn nothing_discards_a_batch_without_asking() {
        let mut page = batch_of_two();
        page.act(Action::Sample);
        assert!(page.state.batch.is_some(), "the batch is still there");
        assert_eq!(page.state.ui.pending_discard, Some(Discard::Sample));
        page.act(Action::ConfirmDiscard(false));
        assert!(page.state.batch.is_some() && page.state.ui.pending_discard.is_none());
        page.act(Action::ToggleInput(true));
        assert_eq!(page.state.ui.pending_discard, Some(Discard::Edit));
        let effects = page.act(Action::ConfirmDiscard(true));
        assert!(page.state.batch.is_none() && page.state.input.open);
        assert!(effects.contains(&Effect::History { hash: String::new(), push: false }));
    }

    #[test]
    fn back_past_the_list_asks_before_leaving_the_batch() {
        let mut page = batch_of_two();
        page.act(Action::HistoryLeft);
        assert_eq!(page.state.ui.pending_discard, Some(Discard::Leave));
        let effects = page.act(Action::ConfirmDiscard(false));
        assert!(page.state.batch.is_some());
        assert_eq!(effects, vec![Effect::History { hash: "#batch".into(), push: true }]);
        let effects = page.act(Action::Batch(BatchAction::Export { json: false }));
        assert!(matches!(effects.as_slice(), [Effect::ExportBatch { json: false, .. }]));
    }

    #[test]
    fn the_counts_lead_to_the_first_finding() {
        let mut page = Page::new();
        page.act(Action::PastedText(broken_text()));
        page.check();
        page.act(Action::Select(SelectAction::JumpTo(gouji::Severity::Error)));
        assert_eq!(page.state.selection.finding, Some(0));
        assert_eq!(page.state.after.items.last(), Some(&After::FocusFinding(0)));
        assert_eq!(page.state.selection.cell, Some(np7()));
    }

    #[test]
    fn typing_over_a_cell_rechecks_and_can_be_reverted() {
        let mut page = Page::new();
        page.act(Action::PastedText(broken_text()));
        page.check();
        assert_eq!(page.checked().verdict(), gouji::Verdict::Fail);
        let cell = np7();
        page.act(Action::Select(SelectAction::StartEdit(cell, Some(String::new()))));
        assert_eq!(page.state.selection.editing, Some((cell, String::new())));
        let generation = page.state.input.generation;
        page.act(Action::Edit(EditAction::Commit {
            cell,
            text: "一".into(),
            then: None,
            refocus: true,
        }));
        assert!(page.state.selection.editing.is_some() && page.state.ui.notice.is_some());
        assert_eq!(page.state.input.generation, generation, "not a number: keeps typing");
        page.act(Action::Edit(EditAction::Commit {
            cell,
            text: "１".into(),
            then: Some("ArrowRight".into()),
            refocus: true,
        }));
        page.check();
        assert_eq!(page.checked().verdict(), gouji::Verdict::Pass);
        assert_eq!(page.checked().edits.len(), 1);
        assert_eq!(
            page.state.selection.cursor,
            CellRef::parse("t3/R3.7/CE"),
            "moved on like a spreadsheet"
        );
        page.act(Action::Edit(EditAction::RevertAll));
        page.check();
        assert_eq!(page.checked().verdict(), gouji::Verdict::Fail);
        // The engine's correction, applied.
        let fixes = gouji::correct::unique_corrections(page.checked()).unwrap();
        page.act(Action::Edit(EditAction::ApplyFixes(fixes)));
        page.check();
        assert_eq!(page.checked().verdict(), gouji::Verdict::Pass);
        // The corrected input as a download: the seed's bytes with the one digit back.
        let effects = page.act(Action::DownloadCorrected);
        let [Effect::Download { name, bytes, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert_eq!(name, &names::corrected(None));
        assert_eq!(String::from_utf8_lossy(bytes), sample_text());
    }

    #[test]
    fn decisions_survive_a_recheck_and_come_back_from_storage() {
        let mut page = Page::new();
        page.act(Action::PastedText(broken_text()));
        page.check();
        let date = "2027-01-20".to_string();
        let effects = page.act(Action::Decisions(DecisionsAction::Decide {
            finding: 0,
            status: Status::Ignored,
            reason: "why".into(),
            date,
        }));
        assert!(matches!(effects.as_slice(), [Effect::SaveDecisions { file: Some(_), .. }]));
        // A re-check of the same report keeps them without asking storage.
        page.act(Action::Typed(broken_text() + "\n"));
        let effects = page.check();
        assert!(!effects.iter().any(|e| matches!(e, Effect::LoadDecisions { .. })));
        assert_eq!(page.state.decisions.decisions.decisions.len(), 1);
        // Another report, then this one again: read back from storage.
        page.act(Action::PastedText("无关".into()));
        page.check();
        page.act(Action::PastedText(broken_text()));
        let effects = page.check();
        assert!(effects.iter().any(|e| matches!(e, Effect::LoadDecisions { .. })));
        let held: Vec<&Decision> = page.state.decisions.decisions.decisions.iter().collect();
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].fingerprint, page.checked().findings[0].fingerprint);
    }

    #[test]
    fn copying_and_failing_to_save_are_said() {
        let mut page = Page::new();
        page.act(Action::PastedText(broken_text()));
        page.check();
        let effects = page.act(Action::CopyTables);
        assert!(matches!(effects.as_slice(), [Effect::Copy { .. }]));
        page.act(Action::Said(Text::SaveFailed));
        let notice = page.state.ui.notice.as_ref().unwrap();
        assert_eq!(notice.message, Lang::Zh.t(Text::SaveFailed));
    }
}
