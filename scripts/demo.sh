#!/usr/bin/env bash
# The main job on the examples: every example applicant against every policy,
# one table with the deciding article of each `ineligible`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/award eval policies examples/*.json --on 2024-06-30
