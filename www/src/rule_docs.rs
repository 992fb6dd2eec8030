//! A rule page's text: the rule's documentation and its example.
//!
//! The page's wasm leaves them out (gouji's `rule-docs` feature off, 17 KB gzip less to load):
//! `tools/inline_page.py` puts `docs/rules.json` (written by `cargo xtask docs`) in the page as
//! `<script type="application/json" id="gouji-rule-docs">`, read and parsed when the first rule
//! page opens. Natively (the page's tests) they come from the engine, as before.

/// What a rule page shows besides the registry's fields.
pub(crate) struct RuleDoc {
    /// Markdown in Chinese (`## ` headings and paragraphs); empty when the page has none (the
    /// debug build).
    pub(crate) doc: String,
    pub(crate) example: Option<Example>,
}

/// A failing and a passing fixture (see `gouji::rules::docs::Example`).
pub(crate) struct Example {
    pub(crate) invalid_file: String,
    pub(crate) invalid: String,
    pub(crate) valid_file: String,
    pub(crate) valid: String,
    pub(crate) message: String,
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn get(rule: &gouji::rules::Rule) -> RuleDoc {
    let example = gouji::rules::docs::example(rule.id).map(|e| Example {
        invalid_file: e.invalid_file.to_string(),
        invalid: e.invalid.to_string(),
        valid_file: e.valid_file.to_string(),
        valid: e.valid.to_string(),
        message: e.message.to_string(),
    });
    RuleDoc { doc: rule.doc.to_string(), example }
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn get(rule: &gouji::rules::Rule) -> RuleDoc {
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;

    thread_local! {
        /// The parsed JSON, once (`undefined` when the page has none).
        static ALL: JsValue = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("gouji-rule-docs"))
            .and_then(|e| e.text_content())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or(JsValue::UNDEFINED);
    }
    let field = |object: &JsValue, key: &str| -> Option<JsValue> {
        Reflect::get(object, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let text = |object: &JsValue, key: &str| -> String {
        field(object, key).and_then(|v| v.as_string()).unwrap_or_default()
    };
    let page = ALL.with(|all| field(all, rule.id));
    let Some(page) = page else { return RuleDoc { doc: String::new(), example: None } };
    let example = field(&page, "example").map(|e| Example {
        invalid_file: text(&e, "invalid_file"),
        invalid: text(&e, "invalid"),
        valid_file: text(&e, "valid_file"),
        valid: text(&e, "valid"),
        message: text(&e, "message"),
    });
    RuleDoc { doc: text(&page, "doc"), example }
}
