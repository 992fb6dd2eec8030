//! Comparing reports (issue 16): one unit's years side by side, and a region's units against
//! each other. The page and the command line only draw what this returns.
//!
//! * [`compare`] groups a batch's reports by agency (matched as [`crate::cross`] matches them)
//!   into [`Series`] of years, and gives each pair of consecutive years every cell of 表二,
//!   表三, 表四 (or the pre-2019 统计表) with its change, the rules across years in place
//!   ([`Link`]: 上年结转 = last year's 结转下年度, 现行有效件数 stock, 历年累计 chain) and the
//!   changes a reviewer would ask about ([`hints`]: `XY-JUMP`, `XY-ZERO`, `XY-FIXRATE`,
//!   registered as preview rules and added to the reports by [`crate::cross::apply`]).
//! * For every year with two or more units it builds a [`UnitTable`]: key figures per unit,
//!   each figure's median, the units far from it, the units' totals, and beside them a
//!   report that says it is the region's 汇总.
//!
//! Figures are integers in hundredths (a count of 12 is 1200, a share of 33.33 % is 3333), so
//! that medians of an even number of units stay exact and no float touches a figure.
//! Pure: reads the reports' typed fields, never their text.

use crate::model::{Agency, CellRef, Col, Layout, Number, Row, TableId, Value};
use crate::rules::RuleId;
use crate::{Checked, Finding, rules};

/// Everything compared in a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// One entry per agency with reports of two or more years, most years first.
    pub series: Vec<Series>,
    /// One entry per year with reports of two or more units, most units first.
    pub years: Vec<UnitTable>,
}

/// The reports of one agency, year after year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// The agency, as the latest report's title names it.
    pub agency: String,
    /// `(year, index of the report in the batch)`, by year; a year with two reports of the
    /// agency is left out (not guessed), as the rules across reports do.
    pub reports: Vec<(i32, usize)>,
    /// Each pair of consecutive years present, in year order.
    pub pairs: Vec<YearPair>,
}

/// Two consecutive years of one agency side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearPair {
    /// Index of last year's report in the batch.
    pub last: usize,
    /// Index of this year's report in the batch.
    pub this: usize,
    /// Last year.
    pub last_year: i32,
    /// This year.
    pub this_year: i32,
    /// The tables either report has, in the order 表二, 表三, 表四, 统计表.
    pub tables: Vec<TablePair>,
    /// The changes a reviewer would ask about, as findings about this year's report.
    pub hints: Vec<Finding>,
    /// How much of this year's narrative is last year's (Jaccard of the 8-character shingles,
    /// per mille), when both have a narrative long enough to compare (`XY-DUP` from 800).
    pub copied: Option<usize>,
}

impl YearPair {
    /// The rules across years that do not hold.
    pub fn broken(&self) -> impl Iterator<Item = (&Change, &Link)> {
        self.tables
            .iter()
            .flat_map(|t| &t.cells)
            .filter_map(|c| c.link.as_ref().filter(|l| !l.holds).map(|l| (c, l)))
    }
}

/// One table of two years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TablePair {
    /// Which table.
    pub table: TableId,
    /// The layout this year's table is drawn in (last year's when this year has none).
    pub layout: Layout,
    /// Every value cell of this year's table (last year's when this year has none), in table
    /// order.
    pub cells: Vec<Change>,
}

/// One cell of two years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The cell (the same address in both years).
    pub addr: CellRef,
    /// Last year's value, when it is a number.
    pub before: Option<Number>,
    /// This year's value, when it is a number.
    pub after: Option<Number>,
    /// `after − before`.
    pub delta: Option<Number>,
    /// The relative change in per mille of `before` (rounded toward zero), for whole numbers
    /// with a `before` other than 0.
    pub relative: Option<i64>,
    /// The rule across years this cell is the subject of.
    pub link: Option<Link>,
    /// The hint about this cell (its rule family), when there is one.
    pub hint: Option<RuleId>,
}

/// A rule across years, shown at this year's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// `XY-CARRY`, `XY-STOCK` or `PRE-CHAIN`.
    pub rule: RuleId,
    /// What last year's report gives for the cell.
    pub expected: Number,
    /// Whether this year's value equals it.
    pub holds: bool,
    /// Where the expected value comes from, in words.
    pub reason: String,
}

/// Hints are only given from this base (a count that grows from 10, or shrinks from 10).
pub const BASE: i64 = 10;
/// A count that grows or shrinks more than this many times is a hint.
pub const FOLD: i64 = 5;
/// A 纠正 rate that moves by at least this many per mille (30 percentage points) jumps.
pub const RATE_JUMP: i64 = 300;
/// …when each year has at least this many concluded cases.
pub const RATE_CASES: i64 = 5;

/// Compares the reports of a batch.
pub fn compare(reports: &[&Checked]) -> Comparison {
    Comparison { series: series(reports), years: unit_tables(reports) }
}

/// The hints across years (`XY-JUMP`, `XY-ZERO`, `XY-FIXRATE`) of a batch, each with the
/// index of the report it is about (this year's).
pub fn hints(reports: &[&Checked]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for (last, this) in consecutive(reports) {
        for f in pair_hints(reports[last], reports[this]) {
            out.push((this, f));
        }
    }
    out
}

/// Groups of reports of one agency: indexes, in batch order.
fn agencies(reports: &[&Checked]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(&Agency, Vec<usize>)> = Vec::new();
    for (k, checked) in reports.iter().enumerate() {
        let report = &checked.report;
        let (Some(agency), Some(_)) = (report.agency.as_ref(), report.year) else { continue };
        match groups.iter_mut().find(|(a, _)| a.is_same_unit(agency)) {
            Some((_, members)) => members.push(k),
            None => groups.push((agency, vec![k])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// One agency's reports by year, a year with two reports left out.
fn by_year(reports: &[&Checked], members: &[usize]) -> Vec<(i32, usize)> {
    let mut years: Vec<(i32, usize)> =
        members.iter().filter_map(|&k| Some((reports[k].report.year?, k))).collect();
    crate::sort::sort_by(&mut years, Ord::cmp);
    // Sorted, so a year's reports are neighbours (counting each year's in the whole list was
    // quadratic in a batch of copies).
    let once = |i: usize| {
        let y = years.get(i).map(|&(y, _)| y);
        let near = |j: Option<usize>| j.and_then(|j| years.get(j)).map(|&(y, _)| y);
        y != near(i.checked_sub(1)) && y != near(i.checked_add(1))
    };
    (0..years.len()).filter(|&i| once(i)).filter_map(|i| years.get(i).copied()).collect()
}

/// Every pair (last year's index, this year's index) of consecutive years of one agency.
fn consecutive(reports: &[&Checked]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for members in agencies(reports) {
        let years = by_year(reports, &members);
        for w in years.windows(2) {
            if w[0].0 + 1 == w[1].0 {
                out.push((w[0].1, w[1].1));
            }
        }
    }
    out
}

fn series(reports: &[&Checked]) -> Vec<Series> {
    let mut out = Vec::new();
    for members in agencies(reports) {
        let years = by_year(reports, &members);
        if years.len() < 2 {
            continue;
        }
        let pairs = years
            .windows(2)
            .filter(|w| w[0].0 + 1 == w[1].0)
            .map(|w| pair(reports, w[0].1, w[1].1))
            .collect();
        let latest = years.last().map_or(0, |&(_, k)| k);
        let agency = reports[latest].report.agency_name().unwrap_or_default().to_string();
        out.push(Series { agency, reports: years, pairs });
    }
    crate::sort::sort_by(&mut out, |a, b| {
        b.reports.len().cmp(&a.reports.len()).then_with(|| a.agency.cmp(&b.agency))
    });
    out
}

fn number(checked: &Checked, addr: CellRef) -> Option<Number> {
    checked.report.cell(addr).and_then(|c| c.value.number())
}

/// The value the sums use (a blank is 0).
fn summed(checked: &Checked, addr: CellRef) -> Option<Number> {
    checked.report.cell(addr).and_then(|c| c.value.for_sums())
}

fn pair(reports: &[&Checked], last: usize, this: usize) -> YearPair {
    let (a, b) = (reports[last], reports[this]);
    let last_year = a.report.year.unwrap_or_default();
    let this_year = b.report.year.unwrap_or_default();
    let hints = pair_hints(a, b);
    let mut tables = Vec::new();
    for id in [TableId::T2, TableId::T3, TableId::T4, TableId::Pre2019] {
        let Some(table) = b.report.table(id).or_else(|| a.report.table(id)) else { continue };
        let cells = table
            .cells
            .iter()
            .map(|cell| {
                let addr = cell.addr;
                let (before, after) = (number(a, addr), number(b, addr));
                let delta = before.zip(after).and_then(|(x, y)| y.checked_sub(x));
                let relative = before.zip(after).and_then(|(x, y)| {
                    let (x, y) = (x.as_int()?, y.as_int()?);
                    (x != 0).then(|| (y - x).saturating_mul(1000) / x)
                });
                let hint = hints
                    .iter()
                    .find(|f| f.cells.first() == Some(&addr) && f.family != RuleId::XyFixrate)
                    .map(|f| f.family);
                Change { addr, before, after, delta, relative, link: link(a, b, addr), hint }
            })
            .collect();
        tables.push(TablePair { table: id, layout: table.layout, cells });
    }
    let copied = match (a.shingles(), b.shingles()) {
        (Some(x), Some(y)) => Some(crate::cross::jaccard(&x, &y)),
        _ => None,
    };
    YearPair { last, this, last_year, this_year, tables, hints, copied }
}

/// The rule across years whose subject is `addr` of this year's report.
fn link(last: &Checked, this: &Checked, addr: CellRef) -> Option<Link> {
    let year = last.report.year.unwrap_or_default();
    let now = summed(this, addr)?;
    let (rule, expected, reason) = match (addr.table, addr.row, addr.col) {
        (TableId::T3, Row::R2, col) => {
            let before = summed(last, CellRef::new(TableId::T3, Row::R4, col))?;
            (RuleId::XyCarry, before, format!("应等于 {year} 年报告的结转下年度继续办理 {before}"))
        }
        (TableId::T2, row @ (Row::REG | Row::NORM), Col::valid) => {
            let both_2021 = [last, this]
                .iter()
                .all(|c| c.report.table(TableId::T2).is_some_and(|t| t.layout == Layout::Y2021));
            if !both_2021 {
                return None;
            }
            let at = |col| CellRef::new(TableId::T2, row, col);
            let before = summed(last, at(Col::valid))?;
            let made = summed(this, at(Col::made))?;
            let repealed = summed(this, at(Col::rep))?;
            let expected = before.checked_add(made)?.checked_sub(repealed)?;
            (
                RuleId::XyStock,
                expected,
                format!(
                    "{year} 年的现行有效件数 {before} + 本年制发 {made} − 本年废止 {repealed} = {expected}"
                ),
            )
        }
        (TableId::Pre2019, row, Col::cum) => {
            let before = summed(last, CellRef::new(TableId::Pre2019, row, Col::cum))?;
            let this_year = summed(this, CellRef::new(TableId::Pre2019, row, Col::y))?;
            let expected = before.checked_add(this_year)?;
            (
                RuleId::PreChain,
                expected,
                format!("{year} 年的历年累计 {before} + 本年度 {this_year} = {expected}"),
            )
        }
        _ => return None,
    };
    Some(Link { rule, expected, holds: now == expected, reason })
}

/// The cells whose change is a hint: 表三's 总计 column and its 本年新收 row (the outcome
/// categories and the applicant categories), 表四's 总计 and 结果纠正 columns, 表二's counts,
/// the statistics table's 本年度 column. (Every cell would repeat a row's jump in each of its
/// columns.)
fn watched(addr: CellRef) -> bool {
    match addr.table {
        TableId::T3 => addr.col == Col::T3_TOT || addr.row == Row::R1,
        TableId::T4 => matches!(addr.col, Col::t4_tot | Col::fix),
        TableId::T2 => !matches!(addr.col, Col::delta | Col::amount) && addr.row != Row::FEE,
        TableId::Pre2019 => addr.col == Col::y && addr.row != Row::CHARGE,
    }
}

/// A cell named in words as the comparison's hints name it: `表三“本年新收”（总计）`.
pub fn cell_name(addr: CellRef) -> String {
    format!("{}“{}”（{}）", addr.table.name(), addr.row.short(), addr.col.name())
}

fn pair_hints(last: &Checked, this: &Checked) -> Vec<Finding> {
    let mut out = Vec::new();
    let year = last.report.year.unwrap_or_default();
    let this_year = this.report.year.unwrap_or_default();
    for table in &this.report.tables {
        for cell in &table.cells {
            let addr = cell.addr;
            if !watched(addr) {
                continue;
            }
            let (Some(before), Some(after)) = (
                number(last, addr).and_then(Number::as_int),
                cell.value.number().and_then(Number::as_int),
            ) else {
                continue;
            };
            if before < 0 || after < 0 {
                continue;
            }
            let name = cell_name(addr);
            let (rule, message) = if (before >= BASE && after == 0)
                || (before == 0 && after >= BASE)
            {
                (
                    RuleId::XyZero,
                    format!("{name}由 {year} 年的 {before} 变为 {this_year} 年的 {after}。"),
                )
            } else if before >= BASE && after > 0 && after > FOLD * before {
                let times = times(after, before);
                (
                    RuleId::XyJump,
                    format!(
                        "{name}由 {year} 年的 {before} 增至 {this_year} 年的 {after}，是上年的 {times} 倍（超过 {FOLD} 倍）。"
                    ),
                )
            } else if before >= BASE && after > 0 && after * FOLD < before {
                let times = times(before, after);
                (
                    RuleId::XyJump,
                    format!(
                        "{name}由 {year} 年的 {before} 降至 {this_year} 年的 {after}，只有上年的 {times} 分之一（变化超过 {FOLD} 倍）。"
                    ),
                )
            } else {
                continue;
            };
            let mut f = rules::finding(rule, message, vec![addr]);
            f.found = Some(Number::int(after));
            f.hint = Some(
                "核对两年的这个数是否填错（多写或少写一位、填到了别的行或列）；变化属实的，宜在正文中说明原因。"
                    .to_string(),
            );
            out.push(f);
        }
    }
    if let (Some((fix_a, all_a)), Some((fix_b, all_b))) = (fix_rate(last), fix_rate(this))
        && all_a >= RATE_CASES
        && all_b >= RATE_CASES
    {
        // Per mille, rounded half up.
        let (ra, rb) = ((fix_a * 2000 / all_a + 1) / 2, (fix_b * 2000 / all_b + 1) / 2);
        if (rb - ra).abs() >= RATE_JUMP {
            let cells = [Row::RV, Row::LD, Row::LR]
                .into_iter()
                .map(|row| CellRef::new(TableId::T4, row, Col::fix))
                .collect();
            let mut f = rules::finding(
                RuleId::XyFixrate,
                format!(
                    "表四的纠正率（结果纠正 ÷ 已审结）由 {year} 年的 {}（{fix_a}/{all_a}）变为 {this_year} 年的 {}（{fix_b}/{all_b}），变动 {} 个百分点。",
                    permille(ra),
                    permille(rb),
                    (rb - ra).abs() / 10
                ),
                cells,
            );
            f.hint = Some(
                "纠正率大幅变化，应核对结果纠正和其他各栏是否填对；属实的，宜在正文中分析被纠正的原因和整改情况。"
                    .to_string(),
            );
            out.push(f);
        }
    }
    out
}

/// `a / b` with one decimal, rounded down: `6.7`.
fn times(a: i64, b: i64) -> String {
    let tenths = a * 10 / b;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Per mille as a percentage with one decimal: `337` → `33.7%`.
fn permille(value: i64) -> String {
    format!("{}.{}%", value / 10, value.abs() % 10)
}

/// 表四's 结果纠正 and concluded cases (维持 + 纠正 + 其他结果) over 复议 and both 诉讼 rows.
fn fix_rate(checked: &Checked) -> Option<(i64, i64)> {
    let table = checked.report.table(TableId::T4)?;
    let mut fixed = 0;
    let mut concluded = 0;
    for row in [Row::RV, Row::LD, Row::LR] {
        let get =
            |col| table.cell(row, col).and_then(|c| c.value.for_sums()).and_then(Number::as_int);
        fixed += get(Col::fix)?;
        concluded += get(Col::keep)? + get(Col::fix)? + get(Col::oth)?;
    }
    Some((fixed, concluded))
}

/// The key figures of the unit table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// 本年新收 (总计).
    Received,
    /// 予以公开 ÷ 办理结果总计.
    OpenShare,
    /// 不予公开 ÷ 办理结果总计.
    DenyShare,
    /// 行政复议 (总计).
    Reviews,
    /// 行政诉讼 (总计, both kinds).
    Suits,
    /// 表四 结果纠正 ÷ 已审结.
    FixRate,
}

impl Figure {
    /// Every figure, in column order.
    pub const ALL: [Figure; 6] = [
        Figure::Received,
        Figure::OpenShare,
        Figure::DenyShare,
        Figure::Reviews,
        Figure::Suits,
        Figure::FixRate,
    ];

    /// The column name.
    pub fn name(self) -> &'static str {
        match self {
            Figure::Received => "本年新收",
            Figure::OpenShare => "予以公开占比",
            Figure::DenyShare => "不予公开占比",
            Figure::Reviews => "行政复议",
            Figure::Suits => "行政诉讼",
            Figure::FixRate => "纠正率",
        }
    }

    /// A short code for `data-*` attributes and tests.
    pub fn code(self) -> &'static str {
        match self {
            Figure::Received => "received",
            Figure::OpenShare => "open",
            Figure::DenyShare => "deny",
            Figure::Reviews => "reviews",
            Figure::Suits => "suits",
            Figure::FixRate => "fix",
        }
    }

    /// A share (percent), not a count.
    pub fn is_share(self) -> bool {
        matches!(self, Figure::OpenShare | Figure::DenyShare | Figure::FixRate)
    }

    /// A figure's value as shown: `12`, `12.5`, `33.3%`.
    pub fn show(self, hundredths: i64) -> String {
        if self.is_share() {
            // Hundredths of a percent, shown to one decimal (rounded half up).
            let tenths = (hundredths + 5).div_euclid(10);
            format!("{}.{}%", tenths.div_euclid(10), tenths.rem_euclid(10))
        } else {
            let whole = hundredths.div_euclid(100);
            match hundredths.rem_euclid(100) {
                0 => whole.to_string(),
                r if r % 10 == 0 => format!("{whole}.{}", r / 10),
                r => format!("{whole}.{r:02}"),
            }
        }
    }
}

/// A unit far from the median: further than [`FAR_MADS`] × the median absolute deviation
/// **and** at least [`FAR_FLOOR`] (10 件, or 10 percentage points) from it, among at least
/// [`FAR_UNITS`] units that have the figure.
pub const FAR_MADS: i64 = 3;
/// See [`FAR_MADS`]: hundredths (10 件 or 10 percentage points).
pub const FAR_FLOOR: i64 = 1000;
/// See [`FAR_MADS`].
pub const FAR_UNITS: usize = 4;

/// The counts a unit's figures come from; summed for totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// 本年新收.
    pub received: Option<i64>,
    /// 办理结果总计 (the shares' denominator).
    pub concluded: Option<i64>,
    /// 予以公开.
    pub open: Option<i64>,
    /// 不予公开 (all its reasons).
    pub denied: Option<i64>,
    /// 行政复议.
    pub reviews: Option<i64>,
    /// 行政诉讼.
    pub suits: Option<i64>,
    /// 表四 结果纠正.
    pub fixed: Option<i64>,
    /// 表四 已审结 (维持 + 纠正 + 其他结果).
    pub decided: Option<i64>,
}

impl Parts {
    /// A report's counts (2019 and 2021 tables, or the pre-2019 统计表).
    pub fn of(checked: &Checked) -> Parts {
        let int = |addr: CellRef| summed(checked, addr).and_then(Number::as_int);
        let t3 = |row, col| int(CellRef::new(TableId::T3, row, col));
        let t4 = |row, col| int(CellRef::new(TableId::T4, row, col));
        let p = |row| int(CellRef::new(TableId::Pre2019, row, Col::y));
        if checked.report.table(TableId::T3).is_some() {
            let denied = crate::model::identities::t3_group(Row::R3_3)
                .iter()
                .map(|&row| t3(row, Col::T3_TOT))
                .sum::<Option<i64>>();
            let (fixed, decided) = fix_rate(checked).unzip();
            Parts {
                received: t3(Row::R1, Col::T3_TOT),
                concluded: t3(Row::R3_7, Col::T3_TOT),
                open: t3(Row::R3_1, Col::T3_TOT),
                denied,
                reviews: t4(Row::RV, Col::t4_tot),
                suits: t4(Row::LD, Col::t4_tot).zip(t4(Row::LR, Col::t4_tot)).map(|(a, b)| a + b),
                fixed,
                decided,
            }
        } else if checked.report.table(TableId::Pre2019).is_some() {
            Parts {
                received: p(Row::REQ),
                concluded: p(Row::ANS),
                open: p(Row::ANS_OPEN),
                denied: p(Row::ANS_DENY),
                reviews: p(Row::APPEAL),
                suits: p(Row::SUIT),
                fixed: None,
                decided: None,
            }
        } else {
            Parts::default()
        }
    }

    /// Whether the report had any table to take figures from.
    pub fn is_empty(&self) -> bool {
        *self == Parts::default()
    }

    fn add(&mut self, other: &Parts) {
        let add = |a: &mut Option<i64>, b: Option<i64>| {
            if let Some(b) = b {
                *a = Some(a.unwrap_or(0).saturating_add(b));
            }
        };
        add(&mut self.received, other.received);
        add(&mut self.concluded, other.concluded);
        add(&mut self.open, other.open);
        add(&mut self.denied, other.denied);
        add(&mut self.reviews, other.reviews);
        add(&mut self.suits, other.suits);
        add(&mut self.fixed, other.fixed);
        add(&mut self.decided, other.decided);
    }

    /// A figure in hundredths; a share of nothing (no concluded request) is no figure.
    pub fn figure(&self, figure: Figure) -> Option<i64> {
        let share = |n: Option<i64>, d: Option<i64>| {
            let (n, d) = (n?, d?);
            // Hundredths of a percent, rounded down: shown to one decimal rounded half up,
            // that is the share itself rounded half up (no double rounding).
            (d > 0).then(|| n.saturating_mul(10_000) / d)
        };
        match figure {
            Figure::Received => self.received.map(|n| n.saturating_mul(100)),
            Figure::OpenShare => share(self.open, self.concluded),
            Figure::DenyShare => share(self.denied, self.concluded),
            Figure::Reviews => self.reviews.map(|n| n.saturating_mul(100)),
            Figure::Suits => self.suits.map(|n| n.saturating_mul(100)),
            Figure::FixRate => share(self.fixed, self.decided),
        }
    }
}

/// One unit's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Index of its report in the batch.
    pub index: usize,
    /// Its agency.
    pub agency: String,
    /// Its counts.
    pub parts: Parts,
    /// Its figures in [`Figure::ALL`] order, in hundredths.
    pub values: [Option<i64>; 6],
    /// Whether each figure is far from the median.
    pub far: [bool; 6],
}

/// A report that says it is its region's 汇总, beside the sum of its region's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aggregate {
    /// Index of its report in the batch.
    pub index: usize,
    /// Its agency.
    pub agency: String,
    /// Its own figures.
    pub declared: [Option<i64>; 6],
    /// The units of the batch named after its region.
    pub units: usize,
    /// Their figures summed (shares of the summed counts).
    pub computed: [Option<i64>; 6],
}

/// The units of one year against each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitTable {
    /// The year.
    pub year: i32,
    /// The units (every report of the year with figures that is not a 汇总), in batch order.
    pub units: Vec<Unit>,
    /// Each figure's median over the units that have it, in hundredths.
    pub medians: [Option<i64>; 6],
    /// Each figure's median absolute deviation, in hundredths.
    pub mads: [Option<i64>; 6],
    /// The units' counts summed, and the figures of those sums.
    pub totals: [Option<i64>; 6],
    /// Reports of the year that say they are a region's 汇总.
    pub aggregates: Vec<Aggregate>,
}

/// The median of integers (exact in hundredths: the mean of two multiples of 50 or 25 is a
/// whole number); `None` for none.
fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    crate::sort::sort(values);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        i64::midpoint(values[mid - 1], values[mid])
    })
}

fn figures(parts: &Parts) -> [Option<i64>; 6] {
    Figure::ALL.map(|f| parts.figure(f))
}

fn unit_tables(reports: &[&Checked]) -> Vec<UnitTable> {
    let mut years: Vec<i32> = reports.iter().filter_map(|c| c.report.year).collect();
    crate::sort::sort(&mut years);
    years.dedup();
    let mut out = Vec::new();
    for year in years {
        let of_year: Vec<usize> =
            (0..reports.len()).filter(|&k| reports[k].report.year == Some(year)).collect();
        let mut units = Vec::new();
        let mut aggregate_reports = Vec::new();
        for &k in &of_year {
            let parts = Parts::of(reports[k]);
            if parts.is_empty() {
                continue;
            }
            if reports[k].report.declares_aggregate {
                aggregate_reports.push(k);
                continue;
            }
            let agency = reports[k].report.agency_name().unwrap_or_default().to_string();
            units.push(Unit { index: k, agency, parts, values: figures(&parts), far: [false; 6] });
        }
        if units.len() < 2 {
            continue;
        }
        let mut medians = [None; 6];
        let mut mads = [None; 6];
        for (i, _) in Figure::ALL.iter().enumerate() {
            let mut values: Vec<i64> = units.iter().filter_map(|u| u.values[i]).collect();
            let Some(m) = median(&mut values) else { continue };
            let mut deviations: Vec<i64> = values.iter().map(|v| (v - m).abs()).collect();
            let mad = median(&mut deviations).unwrap_or(0);
            medians[i] = Some(m);
            mads[i] = Some(mad);
            if values.len() < FAR_UNITS {
                continue;
            }
            for unit in &mut units {
                if let Some(v) = unit.values[i] {
                    let distance = (v - m).abs();
                    unit.far[i] = distance > FAR_MADS * mad && distance >= FAR_FLOOR;
                }
            }
        }
        let mut sum = Parts::default();
        for unit in &units {
            sum.add(&unit.parts);
        }
        let aggregates = aggregate_reports
            .into_iter()
            .map(|k| {
                let region = reports[k].report.agency.as_ref();
                let agency = region.map(|a| a.name.clone()).unwrap_or_default();
                let mut children = Parts::default();
                let mut count = 0;
                for unit in &units {
                    let of_region = region.is_some_and(|region| {
                        reports[unit.index]
                            .report
                            .agency
                            .as_ref()
                            .is_some_and(|a| a.is_unit_of(region))
                    });
                    if of_region {
                        children.add(&unit.parts);
                        count += 1;
                    }
                }
                Aggregate {
                    index: k,
                    agency,
                    declared: figures(&Parts::of(reports[k])),
                    units: count,
                    computed: if count > 0 { figures(&children) } else { [None; 6] },
                }
            })
            .collect();
        out.push(UnitTable { year, units, medians, mads, totals: figures(&sum), aggregates });
    }
    crate::sort::sort_by(&mut out, |a, b| {
        b.units.len().cmp(&a.units.len()).then_with(|| b.year.cmp(&a.year))
    });
    out
}

/// How a unit table is ordered: by a figure (units without it last), or by batch order.
pub fn sorted_units(table: &UnitTable, by: Option<Figure>, descending: bool) -> Vec<&Unit> {
    let mut units: Vec<&Unit> = table.units.iter().collect();
    if let Some(figure) = by {
        let i = Figure::ALL.iter().position(|&f| f == figure).unwrap_or(0);
        crate::sort::sort_by(&mut units, |a, b| match (a.values[i], b.values[i]) {
            (Some(x), Some(y)) => {
                if descending {
                    y.cmp(&x)
                } else {
                    x.cmp(&y)
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    units
}

/// The unit tables as CSV for Excel and WPS (UTF-8 with BOM, CRLF, formula-safe): per year,
/// one line per unit, then the median, the units' total and each 汇总 report. `names` are the
/// batch's file names by index.
pub fn units_csv(tables: &[UnitTable], names: &[&str]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header: Vec<String> = ["文件", "单位", "年度"].map(str::to_string).to_vec(); // shown
    header.extend(Figure::ALL.iter().map(|f| f.name().to_string()));
    header.push("偏离中位数".to_string());
    push_row(&mut out, &header);
    let show = |values: &[Option<i64>; 6]| -> Vec<String> {
        Figure::ALL
            .iter()
            .zip(values)
            .map(|(f, v)| v.map(|v| f.show(v)).unwrap_or_default())
            .collect()
    };
    let name = |k: usize| names.get(k).copied().unwrap_or_default().to_string();
    for table in tables {
        let year = table.year.to_string();
        for unit in &table.units {
            let mut row = vec![name(unit.index), unit.agency.clone(), year.clone()];
            row.extend(show(&unit.values));
            let far: Vec<&str> = Figure::ALL
                .iter()
                .zip(unit.far)
                .filter(|(_, far)| *far)
                .map(|(f, _)| f.name())
                .collect();
            row.push(far.join("、"));
            push_row(&mut out, &row);
        }
        let mut median = vec![String::new(), "中位数".to_string(), year.clone()];
        median.extend(show(&table.medians));
        median.push(String::new());
        push_row(&mut out, &median);
        let mut total =
            vec![String::new(), format!("{} 个单位合计", table.units.len()), year.clone()];
        total.extend(show(&table.totals));
        total.push(String::new());
        push_row(&mut out, &total);
        for aggregate in &table.aggregates {
            let mut row = vec![
                name(aggregate.index),
                format!("{}（汇总报告）", aggregate.agency),
                year.clone(),
            ];
            row.extend(show(&aggregate.declared));
            row.push(String::new());
            push_row(&mut out, &row);
        }
    }
    out
}

fn push_row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A leading =, +, - or @ would be a formula in Excel: quote it with an apostrophe.
        let safe = if field.starts_with(['=', '+', '-', '@']) && !is_number(field) {
            format!("'{field}")
        } else {
            field.clone()
        };
        if safe.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&safe.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&safe);
        }
    }
    out.push_str("\r\n");
}

fn is_number(field: &str) -> bool {
    Number::parse(field.trim_end_matches('%')).is_some()
}

/// The value a cell of a year pair shows: the number, or what the report printed.
pub fn shown(checked: &Checked, addr: CellRef) -> String {
    match checked.report.cell(addr).map(|c| &c.value) {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Blank { placeholder: Some(mark) }) => mark.clone(),
        Some(Value::Blank { placeholder: None }) => "空白".to_string(),
        Some(Value::Text(text)) => text.clone(),
        Some(_) => "？".to_string(),
        None => "—".to_string(),
    }
}

/// A change in words: `+137（+169.1%）`, `−3（−50.0%）`, `0`, `+5（上年为 0）`.
pub fn describe(change: &Change) -> String {
    let Some(delta) = change.delta else { return String::new() };
    let sign = if delta.is_negative() {
        "−"
    } else if delta.is_zero() {
        ""
    } else {
        "+"
    };
    let magnitude = delta.to_string().trim_start_matches('-').to_string();
    if delta.is_zero() {
        return "0".to_string();
    }
    let relative = match (change.relative, change.before) {
        (Some(r), _) => format!("（{sign}{}）", permille(r.abs())),
        (None, Some(b)) if b.is_zero() => "（上年为 0）".to_string(),
        _ => String::new(),
    };
    format!("{sign}{magnitude}{relative}")
}

/// Uses the rules across years to say what a change looks like: `XY-CARRY` etc. with a hint.
pub fn link_text(link: &Link) -> String {
    if link.holds {
        format!("{}：{}，相符", link.rule, link.reason)
    } else {
        format!("{}：{}，不符", link.rule, link.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_are_exact_in_hundredths() {
        assert_eq!(median(&mut [300, 100, 200]), Some(200));
        assert_eq!(median(&mut [100, 200]), Some(150));
        assert_eq!(median(&mut []), None);
        assert_eq!(Figure::Received.show(150), "1.5");
        assert_eq!(Figure::Received.show(1200), "12");
        assert_eq!(Figure::Received.show(1225), "12.25");
        assert_eq!(Figure::OpenShare.show(3333), "33.3%");
        assert_eq!(Figure::OpenShare.show(3335), "33.4%");
        assert_eq!(Figure::OpenShare.show(10_000), "100.0%");
    }

    #[test]
    fn shares_are_shown_rounded_once() {
        let parts = Parts { open: Some(1), concluded: Some(3), ..Parts::default() };
        assert_eq!(parts.figure(Figure::OpenShare), Some(3333));
        let parts = Parts { open: Some(2), concluded: Some(3), ..Parts::default() };
        assert_eq!(parts.figure(Figure::OpenShare), Some(6666));
        assert_eq!(Figure::OpenShare.show(6666), "66.7%");
        // 7/13 = 53.846…%: 53.8%, not 53.9% (which rounding twice would give).
        let parts = Parts { open: Some(7), concluded: Some(13), ..Parts::default() };
        assert_eq!(
            parts.figure(Figure::OpenShare).map(|v| Figure::OpenShare.show(v)).as_deref(),
            Some("53.8%")
        );
        let none = Parts { open: Some(0), concluded: Some(0), ..Parts::default() };
        assert_eq!(none.figure(Figure::OpenShare), None);
    }

    #[test]
    fn a_change_reads_with_its_sign() {
        let change = |before: i64, after: i64| {
            let (b, a) = (Number::int(before), Number::int(after));
            Change {
                addr: CellRef::new(TableId::T3, Row::R1, Col::T3_TOT),
                before: Some(b),
                after: Some(a),
                delta: a.checked_sub(b),
                relative: (before != 0).then(|| (after - before) * 1000 / before),
                link: None,
                hint: None,
            }
        };
        assert_eq!(describe(&change(81, 218)), "+137（+169.1%）");
        assert_eq!(describe(&change(6, 3)), "−3（−50.0%）");
        assert_eq!(describe(&change(0, 5)), "+5（上年为 0）");
        assert_eq!(describe(&change(4, 4)), "0");
    }

    #[test]
    fn csv_defuses_formulas_and_quotes() {
        let mut out = String::new();
        push_row(&mut out, &["=1+1".to_string(), "-3".to_string(), "a,b".to_string()]);
        assert_eq!(out, "'=1+1,-3,\"a,b\"\r\n");
    }
}
