//! Rules across reports checked together (a folder, a batch; RULEBOOK §2.8, §3.2):
//!
//! * XY-CARRY: last year's 结转下年度继续办理 = this year's 上年结转, per 表三 column;
//! * XY-STOCK: 表二 现行有效件数 = last year's + 本年制发 − 本年废止 (preview: amendments and
//!   re-counts happen);
//! * XY-DUP: a narrative nearly identical to another report's in the batch (last year's of the
//!   same unit, or another unit's);
//! * PRE-CHAIN: the pre-2019 statistics table's 历年累计 = last year's + this year's 本年度;
//! * HIER-SUM (preview): a report that says it is a region's 汇总 (全区/全市/全县… 汇总)
//!   equals, cell by cell in 表三 and 表四, the sum of the batch's reports of the same year from
//!   units of that region (their names begin with its place name);
//! * XY-JUMP, XY-ZERO, XY-FIXRATE (preview): changes from last year a reviewer would ask about,
//!   from [`crate::compare::hints`].
//!
//! Reports are matched by agency (as the title names it) and year; a year with two reports of
//! the same agency is not matched, rather than guessed. Pure, like [`crate::check`].

use crate::model::narrative::mix;
use crate::model::{CellRef, Col, Layout, Number, Row, TableId, Value};
use crate::rules::{At, RuleId};
use crate::{Checked, Finding, review, rules};

/// The findings across `reports`, each with the index of the report it is about.
pub fn check(reports: &[&Checked]) -> Vec<(usize, Finding)> {
    findings(reports, &previous(reports))
}

/// [`check`], with each report's last-year report found once (`previous`).
fn findings(reports: &[&Checked], previous: &[Option<usize>]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for (k, report) in reports.iter().enumerate() {
        let Some(&Some(prev)) = previous.get(k) else { continue };
        chain(reports[prev], report, &mut out, k);
        carry(reports[prev], report, &mut out, k);
        stock(reports[prev], report, &mut out, k);
    }
    duplicates(reports, &mut out);
    aggregates(reports, &mut out);
    // The changes across years a reviewer would ask about (`XY-JUMP`, `XY-ZERO`, `XY-FIXRATE`).
    out.extend(crate::compare::hints(reports));
    for (k, finding) in &mut out {
        finding.fingerprint = review::fingerprint(&reports[*k].report, finding, None);
    }
    out
}

fn value(checked: &Checked, addr: CellRef) -> Option<Number> {
    checked.report.cell(addr).and_then(|c| c.value.for_sums())
}

/// XY-CARRY: last year's 结转下年度继续办理 against this year's 上年结转, per column.
fn carry(last: &Checked, this: &Checked, out: &mut Vec<(usize, Finding)>, index: usize) {
    let (Some(table), Some(_)) = (this.report.table(TableId::T3), last.report.table(TableId::T3))
    else {
        return;
    };
    let last_year = last.report.year.unwrap_or_default();
    for col in table.cols() {
        let carried_in = CellRef::new(TableId::T3, Row::R2, col);
        let carried_out = CellRef::new(TableId::T3, Row::R4, col);
        let (Some(now), Some(before)) = (value(this, carried_in), value(last, carried_out)) else {
            continue;
        };
        if now == before {
            continue;
        }
        let mut f = rules::finding(
            RuleId::XyCarry.at(At::Col(col)),
            format!(
                "表三“{}”列上年结转为 {now}，而 {last_year} 年报告的结转下年度继续办理为 {before}，两者应相等。",
                col.name()
            ),
            vec![carried_in],
        );
        f.found = Some(now);
        f.expected = Some(before);
        f.hint = Some(format!(
            "核对本报告的上年结转与 {last_year} 年报告的结转下年度继续办理，改正不一致的一方。"
        ));
        out.push((index, f));
    }
}

/// Per report with last year's in the batch: last year's 结转下年度 for each 上年结转 cell.
fn carried_in(
    reports: &[&Checked],
    previous: &[Option<usize>],
) -> Vec<(usize, Vec<rules::evidence::Stated>)> {
    let mut out = Vec::new();
    for (k, this) in reports.iter().enumerate() {
        let Some(&Some(prev)) = previous.get(k) else { continue };
        let (last, Some(table)) = (reports[prev], this.report.table(TableId::T3)) else { continue };
        let year = last.report.year.unwrap_or_default();
        let stated: Vec<rules::evidence::Stated> = table
            .cols()
            .into_iter()
            .filter_map(|col| {
                let before = value(last, CellRef::new(TableId::T3, Row::R4, col))?.as_int()?;
                let cell = CellRef::new(TableId::T3, Row::R2, col);
                Some(rules::evidence::Stated::last_year(cell, before, year))
            })
            .collect();
        if !stated.is_empty() {
            out.push((k, stated));
        }
    }
    out
}

/// XY-STOCK: 表二 (2021 format) 现行有效件数 = last year's + 本年制发 − 本年废止.
fn stock(last: &Checked, this: &Checked, out: &mut Vec<(usize, Finding)>, index: usize) {
    let both_2021 = [last, this]
        .iter()
        .all(|c| c.report.table(TableId::T2).is_some_and(|t| t.layout == Layout::Y2021));
    if !both_2021 {
        return;
    }
    let last_year = last.report.year.unwrap_or_default();
    for row in [Row::REG, Row::NORM] {
        let at = |col| CellRef::new(TableId::T2, row, col);
        let (Some(before), Some(made), Some(repealed), Some(now)) = (
            value(last, at(Col::valid)),
            value(this, at(Col::made)),
            value(this, at(Col::rep)),
            value(this, at(Col::valid)),
        ) else {
            continue;
        };
        let Some(expected) = before.checked_add(made).and_then(|n| n.checked_sub(repealed)) else {
            continue;
        };
        if expected == now {
            continue;
        }
        let mut f = rules::finding(
            RuleId::XyStock.at(At::Row(row)),
            format!(
                "表二“{}”现行有效件数为 {now}，而 {last_year} 年报告的现行有效件数 {before} + 本年制发 {made} − 本年废止 {repealed} = {expected}。",
                row.short()
            ),
            vec![at(Col::valid), at(Col::made), at(Col::rep)],
        );
        f.found = Some(now);
        f.expected = Some(expected);
        f.hint = Some("修改、重新清理或口径调整也会造成差异；若有，应在报告中说明。".to_string());
        out.push((index, f));
    }
}

/// For each report, the one report of the same agency for the year before its own (none when
/// its agency has two reports of either year).
fn previous(reports: &[&Checked]) -> Vec<Option<usize>> {
    // The candidate step: two names of one unit are equal, or one ends with the other, which
    // then has at least 4 characters; either way both end with the same (up to) 4 characters.
    // So a report is compared only with the reports of its year and ending, found by bisection
    // (was every report of the batch, twice per report: quadratic in the batch).
    let mut keyed: Vec<(i32, &str, usize)> = reports
        .iter()
        .enumerate()
        .filter_map(|(k, r)| Some((r.report.year?, ending(&r.report.agency.as_ref()?.name), k)))
        .collect();
    crate::sort::sort(&mut keyed);
    let group = |year: i32, end: &str| {
        let from = keyed.partition_point(|&(y, e, _)| (y, e) < (year, end));
        let to = keyed.partition_point(|&(y, e, _)| (y, e) <= (year, end));
        keyed.get(from..to).unwrap_or_default()
    };
    reports
        .iter()
        .map(|this| {
            let this = &this.report;
            let (agency, year) = (this.agency.as_ref()?, this.year?);
            let end = ending(&agency.name);
            let same = |&&(_, _, k): &&(i32, &str, usize)| {
                reports[k].report.agency.as_ref().is_some_and(|a| a.is_same_unit(agency))
            };
            // The report itself is one of its year's; a second one of the same unit: no match.
            if group(year, end).iter().filter(same).nth(1).is_some() {
                return None;
            }
            let mut found = group(year - 1, end).iter().filter(same);
            let &(_, _, first) = found.next()?;
            found.next().is_none().then_some(first)
        })
        .collect()
}

/// The last 4 characters of a name (all of a shorter one).
fn ending(name: &str) -> &str {
    name.char_indices().rev().nth(3).and_then(|(i, _)| name.get(i..)).unwrap_or(name)
}

fn number(checked: &Checked, addr: CellRef) -> Option<(Number, bool)> {
    let cell = checked.report.cell(addr)?;
    match cell.value {
        Value::Number(n) => Some((n, cell.inferred)),
        _ => None,
    }
}

/// PRE-CHAIN between last year's report and this year's.
fn chain(last: &Checked, this: &Checked, out: &mut Vec<(usize, Finding)>, index: usize) {
    let (Some(table), Some(_)) =
        (this.report.table(TableId::Pre2019), last.report.table(TableId::Pre2019))
    else {
        return;
    };
    let last_year = last.report.year.unwrap_or_default();
    for row in table.rows() {
        let at = |col| CellRef::new(TableId::Pre2019, row, col);
        let (Some((before, a)), Some((year, b)), Some((total, c))) =
            (number(last, at(Col::cum)), number(this, at(Col::y)), number(this, at(Col::cum)))
        else {
            continue;
        };
        let Some(expected) = before.checked_add(year) else { continue };
        if expected == total {
            continue;
        }
        let inferred =
            if a || b || c { "（含由连在一起的数字拆分出的数值）" } else { "" };
        let mut f = rules::finding(
            RuleId::PreChain.at(At::Row(row)),
            format!(
                "统计表“{}”：历年累计为 {total}，而 {last_year} 年报告的历年累计 {before} 加本年度 {year} 为 {expected}，接不上{inferred}。",
                row.short()
            ),
            vec![at(Col::cum), at(Col::y)],
        );
        f.found = Some(total);
        f.expected = Some(expected);
        f.hint = Some(format!(
            "核对本报告和 {last_year} 年报告的这一行；若统计口径有变（如机构合并、重新起算），应在报告中说明。"
        ));
        out.push((index, f));
    }
}

/// How much of one narrative is in another: the model's shingles ([`crate::model::Report`]),
/// compared by Jaccard similarity.
/// Narratives at least this similar (Jaccard of their shingles, per mille) are reported.
const DUP_THRESHOLD: usize = 800;
/// `MinHash` signature length: a cheap first pass over every pair of a large batch.
const SIGNATURE: usize = 64;
/// Candidates (the best signatures) compared exactly, per report: the most similar earlier
/// report is among them unless the signatures erred far more than they do.
const CANDIDATES: usize = 8;

/// The fewest slots two signatures agree on for the pair to be a candidate (65 % of them, a
/// generous first cut under the threshold's 80 %).
const AGREEING: usize = (SIGNATURE * (DUP_THRESHOLD - 150)).div_ceil(1000);
/// The signature cut into this many bands of [`BAND`] slots for the candidate step: a pair
/// that agrees on [`AGREEING`] slots disagrees on fewer slots than there are bands, so it
/// agrees on at least one whole band. Reports are grouped by each band's slots, and a report
/// is compared only with those that share a band with it: no pair the first cut keeps is
/// missed, and unrelated reports are never compared (every pair was, before).
const BANDS: usize = 32;
const BAND: usize = SIGNATURE / BANDS;
const _: () = assert!(SIGNATURE - AGREEING < BANDS && BAND * BANDS == SIGNATURE);

/// The reports grouped by each band of their signatures.
struct Bands {
    /// (band, its slots, report), sorted: a group of reports is a run, in batch order.
    entries: Vec<(usize, [u64; BAND], usize)>,
    /// Per report and band, where its group is in `entries` (empty without a narrative).
    groups: Vec<[(usize, usize); BANDS]>,
}

impl Bands {
    fn new(narratives: &[Option<Narrative>]) -> Bands {
        let mut entries = Vec::with_capacity(narratives.len() * BANDS);
        for (k, n) in narratives.iter().enumerate() {
            let Some(n) = n else { continue };
            for (band, slots) in n.signature.chunks_exact(BAND).enumerate() {
                let mut key = [0u64; BAND];
                key.copy_from_slice(slots);
                entries.push((band, key, k));
            }
        }
        crate::sort::sort(&mut entries);
        let mut groups = vec![[(0, 0); BANDS]; narratives.len()];
        let mut from = 0;
        while let Some(&(band, key, _)) = entries.get(from) {
            let to = from
                + entries
                    .get(from..)
                    .unwrap_or_default()
                    .partition_point(|&(b, s, _)| (b, s) == (band, key));
            for &(_, _, k) in entries.get(from..to).unwrap_or_default() {
                if let Some(slot) = groups.get_mut(k).and_then(|g| g.get_mut(band)) {
                    *slot = (from, to);
                }
            }
            from = to;
        }
        Bands { entries, groups }
    }

    /// The reports that share a band with report `b` (itself too), in batch order, once each.
    fn sharing(&self, b: usize) -> Sharing<'_> {
        Sharing {
            entries: &self.entries,
            cursors: self.groups.get(b).copied().unwrap_or([(0, 0); BANDS]),
        }
    }
}

/// A merge of one report's band groups (each in batch order).
struct Sharing<'a> {
    entries: &'a [(usize, [u64; BAND], usize)],
    cursors: [(usize, usize); BANDS],
}

impl Iterator for Sharing<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let head = |&(at, to): &(usize, usize)| {
            if at < to { self.entries.get(at).map(|&(_, _, k)| k) } else { None }
        };
        let least = self.cursors.iter().filter_map(head).min()?;
        for cursor in &mut self.cursors {
            if head(cursor) == Some(least) {
                cursor.0 += 1;
            }
        }
        Some(least)
    }
}

struct Narrative<'a> {
    shingles: std::borrow::Cow<'a, [u64]>,
    signature: [u64; SIGNATURE],
}

fn narrative(checked: &Checked) -> Option<Narrative<'_>> {
    // The model's shingles of the normalized narrative (Simplified, pinyin removed), so that
    // a report pasted in Traditional characters compares like its Simplified copy.
    let shingles = checked.shingles()?;
    // One-permutation MinHash: one hash per shingle, its top 6 bits choose a slot, the slot
    // keeps its least hash (64 hashes per shingle before: a third of a large batch's time).
    let mut signature = [u64::MAX; SIGNATURE];
    for &h in shingles.iter() {
        let mixed = mix(h);
        let slot = (mixed >> 58) as usize % SIGNATURE;
        signature[slot] = signature[slot].min(mixed);
    }
    Some(Narrative { shingles, signature })
}

/// The Jaccard similarity of two sorted sets, per mille.
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> usize {
    // Copies of one report (a batch of the same file) compare at the speed of memory.
    if a == b {
        return if a.is_empty() { 0 } else { 1000 };
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    (both * 1000).checked_div(union).unwrap_or(0)
}

fn describe(checked: &Checked) -> String {
    let report = &checked.report;
    match (report.agency_name(), report.year) {
        (Some(agency), Some(year)) => format!("{agency} {year} 年报告"),
        (Some(agency), None) => format!("{agency}的报告"),
        (None, Some(year)) => format!("另一份 {year} 年报告"),
        (None, None) => "另一份报告".to_string(),
    }
}

/// XY-DUP: narratives nearly identical to another report's in the batch. The later report of
/// a pair (by year, then by position) carries the finding; both are named.
fn duplicates(reports: &[&Checked], out: &mut Vec<(usize, Finding)>) {
    // One report is no one's copy: its shingles, perhaps unread, are not asked for.
    if reports.len() < 2 {
        return;
    }
    let narratives: Vec<Option<Narrative>> = reports.iter().map(|c| narrative(c)).collect();
    let bands = Bands::new(&narratives);
    for (b, nb) in narratives.iter().enumerate() {
        let Some(nb) = nb else { continue };
        // The earlier reports whose signatures agree most (the candidates), then the most
        // similar of them by exact comparison; among equals the first. A few exact
        // comparisons per report keep a batch of hundreds of copies linear in that step.
        let mut candidates: Vec<(usize, usize)> = Vec::with_capacity(CANDIDATES + 1);
        for a in bands.sharing(b) {
            let Some(na) = &narratives[a] else { continue };
            if a == b {
                continue;
            }
            // The earlier report of the pair is the original.
            let key = |k: usize| (reports[k].report.year.unwrap_or(i32::MAX), k);
            if key(a) > key(b) {
                continue;
            }
            let estimate = na.signature.iter().zip(&nb.signature).filter(|(x, y)| x == y).count();
            // The signatures agree on about that share of their slots: a generous first cut.
            if estimate < AGREEING {
                continue;
            }
            // Kept by estimate (highest first), then by position.
            let at = candidates.partition_point(|&(e, _)| e >= estimate);
            if at < CANDIDATES {
                candidates.insert(at, (estimate, a));
                candidates.truncate(CANDIDATES);
            }
            // Full, and all agreeing everywhere: a later report can only tie, after them.
            if candidates.len() == CANDIDATES && candidates.iter().all(|&(e, _)| e == SIGNATURE) {
                break;
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, &(_, a)) in candidates.iter().enumerate() {
            let Some(na) = narratives[a].as_ref() else { continue };
            let similarity = jaccard(&na.shingles, &nb.shingles);
            if similarity >= DUP_THRESHOLD
                && best.is_none_or(|(k, s)| similarity > s || (similarity == s && a < k))
            {
                best = Some((a, similarity));
            }
            // Identical, and no later candidate comes earlier in the batch: none can win.
            let rest = candidates.get(i + 1..).unwrap_or_default();
            if similarity == 1000 && rest.iter().all(|&(_, k)| k > a) {
                break;
            }
        }
        let Some((a, similarity)) = best else { continue };
        let percent = similarity / 10;
        let mut f = rules::finding(
            RuleId::XyDup,
            format!(
                "正文与{}的正文有 {percent}% 相同（按连续 8 个字比较，不计数字和标点），可能是照抄后只改了年份和数字。",
                describe(reports[a])
            ),
            Vec::new(),
        );
        f.hint = Some("核对正文是否如实反映本年度（本单位）的工作；照抄的段落应重写。".to_string());
        out.push((b, f));
    }
}

/// HIER-SUM: a region's 汇总 report against the sum of its units' reports in the batch.
fn aggregates(reports: &[&Checked], out: &mut Vec<(usize, Finding)>) {
    for (k, parent) in reports.iter().enumerate() {
        let (Some(agency), Some(year)) = (&parent.report.agency, parent.report.year) else {
            continue;
        };
        if !parent.report.declares_aggregate {
            continue;
        }
        let children: Vec<&Checked> = reports
            .iter()
            .enumerate()
            .filter(|(j, child)| {
                *j != k
                    && child.report.year == Some(year)
                    && child.report.agency.as_ref().is_some_and(|a| a.is_unit_of(agency))
            })
            .map(|(_, child)| *child)
            .collect();
        if children.is_empty() {
            continue;
        }
        for table_id in [TableId::T3, TableId::T4] {
            let Some(table) = parent.report.table(table_id) else { continue };
            if children.iter().any(|c| c.report.table(table_id).is_none()) {
                continue;
            }
            for row in table.rows() {
                let mut parts: Vec<String> = Vec::new();
                let mut cells: Vec<CellRef> = Vec::new();
                for col in table.cols() {
                    let addr = CellRef::new(table_id, row, col);
                    let Some(own) = value(parent, addr) else { continue };
                    let values: Option<Vec<Number>> =
                        children.iter().map(|c| value(c, addr)).collect();
                    let Some(sum) = values.and_then(Number::sum) else { continue };
                    if own != sum {
                        parts.push(format!("{} {own}（下级合计 {sum}）", col.name()));
                        cells.push(addr);
                    }
                }
                let Some(&first) = cells.first() else { continue };
                let mut f = rules::finding(
                    RuleId::HierSum,
                    format!(
                        "本报告称为汇总数据，但{}“{}”行与本批次中 {} 份下级单位 {year} 年报告之和不符：{}。",
                        table_id.name(),
                        first.row.short(),
                        children.len(),
                        parts.join("、")
                    ),
                    cells,
                );
                f.hint = Some(
                    "核对是否已载入全部下级单位的报告（缺少的单位会使合计偏小），以及汇总时是否漏加或重复；本级政府报告如只统计本级，可忽略。"
                        .to_string(),
                );
                out.push((k, f));
            }
        }
    }
}

/// Adds the findings across `reports` to the reports they are about (sorted as usual).
pub fn apply(reports: &mut [Checked]) {
    let (found, carried) = {
        let refs: Vec<&Checked> = reports.iter().collect();
        let previous = previous(&refs);
        (findings(&refs, &previous), carried_in(&refs, &previous))
    };
    // Last year's 结转下年度 is evidence for this year's 上年结转, when this year's own sums
    // leave several corrections.
    for (k, stated) in carried {
        if let Some(report) = reports.get_mut(k) {
            let Checked { report, diagnoses, findings, .. } = report;
            rules::reweigh(report, diagnoses, findings, &stated);
        }
    }
    for (k, finding) in found {
        if let Some(report) = reports.get_mut(k) {
            report.add_findings([finding]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_report_that_says_it_sums_its_units_is_an_aggregate() {
        let says = |text: &str| crate::check(&crate::Input::text(text)).report.declares_aggregate;
        assert!(says("本报告数据为全县汇总数据。"));
        assert!(says("全区汇总。"));
        assert!(says("本报告汇总平潭综合实验区各有关单位政府信息公开工作情况。"));
        assert!(!says("及时梳理实操经验并在全县共享，汇总疑难问题向县司法局出具问询函。"));
        assert!(!says("已对外公布本部门预决算和“三公”经费预算汇总数。"));
        // Read on the normalized text: Traditional characters with pinyin, as the seed is.
        assert!(says("本報(bào)告數(shù)據(jù)為全縣匯(huì)總(zǒng)數(shù)據(jù)。"));
    }

    #[test]
    fn a_traditional_copy_with_pinyin_is_the_same_narrative() {
        // The seed as published (Traditional, pinyin) and its normalized (Simplified) text,
        // in the next year: the same narrative.
        let seed = crate::SAMPLE_REPORT;
        let simplified = crate::normalize::normalize(seed).text.replace("2023", "2024");
        let mut reports = vec![
            crate::check(&crate::Input::text(seed)),
            crate::check(&crate::Input::text(&simplified)),
        ];
        assert!(reports[0].shingles().is_some());
        apply(&mut reports);
        assert!(
            reports[1].findings.iter().any(|f| f.rule == "XY-DUP"),
            "{:?}",
            reports[1].findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
        );
    }
}
