//! Corrections: the values a person typed over cells, the corrections the engine can apply by
//! itself, and the input file with only the corrected numbers replaced where they were
//! written.
//!
//! A correction is written back byte for byte: the number's digits are replaced at their
//! exact place in the original bytes (UTF-8, GBK/GB18030 or UTF-16 alike — digits are ASCII in
//! all of them), so everything else in the file stays as it was; a Word file gets its number
//! replaced in its table cell ([`docx`]). Nothing is written where the place of a number is
//! not known exactly; the reason is returned instead.
//!
//! Invariant: pure; `patch(original, corrections) == original` for no correction.

mod docx;

use crate::input::{Encoding, SourceKind};
use crate::model::{CellRef, Number, Value};
use crate::span::SourceRange;
use crate::{Checked, Input};

/// A value typed over a cell, or a correction applied.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Edit {
    /// The cell.
    pub cell: CellRef,
    /// The new value; `None` leaves the cell blank.
    pub value: Option<Number>,
}

/// An edit as applied to a report: what the cell held as read, and what it holds now.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Applied {
    /// The cell.
    pub cell: CellRef,
    /// Its value as read from the input.
    pub was: Value,
    /// Its value now.
    pub now: Value,
}

/// The corrections the engine names by itself: every diagnosis with exactly one smallest
/// correction. An error with no unique correction is returned instead (its message): nothing
/// should then be applied without a person.
pub fn unique_corrections(checked: &Checked) -> Result<Vec<Edit>, Vec<String>> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut unsure = Vec::new();
    for finding in checked.findings.iter().filter(|f| f.severity == crate::Severity::Error) {
        let diagnosis = checked.diagnosis(finding);
        match diagnosis.and_then(crate::rules::Diagnosis::unique) {
            Some(fixes) => {
                for fix in fixes {
                    let edit = Edit { cell: fix.cell, value: Some(Number::int(fix.to)) };
                    if !edits.contains(&edit) {
                        edits.push(edit);
                    }
                }
            }
            None => unsure.push(finding.message.clone()),
        }
    }
    if unsure.is_empty() { Ok(edits) } else { Err(unsure) }
}

/// Why a corrected file cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unpatchable {
    /// The input is not plain text (HTML, Word, PDF): its numbers' places are not known.
    Kind(SourceKind),
    /// The text was decoded with replacement characters: byte places are not certain.
    Replaced,
    /// A corrected cell has no single place in the text (a blank cell, a glued row read two
    /// ways): the cells.
    NoPlace(Vec<CellRef>),
}

impl Unpatchable {
    /// What to tell the user, in Chinese.
    pub fn message(&self) -> String {
        match self {
            Unpatchable::Kind(SourceKind::Html) => {
                "网页文件的数字位置在排版后无法精确对应回原文件，无法原样写回；请复制更正后的表格。"
                    .to_string()
            }
            Unpatchable::Kind(SourceKind::Docx) => {
                "这个 Word 文件的表格无法定位，不能原样写回更正；请复制更正后的表格，粘贴回 Word。"
                    .to_string()
            }
            Unpatchable::Kind(SourceKind::Pdf) => {
                "PDF 文件不能修改；请复制更正后的表格，在原始的 Word/WPS 文件中改正后重新生成 PDF。"
                    .to_string()
            }
            Unpatchable::Kind(SourceKind::Text) => String::new(),
            Unpatchable::Replaced => {
                "原文中有无法解码的字节，不能确定数字在文件中的准确位置，无法原样写回。".to_string()
            }
            Unpatchable::NoPlace(cells) => {
                let names: Vec<String> = cells.iter().map(|c| c.display_name()).collect();
                format!(
                    "以下单元格在原文中没有可替换的数字（原为空白，或连在一起的数字无法定位）：{}；请在原文件中手工改正。",
                    names.join("、")
                )
            }
        }
    }
}

/// The tables (as read, with the edits) as a .docx of their own: what a PDF or a web page
/// gets instead of itself corrected.
pub fn tables_docx(checked: &Checked) -> Vec<u8> {
    let title = checked.report.title.clone().unwrap_or_else(|| "年度报告".to_string());
    let mut blocks = vec![crate::office::Block::Heading(format!("{title}（更正后的表格）"))];
    blocks.extend(
        crate::export::printed_tables(checked).into_iter().map(crate::office::Block::Table),
    );
    crate::office::docx(&blocks)
}

/// The input's bytes with each edited cell's digits replaced at their place: the original
/// file, corrected. `checked` is the result of [`crate::check_edited`] on `input`.
pub fn patch(input: &Input<'_>, checked: &Checked) -> Result<Vec<u8>, Unpatchable> {
    let Some(source) = &checked.source else { return Err(Unpatchable::Replaced) };
    if source.kind == SourceKind::Docx {
        return docx::patch(input.bytes, checked);
    }
    if source.kind != SourceKind::Text {
        return Err(Unpatchable::Kind(source.kind));
    }
    if source.replaced > 0 {
        return Err(Unpatchable::Replaced);
    }
    let mut places: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut nowhere = Vec::new();
    for applied in &checked.edits {
        let range =
            checked.report.cell(applied.cell).and_then(|c| c.range.as_ref().map(SourceRange::get));
        let written = range.as_ref().and_then(|r| source.text.get(r.clone()));
        let Value::Number(now) = &applied.now else {
            nowhere.push(applied.cell);
            continue;
        };
        let replacement = now.to_string();
        match (range, written) {
            (Some(range), Some(text))
                if !text.is_empty()
                    && (text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
                        || matches!(applied.was, Value::Blank { .. })) =>
            {
                places.push((range, replacement));
            }
            _ => nowhere.push(applied.cell),
        }
    }
    if !nowhere.is_empty() {
        return Err(Unpatchable::NoPlace(nowhere));
    }
    let offsets =
        byte_offsets(&source.text, input.bytes, source.encoding).ok_or(Unpatchable::Replaced)?;
    crate::sort::sort_by_key(&mut places, |(range, _)| range.start);
    let mut out = Vec::with_capacity(input.bytes.len());
    let mut at = 0usize;
    for (range, replacement) in places {
        let (Some(&start), Some(&end)) = (offsets.get(range.start), offsets.get(range.end)) else {
            return Err(Unpatchable::Replaced);
        };
        if start < at {
            continue;
        }
        out.extend_from_slice(&input.bytes[at..start]);
        for byte in replacement.bytes() {
            match source.encoding {
                Encoding::Utf16Le => out.extend_from_slice(&[byte, 0]),
                Encoding::Utf16Be => out.extend_from_slice(&[0, byte]),
                _ => out.push(byte),
            }
        }
        at = end;
    }
    out.extend_from_slice(&input.bytes[at..]);
    Ok(out)
}

/// For every byte offset of the decoded `text` that starts a character (and its end), the
/// offset of the same place in the original `bytes`; `None` when they cannot be matched.
fn byte_offsets(text: &str, bytes: &[u8], encoding: Encoding) -> Option<Vec<usize>> {
    let mut offsets = vec![usize::MAX; text.len() + 1];
    let mut at = match encoding {
        Encoding::Utf8Bom => 3,
        Encoding::Utf16Le | Encoding::Utf16Be
            if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") =>
        {
            2
        }
        _ => 0,
    };
    for (k, c) in text.char_indices() {
        offsets[k] = at;
        at += match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => c.len_utf8(),
            Encoding::Utf16Le | Encoding::Utf16Be => 2 * c.len_utf16(),
            Encoding::Gb18030 => {
                if c.is_ascii() {
                    1
                } else {
                    // A four-byte sequence has a digit (0x30–0x39) as its second byte.
                    match bytes.get(at + 1) {
                        Some(0x30..=0x39) => 4,
                        Some(_) => 2,
                        None => return None,
                    }
                }
            }
            Encoding::Pdf => return None,
        };
    }
    offsets[text.len()] = at;
    (at == bytes.len()).then_some(offsets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, check_edited};

    fn seed() -> &'static str {
        crate::SAMPLE_REPORT
    }

    /// The seed with 自然人·（七）总计 1 → 2.
    fn broken() -> String {
        seed().replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1)
    }

    #[test]
    fn the_unique_correction_gives_back_the_original_byte_for_byte() {
        let text = broken();
        let input = Input::text(&text);
        let checked = check(&input);
        let edits = unique_corrections(&checked).expect("one unique correction");
        assert_eq!(edits.len(), 1);
        let fixed = check_edited(&input, &edits);
        assert!(fixed.findings.iter().all(|f| f.severity != crate::Severity::Error));
        assert_eq!(fixed.edits.len(), 1);
        let bytes = patch(&input, &fixed).expect("patched");
        assert_eq!(bytes, seed().as_bytes());
    }

    #[test]
    fn other_encodings_are_patched_in_their_own_bytes() {
        let text = broken();
        // UTF-16LE with a BOM, and GB18030 from the project's fixture.
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let input = Input { bytes: &utf16, name: Some("r.txt") };
        let checked = check(&input);
        let edits = unique_corrections(&checked).expect("unique");
        let fixed = check_edited(&input, &edits);
        let bytes = patch(&input, &fixed).expect("patched");
        let mut want: Vec<u8> = vec![0xFF, 0xFE];
        want.extend(seed().encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(bytes, want);

        let gbk = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/reports/encodings/zhangdian.gb18030.txt"
        ))
        .expect("fixture");
        let input = Input { bytes: &gbk, name: Some("r.txt") };
        let read = check(&input);
        let cell = CellRef::parse("t3/R3.7/NP").expect("address");
        let edited = check_edited(&input, &[Edit { cell, value: Some(Number::int(7)) }]);
        let bytes = patch(&input, &edited).expect("patched");
        assert_eq!(bytes.len(), gbk.len(), "one digit for one digit");
        let back = check(&Input { bytes: &bytes, name: Some("r.txt") });
        assert_eq!(back.report.cell(cell).and_then(|c| c.value.number()), Some(Number::int(7)));
        let differing = bytes.iter().zip(&gbk).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 1, "only the digit changed");
        assert!(read.edits.is_empty());
    }

    #[test]
    fn what_cannot_be_placed_is_said_not_guessed() {
        let html = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table>";
        let input = Input { bytes: html.as_bytes(), name: Some("r.html") };
        let checked = check_edited(&input, &[]);
        assert_eq!(patch(&input, &checked), Err(Unpatchable::Kind(SourceKind::Html)));
        assert!(Unpatchable::Kind(SourceKind::Html).message().contains("复制更正后的表格"));
    }
}
