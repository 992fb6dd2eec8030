//! `gouji fix FILE [-o OUT]`: writes FILE with only its unique corrections applied, at the
//! places the numbers were written, and lists what it changed. It refuses (exit 1, nothing
//! written) when an error has no unique correction, when the corrections leave an error, or
//! when the file's numbers cannot be replaced in place (a web page, Word or PDF).

use std::path::{Path, PathBuf};

use gouji::correct::{patch, unique_corrections};
use gouji::{Input, Severity, check, check_edited};

/// `报告.txt` → `报告.更正.txt`, next to it.
fn default_output(path: &Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.更正.{}", ext.to_string_lossy()),
        None => format!("{stem}.更正"),
    };
    path.with_file_name(name)
}

pub(crate) fn fix_command(
    args: &[String],
    read: &dyn Fn(&Path) -> Result<Vec<u8>, String>,
) -> Result<u8, String> {
    let mut file = None;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => {
                out = Some(rest.next().ok_or("`-o` 后面需要输出文件路径")?.clone());
            }
            other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
            other if file.is_none() => file = Some(other.to_string()),
            _ => return Err("`gouji fix` 一次只更正一个文件".to_string()),
        }
    }
    let file = file.ok_or("`gouji fix` 需要文件路径")?;
    let path = Path::new(&file);
    let bytes = match read(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("{file}: {message}");
            return Ok(2);
        }
    };
    let input = Input { bytes: &bytes, name: Some(&file) };
    let checked = check(&input);
    if let Some(why) = checked.unreadable {
        eprintln!("{file}: {}", why.message());
        return Ok(2);
    }
    if checked.count(Severity::Error) == 0 {
        println!("{file}：没有需要更正的错误，未写入文件。");
        return Ok(0);
    }
    let edits = match unique_corrections(&checked) {
        Ok(edits) => edits,
        Err(unsure) => {
            println!("{file}：以下错误没有唯一的更正，未写入文件，请人工核对：");
            for message in unsure {
                println!("  - {message}");
            }
            return Ok(1);
        }
    };
    let fixed = check_edited(&input, &edits);
    if fixed.count(Severity::Error) > 0 {
        println!("{file}：应用唯一的更正后仍有错误，未写入文件：");
        for f in fixed.findings.iter().filter(|f| f.severity == Severity::Error) {
            println!("  - {}", f.message);
        }
        return Ok(1);
    }
    let corrected = match patch(&input, &fixed) {
        Ok(bytes) => bytes,
        Err(why) => {
            println!("{file}：{}未写入文件。", why.message());
            return Ok(1);
        }
    };
    let target = out.map_or_else(|| default_output(path), PathBuf::from);
    std::fs::write(&target, &corrected)
        .map_err(|e| format!("无法写入 {}：{e}", target.display()))?;
    for applied in &fixed.edits {
        println!(
            "把“{}”由 {} 改为 {}",
            applied.cell.display_name(),
            applied.was.describe(),
            applied.now.describe()
        );
    }
    println!("已写入 {}（其余内容与原文件逐字节相同）。", target.display());
    Ok(0)
}
