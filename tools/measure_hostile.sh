#!/bin/sh
# Measures the hostile cases of README's "Reliability" section: seconds, peak RSS and exit status
# of the release `gouji` on each. usage: tools/measure_hostile.sh [DIR]   (DIR: scratch, /tmp/gouji-hostile)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
gouji="$root/target/release/gouji"
dir=${1:-/tmp/gouji-hostile}
[ -x "$gouji" ] || { echo "build first: cargo build --release -p gouji-cli" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir"
python3 "$root/tools/gen_hostile.py" "$dir/files" > /dev/null
python3 - "$dir" <<'PY'
import os, sys
d = sys.argv[1]
six = os.path.join(d, "six")
os.makedirs(six)
n = 64 * 1024 * 1024 - 64
for name, unit in [("ones.txt", b"1\n"), ("spaced.txt", b"1 "), ("jian.txt", "1件，".encode()),
                   ("letters.txt", b"abcdefgh"), ("pipes.txt", b"|\n"), ("tabs.txt", b"1\t")]:
    open(os.path.join(six, name), "wb").write((unit * (n // len(unit)))[:n])
seed = open(os.path.join(d, "files", "seed-one-ff-byte.txt"), "rb").read().replace(b"\xff", b"")
junk = os.path.join(d, "junk")
os.makedirs(junk)
for k, cell in enumerate([b"1e5", b"1%", "1…".encode(), b"0x1", b"12345678901234567890123", b"9" * 5000]):
    # The 6th row of 表三's 不予公开 group, 自然人 column, as the seed writes it (one cell per line).
    open(os.path.join(junk, f"cell-{k}.txt"), "wb").write(seed.replace(b"\n1 |\n", b"\n" + cell + b" |\n", 1))
esc = os.path.join(d, "escapes")
os.makedirs(esc)
open(os.path.join(esc, "report\x1b[2J\x1b]0;pwned\x07.txt"), "wb").write(b"\x1b[2J\x1b]0;pwned\x07" + seed)
PY
walk="$dir/walk"
mkdir -p "$walk/sub"
cp "$root/tests/fixtures/reports/seed/zhangdian-yingji-2023.txt" "$walk/a.txt"
cp "$root/tests/fixtures/reports/corpus/kewei-2024-source.md" "$walk/sub/b.md"
ln -s . "$walk/self1"; ln -s . "$walk/self2"; ln -s .. "$walk/sub/up"; ln -s a.txt "$walk/again.txt"
mkfifo "$walk/pipe.txt"

measure() { # label, then the command's arguments
    label=$1; shift
    /usr/bin/time -f "%e %M %x" -o "$dir/time" timeout 120 "$@" > "$dir/out" 2> "$dir/err" < "${STDIN:-/dev/null}"
    read -r secs kb rc <<EOT
$(tail -n 1 "$dir/time")
EOT
    printf '%-40s %7s s %9s KB  exit %s\n' "$label" "$secs" "$kb" "$rc"
}
for f in "$dir"/files/*; do measure "$(basename "$f")" "$gouji" check "$f"; done
measure "six 64 MB inputs in one folder" "$gouji" check "$dir/six"
measure "check /dev/zero" "$gouji" check /dev/zero
STDIN=/dev/zero measure "check - < /dev/zero" "$gouji" check -
measure "folder: FIFO, links to ., a loop" "$gouji" check "$walk"
measure "junk value cells (6 files)" "$gouji" check "$dir/junk"
measure "escape sequences in name and title" "$gouji" check --color=never "$dir/escapes"
