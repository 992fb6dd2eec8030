//! What the engine tells the user: plain public data, no behaviour.

use crate::span::{SourceRange, TextRange};

use crate::model::{CellRef, Number};
use crate::rules::RuleId;

/// How serious a finding is (RULEBOOK §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Severity {
    /// An identity is broken or a value is impossible: the tables are wrong as published.
    Error,
    /// A careful reviewer would query it.
    Warning,
    /// Worth a look.
    Info,
}

impl Severity {
    /// The contract's spelling: `"error"`, `"warning"`, `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The Chinese name: 错误, 警告, 提示.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A string of the engine's own (a label of the format), never one read
/// from the input. (Spelled as an alias so that `serde` reads it back through
/// `serde_static`, which finds the engine's copy, instead of borrowing from the input.)
pub type StaticStr = &'static str;

/// One problem found in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Finding {
    /// The concrete check id, e.g. `T3-BAL-NP` (a [`crate::rules::CheckId`]'s text).
    pub rule: String,
    /// The rule family (`T3-BAL`).
    pub family: RuleId,
    /// How serious it is (always the registry's severity for the family).
    pub severity: Severity,
    /// What is wrong, with the numbers, in Chinese.
    pub message: String,
    /// What to do about it, in Chinese.
    pub hint: Option<String>,
    /// The cells involved; the first is the one most likely at fault.
    pub cells: Vec<CellRef>,
    /// The value the numbers call for (for a sum: the sum of the parts).
    pub expected: Option<Number>,
    /// The value written.
    pub found: Option<Number>,
    /// Where in the source text it is, when it is not a cell (a sentence of the narrative);
    /// set by `check` from `text_span`.
    pub span: Option<SourceRange>,
    /// The same place in the normalized text, as the rule found it.
    pub text_span: Option<TextRange>,
    /// A stable key for reviewer decisions ([`crate::review::fingerprint`]): the same for the
    /// same problem on every re-check, different when its numbers change.
    pub fingerprint: String,
    /// The other checks this one mistake breaks (concrete ids): one wrong cell breaks its
    /// row's sum, its column's and the balance at once, and is one finding.
    pub also: Vec<String>,
}

impl Finding {
    /// True when the finding is of rule family `family`, or explains a check of it.
    pub fn concerns(&self, family: RuleId) -> bool {
        self.family == family
            || self
                .also
                .iter()
                .any(|id| crate::rules::rule(id).is_some_and(|rule| rule.id == family.id()))
    }
}
