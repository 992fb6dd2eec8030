//! Arbitrary bytes after a PDF header, through the whole engine: the PDF reader must never
//! panic or hang, whatever the objects, streams, fonts and content streams hold.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    let checked = gouji::check(&gouji::Input { bytes: &bytes, name: None });
    std::hint::black_box(checked.verdict());
});
