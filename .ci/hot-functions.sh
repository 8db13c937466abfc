#!/usr/bin/env bash
# The release binary is laid out from link/hot-functions.txt (see build.rs): fails when the
# list no longer matches the functions the binary has (after a toolchain or dependency update,
# or a change that renames many functions), so the resident-memory budget does not erode
# silently. `tools/hot_functions.sh` writes the list again.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin rtxlint
python3 tools/hot_functions.py check target/release/rtxlint link/hot-functions.txt
