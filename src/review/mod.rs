//! Reviewer decisions: a finding marked 已核实 (checked by a person) or 忽略 (ignored), with a
//! reason, keyed by the finding's stable fingerprint so that the decision survives a re-check.
//!
//! Decisions travel as a small JSON file next to the report (`<报告>.gouji.json`, format
//! [`FORMAT`]); the page keeps them in the browser and the CLI reads the file next to the
//! report. This module is pure: it reads and writes text, the callers do the I/O.

use std::fmt::Write as _;

use crate::{Checked, Finding};

/// The `format` field of a decisions file.
pub const FORMAT: &str = "gouji-decisions/1";

/// The largest decisions file read (a real one holds a few dozen decisions).
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// What a reviewer decided about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// 已核实: a person has checked it (the reason says what they found).
    Verified,
    /// 忽略: not a problem for this review (the reason says why).
    Ignored,
}

impl Status {
    /// The file's spelling: `"verified"`, `"ignored"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Ignored => "ignored",
        }
    }

    /// The Chinese name: 已核实, 忽略.
    pub fn name(self) -> &'static str {
        match self {
            Status::Verified => "已核实",
            Status::Ignored => "忽略",
        }
    }
}

/// One decision about one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The finding's fingerprint ([`fingerprint`]).
    pub fingerprint: String,
    /// The finding's rule id when it was decided (for people reading the file).
    pub rule: String,
    /// 已核实 or 忽略.
    pub status: Status,
    /// Why, in the reviewer's words (may be empty).
    pub reason: String,
    /// The finding's message when it was decided (for people reading the file).
    pub message: String,
    /// When it was decided, as the caller wrote it (the engine has no clock); may be empty.
    pub decided_at: String,
}

impl Decision {
    /// A decision about `finding` of `checked`.
    pub fn new(finding: &Finding, status: Status, reason: &str, decided_at: &str) -> Decision {
        Decision {
            fingerprint: finding.fingerprint.clone(),
            rule: finding.rule.clone(),
            status,
            reason: reason.trim().to_string(),
            message: finding.message.clone(),
            decided_at: decided_at.to_string(),
        }
    }
}

/// The decisions about one report, as the file holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// The report's agency when the file was written (for people and for matching files).
    pub agency: Option<String>,
    /// The report's year when the file was written.
    pub year: Option<i32>,
    /// One decision per fingerprint, in the order they were made.
    pub decisions: Vec<Decision>,
}

impl Decisions {
    /// The decisions file of `checked`'s report (its agency and year filled in).
    pub fn for_report(checked: &Checked) -> Decisions {
        Decisions {
            agency: checked.report.agency_name().map(str::to_string),
            year: checked.report.year,
            decisions: Vec::new(),
        }
    }

    /// The decision about `finding`, if any.
    pub fn get(&self, finding: &Finding) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.fingerprint == finding.fingerprint)
    }

    /// Records `decision`, replacing an earlier one about the same finding.
    pub fn set(&mut self, decision: Decision) {
        self.remove(&decision.fingerprint.clone());
        self.decisions.push(decision);
    }

    /// Forgets the decision with `fingerprint`.
    pub fn remove(&mut self, fingerprint: &str) {
        self.decisions.retain(|d| d.fingerprint != fingerprint);
    }

    /// Adds every decision of `other` (theirs win over ours for the same finding). Returns how
    /// many were new or changed.
    pub fn merge(&mut self, other: Decisions) -> usize {
        let mut changed = 0;
        for decision in other.decisions {
            if self.decisions.contains(&decision) {
                continue;
            }
            changed += 1;
            self.set(decision);
        }
        if self.agency.is_none() {
            self.agency = other.agency;
        }
        if self.year.is_none() {
            self.year = other.year;
        }
        changed
    }

    /// The decisions that match no finding of `checked` (the finding is gone or its numbers
    /// changed): kept, but shown as no longer applying.
    pub fn stale<'a>(&'a self, checked: &Checked) -> Vec<&'a Decision> {
        self.decisions
            .iter()
            .filter(|d| !checked.findings.iter().any(|f| f.fingerprint == d.fingerprint))
            .collect()
    }

    /// The file's text: JSON, one decision per line, UTF-8 ([`crate::dto::DecisionsFile`]).
    pub fn to_json(&self) -> String {
        crate::dto::decisions_text(&crate::dto::DecisionsFile::from(self))
    }

    /// Reads a decisions file, strictly (a number is a JSON number, a string a string without
    /// lone surrogates). Unknown fields are ignored; a decision without a fingerprint or with
    /// an unknown status is an error naming its line, so that nothing is dropped silently.
    pub fn from_json(text: &str) -> Result<Decisions, FileError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(FileError::TooLarge);
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let file: crate::dto::DecisionsFile = crate::dto::parse(text).map_err(|e| {
            if e.what == "缺少字段 “format”" || e.what == "缺少字段 “decisions”" {
                FileError::NotDecisions
            } else {
                FileError::Json(e)
            }
        })?;
        Decisions::from_file(file)
    }

    /// The decisions of a file already read (the page's storage holds the same object): its
    /// format checked, every decision with a fingerprint.
    pub fn from_file(file: crate::dto::DecisionsFile) -> Result<Decisions, FileError> {
        if file.format != FORMAT {
            return Err(FileError::NotDecisions);
        }
        let mut out = Decisions { agency: file.agency, year: file.year, decisions: Vec::new() };
        for (k, d) in file.decisions.into_iter().enumerate() {
            if d.fingerprint.is_empty() {
                return Err(FileError::BadDecision(k + 1));
            }
            out.set(Decision {
                fingerprint: d.fingerprint,
                rule: d.rule,
                status: d.status.into(),
                reason: d.reason,
                message: d.message,
                decided_at: d.decided_at,
            });
        }
        Ok(out)
    }
}

/// Why a decisions file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not JSON, or a field of the wrong kind: where and what, in Chinese.
    Json(crate::dto::JsonError),
    /// JSON, but not a gouji decisions file.
    NotDecisions,
    /// The n-th decision (from 1) has an empty fingerprint.
    BadDecision(usize),
}

impl FileError {
    /// What to tell the user, in Chinese.
    pub fn message(&self) -> String {
        match self {
            FileError::TooLarge => "文件过大，不是 gouji 的核对记录文件。".to_string(),
            FileError::Json(e) if !e.shape => format!("不是有效的 JSON 文件：{e}。"),
            FileError::Json(e) => format!("核对记录文件有误：{e}。"),
            FileError::NotDecisions => {
                format!(
                    "不是 gouji 的核对记录文件（缺少 \"format\": \"{FORMAT}\" 或 decisions 列表）。"
                )
            }
            FileError::BadDecision(n) => format!("第 {n} 条核对记录的 fingerprint 为空。"),
        }
    }
}

/// The stable fingerprint of a finding: 16 hex digits of a 64-bit FNV-1a hash over what
/// identifies the problem, not where it sits in the text: the report's agency and year, the
/// rule id, the cells with the value found and expected, and for a finding about text, the
/// text it is about (whitespace removed). Re-checking the same report, or the report with
/// unrelated edits, gives the same fingerprint; changing the numbers of the finding gives a
/// new one (the old decision no longer applies).
pub fn fingerprint(
    report: &crate::Report,
    finding: &Finding,
    text_of_span: Option<&str>,
) -> String {
    let mut key = String::new();
    let _ = write!(
        key,
        "{}\u{1}{}\u{1}{}\u{1}",
        report.agency_name().unwrap_or_default(),
        report.year.map_or_else(String::new, |y| y.to_string()),
        finding.rule
    );
    for cell in &finding.cells {
        let _ = write!(key, "{cell},");
    }
    let number =
        |n: &Option<crate::model::Number>| n.as_ref().map_or_else(String::new, ToString::to_string);
    let _ = write!(key, "\u{1}{}\u{1}{}\u{1}", number(&finding.found), number(&finding.expected));
    if finding.cells.is_empty() {
        match text_of_span {
            Some(text) => key.extend(text.chars().filter(|c| !c.is_whitespace())),
            None => key.push_str(&finding.message),
        }
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(fingerprint: &str, status: Status, reason: &str) -> Decision {
        Decision {
            fingerprint: fingerprint.to_string(),
            rule: "T3-OUT-NP".to_string(),
            status,
            reason: reason.to_string(),
            message: "（七）总计 \"6\"\n".to_string(),
            decided_at: "2027-01-20".to_string(),
        }
    }

    #[test]
    fn a_file_reads_back_as_written() {
        let mut decisions =
            Decisions { agency: Some("某局".into()), year: Some(2023), decisions: Vec::new() };
        decisions.set(decision("00000000000000aa", Status::Verified, "已与单位核实：原表正确"));
        decisions.set(decision("00000000000000bb", Status::Ignored, ""));
        let text = decisions.to_json();
        assert_eq!(Decisions::from_json(&text), Ok(decisions.clone()));
        assert_eq!(Decisions::from_json(&format!("\u{FEFF}{text}")), Ok(decisions));
    }

    #[test]
    fn a_later_decision_replaces_an_earlier_one() {
        let mut ours = Decisions::default();
        ours.set(decision("aa", Status::Verified, "x"));
        ours.set(decision("aa", Status::Ignored, "y"));
        assert_eq!(ours.decisions.len(), 1);
        let mut theirs = Decisions::default();
        theirs.set(decision("aa", Status::Ignored, "y"));
        theirs.set(decision("bb", Status::Verified, "z"));
        assert_eq!(ours.merge(theirs), 1);
        assert_eq!(ours.decisions.len(), 2);
    }

    fn error(text: &str) -> crate::dto::JsonError {
        match Decisions::from_json(text) {
            Err(FileError::Json(e)) => e,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn bad_files_are_named_with_the_line_and_what_is_wrong() {
        let e = error("not json");
        assert_eq!((e.line, e.shape), (1, false), "{e}");
        assert_eq!(Decisions::from_json("{\"cells\": {}}"), Err(FileError::NotDecisions));
        assert_eq!(
            Decisions::from_json(&format!("{{\"format\": \"{FORMAT}\"}}")),
            Err(FileError::NotDecisions)
        );
        assert_eq!(
            Decisions::from_json("{\"format\": \"other/1\", \"decisions\": []}"),
            Err(FileError::NotDecisions)
        );
        let head = format!("{{\"format\": \"{FORMAT}\",\n \"decisions\": [\n");
        let e = error(&format!(
            "{head}  {{\"fingerprint\": \"a\"}},\n  {{\"status\": \"verified\"}}]}}"
        ));
        assert_eq!((e.line, e.shape), (3, true), "{e}");
        assert!(e.what.contains("“status”"), "{e}");
        let e = error(&format!(
            "{head}  {{\"fingerprint\": \"a\", \"status\": \"verified\"}},\n  {{\"fingerprint\": \"b\", \"status\": \"ok\"}}]}}"
        ));
        assert_eq!(e.line, 4);
        assert!(e.what.contains("“ok”") && e.what.contains("verified"), "{e}");
        let message = FileError::Json(e).message();
        assert!(message.starts_with("核对记录文件有误：第 4 行第 "), "{message}");
        assert_eq!(
            Decisions::from_json(&format!(
                "{head}  {{\"fingerprint\": \"\", \"status\": \"忽略\"}}]}}"
            )),
            Err(FileError::BadDecision(1))
        );
        for error in [FileError::TooLarge, FileError::NotDecisions, FileError::BadDecision(2)] {
            assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn the_reader_is_strict() {
        let file = |year: &str, reason: &str| {
            format!(
                "{{\"format\": \"{FORMAT}\",\n \"year\": {year},\n \"decisions\": [\n  {{\"fingerprint\": \"a\", \"status\": \"verified\", \"reason\": {reason}}}\n ]}}\n"
            )
        };
        assert_eq!(
            Decisions::from_json(&file("2023", "\"\\ud83d\\ude00\"")).map(|d| d.year),
            Ok(Some(2023))
        );
        for (year, reason, line, words) in [
            ("02023", "\"\"", 2, "前导零"),
            ("2023.", "\"\"", 2, "小数点后"),
            ("2023.0", "\"\"", 2, "类型不对"),
            ("\"2023\"", "\"\"", 2, "类型不对"),
            ("99999999999", "\"\"", 2, "取值不对"),
            ("2023", "\"\\uD83D\\u0041\"", 4, "不成对"),
            ("2023", "\"\\uDE00\"", 4, "不成对"),
            ("2023", "5", 4, "类型不对"),
            ("2023", "\"a\nb\"", 5, "控制字符"),
            ("2023,", "\"\"", 2, "带引号的字符串"),
        ] {
            let text = file(year, reason);
            let Err(FileError::Json(e)) = Decisions::from_json(&text) else {
                panic!("accepted: {text}");
            };
            assert_eq!(e.line, line, "{text}: {e}");
            assert!(e.what.contains(words), "{text}: {e}");
        }
    }
}
