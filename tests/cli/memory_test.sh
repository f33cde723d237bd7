#!/usr/bin/env bash
# JSON Lines is streamed: the peak memory of `award eval` reading N records
# from a generator through standard input stays flat when N grows tenfold.
# (The by-hand run of about 1 GB is in README "Limits".) What may grow is the
# set of applicant ids kept to find duplicates, a few dozen bytes a record;
# the record text itself is never held beyond one line.
# Usage: memory_test.sh AWARD_BINARY AWARD_GEN_BINARY SOURCE_DIR
set -u
AWARD=$1
GEN=$2
SRC=$3
cd "$SRC"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

peak_kb() {  # peak_kb N: the maximum resident set of award eval over N generated records
  "$GEN" --count "$1" --seed 1 |
    /usr/bin/time -f '%M' -o "$TMP/rss" "$AWARD" eval policies/daqing-2018.award - --on 2024-06-30 --format jsonl \
      >"$TMP/rows" 2>"$TMP/err"
  local rows
  rows=$(wc -l <"$TMP/rows")
  if [ "$rows" -ne $(($1 * 2)) ]; then echo "FAIL: $1 records gave $rows rows"; tail -3 "$TMP/err"; exit 1; fi
  cat "$TMP/rss"
}

small=$(peak_kb 10000) || exit 1
large=$(peak_kb 100000) || exit 1
# 90,000 more ids at well under 100 bytes each is under 9 MB; the rest must not move.
allowed=$((small + 9 * 1024))
echo "peak RSS: 10,000 records ${small} kB, 100,000 records ${large} kB (allowed ${allowed} kB)"
if [ "$large" -gt "$allowed" ]; then
  echo "1 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
