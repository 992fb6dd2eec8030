//! Normalized byte offsets → source byte offsets.
//!
//! Stored as runs: each run maps a contiguous normalized range onto a contiguous source range.
//! Copying text whose bytes keep their length (ASCII, CJK → CJK) extends the current run, so a
//! 50 MB input costs a handful of runs per changed character, not a table entry per byte.
//! Text whose characters change width one after the other (`1，1，1，…`: every full-width comma
//! becomes one byte) would still cost a run per character; past a budget proportional to the
//! source, neighbouring runs are merged pairwise, so the map stays under half the source's size
//! and a span in such text may cover a few more characters than it should. A real report
//! stays far below the budget and keeps every span exact.
//! Invariant: runs are sorted and non-overlapping on both sides (the map is monotone).

use std::ops::Range;

use crate::span::{SourceRange, TextRange};

#[derive(Clone, Copy, Debug)]
struct Run {
    norm: usize,
    raw: usize,
    norm_len: usize,
    raw_len: usize,
}

/// Maps normalized byte offsets back to source byte offsets.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    runs: Vec<Run>,
    /// Runs kept at most before neighbours are merged (0: [`MIN_RUNS`]).
    budget: usize,
}

/// Runs kept for any source, at the least (1 MB; a real report needs a few thousand).
const MIN_RUNS: usize = 1 << 15;

impl SourceMap {
    /// An empty map for a source of `source_len` bytes: its runs stay under one per 64 bytes.
    pub(crate) fn for_source(source_len: usize) -> SourceMap {
        SourceMap { runs: Vec::new(), budget: (source_len / 64).max(MIN_RUNS) }
    }

    /// Records that `norm_len` output bytes at `norm` came from `raw_len` source bytes at `raw`.
    pub(crate) fn record(&mut self, norm: usize, norm_len: usize, raw: usize, raw_len: usize) {
        if let Some(last) = self.runs.last_mut() {
            let same_width = last.norm_len == last.raw_len && norm_len == raw_len;
            if same_width && last.norm + last.norm_len == norm && last.raw + last.raw_len == raw {
                last.norm_len += norm_len;
                last.raw_len += raw_len;
                return;
            }
        }
        self.runs.push(Run { norm, raw, norm_len, raw_len });
        if self.runs.len() > self.budget.max(MIN_RUNS) {
            self.coalesce();
        }
    }

    /// Merges each pair of neighbouring runs: half as many runs, each covering both. A merged
    /// run whose sides differ in length maps every offset inside it to its whole source range.
    fn coalesce(&mut self) {
        crate::work::add(self.runs.len());
        let pairs = self.runs.len() / 2;
        for k in 0..pairs {
            let (a, b) = (self.runs[2 * k], self.runs[2 * k + 1]);
            self.runs[k] = Run {
                norm: a.norm,
                raw: a.raw,
                norm_len: b.norm + b.norm_len - a.norm,
                raw_len: b.raw + b.raw_len - a.raw,
            };
        }
        if self.runs.len() % 2 == 1 {
            self.runs[pairs] = self.runs[self.runs.len() - 1];
            self.runs.truncate(pairs + 1);
        } else {
            self.runs.truncate(pairs);
        }
    }

    /// The source range a normalized range came from (covering every byte it touches).
    pub fn span(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.start(norm.start);
        let end = if norm.end > norm.start { self.end(norm.end) } else { start };
        start..end.max(start)
    }

    /// The source range a normalized range came from: the one place a [`TextRange`] becomes
    /// a [`SourceRange`].
    pub fn to_source(&self, range: &TextRange) -> SourceRange {
        SourceRange::mapped(self.span(range.get()))
    }

    fn run_at(&self, offset: usize) -> Option<&Run> {
        let idx = self.runs.partition_point(|run| run.norm + run.norm_len <= offset);
        self.runs.get(idx).or_else(|| self.runs.last())
    }

    fn start(&self, offset: usize) -> usize {
        match self.run_at(offset) {
            None => 0,
            Some(run) if offset < run.norm => run.raw,
            Some(run) if run.norm_len == run.raw_len => {
                run.raw + (offset - run.norm).min(run.raw_len)
            }
            Some(run) if offset >= run.norm + run.norm_len => run.raw + run.raw_len,
            Some(run) => run.raw,
        }
    }

    fn end(&self, offset: usize) -> usize {
        // The run holding the last byte of the range.
        match self.run_at(offset - 1) {
            None => 0,
            Some(run) if run.norm_len == run.raw_len => {
                run.raw + (offset - run.norm).min(run.raw_len)
            }
            Some(run) => run.raw + run.raw_len,
        }
    }
}
