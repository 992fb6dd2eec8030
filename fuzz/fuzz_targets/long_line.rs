//! Arbitrary text repeated into one long line, at two lengths: checking it must never panic,
//! and twice the line must cost at most about twice the work (`gouji::work`), so that the
//! fuzzer hunts for anything quadratic in a line's length.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let unit = String::from_utf8_lossy(data).replace(['\n', '\r'], " ");
    if unit.trim().is_empty() {
        return;
    }
    // Below every budget's floor (tokens, source-map runs, cells), so no cap bends the count.
    let line = |len: usize| unit.repeat(len / unit.len() + 1);
    let (small, large) = (line(16 * 1024), line(32 * 1024));
    let work = |text: &str| gouji::work::measure(|| gouji::check(&gouji::Input::text(text))).1;
    let (w_small, w_large) = (work(&small), work(&large));
    assert!(
        w_large <= w_small * 3 + 20_000,
        "{} then {} steps for {} and {} bytes of {unit:?}",
        w_small,
        w_large,
        small.len(),
        large.len()
    );
});
