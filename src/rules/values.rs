//! What a cell may hold (RULEBOOK §2.4): VAL-INT, VAL-NEG, VAL-FEE, VAL-BLANK, VAL-TEXT,
//! VAL-MAG.

use crate::finding::Finding;
use crate::model::{CellRef, Col, Number, Report, Row, TableId, Value};

use super::{RuleId, finding};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    for table in &report.tables {
        let mut blanks: Vec<CellRef> = Vec::new();
        for cell in &table.cells {
            let addr = cell.addr;
            let is_amount = addr.table == TableId::T2
                && matches!((addr.row, addr.col), (Row::FEE, Col::n) | (Row::PROC, Col::amount));
            let may_be_negative = addr.table == TableId::T2 && addr.col == Col::delta;
            match &cell.value {
                Value::Number(n) => {
                    if !is_amount && !n.is_integer() {
                        let mut f = finding(
                            RuleId::ValInt,
                            format!(
                                "{} “{}” 是件数，应为整数，实际为 {n}。",
                                table.id.name(),
                                addr.display_name()
                            ),
                            vec![addr],
                        );
                        f.found = Some(*n);
                        f.hint = Some("改为整数；若误填了金额，请移到正确位置。".to_string());
                        findings.push(f);
                    }
                    if n.is_negative() && !may_be_negative {
                        let mut f = finding(
                            RuleId::ValNeg,
                            format!(
                                "{} “{}” 为负数 {n}，件数不能小于 0。",
                                table.id.name(),
                                addr.display_name()
                            ),
                            vec![addr],
                        );
                        f.found = Some(*n);
                        f.hint = Some("核对该单元格，改为正确的非负数。".to_string());
                        findings.push(f);
                    }
                    if addr.row == Row::FEE && addr.col == Col::n {
                        let yuan = cell.unit.as_deref() == Some("元");
                        if yuan || n.scale() > 6 {
                            let why = if yuan {
                                "数字后写了“元”"
                            } else {
                                "小数超过 6 位"
                            };
                            let mut f = finding(
                                RuleId::ValFee,
                                format!(
                                    "表二“行政事业性收费”的单位是万元，此处为 {n}，{why}，可能把元当成了万元。"
                                ),
                                vec![addr],
                            );
                            f.found = Some(*n);
                            f.hint = Some("换算为万元后填写（1 万元 = 10000 元）。".to_string());
                            findings.push(f);
                        }
                    }
                }
                Value::Blank { .. } => blanks.push(addr),
                Value::Text(text) => {
                    let (message, hint) = match overlong_number(text) {
                        Some(digits) => (
                            format!(
                                "{} “{}” 的数字有 {digits} 位，超出了件数和金额可能的范围（最多 15 位），无法参与计算，可能是几个数字连在了一起。",
                                table.id.name(),
                                addr.display_name()
                            ),
                            "核对这个单元格，分开连在一起的数字。",
                        ),
                        None => (
                            format!(
                                "{} “{}” 应填数字，实际写的是“{text}”。",
                                table.id.name(),
                                addr.display_name()
                            ),
                            "改为数字；没有的填 0。",
                        ),
                    };
                    let mut f = finding(RuleId::ValText, message, vec![addr]);
                    f.hint = Some(hint.to_string());
                    findings.push(f);
                }
                Value::Missing | Value::Ambiguous => {}
            }
        }
        if !blanks.is_empty() {
            let names: Vec<String> = blanks.iter().take(3).map(|c| c.display_name()).collect();
            let example = if blanks.len() > 3 {
                format!("{} 等", names.join("、"))
            } else {
                names.join("、")
            };
            let mut f = finding(
                RuleId::ValBlank,
                format!(
                    "{}有 {} 个空白单元格（{example}），计算勾稽关系时按 0 处理。",
                    table.id.name(),
                    blanks.len()
                ),
                blanks,
            );
            f.hint = Some("没有的请填写 0；确有数字的请补上。".to_string());
            findings.push(f);
        }
    }
    magnitude(report, findings);
}

/// The count of digits of `text` when it is a number written with more digits than a cell's
/// number may have (a sign and one decimal point allowed), as glued digits are.
fn overlong_number(text: &str) -> Option<usize> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = unsigned.bytes().filter(u8::is_ascii_digit).count();
    let points = unsigned.bytes().filter(|&b| b == b'.').count();
    let numeral = !unsigned.is_empty()
        && unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && points <= 1
        && !unsigned.starts_with('.')
        && !unsigned.ends_with('.');
    (numeral && digits > 15).then_some(digits)
}

/// VAL-MAG: a 表三 total of eight digits, or a township with 10 000 applications.
fn magnitude(report: &Report, findings: &mut Vec<Finding>) {
    let Some(table) = report.table(TableId::T3) else { return };
    let huge = Number::int(10_000_000);
    if let Some(cell) = table.cells.iter().find(|c| c.value.number().is_some_and(|n| n >= huge)) {
        let mut f = finding(
            RuleId::ValMag,
            format!(
                "表三“{}”为 {}，超过 1000 万件，极不寻常。",
                cell.addr.display_name(),
                cell.value.describe()
            ),
            vec![cell.addr],
        );
        f.hint = Some("常见原因是两个数字连在了一起或多打了一位，请核对。".to_string());
        findings.push(f);
        return;
    }
    let township = report.agency.as_ref().is_some_and(|a| a.township);
    let received = table.cell(Row::R1, Col::T3_TOT).and_then(|c| c.value.number());
    if township && received.is_some_and(|n| n >= Number::int(10_000)) {
        let addr = CellRef::new(TableId::T3, Row::R1, Col::T3_TOT);
        let mut f = finding(
            RuleId::ValMag,
            format!(
                "乡镇（街道）一年新收 {} 件政府信息公开申请，极不寻常。",
                received.unwrap_or(Number::int(0))
            ),
            vec![addr],
        );
        f.hint = Some("请核对数字是否多打了一位。".to_string());
        findings.push(f);
    }
}
