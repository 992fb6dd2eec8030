//! Arbitrary bytes through the whole engine: it must never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = gouji::check(&gouji::Input { bytes: data, name: None });
    std::hint::black_box(checked.verdict());
});
