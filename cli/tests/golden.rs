//! The command line checks on two threads and prints exactly what one thread prints. (The
//! output itself is held against golden files in `cli/tests/cli.rs`, `tests/golden/`.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `gouji ARGS` run from the workspace root (so that file names are relative and the same on
/// every machine), with `threads` checking threads when given.
fn gouji(args: &[&str], threads: Option<&str>) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gouji"));
    command.args(args).current_dir(workspace());
    if let Some(threads) = threads {
        command.env("GOUJI_THREADS", threads);
    }
    let out = command.output().expect("gouji runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("UTF-8 output"))
}

/// The first line where `got` and `want` differ, shortened, for a readable failure.
fn first_difference(got: &str, want: &str) -> String {
    let clip = |line: &str| line.chars().take(300).collect::<String>();
    for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        if g != w {
            let at = g.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
            let from = at.saturating_sub(80);
            let part = |s: &str| s.chars().skip(from).take(240).collect::<String>();
            return format!(
                "line {}: {}\n  got  …{}\n  want …{}",
                n + 1,
                clip(g).split(',').next().unwrap_or_default(),
                part(g),
                part(w)
            );
        }
    }
    format!("{} lines, want {}", got.lines().count(), want.lines().count())
}

#[test]
fn two_threads_print_what_one_prints() {
    for args in [
        &["check", "--json", "tests/fixtures"][..],
        &["check", "--csv", "tests/fixtures"],
        &["check", "--color=never", "tests/fixtures"],
        &["check", "--json", "tests/fixtures/reports/seed", "tests/fixtures/reports/corpus"],
    ] {
        let one = gouji(args, Some("1"));
        let two = gouji(args, Some("2"));
        assert!(one == two, "{args:?}: {}", first_difference(&two.1, &one.1));
        let default = gouji(args, None);
        assert!(one == default, "{args:?}: {}", first_difference(&default.1, &one.1));
    }
}
