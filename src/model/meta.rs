//! The report's title, year, agency, 统计期限, publication date, section headings and template.

use super::labels::{self, Index, SECTIONS};
use super::{Layout, Table, TableId, Template};

/// A calendar date as written (not validated beyond its ranges).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// The statistical period (统计期限) stated in the preamble.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day (its year is the start's when the text omits it: `至12月31日`).
    pub end: Date,
}

/// A section heading found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Section {
    /// Which of the six sections (0 = 一、总体情况).
    pub index: usize,
    /// The numeral written before it (`一` … `六`), if any.
    pub numeral: Option<char>,
    /// Position in reading order.
    pub order: usize,
    /// The heading was cut short (`二、主动公开政府信息情` without 况).
    pub truncated: bool,
    /// Characters of text under the heading, up to the next heading found.
    pub body_chars: usize,
    /// The text under it is just `无` or `无。`.
    pub body_is_none: bool,
    /// The text under it mentions the 信息处理费 or 收费.
    pub body_mentions_fee: bool,
}

/// A sentence that states the unit's own work under a year (`2022年，我局…`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct YearClaim {
    /// The year written.
    pub year: i32,
    /// The sentence, for messages.
    pub sentence: String,
}

pub(super) struct Meta {
    pub(super) title: Option<String>,
    pub(super) title_year: Option<i32>,
    pub(super) agency: Option<String>,
    pub(super) period: Option<Period>,
    pub(super) published: Option<Date>,
    pub(super) publisher: Option<String>,
    pub(super) sections: Vec<Section>,
    pub(super) year_claims: Vec<YearClaim>,
}

/// How much of the text is searched for the title and preamble facts.
const HEAD_BYTES: usize = 24 * 1024;
/// How much of the text is searched for section headings.
const SECTION_BYTES: usize = 4 * 1024 * 1024;

pub(super) fn read(text: &str, _index: &Index) -> Meta {
    let head = &text[..labels::floor_boundary(text, text.len().min(HEAD_BYTES))];
    let (title, title_year) = title(head);
    let agency = title
        .as_deref()
        .and_then(agency_from_title)
        .or_else(|| metadata(head, labels::AGENCY_KEYS));
    let body = &text[..labels::floor_boundary(text, text.len().min(SECTION_BYTES))];
    // The head is the body's beginning: squeezed once, together.
    let (squeezed_body, head_end) = squeeze_with_prefix(body, head.len());
    let period = period(&squeezed_body[..head_end]);
    let published = metadata(head, labels::PUBLISHED_KEYS)
        .and_then(|value| parse_date(&squeeze(&value)).map(|(date, _)| date));
    let published = published.or_else(|| date_line(text));
    let publisher = metadata(head, labels::PUBLISHER_KEYS);
    let sections = sections(&squeezed_body);
    let year_claims = year_claims(body);
    Meta { title, title_year, agency, period, published, publisher, sections, year_claims }
}

/// Whitespace and markdown markup removed; `（` and friends are already ASCII.
pub(super) fn squeeze(text: &str) -> String {
    squeeze_with_prefix(text, 0).0
}

/// [`squeezed_out`] on the bytes.
static META_SQUEEZED: labels::Squeezed = labels::Squeezed::new(b"#*|`");

fn squeezed_out(c: char) -> bool {
    c.is_whitespace() || matches!(c, '#' | '*' | '|' | '`')
}

/// `squeeze(text)`, and the length of `squeeze(&text[..prefix])` (its beginning).
fn squeeze_with_prefix(text: &str, prefix: usize) -> (String, usize) {
    // The text between the characters squeezed out is copied a run at a time, and those are
    // found on the bytes (a character's first byte says whether it may be one).
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut prefix_end = None;
    let (mut run, mut at) = (0, 0);
    loop {
        at = META_SQUEEZED.next(bytes, at);
        if at >= bytes.len() {
            break;
        }
        let skip = META_SQUEEZED.len_at(bytes, at);
        if skip == 0 {
            at += 1;
            continue;
        }
        out.push_str(&text[run..at]);
        if prefix_end.is_none() && at >= prefix {
            // The prefix ends in the run just copied (`run ≤ prefix ≤ at`).
            prefix_end = Some(out.len() - (at - prefix.max(run)));
        }
        at += skip;
        run = at;
    }
    out.push_str(&text[run..]);
    let prefix_end =
        prefix_end.unwrap_or_else(|| out.len() - (text.len() - prefix.max(run).min(text.len())));
    (out, prefix_end)
}

fn title(head: &str) -> (Option<String>, Option<i32>) {
    // The squeezed lines are made as the search reaches them (it needs the next and the one
    // before): a title is in the first few, and squeezing 80 lines up front cost more than
    // finding it.
    let mut squeezed = head.lines().map(squeeze).filter(|l| !l.is_empty()).take(80);
    let mut lines: Vec<String> = squeezed.next().into_iter().collect();
    for i in 0.. {
        if lines.len() == i + 1 {
            lines.extend(squeezed.next());
        }
        let Some(line) = lines.get(i) else { break };
        let line = strip_label(line);
        let mut candidate = line.to_string();
        // A title wrapped over two lines: "2024年上海市科委政府信息公开工作" + "年度报告",
        // or an agency line above a year line: "洪泽区人民政府" + "2023年政府信息公开工作年度报告".
        if let Some(next) = lines.get(i + 1)
            && !has_report_word(&candidate)
            && next.chars().count() <= 12
            && has_report_word(next)
        {
            candidate.push_str(next);
        }
        if !candidate.contains(labels::TITLE_DISCLOSURE) || !has_report_word(&candidate) {
            continue;
        }
        let mut year = find_year(&candidate);
        if year.is_some_and(|(_, at)| at == 0) && i > 0 {
            let prev = strip_label(&lines[i - 1]);
            if prev.chars().count() <= 24
                && !prev.contains(['。', ',', ':'])
                && find_year(prev).is_none()
            {
                candidate = format!("{prev}{candidate}");
                year = find_year(&candidate);
            }
        }
        let end = labels::TITLE_ENDINGS
            .iter()
            .find_map(|word| candidate.find(word).map(|at| at + word.len()))
            .unwrap_or(candidate.len());
        let title = candidate[..end].trim_matches(|c: char| c == '-' || c == ':').to_string();
        return (Some(title), year.map(|(y, _)| y));
    }
    (None, None)
}

fn has_report_word(text: &str) -> bool {
    labels::REPORT_WORDS.iter().any(|w| text.contains(w))
}

fn strip_label(line: &str) -> &str {
    for label in labels::TITLE_LABELS {
        if let Some(rest) = line.strip_prefix(label) {
            return rest;
        }
    }
    line
}

/// The first `19xx年`/`20xx年` in `text`, and its byte offset.
fn find_year(text: &str) -> Option<(i32, usize)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|at| {
        let digits = &bytes[at..at + 4];
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_digit();
        if before_ok
            && digits.iter().all(u8::is_ascii_digit)
            && text[at + 4..].starts_with(labels::YEAR_MARK)
        {
            let year = i32::from(digits[0] - b'0') * 1000
                + i32::from(digits[1] - b'0') * 100
                + i32::from(digits[2] - b'0') * 10
                + i32::from(digits[3] - b'0');
            (1990..=2100).contains(&year).then_some((year, at))
        } else {
            None
        }
    })
}

fn agency_from_title(title: &str) -> Option<String> {
    let (_, at) = find_year(title)?;
    let agency = if at == 0 {
        let rest = &title[4 + labels::YEAR_MARK.len_utf8()..];
        let rest = rest.strip_prefix(labels::YEAR_MARK_DU).unwrap_or(rest);
        let end = rest
            .find(labels::TITLE_GOVERNMENT_DISCLOSURE)
            .or_else(|| rest.find(labels::TITLE_DISCLOSURE))?;
        &rest[..end]
    } else {
        &title[..at]
    };
    let agency = agency.trim_matches(|c: char| matches!(c, '-' | ':' | '(' | ')' | '《' | '》'));
    (!agency.is_empty()).then(|| agency.to_string())
}

/// `发布机构: X` style metadata (the value up to the end of its cell or line).
fn metadata(head: &str, keys: &[&str]) -> Option<String> {
    for line in head.lines().take(200) {
        // Every key ends in `:`: a line without one has none of them.
        if !line.contains(':') {
            continue;
        }
        let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        for key in keys {
            if let Some(at) = squeezed.find(key) {
                let value = &squeezed[at + key.len()..];
                let value = value.trim_start_matches('|');
                let value = value.split('|').next().unwrap_or("").trim();
                if !value.is_empty() {
                    return Some(value.to_string());
                }
            }
        }
    }
    None
}

fn period(squeezed: &str) -> Option<Period> {
    for key in labels::PERIOD_KEYS {
        let Some(at) = squeezed.find(key) else { continue };
        let window_end =
            labels::floor_boundary(squeezed, (at + key.len() + 150).min(squeezed.len()));
        let window = &squeezed[at + key.len()..window_end];
        let Some((start, used)) = parse_date(window) else { continue };
        let rest = &window[used..];
        let Some(to) = labels::PERIOD_SEPARATORS.iter().find_map(|&c| rest.find(c)) else {
            continue;
        };
        let sep_len = rest[to..].chars().next().map_or(1, char::len_utf8);
        let rest = &rest[to + sep_len..];
        let end = parse_date(rest).map(|(date, _)| date).or_else(|| {
            parse_month_day(rest).map(|(month, day)| Date { year: start.year, month, day })
        })?;
        return Some(Period { start, end });
    }
    None
}

/// `2023年1月1日`, `2024-01-17`, `2024.1.17`, `2024/01/17`; the date and the bytes used.
pub(super) fn parse_date(text: &str) -> Option<(Date, usize)> {
    let (year, at) = find_year(text).or_else(|| iso_year(text))?;
    if at > 12 {
        return None;
    }
    let mut rest_at = at + 4;
    let rest = &text[rest_at..];
    let sep_len = rest.chars().next().map_or(0, char::len_utf8);
    if !rest.starts_with(labels::DATE_YEAR_SEPARATORS) {
        return None;
    }
    rest_at += sep_len;
    let (month, used) = leading_number(&text[rest_at..])?;
    rest_at += used;
    let sep = text[rest_at..].chars().next()?;
    if !labels::DATE_MONTH_SEPARATORS.contains(&sep) {
        return None;
    }
    rest_at += sep.len_utf8();
    let (day, used) = leading_number(&text[rest_at..])?;
    rest_at += used;
    if let Some(mark) = labels::DAY_MARKS.iter().find(|&&m| text[rest_at..].starts_with(m)) {
        rest_at += mark.len_utf8();
    }
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((Date { year, month, day }, rest_at))
}

fn iso_year(text: &str) -> Option<(i32, usize)> {
    let bytes = text.as_bytes();
    let at = (0..bytes.len().saturating_sub(4)).find(|&at| {
        bytes[at..at + 4].iter().all(u8::is_ascii_digit)
            && matches!(bytes[at + 4], b'-' | b'.' | b'/')
    })?;
    let year = text[at..at + 4].parse().ok()?;
    (1990..=2100).contains(&year).then_some((year, at))
}

fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (month, used) = leading_number(text)?;
    let rest = text[used..].strip_prefix(labels::MONTH_MARK)?;
    let (day, _) = leading_number(rest)?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

fn leading_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    Some((text[..digits].parse().ok()?, digits))
}

fn sections(squeezed: &str) -> Vec<Section> {
    let mut found: Vec<(usize, usize, Section)> = Vec::new();
    for (index, def) in SECTIONS.iter().enumerate() {
        let hit = def
            .keys
            .iter()
            .find_map(|key| {
                squeezed
                    .match_indices(key)
                    .take(50)
                    .find_map(|(at, _)| numeral_before(squeezed, at).map(|n| (at, n)))
            })
            .or_else(|| reworded_heading(squeezed, index, &found));
        if let Some((at, numeral)) = hit {
            let heading_end = heading_end(squeezed, at, index);
            let truncated = index == 1 && !squeezed[at..].starts_with(labels::SECTION_2_HEADING);
            found.push((
                at,
                heading_end,
                Section {
                    index,
                    numeral: Some(numeral),
                    order: 0,
                    truncated,
                    body_chars: 0,
                    body_is_none: false,
                    body_mentions_fee: false,
                },
            ));
        }
    }
    crate::sort::sort_by_key(&mut found, |(at, _, _)| *at);
    let starts: Vec<usize> = found.iter().map(|(at, _, _)| *at).collect();
    found
        .into_iter()
        .enumerate()
        .map(|(order, (_, end, mut section))| {
            section.order = order;
            let next = starts.get(order + 1).copied().unwrap_or(squeezed.len()).max(end);
            let body = &squeezed[end..labels::floor_boundary(squeezed, next)];
            section.body_chars = body.chars().count();
            section.body_is_none =
                labels::SECTION_NONE.contains(&body.trim_end_matches(['。', '.']));
            section.body_mentions_fee = labels::SECTION_FEE_WORDS.iter().any(|w| body.contains(w));
            section
        })
        .collect()
}

/// A heading worded otherwise than the format (`五、存在问题及改进情况`): the section's own
/// numeral and `、`, then one word of each of its groups before the sentence ends. Never
/// where another section's heading was found.
fn reworded_heading(
    squeezed: &str,
    index: usize,
    found: &[(usize, usize, Section)],
) -> Option<(usize, char)> {
    let def = &SECTIONS[index];
    let mark: String = [def.numeral, labels::ENUMERATION_COMMA].iter().collect();
    squeezed.match_indices(&mark).take(50).find_map(|(at, _)| {
        // Not "第四、" or "十四、".
        let starts_heading = squeezed[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c != labels::ORDINAL && !labels::HEADING_NUMERALS.contains(&c));
        let title_at = at + mark.len();
        let title: String = squeezed[title_at..]
            .chars()
            .take_while(|&c| !matches!(c, '。' | ';' | ':'))
            .take(30)
            .collect();
        let fits = def.words.iter().all(|group| group.iter().any(|w| title.contains(w)));
        let taken = found.iter().any(|(start, end, _)| (*start..*end).contains(&title_at));
        (starts_heading && fits && !taken).then_some((title_at, def.numeral))
    })
}

/// Where the heading found at `at` ends: after its key words and the rest of the title.
fn heading_end(squeezed: &str, at: usize, index: usize) -> usize {
    let title = SECTIONS[index].title;
    let rest = &squeezed[at..];
    // Walk the official title as far as the text follows it.
    let mut end = at;
    let mut text_chars = rest.char_indices();
    for expected in title.chars() {
        match text_chars.next() {
            Some((offset, c)) if c == expected => end = at + offset + c.len_utf8(),
            _ => break,
        }
    }
    labels::ceil_boundary(squeezed, end.max(at + SECTIONS[index].keys[0].len().min(rest.len())))
}

/// `2026年1月23日` or `(2026年1月23日)` alone on a line: the date a report was signed.
fn date_line(text: &str) -> Option<Date> {
    // The first and last lines only: collecting every line would cost 16 bytes a line.
    let mut near = text.lines().take(40).chain(text.lines().rev().take(20));
    near.find_map(|line| {
        // The date must come first, after brackets: a line that starts otherwise (a crawled
        // page may be one long line) is not copied.
        let is_bracket = |c: char| matches!(c, '(' | ')' | '（' | '）');
        let first = line.chars().find(|&c| !squeezed_out(c) && !is_bracket(c));
        if !first.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let squeezed = squeeze(line);
        let inner = squeezed.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
        let (date, used) = parse_date(inner)?;
        (used == inner.len() && inner.starts_with(|c: char| c.is_ascii_digit())).then_some(date)
    })
}

/// Sentences that begin with a year and go on about the unit's own work, in the past.
fn year_claims(text: &str) -> Vec<YearClaim> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        // A claim begins with a year: a sentence with no digit is none (and is not copied).
        let Some(raw_digit) = sentence.bytes().position(|b| b.is_ascii_digit()) else { continue };
        // Squeezed only when it begins as a claim does (asked on the text as it is, with the
        // characters squeezing would remove skipped): most sentences with a digit do not.
        if !begins_with_a_year(sentence, raw_digit) {
            continue;
        }
        let squeezed = squeeze(sentence);
        // A heading may come first ("一、总体情况2023年,…"): look only at the sentence's start.
        let Some(first_digit) = squeezed.find(|c: char| c.is_ascii_digit()).filter(|&at| at <= 36)
        else {
            continue;
        };
        let trimmed = &squeezed[first_digit..];
        let Some((year, 0)) = find_year(trimmed) else { continue };
        let rest = &trimmed[4 + labels::YEAR_MARK.len_utf8()..];
        let rest = rest.strip_prefix(labels::YEAR_MARK_DU).unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(',') else { continue };
        let own = labels::YEAR_CLAIM_OWNERS.iter().any(|w| rest.starts_with(w));
        let future = labels::YEAR_CLAIM_FUTURE.iter().any(|w| rest.contains(w));
        if own && !future && squeezed.chars().count() < 300 {
            out.push(YearClaim { year, sentence: squeezed.chars().take(60).collect() });
        }
        if out.len() > 200 {
            break;
        }
    }
    out
}

/// The bytes a sentence end of [`sentences`] may start with: `\n`, `;`, and the first bytes of
/// `。` (E3) and `；` (EF).
const SENTENCE_END_START: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b';' as usize] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// `text.split(['。', '；', ';', '\n'])`, the ends found on the bytes.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut at = start;
        loop {
            let Some(k) = bytes.get(at..)?.iter().position(|&b| SENTENCE_END_START[usize::from(b)])
            else {
                done = true;
                return text.get(start..);
            };
            at += k;
            let len = match bytes[at] {
                b'\n' | b';' => 1,
                _ if text[at..].starts_with(['。', '；']) => 3,
                _ => 0,
            };
            if len == 0 {
                at += 1;
                continue;
            }
            let sentence = &text[start..at];
            start = at + len;
            return Some(sentence);
        }
    })
}

/// Whether `squeeze(sentence)` has its first digit within 36 bytes and a year (`19xx年`,
/// `20xx年` in 1990..=2100) right there: what [`year_claims`] asks before it goes on, without
/// the squeezed copy. `raw_digit` is the sentence's first digit.
fn begins_with_a_year(sentence: &str, raw_digit: usize) -> bool {
    let before: usize =
        sentence[..raw_digit].chars().filter(|&c| !squeezed_out(c)).map(char::len_utf8).sum();
    if before > 36 {
        return false;
    }
    let mut kept = sentence[raw_digit..].chars().filter(|&c| !squeezed_out(c));
    let mut year = 0u32;
    for _ in 0..4 {
        match kept.next().and_then(|c| c.is_ascii_digit().then(|| c.to_digit(10)).flatten()) {
            Some(digit) => year = year * 10 + digit,
            None => return false,
        }
    }
    kept.next() == Some(labels::YEAR_MARK) && (1990..=2100).contains(&year)
}

/// `一、` (or `一.`) shortly before `at` with no sentence break in between:
/// `二、主动公开…`, `四、政府信息公开行政复议、行政诉讼情况`, `五、政府信息公开工作存在的主要问题…`.
fn numeral_before(text: &str, at: usize) -> Option<char> {
    let numerals = labels::HEADING_NUMERALS;
    let before: Vec<char> = text[..at].chars().rev().take(16).collect();
    for (k, pair) in before.windows(2).enumerate() {
        if matches!(pair[0], '。' | ',' | ';' | '!' | '?' | ':' | ')') {
            return None;
        }
        if matches!(pair[0], '、' | '.') && numerals.contains(&pair[1]) {
            // The numeral must start the heading: not "第三" or "三三".
            let prev = before.get(k + 2).copied();
            if prev.is_none_or(|c| !numerals.contains(&c) && c != labels::ORDINAL) {
                return Some(pair[1]);
            }
        }
    }
    None
}

/// RULEBOOK §3.3: 2021 markers win, then 2019, then a pre-2019 statistics sheet.
pub(super) fn template(index: &Index, tables: &[Table]) -> Template {
    let all = index.compact.len();
    let t3_layout = tables.iter().find(|t| t.id == TableId::T3).map(|t| t.layout);
    if index.contains_any(labels::T2_2021_MARKERS, 0, all) || t3_layout == Some(Layout::Y2021) {
        return Template::Y2021;
    }
    let t2_layout = tables.iter().find(|t| t.id == TableId::T2).map(|t| t.layout);
    if index.contains_any(labels::T2_2019_MARKERS, 0, all)
        || t3_layout == Some(Layout::Y2019)
        || t2_layout == Some(Layout::Y2019)
    {
        return Template::Y2019;
    }
    if index.contains_any(labels::PRE2019_MARKERS, 0, all) {
        return Template::Pre2019;
    }
    if tables.iter().any(|t| t.id == TableId::T4) {
        return Template::Y2021;
    }
    Template::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_years_and_agencies() {
        let cases = [
            (
                "标题: 平潭综合实验区2020年度政府信息公开工作年度报告\n发布时间",
                "平潭综合实验区",
                2020,
            ),
            ("正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据", "上海市科委", 2024),
            (
                "      洪泽区人民政府\n 2023 年政府信息公开工作年度报告\n\n本报告",
                "洪泽区人民政府",
                2023,
            ),
            ("# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n", "沐阳县人民政府", 2025),
        ];
        for (text, agency, year) in cases {
            let (title, title_year) = title(text);
            let title = title.unwrap_or_default();
            assert_eq!(title_year, Some(year), "{text}");
            assert_eq!(agency_from_title(&title).as_deref(), Some(agency), "{title}");
        }
    }

    #[test]
    fn periods() {
        let p = period(&squeeze("统计期限自2023年1月1日起,至2023年12月31日止")).unwrap();
        assert_eq!((p.start.year, p.end.year, p.end.month, p.end.day), (2023, 2023, 12, 31));
        let p = period(&squeeze("统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。")).unwrap();
        assert_eq!((p.start.year, p.end.year), (2024, 2024));
        assert!(period("统计期限自至").is_none());
        assert_eq!(
            parse_date("2024-01-17").map(|(d, _)| (d.year, d.month, d.day)),
            Some((2024, 1, 17))
        );
    }
}
