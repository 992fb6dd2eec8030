//! Traditional → Simplified, one character for one character (the count never changes, so the
//! map back to the source stays trivial). The table is fast2s's (`t2s_table.rs`, generated);
//! the few characters whose conversion depends on their neighbours follow fast2s's rules.

use std::sync::OnceLock;

use super::t2s_table::PAIRS;

/// The CJK block the table covers (every Traditional character of [`PAIRS`] is in it).
pub(super) const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
/// In [`direct`]: the character's conversion depends on its neighbours ([`KEEP`], [`SPECIAL`]).
pub(super) const CONTEXTUAL: u16 = 0xFFFF;

/// The table for the block `FIRST..=LAST`, one entry per character: 0 when it stays, its
/// Simplified form, or [`CONTEXTUAL`]. Built on first use from [`PAIRS`] (42 KB of memory,
/// nothing added to the program): a lookup instead of a binary search and two scans.
pub(super) fn direct() -> &'static [u16] {
    static DIRECT: OnceLock<Vec<u16>> = OnceLock::new();
    DIRECT.get_or_init(|| {
        let mut direct = vec![0u16; (LAST - FIRST + 1) as usize];
        for &(t, s) in &PAIRS {
            if let Some(slot) =
                u32::from(t).checked_sub(FIRST).and_then(|k| direct.get_mut(k as usize))
            {
                *slot = s;
            }
        }
        for c in KEEP.iter().map(|k| k.0).chain(SPECIAL.iter().map(|s| s.0)) {
            if let Some(slot) =
                u32::from(c).checked_sub(FIRST).and_then(|k| direct.get_mut(k as usize))
            {
                *slot = CONTEXTUAL;
            }
        }
        direct
    })
}

/// The simplified form of `ch` by the table alone.
fn table(ch: char) -> char {
    let Ok(code) = u16::try_from(u32::from(ch)) else { return ch };
    match PAIRS.binary_search_by_key(&code, |&(t, _)| t) {
        Ok(at) => PAIRS.get(at).and_then(|&(_, s)| char::from_u32(u32::from(s))).unwrap_or(ch),
        Err(_) => ch,
    }
}

/// Words in which a character stays as it is (兒寬, 答覆, 乾隆 …).
const KEEP: &[(char, &[[char; 2]])] = &[
    ('兒', &[['兒', '寬']]),
    ('覆', &[['答', '覆'], ['批', '覆'], ['回', '覆']]),
    ('夥', &[['甚', '夥']]),
    ('藉', &[['慰', '藉'], ['狼', '藉']]),
    ('瞭', &[['瞭', '望']]),
    ('麽', &[['幺', '麽']]),
    ('幺', &[['幺', '麽']]),
    ('於', &[['樊', '於']]),
    ('乾', &[['乾', '隆'], ['乾', '坤'], ['乾', '卦']]),
];

/// Words in which a character converts otherwise (藉口 → 借口, 計畫 → 计划 …).
/// A two-character word and what its character becomes in it.
type Rewrite = ([char; 2], char);

const SPECIAL: &[(char, &[Rewrite])] = &[
    ('藉', &[(['藉', '口'], '借'), (['憑', '藉'], '借')]),
    ('著', &[(['看', '著'], '着')]),
    ('苧', &[(['苧', '麻'], '苎')]),
    ('闔', &[(['闔', '家'], '合')]),
    ('鍾', &[(['鍾', '書'], '锺')]),
    ('讎', &[(['校', '讎'], '雠'), (['讎', '定'], '雠'), (['仇', '讎'], '雠')]),
    ('畫', &[(['計', '畫'], '划'), (['企', '畫'], '划')]),
];

fn convert_char(prev: char, cur: char, next: char) -> char {
    let words = [[prev, cur], [cur, next]];
    if let Some((_, keep)) = KEEP.iter().find(|(c, _)| *c == cur) {
        if words.iter().any(|w| keep.contains(w)) {
            return cur;
        }
    } else if let Some((_, special)) = SPECIAL.iter().find(|(c, _)| *c == cur)
        && let Some((_, to)) = special.iter().find(|(w, _)| words.contains(w))
    {
        return *to;
    }
    table(cur)
}

/// The Simplified form of `ch` when its neighbours do not matter to it (`None` for a character
/// outside the CJK block or one of the few whose conversion depends on them): normalizing
/// copies runs of such characters at once.
pub(super) fn without_context(ch: char) -> Option<char> {
    let code = u32::from(ch);
    if !(FIRST..=LAST).contains(&code) {
        return None;
    }
    match direct().get((code - FIRST) as usize) {
        Some(0) => Some(ch),
        Some(&CONTEXTUAL) | None => None,
        Some(&s) => char::from_u32(u32::from(s)),
    }
}

/// The simplified form of `cur`, the character at byte `at` of `text` (its neighbours in
/// `text` decide the few characters that depend on them).
pub(super) fn convert_at(text: &str, at: usize, cur: char) -> char {
    if cur.len_utf8() != 3 {
        return cur;
    }
    let code = u32::from(cur);
    if (FIRST..=LAST).contains(&code) {
        match direct().get((code - FIRST) as usize) {
            Some(0) | None => return cur,
            Some(&CONTEXTUAL) => {}
            Some(&s) => return char::from_u32(u32::from(s)).unwrap_or(cur),
        }
    }
    let prev = text.get(..at).and_then(|before| before.chars().next_back()).unwrap_or('0');
    let next = text.get(at + 3..).and_then(|after| after.chars().next()).unwrap_or('0');
    convert_char(prev, cur, next)
}

/// `text` in simplified characters, with exactly as many characters.
#[cfg(test)]
pub(super) fn convert(text: &str) -> String {
    text.char_indices().map(|(at, cur)| convert_at(text, at, cur)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_char_for_char() {
        assert_eq!(
            convert("張店區應急管理局2023年政府信息公開工作年度報告"),
            "张店区应急管理局2023年政府信息公开工作年度报告"
        );
        assert_eq!(convert("計畫與答覆，看著"), "计划与答覆，看着");
        assert_eq!(convert("已经是简体"), "已经是简体");
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no duplicates");
    }

    #[test]
    fn the_direct_table_converts_as_the_pairs_do() {
        // Every character of the block, alone and between neighbours that matter to some.
        for code in FIRST..=LAST {
            let Some(c) = char::from_u32(code) else { continue };
            for (prev, next) in [('0', '0'), ('答', '口'), ('計', '麻'), ('看', '隆')] {
                let text: String = [prev, c, next].iter().collect();
                assert_eq!(
                    convert_at(&text, prev.len_utf8(), c),
                    convert_char(prev, c, next),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn agrees_with_fast2s_on_real_reports() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
        let mut stack = vec![root];
        let mut compared = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    assert_eq!(convert(&text), fast2s::convert(&text), "{}", path.display());
                    compared += 1;
                }
            }
        }
        assert!(compared > 20);
    }
}
