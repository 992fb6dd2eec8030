//! Splitting glued digits: `640020470` → 64 | 0 | 0 | 2 | 0 | 4 | 70.
//!
//! Some published texts lost their cell separators. The digits can still be cut into the
//! table's cells, because a number has no leading zero (except 0 itself) and the table's own
//! sums must hold. Every accepted cut is returned; the caller decides what is unique.
//! Invariant: bounded work whatever the input (long runs are refused, results are capped).

/// Digit runs longer than this (all tokens of a row together) are not split.
const MAX_DIGITS: usize = 48;
/// At most this many accepted splits are returned.
pub(crate) const MAX_RESULTS: usize = 16;
/// At most this many readings of a row whose digits fit no sum are weighed against the table.
pub(crate) const MAX_UNFIT: usize = 2048;
/// At most this many candidate splits are examined for one row.
pub(crate) const MAX_STEPS: usize = 300_000;

/// All ways to cut `runs` (each a string of ASCII digits, a hard boundary between runs) into
/// exactly `n` numbers without leading zeros, that `accept` accepts, trying at most
/// `max_steps` cuts.
pub(crate) fn splits(
    runs: &[&str],
    n: usize,
    accept: &dyn Fn(&[i64]) -> bool,
    max_steps: usize,
) -> Vec<Vec<i64>> {
    splits_up_to(runs, n, accept, max_steps, MAX_RESULTS)
}

/// [`splits`] returning up to `max_results` splits.
pub(crate) fn splits_up_to(
    runs: &[&str],
    n: usize,
    accept: &dyn Fn(&[i64]) -> bool,
    max_steps: usize,
    max_results: usize,
) -> Vec<Vec<i64>> {
    let total: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || total > MAX_DIGITS || total < n || runs.len() > n {
        return Vec::new();
    }
    if runs.iter().any(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit())) {
        return Vec::new();
    }
    let mut state = State {
        runs,
        n,
        accept,
        current: Vec::with_capacity(n),
        results: Vec::new(),
        steps: 0,
        max_steps,
        max_results,
    };
    state.run(0, 0);
    state.results
}

struct State<'a> {
    runs: &'a [&'a str],
    n: usize,
    accept: &'a dyn Fn(&[i64]) -> bool,
    current: Vec<i64>,
    results: Vec<Vec<i64>>,
    steps: usize,
    max_steps: usize,
    max_results: usize,
}

impl State<'_> {
    /// Cut run `run` from byte `at` on.
    fn run(&mut self, run: usize, at: usize) {
        self.steps += 1;
        if self.steps > self.max_steps || self.results.len() >= self.max_results {
            return;
        }
        if run == self.runs.len() {
            if self.current.len() == self.n && (self.accept)(&self.current) {
                self.results.push(self.current.clone());
            }
            return;
        }
        let digits = self.runs[run].as_bytes();
        if at == digits.len() {
            self.run(run + 1, 0);
            return;
        }
        // Each remaining run needs at least one more number; no run yields more than its length.
        let later_min = self.runs.len() - run - 1;
        let later_max: usize = self.runs[run + 1..].iter().map(|r| r.len()).sum();
        let here_left = digits.len() - at;
        let have = self.current.len();
        if have + 1 + later_min > self.n || have + here_left + later_max < self.n {
            return;
        }
        let max_len = if digits[at] == b'0' { 1 } else { here_left.min(15) };
        for len in 1..=max_len {
            let value =
                digits[at..at + len].iter().fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
            self.current.push(value);
            self.run(run, at + len);
            self.current.pop();
        }
    }
}

/// Like [`splits`] for a row whose last number is the sum of the others (表三's 总计): the
/// total is taken first from the end of the digits, so every partial sum above it is cut off
/// at once. Far fewer steps than trying every cut, so long glued rows stay fast.
pub(crate) fn splits_with_total(runs: &[&str], n: usize) -> Vec<Vec<i64>> {
    let total: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || n < 2 || total > MAX_DIGITS || total < n || runs.len() > n {
        return Vec::new();
    }
    if runs.iter().any(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit())) {
        return Vec::new();
    }
    let last = runs[runs.len() - 1];
    let mut results = Vec::new();
    let mut steps = 0usize;
    for len in 1..=last.len().min(15) {
        let digits = &last[last.len() - len..];
        if digits.len() > 1 && digits.starts_with('0') {
            continue;
        }
        let Ok(sum) = digits.parse::<i64>() else { continue };
        let mut head: Vec<&str> = runs[..runs.len() - 1].to_vec();
        let rest = &last[..last.len() - len];
        if !rest.is_empty() {
            head.push(rest);
        }
        if head.is_empty() {
            continue;
        }
        let mut state = Bounded {
            runs: &head,
            n: n - 1,
            sum,
            current: Vec::with_capacity(n),
            results: Vec::new(),
            steps: &mut steps,
        };
        state.run(0, 0, 0);
        for mut parts in state.results {
            parts.push(sum);
            results.push(parts);
            if results.len() >= MAX_RESULTS {
                return results;
            }
        }
    }
    results
}

/// Cuts `runs` into `n` numbers adding up to `sum`, pruning every partial sum above it.
struct Bounded<'a, 's> {
    runs: &'a [&'a str],
    n: usize,
    sum: i64,
    current: Vec<i64>,
    results: Vec<Vec<i64>>,
    steps: &'s mut usize,
}

impl Bounded<'_, '_> {
    fn run(&mut self, run: usize, at: usize, partial: i64) {
        *self.steps += 1;
        if *self.steps > MAX_STEPS || self.results.len() >= MAX_RESULTS {
            return;
        }
        if run == self.runs.len() {
            if self.current.len() == self.n && partial == self.sum {
                self.results.push(self.current.clone());
            }
            return;
        }
        let digits = self.runs[run].as_bytes();
        if at == digits.len() {
            self.run(run + 1, 0, partial);
            return;
        }
        let later_min = self.runs.len() - run - 1;
        let later_max: usize = self.runs[run + 1..].iter().map(|r| r.len()).sum();
        let here_left = digits.len() - at;
        let have = self.current.len();
        if have + 1 + later_min > self.n || have + here_left + later_max < self.n {
            return;
        }
        let max_len = if digits[at] == b'0' { 1 } else { here_left.min(15) };
        for len in 1..=max_len {
            let value =
                digits[at..at + len].iter().fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
            if partial + value > self.sum {
                // Longer cuts only give larger values.
                break;
            }
            self.current.push(value);
            self.run(run, at + len, partial + value);
            self.current.pop();
        }
    }
}

/// Like [`splits`] for groups of `parts` numbers each followed by their total (表四: three
/// groups of four results and a 总计). A total's value is known when it is reached, so only
/// the digits that spell it can follow: every other cut is dropped at once.
pub(crate) fn splits_grouped(runs: &[&str], groups: usize, parts: usize) -> Vec<Vec<i64>> {
    grouped(runs, groups, parts, None, MAX_RESULTS)
}

/// The readings of 表四's glued digits when no split satisfies all three sums: every split in
/// which all groups but one add up (one wrong number breaks one group). Far fewer than every
/// cut, and the likeliest ones.
pub(crate) fn grouped_readings(runs: &[&str], groups: usize, parts: usize) -> Readings {
    let fitting = splits_grouped(runs, groups, parts);
    if !fitting.is_empty() {
        return Readings::fitting(fitting);
    }
    let mut readings: Vec<Reading> = Vec::new();
    for free in 0..groups {
        let found = grouped(runs, groups, parts, Some(free), MAX_UNFIT);
        readings.extend(found.into_iter().map(full));
    }
    if readings.is_empty() {
        // More than one group broken: every cut, up to the budget.
        return unfit(runs, groups * (parts + 1), None);
    }
    // Not every cut, so no claim that a sum breaks in every reading.
    Readings { all: distinct(readings), fits: false, complete: false }
}

fn grouped(
    runs: &[&str],
    groups: usize,
    parts: usize,
    free: Option<usize>,
    max_results: usize,
) -> Vec<Vec<i64>> {
    let n = groups * (parts + 1);
    let total: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || total > MAX_DIGITS || total < n || runs.len() > n {
        return Vec::new();
    }
    if runs.iter().any(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit())) {
        return Vec::new();
    }
    let mut state = Grouped {
        runs,
        n,
        parts,
        free,
        max_results,
        current: Vec::with_capacity(n),
        results: Vec::new(),
        steps: 0,
    };
    state.run(0, 0, 0);
    state.results
}

struct Grouped<'a> {
    runs: &'a [&'a str],
    n: usize,
    parts: usize,
    /// A group whose total may be any number (it does not add up).
    free: Option<usize>,
    max_results: usize,
    current: Vec<i64>,
    results: Vec<Vec<i64>>,
    steps: usize,
}

impl Grouped<'_> {
    fn run(&mut self, run: usize, at: usize, group_sum: i64) {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.results.len() >= self.max_results {
            return;
        }
        if run < self.runs.len() && at == self.runs[run].len() {
            self.run(run + 1, 0, group_sum);
            return;
        }
        if self.current.len() == self.n || run == self.runs.len() {
            if self.current.len() == self.n && run == self.runs.len() {
                self.results.push(self.current.clone());
            }
            return;
        }
        let digits = &self.runs[run].as_bytes()[at..];
        let group = self.current.len() / (self.parts + 1);
        if self.current.len() % (self.parts + 1) == self.parts && self.free != Some(group) {
            // The group's total: only the digits of the sum so far fit here.
            let spelled = group_sum.to_string();
            if digits.starts_with(spelled.as_bytes()) {
                self.current.push(group_sum);
                self.run(run, at + spelled.len(), 0);
                self.current.pop();
            }
            return;
        }
        let max_len = if digits[0] == b'0' { 1 } else { digits.len().min(15) };
        let total = self.current.len() % (self.parts + 1) == self.parts;
        for len in 1..=max_len {
            let value = digits[..len].iter().fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
            if total && value == group_sum {
                continue; // a free total that adds up is a fitting split, found elsewhere
            }
            self.current.push(value);
            self.run(run, at + len, if total { 0 } else { group_sum + value });
            self.current.pop();
        }
    }
}

/// One reading of a glued row: a value per cell, `None` for a blank cell that left no digit
/// behind (crawled text and PDF text drop empty cells, so a row may carry fewer numbers than
/// it has cells).
pub(crate) type Reading = Vec<Option<i64>>;

/// Every reading of a glued row worth weighing against the rest of its table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Readings {
    /// The readings, the likeliest kinds first.
    pub(crate) all: Vec<Reading>,
    /// True when the readings satisfy the row's own sum. False when no reading can: the row as
    /// published is inconsistent whatever its cells were, and `readings` are all the ways to
    /// cut its digits, for the table's other sums to choose from.
    pub(crate) fits: bool,
    /// False when a budget cut the enumeration short.
    pub(crate) complete: bool,
}

impl Readings {
    /// Plain splits (every cell has a number) that all satisfy the row's sum.
    pub(crate) fn fitting(splits: Vec<Vec<i64>>) -> Readings {
        let complete = splits.len() < MAX_RESULTS;
        Readings { all: splits.into_iter().map(full).collect(), fits: true, complete }
    }
}

fn full(values: Vec<i64>) -> Reading {
    values.into_iter().map(Some).collect()
}

/// The runs as whole numbers, when each is one (no leading zero, at most 15 digits).
fn whole_numbers(runs: &[&str]) -> Option<Vec<i64>> {
    runs.iter()
        .map(|run| {
            let ok = !run.is_empty()
                && run.len() <= 15
                && run.bytes().all(|b| b.is_ascii_digit())
                && (run.len() == 1 || !run.starts_with('0'));
            if ok { run.parse().ok() } else { None }
        })
        .collect()
}

/// Places `values` in a row of `width` cells whose last cell is the total: the last value in
/// the total cell, the others in order in any of the other cells, the rest left blank.
fn with_blanks(values: &[i64], width: usize, out: &mut Vec<Reading>, limit: usize) {
    let Some((&total, parts)) = values.split_last() else { return };
    if width == 0 || parts.len() > width - 1 {
        return;
    }
    let mut chosen: Vec<usize> = Vec::with_capacity(parts.len());
    place(parts, width - 1, 0, &mut chosen, &mut |cells: &[usize]| {
        if out.len() >= limit {
            return;
        }
        let mut reading = vec![None; width];
        for (&cell, &value) in cells.iter().zip(parts) {
            reading[cell] = Some(value);
        }
        reading[width - 1] = Some(total);
        out.push(reading);
    });
}

/// Calls `emit` with every increasing choice of `parts.len()` cells among `0..cells`.
fn place(
    parts: &[i64],
    cells: usize,
    from: usize,
    chosen: &mut Vec<usize>,
    emit: &mut dyn FnMut(&[usize]),
) {
    if chosen.len() == parts.len() {
        emit(chosen);
        return;
    }
    let left = parts.len() - chosen.len();
    for cell in from..=cells.saturating_sub(left) {
        if cell >= cells {
            break;
        }
        chosen.push(cell);
        place(parts, cells, cell + 1, chosen, emit);
        chosen.pop();
    }
}

/// The readings of a 表三 row whose last cell (总计) is the sum of the others, from its digit
/// runs. In order: cuts into `width` numbers that satisfy the sum; the runs as whole numbers
/// with the missing cells blank, when they satisfy the sum; cuts into fewer numbers with blank
/// cells. When none satisfies the sum, every cut into `width` numbers (or, with too few digits
/// for that, the whole runs with blank cells), up to [`MAX_UNFIT`].
pub(crate) fn total_row_readings(runs: &[&str], width: usize) -> Readings {
    let mut readings: Vec<Reading> = Vec::new();
    let mut complete = true;
    let fitting = splits_with_total(runs, width);
    complete &= fitting.len() < MAX_RESULTS;
    readings.extend(fitting.into_iter().map(full));
    let whole = whole_numbers(runs);
    if let Some(values) = &whole
        && values.len() < width
        && values.split_last().is_some_and(|(t, parts)| parts.iter().sum::<i64>() == *t)
    {
        with_blanks(values, width, &mut readings, MAX_UNFIT);
    }
    if readings.is_empty() {
        // Blank cells and glued digits together: fewer numbers than cells, cut from the runs.
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        for n in runs.len().max(2)..width.min(digits + 1) {
            for values in splits_with_total(runs, n) {
                with_blanks(&values, width, &mut readings, MAX_UNFIT);
            }
        }
    }
    if !readings.is_empty() {
        complete &= readings.len() < MAX_UNFIT;
        return Readings { all: distinct(readings), fits: true, complete };
    }
    unfit(runs, width, whole.as_deref())
}

/// Drops readings that give every cell the same number as an earlier one (a blank and a 0
/// weigh the same in every sum): "0 0" for 7 cells is one reading, not six.
fn distinct(readings: Vec<Reading>) -> Vec<Reading> {
    // The first of each group of equal readings is kept, found by sorting (stable, so the
    // first of a group comes first): comparing each with every earlier one was quadratic in
    // the tens of thousands of readings a long glued row has.
    let sums: Vec<Vec<i64>> =
        readings.iter().map(|r| r.iter().map(|v| v.unwrap_or(0)).collect()).collect();
    let mut order: Vec<usize> = (0..readings.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| sums[a].cmp(&sums[b]));
    let mut keep = vec![false; readings.len()];
    for (k, &at) in order.iter().enumerate() {
        if k == 0 || sums[order[k - 1]] != sums[at] {
            keep[at] = true;
        }
    }
    readings.into_iter().zip(keep).filter_map(|(reading, keep)| keep.then_some(reading)).collect()
}

/// Every reading of a row whose digits satisfy none of its sums.
pub(crate) fn unfit(runs: &[&str], width: usize, whole: Option<&[i64]>) -> Readings {
    let mut readings: Vec<Reading> = Vec::new();
    let digits: usize = runs.iter().map(|r| r.len()).sum();
    let complete;
    if digits >= width {
        let cuts = splits_up_to(runs, width, &|_| true, 4 * MAX_STEPS, MAX_UNFIT);
        complete = cuts.len() < MAX_UNFIT;
        readings.extend(cuts.into_iter().map(full));
    } else {
        // Fewer digits than cells: blanks left no digit. Every cut into fewer numbers, placed
        // every way, the whole runs first.
        if let Some(values) = whole {
            with_blanks(values, width, &mut readings, MAX_UNFIT);
        }
        for n in (1..=digits).rev() {
            for values in splits_up_to(runs, n, &|_| true, MAX_STEPS, MAX_UNFIT) {
                with_blanks(&values, width, &mut readings, MAX_UNFIT);
            }
        }
        complete = readings.len() < MAX_UNFIT;
        readings = distinct(readings);
    }
    Readings { all: readings, fits: false, complete }
}

/// The cuts of `runs` into `width` numbers that agree with the most of `expected` (the value
/// each cell needs for the table's other sums to hold, where known): the readings of a long
/// glued row that fits no sum, when there are too many cuts to weigh them all. Dynamic
/// programming over (digit, cell), so linear in the digits; at most [`MAX_RESULTS`] returned.
pub(crate) fn closest_cuts(runs: &[&str], width: usize, expected: &[Option<i64>]) -> Vec<Reading> {
    let digits: Vec<u8> = runs.iter().flat_map(|r| r.bytes()).collect();
    let total = digits.len();
    if width == 0 || total < width || total > MAX_DIGITS || !digits.iter().all(u8::is_ascii_digit) {
        return Vec::new();
    }
    // Where the run holding each digit ends: a number never crosses it.
    let mut run_end = vec![0usize; total];
    let mut at = 0;
    for run in runs {
        for slot in run_end.iter_mut().skip(at).take(run.len()) {
            *slot = at + run.len();
        }
        at += run.len();
    }
    let value = |from: usize, to: usize| {
        digits[from..to].iter().fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'))
    };
    // best[pos][k]: most matches cutting digits[pos..] into cells k..width (None: impossible).
    let mut best = vec![vec![None::<usize>; width + 1]; total + 1];
    best[total][width] = Some(0);
    for pos in (0..total).rev() {
        for k in (0..width).rev() {
            let longest = if digits[pos] == b'0' { 1 } else { (run_end[pos] - pos).min(15) };
            let mut here = None;
            for len in 1..=longest {
                let end = pos + len;
                let Some(rest) = best[end][k + 1] else { continue };
                let hit = usize::from(expected.get(k).copied().flatten() == Some(value(pos, end)));
                here = here.max(Some(rest + hit));
            }
            best[pos][k] = here;
        }
    }
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(width);
    collect_best(&best, &digits, &run_end, expected, 0, 0, &mut current, &mut out, &value);
    out
}

#[expect(clippy::too_many_arguments, reason = "one recursive walk over the table above")]
fn collect_best(
    best: &[Vec<Option<usize>>],
    digits: &[u8],
    run_end: &[usize],
    expected: &[Option<i64>],
    pos: usize,
    k: usize,
    current: &mut Vec<i64>,
    out: &mut Vec<Reading>,
    value: &dyn Fn(usize, usize) -> i64,
) {
    if out.len() >= MAX_RESULTS {
        return;
    }
    let width = best[0].len() - 1;
    if k == width {
        if pos == digits.len() {
            out.push(full(current.clone()));
        }
        return;
    }
    let Some(target) = best[pos][k] else { return };
    let longest = if digits[pos] == b'0' { 1 } else { (run_end[pos] - pos).min(15) };
    for len in 1..=longest {
        let end = pos + len;
        let Some(rest) = best[end][k + 1] else { continue };
        let v = value(pos, end);
        let hit = usize::from(expected.get(k).copied().flatten() == Some(v));
        if rest + hit != target {
            continue;
        }
        current.push(v);
        collect_best(best, digits, run_end, expected, end, k + 1, current, out, value);
        current.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_keeps_the_first_of_equal_readings_in_order() {
        let naive = |readings: Vec<Reading>| {
            let mut seen: Vec<Vec<i64>> = Vec::new();
            let mut out = Vec::new();
            for reading in readings {
                let sums: Vec<i64> = reading.iter().map(|v| v.unwrap_or(0)).collect();
                if !seen.contains(&sums) {
                    seen.push(sums);
                    out.push(reading);
                }
            }
            out
        };
        let readings: Vec<Reading> = (0..500i64)
            .map(|i| {
                let cell = |k: i64| match (i * 7 + k * 13) % 5 {
                    0 => None,
                    1 => Some(0),
                    v => Some(v % 3),
                };
                (0..4).map(cell).collect()
            })
            .collect();
        assert_eq!(distinct(readings.clone()), naive(readings));
    }

    fn row_sum(values: &[i64]) -> bool {
        values[..values.len() - 1].iter().sum::<i64>() == values[values.len() - 1]
    }

    #[test]
    fn unique_splits_under_the_row_sum() {
        assert_eq!(
            splits(&["640020470"], 7, &row_sum, MAX_STEPS),
            vec![vec![64, 0, 0, 2, 0, 4, 70]]
        );
        assert_eq!(
            splits(&["20", "0", "00", "0", "121"], 7, &row_sum, MAX_STEPS),
            vec![vec![20, 0, 0, 0, 0, 1, 21]]
        );
        assert_eq!(
            splits(&["230", "000023"], 7, &row_sum, MAX_STEPS),
            vec![vec![23, 0, 0, 0, 0, 0, 23]]
        );
    }

    #[test]
    fn ambiguous_splits_are_all_returned() {
        let mut found = splits(&["270020130"], 7, &row_sum, MAX_STEPS);
        found.sort();
        assert_eq!(found, vec![vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]]);
    }

    #[test]
    fn the_total_first_search_agrees_with_trying_every_cut() {
        for runs in [
            vec!["640020470"],
            vec!["20", "0", "00", "0", "121"],
            vec!["270020130"],
            vec!["220000325"],
        ] {
            let mut slow = splits(&runs, 7, &row_sum, MAX_STEPS);
            let mut fast = splits_with_total(&runs, 7);
            slow.sort();
            fast.sort();
            assert_eq!(slow, fast, "{runs:?}");
        }
        // 46 digits: far beyond what trying every cut could do within its budget.
        let long = "3001530061431191288210050313624475000".to_string() + "1234567";
        let _ = splits_with_total(&[long.as_str()], 7);
    }

    #[test]
    fn grouped_totals_split_appeals() {
        // 平潭 2021: 10203120001200000 → 1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0.
        let found = splits_grouped(&["10203120001200000"], 3, 4);
        assert_eq!(found, vec![vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
        let groups = |v: &[i64]| v.chunks(5).all(|g| g[..4].iter().sum::<i64>() == g[4]);
        let mut slow = splits(&["21317000001324019"], 15, &groups, 8 * MAX_STEPS);
        let mut fast = splits_grouped(&["21317000001324019"], 3, 4);
        slow.sort();
        fast.sort();
        assert_eq!(slow, fast);
    }

    fn values(readings: &Readings) -> Vec<Vec<Option<i64>>> {
        let mut all = readings.all.clone();
        all.sort();
        all
    }

    #[test]
    fn a_row_whose_digits_fit_no_sum_gives_every_cut() {
        // 予以公开 27 → 28: no cut of "280020130" into 7 numbers adds up.
        let found = total_row_readings(&["280020130"], 7);
        assert!(!found.fits && found.complete);
        assert!(found.all.contains(&full(vec![28, 0, 0, 2, 0, 1, 30])));
        assert!(found.all.iter().all(|r| r.len() == 7 && r.iter().all(Option::is_some)));
        // One digit per cell: one reading.
        let found = total_row_readings(&["1000002"], 7);
        assert_eq!((found.fits, found.all.len()), (false, 1));
    }

    #[test]
    fn blank_cells_that_left_no_digit_are_readings_too() {
        // NP 27, SW 2, OT 1, TOT 30 with the zeros printed blank: "27 2 1 30".
        let found = total_row_readings(&["27", "2", "1", "30"], 7);
        assert!(found.fits && found.complete);
        // 2 and 1 may sit in any two of the six applicant cells: C(6, 3) readings.
        assert_eq!(found.all.len(), 20);
        assert!(found.all.contains(&vec![Some(27), None, None, Some(2), None, Some(1), Some(30)]));
        // Glued and blank at once: "55" is 5 | … | 5.
        let found = total_row_readings(&["55"], 7);
        assert!(found.fits);
        assert_eq!(found.all.len(), 6);
        // Zeros and blanks weigh the same: "00" is one reading, 0 | … | 0.
        let found = total_row_readings(&["00"], 7);
        assert_eq!(found.all, vec![vec![Some(0), None, None, None, None, None, Some(0)]]);
        // Nothing satisfies "5 6": an error, whatever the blanks were.
        let found = total_row_readings(&["5", "6"], 7);
        assert!(!found.fits);
        assert_eq!(values(&found).len(), 6);
        let found = total_row_readings(&["50", "0", "6"], 7);
        assert!(!found.fits && found.all.len() > 1);
    }

    #[test]
    fn appeals_that_fit_no_sum_read_with_one_group_broken() {
        // 平潭 2021 with 结果维持 1 → 2: "20203120001200000".
        let found = grouped_readings(&["20203120001200000"], 3, 4);
        assert!(!found.fits);
        assert!(found.all.contains(&full(vec![2, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0])));
        assert!(found.all.len() < 40, "{}", found.all.len());
    }

    #[test]
    fn the_cut_closest_to_what_the_table_needs() {
        let expected = [Some(27), Some(0), Some(0), Some(2), Some(0), Some(1), Some(30)];
        assert_eq!(
            closest_cuts(&["280020130"], 7, &expected),
            vec![full(vec![28, 0, 0, 2, 0, 1, 30])]
        );
        // Runs are hard boundaries.
        assert_eq!(
            closest_cuts(&["28", "0020130"], 7, &expected),
            vec![full(vec![28, 0, 0, 2, 0, 1, 30])]
        );
        let long = "3001530061431191288210050313624475";
        let found = closest_cuts(&[long], 7, &[None; 7]);
        assert!(!found.is_empty() && found.iter().all(|r| r.len() == 7));
    }

    #[test]
    fn refuses_what_cannot_fit() {
        assert!(splits(&["12"], 7, &row_sum, MAX_STEPS).is_empty());
        assert!(splits(&["1".repeat(60).as_str()], 7, &row_sum, MAX_STEPS).is_empty());
        assert!(splits(&["1a"], 2, &|_| true, MAX_STEPS).is_empty());
    }
}
