//! Word (.docx) input: a real report rebuilt as a Word document reads exactly like the page it
//! came from, and damaged, encrypted and bomb .docx files get a Chinese message, never a panic.
//!
//! The .docx files are built here: the saved page's paragraphs become `w:p` (text split into
//! runs as Word splits it), its tables `w:tbl` with merged cells written as Word writes them
//! (`w:gridSpan`, and a `w:vMerge w:val="restart"` cell over `w:vMerge` continuation cells),
//! and the parts are zipped by a tiny writer (deflated, with the CRC-32 Word writes).

use gouji::model::Value;
use gouji::{Checked, Input, check};

use crate::robustness::assert_well_formed;
use crate::support::{describe, fixture_path};

const SHUYANG: &str =
    "reports/corpus/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html";

#[test]
fn a_docx_reads_like_the_page_it_was_saved_from() {
    let html = std::fs::read_to_string(fixture_path(SHUYANG)).expect("fixture");
    let from_page = check(&Input { bytes: html.as_bytes(), name: Some("report.html") });
    let document = word_document(&page_blocks(&html));
    assert!(document.contains("<w:vMerge w:val=\"restart\"/>") && document.contains("<w:vMerge/>"));
    assert!(document.contains("<w:gridSpan w:val=\"3\"/>"));
    let docx = package(&document, false);
    let from_docx = check(&Input { bytes: &docx, name: Some("report.docx") });

    assert!(from_docx.unreadable.is_none(), "{}", describe(&from_docx));
    assert_eq!(from_docx.source.as_ref().map(|s| s.kind), Some(gouji::input::SourceKind::Docx));
    assert_well_formed(&from_docx);
    assert_same_reading(&from_page, &from_docx);
    // The report's own numbers, so that an empty reading cannot pass.
    let total = |checked: &Checked| {
        let addr = gouji::CellRef::parse("t3/R1/TOT").expect("address");
        checked.report.cell(addr).map(|cell| cell.value.clone())
    };
    assert_eq!(total(&from_docx), Some(Value::Number(gouji::model::Number::int(26))));
}

#[test]
fn headings_numbered_by_word_read_with_their_numbers() {
    // The same report with its six headings numbered by Word (a style whose list level draws
    // “一、”), so that the numbers are not in document.xml: read from numbering.xml, the
    // report reads as the page does, with no missing section.
    let html = std::fs::read_to_string(fixture_path(SHUYANG)).expect("fixture");
    let from_page = check(&Input { bytes: html.as_bytes(), name: Some("report.html") });
    let mut body = String::new();
    let mut numbered = 0;
    for block in page_blocks(&html) {
        match &block {
            Block::Para(text) => {
                let heading = ["一、", "二、", "三、", "四、", "五、", "六、"]
                    .iter()
                    .find_map(|n| text.trim_start().strip_prefix(n));
                match heading {
                    Some(rest) if !rest.contains('\t') && rest.chars().count() < 30 => {
                        numbered += 1;
                        body.push_str(&format!(
                            "<w:p><w:pPr><w:pStyle w:val=\"2\"/></w:pPr><w:r><w:t>{rest}</w:t></w:r></w:p>"
                        ));
                    }
                    _ => body.push_str(&word_paragraph(text)),
                }
            }
            Block::Table(rows) => body.push_str(&word_table(rows)),
        }
    }
    assert!(numbered >= 6, "{numbered} headings");
    let document = word_document(&[]).replace("<w:body>", &format!("<w:body>{body}"));
    let numbering = format!(
        "<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">\
         <w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/>\
         </w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let styles = format!(
        "<w:styles xmlns:w=\"{W}\"><w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 1\"/>\
         <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>"
    );
    let docx = zip(&[
        Part::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::deflated("_rels/.rels", RELS.as_bytes()),
        Part::deflated("word/document.xml", document.as_bytes()),
        Part::deflated("word/styles.xml", styles.as_bytes()),
        Part::deflated("word/numbering.xml", numbering.as_bytes()),
    ]);
    let from_docx = check(&Input { bytes: &docx, name: Some("report.docx") });
    let text = &from_docx.source.as_ref().expect("read").text;
    for heading in ["一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "六、"]
    {
        assert!(text.contains(heading), "{heading} in\n{text}");
    }
    assert!(
        !from_docx.findings.iter().any(|f| f.rule == "STR-SECTIONS"),
        "{}",
        describe(&from_docx)
    );
    assert_same_reading(&from_page, &from_docx);
    // Without numbering.xml the same document misses its numbers, and says so.
    let bare = package(&document, false);
    let unnumbered = check(&Input { bytes: &bare, name: Some("report.docx") });
    assert!(
        unnumbered.findings.iter().any(|f| f.rule == "STR-SECTIONS"),
        "{}",
        describe(&unnumbered)
    );
}

/// Every cell by address with the same value, and the same findings by rule.
fn assert_same_reading(expected: &Checked, got: &Checked) {
    let cells = |checked: &Checked| -> Vec<(String, Value)> {
        let mut cells: Vec<(String, Value)> = checked
            .report
            .tables
            .iter()
            .flat_map(|table| &table.cells)
            .map(|cell| (cell.addr.to_string(), cell.value.clone()))
            .collect();
        cells.sort_by(|a, b| a.0.cmp(&b.0));
        cells
    };
    let expected_cells = cells(expected);
    assert!(expected_cells.len() > 100, "{}", expected_cells.len());
    assert!(
        expected_cells.iter().filter(|(_, value)| matches!(value, Value::Number(_))).count() > 50
    );
    assert_eq!(cells(got), expected_cells);
    let rules = |checked: &Checked| -> Vec<String> {
        let mut rules: Vec<String> = checked.findings.iter().map(|f| f.rule.clone()).collect();
        rules.sort();
        rules
    };
    assert_eq!(rules(got), rules(expected), "{}\n---\n{}", describe(got), describe(expected));
    assert_eq!(got.report.year, expected.report.year);
    assert_eq!(got.report.agency, expected.report.agency);
}

#[test]
fn damaged_encrypted_and_bomb_docx_files_get_a_message() {
    let document = word_document(&[
        Block::Para("一、本年新收政府信息公开申请数量 1".to_string()),
        Block::Para("（七）总计 1".to_string()),
    ]);
    let good = package(&document, false);
    assert!(read_docx(&good, Some("report.docx")).unreadable.is_none());

    // Cut anywhere: the name (or the parts' names) says it was a Word file.
    let step = (good.len() / 97).max(1);
    for len in (4..good.len()).step_by(step).chain([good.len() - 1, good.len() - 22]) {
        let checked = read_docx(&good[..len], Some("report.docx"));
        assert_unreadable(&checked, "Word", &format!("cut at {len}"));
    }
    // Without a name, a cut that keeps the first part's name still says Word.
    let checked = read_docx(&good[..good.len() / 2], None);
    assert_unreadable(&checked, "损坏", "cut without a name");

    let encrypted = package(&document, true);
    assert_unreadable(&read_docx(&encrypted, Some("report.docx")), "密码", "encrypted entry");

    // 100 MB of zeros deflated to about 100 KB, declared honestly and declared small.
    let zeros = deflated_zeros(100 << 20);
    assert!(zeros.len() < 1 << 20);
    for declared in [100u32 << 20, 60 << 20, 4096] {
        let bomb = zip(&[
            Part::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            Part {
                name: "word/document.xml",
                data: zeros.clone(),
                method: 8,
                flags: 0,
                crc: 0,
                size: declared,
            },
        ]);
        assert_unreadable(
            &read_docx(&bomb, Some("report.docx")),
            "64 MB",
            &format!("bomb {declared}"),
        );
    }

    // A Word package without its document.
    let hollow = zip(&[
        Part::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::stored("word/styles.xml", b"<w:styles/>"),
    ]);
    assert_unreadable(&read_docx(&hollow, Some("report.docx")), "word/document.xml", "hollow");
    // A Word document with pictures only.
    let scanned = package(&word_document(&[Block::Para(String::new())]), false);
    assert_unreadable(&read_docx(&scanned, Some("scan.docx")), "图片", "no text");
    // A password-protected .docx is an OLE file holding an encrypted package.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_unreadable(&read_docx(&ole, Some("report.docx")), "密码", "OLE encrypted");
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(1024, 0);
    assert_unreadable(&read_docx(&doc, Some("report.doc")), ".doc", "legacy .doc");
}

#[test]
fn other_zip_files_keep_their_messages() {
    let workbook = zip(&[
        Part::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::deflated("xl/workbook.xml", b"<workbook/>"),
    ]);
    assert_unreadable(&read_docx(&workbook, Some("a.xlsx")), "Excel", "xlsx");
    let archive = zip(&[Part::deflated("报告.txt", "一、本年新收".as_bytes())]);
    assert_unreadable(&read_docx(&archive, Some("a.zip")), "压缩包", "zip");
    assert_unreadable(&read_docx(b"PK\x05\x06", Some("a.zip")), "压缩包", "empty zip");
}

fn read_docx(bytes: &[u8], name: Option<&str>) -> Checked {
    let checked = check(&Input { bytes, name });
    assert_well_formed(&checked);
    checked
}

fn assert_unreadable(checked: &Checked, word: &str, case: &str) {
    assert!(checked.unreadable.is_some(), "{case}: read as\n{}", describe(checked));
    assert_eq!(checked.findings.len(), 1, "{case}");
    assert_eq!(checked.findings[0].rule, "INPUT-UNREADABLE", "{case}");
    let message = &checked.findings[0].message;
    assert!(message.contains(word), "{case}: {message}");
    assert!(message.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{case}: {message}");
}

// ---------------------------------------------------------------------------------------------
// The saved page as paragraphs and tables.

#[derive(Debug)]
enum Block {
    Para(String),
    Table(Vec<Vec<PageCell>>),
}

#[derive(Debug, Default)]
struct PageCell {
    text: String,
    rowspan: usize,
    colspan: usize,
}

const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "textarea", "svg"];
const BREAKS: &[&str] =
    &["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "body"];

/// The page's title, then its paragraphs and tables in order. Text outside tables is cut into
/// paragraphs at block tags; text inside a cell stays one paragraph.
fn page_blocks(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut table: Option<Vec<Vec<PageCell>>> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = decode(&rest[..lt]);
        if let Some(rows) = table.as_mut() {
            if let Some(cell) = rows.last_mut().and_then(|row| row.last_mut()) {
                cell.text.push_str(&text);
            }
        } else {
            para.push_str(&text);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let gt = rest.find('>').map_or(rest.len(), |gt| gt + 1);
        let tag = &rest[..gt];
        rest = &rest[gt..];
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && (SKIPPED.contains(&name.as_str()) || name == "title") {
            let close = format!("</{name}");
            let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            if name == "title" {
                blocks.push(Block::Para(decode(&rest[..end]).trim().to_string()));
            }
            rest = &rest[end..];
            continue;
        }
        match (name.as_str(), closing) {
            ("table", false) => {
                flush(&mut para, &mut blocks);
                table = Some(Vec::new());
            }
            ("table", true) => {
                if let Some(rows) = table.take() {
                    blocks.push(Block::Table(rows));
                }
            }
            ("tr", false) => {
                if let Some(rows) = table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            ("td" | "th", false) => {
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(PageCell {
                        text: String::new(),
                        rowspan: span(tag, "rowspan"),
                        colspan: span(tag, "colspan"),
                    });
                }
            }
            (name, _) if BREAKS.contains(&name) => {
                if let Some(cell) =
                    table.as_mut().and_then(|rows| rows.last_mut()).and_then(|row| row.last_mut())
                {
                    cell.text.push(' ');
                } else if table.is_none() {
                    flush(&mut para, &mut blocks);
                }
            }
            _ => {}
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

fn flush(para: &mut String, blocks: &mut Vec<Block>) {
    let text = para.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        blocks.push(Block::Para(text));
    }
    para.clear();
}

fn span(tag: &str, attr: &str) -> usize {
    let Some(at) = tag.find(attr) else { return 1 };
    let digits: String = tag[at + attr.len()..]
        .trim_start_matches(['=', '"', '\'', ' '])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(1)
}

fn decode(text: &str) -> String {
    text.replace("&nbsp;", "\u{A0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------------
// Word's XML, as Word writes it.

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn word_document(blocks: &[Block]) -> String {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Para(text) => body.push_str(&word_paragraph(text)),
            Block::Table(rows) => body.push_str(&word_table(rows)),
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:w=\"{W}\" mc:Ignorable=\"w14\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    )
}

/// A paragraph whose text is split into runs where Word switches fonts (ASCII/CJK), with the
/// bookmarks and proofing marks Word leaves around.
fn word_paragraph(text: &str) -> String {
    let mut runs = String::new();
    let mut chunk = String::new();
    let mut ascii = None;
    for ch in text.chars() {
        if ascii.is_some_and(|a| a != ch.is_ascii()) {
            runs.push_str(&word_run(&chunk));
            chunk.clear();
        }
        ascii = Some(ch.is_ascii());
        chunk.push(ch);
    }
    if !chunk.is_empty() {
        runs.push_str(&word_run(&chunk));
    }
    format!(
        "<w:p w:rsidR=\"00A1\"><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/>\
         <w:tabs><w:tab w:val=\"left\" w:pos=\"840\"/></w:tabs><w:jc w:val=\"both\"/></w:pPr>\
         <w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>{runs}<w:bookmarkEnd w:id=\"0\"/>\
         <w:proofErr w:type=\"spellStart\"/></w:p>"
    )
}

fn word_run(text: &str) -> String {
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:hint=\"eastAsia\"/>\
         <w:sz w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">{escaped}</w:t></w:r>"
    )
}

/// A table with the page's merged cells: the page's grid laid out, then each row written cell by
/// cell, a merge's later rows as `w:vMerge` continuation cells of the same width.
fn word_table(rows: &[Vec<PageCell>]) -> String {
    let width = rows.iter().map(|row| row.iter().map(|c| c.colspan).sum::<usize>()).max();
    let width = width.unwrap_or(0);
    // owner[r][c] = (row, cell) of the page cell covering that position.
    let mut owner = vec![vec![None; width]; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for (k, cell) in row.iter().enumerate() {
            while c < width && owner[r][c].is_some() {
                c += 1;
            }
            for covered in owner.iter_mut().skip(r).take(cell.rowspan) {
                for slot in covered.iter_mut().skip(c).take(cell.colspan) {
                    slot.get_or_insert((r, k));
                }
            }
            c += cell.colspan;
        }
    }
    let grid: String = (0..width).map(|_| "<w:gridCol w:w=\"900\"/>").collect();
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr>\
         <w:tblGrid>{grid}</w:tblGrid>"
    );
    for (r, row_owners) in owner.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:trHeight w:val=\"454\"/><w:jc w:val=\"center\"/></w:trPr>");
        let mut c = 0;
        while c < width {
            let Some((orow, ocell)) = row_owners[c] else {
                c += 1;
                continue;
            };
            let cell = &rows[orow][ocell];
            let mut props = String::from("<w:tcW w:w=\"900\" w:type=\"dxa\"/>");
            if cell.colspan > 1 {
                props.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", cell.colspan));
            }
            let text = if orow == r {
                if cell.rowspan > 1 {
                    props.push_str("<w:vMerge w:val=\"restart\"/>");
                }
                cell.text.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                props.push_str("<w:vMerge/>");
                String::new()
            };
            props.push_str("<w:vAlign w:val=\"center\"/>");
            out.push_str(&format!(
                "<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>",
                word_paragraph(&text)
            ));
            c += cell.colspan;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

// ---------------------------------------------------------------------------------------------
// The package and the zip.

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

/// A .docx holding `document`; `encrypted` sets the encryption flag on the document part.
fn package(document: &str, encrypted: bool) -> Vec<u8> {
    let mut main = Part::deflated("word/document.xml", document.as_bytes());
    if encrypted {
        main.flags |= 1;
    }
    zip(&[
        Part::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::deflated("_rels/.rels", RELS.as_bytes()),
        main,
        Part::deflated("word/styles.xml", b"<w:styles/>"),
    ])
}

struct Part<'a> {
    name: &'a str,
    data: Vec<u8>,
    method: u16,
    flags: u16,
    crc: u32,
    size: u32,
}

impl<'a> Part<'a> {
    fn stored(name: &'a str, data: &[u8]) -> Part<'a> {
        Part {
            name,
            data: data.to_vec(),
            method: 0,
            flags: 0,
            crc: crc32(data),
            size: data.len() as u32,
        }
    }

    /// Deflated, with a data descriptor after the data as Word's streaming writer does.
    fn deflated(name: &'a str, data: &[u8]) -> Part<'a> {
        let compressed = miniz_oxide::deflate::compress_to_vec(data, 6);
        Part {
            name,
            data: compressed,
            method: 8,
            flags: 8,
            crc: crc32(data),
            size: data.len() as u32,
        }
    }
}

/// Local headers (sizes in a data descriptor when flag bit 3 is set), central directory, end.
fn zip(parts: &[Part<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16s = |buf: &mut Vec<u8>, values: &[u16]| {
        for v in values {
            buf.extend_from_slice(&v.to_le_bytes());
        }
    };
    let u32s = |buf: &mut Vec<u8>, values: &[u32]| {
        for v in values {
            buf.extend_from_slice(&v.to_le_bytes());
        }
    };
    for part in parts {
        let offset = out.len() as u32;
        let name = part.name.as_bytes();
        let compressed = part.data.len() as u32;
        let descriptor = part.flags & 8 != 0;
        out.extend_from_slice(b"PK\x03\x04");
        u16s(&mut out, &[20, part.flags | 0x800, part.method, 0x6000, 0x5A21]);
        if descriptor {
            u32s(&mut out, &[0, 0, 0]);
        } else {
            u32s(&mut out, &[part.crc, compressed, part.size]);
        }
        u16s(&mut out, &[name.len() as u16, 0]);
        out.extend_from_slice(name);
        out.extend_from_slice(&part.data);
        if descriptor {
            out.extend_from_slice(b"PK\x07\x08");
            u32s(&mut out, &[part.crc, compressed, part.size]);
        }
        central.extend_from_slice(b"PK\x01\x02");
        u16s(&mut central, &[45, 20, part.flags | 0x800, part.method, 0x6000, 0x5A21]);
        u32s(&mut central, &[part.crc, compressed, part.size]);
        u16s(&mut central, &[name.len() as u16, 0, 0, 0, 0]);
        u32s(&mut central, &[0, offset]);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    u16s(&mut out, &[0, 0, parts.len() as u16, parts.len() as u16]);
    u32s(&mut out, &[central.len() as u32, cd_offset]);
    u16s(&mut out, &[0]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
    }
    !crc
}

/// Raw deflate data for `size` zero bytes, compressed as a stream: the zeros are never held in
/// memory at once.
fn deflated_zeros(size: usize) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        CompressorOxide, TDEFLFlush, compress_to_output, create_comp_flags_from_zip_params,
    };
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(1, 0, 0));
    let zeros = vec![0u8; 1 << 20];
    let mut out = Vec::new();
    let mut left = size;
    while left > 0 {
        let take = left.min(zeros.len());
        left -= take;
        let flush = if left == 0 { TDEFLFlush::Finish } else { TDEFLFlush::None };
        compress_to_output(&mut compressor, &zeros[..take], flush, |bytes| {
            out.extend_from_slice(bytes);
            true
        });
    }
    out
}

/// The .docx gouji writes (填报, corrected tables) opens in python-docx — the library a CMS or
/// a script would use, and a stand-in for Word — with the tables' shape and text intact.
#[test]
fn the_docx_gouji_writes_opens_in_python_docx() {
    use gouji::fill::{Form, fill, is_total, template_cells};
    let seed = check(&Input::text(gouji::SAMPLE_REPORT));
    let typed = template_cells()
        .into_iter()
        .filter(|&c| !is_total(c))
        .filter_map(|c| Some((c, seed.report.cell(c)?.value.for_sums()?)))
        .collect();
    let form =
        Form { agency: "张店区应急管理局".into(), year: Some(2023), typed, carried: None };
    let bytes = gouji::fill::docx(&form, &fill(&form));
    let path = std::env::temp_dir().join(format!("gouji-filled-{}.docx", std::process::id()));
    std::fs::write(&path, &bytes).expect("write");
    let script = "import sys, docx\n\
        d = docx.Document(sys.argv[1])\n\
        print([len(t.rows) for t in d.tables], [len(t.columns) for t in d.tables])\n\
        print(d.tables[1].cell(3, 0).text, d.tables[1].cell(3, 9).text)\n\
        print(d.paragraphs[0].text)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().expect("path")])
        .output()
        .expect("python3 runs (tools/setup installs python-docx)");
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "[14, 28, 4] [4, 10, 15]");
    assert_eq!(lines[1], "一、本年新收政府信息公开申请数量 1");
    assert_eq!(lines[2], "张店区应急管理局2023年政府信息公开工作年度报告");
}

/// The document.xml of a .docx (through gouji's test zip reader: python-docx is not needed).
fn document_xml(docx: &[u8]) -> String {
    let script = "import sys, zipfile\nsys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8'))";
    let path =
        std::env::temp_dir().join(format!("gouji-doc-{}-{}.docx", std::process::id(), docx.len()));
    std::fs::write(&path, docx).expect("write");
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().expect("path")])
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_word_report_comes_back_as_word_with_only_its_corrected_number_changed() {
    // 沭阳县发改局 as a Word file, with 本年新收·自然人 written 27 instead of 26.
    let html = std::fs::read_to_string(fixture_path(SHUYANG)).expect("fixture");
    let clean = package(&word_document(&page_blocks(&html)), false);
    let wrong_html = html.replacen(">26</span>", ">27</span>", 1);
    assert_ne!(wrong_html, html, "the transform ran");
    let wrong = package(&word_document(&page_blocks(&wrong_html)), false);
    let input = Input { bytes: &wrong, name: Some("report.docx") };
    let checked = check(&input);
    assert!(checked.count(gouji::Severity::Error) > 0, "{}", describe(&checked));
    let edits = gouji::correct::unique_corrections(&checked).expect("one correction");
    let fixed = gouji::check_edited(&input, &edits);
    let corrected = gouji::correct::patch(&input, &fixed).expect("patched in place");
    // A .docx again, read with no error, and its document.xml is the clean one byte for byte.
    let back = check(&Input { bytes: &corrected, name: Some("report.docx") });
    assert_eq!(back.source.as_ref().map(|s| s.kind), Some(gouji::input::SourceKind::Docx));
    assert_eq!(back.count(gouji::Severity::Error), 0, "{}", describe(&back));
    assert_eq!(document_xml(&corrected), document_xml(&clean));
    assert_ne!(document_xml(&corrected), document_xml(&wrong));
}

#[test]
fn word_numbering_cannot_multiply_the_text() {
    // A list level whose text is %1…%9 a hundred times, counting from 4294967295, on 20 000
    // paragraphs: a 13 KB .docx gave 126 MB of text. A label is 32 characters at most, and
    // all labels together no longer than the document's XML.
    let mut levels = String::new();
    for k in 0..9 {
        levels.push_str(&format!(
            "<w:lvl w:ilvl=\"{k}\"><w:start w:val=\"4294967295\"/><w:numFmt w:val=\"decimal\"/>\
             <w:lvlText w:val=\"{}\"/></w:lvl>",
            "%1%2%3%4%5%6%7%8%9".repeat(100)
        ));
    }
    let numbering = format!(
        "<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{levels}</w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let paragraph = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr>\
                     </w:pPr><w:r><w:t>a</w:t></w:r></w:p>";
    let document =
        word_document(&[]).replace("<w:body>", &format!("<w:body>{}", paragraph.repeat(20_000)));
    let docx = zip(&[
        Part::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::deflated("_rels/.rels", RELS.as_bytes()),
        Part::deflated("word/document.xml", document.as_bytes()),
        Part::deflated("word/numbering.xml", numbering.as_bytes()),
    ]);
    assert!(docx.len() < 32 << 10, "{}", docx.len());
    let (checked, peak) =
        crate::bounds::peak_memory(|| check(&Input { bytes: &docx, name: Some("x.docx") }));
    assert_well_formed(&checked);
    let text = &checked.source.as_ref().expect("read").text;
    assert!(text.len() <= document.len(), "{} bytes of text", text.len());
    assert_eq!(text.lines().count(), 20_000);
    assert!(text.lines().all(|line| line.chars().count() <= 32 + 1), "{}", &text[..200]);
    assert!(peak < 64 << 20, "{peak} bytes");
}
