//! Prints what the model read from a file (a development aid).
use gouji::model::Value;
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let source = match gouji::input::read(&bytes, Some(&path)) {
            Ok(s) => s,
            Err(e) => {
                println!("{path}: {}", e.message());
                continue;
            }
        };
        let norm = gouji::normalize::normalize(&source.text);
        let doc = gouji::segment::segment(&norm.text);
        let report = gouji::model::build(&norm.text, &doc);
        if std::env::var("TOKENS").is_ok() {
            for (i, t) in doc.tokens.iter().enumerate() {
                println!(
                    "{i} r{} {:?} {:?}",
                    t.row,
                    &norm.text[t.range.clone()],
                    match &t.kind {
                        gouji::segment::TokenKind::Text => "T",
                        gouji::segment::TokenKind::Num(_) => "N",
                        gouji::segment::TokenKind::Blank { .. } => "B",
                    }
                );
            }
        }
        println!(
            "== {path}\n template={:?} year={:?} agency={:?} title={:?} period={:?} pub={:?}",
            report.template,
            report.year,
            report.agency,
            report.title,
            report.period,
            report.published
        );
        for f in &report.facts {
            println!(
                " fact {:?} {} summed={} pct={:?} «{}»",
                f.kind,
                f.value,
                f.summed,
                f.percent.map(|p| p.to_string()),
                f.clause
            );
        }
        println!(
            " sections={:?}",
            report.sections.iter().map(|s| (s.index, s.numeral)).collect::<Vec<_>>()
        );
        for t in &report.tables {
            println!(
                " {:?} layout={:?} strategy={:?} lp={} subs={:?}",
                t.id, t.layout, t.strategy, t.has_subtotal_column, t.subtotal_rows
            );
            for n in &t.notes {
                println!("   note {n:?}");
            }
            for row in t.rows() {
                let vals: Vec<String> = t
                    .cells
                    .iter()
                    .filter(|c| c.addr.row == row)
                    .map(|cell| {
                        let mut s = match &cell.value {
                            Value::Number(n) => n.to_string(),
                            v => v.describe(),
                        };
                        if cell.inferred {
                            s.push('*');
                        }
                        s
                    })
                    .collect();
                println!("   {:8} {}", row.code(), vals.join(" "));
            }
        }
    }
}
