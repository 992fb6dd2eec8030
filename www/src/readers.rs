//! The PDF and Word readers: a second wasm module (`readers/`, built and inlined by
//! `tools/inline_page.py`), instantiated the first time the engine meets a PDF or a zip, or
//! inflates a .docx to correct it. The page's own module leaves them out (73 KB gzip less to
//! load before the first paste is checked).
//!
//! The page puts the module's bytes at `globalThis.__goujiReaders` (a `Uint8Array`; in each
//! checking worker before its engine starts); the module has no imports, so it is compiled
//! and instantiated synchronously, here, on first use. Where it is missing (the debug build),
//! a PDF or a .docx is answered as `EngineFailed`.

use std::cell::RefCell;

use gouji::input::{Source, Unreadable};
use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};

/// Lends the engine these readers.
pub(crate) fn lend() {
    gouji::input::set_host_readers(gouji::input::Readers { read, inflate });
}

struct Instance {
    exports: Object,
    memory: WebAssembly::Memory,
}

thread_local! {
    /// The instance, once made (tried again while it cannot be: the page's thread inflates
    /// the module's bytes after its engine starts).
    static INSTANCE: RefCell<Option<Instance>> = const { RefCell::new(None) };
}

fn instantiate() -> Option<Instance> {
    let bytes = Reflect::get(&js_sys::global(), &"__goujiReaders".into()).ok()?;
    let bytes = bytes.dyn_into::<Uint8Array>().ok()?;
    let module = WebAssembly::Module::new(&bytes).ok()?;
    let instance = WebAssembly::Instance::new(&module, &Object::new()).ok()?;
    let exports = instance.exports();
    let memory = Reflect::get(&exports, &"memory".into()).ok()?.dyn_into().ok()?;
    record_loaded();
    Some(Instance { exports, memory })
}

/// For the browser tests: the readers were loaded on this thread.
fn record_loaded() {
    let count = Reflect::get(&js_sys::global(), &"__goujiReadersLoaded".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let _ = Reflect::set(&js_sys::global(), &"__goujiReadersLoaded".into(), &(count + 1.0).into());
}

impl Instance {
    fn call(&self, name: &str, arg: Option<usize>) -> Option<usize> {
        let function: Function = Reflect::get(&self.exports, &name.into()).ok()?.dyn_into().ok()?;
        let result = match arg {
            // As an i32: `usize::MAX` arrives as -1, which the module reads back as usize::MAX.
            Some(arg) => function.call1(&JsValue::NULL, &JsValue::from(arg as u32)),
            None => function.call0(&JsValue::NULL),
        };
        let value = result.ok()?.as_f64()?;
        // Pointers and lengths come back as i32.
        Some(value as i32 as u32 as usize)
    }

    fn view(&self) -> Uint8Array {
        Uint8Array::new(&self.memory.buffer())
    }

    /// Writes `parts` as the module's input, calls `name` with `arg`, reads its answer.
    fn run(&self, parts: &[&[u8]], name: &str, arg: usize) -> Option<Vec<u8>> {
        let len = parts.iter().map(|p| p.len()).sum::<usize>();
        let at = self.call("gouji_buffer", Some(len))?;
        let view = self.view();
        let mut offset = at;
        for part in parts {
            view.subarray(offset as u32, (offset + part.len()) as u32).copy_from(part);
            offset += part.len();
        }
        let len = self.call(name, Some(arg))?;
        let at = self.call("gouji_output", None)?;
        // The module's memory may have grown: a new view.
        Some(self.view().subarray(at as u32, (at + len) as u32).to_vec())
    }
}

/// Runs `f` with the instance, instantiated on first use.
fn with<T>(f: impl FnOnce(&Instance) -> Option<T>) -> Option<T> {
    INSTANCE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = instantiate();
        }
        slot.as_ref().and_then(f)
    })
}

fn read(bytes: &[u8], name: Option<&str>) -> Option<Result<Source, Unreadable>> {
    let (name, name_len) = match name {
        Some(name) => (name.as_bytes(), name.len()),
        None => (&[][..], usize::MAX),
    };
    let answer = with(|instance| instance.run(&[name, bytes], "gouji_read", name_len))?;
    postcard::from_bytes(&answer).ok()?
}

fn inflate(data: &[u8], size: usize) -> Result<Vec<u8>, bool> {
    with(|instance| instance.run(&[data], "gouji_inflate", size))
        .and_then(|answer| postcard::from_bytes(&answer).ok())
        .unwrap_or(Err(false))
}
