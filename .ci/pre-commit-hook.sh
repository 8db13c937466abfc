#!/usr/bin/env bash
# Installs pre-commit from PyPI and runs this repository's hook the way a user's repository
# would, from a `.pre-commit-config.yaml` written like the README's snippet (the repository
# pinned to a commit sha): it must pass on a clean config and fail on a broken one.
#
# Both runs share one pre-commit environment, so the hook's `cargo install` builds rtxlint
# once, and into this checkout's target/ (CARGO_TARGET_DIR): later steps of .ci/run reuse
# target/release/rtxlint instead of building it again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sha=$(git -C "$repo" rev-parse HEAD)

python3 -m pip install --quiet --disable-pip-version-check pre-commit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" CARGO_TARGET_DIR="$repo/target"
cd "$work"
git init --quiet
git config user.email ci@example.invalid
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: file://$repo
    rev: $sha
    hooks:
      - id: rtxlint
YAML
cp "$repo/crates/rtx-linter/fixtures/wan-without-secure-filter/valid/pppoe-standard-filters.txt" clean.txt
cp "$repo/corpus/scenarios/seed-5-typos.txt" broken.txt
git add .pre-commit-config.yaml clean.txt broken.txt

echo "pre-commit hook on a clean config (must pass)"
python3 -m pre_commit run rtxlint --files clean.txt

echo "pre-commit hook on a broken config (must fail)"
if python3 -m pre_commit run rtxlint --files broken.txt; then
  echo "the hook passed a broken config" >&2
  exit 1
fi
echo "pre-commit hook: passed on clean.txt, failed on broken.txt as it should"
