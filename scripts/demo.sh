#!/usr/bin/env bash
# The main job on the examples: every example applicant against every policy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
for policy in policies/*.award; do
  echo
  ./build/award eval "$policy" examples/*.json --on 2024-06-30
done
