//! The verdict, the list of mistakes, the cell detail, the source excerpt, the rule page and
//! the footer. All words about the report come from the engine.

use std::rc::Rc;

use gouji::Severity;
use gouji::model::{CellRef, TableId};
use gouji::review::{Decisions, Status as Decided};
use gouji::rules::registry::Stability;
use gouji::rules::{Outcome, docs};
use web_sys::{HtmlDialogElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{ENGINE_LIST, Lang, Text};
use crate::view_model::{self, CellState, Shared, SumView};
use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
pub(crate) struct VerdictProps {
    pub(crate) checked: Shared,
    pub(crate) lang: Lang,
    /// Jump to the first finding of a severity (the counts are links).
    pub(crate) on_jump: Callback<Severity>,
    /// The input changed and is being checked again: this result is the previous input's.
    #[prop_or_default]
    pub(crate) stale: bool,
}

/// The verdict first: pass (green only when nothing needs a person), the mistakes, or why the
/// check is incomplete; then the tables' lines and the counts, which lead to the list.
#[function_component(VerdictBar)]
pub(crate) fn verdict_bar(props: &VerdictProps) -> Html {
    let checked = &props.checked;
    let lang = props.lang;
    let view = view_model::verdict_view(checked);
    let icon = match view.kind {
        "pass" => "✔ ",
        "fail" => "✘ ",
        _ => lang.t(Text::IconReview),
    };
    let count = |severity: Severity, text: Text| {
        let n = checked.count(severity);
        let on_jump = props.on_jump.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(severity));
        let class = classes!("count", severity.as_str());
        html! {
            <button {class} disabled={n == 0} {onclick} data-count={n.to_string()}>
                { format!("{n} {}", lang.t(text)) }
            </button>
        }
    };
    html! {
        <section class={classes!("verdict", props.stale.then_some("stale"))} data-kind={view.kind} aria-live="polite">
            <h2 class="sr-only">{ lang.t(Text::Verdict) }</h2>
            if props.stale {
                <p class="rechecking" role="status">{ lang.t(Text::Rechecking) }</p>
            }
            <p class="verdict-headline" id="verdict" data-verdict={view.verdict}>{ icon }{ view.headline }</p>
            <p class="verdict-tables" id="verdict-tables">{ checked.tables_line() }</p>
            <p class="counts">
                { count(Severity::Error, Text::Errors) }
                { count(Severity::Warning, Text::Warnings) }
                { count(Severity::Info, Text::Infos) }
            </p>
            <details class="coverage-details">
                <summary>{ lang.t(Text::Coverage) }</summary>
                <ul class="coverage">
                    { for [TableId::T3, TableId::T4, TableId::Pre2019].into_iter().filter(|&t| checked.report.table(t).is_some()).map(|t| {
                        let summary = checked.summary(t);
                        html! {
                            <li data-coverage={t.code()} data-failed={summary.failed.to_string()}>{ summary.coverage(t) }</li>
                        }
                    }) }
                </ul>
            </details>
            <p class="facts">
                { for view_model::facts(checked, lang).into_iter().map(|(key, value)| html! {
                    <span class={classes!("fact", key)}>{ value }</span>
                }) }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FindingsProps {
    pub(crate) checked: Shared,
    pub(crate) selected: Option<usize>,
    pub(crate) lang: Lang,
    pub(crate) on_finding: Callback<usize>,
    pub(crate) on_rule: Callback<gouji::rules::RuleId>,
    pub(crate) on_cell: Callback<CellRef>,
    pub(crate) decisions: Rc<Decisions>,
    pub(crate) on_decide: Callback<(usize, Decided, String)>,
    pub(crate) on_undecide: Callback<String>,
    pub(crate) on_export: Callback<MouseEvent>,
    pub(crate) on_import: Callback<web_sys::File>,
    /// Apply a correction (it becomes edits of the tables).
    pub(crate) on_apply: Callback<Vec<gouji::Edit>>,
    /// Corrections can be applied (not in a batch's report).
    pub(crate) editable: bool,
}

/// The corrections a finding's diagnosis offers: one to apply, or a few to try.
fn correction_buttons(props: &FindingsProps, finding: &gouji::Finding) -> Html {
    if !props.editable || finding.severity != Severity::Error {
        return html! {};
    }
    let Some(diagnosis) = props.checked.diagnosis(finding) else {
        return html! {};
    };
    let lang = props.lang;
    let button = |fixes: &[gouji::rules::Fix], label: String, class: &'static str| {
        let edits: Vec<gouji::Edit> = fixes
            .iter()
            .map(|f| gouji::Edit { cell: f.cell, value: Some(gouji::model::Number::int(f.to)) })
            .collect();
        let on_apply = props.on_apply.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_apply.emit(edits.clone()));
        html! { <button class={classes!("apply", class)} {onclick}>{ label }</button> }
    };
    match diagnosis.corrections.as_slice() {
        [] => html! {},
        [only] => html! {
            <p class="apply-bar no-print">{ button(only, lang.t(Text::ApplyFix).to_string(), "primary") }</p>
        },
        several => html! {
            <p class="apply-bar no-print">
                { for several.iter().take(4).map(|fixes| {
                    let words: Vec<String> = fixes.iter().map(gouji::rules::Fix::words).collect();
                    button(fixes, format!("{}{}", lang.t(Text::TryFix), words.join(ENGINE_LIST)), "try")
                }) }
            </p>
        },
    }
}

/// The 已核实 / 忽略 controls of one finding: two buttons, then a reason box.
fn decision_controls(
    props: &FindingsProps,
    k: usize,
    editing: &UseStateHandle<Option<(usize, Decided)>>,
    reason: &NodeRef,
) -> Html {
    let lang = props.lang;
    let finding = &props.checked.findings[k];
    if let Some(decision) = props.decisions.get(finding) {
        let on_undecide = props.on_undecide.clone();
        let fingerprint = finding.fingerprint.clone();
        let undo = Callback::from(move |_: MouseEvent| on_undecide.emit(fingerprint.clone()));
        return html! {
            <p class="decision" data-decision={decision.status.as_str()}>
                <span class="decision-status">{ lang.t(match decision.status { Decided::Verified => Text::Verified, Decided::Ignored => Text::Ignored }) }</span>
                if !decision.reason.is_empty() { <span class="decision-reason">{ decision.reason.clone() }</span> }
                if !decision.decided_at.is_empty() { <span class="decision-date">{ decision.decided_at.clone() }</span> }
                <button class="link no-print" onclick={undo}>{ lang.t(Text::Undo) }</button>
            </p>
        };
    }
    if let Some((_, status)) = editing.as_ref().filter(|(at, _)| *at == k).copied() {
        let confirm = {
            let (on_decide, editing, reason) =
                (props.on_decide.clone(), editing.clone(), reason.clone());
            move || {
                let text = reason.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                on_decide.emit((k, status, text));
                editing.set(None);
            }
        };
        let onclick = {
            let confirm = confirm.clone();
            Callback::from(move |_: MouseEvent| confirm())
        };
        let onkeydown = {
            let editing = editing.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => confirm(),
                "Escape" => editing.set(None),
                _ => {}
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(None))
        };
        return html! {
            <p class="decision-form no-print">
                <label>
                    { lang.f(Text::Labelled, &[&lang.t(if status == Decided::Verified { Text::Verified } else { Text::Ignored })]) }
                    <input type="text" class="reason" ref={reason.clone()} placeholder={lang.t(Text::ReasonPlaceholder)} {onkeydown} />
                </label>
                <button class="confirm" {onclick}>{ lang.t(Text::Confirm) }</button>
                <button class="link" onclick={cancel}>{ lang.t(Text::Cancel) }</button>
            </p>
        };
    }
    let start = |status: Decided| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Some((k, status))))
    };
    html! {
        <p class="decide no-print">
            <button class="link verify" onclick={start(Decided::Verified)}>{ lang.t(Text::MarkVerified) }</button>
            <button class="link ignore" onclick={start(Decided::Ignored)}>{ lang.t(Text::MarkIgnored) }</button>
        </p>
    }
}

/// One finding: what to correct first (in words), what is wrong, what to do, which rule.
fn finding_item(
    props: &FindingsProps,
    k: usize,
    editing: &UseStateHandle<Option<(usize, Decided)>>,
    reason: &NodeRef,
) -> Html {
    let lang = props.lang;
    let finding = &props.checked.findings[k];
    let select = {
        let on_finding = props.on_finding.clone();
        Callback::from(move |_: MouseEvent| on_finding.emit(k))
    };
    let open_rule = {
        let on_rule = props.on_rule.clone();
        let family = finding.family;
        Callback::from(move |_: MouseEvent| on_rule.emit(family))
    };
    let registered = finding.family.rule();
    let title = view_model::correction(&props.checked, finding)
        .unwrap_or_else(|| registered.title.to_string());
    let decision = props.decisions.get(finding);
    let class = classes!(
        "finding",
        finding.severity.as_str(),
        (props.selected == Some(k)).then_some("selected"),
        decision.map(|_| "decided")
    );
    html! {
        <li {class} data-rule={finding.rule.clone()} data-severity={finding.severity.as_str()}
            data-fingerprint={finding.fingerprint.clone()} data-index={k.to_string()}>
            <button class="finding-title" onclick={select} disabled={finding.cells.is_empty()}>
                <span class={classes!("badge", finding.severity.as_str())}>{ finding.severity.name() }</span>
                { title }
            </button>
            <p class="message">{ finding.message.clone() }</p>
            { correction_buttons(props, finding) }
            if let Some(hint) = &finding.hint {
                <p class="finding-hint"><span class="hint-label">{ lang.t(Text::Suggestion) }</span>{ hint.clone() }</p>
            }
            <p class="finding-meta">
                <span class="rule-name">{ registered.title }</span>
                if registered.status == Stability::Preview {
                    <span class="badge preview" title={lang.t(Text::PreviewNote)}>{ lang.t(Text::Preview) }</span>
                }
                <button class="rule-id" onclick={open_rule} title={lang.t(Text::Rule)}>{ finding.rule.clone() }</button>
            </p>
            if !finding.cells.is_empty() {
                <p class="cells">
                    { for finding.cells.iter().take(8).enumerate().map(|(i, &cell)| {
                        let on_cell = props.on_cell.clone();
                        let onclick = Callback::from(move |_: MouseEvent| on_cell.emit(cell));
                        html! {
                            <button class={classes!("chip", (i == 0).then_some("first"))} {onclick}>
                                { cell.display_name() }
                            </button>
                        }
                    }) }
                    if finding.cells.len() > 8 { <span class="more">{ lang.f(Text::MoreCells, &[&finding.cells.len()]) }</span> }
                </p>
            }
            { decision_controls(props, k, editing, reason) }
        </li>
    }
}

/// The list of mistakes (one item per mistake: errors), then warnings, then notes (folded).
#[function_component(FindingList)]
pub(crate) fn finding_list(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let findings = &props.checked.findings;
    let editing = use_state(|| None::<(usize, Decided)>);
    let reason = use_node_ref();
    let import = use_node_ref();
    {
        let reason = reason.clone();
        use_effect_with(*editing, move |_| {
            if let Some(input) = reason.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let decided = findings.iter().filter(|f| props.decisions.get(f).is_some()).count();
    let stale = props.decisions.stale(&props.checked);
    let onclick_import = {
        let import = import.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = import.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit(file);
            }
            input.set_value("");
        })
    };
    let of = |severity: Severity| -> Vec<usize> {
        findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.severity == severity)
            .map(|(k, _)| k)
            .collect()
    };
    let (errors, warnings, infos) =
        (of(Severity::Error), of(Severity::Warning), of(Severity::Info));
    let list = |ks: &[usize]| {
        html! {
            <ol>{ for ks.iter().map(|&k| finding_item(props, k, &editing, &reason)) }</ol>
        }
    };
    html! {
        <section class="findings" id="findings" aria-label={lang.t(Text::Findings)}>
            if lang == Lang::En { <p class="hint">{ lang.t(Text::MessagesInChinese) }</p> }
            if findings.is_empty() {
                <p class="no-problems">{ lang.t(Text::NoProblems) }</p>
            }
            if !errors.is_empty() {
                <h2 id="mistakes-title">{ lang.f(Text::Counted, &[&lang.t(Text::Mistakes), &errors.len()]) }</h2>
                <div class="mistakes" id="mistakes">{ list(&errors) }</div>
            }
            if !warnings.is_empty() {
                <h2 id="warnings-title">{ lang.f(Text::Counted, &[&lang.t(Text::WarningsTitle), &warnings.len()]) }</h2>
                <div class="warnings" id="warnings">{ list(&warnings) }</div>
            }
            if !infos.is_empty() {
                <details class="infos" id="infos">
                    <summary>{ lang.f(Text::Counted, &[&lang.t(Text::InfosTitle), &infos.len()]) }</summary>
                    { list(&infos) }
                </details>
            }
            <p class="decisions-bar" data-decided={decided.to_string()} data-stale={stale.len().to_string()}>
                <span>{ lang.f(Text::Labelled, &[&lang.t(Text::Decided)]) }{ format!("{decided} / {}", findings.len()) }</span>
                <button class="no-print" id="export-decisions" onclick={props.on_export.clone()}
                    disabled={props.decisions.decisions.is_empty()}>{ lang.t(Text::ExportDecisions) }</button>
                <button class="no-print" id="import-decisions" onclick={onclick_import}>{ lang.t(Text::ImportDecisions) }</button>
                <input type="file" id="import-decisions-file" ref={import} class="hidden" accept=".json,application/json" onchange={onchange_import} />
            </p>
            if !stale.is_empty() {
                <details class="stale-decisions">
                    <summary>{ format!("{} {}", stale.len(), lang.t(Text::StaleDecisions)) }</summary>
                    <ul>
                        { for stale.iter().map(|d| html! {
                            <li>{ lang.f(Text::Labelled, &[&d.status.name()]) }{ format!("{} — {}", d.reason, d.message) }</li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct DetailProps {
    pub(crate) checked: Shared,
    pub(crate) cell: CellRef,
    pub(crate) state: CellState,
    pub(crate) lang: Lang,
    pub(crate) on_close: Callback<()>,
    pub(crate) on_revert: Callback<CellRef>,
}

fn sum_view(sum: &SumView, lang: Lang) -> Html {
    let outcome = match sum.outcome {
        Outcome::Passed => "passed",
        Outcome::Failed => "failed",
        Outcome::NeedsReview => "review",
        Outcome::CannotRun => "cannot",
    };
    let terms = |terms: &[view_model::Term]| {
        terms.iter().map(|t| format!("{} {}", t.name, t.value)).collect::<Vec<_>>().join(" + ")
    };
    let parts = if sum.parts.is_empty() { "0".to_string() } else { terms(&sum.parts) };
    html! {
        <li class={classes!("sum", outcome)} data-check={sum.id.clone()}>
            <p class="sum-words"><span class="outcome">{ sum.outcome.name() }</span>{ sum.words.clone() }</p>
            <p class="sum-terms">
                { terms(&sum.total) }{ " = " }{ parts }
                if sum.zeros > 0 { <span class="zeros">{ lang.f(Text::Parenthesized, &[&format!("{} {} {}", lang.t(Text::OtherZeros), sum.zeros, lang.t(Text::AreZero))]) }</span> }
            </p>
        </li>
    }
}

/// The selected cell: its value, every sum it takes part in (broken ones first), and a way
/// to close it. It sits at the top of the side column, which stays in view.
#[function_component(DetailPanel)]
pub(crate) fn detail_panel(props: &DetailProps) -> Html {
    let lang = props.lang;
    let cell = props.cell;
    let checked = &props.checked;
    let value = checked.report.cell(cell).map_or_else(|| "?".to_string(), |c| c.value.describe());
    let sums = view_model::sums(checked, cell);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <section class="detail" data-detail={cell.to_string()} aria-label={lang.t(Text::Detail)}>
            <header class="detail-head">
                <h2><span class="swatch" data-state={props.state.as_str()}>{ cell.display_name() }</span></h2>
                <span class="cell-value">{ value }</span>
                <button class="link close-detail" onclick={close} aria-label={lang.t(Text::Close)}>{ "✕" }</button>
            </header>
            if let Some(applied) = checked.edits.iter().find(|e| e.cell == cell) {
                <p class="edited">
                    { format!("{} {}", lang.t(Text::WasValue), applied.was.describe()) }
                    <button class="link" id="revert-cell" onclick={
                        let on_revert = props.on_revert.clone();
                        Callback::from(move |_: MouseEvent| on_revert.emit(cell))
                    }>{ lang.t(Text::Revert) }</button>
                </p>
            }
            if sums.is_empty() {
                <p class="hint">{ lang.t(Text::NoSums) }</p>
            } else {
                <ul class="sums">{ for sums.iter().map(|s| sum_view(s, lang)) }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct SourceProps {
    pub(crate) checked: Shared,
    pub(crate) cell: Option<CellRef>,
    pub(crate) lang: Lang,
}

/// Where the selected cell is in the original text, scrolled so that the mark is in view.
#[function_component(SourcePanel)]
pub(crate) fn source_panel(props: &SourceProps) -> Html {
    let lang = props.lang;
    let pre = use_node_ref();
    {
        let pre = pre.clone();
        use_effect_with(props.cell, move |_| {
            let Some(pre) = pre.cast::<HtmlElement>() else { return };
            let mark = pre.query_selector("mark").ok().flatten();
            match mark.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                Some(mark) => {
                    // The excerpt is the mark's offset parent (position: relative).
                    let top = mark.offset_top() - pre.client_height() / 2;
                    pre.set_scroll_top(top.max(0));
                }
                None => pre.set_scroll_top(0),
            }
        });
    }
    let Some(source) = props.checked.source.as_ref() else { return html! {} };
    let range = props
        .cell
        .and_then(|c| props.checked.report.cell(c))
        .and_then(|c| c.range.as_ref().map(gouji::span::SourceRange::get));
    let excerpt = view_model::excerpt(&source.text, range, 360);
    html! {
        <section class="source" aria-label={lang.t(Text::Source)}>
            <h2>{ lang.t(Text::Source) }</h2>
            if excerpt.mark.is_empty() { <p class="hint">{ lang.t(Text::SourceHint) }</p> }
            <pre class="source-text" ref={pre} tabindex="0">
                if excerpt.more_before { { "…" } }
                { excerpt.before }
                if !excerpt.mark.is_empty() { <mark id="source-mark">{ excerpt.mark }</mark> }
                { excerpt.after }
                if excerpt.more_after { { "…" } }
            </pre>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct RuleDocProps {
    pub(crate) rule: Option<gouji::rules::RuleId>,
    pub(crate) lang: Lang,
    pub(crate) onclose: Callback<()>,
}

/// A rule's page in a real dialog: opened modal (focus moves in and comes back where it was),
/// closed by Esc, by its button or by clicking outside; it fits a 768-pixel-high screen.
#[function_component(RuleDialog)]
pub(crate) fn rule_dialog(props: &RuleDocProps) -> Html {
    let dialog = use_node_ref();
    let opener = use_mut_ref(|| None::<HtmlElement>);
    {
        let dialog = dialog.clone();
        let opener = opener.clone();
        use_effect_with(props.rule, move |rule| {
            let Some(dialog) = dialog.cast::<HtmlDialogElement>() else { return };
            match rule {
                Some(_) if !dialog.open() => {
                    let active = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.active_element())
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                    *opener.borrow_mut() = active;
                    let _ = dialog.show_modal();
                }
                None if dialog.open() => dialog.close(),
                _ => {}
            }
        });
    }
    let onclose = {
        let onclose = props.onclose.clone();
        let opener = opener.clone();
        Callback::from(move |_: Event| {
            if let Some(element) = opener.borrow_mut().take() {
                let _ = element.focus();
            }
            onclose.emit(());
        })
    };
    let close_button = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // A click on the backdrop lands on the dialog element itself.
    let onclick = {
        let dialog = dialog.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(d) = dialog.cast::<HtmlDialogElement>() else { return };
            let on_backdrop =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| {
                    let dialog: &web_sys::Element = d.as_ref();
                    t == *dialog
                });
            if on_backdrop {
                d.close();
            }
        })
    };
    let lang = props.lang;
    let body = props.rule.map(|rule| rule_body(rule.rule(), lang));
    let labelled = props.rule.map(|r| format!("rule-{}", r.id()));
    html! {
        <dialog class="rule-dialog" ref={dialog} {onclose} {onclick} aria-labelledby={labelled}>
            <div class="rule-doc-bar">
                <button class="close" onclick={close_button}>{ lang.t(Text::Close) }{ " ✕" }</button>
            </div>
            { body.unwrap_or_default() }
        </dialog>
    }
}

fn rule_body(rule: &gouji::rules::Rule, lang: Lang) -> Html {
    let preview = rule.status == Stability::Preview;
    let page = crate::rule_docs::get(rule);
    let mut example = page.example.map(|e| {
        html! {
            <section class="example" data-example={rule.id}>
                <h3>{ lang.t(Text::Example) }</h3>
                <p class="example-label fails">{ lang.t(Text::ExampleFails) }<code>{ e.invalid_file }</code></p>
                <pre>{ e.invalid }</pre>
                if !e.message.is_empty() {
                    <p class="example-result"><b>{ lang.t(Text::ExampleResult) }</b>{ lang.f(Text::Labelled, &[&""]) }{ e.message }</p>
                }
                <p class="example-label passes">{ lang.t(Text::ExamplePasses) }<code>{ e.valid_file }</code></p>
                <pre>{ e.valid }</pre>
            </section>
        }
    });
    let mut body = Vec::new();
    for line in page.doc.lines().filter(|l| !l.trim().is_empty()) {
        match line.strip_prefix("## ") {
            Some(heading) => {
                if docs::example_goes_before(heading) {
                    body.extend(example.take());
                }
                body.push(html! { <h3>{ heading }</h3> });
            }
            None => body.push(html! { <p>{ line }</p> }),
        }
    }
    body.extend(example);
    html! {
        <article class="rule-doc" data-doc={rule.id} data-status={if preview { "preview" } else { "stable" }}>
            <header>
                <h2 id={format!("rule-{}", rule.id)}>{ rule.title }</h2>
                <p class="rule-meta">
                    <code>{ rule.id }</code>
                    { format!(" · {} · ", rule.severity.name()) }
                    <span class={classes!("badge", preview.then_some("preview"))}>
                        { lang.t(if preview { Text::Preview } else { Text::Stable }) }
                    </span>
                </p>
                if preview { <p class="hint">{ lang.t(Text::PreviewNote) }</p> }
            </header>
            { for body }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FooterProps {
    pub(crate) lang: Lang,
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    element.get_attribute("content").filter(|c| !c.is_empty())
}

/// Version, build date and the engine's SHA-256 (written into the page by the release build),
/// so an office can confirm that every clerk runs the same copy.
#[function_component(Footer)]
pub(crate) fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    let built = meta("gouji-build-date").unwrap_or_else(|| lang.t(Text::DevBuild).to_string());
    let hash = meta("gouji-engine-sha256").unwrap_or_else(|| lang.t(Text::DevBuild).to_string());
    html! {
        <footer class="colophon">
            <span>{ format!("{} {}", lang.t(Text::Version), env!("CARGO_PKG_VERSION")) }</span>
            <span>{ format!("{} {built}", lang.t(Text::Built)) }</span>
            <span class="hash" id="engine-sha256">{ format!("{} {hash}", lang.t(Text::EngineHash)) }</span>
        </footer>
    }
}
