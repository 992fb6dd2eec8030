//! Naming the culprit: the fewest cells whose correction reconciles every broken sum.
//!
//! One mistyped cell breaks every identity it takes part in at once (a wrong （七）总计·自然人
//! breaks its row's 总计, its column's （七）总计 and its column's balance). So the failing
//! identities are grouped into connected components (identities sharing a cell), and for each
//! component we look for one cell, then two, then three, whose new values make every identity
//! of the component hold without breaking any identity that holds today. When exactly one
//! smallest correction exists it is named; when several do, all are listed and none is
//! claimed; when none of size ≤ 3 exists (or more than `MAX_CORRECTIONS` of size 3), the
//! message says so. Nothing here guesses.
//!
//! Invariant: bounded work (cells of a component × their neighbours, ≤ 200 × 200 pairs; three
//! cells only for a component of at most three times the sums of one cell, each taken from a
//! sum the others leave broken or touch).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{CellRef, Identity};

/// One cell's correction.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Fix {
    /// The cell.
    pub cell: CellRef,
    /// Its value now (blank counts as 0).
    pub from: i64,
    /// The value that reconciles the sums.
    pub to: i64,
    /// True when the cell is blank now.
    pub was_blank: bool,
}

impl Fix {
    /// The correction as a clerk reads it: `“自然人·（七）总计”应为 1（现为 2）`.
    pub fn words(&self) -> String {
        let now = if self.was_blank { "空白".to_string() } else { self.from.to_string() };
        format!("“{}”应为 {}（现为 {now}）", self.cell.display_name(), self.to)
    }
}

/// The explanation of one group of broken identities.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnosis {
    /// Ids of the failing identities this explains.
    pub explains: Vec<String>,
    /// Every smallest correction found (best first); empty when none of ≤ 2 cells exists.
    pub corrections: Vec<Vec<Fix>>,
    /// What the report itself says that narrowed the corrections down, when it did.
    pub evidence: Option<String>,
}

impl Diagnosis {
    /// True when this diagnosis explains `check` (one of the broken sums it reconciles).
    pub fn explains_check(&self, check: &super::Check) -> bool {
        let id = check.identity.id();
        self.explains.contains(&id)
    }

    /// True when this diagnosis explains `finding`'s own check (not only one it also breaks).
    pub fn explains_finding(&self, finding: &crate::Finding) -> bool {
        self.explains.contains(&finding.rule)
    }

    /// The correction, when exactly one smallest correction exists.
    pub fn unique(&self) -> Option<&[Fix]> {
        match self.corrections.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}

/// At most this many alternative corrections are kept.
const MAX_CORRECTIONS: usize = 8;

/// The current state of one identity for the search.
pub(super) struct Term<'a> {
    pub(super) identity: &'a Identity,
    /// Σ total − Σ parts with current values (0 = holds).
    pub(super) residual: i64,
}

/// Diagnoses every component of failing identities. `terms` are the identities that could
/// be evaluated; `value` gives a cell's current value (and whether it is blank).
pub(super) fn diagnose(
    terms: &[Term<'_>],
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Vec<Diagnosis> {
    let failing: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].residual != 0).collect();
    let mut out = Vec::new();
    for component in components(terms, &failing) {
        let explains: Vec<String> = component.iter().map(|&i| terms[i].identity.id()).collect();
        let corrections = search(terms, &component, value);
        out.push(Diagnosis { explains, corrections, evidence: None });
    }
    out
}

/// Union-find root with path halving.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups failing identities that share a cell.
fn components(terms: &[Term<'_>], failing: &[usize]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..failing.len()).collect();
    for a in 0..failing.len() {
        for b in a + 1..failing.len() {
            let shares =
                terms[failing[a]].identity.cells().any(|c| terms[failing[b]].identity.involves(c));
            if shares {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    for (k, &identity) in failing.iter().enumerate() {
        let root = find(&mut parent, k);
        if let Some(g) = roots.iter().position(|&r| r == root) {
            groups[g].push(identity);
        } else {
            roots.push(root);
            groups.push(vec![identity]);
        }
    }
    groups
}

fn search(
    terms: &[Term<'_>],
    component: &[usize],
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Vec<Vec<Fix>> {
    // Filled by `extend`: `collect` would sort first (a copy of the standard sort in the wasm).
    let mut pool: BTreeSet<CellRef> = BTreeSet::new();
    pool.extend(component.iter().flat_map(|&i| terms[i].identity.cells()));
    let in_component = |i: usize| component.contains(&i);
    // Identities (by index, ascending) containing a cell, worked out once for every cell
    // rather than by scanning every identity for each cell of each pair.
    let mut by_cell: BTreeMap<CellRef, Vec<usize>> = BTreeMap::new();
    for (i, term) in terms.iter().enumerate() {
        for cell in term.identity.cells() {
            if term.identity.coefficient(cell) != 0 {
                let identities = by_cell.entry(cell).or_default();
                if identities.last() != Some(&i) {
                    identities.push(i);
                }
            }
        }
    }
    let touching =
        |cell: CellRef| -> Vec<usize> { by_cell.get(&cell).cloned().unwrap_or_default() };

    // One cell: it must take part in every failing identity of the component, and every
    // identity it takes part in must agree on the correction.
    let mut singles = Vec::new();
    for &cell in &pool {
        let Some((current, blank)) = value(cell) else { continue };
        let touched = touching(cell);
        if !component.iter().all(|i| touched.contains(i)) {
            continue;
        }
        let mut delta = None;
        let mut consistent = true;
        for &i in &touched {
            let coef = terms[i].identity.coefficient(cell);
            let needed = -terms[i].residual;
            if needed % coef != 0 {
                consistent = false;
                break;
            }
            let d = needed / coef;
            match delta {
                None => delta = Some(d),
                Some(prev) if prev == d => {}
                Some(_) => {
                    consistent = false;
                    break;
                }
            }
        }
        if let (true, Some(d)) = (consistent, delta)
            && d != 0
            && current + d >= 0
        {
            singles.push(vec![Fix { cell, from: current, to: current + d, was_blank: blank }]);
        }
    }
    if !singles.is_empty() {
        return rank(terms, component, singles);
    }

    // Two cells.
    let mut pairs = Vec::new();
    for &a in &pool {
        let Some((va, blank_a)) = value(a) else { continue };
        let touched_a = touching(a);
        let mut partners: BTreeSet<CellRef> = pool.clone();
        for &i in &touched_a {
            partners.extend(terms[i].identity.cells());
        }
        for &b in &partners {
            if b <= a && pool.contains(&b) {
                continue;
            }
            if b == a {
                continue;
            }
            let Some((vb, blank_b)) = value(b) else { continue };
            let touched_b = touching(b);
            if !component.iter().all(|i| touched_a.contains(i) || touched_b.contains(i)) {
                continue;
            }
            let mut involved: Vec<usize> = touched_a.clone();
            for i in touched_b {
                if !involved.contains(&i) {
                    involved.push(i);
                }
            }
            // Identities outside the component that fail today may stay failing.
            let equations: Vec<(i64, i64, i64)> = involved
                .iter()
                .filter(|&&i| in_component(i) || terms[i].residual == 0)
                .map(|&i| {
                    let id = terms[i].identity;
                    (id.coefficient(a), id.coefficient(b), -terms[i].residual)
                })
                .collect();
            if let Some((da, db)) = solve2(&equations)
                && da != 0
                && db != 0
                && va + da >= 0
                && vb + db >= 0
            {
                pairs.push(vec![
                    Fix { cell: a, from: va, to: va + da, was_blank: blank_a },
                    Fix { cell: b, from: vb, to: vb + db, was_blank: blank_b },
                ]);
            }
            if pairs.len() > 4 * MAX_CORRECTIONS {
                break;
            }
        }
    }
    if pairs.is_empty() {
        if let Some(fill) = fill_blanks(terms, component, &pool, value) {
            return vec![fill];
        }
        return triples(terms, component, &by_cell, value);
    }
    rank(terms, component, pairs)
}

/// Three cells, when neither one nor two explain the component (three slips in one column
/// break three rows and the column's sum, and no pair reconciles them): every set of three
/// whose correction reconciles the component and breaks no sum that holds. A set must touch
/// every failing sum, so its first cell is taken from the smallest failing sum, the next from
/// the first failing sum left untouched (or, when none is left, from the sums the cells taken
/// touch: a cell touching none of them could only be changed by 0), which finds every such set.
/// Listed only when there are at most `MAX_CORRECTIONS`: beyond that the sums do not say
/// where the mistakes are.
fn triples(
    terms: &[Term<'_>],
    component: &[usize],
    by_cell: &BTreeMap<CellRef, Vec<usize>>,
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Vec<Vec<Fix>> {
    let touching = |cell: CellRef| by_cell.get(&cell).map_or(&[][..], Vec::as_slice);
    // Three cells touch at most three times as many sums as the cell in most sums.
    let most = by_cell.values().map(Vec::len).max().unwrap_or(0);
    if component.len() > 3 * most {
        return Vec::new();
    }
    let cells_of = |i: usize| -> Vec<CellRef> {
        let identity = terms[i].identity;
        identity.cells().filter(|&c| identity.coefficient(c) != 0).collect()
    };
    let Some(&first) = component.iter().min_by_key(|&&i| cells_of(i).len()) else {
        return Vec::new();
    };
    let next = |taken: &[CellRef]| -> Vec<CellRef> {
        let touched = |i: usize| taken.iter().any(|&c| touching(c).contains(&i));
        if let Some(&i) = component.iter().find(|&&i| !touched(i)) {
            return cells_of(i);
        }
        let mut cells: BTreeSet<CellRef> = BTreeSet::new();
        for &c in taken {
            for &i in touching(c) {
                cells.extend(cells_of(i));
            }
        }
        cells.into_iter().collect()
    };
    // A set can be reached in several orders: solved again (no set of every triple tried, to
    // keep the page's wasm small), listed once.
    let mut found: Vec<Vec<Fix>> = Vec::new();
    for a in cells_of(first) {
        for b in next(&[a]) {
            if b == a {
                continue;
            }
            for c in next(&[a, b]) {
                if c == a || c == b {
                    continue;
                }
                // In table order (three compare-and-swaps: no sort in the wasm for this).
                let mut key = [a, b, c];
                for (x, y) in [(0, 1), (1, 2), (0, 1)] {
                    if key[x] > key[y] {
                        key.swap(x, y);
                    }
                }
                let Some(fixes) = correct_three(terms, component, key, &touching, value) else {
                    continue;
                };
                let same = |other: &Vec<Fix>| other.iter().all(|f| [a, b, c].contains(&f.cell));
                if !found.iter().any(same) {
                    found.push(fixes);
                    if found.len() > MAX_CORRECTIONS {
                        return Vec::new();
                    }
                }
            }
        }
    }
    rank(terms, component, found)
}

/// The correction of `cells` that reconciles every sum of the component and keeps every sum
/// they touch that holds, when it is unique, changes each cell and leaves none negative.
fn correct_three<'t>(
    terms: &[Term<'_>],
    component: &[usize],
    cells: [CellRef; 3],
    touching: &dyn Fn(CellRef) -> &'t [usize],
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Option<Vec<Fix>> {
    let mut involved: Vec<usize> = Vec::new();
    for &cell in &cells {
        for &i in touching(cell) {
            if !involved.contains(&i) {
                involved.push(i);
            }
        }
    }
    if !component.iter().all(|i| involved.contains(i)) {
        return None;
    }
    // Sums outside the component that fail today may stay failing.
    let equations: Vec<([i64; 3], i64)> = involved
        .iter()
        .filter(|&&i| component.contains(&i) || terms[i].residual == 0)
        .map(|&i| {
            let id = terms[i].identity;
            (cells.map(|c| id.coefficient(c)), -terms[i].residual)
        })
        .collect();
    let deltas = solve3(&equations)?;
    let mut fixes = Vec::with_capacity(3);
    for (cell, delta) in cells.into_iter().zip(deltas) {
        let (current, blank) = value(cell)?;
        if delta == 0 || current.checked_add(delta)? < 0 {
            return None;
        }
        fixes.push(Fix { cell, from: current, to: current + delta, was_blank: blank });
    }
    Some(fixes)
}

/// Beyond two cells, one case is still a single mistake: blank cells left where numbers
/// belong (a 总计 column left empty in the sub-rows). Each blank that is the only blank of a
/// broken sum gets the value that sum needs, until none is left; the correction counts when
/// it reconciles every sum of the component and breaks none that holds.
fn fill_blanks(
    terms: &[Term<'_>],
    component: &[usize],
    pool: &BTreeSet<CellRef>,
    value: &dyn Fn(CellRef) -> Option<(i64, bool)>,
) -> Option<Vec<Fix>> {
    let blanks: Vec<CellRef> =
        pool.iter().copied().filter(|&c| value(c).is_some_and(|(_, blank)| blank)).collect();
    if blanks.len() < 3 {
        return None;
    }
    let mut delta: BTreeMap<CellRef, i64> = BTreeMap::new();
    let residual = |i: usize, delta: &BTreeMap<CellRef, i64>| {
        let identity = terms[i].identity;
        terms[i].residual + delta.iter().map(|(&c, &d)| identity.coefficient(c) * d).sum::<i64>()
    };
    loop {
        let mut progress = false;
        for &i in component {
            let open: Vec<CellRef> = blanks
                .iter()
                .copied()
                .filter(|c| !delta.contains_key(c) && terms[i].identity.coefficient(*c) != 0)
                .collect();
            let r = residual(i, &delta);
            if let [cell] = open[..]
                && r != 0
            {
                let coefficient = terms[i].identity.coefficient(cell);
                if r % coefficient != 0 || -r / coefficient < 0 {
                    return None;
                }
                delta.insert(cell, -r / coefficient);
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    let fixed = delta.values().filter(|&&d| d != 0).count();
    // Every sum that touches a filled cell must hold: those of the component and the rest.
    let touched =
        (0..terms.len()).filter(|&i| delta.keys().any(|&c| terms[i].identity.coefficient(c) != 0));
    let reconciles = component.iter().all(|&i| residual(i, &delta) == 0)
        && touched.into_iter().all(|i| residual(i, &delta) == 0);
    (fixed >= 3 && reconciles).then(|| {
        delta
            .into_iter()
            .filter(|&(_, d)| d != 0)
            .map(|(cell, d)| Fix { cell, from: 0, to: d, was_blank: true })
            .collect()
    })
}

/// The unique integer solution of `ca·x + cb·y = r` for all equations, if there is one.
fn solve2(equations: &[(i64, i64, i64)]) -> Option<(i64, i64)> {
    let mut solution = None;
    'find: for (k, &(a1, b1, r1)) in equations.iter().enumerate() {
        for &(a2, b2, r2) in &equations[k + 1..] {
            let det = a1 * b2 - a2 * b1;
            if det != 0 {
                let x_num = r1 * b2 - r2 * b1;
                let y_num = a1 * r2 - a2 * r1;
                if x_num % det != 0 || y_num % det != 0 {
                    return None;
                }
                solution = Some((x_num / det, y_num / det));
                break 'find;
            }
        }
    }
    let (x, y) = solution?;
    equations.iter().all(|&(a, b, r)| a * x + b * y == r).then_some((x, y))
}

/// The unique integer solution of `c · x = r` for all equations, three unknowns, if there is
/// one (Cramer's rule on the first three independent equations, then every equation checked;
/// `None` on overflow).
fn solve3(equations: &[([i64; 3], i64)]) -> Option<[i64; 3]> {
    fn det(m: [[i64; 3]; 3]) -> Option<i64> {
        let minor = |r: usize, c: usize| -> Option<i64> {
            let (r1, r2) = ((r + 1) % 3, (r + 2) % 3);
            let (c1, c2) = ((c + 1) % 3, (c + 2) % 3);
            m[r1][c1].checked_mul(m[r2][c2])?.checked_sub(m[r1][c2].checked_mul(m[r2][c1])?)
        };
        (0..3).try_fold(0i64, |sum, c| sum.checked_add(m[0][c].checked_mul(minor(0, c)?)?))
    }
    let n = equations.len();
    for i in 0..n {
        for j in i + 1..n {
            for k in j + 1..n {
                let rows = [equations[i], equations[j], equations[k]];
                let m = rows.map(|(c, _)| c);
                let d = det(m)?;
                if d == 0 {
                    continue;
                }
                let mut x = [0i64; 3];
                for (col, slot) in x.iter_mut().enumerate() {
                    let mut mc = m;
                    for (row, (_, r)) in rows.iter().enumerate() {
                        mc[row][col] = *r;
                    }
                    let num = det(mc)?;
                    if num % d != 0 {
                        return None;
                    }
                    *slot = num / d;
                }
                let holds = |(c, r): &([i64; 3], i64)| {
                    (0..3).try_fold(0i64, |sum, k| sum.checked_add(c[k].checked_mul(x[k])?))
                        == Some(*r)
                };
                return equations.iter().all(holds).then_some(x);
            }
        }
    }
    None
}

/// Best first: corrections that fill a blank, then those that change a written total (a sum
/// that was not updated is the commonest slip), then table order. The order only decides
/// which cell is listed first; when there are several corrections the message says so.
fn rank(terms: &[Term<'_>], component: &[usize], mut corrections: Vec<Vec<Fix>>) -> Vec<Vec<Fix>> {
    let is_total =
        |cell: CellRef| component.iter().any(|&i| terms[i].identity.total.contains(&cell));
    crate::sort::sort_by_key(&mut corrections, |fixes| {
        let blanks = fixes.iter().filter(|f| f.was_blank).count();
        let totals = fixes.iter().filter(|f| is_total(f.cell)).count();
        (usize::MAX - blanks, usize::MAX - totals, fixes.iter().map(|f| f.cell).collect::<Vec<_>>())
    });
    corrections.truncate(MAX_CORRECTIONS);
    corrections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::identities::t4_identities;
    use crate::model::{Col, Row, TableId};

    fn run(values: [i64; 15]) -> Vec<Diagnosis> {
        let ids = t4_identities();
        let cell_value = |cell: CellRef| {
            let g = [Row::RV, Row::LD, Row::LR].iter().position(|&r| r == cell.row)?;
            let c = [Col::keep, Col::fix, Col::oth, Col::pend, Col::t4_tot]
                .iter()
                .position(|&c| c == cell.col)?;
            Some((values[g * 5 + c], false))
        };
        let terms: Vec<Term<'_>> = ids
            .iter()
            .map(|identity| {
                let total: i64 = identity.total.iter().map(|&c| cell_value(c).unwrap().0).sum();
                let parts: i64 = identity.parts.iter().map(|&c| cell_value(c).unwrap().0).sum();
                Term { identity, residual: total - parts }
            })
            .collect();
        diagnose(&terms, &cell_value)
    }

    #[test]
    fn a_forgotten_total_is_the_only_non_negative_fix() {
        // 洪泽区 2023: 行政复议 10 1 0 0 | 总计 0.
        let found = run([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(found.len(), 1);
        let fix = found[0].unique().expect("one correction");
        assert_eq!(fix[0].cell, CellRef::new(TableId::T4, Row::RV, Col::t4_tot));
        assert_eq!((fix[0].from, fix[0].to), (0, 11));
    }

    #[test]
    fn two_possible_fixes_are_both_reported() {
        // 复议后起诉 5 0 0 0 | 总计 0: either the total is 5 or the 5 is 0.
        let found = run([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]);
        assert_eq!(found[0].corrections.len(), 2);
        assert!(found[0].unique().is_none());
        // The written total is listed first.
        assert_eq!(found[0].corrections[0][0].cell.col, Col::t4_tot);
    }

    #[test]
    fn solves_three_by_three() {
        let eq = |c: [i64; 3], r: i64| (c, r);
        // x = 1, y = -2, z = 3, with a fourth equation that agrees.
        let found =
            solve3(&[eq([1, 0, 0], 1), eq([1, 1, 0], -1), eq([0, 1, 1], 1), eq([1, 1, 1], 2)]);
        assert_eq!(found, Some([1, -2, 3]));
        // A fourth that disagrees, no integer solution, too few equations, an overflow.
        assert_eq!(
            solve3(&[eq([1, 0, 0], 1), eq([0, 1, 0], 1), eq([0, 0, 1], 1), eq([1, 1, 1], 4)]),
            None
        );
        assert_eq!(solve3(&[eq([2, 0, 0], 1), eq([0, 1, 0], 1), eq([0, 0, 1], 1)]), None);
        assert_eq!(solve3(&[eq([1, 1, 0], 1), eq([0, 1, 1], 1)]), None);
        assert_eq!(
            solve3(&[eq([i64::MAX, 2, 0], 1), eq([2, i64::MAX, 0], 1), eq([0, 0, 1], 1)]),
            None
        );
    }

    #[test]
    fn solves_two_by_two() {
        assert_eq!(solve2(&[(1, 0, 3), (1, 1, 5)]), Some((3, 2)));
        assert_eq!(solve2(&[(1, 1, 3)]), None);
        assert_eq!(solve2(&[(1, 1, 3), (1, -1, 0)]), None);
    }
}
