//! The `gouji` binary: the JSON contract, exit codes, standard input, folders.

use std::io::Write;
use std::process::{Command, Stdio};

fn fixture(relative: &str) -> String {
    format!("{}/../tests/fixtures/{relative}", env!("CARGO_MANIFEST_DIR"))
}

fn gouji(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gouji runs");
    if let Some(bytes) = stdin {
        child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().expect("gouji finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

#[test]
fn json_follows_the_contract() {
    let (code, stdout, _) =
        gouji(&["check", "--json", &fixture("reports/pdf-text/hzq2023_working.layout.txt")], None);
    assert_eq!(code, 1, "an error-severity finding exits 1");
    let objects = json_lines(&stdout);
    assert_eq!(objects.len(), 1);
    let report = &objects[0];
    assert_eq!(report["template"], "2021");
    assert_eq!(report["year"], 2023);
    assert!(report["file"].as_str().unwrap_or_default().ends_with("hzq2023_working.layout.txt"));
    assert_eq!(report["cells"]["t4/RV/keep"], 10);
    assert_eq!(report["cells"]["t4/RV/tot"], 0);
    assert_eq!(report["cells"]["t3/R3.6/NP"], 0, "the 2019 layout's single 其他处理 row");
    let findings = report["findings"].as_array().expect("findings");
    let rv = findings.iter().find(|f| f["rule"] == "T4-RV").expect("T4-RV");
    assert_eq!(rv["severity"], "error");
    assert_eq!(rv["cells"][0], "t4/RV/tot");
    assert_eq!((rv["expected"].as_i64(), rv["found"].as_i64()), (Some(11), Some(0)));
    assert!(rv["message"].as_str().is_some_and(|m| m.contains("行政复议")));
    assert!(rv["hint"].as_str().is_some());
    for finding in findings {
        assert!(
            ["error", "warning", "info"]
                .contains(&finding["severity"].as_str().unwrap_or_default())
        );
    }
}

#[test]
fn blank_cells_are_null_and_amounts_are_numbers() {
    let (code, stdout, _) =
        gouji(&["check", "--json", &fixture("reports/corpus/kewei-2024-source.md")], None);
    assert_eq!(code, 1);
    let report = &json_lines(&stdout)[0];
    assert!(report["cells"]["t3/R4/TOT"].is_null());
    assert_eq!(report["cells"]["t3/R4/NP"], 1);
    let (_, stdout, _) = gouji(
        &[
            "check",
            "--json",
            &fixture(
                "reports/corpus/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt",
            ),
        ],
        None,
    );
    assert_eq!(json_lines(&stdout)[0]["cells"]["t2/FEE/n"].as_f64(), Some(4068.208));
}

#[test]
fn exit_status_per_the_contract() {
    let clean = fixture("reports/seed/zhangdian-yingji-2023.txt");
    let broken = fixture("reports/pdf-text/hzq2023_working.layout.txt");
    let binary = fixture("rules/INPUT-UNREADABLE/invalid-pdf-file.pdf");
    assert_eq!(gouji(&["check", &clean], None).0, 0);
    assert_eq!(gouji(&["check", &clean, &broken], None).0, 1);
    // An unreadable input exits 2, and the others are still checked and printed.
    let (code, stdout, _) =
        gouji(&["check", "--json", &clean, &binary, "/no/such/file.txt", &broken], None);
    assert_eq!(code, 2);
    let objects = json_lines(&stdout);
    assert_eq!(objects.len(), 4);
    assert!(objects[1]["error"].as_str().is_some_and(|e| e.contains("PDF")));
    assert!(objects[2]["error"].is_string());
    assert!(objects[3]["findings"].as_array().is_some_and(|f| f.len() >= 2));
}

#[test]
fn standard_input_and_folders() {
    let (code, stdout, _) = gouji(&["check", "--json", "-"], Some(gouji_sample().as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(json_lines(&stdout)[0]["file"], "-");
    let (code, stdout, _) = gouji(&["check", "--json", &fixture("reports/pdf-text")], None);
    assert_eq!(code, 1);
    assert_eq!(json_lines(&stdout).len(), 6);
}

#[test]
fn human_output_is_chinese_and_names_the_culprit() {
    let (code, stdout, _) =
        gouji(&["check", "--color=never", &fixture("reports/corpus/kewei-2024-source.md")], None);
    assert_eq!(code, 1);
    assert!(stdout.contains("表三 2 项勾稽不成立"), "{stdout}");
    assert!(stdout.contains("把“总计·结转下年度”由 空白 改为 1"), "{stdout}");
    assert!(!stdout.contains("\u{1b}["), "no colour when asked");
    let (code, stdout, _) = gouji(&["sample", "--color=never"], None);
    assert_eq!(code, 0);
    assert!(stdout.contains("✔ 通过：全部勾稽关系成立"), "{stdout}");
}

#[test]
fn rules_are_documented_from_the_registry() {
    let (code, stdout, _) = gouji(&["rule", "T3-BAL-NP"], None);
    assert_eq!(code, 0);
    assert!(stdout.contains("## 检查内容") && stdout.contains("第一项加第二项之和"), "{stdout}");
    let (code, _, stderr) = gouji(&["check", "--bogus"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown option"));
}

fn gouji_sample() -> String {
    gouji(&["sample", "--text"], None).1
}

#[test]
fn decisions_next_to_the_report_are_applied() {
    let dir = std::env::temp_dir().join(format!("gouji-decisions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let report = dir.join("kewei.md");
    std::fs::copy(fixture("reports/corpus/kewei-2024-source.md"), &report).expect("copy");
    let report = report.to_str().expect("utf-8 path");
    let (_, stdout, _) = gouji(&["check", "--json", report], None);
    let first = &json_lines(&stdout)[0]["findings"][0];
    let fingerprint = first["fingerprint"].as_str().expect("every finding has a fingerprint");
    assert!(first["decision"].is_null());
    let sidecar = format!(
        "{{\"format\": \"gouji-decisions/1\", \"decisions\": [\
         {{\"fingerprint\": \"{fingerprint}\", \"status\": \"verified\", \"reason\": \"已与单位核实\"}},\
         {{\"fingerprint\": \"0000000000000000\", \"status\": \"ignored\", \"reason\": \"旧记录\"}}]}}"
    );
    std::fs::write(format!("{report}.gouji.json"), sidecar).expect("write sidecar");
    let (code, stdout, _) = gouji(&["check", "--json", report], None);
    assert_eq!(code, 1, "decisions do not change the exit status");
    let object = &json_lines(&stdout)[0];
    assert_eq!(object["findings"][0]["decision"]["status"], "verified");
    assert_eq!(object["findings"][0]["decision"]["reason"], "已与单位核实");
    assert_eq!(object["stale_decisions"][0]["fingerprint"], "0000000000000000");
    let (_, stdout, _) = gouji(&["check", "--color=never", report], None);
    assert!(stdout.contains("〔已核实：已与单位核实〕"), "{stdout}");
    assert!(stdout.contains("1 条记录已不适用"), "{stdout}");
    std::fs::write(format!("{report}.gouji.json"), "{ not json").expect("write sidecar");
    let (code, _, stderr) = gouji(&["check", report], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("不是有效的 JSON"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reports_checked_together_get_the_rules_across_reports() {
    let (_, stdout, _) = gouji(
        &[
            "check",
            "--json",
            &fixture("reports/corpus/2016_平潭综合实验区_80485_page.txt"),
            &fixture("reports/corpus/2017_平潭综合实验区_80506_page.txt"),
        ],
        None,
    );
    let objects = json_lines(&stdout);
    assert_eq!(objects[1]["template"], "pre2019");
    assert_eq!(objects[1]["cells"]["p/ACT/cum"], 10037);
    let rules: Vec<&str> = objects[1]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"PRE-CHAIN-ACT"), "{rules:?}");
    assert!(objects[1]["coverage"]["p"]["passed"].is_number());
    // Alone, the 2017 report has no year before it to chain to.
    let (_, stdout, _) = gouji(
        &["check", "--json", &fixture("reports/corpus/2017_平潭综合实验区_80506_page.txt")],
        None,
    );
    assert!(!stdout.contains("PRE-CHAIN"));
}

#[test]
fn csv_opens_in_excel_and_wps() {
    let (code, stdout, _) = gouji(
        &[
            "check",
            "--csv",
            &fixture("reports/corpus/kewei-2024-source.md"),
            &fixture("reports/seed/zhangdian-yingji-2023.txt"),
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("\u{FEFF}文件,单位,年度,结论,严重程度,表,行,列,现值,应为,说明"),
        "UTF-8 with BOM and a header"
    );
    let lines: Vec<&str> = stdout.split("\r\n").filter(|l| !l.is_empty()).collect();
    let (_, json, _) = gouji(
        &[
            "check",
            "--json",
            &fixture("reports/corpus/kewei-2024-source.md"),
            &fixture("reports/seed/zhangdian-yingji-2023.txt"),
        ],
        None,
    );
    let findings: usize =
        json_lines(&json).iter().map(|o| o["findings"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(lines.len(), 1 + findings, "one line per finding");
    // A clerk reads the cell in words, its value now and what it should be.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("上海市科委") && l.contains(",表三,结转下年度,总计,空白,1,")),
        "{stdout}"
    );
    let (code, _, stderr) = gouji(&["check", "--csv", "--json", "x"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be used together"));
}

#[test]
fn text_prints_what_was_read_from_a_pdf_and_names_what_was_not() {
    let pdf = fixture("reports/pdf/shuyang-fgj-2023.chromium.pdf");
    let (code, stdout, stderr) = gouji(&["text", &pdf, "/nonexistent/报告.pdf"], None);
    assert_eq!(code, 2, "{stderr}");
    // The table read by its cells: a row with its blank cells as empty fields.
    assert!(stdout.contains("一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26"), "{stdout}");
    assert!(stderr.contains("/nonexistent/报告.pdf: 无法打开文件"), "{stderr}");
    let (code, stdout, _) = gouji(&["text", "-"], Some("第一行".as_bytes()));
    assert_eq!((code, stdout.as_str()), (0, "第一行\n"));
}

#[test]
fn fix_writes_back_only_unique_corrections() {
    let dir = std::env::temp_dir().join(format!("gouji-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let seed =
        std::fs::read_to_string(fixture("reports/seed/zhangdian-yingji-2023.txt")).expect("seed");
    // 自然人·（七）总计 1 → 2: one unique correction gives the seed back, byte for byte.
    let broken = dir.join("报告.txt");
    std::fs::write(&broken, seed.replacen("(七)總計(jì) |\n1 |", "(七)總計(jì) |\n2 |", 1))
        .expect("write");
    let out = dir.join("out.txt");
    let (code, stdout, stderr) =
        gouji(&["fix", broken.to_str().unwrap(), "-o", out.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("把“自然人·（七）总计”由 2 改为 1"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&out).expect("written"), seed);
    // Without -o, next to it.
    let (code, _, _) = gouji(&["fix", broken.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(dir.join("报告.更正.txt")).expect("written"), seed);
    // Nothing to correct: exit 0, nothing written.
    let clean = dir.join("clean.txt");
    std::fs::write(&clean, &seed).expect("write");
    let (code, stdout, _) = gouji(&["fix", clean.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert!(stdout.contains("没有需要更正的错误") && !dir.join("clean.更正.txt").exists());
    // 复议后起诉 5 0 0 0 | 0: two corrections are possible; refused, nothing written.
    let hzq = fixture("reports/pdf-text/hzq2023_working.layout.txt");
    let target = dir.join("hzq.txt");
    let (code, stdout, _) = gouji(&["fix", &hzq, "-o", target.to_str().unwrap()], None);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("没有唯一的更正") && !target.exists(), "{stdout}");
    // Unreadable: exit 2.
    let (code, _, _) = gouji(&["fix", "/nonexistent/报告.txt"], None);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `gouji` with standard input from `stdin`, killing it (by its id) if it has not ended
/// after a minute: a hang fails the test instead of blocking it.
fn gouji_within_a_minute(args: &[&str], stdin: Stdio) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gouji runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_mins(1) {
            let _ = child.kill();
            panic!("gouji {args:?} did not end within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("gouji finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gouji-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
#[cfg(unix)]
fn special_files_and_link_loops_are_walked_once_and_said() {
    use std::os::unix::fs::symlink;
    let dir = scratch("walk");
    let report = std::fs::read(fixture("reports/seed/zhangdian-yingji-2023.txt")).expect("seed");
    std::fs::create_dir_all(dir.join("sub")).expect("sub");
    std::fs::write(dir.join("a.txt"), &report).expect("a");
    let other = std::fs::read(fixture("reports/corpus/kewei-2024-source.md")).expect("kewei");
    std::fs::write(dir.join("sub/b.md"), other).expect("b");
    // Two links to `.` (the walk was exponential), a loop through `sub`, a link to a report
    // (the same file twice: it was called a copy of itself), a named pipe (blocked forever).
    symlink(".", dir.join("self1")).expect("link");
    symlink(".", dir.join("self2")).expect("link");
    symlink("..", dir.join("sub/up")).expect("link");
    symlink("a.txt", dir.join("again.txt")).expect("link");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let (_, stdout, stderr) =
        gouji_within_a_minute(&["check", "--json", dir.to_str().expect("path")], Stdio::null());
    let files: Vec<String> = json_lines(&stdout)
        .iter()
        .map(|o| o["file"].as_str().unwrap_or_default().to_string())
        .collect();
    // Each regular file once: the work is bounded by the files there are.
    assert_eq!(files.len(), 2, "{files:?}\n{stderr}");
    assert!(files[0].ends_with("a.txt") && files[1].ends_with("b.md"), "{files:?}");
    assert!(!stdout.contains("XY-DUP"), "a report is not a copy of itself");
    assert!(stderr.contains("self1：指向文件夹的符号链接，不跟随"), "{stderr}");
    assert!(stderr.contains("up：指向文件夹的符号链接，不跟随"), "{stderr}");
    assert!(stderr.contains("again.txt：与已检查的文件是同一个文件"), "{stderr}");
    if made {
        assert!(stderr.contains("pipe.txt：不是普通文件"), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[cfg(unix)]
fn endless_files_and_standard_input_are_read_to_the_limit() {
    // `/dev/zero` reports no size: 18 GB were read. Now the limit and one byte, then a message.
    for (args, stdin) in [
        (vec!["check", "/dev/zero"], Stdio::null()),
        (vec!["check", "-"], Stdio::from(std::fs::File::open("/dev/zero").expect("zero"))),
        (vec!["text", "/dev/zero"], Stdio::null()),
    ] {
        let (code, stdout, stderr) = gouji_within_a_minute(&args, stdin);
        assert_eq!(code, 2, "{args:?}");
        assert!(format!("{stdout}{stderr}").contains("文件过大"), "{args:?}: {stdout}{stderr}");
    }
}

#[test]
fn escape_sequences_from_a_report_are_shown_not_sent() {
    let dir = scratch("escapes");
    let seed =
        std::fs::read_to_string(fixture("reports/seed/zhangdian-yingji-2023.txt")).expect("seed");
    // A title that would clear the screen and retitle the window, in a file whose name does too.
    let hostile = format!("\u{1b}[2J\u{1b}]0;pwned\u{7}{seed}");
    let name = dir.join("report\u{1b}[31m.txt");
    std::fs::write(&name, hostile).expect("write");
    let (_, stdout, stderr) = gouji(&["check", "--color=never", dir.to_str().expect("path")], None);
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'), "{stdout:?}");
    assert!(!stdout.contains('\u{7}'), "{stdout:?}");
    assert!(stdout.contains("report␛[31m.txt"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The repository's root (the golden files name inputs relative to it).
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn gouji_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("gouji runs");
    String::from_utf8(out.stdout).expect("the JSON is UTF-8")
}

/// Compares `actual` with `tests/golden/NAME` byte for byte; `GOUJI_BLESS=1` writes it.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("GOUJI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("golden folder");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("golden file (GOUJI_BLESS=1 writes it)");
    let (expected, actual): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    assert_eq!(expected.len(), actual.len(), "{name}: number of lines");
    for (k, (e, a)) in expected.iter().zip(&actual).enumerate() {
        assert!(e == a, "{name}, line {}: the JSON differs\nwas: {e}\nnow: {a}", k + 1);
    }
}

/// The JSON `gouji check --json` writes, byte for byte, over every report of the repository's
/// fixtures (the corpus's texts, pages, PDFs and other encodings, the rule fixtures, checked
/// together so that the rules across reports run), with decisions (matching and stale),
/// unreadable inputs and file names that need escaping. The golden files were written by the
/// hand-written JSON writer before serde replaced it (issue 12); `GOUJI_BLESS=1 cargo test -p
/// gouji-cli --test cli golden` rewrites them when the engine's findings change on purpose.
#[test]
fn json_is_byte_identical_to_the_golden_files() {
    let root = root();
    golden(
        "reports.jsonl",
        &gouji_in(&root, &["check", "--json", "tests/fixtures/reports", "tests/fixtures/truth"]),
    );
    golden("rules.jsonl", &gouji_in(&root, &["check", "--json", "tests/fixtures/rules"]));

    // Decisions: one that applies (its reason with quotes, a line break and a tab), one stale.
    let dir = scratch("golden");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let hzq = "hzq2023.txt";
    std::fs::copy(fixture("reports/pdf-text/hzq2023_working.layout.txt"), dir.join(hzq))
        .expect("copy");
    let first = gouji_in(&dir, &["check", "--json", hzq]);
    let fingerprint = json_lines(&first)[0]["findings"][0]["fingerprint"]
        .as_str()
        .expect("a fingerprint")
        .to_string();
    std::fs::write(
        dir.join(format!("{hzq}.gouji.json")),
        format!(
            "{{\"format\": \"gouji-decisions/1\", \"agency\": null, \"year\": 2023, \"decisions\": [\
             {{\"fingerprint\": \"{fingerprint}\", \"status\": \"verified\", \"reason\": \"已与单位核实：\\\"原表\\\"\\n\\t无误\", \"decided_at\": \"2027-01-20\"}},\
             {{\"fingerprint\": \"0000000000000000\", \"rule\": \"T3-OUT-NP\", \"status\": \"ignored\", \"reason\": \"旧记录\\u2028\"}}]}}"
        ),
    )
    .expect("decisions");
    // File names that need escaping, standard input, a file that is not there.
    let odd = "引号\"反斜杠\\制表\t响铃\u{7}分隔\u{2028}.txt";
    std::fs::copy(fixture("reports/seed/zhangdian-yingji-2023.txt"), dir.join(odd)).expect("copy");
    let mut stdin = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--json", hzq, odd, "-", "不存在.txt"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gouji runs");
    stdin
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            std::fs::read_to_string(fixture("reports/seed/zhangdian-yingji-2023.txt"))
                .expect("seed")
                .replacen('\n', "\u{8}\u{c}\u{1b}[2J\u{2028}\u{2029}\n", 1)
                .replacen("人民政府", "人民\u{1}政府", 1)
                .as_bytes(),
        )
        .expect("write stdin");
    let out = stdin.wait_with_output().expect("gouji finishes");
    golden("decisions-and-odd-inputs.jsonl", &String::from_utf8(out.stdout).expect("UTF-8"));
    let _ = std::fs::remove_dir_all(&dir);
}
