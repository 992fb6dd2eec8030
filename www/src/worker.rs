//! Checking off the page's thread.
//!
//! The page's own wasm also runs in a Web Worker (made by `tools/inline_page.py` from a `blob:`
//! URL of the inlined code, so it works from `file://` and in the single file): there `main`
//! finds no window and calls [`serve`], which answers [`Job`]s with [`Reply`]s. Messages are
//! serde types in postcard's binary format, posted as transferred `Uint8Array`s: smaller code
//! than JS objects (serde-wasm-bindgen cost the page 60 KB gzip, postcard ≈ 24 KB) and one copy.
//!
//! On the page, [`Pool`] hands jobs to the workers (two when the machine has two cores): one
//! job per worker at a time, the clerk's own check first, and an interactive check that a
//! newer one replaced is never sent. Where no worker can be made (the debug build, an old
//! browser), the same jobs run on the page's thread, as before.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use gouji::correct::Edit;
use gouji::{Checked, Input};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// What the page asks a worker to do.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Job {
    /// Check one input; with `keep`, a batch's report that the worker keeps for the rules
    /// across reports.
    Check { id: u64, name: Option<String>, bytes: Vec<u8>, edits: Vec<Edit>, keep: Option<Keep> },
    /// Check a file the worker reads itself (posted beside the job): the page's thread never
    /// holds a batch file's bytes.
    CheckFile { id: u64, name: String, keep: Option<Keep> },
    /// Keep a batch's report checked by the other worker: its `Reply::Checked` as it came.
    Keep { keep: Keep, reply: Vec<u8> },
    /// Run the rules across reports over the batch kept; the reports they change come back.
    Cross { id: u64, generation: u64 },
}

/// A batch's report, by the batch's generation and its place in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Keep {
    pub(crate) generation: u64,
    pub(crate) index: usize,
}

/// What a worker answers.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Reply {
    /// The worker is ready for jobs.
    Ready,
    /// The worker's engine could not start.
    Failed(String),
    /// The result of a `Check`.
    Checked { id: u64, checked: Box<Checked>, keep: Option<Keep> },
    /// The result of a `Cross`, in parts small enough to read and draw between two frames:
    /// reports whose findings changed, by index; `last` on the last part.
    Crossed { id: u64, last: bool, updated: Vec<(usize, Checked)> },
}

/// The start of a serialized `Reply`: enough to route it without reading the rest.
#[derive(Deserialize)]
enum Head {
    Ready,
    Failed(String),
    Checked { id: u64 },
    Crossed { id: u64, last: bool },
}

/// How many changed reports one `Reply::Crossed` carries.
const CROSSED_PART: usize = 20;

/// A message as posted: its bytes in a `Uint8Array` of their own (transferred, not copied).
fn encode<T: Serialize>(value: &T) -> Option<js_sys::Uint8Array> {
    let bytes = postcard::to_allocvec(value).ok()?;
    Some(js_sys::Uint8Array::from(bytes.as_slice()))
}

fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// A message's bytes, and the file posted beside them (`[bytes, file]`).
fn message_parts(data: &JsValue) -> (Vec<u8>, Option<web_sys::File>) {
    if let Some(pair) = data.dyn_ref::<js_sys::Array>() {
        return (message_bytes(&pair.get(0)), pair.get(1).dyn_into::<web_sys::File>().ok());
    }
    (message_bytes(data), None)
}

fn message_bytes(data: &JsValue) -> Vec<u8> {
    data.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec).unwrap_or_default()
}

/// Files larger than this are not read in the page: no report is this large, and reading it
/// would freeze the tab (the command line checks files up to 64 MB).
pub(crate) const MAX_FILE_BYTES: f64 = 16.0 * 1024.0 * 1024.0;

/// Reads a batch's file in the worker, or why it cannot be checked.
fn read_in_worker(file: Option<&web_sys::File>) -> Result<Vec<u8>, gouji::input::Unreadable> {
    use gouji::input::Unreadable;
    let Some(file) = file else { return Err(Unreadable::FileUnreadable) };
    if file.size() > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    let reader = web_sys::FileReaderSync::new().map_err(|_| Unreadable::FileUnreadable)?;
    let buffer = reader.read_as_array_buffer(file).map_err(|_| Unreadable::FileUnreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// ---------------------------------------------------------------------------------------------
// In the worker.

/// A batch's reports kept by this worker, for the rules across reports.
#[derive(Default)]
struct Kept {
    generation: u64,
    reports: BTreeMap<usize, Checked>,
}

impl Kept {
    fn keep(&mut self, keep: Keep, checked: Checked) {
        if keep.generation != self.generation {
            self.generation = keep.generation;
            self.reports.clear();
        }
        self.reports.insert(keep.index, checked);
    }
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// Does one job, with the file posted beside it: its replies (none for `Keep`).
fn work(job: Job, file: Option<&web_sys::File>) -> Vec<Reply> {
    match job {
        Job::CheckFile { id, name, keep } => {
            let checked = match read_in_worker(file) {
                Ok(bytes) => gouji::check(&Input { bytes: &bytes, name: Some(&name) }),
                Err(why) => Checked::refused(why),
            };
            if let Some(keep) = keep {
                KEPT.with(|kept| kept.borrow_mut().keep(keep, checked.clone()));
            }
            vec![Reply::Checked { id, checked: Box::new(checked), keep }]
        }
        Job::Check { id, name, bytes, edits, keep } => {
            let checked =
                gouji::check_edited(&Input { bytes: &bytes, name: name.as_deref() }, &edits);
            if let Some(keep) = keep {
                KEPT.with(|kept| kept.borrow_mut().keep(keep, checked.clone()));
            }
            vec![Reply::Checked { id, checked: Box::new(checked), keep }]
        }
        Job::Keep { keep, reply } => {
            if let Some(Reply::Checked { checked, .. }) = decode(&reply) {
                KEPT.with(|kept| kept.borrow_mut().keep(keep, *checked));
            }
            Vec::new()
        }
        Job::Cross { id, generation } => {
            let updated = KEPT.with(|kept| {
                let mut kept = kept.borrow_mut();
                if kept.generation != generation {
                    return Vec::new();
                }
                cross(std::mem::take(&mut kept.reports))
            });
            let mut parts: Vec<Reply> = Vec::new();
            let mut updated = updated.into_iter().peekable();
            loop {
                let part: Vec<(usize, Checked)> = updated.by_ref().take(CROSSED_PART).collect();
                let last = updated.peek().is_none();
                parts.push(Reply::Crossed { id, last, updated: part });
                if last {
                    return parts;
                }
            }
        }
    }
}

/// The rules across reports over a batch: the reports whose findings or diagnoses changed.
pub(crate) fn cross(reports: BTreeMap<usize, Checked>) -> Vec<(usize, Checked)> {
    let indices: Vec<usize> = reports.keys().copied().collect();
    let mut all: Vec<Checked> = reports.into_values().collect();
    let before: Vec<(usize, usize)> =
        all.iter().map(|c| (c.findings.len(), c.diagnoses.len())).collect();
    let diagnoses: Vec<_> = all.iter().map(|c| c.diagnoses.clone()).collect();
    gouji::cross::apply(&mut all);
    all.into_iter()
        .enumerate()
        .filter(|(k, c)| {
            (c.findings.len(), c.diagnoses.len()) != before[*k] || c.diagnoses != diagnoses[*k]
        })
        .map(|(k, c)| (indices[k], c))
        .collect()
}

/// Runs in the worker: answers every job posted to it.
pub(crate) fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post_scope = scope.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let (bytes, file) = message_parts(&event.data());
            let replies = match decode::<Job>(&bytes) {
                Some(job) => work(job, file.as_ref()),
                None => vec![Reply::Failed("unreadable job".to_string())],
            };
            drop(bytes);
            for message in replies.iter().filter_map(encode) {
                let _ = post_scope
                    .post_message_with_transfer(&message, &js_sys::Array::of1(&message.buffer()));
            }
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    warm_up();
    if let Some(ready) = encode(&Reply::Ready) {
        let _ = scope.post_message(&ready);
    }
}

/// Checks the sample with one number typed over, and encodes the answer, once: the browser
/// compiles wasm lazily, a function on its first call, so the first check in a new worker took
/// 95–116 ms where the next took 5–22 (headless Chromium, loaded machine). Done before the
/// worker says it is ready, so that the clerk's first paste is not the one that pays for it.
fn warm_up() {
    let edit = gouji::model::CellRef::parse("t3/R3.7/NP")
        .map(|cell| Edit { cell, value: gouji::model::Number::parse("2") });
    let checked = gouji::check_edited(&Input::text(gouji::SAMPLE_REPORT), edit.as_slice());
    let _ = encode(&Reply::Checked { id: 0, checked: Box::new(checked), keep: None });
}

// ---------------------------------------------------------------------------------------------
// On the page.

/// Which queue a check waits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lane {
    /// The clerk's input: first, and only the newest is checked.
    Interactive,
    /// A batch's file, in order.
    Batch,
}

/// Why a job has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lost {
    /// A newer interactive check replaced it before it began.
    Replaced,
    /// The engine failed on it (the worker stopped; another takes its place).
    Crashed,
}

struct Pending {
    id: u64,
    lane: Lane,
    job: Job,
    /// The file a `Job::CheckFile` reads.
    file: Option<web_sys::File>,
}

struct Slot {
    worker: web_sys::Worker,
    ready: bool,
    /// The id of the job it is doing, and the batch place of a report the first worker must
    /// keep (when another worker checks it).
    busy: Option<(u64, Option<Keep>)>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct Inner {
    slots: Vec<Slot>,
    /// Workers could not be made or could not start: jobs run on the page's thread.
    inline: bool,
    queue: VecDeque<Pending>,
    next_id: u64,
    /// What each job's caller waits on: its promise's `resolve`.
    waiting: BTreeMap<u64, js_sys::Function>,
    /// Replies arrived, for their callers to read.
    replies: BTreeMap<u64, Vec<u8>>,
    /// Where the parts of a `Cross` go as they come.
    sinks: BTreeMap<u64, Sink>,
}

impl Inner {
    /// Wakes a job's caller: its reply is in `replies`, or `why` it has none.
    fn wake(&mut self, id: u64, why: Option<Lost>) {
        if let Some(resolve) = self.waiting.remove(&id) {
            let value = match why {
                None => JsValue::TRUE,
                Some(Lost::Replaced) => JsValue::FALSE,
                Some(Lost::Crashed) => JsValue::NULL,
            };
            let _ = resolve.call1(&JsValue::NULL, &value);
        }
    }
}

/// Takes the reports the rules across reports changed, one part at a time.
pub(crate) type Sink = Rc<dyn Fn(Vec<(usize, Checked)>)>;

/// The page's handle on its checking workers.
#[derive(Clone, Default)]
pub(crate) struct Pool(Rc<RefCell<Inner>>);

impl Pool {
    /// Starts one worker (a second comes with the first batch), or none where workers cannot
    /// be made: then checks run on the page's thread.
    pub(crate) fn start() -> Pool {
        let pool = Pool::default();
        if !pool.spawn(0) {
            pool.0.borrow_mut().inline = true;
        }
        pool
    }

    /// True when checks run in workers.
    pub(crate) fn off_thread(&self) -> bool {
        !self.0.borrow().inline
    }

    /// Makes worker `index` (a new one, or in place of one that stopped); false when none
    /// can be made.
    fn spawn(&self, index: usize) -> bool {
        let Some(window) = web_sys::window() else { return false };
        let Ok(make) = js_sys::Reflect::get(&window, &"__goujiWorker".into()) else {
            return false;
        };
        let Some(make) = make.dyn_ref::<js_sys::Function>() else { return false };
        let Ok(worker) = make.call0(&JsValue::NULL) else { return false };
        let Ok(worker) = worker.dyn_into::<web_sys::Worker>() else { return false };
        let weak = Rc::downgrade(&self.0);
        let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(inner) = weak.upgrade() {
                    Pool(inner).on_message(index, &event.data());
                }
            },
        );
        let weak = Rc::downgrade(&self.0);
        // A script error (an ErrorEvent: the engine stopped) or a worker that could not start
        // (a plain Event).
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let why = js_sys::Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the worker could not start".to_string());
            if let Some(inner) = weak.upgrade() {
                Pool(inner).failed(index, &why);
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        let slot =
            Slot { worker, ready: false, busy: None, _onmessage: onmessage, _onerror: onerror };
        let mut inner = self.0.borrow_mut();
        if index < inner.slots.len() {
            inner.slots[index] = slot;
        } else {
            inner.slots.push(slot);
        }
        record("__goujiWorkers", &JsValue::from(inner.slots.len() as u32));
        true
    }

    /// A second worker for a batch, on a machine with two cores or more.
    pub(crate) fn widen(&self) {
        let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
        let (inline, slots) = {
            let inner = self.0.borrow();
            (inner.inline, inner.slots.len())
        };
        if !inline && slots < 2 && cores >= 2.0 {
            self.spawn(slots);
        }
    }

    /// How many workers check (1 on the page's thread).
    pub(crate) fn width(&self) -> usize {
        self.0.borrow().slots.len().max(1)
    }

    /// Checks an input.
    pub(crate) async fn check(
        &self,
        lane: Lane,
        name: Option<String>,
        bytes: Vec<u8>,
        edits: Vec<Edit>,
        keep: Option<Keep>,
    ) -> Result<Checked, Lost> {
        let id = self.next_id();
        // Nothing to read (a first visit, 清空): answered here at once, so that the empty
        // page is ready without waiting for the worker to compile the engine.
        let empty = edits.is_empty() && bytes.iter().all(u8::is_ascii_whitespace);
        let job = Job::Check { id, name, bytes, edits, keep };
        let pending = Pending { id, lane, job, file: None };
        let reply = if empty { run_inline(pending)? } else { self.submit(pending).await? };
        match reply {
            Reply::Checked { checked, .. } => Ok(*checked),
            _ => Err(Lost::Crashed),
        }
    }

    /// Checks a batch's file, read in the worker; where checks run on the page's thread (or
    /// the workers could not start after all), read here.
    pub(crate) async fn check_file(
        &self,
        name: String,
        file: web_sys::File,
        keep: Option<Keep>,
    ) -> Checked {
        use gouji::input::Unreadable;
        if !self.0.borrow().inline {
            let id = self.next_id();
            let job = Job::CheckFile { id, name: name.clone(), keep };
            let pending = Pending { id, lane: Lane::Batch, job, file: Some(file.clone()) };
            match self.submit(pending).await {
                Ok(Reply::Checked { checked, .. }) => return *checked,
                Err(Lost::Crashed) if self.0.borrow().inline => {}
                _ => return Checked::refused(Unreadable::EngineFailed),
            }
        }
        if file.size() > MAX_FILE_BYTES {
            return Checked::refused(Unreadable::TooLarge);
        }
        let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
        match gloo::file::futures::read_as_bytes(&blob).await {
            Ok(bytes) => self
                .check(Lane::Batch, Some(name), bytes, Vec::new(), keep)
                .await
                .unwrap_or_else(|_| Checked::refused(Unreadable::EngineFailed)),
            Err(_) => Checked::refused(Unreadable::FileUnreadable),
        }
    }

    /// Runs the rules across reports over a batch whose every report went through `check`
    /// with `keep`; the reports they change go to `sink`, a part at a time, each read in a
    /// task of its own. Returns once the last part is in.
    pub(crate) async fn cross(&self, generation: u64, sink: Sink) {
        let id = self.next_id();
        let job = Job::Cross { id, generation };
        self.0.borrow_mut().sinks.insert(id, sink.clone());
        if let Ok(Reply::Crossed { updated, .. }) =
            self.submit(Pending { id, lane: Lane::Batch, job, file: None }).await
        {
            // On the page's thread: the parts come back here.
            sink(updated);
        }
        self.0.borrow_mut().sinks.remove(&id);
    }

    fn next_id(&self) -> u64 {
        let mut inner = self.0.borrow_mut();
        inner.next_id += 1;
        inner.next_id
    }

    /// Queues a job and waits for its reply.
    async fn submit(&self, pending: Pending) -> Result<Reply, Lost> {
        if self.0.borrow().inline {
            record("__goujiCheckedIn", &"page".into());
            return run_inline(pending);
        }
        record("__goujiCheckedIn", &"worker".into());
        let id = pending.id;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            self.0.borrow_mut().waiting.insert(id, resolve);
        });
        {
            let mut inner = self.0.borrow_mut();
            if pending.lane == Lane::Interactive {
                // Only the newest interactive check is worth doing.
                let replaced: Vec<u64> = inner
                    .queue
                    .iter()
                    .filter(|p| p.lane == Lane::Interactive)
                    .map(|p| p.id)
                    .collect();
                inner.queue.retain(|p| p.lane != Lane::Interactive);
                for old in replaced {
                    inner.wake(old, Some(Lost::Replaced));
                }
                inner.queue.push_front(pending);
            } else {
                inner.queue.push_back(pending);
            }
        }
        self.pump();
        let woken = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
        if woken == JsValue::FALSE {
            return Err(Lost::Replaced);
        }
        let bytes = self.0.borrow_mut().replies.remove(&id);
        if let Some(reply) = bytes.as_deref().and_then(decode) {
            return Ok(reply);
        }
        if self.0.borrow().inline {
            // The workers could not start after all: do it here.
            return self.submit_again(id);
        }
        Err(Lost::Crashed)
    }

    /// A job whose worker never started, done on the page's thread (kept by `failed`).
    fn submit_again(&self, id: u64) -> Result<Reply, Lost> {
        let pending = self.0.borrow_mut().replies.remove(&(id | RETRY));
        match pending.as_deref().and_then(decode::<Job>) {
            Some(job) => run_inline(Pending { id, lane: Lane::Batch, job, file: None }),
            None => Err(Lost::Crashed),
        }
    }

    /// Sends queued jobs to idle workers. A `Cross` goes to the first worker, once every
    /// check before it is done (its reports are all kept there by then).
    fn pump(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.inline {
            return;
        }
        loop {
            let Some(front) = inner.queue.front() else { return };
            let cross = matches!(front.job, Job::Cross { .. });
            let target = if cross {
                let all_idle = inner.slots.iter().all(|s| s.busy.is_none());
                (all_idle && inner.slots.first().is_some_and(|s| s.ready)).then_some(0)
            } else {
                inner.slots.iter().position(|s| s.ready && s.busy.is_none())
            };
            let Some(target) = target else { return };
            let Some(mut pending) = inner.queue.pop_front() else { return };
            // Only the first worker keeps a batch's reports; another's results are handed on.
            let mut forward = None;
            if let Job::Check { keep, .. } | Job::CheckFile { keep, .. } = &mut pending.job
                && target != 0
            {
                forward = keep.take();
            }
            let Some(message) = encode(&pending.job) else {
                inner.wake(pending.id, Some(Lost::Crashed));
                continue;
            };
            drop(pending.job);
            let transfer = js_sys::Array::of1(&message.buffer());
            let posted: JsValue = match &pending.file {
                Some(file) => js_sys::Array::of2(&message, file).into(),
                None => message.into(),
            };
            let slot = &mut inner.slots[target];
            if slot.worker.post_message_with_transfer(&posted, &transfer).is_ok() {
                slot.busy = Some((pending.id, forward));
            } else {
                inner.wake(pending.id, Some(Lost::Crashed));
            }
        }
    }

    fn on_message(&self, index: usize, data: &JsValue) {
        // Only the head is read here; the caller reads the rest.
        let bytes = message_bytes(data);
        match postcard::take_from_bytes::<Head>(&bytes).ok().map(|(head, _)| head) {
            Some(Head::Ready) => {
                if let Some(slot) = self.0.borrow_mut().slots.get_mut(index) {
                    slot.ready = true;
                }
            }
            Some(Head::Failed(why)) => {
                self.failed(index, &why);
                return;
            }
            Some(Head::Crossed { id, last }) => {
                // Each part is read and handed on in this task, not all at the end.
                let sink = self.0.borrow().sinks.get(&id).cloned();
                if let (Some(sink), Some(Reply::Crossed { updated, .. })) = (sink, decode(&bytes)) {
                    sink(updated);
                }
                if last {
                    let mut inner = self.0.borrow_mut();
                    if let Some(slot) = inner.slots.get_mut(index) {
                        slot.busy = None;
                    }
                    inner.replies.insert(id, Vec::new());
                    inner.wake(id, None);
                }
            }
            Some(Head::Checked { id }) => {
                let mut inner = self.0.borrow_mut();
                let forward = inner.slots.get_mut(index).and_then(|slot| slot.busy.take()?.1);
                if let (Some(keep), Some(first)) = (forward, inner.slots.first()) {
                    // The first worker keeps this report too, as it came.
                    if let Some(message) = encode(&Job::Keep { keep, reply: bytes.clone() }) {
                        let _ = first.worker.post_message_with_transfer(
                            &message,
                            &js_sys::Array::of1(&message.buffer()),
                        );
                    }
                }
                inner.replies.insert(id, bytes);
                inner.wake(id, None);
            }
            None => {}
        }
        self.pump();
    }

    /// Worker `index` stopped. One that never started means workers cannot run here: every
    /// job runs on the page's thread from now on. One that stopped while checking (the engine
    /// failed on that input) is replaced; its job is answered as `Lost::Crashed`, never run
    /// again here, where it would stop the page.
    fn failed(&self, index: usize, why: &str) {
        web_sys::console::warn_1(&format!("gouji: checking worker stopped ({why})").into());
        let (started, busy) = {
            let mut inner = self.0.borrow_mut();
            let Some(slot) = inner.slots.get_mut(index) else { return };
            slot.worker.terminate();
            (slot.ready, slot.busy.take())
        };
        if started {
            if let Some((id, _)) = busy {
                self.0.borrow_mut().wake(id, Some(Lost::Crashed));
            }
            self.spawn(index);
            self.pump();
            return;
        }
        let (queue, slots) = {
            let mut inner = self.0.borrow_mut();
            inner.inline = true;
            (std::mem::take(&mut inner.queue), std::mem::take(&mut inner.slots))
        };
        for slot in &slots {
            slot.worker.terminate();
        }
        record("__goujiWorkers", &JsValue::from(0));
        // Queued jobs wait for their callers to run them here (`submit_again`).
        let mut inner = self.0.borrow_mut();
        for pending in queue {
            if let Ok(job) = postcard::to_allocvec(&pending.job) {
                inner.replies.insert(pending.id | RETRY, job);
            }
            inner.wake(pending.id, Some(Lost::Crashed));
        }
    }
}

/// Marks a job kept for `submit_again` in `Inner::replies` (ids stay far below it).
const RETRY: u64 = 1 << 62;

/// A job done on the page's thread (no worker): the same engine, the same answer.
fn run_inline(pending: Pending) -> Result<Reply, Lost> {
    if matches!(pending.job, Job::CheckFile { .. }) {
        // Its file is read on the page's thread by `check_file`.
        return Err(Lost::Crashed);
    }
    let mut replies = work(pending.job, None);
    if replies.len() > 1 {
        // The parts of a `Cross`, together.
        let mut all = Vec::new();
        for reply in replies.drain(..) {
            if let Reply::Crossed { updated, .. } = reply {
                all.extend(updated);
            }
        }
        return Ok(Reply::Crossed { id: pending.id, last: true, updated: all });
    }
    replies.pop().ok_or(Lost::Crashed)
}

/// Where the page checks, for the browser tests and the README's figures.
fn record(key: &str, value: &JsValue) {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &key.into(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> Vec<u8> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/reports/");
        std::fs::read(format!("{root}{path}")).expect("fixture")
    }

    /// What the page gets back for a job, through the bytes it travels as.
    fn through_bytes(job: &Job) -> Vec<Reply> {
        let bytes = postcard::to_allocvec(job).expect("job encodes");
        let job: Job = decode(&bytes).expect("job decodes");
        work(job, None)
            .iter()
            .map(|reply| {
                let bytes = postcard::to_allocvec(reply).expect("reply encodes");
                decode(&bytes).expect("reply decodes")
            })
            .collect()
    }

    #[test]
    fn a_result_crosses_to_the_page_unchanged() {
        // Text, GBK HTML, UTF-16, a PDF and a report with a cell typed over.
        let seed = fixture("seed/zhangdian-yingji-2023.txt");
        let edit = Edit {
            cell: gouji::model::CellRef::parse("t3/R3.7/NP").expect("cell"),
            value: gouji::model::Number::parse("2"),
        };
        let inputs: Vec<(&str, Vec<u8>, Vec<Edit>)> = vec![
            ("seed.txt", seed.clone(), Vec::new()),
            ("seed.txt", seed, vec![edit]),
            ("shuyang.html", fixture("encodings/shuyang-fgj.gbk.html"), Vec::new()),
            ("zhangdian.txt", fixture("encodings/zhangdian.utf16le-bom.txt"), Vec::new()),
            ("hzq2023.pdf", fixture("pdf/hzq2023_working.pdf"), Vec::new()),
            ("kewei.md", fixture("corpus/kewei-2024-source.md"), Vec::new()),
        ];
        for (name, bytes, edits) in inputs {
            let direct = gouji::check_edited(&Input { bytes: &bytes, name: Some(name) }, &edits);
            let job = Job::Check { id: 7, name: Some(name.into()), bytes, edits, keep: None };
            let replies = through_bytes(&job);
            let [Reply::Checked { id: 7, checked, keep: None }] = replies.as_slice() else {
                panic!("{name}: one Checked reply, got {replies:?}");
            };
            assert_eq!(format!("{checked:?}"), format!("{direct:?}"), "{name}");
            assert!(!direct.findings.is_empty() || direct.source.is_some(), "{name}");
        }
    }

    #[test]
    fn the_rules_across_reports_run_over_what_was_kept_and_come_back_in_parts() {
        // The corpus: the pingtan series (one agency over many years: 上年结转 against last
        // year's 结转下年度, copied narratives, …) and others.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/reports/corpus");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        assert!(names.len() > CROSSED_PART, "more reports than one part holds");
        let generation = 3;
        let mut direct = Vec::new();
        for (index, name) in names.iter().enumerate() {
            let bytes = fixture(&format!("corpus/{name}"));
            direct.push(gouji::check(&Input { bytes: &bytes, name: Some(name) }));
            let kept = Keep { generation, index };
            let keep = Some(kept);
            let job = Job::Check {
                id: index as u64,
                name: Some(name.clone()),
                bytes,
                edits: Vec::new(),
                keep,
            };
            // Every other report as if the second worker had checked it: handed on as its reply.
            if index % 2 == 1 {
                let reply = postcard::to_allocvec(&Reply::Checked {
                    id: index as u64,
                    checked: Box::new(direct[index].clone()),
                    keep,
                })
                .expect("encodes");
                KEPT.with(|kept| kept.borrow_mut().reports.remove(&index));
                let job = Job::Keep { keep: kept, reply };
                assert!(through_bytes(&job).is_empty());
            } else {
                through_bytes(&job);
            }
        }
        gouji::cross::apply(&mut direct);
        let parts = through_bytes(&Job::Cross { id: 99, generation });
        let mut updated = BTreeMap::new();
        for (k, part) in parts.iter().enumerate() {
            let Reply::Crossed { id: 99, last, updated: part } = part else { panic!("{part:?}") };
            assert_eq!(*last, k + 1 == parts.len());
            assert!(part.len() <= CROSSED_PART);
            updated.extend(part.iter().map(|(i, c)| (*i, format!("{c:?}"))));
        }
        assert!(!updated.is_empty(), "the series has findings across years");
        for (index, checked) in direct.iter().enumerate() {
            if let Some(back) = updated.get(&index) {
                assert_eq!(back, &format!("{checked:?}"), "{}", names[index]);
            }
        }
        // What did not come back did not change.
        let before: Vec<Checked> = names
            .iter()
            .map(|n| {
                gouji::check(&Input { bytes: &fixture(&format!("corpus/{n}")), name: Some(n) })
            })
            .collect();
        for (index, checked) in direct.iter().enumerate() {
            if !updated.contains_key(&index) {
                assert_eq!(
                    format!("{:?}", before[index]),
                    format!("{checked:?}"),
                    "{}",
                    names[index]
                );
            }
        }
        // A stale batch's cross finds nothing kept.
        let stale = through_bytes(&Job::Cross { id: 100, generation });
        assert!(
            matches!(stale.as_slice(), [Reply::Crossed { last: true, updated, .. }] if updated.is_empty())
        );
    }
}
