//! Cutting one cell into tokens: label text, numbers, blanks.
//!
//! The hard cases are glued ones: `规章000行政规范性文件693665` (label and digits run
//! together), `00000002.其他法律…` (the next row's list number `2.` glued to this row's
//! digits), `2648-18538` (a sign glued on), `251000元` (a unit). A digit directly before
//! `.`/`、` and a letter is a list number and belongs to the label after it; a number directly
//! before 年/月/日 is a date, not a value.

use std::ops::Range;

/// One token of a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Its bytes in the normalized text.
    pub range: Range<usize>,
    /// The logical row it belongs to.
    pub row: u32,
    /// True when it was the whole content of a delimited cell.
    pub whole_cell: bool,
}

/// The kind of a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Label or other text.
    Text,
    /// A number as written (value parsed later).
    Num(NumToken),
    /// An empty delimited cell, or a placeholder such as `—`, `/`, `无`.
    Blank {
        /// True for a placeholder character, false for a truly empty cell.
        placeholder: bool,
    },
}

/// A number as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumToken {
    /// The numeral without sign or unit: `12`, `4068.208`; for digits run into junk (`1e5`,
    /// `0x1`, `1%`), the whole word, which parses as no number.
    pub digits: Range<usize>,
    /// `-1`, `+1`; `增`/`减` prefixes count as signs too.
    pub negative: bool,
    /// True when a sign (`-`, `+`, `增`, `减`) was written.
    pub signed: bool,
    /// A unit written right after the number (`元`, `万元`, `件`, `%` …).
    pub unit: Option<Range<usize>>,
}

const UNITS: &[&str] = &["万元", "元", "件", "笔", "条", "个", "项", "次", "宗", "起", "人", "家"];
const DATE_SUFFIXES: &[char] = &['年', '月', '日', '号', '时', '页', '期', '届'];
const PLACEHOLDERS: &[&str] =
    &["—", "——", "-", "--", "–", "/", "\\", "无", "空", "／", "－", "—-", "─"];

/// Cuts the cell `cell` of `text` into tokens pushed onto `out`, until `out` holds `limit`
/// tokens: then returns the byte where it stopped (the rest of the cell is not read).
pub(super) fn tokenize(
    text: &str,
    cell: Range<usize>,
    row: u32,
    kind: super::RowKind,
    limit: usize,
    out: &mut Vec<Token>,
) -> Option<usize> {
    if out.len() >= limit {
        return Some(cell.start);
    }
    let content = &text[cell.clone()];
    let structured = kind.is_structured();
    if structured && content.is_empty() {
        push(
            out,
            limit,
            Token {
                kind: TokenKind::Blank { placeholder: false },
                range: cell,
                row,
                whole_cell: true,
            },
        );
        return None;
    }
    if PLACEHOLDERS.contains(&content) {
        push(
            out,
            limit,
            Token {
                kind: TokenKind::Blank { placeholder: true },
                range: cell,
                row,
                whole_cell: structured,
            },
        );
        return None;
    }
    let first = out.len();
    let bytes = content.as_bytes();
    let base = cell.start;
    let mut i = 0;
    let mut text_start: Option<usize> = None;
    let flush = |text_start: &mut Option<usize>, end: usize, out: &mut Vec<Token>| {
        if let Some(start) = text_start.take()
            && end > start
        {
            push(
                out,
                limit,
                Token {
                    kind: TokenKind::Text,
                    range: base + start..base + end,
                    row,
                    whole_cell: false,
                },
            );
        }
    };
    while i < content.len() {
        crate::work::add(1);
        if out.len() >= limit {
            return Some(base + i);
        }
        // Inside a word, a character that is neither whitespace nor a number's start (ASCII
        // punctuation and letters, CJK ideographs: lead bytes E4..E9, 增 and 减 too, which
        // start no number inside a word) only extends it.
        if text_start.is_some() {
            let plain = match bytes[i] {
                b'0'..=b'9' | b'-' | b'+' => 0,
                0x21..=0x7E => 1,
                0xE4..=0xE9 => 3,
                _ => 0,
            };
            if plain > 0 {
                i += plain;
                continue;
            }
        }
        let ch = content[i..].chars().next().unwrap_or(' ');
        if ch.is_whitespace() {
            flush(&mut text_start, i, out);
            i += ch.len_utf8();
            continue;
        }
        if let Some(num) = scan_number(content, i, text_start.is_some(), structured) {
            match num {
                Scan::Number { end, token } => {
                    flush(&mut text_start, i, out);
                    let shift = |r: Range<usize>| base + r.start..base + r.end;
                    push(
                        out,
                        limit,
                        Token {
                            kind: TokenKind::Num(NumToken {
                                digits: shift(token.digits),
                                negative: token.negative,
                                signed: token.signed,
                                unit: token.unit.map(shift),
                            }),
                            range: base + i..base + end,
                            row,
                            whole_cell: false,
                        },
                    );
                    i = end;
                    continue;
                }
                Scan::Text { end } => {
                    if text_start.is_none() {
                        text_start = Some(i);
                    }
                    i = end;
                    continue;
                }
            }
        }
        // A standalone dash or slash between spaces is a placeholder blank.
        if text_start.is_none() {
            let at_word_start = i == 0 || bytes[i - 1].is_ascii_whitespace();
            if let Some(word_end) = at_word_start.then(|| placeholder_at(content, i)).flatten() {
                push(
                    out,
                    limit,
                    Token {
                        kind: TokenKind::Blank { placeholder: true },
                        range: base + i..base + word_end,
                        row,
                        whole_cell: false,
                    },
                );
                i = word_end;
                continue;
            }
            text_start = Some(i);
        }
        i += ch.len_utf8();
    }
    flush(&mut text_start, content.len(), out);
    if out.len() == first + 1 && structured {
        out[first].whole_cell = true;
    }
    None
}

/// Pushes `token`, growing `out` by doubling but never past `limit` (plus one): a capped
/// vector does not end up with twice the room it may use.
fn push(out: &mut Vec<Token>, limit: usize, token: Token) {
    if out.len() == out.capacity() {
        let room = out.len().max(64).min(limit.saturating_sub(out.len()).max(1));
        out.reserve_exact(room);
    }
    out.push(token);
}

/// The longest placeholder, in bytes.
const MAX_PLACEHOLDER_LEN: usize = {
    let mut max = 0;
    let mut k = 0;
    while k < PLACEHOLDERS.len() {
        if PLACEHOLDERS[k].len() > max {
            max = PLACEHOLDERS[k].len();
        }
        k += 1;
    }
    max
};

/// The end of the placeholder word at `at`, if the word there is one. Looks at no more than
/// the longest placeholder's bytes: scanning to the next whitespace after every number would
/// make a long line without spaces (`1件，1件，…`) quadratic.
fn placeholder_at(content: &str, at: usize) -> Option<usize> {
    let rest = content.get(at..)?;
    let mut end = content.len();
    for (k, ch) in rest.char_indices() {
        crate::work::add(1);
        if ch.is_whitespace() {
            end = at + k;
            break;
        }
        if k >= MAX_PLACEHOLDER_LEN {
            return None;
        }
    }
    PLACEHOLDERS.contains(&&content[at..end]).then_some(end)
}

/// Whether `rest`, right after a number, starts with a character no number is written
/// against: a Latin letter, a percent or ellipsis, a second decimal point, a closing bracket,
/// a dash or plus not followed by a digit (`2648-185` is two numbers). Chinese characters and
/// opening brackets are not junk: crawled text glues labels to values (`规章000行政…`,
/// `1000001(七)总计`).
fn glued_to_junk(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || is_junk(c) => true,
        Some('-' | '+' | '—' | '–') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Punctuation that is never written against a number's digits in a value.
fn is_junk(ch: char) -> bool {
    matches!(
        ch,
        '%' | '‰'
            | '…'
            | '.'
            | '。'
            | '_'
            | '#'
            | '*'
            | '@'
            | '&'
            | '='
            | '~'
            | '^'
            | '$'
            | '!'
            | '?'
            | '\''
            | '"'
            | ')'
            | ']'
            | '}'
            | '/'
            | '\\'
            | ':'
            | '℃'
    )
}

struct ScannedNumber {
    digits: Range<usize>,
    negative: bool,
    signed: bool,
    unit: Option<Range<usize>>,
}

enum Scan {
    Number {
        end: usize,
        token: ScannedNumber,
    },
    /// Digits that belong to text: a list number (`2.其他`) or a date (`2023年`).
    Text {
        end: usize,
    },
}

fn scan_number(content: &str, at: usize, in_text: bool, structured: bool) -> Option<Scan> {
    let bytes = content.as_bytes();
    let mut i = at;
    let mut negative = false;
    let mut signed = false;
    if content[i..].starts_with('增') || content[i..].starts_with('减') {
        let after = i + '增'.len_utf8();
        if !bytes.get(after).is_some_and(u8::is_ascii_digit) || in_text {
            return None;
        }
        negative = content[i..].starts_with('减');
        signed = true;
        i = after;
    } else if matches!(bytes[i], b'-' | b'+') {
        if !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        // A sign starts a number only at a token start or glued after digits ("2648-185").
        let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        if in_text && !prev_digit {
            return None;
        }
        negative = bytes[i] == b'-';
        signed = true;
        i += 1;
    } else if !bytes[i].is_ascii_digit() {
        return None;
    }
    let digits_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let int_end = i;
    // Decimal part.
    if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    let digits_end = i;
    let rest = &content[digits_end..];
    crate::work::add(digits_end - at + rest.len() - rest.trim_start_matches(' ').len());
    // List number: "2.其他", "3、其他", "1）属于国家秘密" — the last digit starts a label.
    if digits_end == int_end && !signed {
        // "2.其他", "3、其他", "3. 其他" (a space after the mark, as OCR text has it).
        let after_mark = ['.', '、', ')', '）'].iter().find_map(|&mark| rest.strip_prefix(mark));
        let is_list_mark = after_mark
            .and_then(|a| a.trim_start_matches(' ').chars().next())
            .is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace() && c != '.');
        if is_list_mark {
            if int_end - digits_start == 1 {
                return Some(Scan::Text { end: int_end });
            }
            let end = int_end - 1;
            return Some(Scan::Number {
                end,
                token: ScannedNumber { digits: digits_start..end, negative, signed, unit: None },
            });
        }
    }
    // Dates and ordinals: "2023年", "1月", "第3页" are text.
    let next = rest.trim_start_matches(' ').chars().next();
    if !signed && next.is_some_and(|c| DATE_SUFFIXES.contains(&c)) {
        let after_spaces = digits_end + (rest.len() - rest.trim_start_matches(' ').len());
        return Some(Scan::Text { end: after_spaces });
    }
    // Digits glued inside a word ("第3", "A1") stay text; so do digits ending a label inside
    // a delimited cell ("数据1"): only text that lost its separators glues values to labels.
    if in_text && !signed && at > 0 {
        let prev = content[..at].chars().next_back();
        if structured || prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '第') {
            return Some(Scan::Text { end: digits_end });
        }
    }
    // Digits run into junk (`1e5`, `0x1`, `1%`, `1…`, `1.`) are not a number: the whole word
    // is one number token whose "numeral" parses as none, so that the cell holding it is
    // read as text where a number belongs, never as its first digits.
    if glued_to_junk(rest) {
        let word = rest
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_ascii_alphanumeric() || is_junk(c) || matches!(c, '-' | '+' | '—' | '–'))
            })
            .map_or(content.len(), |(k, _)| digits_end + k);
        crate::work::add(word - digits_end);
        return Some(Scan::Number {
            end: word,
            token: ScannedNumber { digits: digits_start..word, negative, signed, unit: None },
        });
    }
    let mut end = digits_end;
    let mut unit = None;
    if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
        unit = Some(digits_end..digits_end + u.len());
        end = digits_end + u.len();
    }
    Some(Scan::Number {
        end,
        token: ScannedNumber { digits: digits_start..digits_end, negative, signed, unit },
    })
}

#[cfg(test)]
mod tests {
    use super::super::{RowKind, segment};
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        let doc = segment(text);
        doc.tokens
            .iter()
            .map(|t| match &t.kind {
                TokenKind::Text => format!("T:{}", &text[t.range.clone()]),
                TokenKind::Num(n) => {
                    let sign = if n.negative { "-" } else { "" };
                    let unit =
                        n.unit.clone().map(|u| format!("[{}]", &text[u])).unwrap_or_default();
                    format!("N:{sign}{}{unit}", &text[n.digits.clone()])
                }
                TokenKind::Blank { placeholder } => format!("B:{placeholder}"),
            })
            .collect()
    }

    #[test]
    fn glued_labels_and_digits() {
        assert_eq!(
            kinds("规章000行政规范性文件693665"),
            ["T:规章", "N:000", "T:行政规范性文件", "N:693665"]
        );
        assert_eq!(
            kinds("1.属于国家秘密00000002.其他法律"),
            ["T:1.属于国家秘密", "N:0000000", "T:2.其他法律"]
        );
        assert_eq!(kinds("3.其他1000001(七)总计"), ["T:3.其他", "N:1000001", "T:(七)总计"]);
        assert_eq!(kinds("3、其他 108"), ["T:3、其他", "N:108"]);
        // Items numbered `1）` or `1)`, glued or not.
        assert_eq!(
            kinds("1）属于国家秘密00000002)其他法律"),
            ["T:1）属于国家秘密", "N:0000000", "T:2)其他法律"]
        );
        assert_eq!(kinds("1） 属于国家秘密 0"), ["T:1）", "T:属于国家秘密", "N:0"]);
        assert_eq!(kinds("| 3. 其他 | 142 |"), ["T:3.", "T:其他", "N:142"]);
        assert_eq!(kinds("| 类别 | 数据1 | 总计 |"), ["T:类别", "T:数据1", "T:总计"]);
    }

    #[test]
    fn digits_run_into_junk_are_text() {
        // One token, the whole word: its "numeral" is no number, so its cell reads as text.
        for junk in ["1e5", "0x1F", "1%", "1…", "1.", "1.2.3", "3)", "1-", "1—", "12:30", "1e+5"]
        {
            assert_eq!(kinds(&format!("| {junk} | 2 |")), [format!("N:{junk}"), "N:2".to_string()]);
        }
        assert_eq!(
            kinds("| 12.5 | -185 | 5件 | 3万元 |"),
            ["N:12.5", "N:-185", "N:5[件]", "N:3[万元]"]
        );
        assert_eq!(kinds("占比33.9%，共5件"), ["T:占比", "N:33.9%", "T:，共", "N:5[件]"]);
        assert_eq!(kinds("行政处罚2648-18538"), ["T:行政处罚", "N:2648", "N:-18538"]);
    }

    #[test]
    fn signs_units_dates_and_placeholders() {
        assert_eq!(kinds("行政处罚2648-18538"), ["T:行政处罚", "N:2648", "N:-18538"]);
        assert_eq!(kinds("减4 251000元 4068.208"), ["N:-4", "N:251000[元]", "N:4068.208"]);
        assert_eq!(kinds("2023年1月1日 第3页"), ["T:2023年1月1日", "T:第3页"]);
        assert_eq!(kinds("| a | — | / |"), ["T:a", "B:true", "B:true"]);
        assert_eq!(kinds("0 — 3"), ["N:0", "B:true", "N:3"]);
        let _ = RowKind::Plain;
    }
}
