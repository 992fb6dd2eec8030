//! The official layout of the tables, for everything that draws them: the page, and the
//! HTML a clerk copies back into Word or WPS ([`crate::export::tables_html`]). Label cells with
//! their merges, 表二's blocks and column names, exactly as the format prints them.

use crate::model::{Col, Layout, Row, Table};

/// One label cell of a table row, with its merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelCell {
    /// The official label.
    pub text: &'static str,
    /// Rows it spans.
    pub rowspan: usize,
    /// Columns it spans (of the three label columns).
    pub colspan: usize,
}

/// One row of 表三 as the official layout draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct T3RowView {
    /// The row.
    pub row: Row,
    /// Label cells that start on this row.
    pub labels: Vec<LabelCell>,
}

/// 表三's rows with their label cells: 三、本年度办理结果 spans every outcome row, each group
/// label spans its items, and single rows span the label columns they need.
pub fn t3_rows(table: &Table) -> Vec<T3RowView> {
    let rows = table.rows();
    let outcome_rows = rows.iter().filter(|r| !matches!(r, Row::R1 | Row::R2 | Row::R4)).count();
    let group_of = |row: Row| -> Option<Row> {
        [Row::R3_3, Row::R3_4, Row::R3_5, Row::R3_6]
            .into_iter()
            .find(|&g| crate::model::identities::t3_group(g).contains(&row))
    };
    let mut out = Vec::new();
    let mut seen_groups: Vec<Row> = Vec::new();
    for &row in &rows {
        let mut labels = Vec::new();
        match row {
            Row::R1 | Row::R2 | Row::R4 => {
                labels.push(LabelCell { text: row.official(), rowspan: 1, colspan: 3 });
            }
            _ => {
                if out.iter().all(|r: &T3RowView| matches!(r.row, Row::R1 | Row::R2)) {
                    labels.push(LabelCell {
                        text: "三、本年度办理结果",
                        rowspan: outcome_rows,
                        colspan: 1,
                    });
                }
                let in_layout = |r: Row| rows.contains(&r);
                match (group_of(row), row) {
                    (_, Row::R3_3 | Row::R3_4 | Row::R3_5 | Row::R3_6)
                        if table.subtotal_rows.contains(&row) =>
                    {
                        // A subtotal row of a local variant opens its group.
                        let members = crate::model::identities::t3_group(row)
                            .iter()
                            .filter(|&&r| in_layout(r))
                            .count();
                        labels.push(LabelCell {
                            text: row.official(),
                            rowspan: members + 1,
                            colspan: 1,
                        });
                        labels.push(LabelCell { text: "小计", rowspan: 1, colspan: 1 });
                        seen_groups.push(row);
                    }
                    (Some(group), _) if table.layout == Layout::Y2021 || group != Row::R3_6 => {
                        if !seen_groups.contains(&group) {
                            let members = crate::model::identities::t3_group(group)
                                .iter()
                                .filter(|&&r| in_layout(r))
                                .count();
                            labels.push(LabelCell {
                                text: group.official(),
                                rowspan: members,
                                colspan: 1,
                            });
                            seen_groups.push(group);
                        }
                        labels.push(LabelCell { text: row.official(), rowspan: 1, colspan: 1 });
                    }
                    _ => labels.push(LabelCell { text: row.official(), rowspan: 1, colspan: 2 }),
                }
            }
        }
        out.push(T3RowView { row, labels });
    }
    out
}

/// The blocks of 表二: a block title, its column names, and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct T2Block {
    /// e.g. 第二十条第（一）项.
    pub title: &'static str,
    /// The value columns of the block.
    pub cols: Vec<Col>,
    /// The rows of the block.
    pub rows: Vec<Row>,
}

/// 表二's blocks for its layout.
pub fn t2_blocks(table: &Table) -> Vec<T2Block> {
    let block = |title, cols: &[Col], rows: &[Row]| T2Block {
        title,
        cols: cols.to_vec(),
        rows: rows.to_vec(),
    };
    match table.layout {
        Layout::Y2021 => vec![
            block("第二十条第（一）项", &[Col::made, Col::rep, Col::valid], &[Row::REG, Row::NORM]),
            block("第二十条第（五）项", &[Col::n], &[Row::LIC]),
            block("第二十条第（六）项", &[Col::n], &[Row::PUN, Row::COE]),
            block("第二十条第（八）项", &[Col::n], &[Row::FEE]),
        ],
        Layout::Y2019 => vec![
            block(
                "第二十条第（一）项",
                &[Col::new_made, Col::new_pub, Col::all_pub],
                &[Row::REG, Row::NORM],
            ),
            block("第二十条第（五）项", &[Col::prev, Col::delta, Col::n], &[Row::LIC, Row::OMS]),
            block("第二十条第（六）项", &[Col::prev, Col::delta, Col::n], &[Row::PUN, Row::COE]),
            block("第二十条第（八）项", &[Col::prev, Col::delta], &[Row::FEE]),
            block("第二十条第（九）项", &[Col::count, Col::amount], &[Row::PROC]),
        ],
    }
}

/// The column header of 表二 cells: 2021's 行政事业性收费 column is in 万元.
pub fn t2_col_name(row: Row, col: Col) -> &'static str {
    match (row, col) {
        (Row::FEE, Col::n) => "本年收费金额（单位：万元）",
        _ => col.name(),
    }
}

/// The words of a header cell: one of the format's own labels (which a page may translate), or
/// a value column's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// 表三's note on its own arithmetic, in its top left corner.
    T3Note,
    /// 申请人情况.
    Applicants,
    /// 自然人.
    NaturalPerson,
    /// 法人或其他组织.
    Organizations,
    /// 总计.
    Total,
    /// 行政复议.
    Review,
    /// 行政诉讼.
    Litigation,
    /// 未经复议直接起诉.
    Direct,
    /// 复议后起诉.
    AfterReview,
    /// 表二's 信息内容.
    Item,
    /// A value column's own name (商业企业, 维持 …).
    Col(Col),
}

impl Heading {
    /// The words as the format prints them.
    pub fn official(self) -> &'static str {
        match self {
            Heading::T3Note => {
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            }
            Heading::Applicants => "申请人情况",
            Heading::NaturalPerson => "自然人",
            Heading::Organizations => "法人或其他组织",
            Heading::Total => "总计",
            Heading::Review => "行政复议",
            Heading::Litigation => "行政诉讼",
            Heading::Direct => "未经复议直接起诉",
            Heading::AfterReview => "复议后起诉",
            Heading::Item => "信息内容",
            Heading::Col(col) => col.name(),
        }
    }
}

/// One header cell of a table, with its merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    /// Its words.
    pub heading: Heading,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
}

fn header(heading: Heading, colspan: usize, rowspan: usize) -> HeaderCell {
    HeaderCell { heading, colspan, rowspan }
}

/// 表三's three header rows: the note over the label columns and 申请人情况 over the values;
/// 自然人, 法人或其他组织 (its columns in the row below) and 总计.
pub fn t3_header(table: &Table) -> Vec<Vec<HeaderCell>> {
    let cols = table.cols();
    let orgs: Vec<Col> =
        cols.iter().copied().filter(|c| !matches!(c, Col::NP | Col::T3_TOT)).collect();
    vec![
        vec![header(Heading::T3Note, 3, 3), header(Heading::Applicants, cols.len(), 1)],
        vec![
            header(Heading::NaturalPerson, 1, 2),
            header(Heading::Organizations, orgs.len(), 1),
            header(Heading::Total, 1, 2),
        ],
        orgs.into_iter().map(|col| header(Heading::Col(col), 1, 1)).collect(),
    ]
}

/// 表四's value columns, in each of its three parts (复议, 直接起诉, 复议后起诉).
pub const T4_RESULTS: [Col; 5] = [Col::keep, Col::fix, Col::oth, Col::pend, Col::t4_tot];

/// 表四's parts, left to right on its one value row.
pub const T4_PARTS: [Row; 3] = [Row::RV, Row::LD, Row::LR];

/// 表四's three header rows: 行政复议 and 行政诉讼; 复议's results and 诉讼's two parts; the
/// two parts' results.
pub fn t4_header() -> Vec<Vec<HeaderCell>> {
    let mut second: Vec<HeaderCell> =
        T4_RESULTS.iter().map(|&col| header(Heading::Col(col), 1, 2)).collect();
    second.extend([header(Heading::Direct, 5, 1), header(Heading::AfterReview, 5, 1)]);
    vec![
        vec![header(Heading::Review, 5, 1), header(Heading::Litigation, 10, 1)],
        second,
        T4_RESULTS.iter().chain(&T4_RESULTS).map(|&col| header(Heading::Col(col), 1, 1)).collect(),
    ]
}
