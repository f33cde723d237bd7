#!/usr/bin/env bash
# The parallel batch path (JSON Lines file in, --format jsonl out) against the
# serial path (the same lines from standard input): the same rows, in the same
# order, the same messages and exit status, with one thread and with several, on a
# file of several blocks with awkward lines among good ones.
# Usage: batch_test.sh AWARD_BINARY AWARD_GEN_BINARY SOURCE_DIR
set -u
AWARD=$1
GEN=$2
cd "$3"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

"$GEN" --count 2500 --seed 7 --out "$TMP/pop.jsonl"
# Every 250th line is followed by a bad or unusual one: empty, blank, CRLF, text after
# the object, an unfinished object, not an object, an impossible date, a second
# use of an id, an unknown field, not JSON; the file ends without a newline.
awk 'BEGIN { n = split("|   \t|{\"id\":\"X1\",\"kind\":\"organization\"}\r|{\"id\":\"X2\",\"kind\":\"organization\"} x|{\"id\":\"X3\",\"kind\":|[1,2]|{\"id\":\"X4\",\"kind\":\"organization\",\"registered_on\":\"2023-02-30\"}|{\"id\":\"GEN-000001\",\"kind\":\"organization\"}|{\"id\":\"X5\",\"kind\":\"organization\",\"colour\":\"red\"}|not json", odd, "|") }
     { print } NR % 250 == 0 { print odd[(NR / 250) % n + 1] }' "$TMP/pop.jsonl" >"$TMP/mixed.jsonl"
printf '{"id":"LAST","kind":"individual"}' >>"$TMP/mixed.jsonl"

run() {  # run NAME ARGS... : stdout in $TMP/NAME.out, stderr in $TMP/NAME.err, status in $TMP/NAME.rc
  local name=$1
  shift
  "$AWARD" eval policies/daqing-2018.award "$@" --on 2024-06-30 --format jsonl >"$TMP/$name.out" 2>"$TMP/$name.err"
  echo $? >"$TMP/$name.rc"
}
run serial - <"$TMP/mixed.jsonl"
sed -i 's/<stdin>/FILE/g' "$TMP/serial.err" "$TMP/serial.out"
for jobs in 1 2 3; do
  run "j$jobs" "$TMP/mixed.jsonl" --jobs "$jobs"
  sed -i "s|$TMP/mixed.jsonl|FILE|g" "$TMP/j$jobs.err" "$TMP/j$jobs.out"
  for part in out err rc; do
    if cmp -s "$TMP/serial.$part" "$TMP/j$jobs.$part"; then pass=$((pass + 1)); else
      fail=$((fail + 1)); echo "FAIL --jobs $jobs: $part differs from the serial path"
      diff "$TMP/serial.$part" "$TMP/j$jobs.$part" | head -10
    fi
  done
done
# The second GEN-000001 is refused, naming where the id was first seen.
if grep -qF '"applicant": "GEN-000001", "file": "FILE", "record": 1756, "line": 1757, "field": "id", "error": "duplicate applicant id (first seen in record 1)"' "$TMP/j2.out"; then
  pass=$((pass + 1))
else
  fail=$((fail + 1)); echo "FAIL duplicate id row:"; grep -F 'duplicate' "$TMP/j2.out" | head -3
fi
# One row per record and award (two awards), one per bad record, none for a blank
# line: 2500 generated and LAST, two rows each; X1 and X5 (good), two each; X2,
# X3, [1,2], X4, the second GEN-000001 and `not json`, one each.
rows=$(wc -l <"$TMP/j2.out")
if [ "$rows" -eq $(( 2501 * 2 + 2 * 2 + 6 )) ]; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL rows: $rows"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
