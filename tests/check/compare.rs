//! Comparing years and units (`gouji::compare`, issue 16) on the pingtan series (2011–2025 of
//! one agency, real) and on a generated county of eight units and its 汇总 report.

use gouji::compare::{Figure, compare};
use gouji::model::{CellRef, Number};
use gouji::rules::RuleId;

use crate::support::{check_file, fixture_path};

fn folder(relative: &str) -> Vec<gouji::Checked> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_path(relative))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    let mut all: Vec<gouji::Checked> =
        names.iter().map(|n| check_file(&format!("{relative}/{n}"))).collect();
    gouji::cross::apply(&mut all);
    all
}

fn pingtan() -> Vec<gouji::Checked> {
    let mut all = folder("reports/corpus");
    all.retain(|c| c.report.agency_name().is_some_and(|a| a.starts_with("平潭")));
    all
}

#[test]
fn the_pingtan_series_shows_the_break_and_restart_of_its_cumulative_counts() {
    let all = pingtan();
    let refs: Vec<&gouji::Checked> = all.iter().collect();
    let comparison = compare(&refs);
    let series = &comparison.series[0];
    assert_eq!(series.agency, "平潭综合实验区");
    let years: Vec<i32> = series.reports.iter().map(|(y, _)| *y).collect();
    // 2014's title names 平潭综合实验区管委会: not matched, as the rules across reports do not.
    assert_eq!(
        years,
        [2012, 2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    );
    let pair = |y: i32| series.pairs.iter().find(|p| p.this_year == y).expect("pair");
    let act_cum = CellRef::parse("p/ACT/cum").expect("address");
    // 2017 restarted 历年累计: 85376 + 2122 = 87498 expected, 10037 printed.
    let restart = pair(2017);
    let (change, link) =
        restart.broken().find(|(c, _)| c.addr == act_cum).expect("the chain breaks in 2017");
    assert_eq!(link.rule, RuleId::PreChain);
    assert_eq!(link.expected, Number::int(87_498));
    assert_eq!(change.after, Some(Number::int(10_037)));
    // …and 2018 continues from the new start.
    let next = pair(2018);
    let continued = next.tables.iter().flat_map(|t| &t.cells).find(|c| c.addr == act_cum);
    assert!(continued.and_then(|c| c.link.as_ref()).is_some_and(|l| l.holds));
    // 2013: 4359 + 72804 ≠ 76424, and 主动公开 grew 98-fold: a hint.
    assert!(pair(2013).broken().any(|(c, _)| c.addr == act_cum));
    assert!(pair(2013).hints.iter().any(|f| f.rule == "XY-JUMP"));
    // 2021 → 2022: 上年结转 1 = last year's 结转下年度 1, in place.
    let carry = CellRef::parse("t3/R2/TOT").expect("address");
    let cell = pair(2022).tables.iter().flat_map(|t| &t.cells).find(|c| c.addr == carry);
    let link = cell.and_then(|c| c.link.as_ref()).expect("the carry-over is shown");
    assert!(link.holds && link.rule == RuleId::XyCarry && link.expected == Number::int(1));
    // Every change is this year's value minus last year's.
    for pair in &series.pairs {
        for cell in pair.tables.iter().flat_map(|t| &t.cells) {
            if let (Some(a), Some(b), Some(d)) = (cell.before, cell.after, cell.delta) {
                assert_eq!(a.checked_add(d), Some(b), "{}", cell.addr);
            }
        }
    }
    // The hints are the reports' findings too (added by the rules across reports).
    let this = &all[pair(2013).this];
    assert!(this.findings.iter().any(|f| f.rule == "XY-JUMP"));
}

#[test]
fn a_county_of_units_gives_medians_outliers_and_its_totals_beside_its_summary() {
    let all = folder("compare/units-2023");
    let refs: Vec<&gouji::Checked> = all.iter().collect();
    let comparison = compare(&refs);
    assert!(comparison.series.is_empty());
    let table = &comparison.years[0];
    assert_eq!((table.year, table.units.len()), (2023, 8));
    let at = |f: Figure| Figure::ALL.iter().position(|&g| g == f).expect("figure");
    assert_eq!(table.medians[at(Figure::Received)], Some(2400));
    let far: Vec<(&str, &str)> = table
        .units
        .iter()
        .flat_map(|u| {
            Figure::ALL
                .iter()
                .zip(u.far)
                .filter(|(_, far)| *far)
                .map(|(f, _)| (u.agency.as_str(), f.code()))
        })
        .collect();
    assert_eq!(
        far,
        [
            ("测试县自然资源局", "open"),
            ("测试县自然资源局", "deny"),
            ("测试县住房和城乡建设局", "received"),
            ("测试县住房和城乡建设局", "reviews"),
            ("测试县住房和城乡建设局", "suits"),
        ]
    );
    assert_eq!(table.totals[at(Figure::Received)], Some(28_800));
    let aggregate = &table.aggregates[0];
    assert_eq!((aggregate.agency.as_str(), aggregate.units), ("测试县人民政府", 8));
    assert_eq!(aggregate.declared, aggregate.computed);
    let names: Vec<String> = (0..all.len()).map(|k| format!("f{k}.md")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let csv = gouji::compare::units_csv(&comparison.years, &names);
    assert!(csv.starts_with("\u{feff}文件,单位,年度,本年新收,予以公开占比"));
    assert!(
        csv.contains(
            "测试县住房和城乡建设局,2023,144,46.2%,7.7%,24,24,0.0%,本年新收、行政复议、行政诉讼\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains(",中位数,2023,24,"));
}
