//! The 填报 slice: the form the clerk fills in and what it comes to (`gouji::fill`).

use std::collections::BTreeMap;
use std::rc::Rc;

use gouji::fill::{Filled, Form, fill};
use gouji::model::{CellRef, Number};

use super::{Effect, Out, parse_typed};
use crate::i18n::{Lang, Text};

/// What the 填报 form comes to, shared; equal when it is the same result.
#[derive(Clone, Debug)]
pub(crate) struct FilledRef(pub(crate) Rc<Filled>);

impl PartialEq for FilledRef {
    fn eq(&self, other: &FilledRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for FilledRef {
    type Target = Filled;

    fn deref(&self) -> &Filled {
        &self.0
    }
}

/// The form and what it comes to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FillState {
    pub(crate) form: Rc<Form>,
    pub(crate) filled: FilledRef,
}

impl FillState {
    pub(crate) fn new(form: Form) -> FillState {
        FillState { filled: FilledRef(Rc::new(fill(&form))), form: Rc::new(form) }
    }

    fn set(&mut self, form: Form, out: &mut Out) {
        out.effects.push(Effect::SaveForm(form_to_text(&form)));
        *self = FillState::new(form);
    }
}

/// What happens to the form.
#[derive(Clone, Debug)]
pub(crate) enum FillAction {
    /// The clerk typed into a cell (empty: give it back to its computed or 0 value).
    Type { cell: CellRef, text: String },
    /// The form's unit.
    Agency(String),
    /// The form's year.
    Year(String),
    /// Last year's report read: its name and its 结转下年度继续办理.
    Carried { name: String, carried: Option<BTreeMap<gouji::model::Col, Number>> },
    /// Start the form again.
    Clear,
    /// Last year's report was picked (file `id` of the files in hand): read and check it.
    LastYearPicked { id: u64, name: String },
    /// Put the tables on the clipboard.
    Copy,
    /// Download the tables as Word.
    Download,
}

/// The form after `action`; every change is saved (`Effect::SaveForm`).
pub(crate) fn reduce(state: &mut FillState, action: FillAction, lang: Lang) -> Out {
    let mut out = Out::default();
    let mut form = (*state.form).clone();
    match action {
        FillAction::Type { cell, text } => {
            match parse_typed(&text) {
                Ok(Some(value)) => {
                    form.typed.insert(cell, value);
                }
                Ok(None) => {
                    form.typed.remove(&cell);
                }
                Err(()) => {
                    out.say(lang.f(Text::NotANumber, &[&text.trim()]));
                    return out;
                }
            }
            out.notice = super::Say::Clear;
        }
        FillAction::Agency(agency) => form.agency = agency.trim().to_string(),
        FillAction::Year(year) => form.year = year.trim().parse().ok(),
        FillAction::Carried { name, carried } => match carried {
            Some(carried) => {
                out.say(lang.f(Text::CarriedFrom, &[&name]));
                form.carried = Some((name, carried));
            }
            None => out.say(lang.f(Text::CarriedNone, &[&name])),
        },
        FillAction::Clear => form = Form::default(),
        FillAction::LastYearPicked { id, name } => {
            out.effects.push(Effect::ReadLastYear { id, name });
            return out;
        }
        FillAction::Copy => {
            let checked = &state.filled.checked;
            out.effects.push(Effect::Copy {
                html: gouji::export::tables_html(checked),
                text: gouji::export::tables_tsv(checked),
            });
            return out;
        }
        FillAction::Download => {
            let bytes = gouji::fill::docx(&state.form, &state.filled);
            let name = crate::i18n::names::filled_docx(&state.form.agency, state.form.year);
            out.effects.push(Effect::Download { name, bytes, mime: super::DOCX });
            return out;
        }
    }
    state.set(form, &mut out);
    out
}

/// The 填报 form as stored across a reload: one `key=value` per line.
pub(crate) fn form_to_text(form: &Form) -> String {
    let mut out = format!(
        "agency={}\nyear={}\n",
        form.agency,
        form.year.map(|y| y.to_string()).unwrap_or_default()
    );
    if let Some((name, carried)) = &form.carried {
        out.push_str(&format!("carried={name}\n"));
        for (col, value) in carried {
            out.push_str(&format!("carried.{}={value}\n", col.code()));
        }
    }
    for (cell, value) in &form.typed {
        out.push_str(&format!("{cell}={value}\n"));
    }
    out
}

/// A stored form back (what cannot be read is left out).
pub(crate) fn form_from_text(text: &str) -> Form {
    let mut form = Form::default();
    let mut carried: Option<(String, BTreeMap<gouji::model::Col, Number>)> = None;
    for line in text.lines() {
        let Some((key, value)) = line.split_once('=') else { continue };
        match key {
            "agency" => form.agency = value.to_string(),
            "year" => form.year = value.parse().ok(),
            "carried" => carried = Some((value.to_string(), BTreeMap::new())),
            _ => {
                let number = Number::parse(value);
                if let Some(col) = key.strip_prefix("carried.") {
                    let col = gouji::model::CellRef::parse(&format!("t3/R4/{col}")).map(|c| c.col);
                    if let (Some((_, map)), Some(col), Some(n)) = (carried.as_mut(), col, number) {
                        map.insert(col, n);
                    }
                } else if let (Some(cell), Some(n)) = (CellRef::parse(key), number) {
                    form.typed.insert(cell, n);
                }
            }
        }
    }
    form.carried = carried;
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_computes_totals_and_every_change_is_saved() {
        let mut state = FillState::new(Form::default());
        let np = CellRef::parse("t3/R1/NP").unwrap();
        reduce(&mut state, FillAction::Type { cell: np, text: "3".into() }, Lang::Zh);
        let out = CellRef::parse("t3/R3.1/NP").unwrap();
        let saved = reduce(&mut state, FillAction::Type { cell: out, text: "3".into() }, Lang::Zh);
        let total = CellRef::parse("t3/R3.7/TOT").unwrap();
        assert_eq!(state.filled.cells[&total], (Number::int(3), gouji::fill::Origin::Computed));
        assert_eq!(state.filled.checked.verdict(), gouji::Verdict::Pass);
        let [Effect::SaveForm(text)] = saved.effects.as_slice() else { panic!("saved") };
        assert_eq!(form_from_text(text), *state.form);
        let before = state.clone();
        let bad = reduce(&mut state, FillAction::Type { cell: np, text: "x".into() }, Lang::Zh);
        assert!(matches!(bad.notice, super::super::Say::Show(_)) && bad.effects.is_empty());
        assert_eq!(state, before, "not a number: nothing changes");
        reduce(&mut state, FillAction::Type { cell: np, text: String::new() }, Lang::Zh);
        assert!(!state.form.typed.contains_key(&np));
        reduce(&mut state, FillAction::Year(" 2024 ".into()), Lang::Zh);
        assert_eq!(form_from_text(&form_to_text(&state.form)).year, Some(2024));
    }

    #[test]
    fn the_download_is_named_after_the_unit_and_year() {
        let mut state = FillState::new(Form::default());
        reduce(&mut state, FillAction::Agency("某某局".into()), Lang::Zh);
        reduce(&mut state, FillAction::Year("2024".into()), Lang::Zh);
        let out = reduce(&mut state, FillAction::Download, Lang::En);
        let [Effect::Download { name, .. }] = out.effects.as_slice() else { panic!("{out:?}") };
        assert_eq!(name, "某某局2024年政府信息公开工作年度报告（表格）.docx");
    }
}
