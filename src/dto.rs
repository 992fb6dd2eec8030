//! The JSON that leaves and enters gouji, as plain serde types: the contract object of one
//! report (spec/CONTRACT.md: what `gouji check --json` writes, the page's 导出 JSON and the
//! JavaScript API's `check`) and the decisions file (`<报告>.gouji.json`, [`crate::review`]).
//!
//! This is the edge: the engine's own types stay as they are and are converted here
//! ([`Report::new`], [`DecisionsFile::from`]). Nothing in gouji writes or reads JSON by hand;
//! `serde_json` does, with two small formatters that keep the bytes gouji has always written:
//! [`line`] (one object per line; `\u2028`, `\u2029` and every control character other than
//! `\n`, `\r`, `\t` escaped as `\u00XX`, so a line can be pasted into JavaScript source) and
//! [`decisions_text`] (one decision per line, for people and for diffs).
//!
//! Field order is the order of the keys in the JSON; optional parts the contract object only
//! has sometimes are `Option`s that are left out when `None`. Readers ignore unknown fields
//! (CONTRACT.md: fields are added freely) and are strict about the rest (`serde_json`: no
//! `02023`, no `2023.`, no lone surrogate).

use std::io;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::model::{self, TableId, Value};

/// A number of the report: an integer, or an amount in 万元 with its decimals. JSON numbers
/// both ways: integers as integers, amounts as the shortest decimal of their value (`7730.28`;
/// `12.50` is written `12.5`, the same number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Num(pub model::Number);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.scale() {
            0 => serializer.serialize_i64(self.0.as_int().unwrap_or_default()),
            // The nearest double to the decimal (at most 15 digits): its shortest text is the
            // decimal itself, without trailing zeros.
            _ => serializer.serialize_f64(self.0.to_string().parse().unwrap_or_default()),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Num, D::Error> {
        struct NumVisitor;
        impl Visitor<'_> for NumVisitor {
            type Value = Num;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number of at most 15 digits")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                model::Number::parse(&v.to_string())
                    .map(Num)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                model::Number::parse(&v.to_string())
                    .map(Num)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
                model::Number::parse(&v.to_string())
                    .map(Num)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }
        deserializer.deserialize_any(NumVisitor)
    }
}

/// A JSON object whose keys keep their order (cell addresses in table order, tables in
/// report order); serde's maps would sort them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<V> Ordered<V> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedVisitor<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Ordered<V>, A::Error> {
                let mut out = Vec::new();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    out.push((key, value));
                }
                Ok(Ordered(out))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(std::marker::PhantomData))
    }
}

/// The report's format (`template`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Template {
    /// The 2021 format (国办公开办函〔2021〕30号).
    #[serde(rename = "2021")]
    Y2021,
    /// The 2019 format.
    #[serde(rename = "2019")]
    Y2019,
    /// Before 2019: the statistics table.
    #[serde(rename = "pre2019")]
    Pre2019,
    /// Not recognized.
    #[serde(rename = "unknown")]
    Unknown,
}

impl From<model::Template> for Template {
    fn from(template: model::Template) -> Template {
        match template {
            model::Template::Y2021 => Template::Y2021,
            model::Template::Y2019 => Template::Y2019,
            model::Template::Pre2019 => Template::Pre2019,
            model::Template::Unknown => Template::Unknown,
        }
    }
}

/// What the report comes to (`verdict`, CONTRACT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every required sum ran and held, every required table was found.
    Pass,
    /// At least one error.
    Fail,
    /// No error, but something could not be checked (`not_checked` says what).
    Incomplete,
    /// The input could not be read.
    Unreadable,
}

impl From<crate::Verdict> for Verdict {
    fn from(verdict: crate::Verdict) -> Verdict {
        match verdict {
            crate::Verdict::Pass => Verdict::Pass,
            crate::Verdict::Fail => Verdict::Fail,
            crate::Verdict::Incomplete => Verdict::Incomplete,
            crate::Verdict::Unreadable => Verdict::Unreadable,
        }
    }
}

/// A finding's severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The published tables are wrong.
    Error,
    /// A reviewer would query it.
    Warning,
    /// For information.
    Info,
}

impl From<crate::Severity> for Severity {
    fn from(severity: crate::Severity) -> Severity {
        match severity {
            crate::Severity::Error => Severity::Error,
            crate::Severity::Warning => Severity::Warning,
            crate::Severity::Info => Severity::Info,
        }
    }
}

/// A reviewer's decision: 已核实 or 忽略 (the file also accepts the Chinese words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// 已核实.
    #[serde(alias = "已核实")]
    Verified,
    /// 忽略.
    #[serde(alias = "忽略")]
    Ignored,
}

impl From<crate::review::Status> for Status {
    fn from(status: crate::review::Status) -> Status {
        match status {
            crate::review::Status::Verified => Status::Verified,
            crate::review::Status::Ignored => Status::Ignored,
        }
    }
}

impl From<Status> for crate::review::Status {
    fn from(status: Status) -> crate::review::Status {
        match status {
            Status::Verified => crate::review::Status::Verified,
            Status::Ignored => crate::review::Status::Ignored,
        }
    }
}

/// Reads a present field as `Some` (for `Option<Option<T>>`: absent is `None`, `null` is
/// `Some(None)`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The contract object of one report (CONTRACT.md, README "The command line"); the object of
/// an input that could not be opened has only `file`, `template`, `year`, `verdict`, `cells`,
/// `findings` and `error`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The file name as given (or `-`).
    pub file: String,
    /// The format.
    pub template: Template,
    /// The year reported on.
    pub year: Option<i32>,
    /// What the report comes to.
    pub verdict: Verdict,
    /// Why the verdict is `incomplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_checked: Option<Vec<String>>,
    /// The agency (`null` when not read; absent for a file that could not be opened).
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub agency: Option<Option<String>>,
    /// Every numeric cell that was read, by address; `null` for a blank or placeholder.
    pub cells: Ordered<Option<Num>>,
    /// Cells split from glued digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<Vec<String>>,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
    /// The smallest corrections per group of broken sums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnoses: Option<Vec<Diagnosis>>,
    /// Per table (`t3`, `t4`, or `p`): how its sums came out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Ordered<Coverage>>,
    /// The text's encoding, when it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Decisions that match no finding any more (only when a decisions file was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_decisions: Option<Vec<StaleDecision>>,
    /// Why the input could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The concrete rule id (`T3-ROW-R3.7`).
    pub rule: String,
    /// Its family in the registry (`T3-ROW`).
    #[serde(default)]
    pub family: String,
    /// The other checks the same mistake breaks.
    #[serde(default)]
    pub also: Vec<String>,
    /// How serious.
    pub severity: Severity,
    /// The cells involved; the first is the one most likely at fault.
    pub cells: Vec<String>,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The value the sums need.
    #[serde(default)]
    pub expected: Option<Num>,
    /// The value found.
    #[serde(default)]
    pub found: Option<Num>,
    /// How to fix it.
    #[serde(default)]
    pub hint: Option<String>,
    /// Stable across re-checks (what decisions are keyed by).
    #[serde(default)]
    pub fingerprint: String,
    /// The reviewer's decision about it.
    #[serde(default)]
    pub decision: Option<FindingDecision>,
}

/// The decision about a finding, as the contract object shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingDecision {
    /// 已核实 or 忽略.
    pub status: Status,
    /// Why.
    pub reason: String,
    /// When, as the page wrote it.
    pub decided_at: String,
}

/// The smallest corrections for one group of broken sums.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The check ids it explains.
    pub explains: Vec<String>,
    /// Every smallest correction (best first), each a list of cells to change.
    pub corrections: Vec<Vec<Fix>>,
    /// What the report says that chose among them.
    pub evidence: Option<String>,
}

/// One cell of a correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Its address.
    pub cell: String,
    /// Its value now (blank counts as 0).
    pub from: i64,
    /// The value that reconciles the sums.
    pub to: i64,
    /// True when it is blank now.
    pub was_blank: bool,
}

/// How one table's sums came out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Whether the table was found.
    pub found: bool,
    /// Sums that held.
    pub passed: usize,
    /// Sums that broke.
    pub failed: usize,
    /// Sums that need a person (blank, inferred or ambiguous inputs).
    pub review: usize,
    /// Sums that could not run.
    pub cannot_run: usize,
}

/// A decision that matches no finding any more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleDecision {
    /// The fingerprint it was made for.
    pub fingerprint: String,
    /// The rule of the finding then.
    pub rule: String,
    /// 已核实 or 忽略.
    pub status: Status,
    /// Why.
    pub reason: String,
}

impl Report {
    /// The contract object of one report.
    pub fn new(entry: &crate::export::Entry<'_>) -> Report {
        let checked = entry.checked;
        let report = &checked.report;
        let mut cells = Vec::new();
        let mut inferred = Vec::new();
        for table in &report.tables {
            for cell in &table.cells {
                let value = match &cell.value {
                    Value::Number(n) => Some(Num(*n)),
                    Value::Blank { .. } | Value::Text(_) => None,
                    Value::Missing | Value::Ambiguous => continue,
                };
                if cell.inferred {
                    inferred.push(cell.addr.code());
                }
                cells.push((cell.addr.code(), value));
            }
        }
        let findings = checked
            .findings
            .iter()
            .map(|f| Finding {
                rule: f.rule.clone(),
                family: f.family.to_string(),
                also: f.also.clone(),
                severity: f.severity.into(),
                cells: f.cells.iter().map(ToString::to_string).collect(),
                message: f.message.clone(),
                expected: f.expected.map(Num),
                found: f.found.map(Num),
                hint: f.hint.clone(),
                fingerprint: f.fingerprint.clone(),
                decision: entry.decisions.get(f).map(|d| FindingDecision {
                    status: d.status.into(),
                    reason: d.reason.clone(),
                    decided_at: d.decided_at.clone(),
                }),
            })
            .collect();
        let diagnoses = checked
            .diagnoses
            .iter()
            .map(|d| Diagnosis {
                explains: d.explains.clone(),
                corrections: d
                    .corrections
                    .iter()
                    .map(|fixes| {
                        fixes
                            .iter()
                            .map(|f| Fix {
                                cell: f.cell.to_string(),
                                from: f.from,
                                to: f.to,
                                was_blank: f.was_blank,
                            })
                            .collect()
                    })
                    .collect(),
                evidence: d.evidence.clone(),
            })
            .collect();
        let ids: &[TableId] = if report.table(TableId::Pre2019).is_some() {
            &[TableId::Pre2019]
        } else {
            &[TableId::T3, TableId::T4]
        };
        let coverage = ids
            .iter()
            .map(|&id| {
                let s = checked.summary(id);
                let coverage = Coverage {
                    found: s.found,
                    passed: s.passed,
                    failed: s.failed,
                    review: s.review,
                    cannot_run: s.cannot_run,
                };
                (id.code().to_string(), coverage)
            })
            .collect();
        let stale = (!entry.decisions.decisions.is_empty()).then(|| {
            entry
                .decisions
                .stale(checked)
                .iter()
                .map(|d| StaleDecision {
                    fingerprint: d.fingerprint.clone(),
                    rule: d.rule.clone(),
                    status: d.status.into(),
                    reason: d.reason.clone(),
                })
                .collect()
        });
        Report {
            file: entry.file.to_string(),
            template: report.template.into(),
            year: report.year,
            verdict: checked.verdict().into(),
            not_checked: Some(checked.gaps()),
            agency: Some(report.agency_name().map(str::to_string)),
            cells: Ordered(cells),
            inferred: Some(inferred),
            findings,
            diagnoses: Some(diagnoses),
            coverage: Some(Ordered(coverage)),
            encoding: checked.source.as_ref().map(|s| s.encoding.name().to_string()),
            stale_decisions: stale,
            error: checked.unreadable.map(|why| why.message().to_string()),
        }
    }

    /// The object for a file that could not even be opened (the shell's message).
    pub fn io_error(file: &str, message: &str) -> Report {
        Report {
            file: file.to_string(),
            template: Template::Unknown,
            year: None,
            verdict: Verdict::Unreadable,
            not_checked: None,
            agency: None,
            cells: Ordered::default(),
            inferred: None,
            findings: Vec::new(),
            diagnoses: None,
            coverage: None,
            encoding: None,
            stale_decisions: None,
            error: Some(message.to_string()),
        }
    }
}

/// The decisions file (`<报告>.gouji.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionsFile {
    /// Always [`crate::review::FORMAT`].
    pub format: String,
    /// The report's agency when the file was written.
    #[serde(default)]
    pub agency: Option<String>,
    /// The report's year when the file was written.
    #[serde(default)]
    pub year: Option<i32>,
    /// The decisions, in the order they were made.
    pub decisions: Vec<Decision>,
}

/// One decision of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// The finding's rule id then.
    #[serde(default)]
    pub rule: String,
    /// 已核实 or 忽略.
    pub status: Status,
    /// Why.
    #[serde(default)]
    pub reason: String,
    /// The finding's message then.
    #[serde(default)]
    pub message: String,
    /// When.
    #[serde(default)]
    pub decided_at: String,
}

impl From<&crate::review::Decisions> for DecisionsFile {
    fn from(decisions: &crate::review::Decisions) -> DecisionsFile {
        DecisionsFile {
            format: crate::review::FORMAT.to_string(),
            agency: decisions.agency.clone(),
            year: decisions.year,
            decisions: decisions
                .decisions
                .iter()
                .map(|d| Decision {
                    fingerprint: d.fingerprint.clone(),
                    rule: d.rule.clone(),
                    status: d.status.into(),
                    reason: d.reason.clone(),
                    message: d.message.clone(),
                    decided_at: d.decided_at.clone(),
                })
                .collect(),
        }
    }
}

/// `value` as one line of JSON (no line break inside).
pub fn line<T: Serialize + ?Sized>(value: &T) -> String {
    write_with(value, OneLine)
}

/// The decisions file's text: one decision per line, a final line break.
pub fn decisions_text(file: &DecisionsFile) -> String {
    let mut text = write_with(file, OneDecisionPerLine { depth: 0, empty: true });
    text.push('\n');
    text
}

fn write_with<T: Serialize + ?Sized, F: serde_json::ser::Formatter>(value: &T, f: F) -> String {
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, f);
    // Writing to memory fails only for a map key that is not a string, which no type here has.
    let _ = value.serialize(&mut serializer);
    String::from_utf8(out).unwrap_or_default()
}

/// Strings as gouji has always escaped them: control characters other than `\n`, `\r`, `\t`
/// as `\u00XX`; U+2028 and U+2029 (line breaks to JavaScript) as `\u2028`, `\u2029`.
fn escape_fragment<W: ?Sized + io::Write>(writer: &mut W, fragment: &str) -> io::Result<()> {
    let mut rest = fragment;
    while let Some(at) = rest.find(['\u{2028}', '\u{2029}']) {
        writer.write_all(&rest.as_bytes()[..at])?;
        let c = rest[at..].chars().next().unwrap_or_default();
        write!(writer, "\\u{:04x}", c as u32)?;
        rest = &rest[at + c.len_utf8()..];
    }
    writer.write_all(rest.as_bytes())
}

fn escape_char<W: ?Sized + io::Write>(
    writer: &mut W,
    escape: &serde_json::ser::CharEscape,
) -> io::Result<()> {
    use serde_json::ser::CharEscape;
    let text = match *escape {
        CharEscape::Quote => "\\\"",
        CharEscape::ReverseSolidus => "\\\\",
        CharEscape::Solidus => "\\/",
        CharEscape::LineFeed => "\\n",
        CharEscape::CarriageReturn => "\\r",
        CharEscape::Tab => "\\t",
        CharEscape::Backspace => "\\u0008",
        CharEscape::FormFeed => "\\u000c",
        CharEscape::AsciiControl(byte) => return write!(writer, "\\u{byte:04x}"),
    };
    writer.write_all(text.as_bytes())
}

/// Compact JSON, gouji's escapes.
struct OneLine;

impl serde_json::ser::Formatter for OneLine {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        escape_fragment(writer, fragment)
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> io::Result<()> {
        escape_char(writer, &escape)
    }
}

/// The decisions file's layout: the top object's fields one per line, each decision on a line
/// of its own (`, ` and `: ` inside), gouji's escapes.
struct OneDecisionPerLine {
    depth: usize,
    empty: bool,
}

impl serde_json::ser::Formatter for OneDecisionPerLine {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        escape_fragment(writer, fragment)
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> io::Result<()> {
        escape_char(writer, &escape)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        match (first, self.depth) {
            (true, _) => Ok(()),
            (false, 1) => writer.write_all(b",\n "),
            (false, _) => writer.write_all(b", "),
        }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.empty = true;
        writer.write_all(if self.depth == 2 { b"[\n" } else { b"[" })
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        match (self.depth, self.empty) {
            (1, true) => writer.write_all(b" ]"),
            (1, false) => writer.write_all(b"\n ]"),
            _ => writer.write_all(b"]"),
        }
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.empty = false;
        match (first, self.depth) {
            (true, 2) => writer.write_all(b"  "),
            (false, 2) => writer.write_all(b",\n  "),
            (true, _) => Ok(()),
            (false, _) => writer.write_all(b","),
        }
    }
}

/// Why a JSON text could not be read, in Chinese: the line and column (from 1) and what is
/// wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// The line (from 1), 0 when unknown.
    pub line: usize,
    /// The column (from 1), 0 when unknown.
    pub column: usize,
    /// What is wrong, in Chinese.
    pub what: String,
    /// True when the text is JSON but not of the expected shape.
    pub shape: bool,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.what)
        } else if self.column == 0 {
            write!(f, "第 {} 行：{}", self.line, self.what)
        } else {
            write!(f, "第 {} 行第 {} 列：{}", self.line, self.column, self.what)
        }
    }
}

/// Reads `T` from JSON text, strictly (`serde_json`), with a Chinese error.
pub fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        what: chinese(&e),
        shape: e.is_data(),
    })
}

/// `serde_json`'s message in Chinese.
fn chinese(error: &serde_json::Error) -> String {
    in_chinese(&error.to_string())
}

/// A serde error message (“missing field …”, “unknown variant …”, “invalid type: …”, or one
/// of `serde_json`'s syntax errors) in Chinese, without its “at line L column C”; an unknown
/// one is quoted as it is.
pub fn in_chinese(message: &str) -> String {
    // serde quotes names and values in backticks: “…” in Chinese.
    let mut text = String::new();
    for (k, part) in message.split('`').enumerate() {
        if k > 0 {
            text.push(if k % 2 == 1 { '\u{201c}' } else { '\u{201d}' });
        }
        text.push_str(part);
    }
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    if let Some(rest) = text.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("值 {value} 不是可用的取值（应为 {expected}）");
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("类型不对：此处是 {found}，应为 {expected}");
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("取值不对：{found}，应为 {expected}");
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        return format!("字段 {rest} 出现了两次");
    }
    if let Some(rest) = text.strip_prefix("duplicate key ") {
        return format!("键 {rest} 出现了两次");
    }
    let words = match text {
        t if t.starts_with("EOF while parsing") => "文件在此处意外结束（括号或引号没有闭合）",
        "expected value" => "此处应为一个值（数字、字符串、true/false/null、对象或数组）",
        "expected ident" => "此处应为 true、false 或 null",
        "expected \u{201c}:\u{201d}" => "此处应为冒号“:”",
        "expected \u{201c},\u{201d} or \u{201c}]\u{201d}" => "此处应为逗号“,”或“]”",
        "expected \u{201c},\u{201d} or \u{201c}}\u{201d}" => "此处应为逗号“,”或“}”",
        "key must be a string" => "对象的键必须是带引号的字符串",
        "invalid number" => "数字格式不对（不能有前导零如 02023，小数点后须有数字如 2023.0）",
        "number out of range" => "数字超出范围",
        "invalid escape" => "字符串中有无效的转义（\\ 后只能是 \" \\ / b f n r t u）",
        "invalid unicode code point" => "字符串中有无效的 \\u 转义",
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "字符串中有不成对的 \\u 代理项转义（如 \\uD83D 后没有 \\uDC00–\\uDFFF）"
        }
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "字符串中有未转义的控制字符（如换行）"
        }
        "trailing characters" => "JSON 结束后还有多余的内容",
        "trailing comma" => "多余的逗号",
        "recursion limit exceeded" => "嵌套层数过多",
        "invalid UTF-8" | "invalid UTF-8 in string" => "不是有效的 UTF-8 文本",
        other => return format!("格式错误（{other}）"),
    };
    words.to_string()
}
