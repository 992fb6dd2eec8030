//! The object graph: objects found by scanning for `N G obj … endobj`, object streams,
//! trailers, references, and the page tree.
//!
//! The cross-reference table is not read at all: real files often carry a broken one, and
//! scanning finds every object a reader could find through it. When an object number is
//! defined twice (incremental updates), the later definition in the file wins.
//!
//! Invariants: never panics; each object is parsed once, within the bytes up to the next
//! object header (a stream may run past it only when its direct `/Length` says so), so the
//! scan is linear; references are followed a bounded number of hops and the page tree is
//! walked with a visited set, so reference cycles end.

use std::collections::{BTreeMap, BTreeSet};

use super::filters::{self, Budget, Filter};
use super::lexer::{Dict, Lexer, Object, Parsed, Stream, is_delimiter, is_white};

/// More pages than this are not read.
pub(crate) const MAX_PAGES: usize = 10_000;

static NULL: Object = Object::Null;

/// A parsed PDF file.
pub(crate) struct Document<'a> {
    bytes: &'a [u8],
    objects: BTreeMap<u32, Object>,
    trailers: Vec<Dict>,
    /// Shared by the content, form and object streams of this file.
    budget: Budget,
    /// Shared by the CMaps of this file: fonts load when first used, and a huge content
    /// stream must not leave them nothing.
    font_budget: Budget,
}

/// One page: its resources and content streams, inherited values resolved.
pub(crate) struct Page<'d> {
    /// `/Resources`, possibly inherited from a parent node.
    pub(crate) resources: Option<&'d Dict>,
    /// `/Contents`: the page's content streams, in order.
    pub(crate) contents: Vec<&'d Stream>,
    /// `/MediaBox` as `[left, bottom, right, top]`, possibly inherited; `None` if unusable.
    pub(crate) media_box: Option<[f64; 4]>,
}

/// What a page inherits from the nodes above it.
#[derive(Clone, Copy, Default)]
struct Inherited<'d> {
    resources: Option<&'d Dict>,
    media_box: Option<[f64; 4]>,
}

/// Position of one `N G obj` header.
struct Header {
    num: u32,
    /// Where `N` starts.
    start: usize,
    /// Just after `obj`.
    body: usize,
}

impl<'a> Document<'a> {
    /// Scans `bytes` for objects and trailers. The budgets bound the bytes decoded from
    /// content streams and from CMaps.
    pub(crate) fn parse(bytes: &'a [u8], budget: Budget, font_budget: Budget) -> Document<'a> {
        let mut doc =
            Document { bytes, objects: BTreeMap::new(), trailers: Vec::new(), budget, font_budget };
        let headers = find_headers(bytes);
        // (position, number, object): later positions win.
        let mut found: Vec<(usize, u32, Object)> = Vec::with_capacity(headers.len());
        let mut covered = 0usize;
        for (idx, header) in headers.iter().enumerate() {
            if header.start < covered {
                // Inside the previous object's stream data.
                continue;
            }
            let limit = headers
                .iter()
                .skip(idx + 1)
                .find(|h| h.start >= header.body)
                .map_or(bytes.len(), |h| h.start);
            let (object, end) = parse_indirect(bytes, header.body, limit);
            covered = end;
            found.push((header.start, header.num, object));
        }
        // Trailer dictionaries and cross-reference streams (which carry the trailer's keys).
        for (_, _, object) in &found {
            if let Object::Stream(stream) = object
                && stream.dict.get(b"Type").and_then(Object::as_name) == Some(b"XRef")
            {
                doc.trailers.push(stream.dict.clone());
            }
        }
        // Each trailer is read up to the next one (and at most 64 KB): linear in the file.
        let mut starts = Vec::new();
        let mut at = 0;
        while let Some(pos) = find(bytes, b"trailer", at) {
            at = pos + 7;
            starts.push(at);
        }
        for (idx, &start) in starts.iter().enumerate() {
            let next = starts.get(idx + 1).map_or(bytes.len(), |n| n.saturating_sub(7));
            let limit = next.min(start.saturating_add(64 * 1024));
            let mut lexer = Lexer::new(bytes.get(..limit).unwrap_or_default(), start);
            if let Parsed::Object(Object::Dict(dict)) = super::lexer::parse(&mut lexer) {
                doc.trailers.push(dict);
            }
        }
        // Objects inside object streams take the position of their stream.
        let mut packed: Vec<(usize, u32, Object)> = Vec::new();
        for (pos, _, object) in &found {
            if let Object::Stream(stream) = object
                && stream.dict.get(b"Type").and_then(Object::as_name) == Some(b"ObjStm")
            {
                for (num, inner) in doc.object_stream(stream) {
                    packed.push((*pos, num, inner));
                }
            }
        }
        found.extend(packed);
        crate::sort::sort_by_key(&mut found, |(pos, _, _)| *pos);
        for (_, num, object) in found {
            doc.objects.insert(num, object);
        }
        doc
    }

    /// Whether a trailer names an `/Encrypt` dictionary.
    pub(crate) fn is_encrypted(&self) -> bool {
        self.trailers.iter().any(|t| t.get(b"Encrypt").is_some_and(|e| *e != Object::Null))
    }

    /// How many objects were found.
    #[cfg(test)]
    pub(crate) fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Follows references (a bounded number of hops); a missing object is `Null`.
    pub(crate) fn resolve<'o>(&'o self, mut object: &'o Object) -> &'o Object {
        for _ in 0..16 {
            match object {
                Object::Ref(num, _) => object = self.objects.get(num).unwrap_or(&NULL),
                _ => return object,
            }
        }
        &NULL
    }

    /// `dict[key]`, resolved.
    pub(crate) fn get<'o>(&'o self, dict: &'o Dict, key: &[u8]) -> &'o Object {
        dict.get(key).map_or(&NULL, |value| self.resolve(value))
    }

    /// `dict[key]` as a dictionary (a stream's dictionary counts).
    pub(crate) fn get_dict<'o>(&'o self, dict: &'o Dict, key: &[u8]) -> Option<&'o Dict> {
        as_dict(self.get(dict, key))
    }

    /// `dict[key]` as a number.
    pub(crate) fn get_f64(&self, dict: &Dict, key: &[u8]) -> Option<f64> {
        self.get(dict, key).as_f64()
    }

    /// The decoded bytes of `stream`; `None` for unsupported filters or a spent budget.
    pub(crate) fn stream_data(&self, stream: &Stream) -> Option<Vec<u8>> {
        self.decode(stream, &self.budget)
    }

    /// The decoded bytes of a font's stream (a CMap), from the fonts' own budget.
    pub(crate) fn font_data(&self, stream: &Stream) -> Option<Vec<u8>> {
        self.decode(stream, &self.font_budget)
    }

    fn decode(&self, stream: &Stream, budget: &Budget) -> Option<Vec<u8>> {
        let data = self.bytes.get(stream.data.clone())?;
        let names: Vec<&Object> = match self.get(&stream.dict, b"Filter") {
            Object::Array(items) => items.iter().map(|i| self.resolve(i)).collect(),
            Object::Null => Vec::new(),
            other => vec![other],
        };
        let parms: Vec<Option<&Dict>> = match self.get(&stream.dict, b"DecodeParms") {
            Object::Array(items) => items.iter().map(|i| as_dict(self.resolve(i))).collect(),
            other => vec![as_dict(other)],
        };
        let mut chain = Vec::with_capacity(names.len());
        for (idx, name) in names.iter().enumerate() {
            chain.push(Filter { name: name.as_name()?, parms: parms.get(idx).copied().flatten() });
        }
        filters::decode(data, &chain, budget)
    }

    /// The objects packed in an object stream (`/Type /ObjStm`).
    fn object_stream(&self, stream: &Stream) -> Vec<(u32, Object)> {
        let Some(data) = self.stream_data(stream) else { return Vec::new() };
        let count = stream.dict.get(b"N").and_then(Object::as_i64).unwrap_or(0);
        let first = stream.dict.get(b"First").and_then(Object::as_i64).unwrap_or(0);
        let (Ok(count), Ok(first)) = (usize::try_from(count), usize::try_from(first)) else {
            return Vec::new();
        };
        let mut lexer = Lexer::new(data.get(..first.min(data.len())).unwrap_or_default(), 0);
        let mut index: Vec<(u32, usize)> = Vec::new();
        while index.len() < count {
            let (Some(super::lexer::Token::Int(num)), Some(super::lexer::Token::Int(offset))) =
                (lexer.next_token(), lexer.next_token())
            else {
                break;
            };
            let (Ok(num), Ok(offset)) = (u32::try_from(num), usize::try_from(offset)) else {
                break;
            };
            index.push((num, first.saturating_add(offset)));
        }
        let mut out = Vec::with_capacity(index.len());
        for (idx, &(num, start)) in index.iter().enumerate() {
            let end = index
                .get(idx + 1)
                .map_or(data.len(), |next| next.1)
                .clamp(start.min(data.len()), data.len());
            let mut lexer = Lexer::new(data.get(..end).unwrap_or_default(), start.min(end));
            if let Parsed::Object(object) = super::lexer::parse(&mut lexer) {
                out.push((num, object));
            }
        }
        out
    }

    /// The document catalog: the trailer's `/Root`, else the last `/Type /Catalog` object.
    fn catalog(&self) -> Option<&Dict> {
        for trailer in self.trailers.iter().rev() {
            if let Some(root) = self.get_dict(trailer, b"Root")
                && root.get(b"Pages").is_some()
            {
                return Some(root);
            }
        }
        self.objects.values().rev().filter_map(as_dict).find(|d| {
            d.get(b"Type").and_then(Object::as_name) == Some(b"Catalog")
                && d.get(b"Pages").is_some()
        })
    }

    /// The pages in order: the page tree from the catalog, else every `/Type /Page` object in
    /// object-number order.
    pub(crate) fn pages(&self) -> Vec<Page<'_>> {
        let mut pages = Vec::new();
        if let Some(root) = self.catalog().and_then(|c| c.get(b"Pages")) {
            self.walk_tree(root, &mut pages);
        }
        if pages.is_empty() {
            for object in self.objects.values() {
                if let Some(dict) = as_dict(object)
                    && dict.get(b"Type").and_then(Object::as_name) == Some(b"Page")
                    && pages.len() < MAX_PAGES
                {
                    pages.push(self.page(dict, Inherited::default()));
                }
            }
        }
        pages
    }

    fn walk_tree<'d>(&'d self, root: &'d Object, pages: &mut Vec<Page<'d>>) {
        let mut visited: BTreeSet<u32> = BTreeSet::new();
        // (node, what it inherits from its ancestors)
        let mut stack: Vec<(&'d Object, Inherited<'d>)> = vec![(root, Inherited::default())];
        let mut steps = 0usize;
        while let Some((node, inherited)) = stack.pop() {
            steps += 1;
            if steps > self.objects.len().saturating_mul(2).saturating_add(16)
                || pages.len() >= MAX_PAGES
            {
                break;
            }
            if let Object::Ref(num, _) = node
                && !visited.insert(*num)
            {
                continue;
            }
            let Some(dict) = as_dict(self.resolve(node)) else { continue };
            let inherited = Inherited {
                resources: self.get_dict(dict, b"Resources").or(inherited.resources),
                media_box: self.media_box(dict).or(inherited.media_box),
            };
            match self.get(dict, b"Kids") {
                Object::Array(kids)
                    if dict.get(b"Type").and_then(Object::as_name) != Some(b"Page") =>
                {
                    for kid in kids.iter().rev() {
                        stack.push((kid, inherited));
                    }
                }
                _ => pages.push(self.page(dict, inherited)),
            }
        }
    }

    /// A usable `/MediaBox` of `dict`, normalized.
    fn media_box(&self, dict: &Dict) -> Option<[f64; 4]> {
        let Object::Array(items) = self.get(dict, b"MediaBox") else { return None };
        let values: Vec<f64> = items.iter().filter_map(|i| self.resolve(i).as_f64()).collect();
        let [x0, y0, x1, y1] = values[..] else { return None };
        let (left, right) = (x0.min(x1), x0.max(x1));
        let (bottom, top) = (y0.min(y1), y0.max(y1));
        (right - left > 1.0 && top - bottom > 1.0).then_some([left, bottom, right, top])
    }

    fn page<'d>(&'d self, dict: &'d Dict, inherited: Inherited<'d>) -> Page<'d> {
        let resources = self.get_dict(dict, b"Resources").or(inherited.resources);
        let media_box = self.media_box(dict).or(inherited.media_box);
        let contents = match self.get(dict, b"Contents") {
            Object::Array(items) => items
                .iter()
                .filter_map(|item| match self.resolve(item) {
                    Object::Stream(stream) => Some(&**stream),
                    _ => None,
                })
                .collect(),
            Object::Stream(stream) => vec![&**stream],
            _ => Vec::new(),
        };
        Page { resources, contents, media_box }
    }
}

/// A dictionary, or a stream's dictionary.
pub(crate) fn as_dict(object: &Object) -> Option<&Dict> {
    match object {
        Object::Dict(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

/// The first occurrence of `needle` in `haystack` at or after `from`.
pub(crate) fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while let Some(rest) = haystack.get(at..) {
        let offset = rest.iter().position(|&b| b == first)?;
        let candidate = at + offset;
        if haystack.get(candidate..candidate.saturating_add(needle.len())) == Some(needle) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
    None
}

/// Every `N G obj` header, in file order.
fn find_headers(bytes: &[u8]) -> Vec<Header> {
    let mut headers = Vec::new();
    let mut at = 0;
    while let Some(pos) = find(bytes, b"obj", at) {
        at = pos + 3;
        if bytes.get(at).is_some_and(|&b| !is_white(b) && !is_delimiter(b)) {
            continue;
        }
        // Backwards: white space, generation digits, white space, object number digits.
        let mut cursor = pos;
        let skip_white = |cursor: &mut usize| {
            let mut n = 0;
            while *cursor > 0 && bytes.get(*cursor - 1).is_some_and(|&b| is_white(b)) && n < 64 {
                *cursor -= 1;
                n += 1;
            }
        };
        let digits = |cursor: &mut usize| -> Option<u64> {
            let end = *cursor;
            while *cursor > 0 && bytes.get(*cursor - 1).is_some_and(u8::is_ascii_digit) {
                *cursor -= 1;
                if end - *cursor > 10 {
                    return None;
                }
            }
            let text = std::str::from_utf8(bytes.get(*cursor..end)?).ok()?;
            text.parse().ok()
        };
        skip_white(&mut cursor);
        let Some(generation) = digits(&mut cursor) else { continue };
        let before_white = cursor;
        skip_white(&mut cursor);
        if cursor == before_white {
            continue;
        }
        let Some(num) = digits(&mut cursor) else { continue };
        if cursor > 0 && bytes.get(cursor - 1).is_some_and(|&b| !is_white(b) && !is_delimiter(b)) {
            continue;
        }
        let (Ok(num), true) = (u32::try_from(num), generation <= 65_535) else { continue };
        headers.push(Header { num, start: cursor, body: at });
    }
    headers
}

/// Parses the object after `N G obj` at `body`, within `bytes[..limit]` unless a stream's
/// direct `/Length` reaches further. Returns the object and where it ends.
fn parse_indirect(bytes: &[u8], body: usize, limit: usize) -> (Object, usize) {
    let window = bytes.get(..limit).unwrap_or(bytes);
    let mut lexer = Lexer::new(window, body);
    let object = match super::lexer::parse(&mut lexer) {
        Parsed::Object(object) => object,
        Parsed::Keyword(_) | Parsed::End => return (Object::Null, lexer.pos),
    };
    let Object::Dict(dict) = object else { return (object, lexer.pos) };
    let after_dict = lexer.pos;
    if !matches!(super::lexer::parse(&mut lexer), Parsed::Keyword(b"stream")) {
        return (Object::Dict(dict), after_dict);
    }
    // The data starts after the end of line that follows `stream`.
    let mut start = lexer.pos;
    if bytes.get(start) == Some(&b'\r') {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    let declared =
        dict.get(b"Length").and_then(Object::as_i64).and_then(|n| usize::try_from(n).ok());
    if let Some(length) = declared
        && let Some(end) = start.checked_add(length)
        && end <= bytes.len()
    {
        let mut probe = end;
        while bytes.get(probe).is_some_and(|&b| is_white(b)) && probe < end + 64 {
            probe += 1;
        }
        if bytes.get(probe..probe + 9) == Some(b"endstream") {
            return (Object::Stream(Box::new(Stream { dict, data: start..end })), probe + 9);
        }
    }
    let (mut end, after) = match find(window, b"endstream", start) {
        Some(at) => (at, at + 9),
        None => (window.len().max(start), window.len().max(start)),
    };
    if end > start && bytes.get(end - 1) == Some(&b'\n') {
        end -= 1;
    }
    if end > start && bytes.get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    (Object::Stream(Box::new(Stream { dict, data: start..end })), after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_objects_without_an_xref_table_and_follows_references() {
        let pdf = b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n\
            2 0 obj<</Type/Pages/Kids[3 0 R 4 0 R]/Resources<</X 1>>/MediaBox[0 842 595 0]>>endobj\r\
            3 0 obj <</Type/Page/Contents 5 0 R>> endobj\n\
            4 0 obj <</Type/Page/Parent 2 0 R/Resources<</Y 2>>/MediaBox[0 0 100 842]>> endobj\n\
            5 0 obj <</Length 5>>stream\nq Q\n\nendstream endobj\n\
            xref garbage\ntrailer <</Root 1 0 R/Size 6>>\n%%EOF";
        let doc = Document::parse(pdf, Budget::new(1 << 20), Budget::new(1 << 20));
        assert_eq!(doc.object_count(), 5);
        assert!(!doc.is_encrypted());
        let pages = doc.pages();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].resources.and_then(|r| r.get(b"X")), Some(&Object::Int(1)));
        assert_eq!(pages[1].resources.and_then(|r| r.get(b"Y")), Some(&Object::Int(2)));
        assert_eq!(pages[0].media_box, Some([0.0, 0.0, 595.0, 842.0]), "inherited");
        assert_eq!(pages[1].media_box, Some([0.0, 0.0, 100.0, 842.0]));
        assert_eq!(doc.stream_data(pages[0].contents[0]).as_deref(), Some(&b"q Q\n\n"[..]));
    }

    #[test]
    fn object_streams_cycles_and_encryption() {
        let packed = b"7 0 8 12 <</Type/Page>> <</Type/Pages/Kids[7 0 R 8 0 R 9 0 R]>>";
        let pdf = format!(
            "%PDF-1.5\n6 0 obj <</Type/ObjStm/N 2/First 9/Length {}>>stream\n{}\nendstream endobj\n\
             9 0 obj <</Type/Pages/Kids[9 0 R 8 0 R]>> endobj\n\
             1 0 obj <</Type/Catalog/Pages 8 0 R>> endobj\ntrailer<</Root 1 0 R/Encrypt 3 0 R>>",
            packed.len(),
            String::from_utf8_lossy(packed)
        );
        let doc = Document::parse(pdf.as_bytes(), Budget::new(1 << 20), Budget::new(1 << 20));
        assert!(doc.is_encrypted());
        // 8 → [7 (a page), 8 (a cycle), 9 → [9 (cycle), 8 (seen)]]: one page, no loop.
        assert_eq!(doc.pages().len(), 1);
    }
}
