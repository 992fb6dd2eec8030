//! gouji as a JavaScript module for the systems that publish reports (a CMS checks a report
//! before it goes out). `cargo xtask web` builds it with `wasm-bindgen --target web` into
//! `dist/gouji.js` + `dist/gouji_bg.wasm` + `dist/gouji.d.ts`, and into
//! `dist/gouji.inline.js`, a classic script with the wasm inside that also works from
//! `file://` (see README, "Embedding").
//!
//! ```js
//! import init, { check, checkFile, version } from './gouji.js';
//! await init();
//! const r = check(text);             // the CONTRACT.md object, as plain JS objects
//! const r2 = await checkFile(file);  // a File or Blob: .txt/.html/.docx/.pdf
//! ```
//!
//! Values are the contract object of [`gouji::dto::Report`], passed with serde-wasm-bindgen:
//! objects, arrays, numbers, strings and `null`, never JSON text. Like the page, nothing is
//! fetched and nothing leaves the browser.

use serde::Serialize as _;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A cell address, `table/row/col`: `t3/R3.7/TOT`, `t4/RV/tot` (CONTRACT.md). */
export type CellAddress = string;

/** What `check` and `checkFile` return: the object `gouji check --json` prints for the same input (CONTRACT.md). */
export interface Report {
  /** The file name (`checkFile`: the File's name; `check`: the name given, or `-`). */
  file: string;
  template: "2021" | "2019" | "pre2019" | "unknown";
  /** The year reported on, or null. */
  year: number | null;
  /** Never present a report as passed unless this is `"pass"`. */
  verdict: "pass" | "fail" | "incomplete" | "unreadable";
  /** Why the verdict is `incomplete`, in Chinese. */
  not_checked?: string[];
  agency?: string | null;
  /** Every numeric cell read, in table order; null for a blank or placeholder (`—`, `/`, `无`). */
  cells: Record<CellAddress, number | null>;
  /** Cells split from digits glued together. */
  inferred?: CellAddress[];
  /** Every finding, errors first. */
  findings: Finding[];
  /** The smallest corrections per group of broken sums. */
  diagnoses?: Diagnosis[];
  /** Per table (`t3`, `t4`, or `p` before 2019): how its sums came out. */
  coverage?: Record<string, Coverage>;
  /** The text's encoding (`UTF-8`, `GBK`, …). */
  encoding?: string;
  /** Why the input could not be read (verdict `unreadable`), in Chinese. */
  error?: string;
}

export interface Finding {
  /** The concrete rule id, e.g. `T3-ROW-R3.7` (stable once released). */
  rule: string;
  /** Its family, e.g. `T3-ROW`. */
  family: string;
  /** Other checks the same mistake breaks. */
  also: string[];
  severity: "error" | "warning" | "info";
  /** The cells involved; the first is the one most likely at fault. */
  cells: CellAddress[];
  /** What is wrong, in Chinese. */
  message: string;
  expected: number | null;
  found: number | null;
  /** How to fix it, in Chinese. */
  hint: string | null;
  /** Stable across re-checks. */
  fingerprint: string;
  decision: { status: "verified" | "ignored"; reason: string; decided_at: string } | null;
}

export interface Diagnosis {
  explains: string[];
  corrections: { cell: CellAddress; from: number; to: number; was_blank: boolean }[][];
  evidence: string | null;
}

export interface Coverage {
  found: boolean;
  passed: number;
  failed: number;
  review: number;
  cannot_run: number;
}
"#;

/// The contract object of one input, as `gouji check --json` writes it for that input alone.
pub fn report(bytes: &[u8], name: Option<&str>) -> gouji::dto::Report {
    if bytes.len() > gouji::input::MAX_INPUT_BYTES {
        return too_large(name);
    }
    contract(&gouji::check(&gouji::Input { bytes, name }), name)
}

/// An input larger than the engine reads (64 MB), as the command line answers it.
fn too_large(name: Option<&str>) -> gouji::dto::Report {
    contract(&gouji::Checked::refused(gouji::input::Unreadable::TooLarge), name)
}

fn contract(checked: &gouji::Checked, name: Option<&str>) -> gouji::dto::Report {
    let decisions = gouji::review::Decisions::default();
    let file = name.unwrap_or("-");
    gouji::dto::Report::new(&gouji::export::Entry { file, checked, decisions: &decisions })
}

fn to_js(report: &gouji::dto::Report) -> Result<JsValue, JsError> {
    // Plain objects (not `Map`s) and `null` (not `undefined`): what `JSON.parse` of the CLI's
    // line gives.
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Checks the text of a report (pasted, or read from a form field).
#[allow(clippy::needless_pass_by_value, reason = "wasm-bindgen hands over an owned string")]
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(text: &str, name: Option<String>) -> Result<JsValue, JsError> {
    to_js(&report(text.as_bytes(), name.as_deref()))
}

/// Checks a file as the page reads it: text in UTF-8, GBK or UTF-16, a saved web page, a Word
/// .docx or a text PDF.
#[wasm_bindgen(js_name = checkFile, unchecked_return_type = "Report")]
pub async fn check_file(
    #[wasm_bindgen(unchecked_param_type = "Blob")] file: web_sys::Blob,
) -> Result<JsValue, JsError> {
    let name = file.dyn_ref::<web_sys::File>().map(web_sys::File::name);
    let limit = u32::try_from(gouji::input::MAX_INPUT_BYTES).unwrap_or(u32::MAX);
    if file.size() > f64::from(limit) {
        return to_js(&too_large(name.as_deref()));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| JsError::new("无法读取文件"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    to_js(&report(&bytes, name.as_deref()))
}

/// The engine's version (the `gouji` crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_the_command_lines_object() {
        let seed = gouji::SAMPLE_REPORT;
        let report = report(seed.as_bytes(), Some("seed.txt"));
        let checked =
            gouji::check(&gouji::Input { bytes: seed.as_bytes(), name: Some("seed.txt") });
        let decisions = gouji::review::Decisions::default();
        let line = gouji::export::json(&gouji::export::Entry {
            file: "seed.txt",
            checked: &checked,
            decisions: &decisions,
        });
        assert_eq!(gouji::dto::line(&report), line);
        assert_eq!(report.verdict, gouji::dto::Verdict::Pass);
        let huge = vec![b'1'; gouji::input::MAX_INPUT_BYTES + 1];
        assert_eq!(super::report(&huge, None).verdict, gouji::dto::Verdict::Unreadable);
        assert_eq!(too_large(Some("a")).file, "a");
    }
}
