//! 填报: the blank official tables of a new report, typed into. The engine (`gouji::fill`)
//! computes the totals, takes 上年结转 from last year's report, writes the sentences of
//! sections 三 and 四, and checks the whole; this view draws it and hands what was typed back.

use std::rc::Rc;

use gouji::fill::{Form, Origin};
use gouji::model::{CellRef, TableId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::official;
use crate::state::FilledRef;
use crate::view_model;

#[derive(Properties, PartialEq)]
pub(crate) struct FillProps {
    pub(crate) form: Rc<Form>,
    pub(crate) filled: FilledRef,
    pub(crate) lang: Lang,
    pub(crate) on_type: Callback<(CellRef, String)>,
    pub(crate) on_agency: Callback<String>,
    pub(crate) on_year: Callback<String>,
    pub(crate) on_last_year: Callback<web_sys::File>,
    pub(crate) on_copy: Callback<MouseEvent>,
    pub(crate) on_download: Callback<MouseEvent>,
    pub(crate) on_clear: Callback<MouseEvent>,
}

fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Typed => "typed",
        Origin::Computed => "computed",
        Origin::LastYear => "last-year",
        Origin::Empty => "empty",
    }
}

type States = std::collections::BTreeMap<CellRef, view_model::CellState>;

/// One cell to type into: what was typed, or (greyed) what the form computes or assumes.
fn input_cell(props: &FillProps, states: &States, cell: CellRef, colspan: usize) -> Html {
    let (value, origin) = props
        .filled
        .cells
        .get(&cell)
        .map_or((String::new(), Origin::Empty), |(n, o)| (n.to_string(), *o));
    let typed = props.form.typed.get(&cell).map(ToString::to_string).unwrap_or_default();
    let oninput = {
        let on_type = props.on_type.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_type.emit((cell, input.value()));
        })
    };
    let state = states.get(&cell).copied();
    let title = match origin {
        Origin::Computed => props.lang.f(Text::FillComputed, &[&cell.display_name()]),
        Origin::LastYear => props.lang.f(Text::FillCarriedCell, &[&cell.display_name()]),
        _ => cell.display_name(),
    };
    html! {
        <td class="fill-cell" data-cell={cell.to_string()} data-origin={origin_name(origin)}
            data-state={state.map_or("ok", |s| s.as_str())} colspan={colspan.to_string()} {title}>
            <input type="text" inputmode="numeric" value={typed} placeholder={value}
                aria-label={cell.display_name()} {oninput} />
        </td>
    }
}

/// One official table of the form, every value cell a box to type into.
fn table(props: &FillProps, states: &States, id: TableId) -> Html {
    let Some(table) = props.filled.checked.report.table(id) else { return html! {} };
    let cell = |row, col, span| input_cell(props, states, CellRef::new(id, row, col), span);
    official::table(table, props.lang, Some("fill-table"), &cell)
}

/// The 填报 page.
#[function_component(FillView)]
pub(crate) fn fill_view(props: &FillProps) -> Html {
    let lang = props.lang;
    let last_year = use_node_ref();
    let checked = &props.filled.checked;
    let states = view_model::cell_states(checked);
    let verdict = view_model::verdict_view(checked);
    let errors: Vec<&gouji::Finding> =
        checked.findings.iter().filter(|f| f.severity == gouji::Severity::Error).collect();
    let on_agency = {
        let on_agency = props.on_agency.clone();
        Callback::from(move |e: InputEvent| {
            on_agency.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_year = {
        let on_year = props.on_year.clone();
        Callback::from(move |e: InputEvent| {
            on_year.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let pick = {
        let last_year = last_year.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = last_year.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let on_last_year = props.on_last_year.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_last_year.emit(file);
            }
            input.set_value("");
        })
    };
    let carried = props.form.carried.as_ref().map(|(name, _)| name.clone());
    html! {
        <section class="fill" aria-label={lang.t(Text::FillTitle)}>
            <div class="fill-head">
                <label>{ lang.t(Text::FillAgency) }<input id="fill-agency" type="text" value={props.form.agency.clone()}
                    placeholder={lang.t(Text::FillAgencyExample)} oninput={on_agency} /></label>
                <label>{ lang.t(Text::FillYear) }<input id="fill-year" type="text" inputmode="numeric" size="6"
                    value={props.form.year.map(|y| y.to_string()).unwrap_or_default()} oninput={on_year} /></label>
                <button id="fill-last-year" onclick={pick}>{ lang.t(Text::FillLastYear) }</button>
                <input type="file" id="fill-last-year-file" ref={last_year} class="hidden"
                    accept=".txt,.md,.htm,.html,.docx,.pdf" onchange={on_file} />
                <button id="fill-copy" onclick={props.on_copy.clone()}>{ lang.t(Text::CopyTables) }</button>
                <button id="fill-docx" class="primary" onclick={props.on_download.clone()}>{ lang.t(Text::FillDocx) }</button>
                <button id="fill-clear" onclick={props.on_clear.clone()}>{ lang.t(Text::FillClear) }</button>
            </div>
            <p class="hint">{ lang.t(Text::FillHint) }</p>
            if let Some(name) = carried {
                <p class="fill-carried" id="fill-carried">{ lang.f(Text::CarriedNote, &[&name]) }</p>
            }
            <p class="verdict-headline fill-verdict" id="fill-verdict" data-verdict={verdict.verdict} data-kind={verdict.kind}>
                { verdict.headline.clone() }
            </p>
            if !errors.is_empty() {
                <ul class="fill-errors">
                    { for errors.iter().map(|f| html! {
                        <li data-rule={f.rule.clone()}>{ f.message.clone() }
                            if let Some(hint) = &f.hint { <span class="finding-hint">{ format!(" {}", lang.f(Text::SuggestionFor, &[hint])) }</span> }
                        </li>
                    }) }
                </ul>
            }
            <h2 class="table-title">{ official::section(TableId::T2, lang) }</h2>
            { table(props, &states, TableId::T2) }
            <h2 class="table-title">{ official::section(TableId::T3, lang) }</h2>
            { table(props, &states, TableId::T3) }
            <p class="sentence" id="fill-sentence-3">{ props.filled.sentences[0].clone() }</p>
            <h2 class="table-title">{ official::section(TableId::T4, lang) }</h2>
            { table(props, &states, TableId::T4) }
            <p class="sentence" id="fill-sentence-4">{ props.filled.sentences[1].clone() }</p>
        </section>
    }
}
