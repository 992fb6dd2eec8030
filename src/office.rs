//! What gouji writes for Word and WPS: a .docx holding paragraphs and the official tables
//! (merged cells as Word merges them), in a zip of stored entries. Pure: blocks in, bytes out.
//!
//! Invariant: the .docx reads back through gouji's own reader to the same cells
//! (`tests/check` and the page's tests check it), and opens in python-docx (a stand-in for Word and WPS).

use crate::export::PrintedTable;

/// A block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A title or heading (bold).
    Heading(String),
    /// A paragraph of text.
    Paragraph(String),
    /// A table in the official layout (its heading is written before it).
    Table(PrintedTable),
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(text))
}

fn paragraph(text: &str, bold: bool) -> String {
    format!("<w:p>{}</w:p>", run(text, bold))
}

/// A table cell's properties: its merge.
fn cell_props(colspan: usize, vmerge: Option<&str>) -> String {
    let mut props = String::new();
    if colspan > 1 {
        props.push_str(&format!("<w:gridSpan w:val=\"{colspan}\"/>"));
    }
    match vmerge {
        Some("restart") => props.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(_) => props.push_str("<w:vMerge/>"),
        None => {}
    }
    if props.is_empty() { String::new() } else { format!("<w:tcPr>{props}</w:tcPr>") }
}

/// The grid width of a table: rows laid out with what earlier rows' row spans still cover.
fn width(table: &PrintedTable) -> usize {
    let mut covered: Vec<(usize, usize)> = Vec::new(); // (rows left, span) per start column
    let mut widest = 0;
    for row in &table.rows {
        let mut col = 0;
        let mut cells = row.iter();
        loop {
            if let Some(&(left, span)) = covered.get(col).filter(|(left, _)| *left > 0) {
                covered[col] = (left - 1, span);
                col += span;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            if covered.len() < col + cell.colspan {
                covered.resize(col + cell.colspan, (0, 1));
            }
            covered[col] = (cell.rowspan.saturating_sub(1), cell.colspan.max(1));
            col += cell.colspan.max(1);
        }
        widest = widest.max(col);
    }
    widest
}

fn table_xml(table: &PrintedTable) -> String {
    let width = width(table);
    let mut out = String::from(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         </w:tblBorders></w:tblPr><w:tblGrid>",
    );
    for _ in 0..width {
        out.push_str("<w:gridCol w:w=\"800\"/>");
    }
    out.push_str("</w:tblGrid>");
    let mut covered: Vec<(usize, usize)> = vec![(0, 1); width];
    for row in &table.rows {
        out.push_str("<w:tr>");
        let mut col = 0;
        let mut cells = row.iter();
        while col < width {
            if let Some(&(left, span)) = covered.get(col).filter(|(left, _)| *left > 0) {
                covered[col] = (left - 1, span);
                out.push_str(&format!("<w:tc>{}<w:p/></w:tc>", cell_props(span, Some("continue"))));
                col += span;
                continue;
            }
            let Some(cell) = cells.next() else {
                // A short row is padded so that Word's grid stays whole.
                out.push_str("<w:tc><w:p/></w:tc>");
                col += 1;
                continue;
            };
            let span = cell.colspan.max(1);
            let merge = (cell.rowspan > 1).then_some("restart");
            if let Some(slot) = covered.get_mut(col) {
                *slot = (cell.rowspan.saturating_sub(1), span);
            }
            out.push_str(&format!(
                "<w:tc>{}{}</w:tc>",
                cell_props(span, merge),
                paragraph(&cell.text, false)
            ));
            col += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// The `word/document.xml` of `blocks`.
fn document_xml(blocks: &[Block]) -> String {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Heading(text) => body.push_str(&paragraph(text, true)),
            Block::Paragraph(text) => body.push_str(&paragraph(text, false)),
            Block::Table(table) => {
                body.push_str(&paragraph(table.heading, true));
                body.push_str(&table_xml(table));
                body.push_str("<w:p/>");
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
         <w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>"
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

/// A .docx of `blocks`.
pub fn docx(blocks: &[Block]) -> Vec<u8> {
    let document = document_xml(blocks);
    zip_stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// A zip archive of `entries`, stored (not compressed), with a fixed date so that the same
/// document gives the same bytes.
pub(crate) fn zip_stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    const DATE: u16 = (2025 - 1980) << 9 | 1 << 5 | 1; // 2025-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crate::input::zip::crc32(data);
        let size = data.len() as u32;
        let header = |out: &mut Vec<u8>, central_record: bool| {
            if central_record {
                out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
                out.extend_from_slice(&20u16.to_le_bytes()); // made by
            } else {
                out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            }
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
            out.extend_from_slice(&0u16.to_le_bytes()); // stored
            out.extend_from_slice(&0u16.to_le_bytes()); // time
            out.extend_from_slice(&DATE.to_le_bytes());
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_record {
                out.extend_from_slice(&0u16.to_le_bytes()); // comment
                out.extend_from_slice(&0u16.to_le_bytes()); // disk
                out.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name.as_bytes());
        };
        header(&mut out, false);
        out.extend_from_slice(data);
        header(&mut central, true);
    }
    let directory_offset = out.len() as u32;
    let directory_size = central.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, check};

    #[test]
    fn the_official_tables_as_a_docx_read_back_to_the_same_cells() {
        let checked = check(&Input::text(crate::SAMPLE_REPORT));
        let mut blocks = vec![Block::Heading("测试局2023年政府信息公开工作年度报告".into())];
        blocks.extend(crate::export::printed_tables(&checked).into_iter().map(Block::Table));
        let bytes = docx(&blocks);
        assert_eq!(bytes, docx(&blocks), "the same document gives the same bytes");
        let back = check(&Input { bytes: &bytes, name: Some("filled.docx") });
        let cells = |c: &crate::Checked| -> Vec<(String, String)> {
            c.report
                .tables
                .iter()
                .flat_map(|t| &t.cells)
                .map(|c| (c.addr.to_string(), c.value.describe()))
                .collect()
        };
        assert!(back.unreadable.is_none());
        assert_eq!(cells(&back), cells(&checked));
        assert_eq!(back.count(crate::Severity::Error), 0);
    }

    #[test]
    fn merged_cells_keep_the_grid_whole() {
        let checked = check(&Input::text(crate::SAMPLE_REPORT));
        let tables = crate::export::printed_tables(&checked);
        let widths: Vec<usize> = tables.iter().map(width).collect();
        assert_eq!(widths, [4, 10, 15]);
        let xml = table_xml(&tables[1]);
        // Every row of 表三 has 10 grid columns: spans and merge continuations included.
        for row in xml.split("<w:tr>").skip(1) {
            let spans: usize = row
                .split("<w:tc>")
                .skip(1)
                .map(|tc| {
                    tc.split("w:gridSpan w:val=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(1)
                })
                .sum();
            assert_eq!(spans, 10, "{row}");
        }
    }
}
