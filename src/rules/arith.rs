//! 表三 and 表四 arithmetic (RULEBOOK §2.2, §2.3): T3-ROW, T3-OUT, T3-BAL, T3-CAP, T3-EMPTY,
//! the local variants' T3-LP and T3-SUB, and T4-RV/LD/LR. Blank cells count as 0 (§2.1) and
//! say so; the culprit search decides which cell each failing finding names first.

use std::collections::BTreeSet;

use crate::finding::Finding;
use crate::model::{
    CellRef, Col, Identity, Note, Number, Report, Row, Table, TableId, Value, identities,
};

use super::culprit::{self, Diagnosis, Term};
use super::evidence;
use super::{At, Check, Outcome, Results, RuleId, finding};

pub(super) fn check(report: &Report, results: &mut Results) {
    let stated = evidence::stated(report);
    for table in &report.tables {
        if table.id == TableId::T2 {
            continue;
        }
        check_table(table, &stated, results);
    }
}

fn check_table(table: &Table, stated: &[evidence::Stated], results: &mut Results) {
    // Sets filled by `extend`, not `collect` (which sorts first: a copy of the standard sort
    // per element type in the page's wasm; these sets are small).
    let mut assumed: BTreeSet<&str> = BTreeSet::new();
    assumed.extend(table.notes.iter().flat_map(|note| match note {
        Note::Glued { assumed, .. } => assumed.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }));
    // Sums that break whatever the table's glued digits meant.
    let mut inconsistent: BTreeSet<&str> = BTreeSet::new();
    inconsistent.extend(table.notes.iter().flat_map(|note| match note {
        Note::Inconsistent { identities, .. } => identities.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }));
    let identities = identities(table);
    // The culprit search runs on integer values of every identity that could be evaluated.
    let int_value = |cell: CellRef| -> Option<(i64, bool)> {
        let cell = table.cell(cell.row, cell.col)?;
        int_of(cell)
    };
    let mut checks = Vec::with_capacity(identities.len());
    // Each check's total − parts in integers, for the culprit search (`None`: not integers).
    let mut residuals: Vec<Option<i64>> = Vec::with_capacity(identities.len());
    let mut unsure: Vec<Identity> = Vec::new();
    for identity in identities {
        // A cell read as blank only because nothing stood where it belongs (glued or PDF
        // text drops blank cells, and copies lose numbers): a sum that fails with it is not
        // an error on that ground alone.
        let (mut blank_or_inferred, mut vanished) = (false, false);
        // Each cell looked up once for both sums, the flags and the integers: the sum is
        // `None` when a cell has no value for sums, or on overflow (as `Number::sum` of them).
        let mut side = |cells: &[CellRef]| -> (Option<Number>, Option<i64>) {
            let (mut sum, mut int) = (Some(Number::int(0)), Some(0i64));
            for c in cells {
                let cell = table.cell(c.row, c.col);
                sum = sum.and_then(|acc| acc.checked_add(cell.and_then(|c| c.value.for_sums())?));
                // Wrapping, as the release build's `Sum` of them was.
                int = int.and_then(|acc| Some(acc.wrapping_add(int_of(cell?)?.0)));
                if let Some(cell) = cell {
                    let blank = matches!(cell.value, Value::Blank { .. });
                    blank_or_inferred |= cell.inferred || blank;
                    vanished |= cell.inferred && blank;
                }
            }
            (sum, int)
        };
        let ((total, int_total), (parts, int_parts)) =
            (side(&identity.total), side(&identity.parts));
        residuals.push(int_total.zip(int_parts).map(|(t, p)| t.wrapping_sub(p)));
        // The id is spelled only when a note names sums.
        let id = if assumed.is_empty() && inconsistent.is_empty() {
            String::new()
        } else {
            identity.id()
        };
        let is_assumed = assumed.contains(id.as_str());
        let outcome = match (total, parts) {
            (Some(t), Some(p)) if t != p && vanished && !inconsistent.contains(id.as_str()) => {
                unsure.push(identity.clone());
                Outcome::CannotRun
            }
            (Some(t), Some(p)) if t != p => Outcome::Failed,
            (Some(_), Some(_)) if is_assumed || blank_or_inferred => Outcome::NeedsReview,
            (Some(_), Some(_)) => Outcome::Passed,
            _ if inconsistent.contains(id.as_str()) => Outcome::Failed,
            _ => Outcome::CannotRun,
        };
        checks.push(Check { identity, outcome, total, parts, assumed: is_assumed });
    }

    let terms: Vec<Term<'_>> = checks
        .iter()
        .zip(&residuals)
        .filter(|(check, _)| check.outcome != Outcome::CannotRun)
        .filter_map(|(check, &residual)| {
            Some(Term { identity: &check.identity, residual: residual? })
        })
        .collect();
    let mut diagnoses = culprit::diagnose(&terms, &int_value);
    for diagnosis in &mut diagnoses {
        evidence::weigh(diagnosis, stated, &int_value);
    }

    results.findings.extend(mistakes(table, &checks, &diagnoses));
    if table.id == TableId::T3 {
        empty(table, &mut results.findings);
    }
    if !unsure.is_empty() {
        results.findings.push(vanished_blanks(table, &unsure));
    }
    results.diagnoses.extend(diagnoses);
    results.checks.extend(checks);
}

/// A cell's integer for the culprit search (a blank as 0, and said to be one).
fn int_of(cell: &crate::model::Cell) -> Option<(i64, bool)> {
    match &cell.value {
        Value::Number(n) => n.as_int().map(|v| (v, false)),
        Value::Blank { .. } => Some((0, true)),
        _ => None,
    }
}

/// See [`super::reweigh`].
pub(super) fn reweigh(
    report: &Report,
    diagnoses: &mut [Diagnosis],
    findings: &mut [Finding],
    stated: &[evidence::Stated],
) {
    for diagnosis in diagnoses {
        let Some(table) = diagnosis
            .explains
            .first()
            .and_then(|id| findings.iter().find(|f| f.rule == *id || f.also.contains(id)))
            .and_then(|f| f.cells.first())
            .and_then(|c| report.table(c.table))
        else {
            continue;
        };
        let value = |cell: CellRef| -> Option<(i64, bool)> {
            let cell = table.cell(cell.row, cell.col)?;
            match &cell.value {
                Value::Number(n) => n.as_int().map(|v| (v, false)),
                Value::Blank { .. } => Some((0, true)),
                _ => None,
            }
        };
        if !evidence::weigh(diagnosis, stated, &value) {
            continue;
        }
        for f in findings.iter_mut() {
            let explained =
                std::iter::once(&f.rule).chain(&f.also).any(|id| diagnosis.explains.contains(id));
            if !explained {
                continue;
            }
            f.hint = Some(hint(table, diagnosis));
            if let Some([fix]) = diagnosis.unique()
                && let Some(at) = f.cells.iter().position(|c| *c == fix.cell)
            {
                let cell = f.cells.remove(at);
                f.cells.insert(0, cell);
            }
        }
    }
}

/// One finding per mistake: the broken checks one diagnosis explains together (a wrong cell
/// breaks its row's sum, its column's and the balance at once), and blank cells of one
/// column whose filling reconciles everything, together.
fn mistakes(table: &Table, checks: &[Check], diagnoses: &[Diagnosis]) -> Vec<Finding> {
    let failed: Vec<&Check> = checks.iter().filter(|c| c.outcome == Outcome::Failed).collect();
    let mut out: Vec<(Option<&Diagnosis>, Finding)> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for diagnosis in diagnoses {
        let mut group: Vec<&Check> = failed
            .iter()
            .copied()
            .filter(|c| diagnosis.explains.contains(&c.identity.id()))
            .collect();
        if group.is_empty() {
            continue;
        }
        crate::sort::sort_by_key(&mut group, |c| family_order(c.identity.rule));
        done.extend(group.iter().map(|c| c.identity.id()));
        out.push((Some(diagnosis), mistake(table, &group, Some(diagnosis))));
    }
    // Sums broken whatever glued digits meant, with no values to diagnose.
    for check in failed.iter().filter(|c| !done.contains(&c.identity.id())) {
        out.push((None, mistake(table, &[check], None)));
    }
    merge_blank_fills(table, out)
}

/// Rows first, then columns, then the balance: the order a clerk reads a table.
fn family_order(rule: RuleId) -> usize {
    [RuleId::T3Row, RuleId::T3Lp, RuleId::T3Sub, RuleId::T3Out, RuleId::T3Bal]
        .iter()
        .position(|&r| r == rule)
        .unwrap_or(5)
}

/// The finding of one mistake.
fn mistake(table: &Table, group: &[&Check], diagnosis: Option<&Diagnosis>) -> Finding {
    let capacity: Vec<(String, String)> = group
        .iter()
        .filter(|c| c.identity.rule == RuleId::T3Bal)
        .flat_map(|c| capacity(table, c))
        .collect();
    let [only] = group else {
        return several(table, group, diagnosis, capacity);
    };
    let mut f = identity_finding(table, only, diagnosis);
    if !capacity.is_empty() {
        let sentences: Vec<&str> = capacity.iter().map(|(_, s)| s.as_str()).collect();
        f.message.push_str(&format!("其中{}。", sentences.join("，")));
        f.also.extend(capacity.into_iter().map(|(id, _)| id));
    }
    f
}

/// Several sums broken by one mistake: one finding that lists them.
fn several(
    table: &Table,
    group: &[&Check],
    diagnosis: Option<&Diagnosis>,
    capacity: Vec<(String, String)>,
) -> Finding {
    if let Some(fixes) = diagnosis.and_then(Diagnosis::unique)
        && fixes.len() >= 3
        && fixes.iter().all(|f| f.was_blank)
    {
        return blank_cells(table, group, fixes);
    }
    let culprit = diagnosis.and_then(Diagnosis::unique).filter(|fixes| fixes.len() == 1);
    let about = culprit
        .map_or_else(String::new, |fixes| format!("，都涉及“{}”", fixes[0].cell.display_name()));
    let sums: Vec<String> = group.iter().map(|c| short_sum(table, c)).collect();
    let mut message =
        format!("{}有 {} 项勾稽不成立{about}：{}。", table.id.name(), group.len(), sums.join("；"));
    if !capacity.is_empty() {
        let sentences: Vec<&str> = capacity.iter().map(|(_, s)| s.as_str()).collect();
        message.push_str(&format!("其中{}。", sentences.join("，")));
    }
    let cells_here: Vec<CellRef> = group.iter().flat_map(|c| c.identity.cells()).collect();
    if cells_here.iter().any(|c| {
        table.cell(c.row, c.col).is_some_and(|cell| matches!(cell.value, Value::Blank { .. }))
    }) {
        message.push_str("（空白单元格按 0 计算）");
    }
    if let Some(digits) = group.iter().find_map(|c| unsplittable(table, &c.identity)) {
        message.push_str(&glued_note(table, digits));
    } else if cells_here.iter().any(|c| table.cell(c.row, c.col).is_some_and(|cell| cell.inferred))
    {
        message.push_str("（含由连在一起的数字推断出的数值）");
    }
    let mut cells: Vec<CellRef> = Vec::new();
    for check in group {
        for cell in order_cells(&check.identity, diagnosis) {
            if !cells.contains(&cell) {
                cells.push(cell);
            }
        }
    }
    if let Some(fixes) = culprit {
        cells.retain(|c| *c != fixes[0].cell);
        cells.insert(0, fixes[0].cell);
    }
    let mut f = finding(group[0].identity.check(), message, cells);
    f.also = group[1..].iter().map(|c| c.identity.id()).collect();
    f.also.extend(capacity.into_iter().map(|(id, _)| id));
    if let Some(fixes) = culprit {
        f.expected = Some(Number::int(fixes[0].to));
        f.found = (!fixes[0].was_blank).then_some(Number::int(fixes[0].from));
    } else {
        f.expected = group[0].parts;
        f.found = group[0].total;
    }
    f.hint = Some(diagnosis.map_or_else(|| "请核对这一组数字。".to_string(), |d| hint(table, d)));
    f
}

/// Blank cells where numbers belong, which filled in reconcile every sum they break.
fn blank_cells(table: &Table, group: &[&Check], fixes: &[culprit::Fix]) -> Finding {
    let column = fixes.iter().all(|f| f.cell.col == fixes[0].cell.col);
    let fills: Vec<String> = fixes
        .iter()
        .map(|fix| {
            if column {
                format!("“{}”应为 {}", fix.cell.row.short(), fix.to)
            } else {
                format!("“{}”应为 {}", fix.cell.display_name(), fix.to)
            }
        })
        .collect();
    let place =
        if column { format!("“{}”列", fixes[0].cell.col.name()) } else { String::new() };
    let mut f = finding(
        group[0].identity.check(),
        format!(
            "{}{place}有 {} 个单元格空白，而按表内合计它们不应为空（空白按 0 计算，{} 项勾稽因此不成立）：{}。",
            table.id.name(),
            fixes.len(),
            group.len(),
            fills.join("，")
        ),
        fixes.iter().map(|fix| fix.cell).collect(),
    );
    f.also = group[1..].iter().map(|c| c.identity.id()).collect();
    f.hint = Some(format!(
        "在这 {} 个空白单元格中填上应有的数字，可消除全部这些不一致；若原表确为空白，请核对其他数字。",
        fixes.len()
    ));
    f
}

/// One sum in a few words, as findings and the page say it: `“（七）总计”行总计 2 ≠ 各类申请人
/// 之和 1`, with `=` when it holds and the difference when it does not.
pub fn sum_words(report: &Report, check: &Check) -> String {
    let Some(table) = check.identity.total.first().and_then(|c| report.table(c.table)) else {
        return check.identity.id();
    };
    let mut words = short_sum(table, check);
    if let (Some(total), Some(parts)) = (check.total, check.parts)
        && total != parts
    {
        words.push_str(&format!("（相差 {}）", abs(total, parts)));
    }
    words
}

/// One sum in a few words: `“（七）总计”行总计 2 ≠ 各类申请人之和 1`.
fn short_sum(table: &Table, check: &Check) -> String {
    let identity = &check.identity;
    let show = |cell: CellRef| {
        table.cell(cell.row, cell.col).map_or_else(|| "?".to_string(), |c| c.value.describe())
    };
    let parts = check.parts.map_or_else(|| "?".to_string(), |n| n.to_string());
    let total = check.total.map_or_else(|| "?".to_string(), |n| n.to_string());
    let first = identity.total[0];
    let ne = match (check.total, check.parts) {
        (Some(t), Some(p)) if t == p => "=",
        (Some(_), Some(_)) => "≠",
        _ => "与",
    };
    match identity.rule {
        RuleId::T3Row => {
            format!("“{}”行总计 {} {ne} 各类申请人之和 {parts}", first.row.short(), show(first))
        }
        RuleId::T3Lp => format!(
            "“{}”行法人或其他组织小计 {} {ne} 五类组织之和 {parts}",
            first.row.short(),
            show(first)
        ),
        RuleId::T3Out => {
            format!(
                "“{}”列（七）总计 {} {ne} 各项办理结果之和 {parts}",
                first.col.name(),
                show(first)
            )
        }
        RuleId::T3Bal => format!(
            "“{}”列本年新收 + 上年结转 = {parts} {ne} 办理结果总计 + 结转下年度 = {total}",
            first.col.name()
        ),
        RuleId::T3Sub => format!(
            "“{}”列{}小计 {} {ne} 其各项之和 {parts}",
            first.col.name(),
            first.row.official(),
            show(first)
        ),
        _ => format!("“{}”总计 {} {ne} 各项之和 {parts}", first.row.short(), show(first)),
    }
}

/// Mistakes that are each one blank cell of the same column to fill (a 总计 column left blank
/// in the sub-rows): one finding naming every cell.
fn merge_blank_fills(table: &Table, mistakes: Vec<(Option<&Diagnosis>, Finding)>) -> Vec<Finding> {
    let blank_fill = |d: Option<&Diagnosis>| {
        d.and_then(Diagnosis::unique)
            .filter(|fixes| fixes.len() == 1 && fixes[0].was_blank)
            .map(|fixes| fixes[0].clone())
    };
    let mut out: Vec<Finding> = Vec::new();
    let mut columns: Vec<(Col, Vec<(culprit::Fix, Finding)>)> = Vec::new();
    for (diagnosis, finding) in mistakes {
        match blank_fill(diagnosis) {
            Some(fix) => match columns.iter_mut().find(|(col, _)| *col == fix.cell.col) {
                Some((_, list)) => list.push((fix, finding)),
                None => columns.push((fix.cell.col, vec![(fix, finding)])),
            },
            None => out.push(finding),
        }
    }
    for (col, list) in columns {
        if list.len() < 3 {
            out.extend(list.into_iter().map(|(_, f)| f));
            continue;
        }
        let fills: Vec<String> = list
            .iter()
            .map(|(fix, _)| format!("“{}”应为 {}", fix.cell.row.short(), fix.to))
            .collect();
        let cells: Vec<CellRef> = list.iter().map(|(fix, _)| fix.cell).collect();
        let mut also: Vec<String> = Vec::new();
        for (_, f) in &list {
            also.push(f.rule.clone());
            also.extend(f.also.iter().cloned());
        }
        let Some((_, first)) = list.first() else { continue };
        let family = first.family;
        let rule = also.remove(0);
        let mut f = finding(
            family,
            format!(
                "{}“{}”列有 {} 个单元格空白，而按表内合计它们不应为 0（空白按 0 计算，{} 项勾稽因此不成立）：{}。",
                table.id.name(),
                col.name(),
                list.len(),
                also.len() + 1,
                fills.join("，")
            ),
            cells,
        );
        // The first mistake's concrete id, spelled when it was found.
        f.rule = rule;
        f.also = also;
        f.hint = Some(format!(
            "在这 {} 个空白单元格中填上应有的数字（{}），可消除全部这些不一致；若原表确为空白，请补填。",
            list.len(),
            fills.join("，")
        ));
        out.push(f);
    }
    out
}

fn identity_finding(table: &Table, check: &Check, diagnosis: Option<&Diagnosis>) -> Finding {
    let identity = &check.identity;
    if check.total.is_none() || check.parts.is_none() {
        return unsettled_finding(table, identity);
    }
    let total = check.total.unwrap_or(Number::int(0));
    let parts = check.parts.unwrap_or(Number::int(0));
    let show = |cell: CellRef| {
        table.cell(cell.row, cell.col).map_or_else(|| "?".to_string(), |c| c.value.describe())
    };
    let diff = difference(total, parts);
    let mut message = match identity.rule {
        RuleId::T3Row => {
            let row = identity.total[0].row;
            format!(
                "表三“{}”行：总计为 {}，各类申请人之和为 {parts}，{diff}。",
                row.short(),
                show(identity.total[0])
            )
        }
        RuleId::T3Lp => {
            let row = identity.total[0].row;
            format!(
                "表三“{}”行：法人或其他组织小计为 {}，五类组织之和为 {parts}，{diff}。",
                row.short(),
                show(identity.total[0])
            )
        }
        RuleId::T3Out => {
            let col = identity.total[0].col;
            format!(
                "表三“{}”列：（七）总计为 {}，各项办理结果之和为 {parts}，{diff}。",
                col.name(),
                show(identity.total[0])
            )
        }
        RuleId::T3Bal => {
            let col = identity.total[0].col;
            let [done, carry_out] = [identity.total[0], identity.total[1]];
            let [new, carry_in] = [identity.parts[0], identity.parts[1]];
            format!(
                "表三“{}”列勾稽关系不符：本年新收 {} + 上年结转 {} = {parts}，而办理结果总计 {} + 结转下年度 {} = {total}，相差 {}。",
                col.name(),
                show(new),
                show(carry_in),
                show(done),
                show(carry_out),
                abs(total, parts),
            )
        }
        RuleId::T3Sub => {
            let group = identity.total[0].row;
            format!(
                "表三“{}”列：{}小计为 {}，其各项之和为 {parts}，{diff}。",
                identity.total[0].col.name(),
                group.official(),
                show(identity.total[0])
            )
        }
        RuleId::PreSum => {
            let parent = identity.total[0];
            let addends: Vec<String> = identity
                .parts
                .iter()
                .map(|&c| format!("{} {}", c.row.short().trim_start_matches("其中："), show(c)))
                .collect();
            format!(
                "统计表“{}”（{}）为 {}，而其中各项 {} = {parts}，{diff}。",
                parent.row.short(),
                parent.col.name(),
                show(parent),
                addends.join(" + ")
            )
        }
        _ => {
            let row = identity.total[0].row;
            let addends: Vec<String> =
                identity.parts.iter().map(|&c| format!("{} {}", c.col.name(), show(c))).collect();
            format!(
                "表四“{}”：总计为 {}，而 {} = {parts}，{diff}。",
                row.short(),
                show(identity.total[0]),
                addends.join(" + ")
            )
        }
    };
    let cells_here: Vec<CellRef> = identity.cells().collect();
    if cells_here.iter().any(|c| {
        table.cell(c.row, c.col).is_some_and(|cell| matches!(cell.value, Value::Blank { .. }))
    }) {
        message.push_str("（空白单元格按 0 计算）");
    }
    if let Some(digits) = unsplittable(table, identity) {
        message.push_str(&glued_note(table, digits));
    } else if cells_here.iter().any(|c| table.cell(c.row, c.col).is_some_and(|cell| cell.inferred))
    {
        message.push_str("（含由连在一起的数字推断出的数值）");
    }
    let mut f = finding(identity.check(), message, order_cells(identity, diagnosis));
    f.expected = Some(parts);
    f.found = Some(total);
    f.hint = Some(diagnosis.map_or_else(|| "请核对这一组数字。".to_string(), |d| hint(table, d)));
    f
}

/// What a finding says about glued digits that fit no reading of their own sum.
fn glued_note(table: &Table, digits: &str) -> String {
    let (whose, sums) = if table.id == TableId::T4 {
        ("表四的数字", "三组合计都不能同时成立，因此表四必有错误")
    } else {
        ("这一行的数字", "都不满足该行合计，因此这一行必有错误")
    };
    format!("（{whose}“{digits}”连在一起，无论怎样拆分{sums}；各数值是按表内其他合计推断的拆分）")
}

/// Sums that fail only with cells read as blank because nothing stood where they belong.
fn vanished_blanks(table: &Table, unsure: &[Identity]) -> Finding {
    let mut cells: Vec<CellRef> = Vec::new();
    for identity in unsure {
        for cell in identity.cells() {
            let blank = table
                .cell(cell.row, cell.col)
                .is_some_and(|c| c.inferred && matches!(c.value, Value::Blank { .. }));
            if blank && !cells.contains(&cell) {
                cells.push(cell);
            }
        }
    }
    let names: Vec<String> = cells.iter().take(5).map(|c| c.display_name()).collect();
    let more = if cells.len() > 5 { format!(" 等 {} 个", cells.len()) } else { String::new() };
    let sums: Vec<String> = unsure.iter().take(5).map(Identity::id).collect();
    let mut f = finding(
        RuleId::StrRows,
        format!(
            "{}中 {}{more}单元格在原文中没有数字（可能原表为空白，也可能复制时丢失了数字）。按空白计算时，{} 项勾稽不成立（{}），因此无法判断这些合计是否正确。",
            table.id.name(),
            names.join("、"),
            unsure.len(),
            sums.join("、")
        ),
        cells,
    );
    f.hint = Some("对照原表核对这些单元格：原表为空白的请填 0，有数字的请补上。".to_string());
    f
}

/// The digits of the glued row whose own sum `identity` is, when no reading of them fits it.
fn unsplittable<'t>(table: &'t Table, identity: &Identity) -> Option<&'t str> {
    if !matches!(
        identity.rule,
        RuleId::T3Row | RuleId::T3Lp | RuleId::T4Rv | RuleId::T4Ld | RuleId::T4Lr
    ) {
        return None;
    }
    table.notes.iter().find_map(|note| match note {
        Note::Unsplittable { row, digits }
            if identity.total.first().is_some_and(|c| c.row == *row) || table.id == TableId::T4 =>
        {
            Some(digits.as_str())
        }
        _ => None,
    })
}

/// A sum that breaks in every reading of glued digits the table could not settle: the
/// published numbers are wrong there, though which cell is not known.
fn unsettled_finding(table: &Table, identity: &Identity) -> Finding {
    let place = match identity.rule {
        RuleId::T3Row | RuleId::T3Lp => format!("表三“{}”行", identity.total[0].row.short()),
        RuleId::T3Out | RuleId::T3Bal | RuleId::T3Sub => {
            format!("表三“{}”列", identity.total[0].col.name())
        }
        _ => format!("表四“{}”", identity.total[0].row.short()),
    };
    let what = match identity.rule {
        RuleId::T3Row => "总计不等于各类申请人之和",
        RuleId::T3Lp => "法人或其他组织小计不等于五类组织之和",
        RuleId::T3Out => "（七）总计不等于各项办理结果之和",
        RuleId::T3Bal => "本年新收与上年结转之和不等于办理结果总计与结转下年度之和",
        RuleId::T3Sub => "小计不等于其各项之和",
        _ => "总计不等于各项之和",
    };
    let digits: Vec<&str> = table
        .notes
        .iter()
        .filter_map(|note| match note {
            Note::Ambiguous { row, digits, .. }
                if table.id == TableId::T4 || identity.cells().any(|c| c.row == *row) =>
            {
                Some(digits.as_str())
            }
            _ => None,
        })
        .collect();
    let proven = table.notes.iter().any(|note| {
        matches!(note, Note::Inconsistent { identities, proven: true } if identities.contains(&identity.id()))
    });
    let why = if proven {
        "无论怎样拆分，这一合计都不成立，因此原表在这里必有错误"
    } else {
        "无论怎样拆分，表内合计都不能全部成立，因此原表必有错误；在最可能的几种拆分下，不成立的都是这一合计"
    };
    let mut f = finding(
        identity.check(),
        format!(
            "{place}：{what}。涉及的数字连在一起（“{}”），{why}；具体是哪个数字，表内合计无法确定。",
            digits.join("”“")
        ),
        identity.cells().collect(),
    );
    f.hint = Some("请对照原始台账核对这一组数字，改正后重新检查。".to_string());
    f
}

/// "总计多 1" / "总计少 1".
fn difference(total: Number, parts: Number) -> String {
    match total.checked_sub(parts) {
        Some(d) if d.is_negative() => format!("总计少 {}", abs(total, parts)),
        Some(_) => format!("总计多 {}", abs(total, parts)),
        None => "两者不等".to_string(),
    }
}

fn abs(a: Number, b: Number) -> Number {
    let d = a.checked_sub(b).unwrap_or(Number::int(0));
    if d.is_negative() { Number::int(0).checked_sub(d).unwrap_or(d) } else { d }
}

/// The identity's cells with the diagnosed culprit first (RULEBOOK: the first cell is the one
/// most likely at fault); without a diagnosis, the written total first.
fn order_cells(identity: &Identity, diagnosis: Option<&Diagnosis>) -> Vec<CellRef> {
    let mut cells: Vec<CellRef> = Vec::new();
    if let Some(first) = diagnosis.and_then(|d| d.corrections.first()) {
        for fix in first {
            if identity.involves(fix.cell) && !cells.contains(&fix.cell) {
                cells.push(fix.cell);
            }
        }
    }
    for cell in identity.cells() {
        if !cells.contains(&cell) {
            cells.push(cell);
        }
    }
    cells
}

fn describe_fix(table: &Table, fix: &culprit::Fix) -> String {
    let from = table
        .cell(fix.cell.row, fix.cell.col)
        .map_or_else(|| fix.from.to_string(), |cell| cell.value.describe());
    format!("把“{}”由 {from} 改为 {}", fix.cell.display_name(), fix.to)
}

/// The hint of a diagnosis: the correction, or the alternatives, or "several cells".
pub(super) fn hint(table: &Table, diagnosis: &Diagnosis) -> String {
    let base = correction_hint(table, diagnosis);
    match &diagnosis.evidence {
        Some(why) => format!("{base}（{why}。）"),
        None => base,
    }
}

fn correction_hint(table: &Table, diagnosis: &Diagnosis) -> String {
    let n = diagnosis.explains.len();
    let scope = if n > 1 {
        format!("同时消除 {n} 处不一致")
    } else {
        "消除这处不一致".to_string()
    };
    match diagnosis.corrections.as_slice() {
        [] => "不一致涉及多个单元格，无法用一两处修改解释，请逐项核对这一组数字。".to_string(),
        [only] if only.len() == 1 => {
            format!("{}，可{scope}；这是最可能出错的单元格。", describe_fix(table, &only[0]))
        }
        [only] => {
            let fixes: Vec<String> = only.iter().map(|f| describe_fix(table, f)).collect();
            format!(
                "没有哪一个单元格能单独解释；需同时修改 {} 处：{}，可{scope}。",
                only.len(),
                fixes.join("，并")
            )
        }
        several => {
            let size = several[0].len();
            let options: Vec<String> = several
                .iter()
                .take(3)
                .map(|fixes| {
                    fixes.iter().map(|f| describe_fix(table, f)).collect::<Vec<_>>().join("，并")
                })
                .collect();
            let more = if several.len() > 3 {
                format!("，共 {} 种", several.len())
            } else {
                String::new()
            };
            let lead = if size == 1 {
                "无法确定是哪一个单元格出错".to_string()
            } else {
                format!("没有哪一个单元格能单独解释，至少有 {size} 处出错")
            };
            format!(
                "{lead}。以下任一种修改都能{scope}：{}{more}。请对照原始台账核实。",
                options.join("；或")
            )
        }
    }
}

/// T3-CAP: where the balance of a column fails, whether 办结 or 结转 exceeds what was
/// received: the concrete id and the sentence, added to the finding of the balance's mistake.
fn capacity(table: &Table, check: &Check) -> Vec<(String, String)> {
    let int = |row: Row, col: Col| -> Option<i64> {
        table.cell(row, col).and_then(|c| c.value.for_sums()).and_then(Number::as_int)
    };
    let col = check.identity.total[0].col;
    let (Some(new), Some(carry), Some(done), Some(left)) =
        (int(Row::R1, col), int(Row::R2, col), int(Row::R3_7, col), int(Row::R4, col))
    else {
        return Vec::new();
    };
    let received = new + carry;
    [(done, "办理结果总计"), (left, "结转下年度继续办理")]
        .into_iter()
        .filter(|&(value, _)| value > received)
        .map(|(value, what)| {
            (
                RuleId::T3Cap.at(At::Col(col)).to_string(),
                format!(
                    "“{}”列{what} {value} 超过了本年新收与上年结转之和 {received}（{new} + {carry}）",
                    col.name()
                ),
            )
        })
        .collect()
}

/// T3-EMPTY: no applications received or carried over, yet results or carry-overs.
fn empty(table: &Table, findings: &mut Vec<Finding>) {
    let number = |row: Row| table.cell(row, Col::T3_TOT).and_then(|c| c.value.number());
    let (Some(new), Some(carry)) = (number(Row::R1), number(Row::R2)) else { return };
    if !new.is_zero() || !carry.is_zero() {
        return;
    }
    let nonzero: Vec<CellRef> = table
        .cells
        .iter()
        .filter(|c| c.value.number().is_some_and(|n| !n.is_zero()))
        .map(|c| c.addr)
        .collect();
    if nonzero.is_empty() {
        return;
    }
    let names: Vec<String> = nonzero.iter().take(5).map(|c| c.display_name()).collect();
    let more = if nonzero.len() > 5 {
        format!("等 {} 个单元格", nonzero.len())
    } else {
        String::new()
    };
    let mut f = finding(
        RuleId::T3Empty,
        format!("表三本年新收和上年结转均为 0，但 {}{more} 不为 0。", names.join("、")),
        nonzero,
    );
    f.hint = Some("核对本年新收、上年结转是否漏填，或办理结果是否误填。".to_string());
    findings.push(f);
}
