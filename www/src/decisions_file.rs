//! The decisions file (`<报告>.gouji.json`) in the page: parsed by the browser's `JSON.parse`
//! and taken into `gouji::dto::DecisionsFile` field by field, then checked by
//! `Decisions::from_file` like the command line's; written by `gouji::dto` (the same text as
//! the command line's). Neither `serde_json`'s reader nor serde-wasm-bindgen's ships in the
//! page: each cost it about 10 KB gzip (serde's error messages bring the float formatting),
//! which the 15 KB budget of issue 12 did not allow (README, Measured).
//! As strict as the command line: `JSON.parse` refuses `02023`, `2023.` and trailing commas, a
//! year must be an integer, every string must be well-formed (no lone surrogate such as
//! `"\uD83D\u0041"`); syntax errors name the line and column, field errors the decision.

use gouji::dto::{Decision, DecisionsFile, JsonError, Status};
use gouji::review::{Decisions, FileError, MAX_FILE_BYTES};
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;

/// Reads a decisions file, or says in Chinese what is wrong with it.
pub(crate) fn read(text: &str) -> Result<Decisions, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value = js_sys::JSON::parse(text).map_err(|e| syntax(text, &e))?;
    let format = field(&value, "format").filter(|v| !v.is_undefined());
    if format.is_none() || field(&value, "decisions").is_none_or(|v| v.is_undefined()) {
        return Err(FileError::NotDecisions);
    }
    let top = |name: &str| Place { decision: 0, field: name.to_string() };
    let items = field(&value, "decisions").unwrap_or_default();
    let Some(items) = items.dyn_ref::<js_sys::Array>() else {
        return Err(shape(&top("decisions"), "应为列表"));
    };
    let mut file = DecisionsFile {
        format: string(&value, &top("format"))?,
        agency: optional(&value, &top("agency"))?,
        year: year(&value, &top("year"))?,
        decisions: Vec::new(),
    };
    for (k, item) in items.iter().enumerate() {
        let at = |name: &str| Place { decision: k + 1, field: name.to_string() };
        if !item.is_object() || item.is_array() {
            return Err(shape(&at(""), "应为对象"));
        }
        let status = match string(&item, &at("status"))?.as_str() {
            "verified" | "已核实" => Status::Verified,
            "ignored" | "忽略" => Status::Ignored,
            other => {
                let what = format!("值 “{other}” 不是可用的取值（应为 “verified” 或 “ignored”）");
                return Err(shape(&at("status"), &what));
            }
        };
        let text = |name: &str| -> Result<String, FileError> {
            Ok(optional(&item, &at(name))?.unwrap_or_default())
        };
        file.decisions.push(Decision {
            fingerprint: string(&item, &at("fingerprint"))?,
            rule: text("rule")?,
            status,
            reason: text("reason")?,
            message: text("message")?,
            decided_at: text("decided_at")?,
        });
    }
    Decisions::from_file(file)
}

/// Where a field is: the decision (from 1; 0 for the file's own fields) and its name.
struct Place {
    decision: usize,
    field: String,
}

fn shape(at: &Place, what: &str) -> FileError {
    let what = match (at.decision, at.field.as_str()) {
        (0, name) => format!("字段 “{name}” {what}"),
        (n, "") => format!("第 {n} 条核对记录{what}"),
        (n, name) => format!("第 {n} 条核对记录的字段 “{name}” {what}"),
    };
    FileError::Json(JsonError { line: 0, column: 0, what, shape: true })
}

fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).ok()
}

/// A string that must be there.
fn string(value: &JsValue, at: &Place) -> Result<String, FileError> {
    optional(value, at)?.ok_or_else(|| shape(at, "缺少或为 null"))
}

/// A string, or nothing (absent or `null`); another type, or a string with a lone surrogate,
/// is refused.
fn optional(value: &JsValue, at: &Place) -> Result<Option<String>, FileError> {
    let v = field(value, &at.field).unwrap_or_default();
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(shape(at, "应为字符串"));
    };
    if !s.is_valid_utf16() {
        return Err(shape(at, "中有不成对的 \\u 代理项转义（如 \\uD83D 后没有 \\uDC00–\\uDFFF）"));
    }
    Ok(Some(String::from(s)))
}

/// The year: an integer that fits, or nothing.
fn year(value: &JsValue, at: &Place) -> Result<Option<i32>, FileError> {
    let v = field(value, &at.field).unwrap_or_default();
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let n = v.as_f64().ok_or_else(|| shape(at, "应为整数"))?;
    if n.fract() != 0.0 || n < f64::from(i32::MIN) || n > f64::from(i32::MAX) {
        return Err(shape(at, "应为整数"));
    }
    Ok(Some(n as i32))
}

/// `JSON.parse`'s `SyntaxError` in Chinese, at its line and column (V8 says “line L column C”,
/// or only “position P”).
fn syntax(text: &str, error: &JsValue) -> FileError {
    let message: String =
        error.dyn_ref::<js_sys::Error>().map(|e| e.message().into()).unwrap_or_default();
    let after = |word: &str| -> Option<usize> {
        let at = message.find(word)? + word.len();
        let digits: String = message[at..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let (line, column) = match (after("line "), after("column ")) {
        (Some(line), Some(column)) => (line, column),
        _ => after("position ").map_or((0, 0), |p| place(text, p)),
    };
    let words = [
        ("Unexpected end of JSON input", "文件在此处意外结束（括号或引号没有闭合）"),
        ("Unterminated string", "字符串没有结束的引号"),
        ("Bad control character", "字符串中有未转义的控制字符（如换行）"),
        ("Bad escaped character", "字符串中有无效的转义（\\ 后只能是 \" \\ / b f n r t u）"),
        ("Bad Unicode escape", "字符串中有无效的 \\u 转义"),
        ("Expected ',' or '}'", "此处应为逗号“,”或“}”"),
        ("Expected ',' or ']'", "此处应为逗号“,”或“]”"),
        ("Expected ':'", "此处应为冒号“:”"),
        ("Expected double-quoted property name", "对象的键必须是带引号的字符串（或有多余的逗号）"),
        ("after JSON", "JSON 结束后还有多余的内容"),
        ("number", "数字格式不对（不能有前导零如 02023，小数点后须有数字如 2023.0）"),
        ("Exponent part", "数字格式不对（不能有前导零如 02023，小数点后须有数字如 2023.0）"),
    ];
    let what = words
        .iter()
        .find(|(english, _)| message.contains(english))
        .map_or_else(|| format!("格式错误（{message}）"), |(_, chinese)| (*chinese).to_string());
    error_at(line, column, what)
}

fn error_at(line: usize, column: usize, what: String) -> FileError {
    FileError::Json(JsonError { line, column, what, shape: false })
}

/// The line and column (from 1) of the UTF-16 offset `position` in `text`.
fn place(text: &str, position: usize) -> (usize, usize) {
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars() {
        if units >= position {
            break;
        }
        units += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    #[test]
    fn places_count_lines_and_utf16_columns() {
        assert_eq!(super::place("ab\ncd", 0), (1, 1));
        assert_eq!(super::place("ab\ncd", 4), (2, 2));
        assert_eq!(super::place("😀x", 2), (1, 2));
    }
}
