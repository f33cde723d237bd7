#!/usr/bin/env bash
# End-to-end tests of `award rank`: for each policy, a year of applicants
# (tests/rank/POLICY/) ranked as text and JSON against the reviewed output
# beside them; CSV output safe in a spreadsheet; the panel's scores as UTF-8
# with a BOM and as GBK; bad score files refused naming file, line and field.
# Usage: rank_test.sh AWARD_BINARY SOURCE_DIR
set -u
AWARD=$1
SRC=$2
cd "$SRC"
. tests/cli/lib.sh  # after cd "$SRC"
same() {  # same NAME EXPECTED_FILE  (the last check's output must equal it)
  if diff -u "$2" "$TMP/out" >"$TMP/diff"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: differs from $2"; head -60 "$TMP/diff" | sed 's/^/    /'
  fi
}

# Each fixture: applicants.jsonl, an `args` line (dates, scores file), and the
# expected text and JSON.
for dir in tests/rank/*/; do
  name=$(basename "$dir")
  read -r -a args <"$dir/args"
  (cd "$dir" && "$AWARD" rank "../../../policies/$name.award" applicants.jsonl "${args[@]}") >"$TMP/out" 2>/dev/null
  same "$name text" "$dir/expected.txt"
  (cd "$dir" && "$AWARD" rank "../../../policies/$name.award" applicants.jsonl "${args[@]}" --format json) >"$TMP/out" 2>/dev/null
  same "$name json" "$dir/expected.json"
done

# The 大庆 measure in Chinese keywords ranks the same year the same way.
D=tests/rank/daqing-2018
read -r -a dargs <"$D/args"
check "daqing zh json" 0 "$AWARD" rank policies/daqing-2018-zh.award "$D/applicants.jsonl" "${dargs[@]}" --format json
sed -e 's/"policy": "daqing-2018-zh"/"policy": "daqing-2018"/' "$TMP/out" >"$TMP/zh.json"
"$AWARD" rank policies/daqing-2018.award "$D/applicants.jsonl" "${dargs[@]}" --format json >"$TMP/out" 2>&1
if diff -q "$TMP/zh.json" "$TMP/out" >/dev/null; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL daqing zh ranks differently"; diff "$TMP/zh.json" "$TMP/out" | head -20
fi

# A folder of records is read like the file.
mkdir -p "$TMP/folder"
split -l 5 -d --additional-suffix=.jsonl "$D/applicants.jsonl" "$TMP/folder/part"
check "folder of records" 0 "$AWARD" rank policies/daqing-2018.award "$TMP/folder" "${dargs[@]}" --format json
if diff -q "$TMP/out" <("$AWARD" rank policies/daqing-2018.award "$D/applicants.jsonl" "${dargs[@]}" --format json 2>/dev/null) >/dev/null; then
  pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL a folder ranks differently from its records in one file"; fi

# --- CSV output: formula-like names are neutralised, fields quoted (RFC 4180) ---
R=tests/rank/rugao-2021
check "rugao csv" 0 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$R/scores-gbk.csv" --on 2024-06-30 --format csv
contains "a formula name is text" "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"点击\"\")\""
contains "+ is neutralised" ",'+1 如皋,"
contains "- is neutralised" ",'-2 如皋,"
contains "@ is neutralised" ",'@x 再次获奖,"
lacks "no cell starts with =" ",=HYPERLINK"
contains "csv header" "award,applicant,name,outcome,score,bonus,reason,ref"
"$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$R/scores-gbk.csv" --on 2024-06-30 --format csv >"$TMP/out" 2>/dev/null
same "rugao csv, reviewed" "$R/expected.csv"

# --- the panel's scores file ---------------------------------------------------
check "GBK scores are read" 0 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$R/scores-gbk.csv" --on 2024-06-30
contains "GBK noted" "read as GBK (GB18030), not UTF-8"
contains "GBK score used: 0.3 × 1 + 0.7 × 871 is exactly 610" "RG-A 如皋 恰好610  score 610"
printf '\xff\xfei\x00d\x00\n\x00' >"$TMP/utf16.csv"
check "UTF-16 refused" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/utf16.csv" --on 2024-06-30
contains "UTF-16 named" "the scores file is UTF-16"
printf 'id,material,site\nRG-A,abc,871\n' >"$TMP/nan.csv"
check "not a number" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/nan.csv" --on 2024-06-30
contains "names file, line and field" "$TMP/nan.csv:2: field \`material\`: \`abc\` is not a number"
contains "nothing ranked" "nothing ranked"
printf 'id,material,site\nRG-A,1,1000.5\n' >"$TMP/range.csv"
check "out of range" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/range.csv" --on 2024-06-30
contains "range named" "$TMP/range.csv:2: field \`site\`: 1000.5 is outside 0..1000"
printf 'id,material,site\nRG-ZZ,1,1\n' >"$TMP/unknown.csv"
check "unknown id" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/unknown.csv" --on 2024-06-30
contains "unknown id named" "$TMP/unknown.csv:2: field \`id\`: \`RG-ZZ\` names no applicant"
printf 'id,material\nRG-A,1\n' >"$TMP/header.csv"
check "header lacks site" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/header.csv" --on 2024-06-30
contains "header named" "$TMP/header.csv:1: the first row is the header id,material,site[,total]"
printf 'id,material,site\nRG-A,1,2,3\n"RG-B,1,2\n' >"$TMP/fields.csv"
check "wrong field count and open quote" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/fields.csv" --on 2024-06-30
contains "field count" "$TMP/fields.csv:2: 4 fields, and the header has 3"
contains "open quote" "$TMP/fields.csv:3: a quote is not closed"
printf 'id,material,site\nRG-A,1,2\nRG-A,3,4\n' >"$TMP/dup.csv"
check "duplicate id" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/dup.csv" --on 2024-06-30
contains "duplicate named" "$TMP/dup.csv:3: field \`id\`: id \`RG-A\` is already scored on line 2"
printf 'id,material,site\n\xc4\xe3\xba\xc3\xff\xff,1,2\n' >"$TMP/neither.csv"
check "neither UTF-8 nor GBK" 1 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --scores "$TMP/neither.csv" --on 2024-06-30
contains "encoding named" "neither UTF-8 nor GBK"

# --- bad records and usage -------------------------------------------------------
printf '{"id": "RG-X", "kind": "organization", "scores": {"total": 1200}}\n' >"$TMP/big.jsonl"
check "score out of range in a record" 1 "$AWARD" rank policies/rugao-2021.award "$TMP/big.jsonl" --on 2024-06-30
contains "record score named" "$TMP/big.jsonl:1 (record 1) RG-X: scores.total: 1200 is outside 0..1000"
printf '{"id": "RG-X", "kind": "organization", "applying_for": ["gold"]}\n' >"$TMP/apply.jsonl"
check "unknown award applied for" 1 "$AWARD" rank policies/rugao-2021.award "$TMP/apply.jsonl" --on 2024-06-30
contains "applying_for named" "applying_for: \`gold\` is no award of rugao-2021"
printf '{"id": "RG-X", "kind": "organization", "applying_for": []}\n' >"$TMP/empty.jsonl"
check "empty applying_for" 1 "$AWARD" rank policies/rugao-2021.award "$TMP/empty.jsonl" --on 2024-06-30
contains "empty applying_for named" "applying_for: a list of award ids or names (omit it to apply for every award)"
printf '{"id": "RG-X", "kind": "organization"}\n{"id": "RG-X", "kind": "organization"}\n' >"$TMP/dupid.jsonl"
check "duplicate applicant id" 1 "$AWARD" rank policies/rugao-2021.award "$TMP/dupid.jsonl" --on 2024-06-30
contains "duplicate id named" "RG-X: id: duplicate applicant id"
check "bad --on" 2 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --on 2024-13-01
check "bad --format" 2 "$AWARD" rank policies/rugao-2021.award "$R/applicants.jsonl" --format xml
check "missing file" 1 "$AWARD" rank policies/rugao-2021.award "$TMP/none.jsonl" --on 2024-06-30

# --- award status pays back what award rank paid: the first bonus whose condition holds ---
printf '%s' '{"id": "JD-S", "kind": "organization", "award_fraud": [{"date": "2025-01-10", "kind": "false_materials"}], "award_history": [{"title": "金东区人民政府质量管理创新奖", "awarded_on": "2022-12-01"}]}' >"$TMP/holder.json"
check "status: 350000 recovered from a holder of the innovation award" 0 "$AWARD" status policies/jindong-2022.award "$TMP/holder.json" --award quality --awarded-on 2024-12-20 --on 2025-03-01
contains "350000 recovered" "bonus recovered (追缴奖金): 350000 yuan, 六（一）"
printf '%s' '{"id": "JD-S", "kind": "organization", "award_fraud": [{"date": "2025-01-10", "kind": "false_materials"}]}' >"$TMP/nohist.json"
check "status: unknown history, unknown amount" 0 "$AWARD" status policies/jindong-2022.award "$TMP/nohist.json" --award quality --awarded-on 2024-12-20 --on 2025-03-01
contains "no amount claimed" "bonus recovered (追缴奖金): unknown"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
