//! Choosing between the readings of glued rows with the rest of the table.
//!
//! A glued row may read several ways (`270020130`: 27|0|0|2|0|1|30 or 2|7|0|0|20|1|30), or
//! in no way that satisfies its own sum (one of its numbers is wrong). The table's other sums
//! decide: the readings, taken together, that break the fewest identities are kept. A row is
//! settled when every such best combination reads it the same way; otherwise it stays
//! ambiguous. An identity that breaks in *every* combination is broken whatever the digits
//! meant: the published table is wrong there, and that is an error, not an unread row.
//!
//! Invariant: bounded work. All combinations are tried together up to [`MAX_COMBINATIONS`];
//! beyond that, one row at a time against what is already known.

use std::collections::BTreeMap;

use super::address::CellRef;
use super::identities::Identity;
use super::split::Reading;

/// At most this many combinations of readings are tried one by one.
const MAX_COMBINATIONS: usize = 100_000;
/// At most this many partial combinations are visited by the bounded search beyond that.
const MAX_NODES: usize = 60_000;

/// A glued row (or 表四's one glued run): its cells in order, and its possible readings.
pub(super) struct Slot {
    pub(super) cells: Vec<CellRef>,
    pub(super) readings: Vec<Reading>,
    /// False when a budget cut the readings short.
    pub(super) complete: bool,
    /// False when its numbers may stand out of the cells' order: they come from several lines
    /// (a PDF's narrow column wraps a number onto the next line, another cell's number lands
    /// between its digits) or, in 表三, from a line of their own with no label before them (an
    /// extractor that writes each text box on a line may have put the row's other numbers
    /// elsewhere), and blanks left no digit, so which number is which cell is open.
    pub(super) ordered: bool,
}

/// What the table decided.
#[derive(Debug, Default)]
pub(super) struct Resolution {
    /// Per slot, the reading the table supports, when exactly one is best.
    pub(super) chosen: Vec<Option<usize>>,
    /// Identities that decided a choice and hold in it: they verify nothing any more.
    pub(super) assumed: Vec<String>,
    /// Identities that break in every combination of readings: broken whatever was meant.
    pub(super) broken: Vec<String>,
    /// Identities that break in every best combination (the likeliest readings).
    pub(super) broken_in_best: Vec<String>,
}

/// An identity over dense cell indices: Σ coefficient × value = 0 when it holds.
struct Sum {
    id: usize,
    terms: Vec<(usize, i64)>,
}

/// Chooses readings for `slots`; `known` holds every other cell that could be read (blanks as
/// 0), `identities` every sum of the table.
pub(super) fn resolve(
    known: &BTreeMap<CellRef, i64>,
    slots: &[Slot],
    identities: &[Identity],
) -> Resolution {
    let mut resolution = Resolution { chosen: vec![None; slots.len()], ..Resolution::default() };
    if slots.is_empty() {
        return resolution;
    }
    // Dense indices: every cell of every slot, then every known cell an identity uses.
    let mut index: BTreeMap<CellRef, usize> = BTreeMap::new();
    for slot in slots {
        for &cell in &slot.cells {
            let next = index.len();
            index.entry(cell).or_insert(next);
        }
    }
    let slot_cells = index.len();
    let mut values: Vec<Option<i64>> = vec![None; slot_cells];
    let mut sums: Vec<Sum> = Vec::new();
    for (id, identity) in identities.iter().enumerate() {
        let mut terms = Vec::new();
        let mut touches_slot = false;
        let mut readable = true;
        for cell in identity.cells() {
            let coefficient = identity.coefficient(cell);
            if terms.iter().any(|&(c, _): &(CellRef, i64)| c == cell) {
                continue;
            }
            if index.get(&cell).is_some_and(|&i| i < slot_cells) {
                touches_slot = true;
            } else if !known.contains_key(&cell) {
                readable = false;
            }
            terms.push((cell, coefficient));
        }
        if !touches_slot || !readable {
            continue;
        }
        let terms = terms
            .into_iter()
            .map(|(cell, coefficient)| {
                let at = *index.entry(cell).or_insert_with(|| {
                    values.push(known.get(&cell).copied());
                    values.len() - 1
                });
                (at, coefficient)
            })
            .collect();
        sums.push(Sum { id, terms });
    }
    let at: Vec<Vec<usize>> =
        slots.iter().map(|s| s.cells.iter().map(|c| index[c]).collect()).collect();

    let combinations =
        slots.iter().try_fold(1usize, |acc, s| acc.checked_mul(s.readings.len().max(1)));
    if slots.iter().any(|s| s.readings.is_empty()) {
        return resolution;
    }
    match combinations {
        Some(n) if n <= MAX_COMBINATIONS => {
            joint(slots, &at, &sums, &mut values, identities, &mut resolution);
        }
        _ => {
            if !bounded(slots, &at, &sums, &mut values, identities, &mut resolution) {
                one_at_a_time(slots, &at, &sums, &mut values, identities, &mut resolution);
            }
        }
    }
    crate::sort::sort(&mut resolution.assumed);
    resolution.assumed.dedup();
    crate::sort::sort(&mut resolution.broken);
    resolution.broken.dedup();
    resolution
}

/// Sets the cells of a slot to one of its readings. `open` marks the cells whose value is
/// open all the same: a reading with blanks that left no digit, of numbers that may stand
/// out of the cells' order ([`Slot::ordered`]), says nothing about which cell holds what.
fn set(
    values: &mut [Option<i64>],
    open: &mut [bool],
    slot: &Slot,
    at: &[usize],
    reading: &Reading,
) {
    let unordered = !slot.ordered && reading.iter().any(Option::is_none);
    for (&i, value) in at.iter().zip(reading) {
        // A blank that left no digit counts as 0 in the sums, like any blank.
        values[i] = Some(value.unwrap_or(0));
        open[i] = unordered;
    }
}

/// A sum with a cell whose value is open (see [`set`]): its break proves nothing.
fn touches_open(sum: &Sum, open: &[bool]) -> bool {
    sum.terms.iter().any(|&(i, _)| open[i])
}

impl Slot {
    /// True when some reading leaves which cell holds what open ([`set`]): then no reading
    /// that breaks the row's own sum proves it broken.
    pub(super) fn leaves_cells_open(&self) -> bool {
        !self.ordered && self.readings.iter().any(|reading| reading.iter().any(Option::is_none))
    }
}

fn holds(sum: &Sum, values: &[Option<i64>]) -> Option<bool> {
    residual(sum, values).map(|r| r == 0)
}

/// Σ coefficient × value (0 when the sum holds), when every cell is known.
fn residual(sum: &Sum, values: &[Option<i64>]) -> Option<i64> {
    let mut total = 0i64;
    for &(i, coefficient) in &sum.terms {
        total = total.checked_add(coefficient.checked_mul(values[i]?)?)?;
    }
    Some(total)
}

/// How bad a combination is: the sums it breaks, then by how much in all. One wrong number
/// breaks few sums by a small amount; a wrong cut of glued digits usually breaks them by a
/// lot (`1/0/2/0/312` against `1/0/2/0/3`).
fn badness(sums: &[Sum], values: &[Option<i64>]) -> (Vec<bool>, (usize, i64)) {
    let mut outcome = Vec::with_capacity(sums.len());
    let (mut broken, mut off) = (0usize, 0i64);
    for sum in sums {
        let r = residual(sum, values).unwrap_or(0);
        outcome.push(r == 0);
        if r != 0 {
            broken += 1;
            off = off.saturating_add(r.saturating_abs());
        }
    }
    (outcome, (broken, off))
}

/// Every combination at once.
fn joint(
    slots: &[Slot],
    at: &[Vec<usize>],
    sums: &[Sum],
    values: &mut [Option<i64>],
    identities: &[Identity],
    resolution: &mut Resolution,
) {
    let mut choice = vec![0usize; slots.len()];
    let mut best = (usize::MAX, i64::MAX);
    // Per slot: the reading every best combination shares, or None once two differ.
    let mut agreed: Vec<Option<usize>> = vec![None; slots.len()];
    let mut best_holding: Vec<bool> = vec![true; sums.len()];
    let mut best_broken: Vec<bool> = vec![true; sums.len()];
    let mut ever_holds = vec![false; sums.len()];
    let mut open = vec![false; values.len()];
    'combinations: loop {
        for (k, slot) in slots.iter().enumerate() {
            set(values, &mut open, slot, &at[k], &slot.readings[choice[k]]);
        }
        let (outcome, broken) = badness(sums, values);
        // Broken for sure in this combination: no cell of the sum left open.
        let firm: Vec<bool> =
            outcome.iter().zip(sums).map(|(&h, sum)| !h && !touches_open(sum, &open)).collect();
        for (k, &f) in firm.iter().enumerate() {
            ever_holds[k] |= !f;
        }
        if broken < best {
            best = broken;
            agreed = choice.iter().map(|&c| Some(c)).collect();
            best_broken = firm;
            best_holding = outcome;
        } else if broken == best {
            for (k, &c) in choice.iter().enumerate() {
                if agreed[k] != Some(c) {
                    agreed[k] = None;
                }
            }
            for (k, &h) in outcome.iter().enumerate() {
                best_holding[k] &= h;
                best_broken[k] &= firm[k];
            }
        }
        for k in 0..choice.len() {
            choice[k] += 1;
            if choice[k] < slots[k].readings.len() {
                continue 'combinations;
            }
            choice[k] = 0;
        }
        break;
    }
    resolution.chosen = agreed;
    for (k, sum) in sums.iter().enumerate() {
        if !best_holding[k] && best_broken[k] {
            resolution.broken_in_best.push(identities[sum.id].id());
        }
        let decided = resolution
            .chosen
            .iter()
            .enumerate()
            .any(|(s, chosen)| chosen.is_some() && differs(&slots[s], &at[s], sum));
        if decided && best_holding[k] {
            resolution.assumed.push(identities[sum.id].id());
        }
    }
    if slots.iter().all(|s| s.complete) {
        for (k, sum) in sums.iter().enumerate() {
            if !ever_holds[k] {
                resolution.broken.push(identities[sum.id].id());
            }
        }
    }
}

/// Too many combinations to try one by one: a depth-first search over the slots that bounds
/// each sum by the smallest and largest values its unsettled cells can still take, and drops
/// every partial combination that must break more sums than the best found. False when it
/// ran out of budget.
fn bounded(
    slots: &[Slot],
    at: &[Vec<usize>],
    sums: &[Sum],
    values: &mut [Option<i64>],
    identities: &[Identity],
    resolution: &mut Resolution,
) -> bool {
    // The range of each slot cell over its readings (a blank counts as 0).
    let mut range: Vec<Option<(i64, i64)>> = vec![None; values.len()];
    for (k, slot) in slots.iter().enumerate() {
        for (j, &i) in at[k].iter().enumerate() {
            let cells = slot.readings.iter().map(|r| r[j].unwrap_or(0));
            range[i] = Some((cells.clone().min().unwrap_or(0), cells.max().unwrap_or(0)));
        }
    }
    let mut order: Vec<usize> = (0..slots.len()).collect();
    crate::sort::sort_by_key(&mut order, |&k| slots[k].readings.len());
    for &i in at.iter().flatten() {
        values[i] = None;
    }
    let mut search = Search {
        slots,
        at,
        sums,
        open: vec![false; values.len()],
        range,
        order,
        choice: vec![0; slots.len()],
        best: (usize::MAX, i64::MAX),
        agreed: vec![None; slots.len()],
        best_holding: vec![true; sums.len()],
        best_broken: vec![true; sums.len()],
        nodes: 0,
    };
    search.go(0, values);
    if search.nodes > MAX_NODES || search.best.0 == usize::MAX {
        return false;
    }
    resolution.chosen = search.agreed;
    for (k, sum) in sums.iter().enumerate() {
        if search.best_broken[k] {
            resolution.broken_in_best.push(identities[sum.id].id());
        }
        let decided = resolution
            .chosen
            .iter()
            .enumerate()
            .any(|(s, chosen)| chosen.is_some() && differs(&slots[s], &at[s], sum));
        if decided && search.best_holding[k] {
            resolution.assumed.push(identities[sum.id].id());
        }
    }
    true
}

struct Search<'a> {
    slots: &'a [Slot],
    at: &'a [Vec<usize>],
    sums: &'a [Sum],
    open: Vec<bool>,
    range: Vec<Option<(i64, i64)>>,
    order: Vec<usize>,
    choice: Vec<usize>,
    best: (usize, i64),
    agreed: Vec<Option<usize>>,
    best_holding: Vec<bool>,
    best_broken: Vec<bool>,
    nodes: usize,
}

impl Search<'_> {
    /// How many sums must break whatever the unsettled cells take (`None` past the budget).
    fn must_break(&self, values: &[Option<i64>]) -> usize {
        self.sums
            .iter()
            .filter(|sum| {
                let (mut lo, mut hi) = (0i64, 0i64);
                for &(i, c) in &sum.terms {
                    let (a, b) = match values[i] {
                        Some(v) => (v, v),
                        None => match self.range[i] {
                            Some(r) => r,
                            None => return false,
                        },
                    };
                    let (x, y) = (c.saturating_mul(a), c.saturating_mul(b));
                    lo = lo.saturating_add(x.min(y));
                    hi = hi.saturating_add(x.max(y));
                }
                lo > 0 || hi < 0
            })
            .count()
    }

    fn go(&mut self, depth: usize, values: &mut [Option<i64>]) {
        self.nodes += 1;
        if self.nodes > MAX_NODES || self.must_break(values) > self.best.0 {
            return;
        }
        if depth == self.order.len() {
            let (outcome, broken) = badness(self.sums, values);
            let firm: Vec<bool> = outcome
                .iter()
                .zip(self.sums)
                .map(|(&h, sum)| !h && !touches_open(sum, &self.open))
                .collect();
            if broken < self.best {
                self.best = broken;
                self.agreed = self.choice.iter().map(|&c| Some(c)).collect();
                self.best_broken = firm;
                self.best_holding = outcome;
            } else if broken == self.best {
                for (k, &c) in self.choice.iter().enumerate() {
                    if self.agreed[k] != Some(c) {
                        self.agreed[k] = None;
                    }
                }
                for (k, &h) in outcome.iter().enumerate() {
                    self.best_holding[k] &= h;
                    self.best_broken[k] &= firm[k];
                }
            }
            return;
        }
        let k = self.order[depth];
        for r in 0..self.slots[k].readings.len() {
            self.choice[k] = r;
            set(values, &mut self.open, &self.slots[k], &self.at[k], &self.slots[k].readings[r]);
            self.go(depth + 1, values);
        }
        for &i in &self.at[k] {
            values[i] = None;
            self.open[i] = false;
        }
    }
}

/// True when the slot's readings give `sum` different values.
fn differs(slot: &Slot, at: &[usize], sum: &Sum) -> bool {
    sum.terms.iter().any(|&(i, _)| {
        at.iter().position(|&a| a == i).is_some_and(|p| {
            let first = slot.readings[0][p];
            slot.readings.iter().any(|r| r[p] != first)
        })
    })
}

/// Too many combinations: settle one slot at a time with the sums whose other cells are all
/// known, until nothing more can be settled.
fn one_at_a_time(
    slots: &[Slot],
    at: &[Vec<usize>],
    sums: &[Sum],
    values: &mut [Option<i64>],
    identities: &[Identity],
    resolution: &mut Resolution,
) {
    let mut order: Vec<usize> = (0..slots.len()).collect();
    crate::sort::sort_by_key(&mut order, |&k| slots[k].readings.len());
    // Unsettled slots' cells are unknown.
    for &i in at.iter().flatten() {
        values[i] = None;
    }
    let mut open = vec![false; values.len()];
    loop {
        let mut progress = false;
        for &k in &order {
            if resolution.chosen[k].is_some() {
                continue;
            }
            let relevant: Vec<usize> = (0..sums.len())
                .filter(|&s| sums[s].terms.iter().any(|(i, _)| at[k].contains(i)))
                .collect();
            let mut best = (usize::MAX, i64::MAX);
            let mut winners: Vec<usize> = Vec::new();
            let mut ever_holds = vec![false; relevant.len()];
            for (r, reading) in slots[k].readings.iter().enumerate() {
                set(values, &mut open, &slots[k], &at[k], reading);
                let mut broken = (0usize, 0i64);
                for (j, &s) in relevant.iter().enumerate() {
                    match residual(&sums[s], values) {
                        Some(r) if r != 0 => {
                            broken.0 += 1;
                            broken.1 = broken.1.saturating_add(r.saturating_abs());
                            ever_holds[j] |= touches_open(&sums[s], &open);
                        }
                        // Unknown (another unsettled slot) counts as possibly holding.
                        _ => ever_holds[j] = true,
                    }
                }
                if broken < best {
                    best = broken;
                    winners.clear();
                }
                if broken == best {
                    winners.push(r);
                }
            }
            for &i in &at[k] {
                values[i] = None;
                open[i] = false;
            }
            if slots[k].complete {
                for (j, &s) in relevant.iter().enumerate() {
                    if !ever_holds[j] {
                        resolution.broken.push(identities[sums[s].id].id());
                    }
                }
            }
            if let [only] = winners[..] {
                set(values, &mut open, &slots[k], &at[k], &slots[k].readings[only]);
                resolution.chosen[k] = Some(only);
                for &s in &relevant {
                    if holds(&sums[s], values) == Some(true) && differs(&slots[k], &at[k], &sums[s])
                    {
                        resolution.assumed.push(identities[sums[s].id].id());
                    }
                }
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::address::{Col, Row, TableId};
    use crate::model::identities::t3_identities;
    use crate::model::{Layout, identities::t3_leaves};

    const COLS: [Col; 7] = [Col::NP, Col::CE, Col::RI, Col::SW, Col::LS, Col::OT, Col::T3_TOT];

    /// A consistent 表三: 27 granted, 5 partly, 1 secret; 33 received; totals filled.
    fn table() -> BTreeMap<CellRef, i64> {
        let mut rows: BTreeMap<Row, [i64; 7]> = BTreeMap::new();
        for row in t3_leaves(Layout::Y2021) {
            rows.insert(row, [0; 7]);
        }
        rows.insert(Row::R1, [30, 0, 0, 2, 0, 0, 32]);
        rows.insert(Row::R3_1, [27, 0, 0, 2, 0, 1, 30]);
        rows.insert(Row::R3_2, [2, 0, 0, 0, 0, 0, 2]);
        rows.insert(Row::R3_3_1, [1, 0, 0, 0, 0, 0, 1]);
        rows.insert(Row::R3_7, [30, 0, 0, 2, 0, 1, 33]);
        rows.insert(Row::R2, [0, 0, 0, 0, 0, 1, 1]);
        rows.into_iter()
            .flat_map(|(row, values)| {
                COLS.iter()
                    .zip(values)
                    .map(move |(&col, v)| (CellRef::new(TableId::T3, row, col), v))
            })
            .collect()
    }

    fn slot(row: Row, readings: Vec<Vec<i64>>) -> Slot {
        Slot {
            cells: COLS.iter().map(|&c| CellRef::new(TableId::T3, row, c)).collect(),
            readings: readings.into_iter().map(|r| r.into_iter().map(Some).collect()).collect(),
            complete: true,
            ordered: true,
        }
    }

    fn without(mut known: BTreeMap<CellRef, i64>, row: Row) -> BTreeMap<CellRef, i64> {
        known.retain(|c, _| c.row != row);
        known
    }

    #[test]
    fn numbers_out_of_order_with_blanks_that_left_no_digit_prove_nothing() {
        // 予以公开 read as `2 26 6` from three lines (a narrow 总计 column wrapped 26 around
        // the 自然人 cell's 26): every placement breaks the row's sum, but only because the
        // order is not the cells' order.
        let known = without(table(), Row::R3_1);
        let readings = vec![
            vec![Some(2), Some(26), None, None, None, None, Some(6)],
            vec![Some(2), None, Some(26), None, None, None, Some(6)],
        ];
        let mut slot = Slot {
            cells: COLS.iter().map(|&c| CellRef::new(TableId::T3, Row::R3_1, c)).collect(),
            readings,
            complete: true,
            ordered: false,
        };
        let identities = t3_identities(Layout::Y2021, false, &[]);
        assert!(slot.leaves_cells_open());
        let resolution = resolve(&known, std::slice::from_ref(&slot), &identities);
        assert!(resolution.broken.is_empty(), "{:?}", resolution.broken);
        assert!(resolution.broken_in_best.is_empty(), "{:?}", resolution.broken_in_best);
        // The same numbers on one line are in the cells' order: the row's sum is broken.
        slot.ordered = true;
        assert!(!slot.leaves_cells_open());
        let resolution = resolve(&known, std::slice::from_ref(&slot), &identities);
        assert!(resolution.broken.contains(&"T3-ROW-R3.1".to_string()), "{:?}", resolution.broken);
    }

    #[test]
    fn the_column_sums_choose_between_splits() {
        let known = without(table(), Row::R3_1);
        let slots =
            [slot(Row::R3_1, vec![vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]])];
        let identities = t3_identities(Layout::Y2021, false, &[]);
        let resolution = resolve(&known, &slots, &identities);
        assert_eq!(resolution.chosen, vec![Some(1)]);
        assert!(resolution.broken.is_empty());
        assert!(resolution.assumed.contains(&"T3-OUT-NP".to_string()));
    }

    #[test]
    fn a_row_that_fits_no_sum_is_read_the_way_the_table_supports() {
        // 予以公开·自然人 27 → 28: "280020130" cut every way.
        let known = without(table(), Row::R3_1);
        let cuts = crate::model::split::total_row_readings(&["280020130"], 7);
        assert!(!cuts.fits);
        let slots = [Slot {
            cells: COLS.iter().map(|&c| CellRef::new(TableId::T3, Row::R3_1, c)).collect(),
            readings: cuts.all,
            complete: cuts.complete,
            ordered: true,
        }];
        let identities = t3_identities(Layout::Y2021, false, &[]);
        let resolution = resolve(&known, &slots, &identities);
        let chosen = resolution.chosen[0].map(|k| slots[0].readings[k].clone());
        assert_eq!(chosen, Some([28, 0, 0, 2, 0, 1, 30].map(Some).to_vec()));
        // No reading starts with 27, so the 自然人 column's （七）总计 breaks whatever too.
        assert_eq!(resolution.broken, ["T3-OUT-NP", "T3-ROW-R3.1"].map(String::from).to_vec());
    }

    #[test]
    fn several_equally_good_readings_stay_undecided() {
        let known = without(without(table(), Row::R3_1), Row::R3_7);
        let slots = [
            slot(Row::R3_1, vec![vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]]),
            slot(Row::R3_7, vec![vec![3, 0, 0, 0, 0, 30, 33], vec![30, 0, 0, 2, 0, 1, 33]]),
        ];
        let identities = t3_identities(Layout::Y2021, false, &[]);
        let resolution = resolve(&known, &slots, &identities);
        assert_eq!(resolution.chosen, vec![Some(1), Some(1)]);
        // Without 本年新收 and the balance, nothing tells the first row's readings apart.
        let mut known = known;
        known.retain(|c, _| c.row != Row::R1 && c.row != Row::R2 && c.row != Row::R4);
        let resolution = resolve(&known, &slots[..1], &identities);
        assert_eq!(resolution.chosen, vec![None]);
        assert!(resolution.broken.is_empty());
    }
}
