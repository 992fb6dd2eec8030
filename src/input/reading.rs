//! What reading the input came to, in the terms its findings state (`INPUT-DECODE`,
//! `INPUT-TRUNCATED`): counted here, where the text is, so that the rules need not read it.

use super::{Encoding, Source, SourceKind};

/// How the input was read: what was replaced, cut, or not read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// What the bytes were.
    pub kind: SourceKind,
    /// How they were decoded.
    pub encoding: Encoding,
    /// Characters replaced by U+FFFD.
    pub replaced: usize,
    /// The line (from 1) of the first of them.
    pub first_replaced_line: usize,
    /// The reader stopped before the end of the file.
    pub truncated: bool,
    /// Where the segmenter stopped reading the text, when it did.
    pub stop: Option<Stop>,
}

/// Where the text stopped being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    /// The line (from 1) it stopped on.
    pub line: usize,
    /// It stopped at the start of that line (not in its middle).
    pub at_line_start: bool,
    /// Lines of the whole text.
    pub lines: usize,
    /// How much of the text was read, in per cent.
    pub percent: usize,
}

impl Source {
    /// How this source was read; `stopped_at` is the byte of `text` where the segmenter
    /// stopped, when it did.
    pub fn reading(&self, stopped_at: Option<usize>) -> Reading {
        let text = &self.text;
        let first_replaced_line = if self.replaced > 0 {
            line_of(text, text.find(char::REPLACEMENT_CHARACTER).unwrap_or(0))
        } else {
            1
        };
        let stop = stopped_at.map(|at| Stop {
            line: line_of(text, at),
            at_line_start: at == 0 || text.as_bytes().get(at.wrapping_sub(1)) == Some(&b'\n'),
            lines: line_of(text, text.len().saturating_sub(1)),
            percent: at.saturating_mul(100) / text.len().max(1),
        });
        Reading {
            kind: self.kind,
            encoding: self.encoding,
            replaced: self.replaced,
            first_replaced_line,
            truncated: self.truncated,
            stop,
        }
    }
}

/// The line (from 1) that byte `at` of `text` is on.
fn line_of(text: &str, at: usize) -> usize {
    let at = crate::model::labels::floor_boundary(text, at.min(text.len()));
    text[..at].matches('\n').count() + 1
}
