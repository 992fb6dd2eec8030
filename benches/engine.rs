//! `cargo bench`: the engine over the corpus (µs per report, MB/s), and its scaling on inputs
//! up to 50 MB. Prints a table; asserts nothing about time (timings belong in the README).

#![expect(clippy::cast_precision_loss, reason = "byte counts shown as MB/s need no precision")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gouji::{Input, check};

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

fn time<F: FnMut()>(mut f: F, min: Duration) -> (Duration, u32) {
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || start.elapsed() < min {
        f();
        runs += 1;
    }
    (start.elapsed() / runs, runs)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let mut files = Vec::new();
    reports(&root, &mut files);
    println!("{:<72} {:>9} {:>10} {:>8}", "report", "bytes", "µs/report", "MB/s");
    let mut total_bytes = 0usize;
    let mut total_time = Duration::ZERO;
    for file in &files {
        let bytes = std::fs::read(file).expect("fixture");
        let name = file.file_name().and_then(|n| n.to_str()).map(str::to_string);
        let (per_run, _) = time(
            || drop(std::hint::black_box(check(&Input { bytes: &bytes, name: name.as_deref() }))),
            Duration::from_millis(200),
        );
        total_bytes += bytes.len();
        total_time += per_run;
        let shown = file.strip_prefix(&root).unwrap_or(file).display().to_string();
        println!(
            "{:<72} {:>9} {:>10.0} {:>8.1}",
            shown,
            bytes.len(),
            per_run.as_secs_f64() * 1e6,
            bytes.len() as f64 / per_run.as_secs_f64() / 1e6
        );
    }
    println!(
        "\ncorpus: {} reports, {} bytes; mean {:.0} µs/report; {:.1} MB/s overall",
        files.len(),
        total_bytes,
        total_time.as_secs_f64() * 1e6 / files.len() as f64,
        total_bytes as f64 / total_time.as_secs_f64() / 1e6
    );
    println!("\nscaling (the sample report repeated):");
    for mb in [1usize, 5, 10, 50] {
        let copies = mb * 1_000_000 / gouji::SAMPLE_REPORT.len() + 1;
        let text = gouji::SAMPLE_REPORT.repeat(copies);
        let (per_run, _) =
            time(|| drop(std::hint::black_box(check(&Input::text(&text)))), Duration::ZERO);
        println!(
            "  {:>5.1} MB: {:>8.0} ms, {:>6.1} MB/s",
            text.len() as f64 / 1e6,
            per_run.as_secs_f64() * 1e3,
            text.len() as f64 / per_run.as_secs_f64() / 1e6
        );
    }
}
