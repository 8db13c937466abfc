#!/usr/bin/env bash
# The TextMate grammar (editors/textmate/rtx.tmLanguage.json, generated from the catalogue) under
# the tokenizer VS Code uses: vscode-textmate with the Oniguruma WebAssembly build, from npm. See
# editors/textmate/test/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib/node.sh"
cd "$repo/editors/textmate"
npm ci --no-audit --no-fund --loglevel=error
npm test
