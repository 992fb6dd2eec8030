//! PDF → text, laid out like `pdftotext -layout`, so that the rest of the engine reads a PDF
//! file exactly as it reads the text a user copies from one.
//!
//! The parts, in the order the bytes go through them:
//!
//! * [`lexer`]: tokens and objects;
//! * [`document`]: objects found by scanning (`N G obj`), object streams, trailers, pages;
//! * [`filters`]: `/FlateDecode` and friends, under a shared byte budget;
//! * [`cmap`] and [`fonts`]: character codes → text and glyph widths;
//! * [`content`]: the content-stream interpreter, glyph positions;
//! * [`grid`]: the lines a page draws → table grids;
//! * [`layout`]: glyphs → lines of text, a table's cells as tab-separated fields.
//!
//! Invariants: no I/O, no clock; never panics on any bytes (fuzzed: `fuzz/fuzz_targets/pdf.rs`);
//! the work is bounded by budgets proportional to the input (decoded bytes, operators, glyphs),
//! so a small hostile file cannot take long; text that cannot be read is counted, never guessed.

mod cmap;
mod content;
mod document;
mod filters;
mod fonts;
mod grid;
mod layout;
mod lexer;

use content::{Interpreter, Limits};
use document::Document;
use filters::Budget;

/// What a PDF gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// The laid-out text.
    pub(crate) text: String,
    /// Glyphs whose font gives no text (written as U+FFFD).
    pub(crate) unmapped: usize,
    /// True when a budget ran out and the rest of the file was not read.
    pub(crate) truncated: bool,
}

/// Why a PDF gave no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The trailer names an `/Encrypt` dictionary.
    Encrypted,
    /// No page or no object could be found.
    Broken,
    /// Pages, but no glyph: images only (a scan).
    NoText,
    /// Glyphs, but none whose font gives text.
    Unmapped,
}

/// Extracts the text of a PDF file.
pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, Failure> {
    // Decoding and interpreting are paid per input byte: enough for any real report (they
    // use a few times their size), and a hostile file stops early instead of running long.
    let scale = bytes.len().max(64 * 1024);
    let doc = Document::parse(
        bytes,
        Budget::new(scale.saturating_mul(32).min(256 << 20)),
        Budget::new(scale.saturating_mul(8).min(64 << 20)),
    );
    if doc.is_encrypted() {
        return Err(Failure::Encrypted);
    }
    let pages = doc.pages();
    if pages.is_empty() {
        return Err(Failure::Broken);
    }
    let limits = Limits {
        ops: scale.saturating_mul(16).min(64 << 20),
        // A glyph takes about 70 bytes: two million of them (140 MB) is the most one file gets.
        glyphs: scale.saturating_mul(2).min(2 << 20),
        // Text, paid glyph by glyph: 16 bytes per input byte (a report's text is a fraction of
        // its file), never more than layout writes.
        text: scale.saturating_mul(16).min(layout::MAX_TEXT_BYTES),
    };
    let mut interpreter = Interpreter::new(&doc, limits);
    let mut rules: Vec<Vec<content::Rule>> = Vec::with_capacity(pages.len());
    let glyphs: Vec<Vec<content::Glyph>> = pages
        .iter()
        .map(|page| {
            let mut glyphs = interpreter.page(page);
            rules.push(interpreter.take_rules());
            // Text placed off the page is not shown (nor extracted by pdftotext).
            if let Some([left, bottom, right, top]) = page.media_box {
                glyphs.retain(|g| {
                    let margin = g.size;
                    (left - margin..=right + margin).contains(&g.x)
                        && (bottom - margin..=top + margin).contains(&g.y)
                });
            }
            glyphs
        })
        .collect();
    let visible = |g: &content::Glyph| g.text.as_deref().is_none_or(|t| !t.trim().is_empty());
    let total = glyphs.iter().flatten().filter(|g| visible(g)).count();
    if total == 0 {
        return Err(Failure::NoText);
    }
    // Finding tables compares lines pairwise: a real page pays a few thousand comparisons,
    // a file of pages ruled by thousands of lines runs out and is laid out as text.
    let laid = layout::layout(&glyphs, &rules, scale.saturating_mul(64).min(1 << 30));
    if laid.unmapped >= total {
        return Err(Failure::Unmapped);
    }
    let truncated = laid.truncated || interpreter.exhausted();
    Ok(Extracted { text: laid.text, unmapped: laid.unmapped, truncated })
}
