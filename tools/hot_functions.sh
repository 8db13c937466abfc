#!/usr/bin/env bash
# Writes link/hot-functions.txt: the functions rtxlint executes on an empty file, a clean
# 10k-line config (both halves of the two-thread paths), a config full of findings and the
# bundled corpus, in the order they first run. build.rs has the linker lay them out first,
# together (see there for why). Run it, and commit the list, when .ci/hot-functions.sh says
# the list no longer lays out the binary (after a toolchain or dependency update, or a change
# that renames many functions). Needs Valgrind; takes about two minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
# Built as users get it, the bin alone (see perf_against.sh), after the generator.
cargo build --release --locked --quiet --example generate_config
cargo build --release --locked --quiet --bin rtxlint
bin="$root/target/release/rtxlint"
gen="$root/target/release/examples/generate_config"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$work/empty.txt"
"$gen" clean 10000 > "$work/clean-10k.txt"
"$gen" findings 3000 > "$work/findings-3k.txt"

python3 tools/hot_functions.py write "$bin" link/hot-functions.txt \
    -- "$bin" "$work/empty.txt" \
    -- "$bin" "$work/clean-10k.txt" \
    -- "$bin" "$work/findings-3k.txt" \
    -- "$bin" corpus
# The list changes the layout, not the names: the binary built with it must match it.
cargo build --release --locked --quiet --bin rtxlint
python3 tools/hot_functions.py check "$bin" link/hot-functions.txt
