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
/// At most this many candidate splits are examined.
const MAX_STEPS: usize = 4_000_000;

/// All ways to cut `runs` (each a string of ASCII digits, a hard boundary between runs) into
/// exactly `n` numbers without leading zeros, that `accept` accepts.
pub(crate) fn splits(runs: &[&str], n: usize, accept: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
    let total: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || total > MAX_DIGITS || total < n || runs.len() > n {
        return Vec::new();
    }
    if runs.iter().any(|r| r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit())) {
        return Vec::new();
    }
    let mut state =
        State { runs, n, accept, current: Vec::with_capacity(n), results: Vec::new(), steps: 0 };
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
}

impl State<'_> {
    /// Cut run `run` from byte `at` on.
    fn run(&mut self, run: usize, at: usize) {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.results.len() >= MAX_RESULTS {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row_sum(values: &[i64]) -> bool {
        values[..values.len() - 1].iter().sum::<i64>() == values[values.len() - 1]
    }

    #[test]
    fn unique_splits_under_the_row_sum() {
        assert_eq!(splits(&["640020470"], 7, &row_sum), vec![vec![64, 0, 0, 2, 0, 4, 70]]);
        assert_eq!(
            splits(&["20", "0", "00", "0", "121"], 7, &row_sum),
            vec![vec![20, 0, 0, 0, 0, 1, 21]]
        );
        assert_eq!(splits(&["230", "000023"], 7, &row_sum), vec![vec![23, 0, 0, 0, 0, 0, 23]]);
    }

    #[test]
    fn ambiguous_splits_are_all_returned() {
        let mut found = splits(&["270020130"], 7, &row_sum);
        found.sort();
        assert_eq!(found, vec![vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]]);
    }

    #[test]
    fn refuses_what_cannot_fit() {
        assert!(splits(&["12"], 7, &row_sum).is_empty());
        assert!(splits(&["1".repeat(60).as_str()], 7, &row_sum).is_empty());
        assert!(splits(&["1a"], 2, &|_| true).is_empty());
    }
}
