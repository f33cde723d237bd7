#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the suite in build/,
# the same suite under AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/, then each fuzz target for a bounded time (scripts/fuzz.sh;
# AWARD_FUZZ_SECONDS per target, default 60). Each CTest run ends with its
# summary line; each suite inside it ends with `N passed, N failed` of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# the calendar's test oracle (chinese-days), pinned by package-lock.json
(cd tests/calendar && npm ci --no-audit --no-fund --loglevel=error)
# the VS Code extension and its grammar test (vscode-textmate, vscode-oniguruma, @vscode/vsce)
(cd editor-support/vscode && npm ci --no-audit --no-fund --loglevel=error)
bash scripts/build.sh
ctest --test-dir build -j"$(nproc)" --output-on-failure
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWARD_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan -j"$(nproc)" --output-on-failure
bash scripts/fuzz.sh "${AWARD_FUZZ_SECONDS:-60}"
