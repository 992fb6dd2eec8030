//! CMaps: `/ToUnicode` (character code → text) and the code space that says how many bytes
//! each character code of a string takes.
//!
//! Reads `begincodespacerange`, `beginbfchar` and `beginbfrange` (both the offset form and the
//! array form); destinations are UTF-16BE (surrogate pairs and several characters allowed) or
//! glyph names.
//!
//! Invariants: never panics; ranges are stored, never expanded, so `<0000> <FFFF>` costs one
//! entry; lookups are logarithmic; a malformed entry is skipped, not guessed, and so is one
//! that maps a code to more than [`MAX_MAPPED_CHARS`] characters (a ligature is a few; a
//! string of thousands drawn thousands of times would be gigabytes of text).

use std::collections::BTreeMap;

use super::fonts::glyph_name_to_char;
use super::lexer::{Lexer, Object, Parsed, Token};

/// The most characters one code may stand for. Ligatures (`ﬃ` → `ffi`) and the odd
/// decomposed character need a few.
pub(crate) const MAX_MAPPED_CHARS: usize = 16;

/// One code-space range: codes of `len` bytes whose every byte lies between `low` and `high`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodeSpace {
    len: usize,
    low: [u8; 4],
    high: [u8; 4],
}

/// How a character code is split from a string: by code-space ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CodeSpaces(Vec<CodeSpace>);

impl CodeSpaces {
    /// Code spaces of fixed-length `len`-byte codes (`len` 1–4).
    pub(crate) fn fixed(len: usize) -> CodeSpaces {
        let len = len.clamp(1, 4);
        CodeSpaces(vec![CodeSpace { len, low: [0; 4], high: [0xFF; 4] }])
    }

    /// Whether no range was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The next code of `bytes`: its value and byte length (at least 1).
    pub(crate) fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        for len in 1..=4 {
            let Some(head) = bytes.get(..len) else { break };
            let fits = self.0.iter().any(|space| {
                space.len == len
                    && head.iter().enumerate().all(|(i, &b)| {
                        space.low.get(i).is_some_and(|&lo| b >= lo)
                            && space.high.get(i).is_some_and(|&hi| b <= hi)
                    })
            });
            if fits {
                return (code_value(head), len);
            }
        }
        // No range matches: take the shortest length the CMap knows (at least one byte).
        let len = self.0.iter().map(|s| s.len).min().unwrap_or(1).clamp(1, bytes.len().max(1));
        (code_value(bytes.get(..len).unwrap_or(bytes)), len)
    }
}

fn code_value(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

/// Where a `bfrange` maps its codes.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    /// The first code's text; each next code increments its last character.
    Offset(String),
    /// One text per code.
    List(Vec<String>),
}

#[derive(Clone, Debug, PartialEq)]
struct RangeMap {
    len: usize,
    low: u32,
    high: u32,
    target: Target,
}

/// A parsed ToUnicode CMap.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ToUnicode {
    /// The code spaces it declares (empty when it declares none).
    pub(crate) spaces: CodeSpaces,
    singles: BTreeMap<(usize, u32), String>,
    /// Sorted by `low`.
    ranges: Vec<RangeMap>,
    /// Whether it says `/WMode 1` (vertical writing).
    pub(crate) vertical: bool,
}

impl ToUnicode {
    /// Parses a CMap stream's decoded bytes.
    pub(crate) fn parse(data: &[u8]) -> ToUnicode {
        let mut cmap = ToUnicode::default();
        let mut lexer = Lexer::new(data, 0);
        let mut last_name: Option<Vec<u8>> = None;
        while let Some(token) = lexer.next_token() {
            match token {
                Token::Keyword(b"begincodespacerange") => {
                    while let (Some(Token::Str(low)), Some(Token::Str(high))) =
                        (lexer.next_token(), lexer.next_token())
                    {
                        if let Some(space) = code_space(&low, &high) {
                            cmap.spaces.0.push(space);
                        }
                    }
                }
                Token::Keyword(b"beginbfchar") => {
                    while let Some(Token::Str(src)) = lexer.next_token() {
                        let text = match super::lexer::parse(&mut lexer) {
                            Parsed::Object(Object::Str(dst)) => utf16(&dst),
                            Parsed::Object(Object::Name(name)) => {
                                glyph_name_to_char(&name).map(String::from)
                            }
                            _ => break,
                        };
                        if let (Some(text), 1..=4) = (text, src.len()) {
                            cmap.singles.insert((src.len(), code_value(&src)), text);
                        }
                    }
                }
                Token::Keyword(b"beginbfrange") => {
                    while let (Some(Token::Str(low)), Some(Token::Str(high))) =
                        (lexer.next_token(), lexer.next_token())
                    {
                        let target = match super::lexer::parse(&mut lexer) {
                            Parsed::Object(Object::Str(dst)) => utf16(&dst).map(Target::Offset),
                            Parsed::Object(Object::Array(items)) => Some(Target::List(
                                items
                                    .iter()
                                    .map(|i| match i {
                                        Object::Str(s) => utf16(s).unwrap_or_default(),
                                        _ => String::new(),
                                    })
                                    .collect(),
                            )),
                            Parsed::Object(_) => None,
                            Parsed::Keyword(_) | Parsed::End => break,
                        };
                        let (lo, hi) = (code_value(&low), code_value(&high));
                        if let (Some(target), 1..=4, true) = (target, low.len(), lo <= hi) {
                            cmap.ranges.push(RangeMap {
                                len: low.len(),
                                low: lo,
                                high: hi,
                                target,
                            });
                        }
                    }
                }
                Token::Name(name) => {
                    last_name = Some(name);
                    continue;
                }
                Token::Int(1) if last_name.as_deref() == Some(b"WMode") => cmap.vertical = true,
                _ => {}
            }
            last_name = None;
        }
        crate::sort::sort_by_key(&mut cmap.ranges, |r| (r.low, r.len));
        cmap
    }

    /// Whether it maps anything.
    pub(crate) fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    /// The text of code `code` of `len` bytes.
    pub(crate) fn lookup(&self, code: u32, len: usize) -> Option<String> {
        if let Some(text) = self.singles.get(&(len, code)) {
            return Some(text.clone());
        }
        let end = self.ranges.partition_point(|r| r.low <= code);
        // Ranges rarely overlap; looking back a few covers those that do.
        for range in self.ranges.get(..end).unwrap_or_default().iter().rev().take(8) {
            if range.len != len || code > range.high {
                continue;
            }
            let delta = code - range.low;
            return match &range.target {
                Target::List(texts) => texts.get(delta as usize).cloned(),
                Target::Offset(first) => {
                    let mut chars: Vec<char> = first.chars().collect();
                    let last = chars.pop()?;
                    let next = char::from_u32(u32::from(last).checked_add(delta)?)?;
                    chars.push(next);
                    Some(chars.into_iter().collect())
                }
            };
        }
        None
    }
}

fn code_space(low: &[u8], high: &[u8]) -> Option<CodeSpace> {
    if low.len() != high.len() || !(1..=4).contains(&low.len()) {
        return None;
    }
    let mut space = CodeSpace { len: low.len(), low: [0; 4], high: [0; 4] };
    for (i, (&lo, &hi)) in low.iter().zip(high).enumerate() {
        *space.low.get_mut(i)? = lo;
        *space.high.get_mut(i)? = hi;
    }
    Some(space)
}

/// UTF-16BE bytes as text; a lone byte is read as a code point; bad surrogates, or more than
/// [`MAX_MAPPED_CHARS`] characters: `None`.
pub(crate) fn utf16(bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_MAPPED_CHARS * 4 {
        return None;
    }
    if bytes.len() == 1 {
        return bytes.first().map(|&b| char::from(b).to_string());
    }
    let units = bytes.chunks(2).map(|pair| match pair {
        [hi, lo] => u16::from_be_bytes([*hi, *lo]),
        [one] => u16::from(*one),
        _ => 0,
    });
    let text = char::decode_utf16(units).collect::<Result<String, _>>().ok()?;
    (text.chars().count() <= MAX_MAPPED_CHARS).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
        1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
        3 beginbfchar\n<0013> <0030>\n<0430> <4E00>\n<0500> <D840DC00>\n<0501> <00660069>\nendbfchar\n\
        2 beginbfrange\n<0020> <0029> <0041>\n<0100> <0102> [<201C> <201D> <3001>]\nendbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_chars_ranges_arrays_surrogates_and_ligatures() {
        let cmap = ToUnicode::parse(CMAP.as_bytes());
        assert_eq!(cmap.lookup(0x13, 2).as_deref(), Some("0"));
        assert_eq!(cmap.lookup(0x430, 2).as_deref(), Some("一"));
        assert_eq!(cmap.lookup(0x500, 2).as_deref(), Some("\u{20000}"));
        assert_eq!(cmap.lookup(0x501, 2).as_deref(), Some("fi"));
        assert_eq!(cmap.lookup(0x20, 2).as_deref(), Some("A"));
        assert_eq!(cmap.lookup(0x29, 2).as_deref(), Some("J"));
        assert_eq!(cmap.lookup(0x2A, 2), None);
        assert_eq!(cmap.lookup(0x102, 2).as_deref(), Some("、"));
        assert_eq!(cmap.lookup(0x13, 1), None, "a one-byte code is another code");
        assert_eq!(cmap.spaces.next_code(&[0x04, 0x30, 0x00]), (0x430, 2));
    }

    #[test]
    fn mixed_code_lengths_follow_the_code_space() {
        let cmap = ToUnicode::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n\
              2 beginbfchar <41> <0041> <B0A1> <554A> endbfchar",
        );
        let bytes = [0x41, 0xB0, 0xA1, 0x41];
        let (code, len) = cmap.spaces.next_code(&bytes);
        assert_eq!((cmap.lookup(code, len).as_deref(), len), (Some("A"), 1));
        let (code, len) = cmap.spaces.next_code(&bytes[1..]);
        assert_eq!((cmap.lookup(code, len).as_deref(), len), (Some("啊"), 2));
    }

    #[test]
    fn garbage_is_skipped() {
        let cmap = ToUnicode::parse(b"beginbfchar <01> endbfchar beginbfrange <05> <01> <41> <> endbfrange 1 begincodespacerange <00> endcodespacerange");
        assert!(cmap.is_empty());
        assert!(cmap.spaces.is_empty());
        assert_eq!(cmap.spaces.next_code(&[]), (0, 1));
        let wide = ToUnicode::parse(b"beginbfrange <0000> <FFFF> <0000> endbfrange");
        assert_eq!(wide.lookup(0xFFFF, 2).as_deref(), Some("\u{FFFF}"));
        assert_eq!(wide.lookup(0xD800, 2), None, "a surrogate is not a character");
    }
}
