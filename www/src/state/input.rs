//! The input slice: the text (shared: a report can be megabytes), where it came from, the
//! cells the clerk typed over, and a generation that moves with every change, so that the
//! result of an older input is dropped. A change here is what the check follows.

use std::rc::Rc;

use gouji::model::{CellRef, Number, Value};
use gouji::{Checked, Edit, Input};

/// What is being checked.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Source {
    /// The text in the box (typed or pasted as plain text).
    Text,
    /// The built-in sample.
    Sample,
    /// A paste that carried HTML (tables from a web page, Word or WPS).
    Html(Rc<str>),
    /// A file opened or dropped.
    File { name: Rc<str>, bytes: Rc<[u8]> },
}

/// The built-in sample as a clerk reads it: Simplified Chinese, pinyin removed.
pub(crate) fn sample_text() -> String {
    gouji::normalize::normalize(gouji::SAMPLE_REPORT).text
}

/// The engine's input for what the page holds.
pub(crate) fn input<'a>(text: &'a str, source: &'a Source) -> Input<'a> {
    match source {
        Source::Text | Source::Sample => Input::text(text),
        Source::Html(html) => Input { bytes: html.as_bytes(), name: Some("clipboard.html") },
        Source::File { name, bytes } => Input { bytes, name: Some(name) },
    }
}

/// Checks what the input holds, with the cells the clerk typed over (the page does it in its
/// worker, `worker.rs`).
#[cfg(test)]
pub(crate) fn run_check(text: &str, source: &Source, edits: &[Edit]) -> Checked {
    gouji::check_edited(&input(text, source), edits)
}

/// The sample with its （七）总计 自然人 written 2 instead of 1: the page's tests' broken report.
#[cfg(test)]
pub(crate) fn broken_sample_text() -> String {
    super::sample_text().replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1)
}

/// [`broken_sample_text`], checked.
#[cfg(test)]
pub(crate) fn broken_sample() -> Checked {
    run_check(&broken_sample_text(), &Source::Text, &[])
}

/// A number as a clerk types it (`12`, ` 7 `, `１２`); empty is a blank cell. `Err` when it is
/// not a plain non-negative number.
pub(crate) fn parse_typed(text: &str) -> Result<Option<Number>, ()> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .filter(|c| *c != ',')
        .collect();
    if ascii.is_empty() {
        return Ok(None);
    }
    if !ascii.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(());
    }
    Number::parse(&ascii).map(Some).ok_or(())
}

/// The input.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct InputState {
    pub(crate) text: Rc<str>,
    pub(crate) source: Source,
    /// Moves on with every new input or edit: a result of an older one is dropped.
    pub(crate) generation: u64,
    /// The text box is shown in full (it folds to a line once there is a result).
    pub(crate) open: bool,
    /// The input changed by pasting (checked at once) rather than by typing (debounced).
    pub(crate) pasted: bool,
    /// Values the clerk typed over cells (or corrections applied); checked with the input.
    pub(crate) edits: Rc<Vec<Edit>>,
}

impl InputState {
    /// What storage kept (the text, or a paste's HTML and text), or an empty box.
    pub(crate) fn stored(stored_text: Option<String>, stored_html: Option<String>) -> InputState {
        let (text, source): (Rc<str>, Source) = match (stored_html, stored_text) {
            (Some(html), text) => (text.unwrap_or_default().into(), Source::Html(html.into())),
            (None, Some(text)) => (text.into(), Source::Text),
            (None, None) => (Rc::from(""), Source::Text),
        };
        InputState {
            open: text.trim().is_empty(),
            text,
            source,
            generation: 1,
            pasted: true,
            edits: Rc::default(),
        }
    }

    /// A new input: the edits of the old one are gone.
    pub(crate) fn replace(&mut self, text: Rc<str>, source: Source, pasted: bool) {
        self.edits = Rc::default();
        self.text = text;
        self.source = source;
        self.generation += 1;
        self.pasted = pasted;
    }

    /// New edits: the tables are checked again at once.
    fn set_edits(&mut self, edits: Vec<Edit>) {
        self.edits = Rc::new(edits);
        self.generation += 1;
        self.pasted = true;
    }

    /// The box holds nothing to check (no text, no file).
    pub(crate) fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && !matches!(self.source, Source::File { .. })
    }
}

/// A change to the cells typed over.
#[derive(Clone, Debug)]
pub(crate) enum EditAction {
    /// The clerk typed `text` over `cell`; then move the cursor this way (a key name), if any.
    /// `refocus` is false when the box lost the focus to something else (leave it there).
    Commit { cell: CellRef, text: String, then: Option<String>, refocus: bool },
    /// Give a cell back the value read from the input.
    Revert(CellRef),
    /// Give every cell back the value read.
    RevertAll,
    /// Apply corrections (a diagnosis's): they become edits.
    ApplyFixes(Vec<Edit>),
}

/// The edits after `action` on the report `checked` shows. `Err(text)` when what was typed is
/// not a number (nothing changes).
pub(crate) fn reduce_edit(
    input: &mut InputState,
    action: EditAction,
    checked: Option<&Checked>,
) -> Result<(), String> {
    let mut edits = (*input.edits).clone();
    match action {
        EditAction::Commit { cell, text, .. } => {
            let Ok(value) = parse_typed(&text) else { return Err(text.trim().to_string()) };
            let was = checked.and_then(|c| {
                let applied = c.edits.iter().find(|a| a.cell == cell).map(|a| a.was.clone());
                applied.or_else(|| c.report.cell(cell).map(|x| x.value.clone()))
            });
            let same_as_read = match (&was, value) {
                (Some(Value::Number(n)), Some(v)) => *n == v,
                (Some(Value::Blank { .. }), None) => true,
                _ => false,
            };
            edits.retain(|e| e.cell != cell);
            if !same_as_read {
                edits.push(Edit { cell, value });
            }
        }
        EditAction::Revert(cell) => edits.retain(|e| e.cell != cell),
        EditAction::RevertAll => edits.clear(),
        EditAction::ApplyFixes(fixes) => {
            for fix in fixes {
                edits.retain(|e| e.cell != fix.cell);
                edits.push(fix);
            }
        }
    }
    input.set_edits(edits);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_read_as_a_clerk_types_them() {
        assert_eq!(parse_typed(" 12 "), Ok(Some(Number::int(12))));
        assert_eq!(parse_typed("１２"), Ok(Some(Number::int(12))));
        assert_eq!(parse_typed("1,234"), Ok(Some(Number::int(1234))));
        assert_eq!(parse_typed(""), Ok(None));
        assert!(parse_typed("1e5").is_err());
        assert!(parse_typed("-3").is_err());
    }

    #[test]
    fn every_edit_moves_the_generation_and_typing_the_value_read_is_no_edit() {
        let text = sample_text().replacen("(七)总计 |\n1 |", "(七)总计 |\n2 |", 1);
        let mut input = InputState::stored(Some(text.clone()), None);
        let checked = run_check(&text, &input.source, &[]);
        let cell = CellRef::parse("t3/R3.7/NP").unwrap();
        let generation = input.generation;
        let bad = EditAction::Commit { cell, text: "一".into(), then: None, refocus: true };
        assert_eq!(reduce_edit(&mut input, bad, Some(&checked)), Err("一".into()));
        assert_eq!(input.generation, generation, "nothing changed");
        let one = EditAction::Commit { cell, text: "1".into(), then: None, refocus: true };
        reduce_edit(&mut input, one, Some(&checked)).unwrap();
        assert_eq!(*input.edits, vec![Edit { cell, value: Some(Number::int(1)) }]);
        assert!(input.generation > generation && input.pasted);
        let same = EditAction::Commit { cell, text: "2".into(), then: None, refocus: true };
        reduce_edit(&mut input, same, Some(&checked)).unwrap();
        assert!(input.edits.is_empty(), "the value as read is no edit");
        reduce_edit(&mut input, EditAction::ApplyFixes(vec![Edit { cell, value: None }]), None)
            .unwrap();
        reduce_edit(&mut input, EditAction::Revert(cell), None).unwrap();
        assert!(input.edits.is_empty());
        let text_before = input.text.clone();
        reduce_edit(&mut input, EditAction::RevertAll, None).unwrap();
        assert!(Rc::ptr_eq(&text_before, &input.text), "an edit copies no text");
    }
}
