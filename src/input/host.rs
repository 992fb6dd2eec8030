//! What a host may lend the engine in place of code a build leaves out.
//!
//! The page's wasm is built without the `readers` feature: the PDF and Word readers and
//! inflate (`miniz_oxide`) live in a second wasm module, loaded on first use (`readers/`, the
//! `gouji-readers` crate, which is this engine built with them); the page lends the engine
//! its [`Readers`]. They are the same code as here, so a file reads the same either way. The
//! engine stays pure: a lent function is asked for text, never for I/O.

use std::sync::OnceLock;

use super::{Source, Unreadable};

/// What reading a PDF or a zip comes to.
pub type Document = Result<Source, Unreadable>;

/// The PDF and Word readers, lent by the host.
#[derive(Clone, Copy)]
pub struct Readers {
    /// [`super::read_document`] of the engine built with the readers: `None` when the bytes
    /// are neither a PDF nor a zip.
    pub read: fn(&[u8], Option<&str>) -> Option<Document>,
    /// Raw deflate data inflated to exactly `size` bytes (`Err(true)`: it would be longer,
    /// `Err(false)`: shorter, or not deflate data).
    pub inflate: fn(&[u8], usize) -> Result<Vec<u8>, bool>,
}

static READERS: OnceLock<Readers> = OnceLock::new();

/// Lends the engine the host's readers (for builds without the `readers` feature). A second
/// call is ignored.
pub fn set_host_readers(readers: Readers) {
    let _ = READERS.set(readers);
}

/// The readers lent, if any.
#[cfg_attr(feature = "readers", allow(dead_code))]
pub(crate) fn readers() -> Option<Readers> {
    READERS.get().copied()
}
