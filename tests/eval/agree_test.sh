#!/usr/bin/env bash
# The truth-only path of decide against the general evaluator (award-agree) on a
# generated population: clean records, one failure of each kind, missing facts,
# individuals; every policy of policies/, many reference dates per record.
# usage: agree_test.sh AWARD_AGREE AWARD_GEN SOURCE_DIR
set -euo pipefail
agree=$1 gen=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" --count 1500 --seed 7 --out "$work/pop.jsonl"
"$agree" "$work/pop.jsonl" "$src"/policies/*.award
