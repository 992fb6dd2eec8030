//! `gouji compare`: the year-over-year changes and the unit table, in text and CSV.

use std::process::Command;

fn fixture(relative: &str) -> String {
    format!("{}/../tests/fixtures/{relative}", env!("CARGO_MANIFEST_DIR"))
}

fn gouji(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji")).args(args).output().expect("gouji runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into())
}

#[test]
fn the_pingtan_folder_prints_its_years_with_the_restart_of_the_cumulative_counts() {
    let (code, stdout) = gouji(&["compare", &fixture("reports/corpus")]);
    assert_eq!(code, 0);
    assert!(stdout.contains("【年度对比】平潭综合实验区："), "{stdout}");
    assert!(stdout.contains("2016 → 2017 年"));
    assert!(stdout.contains(
        "✗ 统计表“主动公开信息数”（历年累计）为 10037；PRE-CHAIN：2016 年的历年累计 85376 + 本年度 2122 = 87498，不符"
    ));
    assert!(
        stdout.contains(
            "XY-JUMP 统计表“主动公开信息数”（本年度）由 2012 年的 739 增至 2013 年的 72804"
        )
    );
    assert!(stdout.contains("表三“本年新收”（总计） 81 → 218  +137（+169.1%）"), "{stdout}");
    assert!(stdout.contains("【单位对比】"));
}

#[test]
fn a_county_folder_prints_its_units_medians_and_outliers() {
    let (code, stdout) = gouji(&["compare", &fixture("compare/units-2023")]);
    assert_eq!(code, 0);
    assert!(stdout.contains("【单位对比】2023 年：8 个单位"), "{stdout}");
    let line = |start: &str| {
        stdout.lines().find(|l| l.trim_start().starts_with(start)).unwrap_or_default().to_string()
    };
    assert!(line("测试县住房和城乡建设局").contains("144*"), "{stdout}");
    assert!(line("中位数").contains("24"));
    assert!(line("测试县人民政府（汇总报告）").contains("288"));
    let (_, csv) = gouji(&["compare", "--csv", &fixture("compare/units-2023")]);
    assert!(csv.starts_with("\u{feff}文件,单位,年度,本年新收,予以公开占比,不予公开占比,行政复议,行政诉讼,纠正率,偏离中位数\r\n"));
    assert_eq!(csv.lines().count(), 1 + 8 + 2 + 1);
}

#[test]
fn nothing_to_compare_is_said() {
    let (code, stdout) = gouji(&["compare", &fixture("reports/seed")]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("没有可比较的报告"), "{stdout}");
}
