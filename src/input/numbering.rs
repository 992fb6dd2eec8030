//! Word's automatic numbering: the `一、`, `（一）` and `1.` that Word draws before a numbered
//! paragraph are not in `word/document.xml`; they come from `word/numbering.xml` (levels with a
//! format and a text pattern such as `%1、`), named by the paragraph's `w:numPr` or by its
//! style's (`word/styles.xml`). Without them a report whose headings are numbered this way
//! would read as if it had no numbered sections.
//!
//! Invariants: never panics on any input; linear in the XML; counters are bounded (nine levels,
//! values saturate), a style chain is followed at most [`MAX_STYLE_DEPTH`] steps; a label is at
//! most [`MAX_LABEL_CHARS`] characters, and all labels together are paid from a budget the
//! document sets (its own size), so a `%1%2…` pattern repeated a hundred times on thousands of
//! paragraphs cannot turn a small file into a huge text.

use std::collections::BTreeMap;

use super::xml::{self, Event};

/// `w:basedOn` links followed at most (a cycle stops here).
const MAX_STYLE_DEPTH: usize = 16;
/// Word's list levels: 0 to 8.
const LEVELS: usize = 9;
/// The longest label written (`一、`, `（十二）`, `1.2.3.` are a few characters).
pub(crate) const MAX_LABEL_CHARS: usize = 32;

/// One level of a list: where it starts, how its number is written, and the text around it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    /// `w:numFmt`: `decimal`, `chineseCounting`, `lowerLetter`, `bullet`, `none`…
    format: String,
    /// `w:lvlText`: `%1、`, `（%1）`, `%1.%2`.
    text: String,
}

/// A paragraph style's `w:numId` and `w:ilvl`, and the style it is based on.
type StyleNumbering = (Option<String>, Option<usize>, Option<String>);

/// The numbering definitions of a package, and the running counters of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    /// `w:num` id → `w:abstractNum` id.
    nums: BTreeMap<String, String>,
    /// (abstract id, level) → the level.
    levels: BTreeMap<(String, usize), Level>,
    /// Paragraph style id → its numbering.
    styles: BTreeMap<String, StyleNumbering>,
    /// Abstract id → the current number of each level (0: not used yet).
    counters: BTreeMap<String, [u32; LEVELS]>,
    /// Bytes of label text still allowed (`None`: no limit set).
    budget: Option<usize>,
}

/// The value of the `val` attribute (any prefix).
fn val(attrs: &str) -> Option<String> {
    xml::attributes(attrs)
        .find(|(name, _)| name.rsplit(':').next() == Some("val"))
        .map(|(_, value)| xml::decode(value).into_owned())
}

/// The value of the attribute `local` (any prefix).
fn attr(attrs: &str, local: &str) -> Option<String> {
    xml::attributes(attrs)
        .find(|(name, _)| name.rsplit(':').next() == Some(local))
        .map(|(_, value)| xml::decode(value).into_owned())
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn level_of(attrs: &str) -> Option<usize> {
    val(attrs)?.trim().parse::<usize>().ok().filter(|l| *l < LEVELS)
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be missing).
    pub(crate) fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut out = Numbering::default();
        if let Some(numbering) = numbering {
            out.read_numbering(numbering);
        }
        if let Some(styles) = styles {
            out.read_styles(styles);
        }
        out
    }

    fn read_numbering(&mut self, xml_text: &str) {
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut num_id: Option<String> = None;
        for event in xml::events(xml_text) {
            match event {
                Event::Start { name, attrs, empty } => match local(name) {
                    "abstractNum" if !empty => {
                        abstract_id = attr(attrs, "abstractNumId");
                        num_id = None;
                    }
                    "lvl" if !empty && num_id.is_none() => {
                        level = attr(attrs, "ilvl").and_then(|l| l.trim().parse().ok());
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            self.levels.insert(
                                (a.clone(), l),
                                Level { start: 1, format: "decimal".into(), text: String::new() },
                            );
                        }
                    }
                    "num" if !empty => {
                        num_id = attr(attrs, "numId");
                        abstract_id = None;
                    }
                    "abstractNumId" => {
                        if let (Some(num), Some(target)) = (&num_id, val(attrs)) {
                            self.nums.insert(num.clone(), target);
                        }
                    }
                    setting @ ("start" | "numFmt" | "lvlText") => {
                        let key = abstract_id.clone().zip(level);
                        if let (Some(key), Some(value)) = (key, val(attrs))
                            && let Some(lvl) = self.levels.get_mut(&key)
                        {
                            match setting {
                                "start" => lvl.start = value.trim().parse().unwrap_or(1),
                                "numFmt" => lvl.format = value,
                                // Only what a label can use of it.
                                _ => lvl.text = value.chars().take(MAX_LABEL_CHARS).collect(),
                            }
                        }
                    }
                    _ => {}
                },
                Event::End { name } => match local(name) {
                    "lvl" => level = None,
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                Event::Text(_) | Event::CData(_) => {}
            }
        }
    }

    fn read_styles(&mut self, xml_text: &str) {
        let mut style: Option<String> = None;
        for event in xml::events(xml_text) {
            match event {
                Event::Start { name, attrs, empty } => match local(name) {
                    "style" if !empty => {
                        style = attr(attrs, "styleId");
                        if let Some(id) = &style {
                            self.styles.insert(id.clone(), (None, None, None));
                        }
                    }
                    part @ ("basedOn" | "numId" | "ilvl") => {
                        if let Some(entry) = style.as_ref().and_then(|s| self.styles.get_mut(s)) {
                            match part {
                                "basedOn" => entry.2 = val(attrs),
                                "numId" => entry.0 = val(attrs),
                                _ => entry.1 = level_of(attrs),
                            }
                        }
                    }
                    _ => {}
                },
                Event::End { name } if local(name) == "style" => style = None,
                _ => {}
            }
        }
    }

    /// The number Word draws before a paragraph with `style`, `num_id` and `level` (its own
    /// `w:numPr`, each part falling back to the style's), and counts it. `None` when the
    /// paragraph is not numbered (or is a bullet).
    pub(crate) fn label(
        &mut self,
        style: Option<&str>,
        num_id: Option<&str>,
        level: Option<usize>,
    ) -> Option<String> {
        let (mut num, mut lvl) = (num_id.map(str::to_string), level);
        let mut current = style.map(str::to_string);
        for _ in 0..MAX_STYLE_DEPTH {
            let Some((style_num, style_lvl, based)) =
                current.as_ref().and_then(|s| self.styles.get(s))
            else {
                break;
            };
            num = num.or_else(|| style_num.clone());
            lvl = lvl.or(*style_lvl);
            current = based.clone();
        }
        let num = num.filter(|n| n.trim() != "0")?;
        let abstract_id = self.nums.get(&num)?.clone();
        let lvl = lvl.unwrap_or(0).min(LEVELS - 1);
        let starts: Vec<u32> = (0..LEVELS)
            .map(|l| self.levels.get(&(abstract_id.clone(), l)).map_or(1, |v| v.start))
            .collect();
        let counters = self.counters.entry(abstract_id.clone()).or_insert([0; LEVELS]);
        if let Some(count) = counters.get_mut(lvl) {
            *count = if *count == 0 {
                starts.get(lvl).copied().unwrap_or(1)
            } else {
                count.saturating_add(1)
            };
        }
        for deeper in counters.iter_mut().skip(lvl + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let level = self.levels.get(&(abstract_id.clone(), lvl))?;
        if matches!(level.format.as_str(), "bullet" | "none") || level.text.is_empty() {
            return None;
        }
        // `%1`…`%9`: the number of that level, in that level's format.
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(ch) = chars.next() {
            if label.chars().count() >= MAX_LABEL_CHARS {
                break;
            }
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(n) if ch == '%' && (1..=9).contains(&n) => {
                    chars.next();
                    let at = n as usize - 1;
                    let value = counters.get(at).copied().unwrap_or(0).max(1);
                    let format = self
                        .levels
                        .get(&(abstract_id.clone(), at))
                        .map_or("decimal", |l| l.format.as_str());
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(ch),
            }
        }
        let label: String = label.chars().take(MAX_LABEL_CHARS).collect();
        if let Some(budget) = self.budget.as_mut() {
            *budget = budget.checked_sub(label.len())?;
        }
        Some(label)
    }

    /// Allows `bytes` bytes of label text in all; labels past it are not written.
    pub(crate) fn limit(&mut self, bytes: usize) {
        self.budget = Some(bytes);
    }
}

/// A list number in a Word number format.
fn format_number(value: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(value),
        "lowerLetter" => letter(value, b'a'),
        "upperLetter" => letter(value, b'A'),
        "lowerRoman" => roman(value).to_ascii_lowercase(),
        "upperRoman" => roman(value),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&value) => {
            char::from_u32(0x245F + value).map_or_else(|| value.to_string(), String::from)
        }
        _ => value.to_string(),
    }
}

/// 一 … 九十九 (larger numbers in digits: no list in a report goes that far).
fn chinese(value: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    match value {
        0..=9 => digit(value).to_string(),
        10..=19 => format!("十{}", if value == 10 { "" } else { digit(value - 10) }),
        20..=99 => {
            format!(
                "{}十{}",
                digit(value / 10),
                if value.is_multiple_of(10) { "" } else { digit(value % 10) }
            )
        }
        _ => value.to_string(),
    }
}

fn letter(value: u32, base: u8) -> String {
    let index = (value.max(1) - 1) % 26;
    let ch = char::from(base + index as u8);
    std::iter::repeat_n(ch, ((value.max(1) - 1) / 26 + 1).min(8) as usize).collect()
}

fn roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    let mut out = String::new();
    for (amount, text) in TABLE {
        while value >= amount {
            out.push_str(text);
            value -= amount;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="4">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="x">
        <w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="loop"><w:basedOn w:val="loop"/></w:style>
      </w:styles>"#;

    #[test]
    fn headings_get_the_numbers_word_draws() {
        let mut numbering = Numbering::read(Some(NUMBERING), Some(STYLES));
        let mut next = |style: Option<&str>, num: Option<&str>, level: Option<usize>| {
            numbering.label(style, num, level)
        };
        assert_eq!(next(Some("1"), None, None).as_deref(), Some("一、"));
        assert_eq!(next(Some("2"), None, None).as_deref(), Some("（一）"), "level from the style");
        assert_eq!(next(Some("2"), None, None).as_deref(), Some("（二）"));
        assert_eq!(next(None, Some("7"), Some(2)).as_deref(), Some("1."));
        assert_eq!(next(Some("1"), None, None).as_deref(), Some("二、"), "deeper levels restart");
        assert_eq!(next(Some("2"), None, None).as_deref(), Some("（一）"));
        assert_eq!(next(None, Some("8"), Some(0)), None, "a bullet is no number");
        assert_eq!(next(Some("1"), Some("0"), None), None, "numId 0 switches numbering off");
        assert_eq!(next(Some("loop"), None, None), None);
        assert_eq!(next(None, Some("99"), None), None);
    }

    proptest::proptest! {
        /// Any text as numbering and styles: reading and numbering never panic.
        #[test]
        fn any_definitions_number_without_panicking(
            numbering in "(<w:[a-zA-Z]{1,12}( w:[a-zA-Z]{1,12}=\"[0-9%a-z、（）.]{0,6}\")*/?>|</w:[a-z]{1,8}>|[0-9%]{0,4}){0,40}",
            styles in "(<w:[a-zA-Z]{1,8}( w:[a-zA-Z]{1,8}=\"[0-9a-z]{0,4}\")*/?>|</w:[a-z]{1,6}>){0,30}",
            calls in proptest::collection::vec((0u8..4, 0u8..12, 0usize..12), 0..20),
        ) {
            let mut definitions = Numbering::read(Some(&numbering), Some(&styles));
            for (style, num, level) in calls {
                let style = style.to_string();
                let num = num.to_string();
                let _ = definitions.label(Some(&style), Some(&num), Some(level));
                let _ = definitions.label(Some(&style), None, None);
            }
        }
    }

    #[test]
    fn odd_patterns_and_deep_levels_stay_text() {
        let numbering = r#"<w:numbering><w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="8"><w:start w:val="4294967295"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%9%1%0%"/></w:lvl>
            </w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;
        let mut definitions = Numbering::read(Some(numbering), None);
        // A number past 3999 has no Roman form; %1 of an undefined level is 1; %0 is text.
        assert_eq!(definitions.label(None, Some("2"), Some(8)).as_deref(), Some("42949672951%0%"));
        assert_eq!(
            definitions.label(None, Some("2"), Some(99)).as_deref(),
            Some("42949672951%0%"),
            "a level past 8 is level 8, and the counter saturates"
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(
            [1, 10, 11, 20, 21, 99].map(chinese),
            ["一", "十", "十一", "二十", "二十一", "九十九"].map(String::from)
        );
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
