//! Stable sorting through one shared instantiation of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparison: every call site with its
//! own closure compiles its own copy of the sort (about 3.5 KB of WebAssembly each; 35 of
//! them were 124 KB of the page's engine). These functions sort a list of positions with a
//! comparison behind `&dyn Fn`, so the sort itself exists once, and then move the elements
//! into that order along the permutation's cycles: same result as `sort_by` (stable), a
//! little more work, much less code.
//!
//! Invariants: stable; never panics (positions come from `0..len`).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    // `order[i]`: where the element that belongs at `i` is now.
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        sort_positions(&mut order, &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        });
    }
    // Move the elements along each cycle of the permutation: linear, in place.
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut current = start;
        while done.get(current) == Some(&false) {
            if let Some(slot) = done.get_mut(current) {
                *slot = true;
            }
            let Some(&next) = order.get(current) else { break };
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// Sorts `items` stably by `key`, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

/// Sorts `items` ascending, linearly, for the narrative's shingle hashes (thousands of them
/// per report; sorting them by comparisons through `&dyn Fn` cost more than hashing). The items
/// are spread by their top byte into 256 buckets, and each bucket is sorted on its own: by
/// insertion when it holds at most [`SMALL_BUCKET`] (hashes fall evenly: a report's few
/// thousand make buckets of a few dozen), else by [`radix_sort`] of its other bytes, so that
/// the work stays linear however the values fall.
pub fn sort_u64(items: &mut Vec<u64>) {
    if items.len() < 2 {
        return;
    }
    // `starts[b]`: where bucket `b` begins in `spread`.
    let mut starts = [0usize; 257];
    for &x in items.iter() {
        starts[(x >> 56) as usize + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut spread = vec![0u64; items.len()];
    let mut fill = starts;
    for &x in items.iter() {
        let b = (x >> 56) as usize;
        if let Some(slot) = spread.get_mut(fill[b]) {
            *slot = x;
        }
        fill[b] += 1;
    }
    for b in 0..256 {
        let Some(bucket) = spread.get_mut(starts[b]..starts[b + 1]) else { continue };
        if bucket.len() <= SMALL_BUCKET {
            insertion_sort(bucket);
        } else {
            radix_sort(bucket);
        }
    }
    *items = spread;
}

/// Buckets of [`sort_u64`] sorted by insertion at most (a few hundred moves each).
const SMALL_BUCKET: usize = 32;

fn insertion_sort(items: &mut [u64]) {
    for i in 1..items.len() {
        let x = items[i];
        let mut j = i;
        while j > 0 && items[j - 1] > x {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = x;
    }
}

/// A radix sort: eight passes of one byte, a pass skipped when every item has the same byte
/// there, the counts of all eight from one read.
fn radix_sort(items: &mut [u64]) {
    let mut from = items.to_vec();
    let mut to = vec![0u64; items.len()];
    let mut all_counts = [[0usize; 256]; 8];
    for &x in items.iter() {
        for (pass, counts) in all_counts.iter_mut().enumerate() {
            counts[((x >> (pass * 8)) & 0xFF) as usize] += 1;
        }
    }
    for (pass, counts) in all_counts.iter_mut().enumerate() {
        let shift = pass * 8;
        if counts.contains(&items.len()) {
            continue;
        }
        let mut next = 0;
        for count in counts.iter_mut() {
            let n = *count;
            *count = next;
            next += n;
        }
        for &x in &from {
            let digit = ((x >> shift) & 0xFF) as usize;
            if let Some(slot) = to.get_mut(counts[digit]) {
                *slot = x;
            }
            counts[digit] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    items.copy_from_slice(&from);
}

/// The one sort: positions, by a comparison of the elements at them.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    #[allow(clippy::disallowed_methods)] // The one instantiation everything else goes through.
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // The standard sort is the oracle.
mod tests {
    use super::*;

    #[test]
    fn sorts_u64_like_the_standard_sort() {
        for n in [0usize, 1, 2, 3, 100, 5000] {
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            let mut items: Vec<u64> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    // Some equal items, some sharing their high or low bytes.
                    match i % 4 {
                        0 => x,
                        1 => x & 0xFFFF,
                        2 => x << 40,
                        _ => 7,
                    }
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            sort_u64(&mut items);
            assert_eq!(items, expected);
        }
    }

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_ties_in_order() {
        let pairs: Vec<(u8, usize)> = (0..200usize).map(|i| (((i * 7919) % 13) as u8, i)).collect();
        let mut ours = pairs.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = pairs.clone();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        let mut words = vec!["丙".to_string(), "甲".to_string(), "乙".to_string()];
        sort(&mut words);
        assert_eq!(words, ["丙", "乙", "甲"].map(String::from).to_vec().tap_sorted());
        // Longer than any cycle a shuffle makes by accident: every element moved.
        let mut shuffled: Vec<u32> =
            (0..10_000u32).map(|i| i.wrapping_mul(2_654_435_761) % 10_007).collect();
        let mut expected = shuffled.clone();
        expected.sort_unstable();
        sort(&mut shuffled);
        assert_eq!(shuffled, expected);
        let mut none: Vec<f64> = Vec::new();
        sort_by(&mut none, f64::total_cmp);
        assert!(none.is_empty());
    }

    trait TapSorted {
        fn tap_sorted(self) -> Self;
    }

    impl TapSorted for Vec<String> {
        fn tap_sorted(mut self) -> Self {
            self.sort();
            self
        }
    }
}
