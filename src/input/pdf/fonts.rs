//! Fonts: how a shown string splits into character codes, what text each code stands for, and
//! how far each glyph advances.
//!
//! Type0 (CID) fonts: codes from the `/Encoding` CMap (`Identity-H`/`-V`, the UCS-2/UTF-16 and
//! GBK/EUC CMaps of Adobe-GB1) or the ToUnicode code space; text from `/ToUnicode`, else from
//! the encoding itself when it is Unicode or GBK; widths from the descendant's `/W` and `/DW`.
//! Simple fonts (Type1, TrueType, Type3): one-byte codes; text from `/ToUnicode`, else from
//! `/Encoding` (WinAnsi, Standard, MacRoman, `/Differences` glyph names); widths from
//! `/FirstChar` and `/Widths`.
//!
//! Invariants: never panics; a code with no usable mapping is reported as unmapped (`None`),
//! never guessed (an `Identity-H` font without ToUnicode has no text); Private Use Area
//! characters count as unmapped, as they are not text a reader can use.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::cmap::{CodeSpaces, ToUnicode, utf16};
use super::document::{Document, as_dict};
use super::lexer::{Dict, Object};

/// One character code of a shown string.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Code {
    /// Its text; `None` when the font gives no usable mapping. Shared by every glyph of the
    /// same code, so that a page of text costs one allocation per distinct character.
    pub(crate) text: Option<Rc<str>>,
    /// Its advance in text space (glyph width / 1000 for most fonts).
    pub(crate) width: f64,
    /// A one-byte code 32, to which word spacing (`Tw`) applies.
    pub(crate) is_space: bool,
}

/// How codes are split and turned into text when there is no ToUnicode entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Builtin {
    /// No text without ToUnicode (`Identity-H`, embedded CMaps).
    None,
    /// The code is UTF-16BE (`UniGB-UCS2-H`, `UniGB-UTF16-H`).
    Utf16,
    /// The code is GBK/GB18030 bytes (`GBK-EUC-H`, `GB-EUC-H`, …).
    Gbk,
    /// A simple font's one-byte encoding table.
    Simple,
}

/// A font, ready to decode strings.
#[derive(Clone, Debug)]
pub(crate) struct Font {
    spaces: CodeSpaces,
    to_unicode: Option<ToUnicode>,
    builtin: Builtin,
    /// For simple fonts: the encoding's text per code.
    table: Vec<Option<char>>,
    /// Whether CIDs equal codes (Identity CMaps), so `/W` applies to codes.
    identity: bool,
    widths: Widths,
    /// Glyph space → text space (1/1000, or a Type3 font's matrix).
    scale: f64,
    /// Vertical writing (`-V` CMaps, `/WMode 1`).
    pub(crate) vertical: bool,
    /// Whether codes are one byte (simple fonts), for `Tw`.
    single_byte: bool,
    /// How much reading it took (width entries, CMap bytes), charged by the interpreter.
    pub(crate) cost: usize,
    /// Each code's text, once looked up.
    texts: RefCell<TextCache>,
}

/// (code, byte length) → text.
type TextCache = BTreeMap<(u32, usize), Option<Rc<str>>>;

#[derive(Clone, Debug, Default)]
struct Widths {
    singles: BTreeMap<u32, f64>,
    /// `(first, last, width)`, sorted by `first`.
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl Widths {
    fn get(&self, code: u32) -> f64 {
        if let Some(&w) = self.singles.get(&code) {
            return w;
        }
        let end = self.ranges.partition_point(|r| r.0 <= code);
        self.ranges
            .get(..end)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(4)
            .find(|r| code <= r.1)
            .map_or(self.default, |r| r.2)
    }
}

/// The fallback font when `Tf` names nothing usable: every code unmapped, half an em wide.
pub(crate) fn missing() -> Font {
    Font {
        spaces: CodeSpaces::fixed(1),
        to_unicode: None,
        builtin: Builtin::None,
        table: Vec::new(),
        identity: false,
        widths: Widths { default: 500.0, ..Widths::default() },
        scale: 0.001,
        vertical: false,
        single_byte: true,
        cost: 0,
        texts: RefCell::default(),
    }
}

impl Font {
    /// Reads the font dictionary `dict`.
    pub(crate) fn load(doc: &Document<'_>, dict: &Dict) -> Font {
        let subtype = doc.get(dict, b"Subtype").as_name().unwrap_or_default().to_vec();
        let mut cost = 1usize;
        let to_unicode = match doc.get(dict, b"ToUnicode") {
            Object::Stream(stream) => doc
                .font_data(stream)
                .map(|data| {
                    cost = cost.saturating_add(data.len());
                    ToUnicode::parse(&data)
                })
                .filter(|cmap| !cmap.is_empty()),
            _ => None,
        };
        let mut font = if subtype == b"Type0" {
            Font::composite(doc, dict, to_unicode)
        } else {
            Font::simple(doc, dict, to_unicode, subtype == b"Type3")
        };
        font.cost = font.cost.saturating_add(cost);
        font
    }

    fn composite(doc: &Document<'_>, dict: &Dict, to_unicode: Option<ToUnicode>) -> Font {
        let mut cost = 0usize;
        let (mut spaces, builtin, identity, mut vertical) = match doc.get(dict, b"Encoding") {
            Object::Name(name) => predefined(name),
            Object::Stream(stream) => {
                let data = doc.font_data(stream).unwrap_or_default();
                cost = cost.saturating_add(data.len());
                let cmap = ToUnicode::parse(&data);
                (cmap.spaces, Builtin::None, false, cmap.vertical)
            }
            _ => (CodeSpaces::default(), Builtin::None, false, false),
        };
        if spaces.is_empty() {
            spaces = match &to_unicode {
                Some(cmap) if !cmap.spaces.is_empty() => cmap.spaces.clone(),
                _ => CodeSpaces::fixed(2),
            };
        }
        vertical |= to_unicode.as_ref().is_some_and(|c| c.vertical);
        let descendant = match doc.get(dict, b"DescendantFonts") {
            Object::Array(items) => items.first().and_then(|d| as_dict(doc.resolve(d))),
            other => as_dict(other),
        };
        let mut widths = Widths { default: 1000.0, ..Widths::default() };
        if let Some(cid) = descendant {
            if let Some(dw) = doc.get_f64(cid, b"DW") {
                widths.default = dw;
            }
            if let Object::Array(items) = doc.get(cid, b"W") {
                cost = cost.saturating_add(items.len());
                read_cid_widths(doc, items, &mut widths);
            }
        }
        Font {
            spaces,
            to_unicode,
            builtin,
            table: Vec::new(),
            identity,
            widths,
            scale: 0.001,
            vertical,
            single_byte: false,
            cost,
            texts: RefCell::default(),
        }
    }

    fn simple(doc: &Document<'_>, dict: &Dict, to_unicode: Option<ToUnicode>, type3: bool) -> Font {
        let mut widths = Widths::default();
        let descriptor = doc.get_dict(dict, b"FontDescriptor");
        widths.default = descriptor.and_then(|d| doc.get_f64(d, b"MissingWidth")).unwrap_or(0.0);
        let first = doc.get(dict, b"FirstChar").as_i64().unwrap_or(0);
        if let Object::Array(items) = doc.get(dict, b"Widths") {
            for (idx, item) in items.iter().enumerate().take(256) {
                let (Some(w), Ok(code)) =
                    (doc.resolve(item).as_f64(), u32::try_from(first.saturating_add(idx as i64)))
                else {
                    continue;
                };
                widths.singles.insert(code, w);
            }
        } else if widths.default == 0.0 {
            // A standard 14 font without widths: an average Latin glyph.
            widths.default = 500.0;
        }
        let scale = if type3 {
            match doc.get(dict, b"FontMatrix") {
                Object::Array(m) => {
                    m.first().and_then(|a| doc.resolve(a).as_f64()).unwrap_or(0.001)
                }
                _ => 0.001,
            }
        } else {
            0.001
        };
        let base_font = doc.get(dict, b"BaseFont").as_name().unwrap_or_default();
        let symbolic = base_font.ends_with(b"Symbol") || base_font.ends_with(b"Dingbats");
        let table = if symbolic { vec![None; 256] } else { simple_table(doc, dict) };
        let differences = match doc.get(dict, b"Encoding") {
            Object::Dict(d) => match doc.get(d, b"Differences") {
                Object::Array(items) => items.len(),
                _ => 0,
            },
            _ => 0,
        };
        Font {
            spaces: CodeSpaces::fixed(1),
            to_unicode,
            builtin: Builtin::Simple,
            table,
            identity: true,
            widths,
            scale,
            vertical: false,
            single_byte: true,
            cost: differences.saturating_add(256),
            texts: RefCell::default(),
        }
    }

    /// Splits `bytes` into codes and appends them to `out`.
    pub(crate) fn decode(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, len) = self.spaces.next_code(rest);
            let len = len.clamp(1, rest.len());
            let raw = rest.get(..len).unwrap_or_default();
            rest = rest.get(len..).unwrap_or_default();
            let text = self.texts.borrow().get(&(code, len)).cloned();
            let text = text.unwrap_or_else(|| {
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|cmap| cmap.lookup(code, len))
                    .or_else(|| self.builtin_text(code, raw))
                    .filter(|text| usable(text))
                    .map(Rc::from);
                self.texts.borrow_mut().insert((code, len), text.clone());
                text
            });
            let cid_width = if self.identity { self.widths.get(code) } else { self.widths.default };
            out.push(Code {
                text,
                width: cid_width * self.scale,
                is_space: self.single_byte && len == 1 && code == 32,
            });
        }
    }

    fn builtin_text(&self, code: u32, raw: &[u8]) -> Option<String> {
        match self.builtin {
            Builtin::None => None,
            Builtin::Utf16 => utf16(raw),
            Builtin::Gbk => {
                let decoded = crate::input::gb18030::decode(raw);
                (decoded.errors == 0).then_some(decoded.text)
            }
            Builtin::Simple => self.table.get(code as usize).copied().flatten().map(String::from),
        }
    }
}

/// Text a reader can use: not empty of meaning (controls) and not Private Use Area glyphs.
fn usable(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            !('\u{E000}'..='\u{F8FF}').contains(&c)
                && c != '\u{FFFD}'
                && (!c.is_control() || c == '\t')
        })
}

/// What a predefined CMap name says: code spaces, builtin text, identity, vertical.
fn predefined(name: &[u8]) -> (CodeSpaces, Builtin, bool, bool) {
    let vertical = name.ends_with(b"-V");
    let starts = |prefix: &[u8]| name.starts_with(prefix);
    if starts(b"Identity-") {
        return (CodeSpaces::fixed(2), Builtin::None, true, vertical);
    }
    if starts(b"UniGB-UCS2-")
        || starts(b"UniGB-UTF16-")
        || starts(b"UniCNS-UCS2-")
        || starts(b"UniCNS-UTF16-")
        || starts(b"UniJIS-UCS2-")
        || starts(b"UniKS-UCS2-")
    {
        let spaces = ToUnicode::parse(
            b"3 begincodespacerange <0000> <D7FF> <D800DC00> <DBFFDFFF> <E000> <FFFF> endcodespacerange",
        )
        .spaces;
        return (spaces, Builtin::Utf16, false, vertical);
    }
    if starts(b"GB-EUC-")
        || starts(b"GBpc-EUC-")
        || starts(b"GBK-EUC-")
        || starts(b"GBKp-EUC-")
        || starts(b"GBK2K-")
    {
        let spaces = ToUnicode::parse(
            b"4 begincodespacerange <00> <80> <8140> <FEFE> <81308130> <FE39FE39> endcodespacerange",
        )
        .spaces;
        return (spaces, Builtin::Gbk, false, vertical);
    }
    (CodeSpaces::default(), Builtin::None, false, vertical)
}

/// `/W [c [w1 w2 …] c_first c_last w …]`.
fn read_cid_widths(doc: &Document<'_>, items: &[Object], widths: &mut Widths) {
    let mut idx = 0;
    while let Some(first) = items.get(idx).map(|i| doc.resolve(i)) {
        let Some(start) = first.as_i64().and_then(|n| u32::try_from(n).ok()) else { break };
        match items.get(idx + 1).map(|i| doc.resolve(i)) {
            Some(Object::Array(list)) => {
                for (offset, w) in list.iter().enumerate() {
                    if let (Some(w), Some(cid)) = (
                        doc.resolve(w).as_f64(),
                        u32::try_from(offset).ok().and_then(|o| start.checked_add(o)),
                    ) {
                        widths.singles.insert(cid, w);
                    }
                }
                idx += 2;
            }
            Some(last) => {
                let last = last.as_i64().and_then(|n| u32::try_from(n).ok());
                let w = items.get(idx + 2).and_then(|w| doc.resolve(w).as_f64());
                if let (Some(last), Some(w)) = (last, w) {
                    widths.ranges.push((start, last, w));
                }
                idx += 3;
            }
            None => break,
        }
    }
    crate::sort::sort_by_key(&mut widths.ranges, |r| r.0);
}

/// A simple font's code → text table from `/Encoding`.
fn simple_table(doc: &Document<'_>, dict: &Dict) -> Vec<Option<char>> {
    let encoding = doc.get(dict, b"Encoding");
    let base = match encoding {
        Object::Name(name) => name.as_slice(),
        Object::Dict(d) => doc.get(d, b"BaseEncoding").as_name().unwrap_or(b"StandardEncoding"),
        _ => b"StandardEncoding",
    };
    let mut table: Vec<Option<char>> = (0u8..=255).map(|b| base_char(base, b)).collect();
    if let Object::Dict(d) = encoding
        && let Object::Array(diffs) = doc.get(d, b"Differences")
    {
        let mut code: Option<usize> = None;
        for item in diffs {
            match doc.resolve(item) {
                Object::Int(n) => code = usize::try_from(*n).ok(),
                Object::Name(name) => {
                    if let Some(at) = code {
                        if let Some(slot) = table.get_mut(at) {
                            *slot = glyph_name_to_char(name);
                        }
                        code = at.checked_add(1);
                    }
                }
                _ => {}
            }
        }
    }
    table
}

/// The base encodings, for ASCII and the Latin-1 part of WinAnsi.
fn base_char(base: &[u8], byte: u8) -> Option<char> {
    match byte {
        b'\'' if base == b"StandardEncoding" => Some('\u{2019}'),
        b'`' if base == b"StandardEncoding" => Some('\u{2018}'),
        0x20..=0x7E => Some(char::from(byte)),
        0xA0..=0xFF if base == b"WinAnsiEncoding" => Some(char::from(byte)),
        0x80 if base == b"WinAnsiEncoding" => Some('€'),
        0x85 if base == b"WinAnsiEncoding" => Some('…'),
        0x91 if base == b"WinAnsiEncoding" => Some('\u{2018}'),
        0x92 if base == b"WinAnsiEncoding" => Some('\u{2019}'),
        0x93 if base == b"WinAnsiEncoding" => Some('\u{201C}'),
        0x94 if base == b"WinAnsiEncoding" => Some('\u{201D}'),
        0x95 if base == b"WinAnsiEncoding" => Some('•'),
        0x96 if base == b"WinAnsiEncoding" => Some('–'),
        0x97 if base == b"WinAnsiEncoding" => Some('—'),
        _ => None,
    }
}

/// ASCII glyph names, in code order from 0x20.
const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

/// A glyph name's character: the ASCII names, a few common others, `uniXXXX` and `uXXXX[XX]`.
pub(crate) fn glyph_name_to_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    if let Some(at) = ASCII_NAMES.iter().position(|n| *n == name) {
        return char::from_u32(0x20 + at as u32);
    }
    let other = match name {
        "quoteright" => Some('\u{2019}'),
        "quoteleft" => Some('\u{2018}'),
        "quotedblleft" => Some('\u{201C}'),
        "quotedblright" => Some('\u{201D}'),
        "endash" => Some('–'),
        "emdash" => Some('—'),
        "bullet" => Some('•'),
        "ellipsis" => Some('…'),
        "minus" => Some('−'),
        "periodcentered" => Some('·'),
        "nbspace" => Some('\u{A0}'),
        _ => None,
    };
    if other.is_some() {
        return other;
    }
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len())))?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_char(b"zero"), Some('0'));
        assert_eq!(glyph_name_to_char(b"A"), Some('A'));
        assert_eq!(glyph_name_to_char(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name_to_char(b"u1F600"), Some('😀'));
        assert_eq!(glyph_name_to_char(b"g123"), None);
    }

    #[test]
    fn widths_ranges_and_defaults() {
        let widths = Widths {
            singles: BTreeMap::from([(5, 250.0)]),
            ranges: vec![(10, 20, 500.0)],
            default: 1000.0,
        };
        assert_eq!((widths.get(5), widths.get(15), widths.get(21)), (250.0, 500.0, 1000.0));
    }
}
