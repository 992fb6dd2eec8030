//! The PDF and Word readers (and inflate) as a wasm module of their own, with no imports and
//! no JavaScript glue: the page's first module leaves them out (the `readers` feature of
//! `gouji` off), and its `www/src/readers.rs` instantiates this one the first time a PDF or a
//! .docx is opened (or a corrected .docx is written), from bytes inlined in the page by
//! `tools/inline_page.py`.
//!
//! The calls pass bytes through this module's memory: the caller asks [`gouji_buffer`] for
//! room, writes its input there, calls [`gouji_read`] or [`gouji_inflate`], and reads the
//! answer (postcard bytes) at [`gouji_output`], [`gouji_output_len`] bytes long. No unsafe
//! code: the buffers are this module's own vectors.

use std::cell::RefCell;

use gouji::input::{Source, Unreadable};

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room for `len` bytes of input: where to write them.
#[unsafe(no_mangle)]
pub extern "C" fn gouji_buffer(len: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        input.clear();
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Where the last answer is.
#[unsafe(no_mangle)]
pub extern "C" fn gouji_output() -> *const u8 {
    OUTPUT.with(|output| output.borrow().as_ptr())
}

/// How long the last answer is.
#[unsafe(no_mangle)]
pub extern "C" fn gouji_output_len() -> usize {
    OUTPUT.with(|output| output.borrow().len())
}

/// Reads the input, `name_len` bytes of the file's name (UTF-8; `usize::MAX`: no name) then
/// its bytes: the answer is `Option<Result<Source, Unreadable>>` (see
/// `gouji::input::read_document`). Returns the answer's length.
#[unsafe(no_mangle)]
pub extern "C" fn gouji_read(name_len: usize) -> usize {
    let input = INPUT.with(|input| std::mem::take(&mut *input.borrow_mut()));
    answer(&read(&input, name_len))
}

/// Inflates the input (raw deflate data) to exactly `size` bytes: the answer is
/// `Result<Vec<u8>, bool>` (see `gouji::input::inflate_exactly`).
#[unsafe(no_mangle)]
pub extern "C" fn gouji_inflate(size: usize) -> usize {
    let input = INPUT.with(|input| std::mem::take(&mut *input.borrow_mut()));
    answer(&gouji::input::inflate_exactly(&input, size))
}

/// What [`gouji_read`] answers for its input.
pub fn read(input: &[u8], name_len: usize) -> Option<Result<Source, Unreadable>> {
    let (name, bytes) = if name_len == usize::MAX {
        (None, input)
    } else {
        let (name, bytes) = input.split_at(name_len.min(input.len()));
        (std::str::from_utf8(name).ok(), bytes)
    };
    gouji::input::read_document(bytes, name)
}

fn answer<T: serde::Serialize>(value: &T) -> usize {
    let bytes = postcard::to_allocvec(value).unwrap_or_default();
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        *output = bytes;
        output.len()
    })
}
