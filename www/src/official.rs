//! The official tables, drawn once for every view that shows one (the report, two years side
//! by side, 填报): headers and label cells from `gouji::layout`, each value cell from the
//! view that asks.

use gouji::layout::{self, HeaderCell, Heading};
use gouji::model::{Col, Row, Table, TableId};
use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// How a view draws one value cell: its row, its column and how many columns it spans.
pub(crate) type ValueCell<'a> = dyn Fn(Row, Col, usize) -> Html + 'a;

/// A table's section heading as the report prints it (`三、收到和处理…`).
pub(crate) fn section(id: TableId, lang: Lang) -> &'static str {
    lang.t(match id {
        TableId::T2 => Text::SectionT2,
        TableId::T3 => Text::SectionT3,
        TableId::T4 => Text::SectionT4,
        TableId::Pre2019 => Text::Stats,
    })
}

/// A header cell's words in the page's language; column names and 表三's note stay as the
/// format prints them.
fn heading(heading: Heading, lang: Lang) -> &'static str {
    let text = match heading {
        Heading::Applicants => Text::Applicants,
        Heading::NaturalPerson => Text::NaturalPerson,
        Heading::Organizations => Text::Organizations,
        Heading::Total => Text::Total,
        Heading::Review => Text::Review,
        Heading::Litigation => Text::Litigation,
        Heading::Direct => Text::Direct,
        Heading::AfterReview => Text::AfterReview,
        Heading::Item => Text::InfoContent,
        Heading::T3Note | Heading::Col(_) => return heading.official(),
    };
    lang.t(text)
}

fn span(n: usize) -> Option<String> {
    (n > 1).then(|| n.to_string())
}

fn header(rows: Vec<Vec<HeaderCell>>, lang: Lang) -> Html {
    html! {
        { for rows.into_iter().map(|row| html! {
            <tr>
                { for row.into_iter().map(|cell| {
                    let class = match cell.heading {
                        Heading::T3Note => Some("note"),
                        Heading::Col(_) => Some("col"),
                        _ => None,
                    };
                    html! {
                        <th {class} colspan={span(cell.colspan)} rowspan={span(cell.rowspan)}>
                            { heading(cell.heading, lang) }
                        </th>
                    }
                }) }
            </tr>
        }) }
    }
}

/// `table` in the official layout, as `<table class="report t3 {class}">`.
pub(crate) fn table(
    table: &Table,
    lang: Lang,
    class: Option<&'static str>,
    cell: &ValueCell<'_>,
) -> Html {
    let (kind, body) = match table.id {
        TableId::T2 => ("t2", t2(table, lang, cell)),
        TableId::T3 => ("t3", t3(table, lang, cell)),
        TableId::T4 => ("t4", t4(lang, cell)),
        TableId::Pre2019 => ("stats", stats(table, lang, cell)),
    };
    html! { <table class={classes!("report", kind, class)}>{ body }</table> }
}

fn t2(table: &Table, lang: Lang, cell: &ValueCell<'_>) -> Html {
    let blocks = layout::t2_blocks(table);
    let width = 1 + blocks.iter().map(|b| b.cols.len()).max().unwrap_or(1);
    html! {
        { for blocks.iter().map(|block| {
            let span = (width - 1) / block.cols.len();
            html! {
                <>
                    <tr><th class="block" colspan={width.to_string()}>{ block.title }</th></tr>
                    <tr>
                        <th>{ heading(Heading::Item, lang) }</th>
                        { for block.cols.iter().map(|&col| html! {
                            <th colspan={span.to_string()}>{ layout::t2_col_name(block.rows[0], col) }</th>
                        }) }
                    </tr>
                    { for block.rows.iter().map(|&row| html! {
                        <tr>
                            <th class="label">{ row.official() }</th>
                            { for block.cols.iter().map(|&col| cell(row, col, span)) }
                        </tr>
                    }) }
                </>
            }
        }) }
    }
}

fn t3(table: &Table, lang: Lang, cell: &ValueCell<'_>) -> Html {
    let cols = table.cols();
    html! {
        <>
            { header(layout::t3_header(table), lang) }
            { for layout::t3_rows(table).into_iter().map(|view| html! {
                <tr data-row={view.row.code()}>
                    { for view.labels.iter().map(|label| html! {
                        <th class="label" rowspan={label.rowspan.to_string()} colspan={label.colspan.to_string()}>
                            { label.text }
                        </th>
                    }) }
                    { for cols.iter().map(|&col| cell(view.row, col, 1)) }
                </tr>
            }) }
        </>
    }
}

fn t4(lang: Lang, cell: &ValueCell<'_>) -> Html {
    html! {
        <>
            { header(layout::t4_header(), lang) }
            <tr>
                { for layout::T4_PARTS.into_iter()
                    .flat_map(|row| layout::T4_RESULTS.into_iter().map(move |col| (row, col)))
                    .map(|(row, col)| cell(row, col, 1)) }
            </tr>
        </>
    }
}

/// The pre-2019 statistics table: one row per indicator read, `其中` parts indented.
fn stats(table: &Table, lang: Lang, cell: &ValueCell<'_>) -> Html {
    let cols = table.cols();
    html! {
        <>
            <tr>
                <th>{ lang.t(Text::Indicator) }</th>
                { for cols.iter().map(|c| html! { <th class="col">{ c.name() }</th> }) }
            </tr>
            { for table.rows().into_iter().map(|row| {
                let part = gouji::model::identities::p_parent(row).is_some();
                html! {
                    <tr data-row={row.code()}>
                        <th class={classes!("label", part.then_some("part"))}>{ row.short() }</th>
                        { for cols.iter().map(|&col| cell(row, col, 1)) }
                    </tr>
                }
            }) }
        </>
    }
}
