#!/usr/bin/env bash
# Coverage-guided fuzzing (fuzz/README.md): builds the libFuzzer targets on the stable
# toolchain, seeds them from corpus/ with the catalogue dictionary, runs each for
# FUZZ_SECONDS (default 60, at most 600, so every target stays well inside CI's 90 minutes)
# and fails on any crash, naming the input that crashed and how to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${FUZZ_SECONDS:-60}"
# A fixed libFuzzer seed: CI replays the same mutations from the same seeds each run, so a
# failure is a regression of the code, reproducible with the printed command, not a new find
# by chance. Long local runs (fuzz/README.md) are where new inputs are explored.
fuzz_seed="${FUZZ_SEED:-1}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1 || seconds > 600)); then
    echo "FUZZ_SECONDS must be a whole number of seconds from 1 to 600 (got '$seconds')" >&2
    exit 2
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
# -O: release build; -s none: no sanitizer, which is what works on stable (there is no
# unsafe code to check), while libFuzzer's coverage guidance stays on.
cargo fuzz build -O -s none

bash ./seed.sh
# The dictionary is generated from grammar/ and checked in: it must match the grammar.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git diff --quiet -- rtx.dict; then
    echo "fuzz/rtx.dict is out of date with grammar/: run fuzz/seed.sh and commit it" >&2
    git --no-pager diff --stat -- rtx.dict >&2
    exit 1
fi

failed=()
for target in $(cargo fuzz list); do
    log="artifacts/$target.log"
    mkdir -p "artifacts/$target"
    echo "fuzzing $target for ${seconds}s"
    if cargo fuzz run -O -s none "$target" "corpus/$target" -- \
        -dict=rtx.dict -max_len=4096 -max_total_time="$seconds" -seed="$fuzz_seed" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        grep -E 'stat::number_of_executed_units' "$log" || true
    else
        failed+=("$target")
        echo "::error::fuzz target $target crashed" >&2
        grep -E -A3 "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -n 40 >&2 || true
        input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        if [[ -n "$input" ]]; then
            echo "crashing input: fuzz/${input#"$PWD/"}" >&2
            echo "reproduce: cd fuzz && cargo fuzz run -O -s none $target ${input#"$PWD/"}" >&2
            echo "minimise:  cd fuzz && cargo fuzz tmin -O -s none $target ${input#"$PWD/"}" >&2
        else
            tail -n 40 "$log" >&2
        fi
    fi
done

if ((${#failed[@]})); then
    echo "fuzzing found crashes in: ${failed[*]} (fuzz/README.md says how to turn one into a regression test)" >&2
    exit 1
fi
echo "fuzzing: no crash in $(cargo fuzz list | wc -l) targets, ${seconds}s each"
