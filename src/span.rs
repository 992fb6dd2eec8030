//! The two places a byte range can point into, as two types.
//!
//! The engine reads the *normalized* text (Simplified, pinyin removed, full-width digits made
//! ASCII: [`crate::normalize`]); what the user sees and what the page highlights is the
//! *source* text ([`crate::input::Source::text`]). The same offsets mean different characters
//! in the two, so a range never changes meaning: the model and the rules write
//! [`TextRange`]s, and [`crate::normalize::SourceMap::to_source`] is the one place that turns
//! one into a [`SourceRange`] (`check` calls it once per cell, table and finding, after the
//! model is built and after the rules have run). An invariant test holds that no other file
//! makes a `SourceRange`.

use std::ops::Range;

/// A byte range in the normalized text: what the segmenter, the model and the rules read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(transparent))]
pub struct TextRange(Range<usize>);

impl TextRange {
    /// The range `range` of the normalized text.
    pub const fn new(range: Range<usize>) -> TextRange {
        TextRange(range)
    }

    /// As a range, to slice the normalized text with.
    pub fn get(&self) -> Range<usize> {
        self.0.clone()
    }

    /// Its first byte.
    pub const fn start(&self) -> usize {
        self.0.start
    }

    /// One past its last byte.
    pub const fn end(&self) -> usize {
        self.0.end
    }
}

/// A byte range in the source text: what the user gave, where the page marks a cell.
/// Made only by [`crate::normalize::SourceMap::to_source`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(transparent))]
pub struct SourceRange(Range<usize>);

impl SourceRange {
    /// Only the source map calls this (see the module's documentation).
    pub(crate) const fn mapped(range: Range<usize>) -> SourceRange {
        SourceRange(range)
    }

    /// As a range, to slice the source text with.
    pub fn get(&self) -> Range<usize> {
        self.0.clone()
    }

    /// Its first byte.
    pub const fn start(&self) -> usize {
        self.0.start
    }

    /// One past its last byte.
    pub const fn end(&self) -> usize {
        self.0.end
    }
}
