//! Many reports at once (a 政务公开办's review): the summary table — file, agency, year,
//! format, errors, warnings, verdict — sortable and filterable, a progress bar while the files
//! are checked, exports, and a printable 问题清单 of every report.
//!
//! The rows and their order are pure functions of the engine's results (tested natively);
//! checking happens in `app.rs`, one file per turn of the event loop, so the page never freezes.

use std::rc::Rc;

use gouji::Severity;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::view_model::Shared;

/// One file of a batch.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BatchItem {
    /// The file's name (its path inside a dropped folder).
    pub(crate) name: Rc<str>,
    /// The engine's result, once checked.
    pub(crate) checked: Option<Shared>,
}

/// A column of the summary table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    File,
    Agency,
    Year,
    Template,
    Errors,
    Warnings,
}

/// How the summary is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct View {
    /// Sorted by this column, descending when true.
    pub(crate) sort: (Column, bool),
    /// Only rows whose file or agency contains this.
    pub(crate) filter: String,
    /// Only reports with an error.
    pub(crate) errors_only: bool,
}

impl Default for View {
    fn default() -> View {
        // Worst first: what a reviewer opens first.
        View { sort: (Column::Errors, true), filter: String::new(), errors_only: false }
    }
}

/// One row of the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// Index in the batch.
    pub(crate) index: usize,
    pub(crate) file: String,
    pub(crate) agency: String,
    pub(crate) year: Option<i32>,
    pub(crate) template: &'static str,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
    pub(crate) verdict: String,
    /// The verdict's kind (`pass`, `review`, `fail`, `incomplete`, `unreadable`).
    pub(crate) kind: &'static str,
    /// The input could not be read.
    pub(crate) unreadable: bool,
}

/// The summary rows of the checked items, filtered and sorted as `view` says.
pub(crate) fn rows(items: &[BatchItem], view: &View) -> Vec<Row> {
    let needle = view.filter.trim();
    let mut out: Vec<Row> = items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let checked = item.checked.as_ref()?;
            let report = &checked.report;
            Some(Row {
                index,
                file: item.name.to_string(),
                agency: report.agency_name().unwrap_or_default().to_string(),
                year: report.year,
                template: report.template.short_name(),
                errors: checked.count(Severity::Error),
                warnings: checked.count(Severity::Warning),
                infos: checked.count(Severity::Info),
                verdict: checked.verdict_text(),
                kind: crate::view_model::verdict_view(checked).kind,
                unreadable: checked.unreadable.is_some(),
            })
        })
        .filter(|row| needle.is_empty() || row.file.contains(needle) || row.agency.contains(needle))
        .filter(|row| !view.errors_only || row.errors > 0 || row.unreadable)
        .collect();
    let (column, descending) = view.sort;
    gouji::sort::sort_by(&mut out, |a, b| {
        let order = match column {
            Column::File => a.file.cmp(&b.file),
            Column::Agency => a.agency.cmp(&b.agency),
            Column::Year => a.year.cmp(&b.year),
            Column::Template => a.template.cmp(b.template),
            // Reports with errors first (most first), then the ones that could not be read or
            // checked in full, then by warnings.
            Column::Errors => {
                let rank = |r: &Row| (r.errors, r.unreadable || r.kind == "incomplete", r.warnings);
                rank(a).cmp(&rank(b))
            }
            Column::Warnings => a.warnings.cmp(&b.warnings),
        };
        let order = if descending { order.reverse() } else { order };
        order.then(a.index.cmp(&b.index))
    });
    out
}

#[derive(Properties, PartialEq)]
pub(crate) struct BatchProps {
    pub(crate) items: Rc<Vec<BatchItem>>,
    pub(crate) view: View,
    pub(crate) lang: Lang,
    /// Whether every file has been checked (and the rules across reports have run).
    pub(crate) finished: bool,
    /// The browser is printing: the 问题清单 of every report is drawn (hundreds of reports'
    /// findings are not kept in the page for nothing).
    pub(crate) printing: bool,
    pub(crate) on_open: Callback<usize>,
    pub(crate) on_sort: Callback<Column>,
    pub(crate) on_filter: Callback<String>,
    pub(crate) on_errors_only: Callback<bool>,
    pub(crate) on_export_csv: Callback<MouseEvent>,
    pub(crate) on_export_json: Callback<MouseEvent>,
}

/// How many rows of the summary are drawn per turn of the event loop once a batch finishes.
const ROWS_PER_TURN: usize = 60;

#[function_component(BatchView)]
pub(crate) fn batch_view(props: &BatchProps) -> Html {
    let lang = props.lang;
    let total = props.items.len();
    let done = props.items.iter().filter(|i| i.checked.is_some()).count();
    // The table is drawn once every file is checked: redrawing it for each of hundreds of
    // files would make the batch quadratic. Then it is drawn ROWS_PER_TURN rows per turn of
    // the event loop, so that no single task holds the page (a table opened again later is
    // drawn whole at once: the page may have to bring one of its rows into view).
    let drawn = use_state(|| if props.finished { usize::MAX } else { 0 });
    let rows = if props.finished { rows(&props.items, &props.view) } else { Vec::new() };
    let all_drawn = *drawn >= rows.len();
    {
        let drawn = drawn.clone();
        use_effect_with((props.finished, *drawn, rows.len()), move |&(finished, count, len)| {
            if !finished && count != 0 {
                drawn.set(0);
            }
            let timer = (finished && count < len).then(|| {
                gloo::timers::callback::Timeout::new(0, move || drawn.set(count + ROWS_PER_TURN))
            });
            move || drop(timer)
        });
    }
    let finished = props.finished && all_drawn;
    let with_errors = props
        .items
        .iter()
        .filter_map(|i| i.checked.as_ref())
        .filter(|c| c.count(Severity::Error) > 0 || c.unreadable.is_some())
        .count();
    let header = |column: Column, text: Text| {
        let on_sort = props.on_sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_sort.emit(column));
        let mark = match props.view.sort {
            (c, true) if c == column => " ▼",
            (c, false) if c == column => " ▲",
            _ => "",
        };
        let sort = match props.view.sort {
            (c, true) if c == column => "descending",
            (c, false) if c == column => "ascending",
            _ => "none",
        };
        html! {
            <th class="sortable" aria-sort={sort}>
                <button class="sort" {onclick}>{ lang.t(text) }{ mark }</button>
            </th>
        }
    };
    let oninput = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_filter.emit(input.value());
        })
    };
    let onchange = {
        let on_errors_only = props.on_errors_only.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_errors_only.emit(input.checked());
        })
    };
    html! {
        <section class="batch" data-total={total.to_string()} data-done={done.to_string()}
            data-finished={finished.to_string()}>
            <h2>{ lang.t(Text::BatchTitle) }</h2>
            <p class="progress no-print">
                <progress max={total.to_string()} value={done.to_string()}></progress>
                <span class="progress-text">
                    { format!("{done} / {total}") }
                    if !props.finished { { " · " }{ lang.t(Text::Checking) } }
                </span>
            </p>
            <p class="batch-summary" id="batch-summary">
                { format!("{} {} · {} {}", lang.t(Text::BatchReports), lang.f(Text::ReportCount, &[&total]),
                    lang.t(Text::BatchWithErrors), lang.f(Text::ReportCount, &[&with_errors])) }
            </p>
            <div class="batch-tools no-print">
                <input type="search" class="filter" placeholder={lang.t(Text::BatchFilter)} value={props.view.filter.clone()} {oninput} />
                <label><input type="checkbox" checked={props.view.errors_only} {onchange} />{ lang.t(Text::BatchErrorsOnly) }</label>
                <button id="export-csv" onclick={props.on_export_csv.clone()} disabled={!props.finished}>{ lang.t(Text::ExportCsv) }</button>
                <button id="export-json" onclick={props.on_export_json.clone()} disabled={!props.finished}>{ lang.t(Text::ExportJson) }</button>
            </div>
            <table class="summary">
                <thead>
                    <tr>
                        { header(Column::File, Text::BatchFile) }
                        { header(Column::Agency, Text::BatchAgency) }
                        { header(Column::Year, Text::BatchYear) }
                        { header(Column::Template, Text::BatchTemplate) }
                        { header(Column::Errors, Text::Errors) }
                        { header(Column::Warnings, Text::Warnings) }
                        <th>{ lang.t(Text::Verdict) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().take(*drawn).map(|row| {
                        let on_open = props.on_open.clone();
                        let index = row.index;
                        let onclick = {
                            let on_open = on_open.clone();
                            Callback::from(move |_: MouseEvent| on_open.emit(index))
                        };
                        let onkeydown = Callback::from(move |e: KeyboardEvent| {
                            if matches!(e.key().as_str(), "Enter" | " ") {
                                e.prevent_default();
                                on_open.emit(index);
                            }
                        });
                        let class = classes!(
                            (row.errors > 0).then_some("has-errors"),
                            row.unreadable.then_some("unreadable"),
                        );
                        html! {
                            <tr key={row.index} {class} data-index={row.index.to_string()} data-errors={row.errors.to_string()}
                                data-verdict={row.kind} tabindex="0" {onclick} {onkeydown}>
                                <td class="file">{ row.file.clone() }</td>
                                <td>{ row.agency.clone() }</td>
                                <td>{ row.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                                <td>{ row.template }</td>
                                <td class="count error">{ row.errors }</td>
                                <td class="count warning">{ row.warnings }</td>
                                <td class="verdict-cell" data-kind={row.kind}>{ row.verdict.clone() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if finished {
                <crate::compare_view::CompareView items={props.items.clone()} {lang} on_open={props.on_open.clone()} />
            }
            if props.finished && props.printing { <PrintList items={props.items.clone()} {lang} /> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PrintListProps {
    items: Rc<Vec<BatchItem>>,
    lang: Lang,
}

/// The 问题清单 of every report, shown only when printing: one block per report.
#[function_component(PrintList)]
fn print_list(props: &PrintListProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="print-list">
            { for props.items.iter().filter_map(|item| item.checked.as_ref().map(|c| (item, c))).map(|(item, checked)| {
                let title = checked.report.title.clone().unwrap_or_else(|| item.name.to_string());
                html! {
                    <article class="print-report">
                        <h3>{ title }</h3>
                        <p class="print-meta">{ lang.f(Text::PrintFile, &[&item.name, &checked.verdict_text()]) }</p>
                        if checked.findings.is_empty() {
                            <p>{ lang.t(Text::NoProblems) }</p>
                        } else {
                            <ol>
                                { for checked.findings.iter().map(|f| html! {
                                    <li>
                                        <b>{ format!("[{}] {} ", f.severity.name(), f.rule) }</b>
                                        { f.message.clone() }
                                        if let Some(hint) = &f.hint { <br /><span class="print-hint">{ lang.f(Text::SuggestionFor, &[hint]) }</span> }
                                    </li>
                                }) }
                            </ol>
                        }
                    </article>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A batch item checked from `text`.
    pub(crate) fn item(name: &str, text: &str) -> BatchItem {
        BatchItem {
            name: name.into(),
            checked: Some(Shared(Rc::new(gouji::check(&gouji::Input::text(text))))),
        }
    }

    #[test]
    fn rows_sort_worst_first_and_filter() {
        let broken = gouji::SAMPLE_REPORT.replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1);
        let items = vec![
            item("a.txt", gouji::SAMPLE_REPORT),
            item("b.txt", &broken),
            item("c.txt", "无关的文字"),
            BatchItem { name: "d.txt".into(), checked: None },
        ];
        let view = View::default();
        let sorted = rows(&items, &view);
        assert_eq!(sorted.len(), 3, "unchecked items are not listed yet");
        assert_eq!(sorted[0].file, "b.txt");
        assert!(sorted[0].errors > 0);
        let by_name = rows(&items, &View { sort: (Column::File, false), ..View::default() });
        assert_eq!(
            by_name.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(),
            ["a.txt", "b.txt", "c.txt"]
        );
        let errors_only = rows(&items, &View { errors_only: true, ..View::default() });
        assert_eq!(errors_only.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(), ["b.txt"]);
        let filtered = rows(&items, &View { filter: "张店".into(), ..View::default() });
        assert_eq!(filtered.len(), 2);
    }
}
