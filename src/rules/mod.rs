//! Stage 4: [`Report`] → findings, check outcomes and culprit diagnoses.
//!
//! One file per rule family group: [`arith`] (表三/表四 sums, with [`culprit`] naming the
//! cell most likely at fault), [`values`] (what a cell may hold), [`structure`] (tables, rows,
//! headings, and how the tables were read), [`years`] (title year, period, format).
//! [`registry`] declares every rule once ([`RuleId`]: id, severity, status, documentation).
//!
//! Invariants: rules never see raw text or HTML, only the typed report; every finding is of
//! a [`RuleId`] (so its family is registered, by type) and its severity is the registry's;
//! output is sorted, so the same input always gives the same findings in the same order.

pub mod arith;
pub mod culprit;
pub mod docs;
pub mod evidence;
mod examples;
mod hints;
mod narrative;
pub mod registry;
pub(crate) mod stats;
mod structure;
mod t2;
mod values;
mod years;

pub use arith::sum_words;
pub use culprit::{Diagnosis, Fix};
pub use registry::{At, CheckId, RULE_IDS, RULES, Rule, RuleId, Stability, rule};

use crate::finding::Finding;
use crate::input::{Reading, SourceKind, Unreadable};
use crate::model::{CellRef, Identity, Number, Report};

/// How one identity came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Outcome {
    /// It holds, and every input was read as written.
    Passed,
    /// It does not hold.
    Failed,
    /// It holds, but an input was blank or inferred, or the identity was assumed to split
    /// glued digits: a person should confirm.
    NeedsReview,
    /// An input is missing or unreadable.
    CannotRun,
}

impl Outcome {
    /// The Chinese name.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Passed => "通过",
            Outcome::Failed => "不一致",
            Outcome::NeedsReview => "需人工核实",
            Outcome::CannotRun => "无法判断",
        }
    }
}

/// One identity with its values and outcome (the UI shows it as an equation).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Check {
    /// The identity.
    pub identity: Identity,
    /// How it came out.
    pub outcome: Outcome,
    /// Σ of the written (total) side, when every cell could be read.
    pub total: Option<Number>,
    /// Σ of the added-up side, when every cell could be read.
    pub parts: Option<Number>,
    /// True when the identity was assumed while splitting glued digits.
    pub assumed: bool,
}

/// Everything the rules found.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// Findings, sorted.
    pub findings: Vec<Finding>,
    /// Every identity of 表三 and 表四 with its outcome.
    pub checks: Vec<Check>,
    /// For each group of broken identities, the smallest corrections that reconcile it.
    pub diagnoses: Vec<Diagnosis>,
}

/// Runs every rule on `report`.
pub fn run(report: &Report) -> Results {
    run_staged(report, &mut |_| {})
}

/// [`run`], calling `mark` after the sums and after the other rules ([`crate::check_staged`]).
pub fn run_staged(report: &Report, mark: &mut dyn FnMut(crate::stage::Stage)) -> Results {
    let mut results = Results::default();
    arith::check(report, &mut results);
    mark(crate::stage::Stage::Sums);
    values::check(report, &mut results.findings);
    structure::check(report, &mut results.findings);
    years::check(report, &mut results.findings);
    t2::check(report, &mut results.findings);
    narrative::check(report, &mut results.findings);
    hints::check(report, &mut results.findings);
    stats::check(report, &mut results.findings);
    for finding in &mut results.findings {
        finding.message = clip_quotes(&finding.message);
    }
    sort(&mut results.findings);
    mark(crate::stage::Stage::Rules);
    results
}

/// The most characters a message quotes from the report (a cell, digits, a clause).
pub const MAX_QUOTED_CHARS: usize = 40;

/// `message` with every quotation (“…”) longer than [`MAX_QUOTED_CHARS`] characters cut there
/// and ended with `…`: a cell of 5 000 digits is named, not echoed.
pub fn clip_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find('“') {
        let (before, quoted) = rest.split_at(open + '“'.len_utf8());
        out.push_str(before);
        let Some(close) = quoted.find('”') else {
            rest = quoted;
            break;
        };
        let inner = &quoted[..close];
        match inner.char_indices().nth(MAX_QUOTED_CHARS) {
            Some((cut, _)) => {
                out.push_str(&inner[..cut]);
                out.push('…');
            }
            None => out.push_str(inner),
        }
        rest = &quoted[close..];
    }
    out.push_str(rest);
    out
}

/// Weighs `stated` (what another report says of this one's cells: last year's 结转下年度 for
/// this year's 上年结转) on the diagnoses that list several corrections, and rewrites the
/// hints and the culprit of the findings whose diagnosis it narrowed.
pub fn reweigh(
    report: &Report,
    diagnoses: &mut [Diagnosis],
    findings: &mut [Finding],
    stated: &[evidence::Stated],
) {
    arith::reweigh(report, diagnoses, findings, stated);
}

/// The finding for input that could not be read at all.
pub fn unreadable(why: Unreadable) -> Finding {
    finding(RuleId::InputUnreadable, why.message().to_string(), Vec::new())
}

/// What reading the input leaves to report: characters that could not be decoded, text the
/// reader cut short, and text past what the segmenter reads.
pub fn reading(reading: &Reading) -> Vec<Finding> {
    let mut out = Vec::new();
    if reading.replaced > 0 {
        out.push(if reading.kind == SourceKind::Pdf {
            unmapped_glyphs(reading.replaced)
        } else {
            replaced_characters(
                reading.replaced,
                reading.encoding.name(),
                reading.first_replaced_line,
            )
        });
    }
    if reading.truncated {
        out.push(truncated_source(reading.kind));
    }
    if let Some(stop) = reading.stop {
        let place = if stop.at_line_start {
            format!("前 {} 行，共 {} 行", stop.line - 1, stop.lines)
        } else {
            format!("读到第 {} 行中间，共 {} 行", stop.line, stop.lines)
        };
        out.push(truncated(&place, stop.percent));
    }
    out
}

/// The finding for input decoded with replacement characters, the first on line `line`.
fn replaced_characters(count: usize, encoding: &str, line: usize) -> Finding {
    let place =
        if count == 1 { format!("第 {line} 行") } else { format!("第一处在第 {line} 行") };
    let mut f = finding(
        RuleId::InputDecode,
        format!(
            "按 {encoding} 读取时有 {count} 处字节无法解码（{place}），已用“�”代替，附近的文字和数字可能读错。"
        ),
        Vec::new(),
    );
    f.hint = Some("用记事本或 WPS 打开原文件，另存为 UTF-8 编码后重新检查。".to_string());
    f
}

/// The finding for text read only up to `place` (where it stopped, in words), about `percent`
/// per cent of it: it held more words and numbers than the engine reads
/// ([`crate::segment::max_tokens`]).
fn truncated(place: &str, percent: usize) -> Finding {
    let mut f = finding(
        RuleId::InputTruncated,
        format!(
            "文本过长，远超一份年度报告的篇幅：只读取了前 {percent}%（{place}），其后的内容没有检查。"
        ),
        Vec::new(),
    );
    f.hint =
        Some("每次检查一份报告；确认没有选错文件，或把多份报告分开保存后逐份检查。".to_string());
    f
}

/// The finding for a file whose text the reader cut short (a PDF past its budgets of text,
/// glyphs or operators; a page or a Word document whose text would outgrow the file itself).
fn truncated_source(kind: SourceKind) -> Finding {
    let what = match kind {
        SourceKind::Pdf => "PDF 中的文字或绘制指令远超一份年度报告",
        SourceKind::Docx => "Word 文件展开后的文字比文件本身还多",
        SourceKind::Html => "网页展开后的文字比网页本身还多",
        SourceKind::Text => "文本过长",
    };
    let mut f = finding(
        RuleId::InputTruncated,
        format!("{what}，不像是一份年度报告：只读取了前一部分，其后的内容没有检查。"),
        Vec::new(),
    );
    f.hint = Some("确认没有选错文件；如需检查，请复制报告正文粘贴到这里。".to_string());
    f
}

/// The finding for a PDF whose fonts give no text for some glyphs.
fn unmapped_glyphs(count: usize) -> Finding {
    let mut f = finding(
        RuleId::InputDecode,
        format!(
            "PDF 中有 {count} 个字符的字体没有提供字符对照表（ToUnicode），读不出来，已用“�”代替，附近的文字和数字可能缺失或读错。"
        ),
        Vec::new(),
    );
    f.hint = Some(
        "对照 PDF 原文核对“�”附近的表格数字；如需完整检查，请找到报告的文字版（网页或文档）。"
            .to_string(),
    );
    f
}

/// Builds a finding of check `id` (a rule, or a rule at a row, column or cell); the rule
/// decides its severity.
pub(crate) fn finding(id: impl Into<CheckId>, message: String, cells: Vec<CellRef>) -> Finding {
    let id = id.into();
    Finding {
        rule: id.to_string(),
        family: id.rule,
        severity: id.rule.rule().severity,
        message,
        hint: None,
        cells,
        expected: None,
        found: None,
        span: None,
        text_span: None,
        fingerprint: String::new(),
        also: Vec::new(),
    }
}

/// Errors first, then by the first cell in table order, then by rule id.
pub(crate) fn sort(findings: &mut [Finding]) {
    crate::sort::sort_by(findings, |a, b| {
        let key = |f: &Finding| (f.severity, f.cells.is_empty(), f.cells.first().copied());
        key(a).cmp(&key(b)).then_with(|| a.rule.cmp(&b.rule))
    });
}
