//! The verdict line, the findings list, the cell detail, the source excerpt, the rule
//! documentation and the footer. All text about the report comes from the engine.

use std::collections::BTreeMap;
use std::rc::Rc;

use gouji::Severity;
use gouji::model::CellRef;
use gouji::model::TableId;
use gouji::review::{Decisions, Status as Decided};
use gouji::rules::registry::Status;
use gouji::rules::{Outcome, docs, rule};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::view_model::{self, CellState, Equation, Shared};

#[derive(Properties, PartialEq)]
pub(crate) struct VerdictProps {
    pub(crate) checked: Shared,
    pub(crate) lang: Lang,
}

#[function_component(VerdictBar)]
pub(crate) fn verdict_bar(props: &VerdictProps) -> Html {
    let checked = &props.checked;
    let lang = props.lang;
    let (errors, warnings, infos) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
        checked.count(Severity::Info),
    );
    let class = classes!("verdict", if errors > 0 { "has-errors" } else { "clean" });
    html! {
        <section {class} data-errors={errors.to_string()}>
            <h2 class="sr-only">{ lang.t(Text::Verdict) }</h2>
            <p class="verdict-line" id="verdict">{ checked.tables_line() }</p>
            <p class="counts">
                <span class="count error">{ format!("{errors} {}", lang.t(Text::Errors)) }</span>
                <span class="count warning">{ format!("{warnings} {}", lang.t(Text::Warnings)) }</span>
                <span class="count info">{ format!("{infos} {}", lang.t(Text::Infos)) }</span>
            </p>
            <ul class="coverage" aria-label={lang.t(Text::Coverage)}>
                { for [TableId::T3, TableId::T4, TableId::P].into_iter().filter(|&t| checked.report.table(t).is_some()).map(|t| {
                    let summary = checked.summary(t);
                    html! {
                        <li data-coverage={t.code()} data-failed={summary.failed.to_string()}>{ summary.coverage(t) }</li>
                    }
                }) }
            </ul>
            <p class="facts">
                { for view_model::facts(checked).into_iter().map(|(key, value)| html! {
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
    pub(crate) on_rule: Callback<String>,
    pub(crate) on_cell: Callback<CellRef>,
    pub(crate) decisions: Rc<Decisions>,
    pub(crate) on_decide: Callback<(usize, Decided, String)>,
    pub(crate) on_undecide: Callback<String>,
    pub(crate) on_export: Callback<MouseEvent>,
    pub(crate) on_import: Callback<web_sys::File>,
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
        let undo = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_undecide.emit(fingerprint.clone());
        });
        return html! {
            <p class="decision" data-decision={decision.status.as_str()}>
                <span class="decision-status">{ lang.t(match decision.status { Decided::Verified => Text::Verified, Decided::Ignored => Text::Ignored }) }</span>
                if !decision.reason.is_empty() { <span class="decision-reason">{ decision.reason.clone() }</span> }
                if !decision.decided_at.is_empty() { <span class="decision-date">{ decision.decided_at.clone() }</span> }
                <button class="link no-print" onclick={undo}>{ lang.t(Text::Undo) }</button>
            </p>
        };
    }
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
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
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                confirm();
            })
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
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                editing.set(None);
            })
        };
        return html! {
            <p class="decision-form no-print" onclick={stop}>
                <label>
                    { format!("{}：", lang.t(if status == Decided::Verified { Text::Verified } else { Text::Ignored })) }
                    <input type="text" class="reason" ref={reason.clone()} placeholder={lang.t(Text::ReasonPlaceholder)} {onkeydown} />
                </label>
                <button class="confirm" {onclick}>{ lang.t(Text::Confirm) }</button>
                <button class="link" onclick={cancel}>{ lang.t(Text::Cancel) }</button>
            </p>
        };
    }
    let start = |status: Decided| {
        let editing = editing.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            editing.set(Some((k, status)));
        })
    };
    html! {
        <p class="decide no-print">
            <button class="link verify" onclick={start(Decided::Verified)}>{ lang.t(Text::MarkVerified) }</button>
            <button class="link ignore" onclick={start(Decided::Ignored)}>{ lang.t(Text::MarkIgnored) }</button>
        </p>
    }
}

#[function_component(FindingList)]
pub(crate) fn finding_list(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let findings = &props.checked.findings;
    let editing = use_state(|| None::<(usize, Decided)>);
    let reason = use_node_ref();
    let import = use_node_ref();
    // Focus the reason box when it opens.
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
    html! {
        <section class="findings">
            <h2>{ lang.t(Text::Findings) }</h2>
            <p class="decisions-bar" data-decided={decided.to_string()} data-stale={stale.len().to_string()}>
                <span>{ format!("{}：{decided} / {}", lang.t(Text::Decided), findings.len()) }</span>
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
                            <li><code>{ d.rule.clone() }</code>{ format!(" {}：{} — {}", d.status.name(), d.reason, d.message) }</li>
                        }) }
                    </ul>
                </details>
            }
            if lang == Lang::En { <p class="hint">{ lang.t(Text::MessagesInChinese) }</p> }
            if findings.is_empty() {
                <p class="no-problems">{ lang.t(Text::NoProblems) }</p>
            }
            <ol>
                { for findings.iter().enumerate().map(|(k, finding)| {
                    let onclick = {
                        let on_finding = props.on_finding.clone();
                        Callback::from(move |_: MouseEvent| on_finding.emit(k))
                    };
                    let open_rule = {
                        let on_rule = props.on_rule.clone();
                        let family = finding.family.to_string();
                        Callback::from(move |e: MouseEvent| {
                            e.stop_propagation();
                            on_rule.emit(family.clone());
                        })
                    };
                    let decision = props.decisions.get(finding);
                    let class = classes!("finding", finding.severity.as_str(), (props.selected == Some(k)).then_some("selected"), decision.map(|_| "decided"));
                    html! {
                        <li {class} data-rule={finding.rule.clone()} data-severity={finding.severity.as_str()}
                            data-fingerprint={finding.fingerprint.clone()} {onclick}>
                            <span class={classes!("badge", finding.severity.as_str())}>{ finding.severity.name() }</span>
                            <button class="rule-id" onclick={open_rule} title={lang.t(Text::Rule)}>{ finding.rule.clone() }</button>
                            if rule(finding.family).is_some_and(|r| r.status == Status::Preview) {
                                <span class="badge preview" title={lang.t(Text::PreviewNote)}>{ lang.t(Text::Preview) }</span>
                            }
                            <p class="message">{ finding.message.clone() }</p>
                            if let Some(hint) = &finding.hint {
                                <p class="finding-hint"><span class="hint-label">{ lang.t(Text::Suggestion) }</span>{ hint.clone() }</p>
                            }
                            if !finding.cells.is_empty() {
                                <p class="cells">
                                    { for finding.cells.iter().take(12).enumerate().map(|(i, &cell)| {
                                        let on_cell = props.on_cell.clone();
                                        let onclick = Callback::from(move |e: MouseEvent| { e.stop_propagation(); on_cell.emit(cell); });
                                        html! {
                                            <button class={classes!("chip", (i == 0).then_some("first"))} {onclick}>
                                                { cell.display_name() }
                                            </button>
                                        }
                                    }) }
                                    if finding.cells.len() > 12 { <span class="more">{ format!("… {}", finding.cells.len()) }</span> }
                                </p>
                            }
                            { decision_controls(props, k, &editing, &reason) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct DetailProps {
    pub(crate) checked: Shared,
    pub(crate) cell: Option<CellRef>,
    pub(crate) states: Rc<BTreeMap<CellRef, CellState>>,
    pub(crate) lang: Lang,
    pub(crate) on_rule: Callback<String>,
}

fn equation_view(eq: &Equation) -> Html {
    let terms = |terms: &[view_model::Term]| {
        terms.iter().map(|t| format!("{} {}", t.name, t.value)).collect::<Vec<_>>().join(" + ")
    };
    let outcome = match eq.outcome {
        Outcome::Passed => "passed",
        Outcome::Failed => "failed",
        Outcome::NeedsReview => "review",
        Outcome::CannotRun => "cannot",
    };
    html! {
        <li class={classes!("equation", outcome)} data-check={eq.id.clone()}>
            <span class="check-id">{ eq.id.clone() }</span>
            <span class="outcome">{ eq.outcome.name() }</span>
            <p class="terms">
                { terms(&eq.total) }
                if let Some((total, _)) = &eq.sums { <b>{ format!(" = {total}") }</b> }
            </p>
            <p class="terms">
                { "= " }{ terms(&eq.parts) }
                if let Some((_, parts)) = &eq.sums { <b>{ format!(" = {parts}") }</b> }
            </p>
            if let Some(diff) = &eq.difference { <p class="difference">{ format!("相差 {diff}") }</p> }
        </li>
    }
}

#[function_component(DetailPanel)]
pub(crate) fn detail_panel(props: &DetailProps) -> Html {
    let lang = props.lang;
    let Some(cell) = props.cell else {
        return html! {
            <section class="detail"><h2>{ lang.t(Text::Detail) }</h2><p class="hint">{ lang.t(Text::DetailHint) }</p></section>
        };
    };
    let checked = &props.checked;
    let value = checked.report.cell(cell).map_or_else(|| "?".to_string(), |c| c.value.describe());
    let state = props.states.get(&cell).copied().unwrap_or(CellState::Ok);
    let equations = view_model::equations(checked, cell);
    let findings = view_model::findings_for(checked, cell);
    html! {
        <section class="detail" data-detail={cell.to_string()}>
            <h2>{ lang.t(Text::Detail) }</h2>
            <p class="cell-name">
                <span class="swatch" data-state={state.as_str()}>{ cell.display_name() }</span>
                <code>{ cell.to_string() }</code>
                <span class="cell-value">{ value }</span>
            </p>
            if !equations.is_empty() {
                <h3>{ lang.t(Text::Equations) }</h3>
                <ul class="equations">{ for equations.iter().map(equation_view) }</ul>
            }
            if !findings.is_empty() {
                <h3>{ lang.t(Text::RulesTouching) }</h3>
                <ul class="touching">
                    { for findings.into_iter().filter_map(|k| checked.findings.get(k)).map(|f| {
                        let on_rule = props.on_rule.clone();
                        let family = f.family.to_string();
                        let onclick = Callback::from(move |_: MouseEvent| on_rule.emit(family.clone()));
                        html! {
                            <li data-rule={f.rule.clone()}>
                                <button class="rule-id" {onclick}>{ f.rule.clone() }</button>{ f.message.clone() }
                            </li>
                        }
                    }) }
                </ul>
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

#[function_component(SourcePanel)]
pub(crate) fn source_panel(props: &SourceProps) -> Html {
    let lang = props.lang;
    let Some(source) = props.checked.source.as_ref() else { return html! {} };
    let range = props.cell.and_then(|c| props.checked.report.cell(c)).and_then(|c| c.range.clone());
    let (before, mark, after, more_before, more_after) =
        view_model::excerpt(&source.text, range, 360);
    html! {
        <section class="source">
            <h2>{ lang.t(Text::Source) }</h2>
            if mark.is_empty() { <p class="hint">{ lang.t(Text::SourceHint) }</p> }
            <pre class="source-text">
                if more_before { { "…" } }
                { before }
                if !mark.is_empty() { <mark id="source-mark">{ mark }</mark> }
                { after }
                if more_after { { "…" } }
            </pre>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct RuleDocProps {
    pub(crate) rule: String,
    pub(crate) lang: Lang,
    pub(crate) onclose: Callback<MouseEvent>,
}

/// A rule's documentation from the registry (`## ` lines are headings, the rest paragraphs),
/// with its tested example before “如何修改”, as `docs/rules.md` has it.
#[function_component(RuleDoc)]
pub(crate) fn rule_doc(props: &RuleDocProps) -> Html {
    let Some(rule) = rule(&props.rule) else { return html! {} };
    let lang = props.lang;
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let preview = rule.status == Status::Preview;
    let example = docs::example(rule.id).map(|e| {
        html! {
            <section class="example" data-example={e.rule}>
                <h3>{ lang.t(Text::Example) }</h3>
                <p class="example-label fails">{ lang.t(Text::ExampleFails) }<code>{ e.invalid_file }</code></p>
                <pre>{ e.invalid }</pre>
                if !e.message.is_empty() {
                    <p class="example-result"><b>{ lang.t(Text::ExampleResult) }</b>{ "：" }{ e.message }</p>
                }
                <p class="example-label passes">{ lang.t(Text::ExamplePasses) }<code>{ e.valid_file }</code></p>
                <pre>{ e.valid }</pre>
            </section>
        }
    });
    let mut body = Vec::new();
    let mut example = example;
    for line in rule.doc.lines().filter(|l| !l.trim().is_empty()) {
        match line.strip_prefix("## ") {
            Some(heading) => {
                if heading.trim() == "如何修改" {
                    body.extend(example.take());
                }
                body.push(html! { <h3>{ heading }</h3> });
            }
            None => body.push(html! { <p>{ line }</p> }),
        }
    }
    body.extend(example);
    html! {
        <div class="overlay" onclick={props.onclose.clone()}>
            <article class="rule-doc" data-doc={rule.id} data-status={if preview { "preview" } else { "stable" }} onclick={stop}>
                <header>
                    <h2><code>{ rule.id }</code>{ " " }{ rule.title }</h2>
                    <p class="rule-meta">
                        { format!("{} · {} · ", rule.severity.name(), rule.name) }
                        <span class={classes!("badge", preview.then_some("preview"))}>
                            { lang.t(if preview { Text::Preview } else { Text::Stable }) }
                        </span>
                    </p>
                    if preview { <p class="hint">{ lang.t(Text::PreviewNote) }</p> }
                </header>
                { for body }
                <button class="close" onclick={props.onclose.clone()}>{ lang.t(Text::Close) }</button>
            </article>
        </div>
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
