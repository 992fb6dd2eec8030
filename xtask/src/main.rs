//! Project tasks, with nothing but cargo and the tools `tools/setup` installs.
//!
//! * `cargo xtask ready`: every check CI runs (format, the generated files written again and
//!   unchanged, clippy, all Rust tests, the hostile tests again under a 2 GB address-space
//!   limit, the release page build, the browser tests).
//! * `cargo xtask hostile`: only the hostile tests, under that limit.
//! * `cargo xtask web`: build the release page (`dist/index.html`, `dist/gouji.html`) and the
//!   JavaScript API (`dist/gouji.js`, `gouji_bg.wasm`, `gouji.d.ts`, `gouji.inline.js`, the
//!   example `dist/embed/`).
//! * `cargo xtask serve [PORT]`: build the page and serve `dist/` on 127.0.0.1.
//! * `cargo xtask docs`: write `docs/rules.md` and `src/rules/examples.rs` from the registry
//!   and the rule fixtures (a test fails when they are stale).
//! * `cargo xtask bench`: the engine's time per stage on the seed and the corpus, its scaling
//!   to 50 MB, the rules across reports, and the command line's reports per second (release
//!   build; `cli/benches/engine.rs`).
//! * `cargo xtask fuzz [--seconds N] [TARGET...]`: run every fuzz target of `fuzz/` (or the
//!   ones named) for N seconds each (default 60), one after the other, seeded from
//!   `fuzz/seeds/<target>/`; prints runs and crashes per target (needs `cargo install
//!   cargo-fuzz`).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ready") => ready(),
        Some("web") => web(),
        Some("serve") => {
            web().and_then(|()| serve(args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8080)))
        }
        Some("docs") => docs(),
        Some("hostile") => hostile(),
        Some("bench") => run("cargo", &["bench", "-p", "gouji-cli", "--bench", "engine"]),
        Some("fuzz") => fuzz(&args[1..]),
        _ => Err(
            "usage: cargo xtask ready | web | serve [PORT] | docs | hostile | bench | fuzz [--seconds N] [TARGET...]"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// PATH with the project's npm tools (wasm-opt for trunk) and cargo's bin first.
fn tool_path() -> String {
    let root = root();
    let cargo_bin = std::env::var("CARGO_HOME").map_or_else(
        |_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo/bin"),
        |home| PathBuf::from(home).join("bin"),
    );
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", root.join("e2e/node_modules/.bin").display(), cargo_bin.display())
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let line = format!("{program} {}", args.join(" "));
    eprintln!("\n== {line}");
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .env("PATH", tool_path())
        .status()
        .map_err(|e| format!("`{line}` could not start ({e}); run tools/setup first"))?;
    if status.success() { Ok(()) } else { Err(format!("`{line}` failed")) }
}

fn ready() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--check"])?;
    generated()?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    run("cargo", &["test", "--workspace"])?;
    hostile()?;
    web()?;
    run("node", &["--test", "e2e/"])?;
    Ok(())
}

/// Tests of hostile input (`tests/check/bounds.rs`, `robustness.rs`, the hostile PDF and Word
/// files, the CLI's special files), whose bounds are asserted in the tests themselves.
const HOSTILE_TESTS: &[&str] = &[
    "bounds::",
    "robustness::",
    "hostile_pdfs",
    "huge_resource",
    "ruled_by_thousands",
    "flate_bomb",
    "million_times",
    "cannot_multiply",
    "bomb_docx",
    "truncated_pdf",
];
const HOSTILE_CLI_TESTS: &[&str] =
    &["endless_files", "endless_reader", "special_files", "escape_sequences", "control_characters"];

/// The hostile tests again, built first, then run in a shell whose address space is capped at
/// 2 GB: a regression that makes an input take gigabytes aborts the test, not the machine.
fn hostile() -> Result<(), String> {
    run("cargo", &["test", "-p", "gouji", "--test", "check", "--no-run"])?;
    run("cargo", &["test", "-p", "gouji-cli", "--no-run"])?;
    let command = format!(
        "ulimit -v 2097152 && cargo test -q -p gouji --test check -- {} && cargo test -q -p gouji-cli -- {}",
        HOSTILE_TESTS.join(" "),
        HOSTILE_CLI_TESTS.join(" ")
    );
    run("sh", &["-c", &command])
}

fn web() -> Result<(), String> {
    run("trunk", &["build", "--release"])?;
    js()
}

/// The JavaScript API (`js/`, README "Embedding"), after the page (Trunk empties `dist/`):
/// `dist/gouji.js`, `gouji_bg.wasm` and `gouji.d.ts` (wasm-bindgen `--target web`, wasm-opt
/// `-Oz` as Trunk runs it for the page), `dist/gouji.inline.js` (a classic script with the
/// wasm inside, for `file://`), and the example `dist/embed/`.
fn js() -> Result<(), String> {
    let target = ["--profile", "wasm-release", "--target", "wasm32-unknown-unknown"];
    run("cargo", &[&["build", "-p", "gouji-js", "--lib"][..], &target].concat())?;
    let wasm = "target/wasm32-unknown-unknown/wasm-release/gouji_js.wasm";
    let bindgen = |target: &str, out: &str| {
        run("wasm-bindgen", &["--target", target, "--out-dir", out, "--out-name", "gouji", wasm])
    };
    bindgen("web", "dist")?;
    let _ = std::fs::remove_file(root().join("dist/gouji_bg.wasm.d.ts"));
    run("wasm-opt", &["-Oz", "--output=dist/gouji_bg.wasm", "dist/gouji_bg.wasm"])?;
    bindgen("no-modules", "target/gouji-js-classic")?;
    run(
        "python3",
        &[
            "tools/inline_js.py",
            "target/gouji-js-classic/gouji.js",
            "dist/gouji_bg.wasm",
            "dist/gouji.inline.js",
        ],
    )?;
    let (from, to) = (root().join("www/embed"), root().join("dist/embed"));
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default();
        std::fs::copy(&path, to.join(name)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A static file server for `dist/` on loopback: GET only, no directory listing.
fn serve(port: u16) -> Result<(), String> {
    let dist = root().join("dist");
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    eprintln!(
        "\n勾稽 is at http://127.0.0.1:{port}/#sample  (the sample report checked; also: open {} directly)",
        dist.join("gouji.html").display()
    );
    eprintln!("Ctrl-C stops the server.");
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut request_line = String::new();
        if BufReader::new(&stream).read_line(&mut request_line).is_err() {
            continue;
        }
        let path = request_line.split_whitespace().nth(1).unwrap_or("/");
        let name = path.split('?').next().unwrap_or("/").trim_start_matches('/');
        let name = if name.is_empty() { "index.html" } else { name };
        let file = dist.join(name);
        let file = if file.is_dir() { file.join("index.html") } else { file };
        let safe = !name.contains("..") && file.starts_with(&dist);
        let response = match std::fs::read(&file) {
            Ok(body) if safe => {
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("wasm") => "application/wasm",
                    Some("js" | "mjs") => "text/javascript",
                    Some("ts") => "text/plain; charset=utf-8",
                    Some("css") => "text/css",
                    _ => "application/octet-stream",
                };
                let mut out = format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).into_bytes();
                out.extend(body);
                out
            }
            _ => {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            }
        };
        let _ = stream.write_all(&response);
    }
    Ok(())
}

/// Every file of `tests/fixtures/rules/<rule>/`: (rule, file name, bytes); a file in a folder
/// is named `folder/file`.
fn rule_fixtures() -> Result<Vec<(String, String, Vec<u8>)>, String> {
    let dir = root().join("tests/fixtures/rules");
    let mut out = Vec::new();
    for rule in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let rule = rule.map_err(|e| e.to_string())?.path();
        let name = rule.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        for file in std::fs::read_dir(&rule).map_err(|e| e.to_string())? {
            let file = file.map_err(|e| e.to_string())?.path();
            let file_name =
                file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            if file.is_dir() {
                // A folder: reports checked together (rules across reports).
                for inner in std::fs::read_dir(&file).map_err(|e| e.to_string())? {
                    let inner = inner.map_err(|e| e.to_string())?.path();
                    let inner_name = inner.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    let bytes = std::fs::read(&inner).map_err(|e| e.to_string())?;
                    out.push((name.clone(), format!("{file_name}/{inner_name}"), bytes));
                }
                continue;
            }
            out.push((name.clone(), file_name, std::fs::read(&file).map_err(|e| e.to_string())?));
        }
    }
    out.sort();
    Ok(out)
}

/// The files generators write: the rule fixtures and what each invalid one must say
/// (`tools/gen_rule_fixtures.py`), and the rule docs and examples (`cargo xtask docs`).
const GENERATED: &[&str] =
    &["tests/fixtures/rules", "tests/fixtures/rules.expected.tsv", "docs", "src/rules/examples.rs"];

/// Writes the generated files again and fails when they differ from what is committed: a
/// fixture edited by hand, or a generator changed without its output.
fn generated() -> Result<(), String> {
    run("python3", &["tools/gen_rule_fixtures.py"])?;
    docs()?;
    let output = Command::new("git")
        .args(["status", "--porcelain", "--"])
        .args(GENERATED)
        .current_dir(root())
        .output()
        .map_err(|e| format!("`git status` could not start ({e})"))?;
    if !output.status.success() {
        return Err("`git status` failed".to_string());
    }
    let changed = String::from_utf8_lossy(&output.stdout);
    if changed.trim().is_empty() {
        return Ok(());
    }
    Err(format!(
        "generated files differ from the commit: run `python3 tools/gen_rule_fixtures.py` and `cargo xtask docs`, and commit\n{changed}"
    ))
}

fn docs() -> Result<(), String> {
    let examples = gouji::rules::docs::examples(&rule_fixtures()?);
    let root = root();
    std::fs::create_dir_all(root.join("docs")).map_err(|e| e.to_string())?;
    std::fs::write(root.join("docs/rules.md"), gouji::rules::docs::markdown(&examples))
        .map_err(|e| e.to_string())?;
    std::fs::write(
        root.join("src/rules/examples.rs"),
        gouji::rules::docs::examples_source(&examples),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(root.join("docs/rules.json"), rules_json(&examples))
        .map_err(|e| e.to_string())?;
    eprintln!(
        "wrote docs/rules.md, docs/rules.json and src/rules/examples.rs ({} examples)",
        examples.len()
    );
    Ok(())
}

/// Every rule's documentation and example, for the page (whose wasm leaves them out: gouji's
/// `rule-docs` feature): `{"ID": {"doc": …, "example": {…} or null}}`, ids in order.
fn rules_json(examples: &[gouji::rules::docs::ExampleText]) -> String {
    let mut rules = serde_json::Map::new();
    for rule in gouji::rules::RULES {
        let example = examples.iter().find(|e| e.rule == rule.id).map(|e| {
            serde_json::json!({
                "invalid_file": e.invalid_file,
                "invalid": e.invalid,
                "valid_file": e.valid_file,
                "valid": e.valid,
                "message": e.message,
            })
        });
        rules.insert(
            rule.id.to_string(),
            serde_json::json!({ "doc": rule.doc, "example": example }),
        );
    }
    serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
}

/// Runs the fuzz targets one after the other (two cores are shared: never in parallel), each
/// for `--seconds` seconds, with its seeds (`fuzz/seeds/<target>/`) besides its growing corpus
/// (`fuzz/corpus/<target>/`, not committed). A crash stops nothing: every target runs, then
/// the summary says which crashed (their inputs are in `fuzz/artifacts/<target>/`).
fn fuzz(args: &[String]) -> Result<(), String> {
    let mut seconds = 60u64;
    let mut chosen = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or("--seconds needs a number")?;
                seconds = value.parse().map_err(|_| format!("--seconds {value}: not a number"))?;
            }
            target => chosen.push(target.to_string()),
        }
    }
    let dir = root().join("fuzz");
    let mut targets: Vec<String> = std::fs::read_dir(dir.join("fuzz_targets"))
        .map_err(|e| format!("fuzz/fuzz_targets: {e}"))?
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .filter(|name| chosen.is_empty() || chosen.contains(name))
        .collect();
    targets.sort();
    if targets.is_empty() {
        return Err(format!("no fuzz target named {}", chosen.join(", ")));
    }
    let mut summary = Vec::new();
    let mut crashed = Vec::new();
    for target in &targets {
        let corpus = dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let seeds = dir.join("seeds").join(target);
        let mut command = Command::new("cargo");
        command
            .args(["fuzz", "run", target.as_str()])
            .arg(&corpus)
            .current_dir(&dir)
            .env("PATH", tool_path())
            .env("RUSTC_BOOTSTRAP", "1");
        if seeds.is_dir() {
            command.arg(&seeds);
        }
        // A unit running over 10 s is a hang; 2 GB, a leak: both count as crashes.
        command.args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-timeout=10",
            "-rss_limit_mb=2048",
            "-print_final_stats=1",
        ]);
        eprintln!("\n== fuzz {target} for {seconds} s");
        let output = command.stderr(std::process::Stdio::piped()).output().map_err(|e| {
            format!("cargo fuzz could not start ({e}); run `cargo install cargo-fuzz`")
        })?;
        let log = String::from_utf8_lossy(&output.stderr);
        let runs = log
            .lines()
            .filter_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
            .next_back()
            .map_or_else(|| "?".to_string(), |n| n.trim().to_string());
        let ok = output.status.success();
        if !ok {
            crashed.push(target.clone());
            // The end of the log says what happened and where the input was saved.
            let tail: Vec<&str> = log.lines().rev().take(30).collect();
            eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        }
        summary.push(format!(
            "{target:<12} {runs:>12} runs  {seconds:>6} s  {}",
            if ok { "no crash" } else { "CRASH (see fuzz/artifacts)" }
        ));
    }
    eprintln!("\n{}", summary.join("\n"));
    if crashed.is_empty() { Ok(()) } else { Err(format!("crashed: {}", crashed.join(", "))) }
}
