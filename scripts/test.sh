#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. The last line is CTest's
# summary; each suite inside it ends with `N passed, N failed` of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# the calendar's test oracle (chinese-days), pinned by package-lock.json
(cd tests/calendar && npm ci --no-audit --no-fund --loglevel=error)
# the VS Code extension and its grammar test (vscode-textmate, vscode-oniguruma, @vscode/vsce)
(cd editor-support/vscode && npm ci --no-audit --no-fund --loglevel=error)
bash scripts/build.sh
ctest --test-dir build -j"$(nproc)" --output-on-failure
