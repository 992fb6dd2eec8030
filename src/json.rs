//! The little JSON the engine needs: a total reader (depth- and size-bounded) for decisions
//! files, and a string writer for them and for exports. The core has no serde.

use std::collections::BTreeMap;

/// A JSON value. Numbers stay text: the decisions file only has integers, read on demand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

impl Json {
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Why a text is not JSON: the byte offset where reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError(pub(crate) usize);

const MAX_DEPTH: usize = 64;

/// Reads one JSON value (with surrounding whitespace) from `text`.
pub(crate) fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.space();
    if reader.at == reader.bytes.len() { Ok(value) } else { Err(SyntaxError(reader.at)) }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn error<T>(&self) -> Result<T, SyntaxError> {
        Err(SyntaxError(self.at))
    }

    fn eat(&mut self, literal: &str) -> bool {
        if self.bytes[self.at..].starts_with(literal.as_bytes()) {
            self.at += literal.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.space();
        if depth > MAX_DEPTH {
            return self.error();
        }
        match self.bytes.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut map = BTreeMap::new();
                self.space();
                if self.eat("}") {
                    return Ok(Json::Object(map));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return self.error();
                    }
                    let key = self.string()?;
                    self.space();
                    if !self.eat(":") {
                        return self.error();
                    }
                    let value = self.value(depth + 1)?;
                    map.insert(key, value);
                    self.space();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("}") {
                        return Ok(Json::Object(map));
                    }
                    return self.error();
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat("]") {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("]") {
                        return Ok(Json::Array(items));
                    }
                    return self.error();
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
                if text.parse::<f64>().is_ok() {
                    Ok(Json::Number(text.to_string()))
                } else {
                    Err(SyntaxError(start))
                }
            }
            _ => self.error(),
        }
    }

    /// A string literal; `self.at` is on its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.bytes.get(self.at) {
                None => return self.error(),
                Some(b'"') => {
                    out.push_str(self.slice(run)?);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(run)?);
                    self.at += 1;
                    let escaped = match self.bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) && self.eat("\\u") {
                                self.at -= 1;
                                let low = self.hex4()?;
                                0x10000
                                    + ((high - 0xD800) << 10)
                                    + (low.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                high
                            };
                            self.at -= 1;
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return self.error(),
                    };
                    out.push(escaped);
                    self.at += 1;
                    run = self.at;
                }
                Some(b) if *b < 0x20 => return self.error(),
                Some(_) => self.at += 1,
            }
        }
    }

    fn slice(&self, from: usize) -> Result<&str, SyntaxError> {
        std::str::from_utf8(&self.bytes[from..self.at]).map_err(|_| SyntaxError(from))
    }

    /// Four hex digits after `u` (`self.at` on the `u`); leaves `self.at` after them.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at + 1..self.at + 5).ok_or(SyntaxError(self.at))?;
        let text = std::str::from_utf8(digits).map_err(|_| SyntaxError(self.at))?;
        let code = u32::from_str_radix(text, 16).map_err(|_| SyntaxError(self.at))?;
        self.at += 5;
        Ok(code)
    }
}

/// `text` as a JSON string literal.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes() {
        for text in ["", "a\"b\\c\nd\te", "中文，理由：已核实", "\u{1}\u{2028}", "😀"] {
            assert_eq!(parse(&string(text)), Ok(Json::String(text.to_string())), "{text:?}");
        }
    }

    #[test]
    fn reads_objects_arrays_and_escapes() {
        let value =
            parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "\u4e2d\ud83d\ude00\/"}} "#)
                .expect("json");
        assert_eq!(
            value.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ]))
        );
        assert_eq!(value.get("b").and_then(|b| b.get("c")).and_then(Json::as_str), Some("中😀/"));
    }

    #[test]
    fn rejects_what_is_not_json_without_panicking() {
        for text in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"abc",
            "\"\\u12\"",
            "\"\\ud800\\u\"",
            "01x",
            "[1]]",
            "tru",
            "{\"a\":1,}",
            "\"\u{1}\"",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }
}
