//! Normalized byte offsets → source byte offsets.
//!
//! Stored as runs: each run maps a contiguous normalized range onto a contiguous source range.
//! Copying text whose bytes keep their length (ASCII, CJK → CJK) extends the current run, so a
//! 50 MB input costs a handful of runs per changed character, not a table entry per byte.
//! Invariant: runs are sorted and non-overlapping on both sides (the map is monotone).

use std::ops::Range;

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
}

impl SourceMap {
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
    }

    /// The source range a normalized range came from (covering every byte it touches).
    pub fn span(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.start(norm.start);
        let end = if norm.end > norm.start { self.end(norm.end) } else { start };
        start..end.max(start)
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
