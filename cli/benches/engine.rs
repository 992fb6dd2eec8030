//! `cargo xtask bench` (`cargo bench -p gouji-cli --bench engine`): the engine's time per stage
//! on the seed and over the corpus's text reports, each stage on the seed repeated to 1, 5, 10
//! and 50 MB, the rules across reports, and the command line's reports per second over 720
//! copies of the seed. Release build, this machine. Prints tables; asserts nothing about time
//! (timings belong in the README's Measured table).
//!
//! The machine is shared: every figure is the median of repeated rounds, and the rounds
//! interleave the inputs (seed, corpus files, seed, …) so that a busy moment hits them all.
//! `GOUJI_BENCH_ROUNDS` sets the rounds (default 15); `GOUJI_BENCH_QUICK=1` prints only the
//! first table (the seed and the corpus); `GOUJI_BENCH_LOOP=FILE…` only checks those files
//! over and over for 10 s (the seed for `-`), for a profiler (`perf record`).

#![allow(clippy::disallowed_methods)] // A benchmark does not ship to the page.
#![expect(clippy::cast_precision_loss, reason = "timings and byte counts shown need no precision")]
#![expect(clippy::print_stdout, reason = "a benchmark prints its table")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gouji::Input;
use gouji::stage::Stage;

const STAGES: usize = Stage::ALL.len();

fn reports(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            reports(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Seconds per stage of one `check` (the mean over `reps` runs).
fn stages(bytes: &[u8], name: Option<&str>, reps: u32) -> [f64; STAGES] {
    let mut acc = [Duration::ZERO; STAGES];
    for _ in 0..reps {
        let mut last = Instant::now();
        let checked = gouji::check_staged(&Input { bytes, name }, &[], &mut |stage| {
            let now = Instant::now();
            let k = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
            acc[k] += now - last;
            last = now;
        });
        std::hint::black_box(checked);
    }
    acc.map(|d| d.as_secs_f64() / f64::from(reps))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

/// Per stage, the median over rounds.
fn medians(rounds: &[[f64; STAGES]]) -> [f64; STAGES] {
    std::array::from_fn(|k| median(rounds.iter().map(|r| r[k]).collect()))
}

fn header(first: &str) {
    print!("{first:<34}");
    for stage in Stage::ALL {
        print!(" {:>9}", stage.name());
    }
    println!(" {:>9}", "total");
}

fn row(label: &str, values: &[f64; STAGES], scale: f64) {
    print!("{label:<34}");
    for v in values {
        print!(" {:>9.1}", v * scale);
    }
    println!(" {:>9.1}", values.iter().sum::<f64>() * scale);
}

fn rounds() -> usize {
    std::env::var("GOUJI_BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(15)
}

/// Checks `paths` over and over for 10 s.
fn check_in_a_loop(paths: &str) {
    let inputs: Vec<(String, Vec<u8>)> = paths
        .split_whitespace()
        .map(|p| {
            let bytes = if p == "-" {
                gouji::SAMPLE_REPORT.as_bytes().to_vec()
            } else {
                std::fs::read(p).expect("file to check")
            };
            (p.rsplit('/').next().unwrap_or(p).to_string(), bytes)
        })
        .collect();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        for (name, bytes) in &inputs {
            std::hint::black_box(gouji::check(&Input { bytes, name: Some(name) }));
        }
    }
}

fn main() {
    if let Ok(paths) = std::env::var("GOUJI_BENCH_LOOP") {
        check_in_a_loop(&paths);
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/reports");
    let mut files = Vec::new();
    reports(&root, &mut files);
    let inputs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            (name, std::fs::read(f).expect("fixture"))
        })
        .collect();
    let seed = gouji::SAMPLE_REPORT.as_bytes();
    let rounds = rounds();

    // 1. The seed and every report of the corpus, interleaved round by round.
    let mut seed_rounds = Vec::new();
    let mut file_rounds: Vec<Vec<[f64; STAGES]>> = vec![Vec::new(); inputs.len()];
    for _ in 0..rounds {
        seed_rounds.push(stages(seed, None, 20));
        for (k, (name, bytes)) in inputs.iter().enumerate() {
            let reps = (200_000 / bytes.len().max(1)).clamp(2, 50) as u32;
            file_rounds[k].push(stages(bytes, Some(name), reps));
            seed_rounds.push(stages(seed, None, 3));
        }
    }
    println!("µs per check, per stage (median of {rounds} interleaved rounds)\n");
    header("report");
    row("seed (11.8 KB, pasted text)", &medians(&seed_rounds), 1e6);
    let per_file: Vec<[f64; STAGES]> = file_rounds.iter().map(|r| medians(r)).collect();
    let mean = |pick: &dyn Fn(&str) -> bool| -> ([f64; STAGES], usize) {
        let chosen: Vec<&[f64; STAGES]> =
            per_file.iter().zip(&inputs).filter(|(_, (n, _))| pick(n)).map(|(s, _)| s).collect();
        let n = chosen.len().max(1) as f64;
        (std::array::from_fn(|k| chosen.iter().map(|s| s[k]).sum::<f64>() / n), chosen.len())
    };
    let is_pdf = |n: &str| n.to_ascii_lowercase().ends_with(".pdf");
    let (text_mean, n_text) = mean(&|n| !is_pdf(n));
    let (pdf_mean, n_pdf) = mean(&|n| is_pdf(n));
    row(&format!("corpus text reports, mean of {n_text}"), &text_mean, 1e6);
    row(&format!("corpus PDF files, mean of {n_pdf}"), &pdf_mean, 1e6);
    println!();
    for ((file, (_, bytes)), stages) in files.iter().zip(&inputs).zip(&per_file) {
        let shown = file.strip_prefix(&root).unwrap_or(file).display().to_string();
        let shown: String = shown.chars().take(26).collect();
        row(&format!("{shown} {:>6}", bytes.len()), stages, 1e6);
    }

    if std::env::var_os("GOUJI_BENCH_QUICK").is_some() {
        return;
    }

    // 2. Linearity: the seed repeated to 1, 5, 10 and 50 MB.
    let sizes = [1usize, 5, 10, 50];
    let texts: Vec<String> = sizes
        .iter()
        .map(|mb| gouji::SAMPLE_REPORT.repeat(mb * 1_000_000 / gouji::SAMPLE_REPORT.len() + 1))
        .collect();
    let mut size_rounds: Vec<Vec<[f64; STAGES]>> = vec![Vec::new(); sizes.len()];
    for _ in 0..3 {
        for (k, text) in texts.iter().enumerate() {
            size_rounds[k].push(stages(text.as_bytes(), None, 1));
        }
    }
    let per_mb: Vec<[f64; STAGES]> = size_rounds
        .iter()
        .zip(&texts)
        .map(|(r, t)| medians(r).map(|s| s * 1e6 / t.len() as f64))
        .collect();
    println!("\nthe seed repeated: ms per MB, per stage (median of 3 interleaved rounds)\n");
    header("size");
    for (mb, per) in sizes.iter().zip(&per_mb) {
        row(&format!("{mb} MB"), per, 1e3);
    }
    println!("\nthe same as a share of the 1 MB figure (1.00 = linear)\n");
    header("size");
    for (mb, per) in sizes.iter().zip(&per_mb) {
        let ratio: [f64; STAGES] =
            std::array::from_fn(|k| if per_mb[0][k] > 0.0 { per[k] / per_mb[0][k] } else { 0.0 });
        print!("{:<34}", format!("{mb} MB"));
        for r in ratio {
            print!(" {r:>9.2}");
        }
        let total: f64 = per.iter().sum::<f64>() / per_mb[0].iter().sum::<f64>();
        println!(" {total:>9.2}");
    }

    // 3. The rules across reports, over reports checked as the command line checks a batch
    // (their shingles read while checking, not by `cross::apply` in every round).
    let corpus: Vec<gouji::Checked> = inputs
        .iter()
        .map(|(name, bytes)| gouji::check_in_batch(&Input { bytes, name: Some(name) }))
        .collect();
    let copies: Vec<gouji::Checked> =
        (0..720).map(|_| gouji::check_in_batch(&Input::text(gouji::SAMPLE_REPORT))).collect();
    let mut cross_corpus = Vec::new();
    let mut cross_copies = Vec::new();
    for _ in 0..rounds.min(7) {
        for (set, out) in [(&corpus, &mut cross_corpus), (&copies, &mut cross_copies)] {
            let mut batch = set.clone();
            let start = Instant::now();
            gouji::cross::apply(&mut batch);
            out.push(start.elapsed().as_secs_f64());
            std::hint::black_box(batch);
        }
    }
    println!("\nrules across reports (cross::apply), median of {} rounds:", cross_corpus.len());
    println!(
        "  corpus ({} reports): {:.0} µs, {:.1} µs per report",
        corpus.len(),
        median(cross_corpus.clone()) * 1e6,
        median(cross_corpus) * 1e6 / corpus.len() as f64
    );
    println!(
        "  720 seed copies: {:.1} ms, {:.1} µs per report",
        median(cross_copies.clone()) * 1e3,
        median(cross_copies) * 1e6 / 720.0
    );

    // 4. The command line over 720 copies of the seed.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-720");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench folder");
    for k in 0..720 {
        std::fs::write(dir.join(format!("seed-{k:03}.txt")), gouji::SAMPLE_REPORT)
            .expect("bench copy");
    }
    let cli = |threads: Option<&str>| -> f64 {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gouji"));
        command.args(["check", "--json"]).arg(&dir).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(threads) = threads {
            command.env("GOUJI_THREADS", threads);
        }
        let start = Instant::now();
        let status = command.status().expect("gouji runs");
        assert!(status.code().is_some(), "gouji ended by a signal");
        start.elapsed().as_secs_f64()
    };
    let (mut default, mut one) = (Vec::new(), Vec::new());
    for _ in 0..rounds.min(9) {
        default.push(cli(None));
        one.push(cli(Some("1")));
    }
    let (default, one) = (median(default), median(one));
    println!("\ngouji check --json over 720 seed copies (median of interleaved runs):");
    println!("  default threads: {:.0} ms, {:.0} reports/s", default * 1e3, 720.0 / default);
    println!("  GOUJI_THREADS=1: {:.0} ms, {:.0} reports/s", one * 1e3, 720.0 / one);
}
