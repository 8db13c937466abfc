#!/usr/bin/env bash
# `rtxlint lsp` under a real editor: headless Neovim (Debian's package, 0.7) opens the AWS
# scenario and the fixed config with its built-in LSP client and checks the diagnostics it
# receives, a settings change and a clean shutdown (.ci/neovim/lsp_test.lua).
#
# RTXLINT_BIN=/path/to/rtxlint skips the build and tests that binary instead.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if ! command -v nvim >/dev/null 2>&1; then
  echo "neovim-lsp: installing neovim with apt-get"
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  fi
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
nvim --version | head -n 1

bin=${RTXLINT_BIN:-}
if [ -z "$bin" ]; then
  cargo build --bin rtxlint
  bin="${CARGO_TARGET_DIR:-target}/debug/rtxlint"
fi
case $bin in
  /*) ;;
  *) bin="$repo/$bin" ;;
esac

# A throwaway home for Neovim: no user config, and its LSP log where we can show it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"

scenarios="$repo/corpus/scenarios"
# The Lua script ends Neovim itself (`:qall!` or `:cquit 1`); the `cquit 2` after it only runs
# if the script could not be loaded at all.
# Twice: in an English locale, and in a Japanese one (the server then speaks Japanese).
status=0
for lang in C.UTF-8 ja_JP.UTF-8; do
  expect=en
  [ "$lang" = ja_JP.UTF-8 ] && expect=ja
  echo "neovim-lsp: LANG=$lang"
  env -u LC_ALL -u LC_MESSAGES LANG="$lang" RTXLINT_EXPECT_LANG="$expect" \
    RTXLINT_BIN="$bin" \
    RTXLINT_SEED2="$scenarios/seed-2-aws-pasted.txt" \
    RTXLINT_CLEAN="$repo/crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt" \
    RTXLINT_EXPECTED="$scenarios/expected.json" \
    timeout 300 nvim --headless --clean -c "luafile .ci/neovim/lsp_test.lua" -c "cquit 2" \
    </dev/null || status=$?
  [ "$status" -ne 0 ] && break
done

if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "neovim-lsp: nvim did not finish within 300 s" >&2
  for log in "$XDG_CACHE_HOME/nvim/lsp.log" "$XDG_STATE_HOME/nvim/lsp.log"; do
    if [ -f "$log" ] && [ "$(wc -l <"$log")" -gt 1 ]; then
      echo "neovim-lsp: last lines of $log:" >&2
      tail -n 30 "$log" >&2
    fi
  done
  echo "neovim-lsp: failed (status $status)" >&2
  exit "$status"
fi
echo "neovim-lsp: passed"

# The README's snippet, sourced as a user would, with rtxlint on PATH: on this Neovim as it
# is, and with the 0.8 API polyfilled so both of its branches run.
for polyfill in 0 1; do
  PATH="$(dirname "$bin"):$PATH" RTXLINT_POLYFILL_START=$polyfill \
    RTXLINT_SNIPPET="$repo/editors/neovim/rtxlint.lua" \
    RTXLINT_CONFIG="$scenarios/seed-2-aws-pasted.txt" \
    timeout 120 nvim --headless --clean -c "luafile .ci/neovim/snippet_test.lua" -c "cquit 2" \
    </dev/null
done
echo "neovim-snippet: passed"
