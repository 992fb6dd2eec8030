//! Times each stage on adversarial one-line inputs at two sizes (a development aid; the tests
//! count work instead of timing it): `cargo run --release --example stages -- [BYTES] [FILTER]`.
//! A stage whose time more than doubles when its input doubles is worth a look.
use std::time::{Duration, Instant};

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    let filter = std::env::args().nth(2).unwrap_or_default();
    let seed = gouji::SAMPLE_REPORT;
    let cases: Vec<(&str, String)> = vec![
        ("1件，", "1件，".into()),
        ("1;", "1;".into()),
        ("1\\n", "1\n".into()),
        ("1 ", "1 ".into()),
        ("1\\t", "1\t".into()),
        ("<!--", "<!--".into()),
        ("|\\n", "|\n".into()),
        ("區(", "區(".into()),
        ("abcdefgh", "abcdefgh".into()),
        ("1申请，", "1申请，".into()),
        ("受理申请1件，", "受理申请1件，".into()),
        ("label 1", "一、本年新收政府信息公开申请数量 1 ".into()),
        ("1.其他", "1.其他".into()),
        ("1e5 ", "1e5 ".into()),
        ("seed on one line", seed.replace('\n', " ")),
        ("seed", seed.to_string()),
        ("html <td>1", "<td>1".into()),
        ("html <!--", "<!--".into()),
    ];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{:<18} {:>8}  normalize  segment    model    rules   (ms)", "line", "bytes");
    for (name, unit) in cases {
        if !name.contains(filter.as_str()) {
            continue;
        }
        for len in [size, size * 2] {
            let text = unit.repeat(len / unit.len() + 1);
            let file = if name.starts_with("html") { "x.html" } else { "x.txt" };
            let Ok(source) = gouji::input::read(text.as_bytes(), Some(file)) else {
                println!("{name:<18} {:>8}  unreadable", text.len());
                continue;
            };
            let start = Instant::now();
            let normalized = gouji::normalize::normalize(&source.text);
            let t_normalize = start.elapsed();
            let start = Instant::now();
            let doc = gouji::segment::segment(&normalized.text);
            let t_segment = start.elapsed();
            let start = Instant::now();
            let report = gouji::model::build(&normalized.text, &doc);
            let t_model = start.elapsed();
            let start = Instant::now();
            std::hint::black_box(gouji::rules::run(&report));
            let t_rules = start.elapsed();
            println!(
                "{name:<18} {:>8} {:>10.1} {:>8.1} {:>8.1} {:>8.1}",
                text.len(),
                ms(t_normalize),
                ms(t_segment),
                ms(t_model),
                ms(t_rules)
            );
        }
    }
}
