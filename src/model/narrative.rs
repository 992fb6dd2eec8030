//! Facts the narrative states: "共受理政府信息公开申请 1295 件", "办结 69 件", "1件结转下年度",
//! "收取信息处理费0元", "没有行政复议和行政诉讼案件" (RULEBOOK §2.6).
//!
//! Text outside the tables is cut into clauses (at `，。；`, blank lines, table bars; a single
//! line break is a wrap and joins). In a clause each
//! number with a unit is bound to the first keyword before it, or when none precedes it, to
//! the first one after it ("1件结转下年度继续办理"). Keywords are the outcome groups, never
//! their sub-items, so "因本机关不掌握等原因无法提供564件" binds 564 to 无法提供. Clauses about
//! other business (建议, 提案, 案件 …) bind nothing to the application counts.
//!
//! Invariant: a fact is only what a clause literally says; nothing is inferred across clauses.

use crate::span::TextRange;
use std::ops::Range;

use super::labels;
use super::number::Number;

/// What a narrative number is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FactKind {
    /// 收到/受理/新收…申请 N 件.
    Received,
    /// 上年结转 N 件.
    CarriedIn,
    /// 办结/答复 N 件.
    Done,
    /// 结转下年度 N 件.
    CarriedOut,
    /// 予以公开/同意公开 N 件.
    Granted,
    /// 部分公开 N 件.
    Partial,
    /// 予以公开及部分公开 N 件.
    GrantedOrPartial,
    /// 不予公开 N 件.
    Withheld,
    /// 无法提供 N 件.
    Unavailable,
    /// 不予处理 N 件.
    NotProcessed,
    /// 其他处理 N 件.
    OtherProcessed,
    /// 行政复议 N 件/起.
    Review,
    /// 行政诉讼 N 件/起.
    Litigation,
    /// 没有（未发生）行政复议和行政诉讼.
    NoReviewOrLitigation,
    /// 未收到政府信息公开申请.
    NoApplications,
    /// 收取信息处理费 N 元 (the value is in 元).
    InfoFee,
    /// 未收取信息处理费.
    NoInfoFee,
    /// 制发/出台/印发规范性文件 N 件.
    NormsMade,
    /// 未制定规范性文件.
    NoNormsMade,
    /// 规章 N 件 (kept apart so that its number is not taken for 规范性文件).
    RulesMade,
    /// 行政事业性收费 N 元 (the value is in 元).
    AdminFee,
    /// 行政许可 N 件.
    Licences,
    /// 行政处罚 N 件.
    Penalties,
    /// 行政强制 N 件.
    Enforcement,
    /// 主动公开（政府）信息 N 条 (pre-2019 reports state their statistics table's first row).
    Proactive,
}

/// One stated fact.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Fact {
    /// What it is about.
    pub kind: FactKind,
    /// The number (0 for the "none" facts); money in 元.
    pub value: Number,
    /// The clause says 共/合计/含上年结转: a total that may include carried-over applications.
    pub summed: bool,
    /// A percentage written right after it (`208 件（17.46%）`).
    pub percent: Option<Number>,
    /// What else its clause says, for the rules that need more than the kind.
    pub about: About,
    /// Where, in the normalized text (the clause).
    pub range: TextRange,
    /// The clause as written, for messages.
    pub clause: String,
}

impl Fact {
    /// A 主动公开 fact that gives the year's whole count ("2018年全区主动公开政府信息2069条",
    /// "…总数3978条，其中主动公开政府信息2026条"), not a part (各乡镇…, 网站…).
    pub fn is_proactive_total(&self) -> bool {
        self.kind == FactKind::Proactive && self.about.proactive_total
    }
}

/// What a fact's clause says besides its keyword, read with the fact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[allow(clippy::struct_excessive_bools)] // Independent qualifiers of one clause.
pub struct About {
    /// It speaks of 政府信息公开 (or 依申请公开) applications, not other answers (the
    /// pre-2019 reports count 行政审批 answers in the same words).
    pub requests: bool,
    /// It gives a 总数.
    pub total: bool,
    /// It speaks of 答复 (answers).
    pub answers: bool,
    /// It gives the year's whole count of 主动公开 information, not a part.
    pub proactive_total: bool,
}

impl About {
    /// What the clause says, `has` telling whether it holds a word.
    fn read(has: impl Fn(&str) -> bool) -> About {
        let has = |words: &[&str]| words.iter().any(|w| has(w));
        About {
            requests: has(labels::FACT_ABOUT_REQUESTS),
            total: has(labels::FACT_TOTAL),
            answers: has(labels::FACT_ANSWERS),
            proactive_total: has(labels::FACT_PROACTIVE_TOTAL),
        }
    }
}

use labels::{CnNumeral, FACT_COUNT_UNITS as COUNT_UNITS, FACT_KEYWORDS as KEYWORDS};

/// Clauses read at most: a report has a few hundred; each costs a few dozen keyword searches,
/// so text made of millions of clauses (`1申请，1申请，…`) is read this far and no further.
const MAX_CLAUSES: usize = 100_000;

/// The bytes a clause boundary of [`facts`] may start with: its ASCII characters, and the
/// first bytes of its CJK ones (`。【】` E3, `，；！？：` EF).
const BOUNDARY_START: [bool; 256] = {
    let mut table = [false; 256];
    let ascii = b",;!?:|\t\n.";
    let mut k = 0;
    while k < ascii.len() {
        table[ascii[k] as usize] = true;
        k += 1;
    }
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// Extracts the facts from `text` outside `exclude` (the tables' ranges).
pub(crate) fn facts(text: &str, exclude: &[Range<usize>]) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut clauses = 0;
    let mut start = 0;
    let mut excluded: Vec<Range<usize>> = exclude.to_vec();
    crate::sort::sort_by_key(&mut excluded, |r| r.start);
    let bytes = text.as_bytes();
    let keywords = Keywords::new();
    // Only characters that may end a clause are looked at, found on the bytes; past the end,
    // a last `。` ends the last clause.
    let mut next = 0;
    while next <= text.len() {
        let rest = bytes.get(next..).unwrap_or_default();
        let at =
            next + rest.iter().position(|&b| BOUNDARY_START[usize::from(b)]).unwrap_or(rest.len());
        let ch = text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or('。');
        next = at + ch.len_utf8();
        let boundary = match ch {
            // "258件，占33.9%": the share stays with its number.
            '，' | ',' => !text[at + ch.len_utf8()..].starts_with(labels::SHARE),
            '。' | '；' | ';' | '！' | '？' | '!' | '?' | '【' | '】' | ':' | '：' | '|' | '\t' => {
                true
            }
            // A line break inside a paragraph is a wrap (PDF text); a blank line ends it.
            '\n' => bytes.get(at + 1) == Some(&b'\n'),
            // "0元.全年…" but not "4068.208".
            '.' => {
                !(at > 0
                    && bytes[at - 1].is_ascii_digit()
                    && bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
            }
            _ => false,
        };
        if !boundary {
            continue;
        }
        let clause = start..at;
        start = at + ch.len_utf8();
        if clause.is_empty()
            || excluded.iter().any(|r| r.start < clause.end && clause.start < r.end)
        {
            continue;
        }
        clause_facts(text, clause, &keywords, &mut out);
        clauses += 1;
        if out.len() > 10_000 || clauses >= MAX_CLAUSES {
            break;
        }
    }
    out
}

/// The keywords' first characters, worked out once per text: a clause is searched for
/// keywords only where one of these stands.
struct Keywords {
    first: [char; KEYWORDS.len()],
    /// Bit `c % 1024` is set for every first character `c`: most characters are ruled out by
    /// it (by `c % 64`, 40 % of a clause's characters passed and were compared with every
    /// keyword's first).
    mask: [u64; 16],
}

impl Keywords {
    fn new() -> Keywords {
        let first: [char; KEYWORDS.len()] =
            std::array::from_fn(|k| KEYWORDS[k].0.chars().next().unwrap_or('\0'));
        let mut mask = [0u64; 16];
        for &c in &first {
            let bit = c as usize % 1024;
            mask[bit / 64] |= 1 << (bit % 64);
        }
        Keywords { first, mask }
    }

    /// Every match of every keyword in `clause`, as `str::match_indices` finds them (left to
    /// right, not overlapping an earlier match of the same keyword), in the order of
    /// [`KEYWORDS`], then by position: (keyword, byte offset).
    fn matches(&self, clause: &str) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (at, c) in clause.char_indices() {
            let bit = c as usize % 1024;
            if self.mask[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let rest = &clause[at..];
            for (k, &first) in self.first.iter().enumerate() {
                if first == c && rest.starts_with(KEYWORDS[k].0) {
                    found.push((k, at));
                }
            }
        }
        // Sorted by keyword, then position (stable: positions are already in order).
        crate::sort::sort_by_key(&mut found, |m| m.0);
        // A match overlapping the previous match of the same keyword is not one
        // `match_indices` would give.
        let mut end_of_last: Option<(usize, usize)> = None;
        found.retain(|&(k, at)| {
            if end_of_last.is_some_and(|(kw, end)| kw == k && at < end) {
                return false;
            }
            end_of_last = Some((k, at + KEYWORDS[k].0.len()));
            true
        });
        found
    }
}

/// Characters without which a clause states no fact: a digit or a Chinese numeral (every
/// numbered fact), or a negation (未, 没, 无, 不, 均: every fact stated without a number).
fn may_state_a_fact(c: char) -> bool {
    c.is_ascii_digit() || is_cn_digit(c) || labels::FACT_NEGATIONS.contains(&c)
}

fn clause_facts(text: &str, range: Range<usize>, keyword_index: &Keywords, out: &mut Vec<Fact>) {
    let clause = &text[range.clone()];
    crate::work::add(clause.len());
    // Every fact is worded in Chinese, with a keyword of at least two characters: a clause
    // with fewer CJK characters (a table's number, a date, `1件`) states none, and neither
    // does one with no number and no negation; both are skipped before the keyword searches.
    // The clause is asked for dozens of words, most of them absent: a word with a character
    // the clause does not have (by a 1024-bit summary of its characters, its whitespace too)
    // is not searched for.
    let mut present = [0u64; 16];
    let (mut n_chars, mut n_cjk, mut trigger) = (0usize, 0usize, false);
    for c in clause.chars() {
        n_chars += 1;
        n_cjk += usize::from(('\u{4E00}'..='\u{9FFF}').contains(&c));
        // Asked until one is found (most characters are none of them).
        trigger = trigger || may_state_a_fact(c);
        let bit = c as usize % 1024;
        present[bit / 64] |= 1 << (bit % 64);
    }
    if n_chars > 200 || n_cjk < 2 || !trigger {
        return;
    }
    let squeezed = without_whitespace(clause);
    let has = |word: &str| {
        word.chars().all(|c| {
            let bit = c as usize % 1024;
            present[bit / 64] & (1 << (bit % 64)) != 0
        }) && contains(&squeezed, word)
    };
    let summed = labels::FACT_SUMMED.iter().any(|w| has(w));
    let about = About::read(has);
    let make = |kind, value, percent| Fact {
        kind,
        value,
        summed,
        percent,
        about,
        range: TextRange::new(range.clone()),
        clause: squeezed.clone(),
    };
    let stated = numbers(&squeezed);
    // Facts stated without a number (a year may be there: "2023年度未收取…").
    let unnumbered = stated.is_empty();
    let any_of = |words: &[&str]| words.iter().any(|w| has(w));
    if any_of(labels::FACT_NOT_RECEIVED)
        && has(labels::FACT_APPLICATION)
        && has(labels::FACT_DISCLOSURE)
        && !has(labels::FACT_REVIEW_WORD)
        && any_of(labels::FACT_NO_APPLICATIONS)
    {
        out.push(make(FactKind::NoApplications, Number::int(0), None));
    }
    // "未发生…被行政复议纠错或行政诉讼败诉" is about outcomes, not about whether cases arose.
    if unnumbered
        && any_of(labels::FACT_NONE_AROSE)
        && !any_of(labels::FACT_OUTCOMES)
        && has(labels::FACT_REVIEW)
        && has(labels::FACT_LITIGATION)
    {
        out.push(make(FactKind::NoReviewOrLitigation, Number::int(0), None));
    }
    if unnumbered
        && any_of(labels::FACT_NOT_CHARGED)
        && has(labels::FACT_FEE)
        && any_of(labels::FACT_FEES)
    {
        out.push(make(FactKind::NoInfoFee, Number::int(0), None));
    }
    if any_of(labels::FACT_NOT_MADE) && has(labels::FACT_NORMS) {
        out.push(make(FactKind::NoNormsMade, Number::int(0), None));
    }
    if unnumbered {
        return;
    }

    // Keywords (each position once, the earlier keyword of the list first) and numbers with
    // units.
    let mut keywords: Vec<(usize, FactKind, bool)> = Vec::new();
    let mut taken = vec![false; squeezed.len()];
    for (k, at) in keyword_index.matches(&squeezed) {
        let (word, kind) = KEYWORDS[k];
        if taken[at..at + word.len()].iter().any(|&t| t) {
            continue;
        }
        taken[at..at + word.len()].iter_mut().for_each(|t| *t = true);
        keywords.push((at, kind, false));
    }
    if keywords.is_empty() {
        return;
    }
    crate::sort::sort_by_key(&mut keywords, |k| k.0);
    // What the clause says besides its keywords, asked once.
    let other_business = any_of(labels::FACT_OTHER_BUSINESS);
    let decision = has(labels::FACT_DECISION);
    let norms_verb = any_of(labels::FACT_NORMS_VERBS) && !has(labels::FACT_IN_FORCE);
    let information = any_of(labels::FACT_INFORMATION);
    let both_named = has(labels::FACT_REVIEW_AND_LITIGATION);
    let application = has(labels::FACT_APPLICATION)
        && !has(labels::FACT_REVIEW_WORD)
        && !has(labels::FACT_LITIGATION_WORD);
    for number in stated {
        let count = COUNT_UNITS.contains(&number.unit);
        let fits = |kind: FactKind| match kind {
            FactKind::InfoFee | FactKind::AdminFee => {
                number.unit == labels::YUAN || number.unit == labels::WAN_YUAN
            }
            FactKind::Licences | FactKind::Penalties | FactKind::Enforcement => count && decision,
            FactKind::NormsMade => count && norms_verb,
            FactKind::RulesMade => count,
            FactKind::Proactive => count && information,
            FactKind::Review | FactKind::Litigation => count && !both_named,
            // "收到1份…行政复议申请" is a review, not an application for information.
            FactKind::Received => count && !other_business && application,
            _ => count && !other_business,
        };
        // Of the keywords before the number, a specific one (an outcome, a carry-over) beats a
        // generic one (收到, 办结, 答复): "办结…同意公开答复9件" is 同意公开, "转下一年度办理答复的有1件"
        // is 结转; among equals the nearest wins. With none before, the first after.
        let generic = |kind: FactKind| matches!(kind, FactKind::Received | FactKind::Done);
        let before = keywords
            .iter()
            .enumerate()
            .filter(|(_, k)| k.0 < number.at && !k.2 && fits(k.1))
            .max_by_key(|(_, k)| (!generic(k.1), k.0))
            .map(|(i, _)| i);
        let after = keywords.iter().position(|k| k.0 > number.at && !k.2 && fits(k.1));
        let Some(k) = before.or(after) else { continue };
        keywords[k].2 = true;
        let mut value = number.value;
        if matches!(keywords[k].1, FactKind::InfoFee | FactKind::AdminFee)
            && number.unit == labels::WAN_YUAN
        {
            value = value.checked_mul_int(10_000).unwrap_or(value);
        }
        out.push(make(keywords[k].1, value, number.percent));
    }
}

/// `hay.contains(word)` for a short `hay` (a clause): compared where the word's first and last
/// bytes stand, without setting up a substring searcher.
fn contains(hay: &str, word: &str) -> bool {
    let (hay, word) = (hay.as_bytes(), word.as_bytes());
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return true };
    let Some(starts) = hay.len().checked_sub(word.len()) else { return false };
    (0..=starts).any(|at| {
        hay[at] == first && hay[at + word.len() - 1] == last && &hay[at..at + word.len()] == word
    })
}

static WHITESPACE: super::labels::Squeezed = super::labels::Squeezed::new(b"");

/// `text` without its whitespace, copied a run at a time.
fn without_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut run, mut at) = (0, 0);
    loop {
        at = WHITESPACE.next(bytes, at);
        if at >= bytes.len() {
            break;
        }
        let skip = WHITESPACE.len_at(bytes, at);
        if skip == 0 {
            at += 1;
            continue;
        }
        out.push_str(&text[run..at]);
        at += skip;
        run = at;
    }
    out.push_str(&text[run..]);
    out
}

struct Stated {
    at: usize,
    value: Number,
    unit: &'static str,
    percent: Option<Number>,
}

/// Numbers followed by a unit: `1295件`, `两件`, `380元`, `4068.208万元`, with an optional
/// percentage right after (`208件(17.46%)` once brackets are gone, `208件，占17.46%`).
fn numbers(clause: &str) -> Vec<Stated> {
    let mut out = Vec::new();
    let bytes = clause.as_bytes();
    let char_at = |at: usize| clause.get(at..).and_then(|rest| rest.chars().next());
    // `at` is always at a character's first byte.
    let mut at = 0;
    while let Some(ch) = char_at(at) {
        let start = at;
        let value = if ch.is_ascii_digit() {
            while at < bytes.len()
                && (bytes[at].is_ascii_digit()
                    || (bytes[at] == b'.' && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)))
            {
                at += 1;
            }
            // A year or a date is not a count.
            if char_at(at).is_some_and(|c| labels::FACT_DATE_SUFFIXES.contains(&c)) {
                continue;
            }
            Number::parse(&clause[start..at])
        } else if is_cn_digit(ch) {
            while let Some(c) = char_at(at).filter(|&c| is_cn_digit(c)) {
                at += c.len_utf8();
            }
            cn_number(&clause[start..at]).map(Number::int)
        } else {
            at += ch.len_utf8();
            continue;
        };
        let rest = &clause[at..];
        let unit = labels::FACT_UNITS.into_iter().find(|u| rest.starts_with(u));
        let (Some(value), Some(unit)) = (value, unit) else {
            if at == start {
                at += ch.len_utf8();
            }
            continue;
        };
        // A Chinese numeral before 个/项 is usually wording ("一个", "三项"), not a count.
        if !ch.is_ascii_digit() && labels::FACT_WORDING_UNITS.contains(&unit) {
            continue;
        }
        let after_unit = &rest[unit.len()..];
        let percent = percent_after(after_unit);
        out.push(Stated { at: start, value, unit, percent });
    }
    out
}

fn percent_after(text: &str) -> Option<Number> {
    let text = text.trim_start_matches(labels::SHARE_LEAD);
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let rest = &text[digits.len()..];
    if digits.is_empty() || !rest.starts_with('%') {
        return None;
    }
    Number::parse(&digits)
}

fn is_cn_digit(ch: char) -> bool {
    labels::cn_numeral(ch).is_some()
}

/// 零 〇 一 … 九, 十, 百, 千, 万: `十二` = 12, `两百零五` = 205, `一万二千` = 12000.
pub(crate) fn cn_number(text: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut section = 0i64;
    let mut current: Option<i64> = None;
    let mut seen = false;
    for c in text.chars() {
        seen = true;
        match labels::cn_numeral(c)? {
            CnNumeral::Digit(d) => current = Some(d),
            CnNumeral::Multiplier(unit) => section += current.take().unwrap_or(1) * unit,
            CnNumeral::TenThousand => {
                section += current.take().unwrap_or(0);
                total += section.max(1) * 10_000;
                section = 0;
            }
        }
    }
    if !seen {
        return None;
    }
    Some(total + section + current.unwrap_or(0))
}

/// Shingles are this many characters long.
const SHINGLE: usize = 8;
/// Narratives shorter than this (characters) get no shingles: too little to compare.
const SHINGLE_MIN_CHARS: usize = 300;

/// Narrative characters taken for shingles at most: a report's narrative has a few thousand,
/// and a copied report shows in its first ones; a 64 MB text of letters would otherwise cost
/// 12 bytes a character (the characters, then a hash per window) and keep 8 in the report.
const MAX_SHINGLE_CHARS: usize = 200_000;

/// The narrative's shingles, for telling a copied report (XY-DUP): hashes of every 8
/// characters of the normalized text outside the tables, with digits, spaces and punctuation
/// removed (a copy that changed only the year and the numbers is still a copy), over its first
/// [`MAX_SHINGLE_CHARS`] characters. Sorted, distinct; `None` for a narrative too short to
/// compare.
pub fn shingles(text: &str, tables: &[Range<usize>]) -> Option<Vec<u64>> {
    // The tables' ranges in order, overlapping ones merged: a character is skipped when the
    // range the cursor reached holds it (the characters come in order).
    let mut skip: Vec<Range<usize>> = tables.iter().filter(|r| r.start < r.end).cloned().collect();
    crate::sort::sort_by_key(&mut skip, |r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(skip.len());
    for r in skip {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut ranges = merged.iter().peekable();
    let mut window = Window::default();
    let mut taken = 0usize;
    let mut out: Vec<u64> = Vec::with_capacity((text.len() / 4).min(MAX_SHINGLE_CHARS));
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        crate::work::add(1);
        // CJK ideographs (U+4E00–U+9FFF, lead bytes E4–E9) are letters, decoded on the bytes;
        // ASCII letters too; anything else asks the Unicode tables.
        let (c, len) = match lead {
            b'a'..=b'z' | b'A'..=b'Z' => (u32::from(lead), 1),
            0..=0x7F => {
                at += 1;
                continue;
            }
            0xE4..=0xE9 if at + 2 < bytes.len() => {
                let code = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(bytes[at + 1] & 0x3F) << 6)
                    | u32::from(bytes[at + 2] & 0x3F);
                if code >= 0x4E00 {
                    (code, 3)
                } else {
                    let c = char::from_u32(code).unwrap_or('\0');
                    if !c.is_alphabetic() {
                        at += 3;
                        continue;
                    }
                    (code, 3)
                }
            }
            _ => {
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
                if !c.is_alphabetic() {
                    at += c.len_utf8();
                    continue;
                }
                (u32::from(c), c.len_utf8())
            }
        };
        while ranges.next_if(|r| r.end <= at).is_some() {}
        if ranges.peek().is_some_and(|r| r.start <= at) {
            at += len;
            continue;
        }
        at += len;
        window.push(c);
        taken += 1;
        if taken >= SHINGLE {
            out.push(window.hash());
        }
        if taken >= MAX_SHINGLE_CHARS {
            break;
        }
    }
    if taken < SHINGLE_MIN_CHARS {
        return None;
    }
    crate::sort::sort_u64(&mut out);
    out.dedup();
    out.shrink_to_fit();
    Some(out)
}

/// The last 8 characters, packed 21 bits each into three words: characters 1–3, 4–6 and 7–8
/// (nothing lost).
#[derive(Default)]
struct Window {
    a: u64,
    b: u64,
    c: u64,
}

impl Window {
    const BITS: u32 = 21;
    const THREE: u64 = (1 << 63) - 1;
    const TWO: u64 = (1 << 42) - 1;

    /// Shifts the window by one character, `c` the newest.
    fn push(&mut self, c: u32) {
        self.a = ((self.a << Self::BITS) & Self::THREE) | (self.b >> (2 * Self::BITS));
        self.b = ((self.b << Self::BITS) & Self::THREE) | (self.c >> Self::BITS);
        self.c = ((self.c << Self::BITS) & Self::TWO) | u64::from(c);
    }

    /// A hash of the 8 characters: the words mixed, so that different windows collide only by
    /// chance (one in 2⁶⁴).
    fn hash(&self) -> u64 {
        mix(self.a ^ mix(self.b ^ mix(self.c)))
    }
}

/// The finalizer of `MurmurHash3` (a bijection of `u64`).
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// "汇总" looked at at most: a report says it is a 汇总 early, in a few sentences.
const MAX_AGGREGATE_MENTIONS: usize = 10_000;

/// The report says it is its region's 汇总: "汇总" right after a region word ("全县汇总"), or
/// after one and before 数据/情况 ("全区……汇总数据"), or before its units ("汇总…各有关单位").
/// "在全县共享，汇总疑难问题" is not such a statement. Read on the normalized text, a few
/// characters around each of its first [`MAX_AGGREGATE_MENTIONS`] "汇总".
pub fn declares_aggregate(text: &str) -> bool {
    let regions = super::labels::REGIONS;
    // The `n` characters before byte `at`, and the `n` after byte `at` skipping `skip`.
    let before = |at: usize, n: usize| -> String {
        let mut chars: Vec<char> = text[..at].chars().rev().take(n).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after = |at: usize, n: usize| -> String { text[at..].chars().take(n).collect() };
    text.match_indices(labels::AGGREGATE).take(MAX_AGGREGATE_MENTIONS).any(|(at, word)| {
        crate::work::add(32);
        let end = at + word.len();
        let (before, right_before) = (before(at, 10), before(at, 2));
        let (after, next) = (after(end, 20), after(end, 4));
        let region = regions.iter().any(|w| before.contains(w));
        regions.iter().any(|w| right_before == *w)
            || (region && labels::AGGREGATE_FOLLOWERS.iter().any(|w| next.contains(w)))
            || (after.contains(labels::AGGREGATE_EACH)
                && labels::AGGREGATE_UNITS.iter().any(|w| after.contains(w)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_hashes_the_last_eight_characters_packed() {
        let pack = |chars: &[char]| chars.iter().fold(0u64, |acc, &c| (acc << 21) | u64::from(c));
        let text: Vec<char> = "本年度报告中所列数据的统计期限自𠀀ÿz年".chars().collect();
        let mut window = Window::default();
        for (k, &c) in text.iter().enumerate() {
            window.push(u32::from(c));
            if k >= 7 {
                let w = &text[k - 7..=k];
                let expected = mix(pack(&w[..3]) ^ mix(pack(&w[3..6]) ^ mix(pack(&w[6..]))));
                assert_eq!(window.hash(), expected);
            }
        }
    }

    fn kinds(text: &str) -> Vec<(FactKind, String)> {
        facts(text, &[]).into_iter().map(|f| (f.kind, f.value.to_string())).collect()
    }

    #[test]
    fn chinese_numerals() {
        for (text, value) in [
            ("十二", 12),
            ("两百零五", 205),
            ("一万二千", 12000),
            ("三", 3),
            ("十", 10),
            ("二十一", 21),
        ] {
            assert_eq!(cn_number(text), Some(value), "{text}");
        }
    }

    #[test]
    fn binds_numbers_to_their_keywords() {
        assert_eq!(
            kinds("2023年全年累计受理依申请公开1件(上年结转0件)"),
            [(FactKind::Received, "1".into()), (FactKind::CarriedIn, "0".into())]
        );
        assert_eq!(
            kinds("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。"),
            [
                (FactKind::Received, "70".into()),
                (FactKind::Done, "69".into()),
                (FactKind::CarriedOut, "1".into())
            ]
        );
        assert_eq!(
            kinds(
                "因本机关不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等不予处理 80 件"
            ),
            [(FactKind::Unavailable, "564".into()), (FactKind::NotProcessed, "80".into())]
        );
        assert_eq!(
            kinds("同意公开答复 9 件，转下一年度办理答复的有 1 件"),
            [(FactKind::Granted, "9".into()), (FactKind::CarriedOut, "1".into())]
        );
        let fee = facts("全年收取依申请公开信息处理费0元", &[]);
        assert_eq!((fee[0].kind, fee[0].value), (FactKind::InfoFee, Number::int(0)));
        let percent = facts("予以公开及部分公开 208 件（17.46%）", &[]);
        assert_eq!(percent[0].kind, FactKind::GrantedOrPartial);
    }

    #[test]
    fn other_business_binds_nothing() {
        assert!(kinds("收到办理政协提案2件").is_empty());
        assert!(kinds("全县共办理相关案件 74 件").is_empty());
    }

    #[test]
    fn facts_without_numbers() {
        assert_eq!(
            kinds("全年政府信息公开工作没有行政复议和行政诉讼案件。"),
            [(FactKind::NoReviewOrLitigation, "0".into())]
        );
        assert_eq!(
            kinds("2023年度未收取依申请公开信息处理费。"),
            [(FactKind::NoInfoFee, "0".into())]
        );
        assert_eq!(
            kinds("2023年度，未制定发布规范性文件。"),
            [(FactKind::NoNormsMade, "0".into())]
        );
    }
}
