//! Stage 1: [`Source`](crate::input::Source) text → normalized text + [`SourceMap`].
//!
//! What matching and number parsing need, and nothing else: Traditional → Simplified
//! (char for char), pinyin annotations removed (`區(qū)` → `区`, `開(kai)(kai)` → `开`, and set
//! apart with a tone mark: `復 (fù) 議`) while real brackets stay (`(一)`, `(單位:萬元)`),
//! full-width ASCII → ASCII, NBSP/ideographic spaces → space, zero-width characters dropped,
//! thousands separators dropped (`1,234`), page-number lines (`- 4 -`, `— 5 —`, `第3页`) blanked,
//! Word comment residue (`<!--[if !supportLists]-->`) dropped, and what converters' markdown
//! puts in a table's cells: `<br>` a line break, a backtick (code span) dropped.
//!
//! Invariants: the output never contains a full-width digit, `\r`, or a zero-width character;
//! normalizing twice gives the same text; every output byte maps back into the source with a
//! monotone [`SourceMap`], so a cell can be highlighted in what the user pasted.

mod map;
mod t2s;
mod t2s_table;

pub use map::SourceMap;

/// Normalized text and its way back to the source.
#[derive(Clone, Debug)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Normalized byte offset → source byte offset.
    pub map: SourceMap,
}

/// Normalizes `source` (see the module doc).
pub fn normalize(source: &str) -> Normalized {
    let mut out =
        Out { text: String::with_capacity(source.len()), map: SourceMap::for_source(source.len()) };
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if is_page_number_line(body) {
            if line.ends_with('\n') {
                out.push('\n', line_start + line.len() - 1, 1);
            }
        } else {
            normalize_line(line, line_start, &mut out);
        }
        line_start += line.len();
    }
    Normalized { text: out.text, map: out.map }
}

struct Out {
    text: String,
    map: SourceMap,
}

impl Out {
    fn push(&mut self, ch: char, raw: usize, raw_len: usize) {
        let norm = self.text.len();
        self.text.push(ch);
        self.map.record(norm, ch.len_utf8(), raw, raw_len);
    }

    /// Copies the characters at the start of `text` (at `raw` in the source) that need no
    /// context ([`without_context`]), converted, and returns how many bytes it took.
    fn push_run(&mut self, text: &str, raw: usize) -> usize {
        let mut norm = self.text.len();
        let bytes = text.as_bytes();
        let direct = t2s::direct();
        let mut taken = 0;
        // Characters that stay as they are (most of them) are copied a stretch at a time.
        let mut unchanged = 0;
        // Where the current run of the map began (a pinyin annotation skipped ends one).
        let mut run_start = 0;
        while let Some(&lead) = bytes.get(taken) {
            // A pinyin annotation after a CJK character (`區(qū)`) is skipped here, as the
            // loop of `normalize_line` would: the run goes on after it.
            if lead == b'(' || (lead == 0xEF && text[taken..].starts_with('（')) {
                let before = text[unchanged..taken].chars().rev().chain(self.text.chars().rev());
                if let Some(skip) = annotation(before, text, taken) {
                    self.text.push_str(&text[unchanged..taken]);
                    if taken > run_start {
                        self.map.record(
                            norm,
                            taken - run_start,
                            raw + run_start,
                            taken - run_start,
                        );
                    }
                    taken += skip;
                    (unchanged, run_start, norm) = (taken, taken, self.text.len());
                    continue;
                }
                // A real bracket: `(` stays as it is, `（` becomes `(` (a full-width form, below).
                if lead == b'(' {
                    crate::work::add(1);
                    taken += 1;
                    continue;
                }
            }
            // A full-width form (U+FF01..U+FF5E: `，`, `：`, `（`) becomes its ASCII character,
            // recorded as the loop of `normalize_line` records it (the run so far, then the
            // character), and the run goes on: the seed's 370 of them each ended a run and went
            // one by one through that loop. A `，` after a digit may separate thousands: left
            // to the loop. (No full-width form converts T→S.)
            if lead == 0xEF
                && let Some(c) = text.get(taken..).and_then(|rest| rest.chars().next())
                && ('\u{FF01}'..='\u{FF5E}').contains(&c)
            {
                // A full-width backtick is dropped and a `＜` may open a `<br>`, as their ASCII
                // forms: left to the loop.
                if c == '\u{FF40}' || c == '\u{FF1C}' {
                    break;
                }
                let mapped = char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c);
                let before = if taken > unchanged {
                    bytes.get(taken - 1)
                } else {
                    self.text.as_bytes().last()
                };
                if mapped == ',' && before.is_some_and(u8::is_ascii_digit) {
                    break;
                }
                crate::work::add(1);
                self.text.push_str(&text[unchanged..taken]);
                if taken > run_start {
                    self.map.record(norm, taken - run_start, raw + run_start, taken - run_start);
                }
                self.map.record(self.text.len(), 1, raw + taken, c.len_utf8());
                self.text.push(mapped);
                taken += c.len_utf8();
                (unchanged, run_start, norm) = (taken, taken, self.text.len());
                continue;
            }
            // What `without_context` says, on the bytes for ASCII and the CJK block.
            let (out, len) = if lead < 0x80 {
                // A comma after a digit may separate thousands (left to the loop); after
                // anything else it stays.
                let after_digit = || {
                    let before = if taken > unchanged {
                        bytes.get(taken - 1)
                    } else {
                        self.text.as_bytes().last()
                    };
                    before.is_some_and(u8::is_ascii_digit)
                };
                if matches!(lead, b'<' | b'\r' | b'`') || (lead == b',' && after_digit()) {
                    break;
                }
                crate::work::add(1);
                taken += 1;
                continue;
            } else if (0xE4..=0xE9).contains(&lead) && taken + 2 < bytes.len() {
                let code = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(bytes[taken + 1] & 0x3F) << 6)
                    | u32::from(bytes[taken + 2] & 0x3F);
                match code.checked_sub(t2s::FIRST).and_then(|k| direct.get(k as usize)) {
                    Some(0) => {
                        crate::work::add(1);
                        taken += 3;
                        continue;
                    }
                    Some(&t2s::CONTEXTUAL) => break,
                    Some(&s) => match char::from_u32(u32::from(s)) {
                        Some(out) => (out, 3),
                        None => break,
                    },
                    None => {
                        let Some(c) = char::from_u32(code) else { break };
                        let Some(out) = without_context(c) else { break };
                        (out, 3)
                    }
                }
            } else {
                let Some(c) = text.get(taken..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let Some(out) = without_context(c) else { break };
                if out == c {
                    crate::work::add(1);
                    taken += c.len_utf8();
                    continue;
                }
                (out, c.len_utf8())
            };
            if out.len_utf8() != len {
                break;
            }
            self.text.push_str(&text[unchanged..taken]);
            self.text.push(out);
            taken += len;
            unchanged = taken;
            crate::work::add(1);
        }
        self.text.push_str(&text[unchanged..taken]);
        if taken > run_start {
            self.map.record(norm, taken - run_start, raw + run_start, taken - run_start);
        }
        taken
    }

    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }
}

fn normalize_line(line: &str, line_start: usize, out: &mut Out) {
    // Traditional → Simplified char for char (the char count stays), each character as it is
    // reached: nothing is kept per character, so one line of 64 MB costs no more than many.
    // Set once a `<!--` has no `-->` after it: no later one on this line has either, and
    // searching again after every `<!--` would be quadratic.
    let mut unclosed_comment = false;
    let mut at = 0;
    while let Some(original) = line.get(at..).and_then(|rest| rest.chars().next()) {
        // A run of characters whose output is theirs or their Simplified form whatever comes
        // before or after them (most of a report) is copied in one go, as the loop below
        // would one by one.
        let run = out.push_run(&line[at..], line_start + at);
        if run > 0 {
            at += run;
            continue;
        }
        crate::work::add(1);
        let raw_len = original.len_utf8();
        let ch = t2s::convert_at(line, at, original);
        let raw = line_start + at;
        // Word comment residue: <!--[if …]--> … <!--[endif]-->, and any other <!-- … -->.
        if original == '<' && !unclosed_comment && line[at..].starts_with("<!--") {
            if let Some(end) = line[at..].find("-->") {
                crate::work::add(end);
                at += end + 3;
                continue;
            }
            crate::work::add(line.len() - at);
            unclosed_comment = true;
        }
        // A line break inside a markdown table's cell, as converters write it (`国家秘<br>密`,
        // `2<br>6`): a line break, so that a label reads whole and a number wrapped in a
        // narrow cell is not taken for digits on one line.
        if matches!(original, '<' | '＜')
            && let Some(len) = line_break_tag(&line[at..])
        {
            out.push('\n', raw, len);
            at += len;
            continue;
        }
        // Pinyin annotations: CJK char followed by (pinyin), possibly repeated or cut short.
        if matches!(ch, '(' | '（')
            && let Some(skip) = annotation(out.text.chars().rev(), line, at)
        {
            at += skip;
            continue;
        }
        let digits_follow = || is_thousands_separator(line, at, ch);
        let mapped = match ch {
            c if dropped(c) => {
                at += raw_len;
                continue;
            }
            '\u{A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                // A thin space inside a number is a thousands separator.
                if out.last().is_some_and(|c| c.is_ascii_digit()) && digits_follow() {
                    at += raw_len;
                    continue;
                }
                ' '
            }
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(ch) - 0xFEE0).unwrap_or(ch),
            '\u{FE59}' => '(',
            '\u{FE5A}' => ')',
            _ => ch,
        };
        if mapped == ',' && out.last().is_some_and(|c| c.is_ascii_digit()) && digits_follow() {
            at += raw_len;
            continue;
        }
        out.push(mapped, raw, raw_len);
        at += raw_len;
    }
}

/// Characters the loop of [`normalize_line`] turns into their Simplified form (or keeps)
/// wherever they stand: ASCII but for `<` (comments, line breaks), `(` (pinyin), `,`
/// (thousands), `` ` `` (dropped) and `\r`, CJK ideographs whose conversion does not depend on their neighbours, and other
/// characters the loop keeps as they are.
fn without_context(c: char) -> Option<char> {
    if c.is_ascii() {
        (!matches!(c, '<' | '(' | ',' | '\r' | '`')).then_some(c)
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        t2s::without_context(c)
    } else {
        // Outside the CJK block nothing converts (`。`, `、`, quotes); what the loop maps or
        // drops (spaces, zero-width characters, full-width forms such as `，`) is left to it.
        (!matches!(
            c,
            '\u{A0}'
                | '\u{AD}'
                | '\u{2000}'..='\u{200D}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{2060}'
                | '\u{3000}'
                | '\u{FE59}'
                | '\u{FE5A}'
                | '\u{FEFF}'
                | '\u{FF01}'..='\u{FF5E}'
        ))
        .then_some(c)
    }
}

/// The bytes to skip at `at` of `line` (a bracket) when a pinyin annotation stands there after
/// a CJK character (`before`: the text before it, last character first): right after it
/// (`區(qū)`), or set apart by a few spaces when the annotation has a tone mark (`復 (fù) 議`: a
/// PDF extractor writes the annotation, in another font, as a word of its own). A real
/// bracket stays (`(一)`, `(单位:万元)`, `年报 (pdf)`).
fn annotation(mut before: impl Iterator<Item = char>, line: &str, at: usize) -> Option<usize> {
    let mut last = before.next()?;
    let mut spaces = 0;
    while last == ' ' && spaces < 4 {
        spaces += 1;
        last = before.next()?;
    }
    if !is_cjk(last) {
        return None;
    }
    let skip = pinyin_group(line, at)?;
    let toned = || {
        line.get(at..at + skip)
            .is_some_and(|g| g.chars().any(|c| !c.is_ascii() && is_pinyin_letter(c)))
    };
    (spaces == 0 || toned()).then_some(skip)
}

/// Characters the text loses: `\r`, invisible ones, and the backtick, markdown's code-span mark
/// (a converter sets text of another font, such as pinyin annotations, as code: `復 `(fù)` 議`);
/// no report's word has one (nor its full-width form, which would become one).
fn dropped(c: char) -> bool {
    matches!(
        c,
        '\r' | '`' | '\u{FF40}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// The length in bytes of an HTML line break tag at the start of `rest` (`<br>`, `<br/>`,
/// `<br />`, any case), read as the loop of [`normalize_line`] would write it (full-width forms,
/// other spaces, characters it drops), so that what normalizes to a tag is one the first time.
fn line_break_tag(rest: &str) -> Option<usize> {
    const TAGS: [&str; 3] = ["<br>", "<br/>", "<br />"];
    let mut seen = String::with_capacity(8);
    for (at, c) in rest.char_indices() {
        crate::work::add(1);
        let ascii = match c {
            c if dropped(c) => continue,
            '\u{A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0)?,
            c => c,
        };
        seen.push(ascii.to_ascii_lowercase());
        if TAGS.contains(&seen.as_str()) {
            return Some(at + c.len_utf8());
        }
        if !TAGS.iter().any(|tag| tag.starts_with(seen.as_str())) {
            return None;
        }
    }
    None
}

/// `(qū)`, `(kai)(kai)`, a trailing unterminated `(f` at byte `at` of `line`: returns how many
/// bytes to skip. Read on the bytes: no character of a group converts (T→S changes CJK
/// ideographs only, which are neither pinyin letters nor brackets).
fn pinyin_group(line: &str, at: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let char_at = |k: usize| match bytes.get(k) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => line.get(k..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    let mut skipped = 0;
    loop {
        let start = at + skipped;
        let mut k = match char_at(start) {
            Some(open @ ('(' | '（')) => start + open.len_utf8(),
            _ => break,
        };
        let mut letters = 0;
        let after = loop {
            // Most letters are ASCII.
            if letters < 7 && bytes.get(k).is_some_and(u8::is_ascii_lowercase) {
                crate::work::add(1);
                letters += 1;
                k += 1;
                continue;
            }
            let Some(c) = char_at(k) else { break None };
            crate::work::add(1);
            if is_pinyin_letter(c) && letters < 7 {
                letters += 1;
                k += c.len_utf8();
            } else {
                break Some(c);
            }
        };
        if letters == 0 || letters > 6 {
            break;
        }
        match after {
            Some(close @ (')' | '）')) => skipped = k + close.len_utf8() - at,
            // Cut off at the end of the line: "(f".
            None => skipped = line.len() - at,
            Some(_) => break,
        }
    }
    (skipped > 0).then_some(skipped)
}

fn is_pinyin_letter(ch: char) -> bool {
    ch.is_ascii_lowercase()
        || matches!(
            ch,
            'ā' | 'á'
                | 'ǎ'
                | 'à'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
                | 'ī'
                | 'í'
                | 'ǐ'
                | 'ì'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
                | 'ū'
                | 'ú'
                | 'ǔ'
                | 'ù'
                | 'ǖ'
                | 'ǘ'
                | 'ǚ'
                | 'ǜ'
                | 'ü'
                | 'ń'
                | 'ň'
                | 'ǹ'
                | 'ḿ'
        )
}

/// True for CJK ideographs (the chars pinyin annotations follow).
pub(crate) fn is_cjk(ch: char) -> bool {
    matches!(ch, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Whether `sep` at byte `at` of `line`, between two digits, separates thousands: only when
/// the whole run of digit groups it joins reads as one grouped number, `1,139` or
/// `12 345 678` (a first group of one to three digits not starting with 0, then groups of
/// exactly three, all joined by the same character). In `290,3,0,0,0,0,293` (a row of
/// comma-separated cells: CSV) and `0,293` it is a cell separator. Looks at 8 groups either
/// way at most, four characters at a time: constant work per separator (a run of more than
/// eight groups, 10²⁴ and up, is no count a report holds).
fn is_thousands_separator(line: &str, at: usize, sep: char) -> bool {
    let sep_len = sep.len_utf8();
    let is_digit = |c: char| to_ascii_digit(c).is_some();
    let digits_before = |s: &str| s.chars().next_back().is_some_and(is_digit);
    // The groups after: exactly three digits each.
    let mut after = line.get(at + sep_len..).unwrap_or_default();
    for _ in 0..8 {
        if after.chars().take(4).take_while(|&c| is_digit(c)).count() != 3 {
            return false;
        }
        let group: usize = after.chars().take(3).map(char::len_utf8).sum();
        after = &after[group..];
        let continues =
            after.starts_with(sep) && after[sep_len..].chars().next().is_some_and(is_digit);
        if !continues {
            break;
        }
        after = &after[sep_len..];
    }
    // The groups before: three digits each, and the first one to three, not starting with 0.
    let mut before = line.get(..at).unwrap_or_default();
    for _ in 0..8 {
        let n = before.chars().rev().take_while(|&c| is_digit(c)).take(4).count();
        let group: usize = before.chars().rev().take(n).map(char::len_utf8).sum();
        let rest = &before[..before.len() - group];
        let joined = rest.ends_with(sep) && digits_before(&rest[..rest.len() - sep_len]);
        if n != 3 || !joined {
            // The first group: nothing joined before it.
            let first = before[before.len() - group..].chars().next();
            return (1..=3).contains(&n)
                && !digits_before(rest)
                && !joined
                && first.and_then(to_ascii_digit).is_some_and(|d| d != 0);
        }
        before = &rest[..rest.len() - sep_len];
    }
    false
}

fn to_ascii_digit(ch: char) -> Option<u32> {
    match ch {
        '0'..='9' => Some(u32::from(ch) - u32::from('0')),
        '０'..='９' => Some(u32::from(ch) - u32::from('０')),
        _ => None,
    }
}

/// `- 4 -`, `—5—`, `-3-`, `第 3 页`, `第3页 共5页`.
fn is_page_number_line(line: &str) -> bool {
    // Such a line begins with a dash or 第 (most lines are ruled out by their first character).
    let is_dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─' | '―');
    if !line.trim_start().starts_with(|c: char| is_dash(c) || c == '第') {
        return false;
    }
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if trimmed.is_empty() || trimmed.chars().nth(16).is_some() {
        return false;
    }
    let digits_of = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        !s.is_empty() && s.chars().count() <= 4 && s.chars().all(|c| to_ascii_digit(c).is_some())
    };
    if trimmed.starts_with(is_dash) && trimmed.ends_with(is_dash) {
        let inner = trimmed.trim_matches(is_dash);
        return digits_of(inner);
    }
    if let Some(rest) = trimmed.strip_prefix('第') {
        let Some((page, tail)) = rest.split_once('页') else { return false };
        if !digits_of(page) {
            return false;
        }
        let tail = tail.trim();
        return tail.is_empty()
            || tail.strip_prefix('共').and_then(|t| t.strip_suffix('页')).is_some_and(digits_of);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_pinyin_but_keeps_real_brackets() {
        let text = "張店區(qū)應(yīng)急(一)預(yù)期(單位:萬元)開(kai)(kai)發(f";
        assert_eq!(normalize(text).text, "张店区应急(一)预期(单位:万元)开发");
        assert_eq!(normalize("第(1)项 A(b)").text, "第(1)项 A(b)");
    }

    #[test]
    fn markdown_cell_markup_from_converters() {
        // pymupdf4llm: a line break inside a table cell, pinyin set apart as code.
        assert_eq!(normalize("|国家秘<br>密|2<br/>6|<BR />").text, "|国家秘\n密|2\n6|\n");
        assert_eq!(normalize("行政復 `(fù)` 議 `| 0 |`").text, "行政复  议 | 0 |");
        // Set apart by spaces, only an annotation with a tone mark is one; a bracket after
        // anything but a CJK character stays.
        assert_eq!(normalize("年报 (pdf) 的 (de) 1 (fù)").text, "年报 (pdf) 的 (de) 1 (fù)");
        assert_eq!(normalize("复 （fù）议").text, "复 议");
        // Not a tag: kept.
        assert_eq!(normalize("a<b 与 <bring>").text, "a<b 与 <bring>");
        // Written otherwise, the same tag and mark: what normalizes to them is read at once.
        assert_eq!(normalize("＜ＢＲ＞a｀b<b\u{200B}r\u{3000}/>").text, "\nab\n");
        for text in ["行政復 `(fù)` 議<br>2", "区 (qū)(qū) 1", "｀", "＜br＞", "<b\u{200B}r>"]
        {
            let once = normalize(text).text;
            assert_eq!(normalize(&once).text, once, "{text}");
        }
    }

    #[test]
    fn widths_spaces_and_separators() {
        assert_eq!(
            normalize("１２３，４５６\u{200B}（七）总计\u{A0}1,234 件").text,
            "123456(七)总计 1234 件"
        );
        assert_eq!(normalize("0,0,0 与 1，2").text, "0,0,0 与 1,2");
        // A separator joins digits only where the whole run is one grouped number.
        for (written, read) in [
            ("12,345,678 与 5,949.09万元", "12345678 与 5949.09万元"),
            ("1\u{3000}139", "1139"),
            // A row of comma-separated cells (CSV), and runs no number is written as.
            ("结转下年度,290,3,0,0,0,0,293", "结转下年度,290,3,0,0,0,0,293"),
            ("0,293 与 1,1393 与 2,932,0 与 1,139,5", "0,293 与 1,1393 与 2,932,0 与 1,139,5"),
            ("746,12,0,0,10,1,769", "746,12,0,0,10,1,769"),
            ("1\u{3000}139\u{3000}0", "1 139 0"),
        ] {
            assert_eq!(normalize(written).text, read, "{written}");
        }
    }

    #[test]
    fn page_number_lines_and_word_residue() {
        let text = "a\n- 4 -\n— 5 —\n-3-\n第 2 页 共 5 页\n<!--[if !supportLists]-->7、<!--[endif]-->b\n4\n";
        assert_eq!(normalize(text).text, "a\n\n\n\n\n7、b\n4\n");
    }

    #[test]
    fn maps_back_to_the_source() {
        let source = "區(qū)１2";
        let normalized = normalize(source);
        assert_eq!(normalized.text, "区12");
        // "1" (normalized bytes 3..4) comes from the full-width "１".
        let span = normalized.map.span(3..4);
        assert_eq!(&source[span], "１");
        let span = normalized.map.span(0..5);
        assert_eq!(&source[span], "區(qū)１2");
    }
}
