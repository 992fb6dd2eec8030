//! The command line's folder walk (`cli/src/files.rs`, included as is) over a tree that the
//! bytes build on disk: folders, report files, links to `.`, `..` and earlier entries, a socket.
//! The walk must end, take each file and each folder once, and read no more folders than the
//! tree has, however the links loop.
#![no_main]
use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

#[path = "../../cli/src/files.rs"]
#[expect(dead_code, reason = "the walk is what is fuzzed; the readers are not")]
mod files;

fuzz_target!(|data: &[u8]| {
    let root = std::env::temp_dir().join(format!("gouji-walk-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("scratch folder");
    let (folders, regular) = build(&root, data);
    let mut walk = files::Walk::default();
    walk.folder(&root);
    // Each regular file once (as the walk met it: by its own path or a link's).
    let mut ids: Vec<(u64, u64)> = walk.files.iter().filter_map(|f| identity(f)).collect();
    let taken = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), taken, "a file taken twice: {:?}", walk.files);
    assert!(taken <= regular, "{taken} files taken, {regular} made");
    assert!(walk.folders <= folders, "{} folders read, {folders} made", walk.folders);
    let _ = std::fs::remove_dir_all(&root);
});

/// Builds the tree the bytes describe (two bytes per step, at most 48 steps); returns the
/// number of folders (the root included) and of regular files made.
fn build(root: &Path, data: &[u8]) -> (usize, usize) {
    let mut dirs: Vec<PathBuf> = vec![root.to_path_buf()];
    let mut entries: Vec<PathBuf> = Vec::new();
    let (mut folders, mut regular) = (1, 0);
    let mut here = 0usize;
    for (step, pair) in data.chunks(2).take(48).enumerate() {
        let (op, arg) = (pair[0] % 8, usize::from(*pair.get(1).unwrap_or(&0)));
        let dir = dirs[here].clone();
        let name = |ext: &str| dir.join(format!("e{step}{ext}"));
        match op {
            0 => {
                let path = name("");
                if std::fs::create_dir(&path).is_ok() {
                    folders += 1;
                    dirs.push(path.clone());
                    entries.push(path);
                }
            }
            1 => {
                let path = name(if arg % 2 == 0 { ".txt" } else { ".md" });
                if std::fs::write(&path, b"report").is_ok() {
                    regular += 1;
                    entries.push(path);
                }
            }
            2 => link(Path::new("."), &name(if arg % 2 == 0 { "" } else { ".txt" })),
            3 => link(Path::new(".."), &name("")),
            4 if !entries.is_empty() => {
                let target = entries[arg % entries.len()].clone();
                link(&target, &name(if arg % 3 == 0 { ".txt" } else { "" }));
            }
            5 => {
                // A special file with a report's name: a socket (std can make one).
                let _ = std::os::unix::net::UnixListener::bind(name(".txt"));
            }
            6 => here = arg % dirs.len(),
            _ => here = 0,
        }
    }
    (folders, regular)
}

fn link(target: &Path, at: &Path) {
    let _ = std::os::unix::fs::symlink(target, at);
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.dev(), metadata.ino()))
}
