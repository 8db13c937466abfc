#!/usr/bin/env bash
# Installs pre-commit from PyPI and runs this repository's hook the way a user's repository
# would: it must pass on a clean config and fail on a broken one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

python3 -m pip install --quiet --disable-pip-version-check pre-commit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init --quiet
git config user.email ci@example.invalid
git config user.name ci
cp "$repo/crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt" clean.txt
cp "$repo/corpus/scenarios/seed-5-typos.txt" broken.txt
git add clean.txt broken.txt

echo "pre-commit hook on a clean config (must pass)"
python3 -m pre_commit try-repo "$repo" rtxlint --files clean.txt

echo "pre-commit hook on a broken config (must fail)"
if python3 -m pre_commit try-repo "$repo" rtxlint --files broken.txt; then
  echo "the hook passed a broken config" >&2
  exit 1
fi
echo "pre-commit hook: passed on clean.txt, failed on broken.txt as it should"
