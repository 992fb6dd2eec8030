//! The batch's comparison (issue 16): one unit's years side by side in the official layout
//! (each cell last year → this year with its change, the rules across years in place, the
//! hints), and a year's units against each other (key figures, sortable, medians, the units
//! far from them, totals beside a 汇总 report), with a CSV export.
//!
//! Everything shown comes from `gouji::compare`; this only picks what to draw and draws it.

use std::rc::Rc;

use gouji::compare::{Change, Comparison, Figure, TablePair, UnitTable, YearPair};
use gouji::model::{CellRef, Col, Layout, Row};
use gouji::rules::RuleId;
use yew::prelude::*;

use crate::batch::BatchItem;
use crate::i18n::{Lang, Text};
use crate::official;
use crate::view_model::Shared;

/// The batch's reports as the engine compared them.
#[derive(Debug, PartialEq)]
pub(crate) struct Compared {
    /// The reports compared (the checked items), in batch order.
    pub(crate) checked: Vec<Shared>,
    /// The batch item of each compared report.
    pub(crate) items: Vec<usize>,
    /// The file name of each compared report.
    pub(crate) names: Vec<Rc<str>>,
    /// What the engine found.
    pub(crate) comparison: Comparison,
}

/// Compares the checked items of a batch.
pub(crate) fn compared(items: &[BatchItem]) -> Compared {
    let present: Vec<(usize, &BatchItem, &Shared)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.checked.as_ref().map(|c| (i, item, c)))
        .collect();
    let refs: Vec<&gouji::Checked> = present.iter().map(|(_, _, c)| &*c.0).collect();
    let comparison = gouji::compare::compare(&refs);
    Compared {
        checked: present.iter().map(|(_, _, c)| (*c).clone()).collect(),
        items: present.iter().map(|(i, _, _)| *i).collect(),
        names: present.iter().map(|(_, item, _)| item.name.clone()).collect(),
        comparison,
    }
}

/// Which part is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tab {
    Years,
    Units,
}

/// The part shown first: years when some agency has two years, else units.
pub(crate) fn first_tab(comparison: &Comparison) -> Tab {
    if comparison.series.iter().any(|s| !s.pairs.is_empty()) || comparison.years.is_empty() {
        Tab::Years
    } else {
        Tab::Units
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct CompareProps {
    pub(crate) items: Rc<Vec<BatchItem>>,
    pub(crate) lang: Lang,
    /// Opens a report of the batch (its item index).
    pub(crate) on_open: Callback<usize>,
}

/// Batches up to this size are compared as soon as they are checked; a larger one when asked
/// (its unit table can hold hundreds of rows).
const OPEN_UP_TO: usize = 60;

#[function_component(CompareView)]
pub(crate) fn compare_view(props: &CompareProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| props.items.len() <= OPEN_UP_TO);
    let compared = {
        let items = props.items.clone();
        use_memo((items, *open), |(items, open)| open.then(|| compared(items)))
    };
    let tab = use_state(|| None::<Tab>);
    let Some(compared) = compared.as_ref() else {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <section class="compare" id="compare" data-tab="closed">
                <button id="compare-show" class="no-print" {onclick}>{ lang.t(Text::CompareShow) }</button>
            </section>
        };
    };
    let comparison = &compared.comparison;
    let shown_tab = tab.unwrap_or_else(|| first_tab(comparison));
    let series_at = use_state(|| 0usize);
    let pair_at = use_state(|| usize::MAX);
    let year_at = use_state(|| 0usize);
    let sort = use_state(|| (None::<Figure>, true));
    let has_years = comparison.series.iter().any(|s| !s.pairs.is_empty());
    let has_units = !comparison.years.is_empty();
    if !has_years && !has_units {
        return html! {
            <section class="compare" id="compare" data-tab="none">
                <h2>{ lang.t(Text::CompareTitle) }</h2>
                <p class="hint">{ lang.t(Text::CompareNothing) }</p>
            </section>
        };
    }
    let tab_button = |which: Tab, text: Text, count: usize| {
        let tab = tab.clone();
        let onclick = Callback::from(move |_: MouseEvent| tab.set(Some(which)));
        let id = if which == Tab::Years { "compare-years" } else { "compare-units" };
        html! {
            <button {id} role="tab" class={classes!("tab", (shown_tab == which).then_some("active"))}
                aria-selected={(shown_tab == which).to_string()} {onclick}>
                { lang.f(Text::Counted, &[&lang.t(text), &count]) }
            </button>
        }
    };
    let body = match shown_tab {
        Tab::Years => years(props, compared, &series_at, &pair_at),
        Tab::Units => units(props, compared, &year_at, &sort),
    };
    let tab_name = if shown_tab == Tab::Years { "years" } else { "units" };
    html! {
        <section class="compare" id="compare" data-tab={tab_name}>
            <h2>{ lang.t(Text::CompareTitle) }</h2>
            <div class="tabs no-print" role="tablist">
                { tab_button(Tab::Years, Text::CompareYears, comparison.series.len()) }
                { tab_button(Tab::Units, Text::CompareUnits, comparison.years.len()) }
            </div>
            { body }
        </section>
    }
}

fn years(
    props: &CompareProps,
    compared: &Compared,
    series_at: &UseStateHandle<usize>,
    pair_at: &UseStateHandle<usize>,
) -> Html {
    let lang = props.lang;
    let all = &compared.comparison.series;
    if all.is_empty() {
        return html! { <p class="hint">{ lang.t(Text::CompareNoYears) }</p> };
    }
    let s = (**series_at).min(all.len() - 1);
    let series = &all[s];
    let chooser = (all.len() > 1).then(|| {
        html! {
            <div class="choices series-choices no-print">
                { for all.iter().enumerate().map(|(k, one)| {
                    let series_at = series_at.clone();
                    let pair_at = pair_at.clone();
                    let onclick = Callback::from(move |_: MouseEvent| { series_at.set(k); pair_at.set(usize::MAX); });
                    html! {
                        <button class={classes!("choice", (k == s).then_some("active"))} aria-pressed={(k == s).to_string()} {onclick}>
                            { lang.f(Text::CompareYearsOf, &[&one.agency, &one.reports.len()]) }
                        </button>
                    }
                }) }
            </div>
        }
    });
    let p = if series.pairs.is_empty() { 0 } else { (**pair_at).min(series.pairs.len() - 1) };
    let gaps: Vec<String> = series
        .reports
        .windows(2)
        .filter(|w| w[0].0 + 1 != w[1].0)
        .map(|w| format!("{}–{} {}", w[0].0, w[1].0, lang.t(Text::CompareGap)))
        .collect();
    let strip = html! {
        <div class="choices pair-choices no-print" role="group">
            { for series.pairs.iter().enumerate().map(|(k, pair)| {
                let pair_at = pair_at.clone();
                let onclick = Callback::from(move |_: MouseEvent| pair_at.set(k));
                let broken = pair.broken().count();
                let class = classes!(
                    "choice",
                    (k == p).then_some("active"),
                    (broken > 0).then_some("broken"),
                    (!pair.hints.is_empty()).then_some("hinted"),
                );
                let marks = match (broken, pair.hints.len()) {
                    (0, 0) => String::new(),
                    (0, h) => lang.f(Text::CompareHintMark, &[&h]),
                    (b, 0) => format!(" · ✗{b}"),
                    (b, h) => format!(" · ✗{b}{}", lang.f(Text::CompareHintMark, &[&h])),
                };
                html! {
                    <button {class} data-year={pair.this_year.to_string()} aria-pressed={(k == p).to_string()} {onclick}>
                        { format!("{}→{}{marks}", pair.last_year, pair.this_year) }
                    </button>
                }
            }) }
        </div>
    };
    let detail = series.pairs.get(p).map(|pair| pair_view(props, compared, pair));
    html! {
        <div class="compare-years" data-agency={series.agency.clone()}>
            { for chooser }
            <p class="series-line">
                <b>{ series.agency.clone() }</b>
                { lang.f(Text::CompareYearList, &[&series.reports.iter().map(|(y, _)| y.to_string()).collect::<Vec<_>>().join(lang.t(Text::ListSep))]) }
                if !gaps.is_empty() { { lang.f(Text::Parenthesized, &[&gaps.join(lang.t(Text::GapSep))]) } }
            </p>
            { strip }
            { for detail }
        </div>
    }
}

fn pair_view(props: &CompareProps, compared: &Compared, pair: &YearPair) -> Html {
    let lang = props.lang;
    let last = &compared.checked[pair.last];
    let this = &compared.checked[pair.this];
    let links: Vec<&Change> =
        pair.tables.iter().flat_map(|t| &t.cells).filter(|c| c.link.is_some()).collect();
    let broken = pair.broken().count();
    let open = |k: usize| {
        let on_open = props.on_open.clone();
        let item = compared.items[k];
        Callback::from(move |_: MouseEvent| on_open.emit(item))
    };
    let comparable = pair.tables.iter().flat_map(|t| &t.cells).any(|c| c.delta.is_some());
    html! {
        <div class="pair" data-last={pair.last_year.to_string()} data-this={pair.this_year.to_string()}
            data-broken={broken.to_string()} data-hints={pair.hints.len().to_string()}>
            <h3>
                { lang.f(Text::ComparePair, &[&pair.last_year, &pair.this_year]) }
                <button class="link-button" onclick={open(pair.last)}>{ compared.names[pair.last].to_string() }</button>
                { " → " }
                <button class="link-button" onclick={open(pair.this)}>{ compared.names[pair.this].to_string() }</button>
            </h3>
            <ul class="pair-facts">
                if !links.is_empty() {
                    <li class={classes!("links", (broken > 0).then_some("broken"))}>
                        { lang.f(Text::CompareLinkCount, &[&lang.t(Text::CompareLinks), &links.len(), &lang.t(Text::CompareBroken), &broken]) }
                        if broken > 0 {
                            <ul>
                                { for pair.broken().map(|(change, link)| html! {
                                    <li data-cell={change.addr.to_string()}>
                                        { lang.f(Text::CompareBrokenLink, &[&gouji::compare::cell_name(change.addr), &gouji::compare::shown(this, change.addr), &gouji::compare::link_text(link)]) }
                                    </li>
                                }) }
                            </ul>
                        }
                    </li>
                }
                if let Some(copied) = pair.copied {
                    <li class={classes!("copied", (copied >= 800).then_some("dup"))} title={lang.t(Text::CompareCopiedNote)}>
                        { lang.f(Text::Labelled, &[&lang.t(Text::CompareCopied)]) }{ format!("{}%", copied / 10) }
                        if copied >= 800 { { lang.f(Text::Parenthesized, &[&RuleId::XyDup.id()]) } }
                    </li>
                }
                if !pair.hints.is_empty() {
                    <li class="hints">
                        { lang.f(Text::Labelled, &[&lang.t(Text::CompareHints)]) }
                        <ul>
                            { for pair.hints.iter().map(|f| html! {
                                <li data-rule={f.family.id()}><b>{ f.rule.clone() }</b>{ " " }{ f.message.clone() }</li>
                            }) }
                        </ul>
                    </li>
                }
            </ul>
            <p class="hint">{ lang.t(Text::CompareLegend) }</p>
            if !comparable { <p class="hint">{ lang.t(Text::CompareNoCells) }</p> }
            { for pair.tables.iter().map(|t| table_view(t, last, this, lang)) }
        </div>
    }
}

/// One value cell of two years.
fn pair_cell(
    table: &TablePair,
    last: &Shared,
    this: &Shared,
    row: Row,
    col: Col,
    span: usize,
    lang: Lang,
) -> Html {
    let addr = CellRef::new(table.table, row, col);
    let Some(change) = table.cells.iter().find(|c| c.addr == addr) else {
        return html! { <td class="value absent" colspan={span.to_string()}></td> };
    };
    let link = change.link.as_ref();
    let state = match (link, change.hint) {
        (Some(l), _) if !l.holds => "broken",
        (_, Some(_)) => "hint",
        (Some(_), None) => "holds",
        _ => "",
    };
    let title = link.map(gouji::compare::link_text).unwrap_or_default();
    let delta = gouji::compare::describe(change);
    let changed = change.delta.is_some_and(|d| !d.is_zero());
    html! {
        <td class={classes!("value", "pair-cell", changed.then_some("changed"))} data-cell={addr.to_string()}
            data-state={state} data-hint={change.hint.map_or("", RuleId::id)} colspan={span.to_string()} {title}>
            <span class="both">
                <span class="before">{ gouji::compare::shown(last, addr) }</span>
                { " → " }
                <span class="after">{ gouji::compare::shown(this, addr) }</span>
            </span>
            if !delta.is_empty() && changed { <span class="delta">{ delta }</span> }
            if let Some(link) = link {
                <span class={classes!("link", if link.holds { "holds" } else { "broken" })}>
                    { if link.holds { format!("✓ {}", link.rule) } else { lang.f(Text::CompareShouldBe, &[&link.expected]) } }
                </span>
            }
            if let Some(hint) = change.hint { <span class="hint-mark">{ hint.id() }</span> }
        </td>
    }
}

fn table_view(pair: &TablePair, last: &Shared, this: &Shared, lang: Lang) -> Html {
    // The layout is drawn from this year's table (last year's when this year has none).
    let Some(table) = this.report.table(pair.table).or_else(|| last.report.table(pair.table))
    else {
        return html! {};
    };
    let cell = |row, col, span| pair_cell(pair, last, this, row, col, span, lang);
    let body = official::table(table, lang, Some("compare-table"), &cell);
    let format_note = match (last.report.table(pair.table), this.report.table(pair.table)) {
        (Some(a), Some(b)) if a.layout != b.layout => Some(match b.layout {
            Layout::Y2021 => lang.t(Text::FormatChanged2021),
            Layout::Y2019 => lang.t(Text::FormatChanged2019),
        }),
        _ => None,
    };
    html! {
        <div class="table-wrap compare-wrap" data-table={pair.table.code()}>
            <h4 class="caption">{ official::section(pair.table, lang) }</h4>
            if let Some(note) = format_note { <p class="hint">{ note }</p> }
            { body }
        </div>
    }
}

fn units(
    props: &CompareProps,
    compared: &Compared,
    year_at: &UseStateHandle<usize>,
    sort: &UseStateHandle<(Option<Figure>, bool)>,
) -> Html {
    let lang = props.lang;
    let tables = &compared.comparison.years;
    if tables.is_empty() {
        return html! { <p class="hint">{ lang.t(Text::CompareNoUnits) }</p> };
    }
    let y = (**year_at).min(tables.len() - 1);
    let table = &tables[y];
    let chooser = (tables.len() > 1).then(|| {
        html! {
            <div class="choices year-choices no-print">
                { for tables.iter().enumerate().map(|(k, one)| {
                    let year_at = year_at.clone();
                    let onclick = Callback::from(move |_: MouseEvent| year_at.set(k));
                    html! {
                        <button class={classes!("choice", (k == y).then_some("active"))} data-year={one.year.to_string()}
                            aria-pressed={(k == y).to_string()} {onclick}>
                            { lang.f(Text::CompareUnitsOf, &[&one.year, &one.units.len()]) }
                        </button>
                    }
                }) }
            </div>
        }
    });
    let export = {
        let tables = vec![table.clone()];
        let names: Vec<String> = compared.names.iter().map(ToString::to_string).collect();
        let year = table.year;
        Callback::from(move |_: MouseEvent| {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let text = gouji::compare::units_csv(&tables, &names);
            let name = crate::i18n::names::units_csv(year);
            // A refused download leaves nothing to undo: the button can be pressed again.
            let _ = crate::app::download_as(&name, &text, "text/csv;charset=utf-8");
        })
    };
    html! {
        <div class="compare-units" data-year={table.year.to_string()}>
            { for chooser }
            <div class="batch-tools no-print">
                <button id="export-units-csv" onclick={export}>{ lang.t(Text::ExportUnitsCsv) }</button>
            </div>
            { unit_table(props, compared, table, sort) }
            <p class="hint">{ lang.t(Text::CompareFarNote) }</p>
        </div>
    }
}

fn unit_table(
    props: &CompareProps,
    compared: &Compared,
    table: &UnitTable,
    sort: &UseStateHandle<(Option<Figure>, bool)>,
) -> Html {
    let lang = props.lang;
    let (by, descending) = **sort;
    let header = |figure: Option<Figure>, text: String| {
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (current, descending) = *sort;
            // A new column sorts largest first; the same column again turns the order over;
            // the unit column returns to the batch's order.
            sort.set(match figure {
                Some(_) if current == figure => (figure, !descending),
                Some(_) => (figure, true),
                None => (None, true),
            });
        });
        let (mark, aria) = match (figure, by) {
            (Some(f), Some(b)) if f == b => {
                if descending {
                    (" ▼", "descending")
                } else {
                    (" ▲", "ascending")
                }
            }
            _ => ("", "none"),
        };
        let code = figure.map_or("unit", Figure::code);
        html! {
            <th class="sortable" aria-sort={aria} data-figure={code}>
                <button class="sort" {onclick}>{ text }{ mark }</button>
            </th>
        }
    };
    let median = |i: usize| table.medians[i];
    let row_cells = |values: &[Option<i64>; 6], far: Option<&[bool; 6]>| -> Html {
        html! {
            { for Figure::ALL.iter().enumerate().map(|(i, f)| {
                let text = values[i].map_or_else(|| "—".to_string(), |v| f.show(v));
                let is_far = far.is_some_and(|far| far[i]);
                let mark = match (is_far, values[i], median(i)) {
                    (true, Some(v), Some(m)) if v > m => " ▲",
                    (true, Some(_), Some(_)) => " ▼",
                    _ => "",
                };
                html! {
                    <td class={classes!("count", is_far.then_some("far"))} data-figure={f.code()} data-far={is_far.to_string()}>
                        { text }{ mark }
                    </td>
                }
            }) }
        }
    };
    let units = gouji::compare::sorted_units(table, by, descending);
    html! {
        <table class="summary units">
            <thead>
                <tr>
                    { header(None, lang.t(Text::CompareUnit).to_string()) }
                    { for Figure::ALL.iter().map(|&f| header(Some(f), f.name().to_string())) }
                </tr>
            </thead>
            <tbody>
                { for units.iter().map(|unit| {
                    let on_open = props.on_open.clone();
                    let item = compared.items[unit.index];
                    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(item));
                    html! {
                        <tr key={unit.index} data-index={item.to_string()} class={classes!(unit.far.iter().any(|f| *f).then_some("has-far"))}>
                            <td><button class="link-button" {onclick}>{ unit.agency.clone() }</button></td>
                            { row_cells(&unit.values, Some(&unit.far)) }
                        </tr>
                    }
                }) }
            </tbody>
            <tfoot>
                <tr class="median">
                    <th>{ lang.t(Text::CompareMedian) }</th>
                    { row_cells(&table.medians, None) }
                </tr>
                <tr class="total">
                    <th>{ format!("{} {}", table.units.len(), lang.t(Text::CompareTotal)) }</th>
                    { row_cells(&table.totals, None) }
                </tr>
                { for table.aggregates.iter().map(|aggregate| html! {
                    <>
                        <tr class="aggregate" data-index={compared.items[aggregate.index].to_string()}>
                            <th>{ lang.f(Text::Counted, &[&aggregate.agency, &lang.t(Text::CompareAggregate)]) }</th>
                            { row_cells(&aggregate.declared, None) }
                        </tr>
                        <tr class="aggregate-units">
                            <th>{ lang.f(Text::Counted, &[&lang.t(Text::CompareAggregateUnits), &aggregate.units]) }</th>
                            { row_cells(&aggregate.computed, None) }
                        </tr>
                    </>
                }) }
            </tfoot>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::tests::item;

    #[test]
    fn compared_reports_map_back_to_their_batch_items() {
        let next_year = gouji::SAMPLE_REPORT.replace("2023", "2024");
        let items = vec![
            BatchItem { name: "unread.txt".into(), checked: None },
            item("a.txt", gouji::SAMPLE_REPORT),
            item("b.txt", &next_year),
        ];
        let compared = compared(&items);
        assert_eq!(compared.items, [1, 2]);
        let series = &compared.comparison.series[0];
        assert_eq!(series.pairs.len(), 1);
        let pair = &series.pairs[0];
        assert_eq!((compared.items[pair.last], compared.items[pair.this]), (1, 2));
        assert_eq!(first_tab(&compared.comparison), Tab::Years);
    }
}
