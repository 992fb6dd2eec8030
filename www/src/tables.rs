//! 表二, 表三 and 表四 re-rendered in the official layout with the values the engine read.
//! Every value cell carries `data-cell` (its address) and `data-state` (its mark). The tables
//! are one Tab stop: the cursor cell has `tabindex=0`, arrow keys move it, Enter or Space opens
//! its detail. Selecting a total marks the cells it adds up (`precedent`).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gouji::model::{CellRef, Col, Row, Table, TableId};
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::official;
use crate::view_model::{self, CellState, Shared};

#[derive(Properties, PartialEq)]
pub(crate) struct TablesProps {
    pub(crate) checked: Shared,
    pub(crate) states: Rc<BTreeMap<CellRef, CellState>>,
    pub(crate) selected: Option<CellRef>,
    pub(crate) marked: Rc<BTreeSet<CellRef>>,
    /// The cells the selected total adds up.
    pub(crate) precedents: Rc<BTreeSet<CellRef>>,
    /// The cell that holds the tables' one Tab stop.
    pub(crate) cursor: Option<CellRef>,
    pub(crate) lang: Lang,
    pub(crate) on_cell: Callback<CellRef>,
    pub(crate) on_hover: Callback<Option<CellRef>>,
    /// A key pressed on a cell.
    pub(crate) on_key: Callback<(CellRef, KeyboardEvent)>,
    /// The cell being typed into, and what its box starts with.
    pub(crate) editing: Option<(CellRef, String)>,
    /// Double-click: type over a cell.
    pub(crate) on_edit: Callback<CellRef>,
    /// The typed text of a cell, and where to move next (a key name).
    pub(crate) on_commit: Callback<(CellRef, String, Option<String>, bool)>,
    pub(crate) on_cancel: Callback<()>,
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    cell: CellRef,
    lang: Lang,
    initial: String,
    on_commit: Callback<(CellRef, String, Option<String>, bool)>,
    on_cancel: Callback<()>,
}

/// The box a clerk types a cell's value into: Enter keeps it, Tab and the arrow keys keep it
/// and move on like a spreadsheet, Esc leaves the cell as it was.
#[function_component(CellEditor)]
fn cell_editor(props: &EditorProps) -> Html {
    let input = use_node_ref();
    let done = use_mut_ref(|| false);
    {
        let input = input.clone();
        use_effect_with((), move |()| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                let length = input.value().len() as u32;
                let _ = input.set_selection_range(length, length);
            }
        });
    }
    let cell = props.cell;
    let onkeydown = {
        let (on_commit, on_cancel, done) =
            (props.on_commit.clone(), props.on_cancel.clone(), done.clone());
        Callback::from(move |e: KeyboardEvent| {
            let value = || {
                e.target_dyn_into::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let key = e.key();
            let then = match key.as_str() {
                "Enter" => None,
                "Tab" if e.shift_key() => Some("ArrowLeft"),
                "Tab" => Some("ArrowRight"),
                key @ ("ArrowUp" | "ArrowDown") => Some(key),
                "Escape" => {
                    e.prevent_default();
                    e.stop_propagation();
                    *done.borrow_mut() = true;
                    on_cancel.emit(());
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            *done.borrow_mut() = true;
            on_commit.emit((cell, value(), then.map(str::to_string), true));
        })
    };
    // Leaving the box by the mouse keeps what was typed.
    let onblur = {
        let (on_commit, done) = (props.on_commit.clone(), done.clone());
        Callback::from(move |e: FocusEvent| {
            if std::mem::replace(&mut *done.borrow_mut(), true) {
                return;
            }
            let value = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            on_commit.emit((cell, value, None, false));
        })
    };
    html! {
        <input class="cell-edit" ref={input} value={props.initial.clone()} inputmode="numeric"
            aria-label={props.lang.f(Text::TypeOver, &[&cell.display_name()])} {onkeydown} {onblur} />
    }
}

#[function_component(ReportTables)]
pub(crate) fn report_tables(props: &TablesProps) -> Html {
    let report = &props.checked.report;
    let lang = props.lang;
    html! {
        <section class="tables" aria-label={lang.t(Text::TablesLabel)}>
            <Legend {lang} />
            { for [TableId::T2, TableId::T3, TableId::T4, TableId::Pre2019].into_iter()
                .filter_map(|id| report.table(id)).map(|table| table_view(table, props)) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    lang: Lang,
}

#[function_component(Legend)]
fn legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    html! {
        <p class="legend">
            <span class="legend-title">{ lang.t(Text::Legend) }</span>
            <span class="swatch" data-state="culprit">{ lang.t(Text::LegendCulprit) }</span>
            <span class="swatch" data-state="related">{ lang.t(Text::LegendRelated) }</span>
            <span class="swatch" data-state="error">{ lang.t(Text::LegendError) }</span>
            <span class="swatch" data-state="blank">{ lang.t(Text::LegendBlank) }</span>
            <span class="swatch" data-state="inferred">{ lang.t(Text::LegendInferred) }</span>
            <span class="swatch" data-state="missing">{ lang.t(Text::LegendMissing) }</span>
            <span class="swatch" data-state="edited">{ lang.t(Text::LegendEdited) }</span>
        </p>
    }
}

/// One value cell.
fn value_cell(table: &Table, row: Row, col: Col, props: &TablesProps, colspan: usize) -> Html {
    let Some(cell) = table.cell(row, col) else {
        return html! { <td class="value absent" colspan={colspan.to_string()}></td> };
    };
    let addr = cell.addr;
    let state = props.states.get(&addr).copied().unwrap_or(CellState::Ok);
    let onclick = {
        let on_cell = props.on_cell.clone();
        Callback::from(move |_: MouseEvent| on_cell.emit(addr))
    };
    let onmouseenter = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(Some(addr)))
    };
    let onmouseleave = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(None))
    };
    let onkeydown = {
        let on_key = props.on_key.clone();
        Callback::from(move |e: KeyboardEvent| on_key.emit((addr, e)))
    };
    let class = classes!(
        "value",
        (props.selected == Some(addr)).then_some("selected"),
        props.marked.contains(&addr).then_some("marked"),
        props.precedents.contains(&addr).then_some("precedent"),
    );
    let title = addr.display_name();
    let tabindex = if props.cursor == Some(addr) { "0" } else { "-1" };
    let value = view_model::display_value(cell);
    let label = format!(
        "{title} {}",
        if value.is_empty() { props.lang.t(Text::LegendBlank) } else { &value }
    );
    let ondblclick = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(addr))
    };
    let editor = props.editing.as_ref().filter(|(c, _)| *c == addr).map(|(_, initial)| {
        html! {
            <CellEditor cell={addr} initial={initial.clone()} lang={props.lang} on_commit={props.on_commit.clone()}
                on_cancel={props.on_cancel.clone()} />
        }
    });
    let was = props
        .checked
        .edits
        .iter()
        .find(|e| e.cell == addr)
        .map(|e| props.lang.f(Text::CellWas, &[&title, &e.was.describe()]));
    let title = was.unwrap_or(title);
    html! {
        <td {class} data-cell={addr.to_string()} data-state={state.as_str()} {title}
            colspan={colspan.to_string()} {tabindex} aria-label={label}
            {onclick} {ondblclick} {onmouseenter} {onmouseleave} {onkeydown}>
            { editor.unwrap_or_else(|| html! { { value } }) }
        </td>
    }
}

fn caption(id: TableId, lang: Lang) -> Html {
    let text = match id {
        TableId::T2 => Text::T2,
        TableId::T3 => Text::T3,
        TableId::T4 => Text::T4,
        TableId::Pre2019 => Text::Stats,
    };
    html! { <h2 class="table-title">{ lang.t(text) }</h2> }
}

/// One table in its wrapper, with its caption (and the statistics table's note).
fn table_view(table: &Table, props: &TablesProps) -> Html {
    let (id, lang) = (table.id, props.lang);
    let cell = |row, col, span| value_cell(table, row, col, props, span);
    html! {
        <div class="table-wrap" id={view_model::table_anchor(id)}>
            { caption(id, lang) }
            { official::table(table, lang, None, &cell) }
            if id == TableId::Pre2019 { <p class="hint">{ lang.t(Text::StatsNote) }</p> }
        </div>
    }
}
