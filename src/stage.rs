//! The stages of [`crate::check`], named so that a benchmark can time each one: the core reads
//! no clock, it only says when a stage ends ([`crate::check_staged`]), and the caller may look
//! at one. `check` itself passes a mark that does nothing.

/// A part of the work of [`crate::check`], in the order they run (some run more than once:
/// the statistics table is read again after the narrative, the shingles after the facts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Bytes → text: decoding, HTML, .docx and PDF reading (`input`).
    Input,
    /// Traditional → Simplified, widths, pinyin, the source map (`normalize`).
    Normalize,
    /// Logical rows of tokens (`segment`).
    Segment,
    /// The compact label text the model matches labels on (`model::labels::Index`).
    Labels,
    /// Title, year, agency, period, headings (`model::meta`).
    Meta,
    /// 表二, 表三, 表四 and the pre-2019 statistics table (`model::tables`, `model::stats`).
    Tables,
    /// The narrative's facts, shingles and 汇总 statement (`model::narrative`).
    Narrative,
    /// The sums and the culprit search (`rules::arith`, `rules::culprit`).
    Sums,
    /// Every other rule (values, structure, years, 表二, narrative, hints, statistics).
    Rules,
    /// Ranges mapped back to the source, edits applied, reading findings, fingerprints.
    Finish,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 10] = [
        Stage::Input,
        Stage::Normalize,
        Stage::Segment,
        Stage::Labels,
        Stage::Meta,
        Stage::Tables,
        Stage::Narrative,
        Stage::Sums,
        Stage::Rules,
        Stage::Finish,
    ];

    /// A short name for a table's column.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Input => "input",
            Stage::Normalize => "normalize",
            Stage::Segment => "segment",
            Stage::Labels => "labels",
            Stage::Meta => "meta",
            Stage::Tables => "tables",
            Stage::Narrative => "narrative",
            Stage::Sums => "sums",
            Stage::Rules => "rules",
            Stage::Finish => "finish",
        }
    }
}
