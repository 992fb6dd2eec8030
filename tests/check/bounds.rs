//! Hostile input, measured: every case asserts a bound on the work done (steps the engine
//! counts, `gouji::work`), on the memory it holds at its peak (counted by this binary's
//! allocator, per thread) or on the size of what it produces. Never wall time: a loaded
//! machine must not make these flake, and a regression must fail them on any machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use gouji::{Checked, Input, check};

use crate::robustness::assert_well_formed;

/// The system allocator, counting the bytes each thread holds and the most it held.
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; the counting only reads
// the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            note(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            note(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        note(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            // Growing may copy: for a moment both blocks are held.
            note(new_size as isize);
            note(-(layout.size() as isize));
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most memory it held at once (this thread).
pub(crate) fn peak_memory<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    let out = f();
    let peak = PEAK.with(Cell::get) - base;
    (out, usize::try_from(peak).unwrap_or(0))
}

const MB: usize = 1 << 20;

/// `text` repeated to at least `len` bytes.
fn repeat_to(text: &str, len: usize) -> String {
    text.repeat(len / text.len() + 1)
}

fn check_named(bytes: &[u8], name: Option<&str>) -> Checked {
    check(&Input { bytes, name })
}

/// Lines that have taken quadratic time somewhere in the pipeline, or could: numbers with no
/// whitespace, comment openers without an end, brackets after CJK (pinyin), labels, table
/// markup, the narrative's clauses.
const ADVERSARIAL_LINES: &[&str] = &[
    "1件，",
    "1;",
    "1\n",
    "1 ",
    "<!--",
    "<!--x",
    "|",
    "|\n",
    "1\t",
    "區(",
    "區(qū)",
    "區(aaaaaaa",
    "1,",
    "1,000",
    "abcdefgh",
    "政府信息公开",
    "一、本年新收政府信息公开申请数量",
    "一、本年新收政府信息公开申请数量 1 ",
    "（七）总计",
    "行政复议结果维持",
    "—",
    "1234567890",
    "1.其他",
    "2023年",
    "全区汇总",
    "受理申请1件，",
    "1申请，",
    "受理申请一千件，",
    "<td>1</td>",
    "<",
    "第二十条第(一)项 规章 1 ",
    "指标名称 计量单位 本年度 历年累计 ",
    "小计 1 ",
    "主动公开政府信息1条，",
    "统计期限为2023年1月1日至2023年12月31日。",
];

/// Doubling an adversarial input at most about doubles the work of every stage: nothing in the
/// pipeline is quadratic in a line's length or in the number of lines.
#[test]
fn work_grows_linearly_with_adversarial_input() {
    let mut failures = Vec::new();
    for line in ADVERSARIAL_LINES {
        let work = |len: usize| {
            let text = repeat_to(line, len);
            gouji::work::measure(|| check(&Input::text(&text))).1
        };
        let (small, large) = (work(256 * 1024), work(512 * 1024));
        assert!(small > 0, "{line:?}: no work counted");
        if large * 10 > small * 22 {
            failures.push(format!("{line:?}: {small} steps, then {large} for twice the input"));
        }
    }
    assert!(failures.is_empty(), "work more than doubles:\n{}", failures.join("\n"));
}

/// Inputs that have cost 50 times their size or more: a token every two bytes, full-width
/// punctuation between numbers (a source-map run per character), one long line, cells per
/// line, markup that multiplies into cells and tabs.
const MEMORY_CASES: &[(&str, Option<&str>)] = &[
    ("1\n", None),
    ("1 ", None),
    ("1\t", None),
    ("1件，", None),
    ("abcdefgh", None),
    ("|\n", None),
    ("|\na |\n", None),
    ("（一）", None),
    ("1;", None),
    ("<td>1", Some("x.html")),
    ("<tr><td colspan=200></td><td>1", Some("x.html")),
    ("<p>1</p>", Some("x.html")),
    ("&#x4E00;", Some("x.html")),
];

/// The engine holds at most 8 times its input at once (the input itself not counted).
#[test]
fn memory_stays_a_few_times_the_input() {
    let mut failures = Vec::new();
    for &(line, name) in MEMORY_CASES {
        let text = repeat_to(line, 4 * MB);
        let (checked, peak) = peak_memory(|| check_named(text.as_bytes(), name));
        assert_well_formed(&checked);
        drop(checked);
        if peak > 8 * text.len() {
            failures.push(format!("{line:?}: {} MB for {} MB", peak / MB, text.len() / MB));
        }
    }
    assert!(failures.is_empty(), "too much memory:\n{}", failures.join("\n"));
}

/// A token every two bytes: the segmenter reads what the budget allows and says where it
/// stopped, the rest is not tokenized.
#[test]
fn tokens_are_capped_and_the_cut_is_reported() {
    let text = "1\n".repeat(2 * MB);
    let normalized = gouji::normalize::normalize(&text);
    let doc = gouji::segment::segment(&normalized.text);
    let limit = gouji::segment::max_tokens(normalized.text.len());
    assert!(doc.tokens.len() <= limit + 1, "{} tokens", doc.tokens.len());
    assert!(doc.truncated.is_some());
    let checked = check(&Input::text(&text));
    let cut = checked.findings.iter().find(|f| f.rule == "INPUT-TRUNCATED").expect("reported");
    assert!(cut.message.contains("前 65536 行"), "{}", cut.message);
    // A real report is read whole.
    let seed = check(&Input::text(gouji::SAMPLE_REPORT));
    assert!(seed.findings.iter().all(|f| f.rule != "INPUT-TRUNCATED"));
}
