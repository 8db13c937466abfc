#!/usr/bin/env bash
# The VS Code extension: its tests (activation and server discovery against a fake `vscode`),
# the esbuild bundle, and a platform package with the release binary inside
# (`vsce package --target`), which fails on any warning vsce prints.
#
# Needs target/release/rtxlint (built earlier in .ci/run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib/node.sh"
cd "$repo/editors/vscode"
npm ci --no-audit --no-fund --loglevel=error
npm test
npm run build

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch=$(uname -m) ;;
esac
target="linux-$arch"
rm -rf bin ./*.vsix
mkdir -p "bin/$target"
cp "$repo/target/release/rtxlint" "bin/$target/rtxlint"
out=$(npx vsce package --no-dependencies --target "$target" 2>&1)
echo "$out"
if grep -qi 'warning' <<<"$out"; then
  echo "vscode: vsce printed a warning" >&2
  exit 1
fi
vsix=$(ls ./*.vsix)
# The package holds the server and the grammar generated from the catalogue.
python3 -m zipfile -l "$vsix" | grep -q "extension/bin/$target/rtxlint"
python3 -m zipfile -l "$vsix" | grep -q "extension/syntaxes/rtx.tmLanguage.json"
echo "vscode: packaged $vsix"
