//! A small, forgiving XML scanner: start tags (with their raw attributes), end tags, text and
//! CDATA, in document order, with the predefined and numeric character references decoded.
//!
//! It reads what Word writes (`word/document.xml`, `_rels/.rels`) and nothing more: comments,
//! processing instructions and the DOCTYPE are skipped; entities declared in a DOCTYPE are
//! never expanded (no "billion laughs"); nesting is not validated (the caller keeps its own
//! stack). Invariants: never panics; one pass over the input, each byte looked at a bounded
//! number of times; every slice it returns starts and ends at an ASCII delimiter, so it is
//! on a `char` boundary.

use std::borrow::Cow;

/// One piece of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    /// `<name attrs>` or `<name attrs/>` (`empty`); `attrs` is raw, see [`attr`].
    Start { name: &'a str, attrs: &'a str, empty: bool },
    /// `</name>`.
    End { name: &'a str },
    /// Character data between tags, undecoded (see [`decode`]).
    Text(&'a str),
    /// The content of `<![CDATA[…]]>`, literal.
    CData(&'a str),
}

/// The events of `xml`, in order. A construct cut off by the end of the input ends the scan.
pub(crate) fn events(xml: &str) -> Events<'_> {
    Events { xml, pos: 0 }
}

/// The iterator returned by [`events`].
pub(crate) struct Events<'a> {
    xml: &'a str,
    pos: usize,
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.xml.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return rest.get(..len).map(Event::Text);
            }
            if let Some(body) = rest.strip_prefix("<!--") {
                self.pos = self.skip_past(body, "-->", 4)?;
                continue;
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>");
                self.pos = self.skip_past(body, "]]>", 9)?;
                return body.get(..end?).map(Event::CData);
            }
            if let Some(body) = rest.strip_prefix("<?") {
                self.pos = self.skip_past(body, "?>", 2)?;
                continue;
            }
            if let Some(body) = rest.strip_prefix("<!") {
                // DOCTYPE (with or without an internal subset) and other declarations.
                let subset = body.find(['[', '>']).and_then(|at| body.as_bytes().get(at));
                let close = if subset == Some(&b'[') { "]>" } else { ">" };
                self.pos = self.skip_past(body, close, 2)?;
                continue;
            }
            if let Some(body) = rest.strip_prefix("</") {
                let end = body.find('>');
                self.pos = self.skip_past(body, ">", 2)?;
                return body.get(..end?).map(|name| Event::End { name: name.trim() });
            }
            let body = rest.get(1..)?;
            let name_len = body
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .unwrap_or(body.len());
            // The tag ends at the first '>' outside a quoted attribute value.
            let mut quote = None;
            let mut end = None;
            for (at, byte) in body.bytes().enumerate().skip(name_len) {
                match (quote, byte) {
                    (Some(q), _) if byte == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(byte),
                    (None, b'>') => {
                        end = Some(at);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(end) = end else {
                self.pos = self.xml.len();
                return None;
            };
            self.pos += 1 + end + 1;
            let inner = body.get(..end)?;
            let empty = inner.ends_with('/');
            let name = inner.get(..name_len)?;
            let attrs = inner.get(name_len..inner.len() - usize::from(empty))?;
            return Some(Event::Start { name, attrs, empty });
        }
    }
}

impl Events<'_> {
    /// The position just past `close` in `body` (which starts `skipped` bytes after the
    /// current position); `None` (and the scan ends) when `close` never comes.
    fn skip_past(&mut self, body: &str, close: &str, skipped: usize) -> Option<usize> {
        let at = body.find(close);
        if at.is_none() {
            self.pos = self.xml.len();
        }
        at.map(|at| self.pos + skipped + at + close.len())
    }
}

/// The value of attribute `name` in raw `attrs` (as in [`Event::Start`]), decoded.
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    attributes(attrs).find(|&(this, _)| this == name).map(|(_, value)| decode(value))
}

/// The `(name, raw value)` pairs of raw `attrs`, up to the first malformed one.
pub(crate) fn attributes(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = attrs;
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        let name_len = rest.find(|c: char| c == '=' || c.is_ascii_whitespace())?;
        let name = rest.get(..name_len)?;
        rest = rest.get(name_len..)?.trim_start().strip_prefix('=')?.trim_start();
        let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        rest = rest.get(1..)?;
        let value_len = rest.find(quote)?;
        let value = rest.get(..value_len)?;
        rest = rest.get(value_len + 1..)?;
        Some((name, value))
    })
}

/// Decodes `&amp; &lt; &gt; &quot; &apos; &#NNN; &#xHH;`; anything else after `&` is kept as
/// written, and a reference to a character that cannot exist becomes U+FFFD.
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        // A reference is at most "&#x10FFFF;" long; look no further than that.
        let reference = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|&end| end <= 8)?;
            let name = after.get(..end)?;
            let ch = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse::<u32>().ok()?,
                    };
                    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
            };
            Some((ch, end + 2))
        });
        let (ch, len) = reference.unwrap_or(('&', 1));
        out.push(ch);
        rest = rest.get(len..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_attributes_text_and_cdata() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><!-- c --><w:p a='1>2' b=\"&lt;\"><w:t>x&amp;y</w:t><w:br/><![CDATA[<raw>]]></w:p>";
        let got: Vec<Event<'_>> = events(xml).collect();
        assert_eq!(
            got,
            [
                Event::Start { name: "w:p", attrs: " a='1>2' b=\"&lt;\"", empty: false },
                Event::Start { name: "w:t", attrs: "", empty: false },
                Event::Text("x&amp;y"),
                Event::End { name: "w:t" },
                Event::Start { name: "w:br", attrs: "", empty: true },
                Event::CData("<raw>"),
                Event::End { name: "w:p" },
            ]
        );
        let Event::Start { attrs, .. } = got[0] else { unreachable!() };
        assert_eq!(attr(attrs, "a").as_deref(), Some("1>2"));
        assert_eq!(attr(attrs, "b").as_deref(), Some("<"));
        assert_eq!(attr(attrs, "c"), None);
        assert_eq!(attr(" w:val = \"restart\" ", "w:val").as_deref(), Some("restart"));
    }

    #[test]
    fn decodes_every_reference_form() {
        assert_eq!(
            decode("&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;&#X41;&nbsp;&#xD800;&#99999999;&"),
            "&<>\"'中文&#X41;&nbsp;\u{FFFD}&#99999999;&"
        );
        assert_eq!(decode("a & b &amp c"), "a & b &amp c");
    }

    #[test]
    fn survives_cut_and_garbled_markup() {
        let xml = "<a b=\"1\"><c>t&#x4E00;</c><!--x--><![CDATA[y]]></a>";
        for len in (0..=xml.len()).filter(|&len| xml.is_char_boundary(len)) {
            let _: Vec<Event<'_>> = events(&xml[..len]).collect();
        }
        for garbage in ["<", "</", "<!", "<!--", "<![CDATA[", "<?", "<a b='", "<a/", "&#x;", "&#;"]
        {
            let _: Vec<Event<'_>> = events(garbage).collect();
            let _ = decode(garbage);
            let _ = attr(garbage, "b");
        }
    }
}
