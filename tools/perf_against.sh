#!/usr/bin/env bash
# The performance budget of issue 10, measured whole-process in one run:
#
#   tools/perf_against.sh [--baseline PATH/TO/OTHER/rtxlint] [--runs N] [--no-ciscoconfparse]
#
# - the generated 96k-line config (6,000 IPsec tunnels, clean): rtxlint beside `wc -l` on the
#   same file, and beside ciscoconfparse2 parsing it and finding the tunnels as a user would
#   script it (installed from PyPI into a throwaway virtualenv);
# - peak RSS on that config, as a multiple of the input's size;
# - process start to exit on an empty file, and on a header and one line (every config exported
#   with `show config` names its model in a header, which the model's checks read);
# - 10,000 small configs as a directory, on every core and pinned to one (`taskset -c 0`);
# - JSON output of 200k findings.
#
# Each figure is the best of N runs (default 10; 3 for ciscoconfparse2). With --baseline, the
# other binary (say, main before a change, built in another worktree) is measured in the same
# run, so the two columns are comparable. Criterion benches (benches/) hold the same rows for
# tracking; this script is what compares against other programs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
baseline=""
runs=10
ccp=1
while [ $# -gt 0 ]; do
    case "$1" in
        --baseline) baseline=$(realpath "$2"); shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --no-ciscoconfparse) ccp=0; shift ;;
        *) echo "usage: $0 [--baseline BIN] [--runs N] [--no-ciscoconfparse]" >&2; exit 2 ;;
    esac
done

cd "$root"
# Two builds: one that takes the example too unifies the features of what the example needs
# (criterion's serde_json and the like) into the rtxlint it builds, which is then 0.6 MB larger
# than the binary users install (`cargo install` builds the bin alone). The bin is built last,
# alone, so that it is the one users get.
cargo build --release --quiet --example generate_config
cargo build --release --quiet --bin rtxlint
bin="$root/target/release/rtxlint"
gen="$root/target/release/examples/generate_config"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" clean 96000 > "$work/generated-96k.txt"
: > "$work/empty.txt"
printf '# RTX830 Rev.15.02.30 (Mon Apr  1 00:00:00 2024)\nip lan1 address 192.0.2.1/24\n' > "$work/exported.txt"
"$gen" findings 200000 > "$work/findings-200k.txt"
mkdir "$work/configs"
for i in $(seq 1 10000); do
    printf '%s\n' "$i"
done | (cd "$work/configs" && while read -r i; do "$gen" small 100 "$i" > "office-$i.txt"; done)

# Written back now, not by the kernel's flusher threads in the middle of a timed run (10,000
# fresh files made the all-cores run lose a core to writeback).
sync

if [ "$ccp" = 1 ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check ciscoconfparse2
    cat > "$work/ccp.py" <<'EOF'
import sys
from ciscoconfparse2 import CiscoConfParse
parse = CiscoConfParse(sys.argv[1], syntax="ios")
tunnels = parse.find_objects(r"^tunnel select")
assert len(tunnels) == 6000, len(tunnels)
EOF
fi

python3 - "$work" "$bin" "$baseline" "$runs" "$ccp" <<'EOF'
import os, shutil, subprocess, sys, time

work, current, baseline, runs, ccp = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
big = os.path.join(work, "generated-96k.txt")
size = os.path.getsize(big)

def run(cmd, n=runs):
    """Best wall time (s) of n runs, and the peak RSS (bytes) of one more run."""
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        best = min(best, time.perf_counter() - start)
        if code not in (0, 1):
            sys.exit(f"{cmd} exited with {code}")
    return best, peak_rss(cmd)

def peak_rss(cmd):
    """Peak RSS of the program itself, measured by GNU time: the child of a Python process
    reports the parent's pages as its own maximum before it executes anything."""
    if not os.path.exists("/usr/bin/time"):
        return 0
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr.strip().splitlines()
    return int(out[-1]) * 1024 if out and out[-1].isdigit() else 0

def ms(s):
    return f"{s * 1000:9.2f} ms"

binaries = [("rtxlint", current)] + ([("baseline", baseline)] if baseline else [])
wc, _ = run(["wc", "-l", big])
print(f"input: {big.split('/')[-1]}, {size / 1e6:.2f} MB, {sum(1 for _ in open(big, 'rb'))} lines")
print(f"{'wc -l':28} {ms(wc)}")
if ccp:
    python = os.path.join(work, "venv", "bin", "python")
    cisco, _ = run([python, os.path.join(work, "ccp.py"), big], n=min(runs, 3))
    print(f"{'ciscoconfparse2':28} {ms(cisco)}")
taskset = shutil.which("taskset")
for label, binary in binaries:
    print(f"\n== {label}: {binary}")
    lint, rss = run([binary, big])
    print(f"{'lint 96k (whole process)':28} {ms(lint)}   {lint / wc:6.1f}x wc -l   (target <= 30x)")
    if ccp:
        print(f"{'':28} {'':12}   {cisco / lint:6.1f}x faster than ciscoconfparse2   (target >= 100x)")
    print(f"{'peak RSS on 96k':28} {rss / 2**20:9.1f} MiB {rss / size:6.1f}x input   (target <= 5x)")
    empty, rss_empty = run([binary, os.path.join(work, "empty.txt")])
    print(f"{'empty file (start to exit)':28} {ms(empty)}   RSS {rss_empty / 2**20:.1f} MiB   (target <= 2 ms)")
    exported, rss_exported = run([binary, os.path.join(work, "exported.txt")])
    print(f"{'header and one line':28} {ms(exported)}   RSS {rss_exported / 2**20:.1f} MiB")
    configs = os.path.join(work, "configs")
    every, _ = run([binary, configs], n=max(1, runs // 3))
    line = f"{'10,000 configs, all cores':28} {ms(every)}"
    if taskset:
        one, _ = run([taskset, "-c", "0", binary, configs], n=max(1, runs // 3))
        line += f"   pinned to one core {ms(one).strip()}: {one / every:.2f}x   (target >= 1.6x)"
    print(line)
    json, _ = run([binary, "--format", "json", os.path.join(work, "findings-200k.txt")], n=max(1, runs // 3))
    print(f"{'JSON, 200k findings':28} {ms(json)}   (target <= 300 ms)")
EOF
