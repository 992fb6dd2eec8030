//! The interface slice: language, mode, the notice under the input, the rule page, dragging,
//! printing, and the question before a batch is discarded.

use gouji::rules::RuleId;

use super::{Discard, Effect, Mode, Notice};
use crate::i18n::Lang;

/// Around the report.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ui {
    pub(crate) lang: Lang,
    /// Checking reports, or filling in a new one (填报).
    pub(crate) mode: Mode,
    pub(crate) notice: Option<Notice>,
    /// The rule whose page is open.
    pub(crate) rule: Option<RuleId>,
    /// Files are dragged over the input.
    pub(crate) dragging: bool,
    /// The browser is printing: the batch's 问题清单 of every report is drawn only then.
    pub(crate) printing: bool,
    /// A new input waits for the clerk's yes: the batch on screen would be lost.
    pub(crate) pending_discard: Option<Discard>,
}

impl Ui {
    pub(crate) fn new(lang: Lang) -> Ui {
        Ui {
            lang,
            mode: Mode::Check,
            notice: None,
            rule: None,
            dragging: false,
            printing: false,
            pending_discard: None,
        }
    }
}

/// What happens around the report.
#[derive(Clone, Copy, Debug)]
pub(crate) enum UiAction {
    SetLang(Lang),
    SetMode(Mode),
    ShowRule(Option<RuleId>),
    Dragging(bool),
    /// The browser starts (true) or ends (false) printing.
    Printing(bool),
}

/// The interface after `action` (the language is remembered).
pub(crate) fn reduce(ui: &mut Ui, action: UiAction) -> Vec<Effect> {
    match action {
        UiAction::SetLang(lang) => {
            ui.lang = lang;
            return vec![Effect::SaveLang(lang)];
        }
        UiAction::SetMode(mode) => ui.mode = mode,
        UiAction::ShowRule(rule) => ui.rule = rule,
        UiAction::Dragging(on) => ui.dragging = on,
        UiAction::Printing(on) => ui.printing = on,
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_remembered_and_nothing_else_is_stored() {
        let mut ui = Ui::new(Lang::Zh);
        assert_eq!(reduce(&mut ui, UiAction::SetLang(Lang::En)), vec![Effect::SaveLang(Lang::En)]);
        assert_eq!(ui.lang, Lang::En);
        assert!(reduce(&mut ui, UiAction::ShowRule(Some(RuleId::T3Bal))).is_empty());
        assert_eq!(ui.rule, Some(RuleId::T3Bal));
        assert!(reduce(&mut ui, UiAction::Dragging(true)).is_empty());
        assert!(reduce(&mut ui, UiAction::Printing(true)).is_empty());
        assert!(ui.dragging && ui.printing);
    }
}
