#!/usr/bin/env bash
# The TextMate grammar (editors/textmate/rtx.tmLanguage.json, generated from the catalogue) under
# the tokenizer VS Code uses: vscode-textmate with the Oniguruma WebAssembly build, from npm, in
# Node (Debian's package when the machine has none). See editors/textmate/test/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo/editors/textmate"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "textmate: installing nodejs and npm with apt-get"
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  fi
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
node --version

npm ci --no-audit --no-fund --loglevel=error
npm test
