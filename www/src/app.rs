//! The page: input (paste, file, drop, sample), then the verdict, the tables, the findings,
//! the selected cell's sums and its place in the original text.
//!
//! State lives in one reducer; the only side effects are the debounced check, the browser's
//! storage (so a reload loses nothing) and reading dropped files.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gouji::model::CellRef;
use gouji::review::{Decision, Decisions, Status};
use gouji::{Checked, Input, check};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::batch::{self, BatchItem, BatchView, Column};
use crate::i18n::{Lang, Text};
use crate::panels::{DetailPanel, FindingList, Footer, RuleDoc, SourcePanel, VerdictBar};
use crate::tables::ReportTables;
use crate::view_model::{self, CellState, PageState, Shared};

const STORAGE_TEXT: &str = "gouji.text.v1";
const STORAGE_HTML: &str = "gouji.html.v1";
/// Reviewer decisions, one entry per report (agency and year): `gouji.decisions.v1:<key>`.
const STORAGE_DECISIONS: &str = "gouji.decisions.v1:";
/// Above this size, checking waits for typing to pause a little longer.
const LARGE_INPUT: usize = 200_000;
/// Files larger than this are not read in the page: no report is this large, and reading it
/// would freeze the tab (the command line checks files up to 64 MB).
const MAX_FILE_BYTES: f64 = 16.0 * 1024.0 * 1024.0;
/// A batch larger than this is cut (a folder of folders dropped by mistake).
const MAX_BATCH_FILES: usize = 5000;

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

/// The page's state.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct State {
    pub(crate) text: String,
    pub(crate) source: Source,
    pub(crate) generation: u64,
    pub(crate) checked: Option<Shared>,
    pub(crate) checked_generation: u64,
    pub(crate) states: Rc<BTreeMap<CellRef, CellState>>,
    pub(crate) selected: Option<CellRef>,
    pub(crate) hovered: Option<CellRef>,
    pub(crate) marked: BTreeSet<CellRef>,
    pub(crate) selected_finding: Option<usize>,
    pub(crate) rule: Option<String>,
    pub(crate) lang: Lang,
    pub(crate) dragging: bool,
    pub(crate) first_result: bool,
    pub(crate) notice: Option<String>,
    /// The reviewer's decisions about the current report (agency and year) and its key.
    pub(crate) decisions: Rc<Decisions>,
    pub(crate) decisions_key: Option<String>,
    /// Many files at once: their results, the summary's view, which report is open.
    pub(crate) batch: Option<Rc<Vec<BatchItem>>>,
    pub(crate) batch_view: batch::View,
    pub(crate) batch_generation: u64,
    pub(crate) batch_finished: bool,
    pub(crate) batch_open: Option<usize>,
    /// Moves on when a batch is started or left, so that a batch in flight stops.
    pub(crate) batch_token: BatchToken,
}

/// Everything that can happen.
pub(crate) enum Action {
    Typed(String),
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
    Checked {
        generation: u64,
        checked: Shared,
    },
    Select(Option<CellRef>),
    Hover(Option<CellRef>),
    SelectFinding(usize),
    ShowRule(Option<String>),
    ToggleLang,
    Dragging(bool),
    Notice(String),
    /// Mark finding k 已核实/忽略 with a reason, at the given date.
    Decide {
        finding: usize,
        status: Status,
        reason: String,
        date: String,
    },
    /// Forget the decision with this fingerprint.
    Undecide(String),
    /// Decisions read from a file (its name, its text).
    ImportDecisions {
        name: String,
        text: String,
    },
    /// A batch begins: its files' names.
    BatchStart {
        generation: u64,
        names: Vec<Rc<str>>,
    },
    /// One file of the batch was checked.
    BatchChecked {
        generation: u64,
        index: usize,
        checked: Shared,
    },
    /// Every file was checked; the rules across reports added their findings to these.
    BatchFinished {
        generation: u64,
        updated: Vec<(usize, Shared)>,
    },
    /// Show one report of the batch in full (or the summary again).
    BatchOpen(Option<usize>),
    BatchSort(Column),
    BatchFilter(String),
    BatchErrorsOnly(bool),
}

impl State {
    fn initial() -> State {
        let (text, source) = match (storage_get(STORAGE_HTML), storage_get(STORAGE_TEXT)) {
            (Some(html), text) => (text.unwrap_or_default(), Source::Html(html.into())),
            (None, Some(text)) => (text, Source::Text),
            (None, None) => (gouji::SAMPLE_REPORT.to_string(), Source::Sample),
        };
        State {
            text,
            source,
            generation: 1,
            checked: None,
            checked_generation: 0,
            states: Rc::default(),
            selected: None,
            hovered: None,
            marked: BTreeSet::new(),
            selected_finding: None,
            rule: None,
            lang: Lang::Zh,
            dragging: false,
            first_result: true,
            notice: None,
            decisions: Rc::default(),
            decisions_key: None,
            batch: None,
            batch_view: batch::View::default(),
            batch_generation: 0,
            batch_finished: false,
            batch_open: None,
            batch_token: BatchToken::default(),
        }
    }

    fn new_input(&mut self, text: String, source: Source) {
        // New input leaves a batch.
        self.batch = None;
        self.batch_open = None;
        self.batch_generation += 1;
        self.batch_token.set(self.batch_token.get() + 1);
        self.text = text;
        self.source = source;
        self.generation += 1;
        self.selected = None;
        self.hovered = None;
        self.marked.clear();
        self.selected_finding = None;
        self.notice = None;
    }
}

impl State {
    /// Shows `checked` as the current report: its cell marks and its decisions.
    fn show(&mut self, checked: Shared) {
        self.states = Rc::new(view_model::cell_states(&checked));
        let key = decisions_key(&checked);
        if self.decisions_key != key {
            self.decisions = Rc::new(load_decisions(&checked));
            self.decisions_key = key;
        }
        self.checked = Some(checked);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Typed(text) => next.new_input(text, Source::Text),
            Action::PastedHtml { html, text } => next.new_input(text, Source::Html(html.into())),
            Action::Opened { name, bytes } => {
                next.new_input(
                    String::new(),
                    Source::File { name: name.into(), bytes: bytes.into() },
                );
            }
            Action::Sample => next.new_input(gouji::SAMPLE_REPORT.to_string(), Source::Sample),
            Action::Clear => next.new_input(String::new(), Source::Text),
            Action::Checked { generation, checked } => {
                if generation != next.generation {
                    return self;
                }
                if let (Source::File { .. }, Some(source)) = (&next.source, &checked.source) {
                    next.text.clone_from(&source.text);
                }
                next.show(checked);
                next.checked_generation = generation;
            }
            Action::BatchStart { generation, names } => {
                next.batch = Some(Rc::new(
                    names.into_iter().map(|name| BatchItem { name, checked: None }).collect(),
                ));
                next.batch_generation = generation;
                next.batch_finished = false;
                next.batch_open = None;
                next.batch_view = batch::View::default();
                next.notice = None;
            }
            Action::BatchChecked { generation, index, checked } => {
                if generation != next.batch_generation {
                    return self;
                }
                let Some(items) = next.batch.as_mut() else { return self };
                if let Some(item) = Rc::make_mut(items).get_mut(index) {
                    item.checked = Some(checked);
                }
            }
            Action::BatchFinished { generation, updated } => {
                if generation != next.batch_generation {
                    return self;
                }
                let Some(items) = next.batch.as_mut() else { return self };
                let items = Rc::make_mut(items);
                for (index, checked) in updated {
                    if let Some(item) = items.get_mut(index) {
                        item.checked = Some(checked);
                    }
                }
                next.batch_finished = true;
            }
            Action::BatchOpen(index) => {
                next.batch_open = index;
                let checked = index
                    .and_then(|k| next.batch.as_ref().and_then(|items| items.get(k)))
                    .and_then(|item| item.checked.clone());
                if let Some(checked) = checked {
                    next.show(checked);
                    next.selected = None;
                    next.hovered = None;
                    next.marked.clear();
                    next.selected_finding = None;
                }
            }
            Action::BatchSort(column) => {
                let (current, descending) = next.batch_view.sort;
                next.batch_view.sort = (column, if current == column { !descending } else { true });
            }
            Action::BatchFilter(text) => next.batch_view.filter = text,
            Action::BatchErrorsOnly(on) => next.batch_view.errors_only = on,
            Action::Select(cell) => {
                next.selected = cell;
                next.marked.clear();
                next.selected_finding = None;
            }
            Action::Hover(cell) => next.hovered = cell,
            Action::SelectFinding(k) => {
                if let Some(finding) = next.checked.as_ref().and_then(|c| c.findings.get(k)) {
                    next.marked = finding.cells.iter().copied().collect();
                    next.selected = finding.cells.first().copied();
                    next.selected_finding = Some(k);
                }
            }
            Action::ShowRule(rule) => next.rule = rule,
            Action::ToggleLang => {
                next.lang = if next.lang == Lang::Zh { Lang::En } else { Lang::Zh };
            }
            Action::Dragging(on) => next.dragging = on,
            Action::Notice(message) => next.notice = Some(message),
            Action::Decide { finding, status, reason, date } => {
                let Some(checked) = next.checked.clone() else { return self };
                let Some(finding) = checked.findings.get(finding) else { return self };
                let mut decisions = (*next.decisions).clone();
                if decisions.agency.is_none() && decisions.year.is_none() {
                    decisions = Decisions {
                        decisions: decisions.decisions,
                        ..Decisions::for_report(&checked)
                    };
                }
                decisions.set(Decision::new(finding, status, &reason, &date));
                save_decisions(&checked, &decisions);
                next.decisions = Rc::new(decisions);
            }
            Action::Undecide(fingerprint) => {
                let mut decisions = (*next.decisions).clone();
                decisions.remove(&fingerprint);
                if let Some(checked) = &next.checked {
                    save_decisions(checked, &decisions);
                }
                next.decisions = Rc::new(decisions);
            }
            Action::ImportDecisions { name, text } => {
                let Some(checked) = next.checked.clone() else { return self };
                match Decisions::from_json(&text) {
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
                            .filter(|d| {
                                checked.findings.iter().any(|f| f.fingerprint == d.fingerprint)
                            })
                            .count();
                        decisions.merge(read);
                        save_decisions(&checked, &decisions);
                        next.decisions = Rc::new(decisions);
                        next.notice = Some(format!(
                            "已导入核对记录“{name}”：共 {total} 条，其中 {applying} 条对应当前报告的问题。"
                        ));
                    }
                    Err(why) => {
                        next.notice = Some(format!(
                            "未导入“{name}”：{}当前的核对记录保持不变。",
                            why.message()
                        ));
                    }
                }
            }
        }
        Rc::new(next)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves what is being checked, so that a reload loses nothing. Quota errors are ignored:
/// the check itself does not depend on storage.
fn persist(text: &str, source: &Source) {
    let Some(storage) = storage() else { return };
    match source {
        Source::Sample => {
            let _ = storage.remove_item(STORAGE_TEXT);
            let _ = storage.remove_item(STORAGE_HTML);
        }
        Source::Html(html) => {
            let _ = storage.set_item(STORAGE_HTML, html);
            let _ = storage.set_item(STORAGE_TEXT, text);
        }
        Source::Text | Source::File { .. } => {
            let _ = storage.remove_item(STORAGE_HTML);
            let _ = storage.set_item(STORAGE_TEXT, text);
        }
    }
}

/// The storage key of a report's decisions: its agency and year (fingerprints include them
/// too), or `None` when the report names neither.
fn decisions_key(checked: &Checked) -> Option<String> {
    let report = &checked.report;
    if report.agency.is_none() && report.year.is_none() {
        return None;
    }
    Some(format!(
        "{STORAGE_DECISIONS}{}|{}",
        report.agency.as_deref().unwrap_or_default(),
        report.year.map_or_else(String::new, |y| y.to_string())
    ))
}

fn load_decisions(checked: &Checked) -> Decisions {
    decisions_key(checked)
        .and_then(|key| storage_get(&key))
        .and_then(|text| Decisions::from_json(&text).ok())
        .unwrap_or_else(|| Decisions::for_report(checked))
}

fn save_decisions(checked: &Checked, decisions: &Decisions) {
    let (Some(storage), Some(key)) = (storage(), decisions_key(checked)) else { return };
    if decisions.decisions.is_empty() {
        let _ = storage.remove_item(&key);
    } else {
        let _ = storage.set_item(&key, &decisions.to_json());
    }
}

/// Today's date as the browser knows it (the engine has no clock), e.g. `2027-01-20`.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The decisions file's name for the current input: `<file>.gouji.json`, next to the report.
fn decisions_file_name(source: &Source, checked: &Checked) -> String {
    if let Source::File { name, .. } = source {
        return format!("{name}.gouji.json");
    }
    let report = &checked.report;
    let stem = match (&report.agency, report.year) {
        (Some(agency), Some(year)) => format!("{agency}{year}年报"),
        (Some(agency), None) => agency.clone(),
        (None, Some(year)) => format!("{year}年报"),
        (None, None) => "报告".to_string(),
    };
    format!("{stem}.gouji.json")
}

/// Offers `text` as a download named `name` (a Blob URL: nothing leaves the computer).
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    download_as(name, text, "application/json;charset=utf-8")
}

/// Offers `text` as a download of type `mime`.
fn download_as(name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

fn run_check(text: &str, source: &Source) -> Checked {
    match source {
        Source::Text | Source::Sample => check(&Input::text(text)),
        Source::Html(html) => {
            check(&Input { bytes: html.as_bytes(), name: Some("clipboard.html") })
        }
        Source::File { name, bytes } => check(&Input { bytes, name: Some(name) }),
    }
}

/// Reads a file opened or dropped: a report is checked, a decisions file (`*.json`, 导出的核对
/// 记录) is imported. Too-large files are refused with a message and nothing changes.
fn open_file(state: UseReducerHandle<State>, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        let mb = file.size() / 1024.0 / 1024.0;
        state.dispatch(Action::Notice(format!(
            "“{name}”有 {mb:.0} MB，不像是一份年度报告，未打开。请检查是否选错了文件；当前内容保持不变。"
        )));
        return;
    }
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let is_decisions = name.to_ascii_lowercase().ends_with(".json");
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = gloo::file::futures::read_as_bytes(&blob).await.unwrap_or_default();
        if is_decisions {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            state.dispatch(Action::ImportDecisions { name, text });
        } else {
            state.dispatch(Action::Opened { name, bytes });
        }
    });
}

/// A batch in flight stops when its token moves on (new input, a new batch).
type BatchToken = Rc<std::cell::Cell<u64>>;

/// Files whose names say they are not reports of a batch: hidden files and decisions files.
fn batch_worthy(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    !base.starts_with('.') && !base.to_ascii_lowercase().ends_with(".json")
}

/// Checks many files, one per turn of the event loop so that the page stays responsive and
/// the progress bar moves; a file that fails is a result like any other. Then the rules
/// across reports run over all of them.
fn run_batch(state: UseReducerHandle<State>, files: Vec<(String, web_sys::File)>) {
    let token = state.batch_token.clone();
    let files: Vec<(String, web_sys::File)> =
        files.into_iter().filter(|(name, _)| batch_worthy(name)).collect();
    let generation = token.get() + 1;
    token.set(generation);
    let names: Vec<Rc<str>> = files.iter().map(|(name, _)| Rc::from(name.as_str())).collect();
    state.dispatch(Action::BatchStart { generation, names });
    wasm_bindgen_futures::spawn_local(async move {
        let mut done: Vec<Shared> = Vec::with_capacity(files.len());
        for (index, (name, file)) in files.into_iter().enumerate() {
            if token.get() != generation {
                return;
            }
            let checked = if file.size() > MAX_FILE_BYTES {
                Checked::refused(gouji::input::Unreadable::TooLarge)
            } else {
                let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
                match gloo::file::futures::read_as_bytes(&blob).await {
                    Ok(bytes) => check(&Input { bytes: &bytes, name: Some(&name) }),
                    Err(_) => Checked::refused(gouji::input::Unreadable::Binary),
                }
            };
            let shared = Shared(Rc::new(checked));
            done.push(shared.clone());
            state.dispatch(Action::BatchChecked { generation, index, checked: shared });
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        if token.get() != generation {
            return;
        }
        let found = {
            let refs: Vec<&Checked> = done.iter().map(|s| &*s.0).collect();
            gouji::cross::check(&refs)
        };
        let mut by_report: BTreeMap<usize, Vec<gouji::Finding>> = BTreeMap::new();
        for (k, finding) in found {
            by_report.entry(k).or_default().push(finding);
        }
        let updated = by_report
            .into_iter()
            .filter_map(|(k, findings)| {
                let mut checked = (*done.get(k)?.0).clone();
                checked.add_findings(findings);
                Some((k, Shared(Rc::new(checked))))
            })
            .collect();
        state.dispatch(Action::BatchFinished { generation, updated });
    });
}

/// Every file under the dropped entries (folders walked), with its path.
async fn entry_files(entries: Vec<web_sys::FileSystemEntry>) -> Vec<(String, web_sys::File)> {
    use wasm_bindgen_futures::JsFuture;
    let mut out = Vec::new();
    let mut stack: Vec<web_sys::FileSystemEntry> = entries;
    while let Some(entry) = stack.pop() {
        if out.len() > MAX_BATCH_FILES {
            break;
        }
        if entry.is_file() {
            let file_entry: web_sys::FileSystemFileEntry = entry.clone().unchecked_into();
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                file_entry.file_with_callback_and_callback(&resolve, &reject);
            });
            if let Ok(file) = JsFuture::from(promise).await {
                let path = entry.full_path().trim_start_matches('/').to_string();
                out.push((path, file.unchecked_into()));
            }
        } else if entry.is_directory() {
            let directory: web_sys::FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = directory.create_reader();
            // readEntries gives a few at a time until it gives none.
            loop {
                let promise = js_sys::Promise::new(&mut |resolve, reject| {
                    let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
                });
                let Ok(batch) = JsFuture::from(promise).await else { break };
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(wasm_bindgen::JsCast::unchecked_into));
            }
        }
    }
    gouji::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

/// Records when the first result was shown (read by the browser tests and the README).
fn mark_first_result() {
    let Some(window) = web_sys::window() else { return };
    let now = window.performance().map_or(0.0, |p| p.now());
    let _ = js_sys::Reflect::set(&window, &"__goujiFirstResultMs".into(), &now.into());
}

#[function_component(App)]
pub(crate) fn app() -> Html {
    let state = use_reducer(State::initial);
    let timer = use_mut_ref(|| None::<Timeout>);

    // Check (debounced) whenever the input changes, and remember the input.
    {
        let state = state.clone();
        let timer = timer.clone();
        use_effect_with(state.generation, move |&generation| {
            let text = state.text.clone();
            let source = state.source.clone();
            let first = state.checked.is_none();
            let delay = if first {
                0
            } else if text.len() > LARGE_INPUT {
                400
            } else {
                120
            };
            let dispatcher = state.dispatcher();
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let checked = Shared(Rc::new(run_check(&text, &source)));
                persist(&text, &source);
                dispatcher.dispatch(Action::Checked { generation, checked });
                if first {
                    mark_first_result();
                }
            }));
        });
    }

    let lang = state.lang;
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::Typed(area.value()));
        })
    };
    let onpaste = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e.dyn_ref::<ClipboardEvent>().and_then(ClipboardEvent::clipboard_data)
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            // Keep the clipboard's table structure when it has one (web page, Word, WPS).
            if html.to_ascii_lowercase().contains("<table") {
                e.prevent_default();
                let text = data.get_data("text/plain").unwrap_or_default();
                state.dispatch(Action::PastedHtml { html, text });
            }
        })
    };
    let open_file = {
        let state = state.clone();
        move |file: web_sys::File| open_file(state.clone(), file)
    };
    let file_input = use_node_ref();
    // One file opens as before; several (or a folder) become a batch.
    let open_files = {
        let state = state.clone();
        let open_file = open_file.clone();
        move |mut files: Vec<(String, web_sys::File)>| {
            gouji::sort::sort_by(&mut files, |a, b| a.0.cmp(&b.0));
            if files.len() == 1 {
                if let Some((_, file)) = files.into_iter().next() {
                    open_file(file);
                }
            } else if !files.is_empty() {
                run_batch(state.clone(), files);
            }
        }
    };
    let list_files = |list: Option<web_sys::FileList>| -> Vec<(String, web_sys::File)> {
        let Some(list) = list else { return Vec::new() };
        (0..list.length())
            .filter_map(|k| list.get(k))
            .map(|file| {
                // A folder picked with the folder button: keep the path inside it.
                let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                    .ok()
                    .and_then(|p| p.as_string())
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| file.name());
                (path, file)
            })
            .collect()
    };
    let onchange_file = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            open_files(list_files(input.files()));
            input.set_value("");
        })
    };
    let folder_input = use_node_ref();
    let onclick_folder = {
        let folder_input = folder_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = folder_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onclick_open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let ondragover = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !state.dragging {
                state.dispatch(Action::Dragging(true));
            }
        })
    };
    let ondragleave = {
        let state = state.clone();
        Callback::from(move |_: DragEvent| state.dispatch(Action::Dragging(false)))
    };
    let ondrop = {
        let state = state.clone();
        let open_files = open_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            state.dispatch(Action::Dragging(false));
            let Some(data) = e.data_transfer() else { return };
            // The entries must be taken now: the drop's data is gone after this handler.
            let items = data.items();
            let entries: Vec<web_sys::FileSystemEntry> = (0..items.length())
                .filter_map(|k| items.get(k))
                .filter(|item| item.kind() == "file")
                .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
                .collect();
            let single_file =
                entries.len() == 1 && entries.iter().all(web_sys::FileSystemEntry::is_file);
            if entries.is_empty() || single_file {
                open_files(list_files(data.files()));
                return;
            }
            let open_files = open_files.clone();
            wasm_bindgen_futures::spawn_local(async move {
                open_files(entry_files(entries).await);
            });
        })
    };
    let dispatch = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action()))
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    let note = if let Some(items) = &state.batch {
        Some(format!("{}{} 个文件", lang.t(Text::BatchNote), items.len()))
    } else {
        match &state.source {
            Source::Html(_) => Some(lang.t(Text::HtmlNote).to_string()),
            Source::File { name, .. } => Some(format!("{}{name}", lang.t(Text::FileNote))),
            Source::Sample => Some(lang.t(Text::SampleNote).to_string()),
            Source::Text => None,
        }
    };
    // The shown result belongs to the current input (browser tests wait for this).
    let ready = if state.batch.is_some() {
        state.batch_finished
    } else {
        state.checked_generation == state.generation
    };

    html! {
        <main class="page" data-ready={ready.to_string()} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="masthead">
                <div>
                    <h1>{ lang.t(Text::Title) }<span class="subtitle">{ lang.t(Text::Subtitle) }</span></h1>
                    <p class="offline">{ lang.t(Text::Offline) }</p>
                </div>
                <button class="lang no-print" onclick={dispatch(|| Action::ToggleLang)}>{ lang.t(Text::Language) }</button>
            </header>
            <section class={classes!("input", state.dragging.then_some("dragging"), "no-print")}
                {ondragover} {ondragleave} {ondrop}>
                <div class="toolbar">
                    <button onclick={onclick_open}>{ lang.t(Text::Open) }</button>
                    <button onclick={onclick_folder}>{ lang.t(Text::OpenFolder) }</button>
                    <button onclick={dispatch(|| Action::Sample)}>{ lang.t(Text::Sample) }</button>
                    <button onclick={dispatch(|| Action::Clear)}>{ lang.t(Text::Clear) }</button>
                    <button onclick={onprint}>{ lang.t(Text::Print) }</button>
                    <input type="file" id="open-file" ref={file_input} class="hidden" multiple=true
                        accept=".txt,.md,.htm,.html,.docx,.pdf,.json,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        onchange={onchange_file.clone()} />
                    <input type="file" id="open-folder" ref={folder_input} class="hidden" webkitdirectory=true multiple=true
                        onchange={onchange_file} />
                    if let Some(note) = note { <span class="note">{ note }</span> }
                    if let Some(notice) = state.notice.clone() { <span class="notice" role="alert">{ notice }</span> }
                </div>
                <textarea id="report-input" spellcheck="false" placeholder={lang.t(Text::Placeholder)}
                    value={state.text.clone()} {oninput} {onpaste} />
                if state.dragging { <div class="drop-hint">{ lang.t(Text::DropHere) }</div> }
            </section>
            {
                if let Some(items) = &state.batch {
                    batch_section(&state, items)
                } else {
                    match &state.checked {
                        None => html! { <p class="status">{ lang.t(Text::Checking) }</p> },
                        Some(checked) => report_view(&state, checked),
                    }
                }
            }
            if let Some(rule) = state.rule.clone() {
                <RuleDoc {rule} {lang} onclose={dispatch(|| Action::ShowRule(None))} />
            }
            <Footer {lang} />
        </main>
    }
}

/// One report: its tables and findings, or why there are none.
fn report_view(state: &UseReducerHandle<State>, checked: &Shared) -> Html {
    let lang = state.lang;
    match view_model::page_state(checked) {
        PageState::Empty => html! { <p class="status empty">{ lang.t(Text::Empty) }</p> },
        PageState::Unreadable(message) => html! {
            <section class="status unreadable" data-status="unreadable">
                <h2>{ lang.t(Text::Unreadable) }</h2><p>{ message }</p>
            </section>
        },
        PageState::NoTables(message) => html! {
            <>
                <VerdictBar checked={checked.clone()} {lang} />
                <section class="status no-tables" data-status="no-tables"><p>{ message }</p></section>
            </>
        },
        PageState::Tables => html! { <Results state={state.clone()} checked={checked.clone()} /> },
    }
}

/// The batch: the summary, or one of its reports in full with a way back.
fn batch_section(state: &UseReducerHandle<State>, items: &Rc<Vec<BatchItem>>) -> Html {
    let lang = state.lang;
    if let (Some(k), Some(checked)) = (state.batch_open, state.checked.clone()) {
        let back = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::BatchOpen(None)))
        };
        let name = items.get(k).map(|i| i.name.to_string()).unwrap_or_default();
        return html! {
            <>
                <p class="batch-open no-print">
                    <button id="batch-back" onclick={back}>{ lang.t(Text::BackToList) }</button>
                    <span class="note">{ name }</span>
                </p>
                { report_view(state, &checked) }
            </>
        };
    }
    let on = |make: fn(usize) -> Action| {
        let state = state.clone();
        Callback::from(move |k: usize| state.dispatch(make(k)))
    };
    let on_sort = {
        let state = state.clone();
        Callback::from(move |c: Column| state.dispatch(Action::BatchSort(c)))
    };
    let on_filter = {
        let state = state.clone();
        Callback::from(move |t: String| state.dispatch(Action::BatchFilter(t)))
    };
    let on_errors_only = {
        let state = state.clone();
        Callback::from(move |b: bool| state.dispatch(Action::BatchErrorsOnly(b)))
    };
    let export = |json: bool| {
        let state = state.clone();
        let items = items.clone();
        Callback::from(move |_: MouseEvent| {
            let checked: Vec<(String, Shared, Decisions)> = items
                .iter()
                .filter_map(|i| {
                    let c = i.checked.clone()?;
                    let decisions = load_decisions(&c);
                    Some((i.name.to_string(), c, decisions))
                })
                .collect();
            let entries: Vec<gouji::export::Entry<'_>> = checked
                .iter()
                .map(|(file, c, decisions)| gouji::export::Entry { file, checked: c, decisions })
                .collect();
            let result = if json {
                let lines: Vec<String> = entries.iter().map(gouji::export::json).collect();
                download_as(
                    "gouji-findings.jsonl",
                    &(lines.join("\n") + "\n"),
                    "application/x-ndjson;charset=utf-8",
                )
            } else {
                download_as(
                    "gouji-问题清单.csv",
                    &gouji::export::csv(&entries),
                    "text/csv;charset=utf-8",
                )
            };
            if result.is_err() {
                state.dispatch(Action::Notice("浏览器未能保存文件，请重试。".to_string()));
            }
        })
    };
    html! {
        <BatchView items={items.clone()} view={state.batch_view.clone()} {lang} finished={state.batch_finished}
            on_open={on(|k| Action::BatchOpen(Some(k)))} {on_sort} {on_filter} {on_errors_only}
            on_export_csv={export(false)} on_export_json={export(true)} />
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    state: UseReducerHandle<State>,
    checked: Shared,
}

#[function_component(Results)]
fn results(props: &ResultsProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let on_cell = {
        let state = state.clone();
        Callback::from(move |cell: CellRef| state.dispatch(Action::Select(Some(cell))))
    };
    let on_hover = {
        let state = state.clone();
        Callback::from(move |cell: Option<CellRef>| state.dispatch(Action::Hover(cell)))
    };
    let on_finding = {
        let state = state.clone();
        Callback::from(move |k: usize| state.dispatch(Action::SelectFinding(k)))
    };
    let on_rule = {
        let state = state.clone();
        Callback::from(move |rule: String| state.dispatch(Action::ShowRule(Some(rule))))
    };
    let on_decide = {
        let state = state.clone();
        Callback::from(move |(finding, status, reason): (usize, Status, String)| {
            state.dispatch(Action::Decide { finding, status, reason, date: today() });
        })
    };
    let on_undecide = {
        let state = state.clone();
        Callback::from(move |fingerprint: String| state.dispatch(Action::Undecide(fingerprint)))
    };
    let on_export = {
        let state = state.clone();
        let checked = props.checked.clone();
        Callback::from(move |_: MouseEvent| {
            let name = decisions_file_name(&state.source, &checked);
            if download(&name, &state.decisions.to_json()).is_err() {
                state.dispatch(Action::Notice("浏览器未能保存文件，请重试。".to_string()));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |file: web_sys::File| open_file(state.clone(), file))
    };
    let focus = state.hovered.or(state.selected);
    html! {
        <>
            <VerdictBar checked={props.checked.clone()} {lang} />
            <div class="workspace">
                <div class="main-column">
                    <ReportTables checked={props.checked.clone()} states={state.states.clone()}
                        selected={state.selected} marked={state.marked.clone()} {lang}
                        on_cell={on_cell.clone()} on_hover={on_hover} />
                    <FindingList checked={props.checked.clone()} selected={state.selected_finding} {lang}
                        {on_finding} on_rule={on_rule.clone()} on_cell={on_cell.clone()}
                        decisions={state.decisions.clone()} {on_decide} {on_undecide} {on_export} {on_import} />
                </div>
                <aside class="side-column">
                    <DetailPanel checked={props.checked.clone()} cell={focus} states={state.states.clone()} {lang}
                        {on_rule} />
                    <SourcePanel checked={props.checked.clone()} cell={state.selected} {lang} />
                </aside>
            </div>
        </>
    }
}
