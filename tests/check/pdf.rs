//! PDF files read directly: the three corpus PDFs against the `pdftotext -layout` text of
//! the same files (`tests/fixtures/reports/pdf-text/`) and the truth, hand-built PDFs for what
//! the corpus lacks, and hostile PDFs that must give a message quickly, never a panic.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use gouji::input::{SourceKind, Unreadable};
use gouji::model::TableId;
use gouji::{Checked, Input, check};

use crate::corpus::assert_truth;
use crate::robustness::assert_well_formed;
use crate::support::{check_file, describe, error_rules, errors};

/// The corpus PDFs, the `-layout` text of each, and its truth file.
const PDFS: [(&str, &str, &str); 3] = [
    ("hzq2023_working.pdf", "hzq2023_working.layout.txt", "hzq2023_working.pdf.json"),
    ("hzq2024_working.pdf", "hzq2024_working.layout.txt", "hzq2024_working.pdf.json"),
    ("szfgs2024.pdf", "szfgs2024.layout.txt", "szfgs2024.pdf.json"),
];

fn pdf(name: &str) -> Checked {
    let checked = check_file(&format!("reports/pdf/{name}"));
    assert_well_formed(&checked);
    let source =
        checked.source.as_ref().unwrap_or_else(|| panic!("{name}: {}", checked.tables_line()));
    assert_eq!(source.kind, SourceKind::Pdf, "{name}");
    checked
}

/// Every cell's value, by address.
fn cells(checked: &Checked) -> BTreeMap<String, String> {
    checked
        .report
        .tables
        .iter()
        .flat_map(|t| &t.cells)
        .map(|c| (c.addr.to_string(), format!("{:?}", c.value)))
        .collect()
}

/// Every finding as (rule, cells), sorted.
fn findings(checked: &Checked) -> Vec<(String, Vec<String>)> {
    let mut all: Vec<(String, Vec<String>)> = checked
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.cells.iter().map(ToString::to_string).collect()))
        .collect();
    all.sort();
    all
}

#[test]
fn each_pdf_reads_like_its_layout_text() {
    for (file, layout, _) in PDFS {
        let from_pdf = pdf(file);
        let from_text = check_file(&format!("reports/pdf-text/{layout}"));
        let (a, b) = (cells(&from_pdf), cells(&from_text));
        assert!(a.len() >= 186, "{file}: {} cells", a.len());
        for (addr, value) in &b {
            assert_eq!(a.get(addr), Some(value), "{file}: {addr}");
        }
        assert_eq!(a.len(), b.len(), "{file}: the PDF has cells the text has not");
        // The same findings on the same cells: nothing gained or lost by reading the PDF.
        assert_eq!(
            findings(&from_pdf),
            findings(&from_text),
            "{file}\n{}\n--- layout text:\n{}",
            describe(&from_pdf),
            describe(&from_text)
        );
        assert_eq!(from_pdf.tables_line(), from_text.tables_line(), "{file}");
        assert_eq!(from_pdf.report.year, from_text.report.year, "{file}");
        assert_eq!(from_pdf.report.agency, from_text.report.agency, "{file}");
    }
}

#[test]
fn each_pdf_gives_the_truth_values() {
    for (file, _, truth) in PDFS {
        assert_truth(&pdf(file), truth, file);
    }
}

#[test]
fn hzq2023_pdf_finds_the_review_totals_left_at_zero() {
    let checked = pdf("hzq2023_working.pdf");
    let mut rules = error_rules(&checked);
    rules.sort();
    assert_eq!(rules, ["T4-LR", "T4-RV"], "{}", describe(&checked));
    for (rule, total, expected) in [("T4-RV", "t4/RV/tot", "11"), ("T4-LR", "t4/LR/tot", "5")] {
        let finding = errors(&checked).into_iter().find(|f| f.rule == rule).expect(rule);
        assert_eq!(finding.cells[0].to_string(), total);
        let named: Vec<String> = finding.cells.iter().map(ToString::to_string).collect();
        let part = total.replace("tot", "");
        assert_eq!(
            named,
            ["tot", "keep", "fix", "oth", "pend"].map(|c| format!("{part}{c}")),
            "{rule}"
        );
        assert_eq!(finding.expected.map(|n| n.to_string()).as_deref(), Some(expected));
        assert_eq!(finding.found.map(|n| n.to_string()).as_deref(), Some("0"));
    }
    // The rest as explained in corpus.rs for its layout text.
    let mut all: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
    all.sort_unstable();
    assert_eq!(all, ["STR-LABEL", "T4-LR", "T4-RV", "YR-FORMAT"]);
}

#[test]
fn szfgs2024_pdf_reads_all_three_tables() {
    let checked = pdf("szfgs2024.pdf");
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        assert!(checked.report.table(id).is_some(), "{id:?} not read\n{}", describe(&checked));
    }
    assert_eq!(checked.tables_line(), "表二 已读取 · 表三 通过 · 表四 通过");
    assert!(checked.findings.is_empty(), "{}", describe(&checked));
    assert_truth(&checked, "szfgs2024.pdf.json", "szfgs2024.pdf");
    // Spans point into the extracted text.
    let source = &checked.source.as_ref().expect("source").text;
    let cell =
        checked.report.cell(gouji::CellRef::parse("t3/R1/TOT").expect("addr")).expect("cell");
    assert_eq!(&source[cell.range.as_ref().expect("range").get()], "3119");
}

#[test]
fn hzq2024_pdf_has_the_cells_of_its_layout_text() {
    let checked = pdf("hzq2024_working.pdf");
    let text = check_file("reports/pdf-text/hzq2024_working.layout.txt");
    assert_eq!(cells(&checked), cells(&text));
    assert!(errors(&checked).is_empty(), "{}", describe(&checked));
}

#[test]
fn a_page_printed_to_pdf_reads_like_the_page_blank_cells_included() {
    // 沭阳县发改局's report as published (HTML), printed to PDF by Chromium (`page.pdf()`):
    // its 表三 leaves 125 cells blank, so most rows have two numbers in seven columns. Read by
    // the table's rules, every blank is a blank cell in its column, as in the page; laid out
    // as text, those rows could not be placed.
    let from_pdf = pdf("shuyang-fgj-2023.chromium.pdf");
    let from_html = check_file(
        "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html",
    );
    let (a, b) = (cells(&from_pdf), cells(&from_html));
    assert!(b.len() >= 186, "{} cells in the page", b.len());
    assert_eq!(a, b, "{}", describe(&from_pdf));
    assert_eq!(findings(&from_pdf), findings(&from_html), "{}", describe(&from_pdf));
    assert_eq!(from_pdf.tables_line(), from_html.tables_line());
    let blank = from_pdf.findings.iter().find(|f| f.rule == "VAL-BLANK").expect("VAL-BLANK");
    assert!(blank.message.contains("125 个空白单元格"), "{}", blank.message);
}

#[test]
fn a_libreoffice_pdf_with_rows_cut_by_page_breaks_reads_like_the_page() {
    // The same page converted by LibreOffice Writer (`soffice --convert-to pdf`): rows of 表三
    // break across pages ("1.本机关不掌" | "握相关政府信息"), 26 wraps to "2" over "6" in the
    // narrow 总计 column, and 表四 runs off the right edge of the page.
    let from_pdf = pdf("shuyang-fgj-2023.libreoffice.pdf");
    let from_html = check_file(
        "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html",
    );
    let t3 = |checked: &Checked| -> BTreeMap<String, String> {
        cells(checked).into_iter().filter(|(addr, _)| addr.starts_with("t3/")).collect()
    };
    assert_eq!(t3(&from_pdf), t3(&from_html), "{}", describe(&from_pdf));
    assert!(t3(&from_pdf).len() >= 175);
    let source = &from_pdf.source.as_ref().expect("source").text;
    assert!(source.contains("1.本机关不掌握相关政府信息\t0"), "the cut label is joined");
    assert!(!source.contains("2 6"), "a wrapped number is one number");
    // What the PDF shows of 表四 is all it has: 12 of its 15 numbers are on the page.
    let rules: Vec<&str> = from_pdf.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["VAL-BLANK", "T4-CNT"], "{}", describe(&from_pdf));
    assert!(
        from_pdf.findings[1].message.contains("实际找到 12 个"),
        "{}",
        from_pdf.findings[1].message
    );
}

#[test]
fn the_seed_text_printed_by_libreoffice_reads_like_the_text() {
    // `soffice --convert-to pdf` of the seed's text: 表四's header is cut by a page break,
    // which reads as an empty line between the header and the numbers.
    let from_pdf = pdf("zhangdian-yingji-2023.libreoffice.pdf");
    let from_text = check_file("reports/seed/zhangdian-yingji-2023.txt");
    assert_eq!(cells(&from_pdf), cells(&from_text), "{}", describe(&from_pdf));
    assert_eq!(findings(&from_pdf), findings(&from_text), "{}", describe(&from_pdf));
    let text = &from_pdf.source.as_ref().expect("source").text;
    assert!(text.contains("|\n\n"), "the page break is in the header");
}

/// A PDF built object by object; no cross-reference table (the reader does not need one).
struct Builder {
    bytes: Vec<u8>,
    next: u32,
}

impl Builder {
    fn new() -> Builder {
        Builder { bytes: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), next: 1 }
    }

    fn object(&mut self, body: &str) -> u32 {
        let num = self.next;
        self.next += 1;
        self.bytes.extend_from_slice(format!("{num} 0 obj\n{body}\nendobj\n").as_bytes());
        num
    }

    fn stream(&mut self, dict: &str, data: &[u8]) -> u32 {
        let num = self.next;
        self.next += 1;
        self.bytes.extend_from_slice(
            format!("{num} 0 obj\n<<{dict}/Length {}>>\nstream\n", data.len()).as_bytes(),
        );
        self.bytes.extend_from_slice(data);
        self.bytes.extend_from_slice(b"\nendstream\nendobj\n");
        num
    }

    /// Catalog and one page per content stream, all with `resources`; then the trailer.
    fn finish(mut self, resources: &str, contents: &[u32], trailer: &str) -> Vec<u8> {
        let pages = self.next + contents.len() as u32;
        let kids: Vec<String> = contents
            .iter()
            .map(|c| {
                let page = self.object(&format!(
                    "<</Type/Page/Parent {pages} 0 R/MediaBox[0 0 595 842]/Contents {c} 0 R>>"
                ));
                format!("{page} 0 R")
            })
            .collect();
        self.object(&format!(
            "<</Type/Pages/Count {}/Kids[{}]/Resources {resources}>>",
            kids.len(),
            kids.join(" ")
        ));
        let root = self.object(&format!("<</Type/Catalog/Pages {pages} 0 R>>"));
        self.bytes.extend_from_slice(
            format!("trailer\n<</Size {}/Root {root} 0 R{trailer}>>\n%%EOF\n", self.next)
                .as_bytes(),
        );
        self.bytes
    }
}

fn zlib(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// A Type0 font whose codes are UTF-16 code units, mapped back by its ToUnicode CMap; and a
/// copy without ToUnicode (its text cannot be read).
fn unicode_fonts(builder: &mut Builder) -> String {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfrange <0000> <FFFF> <0000> endbfrange\nendcmap end end";
    let to_unicode = builder.stream("/Filter/FlateDecode", &zlib(cmap));
    let cid = builder.object(
        "<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/DW 1000/W[32 126 500]\
         /CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>>>",
    );
    let mapped = builder.object(&format!(
        "<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H\
         /DescendantFonts[{cid} 0 R]/ToUnicode {to_unicode} 0 R>>"
    ));
    let unmapped = builder.object(&format!(
        "<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts[{cid} 0 R]>>"
    ));
    format!("<</Font<</U {mapped} 0 R/X {unmapped} 0 R>>>>")
}

/// Draws `text` line by line in font `font` at 10 pt: one column is 5 pt, CJK takes two.
fn draw_lines(text: &str, font: &str) -> Vec<u8> {
    let mut content = format!("BT /{font} 10 Tf\n");
    for (row, line) in text.lines().enumerate() {
        let mut col = 0usize;
        for ch in line.chars() {
            let wide = !ch.is_ascii();
            if ch != ' ' {
                let mut units = [0u16; 2];
                let hex = ch.encode_utf16(&mut units).iter().fold(String::new(), |mut acc, u| {
                    acc.push_str(&format!("{u:04X}"));
                    acc
                });
                let (x, y) = (40 + col * 5, 800 - row as i64 * 14);
                content.push_str(&format!("1 0 0 1 {x} {y} Tm <{hex}> Tj\n"));
            }
            col += if wide { 2 } else { 1 };
        }
    }
    content.push_str("ET\n");
    content.into_bytes()
}

#[test]
fn a_report_drawn_into_a_pdf_reads_back_the_same() {
    // The -layout text of a real PDF, drawn glyph by glyph on 14 pt lines, pages of 55 lines.
    let layout = std::fs::read_to_string(crate::support::fixture_path(
        "reports/pdf-text/szfgs2024.layout.txt",
    ))
    .expect("fixture");
    // Form feeds (pdftotext's page breaks) are not drawn.
    let layout = layout.replace('\x0C', "");
    let lines: Vec<&str> = layout.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let contents: Vec<u32> = lines
        .chunks(55)
        .map(|page| {
            builder.stream("/Filter/FlateDecode", &zlib(&draw_lines(&page.join("\n"), "U")))
        })
        .collect();
    let bytes = builder.finish(&resources, &contents, "");
    let checked = check(&Input { bytes: &bytes, name: Some("drawn.pdf") });
    assert_well_formed(&checked);
    let text = check_file("reports/pdf-text/szfgs2024.layout.txt");
    let source = &checked.source.as_ref().expect("read").text;
    let bad: Vec<&str> = source.lines().filter(|l| l.contains('\u{FFFD}')).collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(cells(&checked), cells(&text), "{}", describe(&checked));
    assert_eq!(findings(&checked), findings(&text));
}

#[test]
fn glyphs_without_a_character_map_are_counted_not_guessed() {
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let mut content = draw_lines("一、本年新收政府信息公开申请数量 3", "U");
    content.extend_from_slice(&draw_lines("\n\n二、上年结转", "X"));
    let page = builder.stream("", &content);
    let bytes = builder.finish(&resources, &[page], "");
    let checked = check(&Input { bytes: &bytes, name: None });
    assert_well_formed(&checked);
    let source = checked.source.as_ref().expect("read");
    assert_eq!(source.replaced, 6);
    assert!(source.text.contains("申请数量 3"), "{}", source.text);
    assert!(source.text.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"));
    let decode = checked.findings.iter().find(|f| f.rule == "INPUT-DECODE").expect("INPUT-DECODE");
    assert!(decode.message.contains("6 个字符") && decode.message.contains("ToUnicode"));
    // Only unmapped glyphs: nothing to read.
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let page = builder.stream("", &draw_lines("二、上年结转", "X"));
    let bytes = builder.finish(&resources, &[page], "");
    assert_unreadable(&bytes, Unreadable::PdfUnmapped, "ToUnicode");
}

fn assert_unreadable(bytes: &[u8], why: Unreadable, word: &str) {
    let checked = check(&Input { bytes, name: Some("x.pdf") });
    assert_well_formed(&checked);
    assert_eq!(checked.unreadable, Some(why), "{}", describe(&checked));
    assert_eq!(checked.findings.len(), 1);
    assert_eq!(checked.findings[0].rule, "INPUT-UNREADABLE");
    assert!(checked.findings[0].message.contains(word), "{}", checked.findings[0].message);
}

/// `check` on `bytes` must give a well-formed result and must not hang. The limit is a
/// hang guard, not a speed target (those are benchmarks): every input here is checked in
/// well under a second, while the quadratic or unbounded work it guards against would take
/// hours on inputs this large, so a loaded machine cannot make it flake.
fn quickly(bytes: &[u8]) -> Checked {
    let limit = Duration::from_mins(1);
    let start = Instant::now();
    let checked = check(&Input { bytes, name: None });
    let took = start.elapsed();
    assert!(took < limit, "took {took:?} for {} bytes", bytes.len());
    assert_well_formed(&checked);
    checked
}

#[test]
fn scanned_and_encrypted_pdfs_get_their_message() {
    let mut builder = Builder::new();
    let image = builder.stream(
        "/Type/XObject/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode",
        b"\xFF\xD8\xFF\xE0 not really a jpeg \xFF\xD9",
    );
    let page = builder.stream("", b"q 500 0 0 800 40 20 cm /Im0 Do Q");
    let bytes = builder.finish(&format!("<</XObject<</Im0 {image} 0 R>>>>"), &[page], "");
    assert_unreadable(&bytes, Unreadable::PdfScanned, "扫描版（图片）PDF");
    let message = Unreadable::PdfScanned.message();
    assert!(message.contains("请找到文字版，或用 OCR 软件识别后复制粘贴"), "{message}");

    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let encrypt = builder.object("<</Filter/Standard/V 2/R 3/O<00>/U<00>/P -4>>");
    let page = builder.stream("", &draw_lines("一、本年新收", "U"));
    let bytes = builder.finish(&resources, &[page], &format!("/Encrypt {encrypt} 0 R"));
    assert_unreadable(&bytes, Unreadable::PdfEncrypted, "加密");
}

#[test]
fn a_truncated_pdf_gives_what_its_first_half_holds() {
    let bytes = std::fs::read(crate::support::fixture_path("reports/pdf/hzq2023_working.pdf"))
        .expect("fixture");
    for cut in [bytes.len() / 2, bytes.len() / 3, 2000, 100] {
        let checked = quickly(&bytes[..cut]);
        if cut == bytes.len() / 2 {
            // The first pages' text is there (the catalog and the page tree come first).
            let text = &checked.source.as_ref().expect("first half read").text;
            assert!(text.contains("洪泽区人民政府"), "{text}");
        } else {
            assert!(checked.source.is_some() || checked.unreadable.is_some());
        }
    }
}

#[test]
fn hostile_pdfs_give_a_message_quickly() {
    // Garbage after the header.
    let mut garbage = b"%PDF-1.7\n".to_vec();
    garbage.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let checked = quickly(&garbage);
    assert!(checked.unreadable.is_some());
    // Deep nesting, in the object syntax and in a content stream.
    for open in ["[", "<</A ", "<<", "(", "[<<"] {
        let mut deep = b"%PDF-1.7\n1 0 obj\n".to_vec();
        deep.extend(open.repeat(1_000_000).bytes());
        quickly(&deep);
    }
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let page = builder.stream("", &b"[<<".repeat(1_000_000));
    quickly(&builder.finish(&resources, &[page], ""));
    // Every header an object: `1 0 obj` a million times; and as many unterminated trailers.
    let mut headers = b"%PDF-1.7\n".to_vec();
    headers.extend(b"1 0 obj [ ".repeat(500_000));
    quickly(&headers);
    let mut trailers = b"%PDF-1.7\n".to_vec();
    trailers.extend(b"trailer<</A[".repeat(500_000));
    quickly(&trailers);
}

#[test]
fn huge_resource_dictionaries_are_not_searched_again_and_again() {
    // 100 000 font names, each used once, all sharing one font with a 200 000-entry /W array:
    // every lookup and every font load is paid for, so this ends quickly.
    let mut builder = Builder::new();
    let widths = builder.object(&format!("[{}]", "1 [500] ".repeat(100_000)));
    let cid = builder.object(&format!("<</Subtype/CIDFontType2/W {widths} 0 R>>"));
    let mut names = String::new();
    let mut content = String::new();
    for i in 0..100_000 {
        names.push_str(&format!(
            "/F{i} <</Subtype/Type0/Encoding/Identity-H/DescendantFonts[{cid} 0 R]>>"
        ));
        content.push_str(&format!("BT /F{} 9 Tf (ab) Tj ET\n", 99_999 - i));
    }
    let page = builder.stream("", content.as_bytes());
    let bytes = builder.finish(&format!("<</Font<<{names}>>>>"), &[page], "");
    quickly(&bytes);
}

#[test]
fn pages_ruled_by_thousands_of_lines_end_quickly() {
    // 1 500 horizontal and 1 500 vertical lines (2.25 million crossings), a digit in the
    // cells, on 50 pages: finding tables is paid from the file's budget, and stops.
    let mut content = String::from("BT /U 10 Tf 1 0 0 1 5 5 Tm <0031> Tj ET\n");
    for i in 0..1500 {
        content.push_str(&format!("0 {i} m 1500 {i} l S {i} 0 m {i} 1500 l S\n"));
    }
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let page = builder.stream("/Filter/FlateDecode", &zlib(content.as_bytes()));
    let bytes = builder.finish(&resources, &[page; 50], "");
    let checked = quickly(&bytes);
    assert!(checked.source.is_some(), "{}", describe(&checked));
}

#[test]
fn a_flate_bomb_is_cut_short() {
    // 256 MB of text operators in a 250 KB stream: inflating stops at the file's budget.
    let chunk = b"BT /U 10 Tf 1 0 0 1 40 800 Tm <4E00> Tj ET\n".repeat(1 << 16);
    let mut big = Vec::with_capacity(chunk.len() * 100);
    for _ in 0..100 {
        big.extend_from_slice(&chunk);
    }
    let bomb = zlib(&big);
    drop(big);
    let mut builder = Builder::new();
    let resources = unicode_fonts(&mut builder);
    let page = builder.stream("/Filter/FlateDecode", &bomb);
    // Three pages, each the same bomb.
    let bytes = builder.finish(&resources, &[page, page, page], "");
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let checked = quickly(&bytes);
    let text = &checked.source.as_ref().unwrap_or_else(|| panic!("{}", describe(&checked))).text;
    assert!(text.contains('一'));
    assert!(text.len() < 64 << 20, "{}", text.len());
}

#[test]
fn a_form_drawn_a_million_times_is_cut_short() {
    let mut builder = Builder::new();
    let fonts = unicode_fonts(&mut builder);
    let form = builder.stream(
        "/Type/XObject/Subtype/Form/BBox[0 0 595 842]",
        &b"BT /U 10 Tf 1 0 0 1 40 800 Tm <4E00 4E8C> Tj ET /F Do\n".repeat(100),
    );
    let resources = fonts.replace(">>>>", &format!(">>/XObject<</F {form} 0 R>>>>"));
    let page = builder.stream("/Filter/FlateDecode", &zlib(&b"/F Do ".repeat(1_000_000)));
    let bytes = builder.finish(&resources, &[page], "");
    let checked = quickly(&bytes);
    assert!(checked.source.is_some() || checked.unreadable.is_some());
}

/// A Type0 font whose ToUnicode maps code 1 to `target` (UTF-16BE hex), with glyphs 1000
/// units wide.
fn font_mapping(builder: &mut Builder, target: &str) -> String {
    let cmap = format!(
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         1 beginbfchar <0001> <{target}> endbfchar"
    );
    let to_unicode = builder.stream("/Filter/FlateDecode", &zlib(cmap.as_bytes()));
    let cid = builder.object("<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/DW 1000>>");
    let font = builder.object(&format!(
        "<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H\
         /DescendantFonts[{cid} 0 R]/ToUnicode {to_unicode} 0 R>>"
    ));
    format!("<</Font<</U {font} 0 R>>>>")
}

#[test]
fn a_character_map_cannot_multiply_the_text() {
    // One code mapped to 30 000 characters, drawn 10 000 times on one line (0.05 pt apart):
    // 300 million characters before the fix, 9.7 GB. A code maps to 16 characters at most,
    // so this one has no usable mapping at all.
    let mut builder = Builder::new();
    let resources = font_mapping(&mut builder, &"0030".repeat(30_000));
    let content = format!("BT /U 0.05 Tf 1 0 0 1 40 800 Tm <{}> Tj ET", "0001".repeat(10_000));
    let page = builder.stream("", content.as_bytes());
    let bytes = builder.finish(&resources, &[page], "");
    let (checked, peak) = crate::bounds::peak_memory(|| quickly(&bytes));
    assert_eq!(checked.unreadable, Some(Unreadable::PdfUnmapped), "{}", describe(&checked));
    assert!(peak < 16 << 20, "{peak} bytes for a {}-byte file", bytes.len());

    // Sixteen CJK characters per code, the most allowed, drawn 300 000 times from a small
    // compressed stream: every glyph's text is paid from the file's budget (16 bytes per input
    // byte, at least 1 MB) as it is made, so the text stops there and says so.
    let mut builder = Builder::new();
    let resources = font_mapping(&mut builder, &"4E00".repeat(16));
    let content = format!("BT /U 0.05 Tf 1 0 0 1 40 800 Tm <{}> Tj ET", "0001".repeat(300_000));
    let page = builder.stream("/Filter/FlateDecode", &zlib(content.as_bytes()));
    let bytes = builder.finish(&resources, &[page], "");
    assert!(bytes.len() < 64 << 10, "{}", bytes.len());
    let (checked, peak) = crate::bounds::peak_memory(|| quickly(&bytes));
    let text = &checked.source.as_ref().expect("read").text;
    assert!(text.len() <= (1 << 20) + 4096, "{} bytes of text", text.len());
    assert!(checked.findings.iter().any(|f| f.rule == "INPUT-TRUNCATED"), "{}", describe(&checked));
    assert!(peak < 64 << 20, "{peak} bytes");
}
