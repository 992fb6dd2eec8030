//! HTML → plain text, with every table row rendered as one tab-separated line.
//!
//! A saved government page, or the `text/html` a browser, Word or WPS puts on the clipboard,
//! is read through its tables: each `<table>` is read into a [`Grid`] (cells with their
//! `rowspan`/`colspan`), which lays them out and writes one line per row with its cells in
//! column order. [`Writer`] is what a page's elements come to (blocks on their own lines,
//! whitespace collapsed, tables as grids); a Word document is written through it too.
//!
//! Invariants: linear in the input; never panics on malformed markup; spans and counts from
//! attributes are clamped so that garbage cannot allocate a huge grid; [`render_bounded`]
//! stops at a length and a number of cells, so markup that multiplies into text (empty cells
//! with wide spans, millions of `<td>`) cannot hold many times its size.

use super::grid::{Grid, MAX_SPAN, collapse};

/// Renders an HTML document as text (see the module doc).
#[cfg(test)]
pub(crate) fn render(html: &str) -> String {
    render_bounded(html, usize::MAX).0
}

/// Cells read at most per 32 bytes of markup (a cell holds about 40 bytes before its text).
const BYTES_PER_CELL: usize = 32;

/// Renders an HTML document as text, stopping once the text is about `limit` bytes long or the
/// cells read would hold more than the markup itself; the flag says it stopped.
pub(crate) fn render_bounded(html: &str, limit: usize) -> (String, bool) {
    let mut writer = Writer::new(limit, html.len());
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut truncated = false;
    while i < bytes.len() {
        crate::work::add(1);
        if writer.full() {
            truncated = true;
            break;
        }
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..].find("-->").map_or(bytes.len(), |end| i + 4 + end + 3);
                continue;
            }
            if let Some(tag) = parse_tag(html, i) {
                let end = tag.end;
                if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
                    // Skip everything up to the matching close tag.
                    let close = format!("</{}", tag.name);
                    i = find_ascii_ci(html, end, &close).map_or(bytes.len(), |at| {
                        html[at..].find('>').map_or(bytes.len(), |gt| at + gt + 1)
                    });
                    if tag.name == "title" {
                        let inner = &html[end..i.min(html.len())];
                        let inner = inner.rsplit_once("</").map_or(inner, |(text, _)| text);
                        writer.title(&decode_entities(inner));
                    }
                    continue;
                }
                writer.tag(&tag);
                i = end;
                continue;
            }
        }
        let from = if bytes[i] == b'<' { i + 1 } else { i };
        let next = html[from..].find('<').map_or(bytes.len(), |at| from + at);
        crate::work::add(next - i);
        writer.text(&decode_entities(&html[i..next]));
        i = next;
    }
    let (out, cut) = writer.finish();
    (out, truncated || cut)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Elements whose content is never document text. `title` is kept separately.
const RAW_TEXT: &[&str] = &["script", "style", "title", "noscript", "template", "textarea", "svg"];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "form",
    "center",
    "address",
    "caption",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "body",
    "html",
    "head",
];

struct Tag {
    name: String,
    closing: bool,
    rowspan: usize,
    colspan: usize,
    end: usize,
}

fn parse_tag(html: &str, start: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b':') {
        i += 1;
    }
    if i == name_start {
        // `<!DOCTYPE …>`, `<?xml …?>`: skip to '>'.
        if matches!(bytes.get(start + 1), Some(b'!' | b'?')) {
            let end = html[start..].find('>').map_or(bytes.len(), |gt| start + gt + 1);
            return Some(Tag { name: String::new(), closing: true, rowspan: 1, colspan: 1, end });
        }
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    // Find the end of the tag, honouring quoted attribute values.
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            Some(_) | None => {}
        }
        i += 1;
    }
    let attrs = &html[attrs_start..i.min(bytes.len())];
    Some(Tag {
        name,
        closing,
        rowspan: span_attr(attrs, "rowspan"),
        colspan: span_attr(attrs, "colspan"),
        end: (i + 1).min(bytes.len()),
    })
}

fn span_attr(attrs: &str, name: &str) -> usize {
    let Some(at) = find_ascii_ci(attrs, 0, name) else { return 1 };
    let rest = attrs[at + name.len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else { return 1 };
    let digits: String = rest
        .trim_start()
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .take(4)
        .collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, MAX_SPAN)
}

fn find_ascii_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len())
        .find(|&at| hay[at..at + needle.len()].eq_ignore_ascii_case(needle))
        .filter(|&at| haystack.is_char_boundary(at))
}

/// A table being read, and whether a cell of it is open.
#[derive(Default)]
struct OpenTable {
    grid: Grid,
    in_cell: bool,
}

/// Writes a document's text as a saved page shows it: blocks on their own lines, HTML
/// whitespace collapsed, each table laid out by [`Grid`] (a nested table becomes text inside
/// the enclosing cell). [`render_bounded`] drives it with the page's tags; [`super::docx`]
/// with the same events a saved Word page gives, so a .docx reads exactly like a page.
pub(crate) struct Writer {
    out: String,
    tables: Vec<OpenTable>,
    pre_depth: usize,
    title: Option<String>,
    /// Cells read so far.
    cells: usize,
    /// The text is full past this length…
    limit: usize,
    /// …or past this many cells.
    cell_limit: usize,
}

impl Writer {
    /// A writer that is full once its text is longer than `limit` or it has read more cells
    /// than one per [`BYTES_PER_CELL`] bytes of the `markup` length (at least 65 536).
    pub(crate) fn new(limit: usize, markup: usize) -> Self {
        Writer {
            out: String::new(),
            tables: Vec::new(),
            pre_depth: 0,
            title: None,
            cells: 0,
            limit,
            cell_limit: (markup / BYTES_PER_CELL).max(1 << 16),
        }
    }

    /// Whether the text or the cells read have reached the writer's limits.
    pub(crate) fn full(&self) -> bool {
        self.out.len() > self.limit || self.cells > self.cell_limit
    }

    fn title(&mut self, text: &str) {
        let text = collapse(text);
        if self.title.is_none() && !text.trim().is_empty() {
            self.title = Some(text.trim().to_string());
        }
    }

    fn tag(&mut self, tag: &Tag) {
        match (tag.name.as_str(), tag.closing) {
            ("table", false) => self.open_table(),
            ("table", true) => self.close_table(),
            ("tr", false) => self.row(),
            ("td" | "th", false) => self.cell(tag.rowspan, tag.colspan),
            ("td" | "th", true) => self.end_cell(),
            ("pre", false) => {
                self.pre_depth += 1;
                self.block();
            }
            ("pre", true) => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.block();
            }
            (name, _) if BLOCKS.contains(&name) => self.block(),
            _ => {}
        }
    }

    /// `<table>`.
    pub(crate) fn open_table(&mut self) {
        self.tables.push(OpenTable::default());
    }

    /// `</table>`: the table is written, or becomes text of the enclosing cell.
    pub(crate) fn close_table(&mut self) {
        if let Some(table) = self.tables.pop() {
            let rendered = table.grid.render();
            if let Some(outer) = self.tables.last_mut() {
                // A nested table becomes text inside the enclosing cell.
                outer.grid.push_text(&rendered.replace(['\n', '\t'], " "));
            } else {
                self.newline();
                self.out.push_str(&rendered);
                self.newline();
            }
        }
    }

    /// `<tr>`.
    pub(crate) fn row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.grid.push_row();
            table.in_cell = false;
        }
    }

    /// `<td>` with its spans.
    pub(crate) fn cell(&mut self, rowspan: usize, colspan: usize) {
        self.cells += 1;
        if let Some(table) = self.tables.last_mut() {
            table.grid.push_cell(rowspan, colspan);
            table.in_cell = true;
        }
    }

    /// `</td>`.
    pub(crate) fn end_cell(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.in_cell = false;
        }
    }

    /// A block element's start or end (`<p>`, `<br>`, …): a new line, or a space in a cell.
    pub(crate) fn block(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            if table.in_cell {
                table.grid.push_text(" ");
            }
        } else {
            self.newline();
        }
    }

    fn newline(&mut self) {
        let trimmed_len = self.out.trim_end_matches([' ']).len();
        self.out.truncate(trimmed_len);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// Text between tags (entities decoded).
    pub(crate) fn text(&mut self, text: &str) {
        if let Some(table) = self.tables.last_mut() {
            if table.in_cell {
                table.grid.push_text(&collapse(text));
            }
            // Text between cells (whitespace, stray characters) is not part of the table.
            return;
        }
        if self.pre_depth > 0 {
            self.out.push_str(text);
            return;
        }
        let collapsed = collapse(text);
        if collapsed == " " && (self.out.is_empty() || self.out.ends_with(['\n', ' '])) {
            return;
        }
        self.out.push_str(&collapsed);
    }

    /// The text, with tables still open written out and runs of blank lines made one; cut
    /// at the limit (the flag says it was).
    pub(crate) fn finish(mut self) -> (String, bool) {
        // Unclosed tables still count.
        while let Some(table) = self.tables.pop() {
            let rendered = table.grid.render();
            self.newline();
            self.out.push_str(&rendered);
        }
        let mut out = String::with_capacity(self.out.len() + 64);
        if let Some(title) = self.title {
            out.push_str(&title);
            out.push('\n');
        }
        for line in self.out.lines() {
            let line = line.trim_matches(' ');
            if !line.is_empty() || !out.ends_with("\n\n") {
                out.push_str(line);
                out.push('\n');
            }
        }
        if out.len() > self.limit {
            // Tables closed at the end may still add a grid's worth.
            out.truncate(floor_char_boundary(&out, self.limit));
            return (out, true);
        }
        (out, false)
    }
}

/// Decodes character references; unknown names are left as written.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(|c: char| !c.is_ascii_alphanumeric() && c != '#').map(|e| e + 1);
        let Some(end) = end.filter(|&e| e > 1 && e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let value = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            value.and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        if let Some(ch) = decoded {
            out.push(ch);
            rest = &rest[end..];
            if rest.starts_with(';') {
                rest = &rest[1..];
            }
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{A0}',
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "copy" => '©',
        "reg" => '®',
        "yen" => '¥',
        "deg" => '°',
        "plusmn" => '±',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "permil" => '‰',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_rows_with_merged_cells_on_a_grid() {
        let html = "<p>标题</p><table><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td>\
                    <td>1</td><td colspan=2></td></tr><tr><td>（二）部分公开</td><td>2</td><td>3</td><td>4</td></tr></table><p>完</p>";
        let text = render(html);
        assert_eq!(
            text,
            "标题\n三、本年度办理结果\t（一）予以公开\t1\t\t\n（二）部分公开\t2\t3\t4\n完\n"
        );
    }

    #[test]
    fn skips_scripts_comments_and_decodes_entities() {
        let html = "<title>报告</title><script>var a='<td>';</script><!-- x --><p>A&nbsp;&amp;&#x4E00;&lt;</p>";
        assert_eq!(render(html), "报告\nA\u{A0}&一<\n");
    }

    #[test]
    fn survives_garbage() {
        for html in ["<", "<td>", "<table><td colspan=99999999>", "&#xFFFFFFFF;", "<a href='>"] {
            let _ = render(html);
        }
    }
}
