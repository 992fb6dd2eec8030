//! Project tasks, with nothing but cargo and the tools `tools/setup` installs.
//!
//! * `cargo xtask ready`: every check CI runs (format, clippy, all Rust tests, the release
//!   page build, the browser tests).
//! * `cargo xtask web`: build the release page (`dist/index.html`, `dist/gouji.html`).
//! * `cargo xtask serve [PORT]`: build the page and serve `dist/` on 127.0.0.1.
//! * `cargo xtask docs`: write `docs/rules.md` and `src/rules/examples.rs` from the registry
//!   and the rule fixtures (a test fails when they are stale).

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
        _ => Err("usage: cargo xtask ready | web | serve [PORT] | docs".to_string()),
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
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    run("cargo", &["test", "--workspace"])?;
    web()?;
    run("node", &["--test", "e2e/"])?;
    Ok(())
}

fn web() -> Result<(), String> {
    run("trunk", &["build", "--release"])
}

/// A static file server for `dist/` on loopback: GET only, no directory listing.
fn serve(port: u16) -> Result<(), String> {
    let dist = root().join("dist");
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    eprintln!(
        "\n勾稽 is at http://127.0.0.1:{port}/  (also: open {} directly)",
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
        let safe = !name.contains("..") && file.starts_with(&dist);
        let response = match std::fs::read(&file) {
            Ok(body) if safe => {
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("wasm") => "application/wasm",
                    Some("js") => "text/javascript",
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
    eprintln!("wrote docs/rules.md and src/rules/examples.rs ({} examples)", examples.len());
    Ok(())
}
