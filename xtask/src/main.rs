//! `cargo xtask ready`: every check, in the order CI runs them. Needs nothing but cargo for
//! the engine; the web steps are skipped with a message when their tools are absent.

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    if task != "ready" {
        eprintln!("usage: cargo xtask ready");
        return ExitCode::from(2);
    }
    match ready() {
        Ok(()) => ExitCode::SUCCESS,
        Err(step) => {
            eprintln!("xtask: `{step}` failed");
            ExitCode::FAILURE
        }
    }
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let line = format!("{program} {}", args.join(" "));
    eprintln!("\n== {line}");
    let status = Command::new(program).args(args).status().map_err(|_| line.clone())?;
    if status.success() { Ok(()) } else { Err(line) }
}

fn ready() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--check"])?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    run("cargo", &["test", "--workspace"])?;
    Ok(())
}
