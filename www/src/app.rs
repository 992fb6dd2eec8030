//! The page: the input, then the verdict, the list of mistakes beside the tables, the selected
//! cell's sums and its place in the original text; or the summary of many reports.
//!
//! State and its changes are `state/` (slices with pure reducers, tested natively). This file
//! wires them to the browser: it runs every effect the reducers return, in one place
//! (`run_effect`: storage, the address bar, files and folders, batches, downloads, the
//! clipboard), checks the input whenever its generation moves (at once after a paste, debounced
//! while typing), and does what must happen after a draw (bringing a cell into view, moving the
//! focus). Components get the slices they draw and callbacks made once (`use_callback` on the
//! reducer's dispatcher), so that an arrow key redraws the tables, not the findings.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gouji::input::Unreadable;
use gouji::model::CellRef;
use gouji::review::{Decisions, Status};
use gouji::rules::RuleId;
use gouji::{Checked, Severity};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::batch::{BatchView, Column};
use crate::fill_view::FillView;
use crate::i18n::{Lang, Text};
use crate::panels::{DetailPanel, FindingList, Footer, RuleDialog, SourcePanel, VerdictBar};
use crate::state::{
    self, Action, After, BatchAction, DecisionsAction, Discard, EditAction, Effect, FillAction,
    FillState, Mode, Picked, SelectAction, Selection, Source, State, UiAction,
};
use crate::tables::ReportTables;
use crate::view_model::{self, CellState, PageState, Shared};
use crate::worker::{Keep, Lane, Lost, Pool, Sink};

const STORAGE_TEXT: &str = "gouji.text.v1";
const STORAGE_HTML: &str = "gouji.html.v1";
const STORAGE_LANG: &str = "gouji.lang.v1";
const STORAGE_FORM: &str = "gouji.form.v1";
/// Above this size, checking waits for typing to pause a little longer.
const LARGE_INPUT: usize = 200_000;
/// A batch larger than this is cut (a folder of folders dropped by mistake).
const MAX_BATCH_FILES: usize = 5000;

type Dispatch = UseReducerDispatcher<State>;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(state::settle(&self, action, &mut run_effect))
    }
}

/// What the effects need of the page: its dispatcher, the checking workers, the batch in
/// flight and the files in hand (the state knows them by id). Set once, when the page starts.
struct Runner {
    dispatch: Dispatch,
    pool: Pool,
    token: BatchToken,
    files: RefCell<BTreeMap<u64, web_sys::File>>,
    next_id: Cell<u64>,
}

thread_local! {
    static RUNNER: RefCell<Option<Rc<Runner>>> = const { RefCell::new(None) };
}

fn runner() -> Option<Rc<Runner>> {
    RUNNER.with(|r| r.borrow().clone())
}

/// Takes files in hand (those held before are let go) and names them for the state.
fn hold(files: Vec<(String, web_sys::File)>) -> Vec<Picked> {
    let Some(runner) = runner() else { return Vec::new() };
    let mut held = runner.files.borrow_mut();
    held.clear();
    files
        .into_iter()
        .map(|(name, file)| {
            let id = runner.next_id.get();
            runner.next_id.set(id + 1);
            let size = file.size();
            held.insert(id, file);
            Picked { id, name, size }
        })
        .collect()
}

fn take_file(runner: &Runner, id: u64) -> Option<web_sys::File> {
    runner.files.borrow_mut().remove(&id)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// A report's stored decisions, read by the browser's JSON reader.
fn stored_decisions(key: &str) -> Option<Decisions> {
    storage_get(key).and_then(|text| crate::decisions_file::read(&text).ok())
}

/// Runs an effect the state asked for, and says what it read, if anything. Storage errors
/// (quota, private mode) are ignored: the check itself does not depend on storage.
fn run_effect(effect: Effect) -> Option<Action> {
    match effect {
        Effect::Persist { text, source } => {
            let storage = storage()?;
            match source {
                Source::Sample => {
                    let _ = storage.remove_item(STORAGE_TEXT);
                    let _ = storage.remove_item(STORAGE_HTML);
                }
                Source::Html(html) => {
                    let _ = storage.set_item(STORAGE_HTML, &html);
                    let _ = storage.set_item(STORAGE_TEXT, &text);
                }
                Source::Text | Source::File { .. } => {
                    let _ = storage.remove_item(STORAGE_HTML);
                    if text.is_empty() {
                        let _ = storage.remove_item(STORAGE_TEXT);
                    } else {
                        let _ = storage.set_item(STORAGE_TEXT, &text);
                    }
                }
            }
        }
        Effect::SaveDecisions { key, file } => {
            let storage = storage()?;
            let _ = match file {
                Some(file) => storage.set_item(&key, &gouji::dto::decisions_text(&file)),
                None => storage.remove_item(&key),
            };
        }
        Effect::LoadDecisions { key } => {
            let stored = stored_decisions(&key);
            return Some(Action::Decisions(DecisionsAction::Loaded { key, stored }));
        }
        Effect::SaveForm(text) => {
            let _ = storage()?.set_item(STORAGE_FORM, &text);
        }
        Effect::SaveLang(lang) => {
            let _ = storage()?.set_item(STORAGE_LANG, if lang == Lang::En { "en" } else { "zh" });
        }
        Effect::History { hash, push } => set_history(&hash, push),
        Effect::ReadReport { id, name } => {
            let runner = runner()?;
            let file = take_file(&runner, id)?;
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = read_bytes(file).await;
                runner.dispatch.dispatch(Action::Opened { name, bytes });
            });
        }
        Effect::ReadDecisionsFile { id, name } => {
            let runner = runner()?;
            let file = take_file(&runner, id)?;
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = read_bytes(file).await;
                let read = crate::decisions_file::read(&String::from_utf8_lossy(&bytes));
                runner.dispatch.dispatch(Action::Decisions(DecisionsAction::Import { name, read }));
            });
        }
        Effect::ReadLastYear { id, name } => {
            let runner = runner()?;
            let file = take_file(&runner, id)?;
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = read_bytes(file).await;
                let last = runner
                    .pool
                    .check(Lane::Batch, Some(name.clone()), bytes, Vec::new(), None)
                    .await
                    .unwrap_or_else(|_| Checked::refused(Unreadable::EngineFailed));
                let carried = gouji::fill::carried_over(&last);
                runner.dispatch.dispatch(Action::Fill(FillAction::Carried { name, carried }));
            });
        }
        Effect::RunBatch { generation, files } => {
            let runner = runner()?;
            let files: Vec<(String, web_sys::File)> = files
                .into_iter()
                .filter_map(|(id, name)| take_file(&runner, id).map(|file| (name, file)))
                .collect();
            run_batch(&runner, generation, files);
        }
        Effect::Download { name, bytes, mime } => {
            if download_bytes(&name, &bytes, mime).is_err() {
                return Some(Action::Said(Text::SaveFailed));
            }
        }
        Effect::Copy { html, text } => {
            let copied = copy_to_clipboard(&html, &text);
            return Some(Action::Said(if copied { Text::Copied } else { Text::CopyFailed }));
        }
        Effect::ExportBatch { items, json } => {
            if export_batch(&items, json).is_err() {
                return Some(Action::Said(Text::SaveFailed));
            }
        }
    }
    None
}

async fn read_bytes(file: web_sys::File) -> Vec<u8> {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    gloo::file::futures::read_as_bytes(&blob).await.unwrap_or_default()
}

fn set_history(hash: &str, push: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let location = window.location();
    let url = if hash.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        hash.to_string()
    };
    let current = location.hash().unwrap_or_default();
    if push && current == url {
        return;
    }
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// The findings of every report of a batch, with their stored decisions, as CSV or as the
/// CLI's JSON lines.
fn export_batch(
    items: &[crate::batch::BatchItem],
    json: bool,
) -> Result<(), wasm_bindgen::JsValue> {
    let checked: Vec<(String, Shared, Decisions)> = items
        .iter()
        .filter_map(|i| {
            let c = i.checked.clone()?;
            let decisions = state::decisions::decisions_key(&c)
                .and_then(|key| stored_decisions(&key))
                .unwrap_or_else(|| Decisions::for_report(&c));
            Some((i.name.to_string(), c, decisions))
        })
        .collect();
    let entries: Vec<gouji::export::Entry<'_>> = checked
        .iter()
        .map(|(file, c, decisions)| gouji::export::Entry { file, checked: c, decisions })
        .collect();
    if json {
        let lines: Vec<String> = entries.iter().map(gouji::export::json).collect();
        download_as(
            "gouji-findings.jsonl",
            &(lines.join("\n") + "\n"),
            "application/x-ndjson;charset=utf-8",
        )
    } else {
        download_as(
            crate::i18n::names::FINDINGS_CSV,
            &gouji::export::csv(&entries),
            "text/csv;charset=utf-8",
        )
    }
}

fn element(selector: &str) -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.query_selector(selector).ok()??.dyn_into::<HtmlElement>().ok()
}

fn focus_quietly(element: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Brings a cell into view inside the tables' own scroll area, without scrolling the page,
/// so that the verdict and the list stay where they are.
fn show_cell(cell: CellRef, focus: bool) {
    let Some(td) = element(&format!("td[data-cell=\"{cell}\"]")) else { return };
    if let Some(pane) = element("#tables-pane") {
        let (cell_box, pane_box) = (td.get_bounding_client_rect(), pane.get_bounding_client_rect());
        // The middle of the part of the pane that is on screen.
        let screen = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0);
        let visible_top = pane_box.top().max(0.0);
        let visible = pane_box.bottom().min(screen) - visible_top;
        let top = f64::from(pane.scroll_top()) + (cell_box.top() - visible_top) - visible / 3.0;
        pane.set_scroll_top(top.max(0.0) as i32);
        let left = f64::from(pane.scroll_left()) + (cell_box.left() - pane_box.left())
            - f64::from(pane.client_width()) / 2.0;
        pane.set_scroll_left(left.max(0.0) as i32);
    }
    if focus {
        focus_quietly(&td);
    }
}

fn run_after(after: &[After]) {
    for item in after {
        match item {
            After::ShowCell(cell) => show_cell(*cell, false),
            After::FocusCell(cell) => show_cell(*cell, true),
            After::FocusFinding(k) => {
                if let Some(button) =
                    element(&format!("#findings li[data-index=\"{k}\"] .finding-title"))
                {
                    let _ = button.focus();
                }
            }
            After::FocusBatchRow(k) => {
                if let Some(row) = element(&format!("table.summary tr[data-index=\"{k}\"]")) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    row.scroll_into_view_with_scroll_into_view_options(&options);
                    focus_quietly(&row);
                }
            }
            After::FocusBack => {
                if let Some(button) = element("#batch-back") {
                    focus_quietly(&button);
                }
            }
            After::FocusInput => {
                if let Some(area) = element("#report-input") {
                    let _ = area.focus();
                }
            }
        }
    }
}

/// Today's date as the browser knows it (the engine has no clock), e.g. `2027-01-20`.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Offers `text` as a download of type `mime`.
pub(crate) fn download_as(name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    download_bytes(name, text.as_bytes(), mime)
}

/// Offers `bytes` as a download of type `mime` (a Blob URL, revoked when it is dropped:
/// nothing leaves the computer).
fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = gloo::file::ObjectUrl::from(gloo::file::Blob::new_with_options(bytes, Some(mime)));
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// Puts `html` and `text` on the clipboard (a copy event of our own: works from `file://`
/// and asks for no permission).
fn copy_to_clipboard(html: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let (html, text) = (html.to_string(), text.to_string());
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let listener =
        gloo::events::EventListener::new_with_options(&document, "copy", options, move |event| {
            let Some(event) = event.dyn_ref::<ClipboardEvent>() else { return };
            if let Some(data) = event.clipboard_data() {
                let _ = data.set_data("text/html", &html);
                let _ = data.set_data("text/plain", &text);
                event.prevent_default();
            }
        });
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    drop(listener);
    copied
}

/// A batch in flight stops when its token moves on (new input, a new batch).
type BatchToken = Rc<Cell<u64>>;

/// Checks many files in the workers (two on a machine with two cores), reading the next file
/// while one is checked; a file that fails is a result like any other. Then the rules across
/// reports run over all of them, in the first worker. Stops when the token moves on (new
/// input, a new batch).
fn run_batch(runner: &Rc<Runner>, generation: u64, files: Vec<(String, web_sys::File)>) {
    let (token, pool) = (&runner.token, &runner.pool);
    token.set(generation);
    pool.widen();
    let total = files.len();
    let files = Rc::new(files);
    let next = Rc::new(Cell::new(0usize));
    let left = Rc::new(Cell::new(total));
    // One file more in flight than there are workers, so that none waits for a read.
    let lanes = if pool.off_thread() { pool.width() + 1 } else { 1 };
    for _ in 0..lanes.min(total) {
        let runner = runner.clone();
        let (files, next, left) = (files.clone(), next.clone(), left.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let (token, pool, dispatch) = (&runner.token, &runner.pool, &runner.dispatch);
            loop {
                let index = next.get();
                if index >= files.len() || token.get() != generation {
                    return;
                }
                next.set(index + 1);
                let (name, file) = &files[index];
                let keep = Some(Keep { generation, index });
                let checked = pool.check_file(name.clone(), file.clone(), keep).await;
                if token.get() != generation {
                    return;
                }
                let checked = Shared(Rc::new(checked));
                dispatch.dispatch(Action::Batch(BatchAction::Checked {
                    generation,
                    index,
                    checked,
                }));
                if !pool.off_thread() {
                    // On the page's thread: let it draw between files.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                }
                left.set(left.get() - 1);
                if left.get() == 0 {
                    // The reports the rules across reports change come a part at a time, each
                    // drawn as it comes.
                    let sink: Sink = {
                        let dispatch = dispatch.clone();
                        Rc::new(move |updated: Vec<(usize, Checked)>| {
                            let updated =
                                updated.into_iter().map(|(k, c)| (k, Shared(Rc::new(c)))).collect();
                            dispatch.dispatch(Action::Batch(BatchAction::Updated {
                                generation,
                                updated,
                            }));
                        })
                    };
                    pool.cross(generation, sink).await;
                    if token.get() != generation {
                        return;
                    }
                    dispatch.dispatch(Action::Batch(BatchAction::Finished { generation }));
                }
            }
        });
    }
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

/// Records when a paste came in (read back by [`mark_paste_step`] and [`mark_paste_result`]).
fn mark_paste() {
    let Some(window) = web_sys::window() else { return };
    let now = window.performance().map_or(0.0, |p| p.now());
    let _ = js_sys::Reflect::set(&window, &"__goujiPasteAt".into(), &now.into());
    let _ = js_sys::Reflect::set(&window, &"__goujiPasteSteps".into(), &js_sys::Array::new());
}

/// While a paste waits for its result: when `step` was reached, in ms after the paste
/// (`window.__goujiPasteSteps`, `[step, ms]` pairs, for the README's breakdown).
fn mark_paste_step(step: &str) {
    let Some(window) = web_sys::window() else { return };
    let get = |key: &str| js_sys::Reflect::get(&window, &key.into()).ok();
    let (Some(at), Some(steps)) = (
        get("__goujiPasteAt").and_then(|v| v.as_f64()),
        get("__goujiPasteSteps").and_then(|v| v.dyn_into::<js_sys::Array>().ok()),
    ) else {
        return;
    };
    let now = window.performance().map_or(0.0, |p| p.now());
    steps.push(&js_sys::Array::of2(&step.into(), &(now - at).into()));
}

/// Once a result is drawn (the DOM holds its verdict): the time since the paste it answers, if
/// one is pending, as `window.__goujiPasteToResultMs` (printed by the browser tests and
/// `e2e/timing.mjs`, never asserted).
fn mark_paste_result() {
    mark_paste_step("drawn");
    let Some(window) = web_sys::window() else { return };
    let key = wasm_bindgen::JsValue::from("__goujiPasteAt");
    let Some(at) = js_sys::Reflect::get(&window, &key).ok().and_then(|v| v.as_f64()) else {
        return;
    };
    let now = window.performance().map_or(0.0, |p| p.now());
    let _ = js_sys::Reflect::set(&window, &"__goujiPasteToResultMs".into(), &(now - at).into());
    let _ = js_sys::Reflect::delete_property(&window, &key);
}

fn initial_state() -> State {
    let lang = match storage_get(STORAGE_LANG).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let form = storage_get(STORAGE_FORM).map(|t| state::form_from_text(&t)).unwrap_or_default();
    State::with_form(storage_get(STORAGE_TEXT), storage_get(STORAGE_HTML), lang, form)
}

#[function_component(App)]
pub(crate) fn app() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = state.dispatcher();
    let timer = use_mut_ref(|| None::<Timeout>);
    let first = use_mut_ref(|| true);
    let runner = {
        let dispatch = dispatch.clone();
        use_memo((), move |()| {
            let runner = Rc::new(Runner {
                dispatch,
                pool: Pool::start(),
                token: BatchToken::default(),
                files: RefCell::default(),
                next_id: Cell::new(0),
            });
            RUNNER.with(|r| *r.borrow_mut() = Some(runner.clone()));
            runner
        })
    };

    // Check whenever the input changes (at once after a paste, after a pause while typing),
    // and stop a batch in flight.
    {
        let state = state.clone();
        let timer = timer.clone();
        let first = first.clone();
        let runner = (*runner).clone();
        use_effect_with(state.input.generation, move |&generation| {
            if state.batch.is_none() {
                runner.token.set(runner.token.get().wrapping_add(1 << 32));
            }
            let input = &state.input;
            let (text, source, edits) =
                (input.text.clone(), input.source.clone(), input.edits.clone());
            let delay = if input.pasted || *first.borrow() {
                0
            } else if text.len() > LARGE_INPUT {
                400
            } else {
                120
            };
            let dispatch = state.dispatcher();
            let send = move || {
                let input = state::input(&text, &source);
                let name = input.name.map(str::to_string);
                let bytes = input.bytes.to_vec();
                let edits = edits.to_vec();
                mark_paste_step("sent");
                wasm_bindgen_futures::spawn_local(async move {
                    let checked = match runner
                        .pool
                        .check(Lane::Interactive, name, bytes, edits, None)
                        .await
                    {
                        Ok(checked) => checked,
                        // A newer input replaced this one before its check began.
                        Err(Lost::Replaced) => return,
                        Err(Lost::Crashed) => Checked::refused(Unreadable::EngineFailed),
                    };
                    mark_paste_step("answered");
                    dispatch.dispatch(Action::Checked {
                        generation,
                        checked: Shared(Rc::new(checked)),
                    });
                    mark_paste_step("dispatched");
                    if std::mem::replace(&mut *first.borrow_mut(), false) {
                        mark_first_result();
                    }
                });
            };
            // A paste is sent at once, not after a timer: the browser would lay out the
            // pasted text before the timer fires, and the worker can check meanwhile.
            *timer.borrow_mut() = None;
            if delay == 0 {
                send();
            } else {
                *timer.borrow_mut() = Some(Timeout::new(delay, send));
            }
        });
    }
    // A result drawn: how long after the paste it answers.
    {
        let shown = state.result.checked.as_ref().map(|c| Rc::as_ptr(&c.0) as usize);
        let generation = state.result.generation;
        use_effect_with((shown, generation), |_| mark_paste_result());
    }
    // Printing (the button or Ctrl+P): what is drawn only for paper is drawn now.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|window| {
                let before = dispatch.clone();
                [
                    gloo::events::EventListener::new(&window, "beforeprint", move |_| {
                        before.dispatch(Action::Ui(UiAction::Printing(true)));
                    }),
                    gloo::events::EventListener::new(&window, "afterprint", move |_| {
                        dispatch.dispatch(Action::Ui(UiAction::Printing(false)));
                    }),
                ]
            });
            move || drop(listeners)
        });
    }
    // After a draw: bring cells into view, move the focus.
    {
        let state = state.clone();
        use_effect_with(state.after.seq, move |_| {
            if !state.after.items.is_empty() {
                run_after(&state.after.items);
                state.dispatch(Action::AfterDone);
            }
        });
    }
    // The address bar: a batch view named there after a reload is gone; Back and Forward move
    // between the batch's list and its reports.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if state::parse_hash(&hash).is_some() {
                dispatch.dispatch(Action::BatchLost);
            }
            // `#sample` (the address `cargo xtask serve` prints): open with the sample checked.
            if hash == SAMPLE_HASH {
                dispatch.dispatch(Action::Sample);
            }
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    let hash = web_sys::window()
                        .and_then(|w| w.location().hash().ok())
                        .unwrap_or_default();
                    let index = match state::parse_hash(&hash) {
                        Some(state::Place::List) => None,
                        Some(state::Place::Report(k)) => Some(k),
                        None => return dispatch.dispatch(Action::HistoryLeft),
                    };
                    dispatch.dispatch(Action::BatchOpen { index, from_history: true });
                })
            });
            move || drop(listener)
        });
    }

    let lang = state.ui.lang;
    let mode = state.ui.mode;
    let set_mode = use_callback(dispatch.clone(), |mode: Mode, d| {
        d.dispatch(Action::Ui(UiAction::SetMode(mode)));
    });
    let mode_button = |m: Mode, id: &'static str, text: Text| {
        let set_mode = set_mode.clone();
        html! {
            <button {id} class={classes!((mode == m).then_some("current"))}
                aria-pressed={(mode == m).to_string()}
                onclick={Callback::from(move |_: MouseEvent| set_mode.emit(m))}>{ lang.t(text) }</button>
        }
    };
    let set_lang = use_callback((dispatch.clone(), lang), |_: MouseEvent, (d, lang)| {
        let other = if *lang == Lang::Zh { Lang::En } else { Lang::Zh };
        d.dispatch(Action::Ui(UiAction::SetLang(other)));
    });
    let close_rule = use_callback(dispatch.clone(), |(), d| {
        d.dispatch(Action::Ui(UiAction::ShowRule(None)));
    });
    let has_report = state.result.checked.is_some() && !state.input.text.trim().is_empty();
    let view = if state.batch.is_some() {
        "batch"
    } else if has_report {
        "report"
    } else {
        "empty"
    };
    let answer = use_callback(dispatch.clone(), |yes: bool, d| {
        d.dispatch(Action::ConfirmDiscard(yes));
    });
    let undo = use_callback(dispatch.clone(), |_: MouseEvent, d| d.dispatch(Action::UndoReplace));
    let notice = notice_bar(&state, &answer, &undo);
    html! {
        <main class="page" data-ready={state.ready().to_string()} data-view={view}
            lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="masthead">
                <div>
                    <h1>{ lang.t(Text::Title) }<span class="subtitle">{ lang.t(Text::Subtitle) }</span></h1>
                    <p class="offline">{ lang.t(Text::Offline) }</p>
                </div>
                <nav class="modes no-print" aria-label={lang.t(Text::Title)}>
                    { mode_button(Mode::Check, "mode-check", Text::ModeCheck) }
                    { mode_button(Mode::Fill, "mode-fill", Text::ModeFill) }
                </nav>
                <button class="lang no-print" onclick={set_lang}>{ lang.t(Text::Language) }</button>
            </header>
            if mode == Mode::Fill {
                { notice }
                <FillSection fill={state.fill.clone()} {lang} dispatch={dispatch.clone()} />
                <Footer {lang} />
            } else {
                <InputPanel text={state.input.text.clone()} open={state.input.open}
                    dragging={state.ui.dragging} {has_report} summary={input_summary(&state, lang)}
                    {lang} dispatch={dispatch.clone()} />
                { notice }
                {
                    if let Some(batch) = &state.batch {
                        batch_section(&state, batch, &dispatch)
                    } else if state.input.is_empty() {
                        html! { <FirstVisit {lang} dispatch={dispatch.clone()} /> }
                    } else {
                        match &state.result.checked {
                            None => html! { <p class="status">{ lang.t(Text::Checking) }</p> },
                            Some(checked) => report_view(&state, checked, &dispatch),
                        }
                    }
                }
                <Footer {lang} />
            }
            <RuleDialog rule={state.ui.rule} {lang} onclose={close_rule} />
        </main>
    }
}

/// The address fragment that opens the page with the sample report checked.
const SAMPLE_HASH: &str = "#sample";
#[derive(Properties, PartialEq)]
struct InputProps {
    text: Rc<str>,
    open: bool,
    dragging: bool,
    /// A result of the text is on screen (the box may fold).
    has_report: bool,
    /// One line saying what was checked, for the folded box.
    summary: String,
    lang: Lang,
    dispatch: Dispatch,
}

/// The input: the text box with its buttons, or the one line it folds to; files are opened
/// and dropped here.
#[function_component(InputPanel)]
fn input_panel(props: &InputProps) -> Html {
    let lang = props.lang;
    let d = &props.dispatch;
    let oninput = use_callback(d.clone(), |e: InputEvent, d| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        let pasted = e.input_type() == "insertFromPaste" || e.input_type() == "insertFromDrop";
        if pasted {
            mark_paste();
        }
        d.dispatch(if pasted {
            Action::PastedText(area.value())
        } else {
            Action::Typed(area.value())
        });
    });
    let onpaste = use_callback(d.clone(), |e: Event, d| {
        let Some(data) = e.dyn_ref::<ClipboardEvent>().and_then(ClipboardEvent::clipboard_data)
        else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        // Keep the clipboard's table structure when it has one (web page, Word, WPS).
        if html.to_ascii_lowercase().contains("<table") {
            e.prevent_default();
            mark_paste();
            let text = data.get_data("text/plain").unwrap_or_default();
            d.dispatch(Action::PastedHtml { html, text });
        }
    });
    let file_input = use_node_ref();
    let folder_input = use_node_ref();
    let onchange_file = use_callback(d.clone(), |e: Event, d| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::FilesPicked(hold(list_files(input.files()))));
        input.set_value("");
    });
    let click = |node: &NodeRef| {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let ondragover = use_callback((d.clone(), props.dragging), |e: DragEvent, (d, dragging)| {
        e.prevent_default();
        if !*dragging {
            d.dispatch(Action::Ui(UiAction::Dragging(true)));
        }
    });
    let ondragleave = use_callback(d.clone(), |_: DragEvent, d| {
        d.dispatch(Action::Ui(UiAction::Dragging(false)));
    });
    let ondrop = use_callback(d.clone(), |e: DragEvent, d| {
        e.prevent_default();
        d.dispatch(Action::Ui(UiAction::Dragging(false)));
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
            d.dispatch(Action::FilesPicked(hold(list_files(data.files()))));
            return;
        }
        let d = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            d.dispatch(Action::FilesPicked(hold(entry_files(entries).await)));
        });
    });
    let act = |action: fn() -> Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(action()))
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let file_buttons = html! {
        <>
            <button class="primary" id="open-button" onclick={click(&file_input)}>{ lang.t(Text::Open) }</button>
            <button onclick={click(&folder_input)}>{ lang.t(Text::OpenFolder) }</button>
        </>
    };
    html! {
        <section class={classes!("input", props.dragging.then_some("dragging"), "no-print", (!props.open).then_some("folded"))}
            aria-label={lang.t(Text::InputLabel)} {ondragover} {ondragleave} {ondrop}>
            <input type="file" id="open-file" ref={file_input.clone()} class="hidden" multiple=true
                accept=".txt,.md,.htm,.html,.docx,.pdf,.json,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                onchange={onchange_file.clone()} />
            <input type="file" id="open-folder" ref={folder_input.clone()} class="hidden" webkitdirectory=true multiple=true
                onchange={onchange_file} />
            if props.open {
                <div class="toolbar">
                    { file_buttons.clone() }
                    <button id="sample-button" onclick={act(|| Action::Sample)}>{ lang.t(Text::Sample) }</button>
                    <button id="clear-button" onclick={act(|| Action::Clear)} disabled={props.text.is_empty()}>{ lang.t(Text::Clear) }</button>
                    if props.has_report {
                        <button id="fold-input" onclick={act(|| Action::ToggleInput(false))}>{ lang.t(Text::FoldInput) }</button>
                    }
                </div>
                <label class="sr-only" for="report-input">{ lang.t(Text::InputLabel) }</label>
                <textarea id="report-input" spellcheck="false" placeholder={lang.t(Text::Placeholder)}
                    value={AttrValue::from(props.text.clone())} {oninput} {onpaste} />
            } else {
                <div class="input-line">
                    <span class="what">{ props.summary.clone() }</span>
                    <button id="edit-input" onclick={act(|| Action::ToggleInput(true))}>{ lang.t(Text::EditInput) }</button>
                    { file_buttons }
                    <button id="sample-button" onclick={act(|| Action::Sample)}>{ lang.t(Text::Sample) }</button>
                    <button onclick={onprint}>{ lang.t(Text::Print) }</button>
                </div>
            }
            if props.dragging { <div class="drop-hint">{ lang.t(Text::DropHere) }</div> }
        </section>
    }
}

/// The files of a file input, each with its path inside a picked folder.
fn list_files(list: Option<web_sys::FileList>) -> Vec<(String, web_sys::File)> {
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
}

#[derive(Properties, PartialEq)]
struct FillProps {
    fill: FillState,
    lang: Lang,
    dispatch: Dispatch,
}

/// 填报: the form and what leaves it (clipboard, .docx).
#[function_component(FillSection)]
fn fill_section(props: &FillProps) -> Html {
    let d = &props.dispatch;
    let on_agency = use_callback(d.clone(), |text: String, d| {
        d.dispatch(Action::Fill(FillAction::Agency(text)));
    });
    let on_year =
        use_callback(d.clone(), |text: String, d| d.dispatch(Action::Fill(FillAction::Year(text))));
    let on_type = use_callback(d.clone(), |(cell, text): (CellRef, String), d| {
        d.dispatch(Action::Fill(FillAction::Type { cell, text }));
    });
    let on_last_year = use_callback(d.clone(), |file: web_sys::File, d| {
        let name = file.name();
        if let Some(picked) = hold(vec![(name.clone(), file)]).pop() {
            d.dispatch(Action::Fill(FillAction::LastYearPicked { id: picked.id, name }));
        }
    });
    let on_copy =
        use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::Fill(FillAction::Copy)));
    let on_download =
        use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::Fill(FillAction::Download)));
    let on_clear =
        use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::Fill(FillAction::Clear)));
    html! {
        <FillView form={props.fill.form.clone()} filled={props.fill.filled.clone()} lang={props.lang}
            {on_type} {on_agency} {on_year} {on_last_year} {on_copy} {on_download} {on_clear} />
    }
}

/// One line saying what was checked, for the folded input.
fn input_summary(state: &State, lang: Lang) -> String {
    if let Some(batch) = &state.batch {
        return format!(
            "{}{}",
            lang.t(Text::BatchNote),
            lang.f(Text::FileCount, &[&batch.items.len()])
        );
    }
    let what = match &state.input.source {
        Source::File { name, .. } => format!("{}{name}", lang.t(Text::FileNote)),
        Source::Html(_) => lang.t(Text::HtmlNote).to_string(),
        Source::Sample => lang.t(Text::SampleNote).to_string(),
        Source::Text => {
            let chars = state.input.text.chars().count();
            format!("{}{}", lang.t(Text::Pasted), lang.f(Text::CharCount, &[&chars]))
        }
    };
    let title = state
        .result
        .checked
        .as_ref()
        .and_then(|c| c.report.title.clone())
        .map(|t| format!(" · {t}"))
        .unwrap_or_default();
    format!("{what}{title}")
}

/// The notice under the input (with 撤销 when it replaced something), or the question before
/// a batch is discarded (`files`: what it would lose). A function, not a component: it is often
/// empty, and an empty component beside the mode switch confused Yew's placing of nodes.
fn notice_bar(state: &State, answer: &Callback<bool>, undo: &Callback<MouseEvent>) -> Html {
    let lang = state.ui.lang;
    if let Some(pending) = &state.ui.pending_discard {
        let files = state.batch.as_ref().map_or(0, |b| b.items.len());
        let question = match pending {
            Discard::Leave => lang.t(Text::LeaveBatch),
            _ => lang.t(Text::DiscardBatch),
        };
        let (yes, no) = (answer.clone(), answer.clone());
        return html! {
            <div class="confirm-bar no-print" role="alertdialog" aria-labelledby="confirm-text">
                <span id="confirm-text">{ lang.f(Text::Counted, &[&question, &lang.f(Text::FileCount, &[&files])]) }</span>
                <button id="confirm-yes" onclick={Callback::from(move |_: MouseEvent| yes.emit(true))}>{ lang.t(Text::Confirm) }</button>
                <button id="confirm-no" class="primary" onclick={Callback::from(move |_: MouseEvent| no.emit(false))}>{ lang.t(Text::Cancel) }</button>
            </div>
        };
    }
    let Some(notice) = &state.ui.notice else { return html! {} };
    html! {
        <p class="notice no-print" role="status">
            { notice.message.clone() }
            if notice.undo.is_some() { <button id="undo-button" onclick={undo.clone()}>{ lang.t(Text::Undo) }</button> }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct FirstVisitProps {
    lang: Lang,
    dispatch: Dispatch,
}

/// The first visit: what to do, one primary action, the sample one click away.
#[function_component(FirstVisit)]
fn first_visit(props: &FirstVisitProps) -> Html {
    let lang = props.lang;
    let sample =
        use_callback(props.dispatch.clone(), |_: MouseEvent, d| d.dispatch(Action::Sample));
    html! {
        <section class="first-visit" data-status="empty">
            <h2>{ lang.t(Text::HowTitle) }</h2>
            <ol>
                <li>{ lang.t(Text::HowPaste) }</li>
                <li>{ lang.t(Text::HowOpen) }</li>
                <li>{ lang.t(Text::HowRead) }</li>
            </ol>
            <p>{ lang.t(Text::NoReport) }<button class="link" id="try-sample" onclick={sample}>{ lang.t(Text::TrySample) }</button></p>
        </section>
    }
}

/// One report: its verdict, its mistakes beside its tables, or why there are none.
fn report_view(state: &State, checked: &Shared, dispatch: &Dispatch) -> Html {
    let lang = state.ui.lang;
    let stale = state.rechecking();
    let on_jump = {
        let d = dispatch.clone();
        Callback::from(move |severity: Severity| {
            d.dispatch(Action::Select(SelectAction::JumpTo(severity)));
        })
    };
    match view_model::page_state(checked) {
        PageState::Empty => html! { <p class="status empty">{ lang.t(Text::Empty) }</p> },
        PageState::Unreadable(message) => html! {
            <section class="status unreadable" data-status="unreadable">
                <h2 id="verdict" data-verdict="unreadable">{ lang.t(Text::Unreadable) }</h2><p>{ message }</p>
            </section>
        },
        PageState::NoTables(message) => html! {
            <>
                <VerdictBar checked={checked.clone()} {lang} {on_jump} {stale} />
                <section class="status no-tables" data-status="no-tables">
                    <p>{ message.unwrap_or_else(|| lang.t(Text::NoTablesFound).to_string()) }</p>
                </section>
            </>
        },
        PageState::Tables => html! {
            <Report checked={checked.clone()} states={state.result.states.clone()}
                selection={state.selection.clone()} decisions={state.decisions.decisions.clone()}
                {lang} {stale} editable={state.editable()} dispatch={dispatch.clone()} />
        },
    }
}

/// The batch: the summary, or one of its reports in full with a way back.
fn batch_section(state: &State, batch: &state::Batch, dispatch: &Dispatch) -> Html {
    let lang = state.ui.lang;
    if let (Some(k), Some(checked)) = (batch.open, state.result.checked.clone()) {
        let back = {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                // Back as the browser does it, so that its own Back button agrees.
                match web_sys::window().and_then(|w| w.history().ok()) {
                    Some(history) => {
                        let _ = history.back();
                    }
                    None => d.dispatch(Action::BatchOpen { index: None, from_history: false }),
                }
            })
        };
        let name = batch.items.get(k).map(|i| i.name.to_string()).unwrap_or_default();
        return html! {
            <>
                <p class="batch-open no-print">
                    <button id="batch-back" onclick={back}>{ lang.t(Text::BackToList) }</button>
                    <span class="note">{ format!("{} / {} · {name}", k + 1, batch.items.len()) }</span>
                </p>
                { report_view(state, &checked, dispatch) }
            </>
        };
    }
    html! {
        <BatchSection batch={batch.clone()} {lang} printing={state.ui.printing} dispatch={dispatch.clone()} />
    }
}

#[derive(Properties, PartialEq)]
struct BatchSectionProps {
    batch: state::Batch,
    lang: Lang,
    printing: bool,
    dispatch: Dispatch,
}

/// The summary of a batch, with callbacks made once.
#[function_component(BatchSection)]
fn batch_summary(props: &BatchSectionProps) -> Html {
    let d = &props.dispatch;
    let on_open = use_callback(d.clone(), |k: usize, d| {
        d.dispatch(Action::BatchOpen { index: Some(k), from_history: false });
    });
    let on_sort =
        use_callback(d.clone(), |c: Column, d| d.dispatch(Action::Batch(BatchAction::Sort(c))));
    let on_filter =
        use_callback(d.clone(), |t: String, d| d.dispatch(Action::Batch(BatchAction::Filter(t))));
    let on_errors_only =
        use_callback(d.clone(), |b: bool, d| d.dispatch(Action::Batch(BatchAction::ErrorsOnly(b))));
    let on_export_csv = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Batch(BatchAction::Export { json: false }));
    });
    let on_export_json = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Batch(BatchAction::Export { json: true }));
    });
    let batch = &props.batch;
    html! {
        <BatchView items={batch.items.clone()} view={batch.view.clone()} lang={props.lang} finished={batch.finished}
            printing={props.printing}
            {on_open} {on_sort} {on_filter} {on_errors_only} {on_export_csv} {on_export_json} />
    }
}

#[derive(Properties, PartialEq)]
struct ReportProps {
    checked: Shared,
    states: Rc<BTreeMap<CellRef, CellState>>,
    selection: Selection,
    decisions: Rc<Decisions>,
    lang: Lang,
    /// The result shown is an older input's.
    stale: bool,
    /// Its cells may be typed over.
    editable: bool,
    dispatch: Dispatch,
}

/// A report with tables: the verdict, the list beside the tables, the cell detail. Its
/// callbacks are made once, so that what a step does not change is not drawn again.
#[function_component(Report)]
fn report(props: &ReportProps) -> Html {
    let d = &props.dispatch;
    let checked = &props.checked;
    let lang = props.lang;
    let sel = &props.selection;
    let on_cell = use_callback(d.clone(), |cell: CellRef, d| {
        d.dispatch(Action::Select(SelectAction::Cell(Some(cell))));
    });
    let on_edit = use_callback(d.clone(), |cell: CellRef, d| {
        d.dispatch(Action::Select(SelectAction::StartEdit(cell, None)));
    });
    let on_revert = use_callback(d.clone(), |cell: CellRef, d| {
        d.dispatch(Action::Edit(EditAction::Revert(cell)));
    });
    let lines = use_memo(checked.clone(), |checked| view_model::nav_lines(checked));
    let on_key =
        use_callback((d.clone(), lines), |(cell, e): (CellRef, KeyboardEvent), (d, lines)| match e
            .key()
            .as_str()
        {
            // Enter opens the detail and the cell's box; Space only the detail.
            "Enter" | "F2" => {
                e.prevent_default();
                d.dispatch(Action::Select(SelectAction::Cell(Some(cell))));
                d.dispatch(Action::Select(SelectAction::StartEdit(cell, None)));
            }
            " " => {
                e.prevent_default();
                d.dispatch(Action::Select(SelectAction::Cell(Some(cell))));
            }
            "Escape" => d.dispatch(Action::Select(SelectAction::Cell(None))),
            // Typing a digit types over the cell, as in a spreadsheet.
            key if key.len() == 1 && key.bytes().all(|b| b.is_ascii_digit()) => {
                e.prevent_default();
                d.dispatch(Action::Select(SelectAction::StartEdit(cell, Some(key.to_string()))));
            }
            key => {
                if let Some(next) = view_model::move_cursor(lines, cell, key) {
                    e.prevent_default();
                    d.dispatch(Action::Select(SelectAction::Cursor(next)));
                }
            }
        });
    let on_commit = use_callback(
        d.clone(),
        |(cell, text, then, refocus): (CellRef, String, Option<String>, bool), d| {
            d.dispatch(Action::Edit(EditAction::Commit { cell, text, then, refocus }));
        },
    );
    let on_cancel =
        use_callback(d.clone(), |(), d| d.dispatch(Action::Select(SelectAction::CancelEdit)));
    let on_apply = use_callback(d.clone(), |fixes: Vec<gouji::Edit>, d| {
        d.dispatch(Action::Edit(EditAction::ApplyFixes(fixes)));
    });
    let on_finding = use_callback(d.clone(), |k: usize, d| {
        d.dispatch(Action::Select(SelectAction::Finding(k)));
    });
    let on_rule = use_callback(d.clone(), |rule: RuleId, d| {
        d.dispatch(Action::Ui(UiAction::ShowRule(Some(rule))));
    });
    let on_decide =
        use_callback(d.clone(), |(finding, status, reason): (usize, Status, String), d| {
            let date = today();
            d.dispatch(Action::Decisions(DecisionsAction::Decide {
                finding,
                status,
                reason,
                date,
            }));
        });
    let on_undecide = use_callback(d.clone(), |fingerprint: String, d| {
        d.dispatch(Action::Decisions(DecisionsAction::Undecide(fingerprint)));
    });
    let on_export = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Decisions(DecisionsAction::Export));
    });
    let on_import = use_callback(d.clone(), |file: web_sys::File, d| {
        d.dispatch(Action::FilesPicked(hold(vec![(file.name(), file)])));
    });
    let on_close =
        use_callback(d.clone(), |(), d| d.dispatch(Action::Select(SelectAction::Cell(None))));
    let copy = use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::CopyTables));
    let download_corrected =
        use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::DownloadCorrected));
    let revert_all = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Edit(EditAction::RevertAll));
    });
    let on_jump = use_callback(d.clone(), |severity: Severity, d| {
        d.dispatch(Action::Select(SelectAction::JumpTo(severity)));
    });
    let precedents = use_memo((checked.clone(), sel.cell), |(checked, cell)| {
        cell.map(|c| view_model::precedents(checked, c)).unwrap_or_default()
    });
    let home = use_memo((checked.clone(), props.states.clone()), |(checked, states)| {
        view_model::home_cell(checked, states)
    });
    let cursor = sel.cursor.or(*home);
    let detail = sel.cell.map(|cell| {
        let cell_state = props.states.get(&cell).copied().unwrap_or(CellState::Ok);
        html! {
            <>
                <DetailPanel checked={checked.clone()} {cell} state={cell_state} {lang} {on_close} {on_revert} />
                <SourcePanel checked={checked.clone()} cell={Some(cell)} {lang} />
            </>
        }
    });
    let edits = checked.edits.len();
    html! {
        <>
            <VerdictBar checked={checked.clone()} {lang} {on_jump} stale={props.stale} />
            <div class={classes!("workspace", props.stale.then_some("stale"))}>
                <aside class="side-column" aria-label={lang.t(Text::ResultsLabel)}>
                    { detail.unwrap_or_default() }
                    <FindingList checked={checked.clone()} selected={sel.finding} {lang}
                        {on_finding} {on_rule} on_cell={on_cell.clone()}
                        decisions={props.decisions.clone()} {on_decide} {on_undecide} {on_export} {on_import}
                        {on_apply} editable={props.editable} />
                </aside>
                <div class="tables-pane" id="tables-pane">
                    <div class="tables-bar no-print">
                        if edits > 0 {
                            <span class="edited-note" id="edited-note" data-edits={edits.to_string()}>
                                { format!("{edits} {}", lang.t(Text::EditedBar)) }
                            </span>
                            <button id="revert-all" onclick={revert_all}>{ lang.t(Text::RevertAll) }</button>
                            <button id="download-corrected" class="primary" onclick={download_corrected}>{ lang.t(Text::DownloadCorrected) }</button>
                        }
                        <button id="copy-tables" onclick={copy}>{ lang.t(Text::CopyTables) }</button>
                    </div>
                    <ReportTables checked={checked.clone()} states={props.states.clone()}
                        selected={sel.cell} marked={sel.marked.clone()} {precedents} {cursor} {lang}
                        {on_cell} {on_key} editing={sel.editing.clone()} {on_edit} {on_commit} {on_cancel} />
                </div>
            </div>
        </>
    }
}
