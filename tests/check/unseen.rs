//! Layouts the engine was not tuned on: the generated tables of the self-check written the
//! ways other programs copy them (Word's HTML, an Excel copy with quoted multi-line cells,
//! CSV, markdown with alignment colons, a page break and a repeated header inside the table,
//! empty paragraphs between lines, ideographic spaces, indentation, thousands separators,
//! the whole report on one line). A clean copy must give no error; a copy with one number
//! changed must never pass, and must name the changed cell in an error.

use gouji::{Severity, Verdict};

use crate::layouts::{Layout, Tables, render};
use crate::selfcheck::{consistent, t3_addr, t4_addr, truth_tables};
use crate::support::{check_file, check_text, describe};

type Transform = fn(&str) -> String;

/// A cell of Word's HTML: a paragraph in a span, with its styles.
fn word_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut rest = text;
    while let Some(at) = rest.find("<td") {
        out.push_str(&rest[..at]);
        let Some(open_end) = rest[at..].find('>') else { break };
        let attrs = &rest[at + 3..at + open_end];
        let after = &rest[at + open_end + 1..];
        let Some(close) = after.find("</td>") else { break };
        let content = &after[..close];
        let content = if content.is_empty() { "&nbsp;" } else { content };
        out.push_str(&format!(
            "<td{attrs} width=57 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>\
             <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US \
             style='font-size:10.5pt;font-family:\"仿宋_GB2312\"'>{content}</span></p></td>\r\n"
        ));
        rest = &after[close + 5..];
    }
    out.push_str(rest);
    out.replace(
        "<table>",
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0><tbody>",
    )
    .replace("</table>", "</tbody></table>")
}

/// An Excel or WPS sheet copied: tab-separated, a cell with a line break quoted.
fn excel_quoted(text: &str) -> String {
    text.lines()
        .map(|line| {
            if !line.contains('\t') {
                return line.to_string();
            }
            line.split('\t')
                .map(|cell| match cell.find('（').filter(|&k| k > 0) {
                    Some(k) if cell.chars().count() > 12 => {
                        format!("\"{}\n{}\"", &cell[..k], &cell[k..])
                    }
                    _ => cell.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn csv(text: &str) -> String {
    text.replace('\t', ",")
}

fn markdown_aligned(text: &str) -> String {
    text.lines()
        .map(
            |line| {
                if line.starts_with("|---") {
                    line.replace("---", ":---:")
                } else {
                    line.to_string()
                }
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

/// Markdown as `markdownify` writes an HTML table without `<th>`: an empty header row and
/// its delimiter over every table, no delimiter anywhere else.
fn markdown_empty_header(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("|---")).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if !lines[at].starts_with('|') {
            out.push(lines[at].to_string());
            at += 1;
            continue;
        }
        let end = (at..lines.len()).find(|&i| !lines[i].starts_with('|')).unwrap_or(lines.len());
        // As wide as the table's widest row.
        let cells = lines[at..end]
            .iter()
            .map(|l| l.matches('|').count().saturating_sub(1))
            .max()
            .unwrap_or(1);
        out.push(format!("|{}", "  |".repeat(cells)));
        out.push(format!("|{}", " --- |".repeat(cells)));
        out.extend(lines[at..end].iter().map(ToString::to_string));
        at = end;
    }
    out.join("\n")
}

/// Markdown as `html2text` writes tables: no pipe at either end of a row (`a | b`, `---|---`).
fn markdown_no_outer_pipes(text: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix('|').and_then(|l| l.strip_suffix('|')) {
            Some(inner) => inner.trim().to_string(),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A page break in the middle of 表三: a page footer and the header row printed again.
fn page_break(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("1.属于国家秘密") || line.starts_with("| 1.属于国家秘密") {
            out.push_str("\n第 3 页 共 8 页\n\n");
            let lead = if line.starts_with('|') { "| " } else { "" };
            out.push_str(&format!(
                "{lead}自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
            ));
        }
    }
    out
}

fn double_spaced(text: &str) -> String {
    text.replace('\n', "\n\n")
}

fn ideographic_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut spaces = 0;
    for c in text.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 {
            out.push_str(if spaces > 1 { "\u{3000}\u{3000}" } else { "\u{3000}" });
            spaces = 0;
        }
        out.push(c);
    }
    out
}

fn indented(text: &str) -> String {
    text.lines().map(|l| format!("\u{3000}\u{3000}{l}  ")).collect::<Vec<_>>().join("\n")
}

/// Numbers of four digits or more with a `,` every three digits.
fn thousands(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        let starts = chars[k].is_ascii_digit() && (k == 0 || !chars[k - 1].is_ascii_digit());
        if starts {
            let end = (k..chars.len()).find(|&j| !chars[j].is_ascii_digit()).unwrap_or(chars.len());
            let before = k.checked_sub(1).map(|j| chars[j]);
            let standalone = matches!(before, None | Some(' ' | '|' | '\t' | '\n' | '>'))
                && matches!(chars.get(end), None | Some(' ' | '|' | '\t' | '\n' | '<' | '\r'));
            let digits: String = chars[k..end].iter().collect();
            if standalone && digits.len() >= 4 {
                let n = digits.len();
                for (i, d) in digits.chars().enumerate() {
                    if i > 0 && (n - i).is_multiple_of(3) {
                        out.push(',');
                    }
                    out.push(d);
                }
            } else {
                out.push_str(&digits);
            }
            k = end;
            continue;
        }
        out.push(chars[k]);
        k += 1;
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// Each way of copying, with the generated layout it applies to.
fn copies() -> Vec<(&'static str, Layout, Transform)> {
    vec![
        ("Word HTML", Layout::Html, word_html),
        ("Excel copy, quoted cells", Layout::Tabbed, excel_quoted),
        ("CSV", Layout::Tabbed, csv),
        ("markdown :---:", Layout::Markdown, markdown_aligned),
        ("markdown, empty header rows (markdownify)", Layout::Markdown, markdown_empty_header),
        ("markdown, no outer pipes (html2text)", Layout::Markdown, markdown_no_outer_pipes),
        ("page break, pipes", Layout::PipeRow, page_break),
        ("page break, markdown", Layout::Markdown, page_break),
        ("double spaced, cell per line", Layout::CellPerLine, double_spaced),
        ("double spaced, tabs", Layout::Tabbed, double_spaced),
        ("double spaced, PDF text", Layout::Spaced, double_spaced),
        ("ideographic spaces, PDF text", Layout::Spaced, ideographic_spaces),
        ("indented, pipes", Layout::PipeRow, indented),
        ("indented, tabs", Layout::Tabbed, indented),
        ("thousands, markdown", Layout::Markdown, thousands),
        ("thousands, PDF text", Layout::Spaced, thousands),
        ("thousands, HTML", Layout::Html, thousands),
        ("one line, pipes", Layout::PipeRow, one_line),
        ("one line, HTML", Layout::Html, one_line),
    ]
}

#[test]
fn copies_by_other_programs_are_never_silent() {
    let mut failures = Vec::new();
    let mut figures = Vec::new();
    for (name, layout, transform) in copies() {
        let (mut clean_pass, mut clean_incomplete, mut injected, mut on_cell) = (0, 0, 0, 0);
        for (salt, (report, tables)) in truth_tables().into_iter().enumerate() {
            if !consistent(&tables) {
                continue;
            }
            let clean = check_text(&transform(&render(&tables, layout)));
            match clean.verdict() {
                Verdict::Pass => clean_pass += 1,
                Verdict::Incomplete => clean_incomplete += 1,
                _ => failures.push(format!("{name} {report}: clean copy\n{}", describe(&clean))),
            }
            let mut cells: Vec<(Tables, gouji::model::CellRef)> = Vec::new();
            for r in 0..25 {
                for c in 0..7 {
                    if (r * 7 + c + salt).is_multiple_of(11) {
                        let mut broken = tables.clone();
                        broken.t3[r][c] += 1;
                        cells.push((broken, t3_addr(r, c)));
                    }
                }
            }
            for k in 0..15 {
                if (k + salt).is_multiple_of(5) {
                    let mut broken = tables.clone();
                    broken.t4[k] += 1;
                    cells.push((broken, t4_addr(k)));
                }
            }
            for (broken, cell) in cells {
                injected += 1;
                let checked = check_text(&transform(&render(&broken, layout)));
                let named = checked
                    .findings
                    .iter()
                    .any(|f| f.severity == Severity::Error && f.cells.contains(&cell));
                if named {
                    on_cell += 1;
                }
                if checked.verdict() == Verdict::Pass || !named {
                    failures.push(format!(
                        "{name} {report}: {cell} changed → {:?}\n{}",
                        checked.verdict(),
                        describe(&checked)
                    ));
                }
            }
        }
        figures.push(format!(
            "| {name} | {clean_pass} | {clean_incomplete} | {injected} | {on_cell} |"
        ));
    }
    println!("| copy | clean pass | clean incomplete | wrong numbers | error on that cell |");
    println!("|---|---|---|---|---|");
    println!("{}", figures.join("\n"));
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.iter().take(12).cloned().collect::<Vec<_>>().join("\n\n")
    );
}

/// The PDF fixtures as PDF extractors give them: poppler's `pdftotext` in its three modes
/// (`tests/fixtures/poppler`), and pdfminer.six, pdfplumber, pypdf, `PyMuPDF`, pdfium,
/// pymupdf4llm's markdown and pdf2docx's Word file (`tools/extract_texts.py`), with how many
/// texts each folder holds and how many of them must read whole (pass; the count guards
/// against a reader that gives up on them).
const EXTRACTED: [(&str, usize, usize); 8] = [
    ("poppler", 18, 6),
    ("pdfminer", 12, 1),
    ("pdfplumber", 12, 6),
    ("pypdf", 12, 4),
    ("pymupdf", 24, 7),
    ("pdfium", 6, 2),
    ("pymupdf4llm", 6, 2),
    ("pdf2docx", 12, 8),
];

/// The files of one extractor's folder, sorted.
fn extracted(folder: &str) -> Vec<std::path::PathBuf> {
    let dir = crate::support::fixture_path(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md" || x == "docx"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn check_path(path: &std::path::Path) -> gouji::Checked {
    let bytes = std::fs::read(path).expect("fixture");
    let name = path.file_name().and_then(|n| n.to_str());
    gouji::check(&gouji::Input { bytes: &bytes, name })
}

/// A correct report never fails, whatever the extractor made of it — text in reading order
/// puts a narrow column's wrapped number on two lines around another cell's, cuts 表四's
/// numbers apart with wrapped header words, writes each text box on a line of its own, or
/// marks up a cell's line breaks (`<br>`) and another font (`` `(fù)` ``) — and hzq2023,
/// published with 表四 wrong, fails on 表四 and nothing else (or is incomplete), never passes.
#[test]
fn extracted_text_of_correct_reports_never_fails() {
    let mut failures = Vec::new();
    let mut figures = Vec::new();
    for (folder, count, at_least) in EXTRACTED {
        let files = extracted(folder);
        assert_eq!(files.len(), count, "{folder}");
        let (mut passes, mut incomplete) = (0, 0);
        for path in &files {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let checked = check_path(path);
            let errors: Vec<String> = checked
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.rule.clone())
                .collect();
            passes += usize::from(checked.verdict() == Verdict::Pass);
            incomplete += usize::from(checked.verdict() == Verdict::Incomplete);
            let ok = if name.starts_with("hzq2023") {
                errors == ["T4-RV", "T4-LR"]
                    || errors == ["T4-LR", "T4-RV"]
                    || checked.verdict() == Verdict::Incomplete
            } else {
                checked.verdict() != Verdict::Fail
            };
            if !ok {
                failures.push(format!(
                    "{folder}/{name}: {:?}\n{}",
                    checked.verdict(),
                    describe(&checked)
                ));
            }
        }
        figures.push(format!("{folder}: {count} texts, {passes} pass, {incomplete} incomplete"));
        if passes < at_least {
            failures.push(format!("{folder}: {passes} of {count} pass, expected {at_least}"));
        }
    }
    println!("{}", figures.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The byte offsets and values of the numbers of 表三 and 表四 in `text` that stand alone
/// (between spaces, line breaks, `|` or markup; not an item's `1.` or a page number's `-3-`).
fn table_numbers(text: &str) -> Vec<(usize, usize, u64)> {
    let Some(from) = ["三、收到和处理", "三、收到和處理"].iter().filter_map(|h| text.find(h)).min()
    else {
        return Vec::new();
    };
    let to = text[from..].find("五、存在").map_or(text.len(), |k| from + k);
    let bytes = text.as_bytes();
    let alone = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace() || b"|<>".contains(b));
    let mut out = Vec::new();
    let mut at = from;
    while at < to {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let end = (at..to).find(|&i| !bytes[i].is_ascii_digit()).unwrap_or(to);
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let page_number = text[line_start..line_end].trim().starts_with('-');
        if alone(bytes.get(at.wrapping_sub(1)))
            && alone(bytes.get(end))
            && !page_number
            && let Ok(value) = text[at..end].parse()
        {
            out.push((at, end, value));
        }
        at = end;
    }
    out
}

/// Every number of 表三 and 表四 of every extracted text of a correct report (read whole or
/// incomplete), and of hzq2023's, changed by one, one at a time: never a pass.
#[test]
fn extracted_text_with_one_wrong_number_never_passes() {
    let mut runs = 0;
    let mut silent = Vec::new();
    let mut figures = Vec::new();
    for (folder, _, _) in EXTRACTED {
        let (mut failed, mut incomplete) = (0, 0);
        for path in extracted(folder) {
            if path.extension().is_some_and(|x| x == "docx") {
                // Its text is the `.docx.txt` beside it.
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let numbers = table_numbers(&text);
            assert!(numbers.len() > 50, "{folder}/{name}: {} numbers", numbers.len());
            for (at, end, value) in numbers {
                let changed = format!("{}{}{}", &text[..at], value + 1, &text[end..]);
                runs += 1;
                match check_text(&changed).verdict() {
                    Verdict::Pass => {
                        silent
                            .push(format!("{folder}/{name} at byte {at}: {value} → {}", value + 1));
                    }
                    Verdict::Incomplete => incomplete += 1,
                    _ => failed += 1,
                }
            }
        }
        figures.push(format!("{folder}: {failed} fail, {incomplete} incomplete"));
    }
    println!("{}", figures.join("\n"));
    assert!(runs > 13_000, "{runs}");
    assert!(silent.is_empty(), "{} of {runs} passed:\n{}", silent.len(), silent.join("\n"));
}

/// pdfminer.six writes each text box on a line of its own: 表三's （七）总计 row read `26`
/// alone (its other numbers stood elsewhere in the text), and the blanks of a reading that
/// left no digit made it "inconsistent whatever the digits meant" — an error on a correct
/// report. A number on a line of its own, after no label, proves nothing.
#[test]
fn a_number_on_a_line_of_its_own_proves_no_row_broken() {
    let checked = check_file("pdfminer/shuyang-fgj-2023.libreoffice.default.txt");
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
}

/// pdfminer.six with `boxes_flow=None`: 上年结转's numbers came `0⏎0⏎申请数量⏎2`, read only one
/// way (a blank and a 0 weigh the same), and that one reading was taken as proof that the row
/// is broken. From several lines with blanks that left no digit, it proves nothing.
#[test]
fn a_single_reading_of_numbers_from_several_lines_proves_nothing() {
    let checked = check_file("pdfminer/shuyang-fgj-2023.libreoffice.noflow.txt");
    assert_eq!(checked.verdict(), Verdict::Incomplete, "{}", describe(&checked));
}

/// pymupdf4llm's markdown: a cell's line breaks as `<br>` (`国家秘<br>密`, and a label cut
/// across cells: `一、本<br>申请数|年新收政<br>量`), and pinyin annotations set in backticks
/// apart from their character (`行政復 `(fù)` 議`). 表三's and 表四's labels were not found,
/// and the correct reports got "报告中没有找到表三/表四" (STR-SHAPE, an error).
#[test]
fn markdown_with_cell_line_breaks_and_code_spans_is_read() {
    for name in ["shuyang-fgj-2023.libreoffice", "zhangdian-yingji-2023.libreoffice"] {
        let checked = check_file(&format!("pymupdf4llm/{name}.md"));
        assert_ne!(checked.verdict(), Verdict::Fail, "{name}\n{}", describe(&checked));
        assert!(!checked.findings.iter().any(|f| f.rule == "STR-SHAPE"), "{name}");
    }
    // Line breaks as `<br>` read the rest whole.
    for name in ["hzq2024_working", "szfgs2024"] {
        let checked = check_file(&format!("pymupdf4llm/{name}.md"));
        assert_eq!(checked.verdict(), Verdict::Pass, "{name}\n{}", describe(&checked));
    }
    // 表四 found and read where the backticks and pinyin hid its heading.
    let checked = check_file("pymupdf4llm/zhangdian-yingji-2023.libreoffice.md");
    assert!(checked.gaps().iter().all(|g| !g.starts_with("表四")), "{:?}", checked.gaps());
}
