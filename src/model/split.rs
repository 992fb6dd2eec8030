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
}

impl State<'_> {
    /// Cut run `run` from byte `at` on.
    fn run(&mut self, run: usize, at: usize) {
        self.steps += 1;
        if self.steps > self.max_steps || self.results.len() >= MAX_RESULTS {
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
    let n = groups * (parts + 1);
    let total: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || total > MAX_DIGITS || total < n || runs.len() > n {
        return Vec::new();
    }
    if runs.iter().any(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit())) {
        return Vec::new();
    }
    let mut state =
        Grouped { runs, n, parts, current: Vec::with_capacity(n), results: Vec::new(), steps: 0 };
    state.run(0, 0, 0);
    state.results
}

struct Grouped<'a> {
    runs: &'a [&'a str],
    n: usize,
    parts: usize,
    current: Vec<i64>,
    results: Vec<Vec<i64>>,
    steps: usize,
}

impl Grouped<'_> {
    fn run(&mut self, run: usize, at: usize, group_sum: i64) {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.results.len() >= MAX_RESULTS {
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
        if self.current.len() % (self.parts + 1) == self.parts {
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
        for len in 1..=max_len {
            let value = digits[..len].iter().fold(0i64, |acc, &b| acc * 10 + i64::from(b - b'0'));
            self.current.push(value);
            self.run(run, at + len, group_sum + value);
            self.current.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn refuses_what_cannot_fit() {
        assert!(splits(&["12"], 7, &row_sum, MAX_STEPS).is_empty());
        assert!(splits(&["1".repeat(60).as_str()], 7, &row_sum, MAX_STEPS).is_empty());
        assert!(splits(&["1a"], 2, &|_| true, MAX_STEPS).is_empty());
    }
}
