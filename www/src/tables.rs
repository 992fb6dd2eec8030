//! 表二, 表三 and 表四 re-rendered in the official layout with the values the engine read.
//! Every value cell carries `data-cell` (its address) and `data-state` (its mark). The tables
//! are one Tab stop: the cursor cell has `tabindex=0`, arrow keys move it, Enter or Space opens
//! its detail. Selecting a total marks the cells it adds up (`precedent`).
//!
//! Drawing is kept small (issue 15): what a cell shows is worked out once per result and
//! language (`view_model::cell_views`), each cell is a component drawn again only when its
//! own view or marks change, and the cells have no listeners: the tables' section takes the
//! clicks and keys for all of them and finds the cell by its `data-cell`.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gouji::model::{CellRef, Col, Row, Table, TableId};
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::official;
use crate::view_model::{self, CellState, CellView, Shared};
use wasm_bindgen::JsCast;

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

/// The value cell an event happened in (its `data-cell`), for the tables' one set of
/// listeners: the cells have none of their own.
fn event_cell(e: &Event) -> Option<CellRef> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let td = target.closest("td[data-cell]").ok()??;
    CellRef::parse(&td.get_attribute("data-cell")?)
}

#[function_component(ReportTables)]
pub(crate) fn report_tables(props: &TablesProps) -> Html {
    let report = &props.checked.report;
    let lang = props.lang;
    // What each cell shows, once per result and language.
    let views = use_memo((props.checked.clone(), props.states.clone(), lang), |(c, s, lang)| {
        view_model::cell_views(c, s, *lang)
    });
    // Clicks and keys are taken here, for every cell (a cell's box stops the keys it uses).
    let onclick = use_callback(props.on_cell.clone(), |e: MouseEvent, on_cell| {
        if let Some(cell) = event_cell(&e) {
            on_cell.emit(cell);
        }
    });
    let ondblclick = use_callback(props.on_edit.clone(), |e: MouseEvent, on_edit| {
        if let Some(cell) = event_cell(&e) {
            on_edit.emit(cell);
        }
    });
    let onkeydown = use_callback(props.on_key.clone(), |e: KeyboardEvent, on_key| {
        if let Some(cell) = event_cell(&e) {
            on_key.emit((cell, e));
        }
    });
    html! {
        <section class="tables" aria-label={lang.t(Text::TablesLabel)} {onclick} {ondblclick} {onkeydown}>
            <Legend {lang} />
            { for [TableId::T2, TableId::T3, TableId::T4, TableId::Pre2019].into_iter()
                .filter_map(|id| report.table(id)).map(|table| table_view(table, props, &views)) }
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

/// A cell's view, equal when it is the same one (made once per result).
#[derive(Clone)]
struct ViewRef(Rc<CellView>);

impl PartialEq for ViewRef {
    fn eq(&self, other: &ViewRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct CellProps {
    view: ViewRef,
    colspan: usize,
    /// `value`, and `selected`, `marked`, `precedent` as they apply.
    class: AttrValue,
    /// It holds the tables' Tab stop.
    cursor: bool,
    /// It is being typed into: what its box starts with.
    editing: Option<String>,
    lang: Lang,
    on_commit: Callback<(CellRef, String, Option<String>, bool)>,
    on_cancel: Callback<()>,
}

/// One value cell: drawn again only when its own view or marks change (an arrow key redraws
/// the two cells the Tab stop leaves and reaches).
#[function_component(ValueCell)]
fn value_cell(props: &CellProps) -> Html {
    let view = &props.view.0;
    let class = props.class.clone();
    let tabindex = if props.cursor { "0" } else { "-1" };
    let content = match &props.editing {
        Some(initial) => html! {
            <CellEditor cell={view.addr} initial={initial.clone()} lang={props.lang} on_commit={props.on_commit.clone()}
                on_cancel={props.on_cancel.clone()} />
        },
        None => html! { { AttrValue::from(view.value.clone()) } },
    };
    html! {
        <td {class} data-cell={AttrValue::from(view.data_cell.clone())} data-state={view.state.as_str()}
            title={AttrValue::from(view.title.clone())} colspan={span(props.colspan)} {tabindex}
            aria-label={AttrValue::from(view.label.clone())}>
            { content }
        </td>
    }
}

/// A value cell's class as `classes!` spells it, without a set of strings for every cell.
fn cell_class(selected: bool, marked: bool, precedent: bool) -> AttrValue {
    if !(selected || marked || precedent) {
        return AttrValue::Static("value");
    }
    let mut class = String::from("value");
    for (on, name) in [(selected, " selected"), (marked, " marked"), (precedent, " precedent")] {
        if on {
            class.push_str(name);
        }
    }
    AttrValue::from(class)
}

/// A `colspan` value (a cell spans 1 to 3 columns).
fn span(n: usize) -> AttrValue {
    match n {
        1 => AttrValue::Static("1"),
        2 => AttrValue::Static("2"),
        3 => AttrValue::Static("3"),
        n => AttrValue::from(n.to_string()),
    }
}

/// One value cell of `table`, or the empty place of one the report lacks.
fn value_cell_at(
    table: &Table,
    row: Row,
    col: Col,
    props: &TablesProps,
    views: &BTreeMap<CellRef, Rc<CellView>>,
    colspan: usize,
) -> Html {
    let Some(view) = table.cell(row, col).and_then(|cell| views.get(&cell.addr)) else {
        return html! { <td class="value absent" colspan={colspan.to_string()}></td> };
    };
    let addr = view.addr;
    let editing =
        props.editing.as_ref().filter(|(c, _)| *c == addr).map(|(_, initial)| initial.clone());
    html! {
        <ValueCell view={ViewRef(view.clone())} {colspan}
            class={cell_class(props.selected == Some(addr), props.marked.contains(&addr), props.precedents.contains(&addr))}
            cursor={props.cursor == Some(addr)}
            {editing} lang={props.lang} on_commit={props.on_commit.clone()} on_cancel={props.on_cancel.clone()} />
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
fn table_view(table: &Table, props: &TablesProps, views: &BTreeMap<CellRef, Rc<CellView>>) -> Html {
    let (id, lang) = (table.id, props.lang);
    let cell = |row, col, span| value_cell_at(table, row, col, props, views, span);
    html! {
        <div class="table-wrap" id={view_model::table_anchor(id)}>
            { caption(id, lang) }
            { official::table(table, lang, None, &cell) }
            if id == TableId::Pre2019 { <p class="hint">{ lang.t(Text::StatsNote) }</p> }
        </div>
    }
}
