//! The arithmetic of the format: which cells must sum to which (RULEBOOK §2.2, §2.3).
//!
//! Each [`Identity`] says `Σ total = Σ parts`. The same list serves three users: the glued-digit
//! splitter (to choose between splits), the rules (to check), and the culprit search (to find
//! the fewest cells whose correction reconciles everything). Defined once, here.

use super::address::{CellRef, Col, Row, TableId};
use super::{Layout, Table};
use crate::rules::{At, CheckId, RuleId};

/// One sum the table must satisfy: `Σ total = Σ parts`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Identity {
    /// The rule family, e.g. `T3-ROW`.
    pub rule: RuleId,
    /// Where it applies: `T3-ROW` at row `R3.1` is the check `T3-ROW-R3.1`.
    pub at: At,
    /// The written side (a 总计 cell; for the balance, 办理结果总计 + 结转下年度).
    pub total: Vec<CellRef>,
    /// The side that is added up.
    pub parts: Vec<CellRef>,
}

impl Identity {
    /// The concrete check (`T3-ROW` at `R3.1`).
    pub fn check(&self) -> CheckId {
        self.rule.at(self.at)
    }

    /// The concrete check id, e.g. `T3-ROW-R3.1`, `T3-BAL-NP`, `T4-RV`.
    pub fn id(&self) -> String {
        self.check().to_string()
    }

    /// Every cell of the identity, total side first.
    pub fn cells(&self) -> impl Iterator<Item = CellRef> + '_ {
        self.total.iter().chain(&self.parts).copied()
    }

    /// True when `cell` takes part in the identity.
    pub fn involves(&self, cell: CellRef) -> bool {
        self.cells().any(|c| c == cell)
    }

    /// The coefficient of `cell`: +1 on the total side, -1 on the parts side, 0 otherwise.
    pub fn coefficient(&self, cell: CellRef) -> i64 {
        let plus = self.total.iter().filter(|&&c| c == cell).count() as i64;
        let minus = self.parts.iter().filter(|&&c| c == cell).count() as i64;
        plus - minus
    }
}

/// The applicant columns of 表三 (without totals).
pub const T3_APPLICANTS: [Col; 6] = [Col::NP, Col::CE, Col::RI, Col::SW, Col::LS, Col::OT];
/// The 法人或其他组织 columns of 表三.
pub const T3_ORGS: [Col; 5] = [Col::CE, Col::RI, Col::SW, Col::LS, Col::OT];
/// The outcome rows of 表三 in the 2021 layout, in order.
pub const T3_OUTCOMES_2021: [Row; 22] = [
    Row::R3_1,
    Row::R3_2,
    Row::R3_3_1,
    Row::R3_3_2,
    Row::R3_3_3,
    Row::R3_3_4,
    Row::R3_3_5,
    Row::R3_3_6,
    Row::R3_3_7,
    Row::R3_3_8,
    Row::R3_4_1,
    Row::R3_4_2,
    Row::R3_4_3,
    Row::R3_5_1,
    Row::R3_5_2,
    Row::R3_5_3,
    Row::R3_5_4,
    Row::R3_5_5,
    Row::R3_6_1,
    Row::R3_6_2,
    Row::R3_6_3,
    Row::R3_7,
];

/// The leaf rows of 表三 (rows with numbers in the official layout), in order.
pub fn t3_leaves(layout: Layout) -> Vec<Row> {
    let mut rows = vec![Row::R1, Row::R2];
    rows.extend(t3_outcomes(layout));
    rows.push(Row::R3_7);
    rows.push(Row::R4);
    rows
}

/// The outcome rows that （七）总计 adds up.
pub fn t3_outcomes(layout: Layout) -> Vec<Row> {
    let mut rows: Vec<Row> = T3_OUTCOMES_2021[..18].to_vec();
    match layout {
        Layout::Y2021 => rows.extend([Row::R3_6_1, Row::R3_6_2, Row::R3_6_3]),
        Layout::Y2019 => rows.push(Row::R3_6),
    }
    rows
}

/// The leaves of an outcome group (for subtotal rows).
pub fn t3_group(group: Row) -> &'static [Row] {
    match group {
        Row::R3_3 => &T3_OUTCOMES_2021[2..10],
        Row::R3_4 => &T3_OUTCOMES_2021[10..13],
        Row::R3_5 => &T3_OUTCOMES_2021[13..18],
        Row::R3_6 => &T3_OUTCOMES_2021[18..21],
        _ => &[],
    }
}

/// The columns of 表四.
pub const T4_PARTS: [Col; 4] = [Col::keep, Col::fix, Col::oth, Col::pend];

/// Every identity of `table` (none for 表二, which has no sums).
pub fn identities(table: &Table) -> Vec<Identity> {
    match table.id {
        TableId::T2 => Vec::new(),
        TableId::T3 => t3_identities(table.layout, table.has_subtotal_column, &table.subtotal_rows),
        TableId::T4 => t4_identities(),
        TableId::Pre2019 => p_identities(&table.rows(), &table.cols()),
    }
}

/// The groups of the pre-2019 statistics table: an indicator, its `其中` parts, and whether
/// the parts are an exhaustive split (RULEBOOK §3.2: 申请总数 = Σ 申请方式, 答复总数 = Σ 答复类型;
/// 主动公开 by channel is not exhaustive everywhere).
pub const P_GROUPS: &[(Row, &[Row], bool)] = &[
    (Row::ACT, &[Row::ACT_WEB, Row::ACT_GAZ], false),
    (
        Row::REQ,
        &[
            Row::REQ_F2F,
            Row::REQ_FAX,
            Row::REQ_MAIL,
            Row::REQ_WEB,
            Row::REQ_POST,
            Row::REQ_POSTFAX,
            Row::REQ_OTH,
        ],
        true,
    ),
    (Row::ANS, &[Row::ANS_OPEN, Row::ANS_PART, Row::ANS_DENY, Row::ANS_OTH], true),
];

/// The indicator whose `其中` part `row` is.
pub fn p_parent(row: Row) -> Option<Row> {
    P_GROUPS.iter().find(|(_, parts, _)| parts.contains(&row)).map(|(parent, _, _)| *parent)
}

/// The sums of the statistics table with `rows`: each exhaustive group's parts add up to it,
/// per column (`PRE-SUM-REQ-y`).
pub fn p_identities(rows: &[Row], cols: &[Col]) -> Vec<Identity> {
    let mut out = Vec::new();
    for &(parent, parts, exhaustive) in P_GROUPS {
        let present: Vec<Row> = parts.iter().copied().filter(|r| rows.contains(r)).collect();
        if !exhaustive || present.is_empty() || !rows.contains(&parent) {
            continue;
        }
        for &col in cols {
            out.push(Identity {
                rule: RuleId::PreSum,
                at: At::Cell(parent, col),
                total: vec![CellRef::new(TableId::Pre2019, parent, col)],
                parts: present.iter().map(|&r| CellRef::new(TableId::Pre2019, r, col)).collect(),
            });
        }
    }
    out
}

/// The identities of 表三 for a layout and its local variants.
pub fn t3_identities(layout: Layout, lp_column: bool, subtotal_rows: &[Row]) -> Vec<Identity> {
    let cell = |row, col| CellRef::new(TableId::T3, row, col);
    let mut rows = t3_leaves(layout);
    rows.extend(subtotal_rows.iter().copied());
    let mut cols: Vec<Col> = T3_APPLICANTS.to_vec();
    if lp_column {
        cols.push(Col::LP);
    }
    cols.push(Col::T3_TOT);
    let outcomes = t3_outcomes(layout);
    let mut out = Vec::with_capacity(2 * rows.len() + (2 + subtotal_rows.len()) * cols.len());
    // T3-ROW: 总计 = the six applicant columns (with a 小计 column: 总计 = 自然人 + 小计).
    for &row in &rows {
        if lp_column {
            out.push(Identity {
                rule: RuleId::T3Lp,
                at: At::Row(row),
                total: vec![cell(row, Col::LP)],
                parts: T3_ORGS.iter().map(|&c| cell(row, c)).collect(),
            });
            out.push(Identity {
                rule: RuleId::T3Row,
                at: At::Row(row),
                total: vec![cell(row, Col::T3_TOT)],
                parts: vec![cell(row, Col::NP), cell(row, Col::LP)],
            });
        } else {
            out.push(Identity {
                rule: RuleId::T3Row,
                at: At::Row(row),
                total: vec![cell(row, Col::T3_TOT)],
                parts: T3_APPLICANTS.iter().map(|&c| cell(row, c)).collect(),
            });
        }
    }
    for &col in &cols {
        out.push(Identity {
            rule: RuleId::T3Out,
            at: At::Col(col),
            total: vec![cell(Row::R3_7, col)],
            parts: outcomes.iter().map(|&row| cell(row, col)).collect(),
        });
    }
    for &col in &cols {
        out.push(Identity {
            rule: RuleId::T3Bal,
            at: At::Col(col),
            total: vec![cell(Row::R3_7, col), cell(Row::R4, col)],
            parts: vec![cell(Row::R1, col), cell(Row::R2, col)],
        });
    }
    for &group in subtotal_rows {
        for &col in &cols {
            out.push(Identity {
                rule: RuleId::T3Sub,
                at: At::Cell(group, col),
                total: vec![cell(group, col)],
                parts: t3_group(group).iter().map(|&row| cell(row, col)).collect(),
            });
        }
    }
    out
}

/// The identities of 表四: each group's 总计 = its four results.
pub fn t4_identities() -> Vec<Identity> {
    [(Row::RV, RuleId::T4Rv), (Row::LD, RuleId::T4Ld), (Row::LR, RuleId::T4Lr)]
        .into_iter()
        .map(|(row, rule)| Identity {
            rule,
            at: At::Whole,
            total: vec![CellRef::new(TableId::T4, row, Col::t4_tot)],
            parts: T4_PARTS.iter().map(|&col| CellRef::new(TableId::T4, row, col)).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_rulebook() {
        let ids = t3_identities(Layout::Y2021, false, &[]);
        let count = |rule: RuleId| ids.iter().filter(|i| i.rule == rule).count();
        assert_eq!((count(RuleId::T3Row), count(RuleId::T3Out), count(RuleId::T3Bal)), (25, 7, 7));
        let ids = t3_identities(Layout::Y2019, false, &[]);
        assert_eq!(ids.iter().filter(|i| i.rule == RuleId::T3Row).count(), 23);
        let out = ids.iter().find(|i| i.id() == "T3-OUT-NP").unwrap();
        assert_eq!(out.parts.len(), 19);
        // The 28 × 8 local variant: three subtotal rows and a 小计 column.
        let ids = t3_identities(Layout::Y2021, true, &[Row::R3_3, Row::R3_4, Row::R3_5]);
        assert_eq!(ids.iter().filter(|i| i.rule == RuleId::T3Row).count(), 28);
        assert_eq!(ids.iter().filter(|i| i.rule == RuleId::T3Sub).count(), 3 * 8);
    }
}
