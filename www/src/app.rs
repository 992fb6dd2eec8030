//! The page: the input, then the verdict, the list of mistakes beside the tables, the selected
//! cell's sums and its place in the original text; or the summary of many reports.
//!
//! State and its changes are `state.rs` (pure, tested natively). This file wires them to the
//! browser: the debounced check, storage, the address bar, files and folders, and what must
//! happen after a draw (bringing a cell into view, moving the focus).

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gouji::input::Unreadable;
use gouji::model::CellRef;
use gouji::review::{Decisions, Status};
use gouji::{Checked, Severity};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::batch::{BatchView, Column};
use crate::fill_view::FillView;
use crate::i18n::{Lang, Text};
use crate::panels::{DetailPanel, FindingList, Footer, RuleDialog, SourcePanel, VerdictBar};
use crate::state::{self, Action, After, Discard, Effect, Mode, Source, State};
use crate::tables::ReportTables;
use crate::view_model::{self, CellState, PageState, Shared};
use crate::worker::{Keep, Lane, Lost, MAX_FILE_BYTES, Pool, Sink};

const STORAGE_TEXT: &str = "gouji.text.v1";
const STORAGE_HTML: &str = "gouji.html.v1";
const STORAGE_LANG: &str = "gouji.lang.v1";
const STORAGE_FORM: &str = "gouji.form.v1";
/// Above this size, checking waits for typing to pause a little longer.
const LARGE_INPUT: usize = 200_000;
/// A batch larger than this is cut (a folder of folders dropped by mistake).
const MAX_BATCH_FILES: usize = 5000;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (next, effects) = state::step(&self, action, &load_decisions);
        for effect in effects {
            run_effect(effect);
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

/// Runs an effect the state asked for. Storage errors (quota, private mode) are ignored: the
/// check itself does not depend on storage.
fn run_effect(effect: Effect) {
    match effect {
        Effect::Persist { text, source } => {
            let Some(storage) = storage() else { return };
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
            let Some(storage) = storage() else { return };
            let _ = match file {
                Some(file) => storage.set_item(&key, &gouji::dto::decisions_text(&file)),
                None => storage.remove_item(&key),
            };
        }
        Effect::SaveForm(text) => {
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_FORM, &text);
            }
        }
        Effect::SaveLang(lang) => {
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_LANG, if lang == Lang::En { "en" } else { "zh" });
            }
        }
        Effect::History { hash, push } => {
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
                hash
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
    }
}

fn load_decisions(checked: &Checked) -> Decisions {
    state::decisions_key(checked)
        .and_then(|key| storage_get(&key))
        .and_then(|text| crate::decisions_file::read(&text).ok())
        .unwrap_or_else(|| Decisions::for_report(checked))
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

/// The decisions file's name for the current input: `<file>.gouji.json`, next to the report.
fn decisions_file_name(source: &Source, checked: &Checked) -> String {
    if let Source::File { name, .. } = source {
        return format!("{name}.gouji.json");
    }
    let report = &checked.report;
    let stem = match (report.agency_name(), report.year) {
        (Some(agency), Some(year)) => format!("{agency}{year}年报"),
        (Some(agency), None) => agency.to_string(),
        (None, Some(year)) => format!("{year}年报"),
        (None, None) => "报告".to_string(),
    };
    format!("{stem}.gouji.json")
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

/// The corrected file's name: `报告.更正.txt` beside the original's.
fn corrected_name(source: &Source) -> String {
    match source {
        Source::File { name, .. } => match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.更正.{ext}"),
            None => format!("{name}.更正"),
        },
        _ => "报告.更正.txt".to_string(),
    }
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

/// Reads a file opened or dropped: a report is checked, a decisions file (`*.json`, 导出的核对
/// 记录) is imported. Too-large files are refused with a message and nothing changes.
fn open_file(state: UseReducerHandle<State>, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        let mb = (file.size() / 1024.0 / 1024.0).round() as u64;
        state.dispatch(Action::Notice(state.lang.f(Text::FileTooLarge, &[&name, &mb])));
        return;
    }
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let is_decisions = name.to_ascii_lowercase().ends_with(".json");
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = gloo::file::futures::read_as_bytes(&blob).await.unwrap_or_default();
        if is_decisions {
            let read = crate::decisions_file::read(&String::from_utf8_lossy(&bytes));
            state.dispatch(Action::ImportDecisions { name, read });
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

/// Checks many files in the workers (two on a machine with two cores), reading the next file
/// while one is checked; a file that fails is a result like any other. Then the rules across
/// reports run over all of them, in the first worker. Stops when the token moves on (new
/// input, a new batch, 取消).
fn run_batch(
    state: &UseReducerHandle<State>,
    token: &BatchToken,
    pool: &Pool,
    files: Vec<(String, web_sys::File)>,
) {
    let files: Vec<(String, web_sys::File)> =
        files.into_iter().filter(|(name, _)| batch_worthy(name)).collect();
    let generation = token.get() + 1;
    token.set(generation);
    let names: Vec<Rc<str>> = files.iter().map(|(name, _)| Rc::from(name.as_str())).collect();
    state.dispatch(Action::BatchStart { generation, names });
    pool.widen();
    let total = files.len();
    let files = Rc::new(files);
    let next = Rc::new(std::cell::Cell::new(0usize));
    let left = Rc::new(std::cell::Cell::new(total));
    // One file more in flight than there are workers, so that none waits for a read.
    let lanes = if pool.off_thread() { pool.width() + 1 } else { 1 };
    if total == 0 {
        state.dispatch(Action::BatchFinished { generation });
        return;
    }
    for _ in 0..lanes.min(total) {
        let (state, token, pool) = (state.clone(), token.clone(), pool.clone());
        let (files, next, left) = (files.clone(), next.clone(), left.clone());
        wasm_bindgen_futures::spawn_local(async move {
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
                state.dispatch(Action::BatchChecked {
                    generation,
                    index,
                    checked: Shared(Rc::new(checked)),
                });
                if !pool.off_thread() {
                    // On the page's thread: let it draw between files.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                }
                left.set(left.get() - 1);
                if left.get() == 0 {
                    // The reports the rules across reports change come a part at a time, each
                    // drawn as it comes.
                    let sink: Sink = {
                        let state = state.clone();
                        Rc::new(move |updated: Vec<(usize, Checked)>| {
                            let updated =
                                updated.into_iter().map(|(k, c)| (k, Shared(Rc::new(c)))).collect();
                            state.dispatch(Action::BatchUpdated { generation, updated });
                        })
                    };
                    pool.cross(generation, sink).await;
                    if token.get() != generation {
                        return;
                    }
                    state.dispatch(Action::BatchFinished { generation });
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
    let timer = use_mut_ref(|| None::<Timeout>);
    let token = use_mut_ref(BatchToken::default);
    let first = use_mut_ref(|| true);
    let pool = use_mut_ref(Pool::start).borrow().clone();

    // Check whenever the input changes (at once after a paste, after a pause while typing),
    // and stop a batch in flight.
    {
        let state = state.clone();
        let timer = timer.clone();
        let first = first.clone();
        let token = token.borrow().clone();
        let pool = pool.clone();
        use_effect_with(state.generation, move |&generation| {
            if state.batch.is_none() {
                token.set(token.get() + 1);
            }
            let text = state.text.clone();
            let source = state.source.clone();
            let edits = state.edits.clone();
            let delay = if state.pasted || *first.borrow() {
                0
            } else if text.len() > LARGE_INPUT {
                400
            } else {
                120
            };
            let dispatcher = state.dispatcher();
            let pool = pool.clone();
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let input = state::input(&text, &source);
                let name = input.name.map(str::to_string);
                let bytes = input.bytes.to_vec();
                let edits = edits.to_vec();
                wasm_bindgen_futures::spawn_local(async move {
                    let checked =
                        match pool.check(Lane::Interactive, name, bytes, edits, None).await {
                            Ok(checked) => checked,
                            // A newer input replaced this one before its check began.
                            Err(Lost::Replaced) => return,
                            Err(Lost::Crashed) => Checked::refused(Unreadable::EngineFailed),
                        };
                    dispatcher.dispatch(Action::Checked {
                        generation,
                        checked: Shared(Rc::new(checked)),
                    });
                    if std::mem::replace(&mut *first.borrow_mut(), false) {
                        mark_first_result();
                    }
                });
            }));
        });
    }
    // Printing (the button or Ctrl+P): what is drawn only for paper is drawn now.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|window| {
                let before = dispatcher.clone();
                [
                    gloo::events::EventListener::new(&window, "beforeprint", move |_| {
                        before.dispatch(Action::Printing(true));
                    }),
                    gloo::events::EventListener::new(&window, "afterprint", move |_| {
                        dispatcher.dispatch(Action::Printing(false));
                    }),
                ]
            });
            move || drop(listeners)
        });
    }
    // After a draw: bring cells into view, move the focus.
    {
        let state = state.clone();
        use_effect_with(state.after_seq, move |_| {
            if !state.after.is_empty() {
                run_after(&state.after);
                state.dispatch(Action::AfterDone);
            }
        });
    }
    // The address bar: a batch view named there after a reload is gone; Back and Forward move
    // between the batch's list and its reports.
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if state::parse_hash(&hash).is_some() {
                state.dispatch(Action::BatchLost);
            }
            let dispatcher = state.dispatcher();
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    let hash = web_sys::window()
                        .and_then(|w| w.location().hash().ok())
                        .unwrap_or_default();
                    let index = match state::parse_hash(&hash) {
                        Some(state::Place::List) => None,
                        Some(state::Place::Report(k)) => Some(k),
                        None => return dispatcher.dispatch(Action::HistoryLeft),
                    };
                    dispatcher.dispatch(Action::BatchOpen { index, from_history: true });
                })
            });
            move || drop(listener)
        });
    }

    let lang = state.lang;
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let pasted = e.input_type() == "insertFromPaste" || e.input_type() == "insertFromDrop";
            state.dispatch(if pasted {
                Action::PastedText(area.value())
            } else {
                Action::Typed(area.value())
            });
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
    let open_files = {
        let state = state.clone();
        let token = token.borrow().clone();
        let pool = pool.clone();
        move |mut files: Vec<(String, web_sys::File)>| {
            gouji::sort::sort_by(&mut files, |a, b| a.0.cmp(&b.0));
            if files.len() == 1 {
                if let Some((_, file)) = files.into_iter().next() {
                    open_file(state.clone(), file);
                }
            } else if !files.is_empty() {
                run_batch(&state, &token, &pool, files);
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
    let file_input = use_node_ref();
    let folder_input = use_node_ref();
    let onchange_file = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            open_files(list_files(input.files()));
            input.set_value("");
        })
    };
    let click = |node: &NodeRef| {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
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
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(make()))
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let set_lang = {
        let state = state.clone();
        let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLang(other)))
    };
    let close_rule = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ShowRule(None)))
    };

    let summary = input_summary(&state, lang);
    let view = if state.batch.is_some() {
        "batch"
    } else if state.checked.is_some() && !state.text.trim().is_empty() {
        "report"
    } else {
        "empty"
    };
    let file_buttons = html! {
        <>
            <button class="primary" id="open-button" onclick={click(&file_input)}>{ lang.t(Text::Open) }</button>
            <button onclick={click(&folder_input)}>{ lang.t(Text::OpenFolder) }</button>
        </>
    };
    html! {
        <main class="page" data-ready={state.ready().to_string()} data-view={view}
            lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="masthead">
                <div>
                    <h1>{ lang.t(Text::Title) }<span class="subtitle">{ lang.t(Text::Subtitle) }</span></h1>
                    <p class="offline">{ lang.t(Text::Offline) }</p>
                </div>
                <nav class="modes no-print" aria-label={lang.t(Text::Title)}>
                    <button id="mode-check" class={classes!((state.mode == Mode::Check).then_some("current"))}
                        aria-pressed={(state.mode == Mode::Check).to_string()}
                        onclick={dispatch(|| Action::SetMode(Mode::Check))}>{ lang.t(Text::ModeCheck) }</button>
                    <button id="mode-fill" class={classes!((state.mode == Mode::Fill).then_some("current"))}
                        aria-pressed={(state.mode == Mode::Fill).to_string()}
                        onclick={dispatch(|| Action::SetMode(Mode::Fill))}>{ lang.t(Text::ModeFill) }</button>
                </nav>
                <button class="lang no-print" onclick={set_lang}>{ lang.t(Text::Language) }</button>
            </header>
            if state.mode == Mode::Fill {
                { notice(&state, lang) }
                { fill_section(&state, &pool) }
                <Footer {lang} />
            } else {
            <section class={classes!("input", state.dragging.then_some("dragging"), "no-print", (!state.input_open).then_some("folded"))}
                aria-label={lang.t(Text::InputLabel)} {ondragover} {ondragleave} {ondrop}>
                <input type="file" id="open-file" ref={file_input.clone()} class="hidden" multiple=true
                    accept=".txt,.md,.htm,.html,.docx,.pdf,.json,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    onchange={onchange_file.clone()} />
                <input type="file" id="open-folder" ref={folder_input.clone()} class="hidden" webkitdirectory=true multiple=true
                    onchange={onchange_file} />
                if state.input_open {
                    <div class="toolbar">
                        { file_buttons.clone() }
                        <button id="sample-button" onclick={dispatch(|| Action::Sample)}>{ lang.t(Text::Sample) }</button>
                        <button id="clear-button" onclick={dispatch(|| Action::Clear)} disabled={state.text.is_empty()}>{ lang.t(Text::Clear) }</button>
                        if state.checked.is_some() && !state.text.trim().is_empty() {
                            <button id="fold-input" onclick={dispatch(|| Action::ToggleInput(false))}>{ lang.t(Text::FoldInput) }</button>
                        }
                    </div>
                    <label class="sr-only" for="report-input">{ lang.t(Text::InputLabel) }</label>
                    <textarea id="report-input" spellcheck="false" placeholder={lang.t(Text::Placeholder)}
                        value={AttrValue::from(state.text.clone())} {oninput} {onpaste} />
                } else {
                    <div class="input-line">
                        <span class="what">{ summary }</span>
                        <button id="edit-input" onclick={dispatch(|| Action::ToggleInput(true))}>{ lang.t(Text::EditInput) }</button>
                        { file_buttons }
                        <button id="sample-button" onclick={dispatch(|| Action::Sample)}>{ lang.t(Text::Sample) }</button>
                        <button onclick={onprint}>{ lang.t(Text::Print) }</button>
                    </div>
                }
                if state.dragging { <div class="drop-hint">{ lang.t(Text::DropHere) }</div> }
            </section>
            { notice(&state, lang) }
            {
                if let Some(batch) = &state.batch {
                    batch_section(&state, batch)
                } else if state.text.trim().is_empty() && !matches!(state.source, Source::File { .. }) {
                    first_visit(&state, lang)
                } else {
                    match &state.checked {
                        None => html! { <p class="status">{ lang.t(Text::Checking) }</p> },
                        Some(checked) => report_view(&state, checked),
                    }
                }
            }
            <Footer {lang} />
            }
            <RuleDialog rule={state.rule.clone()} {lang} onclose={close_rule} />
        </main>
    }
}

/// 填报: the form, its callbacks, and what leaves it (clipboard, .docx).
fn fill_section(state: &UseReducerHandle<State>, pool: &Pool) -> Html {
    let lang = state.lang;
    let on_type = {
        let state = state.clone();
        Callback::from(move |(cell, text): (CellRef, String)| {
            state.dispatch(Action::FillType { cell, text });
        })
    };
    let on_agency = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::FillAgency(text)))
    };
    let on_year = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::FillYear(text)))
    };
    let on_last_year = {
        let state = state.clone();
        let pool = pool.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
            let state = state.clone();
            let pool = pool.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = gloo::file::futures::read_as_bytes(&blob).await.unwrap_or_default();
                let last = pool
                    .check(Lane::Batch, Some(name.clone()), bytes, Vec::new(), None)
                    .await
                    .unwrap_or_else(|_| Checked::refused(Unreadable::EngineFailed));
                let carried = gouji::fill::carried_over(&last);
                state.dispatch(Action::FillCarried { name, carried });
            });
        })
    };
    let on_copy = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let checked = &state.filled.checked;
            let html = gouji::export::tables_html(checked);
            let text = gouji::export::tables_tsv(checked);
            let message = if copy_to_clipboard(&html, &text) {
                lang.t(Text::Copied).to_string()
            } else {
                lang.t(Text::CopyFailed).to_string()
            };
            state.dispatch(Action::Notice(message));
        })
    };
    let on_download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let bytes = gouji::fill::docx(&state.form, &state.filled);
            let year = state.form.year.map(|y| format!("{y}年")).unwrap_or_default();
            let name = format!("{}{year}政府信息公开工作年度报告（表格）.docx", state.form.agency);
            let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if download_bytes(&name, &bytes, mime).is_err() {
                state.dispatch(Action::Notice(state.lang.t(Text::SaveFailed).to_string()));
            }
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::FillClear))
    };
    html! {
        <FillView form={state.form.clone()} filled={state.filled.clone()} {lang} {on_type}
            {on_agency} {on_year} {on_last_year} {on_copy} {on_download} {on_clear} />
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
    let what = match &state.source {
        Source::File { name, .. } => format!("{}{name}", lang.t(Text::FileNote)),
        Source::Html(_) => lang.t(Text::HtmlNote).to_string(),
        Source::Sample => lang.t(Text::SampleNote).to_string(),
        Source::Text => {
            let chars = state.text.chars().count();
            format!("{}{}", lang.t(Text::Pasted), lang.f(Text::CharCount, &[&chars]))
        }
    };
    let title = state
        .checked
        .as_ref()
        .and_then(|c| c.report.title.clone())
        .map(|t| format!(" · {t}"))
        .unwrap_or_default();
    format!("{what}{title}")
}

/// The notice under the input (with 撤销 when it replaced something), or the question before
/// a batch is discarded.
fn notice(state: &UseReducerHandle<State>, lang: Lang) -> Html {
    if let Some(pending) = &state.pending_discard {
        let files = state.batch.as_ref().map_or(0, |b| b.items.len());
        let answer = |yes: bool| {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::ConfirmDiscard(yes)))
        };
        let question = match pending {
            Discard::Leave => lang.t(Text::LeaveBatch),
            _ => lang.t(Text::DiscardBatch),
        };
        return html! {
            <div class="confirm-bar no-print" role="alertdialog" aria-labelledby="confirm-text">
                <span id="confirm-text">{ format!("{question}（{}）", lang.f(Text::FileCount, &[&files])) }</span>
                <button id="confirm-yes" onclick={answer(true)}>{ lang.t(Text::Confirm) }</button>
                <button id="confirm-no" class="primary" onclick={answer(false)}>{ lang.t(Text::Cancel) }</button>
            </div>
        };
    }
    let Some(notice) = &state.notice else { return html! {} };
    let undo = notice.undo.is_some().then(|| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::UndoReplace))
    });
    html! {
        <p class="notice no-print" role="status">
            { notice.message.clone() }
            if let Some(onclick) = undo { <button id="undo-button" {onclick}>{ lang.t(Text::Undo) }</button> }
        </p>
    }
}

/// The first visit: what to do, one primary action, the sample one click away.
fn first_visit(state: &UseReducerHandle<State>, lang: Lang) -> Html {
    let sample = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Sample))
    };
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
fn report_view(state: &UseReducerHandle<State>, checked: &Shared) -> Html {
    let lang = state.lang;
    let on_jump = {
        let state = state.clone();
        Callback::from(move |severity: Severity| state.dispatch(Action::JumpTo(severity)))
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
                <VerdictBar checked={checked.clone()} {lang} {on_jump} stale={state.rechecking()} />
                <section class="status no-tables" data-status="no-tables"><p>{ message }</p></section>
            </>
        },
        PageState::Tables => html! { <Results state={state.clone()} checked={checked.clone()} /> },
    }
}

/// The batch: the summary, or one of its reports in full with a way back.
fn batch_section(state: &UseReducerHandle<State>, batch: &state::Batch) -> Html {
    let lang = state.lang;
    if let (Some(k), Some(checked)) = (batch.open, state.checked.clone()) {
        let back = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| {
                // Back as the browser does it, so that its own Back button agrees.
                match web_sys::window().and_then(|w| w.history().ok()) {
                    Some(history) => {
                        let _ = history.back();
                    }
                    None => state.dispatch(Action::BatchOpen { index: None, from_history: false }),
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
                { report_view(state, &checked) }
            </>
        };
    }
    let on_open = {
        let state = state.clone();
        Callback::from(move |k: usize| {
            state.dispatch(Action::BatchOpen { index: Some(k), from_history: false });
        })
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
        let items = batch.items.clone();
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
                state.dispatch(Action::Notice(state.lang.t(Text::SaveFailed).to_string()));
            }
        })
    };
    html! {
        <BatchView items={batch.items.clone()} view={batch.view.clone()} {lang} finished={batch.finished}
            printing={state.printing}
            {on_open} {on_sort} {on_filter} {on_errors_only}
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
    let checked = &props.checked;
    let lang = state.lang;
    let on_cell = {
        let state = state.clone();
        Callback::from(move |cell: CellRef| state.dispatch(Action::Select(Some(cell))))
    };
    // Pointing at a cell changes nothing on screen but its outline (CSS): no redraw.
    let on_hover = Callback::noop();
    // What a cell's box starts with: its number as shown.
    let shown = {
        let checked = checked.clone();
        move |cell: CellRef| {
            checked.report.cell(cell).map(view_model::display_value).unwrap_or_default()
        }
    };
    let on_key = {
        let state = state.clone();
        let checked = checked.clone();
        let shown = shown.clone();
        Callback::from(move |(cell, e): (CellRef, KeyboardEvent)| match e.key().as_str() {
            // Enter opens the detail and the cell's box; Space only the detail.
            "Enter" | "F2" => {
                e.prevent_default();
                state.dispatch(Action::Select(Some(cell)));
                state.dispatch(Action::StartEdit(cell, shown(cell)));
            }
            " " => {
                e.prevent_default();
                state.dispatch(Action::Select(Some(cell)));
            }
            "Escape" => state.dispatch(Action::Select(None)),
            // Typing a digit types over the cell, as in a spreadsheet.
            key if key.len() == 1 && key.bytes().all(|b| b.is_ascii_digit()) => {
                e.prevent_default();
                state.dispatch(Action::StartEdit(cell, key.to_string()));
            }
            key => {
                let lines = view_model::nav_lines(&checked);
                if let Some(next) = view_model::move_cursor(&lines, cell, key) {
                    e.prevent_default();
                    state.dispatch(Action::Cursor(next));
                }
            }
        })
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |cell: CellRef| state.dispatch(Action::StartEdit(cell, shown(cell))))
    };
    let on_commit = {
        let state = state.clone();
        Callback::from(
            move |(cell, text, then, refocus): (CellRef, String, Option<String>, bool)| {
                state.dispatch(Action::CommitEdit { cell, text, then, refocus });
            },
        )
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::CancelEdit))
    };
    let on_apply = {
        let state = state.clone();
        Callback::from(move |fixes: Vec<gouji::Edit>| state.dispatch(Action::ApplyFixes(fixes)))
    };
    let on_revert = {
        let state = state.clone();
        Callback::from(move |cell: CellRef| state.dispatch(Action::Revert(cell)))
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
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            let name = decisions_file_name(&state.source, &checked);
            let saved =
                download_as(&name, &state.decisions.to_json(), "application/json;charset=utf-8");
            if saved.is_err() {
                state.dispatch(Action::Notice(state.lang.t(Text::SaveFailed).to_string()));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |file: web_sys::File| open_file(state.clone(), file))
    };
    let on_close = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Select(None)))
    };
    let copy = {
        let state = state.clone();
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            let html = gouji::export::tables_html(&checked);
            let text = gouji::export::tables_tsv(&checked);
            let message = if copy_to_clipboard(&html, &text) {
                state.lang.t(Text::Copied).to_string()
            } else {
                state.lang.t(Text::CopyFailed).to_string()
            };
            state.dispatch(Action::Notice(message));
        })
    };
    let download_corrected = {
        let state = state.clone();
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            let input = state::input(&state.text, &state.source);
            match gouji::correct::patch(&input, &checked) {
                Ok(bytes) => {
                    let name = corrected_name(&state.source);
                    if download_bytes(&name, &bytes, "application/octet-stream").is_err() {
                        state.dispatch(Action::Notice(state.lang.t(Text::SaveFailed).to_string()));
                    }
                }
                // A PDF or a web page cannot be written back: its corrected tables as Word.
                Err(gouji::correct::Unpatchable::Kind(kind)) => {
                    let bytes = gouji::correct::tables_docx(&checked);
                    let stem = match &state.source {
                        Source::File { name, .. } => {
                            name.rsplit_once('.').map_or(name.to_string(), |(s, _)| s.to_string())
                        }
                        _ => "报告".to_string(),
                    };
                    let name = format!("{stem}.更正后的表格.docx");
                    let mime =
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                    let saved = download_bytes(&name, &bytes, mime).is_ok();
                    let why = gouji::correct::Unpatchable::Kind(kind).message();
                    state.dispatch(Action::Notice(if saved {
                        state.lang.f(Text::TablesDocxSaved, &[&why])
                    } else {
                        state.lang.t(Text::SaveFailed).to_string()
                    }));
                }
                Err(why) => state.dispatch(Action::Notice(why.message())),
            }
        })
    };
    let revert_all = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::RevertAll))
    };
    let on_jump = {
        let state = state.clone();
        Callback::from(move |severity: Severity| state.dispatch(Action::JumpTo(severity)))
    };
    let precedents: Rc<BTreeSet<CellRef>> =
        Rc::new(state.selected.map(|c| view_model::precedents(checked, c)).unwrap_or_default());
    let cursor = state.cursor.or_else(|| view_model::home_cell(checked, &state.states));
    let detail = state.selected.map(|cell| {
        let cell_state = state.states.get(&cell).copied().unwrap_or(CellState::Ok);
        html! {
            <>
                <DetailPanel checked={checked.clone()} {cell} state={cell_state} {lang} {on_close} {on_revert} />
                <SourcePanel checked={checked.clone()} cell={Some(cell)} {lang} />
            </>
        }
    });
    html! {
        <>
            <VerdictBar checked={checked.clone()} {lang} {on_jump} stale={state.rechecking()} />
            <div class={classes!("workspace", state.rechecking().then_some("stale"))}>
                <aside class="side-column" aria-label={lang.t(Text::ResultsLabel)}>
                    { detail.unwrap_or_default() }
                    <FindingList checked={checked.clone()} selected={state.selected_finding} {lang}
                        {on_finding} on_rule={on_rule.clone()} on_cell={on_cell.clone()}
                        decisions={state.decisions.clone()} {on_decide} {on_undecide} {on_export} {on_import}
                        {on_apply} editable={state.batch.is_none()} />
                </aside>
                <div class="tables-pane" id="tables-pane">
                    <div class="tables-bar no-print">
                        if !checked.edits.is_empty() {
                            <span class="edited-note" id="edited-note" data-edits={checked.edits.len().to_string()}>
                                { format!("{} {}", checked.edits.len(), lang.t(Text::EditedBar)) }
                            </span>
                            <button id="revert-all" onclick={revert_all}>{ lang.t(Text::RevertAll) }</button>
                            <button id="download-corrected" class="primary" onclick={download_corrected}>{ lang.t(Text::DownloadCorrected) }</button>
                        }
                        <button id="copy-tables" onclick={copy}>{ lang.t(Text::CopyTables) }</button>
                    </div>
                    <ReportTables checked={checked.clone()} states={state.states.clone()}
                        selected={state.selected} marked={state.marked.clone()} {precedents} {cursor} {lang}
                        {on_cell} {on_hover} {on_key} editing={state.editing.clone()} {on_edit} {on_commit} {on_cancel} />
                </div>
            </div>
        </>
    }
}
