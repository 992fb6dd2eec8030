//! `gouji`: check 政府信息公开工作年度报告 files from the command line.
//!
//! The only crate that touches files, arguments, exit codes and JSON; the checking itself is
//! `gouji::check`. One unreadable file is reported and the others are still checked.

// The command line does not ship to the page: the standard sorts are fine here.
#![allow(clippy::disallowed_methods)]

mod compare;
mod files;
mod fix;
mod human;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gouji::{Input, Severity, check, rules};

const USAGE: &str = "gouji — 政府信息公开工作年度报告 勾稽检查

用法：
  gouji check [--json | --csv] [--color=auto|always|never] [--decisions 文件] 路径...
        检查报告（.txt/.md/.html/.docx/.pdf；文本可为 UTF-8、GBK 或 UTF-16）；路径为 - 时读标准输入；
        路径为文件夹时检查其中所有 .txt/.md/.htm/.html/.docx/.pdf 文件。
        --json 每份报告输出一行 JSON（格式见 spec/CONTRACT.md）。
        --csv  输出全部问题的 CSV（UTF-8 带 BOM，Excel/WPS 可直接打开），与网页导出的相同。
        一次检查多份报告时，同时做跨报告检查（上年结转、现行有效件数、正文雷同、历年累计）。
        报告旁的“报告文件名.gouji.json”（网页“导出核对记录”保存的文件）会自动读取，
        其中标为“已核实”“忽略”的问题照常列出并注明；--decisions 指定另一个核对记录文件。
  gouji fix 文件 [-o 输出文件]
        只应用唯一的更正（每处错误都只有一种改法），把数字在原处替换后写出更正后的文件
        （默认为“文件名.更正.扩展名”），并列出改动；有错误没有唯一更正时不写文件，退出码 1。
  gouji compare [--csv] 路径...
        比较多份报告：同一单位相邻两个年度的表二、表三、表四逐格对比（变化、跨年度勾稽、提示），
        同一年度各单位的主要指标对比（中位数、偏离中位数的单位、合计）；--csv 输出单位对比表。
  gouji text 路径            输出从文件读出的文字（PDF、Word、网页、GBK 文本等），即检查所依据的原文
  gouji sample [--json]     检查内置的示例报告
  gouji sample --text       输出内置示例报告的原文
  gouji rule [规则编号]      列出全部规则，或显示一条规则的说明
  gouji --version

退出码：0 无错误；1 至少一份报告有错误；2 至少一个输入无法读取。";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "gouji: {}\n\n{USAGE}", human::printable(&message));
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    let Some(command) = args.first() else {
        println!("{USAGE}");
        return Ok(0);
    };
    let rest = &args[1..];
    match command.as_str() {
        "check" => check_command(rest),
        "text" => text_command(rest),
        "fix" => fix::fix_command(rest, &files::read_file),
        "compare" => compare::compare_command(rest),
        "sample" => sample_command(rest),
        "rule" | "rules" => rule_command(rest),
        "--version" | "-V" => {
            println!("gouji {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command `{other}`")),
    }
}

struct Options {
    json: bool,
    csv: bool,
    color: bool,
    decisions: Option<String>,
    paths: Vec<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut json = false;
    let mut csv = false;
    let mut color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut paths = Vec::new();
    let mut decisions = None;
    let mut only_paths = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if only_paths => paths.push(arg.clone()),
            "--decisions" => {
                decisions = Some(args.next().ok_or("--decisions needs a file")?.clone());
            }
            flag if flag.starts_with("--decisions=") => {
                decisions = Some(flag["--decisions=".len()..].to_string());
            }
            "--" => only_paths = true,
            "--json" => json = true,
            "--csv" => csv = true,
            "--color=always" => color = true,
            "--color=never" => color = false,
            "--color=auto" => {}
            "-" => paths.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => paths.push(arg.clone()),
        }
    }
    if json && csv {
        return Err("--json and --csv cannot be used together".to_string());
    }
    Ok(Options { json, csv, color, decisions, paths })
}

/// Where one input comes from.
enum Origin {
    Stdin,
    File(PathBuf),
    /// A folder with no report file in it.
    Empty,
}

fn check_command(args: &[String]) -> Result<u8, String> {
    let options = parse_options(args)?;
    if options.paths.is_empty() {
        return Err("check needs at least one path (or - for standard input)".to_string());
    }
    let mut inputs: Vec<(String, Origin)> = Vec::new();
    let mut walk = files::Walk::default();
    for path in &options.paths {
        if path == "-" {
            inputs.push(("-".to_string(), Origin::Stdin));
            continue;
        }
        let path_buf = PathBuf::from(path);
        if path_buf.is_dir() {
            let before = walk.files.len();
            walk.folder(&path_buf);
            if walk.files.len() == before {
                inputs.push((path.clone(), Origin::Empty));
            }
            for file in walk.files.get(before..).unwrap_or_default() {
                inputs.push((file.display().to_string(), Origin::File(file.clone())));
            }
        } else {
            inputs.push((path.clone(), Origin::File(path_buf)));
        }
    }
    for (path, why) in &walk.skipped {
        let _ = writeln!(
            std::io::stderr(),
            "gouji: 跳过 {}：{why}",
            human::printable(&path.display().to_string())
        );
    }
    let given = match &options.decisions {
        Some(path) => Some(read_decisions(Path::new(path))?),
        None => None,
    };
    // Check everything first: rules across reports (PRE-CHAIN) need them all. Each input's
    // bytes and decoded text are dropped as soon as it is checked: the rules across reports
    // read the report the engine made, which stays small.
    let mut checked: Vec<gouji::Checked> = Vec::new();
    let mut slots: Vec<Result<usize, String>> = Vec::new();
    for result in check_all(&inputs) {
        match result {
            Ok(one) => {
                checked.push(one);
                slots.push(Ok(checked.len() - 1));
            }
            Err(message) => slots.push(Err(message)),
        }
    }
    if checked.len() > 1 {
        gouji::cross::apply(&mut checked);
    }
    let style = human::Style { color: options.color };
    let mut status = 0u8;
    // First, in order, each input's decisions (its sidecar read here, its problems said on
    // standard error in input order) and the exit status.
    let mut outcomes: Vec<Result<(usize, gouji::review::Decisions), String>> = Vec::new();
    for ((name, _), slot) in inputs.iter().zip(slots) {
        let k = match slot {
            Ok(k) => k,
            Err(message) => {
                status = 2;
                outcomes.push(Err(message));
                continue;
            }
        };
        let mut decisions = given.clone().unwrap_or_default();
        if name != "-" {
            let sidecar = PathBuf::from(format!("{name}.gouji.json"));
            if sidecar.is_file() {
                match read_decisions(&sidecar) {
                    Ok(found) => {
                        decisions.merge(found);
                    }
                    Err(message) => {
                        status = 2;
                        let _ =
                            writeln!(std::io::stderr(), "gouji: {}", human::printable(&message));
                    }
                }
            }
        }
        let one = &checked[k];
        if one.unreadable.is_some() {
            status = 2;
        } else if one.count(Severity::Error) > 0 && status == 0 {
            status = 1;
        }
        outcomes.push(Ok((k, decisions)));
    }
    let mut stdout = std::io::stdout().lock();
    if options.json {
        // The JSON lines are made on the checking threads (a third of a batch's work after the
        // checks when it ran on this one), a part of the batch at a time so that the lines
        // waiting to be written stay few, and written here in input order.
        let named: Vec<_> = inputs.iter().map(|(name, _)| name.as_str()).zip(&outcomes).collect();
        for part in named.chunks(JSON_PART) {
            let lines = in_parallel(part, |&(name, outcome)| match outcome {
                Ok((k, decisions)) => gouji::export::json(&gouji::export::Entry {
                    file: name,
                    checked: &checked[*k],
                    decisions,
                }),
                Err(message) => gouji::export::json_io_error(name, message),
            });
            for line in lines {
                if writeln!(stdout, "{line}").is_err() {
                    // Output closed (e.g. piped into `head`): stop quietly.
                    return Ok(status);
                }
            }
        }
        return Ok(status);
    }
    let mut csv_rows: Vec<(&str, usize, &gouji::review::Decisions)> = Vec::new();
    for (index, ((name, _), outcome)) in inputs.iter().zip(&outcomes).enumerate() {
        let written = match outcome {
            Err(message) => {
                let shown = human::printable(name);
                if options.csv {
                    let _ = writeln!(std::io::stderr(), "gouji: {shown}：无法读取：{message}");
                    Ok(())
                } else {
                    writeln!(stdout, "{shown}\n  无法读取：{message}\n")
                }
            }
            Ok((k, decisions)) => {
                if options.csv {
                    csv_rows.push((name, *k, decisions));
                    Ok(())
                } else {
                    let separator = if index + 1 < inputs.len() { "\n" } else { "" };
                    let report = human::report(name, &checked[*k], decisions, &style);
                    write!(stdout, "{report}{separator}")
                }
            }
        };
        if written.is_err() {
            // Output closed (e.g. piped into `head`): stop quietly.
            return Ok(status);
        }
    }
    if options.csv {
        let entries: Vec<gouji::export::Entry<'_>> = csv_rows
            .iter()
            .map(|(name, k, decisions)| gouji::export::Entry {
                file: name,
                checked: &checked[*k],
                decisions,
            })
            .collect();
        let _ = stdout.write_all(gouji::export::csv(&entries).as_bytes());
    }
    Ok(status)
}

/// Inputs larger than this are checked one at a time, whatever the threads: two of them at
/// once would hold twice the memory a large input takes (README, Reliability).
const LARGE_INPUT: usize = 4 << 20;

/// Reads and checks one input (its bytes and text dropped once checked), holding `large`
/// while a large input is checked.
fn read_and_check(
    name: &str,
    origin: &Origin,
    large: &std::sync::Mutex<()>,
    batch: bool,
) -> Result<gouji::Checked, String> {
    let read = match origin {
        Origin::Stdin => files::read_stdin(),
        Origin::File(path) => {
            // A file known to be large waits for its turn before it is read.
            let big = std::fs::metadata(path).is_ok_and(|m| m.len() > LARGE_INPUT as u64);
            let _turn =
                big.then(|| large.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
            return files::read_file(path).map(|bytes| check_bytes(name, bytes, large, big, batch));
        }
        Origin::Empty => Err("文件夹中没有 .txt/.md/.htm/.html/.docx/.pdf 文件".to_string()),
    };
    read.map(|bytes| check_bytes(name, bytes, large, false, batch))
}

fn check_bytes(
    name: &str,
    bytes: Vec<u8>,
    large: &std::sync::Mutex<()>,
    has_turn: bool,
    batch: bool,
) -> gouji::Checked {
    // What turned out large only when read (a pipe, a growing file) waits for its turn now.
    let _turn = (!has_turn && bytes.len() > LARGE_INPUT)
        .then(|| large.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let file_name = Path::new(name).file_name().and_then(|n| n.to_str());
    let input = Input { bytes: &bytes, name: file_name };
    // Several inputs are compared (XY-DUP) after their text is dropped: their shingles are
    // read now, on this thread.
    let mut one = if batch { gouji::check_in_batch(&input) } else { check(&input) };
    drop(bytes);
    slim(&mut one);
    one
}

/// How many threads check inputs: `GOUJI_THREADS`, or 2 (this is what the machine the figures
/// in the README come from has; more threads hold more inputs in memory at once).
fn threads() -> usize {
    std::env::var("GOUJI_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(2)
        .clamp(1, 64)
}

/// Every input read and checked, in the order given, on [`threads`] threads: the results are
/// exactly those of checking them one after the other (each check is independent; the rules
/// across reports run afterwards, in order). Standard input is read on one thread, in order.
fn check_all(inputs: &[(String, Origin)]) -> Vec<Result<gouji::Checked, String>> {
    let large = std::sync::Mutex::new(());
    let threads = threads().min(inputs.len());
    let batch = inputs.len() > 1;
    if threads <= 1 || inputs.iter().any(|(_, origin)| matches!(origin, Origin::Stdin)) {
        return inputs
            .iter()
            .map(|(name, origin)| read_and_check(name, origin, &large, batch))
            .collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<gouji::Checked, String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((name, origin)) = inputs.get(k) else { break };
                        done.push((k, read_and_check(name, origin, &large, batch)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    results.sort_by_key(|(k, _)| *k);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Reports whose JSON lines are made before they are written.
const JSON_PART: usize = 256;

/// `make` of every item, on [`threads`] threads, in the items' order.
fn in_parallel<T: Sync>(items: &[T], make: impl Fn(&T) -> String + Sync) -> Vec<String> {
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(&make).collect();
    }
    // Contiguous shares, one per thread: each thread's lines come back in order.
    let share = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(share)
            .map(|chunk| scope.spawn(|| chunk.iter().map(&make).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// Drops what neither the output nor the rules across reports read: the decoded text (as
/// large as the input). The rest of a `Checked` is small (bounded tables, findings, checks, at
/// most 10 000 narrative facts and 200 000 shingles).
fn slim(checked: &mut gouji::Checked) {
    if let Some(source) = checked.source.as_mut() {
        source.text = String::new();
    }
}

/// A decisions file (`gouji-decisions/1`), or what is wrong with it.
fn read_decisions(path: &Path) -> Result<gouji::review::Decisions, String> {
    let bytes = files::read_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}：核对记录文件应为 UTF-8 编码的 JSON", path.display()))?;
    gouji::review::Decisions::from_json(&text)
        .map_err(|e| format!("{}：{}", path.display(), e.message()))
}

/// Prints the text read from each file: what the checks (and every cell's position) rest on.
fn text_command(args: &[String]) -> Result<u8, String> {
    if args.is_empty() {
        return Err("`gouji text` 需要文件路径".to_string());
    }
    let mut code = 0;
    let terminal = std::io::stdout().is_terminal();
    for path in args {
        let read =
            if path == "-" { files::read_stdin() } else { files::read_file(Path::new(path)) };
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(message) => {
                eprintln!("{}: {message}", human::printable(path));
                code = 2;
                continue;
            }
        };
        match gouji::input::read(&bytes, Some(path)) {
            Ok(source) => {
                // The text as read, byte for byte, into a file or a pipe; on a terminal, its
                // control characters (escape sequences) are shown, not obeyed.
                let text = if terminal {
                    human::printable_text(&source.text)
                } else {
                    std::borrow::Cow::Borrowed(source.text.as_str())
                };
                print!("{text}");
                if !text.ends_with('\n') {
                    println!();
                }
            }
            Err(why) => {
                eprintln!("{}: {}", human::printable(path), why.message());
                code = 2;
            }
        }
    }
    Ok(code)
}

fn sample_command(args: &[String]) -> Result<u8, String> {
    if args.iter().any(|a| a == "--text") {
        print!("{}", gouji::SAMPLE_REPORT);
        return Ok(0);
    }
    let options = parse_options(args)?;
    let checked = check(&Input::text(gouji::SAMPLE_REPORT));
    let name = "示例：张店区应急管理局2023年报";
    let decisions = gouji::review::Decisions::default();
    if options.json {
        println!(
            "{}",
            gouji::export::json(&gouji::export::Entry {
                file: name,
                checked: &checked,
                decisions: &decisions
            })
        );
    } else {
        print!(
            "{}",
            human::report(name, &checked, &decisions, &human::Style { color: options.color })
        );
    }
    Ok(u8::from(checked.count(Severity::Error) > 0))
}

fn rule_command(args: &[String]) -> Result<u8, String> {
    match args.first() {
        None => {
            for rule in rules::RULES {
                println!("{:<18} {:<5} {}", rule.id, rule.severity.name(), rule.title);
            }
            Ok(0)
        }
        Some(id) => {
            let rule = rules::rule(id).ok_or_else(|| format!("no rule `{id}`"))?;
            println!(
                "{}（{}，{}）\n{}\n\n{}",
                rule.id,
                rule.name,
                rule.severity.name(),
                rule.title,
                rule.doc
            );
            Ok(0)
        }
    }
}
