//! Files, folders and standard input, read within bounds.
//!
//! Whatever is read, a file, a device or a pipe, at most the engine's input limit plus one
//! byte is taken (a device reports no size, or a wrong one: `/dev/zero` would never end). A
//! folder is walked without following symbolic links to folders, each folder and each file
//! once (by device and inode), and only regular files are read from it: a named pipe would
//! block forever, a link to `.` would make the walk exponential, a loop would check the same
//! report many times and call it a copy of itself. What is skipped is said, in Chinese.

use std::collections::BTreeSet;
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use gouji::input::{MAX_INPUT_BYTES, Unreadable};

/// Extensions of the files a folder's walk checks.
const REPORT_EXTENSIONS: &[&str] = &["txt", "md", "htm", "html", "docx", "pdf"];

/// Reads at most [`MAX_INPUT_BYTES`] bytes from `reader`; one more means too large.
pub(crate) fn read_bounded(reader: impl Read, size_hint: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_INPUT_BYTES + 1));
    reader
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("无法读取：{e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Unreadable::TooLarge.message().to_string());
    }
    Ok(bytes)
}

/// The bytes of the file at `path` (whatever kind of file: the user named it), within bounds.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("无法打开文件：{e}"))?;
    let metadata = file.metadata().map_err(|e| format!("无法打开文件：{e}"))?;
    if metadata.is_dir() {
        return Err("这是文件夹，不是文件".to_string());
    }
    // A regular file's size is known: refuse before reading. Anything else is read up to the
    // limit, whatever it says its size is.
    if metadata.is_file() && metadata.len() > MAX_INPUT_BYTES as u64 {
        return Err(Unreadable::TooLarge.message().to_string());
    }
    let hint = if metadata.is_file() { metadata.len() as usize } else { 0 };
    read_bounded(file, hint).map_err(|e| e.replace("无法读取：", "无法读取文件："))
}

/// Standard input, within bounds.
pub(crate) fn read_stdin() -> Result<Vec<u8>, String> {
    read_bounded(std::io::stdin().lock(), 0)
        .map_err(|e| e.replace("无法读取：", "无法读取标准输入："))
}

/// What a walk found: report files in order, and what it skipped and why.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Regular files with a report's extension, each once, sorted within each folder.
    pub(crate) files: Vec<PathBuf>,
    /// `(path, why)` for what was passed over: links to folders, special files, repeats.
    pub(crate) skipped: Vec<(PathBuf, &'static str)>,
    /// Folders read (the walk's work).
    pub(crate) folders: usize,
    /// The device and inode of every folder and file taken, so none is taken twice.
    seen: BTreeSet<(u64, u64)>,
}

impl Walk {
    /// Walks `dir` (more folders may be walked into the same `Walk`: a file reached from two
    /// of them is taken once).
    pub(crate) fn folder(&mut self, dir: &Path) {
        if let Ok(metadata) = fs::metadata(dir)
            && !self.first_time(&metadata)
        {
            self.skipped.push((dir.to_path_buf(), "已经检查过（同一个文件夹）"));
            return;
        }
        // Folders still to read, each as its remaining entries (an explicit stack: a deep tree
        // cannot overflow the call stack).
        let mut stack = vec![self.entries(dir)];
        while let Some(top) = stack.last_mut() {
            let Some(path) = top.next() else {
                stack.pop();
                continue;
            };
            let Ok(own) = fs::symlink_metadata(&path) else { continue };
            let kind = own.file_type();
            if kind.is_symlink() {
                match fs::metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        self.skipped.push((path, "指向文件夹的符号链接，不跟随"));
                    }
                    Ok(target) if target.is_file() && is_report(&path) => self.file(path, &target),
                    Ok(_) if is_report(&path) => {
                        self.skipped.push((path, "指向的不是普通文件（可能是管道或设备）"));
                    }
                    Err(_) if is_report(&path) => {
                        self.skipped.push((path, "符号链接指向的文件不存在"));
                    }
                    Ok(_) | Err(_) => {}
                }
            } else if kind.is_dir() {
                if self.first_time(&own) {
                    stack.push(self.entries(&path));
                } else {
                    self.skipped.push((path, "已经检查过（同一个文件夹）"));
                }
            } else if kind.is_file() {
                if is_report(&path) {
                    self.file(path, &own);
                }
            } else if is_report(&path) {
                self.skipped.push((path, "不是普通文件（可能是管道、设备或套接字）"));
            }
        }
    }

    fn file(&mut self, path: PathBuf, metadata: &Metadata) {
        if self.first_time(metadata) {
            self.files.push(path);
        } else {
            self.skipped.push((path, "与已检查的文件是同一个文件（链接）"));
        }
    }

    /// The entries of `dir`, sorted.
    fn entries(&mut self, dir: &Path) -> std::vec::IntoIter<PathBuf> {
        self.folders += 1;
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        paths.into_iter()
    }

    /// Whether the folder or file `metadata` describes is met for the first time.
    fn first_time(&mut self, metadata: &Metadata) -> bool {
        identity(metadata).is_none_or(|id| self.seen.insert(id))
    }
}

#[cfg(unix)]
#[expect(clippy::unnecessary_wraps, reason = "the same signature as without inodes")]
fn identity(metadata: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((metadata.dev(), metadata.ino()))
}

/// Without inodes, links to folders are still never followed, so the walk still ends.
#[cfg(not(unix))]
fn identity(_metadata: &Metadata) -> Option<(u64, u64)> {
    None
}

fn is_report(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_reader_is_read_to_the_limit_and_one_byte() {
        // `/dev/zero` in a test: std::io::repeat never ends.
        let read = read_bounded(std::io::repeat(0), 0);
        assert_eq!(read, Err(Unreadable::TooLarge.message().to_string()));
        let mut counted = Counted { inner: std::io::repeat(b'1'), bytes: 0 };
        let _ = read_bounded(&mut counted, 0);
        assert_eq!(counted.bytes, MAX_INPUT_BYTES + 1);
        assert_eq!(read_bounded(&b"abc"[..], 3), Ok(b"abc".to_vec()));
    }

    struct Counted<R> {
        inner: R,
        bytes: usize,
    }

    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.bytes += n;
            Ok(n)
        }
    }
}
