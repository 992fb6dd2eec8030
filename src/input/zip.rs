//! A minimal ZIP reader: enough to take one part out of a Word (.docx) file.
//!
//! [`Archive::parse`] finds the End Of Central Directory record (searching backwards over at
//! most the largest possible comment), walks the central directory and lists the entries;
//! [`Archive::read`] extracts one of them, stored (method 0) or deflated (method 8, inflated
//! by `miniz_oxide`), and checks its size and CRC-32 against the central directory.
//! Sizes always come from the central directory, so entries written with a data descriptor
//! (flag bit 3, zeros in the local header) read like any other.
//!
//! Invariants: never panics on any bytes; every offset is checked before it is used; at most
//! [`MAX_ENTRIES`] entries are listed; an entry is inflated into at most its declared size,
//! which must be at most [`MAX_ENTRY_SIZE`] and at most [`MAX_RATIO`] times its compressed
//! size, so a zip bomb stops as soon as it exceeds what it declared; ZIP64 archives and
//! encrypted entries are reported as unsupported, not guessed at. Linear in the input.

/// Archives listing more entries than this are refused (a .docx has a few dozen).
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// The largest decompressed entry we inflate: the largest input the engine reads at all.
pub(crate) const MAX_ENTRY_SIZE: usize = super::MAX_INPUT_BYTES;
/// The largest compression ratio accepted for an entry above [`RATIO_FREE_SIZE`]. Word's XML
/// compresses 5–30 times; a run of zeros compresses about 1000 times.
pub(crate) const MAX_RATIO: u64 = 300;
/// Entries up to this size are inflated whatever their ratio: they cannot hurt.
pub(crate) const RATIO_FREE_SIZE: u64 = 1024 * 1024;

/// The largest comment an End Of Central Directory record can carry.
const MAX_COMMENT: usize = 0xFFFF;
const EOCD_SIGNATURE: &[u8; 4] = b"PK\x05\x06";
const EOCD_LEN: usize = 22;
const ZIP64_LOCATOR_SIGNATURE: &[u8; 4] = b"PK\x06\x07";
const CENTRAL_SIGNATURE: &[u8; 4] = b"PK\x01\x02";
const CENTRAL_LEN: usize = 46;
const LOCAL_SIGNATURE: &[u8; 4] = b"PK\x03\x04";
const LOCAL_LEN: usize = 30;

/// Why an archive or one of its entries could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum Error {
    /// No End Of Central Directory record: not a zip archive, or cut short.
    NoEndRecord,
    /// An offset or size points past the end of the bytes: the archive was cut short.
    Truncated,
    /// A record has the wrong signature, the compressed data is invalid, or the data does not
    /// match its declared size or CRC-32.
    Corrupt,
    /// A ZIP64 archive or entry (sizes or counts that do not fit the classic format).
    Zip64,
    /// The entry is encrypted (general purpose flag bit 0).
    Encrypted,
    /// The entry uses a compression method other than stored (0) or deflate (8).
    UnsupportedMethod(u16),
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries,
    /// The entry declares more than [`MAX_ENTRY_SIZE`] bytes, compresses suspiciously well
    /// (more than [`MAX_RATIO`]), or inflates to more than it declared: a zip bomb.
    TooLarge,
}

/// One entry of the central directory.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry<'a> {
    /// The entry's name as stored (Word writes UTF-8 paths with `/`).
    pub(crate) name: &'a [u8],
    flags: u16,
    method: u16,
    crc: u32,
    compressed_size: u64,
    size: u64,
    local_offset: u64,
}

/// A parsed archive: its bytes and its central directory.
#[derive(Clone, Debug)]
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
    /// Bytes prepended to the archive (a self-extractor stub): added to every local offset.
    shift: u64,
}

impl<'a> Archive<'a> {
    /// Finds the End Of Central Directory record and reads the central directory.
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Archive<'a>, Error> {
        let eocd_at = find_end_record(bytes).ok_or(Error::NoEndRecord)?;
        let eocd = slice(bytes, eocd_at, EOCD_LEN).ok_or(Error::Truncated)?;
        let n_entries = u16_at(eocd, 10).ok_or(Error::Truncated)?;
        let cd_size = u32_at(eocd, 12).ok_or(Error::Truncated)?;
        let cd_offset = u32_at(eocd, 16).ok_or(Error::Truncated)?;
        let zip64_locator = eocd_at
            .checked_sub(20)
            .and_then(|at| slice(bytes, at, 4))
            .is_some_and(|sig| sig == ZIP64_LOCATOR_SIGNATURE);
        if zip64_locator
            || n_entries == 0xFFFF
            || cd_size == 0xFFFF_FFFF
            || cd_offset == 0xFFFF_FFFF
        {
            return Err(Error::Zip64);
        }
        let n_entries = usize::from(n_entries);
        if n_entries > MAX_ENTRIES {
            return Err(Error::TooManyEntries);
        }
        // The central directory ends where the end record starts. When it says it starts
        // earlier than that, bytes were prepended to the archive: shift every offset.
        let cd_start = eocd_at.checked_sub(cd_size as usize).ok_or(Error::Truncated)?;
        let shift = (cd_start as u64).checked_sub(u64::from(cd_offset)).ok_or(Error::Corrupt)?;
        let directory = bytes.get(cd_start..eocd_at).ok_or(Error::Truncated)?;

        let mut entries = Vec::with_capacity(n_entries);
        let mut at = 0usize;
        while entries.len() < n_entries {
            let header = slice(directory, at, CENTRAL_LEN).ok_or(Error::Truncated)?;
            if header.get(..4) != Some(CENTRAL_SIGNATURE.as_slice()) {
                return Err(Error::Corrupt);
            }
            let field16 = |offset| u16_at(header, offset).ok_or(Error::Truncated);
            let field32 = |offset| u32_at(header, offset).ok_or(Error::Truncated);
            let (flags, method) = (field16(8)?, field16(10)?);
            let (crc, compressed_size, size) = (field32(16)?, field32(20)?, field32(24)?);
            let name_len = usize::from(field16(28)?);
            let extra_len = usize::from(field16(30)?);
            let comment_len = usize::from(field16(32)?);
            let local_offset = field32(42)?;
            let name_start = at + CENTRAL_LEN;
            let name = slice(directory, name_start, name_len).ok_or(Error::Truncated)?;
            entries.push(Entry {
                name,
                flags,
                method,
                crc,
                compressed_size: u64::from(compressed_size),
                size: u64::from(size),
                local_offset: u64::from(local_offset),
            });
            at = name_start + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries, shift })
    }

    /// The entries, in central-directory order.
    pub(crate) fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// The first entry whose name is `name`, compared as ASCII case-insensitively with `\`
    /// read as `/` (package part names are case-insensitive; some zip tools write `\`).
    pub(crate) fn find(&self, name: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|entry| same_name(entry.name, name))
    }

    /// Extracts an entry's bytes (see the module doc for the limits).
    pub(crate) fn read(&self, entry: &Entry<'_>) -> Result<Vec<u8>, Error> {
        if entry.flags & 1 != 0 {
            return Err(Error::Encrypted);
        }
        if entry.size == 0xFFFF_FFFF
            || entry.compressed_size == 0xFFFF_FFFF
            || entry.local_offset == 0xFFFF_FFFF
        {
            return Err(Error::Zip64);
        }
        if !matches!(entry.method, 0 | 8) {
            return Err(Error::UnsupportedMethod(entry.method));
        }
        if entry.size > MAX_ENTRY_SIZE as u64
            || (entry.size > RATIO_FREE_SIZE
                && entry.size > entry.compressed_size.saturating_mul(MAX_RATIO))
        {
            return Err(Error::TooLarge);
        }
        let local_at = entry
            .local_offset
            .checked_add(self.shift)
            .and_then(|at| usize::try_from(at).ok())
            .ok_or(Error::Truncated)?;
        let local = slice(self.bytes, local_at, LOCAL_LEN).ok_or(Error::Truncated)?;
        if local.get(..4) != Some(LOCAL_SIGNATURE.as_slice()) {
            return Err(Error::Corrupt);
        }
        // Only the local name and extra lengths are taken from the local header: its sizes
        // are zero when a data descriptor follows the data.
        let name_len = usize::from(u16_at(local, 26).ok_or(Error::Truncated)?);
        let extra_len = usize::from(u16_at(local, 28).ok_or(Error::Truncated)?);
        // `local_at` is inside the bytes, so this sum cannot overflow.
        let data_at = local_at + LOCAL_LEN + name_len + extra_len;
        let compressed_size =
            usize::try_from(entry.compressed_size).map_err(|_| Error::Truncated)?;
        let data = slice(self.bytes, data_at, compressed_size).ok_or(Error::Truncated)?;
        // Checked against MAX_ENTRY_SIZE above, so it fits.
        let size = entry.size as usize;
        let out = if entry.method == 0 {
            if compressed_size != size {
                return Err(Error::Corrupt);
            }
            data.to_vec()
        } else {
            inflate(data, size)?
        };
        if crc32(&out) != entry.crc {
            return Err(Error::Corrupt);
        }
        Ok(out)
    }
}

/// Inflates raw deflate data that must come to exactly `size` bytes; stops as soon as the
/// output would exceed `size`.
fn inflate(data: &[u8], size: usize) -> Result<Vec<u8>, Error> {
    match inflate_exactly(data, size) {
        Ok(out) => Ok(out),
        // More output than the entry declared: a bomb, or lying sizes.
        Err(true) => Err(Error::TooLarge),
        // Less output than declared, or invalid data.
        Err(false) => Err(Error::Corrupt),
    }
}

/// Raw deflate data inflated to exactly `size` bytes; `Err(true)` when it would be longer,
/// `Err(false)` when shorter or not deflate data. Without the `readers` feature, the host's
/// (see `host.rs`).
#[cfg(feature = "readers")]
pub fn inflate_exactly(data: &[u8], size: usize) -> Result<Vec<u8>, bool> {
    use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};
    match decompress_to_vec_with_limit(data, size) {
        Ok(out) if out.len() == size => Ok(out),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => Err(true),
        Ok(_) | Err(_) => Err(false),
    }
}

#[cfg(not(feature = "readers"))]
fn inflate_exactly(data: &[u8], size: usize) -> Result<Vec<u8>, bool> {
    match super::host::readers() {
        Some(readers) => (readers.inflate)(data, size),
        None => Err(false),
    }
}

/// The offset of the End Of Central Directory record: the last signature, within the last
/// `EOCD_LEN + MAX_COMMENT` bytes, whose comment length fits the bytes after it.
fn find_end_record(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(EOCD_LEN)?;
    let first = last.saturating_sub(MAX_COMMENT);
    (first..=last).rev().find(|&at| {
        slice(bytes, at, 4) == Some(EOCD_SIGNATURE.as_slice())
            && u16_at(bytes, at + 20)
                .is_some_and(|comment| at + EOCD_LEN + usize::from(comment) <= bytes.len())
    })
}

fn same_name(stored: &[u8], wanted: &str) -> bool {
    let wanted = wanted.as_bytes();
    stored.len() == wanted.len()
        && stored.iter().zip(wanted).all(|(&a, &b)| {
            let a = if a == b'\\' { b'/' } else { a };
            a.eq_ignore_ascii_case(&b)
        })
}

/// `len` bytes from `at`, if they are all there (no overflow on 32-bit targets either).
fn slice(bytes: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    bytes.get(at..at.checked_add(len)?)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let pair: [u8; 2] = slice(bytes, at, 2)?.try_into().ok()?;
    Some(u16::from_le_bytes(pair))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let quad: [u8; 4] = slice(bytes, at, 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(quad))
}

/// CRC-32 (IEEE 802.3, reflected, as zip uses it), one table lookup per byte.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc = CRC_TABLE[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use miniz_oxide::deflate::compress_to_vec;

    /// One entry for [`build`]: its name, its data, and how to store it.
    pub(crate) struct TestEntry<'a> {
        pub(crate) name: &'a str,
        pub(crate) data: &'a [u8],
        pub(crate) deflate: bool,
        pub(crate) flags: u16,
    }

    impl<'a> TestEntry<'a> {
        pub(crate) fn stored(name: &'a str, data: &'a [u8]) -> Self {
            TestEntry { name, data, deflate: false, flags: 0 }
        }
        pub(crate) fn deflated(name: &'a str, data: &'a [u8]) -> Self {
            TestEntry { name, data, deflate: true, flags: 0 }
        }
    }

    /// The raw pieces of one entry as [`write_zip`] writes it.
    pub(crate) struct RawEntry {
        pub(crate) name: Vec<u8>,
        pub(crate) method: u16,
        pub(crate) flags: u16,
        pub(crate) crc: u32,
        pub(crate) size: u32,
        pub(crate) data: Vec<u8>,
    }

    /// A tiny zip writer: local headers (with a data descriptor when flag bit 3 is set),
    /// the central directory and the end record.
    pub(crate) fn write_zip(entries: &[RawEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for entry in entries {
            let offset = out.len() as u32;
            let descriptor = entry.flags & 8 != 0;
            let (crc, csize, size) = if descriptor {
                (0, 0, 0)
            } else {
                (entry.crc, entry.data.len() as u32, entry.size)
            };
            out.extend_from_slice(LOCAL_SIGNATURE);
            for v in [20u16, entry.flags, entry.method, 0, 0] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, csize, size] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&entry.name);
            out.extend_from_slice(&entry.data);
            if descriptor {
                out.extend_from_slice(b"PK\x07\x08");
                for v in [entry.crc, entry.data.len() as u32, entry.size] {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            central.extend_from_slice(CENTRAL_SIGNATURE);
            for v in [20u16, 20, entry.flags, entry.method, 0, 0] {
                central.extend_from_slice(&v.to_le_bytes());
            }
            for v in [entry.crc, entry.data.len() as u32, entry.size] {
                central.extend_from_slice(&v.to_le_bytes());
            }
            for v in [entry.name.len() as u16, 0, 0, 0, 0] {
                central.extend_from_slice(&v.to_le_bytes());
            }
            central.extend_from_slice(&0u32.to_le_bytes());
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(&entry.name);
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(EOCD_SIGNATURE);
        for v in [0u16, 0, entries.len() as u16, entries.len() as u16] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    pub(crate) fn raw(entry: &TestEntry<'_>) -> RawEntry {
        RawEntry {
            name: entry.name.as_bytes().to_vec(),
            method: if entry.deflate { 8 } else { 0 },
            flags: entry.flags,
            crc: crc32(entry.data),
            size: entry.data.len() as u32,
            data: if entry.deflate { compress_to_vec(entry.data, 6) } else { entry.data.to_vec() },
        }
    }

    pub(crate) fn build(entries: &[TestEntry<'_>]) -> Vec<u8> {
        write_zip(&entries.iter().map(raw).collect::<Vec<_>>())
    }

    /// Raw deflate data for `size` zero bytes, compressed as a stream so that the zeros are
    /// never held in memory at once.
    pub(crate) fn deflated_zeros(size: usize) -> Vec<u8> {
        use miniz_oxide::deflate::core::{
            CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output,
            create_comp_flags_from_zip_params,
        };
        let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(1, 0, 0));
        let zeros = vec![0u8; 1 << 20];
        let mut out = Vec::new();
        let mut left = size;
        loop {
            let take = left.min(zeros.len());
            left -= take;
            let flush = if left == 0 { TDEFLFlush::Finish } else { TDEFLFlush::None };
            let (status, _) = compress_to_output(&mut compressor, &zeros[..take], flush, |b| {
                out.extend_from_slice(b);
                true
            });
            if status == TDEFLStatus::Done || left == 0 {
                break;
            }
        }
        out
    }

    fn read_named(bytes: &[u8], name: &str) -> Result<Vec<u8>, Error> {
        let archive = Archive::parse(bytes)?;
        let entry = archive.find(name).ok_or(Error::Corrupt)?;
        archive.read(entry)
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn reads_stored_and_deflated_entries() {
        let text = "政府信息公开工作年度报告 ".repeat(200);
        let bytes = build(&[
            TestEntry::stored("[Content_Types].xml", b"<Types/>"),
            TestEntry::deflated("word/document.xml", text.as_bytes()),
            TestEntry::deflated("empty.txt", b""),
        ]);
        let archive = Archive::parse(&bytes).unwrap();
        let names: Vec<&[u8]> = archive.entries().iter().map(|e| e.name).collect();
        assert_eq!(names, [&b"[Content_Types].xml"[..], b"word/document.xml", b"empty.txt"]);
        assert_eq!(read_named(&bytes, "[content_types].xml").unwrap(), b"<Types/>");
        assert_eq!(read_named(&bytes, "word/document.xml").unwrap(), text.as_bytes());
        assert_eq!(read_named(&bytes, "empty.txt").unwrap(), b"");
        assert!(archive.find("word/styles.xml").is_none());
    }

    #[test]
    fn reads_backslash_names_data_descriptors_comments_and_prefixes() {
        let mut entry = raw(&TestEntry::deflated("word\\document.xml", b"<w:document/>"));
        entry.flags = 8;
        let mut bytes = write_zip(&[entry]);
        // An archive comment, then a stub prepended as self-extractors do.
        let len = bytes.len();
        bytes[len - 2..].copy_from_slice(&5u16.to_le_bytes());
        bytes.extend_from_slice(b"hello");
        let mut shifted = b"MZ stub".to_vec();
        shifted.extend_from_slice(&bytes);
        for bytes in [&bytes, &shifted] {
            assert_eq!(read_named(bytes, "word/document.xml").unwrap(), b"<w:document/>");
        }
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let text = "一、本年新收政府信息公开申请数量 12\n".repeat(50);
        let bytes = build(&[
            TestEntry::stored("a.txt", b"abc"),
            TestEntry::deflated("word/document.xml", text.as_bytes()),
        ]);
        for len in 0..bytes.len() {
            assert!(read_named(&bytes[..len], "word/document.xml").is_err(), "{len}");
        }
        // Cut out of the middle: the end record is intact but the data is gone.
        let mut cut = bytes[..20].to_vec();
        cut.extend_from_slice(&bytes[bytes.len() - 200..]);
        assert!(read_named(&cut, "word/document.xml").is_err());
    }

    #[test]
    fn refuses_encrypted_zip64_and_unknown_methods() {
        let mut encrypted = raw(&TestEntry::deflated("word/document.xml", b"<x/>"));
        encrypted.flags = 1;
        assert_eq!(
            read_named(&write_zip(&[encrypted]), "word/document.xml"),
            Err(Error::Encrypted)
        );

        let mut bzip2 = raw(&TestEntry::stored("word/document.xml", b"<x/>"));
        bzip2.method = 12;
        let bytes = write_zip(&[bzip2]);
        assert_eq!(read_named(&bytes, "word/document.xml"), Err(Error::UnsupportedMethod(12)));

        let mut zip64 = raw(&TestEntry::stored("word/document.xml", b"<x/>"));
        zip64.size = 0xFFFF_FFFF;
        assert_eq!(read_named(&write_zip(&[zip64]), "word/document.xml"), Err(Error::Zip64));

        let mut bytes = build(&[TestEntry::stored("word/document.xml", b"<x/>")]);
        let len = bytes.len();
        bytes[len - 6..len - 2].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        assert_eq!(Archive::parse(&bytes).unwrap_err(), Error::Zip64);
    }

    #[test]
    fn refuses_corrupt_data_and_wrong_checksums() {
        let text = "（七）总计 1 2 3 ".repeat(100);
        let good = raw(&TestEntry::deflated("word/document.xml", text.as_bytes()));
        let mut bad_crc = raw(&TestEntry::deflated("word/document.xml", text.as_bytes()));
        bad_crc.crc ^= 1;
        assert_eq!(read_named(&write_zip(&[bad_crc]), "word/document.xml"), Err(Error::Corrupt));
        let mut garbage = raw(&TestEntry::deflated("word/document.xml", text.as_bytes()));
        garbage.data = vec![0xFF; good.data.len()];
        assert_eq!(read_named(&write_zip(&[garbage]), "word/document.xml"), Err(Error::Corrupt));
        let mut short = raw(&TestEntry::deflated("word/document.xml", text.as_bytes()));
        short.size += 10;
        assert_eq!(read_named(&write_zip(&[short]), "word/document.xml"), Err(Error::Corrupt));
        assert_eq!(Archive::parse(b"not a zip at all").unwrap_err(), Error::NoEndRecord);
    }

    #[test]
    fn refuses_zip_bombs_without_inflating_them() {
        const BOMB: usize = 100 << 20;
        let zeros = deflated_zeros(BOMB);
        assert!(zeros.len() < 1 << 20, "{}", zeros.len());
        let bomb = |declared: usize| {
            write_zip(&[RawEntry {
                name: b"word/document.xml".to_vec(),
                method: 8,
                flags: 0,
                crc: 0,
                size: declared as u32,
                data: zeros.clone(),
            }])
        };
        // Honest about its size: over the limit.
        assert_eq!(read_named(&bomb(BOMB), "word/document.xml"), Err(Error::TooLarge));
        // Under the size limit but a thousand to one.
        assert_eq!(read_named(&bomb(60 << 20), "word/document.xml"), Err(Error::TooLarge));
        // Lying about its size: inflating stops at the declared size.
        assert_eq!(read_named(&bomb(4096), "word/document.xml"), Err(Error::TooLarge));
        // Too many entries.
        let mut bytes = build(&[TestEntry::stored("a", b"")]);
        let len = bytes.len();
        bytes[len - 12..len - 10].copy_from_slice(&20_000u16.to_le_bytes());
        assert_eq!(Archive::parse(&bytes).unwrap_err(), Error::TooManyEntries);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        #[test]
        fn mangled_archives_never_panic(
            edits in proptest::collection::vec((0usize..400, proptest::prelude::any::<u8>()), 0..8),
            cut in 0usize..400,
        ) {
            let mut bytes = build(&[
                TestEntry::stored("[Content_Types].xml", b"<Types/>"),
                TestEntry::deflated("word/document.xml", "<w:t>表三 1 2 3</w:t>".repeat(8).as_bytes()),
            ]);
            for (at, byte) in edits {
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = byte;
                }
            }
            bytes.truncate(bytes.len().saturating_sub(cut % 8));
            if let Ok(archive) = Archive::parse(&bytes) {
                for entry in archive.entries() {
                    let _ = archive.read(entry);
                }
            }
        }
    }
}
