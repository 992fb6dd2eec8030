//! PDF tokens and objects: the one lexer for the file's object syntax and for content streams.
//!
//! [`Lexer`] turns bytes into [`Token`]s (numbers, names, strings, delimiters, keywords);
//! [`parse`] builds an [`Object`] from them, `N G R` references included.
//!
//! Invariants: never panics and never reads past its slice; every call consumes at least one
//! byte or reports the end, so loops over it terminate; nesting deeper than [`MAX_DEPTH`] is
//! skipped without recursion (it becomes `Null`), so hostile `[[[[…` cannot overflow the stack.

/// Arrays and dictionaries nested deeper than this are skipped (read as `Null`).
pub(crate) const MAX_DEPTH: usize = 32;

/// A PDF object. Streams carry their dictionary and where their bytes are in the file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Object {
    /// `null`, and whatever could not be read.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A name, without its slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// A literal or hexadecimal string, decoded to its bytes.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Object>),
    /// A dictionary.
    Dict(Dict),
    /// An indirect reference `num gen R`.
    Ref(u32, u16),
    /// A stream: its dictionary and its (still encoded) bytes.
    Stream(Box<Stream>),
}

/// A stream object's dictionary and encoded bytes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stream {
    /// The stream dictionary.
    pub(crate) dict: Dict,
    /// Where the encoded bytes are, in the bytes the object was parsed from.
    pub(crate) data: std::ops::Range<usize>,
}

/// A dictionary: keys in file order (a repeated key: the first one counts).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Dict(pub(crate) Vec<(Vec<u8>, Object)>);

impl Dict {
    /// The value of `key`, unresolved.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Object {
    /// The number, if this is one.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match *self {
            #[expect(
                clippy::cast_precision_loss,
                reason = "PDF numbers this large are garbage anyway"
            )]
            Object::Int(n) => Some(n as f64),
            Object::Real(r) if r.is_finite() => Some(r),
            _ => None,
        }
    }

    /// The integer, if this is one (a real with no fraction counts).
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match *self {
            Object::Int(n) => Some(n),
            Object::Real(r) if r.is_finite() && r.fract() == 0.0 && r.abs() < 9.0e15 => {
                Some(r as i64)
            }
            _ => None,
        }
    }

    /// The name's bytes, if this is a name.
    pub(crate) fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(name) => Some(name),
            _ => None,
        }
    }
}

/// One lexical token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// An integer.
    Int(i64),
    /// A real number (also integers too large for `i64`).
    Real(f64),
    /// `/Name`, decoded.
    Name(Vec<u8>),
    /// `(…)` or `<…>`, decoded.
    Str(Vec<u8>),
    /// `[`
    ArrayStart,
    /// `]`
    ArrayEnd,
    /// `<<`
    DictStart,
    /// `>>`
    DictEnd,
    /// Any other run of regular characters: `obj`, `R`, `true`, `Tj`, a stray `{`.
    Keyword(&'a [u8]),
}

/// PDF white-space characters.
pub(crate) fn is_white(byte: u8) -> bool {
    matches!(byte, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// PDF delimiter characters.
pub(crate) fn is_delimiter(byte: u8) -> bool {
    matches!(byte, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(byte: u8) -> bool {
    !is_white(byte) && !is_delimiter(byte)
}

/// Hex digits up to `>` (white space and other bytes skipped, an odd last digit padded with
/// 0), at most `limit` bytes out: the bytes and how much of the input was read (`>` included).
pub(crate) fn hex_decode(input: &[u8], limit: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut high: Option<u8> = None;
    let mut used = input.len();
    for (at, &byte) in input.iter().enumerate() {
        if byte == b'>' {
            used = at + 1;
            break;
        }
        if out.len() >= limit {
            used = at;
            break;
        }
        let Some(value) = hex_value(byte) else { continue };
        match high.take() {
            Some(hi) => out.push(hi << 4 | value),
            None => high = Some(value),
        }
    }
    if let Some(hi) = high {
        out.push(hi << 4);
    }
    (out, used)
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// A cursor over bytes that yields [`Token`]s.
#[derive(Clone, Debug)]
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    /// The next byte to read.
    pub(crate) pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer over `data`, starting at `pos`.
    pub(crate) fn new(data: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer { data, pos }
    }

    /// The bytes this lexer reads.
    pub(crate) fn data(&self) -> &'a [u8] {
        self.data
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.data.get(self.pos.saturating_add(ahead)).copied()
    }

    /// Skips white space and comments.
    pub(crate) fn skip_white(&mut self) {
        while let Some(byte) = self.peek() {
            if is_white(byte) {
                self.pos += 1;
            } else if byte == b'%' {
                while let Some(byte) = self.peek() {
                    if byte == b'\n' || byte == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the data.
    pub(crate) fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let byte = self.peek()?;
        match byte {
            b'[' => {
                self.pos += 1;
                Some(Token::ArrayStart)
            }
            b']' => {
                self.pos += 1;
                Some(Token::ArrayEnd)
            }
            b'<' if self.peek_at(1) == Some(b'<') => {
                self.pos += 2;
                Some(Token::DictStart)
            }
            b'>' if self.peek_at(1) == Some(b'>') => {
                self.pos += 2;
                Some(Token::DictEnd)
            }
            b'<' => Some(Token::Str(self.hex_string())),
            b'(' => Some(Token::Str(self.literal_string())),
            b'/' => Some(Token::Name(self.name())),
            b')' | b'>' | b'{' | b'}' => {
                let start = self.pos;
                self.pos += 1;
                Some(Token::Keyword(self.data.get(start..self.pos).unwrap_or_default()))
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                let word = self.data.get(start..self.pos).unwrap_or_default();
                Some(number(word).unwrap_or(Token::Keyword(word)))
            }
        }
    }

    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut name = Vec::new();
        while let Some(byte) = self.peek().filter(|&b| is_regular(b)) {
            self.pos += 1;
            if byte == b'#'
                && let (Some(hi), Some(lo)) =
                    (self.peek().and_then(hex_value), self.peek_at(1).and_then(hex_value))
            {
                name.push(hi << 4 | lo);
                self.pos += 2;
                continue;
            }
            name.push(byte);
        }
        name
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let (out, used) = hex_decode(self.data.get(self.pos..).unwrap_or_default(), usize::MAX);
        self.pos += used;
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            match byte {
                b'(' => {
                    depth += 1;
                    out.push(byte);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(byte);
                }
                b'\\' => {
                    let Some(escaped) = self.peek() else { break };
                    self.pos += 1;
                    match escaped {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0C),
                        b'0'..=b'7' => {
                            let mut value = u32::from(escaped - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((value & 0xFF) as u8);
                        }
                        // A backslash at the end of a line continues the string.
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(byte),
            }
        }
        out
    }
}

/// Reads a run of regular characters as a number, if it is one.
fn number(word: &[u8]) -> Option<Token<'static>> {
    let (negative, digits) = match word.first()? {
        b'-' => (true, word.get(1..)?),
        b'+' => (false, word.get(1..)?),
        _ => (false, word),
    };
    if digits.is_empty() || !digits.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let dots = digits.split(|&b| b == b'.').count() - 1;
    if dots > 1 || digits == b"." {
        return None;
    }
    if dots == 0 {
        let mut value: i64 = 0;
        let mut fits = true;
        for &d in digits {
            if let Some(v) = value.checked_mul(10).and_then(|v| v.checked_add(i64::from(d - b'0')))
            {
                value = v;
            } else {
                fits = false;
                break;
            }
        }
        if fits {
            return Some(Token::Int(if negative { -value } else { value }));
        }
    }
    let text = std::str::from_utf8(digits).ok()?;
    let text = if text.starts_with('.') { format!("0{text}") } else { text.to_string() };
    let text = text.strip_suffix('.').map_or(text.clone(), str::to_string);
    let value: f64 = text.parse().ok()?;
    Some(Token::Real(if negative { -value } else { value }))
}

/// What [`parse`] read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Parsed<'a> {
    /// An object.
    Object(Object),
    /// A keyword that is not an object (`obj`, `stream`, an operator).
    Keyword(&'a [u8]),
    /// The end of the data.
    End,
}

/// Parses the next object (or keyword) from `lexer`; `N G R` becomes [`Object::Ref`].
pub(crate) fn parse<'a>(lexer: &mut Lexer<'a>) -> Parsed<'a> {
    let Some(token) = lexer.next_token() else { return Parsed::End };
    match token {
        Token::Keyword(word) => match word {
            b"true" => Parsed::Object(Object::Bool(true)),
            b"false" => Parsed::Object(Object::Bool(false)),
            b"null" => Parsed::Object(Object::Null),
            _ => Parsed::Keyword(word),
        },
        Token::Int(n) => Parsed::Object(int_or_ref(lexer, n)),
        Token::ArrayStart | Token::DictStart => Parsed::Object(container(lexer, &token)),
        // A stray closer outside any container reads as nothing.
        Token::ArrayEnd | Token::DictEnd => Parsed::Object(Object::Null),
        Token::Real(r) => Parsed::Object(Object::Real(r)),
        Token::Name(name) => Parsed::Object(Object::Name(name)),
        Token::Str(s) => Parsed::Object(Object::Str(s)),
    }
}

/// After an integer: `num gen R` is a reference; anything else is left for the next read.
fn int_or_ref(lexer: &mut Lexer<'_>, first: i64) -> Object {
    let save = lexer.pos;
    if let Some(Token::Int(generation)) = lexer.next_token()
        && let Some(Token::Keyword(b"R")) = lexer.next_token()
        && let (Ok(num), Ok(generation)) = (u32::try_from(first), u16::try_from(generation))
    {
        return Object::Ref(num, generation);
    }
    lexer.pos = save;
    Object::Int(first)
}

/// An open array or dictionary being built.
enum Frame {
    Array(Vec<Object>),
    Dict(Vec<(Vec<u8>, Object)>, Option<Vec<u8>>),
}

impl Frame {
    fn push(&mut self, value: Object) {
        match self {
            Frame::Array(items) => items.push(value),
            Frame::Dict(entries, key) => match (key.take(), value) {
                (Some(k), value) => entries.push((k, value)),
                (None, Object::Name(name)) => *key = Some(name),
                // A value where a key should be: dropped.
                (None, _) => {}
            },
        }
    }

    fn finish(self) -> Object {
        match self {
            Frame::Array(items) => Object::Array(items),
            Frame::Dict(entries, _) => Object::Dict(Dict(entries)),
        }
    }
}

/// Builds the array or dictionary opened by `open`, with an explicit stack (no recursion).
fn container(lexer: &mut Lexer<'_>, open: &Token<'_>) -> Object {
    let frame = |token: &Token<'_>| {
        if *token == Token::ArrayStart {
            Frame::Array(Vec::new())
        } else {
            Frame::Dict(Vec::new(), None)
        }
    };
    let mut stack: Vec<Frame> = vec![frame(open)];
    // Containers opened beyond MAX_DEPTH: only counted, their content skipped.
    let mut skipped = 0usize;
    loop {
        let before = lexer.pos;
        let Some(token) = lexer.next_token() else {
            // Unterminated: close everything that is open.
            return close_all(stack);
        };
        if skipped > 0 {
            match token {
                Token::ArrayStart | Token::DictStart => skipped += 1,
                Token::ArrayEnd | Token::DictEnd => {
                    skipped -= 1;
                    if skipped == 0
                        && let Some(top) = stack.last_mut()
                    {
                        top.push(Object::Null);
                    }
                }
                _ => {}
            }
            continue;
        }
        let value = match token {
            Token::ArrayStart | Token::DictStart => {
                if stack.len() >= MAX_DEPTH {
                    skipped = 1;
                } else {
                    stack.push(frame(&token));
                }
                continue;
            }
            Token::ArrayEnd | Token::DictEnd => {
                let Some(top) = stack.pop() else { return Object::Null };
                let done = top.finish();
                match stack.last_mut() {
                    Some(parent) => {
                        parent.push(done);
                        continue;
                    }
                    None => return done,
                }
            }
            Token::Int(n) => int_or_ref(lexer, n),
            Token::Real(r) => Object::Real(r),
            Token::Name(name) => Object::Name(name),
            Token::Str(s) => Object::Str(s),
            Token::Keyword(b"true") => Object::Bool(true),
            Token::Keyword(b"false") => Object::Bool(false),
            Token::Keyword(b"null") => Object::Null,
            // `endobj` or `stream` inside an open container: the container was never closed.
            Token::Keyword(b"endobj" | b"stream" | b"obj") => {
                // Left for the caller, which reads the object's end.
                lexer.pos = before;
                return close_all(stack);
            }
            Token::Keyword(_) => continue,
        };
        if let Some(top) = stack.last_mut() {
            top.push(value);
        }
    }
}

/// Closes every open container, innermost first, and returns the outermost.
fn close_all(mut stack: Vec<Frame>) -> Object {
    let mut done: Option<Object> = None;
    while let Some(mut top) = stack.pop() {
        if let Some(child) = done.take() {
            top.push(child);
        }
        done = Some(top.finish());
    }
    done.unwrap_or(Object::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Object {
        match parse(&mut Lexer::new(text.as_bytes(), 0)) {
            Parsed::Object(object) => object,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_every_kind_of_object() {
        assert_eq!(one("42"), Object::Int(42));
        assert_eq!(one("-3.5"), Object::Real(-3.5));
        assert_eq!(one(".5"), Object::Real(0.5));
        assert_eq!(one("4."), Object::Real(4.0));
        assert_eq!(one("/Type#20X"), Object::Name(b"Type X".to_vec()));
        assert_eq!(one("(a\\(b\\)\\101\\\nc (d))"), Object::Str(b"a(b)Ac (d)".to_vec()));
        assert_eq!(one("<4E2 d>"), Object::Str(vec![0x4E, 0x2D]));
        assert_eq!(one("<41 4>"), Object::Str(vec![0x41, 0x40]));
        assert_eq!(one("12 0 R"), Object::Ref(12, 0));
        assert_eq!(
            one("[1 2 R 3 /N (s)]"),
            Object::Array(vec![
                Object::Ref(1, 2),
                Object::Int(3),
                Object::Name(b"N".to_vec()),
                Object::Str(b"s".to_vec())
            ])
        );
        let Object::Dict(dict) = one("<</A 1 % comment\n/B [true null]/C<</D 5 0 R>>>>") else {
            panic!()
        };
        assert_eq!(dict.get(b"A"), Some(&Object::Int(1)));
        assert_eq!(dict.get(b"B"), Some(&Object::Array(vec![Object::Bool(true), Object::Null])));
        let Some(Object::Dict(inner)) = dict.get(b"C") else { panic!() };
        assert_eq!(inner.get(b"D"), Some(&Object::Ref(5, 0)));
    }

    #[test]
    fn keywords_and_operators_are_not_objects() {
        let mut lexer = Lexer::new(b"BT\r/F1 12 Tf<0010>Tj ET", 0);
        let mut seen = Vec::new();
        loop {
            match parse(&mut lexer) {
                Parsed::End => break,
                Parsed::Keyword(word) => seen.push(String::from_utf8_lossy(word).into_owned()),
                Parsed::Object(_) => seen.push("obj".into()),
            }
        }
        assert_eq!(seen, ["BT", "obj", "obj", "Tf", "obj", "Tj", "ET"]);
    }

    #[test]
    fn hostile_nesting_and_truncation_terminate() {
        let deep = "[".repeat(100_000);
        assert!(matches!(one(&deep), Object::Array(_)));
        let deep_dicts = "<</A ".repeat(50_000) + &">>".repeat(50_000);
        assert!(matches!(one(&deep_dicts), Object::Dict(_)));
        // Deep nesting is cut at MAX_DEPTH.
        let mut depth = 0;
        let mut object = one(&format!("{}1{}", "[".repeat(100), "]".repeat(100)));
        while let Object::Array(mut items) = object {
            depth += 1;
            object = items.pop().unwrap_or(Object::Null);
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(one("(unterminated"), Object::Str(b"unterminated".to_vec()));
        assert_eq!(one("<</A 1 endobj"), Object::Dict(Dict(vec![(b"A".to_vec(), Object::Int(1))])));
        assert_eq!(one("99999999999999999999"), Object::Real(1e20));
        assert!(matches!(parse(&mut Lexer::new(b"", 0)), Parsed::End));
    }
}
