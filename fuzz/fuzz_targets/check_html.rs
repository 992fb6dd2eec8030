//! Arbitrary text wrapped as an HTML table with the format's labels, so the fuzzer spends its
//! time inside the table reader rather than the decoder.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let html = format!(
        "<table><tr><td>一、本年新收政府信息公开申请数量</td>{text}</tr><tr><td>二、上年结转政府信息公开申请数量</td></tr></table>行政复议结果维持{text}"
    );
    std::hint::black_box(gouji::check(&gouji::Input { bytes: html.as_bytes(), name: Some("f.html") }));
    std::hint::black_box(gouji::check(&gouji::Input::text(&text)));
});
