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
