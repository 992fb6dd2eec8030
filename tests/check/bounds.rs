//! Hostile input, measured: every case asserts a bound on the work done (steps the engine
//! counts, `gouji::work`), on the memory it holds at its peak (counted by this binary's
//! allocator, per thread) or on the size of what it produces. Never wall time: a loaded
//! machine must not make these flake, and a regression must fail them on any machine.

use gouji::{Input, check};

/// `text` repeated to at least `len` bytes.
fn repeat_to(text: &str, len: usize) -> String {
    text.repeat(len / text.len() + 1)
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
        let (small, large) = (work(64 * 1024), work(128 * 1024));
        assert!(small > 0, "{line:?}: no work counted");
        if large * 10 > small * 22 {
            failures.push(format!("{line:?}: {small} steps, then {large} for twice the input"));
        }
    }
    assert!(failures.is_empty(), "work more than doubles:\n{}", failures.join("\n"));
}
