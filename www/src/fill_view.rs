//! 填报: the blank official tables of a new report, typed into. The engine (`gouji::fill`)
//! computes the totals, takes 上年结转 from last year's report, writes the sentences of
//! sections 三 and 四, and checks the whole; this view draws it and hands what was typed back.

use std::rc::Rc;

use gouji::fill::{Form, Origin};
use gouji::model::{CellRef, Col, Row, TableId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
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
        Origin::Computed => format!("{}：按各项自动合计", cell.display_name()),
        Origin::LastYear => format!("{}：取自去年报告的结转下年度", cell.display_name()),
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

fn t2(props: &FillProps, states: &States) -> Html {
    let Some(table) = props.filled.checked.report.table(TableId::T2) else { return html! {} };
    let blocks = gouji::layout::t2_blocks(table);
    let width = 1 + blocks.iter().map(|b| b.cols.len()).max().unwrap_or(1);
    html! {
        <table class="report t2 fill-table">
            { for blocks.iter().map(|block| {
                let span = (width - 1) / block.cols.len();
                html! {
                    <>
                        <tr><th class="block" colspan={width.to_string()}>{ block.title }</th></tr>
                        <tr>
                            <th>{ "信息内容" }</th>
                            { for block.cols.iter().map(|&col| html! {
                                <th colspan={span.to_string()}>{ gouji::layout::t2_col_name(block.rows[0], col) }</th>
                            }) }
                        </tr>
                        { for block.rows.iter().map(|&row| html! {
                            <tr>
                                <th class="label">{ row.official() }</th>
                                { for block.cols.iter().map(|&col| input_cell(props, states, CellRef::new(TableId::T2, row, col), span)) }
                            </tr>
                        }) }
                    </>
                }
            }) }
        </table>
    }
}

fn t3(props: &FillProps, states: &States) -> Html {
    let Some(table) = props.filled.checked.report.table(TableId::T3) else { return html! {} };
    let cols = table.cols();
    let orgs: Vec<Col> =
        cols.iter().copied().filter(|c| !matches!(c, Col::NP | Col::TOT)).collect();
    html! {
        <table class="report t3 fill-table">
            <tr>
                <th class="note" colspan="3" rowspan="3">
                    { "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" }
                </th>
                <th colspan={cols.len().to_string()}>{ "申请人情况" }</th>
            </tr>
            <tr>
                <th rowspan="2">{ "自然人" }</th>
                <th colspan={orgs.len().to_string()}>{ "法人或其他组织" }</th>
                <th rowspan="2">{ "总计" }</th>
            </tr>
            <tr>{ for orgs.iter().map(|c| html! { <th class="col">{ c.name() }</th> }) }</tr>
            { for gouji::layout::t3_rows(table).into_iter().map(|view| html! {
                <tr data-row={view.row.code()}>
                    { for view.labels.iter().map(|label| html! {
                        <th class="label" rowspan={label.rowspan.to_string()} colspan={label.colspan.to_string()}>{ label.text }</th>
                    }) }
                    { for cols.iter().map(|&col| input_cell(props, states, CellRef::new(TableId::T3, view.row, col), 1)) }
                </tr>
            }) }
        </table>
    }
}

fn t4(props: &FillProps, states: &States) -> Html {
    let results = [Col::keep, Col::fix, Col::oth, Col::pend, Col::tot];
    html! {
        <table class="report t4 fill-table">
            <tr><th colspan="5">{ "行政复议" }</th><th colspan="10">{ "行政诉讼" }</th></tr>
            <tr>
                { for results.iter().map(|c| html! { <th rowspan="2" class="col">{ c.name() }</th> }) }
                <th colspan="5">{ "未经复议直接起诉" }</th>
                <th colspan="5">{ "复议后起诉" }</th>
            </tr>
            <tr>{ for results.iter().chain(results.iter()).map(|c| html! { <th class="col">{ c.name() }</th> }) }</tr>
            <tr>
                { for [Row::RV, Row::LD, Row::LR].into_iter().flat_map(|row| results.iter().map(move |&col| (row, col)))
                    .map(|(row, col)| input_cell(props, states, CellRef::new(TableId::T4, row, col), 1)) }
            </tr>
        </table>
    }
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
                <label>{ "单位：" }<input id="fill-agency" type="text" value={props.form.agency.clone()}
                    placeholder="如：某某市某某局" oninput={on_agency} /></label>
                <label>{ "年度：" }<input id="fill-year" type="text" inputmode="numeric" size="6"
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
                <p class="fill-carried" id="fill-carried">{ format!("上年结转取自：{name}") }</p>
            }
            <p class="verdict-headline fill-verdict" id="fill-verdict" data-verdict={verdict.verdict} data-kind={verdict.kind}>
                { verdict.headline.clone() }
            </p>
            if !errors.is_empty() {
                <ul class="fill-errors">
                    { for errors.iter().map(|f| html! {
                        <li data-rule={f.rule.clone()}>{ f.message.clone() }
                            if let Some(hint) = &f.hint { <span class="finding-hint">{ format!(" 建议：{hint}") }</span> }
                        </li>
                    }) }
                </ul>
            }
            <h2 class="table-title">{ "二、主动公开政府信息情况" }</h2>
            { t2(props, &states) }
            <h2 class="table-title">{ "三、收到和处理政府信息公开申请情况" }</h2>
            { t3(props, &states) }
            <p class="sentence" id="fill-sentence-3">{ props.filled.sentences[0].clone() }</p>
            <h2 class="table-title">{ "四、政府信息公开行政复议、行政诉讼情况" }</h2>
            { t4(props, &states) }
            <p class="sentence" id="fill-sentence-4">{ props.filled.sentences[1].clone() }</p>
        </section>
    }
}
