//! Reading the statistics table of a pre-2019 report (政府信息公开情况统计表, RULEBOOK §3.2).
//!
//! Before 2019 there was no national table: each province had its own sheet, a list of
//! indicator rows `指标名称 | 计量单位 | 本年度 | 历年累计` with `其中：1. … 2. …` parts under
//! some of them. This reader walks the tokens after the `指标名称`/`统计指标` header: a row is
//! its label text (the unit word at its end), then its numbers. Labels are mapped to the
//! usual indicators by key words (`Row::ACT` …); rows it does not know are skipped and counted.
//!
//! Crawled pages glue the two columns together (`主动公开信息数条4251516`): a digit run is
//! split into (本年度, 历年累计) with no leading zeros and 本年度 ≤ 历年累计; when several
//! splits remain, the whole group (the row and its 其中 parts) is split together under
//! "parts ≤ parent", and for the exhaustive groups (申请方式, 答复类型) under "parts add up to
//! the parent". What still has several splits is left ambiguous. Split cells are inferred.

use std::ops::Range;

use crate::rules::{At, RuleId};
use crate::segment::{Doc, TokenKind};
use crate::span::TextRange;

use super::address::{CellRef, Col, Row, TableId};
use super::identities::P_GROUPS;
use super::labels;
use super::number::Number;
use super::tables::cell_from_token;
use super::{Cell, Layout, Note, Strategy, Table, Value};

/// At most this many rows are read (real sheets have 15–40).
const MAX_ROWS: usize = 120;
/// A label longer than this (characters) is prose: the table has ended.
const MAX_LABEL_CHARS: usize = 48;
/// At most this many combinations of a group's splits are tried.
const MAX_COMBINATIONS: usize = 20_000;

/// One indicator row as written.
#[derive(Clone, Debug)]
struct RawRow {
    label: String,
    /// Under a `其中` (a part of the row above it).
    part: bool,
    /// The value tokens.
    values: Vec<usize>,
}

/// The statistics table, if the text has one. `stated`: numbers the text gives for 主动公开
/// (with their sentence), used only to choose between the splits of a glued 主动公开 row.
pub(super) fn read(text: &str, doc: &Doc, stated: &[(i64, String)]) -> Option<Table> {
    let tokens = &doc.tokens;
    let header = tokens.iter().position(|t| {
        matches!(t.kind, TokenKind::Text)
            && labels::P_HEADER_KEYS.iter().any(|k| text[t.range.clone()].contains(k))
    })?;
    // The header runs to the first number; its last header word ends it.
    let first_number =
        (header..tokens.len()).find(|&i| !matches!(tokens[i].kind, TokenKind::Text))?;
    let header_text: String =
        (header..first_number).map(|i| &text[tokens[i].range.clone()]).collect();
    // A header names its columns; "统计指标" in a sentence is not a table.
    if !labels::P_COLUMN_WORDS.iter().any(|w| header_text.contains(w)) {
        return None;
    }
    let columns = if header_text.contains(labels::P_CUMULATIVE) { 2 } else { 1 };
    let start = tokens[header].range.start;
    let rows = raw_rows(text, doc, header, first_number);
    if rows.is_empty() {
        return None;
    }
    let end = rows
        .iter()
        .filter_map(|r| r.values.last())
        .map(|&i| tokens[i].range.end)
        .max()
        .unwrap_or(start);
    let table = build(text, doc, &rows, columns, start..end, stated);
    // At least two of the usual indicators, or it is not the statistics table.
    (table.rows().len() >= 2).then_some(table)
}

/// The rows after the header: label text, then its numbers.
fn raw_rows(text: &str, doc: &Doc, header: usize, first_number: usize) -> Vec<RawRow> {
    let tokens = &doc.tokens;
    let mut rows = Vec::new();
    // The first label shares the header's text: it starts after the last header word.
    let mut label = String::new();
    for idx in header..first_number {
        let token_text = &text[tokens[idx].range.clone()];
        label.push_str(token_text);
        let cut = labels::P_HEADER_WORDS
            .iter()
            .filter_map(|w| label.rfind(w).map(|at| at + w.len()))
            .max();
        if let Some(cut) = cut {
            label = label[cut..].to_string();
        }
    }
    let mut values: Vec<usize> = Vec::new();
    let mut in_parts = false;
    let mut last_row = tokens[first_number].row;
    let mut flush = |label: &mut String, values: &mut Vec<usize>, rows: &mut Vec<RawRow>| {
        let (part, clean) = part_label(label, in_parts);
        in_parts = part;
        rows.push(RawRow { label: clean, part, values: std::mem::take(values) });
        label.clear();
    };
    for (idx, token) in tokens.iter().enumerate().skip(first_number) {
        match token.kind {
            TokenKind::Text => {
                let token_text = &text[token.range.clone()];
                if !values.is_empty() {
                    flush(&mut label, &mut values, &mut rows);
                    if rows.len() >= MAX_ROWS {
                        break;
                    }
                }
                label.push_str(token_text);
                if token_text.contains('。')
                    || label.chars().count() > MAX_LABEL_CHARS
                    || label.contains(labels::P_ATTACHMENT)
                {
                    label.clear();
                    break;
                }
            }
            TokenKind::Num(_) | TokenKind::Blank { .. } => {
                if token.row != last_row && !values.is_empty() && label.is_empty() {
                    // A new line of numbers with no label: not part of this table.
                    break;
                }
                values.push(idx);
            }
        }
        last_row = token.row;
    }
    if !values.is_empty() && !label.is_empty() {
        flush(&mut label, &mut values, &mut rows);
    }
    rows
}

/// Whether a label is a `其中` part, and the label without `其中：` and its list number.
fn part_label(label: &str, in_parts: bool) -> (bool, String) {
    let compact: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let (mut part, mut rest) = match compact.strip_prefix(labels::P_PART) {
        Some(rest) => (true, rest.trim_start_matches([':', '：', '，', ',', '、']).to_string()),
        None => (false, compact.clone()),
    };
    // A list number (`1.`, `2、`, `（3）`) continues the parts; anything else ends them.
    let numbered = strip_list_number(&rest);
    if let Some(stripped) = numbered {
        rest = stripped;
        part = part || in_parts;
    }
    (part, rest)
}

fn strip_list_number(text: &str) -> Option<String> {
    let trimmed = text.trim_start_matches(['（', '(']);
    let digits = trimmed.len() - trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &trimmed[digits..];
    let after =
        after.strip_prefix(['.', '、', '．', '）', ')']).or_else(|| after.strip_prefix("）"))?;
    Some(after.trim_start_matches(['.', '、']).to_string())
}

/// The label without its unit word, and the unit.
fn strip_unit(label: &str) -> (&str, Option<&'static str>) {
    for unit in labels::P_UNITS {
        if let Some(rest) = label.strip_suffix(unit)
            && !rest.is_empty()
        {
            return (rest, Some(unit));
        }
    }
    (label, None)
}

/// A row's reading before the groups are settled.
#[derive(Clone, Debug)]
enum Reading {
    /// One token per column.
    Direct(Vec<usize>),
    /// One digit run for two columns: its possible (本年度, 历年累计) splits.
    Glued { token: usize, candidates: Vec<[i64; 2]> },
    /// The wrong number of values.
    Wrong(usize),
}

fn build(
    text: &str,
    doc: &Doc,
    raw: &[RawRow],
    columns: usize,
    range: Range<usize>,
    stated: &[(i64, String)],
) -> Table {
    let cols: &[Col] = if columns == 2 { &[Col::y, Col::cum] } else { &[Col::y] };
    // Map labels to indicators; the first of each indicator wins.
    let mut rows: Vec<(Row, &RawRow)> = Vec::new();
    let mut parent: Option<Row> = None;
    let mut unknown = 0;
    for row in raw {
        let (label, _) = strip_unit(&row.label);
        let found = if row.part {
            parent.and_then(|p| labels::p_indicator(label, Some(p)))
        } else {
            labels::p_indicator(label, None)
        };
        if !row.part {
            parent = found;
        }
        match found {
            Some(r) if !rows.iter().any(|(seen, _)| *seen == r) => rows.push((r, row)),
            _ => unknown += 1,
        }
    }
    crate::sort::sort_by_key(&mut rows, |(r, _)| *r);
    let readings: Vec<Reading> = rows
        .iter()
        .map(|(_, row)| {
            let values: Vec<usize> = row.values.clone();
            if values.len() == columns {
                return Reading::Direct(values);
            }
            if columns == 2
                && values.len() == 1
                && let TokenKind::Num(num) = &doc.tokens[values[0]].kind
            {
                let candidates = two_way_splits(&text[num.digits.clone()]);
                if !num.negative && !candidates.is_empty() {
                    return Reading::Glued { token: values[0], candidates };
                }
            }
            Reading::Wrong(values.len())
        })
        .collect();
    let row_ids: Vec<Row> = rows.iter().map(|(r, _)| *r).collect();
    // A glued 主动公开 row whose splits include exactly one number the text states.
    let mut by_text: Option<(Row, String)> = None;
    let mut readings = readings;
    if let Some(k) = row_ids.iter().position(|&r| r == Row::ACT)
        && let Reading::Glued { candidates, .. } = &mut readings[k]
    {
        {
            let matching: Vec<&(i64, String)> =
                stated.iter().filter(|(v, _)| candidates.iter().any(|c| c[0] == *v)).collect();
            let one_value =
                matching.first().is_some_and(|(v, _)| matching.iter().all(|(w, _)| w == v));
            if candidates.len() > 1 && one_value {
                let value = matching[0].0;
                candidates.retain(|c| c[0] == value);
                by_text = Some((Row::ACT, matching[0].1.clone()));
            }
        }
    }
    let chosen = settle(&row_ids, &readings);

    let mut cells = Vec::new();
    let mut notes = Vec::new();
    let mut glued_rows = Vec::new();
    let mut assumed = Vec::new();
    for (k, ((row, _), reading)) in rows.iter().zip(&readings).enumerate() {
        let addr = |col: Col| CellRef::new(TableId::Pre2019, *row, col);
        match reading {
            Reading::Direct(tokens) => {
                for (&col, &idx) in cols.iter().zip(tokens) {
                    cells.push(cell_from_token(text, doc, addr(col), idx));
                }
            }
            Reading::Glued { token, candidates } => match &chosen[k] {
                Choice::One(pair, by) => {
                    let token = &doc.tokens[*token];
                    let digits = match &token.kind {
                        TokenKind::Num(num) => num.digits.clone(),
                        _ => token.range.clone(),
                    };
                    let split = digits.start + pair[0].to_string().len();
                    for (col, (value, range)) in cols
                        .iter()
                        .zip([(pair[0], digits.start..split), (pair[1], split..digits.end)])
                    {
                        cells.push(Cell {
                            addr: addr(*col),
                            value: Value::Number(Number::int(value)),
                            inferred: true,
                            text_range: Some(TextRange::new(range)),
                            range: None,
                            unit: None,
                        });
                    }
                    glued_rows.push(*row);
                    // Split under the group's sum: that sum verifies nothing.
                    if let Some(group) = by {
                        for col in cols {
                            let id = RuleId::PreSum.at(At::Cell(*group, *col)).to_string();
                            if !assumed.contains(&id) {
                                assumed.push(id);
                            }
                        }
                    }
                }
                Choice::Several => {
                    let digits = match &doc.tokens[*token].kind {
                        TokenKind::Num(num) => text[num.digits.clone()].to_string(),
                        _ => String::new(),
                    };
                    notes.push(Note::Ambiguous {
                        row: *row,
                        digits,
                        candidates: candidates
                            .iter()
                            .take(6)
                            .map(|p| p.iter().map(|&v| Some(Number::int(v))).collect())
                            .collect(),
                        count: candidates.len(),
                    });
                    for &col in cols {
                        cells.push(Cell {
                            addr: addr(col),
                            value: Value::Ambiguous,
                            inferred: false,
                            text_range: Some(TextRange::new(doc.tokens[*token].range.clone())),
                            range: None,
                            unit: None,
                        });
                    }
                }
            },
            Reading::Wrong(found) => {
                notes.push(Note::WrongCount { row: *row, expected: columns, found: *found });
                for &col in cols {
                    cells.push(Cell {
                        addr: addr(col),
                        value: Value::Missing,
                        inferred: false,
                        text_range: None,
                        range: None,
                        unit: None,
                    });
                }
            }
        }
    }
    if !glued_rows.is_empty() {
        notes.insert(0, Note::Glued { rows: glued_rows, assumed });
    }
    if let Some((row, clause)) = by_text {
        notes.push(Note::SplitByText { row, clause });
    }
    if unknown > 0 {
        notes.push(Note::UnknownIndicators { count: unknown });
    }
    Table {
        id: TableId::Pre2019,
        layout: Layout::Y2019,
        has_subtotal_column: false,
        subtotal_rows: Vec::new(),
        strategy: Strategy::Labels,
        cells,
        notes,
        has_note: false,
        label_issues: Vec::new(),
        text_range: TextRange::new(range),
        range: None,
    }
}

/// Every split of a digit run into (本年度, 历年累计): no leading zeros, 本年度 ≤ 历年累计.
fn two_way_splits(digits: &str) -> Vec<[i64; 2]> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() < 2 || digits.len() > 18 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for at in 1..digits.len() {
        let (a, b) = digits.split_at(at);
        let leading_zero = |s: &str| s.len() > 1 && s.starts_with('0');
        if leading_zero(a) || leading_zero(b) {
            continue;
        }
        let (Ok(a), Ok(b)) = (a.parse::<i64>(), b.parse::<i64>()) else { continue };
        if a <= b {
            out.push([a, b]);
        }
    }
    out
}

/// How a glued row was settled.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Choice {
    /// One split; with the group whose sum was assumed to choose it, if one was.
    One([i64; 2], Option<Row>),
    /// Several splits remain.
    Several,
}

/// Settles the glued rows: alone when they have one split, else with their group.
fn settle(rows: &[Row], readings: &[Reading]) -> Vec<Choice> {
    let mut chosen: Vec<Choice> = readings
        .iter()
        .map(|r| match r {
            Reading::Glued { candidates, .. } if candidates.len() == 1 => {
                Choice::One(candidates[0], None)
            }
            _ => Choice::Several,
        })
        .collect();
    for &(parent, parts, exhaustive) in P_GROUPS {
        let members: Vec<usize> = std::iter::once(parent)
            .chain(parts.iter().copied())
            .filter_map(|r| rows.iter().position(|&x| x == r))
            .collect();
        if members.first().is_none_or(|&k| rows[k] != parent) {
            continue;
        }
        let open: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&k| {
                matches!(readings[k], Reading::Glued { .. }) && chosen[k] == Choice::Several
            })
            .collect();
        if open.is_empty() {
            continue;
        }
        // The options of every member: fixed values, or the candidates of an open row.
        let options: Vec<Vec<Option<[i64; 2]>>> = members
            .iter()
            .map(|&k| match (&readings[k], &chosen[k]) {
                (_, Choice::One(pair, _)) => vec![Some(*pair)],
                (Reading::Glued { candidates, .. }, Choice::Several) => {
                    candidates.iter().copied().map(Some).collect()
                }
                (Reading::Direct(_) | Reading::Wrong(_), _) => vec![None],
            })
            .collect();
        let total: usize = options.iter().map(Vec::len).product();
        if total > MAX_COMBINATIONS {
            continue;
        }
        let fits = |combo: &[Option<[i64; 2]>], sums: bool| -> bool {
            let Some(parent_pair) = combo[0] else { return true };
            let parts: Vec<[i64; 2]> = combo[1..].iter().flatten().copied().collect();
            let within = parts.iter().all(|p| p[0] <= parent_pair[0] && p[1] <= parent_pair[1]);
            let adds_up = (0..2).all(|c| parts.iter().map(|p| p[c]).sum::<i64>() == parent_pair[c]);
            within && (!sums || (adds_up && parts.len() + 1 == combo.len()))
        };
        let combos = combinations(&options);
        let mut by: Option<Row> = None;
        let mut fitting: Vec<&Vec<Option<[i64; 2]>>> = Vec::new();
        if exhaustive {
            fitting = combos.iter().filter(|c| fits(c, true)).collect();
            by = Some(parent);
        }
        if fitting.len() != 1 {
            fitting = combos.iter().filter(|c| fits(c, false)).collect();
            by = None;
        }
        if fitting.len() != 1 {
            continue;
        }
        for (m, &k) in members.iter().enumerate() {
            if open.contains(&k)
                && let Some(pair) = fitting[0][m]
            {
                chosen[k] = Choice::One(pair, by);
            }
        }
    }
    chosen
}

fn combinations<T: Clone>(options: &[Vec<T>]) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    for choices in options {
        let mut next = Vec::with_capacity(out.len() * choices.len());
        for prefix in &out {
            for choice in choices {
                let mut combo = prefix.clone();
                combo.push(choice.clone());
                next.push(combo);
            }
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_columns_split_with_the_smaller_first() {
        assert_eq!(two_way_splits("4251516"), vec![[4, 251_516], [42, 51_516], [425, 1516]]);
        assert_eq!(two_way_splits("00"), vec![[0, 0]]);
        assert_eq!(two_way_splits("728"), vec![[7, 28]]);
        assert_eq!(two_way_splits("018"), vec![[0, 18]]);
        assert!(two_way_splits("5").is_empty());
    }

    #[test]
    fn parts_and_list_numbers() {
        assert_eq!(part_label("其中:1.网站公开条", false), (true, "网站公开条".to_string()));
        assert_eq!(part_label("2.政府公报公开条", true), (true, "政府公报公开条".to_string()));
        assert_eq!(
            part_label("受理依申请公开信息总数条", true),
            (false, "受理依申请公开信息总数条".to_string())
        );
        assert_eq!(part_label("其中：1、当面申请数", false), (true, "当面申请数".to_string()));
    }

    #[test]
    fn labels_name_indicators() {
        assert_eq!(labels::p_indicator("主动公开信息数", None), Some(Row::ACT));
        assert_eq!(labels::p_indicator("主动公开文件数", None), Some(Row::ACT));
        assert_eq!(labels::p_indicator("受理政府信息依申请公开总数", None), Some(Row::REQ));
        assert_eq!(labels::p_indicator("对申请的答复总数", None), Some(Row::ANS));
        assert_eq!(labels::p_indicator("接受行政诉讼、举报数", None), Some(Row::PETITION));
        assert_eq!(labels::p_indicator("信函、传真申请数", Some(Row::REQ)), Some(Row::REQ_POSTFAX));
        assert_eq!(labels::p_indicator("同意部分公开答复数", Some(Row::ANS)), Some(Row::ANS_PART));
        assert_eq!(labels::p_indicator("政府信息公开收费减免金额", None), Some(Row::CHARGE));
    }
}
