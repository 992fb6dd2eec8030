//! Writes the sample's tables as a .docx (for looking at it in Word or LibreOffice):
//! `cargo run --example filled_docx -- OUT.docx`.
fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "tables.docx".to_string());
    let checked = gouji::check(&gouji::Input::text(gouji::SAMPLE_REPORT));
    let mut blocks =
        vec![gouji::office::Block::Heading("示例：张店区应急管理局 2023 年的表格".into())];
    blocks.extend(
        gouji::export::printed_tables(&checked).into_iter().map(gouji::office::Block::Table),
    );
    if let Err(e) = std::fs::write(&out, gouji::office::docx(&blocks)) {
        eprintln!("{out}: {e}");
    }
}
