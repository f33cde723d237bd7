#!/usr/bin/env bash
# Bad input, class by class (issue 8): each is answered with a message that
# names the file, the line or record, and the field; exit 1 (2 for a usage
# error); no crash, no hang. And nothing is lost: every record in yields
# exactly one row out, in input order.
# Usage: bad_input_test.sh AWARD_BINARY AWARD_GEN_BINARY SOURCE_DIR
set -u
AWARD=$1
GEN=$2
SRC=$3
cd "$SRC"
. tests/cli/lib.sh  # after cd "$SRC"

P=policies/daqing-2018.award
HEAD='policy t "t" { }
use applicant
'

# --- Policies ---------------------------------------------------------------
: >"$TMP/empty.award"
check "policy: empty" 1 "$AWARD" check "$TMP/empty.award"
contains "empty: names the file and place" "empty.award:1:1: error[E402]"

printf '\177ELF\0\0\1\0' >"$TMP/binary.award"
check "policy: binary" 1 "$AWARD" check "$TMP/binary.award"
contains "binary: named as binary, with its place" "binary.award:1:5: error[E103]: $TMP/binary.award is a binary file"

printf 'policy p "\264\363\307\354" { }\n' >"$TMP/gbk.award"
check "policy: GBK" 1 "$AWARD" check "$TMP/gbk.award"
contains "GBK: not UTF-8, with its place" "gbk.award:1:11: error[E103]"
contains "GBK: named as such" "looks GBK-encoded"

# beside a link to examples/, so that the policy's test fixtures resolve
mkdir "$TMP/policies" && ln -s "$PWD/examples" "$TMP/examples"
{ printf '\357\273\277'; cat "$P"; } >"$TMP/policies/bom.award"
check "policy: a BOM is accepted" 0 "$AWARD" check "$TMP/policies/bom.award"
check "policy: a BOM is accepted by eval" 0 "$AWARD" eval "$TMP/policies/bom.award" examples/daqing-petrochem.json --on 2024-06-30
check "policy: a BOM is accepted by test" 0 "$AWARD" test "$TMP/policies/bom.award"
contains "BOM: its tests pass" " 0 failed"

{ cat "$P"; head -c 10485760 /dev/zero | tr '\0' 'x' | fold -w 100 | sed 's|^|// |'; } >"$TMP/big.award"
check "policy: 10 MB is refused" 1 "$AWARD" check "$TMP/big.award"
contains "10 MB: names the file and the limit" "big.award:1:1: error[E105]: $TMP/big.award is larger than 4194304 bytes"
check "policy: /dev/zero is refused, not read forever" 1 "$AWARD" check /dev/zero
contains "/dev/zero: named" "/dev/zero:1:1: error[E105]"
if [ "$(wc -c <"$TMP/out")" -gt 2000 ]; then fail=$((fail + 1)); echo "FAIL /dev/zero: the message is $(wc -c <"$TMP/out") bytes"; else pass=$((pass + 1)); fi

{ printf '%s' "$HEAD"; printf 'article A "" { require '; head -c 10000 /dev/zero | tr '\0' '('; printf 'true';
  head -c 10000 /dev/zero | tr '\0' ')'; printf ' }\n'; } >"$TMP/deep.award"
check "policy: nested 10,000 deep" 1 "$AWARD" check "$TMP/deep.award"
contains "deep: a clear error with its place" "deep.award:3:"
contains "deep: named" "error[E104]"

printf '%sarticle A "unfinished { }\n' "$HEAD" >"$TMP/unterminated.award"
check "policy: unterminated string" 1 "$AWARD" check "$TMP/unterminated.award"
contains "unterminated string: place and name" "unterminated.award:3:11: error[E101]: unterminated string"
printf '%sarticle A """\n  never ends\n' "$HEAD" >"$TMP/block.award"
check "policy: unterminated text block" 1 "$AWARD" check "$TMP/block.award"
contains "unterminated text block: place and name" "block.award:3:13: error[E101]: unterminated text block"

printf '%sarticle A "" { judgement require "x" }\n' "$HEAD" >"$TMP/keyword.award"
check "policy: a keyword as a name" 1 "$AWARD" check "$TMP/keyword.award"
contains "keyword: place and what was found" "keyword.award:3:26: error[E100]: unexpected \`require\`"

printf '%sarticle 第一条 "本办法所称质量奖……" { }\narticle 第二条 "" { award q "q" for organization\n require legal_person }\n' "$HEAD" >"$TMP/noitems.award"
check "policy: an article with no items is text alone, and valid" 0 "$AWARD" check "$TMP/noitems.award"
check "policy: an article with no items evaluates" 0 "$AWARD" eval "$TMP/noitems.award" examples/daqing-petrochem.json --on 2024-06-30

check "policy: a field type cut by a syntax error (crashed once)" 1 "$AWARD" check tests/fuzz-regressions/compile_fuzz/field-type-cut-by-syntax-error.award
contains "cut field type: place and token" "field-type-cut-by-syntax-error.award:3:16: error[E100]: unexpected \`/\`"

# --- Facts ------------------------------------------------------------------
EV=("$AWARD" eval "$P" --on 2024-06-30 --format jsonl --award quality)

printf '{"id":"A","kind":"organization","legal_person":"yes"}\n{"id":"B","kind":"organization","registered_on":20090416}\n{"id":"C","kind":"organization","incidents":[{"date":"2020-01-01","kind":7}]}\n' >"$TMP/types.jsonl"
check "facts: wrong types" 1 "${EV[@]}" "$TMP/types.jsonl"
contains "wrong type: file, line, record, id, field" "types.jsonl:1 (record 1) A: legal_person: expected true or false, found text"
contains "wrong type: a date as a number" "types.jsonl:2 (record 2) B: registered_on: expected a date \"YYYY-MM-DD\", found a number"
contains "wrong type: inside a list" "types.jsonl:3 (record 3) C: incidents[0].kind: expected one of quality, production_safety"

printf '{"id":"A","kind":"organization","registered_on":"2023-02-30"}\n{"id":"B","kind":"organization","registered_on":"2024-13-01"}\n' >"$TMP/dates.jsonl"
check "facts: impossible dates" 1 "${EV[@]}" "$TMP/dates.jsonl"
contains "2023-02-30 named" "dates.jsonl:1 (record 1) A: registered_on: \"2023-02-30\" is not a date in the calendar"
contains "month 13 named" "dates.jsonl:2 (record 2) B: registered_on: \"2024-13-01\" is not a date"

printf '%sarticle 第一条 "" { award q "q" for organization\n require scores.total >= 600 and scores.site >= 0 }\n' "$HEAD" >"$TMP/scores.award"
printf '{"id":"A","kind":"organization","scores":{"total":-5}}\n{"id":"B","kind":"organization","scores":{"total":1000.5}}\n{"id":"C","kind":"organization","scores":{"total":1000,"site":0}}\n{"id":"D","kind":"organization","scores":{"total":700,"site":1200}}\n' >"$TMP/scores.jsonl"
check "facts: scores out of 0..1000" 1 "$AWARD" eval "$TMP/scores.award" "$TMP/scores.jsonl" --on 2024-06-30 --format jsonl
contains "negative score: record and field" "scores.jsonl:1 (record 1) A: scores.total: -5 is outside 0..1000"
contains "over-range score: record and field" "scores.jsonl:2 (record 2) B: scores.total: 1000.5 is outside 0..1000"
contains "the bounds themselves are in range" '{"applicant":"C","award":"q","verdict":"eligible","failed":[]}'
contains "over-range site score" "scores.jsonl:4 (record 4) D: scores.site: 1200 is outside 0..1000"
contains "scores summary" "4 records in, 1 result out, 3 errors"
printf '%srecord r { x: text in 0..10 }\n' "$HEAD" >"$TMP/badbounds.award"
check "policy: bounds on a text field" 1 "$AWARD" check "$TMP/badbounds.award"
contains "bounds on text: named" "badbounds.award:3:20: error[E300]: bounds \`in 0..10\` apply to number or money fields"
printf '%srecord r { x: number in 10..0 }\n' "$HEAD" >"$TMP/backwards.award"
check "policy: bounds high to low" 1 "$AWARD" check "$TMP/backwards.award"
contains "bounds backwards: named" "error[E106]: \`in 10..0\` is not a range of numbers from low to high"

printf '{"id":"A","kind":"organization","legal_person":true,"colour":"red","incidents":[{"date":"2020-01-01","weather":"fine"}]}\n' >"$TMP/unknown.jsonl"
check "facts: unknown fields warn, evaluation goes on" 0 "${EV[@]}" "$TMP/unknown.jsonl"
contains "unknown fields: named with the record" "warning: $TMP/unknown.jsonl (record 1) A: unknown fields colour, incidents[0].weather (ignored)"
contains "unknown fields: still evaluated" '{"applicant":"A","award":"quality"'

printf '{"id":"A","kind":"organization"}\n{"id":"B","kind":"organization"}\n{"id":"A","kind":"organization"}\n' >"$TMP/dup.jsonl"
check "facts: duplicate applicant ids" 1 "${EV[@]}" "$TMP/dup.jsonl"
contains "duplicate: names the record, the id and the first" "dup.jsonl:3 (record 3) A: id: duplicate applicant id (first seen in record 1)"
contains "duplicate: summary" "3 records in, 2 results out, 1 error"

printf '{"id":"A","kind":"organization","legal_person":true,"registered_on":"2009-0' >"$TMP/truncated.json"
check "facts: truncated JSON" 1 "${EV[@]}" "$TMP/truncated.json"
contains "truncated: names file, line and record" "truncated.json:1 (record 1): not valid JSON"
printf '[{"id":"A","kind":"organization"},\n {"id":"B","kind":"organiz' >"$TMP/truncated-array.json"
check "facts: truncated array" 1 "${EV[@]}" "$TMP/truncated-array.json"
contains "truncated array: names the file, line and record" "truncated-array.json:1 (record 1): not valid JSON (A string is opened, but never closed.)"
printf '{"id":"A","kind":"organization"}\n{"id":"B","kind":"organization","legal_person":tr\n{"id":"C","kind":"organization"}\n' >"$TMP/truncated.jsonl"
check "facts: a truncated line in JSON Lines" 1 "${EV[@]}" "$TMP/truncated.jsonl"
contains "truncated line: names line and record" "truncated.jsonl:2 (record 2): not valid JSON"
contains "truncated line: the next record is evaluated" '{"applicant":"C","award":"quality"'

printf '{"id":"A","kind":"organization"}\n42\n"text"\n[{"id":"B"}]\nnull\n' >"$TMP/notobj.jsonl"
check "facts: records that are not objects" 1 "${EV[@]}" "$TMP/notobj.jsonl"
contains "not an object: line and record" "notobj.jsonl:2 (record 2): a record must be a JSON object"
contains "not an object: an array line" "notobj.jsonl:4 (record 4): a record must be a JSON object"
contains "not an object: summary" "5 records in, 1 result out, 4 errors"
printf '[{"id":"A","kind":"organization"}, 7, {"id":"B","kind":"organization"}]' >"$TMP/notobj.json"
check "facts: a non-object in an array" 1 "${EV[@]}" "$TMP/notobj.json"
contains "array element: record named" "notobj.json (record 2): a record must be a JSON object"
contains "array element: the others evaluated" '{"applicant":"B","award":"quality"'
printf '"just text"\n' >"$TMP/scalar.json"
check "facts: a file that is one scalar" 1 "${EV[@]}" "$TMP/scalar.json"
contains "scalar: named" "scalar.json:1 (record 1): expected a JSON object, an array of objects, or JSON Lines"
printf '\0\1\2\3binary\n' >"$TMP/binary.json"
check "facts: binary" 1 "${EV[@]}" "$TMP/binary.json"
contains "binary facts: file and record" "binary.json:1 (record 1): not valid JSON"

check "facts: a NUL byte inside a JSON Lines record" 1 "${EV[@]}" tests/fuzz-regressions/eval_fuzz/nul-inside-a-jsonl-line.jsonl
contains "NUL: that record is refused" "nul-inside-a-jsonl-line.jsonl:2 (record 2) B: not valid JSON"
contains "NUL: the next record is not lost" '{"applicant":"C","award":"quality"'
contains "NUL: summary" "3 records in, 2 results out, 1 error"

printf '{"id":"A","kind":"organization"}\n{"i":d"C","kind":"orga\345\244\247registered_on":"2010-01-01"}\n{"id":"C","kind":"organization"}\n' >"$TMP/badvalue.jsonl"
check "facts: a malformed value before the id (crashed once)" 1 "${EV[@]}" "$TMP/badvalue.jsonl"
contains "malformed value: line and record" "badvalue.jsonl:2 (record 2): not valid JSON"
contains "malformed value: the next record is evaluated" '{"applicant":"C","award":"quality"'

# A record longer than the limit (16 MiB) is an error row; the next is read.
{ echo '{"id":"A","kind":"organization"}'; printf '{"id":"B","kind":"organization","name":"'
  head -c 17000000 /dev/zero | tr '\0' 'x'; echo '"}'; echo '{"id":"C","kind":"organization"}'; } >"$TMP/long.jsonl"
check "facts: a record over the size limit" 1 "${EV[@]}" "$TMP/long.jsonl"
contains "long record: named with line and record" "long.jsonl:2 (record 2): the record is longer than 16 MiB, the limit for one record"
contains "long record: the next is evaluated" '{"applicant":"C","award":"quality"'
{ printf '{\n"id": "B",\n"name": "'; head -c 17000000 /dev/zero | tr '\0' 'x'; printf '"\n}\n'; } >"$TMP/long.json"
check "facts: a pretty-printed record over the size limit" 1 "${EV[@]}" "$TMP/long.json"
contains "long object: named" "long.json:1 (record 1): the record is longer than 16 MiB"

# --- The command line -------------------------------------------------------
check "cli: unknown option exits 2" 2 "$AWARD" eval "$P" examples/daqing-petrochem.json --frobnicate
contains "cli: unknown option named" "--frobnicate"
check "cli: unknown subcommand exits 2" 2 "$AWARD" frobnicate
check "cli: bad --format exits 2" 2 "$AWARD" eval "$P" examples/daqing-petrochem.json --format xml
contains "cli: bad format named" "xml"
check "cli: missing policy" 1 "$AWARD" eval "$TMP/none.award" examples/daqing-petrochem.json
contains "cli: missing policy named" "none.award: no such file"
check "cli: missing facts" 1 "$AWARD" eval "$P" "$TMP/none.json"
contains "cli: missing facts named" "error: $TMP/none.json: no such file"
check "cli: a directory as the policy" 1 "$AWARD" check "$TMP"
contains "cli: directory policy named" "$TMP: it is a directory, not a file"
# a folder without policies in it: a folder of .award files would be read as policies
mkdir -p "$TMP/records"
check "cli: a directory as the facts" 1 "$AWARD" eval "$P" "$TMP/records"
contains "cli: directory facts named" "error: $TMP/records: is a directory, not a file of records"
check "cli: missing files among good ones: the others still run" 1 "$AWARD" eval "$P" "$TMP/none.json" examples/daqing-petrochem.json --format jsonl --on 2024-06-30
contains "cli: the good file evaluated" '"applicant":"DQ-2024-001"'
if [ -w /dev/full ]; then
  check "cli: unwritable output (stdout is /dev/full)" 1 sh -c "\"$AWARD\" eval $P examples/daqing-petrochem.json --on 2024-06-30 >/dev/full"
  contains "cli: unwritable output named" "error: could not write the results to standard output"
  check "cli: unwritable output, IR" 1 sh -c "\"$AWARD\" compile $P >/dev/full"
  contains "cli: unwritable IR named" "could not write"
fi

# --- Nothing lost -----------------------------------------------------------
# 300 generated records with bad ones spliced in at known places: every record
# in yields exactly one row out, in input order, and the summary adds up.
"$GEN" --count 300 --seed 8 >"$TMP/gen.jsonl"
awk 'NR==5{print "{\"id\":\"BAD-1\",\"kind\":\"organization\",\"registered_on\":\"2023-02-30\"}"}
     NR==100{print "[1,2]"} NR==150{print "{\"id\":\"BAD-3\",\"kind\":"} NR==250{print "{\"id\":\"BAD-4\",\"kind\":\"martian\"}"}
     {print}' "$TMP/gen.jsonl" >"$TMP/batch.jsonl"
check "nothing lost: a batch with bad records" 1 sh -c "\"$AWARD\" eval $P $TMP/batch.jsonl --on 2024-06-30 --format jsonl --award quality >$TMP/rows.jsonl"
contains "nothing lost: summary" "304 records in, 300 results out, 4 errors"
check "nothing lost: one row per record, in order" 0 node -e '
  const fs = require("fs");
  const inp = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(l => l.trim());
  const out = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(l => l.trim()).map(l => JSON.parse(l));
  if (inp.length !== 304 || out.length !== inp.length) { console.log(`in ${inp.length}, out ${out.length}`); process.exit(1); }
  let errors = 0;
  inp.forEach((line, i) => {
    const row = out[i];
    if ("error" in row) { errors++; if (row.record !== i + 1) { console.log(`row ${i + 1} names record ${row.record}`); process.exit(1); } return; }
    const id = JSON.parse(line).id;
    if (row.applicant !== id) { console.log(`row ${i + 1} is ${row.applicant}, expected ${id}`); process.exit(1); }
  });
  if (errors !== 4) { console.log(`${errors} error rows`); process.exit(1); }
' "$TMP/batch.jsonl" "$TMP/rows.jsonl"
"$AWARD" eval "$P" "$TMP/batch.jsonl" --on 2024-06-30 --format json >"$TMP/batch.json" 2>/dev/null
check "nothing lost: the JSON summary adds up" 0 node -e '
  const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const awards = 2;  // daqing-2018: quality and nomination
  const ok = j.summary.records === 304 && j.summary.errors === 4 && j.errors.length === 4 &&
             j.results.length === j.summary.results && j.summary.results === 300 * awards &&
             j.errors.map(e => e.record).join() === "5,101,152,253";
  if (!ok) { console.log(JSON.stringify(j.summary), j.errors.map(e => e.record)); process.exit(1); }
' "$TMP/batch.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
