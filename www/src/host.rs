//! What the browser lends the engine in place of code the page's wasm leaves out.
//!
//! GB18030/GBK: the engine is built without its tables here (`gbk-table` off: 48 KB gzip less
//! to load) and decodes through the browser's `TextDecoder('gbk')`, the WHATWG decoder its
//! tables are tested against (`src/input/gb18030.rs`). Set on the page's thread and in each
//! checking worker before the first check.
//!
//! The PDF and Word readers: a second wasm module loaded on first use (`readers.rs`).

#[cfg(target_arch = "wasm32")]
pub(crate) fn lend() {
    gouji::input::set_host_decoder(gbk);
    crate::readers::lend();
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn lend() {}

/// The browser's GB18030 decoding of `bytes` (malformed sequences as U+FFFD).
#[cfg(target_arch = "wasm32")]
fn gbk(bytes: &[u8]) -> String {
    thread_local! {
        // One decoder for every call (a PDF's fonts decode glyph codes one at a time).
        static DECODER: Option<web_sys::TextDecoder> = web_sys::TextDecoder::new_with_label("gbk").ok();
    }
    DECODER
        .with(|decoder| decoder.as_ref().and_then(|d| d.decode_with_u8_array(bytes).ok()))
        .unwrap_or_else(|| "\u{FFFD}".repeat(bytes.len()))
}
