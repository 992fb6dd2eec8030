//! The selection slice: the selected cell and finding, the cells a finding marks, the keyboard
//! cursor of the tables and the cell being typed into. A step of it copies no report: it holds
//! cell addresses only.

use std::collections::BTreeSet;
use std::rc::Rc;

use gouji::model::CellRef;
use gouji::{Checked, Severity};

use super::After;
use crate::view_model;

/// What is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Selection {
    /// The cell whose detail is open.
    pub(crate) cell: Option<CellRef>,
    /// The cells of the selected finding.
    pub(crate) marked: Rc<BTreeSet<CellRef>>,
    /// The selected finding (its place in the findings).
    pub(crate) finding: Option<usize>,
    /// The cell that holds the table's one Tab stop (arrow keys move it).
    pub(crate) cursor: Option<CellRef>,
    /// The cell being typed into, and what its box starts with.
    pub(crate) editing: Option<(CellRef, String)>,
}

/// What happens to the selection.
#[derive(Clone, Debug)]
pub(crate) enum SelectAction {
    /// Open a cell's detail, or close it.
    Cell(Option<CellRef>),
    /// Move the table's keyboard cursor (arrow keys) and the focus with it.
    Cursor(CellRef),
    /// Select a finding: its cells are marked, its first cell selected and shown.
    Finding(usize),
    /// Select the first finding of a severity and move the focus to it (the verdict's counts).
    JumpTo(Severity),
    /// Open the box to type over a cell, starting with this text (`None`: the cell's value as
    /// shown).
    StartEdit(CellRef, Option<String>),
    /// Close the box without changing the cell.
    CancelEdit,
}

impl Selection {
    /// Nothing selected, no box open.
    pub(crate) fn clear(&mut self) {
        *self = Selection::default();
    }
}

/// The selection after `action` on `checked` (the report on screen; `editable` when its cells
/// may be typed over), and what to do once drawn.
pub(crate) fn reduce(
    sel: &mut Selection,
    action: SelectAction,
    checked: Option<&Checked>,
    editable: bool,
) -> Vec<After> {
    let mut after = Vec::new();
    match action {
        SelectAction::Cell(cell) => {
            sel.cell = cell;
            sel.marked = Rc::default();
            sel.finding = None;
            if let Some(cell) = cell {
                sel.cursor = Some(cell);
            }
        }
        SelectAction::Cursor(cell) => {
            sel.cursor = Some(cell);
            after.push(After::FocusCell(cell));
        }
        SelectAction::Finding(k) => {
            if let Some(finding) = checked.and_then(|c| c.findings.get(k)) {
                sel.marked = Rc::new(finding.cells.iter().copied().collect());
                sel.cell = finding.cells.first().copied();
                sel.cursor = sel.cell;
                sel.finding = Some(k);
                if let Some(cell) = sel.cell {
                    after.push(After::ShowCell(cell));
                }
            }
        }
        SelectAction::JumpTo(severity) => {
            let first =
                checked.and_then(|c| c.findings.iter().position(|f| f.severity == severity));
            if let Some(k) = first {
                after = reduce(sel, SelectAction::Finding(k), checked, editable);
                after.push(After::FocusFinding(k));
            }
        }
        SelectAction::StartEdit(cell, text) => {
            if let (true, Some(checked)) = (editable, checked) {
                let text = text.unwrap_or_else(|| {
                    checked.report.cell(cell).map(view_model::display_value).unwrap_or_default()
                });
                sel.cell = Some(cell);
                sel.cursor = Some(cell);
                sel.editing = Some((cell, text));
            }
        }
        SelectAction::CancelEdit => {
            if let Some((cell, _)) = sel.editing.take() {
                after.push(After::FocusCell(cell));
            }
        }
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken() -> Checked {
        crate::state::input::broken_sample()
    }

    #[test]
    fn a_finding_marks_its_cells_and_brings_the_first_into_view() {
        let checked = broken();
        let mut sel = Selection::default();
        let after = reduce(&mut sel, SelectAction::JumpTo(Severity::Error), Some(&checked), true);
        let cell = CellRef::parse("t3/R3.7/NP").unwrap();
        assert_eq!(after, vec![After::ShowCell(cell), After::FocusFinding(0)]);
        assert_eq!((sel.cell, sel.cursor, sel.finding), (Some(cell), Some(cell), Some(0)));
        assert!(sel.marked.contains(&cell));
        // Opening a cell forgets the finding; closing keeps the cursor where it was.
        reduce(&mut sel, SelectAction::Cell(None), Some(&checked), true);
        assert_eq!((sel.cell, sel.finding, sel.cursor), (None, None, Some(cell)));
        assert!(sel.marked.is_empty());
    }

    #[test]
    fn a_box_opens_with_the_value_shown_only_where_cells_may_be_typed_over() {
        let checked = broken();
        let cell = CellRef::parse("t3/R3.7/NP").unwrap();
        let mut sel = Selection::default();
        reduce(&mut sel, SelectAction::StartEdit(cell, None), Some(&checked), false);
        assert_eq!(sel.editing, None, "a batch's report is not edited");
        reduce(&mut sel, SelectAction::StartEdit(cell, None), Some(&checked), true);
        assert_eq!(sel.editing, Some((cell, "2".to_string())));
        let after = reduce(&mut sel, SelectAction::CancelEdit, Some(&checked), true);
        assert_eq!((sel.editing.clone(), after), (None, vec![After::FocusCell(cell)]));
        reduce(&mut sel, SelectAction::StartEdit(cell, Some("7".into())), Some(&checked), true);
        assert_eq!(sel.editing, Some((cell, "7".to_string())));
    }
}
