//! Reading back the engine's `&'static str` fields (feature `serde`): a label is one of the
//! engine's own strings, found again by value; anything else is refused, never leaked into a
//! new `'static` string.

use serde::{Deserialize, Deserializer, de::Error};

/// Deserializes `text` into the engine's own copy of it, found by `lookup`.
fn interned<'de, D: Deserializer<'de>>(
    deserializer: D,
    lookup: impl Fn(&str) -> Option<&'static str>,
    what: &str,
) -> Result<&'static str, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    lookup(&text).ok_or_else(|| D::Error::custom(format!("unknown {what}: {text}")))
}

/// A label text of the format (a known typo or its official wording).
pub(crate) fn label<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    interned(d, crate::model::labels::interned_label, "label")
}
