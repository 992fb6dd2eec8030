//! Arbitrary text as a decisions file: reading must never panic, and what is read writes
//! back to a file that reads back the same.
#![no_main]
use gouji::review::Decisions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(read) = Decisions::from_json(text) {
        assert_eq!(Decisions::from_json(&read.to_json()), Ok(read));
    }
});
