//! Narrative against tables (RULEBOOK §2.6): NAR-RECV, NAR-CARRYIN, NAR-DONE, NAR-CARRYOUT,
//! NAR-OUTCOME, NAR-PCT, NAR-ZERO-APP, NAR-REVIEW, NAR-LIT, NAR-ZERO-RL, NAR-FEE, NAR-FEE-STEP,
//! NAR-SEC6-FEE, NAR-SEC5-EMPTY. All preview: the narrative is read by key words, so these
//! findings are hints for a reviewer and never errors.

use crate::finding::Finding;
use crate::model::{CellRef, Col, Fact, FactKind, Layout, Number, Report, Row, TableId, Template};

use super::{RuleId, finding};

fn t3(report: &Report, row: Row) -> Option<Number> {
    report.cell(CellRef::new(TableId::T3, row, Col::T3_TOT)).and_then(|c| c.value.for_sums())
}

fn t3_sum(report: &Report, rows: &[Row]) -> Option<Number> {
    Number::sum(rows.iter().map(|&r| t3(report, r)).collect::<Option<Vec<_>>>()?)
}

fn t4(report: &Report, row: Row) -> Option<Number> {
    report.cell(CellRef::new(TableId::T4, row, Col::t4_tot)).and_then(|c| c.value.for_sums())
}

fn quote(fact: &Fact) -> String {
    let clause: String = fact.clause.chars().take(40).collect();
    format!("正文“{clause}”")
}

fn mismatch(
    id: RuleId,
    fact: &Fact,
    said: &str,
    table: &str,
    cells: Vec<CellRef>,
    expected: Number,
) -> Finding {
    let mut f = finding(id, format!("{}说{said} {} 件，{table}。", quote(fact), fact.value), cells);
    f.expected = Some(expected);
    f.found = Some(fact.value);
    f.text_span = Some(fact.range.clone());
    f.hint = Some("核对正文与表格，改正不一致的一方。".to_string());
    f
}

fn t3_cell(row: Row) -> CellRef {
    CellRef::new(TableId::T3, row, Col::T3_TOT)
}

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    if report.table(TableId::Pre2019).is_some() {
        pre2019(report, findings);
        return;
    }
    if !matches!(report.template, Template::Y2021 | Template::Y2019) {
        return;
    }
    let t3_table = report.table(TableId::T3);
    let layout = t3_table.map(|t| t.layout);
    let outcome_rows = |group: Row| -> Vec<Row> {
        match (group, layout) {
            (Row::R3_6, Some(Layout::Y2019)) => vec![Row::R3_6],
            _ => crate::model::identities::t3_group(group).to_vec(),
        }
    };
    for fact in &report.facts {
        // A number the narrative states for 表三 rows: (rule, what it says, which rows).
        let claim: Option<(RuleId, &str, &str, Vec<Row>)> = match fact.kind {
            FactKind::CarriedIn => {
                Some((RuleId::NarCarryin, "上年结转", "表三上年结转", vec![Row::R2]))
            }
            FactKind::Done => Some((RuleId::NarDone, "办结", "表三（七）总计", vec![Row::R3_7])),
            FactKind::CarriedOut => {
                Some((RuleId::NarCarryout, "结转下年度", "表三结转下年度继续办理", vec![Row::R4]))
            }
            FactKind::Granted => {
                Some((RuleId::NarOutcome, "予以公开", "表三予以公开", vec![Row::R3_1]))
            }
            FactKind::Partial => {
                Some((RuleId::NarOutcome, "部分公开", "表三部分公开", vec![Row::R3_2]))
            }
            FactKind::GrantedOrPartial => Some((
                RuleId::NarOutcome,
                "予以公开及部分公开",
                "表三予以公开与部分公开之和",
                vec![Row::R3_1, Row::R3_2],
            )),
            FactKind::Withheld => Some((
                RuleId::NarOutcome,
                "不予公开",
                "表三不予公开各项之和",
                outcome_rows(Row::R3_3),
            )),
            FactKind::Unavailable => Some((
                RuleId::NarOutcome,
                "无法提供",
                "表三无法提供各项之和",
                outcome_rows(Row::R3_4),
            )),
            FactKind::NotProcessed => Some((
                RuleId::NarOutcome,
                "不予处理",
                "表三不予处理各项之和",
                outcome_rows(Row::R3_5),
            )),
            FactKind::OtherProcessed => Some((
                RuleId::NarOutcome,
                "其他处理",
                "表三其他处理各项之和",
                outcome_rows(Row::R3_6),
            )),
            _ => None,
        };
        if let Some((id, said, table, rows)) = claim {
            compare(report, fact, id, said, table, &rows, findings);
        }
        match fact.kind {
            FactKind::Received if t3_table.is_some() => {
                let (Some(new), Some(carry)) = (t3(report, Row::R1), t3(report, Row::R2)) else {
                    continue;
                };
                let both = new.checked_add(carry).unwrap_or(new);
                // Narratives often count the carried-over applications in: either reading passes.
                if fact.value != new && fact.value != both {
                    let table = format!("表三本年新收为 {new}（加上年结转为 {both}）");
                    findings.push(mismatch(
                        RuleId::NarRecv,
                        fact,
                        "收到（受理）申请",
                        &table,
                        vec![t3_cell(Row::R1), t3_cell(Row::R2)],
                        new,
                    ));
                }
            }
            FactKind::NoApplications => {
                if let Some(new) = t3(report, Row::R1).filter(|n| !n.is_zero()) {
                    let mut f = finding(
                        RuleId::NarZeroApp,
                        format!(
                            "{}说未收到政府信息公开申请，但表三本年新收为 {new}。",
                            quote(fact)
                        ),
                        vec![t3_cell(Row::R1)],
                    );
                    f.text_span = Some(fact.range.clone());
                    f.hint = Some("核对正文与表三。".to_string());
                    findings.push(f);
                }
            }
            FactKind::Review => {
                if let Some(total) = t4(report, Row::RV)
                    && total != fact.value
                {
                    let cells = vec![CellRef::new(TableId::T4, Row::RV, Col::t4_tot)];
                    findings.push(mismatch(
                        RuleId::NarReview,
                        fact,
                        "行政复议",
                        &format!("表四行政复议总计为 {total}"),
                        cells,
                        total,
                    ));
                }
            }
            FactKind::Litigation => {
                if let (Some(direct), Some(after)) = (t4(report, Row::LD), t4(report, Row::LR)) {
                    let total = direct.checked_add(after).unwrap_or(direct);
                    if total != fact.value {
                        let cells = vec![
                            CellRef::new(TableId::T4, Row::LD, Col::t4_tot),
                            CellRef::new(TableId::T4, Row::LR, Col::t4_tot),
                        ];
                        let table = format!("表四行政诉讼总计为 {total}（{direct} + {after}）");
                        findings.push(mismatch(
                            RuleId::NarLit,
                            fact,
                            "行政诉讼",
                            &table,
                            cells,
                            total,
                        ));
                    }
                }
            }
            FactKind::NoReviewOrLitigation => {
                let Some(table) = report.table(TableId::T4) else { continue };
                let nonzero: Vec<CellRef> = table
                    .cells
                    .iter()
                    .filter(|c| {
                        c.addr.col == Col::t4_tot && c.value.number().is_some_and(|n| !n.is_zero())
                    })
                    .map(|c| c.addr)
                    .collect();
                if !nonzero.is_empty() {
                    let mut f = finding(
                        RuleId::NarZeroRl,
                        format!("{}说没有行政复议和行政诉讼，但表四的总计不全为 0。", quote(fact)),
                        nonzero,
                    );
                    f.text_span = Some(fact.range.clone());
                    f.hint = Some("核对正文与表四。".to_string());
                    findings.push(f);
                }
            }
            FactKind::InfoFee => fee_step(fact, findings),
            _ => {}
        }
        percent(report, fact, findings);
    }
    fees(report, findings);
    sections(report, findings);
}

fn compare(
    report: &Report,
    fact: &Fact,
    id: RuleId,
    said: &str,
    table: &str,
    rows: &[Row],
    findings: &mut Vec<Finding>,
) {
    let Some(value) = t3_sum(report, rows) else { return };
    if value != fact.value {
        let cells: Vec<CellRef> = rows.iter().map(|&r| t3_cell(r)).collect();
        let blank = cells.iter().any(|&c| {
            report.cell(c).is_some_and(|c| matches!(c.value, crate::model::Value::Blank { .. }))
        });
        let shown = if blank && rows.len() == 1 { "空白".to_string() } else { value.to_string() };
        findings.push(mismatch(id, fact, said, &format!("{table}为 {shown}"), cells, value));
    }
}

/// NAR-PCT: "208 件（17.46%）" must be 208 / （七）总计 (or / 本年新收) to the printed precision.
fn percent(report: &Report, fact: &Fact, findings: &mut Vec<Finding>) {
    let Some(percent) = fact.percent else { return };
    let Some(value) = fact.value.as_int() else { return };
    let scale = percent.scale();
    let denominators: Vec<i64> = [t3(report, Row::R3_7), t3(report, Row::R1)]
        .into_iter()
        .flatten()
        .filter_map(Number::as_int)
        .filter(|&d| d > 0)
        .collect();
    if denominators.is_empty() {
        return;
    }
    let shown = |d: i64| -> Option<Number> {
        // value / d × 100, rounded half up to `scale` decimals, in exact integers.
        let factor = 10i128.checked_pow(u32::from(scale))?;
        let numerator = i128::from(value) * 100 * factor * 2 + i128::from(d);
        let rounded = numerator / (2 * i128::from(d));
        Number::parse(&format_scaled(i64::try_from(rounded).ok()?, scale))
    };
    if denominators.iter().any(|&d| shown(d) == Some(percent)) {
        return;
    }
    let d = denominators[0];
    let expected = shown(d);
    let mut f = finding(
        RuleId::NarPct,
        format!(
            "{}写的比例 {percent}% 与数字不符：{value} ÷ {d} = {}%。",
            quote(fact),
            expected.map_or("?".to_string(), |e| e.to_string())
        ),
        vec![t3_cell(Row::R3_7)],
    );
    f.expected = expected;
    f.found = Some(percent);
    f.text_span = Some(fact.range.clone());
    f.hint = Some("按（七）总计重新计算比例。".to_string());
    findings.push(f);
}

fn format_scaled(value: i64, scale: u8) -> String {
    if scale == 0 {
        return value.to_string();
    }
    let factor = 10i64.pow(u32::from(scale));
    format!("{}.{:0width$}", value / factor, value % factor, width = usize::from(scale))
}

/// NAR-FEE-STEP: the 109号 tariffs move in steps of 10 元.
fn fee_step(fact: &Fact, findings: &mut Vec<Finding>) {
    let Some(yuan) = fact.value.as_int() else { return };
    if yuan > 0 && yuan % 10 != 0 {
        let mut f = finding(
            RuleId::NarFeeStep,
            format!("{}说收取信息处理费 {yuan} 元，不是 10 元的整数倍。", quote(fact)),
            Vec::new(),
        );
        f.text_span = Some(fact.range.clone());
        f.hint = Some("按《政府信息公开信息处理费管理办法》的标准核对金额。".to_string());
        findings.push(f);
    }
}

/// NAR-FEE: every statement of the 信息处理费 says the same.
fn fees(report: &Report, findings: &mut Vec<Finding>) {
    let amounts: Vec<&Fact> = report.facts.iter().filter(|f| f.kind == FactKind::InfoFee).collect();
    let none: Vec<&Fact> = report.facts.iter().filter(|f| f.kind == FactKind::NoInfoFee).collect();
    let positive = amounts.iter().find(|f| !f.value.is_zero());
    let different = amounts.windows(2).find(|w| w[0].value != w[1].value);
    let (message, span) = match (different, positive, none.first()) {
        (Some(pair), _, _) => (
            format!("正文两处信息处理费金额不同：{} 元与 {} 元。", pair[0].value, pair[1].value),
            pair[1].range.clone(),
        ),
        (None, Some(amount), Some(no_fee)) => (
            format!(
                "{}说收取信息处理费 {} 元，而“{}”说未收取。",
                quote(amount),
                amount.value,
                no_fee.clause.chars().take(30).collect::<String>()
            ),
            no_fee.range.clone(),
        ),
        _ => return,
    };
    let mut f = finding(RuleId::NarFee, message, Vec::new());
    f.text_span = Some(span);
    f.hint = Some("统一正文中信息处理费的金额。".to_string());
    findings.push(f);
}

/// NAR-SEC5-EMPTY and NAR-SEC6-FEE.
fn sections(report: &Report, findings: &mut Vec<Finding>) {
    if !report.is_whole_report {
        return;
    }
    if let Some(five) = report.sections.iter().find(|s| s.index == 4)
        && (five.body_is_none || five.body_chars < 10)
    {
        let mut f = finding(
            RuleId::NarSec5Empty,
            "第五部分“存在的主要问题及改进情况”内容空缺或过短。".to_string(),
            Vec::new(),
        );
        f.hint = Some(
            "写明本年度工作存在的主要问题和改进措施，以及上一年度问题的整改情况。".to_string(),
        );
        findings.push(f);
    }
    if report.template == Template::Y2021
        && let Some(six) = report.sections.iter().find(|s| s.index == 5)
        && !six.body_mentions_fee
    {
        let mut f = finding(
            RuleId::NarSec6Fee,
            "第六部分“其他需要报告的事项”没有说明信息处理费的收取情况。".to_string(),
            Vec::new(),
        );
        f.hint = Some("按格式要求说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取也应写明）。".to_string());
        findings.push(f);
    }
}

/// The narrative of a pre-2019 report against its statistics table (RULEBOOK §3.2 (3)):
/// applications received, the total of answers, answers granting disclosure, reviews and
/// suits, each against its 本年度 cell. Only clauses about 政府信息公开 applications are used,
/// and only a total of answers (答复总数): the old reports also count 行政审批 and other
/// answers in the same words.
fn pre2019(report: &Report, findings: &mut Vec<Finding>) {
    let cell = |row: Row| CellRef::new(TableId::Pre2019, row, Col::y);
    let value = |row: Row| report.cell(cell(row)).and_then(|c| c.value.for_sums());
    for fact in &report.facts {
        let about_requests = fact.about.requests;
        let (id, said, row, name) = match fact.kind {
            FactKind::Received if about_requests => {
                (RuleId::NarRecv, "收到（受理）申请", Row::REQ, "受理申请总数")
            }
            FactKind::Done if about_requests && fact.about.total => {
                (RuleId::NarDone, "答复", Row::ANS, "答复总数")
            }
            FactKind::Granted if fact.about.answers => {
                (RuleId::NarOutcome, "同意公开", Row::ANS_OPEN, "同意公开答复数")
            }
            FactKind::Proactive if fact.is_proactive_total() => {
                (RuleId::NarActive, "主动公开政府信息", Row::ACT, "主动公开信息数")
            }
            FactKind::Review => (RuleId::NarReview, "行政复议", Row::APPEAL, "行政复议数"),
            FactKind::Litigation => (RuleId::NarLit, "行政诉讼", Row::SUIT, "行政诉讼数"),
            FactKind::NoApplications => {
                if let Some(n) = value(Row::REQ).filter(|n| !n.is_zero()) {
                    let mut f = finding(
                        RuleId::NarZeroApp,
                        format!(
                            "{}说未收到政府信息公开申请，但统计表受理申请总数（本年度）为 {n}。",
                            quote(fact)
                        ),
                        vec![cell(Row::REQ)],
                    );
                    f.text_span = Some(fact.range.clone());
                    f.hint = Some("核对正文与统计表。".to_string());
                    findings.push(f);
                }
                continue;
            }
            FactKind::NoReviewOrLitigation => {
                let nonzero: Vec<CellRef> = [Row::APPEAL, Row::SUIT]
                    .into_iter()
                    .filter(|&r| value(r).is_some_and(|n| !n.is_zero()))
                    .map(cell)
                    .collect();
                if !nonzero.is_empty() {
                    let mut f = finding(
                        RuleId::NarZeroRl,
                        format!(
                            "{}说没有行政复议和行政诉讼，但统计表中的本年度数不全为 0。",
                            quote(fact)
                        ),
                        nonzero,
                    );
                    f.text_span = Some(fact.range.clone());
                    f.hint = Some("核对正文与统计表。".to_string());
                    findings.push(f);
                }
                continue;
            }
            _ => continue,
        };
        if let Some(table_value) = value(row)
            && table_value != fact.value
        {
            let table = format!("统计表{name}（本年度）为 {table_value}");
            findings.push(mismatch(id, fact, said, &table, vec![cell(row)], table_value));
        }
    }
}
