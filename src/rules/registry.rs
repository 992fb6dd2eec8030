//! Every rule, once: id, severity, status and the user documentation shown in the page and
//! printed by `gouji rule ID`. [`declare_rules!`] turns the one list below into the
//! [`RuleId`] enum and the [`RULES`] table, so a rule the code names is a variant (a typo is a
//! compile error) and every variant has its row. Each rule's documentation is the Markdown file
//! `src/rules/docs/<ID>.md`, included at compile time.
//!
//! Findings carry concrete ids (`T3-BAL-NP`): a [`CheckId`] is a rule and where it applies,
//! and its [`Display`](fmt::Display) is the one place such an id is spelled.

use std::fmt;

use crate::finding::Severity;
use crate::model::{Col, Row};

/// Whether a rule is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stability {
    /// Stable: its id and meaning will not change.
    Stable,
    /// A new heuristic: shown as a hint, never counted as an error.
    Preview,
}

/// One rule family.
#[derive(Debug)]
pub struct Rule {
    /// The stable id, e.g. `T3-BAL`.
    pub id: &'static str,
    /// A kebab-case name that names the problem.
    pub name: &'static str,
    /// Severity of every finding of the rule.
    pub severity: Severity,
    /// Stable or preview.
    pub status: Stability,
    /// One line in Chinese.
    pub title: &'static str,
    /// The documentation, Markdown in Chinese: 检查内容 / 为什么 / 如何修改 / 依据 (empty
    /// without the `rule-docs` feature).
    pub doc: &'static str,
}

/// A documentation file's text without the newline that ends the file; empty without the
/// `rule-docs` feature (the page's wasm: its rule pages read `docs/rules.json`, inlined).
const fn doc(text: &'static str) -> &'static str {
    if cfg!(feature = "rule-docs") { text.trim_ascii_end() } else { "" }
}

/// Declares the rules: `Variant = "ID" { name, severity, status, title }`, in display order;
/// the documentation is `docs/ID.md`.
macro_rules! declare_rules {
    ($($variant:ident = $id:literal {
        name: $name:literal,
        severity: $severity:ident,
        status: $status:ident,
        title: $title:literal,
    })*) => {
        /// A rule family, as the code names it (`RuleId::T3Bal` is `T3-BAL`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum RuleId {
            $(#[doc = $id] $variant,)*
        }

        /// Every rule family, in display order.
        pub static RULE_IDS: &[RuleId] = &[$(RuleId::$variant),*];

        /// The registry, in display order: the `n`th rule is the `n`th [`RuleId`].
        pub static RULES: &[Rule] = &TABLE;

        static TABLE: [Rule; [$($id),*].len()] = [$(Rule {
            id: $id,
            name: $name,
            severity: Severity::$severity,
            status: Stability::$status,
            title: $title,
            doc: doc(include_str!(concat!("docs/", $id, ".md"))),
        },)*];
    };
}

impl RuleId {
    /// The rule's row in the registry.
    pub fn rule(self) -> &'static Rule {
        // The enum and the table come from the same list, in the same order.
        &TABLE[self as usize]
    }

    /// The family id, e.g. `T3-BAL`.
    pub fn id(self) -> &'static str {
        self.rule().id
    }

    /// The check of this rule at `at` (`RuleId::T3Bal.at(At::Col(Col::NP))` is `T3-BAL-NP`).
    pub fn at(self, at: At) -> CheckId {
        CheckId { rule: self, at }
    }

    /// The rule whose family id is `id` exactly.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RULE_IDS.iter().copied().find(|rule| rule.id() == id)
    }
}

/// Where a check of a rule applies: what its concrete id adds to the family id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum At {
    /// The rule as a whole (`T4-RV`, `XY-DUP`).
    Whole,
    /// One row (`T3-ROW-R3.7`).
    Row(Row),
    /// One column (`T3-BAL-NP`).
    Col(Col),
    /// One cell (`T3-SUB-R3.3-NP`).
    Cell(Row, Col),
}

/// A concrete check id: a rule and where it applies. Its text (`T3-ROW-R3.7`) is what
/// findings, checks and reviewer decisions carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CheckId {
    /// The rule family.
    pub rule: RuleId,
    /// Where it applies.
    pub at: At,
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl From<RuleId> for CheckId {
    fn from(rule: RuleId) -> CheckId {
        rule.at(At::Whole)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.rule.id();
        match self.at {
            At::Whole => f.write_str(id),
            At::Row(row) => write!(f, "{id}-{}", row.code()),
            At::Col(col) => write!(f, "{id}-{}", col.code()),
            At::Cell(row, col) => write!(f, "{id}-{}-{}", row.code(), col.code()),
        }
    }
}

declare_rules! {
    T3Row = "T3-ROW" {
        name: "requests-row-total-mismatch",
        severity: Error,
        status: Stable,
        title: "表三每一行的总计应等于各类申请人之和",
    }
    T3Out = "T3-OUT" {
        name: "requests-outcome-total-mismatch",
        severity: Error,
        status: Stable,
        title: "表三（七）总计应等于各项办理结果之和",
    }
    T3Bal = "T3-BAL" {
        name: "requests-balance-mismatch",
        severity: Error,
        status: Stable,
        title: "表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
    }
    T3Cap = "T3-CAP" {
        name: "requests-more-closed-than-received",
        severity: Error,
        status: Stable,
        title: "表三：办结数和结转数都不能超过受理总数",
    }
    T3Empty = "T3-EMPTY" {
        name: "requests-results-without-requests",
        severity: Error,
        status: Stable,
        title: "表三：没有受理申请，就不应有办理结果",
    }
    T3Lp = "T3-LP" {
        name: "requests-org-subtotal-mismatch",
        severity: Error,
        status: Stable,
        title: "表三（地方样式）：法人或其他组织小计应等于五类组织之和",
    }
    T3Sub = "T3-SUB" {
        name: "requests-group-subtotal-mismatch",
        severity: Error,
        status: Stable,
        title: "表三（地方样式）：分组小计应等于其各项之和",
    }
    T4Rv = "T4-RV" {
        name: "review-total-mismatch",
        severity: Error,
        status: Stable,
        title: "表四：行政复议总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    }
    T4Ld = "T4-LD" {
        name: "direct-litigation-total-mismatch",
        severity: Error,
        status: Stable,
        title: "表四：未经复议直接起诉的总计应等于四项之和",
    }
    T4Lr = "T4-LR" {
        name: "litigation-after-review-total-mismatch",
        severity: Error,
        status: Stable,
        title: "表四：复议后起诉的总计应等于四项之和",
    }
    T4Cnt = "T4-CNT" {
        name: "appeals-cell-count",
        severity: Warning,
        status: Stable,
        title: "表四应有 15 个数字",
    }
    ValInt = "VAL-INT" {
        name: "count-not-integer",
        severity: Error,
        status: Stable,
        title: "件数必须是整数",
    }
    ValNeg = "VAL-NEG" {
        name: "count-negative",
        severity: Error,
        status: Stable,
        title: "件数不能为负数",
    }
    ValFee = "VAL-FEE" {
        name: "fee-unit-suspect",
        severity: Warning,
        status: Stable,
        title: "行政事业性收费的单位是万元",
    }
    ValBlank = "VAL-BLANK" {
        name: "blank-cell",
        severity: Warning,
        status: Stable,
        title: "空白单元格应填 0",
    }
    ValText = "VAL-TEXT" {
        name: "text-in-number-cell",
        severity: Warning,
        status: Stable,
        title: "数字单元格中有文字",
    }
    ValMag = "VAL-MAG" {
        name: "implausible-magnitude",
        severity: Info,
        status: Stable,
        title: "数字大得不合常理",
    }
    StrShape = "STR-SHAPE" {
        name: "table-missing",
        severity: Error,
        status: Stable,
        title: "完整的报告缺少表二、表三或表四",
    }
    StrRows = "STR-ROWS" {
        name: "table-rows-incomplete",
        severity: Warning,
        status: Stable,
        title: "表格的行不全，或某行数字个数不对",
    }
    StrSections = "STR-SECTIONS" {
        name: "section-headings",
        severity: Warning,
        status: Stable,
        title: "报告应有六个部分，按顺序编号",
    }
    YrTitlePeriod = "YR-TITLE-PERIOD" {
        name: "title-year-vs-period",
        severity: Error,
        status: Stable,
        title: "标题年份应与统计期限一致",
    }
    YrFormat = "YR-FORMAT" {
        name: "outdated-format",
        severity: Warning,
        status: Stable,
        title: "报告年份与所用格式不符",
    }
    NarRecv = "NAR-RECV" {
        name: "narrative-received-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的收到申请数应与表三一致",
    }
    NarCarryin = "NAR-CARRYIN" {
        name: "narrative-carried-in-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的上年结转数应与表三一致",
    }
    NarDone = "NAR-DONE" {
        name: "narrative-done-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的办结数应与表三（七）总计一致",
    }
    NarCarryout = "NAR-CARRYOUT" {
        name: "narrative-carried-out-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的结转下年度数应与表三一致",
    }
    NarOutcome = "NAR-OUTCOME" {
        name: "narrative-outcome-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的各类办理结果应与表三一致",
    }
    NarPct = "NAR-PCT" {
        name: "narrative-percent-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的百分比应与件数一致",
    }
    NarZeroApp = "NAR-ZERO-APP" {
        name: "narrative-no-applications-contradiction",
        severity: Info,
        status: Preview,
        title: "正文说未收到申请，表三却有申请",
    }
    NarReview = "NAR-REVIEW" {
        name: "narrative-review-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的行政复议数应与表四一致",
    }
    NarLit = "NAR-LIT" {
        name: "narrative-litigation-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的行政诉讼数应与表四一致",
    }
    NarZeroRl = "NAR-ZERO-RL" {
        name: "narrative-no-cases-contradiction",
        severity: Info,
        status: Preview,
        title: "正文说没有复议诉讼，表四却不为 0",
    }
    NarFee = "NAR-FEE" {
        name: "narrative-fee-inconsistent",
        severity: Info,
        status: Preview,
        title: "正文各处的信息处理费应一致",
    }
    NarFeeStep = "NAR-FEE-STEP" {
        name: "fee-not-a-tariff-step",
        severity: Info,
        status: Preview,
        title: "信息处理费通常是 10 元的整数倍",
    }
    NarSec6Fee = "NAR-SEC6-FEE" {
        name: "section-six-without-fee",
        severity: Info,
        status: Preview,
        title: "第六部分应说明信息处理费的收取情况",
    }
    NarSec5Empty = "NAR-SEC5-EMPTY" {
        name: "section-five-empty",
        severity: Info,
        status: Preview,
        title: "第五部分不应空缺",
    }
    T2ValidGeMade = "T2-VALID-GE-MADE" {
        name: "valid-fewer-than-made",
        severity: Info,
        status: Preview,
        title: "表二现行有效件数通常不少于本年制发件数",
    }
    T2RuleLevel = "T2-RULE-LEVEL" {
        name: "county-with-regulations",
        severity: Info,
        status: Preview,
        title: "县级及以下单位不应有规章",
    }
    T2FeeUnit = "T2-FEE-UNIT" {
        name: "fee-unit-confusion",
        severity: Info,
        status: Preview,
        title: "表二收费金额（万元）与正文金额（元）对不上",
    }
    T2NarrNorm = "T2-NARR-NORM" {
        name: "narrative-norms-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的规范性文件数应与表二一致",
    }
    T2NarrEnf = "T2-NARR-ENF" {
        name: "narrative-decisions-mismatch",
        severity: Info,
        status: Preview,
        title: "正文的行政许可、处罚、强制决定数应与表二一致",
    }
    YrPeriodFull = "YR-PERIOD-FULL" {
        name: "period-not-a-year",
        severity: Warning,
        status: Stable,
        title: "统计期限应为完整的一年",
    }
    YrPub = "YR-PUB" {
        name: "published-late",
        severity: Info,
        status: Preview,
        title: "年度报告应按期公布",
    }
    YrText = "YR-TEXT" {
        name: "wrong-year-in-narrative",
        severity: Info,
        status: Preview,
        title: "正文不应讲其他年度的工作",
    }
    StrLabel = "STR-LABEL" {
        name: "label-wording",
        severity: Info,
        status: Stable,
        title: "表格标签与格式原文不符",
    }
    StrNote = "STR-NOTE" {
        name: "missing-balance-note",
        severity: Info,
        status: Stable,
        title: "表三缺少勾稽关系说明",
    }
    StrName = "STR-NAME" {
        name: "unit-name-mismatch",
        severity: Info,
        status: Preview,
        title: "标题中的单位应与发布机构一致",
    }
    HintLitWithoutReview = "HINT-LIT-WITHOUT-REVIEW" {
        name: "litigation-after-review-without-review",
        severity: Info,
        status: Preview,
        title: "有复议后起诉，却没有行政复议",
    }
    HintAppealsWithoutRequests = "HINT-APPEALS-WITHOUT-REQUESTS" {
        name: "appeals-without-requests",
        severity: Info,
        status: Preview,
        title: "没有申请，却有复议诉讼",
    }
    HintOtherOutcome = "HINT-OTHER-OUTCOME" {
        name: "outcomes-mostly-other",
        severity: Info,
        status: Preview,
        title: "“其他”处理占多数",
    }
    ParseGlued = "PARSE-GLUED" {
        name: "glued-digits-inferred",
        severity: Info,
        status: Stable,
        title: "数字连在一起，已按表内合计推断拆分",
    }
    ParseAmbiguous = "PARSE-AMBIGUOUS" {
        name: "glued-digits-ambiguous",
        severity: Warning,
        status: Stable,
        title: "数字连在一起，无法唯一拆分",
    }
    ParseOrder = "PARSE-ORDER" {
        name: "rows-matched-by-position",
        severity: Info,
        status: Stable,
        title: "部分行按位置对应",
    }
    InputUnreadable = "INPUT-UNREADABLE" {
        name: "unreadable-input",
        severity: Error,
        status: Stable,
        title: "无法读取输入",
    }
    InputDecode = "INPUT-DECODE" {
        name: "undecodable-characters",
        severity: Warning,
        status: Stable,
        title: "部分字符无法解码",
    }
    InputTruncated = "INPUT-TRUNCATED" {
        name: "input-truncated",
        severity: Warning,
        status: Stable,
        title: "输入过长，只检查了前一部分",
    }
    NarActive = "NAR-ACTIVE" {
        name: "narrative-proactive-count-differs",
        severity: Info,
        status: Preview,
        title: "正文的主动公开数应与统计表一致（2019 年以前）",
    }
    PrePart = "PRE-PART" {
        name: "stats-part-exceeds-indicator",
        severity: Error,
        status: Stable,
        title: "2019 年以前的统计表：“其中”分项不能大于总数",
    }
    PreCum = "PRE-CUM" {
        name: "stats-year-exceeds-cumulative",
        severity: Error,
        status: Stable,
        title: "2019 年以前的统计表：本年度不能大于历年累计",
    }
    PreSum = "PRE-SUM" {
        name: "stats-parts-do-not-add-up",
        severity: Warning,
        status: Stable,
        title: "2019 年以前的统计表：分项之和应等于总数",
    }
    PreRows = "PRE-ROWS" {
        name: "stats-unknown-indicators",
        severity: Info,
        status: Stable,
        title: "2019 年以前的统计表：有未检查的指标",
    }
    PreChain = "PRE-CHAIN" {
        name: "stats-cumulative-chain-broken",
        severity: Info,
        status: Preview,
        title: "2019 年以前的统计表：本年度的历年累计应等于上年的历年累计加本年度",
    }
    XyCarry = "XY-CARRY" {
        name: "carry-over-differs-from-last-year",
        severity: Warning,
        status: Stable,
        title: "跨年度：上年结转应等于上一年度报告的结转下年度继续办理",
    }
    XyStock = "XY-STOCK" {
        name: "valid-documents-do-not-follow-last-year",
        severity: Info,
        status: Preview,
        title: "跨年度：现行有效件数应约等于上年的加本年制发减本年废止",
    }
    XyDup = "XY-DUP" {
        name: "narrative-copied",
        severity: Info,
        status: Preview,
        title: "跨报告：正文与另一份报告几乎相同",
    }
    XyJump = "XY-JUMP" {
        name: "count-changed-more-than-five-fold",
        severity: Info,
        status: Preview,
        title: "跨年度：一个数比上年增减超过五倍",
    }
    XyZero = "XY-ZERO" {
        name: "count-from-many-to-zero",
        severity: Info,
        status: Preview,
        title: "跨年度：一类数从很多变为 0，或从 0 变为很多",
    }
    XyFixrate = "XY-FIXRATE" {
        name: "correction-rate-jumped",
        severity: Info,
        status: Preview,
        title: "跨年度：表四的纠正率大幅变化",
    }
    HierSum = "HIER-SUM" {
        name: "aggregate-differs-from-its-units",
        severity: Warning,
        status: Preview,
        title: "汇总报告：表三、表四应等于同批次下级单位报告之和",
    }
    StrRepeat = "STR-REPEAT" {
        name: "second-table-three",
        severity: Warning,
        status: Preview,
        title: "文本中有第二份不同的表三，未核对",
    }
    InputNoTables = "INPUT-NO-TABLES" {
        name: "no-report-tables",
        severity: Info,
        status: Stable,
        title: "未识别到年度报告表格",
    }
}

/// The rule of a concrete id (`T3-BAL-NP` → `T3-BAL`) or of a family id: for ids that come
/// as text (the command line, a decisions file, [`crate::Finding::also`]).
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .filter(|rule| {
            id == rule.id || id.strip_prefix(rule.id).is_some_and(|rest| rest.starts_with('-'))
        })
        .max_by_key(|rule| rule.id.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_docs_complete() {
        let mut ids = std::collections::BTreeSet::new();
        for rule in RULES {
            assert!(ids.insert(rule.id), "duplicate id {}", rule.id);
            assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", rule.name);
            for heading in ["## 检查内容", "## 为什么", "## 如何修改", "## 依据"] {
                assert!(rule.doc.contains(heading), "{} lacks {heading}", rule.id);
            }
            assert!(!rule.doc.ends_with('\n'), "{}", rule.id);
        }
        assert_eq!(rule("T3-BAL-NP").map(|r| r.id), Some("T3-BAL"));
        assert_eq!(rule("T3-ROW-R3.3.1").map(|r| r.id), Some("T3-ROW"));
        assert_eq!(rule("YR-TITLE-PERIOD").map(|r| r.id), Some("YR-TITLE-PERIOD"));
        assert_eq!(rule("T4-RV").map(|r| r.id), Some("T4-RV"));
        assert!(rule("NOPE").is_none());
    }

    #[test]
    fn the_enum_and_the_table_agree() {
        assert_eq!(RULE_IDS.len(), RULES.len());
        for (n, &id) in RULE_IDS.iter().enumerate() {
            assert_eq!(id.rule().id, RULES[n].id, "{id:?}");
            assert_eq!(RuleId::from_id(id.id()), Some(id));
        }
        assert_eq!(RuleId::T3Bal.id(), "T3-BAL");
        assert_eq!(RuleId::YrTitlePeriod.id(), "YR-TITLE-PERIOD");
    }

    #[test]
    fn concrete_ids_are_spelled_once() {
        let id = |rule: RuleId, at| rule.at(at).to_string();
        assert_eq!(id(RuleId::T4Rv, At::Whole), "T4-RV");
        assert_eq!(id(RuleId::T3Row, At::Row(Row::R3_7)), "T3-ROW-R3.7");
        assert_eq!(id(RuleId::T3Bal, At::Col(Col::NP)), "T3-BAL-NP");
        assert_eq!(id(RuleId::T3Sub, At::Cell(Row::R3_3, Col::T3_TOT)), "T3-SUB-R3.3-TOT");
        assert_eq!(CheckId::from(RuleId::XyDup).to_string(), "XY-DUP");
    }
}
