//! The decisions slice: the reviewer's decisions about the report on screen and where they are
//! stored. Reading and writing storage are effects (`Effect::LoadDecisions`,
//! `Effect::SaveDecisions`); what storage held comes back as `DecisionsAction::Loaded`.

use std::rc::Rc;

use gouji::Checked;
use gouji::review::{Decision, Decisions, Status};

use super::{Effect, Out};
use crate::i18n::{Lang, Text};

/// The decisions about the current report and their storage key.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct DecisionsState {
    pub(crate) decisions: Rc<Decisions>,
    pub(crate) key: Option<String>,
}

/// What happens to the decisions.
#[derive(Clone, Debug)]
pub(crate) enum DecisionsAction {
    /// Mark finding `finding` of the report on screen.
    Decide { finding: usize, status: Status, reason: String, date: String },
    /// Take back the decision about a fingerprint.
    Undecide(String),
    /// A decisions file, read (`decisions_file::read`: the browser's JSON reader).
    Import { name: String, read: Result<Decisions, gouji::review::FileError> },
    /// What storage held under `key` (`None`: nothing, or nothing readable).
    Loaded { key: String, stored: Option<Decisions> },
    /// Save them as `<报告>.gouji.json`.
    Export,
}

/// The storage key of a report's decisions: its agency and year, or `None` when the report
/// names neither.
pub(crate) fn decisions_key(checked: &Checked) -> Option<String> {
    let report = &checked.report;
    if report.agency.is_none() && report.year.is_none() {
        return None;
    }
    Some(format!(
        "gouji.decisions.v1:{}|{}",
        report.agency_name().unwrap_or_default(),
        report.year.map_or_else(String::new, |y| y.to_string())
    ))
}

impl DecisionsState {
    /// A report is shown: its decisions are those stored under its key (asked for), or none
    /// yet. The same key keeps what is held.
    pub(crate) fn show(&mut self, checked: &Checked, out: &mut Out) {
        let key = decisions_key(checked);
        if self.key == key {
            return;
        }
        self.decisions = Rc::new(Decisions::for_report(checked));
        if let Some(key) = &key {
            out.effects.push(Effect::LoadDecisions { key: key.clone() });
        }
        self.key = key;
    }

    fn save(&self, out: &mut Out) {
        let Some(key) = &self.key else { return };
        let file = (!self.decisions.decisions.is_empty())
            .then(|| gouji::dto::DecisionsFile::from(&*self.decisions));
        out.effects.push(Effect::SaveDecisions { key: key.clone(), file });
    }

    /// The decisions, named after `checked` when they name no report yet.
    fn editable(&self, checked: &Checked) -> Decisions {
        let decisions = (*self.decisions).clone();
        if decisions.agency.is_none() && decisions.year.is_none() {
            Decisions { decisions: decisions.decisions, ..Decisions::for_report(checked) }
        } else {
            decisions
        }
    }
}

/// The decisions after `action`, about `checked` (the report on screen); every change is saved.
pub(crate) fn reduce(
    state: &mut DecisionsState,
    action: DecisionsAction,
    checked: Option<&Checked>,
    file_name: impl FnOnce(&Checked) -> String,
    lang: Lang,
) -> Out {
    let mut out = Out::default();
    match action {
        DecisionsAction::Loaded { key, stored } => {
            if state.key.as_ref() == Some(&key)
                && let Some(stored) = stored
            {
                state.decisions = Rc::new(stored);
            }
        }
        DecisionsAction::Decide { finding, status, reason, date } => {
            let Some(checked) = checked else { return out };
            let Some(finding) = checked.findings.get(finding) else { return out };
            let mut decisions = state.editable(checked);
            decisions.set(Decision::new(finding, status, &reason, &date));
            state.decisions = Rc::new(decisions);
            state.save(&mut out);
        }
        DecisionsAction::Undecide(fingerprint) => {
            let mut decisions = (*state.decisions).clone();
            decisions.remove(&fingerprint);
            state.decisions = Rc::new(decisions);
            state.save(&mut out);
        }
        DecisionsAction::Import { name, read } => {
            let Some(checked) = checked else { return out };
            match read {
                Ok(read) => {
                    let mut decisions = state.editable(checked);
                    let total = read.decisions.len();
                    let applying = read
                        .decisions
                        .iter()
                        .filter(|d| checked.findings.iter().any(|f| f.fingerprint == d.fingerprint))
                        .count();
                    decisions.merge(read);
                    state.decisions = Rc::new(decisions);
                    state.save(&mut out);
                    out.say(lang.f(Text::DecisionsImported, &[&name, &total, &applying]));
                }
                Err(why) => out.say(lang.f(Text::DecisionsRefused, &[&name, &why.message()])),
            }
        }
        DecisionsAction::Export => {
            let Some(checked) = checked else { return out };
            out.effects.push(Effect::Download {
                name: file_name(checked),
                bytes: state.decisions.to_json().into_bytes(),
                mime: "application/json;charset=utf-8",
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken() -> Checked {
        crate::state::input::broken_sample()
    }

    #[test]
    fn a_report_asks_storage_for_its_decisions_and_takes_what_it_held() {
        let checked = broken();
        let mut state = DecisionsState::default();
        let mut out = Out::default();
        state.show(&checked, &mut out);
        let key = decisions_key(&checked).unwrap();
        assert_eq!(out.effects, vec![Effect::LoadDecisions { key: key.clone() }]);
        // The same report again (a re-check) asks nothing.
        let mut again = Out::default();
        state.show(&checked, &mut again);
        assert!(again.effects.is_empty());
        let mut stored = Decisions::for_report(&checked);
        stored.set(Decision::new(&checked.findings[0], Status::Ignored, "why", "2027-01-20"));
        let loaded = DecisionsAction::Loaded { key, stored: Some(stored.clone()) };
        reduce(&mut state, loaded, Some(&checked), |_| String::new(), Lang::Zh);
        assert_eq!(*state.decisions, stored);
    }

    #[test]
    fn every_decision_is_saved_and_an_empty_set_forgotten() {
        let checked = broken();
        let mut state = DecisionsState::default();
        state.show(&checked, &mut Out::default());
        let decide = DecisionsAction::Decide {
            finding: 0,
            status: Status::Verified,
            reason: "已与单位核实".into(),
            date: "2027-01-20".into(),
        };
        let out = reduce(&mut state, decide, Some(&checked), |_| String::new(), Lang::Zh);
        let [Effect::SaveDecisions { file: Some(file), .. }] = out.effects.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(file.decisions.len(), 1);
        let fingerprint = checked.findings[0].fingerprint.clone();
        let out = reduce(
            &mut state,
            DecisionsAction::Undecide(fingerprint),
            Some(&checked),
            |_| String::new(),
            Lang::Zh,
        );
        assert!(matches!(out.effects.as_slice(), [Effect::SaveDecisions { file: None, .. }]));
    }

    #[test]
    fn an_import_says_how_many_apply_and_a_refusal_changes_nothing() {
        let checked = broken();
        let mut state = DecisionsState::default();
        state.show(&checked, &mut Out::default());
        let mut read = Decisions::for_report(&checked);
        read.set(Decision::new(&checked.findings[0], Status::Ignored, "x", "2027-01-20"));
        let import = DecisionsAction::Import { name: "a.json".into(), read: Ok(read) };
        let out = reduce(&mut state, import, Some(&checked), |_| String::new(), Lang::En);
        assert!(matches!(out.notice, crate::state::Say::Show(_)));
        assert_eq!(state.decisions.decisions.len(), 1);
        let export = reduce(
            &mut state,
            DecisionsAction::Export,
            Some(&checked),
            |_| "a.gouji.json".into(),
            Lang::Zh,
        );
        let [Effect::Download { name, bytes, .. }] = export.effects.as_slice() else {
            panic!("{export:?}")
        };
        assert_eq!(name, "a.gouji.json");
        assert_eq!(String::from_utf8_lossy(bytes), state.decisions.to_json());
    }
}
