//! 填报: the blank official tables of a new report (2021 format), filled in by a clerk. The
//! totals (each row's 总计, （七）总计, 表四's 总计) are computed as the clerk types and shown as
//! computed; a total typed by hand that disagrees is a finding at once; 上年结转 can be taken
//! from last year's report; the standard sentences of sections 三 and 四 are written from the
//! tables, so that text and tables agree by construction. The result is checked by the same
//! rules as any report, and written as HTML, tab-separated text or a .docx.
//!
//! Invariant: pure; what was computed or taken from last year is marked so (`Origin`).

use std::collections::BTreeMap;

use crate::Checked;
use crate::export::printed_tables;
use crate::model::identities::{T3_APPLICANTS, T4_PARTS, t3_leaves, t3_outcomes};
use crate::model::{
    Cell, CellRef, Col, Layout, Number, Report, Row, Strategy, Table, TableId, Template, Value,
};
use crate::office::Block;
use crate::span::TextRange;

/// What the clerk typed, and what came from last year's report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// The unit (发布机构), for the title.
    pub agency: String,
    /// The year reported on.
    pub year: Option<i32>,
    /// Values typed, by cell (a cell typed empty is absent).
    pub typed: BTreeMap<CellRef, Number>,
    /// Last year's 结转下年度继续办理 per column, and the file it came from.
    pub carried: Option<(String, BTreeMap<Col, Number>)>,
}

/// Where a cell's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Typed by the clerk.
    Typed,
    /// A total, computed from its parts.
    Computed,
    /// 上年结转, from last year's 结转下年度继续办理.
    LastYear,
    /// Nothing typed: 0.
    Empty,
}

/// The filled report: every cell with its origin, the check of the whole, the sentences.
#[derive(Clone, Debug)]
pub struct Filled {
    /// Every cell of the three tables, with where its value comes from.
    pub cells: BTreeMap<CellRef, (Number, Origin)>,
    /// The tables checked by the rules (with the sentences as their narrative).
    pub checked: Checked,
    /// Section 三's and section 四's standard sentences.
    pub sentences: [String; 2],
}

/// The cells of the 2021 format's 表二, 表三 and 表四, in table order.
pub fn template_cells() -> Vec<CellRef> {
    let mut out = Vec::new();
    for row in [Row::REG, Row::NORM] {
        for col in [Col::made, Col::rep, Col::valid] {
            out.push(CellRef::new(TableId::T2, row, col));
        }
    }
    for row in [Row::LIC, Row::PUN, Row::COE, Row::FEE] {
        out.push(CellRef::new(TableId::T2, row, Col::n));
    }
    let mut cols = T3_APPLICANTS.to_vec();
    cols.push(Col::T3_TOT);
    for row in t3_leaves(Layout::Y2021) {
        for &col in &cols {
            out.push(CellRef::new(TableId::T3, row, col));
        }
    }
    for row in [Row::RV, Row::LD, Row::LR] {
        for col in [Col::keep, Col::fix, Col::oth, Col::pend, Col::t4_tot] {
            out.push(CellRef::new(TableId::T4, row, col));
        }
    }
    out
}

/// True for the cells the form computes when they are not typed.
pub fn is_total(cell: CellRef) -> bool {
    matches!(
        (cell.table, cell.row, cell.col),
        (TableId::T3, _, Col::T3_TOT) | (TableId::T3, Row::R3_7, _) | (TableId::T4, _, Col::t4_tot)
    )
}

/// Last year's 结转下年度继续办理 per column, from its checked report.
pub fn carried_over(last: &Checked) -> Option<BTreeMap<Col, Number>> {
    let table = last.report.table(TableId::T3)?;
    // `extend`, not `collect` (which sorts first: a copy of the standard sort in the wasm).
    let mut values: BTreeMap<Col, Number> = BTreeMap::new();
    values.extend(
        table
            .cells
            .iter()
            .filter(|c| c.addr.row == Row::R4)
            .filter_map(|c| Some((c.addr.col, c.value.for_sums()?)))
            .filter(|(col, _)| T3_APPLICANTS.contains(col) || *col == Col::T3_TOT),
    );
    (!values.is_empty()).then_some(values)
}

/// Fills the form: typed values, last year's 结转, computed totals, zeros elsewhere.
pub fn fill(form: &Form) -> Filled {
    let mut cells: BTreeMap<CellRef, (Number, Origin)> = BTreeMap::new();
    for cell in template_cells() {
        let value = match form.typed.get(&cell) {
            Some(&n) => (n, Origin::Typed),
            None => match (&form.carried, cell.row) {
                (Some((_, carried)), Row::R2) if cell.table == TableId::T3 => carried
                    .get(&cell.col)
                    .map_or((Number::int(0), Origin::Empty), |&n| (n, Origin::LastYear)),
                _ => (Number::int(0), Origin::Empty),
            },
        };
        cells.insert(cell, value);
    }
    let get = |cells: &BTreeMap<CellRef, (Number, Origin)>, cell| {
        cells.get(&cell).map_or(Number::int(0), |v| v.0)
    };
    let sum = |values: Vec<Number>| Number::sum(values).unwrap_or(Number::int(0));
    // （七）总计 of each applicant column, then every row's 总计, then 表四's totals.
    for col in T3_APPLICANTS {
        let total = CellRef::new(TableId::T3, Row::R3_7, col);
        if !form.typed.contains_key(&total) {
            let parts = t3_outcomes(Layout::Y2021)
                .into_iter()
                .map(|row| get(&cells, CellRef::new(TableId::T3, row, col)))
                .collect();
            cells.insert(total, (sum(parts), Origin::Computed));
        }
    }
    for row in t3_leaves(Layout::Y2021) {
        let total = CellRef::new(TableId::T3, row, Col::T3_TOT);
        if !form.typed.contains_key(&total) {
            let parts = T3_APPLICANTS
                .iter()
                .map(|&col| get(&cells, CellRef::new(TableId::T3, row, col)))
                .collect();
            cells.insert(total, (sum(parts), Origin::Computed));
        }
    }
    for row in [Row::RV, Row::LD, Row::LR] {
        let total = CellRef::new(TableId::T4, row, Col::t4_tot);
        if !form.typed.contains_key(&total) {
            let parts = T4_PARTS
                .iter()
                .map(|&col| get(&cells, CellRef::new(TableId::T4, row, col)))
                .collect();
            cells.insert(total, (sum(parts), Origin::Computed));
        }
    }
    let value = |cell: CellRef| get(&cells, cell);
    let sentences = sentences(&value);
    let checked = check_filled(form, &cells, &sentences);
    Filled { cells, checked, sentences }
}

/// The standard sentences of sections 三 and 四, from the tables.
fn sentences(value: &dyn Fn(CellRef) -> Number) -> [String; 2] {
    let t3 = |row| value(CellRef::new(TableId::T3, row, Col::T3_TOT));
    let group = |group: Row| -> Number {
        Number::sum(
            crate::model::identities::t3_group(group)
                .iter()
                .map(|&row| t3(row))
                .collect::<Vec<_>>(),
        )
        .unwrap_or(Number::int(0))
    };
    let three = format!(
        "本年度共新收政府信息公开申请{}件，上年结转{}件。办结{}件，其中予以公开{}件，部分公开{}件，不予公开{}件，无法提供{}件，不予处理{}件，其他处理{}件；结转下年度继续办理{}件。",
        t3(Row::R1),
        t3(Row::R2),
        t3(Row::R3_7),
        t3(Row::R3_1),
        t3(Row::R3_2),
        group(Row::R3_3),
        group(Row::R3_4),
        group(Row::R3_5),
        group(Row::R3_6),
        t3(Row::R4),
    );
    let t4 = |row| value(CellRef::new(TableId::T4, row, Col::t4_tot));
    let review = t4(Row::RV);
    let litigation = Number::sum(vec![t4(Row::LD), t4(Row::LR)]).unwrap_or(Number::int(0));
    let four = if review.is_zero() && litigation.is_zero() {
        "本年度未发生因政府信息公开引起的行政复议、行政诉讼。".to_string()
    } else {
        format!("本年度因政府信息公开被申请行政复议{review}件，被提起行政诉讼{litigation}件。")
    };
    [three, four]
}

/// The filled tables as a report the rules check: the sentences are its narrative.
fn check_filled(
    form: &Form,
    cells: &BTreeMap<CellRef, (Number, Origin)>,
    sentences: &[String; 2],
) -> Checked {
    let mut tables: Vec<Table> = Vec::new();
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let table_cells: Vec<Cell> = template_cells()
            .into_iter()
            .filter(|c| c.table == id)
            .map(|addr| Cell {
                addr,
                value: Value::Number(cells.get(&addr).map_or(Number::int(0), |v| v.0)),
                inferred: false,
                text_range: None,
                range: None,
                unit: None,
            })
            .collect();
        tables.push(Table {
            id,
            layout: Layout::Y2021,
            has_subtotal_column: false,
            subtotal_rows: Vec::new(),
            strategy: Strategy::Labels,
            cells: table_cells,
            notes: Vec::new(),
            has_note: true,
            label_issues: Vec::new(),
            text_range: TextRange::default(),
            range: None,
        });
    }
    let narrative = sentences.join("\n");
    let mut report = Report::empty();
    report.template = Template::Y2021;
    report.year = form.year;
    report.agency = (!form.agency.is_empty()).then(|| crate::model::Agency::read(&form.agency));
    report.tables = tables;
    report.facts = crate::model::narrative::facts(&narrative, &[]);
    Checked::from_report(report)
}

/// The filled report as a .docx: its title, the three tables in the official layout, and the
/// sentences of sections 三 and 四.
pub fn docx(form: &Form, filled: &Filled) -> Vec<u8> {
    let title = match form.year {
        Some(year) => format!("{}{year}年政府信息公开工作年度报告", form.agency),
        None => format!("{}政府信息公开工作年度报告", form.agency),
    };
    let mut blocks = vec![Block::Heading(title)];
    for table in printed_tables(&filled.checked) {
        let sentence = match table.heading.chars().next() {
            Some('三') => Some(filled.sentences[0].clone()),
            Some('四') => Some(filled.sentences[1].clone()),
            _ => None,
        };
        blocks.push(Block::Table(table));
        blocks.extend(sentence.map(Block::Paragraph));
    }
    crate::office::docx(&blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, Severity, Verdict, check};

    /// The seed's numbers typed into the form: every cell but the totals.
    fn seed_form() -> (Form, Checked) {
        let seed = check(&Input::text(crate::SAMPLE_REPORT));
        let typed = template_cells()
            .into_iter()
            .filter(|&c| !is_total(c))
            .filter_map(|c| Some((c, seed.report.cell(c)?.value.for_sums()?)))
            .collect();
        let form =
            Form {
                agency: "张店区应急管理局".into(), year: Some(2023), typed, carried: None
            };
        (form, seed)
    }

    fn cells(c: &Checked) -> Vec<(String, String)> {
        c.report
            .tables
            .iter()
            .flat_map(|t| &t.cells)
            .map(|c| (c.addr.to_string(), c.value.describe()))
            .collect()
    }

    #[test]
    fn the_seeds_numbers_fill_a_report_that_passes_and_reads_back() {
        let (form, seed) = seed_form();
        let filled = fill(&form);
        assert_eq!(filled.checked.verdict(), Verdict::Pass, "{:?}", filled.checked.findings);
        let total = CellRef::parse("t3/R3.7/TOT").unwrap();
        assert_eq!(filled.cells[&total], (Number::int(1), Origin::Computed));
        assert_eq!(cells(&filled.checked), cells(&seed));
        // The sentences say what the tables say: no narrative hint.
        assert!(filled.sentences[0].contains("新收政府信息公开申请1件"), "{}", filled.sentences[0]);
        assert!(filled.checked.findings.iter().all(|f| !f.rule.starts_with("NAR-")));
        // The .docx and the clipboard table read back to the same cells and pass.
        let bytes = docx(&form, &filled);
        let back = check(&Input { bytes: &bytes, name: Some("填报.docx") });
        assert_eq!(cells(&back), cells(&seed));
        assert_eq!(back.count(Severity::Error), 0, "{:?}", back.findings);
        assert_eq!(back.report.year, Some(2023));
        let html = crate::export::tables_html(&filled.checked);
        let pasted = check(&Input { bytes: html.as_bytes(), name: Some("clipboard.html") });
        assert_eq!(cells(&pasted), cells(&seed));
    }

    #[test]
    fn a_total_typed_by_hand_that_disagrees_is_flagged_at_once() {
        let (mut form, _) = seed_form();
        form.typed.insert(CellRef::parse("t3/R1/TOT").unwrap(), Number::int(3));
        let filled = fill(&form);
        assert_eq!(filled.checked.verdict(), Verdict::Fail);
        let finding =
            filled.checked.findings.iter().find(|f| f.severity == Severity::Error).unwrap();
        assert_eq!(finding.cells[0].to_string(), "t3/R1/TOT");
    }

    #[test]
    fn last_years_carry_over_fills_this_years_carried_in() {
        let (mut form, _) = seed_form();
        let mut last = BTreeMap::new();
        last.insert(Col::NP, Number::int(2));
        last.insert(Col::T3_TOT, Number::int(2));
        form.carried = Some(("2022年报告.txt".into(), last));
        form.typed.retain(|c, _| c.row != Row::R2);
        // Two carried in, so two more are finished this year.
        form.typed.insert(CellRef::parse("t3/R3.1/NP").unwrap(), Number::int(2));
        let filled = fill(&form);
        let carried = CellRef::parse("t3/R2/NP").unwrap();
        assert_eq!(filled.cells[&carried], (Number::int(2), Origin::LastYear));
        assert_eq!(filled.checked.verdict(), Verdict::Pass, "{:?}", filled.checked.findings);
        assert!(filled.sentences[0].contains("上年结转2件"));
        let seed = check(&Input::text(crate::SAMPLE_REPORT));
        assert_eq!(
            carried_over(&seed).and_then(|c| c.get(&Col::T3_TOT).copied()),
            Some(Number::int(0))
        );
    }
}
