//! The content-stream interpreter: text operators and the transformations they depend on,
//! producing every shown glyph with its position on the page.
//!
//! Handles `BT`/`ET`, `Tf`, `Td`, `TD`, `Tm`, `T*`, `TL`, `Tc`, `Tw`, `Tz`, `Ts`, `Tj`, `TJ`,
//! `'`, `"`, `q`/`Q`, `cm`, and `Do` for Form XObjects (images are ignored; inline images are
//! skipped over). Paths (`m`, `l`, `re`, `h`; curves only move the pen) are kept for one
//! thing: the straight, axis-parallel lines they draw, stroked or filled as thin bars, which
//! are a table's rules ([`Rule`]).
//!
//! Invariants: never panics; every operator and glyph is paid from [`Limits`], so repeated
//! forms or huge streams cannot make the work grow faster than the budget; form recursion is
//! bounded by depth and by a set of the forms being run (a form that draws itself stops);
//! non-finite coordinates are dropped, never laid out.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::document::{Document, Page, as_dict, find};
use super::fonts::{self, Code, Font};
use super::lexer::{Dict, Lexer, Object, Parsed, is_delimiter, is_white};

/// Forms nested deeper than this are not drawn.
const MAX_FORM_DEPTH: usize = 8;
/// `q` nested deeper than this is counted but not saved.
const MAX_SAVE_DEPTH: usize = 64;
/// Operands kept for one operator (the rest are dropped).
const MAX_OPERANDS: usize = 64;

/// An affine transformation `[a b c d e f]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Matrix(pub(crate) [f64; 6]);

impl Matrix {
    pub(crate) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f64, ty: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self × other`: first `self`, then `other`.
    pub(crate) fn then(self, other: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    fn apply_point(self, px: f64, py: f64) -> (f64, f64) {
        let [a, b, c, d, tx, ty] = self.0;
        (px * a + py * c + tx, px * b + py * d + ty)
    }

    fn apply_vector(self, vx: f64, vy: f64) -> (f64, f64) {
        let [a, b, c, d, _, _] = self.0;
        (vx * a + vy * c, vx * b + vy * d)
    }
}

/// One shown glyph, in page space (PDF points, y up).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// Its text; `None` when the font gives none.
    pub(crate) text: Option<std::rc::Rc<str>>,
    /// Origin.
    pub(crate) x: f64,
    /// Origin.
    pub(crate) y: f64,
    /// Advance along the writing direction.
    pub(crate) width: f64,
    /// Font size (the height of one em).
    pub(crate) size: f64,
    /// Unit vector of the writing direction (`(1, 0)` for ordinary text).
    pub(crate) dir: (f64, f64),
    /// Written with a vertical (`-V`) font.
    pub(crate) vertical: bool,
}

/// A straight, axis-parallel line drawn on the page, in page space: a table's rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rule {
    /// One end.
    pub(crate) x0: f64,
    /// One end.
    pub(crate) y0: f64,
    /// The other end.
    pub(crate) x1: f64,
    /// The other end.
    pub(crate) y1: f64,
}

/// Rules kept per page at most (a page of a real report draws a few hundred).
const MAX_RULES: usize = 20_000;
/// A filled shape this thin (in points) is a line, not an area.
const THIN: f64 = 2.5;

/// Work left for the interpreter across the whole file.
#[derive(Debug)]
pub(crate) struct Limits {
    /// Operators still allowed.
    pub(crate) ops: usize,
    /// Glyphs still allowed.
    pub(crate) glyphs: usize,
    /// Bytes of text the glyphs may still carry: each glyph's text is paid as it is made, so
    /// a character map that gives one code a long string cannot grow the text past this.
    pub(crate) text: usize,
}

impl Limits {
    /// Whether a limit ran out: the rest of the file was not read.
    pub(crate) fn exhausted(&self) -> bool {
        self.ops == 0 || self.glyphs == 0 || self.text == 0
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// Runs content streams and collects glyphs.
pub(crate) struct Interpreter<'d, 'a> {
    doc: &'d Document<'a>,
    /// Fonts by the address of their dictionary (stable for the document's life).
    fonts: BTreeMap<usize, Rc<Font>>,
    /// Resources already looked up: (resources, category, name) → object.
    resources: BTreeMap<(usize, &'static [u8], Vec<u8>), &'d Object>,
    /// Forms being run, by address.
    active_forms: Vec<usize>,
    limits: Limits,
    /// The rules drawn on the page being run.
    rules: Vec<Rule>,
}

struct Run<'r> {
    resources: Option<&'r Dict>,
    state: State,
    saved: Vec<State>,
    lost_saves: usize,
    tm: Matrix,
    tlm: Matrix,
    /// The path being built, as subpaths of points in page space, each with whether it is
    /// closed.
    path: Vec<(Vec<(f64, f64)>, bool)>,
}

impl<'d, 'a> Interpreter<'d, 'a> {
    /// An interpreter for `doc` with `limits`.
    pub(crate) fn new(doc: &'d Document<'a>, limits: Limits) -> Interpreter<'d, 'a> {
        Interpreter {
            doc,
            fonts: BTreeMap::new(),
            resources: BTreeMap::new(),
            active_forms: Vec::new(),
            limits,
            rules: Vec::new(),
        }
    }

    /// Whether a limit ran out, so that the rest of the file was not read.
    pub(crate) fn exhausted(&self) -> bool {
        self.limits.exhausted()
    }

    /// The rules drawn since the last call (the page just run).
    pub(crate) fn take_rules(&mut self) -> Vec<Rule> {
        std::mem::take(&mut self.rules)
    }

    /// The glyphs of one page, in drawing order.
    pub(crate) fn page(&mut self, page: &Page<'d>) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        let state = State {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        // Streams of one page are one content stream split in parts: the state carries over.
        let mut data = Vec::new();
        for stream in &page.contents {
            if let Some(part) = self.doc.stream_data(stream) {
                data.extend_from_slice(&part);
                data.push(b'\n');
            }
        }
        self.run(&data, page.resources, state, 0, &mut glyphs);
        glyphs
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&'d Dict>,
        state: State,
        depth: usize,
        glyphs: &mut Vec<Glyph>,
    ) {
        let mut run = Run {
            resources,
            state,
            saved: Vec::new(),
            lost_saves: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Vec::new(),
        };
        let mut lexer = Lexer::new(data, 0);
        let mut operands: Vec<Object> = Vec::new();
        loop {
            if self.limits.exhausted() {
                return;
            }
            match super::lexer::parse(&mut lexer) {
                Parsed::End => return,
                Parsed::Object(object) => {
                    if operands.len() < MAX_OPERANDS {
                        operands.push(object);
                    }
                    self.limits.ops -= 1;
                }
                Parsed::Keyword(op) => {
                    self.limits.ops -= 1;
                    if op == b"BI" {
                        skip_inline_image(&mut lexer);
                    } else {
                        self.operator(op, &operands, &mut run, depth, glyphs);
                    }
                    operands.clear();
                }
            }
        }
    }

    fn operator(
        &mut self,
        op: &[u8],
        operands: &[Object],
        run: &mut Run<'d>,
        depth: usize,
        glyphs: &mut Vec<Glyph>,
    ) {
        let num = |idx: usize| operands.get(idx).and_then(Object::as_f64).unwrap_or(0.0);
        let matrix = || Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
        match op {
            b"q" => {
                if run.saved.len() < MAX_SAVE_DEPTH {
                    run.saved.push(run.state.clone());
                } else {
                    run.lost_saves += 1;
                }
            }
            b"Q" => {
                if run.lost_saves > 0 {
                    run.lost_saves -= 1;
                } else if let Some(state) = run.saved.pop() {
                    run.state = state;
                }
            }
            b"cm" if operands.len() >= 6 => run.state.ctm = matrix().then(run.state.ctm),
            b"BT" => {
                run.tm = Matrix::IDENTITY;
                run.tlm = Matrix::IDENTITY;
            }
            b"Tf" => {
                run.state.size = num(1);
                run.state.font = operands
                    .first()
                    .and_then(Object::as_name)
                    .map(|name| self.font(run.resources, name));
            }
            b"Tc" => run.state.char_spacing = num(0),
            b"Tw" => run.state.word_spacing = num(0),
            b"Tz" => run.state.scale = num(0) / 100.0,
            b"TL" => run.state.leading = num(0),
            b"Ts" => run.state.rise = num(0),
            b"Td" => next_line(run, num(0), num(1)),
            b"TD" => {
                run.state.leading = -num(1);
                next_line(run, num(0), num(1));
            }
            b"Tm" if operands.len() >= 6 => {
                run.tm = matrix();
                run.tlm = run.tm;
            }
            b"T*" => next_line(run, 0.0, -run.state.leading),
            b"Tj" => {
                if let Some(Object::Str(bytes)) = operands.first() {
                    self.show(bytes, run, glyphs);
                }
            }
            b"'" => {
                next_line(run, 0.0, -run.state.leading);
                if let Some(Object::Str(bytes)) = operands.first() {
                    self.show(bytes, run, glyphs);
                }
            }
            b"\"" => {
                run.state.word_spacing = num(0);
                run.state.char_spacing = num(1);
                next_line(run, 0.0, -run.state.leading);
                if let Some(Object::Str(bytes)) = operands.get(2) {
                    self.show(bytes, run, glyphs);
                }
            }
            b"TJ" => {
                let Some(Object::Array(items)) = operands.first() else { return };
                let vertical = run.state.font.as_ref().is_some_and(|f| f.vertical);
                for item in items {
                    match item {
                        Object::Str(bytes) => self.show(bytes, run, glyphs),
                        other => {
                            let adjust = -other.as_f64().unwrap_or(0.0) / 1000.0 * run.state.size;
                            let shift = if vertical {
                                Matrix::translate(0.0, adjust)
                            } else {
                                Matrix::translate(adjust * run.state.scale, 0.0)
                            };
                            run.tm = shift.then(run.tm);
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(name) = operands.first().and_then(Object::as_name) {
                    self.form(name, run, depth, glyphs);
                }
            }
            b"m" if operands.len() >= 2 => {
                let point = run.state.ctm.apply_point(num(0), num(1));
                if run.path.len() < MAX_RULES {
                    run.path.push((vec![point], false));
                }
            }
            b"l" if operands.len() >= 2 => {
                let point = run.state.ctm.apply_point(num(0), num(1));
                let room = run.path.len() < MAX_RULES;
                match run.path.last_mut() {
                    Some((points, false)) if points.len() < MAX_RULES => points.push(point),
                    _ if room => run.path.push((vec![point], false)),
                    _ => {}
                }
            }
            // A curve only moves the pen: it starts a new subpath at its end.
            b"c" | b"v" | b"y" if operands.len() >= 4 => {
                let point =
                    run.state.ctm.apply_point(num(operands.len() - 2), num(operands.len() - 1));
                if run.path.len() < MAX_RULES {
                    run.path.push((vec![point], false));
                }
            }
            b"h" => {
                if let Some((points, closed)) = run.path.last_mut() {
                    *closed = true;
                    // The pen goes back to the start; a further `l` starts a new subpath.
                    if let Some(&start) = points.first() {
                        run.path.push((vec![start], false));
                    }
                }
            }
            b"re" if operands.len() >= 4 => {
                let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                let ctm = run.state.ctm;
                let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                    .map(|(px, py)| ctm.apply_point(px, py));
                if run.path.len() < MAX_RULES {
                    run.path.push((corners.to_vec(), true));
                }
            }
            b"S" | b"s" => self.paint(run, true, false),
            b"f" | b"F" | b"f*" => self.paint(run, false, true),
            b"B" | b"B*" | b"b" | b"b*" => self.paint(run, true, true),
            b"n" => run.path.clear(),
            _ => {}
        }
    }

    /// Keeps the axis-parallel lines of the current path: its straight edges when stroked,
    /// and its thin bars (a subpath no wider than [`THIN`]) when filled; then ends the path.
    fn paint(&mut self, run: &mut Run<'d>, stroke: bool, fill: bool) {
        for (points, closed) in std::mem::take(&mut run.path) {
            if stroke {
                let closing = if closed { points.first().zip(points.last()) } else { None };
                let edges = points.windows(2).filter_map(|w| w.first().zip(w.get(1)));
                for (&(x0, y0), &(x1, y1)) in edges.chain(closing.map(|(a, b)| (b, a))) {
                    self.rule(Rule { x0, y0, x1, y1 });
                }
            }
            if fill && points.len() >= 3 {
                let (mut left, mut right, mut bottom, mut top) =
                    (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
                for &(x, y) in &points {
                    (left, right, bottom, top) =
                        (left.min(x), right.max(x), bottom.min(y), top.max(y));
                }
                let (width, height) = (right - left, top - bottom);
                if height <= THIN && width > height {
                    let y = f64::midpoint(top, bottom);
                    self.rule(Rule { x0: left, y0: y, x1: right, y1: y });
                } else if width <= THIN && height > width {
                    let x = f64::midpoint(left, right);
                    self.rule(Rule { x0: x, y0: bottom, x1: x, y1: top });
                }
            }
        }
    }

    fn rule(&mut self, rule: Rule) {
        let Rule { x0, y0, x1, y1 } = rule;
        let finite = [x0, y0, x1, y1].iter().all(|v| v.is_finite() && v.abs() < 1.0e7);
        let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
        let straight = (dy <= 0.5 && dx >= 1.0) || (dx <= 0.5 && dy >= 1.0);
        if finite && straight && self.rules.len() < MAX_RULES {
            self.rules.push(rule);
        }
    }

    /// `resources[category][name]`, resolved. Dictionaries are searched linearly, so the
    /// first lookup of a name pays for the search from the operator budget and is cached.
    fn resource(
        &mut self,
        resources: Option<&'d Dict>,
        category: &'static [u8],
        name: &[u8],
    ) -> Option<&'d Object> {
        let doc = self.doc;
        let resources = resources?;
        let key = (std::ptr::from_ref(resources) as usize, category, name.to_vec());
        if let Some(&object) = self.resources.get(&key) {
            return Some(object);
        }
        let group = doc.get_dict(resources, category);
        let cost = resources.0.len().saturating_add(group.map_or(0, |g| g.0.len()));
        self.limits.ops = self.limits.ops.saturating_sub(cost);
        let object = doc.get(group?, name);
        self.resources.insert(key, object);
        Some(object)
    }

    fn font(&mut self, resources: Option<&'d Dict>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let Some(dict) = self.resource(resources, b"Font", name).and_then(as_dict) else {
            return Rc::new(fonts::missing());
        };
        let key = std::ptr::from_ref(dict) as usize;
        if let Some(font) = self.fonts.get(&key) {
            return Rc::clone(font);
        }
        let font = Rc::new(Font::load(doc, dict));
        // Reading widths and CMaps is work too: a thousand fonts sharing one huge /W array
        // must not be read a thousand times for free.
        self.limits.ops = self.limits.ops.saturating_sub(font.cost);
        self.fonts.insert(key, Rc::clone(&font));
        font
    }

    fn show(&mut self, bytes: &[u8], run: &mut Run<'d>, glyphs: &mut Vec<Glyph>) {
        let Some(font) = run.state.font.clone() else { return };
        let mut codes: Vec<Code> = Vec::new();
        font.decode(bytes, &mut codes);
        let state = &run.state;
        for code in codes {
            let text_len = code.text.as_ref().map_or(3, |text| text.len());
            if self.limits.glyphs == 0 || self.limits.text < text_len {
                self.limits.text = 0;
                return;
            }
            self.limits.glyphs -= 1;
            self.limits.text -= text_len;
            crate::work::add(text_len);
            let render = Matrix([state.size * state.scale, 0.0, 0.0, state.size, 0.0, state.rise])
                .then(run.tm)
                .then(state.ctm);
            let text_to_page = run.tm.then(state.ctm);
            let spacing = state.char_spacing + if code.is_space { state.word_spacing } else { 0.0 };
            let (glyph_w, advance) = if font.vertical {
                (state.size, -state.size + spacing)
            } else {
                let w = code.width * state.size;
                (w * state.scale, (w + spacing) * state.scale)
            };
            let (wx, wy) = if font.vertical {
                text_to_page.apply_vector(0.0, -glyph_w)
            } else {
                text_to_page.apply_vector(glyph_w, 0.0)
            };
            let (hx, hy) = render.apply_vector(0.0, 1.0);
            let (dx, dy) = if font.vertical {
                text_to_page.apply_vector(0.0, -1.0)
            } else {
                text_to_page.apply_vector(1.0, 0.0)
            };
            let norm = dx.hypot(dy);
            let glyph = Glyph {
                text: code.text,
                x: render.0[4],
                y: render.0[5],
                width: wx.hypot(wy),
                size: hx.hypot(hy),
                dir: if norm > 0.0 { (dx / norm, dy / norm) } else { (1.0, 0.0) },
                vertical: font.vertical,
            };
            if [glyph.x, glyph.y, glyph.width, glyph.size, glyph.dir.0, glyph.dir.1]
                .iter()
                .all(|v| v.is_finite() && v.abs() < 1.0e7)
            {
                glyphs.push(glyph);
            }
            run.tm = if font.vertical {
                Matrix::translate(0.0, advance)
            } else {
                Matrix::translate(advance, 0.0)
            }
            .then(run.tm);
        }
    }

    fn form(&mut self, name: &[u8], run: &Run<'d>, depth: usize, glyphs: &mut Vec<Glyph>) {
        let doc = self.doc;
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let Some(object) = self.resource(run.resources, b"XObject", name) else { return };
        let Object::Stream(stream) = object else { return };
        if doc.get(&stream.dict, b"Subtype").as_name() != Some(b"Form") {
            return;
        }
        let key = std::ptr::from_ref(&**stream) as usize;
        if self.active_forms.contains(&key) {
            return;
        }
        let Some(data) = doc.stream_data(stream) else { return };
        let mut state = run.state.clone();
        if let Object::Array(items) = doc.get(&stream.dict, b"Matrix") {
            let values: Vec<f64> = items.iter().filter_map(|i| doc.resolve(i).as_f64()).collect();
            if let [a, b, c, d, e, f] = values[..] {
                state.ctm = Matrix([a, b, c, d, e, f]).then(state.ctm);
            }
        }
        let resources = doc.get_dict(&stream.dict, b"Resources").or(run.resources);
        self.active_forms.push(key);
        self.run(&data, resources, state, depth + 1, glyphs);
        self.active_forms.pop();
    }
}

fn next_line(run: &mut Run<'_>, tx: f64, ty: f64) {
    run.tlm = Matrix::translate(tx, ty).then(run.tlm);
    run.tm = run.tlm;
}

/// Skips `… ID <binary> EI` after `BI`.
fn skip_inline_image(lexer: &mut Lexer<'_>) {
    // The image dictionary, up to `ID`.
    loop {
        match super::lexer::parse(lexer) {
            Parsed::End => return,
            Parsed::Keyword(b"ID") => break,
            _ => {}
        }
    }
    let data = lexer.data();
    let mut at = lexer.pos.saturating_add(1);
    while let Some(pos) = find(data, b"EI", at) {
        let before = pos.checked_sub(1).and_then(|p| data.get(p)).is_some_and(|&b| is_white(b));
        let after = data.get(pos + 2).is_none_or(|&b| is_white(b) || is_delimiter(b));
        if before && after {
            lexer.pos = pos + 2;
            return;
        }
        at = pos + 2;
    }
    lexer.pos = data.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::pdf::filters::Budget;

    fn glyphs_of(pdf: &str) -> Vec<Glyph> {
        let doc = Document::parse(pdf.as_bytes(), Budget::new(1 << 20), Budget::new(1 << 20));
        let mut interpreter =
            Interpreter::new(&doc, Limits { ops: 100_000, glyphs: 100_000, text: 1 << 20 });
        doc.pages().iter().flat_map(|page| interpreter.page(page)).collect()
    }

    fn simple_pdf(content: &str) -> String {
        format!(
            "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n\
             2 0 obj <</Type/Pages/Kids[3 0 R]>> endobj\n\
             3 0 obj <</Type/Page/Resources<</Font<</F1 4 0 R>>/XObject<</X 6 0 R>>>>/Contents 5 0 R>> endobj\n\
             4 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica/FirstChar 32/Widths[250 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 500 500]/Encoding/WinAnsiEncoding>> endobj\n\
             5 0 obj <</Length {}>>stream\n{content}\nendstream endobj\n\
             6 0 obj <</Type/XObject/Subtype/Form/Matrix[1 0 0 1 0 -100]/Length 23>>stream\nBT /F1 10 Tf (1) Tj ET/X Do\nendstream endobj\n",
            content.len() + 1
        )
    }

    fn rules_of(content: &str) -> Vec<Rule> {
        let pdf = simple_pdf(content);
        let doc = Document::parse(pdf.as_bytes(), Budget::new(1 << 20), Budget::new(1 << 20));
        let mut interpreter =
            Interpreter::new(&doc, Limits { ops: 100_000, glyphs: 100_000, text: 1 << 20 });
        let pages = doc.pages();
        let page = pages.first().expect("a page");
        interpreter.page(page);
        interpreter.take_rules()
    }

    #[test]
    fn rules_are_the_straight_lines_stroked_and_the_thin_bars_filled() {
        let rules = rules_of(
            "q 1 0 0 1 10 0 cm 0 100 m 50 100 l 50 50 l S Q \
             10 10 m 40 40 l S \
             0 0 100 0.5 re f \
             0 0 200 300 re f \
             0 0 595 842 re W n \
             5 5 m 5 60 l",
        );
        assert_eq!(
            rules,
            [
                Rule { x0: 10.0, y0: 100.0, x1: 60.0, y1: 100.0 },
                Rule { x0: 60.0, y0: 100.0, x1: 60.0, y1: 50.0 },
                Rule { x0: 0.0, y0: 0.25, x1: 100.0, y1: 0.25 },
            ],
            "the diagonal, the large fill, the clip and the unpainted path draw no rule"
        );
        // A stroked rectangle is its four edges; `h` closes a subpath.
        assert_eq!(rules_of("0 0 10 20 re S").len(), 4);
        assert_eq!(
            rules_of("0 0 m 10 0 l 10 10 l h S").len(),
            2,
            "the closing diagonal is no rule"
        );
    }

    #[test]
    fn positions_follow_the_text_and_graphics_matrices() {
        let glyphs = glyphs_of(&simple_pdf(
            "q 2 0 0 2 10 20 cm BT /F1 12 Tf 1 0 0 1 5 5 Tm (0 1) Tj 0 -20 Td [(1) -1000 (0)] TJ ET Q",
        ));
        let seen: Vec<(&str, f64, f64)> =
            glyphs.iter().map(|g| (g.text.as_deref().unwrap_or("?"), g.x, g.y)).collect();
        assert_eq!(
            seen,
            [
                ("0", 20.0, 30.0),
                (" ", 32.0, 30.0),
                ("1", 38.0, 30.0),
                ("1", 20.0, -10.0),
                ("0", 56.0, -10.0)
            ]
        );
        // Exact in binary floating point: small integers and halves.
        assert!(glyphs.iter().all(|g| g.size.to_bits() == 24f64.to_bits() && g.dir.1.abs() < 1e-9));
        assert_eq!(glyphs[0].width.to_bits(), 12f64.to_bits());
    }

    #[test]
    fn forms_are_drawn_once_per_use_and_never_recurse() {
        let glyphs = glyphs_of(&simple_pdf("BT /F1 10 Tf 0 0 Td (0) Tj ET /X Do /X Do"));
        let ys: Vec<f64> = glyphs.iter().map(|g| g.y).collect();
        assert_eq!(ys, [0.0, -100.0, -100.0]);
    }

    #[test]
    fn inline_images_and_garbage_are_skipped() {
        let glyphs = glyphs_of(&simple_pdf(
            "BI /W 2 /H 2 ID \x01EI\x02 EI BT /F1 10 Tf (0) Tj ET ] >> Tj 1e999 Td BT /Nope 5 Tf (1) Tj ET",
        ));
        let texts: Vec<Option<&str>> = glyphs.iter().map(|g| g.text.as_deref()).collect();
        assert_eq!(texts, [Some("0"), None]);
    }
}
