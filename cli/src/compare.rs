//! `gouji compare FILES/DIRS [--csv]`: one unit's years side by side (what changed, the rules
//! across years, the hints) and a year's units against each other (key figures, medians,
//! units far from them). Everything is computed by `gouji::compare`; this only prints it.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use gouji::compare::{Change, Comparison, Figure, UnitTable, YearPair};
use gouji::{Checked, Input};

use crate::{files, human};

/// Runs the command: 0 when something was compared, 2 when an input could not be read.
pub(crate) fn compare_command(args: &[String]) -> Result<u8, String> {
    let mut csv = false;
    let mut paths = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--csv" => csv = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option `{flag}`"));
            }
            _ => paths.push(arg.clone()),
        }
    }
    if paths.is_empty() {
        return Err("compare needs files or folders".to_string());
    }
    let mut walk = files::Walk::default();
    let mut inputs: Vec<PathBuf> = Vec::new();
    for path in &paths {
        let path_buf = PathBuf::from(path);
        if path_buf.is_dir() {
            let before = walk.files.len();
            walk.folder(&path_buf);
            inputs.extend(walk.files.get(before..).unwrap_or_default().iter().cloned());
        } else {
            inputs.push(path_buf);
        }
    }
    for (path, why) in &walk.skipped {
        eprintln!("gouji: 跳过 {}：{why}", human::printable(&path.display().to_string()));
    }
    let mut status = 0;
    let mut names: Vec<String> = Vec::new();
    let mut checked: Vec<Checked> = Vec::new();
    for path in &inputs {
        let name = path.display().to_string();
        match files::read_file(path) {
            Ok(bytes) => {
                let file_name = Path::new(&name).file_name().and_then(|n| n.to_str());
                // Compared after its text is dropped: its shingles read while checking.
                let mut one = gouji::check_in_batch(&Input { bytes: &bytes, name: file_name });
                if let Some(source) = one.source.as_mut() {
                    source.text = String::new();
                }
                checked.push(one);
                names.push(name);
            }
            Err(message) => {
                status = 2;
                eprintln!("gouji: {}：无法读取：{message}", human::printable(&name));
            }
        }
    }
    gouji::cross::apply(&mut checked);
    let refs: Vec<&Checked> = checked.iter().collect();
    let comparison = gouji::compare::compare(&refs);
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let out = if csv {
        gouji::compare::units_csv(&comparison.years, &name_refs)
    } else {
        text(&comparison, &refs, &name_refs)
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(status)
}

/// The whole comparison as text (Chinese).
pub(crate) fn text(comparison: &Comparison, reports: &[&Checked], names: &[&str]) -> String {
    let mut out = String::new();
    if comparison.series.is_empty() && comparison.years.is_empty() {
        out.push_str(
            "没有可比较的报告：年度对比需要同一单位两个以上年度的报告，单位对比需要同一年度两个以上单位的报告。\n",
        );
        return out;
    }
    for series in &comparison.series {
        let years: Vec<String> = series.reports.iter().map(|(y, _)| y.to_string()).collect();
        let _ = writeln!(
            out,
            "【年度对比】{}：{} 年，共 {} 份",
            human::printable(&series.agency),
            years.join("、"),
            series.reports.len()
        );
        for w in series.reports.windows(2) {
            if w[0].0 + 1 != w[1].0 {
                let _ = writeln!(out, "  {} 年与 {} 年之间缺少报告，不作比较", w[0].0, w[1].0);
            }
        }
        for pair in &series.pairs {
            pair_text(&mut out, pair, reports, names);
        }
        out.push('\n');
    }
    for table in &comparison.years {
        units_text(&mut out, table);
        out.push('\n');
    }
    out
}

fn cell_name(change: &Change) -> String {
    let a = change.addr;
    format!("{}“{}”（{}）", a.table.name(), a.row.short(), a.col.name())
}

fn pair_text(out: &mut String, pair: &YearPair, reports: &[&Checked], names: &[&str]) {
    let file = |k: usize| human::printable(names.get(k).copied().unwrap_or_default()).to_string();
    let _ = writeln!(
        out,
        "\n  {} → {} 年（{} → {}）",
        pair.last_year,
        pair.this_year,
        file(pair.last),
        file(pair.this)
    );
    let links: Vec<&Change> =
        pair.tables.iter().flat_map(|t| &t.cells).filter(|c| c.link.is_some()).collect();
    if !links.is_empty() {
        let broken = links.iter().filter(|c| c.link.as_ref().is_some_and(|l| !l.holds)).count();
        let _ = writeln!(out, "    跨年度勾稽：{} 项，不符 {broken} 项", links.len());
        for change in links {
            let Some(link) = &change.link else { continue };
            if link.holds {
                continue;
            }
            let now = gouji::compare::shown(reports[pair.this], change.addr);
            let _ = writeln!(
                out,
                "      ✗ {}为 {now}；{}",
                cell_name(change),
                gouji::compare::link_text(link)
            );
        }
    }
    if let Some(copied) = pair.copied {
        let mark = if copied >= 800 { "（XY-DUP：可能照抄上年）" } else { "" };
        let _ = writeln!(out, "    正文与上年相同：{}%{mark}", copied / 10);
    }
    if !pair.hints.is_empty() {
        let _ = writeln!(out, "    提示：");
        for hint in &pair.hints {
            let _ = writeln!(out, "      {} {}", hint.rule, hint.message);
        }
    }
    let changed: Vec<&Change> = pair
        .tables
        .iter()
        .flat_map(|t| &t.cells)
        .filter(|c| c.delta.is_some_and(|d| !d.is_zero()))
        .collect();
    let same = pair.tables.iter().flat_map(|t| &t.cells).filter(|c| c.delta.is_some()).count()
        - changed.len();
    if changed.is_empty() && same == 0 {
        let _ = writeln!(out, "    两年的表格格式不同，没有可逐格比较的单元格");
        return;
    }
    let _ = writeln!(out, "    有变化的单元格 {} 个（不变 {same} 个）：", changed.len());
    for change in changed {
        let (Some(before), Some(after)) = (change.before, change.after) else { continue };
        let mark = change.hint.map(|h| format!("  ← {h}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "      {} {before} → {after}  {}{mark}",
            cell_name(change),
            gouji::compare::describe(change)
        );
    }
}

fn units_text(out: &mut String, table: &UnitTable) {
    let _ = writeln!(out, "【单位对比】{} 年：{} 个单位", table.year, table.units.len());
    let mut header = vec!["单位".to_string()];
    header.extend(Figure::ALL.iter().map(|f| f.name().to_string()));
    let mut rows: Vec<Vec<String>> = vec![header];
    let show = |f: Figure, v: Option<i64>, far: bool| {
        let text = v.map_or_else(|| "—".to_string(), |v| f.show(v));
        if far { format!("{text}*") } else { text }
    };
    for unit in &table.units {
        let mut row = vec![human::printable(&unit.agency).to_string()];
        for (i, f) in Figure::ALL.iter().enumerate() {
            row.push(show(*f, unit.values[i], unit.far[i]));
        }
        rows.push(row);
    }
    let mut median = vec!["中位数".to_string()];
    median.extend(Figure::ALL.iter().enumerate().map(|(i, f)| show(*f, table.medians[i], false)));
    rows.push(median);
    let mut total = vec![format!("{} 个单位合计", table.units.len())];
    total.extend(Figure::ALL.iter().enumerate().map(|(i, f)| show(*f, table.totals[i], false)));
    rows.push(total);
    for aggregate in &table.aggregates {
        let mut row = vec![format!("{}（汇总报告）", human::printable(&aggregate.agency))];
        row.extend(
            Figure::ALL.iter().enumerate().map(|(i, f)| show(*f, aggregate.declared[i], false)),
        );
        rows.push(row);
        let mut computed = vec![format!("  其下 {} 个单位合计", aggregate.units)];
        computed.extend(
            Figure::ALL.iter().enumerate().map(|(i, f)| show(*f, aggregate.computed[i], false)),
        );
        rows.push(computed);
    }
    // Columns padded by display width (a CJK character is two columns wide).
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let widths: Vec<usize> =
        (0..rows[0].len()).map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0)).collect();
    for row in &rows {
        let mut line = String::from("  ");
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - width(cell);
            if i == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(
        out,
        "  * 偏离中位数：与中位数相差超过 {} 倍中位数绝对偏差，且至少 10（件或百分点）；有该指标的单位不少于 {} 个时才标出。",
        gouji::compare::FAR_MADS,
        gouji::compare::FAR_UNITS
    );
}
