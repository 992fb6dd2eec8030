//! Stage 0: bytes → [`Source`], the text the user sees.
//!
//! Decodes UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly UTF-16 by its NUL
//! pattern) and GB18030/GBK; renders HTML through its tables ([`html`]). Reads Word .docx
//! files: the document is taken out of the zip package ([`zip`]) and read ([`docx`]) like a
//! saved page. Extracts the text of text PDFs and lays it out like `pdftotext -layout`
//! ([`pdf`]). Every table, whatever the file, is a [`grid::Grid`] rendered one tab-separated
//! line per row. Recognizes the formats it cannot read (scanned or
//! encrypted PDF, legacy Word/Excel, Excel, images, archives, programs) and says so; a .docx
//! that cannot be read (damaged, encrypted, a zip bomb) gets a message saying why.
//!
//! Invariants: never panics, never guesses silently (the encoding used is reported), and
//! does no I/O: the shells hand it bytes. Nothing read from a zip is allowed to grow past
//! [`MAX_INPUT_BYTES`].

#[cfg(feature = "readers")]
mod docx;
mod gb18030;
mod grid;
mod host;
mod html;
#[cfg(feature = "readers")]
mod numbering;
#[cfg(feature = "readers")]
mod pdf;
mod reading;

pub use gb18030::set_host_decoder;
pub use host::{Document, Readers, set_host_readers};
pub use reading::{Reading, Stop};
#[cfg(feature = "readers")]
pub use zip::inflate_exactly;
pub(crate) mod xml;
pub(crate) mod zip;

/// Inputs larger than this are refused with a message rather than processed.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The decoded input, as shown to the user. Every span in the engine's output points into
/// [`Source::text`].
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Source {
    /// The decoded text; for HTML input, the rendered text (one line per table row).
    pub text: String,
    /// What the bytes were.
    pub kind: SourceKind,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Malformed sequences replaced by U+FFFD while decoding; for a PDF, the glyphs whose
    /// font gives no text (also written as U+FFFD).
    pub replaced: usize,
    /// True when the reader stopped before the end: a PDF's text past 16 MB, a page's or a
    /// Word document's text past the size of the file itself. `text` holds what was read.
    pub truncated: bool,
}

/// What kind of document the bytes held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SourceKind {
    /// Plain text (pasted text, .txt, .md).
    Text,
    /// An HTML document or clipboard fragment.
    Html,
    /// A Word 2007+ document (.docx), read through its tables like a web page.
    Docx,
    /// A PDF file's text, laid out like `pdftotext -layout` (one line per printed line).
    Pdf,
}

/// The character encoding the bytes were read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Encoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// The text layer of a PDF (its fonts' ToUnicode maps).
    Pdf,
}

impl Encoding {
    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Gb18030 => "GB18030/GBK",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Pdf => "PDF 文字层",
        }
    }
}

/// Why the bytes could not be read as a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Unreadable {
    /// Nothing but whitespace.
    Empty,
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge,
    /// A PDF file with no readable structure (no page found).
    PdfBroken,
    /// An encrypted PDF file.
    PdfEncrypted,
    /// A PDF whose pages hold no text: a scan (images only).
    PdfScanned,
    /// A PDF whose text cannot be read: its fonts give no character mapping.
    PdfUnmapped,
    /// A Word 2007+ document that is damaged or cut short (not a readable zip, or its
    /// document part fails to decompress or to match its checksum).
    DocxDamaged,
    /// A Word document protected by a password (an encrypted package or encrypted entries).
    DocxEncrypted,
    /// A Word document that would decompress to more than [`MAX_INPUT_BYTES`], or
    /// compresses suspiciously well: a zip bomb.
    DocxTooLarge,
    /// A Word document stored with ZIP64 or a compression method other than deflate.
    DocxUnsupported,
    /// A zip that looks like a Word package but holds no main document.
    DocxNoDocument,
    /// A Word document with no text (only pictures, for example a scan).
    DocxNoText,
    /// A legacy Word or Excel (OLE) file.
    OfficeLegacy,
    /// An Excel 2007+ workbook.
    Xlsx,
    /// Another zip archive (or a compressed file).
    Archive,
    /// An image.
    Image,
    /// An executable program.
    Executable,
    /// Bytes that are not text in any supported encoding.
    Binary,
    /// The file could not be read at all (moved, deleted, or not permitted): no bytes.
    FileUnreadable,
    /// The engine stopped on this input and gave no result (a defect of gouji's, said as one:
    /// the page's checking worker stopped).
    EngineFailed,
}

impl Unreadable {
    /// The Chinese message shown to the user: what happened and what to do.
    pub fn message(self) -> &'static str {
        match self {
            Unreadable::Empty => "输入为空：请粘贴年度报告全文，或打开报告文件。",
            Unreadable::TooLarge => {
                "文件过大，不像是一份年度报告（年报通常不到 10 MB）。请检查是否选错了文件。"
            }
            Unreadable::PdfBroken => {
                "这个 PDF 文件已损坏或不完整，找不到任何页面。请重新下载报告，或在 PDF 阅读器中全选复制文字后粘贴到这里。"
            }
            Unreadable::PdfEncrypted => {
                "这个 PDF 文件已加密，无法读取其中的文字。请用 PDF 阅读器打开后全选复制文字粘贴到这里，或找到未加密的版本。"
            }
            Unreadable::PdfScanned => {
                "这是扫描版（图片）PDF，没有可以读取的文字，无法检查其中的表格。请找到文字版，或用 OCR 软件识别后复制粘贴。"
            }
            Unreadable::PdfUnmapped => {
                "这个 PDF 的字体没有提供字符对照表（ToUnicode），读不出文字。请找到报告的文字版（网页或文档），或用 OCR 软件识别后复制粘贴。"
            }
            Unreadable::DocxDamaged => {
                "这个 Word（.docx）文件已损坏或不完整（可能没有下载完），无法读取。请用 Word/WPS 打开后另存为 .docx 再试，或全选复制正文粘贴到这里。"
            }
            Unreadable::DocxEncrypted => {
                "这个 Word 文件设有打开密码（已加密），无法读取。请在 Word/WPS 中打开并取消密码后另存为 .docx，或全选复制正文粘贴到这里。"
            }
            Unreadable::DocxTooLarge => {
                "这个 Word（.docx）文件解压后超过 64 MB 或压缩比异常，不像是一份年度报告，已停止读取。请检查是否选错了文件，或全选复制正文粘贴到这里。"
            }
            Unreadable::DocxUnsupported => {
                "这个 Word（.docx）文件使用了不支持的压缩格式（如 ZIP64），无法读取。请用 Word/WPS 打开后另存为 .docx 再试，或全选复制正文粘贴到这里。"
            }
            Unreadable::DocxNoDocument => {
                "这个文件像是 Word（.docx）文件，但其中找不到正文（word/document.xml），可能已损坏。请用 Word/WPS 打开后另存为 .docx 再试，或全选复制正文粘贴到这里。"
            }
            Unreadable::DocxNoText => {
                "这个 Word（.docx）文件中没有可读取的文字（可能只有图片或扫描件）。请找到报告的文字版本（网页或文档）复制粘贴。"
            }
            Unreadable::OfficeLegacy => {
                "这是旧版 Word/Excel（.doc/.xls）文件，无法读取。请用 Word/WPS 打开后全选复制粘贴，或另存为网页（.html）。"
            }
            Unreadable::Xlsx => "这是 Excel 表格文件，无法读取。请打开后复制表格内容粘贴到这里。",
            Unreadable::Archive => "这是压缩包或压缩文件。请先解压，再打开其中的报告文件。",
            Unreadable::Image => {
                "这是图片文件，无法识别其中的文字。请找到报告的文字版本（网页或文档）复制粘贴。"
            }
            Unreadable::Executable => "这是可执行程序，不是年度报告。请检查是否选错了文件。",
            Unreadable::Binary => {
                "无法识别的文件内容：既不是 UTF-8/GBK/UTF-16 文本，也不是网页。请确认文件是年度报告的文本或网页。"
            }
            Unreadable::FileUnreadable => {
                "无法读取这个文件（可能已被移动、删除，或没有读取权限）。请重新选择文件。"
            }
            Unreadable::EngineFailed => {
                "核对程序处理这份报告时意外停止，没有得出结果。这是 gouji 的缺陷，不是报告的问题：请把这个文件交给维护者；其他报告不受影响。"
            }
        }
    }
}

/// Decodes `bytes`. `name` (a file name) only helps tell HTML from text.
pub fn read(bytes: &[u8], name: Option<&str>) -> Result<Source, Unreadable> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Unreadable::TooLarge);
    }
    if let Some(read) = read_document_here(bytes, name) {
        return read;
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(kind);
    }
    let (text, encoding, replaced) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    if looks_binary(&text) {
        return Err(Unreadable::Binary);
    }
    let by_name = name
        .and_then(|name| std::path::Path::new(name).extension())
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ["html", "htm", "xhtml"].iter().any(|e| ext.eq_ignore_ascii_case(e)));
    if by_name || looks_html(&text) {
        // Rendered text is shorter than its markup: only hostile markup (empty cells with wide
        // spans) could make it longer.
        let (rendered, truncated) = html::render_bounded(&text, text.len().max(1 << 16));
        if rendered.trim().is_empty() {
            return Err(Unreadable::Empty);
        }
        return Ok(Source {
            text: rendered,
            kind: SourceKind::Html,
            encoding,
            replaced,
            truncated,
        });
    }
    Ok(Source { text, kind: SourceKind::Text, encoding, replaced, truncated: false })
}

/// Reads a PDF or a zip (a Word document, or says what else it is); `None` for other bytes.
/// The PDF and Word readers, without the rest of [`read`]: what the readers' wasm module runs.
#[cfg(feature = "readers")]
pub fn read_document(bytes: &[u8], name: Option<&str>) -> Option<Result<Source, Unreadable>> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Some(Err(Unreadable::TooLarge));
    }
    if is_pdf(bytes) {
        return Some(read_pdf(bytes));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(read_zip(bytes, name));
    }
    None
}

#[cfg(feature = "readers")]
fn read_document_here(bytes: &[u8], name: Option<&str>) -> Option<Result<Source, Unreadable>> {
    read_document(bytes, name)
}

/// Without the readers, the host's: a PDF or a zip with no readers lent is a defect of the
/// build, said as one.
#[cfg(not(feature = "readers"))]
fn read_document_here(bytes: &[u8], name: Option<&str>) -> Option<Result<Source, Unreadable>> {
    let document =
        is_pdf(bytes) || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    if !document {
        return None;
    }
    Some(match host::readers() {
        Some(readers) => (readers.read)(bytes, name).unwrap_or(Err(Unreadable::EngineFailed)),
        None => Err(Unreadable::EngineFailed),
    })
}

/// `%PDF-` at the start, or within the first kilobyte (readers accept junk before it).
fn is_pdf(bytes: &[u8]) -> bool {
    bytes.get(..bytes.len().min(1024)).unwrap_or_default().windows(5).any(|w| w == b"%PDF-")
}

#[cfg(feature = "readers")]
fn read_pdf(bytes: &[u8]) -> Result<Source, Unreadable> {
    match pdf::extract(bytes) {
        Ok(extracted) if extracted.text.trim().is_empty() => Err(Unreadable::PdfScanned),
        Ok(extracted) => Ok(Source {
            text: extracted.text,
            kind: SourceKind::Pdf,
            encoding: Encoding::Pdf,
            replaced: extracted.unmapped,
            truncated: extracted.truncated,
        }),
        Err(pdf::Failure::Encrypted) => Err(Unreadable::PdfEncrypted),
        Err(pdf::Failure::Broken) => Err(Unreadable::PdfBroken),
        Err(pdf::Failure::NoText) => Err(Unreadable::PdfScanned),
        Err(pdf::Failure::Unmapped) => Err(Unreadable::PdfUnmapped),
    }
}

fn decode(bytes: &[u8]) -> Result<(String, Encoding, usize), Unreadable> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest);
        let replaced = text.matches(char::REPLACEMENT_CHARACTER).count();
        return Ok((text.into_owned(), Encoding::Utf8Bom, replaced));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, true, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, false, Encoding::Utf16Be));
    }
    // UTF-16 without a BOM: ASCII-heavy text has NUL in every other byte.
    // A sample without a NUL is not UTF-16 (asked first: one fast search).
    if bytes.len() >= 4 && bytes[..bytes.len().min(4096) & !1].contains(&0) {
        let sample = &bytes[..bytes.len().min(4096) & !1];
        let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 2;
        if odd_nul * 10 >= half * 3 && even_nul * 20 < half {
            return Ok(utf16(bytes, true, Encoding::Utf16Le));
        }
        if even_nul * 10 >= half * 3 && odd_nul * 20 < half {
            return Ok(utf16(bytes, false, Encoding::Utf16Be));
        }
    }
    // Binary data has NUL bytes everywhere; a text file may have a stray one, read as a
    // replaced character.
    let nuls = count_bytes(bytes, |b| b == 0);
    if nuls * 50 > bytes.len() {
        return Err(Unreadable::Binary);
    }
    if nuls == 0
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Ok((text.to_string(), Encoding::Utf8, 0));
    }
    // UTF-8 with a few malformed bytes (one byte changed, a character cut in two) is read as a
    // browser or an editor reads it: each bad sequence becomes U+FFFD, and the user is told.
    let (mut utf8_errors, mut utf8_chars) = (nuls, 0usize);
    for chunk in bytes.utf8_chunks() {
        utf8_chars += chunk.valid().chars().count();
        utf8_errors += usize::from(!chunk.invalid().is_empty());
    }
    let few = |errors: usize, chars: usize| errors * 50 <= chars.max(1);
    let decoded = gb18030::decode(bytes);
    let gbk_errors = decoded.errors + nuls;
    // Real GBK text has (almost) no malformed sequences; other bytes have many. Of UTF-8 and
    // GBK, the reading with fewer malformed sequences wins (UTF-8 on a tie).
    if few(utf8_errors, utf8_chars) && utf8_errors <= gbk_errors {
        drop(decoded);
        let text = replace_nul(String::from_utf8_lossy(bytes).into_owned(), nuls);
        return Ok((text, Encoding::Utf8, utf8_errors));
    }
    if !few(gbk_errors, decoded.text.chars().count()) {
        return Err(Unreadable::Binary);
    }
    Ok((replace_nul(decoded.text, nuls), Encoding::Gb18030, gbk_errors))
}

/// `text` with its NUL characters (`nuls` of them) written as U+FFFD.
fn replace_nul(text: String, nuls: usize) -> String {
    if nuls == 0 { text } else { text.replace('\0', "\u{FFFD}") }
}

fn utf16(bytes: &[u8], little: bool, encoding: Encoding) -> (String, Encoding, usize) {
    let units = bytes.chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut replaced = usize::from(bytes.len() % 2 == 1);
    let mut text = String::with_capacity(bytes.len());
    for unit in char::decode_utf16(units) {
        if let Ok(ch) = unit {
            text.push(ch);
        } else {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    (text, encoding, replaced)
}

#[cfg(feature = "readers")]
/// Reads a zip archive: a Word document is read, anything else is named. A name ending in
/// `.docx` says a broken archive was meant to be a Word document.
fn read_zip(bytes: &[u8], name: Option<&str>) -> Result<Source, Unreadable> {
    let named_docx = name
        .and_then(|name| std::path::Path::new(name).extension())
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ["docx", "docm", "dotx"].iter().any(|e| ext.eq_ignore_ascii_case(e)));
    let archive = match zip::Archive::parse(bytes) {
        Ok(archive) => archive,
        // No readable directory: tell by the names in the local headers at the start.
        Err(error) => {
            let head = &bytes[..bytes.len().min(64 * 1024)];
            let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
            return Err(if has(b"word/") || named_docx {
                docx_error(error)
            } else if has(b"xl/") {
                Unreadable::Xlsx
            } else {
                Unreadable::Archive
            });
        }
    };
    let Some(entry) = docx::main_part(&archive) else {
        let under = |dir: &[u8]| {
            archive.entries().iter().any(|entry| {
                entry.name.get(..dir.len()).is_some_and(|head| head.eq_ignore_ascii_case(dir))
            })
        };
        return Err(if under(b"xl/") {
            Unreadable::Xlsx
        } else if under(b"word/") || named_docx {
            Unreadable::DocxNoDocument
        } else {
            Unreadable::Archive
        });
    };
    let xml = archive.read(entry).map_err(docx_error)?;
    // Word writes UTF-8; the XML may legally be UTF-16, which `decode` recognizes too.
    let (xml, encoding, replaced) = decode(&xml).map_err(|_| Unreadable::DocxDamaged)?;
    // Word's automatic numbering (a heading's 一、) lives in these parts; a package without
    // them, or with parts that cannot be read, is read without it.
    let part = |path: &str| -> Option<String> {
        let bytes = archive.read(archive.find(path)?).ok()?;
        decode(&bytes).ok().map(|(text, _, _)| text)
    };
    let numbering = numbering::Numbering::read(
        part("word/numbering.xml").as_deref(),
        part("word/styles.xml").as_deref(),
    );
    // A document's text is shorter than its XML; Word's numbers are added within that too.
    let limit = xml.len().max(1 << 16);
    let (text, truncated) = docx::to_text_numbered(&xml, numbering, limit);
    if text.trim().is_empty() {
        return Err(Unreadable::DocxNoText);
    }
    Ok(Source { text, kind: SourceKind::Docx, encoding, replaced, truncated })
}

#[cfg(feature = "readers")]
fn docx_error(error: zip::Error) -> Unreadable {
    match error {
        zip::Error::Encrypted => Unreadable::DocxEncrypted,
        zip::Error::TooLarge | zip::Error::TooManyEntries => Unreadable::DocxTooLarge,
        zip::Error::Zip64 | zip::Error::UnsupportedMethod(_) => Unreadable::DocxUnsupported,
        zip::Error::NoEndRecord | zip::Error::Truncated | zip::Error::Corrupt => {
            Unreadable::DocxDamaged
        }
    }
}

/// Magic numbers of formats we recognize but cannot read.
fn sniff_binary(bytes: &[u8]) -> Option<Unreadable> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // A password-protected .docx is an OLE file holding the encrypted package.
        let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(name.len()).any(|w| w == name) {
            return Some(Unreadable::DocxEncrypted);
        }
        return Some(Unreadable::OfficeLegacy);
    }
    if starts(b"\x89PNG")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || starts(b"II*\x00")
        || starts(b"MM\x00*")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        return Some(Unreadable::Image);
    }
    if starts(b"MZ") && bytes[..bytes.len().min(64)].contains(&0) {
        return Some(Unreadable::Executable);
    }
    if starts(b"\x7FELF") || starts(b"\xCF\xFA\xED\xFE") || starts(b"\0asm") {
        return Some(Unreadable::Executable);
    }
    if starts(b"\x1F\x8B") || starts(b"7z\xBC\xAF") || starts(b"Rar!") || starts(b"BZh") {
        return Some(Unreadable::Archive);
    }
    None
}

/// Decoded text that is mostly control characters or replacement characters is not a report.
fn looks_binary(text: &str) -> bool {
    // Over the first 200 000 characters, the share of U+FFFD and control characters (other
    // than line breaks, tabs and form feeds), counted on the bytes: a character starts at
    // every byte that does not continue one, U+FFFD is EF BF BD, and the control characters
    // are the bytes below 0x20, 0x7F, and U+0080..U+009F (C2 80..C2 9F).
    // Counted on plain bytes without decoding: where the 200 000th character ends, then the
    // counts up to there.
    let all = text.as_bytes();
    let starts = |b: &u8| b & 0xC0 != 0x80;
    let end = if all.len() <= 200_000 {
        all.len()
    } else {
        let mut seen = 0usize;
        all.iter()
            .position(|b| {
                let start = starts(b);
                seen += usize::from(start);
                start && seen > 200_000
            })
            .unwrap_or(all.len())
    };
    // `end` is where a character starts (or the end), so every character counted is whole.
    let head = text.get(..end).unwrap_or_default();
    let bytes = head.as_bytes();
    let total = count_bytes(bytes, |b| b & 0xC0 != 0x80);
    let control = count_bytes(bytes, |b| {
        (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F
    });
    // U+0080..U+009F: looked for only where C2 stands (rarely: `·` is C2 B7).
    let c1 = if count_bytes(bytes, |b| b == 0xC2) == 0 {
        0
    } else {
        head.chars().filter(|c| ('\u{80}'..='\u{9F}').contains(c)).count()
    };
    let bad = control + c1 + head.matches(char::REPLACEMENT_CHARACTER).count();
    bad * 20 > total
}

/// How many of `bytes` satisfy `pred`, counted in blocks of 128 with a one-byte counter: a loop
/// the compiler turns into vector code, where a count per byte into a `usize` is not.
fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(128)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(pred(b)))))
        .sum()
}

/// A document that starts with markup, or any text that carries an HTML table.
fn looks_html(text: &str) -> bool {
    // Both ways need a `<`: most pasted text has none, and is ruled out by one search.
    if !text.contains('<') {
        return false;
    }
    if text.trim_start().starts_with('<') {
        // The first 4 096 characters, asked for the tags without regard to ASCII case (and
        // without a lowercased copy).
        let head = text.trim_start();
        let head = head.char_indices().nth(4096).map_or(head, |(at, _)| &head[..at]).as_bytes();
        if ["<!doctype html", "<html", "<body", "<table", "<meta", "<div", "<p", "<span", "<head"]
            .iter()
            .any(|tag| head.windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag.as_bytes())))
        {
            return true;
        }
    }
    let has = |tag: &str| text.contains(tag) || text.contains(&tag.to_ascii_uppercase());
    has("<table") && has("<tr") && (has("<td") || has("<th"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_told_on_bytes_as_on_characters() {
        let by_chars = |text: &str| {
            let (mut total, mut bad) = (0usize, 0usize);
            for ch in text.chars().take(200_000) {
                total += 1;
                if ch == char::REPLACEMENT_CHARACTER
                    || (ch.is_control() && !matches!(ch, '\n' | '\r' | '\t' | '\x0C'))
                {
                    bad += 1;
                }
            }
            bad * 20 > total
        };
        let samples = [
            String::new(),
            "一、本年新收 1\n\t\r\x0C".to_string(),
            "ab\u{0}\u{1}\u{7F}\u{80}\u{9F}\u{A0}\u{FFFD}é".repeat(3),
            format!("{}{}", "a".repeat(190), "\u{1}".repeat(10)),
            format!("{}{}", "a".repeat(189), "\u{FFFD}".repeat(11)),
            format!("{}{}", "區".repeat(200_000), "\u{0}".repeat(20_000)),
            format!("{}{}", "\u{85}".repeat(20_000), "x".repeat(200_000)),
        ];
        for text in &samples {
            assert_eq!(looks_binary(text), by_chars(text), "{:?}", text.get(..40));
        }
    }

    #[test]
    fn decodes_every_supported_encoding() {
        let text = "一、本年新收政府信息公开申请数量 1";
        let utf8 = read(text.as_bytes(), None).unwrap();
        assert_eq!((utf8.text.as_str(), utf8.encoding), (text, Encoding::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(read(&bom, None).unwrap().encoding, Encoding::Utf8Bom);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let le = read(&le, None).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (text, Encoding::Utf16Le));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read(&be, None).unwrap().text, text);
        let ascii_le: Vec<u8> = "total 1 2 3 4".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(read(&ascii_le, None).unwrap().encoding, Encoding::Utf16Le);
        // "政府" in GBK.
        let gbk = read(&[0xD5, 0xFE, 0xB8, 0xAE, b' ', b'1'], None).unwrap();
        assert_eq!((gbk.text.as_str(), gbk.encoding), ("政府 1", Encoding::Gb18030));
    }

    #[test]
    fn names_what_it_cannot_read() {
        assert_eq!(read(b"%PDF-1.7\n", None).unwrap_err(), Unreadable::PdfBroken);
        assert_eq!(
            read(b"PK\x03\x04....word/document.xml", None).unwrap_err(),
            Unreadable::DocxDamaged
        );
        assert_eq!(read(b"\x89PNG\r\n\x1a\n", None).unwrap_err(), Unreadable::Image);
        assert_eq!(read(b"\x7FELF\x02\x01", None).unwrap_err(), Unreadable::Executable);
        assert_eq!(read(b"  \n\t ", None).unwrap_err(), Unreadable::Empty);
        let noise: Vec<u8> =
            (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(read(&noise, None).is_err());
    }

    #[test]
    fn docx_is_read_through_its_tables() {
        use zip::tests::{TestEntry, build};
        let xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
                   <w:p><w:r><w:t>表三</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>\
                   <w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
        let docx = build(&[TestEntry::deflated("word/document.xml", xml.as_bytes())]);
        let source = read(&docx, Some("a.docx")).unwrap();
        assert_eq!((source.text.as_str(), source.kind), ("表三\na\t1\n", SourceKind::Docx));
        assert_eq!(source.encoding, Encoding::Utf8);
        let empty = build(&[TestEntry::deflated("word/document.xml", b"<w:document/>")]);
        assert_eq!(read(&empty, None).unwrap_err(), Unreadable::DocxNoText);
        let sheet = build(&[TestEntry::stored("xl/workbook.xml", b"<workbook/>")]);
        assert_eq!(read(&sheet, Some("a.docx")).unwrap_err(), Unreadable::Xlsx);
        assert_eq!(
            read(&sheet[..sheet.len() - 1], Some("a.docx")).unwrap_err(),
            Unreadable::DocxDamaged
        );
        let other = build(&[TestEntry::stored("notes.txt", b"hello")]);
        assert_eq!(read(&other, Some("a.zip")).unwrap_err(), Unreadable::Archive);
        assert_eq!(read(&other, Some("a.docx")).unwrap_err(), Unreadable::DocxNoDocument);
    }

    #[test]
    fn html_is_rendered() {
        let source =
            read(b"<html><body><table><tr><td>a</td><td>1</td></tr></table></body></html>", None);
        let source = source.unwrap();
        assert_eq!(source.kind, SourceKind::Html);
        assert_eq!(source.text, "a\t1\n");
    }
}
