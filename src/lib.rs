//! gouji (勾稽) checks the tables of Chinese government information-disclosure annual reports
//! (政府信息公开工作年度报告) and explains every sum that does not reconcile.
//!
//! The pipeline, one stage per module (see ARCHITECTURE.md):
//!
//! 1. [`input`]: bytes → [`input::Source`] (decoding; HTML tables rendered as rows);
//! 2. [`normalize`]: source text → normalized text + [`normalize::SourceMap`];
//! 3. [`segment`]: normalized text → logical rows of tokens;
//! 4. [`model`]: tokens → a typed [`model::Report`] (template, year, 表二/三/四 cells);
//! 5. [`rules`]: report → [`Finding`]s, with the cell most likely at fault named first.
//!
//! [`check`] runs them all. It is total: it never panics and never fails; unreadable input
//! becomes a finding. The core does no I/O, reads no clock and uses no randomness.

#![forbid(unsafe_code)]
// The engine is total: no unwrap, expect or panic outside tests (ARCHITECTURE.md).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod compare;
pub mod correct;
pub mod cross;
pub mod dto;
pub mod export;
pub mod fill;
pub mod finding;
pub mod input;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod office;
pub mod review;
pub mod rules;
pub mod segment;
#[cfg(feature = "serde")]
mod serde_static;
pub mod sort;
pub mod span;
pub mod stage;
pub mod work;

pub use correct::Edit;
pub use finding::{Finding, Severity};
pub use model::{CellRef, Report};
pub use rules::{Check, Diagnosis, Outcome};

/// The sample report: 张店区应急管理局2023年政府信息公开工作年度报告, as crawled (Traditional
/// characters with pinyin annotations, one table cell per line). It reconciles.
pub const SAMPLE_REPORT: &str =
    include_str!("../tests/fixtures/reports/seed/zhangdian-yingji-2023.txt");

/// What to check: the bytes of one report, and its file name if it has one.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The file's bytes, or the pasted text's UTF-8 bytes.
    pub bytes: &'a [u8],
    /// A file name (helps tell HTML from text); `None` for pasted text.
    pub name: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// Pasted text.
    pub fn text(text: &'a str) -> Input<'a> {
        Input { bytes: text.as_bytes(), name: None }
    }
}

/// Everything the engine found in one report.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Checked {
    /// The decoded text (every span and cell range points into `source.text`); `None` when
    /// the input could not be read.
    pub source: Option<input::Source>,
    /// Why the input could not be read, if it could not.
    pub unreadable: Option<input::Unreadable>,
    /// What was read: template, year, agency, tables.
    pub report: Report,
    /// Every problem, errors first.
    pub findings: Vec<Finding>,
    /// Every identity of 表三 and 表四 with its outcome.
    pub checks: Vec<Check>,
    /// The smallest corrections for each group of broken identities.
    pub diagnoses: Vec<Diagnosis>,
    /// Values typed over cells ([`check_edited`]): what each cell held as read, and now.
    pub edits: Vec<correct::Applied>,
}

impl Checked {
    /// The result for input refused before reading (too large, say), as `check` gives it.
    pub fn refused(why: input::Unreadable) -> Checked {
        let report = Report::empty();
        let mut findings = vec![rules::unreadable(why)];
        fingerprint(&report, &mut findings, "");
        Checked {
            source: None,
            unreadable: Some(why),
            report,
            findings,
            checks: Vec::new(),
            diagnoses: Vec::new(),
            edits: Vec::new(),
        }
    }

    /// The result of a report built in memory (the 填报 form's tables): every rule runs on
    /// it; there is no source text.
    pub fn from_report(report: Report) -> Checked {
        let mut results = rules::run(&report);
        fingerprint(&report, &mut results.findings, "");
        Checked {
            source: None,
            unreadable: None,
            report,
            findings: results.findings,
            checks: results.checks,
            diagnoses: results.diagnoses,
            edits: Vec::new(),
        }
    }

    /// The narrative's shingles ([`Report::shingles`]), read from the text now when `check`
    /// left them unread (the text normalized again: what `check_in_batch` would have read;
    /// the report is left as it is); `None` when the narrative is too short to compare or the
    /// text is gone.
    pub fn shingles(&self) -> Option<std::borrow::Cow<'_, [u64]>> {
        match &self.report.shingles {
            model::Shingles::Read(hashes) => Some(std::borrow::Cow::Borrowed(hashes)),
            model::Shingles::TooShort => None,
            model::Shingles::NotRead => {
                let text = &self.source.as_ref()?.text;
                if text.is_empty() {
                    return None;
                }
                let normalized = normalize::normalize(text);
                match model::Shingles::read(&normalized.text, &self.report.tables) {
                    model::Shingles::Read(hashes) => Some(std::borrow::Cow::Owned(hashes)),
                    model::Shingles::NotRead | model::Shingles::TooShort => None,
                }
            }
        }
    }

    /// Adds findings from outside the report (rules across reports), sorted as usual.
    pub fn add_findings(&mut self, findings: impl IntoIterator<Item = Finding>) {
        self.findings.extend(findings);
        rules::sort(&mut self.findings);
    }

    /// The diagnosis that explains `finding` (one of the checks it breaks), if any: where its
    /// correction is.
    pub fn diagnosis(&self, finding: &Finding) -> Option<&rules::Diagnosis> {
        let ids: Vec<&String> = std::iter::once(&finding.rule).chain(&finding.also).collect();
        self.diagnoses.iter().find(|d| d.explains.iter().any(|e| ids.contains(&e)))
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// How the identities of one table came out.
    pub fn summary(&self, table: model::TableId) -> TableSummary {
        let mut summary =
            TableSummary { found: self.report.table(table).is_some(), ..TableSummary::default() };
        if !summary.found && self.unreadable.is_none() {
            // A missing table's sums cannot be checked at all (无法判断).
            summary.cannot_run = match table {
                model::TableId::T3 => {
                    model::identities::t3_identities(model::Layout::Y2021, false, &[]).len()
                }
                model::TableId::T4 => model::identities::t4_identities().len(),
                // 表二 has no sums; only pre-2019 reports have a statistics table.
                model::TableId::T2 | model::TableId::Pre2019 => 0,
            };
            return summary;
        }
        if table == model::TableId::Pre2019
            && let Some(stats) = self.report.table(table)
        {
            let (passed, failed, review) = rules::stats::inequality_counts(stats);
            summary.passed += passed;
            summary.failed += failed;
            summary.review += review;
        }
        for check in self
            .checks
            .iter()
            .filter(|c| c.identity.total.first().is_some_and(|c| c.table == table))
        {
            match check.outcome {
                Outcome::Passed => summary.passed += 1,
                Outcome::Failed => summary.failed += 1,
                Outcome::NeedsReview => summary.review += 1,
                Outcome::CannotRun => summary.cannot_run += 1,
            }
        }
        summary
    }

    /// The report's verdict (CONTRACT.md `verdict`): it passes only when every required sum
    /// of its format ran and held and every required table was found.
    pub fn verdict(&self) -> Verdict {
        if self.unreadable.is_some() {
            Verdict::Unreadable
        } else if self.count(Severity::Error) > 0 {
            Verdict::Fail
        } else if self.gaps().is_empty() {
            Verdict::Pass
        } else {
            Verdict::Incomplete
        }
    }

    /// Why the check is not complete, one reason per table (empty when it is): what was not
    /// found, how many rows could not be read and how many sums could not run.
    pub fn gaps(&self) -> Vec<String> {
        if self.unreadable.is_some() {
            return Vec::new();
        }
        let report = &self.report;
        if report.table(model::TableId::Pre2019).is_some() {
            let s = self.summary(model::TableId::Pre2019);
            return if s.cannot_run > 0 {
                vec![format!("统计表有 {} 项勾稽未能检查", s.cannot_run)]
            } else {
                Vec::new()
            };
        }
        match report.template {
            model::Template::Unknown => {
                return vec!["未识别到年度报告的表二、表三、表四，没有做任何勾稽检查".to_string()];
            }
            model::Template::Pre2019 => {
                return vec![
                    "这份 2019 年以前的报告中没有找到可识别的统计表，没有做勾稽检查".to_string(),
                ];
            }
            model::Template::Y2019 | model::Template::Y2021 => {}
        }
        let mut gaps = Vec::new();
        for id in [model::TableId::T2, model::TableId::T3, model::TableId::T4] {
            let Some(table) = report.table(id) else {
                let sums = self.summary(id).cannot_run;
                let what =
                    if report.unread_tables.contains(&id) { "未能读取" } else { "未找到" };
                gaps.push(if sums > 0 {
                    format!("{} {what}，{sums} 项勾稽未能检查", id.name())
                } else {
                    format!("{} {what}", id.name())
                });
                continue;
            };
            let s = self.summary(id);
            if s.cannot_run == 0 {
                continue;
            }
            let unread = table
                .rows()
                .into_iter()
                .filter(|&row| {
                    table.cells.iter().any(|c| {
                        c.addr.row == row
                            && matches!(
                                c.value,
                                model::Value::Missing
                                    | model::Value::Ambiguous
                                    | model::Value::Text(_)
                            )
                    })
                })
                .count();
            let rows = if id == model::TableId::T4 {
                "有数字未能读取".to_string()
            } else {
                format!("有 {unread} 行未能读取")
            };
            gaps.push(format!("{} {rows}，{} 项勾稽未能检查", id.name(), s.cannot_run));
        }
        if report.another_t3.as_ref().is_some_and(|a| a.differing > 0) {
            gaps.push("文本中还有一份不同的表三，没有核对".to_string());
        }
        gaps
    }

    /// The verdict in words, e.g. `发现错误：2 处` or `未能完整核对：表三 有 3 行未能读取，…`.
    pub fn verdict_text(&self) -> String {
        match self.verdict() {
            Verdict::Unreadable => {
                format!("无法读取：{}", self.unreadable.map_or("", |why| why.message()))
            }
            Verdict::Fail => {
                let sums: usize = [model::TableId::T3, model::TableId::T4, model::TableId::Pre2019]
                    .into_iter()
                    .map(|id| self.summary(id).failed)
                    .sum();
                let errors = self.count(Severity::Error);
                if sums > errors {
                    format!("发现 {errors} 处错误（{sums} 项勾稽不成立）")
                } else {
                    format!("发现 {errors} 处错误")
                }
            }
            Verdict::Incomplete => format!("未能完整核对：{}", self.gaps().join("；")),
            Verdict::Pass => {
                let review: usize =
                    [model::TableId::T3, model::TableId::T4, model::TableId::Pre2019]
                        .into_iter()
                        .map(|id| self.summary(id).review)
                        .sum();
                if review > 0 {
                    format!(
                        "通过：全部勾稽关系成立，其中 {review} 项含空白或推断的数值，需人工核实"
                    )
                } else {
                    "通过：全部勾稽关系成立".to_string()
                }
            }
        }
    }

    /// One line per table, e.g. `表二 已读取 · 表三 2 项勾稽不成立 · 表四 通过`.
    pub fn tables_line(&self) -> String {
        if let Some(why) = self.unreadable {
            return format!("无法读取：{}", why.message());
        }
        if self.report.tables.is_empty() {
            return "未识别到表格".to_string();
        }
        let mut parts = Vec::new();
        let ids: &[model::TableId] = if self.report.table(model::TableId::Pre2019).is_some() {
            &[model::TableId::Pre2019]
        } else {
            &[model::TableId::T2, model::TableId::T3, model::TableId::T4]
        };
        for &id in ids {
            let s = self.summary(id);
            let name = id.name();
            let part = if !s.found && self.report.unread_tables.contains(&id) {
                format!("{name} 未能读取")
            } else if !s.found {
                format!("{name} 未找到")
            } else if id == model::TableId::T2 {
                format!("{name} 已读取")
            } else if s.failed > 0 {
                format!("{name} {} 项勾稽不成立", s.failed)
            } else if s.cannot_run > 0 {
                format!("{name} {} 项无法检查", s.cannot_run)
            } else if s.review > 0 {
                format!("{name} 通过（{} 项需人工核实）", s.review)
            } else {
                format!("{name} 通过")
            };
            parts.push(part);
        }
        parts.join(" · ")
    }
}

impl TableSummary {
    /// The coverage line, e.g. `表三：39 项勾稽检查，通过 37，不一致 2，需人工核实 0，无法判断 0`.
    pub fn coverage(&self, table: model::TableId) -> String {
        let total = self.passed + self.failed + self.review + self.cannot_run;
        format!(
            "{}：{total} 项勾稽检查，通过 {}，不一致 {}，需人工核实 {}，无法判断 {}",
            table.name(),
            self.passed,
            self.failed,
            self.review,
            self.cannot_run
        )
    }
}

/// What a report's check comes to (CONTRACT.md `verdict`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// At least one error-severity finding.
    Fail,
    /// No error, but some required sum could not run or a required table is missing.
    Incomplete,
    /// The input could not be read at all.
    Unreadable,
    /// Every required sum of the format ran and held, every required table was found.
    Pass,
}

impl Verdict {
    /// The contract's spelling: `pass`, `fail`, `incomplete`, `unreadable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Incomplete => "incomplete",
            Verdict::Unreadable => "unreadable",
        }
    }

    /// The Chinese name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "通过",
            Verdict::Fail => "发现错误",
            Verdict::Incomplete => "未能完整核对",
            Verdict::Unreadable => "无法读取",
        }
    }
}

/// Counts of check outcomes for one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableSummary {
    /// Whether the table was found.
    pub found: bool,
    /// Identities that hold, every input read as written.
    pub passed: usize,
    /// Identities that fail.
    pub failed: usize,
    /// Identities that hold with blank or inferred inputs.
    pub review: usize,
    /// Identities with a missing input.
    pub cannot_run: usize,
}

/// Gives every finding its fingerprint (from its `text_span` in the normalized `text`); a
/// repeated fingerprint gets its occurrence number, so that every finding's key is unique.
fn fingerprint(report: &Report, findings: &mut [Finding], text: &str) {
    let mut seen: Vec<String> = Vec::with_capacity(findings.len());
    for finding in findings.iter_mut() {
        let span = finding.text_span.as_ref().and_then(|range| text.get(range.get()));
        let mut key = review::fingerprint(report, finding, span);
        let repeats = seen.iter().filter(|k| **k == key).count();
        seen.push(key.clone());
        if repeats > 0 {
            key = format!("{key}-{}", repeats + 1);
        }
        finding.fingerprint = key;
    }
}

/// Checks one report. Never panics, never fails: whatever goes wrong is a finding.
pub fn check(input: &Input<'_>) -> Checked {
    check_edited(input, &[])
}

/// Checks one report with some of its cells given other values (typed by a person, or a
/// correction applied): the sums and findings are those of the corrected tables; `edits` of
/// the result says what each cell held as read. An edit of a cell the report does not have is
/// ignored.
pub fn check_edited(input: &Input<'_>, edits: &[correct::Edit]) -> Checked {
    check_staged(input, edits, &mut |_| {})
}

/// [`check_edited`], calling `mark` at the end of every stage (with the stage that ended), so
/// that a benchmark can time each: the work and the result are exactly those of `check_edited`.
pub fn check_staged(
    input: &Input<'_>,
    edits: &[correct::Edit],
    mark: &mut dyn FnMut(stage::Stage),
) -> Checked {
    run(input, edits, false, mark)
}

/// [`check`] for a report that will be compared with others ([`cross::apply`]) after its text
/// is dropped: the narrative's shingles are read while checking (the command line, on its
/// threads), not from the text afterwards ([`Checked::shingles`]). Nothing else differs.
pub fn check_in_batch(input: &Input<'_>) -> Checked {
    run(input, &[], true, &mut |_| {})
}

fn run(
    input: &Input<'_>,
    edits: &[correct::Edit],
    shingles: bool,
    mark: &mut dyn FnMut(stage::Stage),
) -> Checked {
    let source = match input::read(input.bytes, input.name) {
        Ok(source) => source,
        Err(why) => return Checked::refused(why),
    };
    mark(stage::Stage::Input);
    let normalized = normalize::normalize(&source.text);
    mark(stage::Stage::Normalize);
    let doc = segment::segment(&normalized.text);
    mark(stage::Stage::Segment);
    let mut report = model::build_staged(&normalized.text, &doc, shingles, mark);
    // Where each table and cell is in what the user gave us.
    for table in &mut report.tables {
        table.range = Some(normalized.map.to_source(&table.text_range));
        for cell in &mut table.cells {
            cell.range = cell.text_range.as_ref().map(|range| normalized.map.to_source(range));
        }
    }
    let mut applied = Vec::new();
    for edit in edits {
        let Some(table) = report.tables.iter_mut().find(|t| t.id == edit.cell.table) else {
            continue;
        };
        let Some(cell) = table.cells.iter_mut().find(|c| c.addr == edit.cell) else { continue };
        let now =
            edit.value.map_or(model::Value::Blank { placeholder: None }, model::Value::Number);
        applied.push(correct::Applied {
            cell: edit.cell,
            was: cell.value.clone(),
            now: now.clone(),
        });
        cell.value = now;
        cell.inferred = false;
    }
    mark(stage::Stage::Finish);
    let mut results = rules::run_staged(&report, mark);
    let stopped_at = doc.truncated.map(|at| normalized.map.span(at..at).start);
    let reading = rules::reading(&source.reading(stopped_at));
    if !reading.is_empty() {
        results.findings.extend(reading);
        rules::sort(&mut results.findings);
    }
    fingerprint(&report, &mut results.findings, &normalized.text);
    for finding in &mut results.findings {
        finding.span = finding.text_span.as_ref().map(|range| normalized.map.to_source(range));
    }
    mark(stage::Stage::Finish);
    Checked {
        source: Some(source),
        unreadable: None,
        report,
        findings: results.findings,
        checks: results.checks,
        diagnoses: results.diagnoses,
        edits: applied,
    }
}
