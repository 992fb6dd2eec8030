//! Stage 3: tokens → a typed [`Report`].
//!
//! Finds the report's title, year, agency, period and section headings ([`meta`]), then
//! 表二, 表三 and 表四 by their row labels ([`labels`] is the only place with the Chinese label
//! text), reading each table's cells whatever the layout: anchored on row labels, by row order
//! when labels are scrambled, by position when labels were lost, and by splitting glued digits
//! under the tables' own sums when separators were lost ([`split`]). Whatever was inferred is
//! marked so on the cell, and the table's [`Note`]s say how it was read.
//!
//! Invariants: odd or missing cells are values ([`Value::Missing`], [`Value::Text`]), never
//! errors; `model` never sees raw input bytes or HTML, and never builds a finding.

pub mod address;
mod agency;
pub mod identities;
pub(crate) mod labels;
mod meta;
pub mod narrative;
pub mod number;
mod resolve;
mod split;
mod stats;
mod tables;

pub use address::{CellRef, Col, Row, TableId};
pub use agency::{Agency, AgencyKind};
pub use identities::{Identity, identities};
pub use meta::{Date, Period, Section, YearClaim};
pub use narrative::{About, Fact, FactKind};
pub use number::Number;

use std::ops::Range;

use crate::span::{SourceRange, TextRange};

use crate::segment::Doc;
use crate::stage::Stage;

/// Which national format the report follows (RULEBOOK §3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Template {
    /// 国办公开办函〔2021〕30号 (reports on 2021 and later).
    Y2021,
    /// 国办公开办函〔2019〕60号 (reports on 2019 and 2020).
    Y2019,
    /// Before 2019: a statistics sheet of indicator rows.
    Pre2019,
    /// Nothing recognizable as a report table.
    Unknown,
}

impl Template {
    /// The contract's spelling: `"2021"`, `"2019"`, `"pre2019"`, `"unknown"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Y2021 => "2021",
            Template::Y2019 => "2019",
            Template::Pre2019 => "pre2019",
            Template::Unknown => "unknown",
        }
    }

    /// The short name of a list's column: `2021`, `2019`, `2019 年以前`, `—`.
    pub fn short_name(self) -> &'static str {
        match self {
            Template::Y2021 => "2021",
            Template::Y2019 => "2019",
            Template::Pre2019 => "2019 年以前",
            Template::Unknown => "—",
        }
    }

    /// The Chinese name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Template::Y2021 => "2021 年版格式（国办公开办函〔2021〕30号）",
            Template::Y2019 => "2019 年版格式（国办公开办函〔2019〕60号）",
            Template::Pre2019 => "2019 年以前的统计表格式",
            Template::Unknown => "未识别的格式",
        }
    }
}

/// Everything the engine read from one report.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report {
    /// The format.
    pub template: Template,
    /// The title line, when found.
    pub title: Option<String>,
    /// The year reported on (not the publication year).
    pub year: Option<i32>,
    /// The year as written in the title, when the title has one.
    pub title_year: Option<i32>,
    /// The issuing agency, from the title or the metadata.
    pub agency: Option<Agency>,
    /// The 统计期限, when stated.
    pub period: Option<Period>,
    /// The publication date, when stated (metadata, or a date line under the title or the
    /// signature).
    pub published: Option<Date>,
    /// The 发布机构 of the page's metadata, when there is one.
    pub publisher: Option<String>,
    /// Sentences stating the unit's own work under a year.
    pub year_claims: Vec<YearClaim>,
    /// The section headings found, in text order.
    pub sections: Vec<Section>,
    /// True when the text looks like a whole report (a title or several section headings),
    /// not a pasted fragment.
    pub is_whole_report: bool,
    /// 表二, 表三 and 表四, when found (in that order).
    pub tables: Vec<Table>,
    /// What the narrative states (outside the tables).
    pub facts: Vec<Fact>,
    /// Shingles of the narrative (normalized text outside the tables), for telling copies
    /// (XY-DUP): only the rules across reports compare them, so [`crate::check`] leaves them
    /// unread and [`crate::cross`] reads them from the report's text when it compares it.
    pub shingles: Shingles,
    /// The report says it is its region's 汇总 ("本报告数据为全县汇总数据").
    pub declares_aggregate: bool,
    /// A second 表三 after the one read (two reports in one text, or the tables printed
    /// twice): it is not checked, and the report cannot pass when it differs.
    pub another_t3: Option<AnotherTable>,
    /// 表三/表四 not read although their labels are in the text (the numbers could not be
    /// placed): unread, not missing.
    pub unread_tables: Vec<TableId>,
}

/// The narrative's shingles ([`narrative::shingles`]), read only for comparing reports.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Shingles {
    /// Not read: a report checked alone needs none ([`crate::Checked::shingles`] reads them
    /// from its text when asked; [`crate::check_in_batch`] while checking).
    NotRead,
    /// The narrative is too short to compare, or there is no text.
    TooShort,
    /// Hashes of every 8 letters of the narrative: sorted, distinct.
    Read(Vec<u64>),
}

impl Shingles {
    /// The hashes, when read and long enough to compare.
    pub fn hashes(&self) -> Option<&[u64]> {
        match self {
            Shingles::Read(hashes) => Some(hashes),
            Shingles::NotRead | Shingles::TooShort => None,
        }
    }

    /// The shingles of `text` (normalized) outside the tables of `tables`.
    pub(crate) fn read(text: &str, tables: &[Table]) -> Shingles {
        let ranges: Vec<Range<usize>> = tables.iter().map(|t| t.text_range.get()).collect();
        narrative::shingles(text, &ranges).map_or(Shingles::TooShort, Shingles::Read)
    }
}

/// A second 表三 found after the one read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnotherTable {
    /// Its cells that hold a number.
    pub numbers: usize,
    /// Cells whose numbers differ from the first table's.
    pub differing: usize,
}

impl Report {
    /// The issuing agency's name, as the title names it.
    pub fn agency_name(&self) -> Option<&str> {
        self.agency.as_ref().map(|a| a.name.as_str())
    }

    /// The report of an input that could not be read.
    pub fn empty() -> Report {
        Report {
            template: Template::Unknown,
            title: None,
            year: None,
            title_year: None,
            agency: None,
            period: None,
            published: None,
            publisher: None,
            year_claims: Vec::new(),
            sections: Vec::new(),
            is_whole_report: false,
            tables: Vec::new(),
            facts: Vec::new(),
            shingles: Shingles::TooShort,
            declares_aggregate: false,
            another_t3: None,
            unread_tables: Vec::new(),
        }
    }

    /// The table with this id, when it was found.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|table| table.id == id)
    }

    /// The cell at `addr`, when its table was found.
    pub fn cell(&self, addr: CellRef) -> Option<&Cell> {
        self.table(addr.table)?.cell(addr.row, addr.col)
    }
}

/// Which version of a table's layout was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Layout {
    /// The 2021 format's table.
    Y2021,
    /// The 2019 format's table (表三: one （六）其他处理 row; 表二: 22 cells).
    Y2019,
}

/// How a table's cells were matched to its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Strategy {
    /// Every row by its own label.
    Labels,
    /// By row order: labels were present but out of place (PDF → markdown copies).
    RowOrder,
}

/// One extracted table.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    /// Which table.
    pub id: TableId,
    /// 2021 or 2019 layout.
    pub layout: Layout,
    /// Local variant: a 法人或其他组织 小计 column (`LP`) in 表三.
    pub has_subtotal_column: bool,
    /// Local variant: group subtotal rows (`R3.3` …) present in 表三.
    pub subtotal_rows: Vec<Row>,
    /// How rows were matched.
    pub strategy: Strategy,
    /// Every cell of the layout, in table order (rows, then columns).
    pub cells: Vec<Cell>,
    /// How the table was read: inferred, positional or unreadable parts.
    pub notes: Vec<Note>,
    /// 表三: the 勾稽关系 note is in its header.
    pub has_note: bool,
    /// Label text that deviates from the official wording (typos seen in real reports).
    pub label_issues: Vec<LabelIssue>,
    /// The table's extent in the normalized text.
    pub text_range: TextRange,
    /// The same extent in the source text (`None` until `check` maps it).
    pub range: Option<SourceRange>,
}

impl Table {
    /// The cell at `row`/`col`.
    pub fn cell(&self, row: Row, col: Col) -> Option<&Cell> {
        // The cells are in table order, rows in the order of `Row` (its declaration is the
        // tables' order): the row's cells are found by bisection and then its few columns
        // looked through (the sums ask for every cell of every sum; a scan of ~175 cells
        // each time was most of their cost). A table whose rows are out of that order is
        // still answered right, by the scan.
        let start = self.cells.partition_point(|cell| cell.addr.row < row);
        let in_row = self.cells.get(start..).unwrap_or_default();
        in_row
            .iter()
            .take_while(|cell| cell.addr.row == row)
            .find(|cell| cell.addr.col == col)
            .or_else(|| self.cells.iter().find(|cell| cell.addr.row == row && cell.addr.col == col))
    }

    /// The rows of the layout, in order.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = Vec::new();
        for cell in &self.cells {
            if rows.last() != Some(&cell.addr.row) {
                rows.push(cell.addr.row);
            }
        }
        rows
    }

    /// The columns of the layout, in order.
    pub fn cols(&self) -> Vec<Col> {
        let Some(first) = self.cells.first() else { return Vec::new() };
        self.cells.iter().take_while(|c| c.addr.row == first.addr.row).map(|c| c.addr.col).collect()
    }
}

/// Label text that deviates from the official wording.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LabelIssue {
    /// As written (normalized, simplified).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "crate::serde_static::label"))]
    pub found: crate::finding::StaticStr,
    /// As the format words it.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "crate::serde_static::label"))]
    pub official: crate::finding::StaticStr,
    /// The row it belongs to, when it is a row label.
    pub row: Option<Row>,
}

/// One cell as read.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cell {
    /// Its address.
    pub addr: CellRef,
    /// Its value.
    pub value: Value,
    /// True when the value was inferred (glued digits split under the table's sums), not read.
    pub inferred: bool,
    /// Where it was written, in the normalized text.
    pub text_range: Option<TextRange>,
    /// Where it was written, in the source text (`None` until `check` maps it, or when it was
    /// not written: a blank cell with no placeholder, a cell filled by position).
    pub range: Option<SourceRange>,
    /// A unit written in the cell (`元`, `万元`, `件`).
    pub unit: Option<String>,
}

/// A cell's value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Value {
    /// A number.
    Number(Number),
    /// Empty, or a placeholder such as `—`, `/`, `无`.
    Blank {
        /// The placeholder written, if any.
        placeholder: Option<String>,
    },
    /// Text where a number belongs (`不适用`, `见附件`).
    Text(String),
    /// Not found in the text.
    Missing,
    /// Glued digits that could not be split in only one way.
    Ambiguous,
}

impl Value {
    /// The number, for a number.
    pub fn number(&self) -> Option<Number> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// The value identities use: numbers as they are, blanks as 0 (RULEBOOK §2.1).
    pub fn for_sums(&self) -> Option<Number> {
        match self {
            Value::Number(number) => Some(*number),
            Value::Blank { .. } => Some(Number::int(0)),
            _ => None,
        }
    }

    /// How the value reads in messages: the number, `空白`, the text…
    pub fn describe(&self) -> String {
        match self {
            Value::Number(number) => number.to_string(),
            Value::Blank { placeholder: None } => "空白".to_string(),
            Value::Blank { placeholder: Some(mark) } => format!("“{mark}”"),
            Value::Text(text) => format!("“{text}”"),
            Value::Missing => "缺失".to_string(),
            Value::Ambiguous => "无法确定".to_string(),
        }
    }
}

/// How (part of) a table was read, for the rules to report.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Note {
    /// Rows whose digits were glued together and split under the row (and, if needed,
    /// column) sums. The listed identities were assumed, so they verify nothing.
    Glued {
        /// The rows split.
        rows: Vec<Row>,
        /// Ids of identities assumed while splitting.
        assumed: Vec<String>,
    },
    /// A row whose glued digits read in several ways the table cannot tell apart; its cells
    /// are [`Value::Ambiguous`].
    Ambiguous {
        /// The row.
        row: Row,
        /// The digits as written.
        digits: String,
        /// The first few readings (`None`: a blank cell that left no digit).
        candidates: Vec<Vec<Option<Number>>>,
        /// How many readings there are.
        count: usize,
    },
    /// Rows whose label was lost, matched by their position after the previous label.
    Positional {
        /// The rows.
        rows: Vec<Row>,
    },
    /// The table was read by row order because its labels are out of place.
    RowOrder,
    /// A row with the wrong number of values; its cells are left [`Value::Missing`].
    WrongCount {
        /// The row.
        row: Row,
        /// Values expected.
        expected: usize,
        /// Values found.
        found: usize,
    },
    /// Glued digits that no reading fits under the row's sum: the row as published is
    /// inconsistent whatever its cells were. It is read the way the table's other sums
    /// support (inferred), or left ambiguous when they cannot tell.
    Unsplittable {
        /// The row.
        row: Row,
        /// The digits as written.
        digits: String,
    },
    /// Sums that break in every reading of the table's glued rows (`proven`): broken whatever
    /// the digits meant, even where a cell could not be settled. Or, for digits that fit no
    /// reading at all (so the table is wrong somewhere for sure), sums that break in every one
    /// of the likeliest readings (`proven` false).
    Inconsistent {
        /// Ids of the identities.
        identities: Vec<String>,
        /// True when they break in every reading, not only in the likeliest ones.
        proven: bool,
    },
    /// A row whose label was not found at all.
    MissingRow {
        /// The row.
        row: Row,
    },
    /// A glued row of the statistics table split by the number the text states for it.
    SplitByText {
        /// The row.
        row: Row,
        /// The sentence that states it.
        clause: String,
    },
    /// Rows of a pre-2019 statistics table that are not among the usual indicators: read
    /// past, not checked.
    UnknownIndicators {
        /// How many.
        count: usize,
    },
}

/// Reads the report from the segmented, normalized text.
pub fn build(text: &str, doc: &Doc) -> Report {
    build_staged(text, doc, true, &mut |_| {})
}

/// [`build`], calling `mark` at the end of each of its stages ([`crate::check_staged`]); the
/// narrative's shingles are read only when `shingles` is true ([`Report::shingles`]).
pub fn build_staged(text: &str, doc: &Doc, shingles: bool, mark: &mut dyn FnMut(Stage)) -> Report {
    let index = labels::Index::new(text, doc);
    mark(Stage::Labels);
    let meta = meta::read(text, &index);
    mark(Stage::Meta);
    let (mut tables, another_t3) = tables::read(text, doc, &index);
    let unread_tables = tables::unread(&tables, &index);
    // Before 2019 there is no 表三/表四, but often a statistics table (RULEBOOK §3.2).
    let stats =
        if tables.iter().any(|t| t.id != TableId::T2) { None } else { stats::read(text, doc, &[]) };
    if let Some(stats) = stats {
        tables.retain(|t| t.id != TableId::T2 || t.text_range.end() <= stats.text_range.start());
        tables.push(stats);
    }
    let mut year = meta.title_year.or(meta.period.map(|p| p.start.year));
    if year.is_none() {
        year = meta.period.map(|p| p.end.year);
    }
    let mut template = meta::template(&index, &tables);
    if tables.iter().any(|t| t.id == TableId::Pre2019) {
        template = Template::Pre2019;
    }
    // A free-text report titled with a year before 2019 is of the old 条例's era (§3.3 step 5).
    if template == Template::Unknown && meta.title.is_some() && year.is_some_and(|y| y < 2019) {
        template = Template::Pre2019;
    }
    let is_whole_report = meta.title.is_some() || meta.sections.len() >= 3;
    let table_ranges: Vec<Range<usize>> = tables.iter().map(|t| t.text_range.get()).collect();
    mark(Stage::Tables);
    let facts = narrative::facts(text, &table_ranges);
    mark(Stage::Narrative);
    // The text may settle a glued 主动公开 row of the statistics table: "主动公开政府信息2069条".
    if let Some(at) = tables.iter().position(|t| {
        t.id == TableId::Pre2019 && t.notes.iter().any(|n| matches!(n, Note::Ambiguous { .. }))
    }) {
        let stated: Vec<(i64, String)> = facts
            .iter()
            .filter(|f| f.is_proactive_total())
            .filter_map(|f| Some((f.value.as_int()?, f.clause.clone())))
            .collect();
        if !stated.is_empty()
            && let Some(better) = stats::read(text, doc, &stated)
        {
            tables[at] = better;
        }
    }
    mark(Stage::Tables);
    // The tables' ranges as the facts had them: a statistics table read again keeps its range.
    let shingles = if shingles { Shingles::read(text, &tables) } else { Shingles::NotRead };
    let declares_aggregate = narrative::declares_aggregate(text);
    mark(Stage::Narrative);
    Report {
        template,
        title: meta.title,
        year,
        title_year: meta.title_year,
        agency: meta.agency.as_deref().map(Agency::read),
        period: meta.period,
        published: meta.published,
        publisher: meta.publisher,
        year_claims: meta.year_claims,
        sections: meta.sections,
        is_whole_report,
        tables,
        facts,
        shingles,
        declares_aggregate,
        another_t3,
        unread_tables,
    }
}
