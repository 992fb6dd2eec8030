//! Stream filters: `/FlateDecode` (with PNG predictors), `/ASCIIHexDecode`, `/ASCII85Decode`.
//!
//! Every decoded byte is taken from a shared [`Budget`], so that a small file cannot make the
//! engine inflate gigabytes (a "Flate bomb"): a stream stops at the budget or at
//! [`MAX_STREAM_BYTES`], and what was inflated so far is kept.
//!
//! Invariants: never panics on corrupt data (a broken stream yields what could be decoded);
//! unsupported filters (`/DCTDecode`, `/JBIG2Decode`, `/LZWDecode`, …) yield `None`: their
//! streams are images or rare, and are skipped, never guessed at.

use std::cell::Cell;

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use super::lexer::{Dict, Object};

/// No single stream is inflated past this many bytes.
pub(crate) const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;

/// How many more bytes all streams of one file may still decode to.
#[derive(Debug)]
pub(crate) struct Budget {
    left: Cell<usize>,
}

impl Budget {
    /// A budget of `bytes` decoded bytes.
    pub(crate) fn new(bytes: usize) -> Budget {
        Budget { left: Cell::new(bytes) }
    }

    /// Bytes left.
    pub(crate) fn left(&self) -> usize {
        self.left.get()
    }

    fn spend(&self, bytes: usize) {
        self.left.set(self.left.get().saturating_sub(bytes));
    }
}

/// One filter of a stream's chain, with its parameters.
pub(crate) struct Filter<'a> {
    /// The filter's name, e.g. `FlateDecode`.
    pub(crate) name: &'a [u8],
    /// Its `/DecodeParms` dictionary, if any.
    pub(crate) parms: Option<&'a Dict>,
}

/// Applies `filters` in order to `data`. `None` when a filter is not supported or the budget
/// is spent.
pub(crate) fn decode(data: &[u8], filters: &[Filter<'_>], budget: &Budget) -> Option<Vec<u8>> {
    let mut current: Option<Vec<u8>> = None;
    for filter in filters {
        let input = current.as_deref().unwrap_or(data);
        let limit = budget.left().min(MAX_STREAM_BYTES);
        if limit == 0 {
            return None;
        }
        let mut out = match filter.name {
            b"FlateDecode" | b"Fl" => inflate(input, limit),
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(input, limit),
            b"ASCII85Decode" | b"A85" => ascii85(input, limit),
            _ => return None,
        };
        budget.spend(out.len());
        if let Some(parms) = filter.parms
            && matches!(filter.name, b"FlateDecode" | b"Fl")
        {
            out = predict(out, parms)?;
        }
        current = Some(out);
    }
    if current.is_none() {
        // No filter: the bytes as they are (still counted, as content is interpreted).
        let limit = budget.left().min(MAX_STREAM_BYTES);
        let out = data.get(..data.len().min(limit)).unwrap_or_default().to_vec();
        budget.spend(out.len());
        current = Some(out);
    }
    current
}

/// Inflates zlib data (or raw deflate data, as some writers emit) into at most `limit` bytes.
/// A corrupt or truncated stream yields what was inflated before the damage.
pub(crate) fn inflate(input: &[u8], limit: usize) -> Vec<u8> {
    let zlib = inflate_with(input, limit, inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER);
    if zlib.is_empty() && !input.is_empty() {
        return inflate_with(input, limit, 0);
    }
    zlib
}

fn inflate_with(mut input: &[u8], limit: usize, flags: u32) -> Vec<u8> {
    let flags = flags | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out: Vec<u8> = vec![0; input.len().saturating_mul(4).clamp(1, limit.max(1))];
    let mut state = Box::<DecompressorOxide>::default();
    let mut used = 0usize;
    loop {
        let (status, consumed, produced) = decompress(&mut state, input, &mut out, used, flags);
        used = used.saturating_add(produced).min(out.len());
        input = input.get(consumed..).unwrap_or_default();
        if status != TINFLStatus::HasMoreOutput || out.len() >= limit {
            break;
        }
        let grown = out.len().saturating_mul(2).min(limit);
        out.resize(grown, 0);
    }
    out.truncate(used);
    out
}

fn ascii_hex(input: &[u8], limit: usize) -> Vec<u8> {
    super::lexer::hex_decode(input, limit).0
}

fn ascii85(input: &[u8], limit: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group = [0u8; 5];
    let mut filled = 0usize;
    let mut rest = input.strip_prefix(b"<~").unwrap_or(input);
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if out.len() >= limit {
            break;
        }
        match byte {
            b'~' => break,
            b'z' if filled == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                if let Some(slot) = group.get_mut(filled) {
                    *slot = byte - b'!';
                }
                filled += 1;
                if filled == 5 {
                    out.extend_from_slice(&base85(group));
                    filled = 0;
                }
            }
            _ => {}
        }
    }
    if filled > 1 {
        for slot in group.iter_mut().skip(filled) {
            *slot = 84;
        }
        let bytes = base85(group);
        out.extend_from_slice(bytes.get(..filled - 1).unwrap_or_default());
    }
    out
}

fn base85(group: [u8; 5]) -> [u8; 4] {
    let value = group.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(u32::from(d)));
    value.to_be_bytes()
}

/// Undoes a PNG predictor (`/Predictor` 10–15) or leaves the data as it is (1, absent).
/// `None` for the TIFF predictor and unknown values.
fn predict(data: Vec<u8>, parms: &Dict) -> Option<Vec<u8>> {
    let int = |key: &[u8], default: i64| parms.get(key).and_then(Object::as_i64).unwrap_or(default);
    let predictor = int(b"Predictor", 1);
    if predictor <= 1 {
        return Some(data);
    }
    if predictor < 10 {
        return None;
    }
    let colors = usize::try_from(int(b"Colors", 1).clamp(1, 32)).ok()?;
    let bits = usize::try_from(int(b"BitsPerComponent", 8).clamp(1, 16)).ok()?;
    let columns = usize::try_from(int(b"Columns", 1).clamp(1, 1 << 24)).ok()?;
    let pixel = (colors * bits).div_ceil(8).max(1);
    let row_len = (colors * bits * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        let Some((&kind, row)) = chunk.split_first() else { break };
        let mut current = row.to_vec();
        current.resize(row_len, 0);
        for i in 0..row_len {
            let left = if i >= pixel { current.get(i - pixel).copied().unwrap_or(0) } else { 0 };
            let up = previous.get(i).copied().unwrap_or(0);
            let up_left =
                if i >= pixel { previous.get(i - pixel).copied().unwrap_or(0) } else { 0 };
            let Some(byte) = current.get_mut(i) else { break };
            *byte = match kind {
                1 => byte.wrapping_add(left),
                2 => byte.wrapping_add(up),
                3 => byte.wrapping_add(u16::midpoint(u16::from(left), u16::from(up)) as u8),
                4 => byte.wrapping_add(paeth(left, up, up_left)),
                _ => *byte,
            };
        }
        out.extend_from_slice(current.get(..row.len().min(row_len)).unwrap_or_default());
        previous = current;
    }
    Some(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) =
        ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
    }

    #[test]
    fn inflates_and_stops_at_the_limit() {
        let text = b"BT /F1 12 Tf (Hello) Tj ET".repeat(100);
        assert_eq!(inflate(&zlib(&text), 1 << 20), text);
        // Raw deflate (no zlib header) is read too.
        let raw = miniz_oxide::deflate::compress_to_vec(&text, 6);
        assert_eq!(inflate(&raw, 1 << 20), text);
        // A bomb: 50 MB of zeros stops at the limit.
        let bomb = zlib(&vec![0u8; 50 * 1024 * 1024]);
        assert_eq!(inflate(&bomb, 1000).len(), 1000);
        // Truncated: what came before the cut.
        let text: Vec<u8> = (0..20_000u32)
            .map(|i| b'0' + ((i.wrapping_mul(2_654_435_761) >> 24) % 10) as u8)
            .collect();
        let compressed = zlib(&text);
        let cut = inflate(&compressed[..compressed.len() / 2], 1 << 20);
        assert!(!cut.is_empty() && text.starts_with(&cut));
    }

    #[test]
    fn the_budget_is_shared() {
        let budget = Budget::new(100);
        let data = zlib(&[b'x'; 80]);
        let flate = [Filter { name: b"FlateDecode", parms: None }];
        assert_eq!(decode(&data, &flate, &budget).map(|d| d.len()), Some(80));
        assert_eq!(decode(&data, &flate, &budget).map(|d| d.len()), Some(20));
        assert_eq!(decode(&data, &flate, &budget), None);
        let jpeg = [Filter { name: b"DCTDecode", parms: None }];
        assert_eq!(decode(b"\xFF\xD8", &jpeg, &Budget::new(100)), None);
    }

    #[test]
    fn ascii_filters_and_png_predictors() {
        assert_eq!(ascii_hex(b"48 65 6c6C6f>", 100), b"Hello");
        assert_eq!(ascii85(b"<~87cURDZ~>", 100), b"Hello");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>", 100), b"Hello World!");
        // Two rows of 3 bytes: "Up" adds the row above.
        let parms = Dict(vec![
            (b"Predictor".to_vec(), Object::Int(12)),
            (b"Columns".to_vec(), Object::Int(3)),
        ]);
        let data = vec![0, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(predict(data, &parms), Some(vec![1, 2, 3, 2, 3, 4]));
    }
}
