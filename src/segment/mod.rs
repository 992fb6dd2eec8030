//! Stage 2: normalized text → logical rows of cells → tokens.
//!
//! A *logical row* is what the layout says belongs together: a line of pipe-separated cells
//! (`| a | b |`, markdown), a line of tab-separated cells (a table copied from a browser, Word
//! or WPS, and every rendered HTML table row), the cells between two bare `|` lines (one cell
//! per line, as in the seed), or a plain line (space-separated, as PDF text comes).
//! Each cell is then cut into [`Token`]s: label text, numbers, and blank cells.
//!
//! Invariants: `segment` never parses a number's value (the model does) and never looks for
//! Chinese labels; it only classifies characters. Linear in the input.

mod token;

pub use token::{NumToken, Token, TokenKind};

use std::ops::Range;

/// The normalized document as rows of tokens.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// Each logical row as a range of `tokens`.
    pub rows: Vec<Range<usize>>,
    /// How each logical row was laid out.
    pub row_kinds: Vec<RowKind>,
    /// Where reading stopped (a byte of the normalized text) when the text held more tokens
    /// than [`max_tokens`] allows; what follows was not read.
    pub truncated: Option<usize>,
}

/// Tokens read from any text, at the least. A real report has a few hundred to a few
/// thousand (the corpus: 130–550); a token costs about 100 bytes with its row, so this floor
/// costs at most about 7 MB.
pub const MIN_TOKENS: usize = 1 << 16;

/// Tokens read from a text of `len` bytes: one per 64 bytes beyond [`MIN_TOKENS`]. A line of
/// `1 1 1 …` has a token every 2 bytes and would otherwise take 50 times its size in tokens;
/// this keeps them to about 1.5 times the text, whatever it holds.
pub fn max_tokens(len: usize) -> usize {
    (len / 64).max(MIN_TOKENS)
}

/// How a logical row's cells were separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A plain line: tokens separated by spaces.
    Plain,
    /// `| a | b |` on one line.
    Piped,
    /// Tab-separated cells on one line.
    Tabbed,
    /// One cell per line between bare `|` lines.
    CellPerLine,
}

impl RowKind {
    /// True when cells were explicitly delimited, so an empty cell is a real blank cell.
    pub fn is_structured(self) -> bool {
        !matches!(self, RowKind::Plain)
    }
}

/// Splits normalized `text` into logical rows and tokens.
pub fn segment(text: &str) -> Doc {
    let mut doc = Doc::default();
    let limit = max_tokens(text.len());
    // Cells of the logical row being built in cell-per-line mode.
    let mut pending: Option<Vec<Range<usize>>> = None;
    // The cells of the row last pushed, emptied: its room is the next row's (a row's vector
    // grown from nothing for every row cost more than its tokens' numbers).
    let mut spare: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if doc.truncated.is_some() {
            break;
        }
        let start = offset;
        offset += line.len();
        crate::work::add(line.len());
        let body = line.trim_end_matches('\n');
        let from_text = body.trim_start();
        let lead = body.len() - from_text.len();
        let trimmed = from_text.trim_end();
        let at = start + lead;
        // ` |` inside a row: an empty cell, written like the others as its text and ` |`
        // (a row starts with a bare `|` at the line's start).
        if trimmed == "|" && lead > 0 && pending.is_some() {
            if let Some(cells) = pending.as_mut() {
                cells.push(at..at);
            }
            continue;
        }
        if trimmed == "|" {
            if let Some(cells) = pending.take() {
                push_row(&mut doc, text, limit, &cells, RowKind::CellPerLine);
                spare = cells;
            }
            spare.clear();
            pending = Some(std::mem::take(&mut spare));
            continue;
        }
        if let Some(cells) = pending.as_mut() {
            if trimmed.is_empty() {
                // An empty paragraph between cells (Word's double spacing, a paste that
                // doubled every line break) does not end the row.
                continue;
            }
            if trimmed.chars().all(|c| c == '|') {
                // Filler for merged or empty trailing cells: carries no cell.
                continue;
            }
            if let Some(cell) = trimmed.strip_suffix('|').filter(|c| !c.contains('|')) {
                cells.push(at..at + cell.trim_end().len());
                // Each cell makes a token: more cells than the tokens left are cut here.
                if doc.tokens.len() + cells.len() > limit {
                    let cells = pending.take().unwrap_or_default();
                    push_row(&mut doc, text, limit, &cells, RowKind::CellPerLine);
                    spare = cells;
                }
                continue;
            }
            let cells = pending.take().unwrap_or_default();
            push_row(&mut doc, text, limit, &cells, RowKind::CellPerLine);
            spare = cells;
        }
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.matches('|').count() >= 2 {
            if is_markdown_rule(trimmed) {
                continue;
            }
            let inner = trimmed.trim_start_matches('|');
            let inner = inner.strip_suffix('|').unwrap_or(inner);
            let inner_start = at + (trimmed.len() - trimmed.trim_start_matches('|').len());
            let cells = split_cells(inner, inner_start, '|', limit - doc.tokens.len().min(limit));
            push_row(&mut doc, text, limit, &cells, RowKind::Piped);
        } else if trimmed.contains('\t') {
            // Tabs between cells; a tab only before or after the text (indentation, a
            // trailing tab) does not make a prose line a row of cells.
            let cells = split_cells(body, start, '\t', limit - doc.tokens.len().min(limit));
            push_row(&mut doc, text, limit, &cells, RowKind::Tabbed);
        } else {
            push_row(
                &mut doc,
                text,
                limit,
                std::slice::from_ref(&(at..at + trimmed.len())),
                RowKind::Plain,
            );
        }
    }
    if let Some(cells) = pending.take() {
        push_row(&mut doc, text, limit, &cells, RowKind::CellPerLine);
    }
    doc
}

/// Cells of `line` (which starts at byte `start`), split on `sep`, each trimmed; at most
/// `room + 1` of them (every cell makes a token: the one past the room is where reading stops).
fn split_cells(line: &str, start: usize, sep: char, room: usize) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut cell_start = 0;
    for (idx, ch) in line.char_indices().chain(std::iter::once((line.len(), sep))) {
        if ch == sep {
            if cells.len() > room {
                break;
            }
            let raw = &line[cell_start..idx];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            let at = start + cell_start + lead;
            cells.push(at..at + trimmed.len());
            cell_start = idx + ch.len_utf8();
        }
    }
    cells
}

/// A markdown table's delimiter row (`|---|:--:|`). A row of lone `-` cells with spaces
/// around them (`| - | - |`) is a row of placeholders for zero, not a delimiter row.
fn is_markdown_rule(line: &str) -> bool {
    line.contains('-')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        && (line.contains("--") || !line.contains(' '))
}

/// Cuts a row's cells into tokens, up to `limit` tokens in all; at the limit, records where
/// reading stopped.
fn push_row(doc: &mut Doc, text: &str, limit: usize, cells: &[Range<usize>], kind: RowKind) {
    if cells.is_empty() || doc.truncated.is_some() {
        return;
    }
    let first = doc.tokens.len();
    let row = doc.rows.len() as u32;
    for cell in cells {
        let stopped = token::tokenize(text, cell.clone(), row, kind, limit, &mut doc.tokens);
        if let Some(at) = stopped {
            doc.truncated = Some(at);
            break;
        }
    }
    if doc.tokens.len() > first {
        doc.rows.push(first..doc.tokens.len());
        doc.row_kinds.push(kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<String> {
        let doc = segment(text);
        doc.rows
            .iter()
            .map(|range| {
                doc.tokens[range.clone()]
                    .iter()
                    .map(|t| match &t.kind {
                        TokenKind::Text => format!("T:{}", &text[t.range.clone()]),
                        TokenKind::Num(_) => format!("N:{}", &text[t.range.clone()]),
                        TokenKind::Blank { .. } => "B".to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn a_row_of_dashes_for_zero_is_not_a_markdown_rule() {
        assert!(is_markdown_rule("|---|:--:|"));
        assert!(is_markdown_rule("| --- | --- |"));
        assert!(is_markdown_rule("|-|-|"));
        assert!(!is_markdown_rule("| - | - | - |"));
    }

    #[test]
    fn an_empty_cell_of_a_cell_per_line_row_is_a_blank() {
        let text = "|\n规章 |\n3 |\n |\n5 |\n||\n|\n |\n |\n||\n";
        assert_eq!(rows(text), ["T:规章 N:3 B N:5", "B B"]);
    }

    #[test]
    fn cell_per_line_rows() {
        let text = "|\n第二十条 第(一) |\n|||\n|\n规章 |\n0 |\n0 |\n|\n三、收到\n";
        assert_eq!(rows(text), ["T:第二十条 T:第(一)", "T:规章 N:0 N:0", "T:三、收到"]);
    }

    #[test]
    fn empty_lines_between_cells_do_not_end_the_row() {
        // Word's double spacing, or a paste that doubled every line break.
        let text = "|\n\n规章 |\n\n0 |\n\n3 |\n\n||\n\n\n三、收到\n";
        assert_eq!(rows(text), ["T:规章 N:0 N:3", "T:三、收到"]);
    }

    #[test]
    fn a_tab_before_or_after_a_line_is_not_a_cell() {
        let text = "\t三、收到和处理政府信息公开申请情况\t\n\t规范性文件\t8\t\t18\n";
        assert_eq!(
            rows(text),
            ["T:三、收到和处理政府信息公开申请情况", "B T:规范性文件 N:8 B N:18"]
        );
    }

    #[test]
    fn piped_tabbed_and_plain_rows() {
        let text = "| 规章 | 0 |  |\n|---|---|\n规范性文件\t8\t\t18\n行政许可 97\n一、本年新收 | 58 | 7 |\n";
        assert_eq!(
            rows(text),
            [
                "T:规章 N:0 B",
                "T:规范性文件 N:8 B N:18",
                "T:行政许可 N:97",
                "T:一、本年新收 N:58 N:7"
            ]
        );
    }
}
