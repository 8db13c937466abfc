#!/usr/bin/env bash
# Release checks, run by .ci/run:
# 1. the workspace builds with the Rust version Cargo.toml declares (rust-version), so the
#    declared minimum is true (let chains need 1.88; clippy's msrv lints read the same field);
# 2. rtx-syntax packages with its grammar: the packaged file list holds every grammar/*.rtxg,
#    and `cargo package` builds the packaged crate (its build.rs fails when it finds no grammar,
#    so a crate published without it cannot pass).
set -euo pipefail
cd "$(dirname "$0")/.."

msrv=$(sed -n 's/^rust-version = "\([0-9.]*\)"$/\1/p' Cargo.toml | head -n 1)
[[ -n "$msrv" ]] || { echo "no rust-version in Cargo.toml" >&2; exit 1; }
[[ "$msrv" == *.*.* ]] || msrv="$msrv.0"
rustup toolchain install "$msrv" --profile minimal >/dev/null
cargo +"$msrv" check --workspace --all-targets

packaged=$(cargo package -p rtx-syntax --allow-dirty --list 2>/dev/null | grep -c '^grammar/.*\.rtxg$' || true)
in_repo=$(find grammar -maxdepth 1 -name '*.rtxg' | wc -l)
if [[ "$in_repo" -eq 0 || "$packaged" -ne "$in_repo" ]]; then
    echo "rtx-syntax's package holds $packaged grammar files, the repository $in_repo" >&2
    exit 1
fi
cargo package -p rtx-syntax --allow-dirty
echo "release checks: Rust $msrv builds the workspace; rtx-syntax packages with $packaged grammar files"
