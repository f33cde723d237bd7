#!/usr/bin/env bash
# End-to-end tests of the `award` command: exit codes, inputs, outputs.
# Usage: cli_test.sh AWARD_BINARY SOURCE_DIR
set -u
AWARD=$1
SRC=$2
cd "$SRC"
. tests/cli/lib.sh  # after cd "$SRC"

P=policies/daqing-2018.award
check "check clean" 0 "$AWARD" check "$P"
contains "check summary" "1 file checked: 0 errors, 0 warnings"
printf 'policy x "x" { }\nuse applicant\narticle 第一条 "" { award q "q" for organization }\narticle 第二条 "" { require registred_on <= today }\n' >"$TMP/bad.award"
check "check errors exit 1" 1 "$AWARD" check "$P" "$TMP/bad.award"
contains "check names the code and place" "bad.award:4:26: error[E200]: unknown fact \`registred_on\`"
contains "check gives a hint" "did you mean \`registered_on\`?"
check "check missing file" 1 "$AWARD" check "$TMP/none.award"
contains "check names missing file" "none.award"

check "eval text" 0 "$AWARD" eval "$P" examples/daqing-petrochem.json --on 2024-06-30
contains "eval prints the date" "on 2024-06-30"
contains "eval waits on judgements" "judgements owed"
check "eval default date is today" 0 "$AWARD" eval "$P" examples/daqing-petrochem.json
contains "eval prints today" "on $(date +%Y-%m-%d)"

"$AWARD" eval "$P" examples/*.json --on 2024-06-30 --format json >"$TMP/all.json" 2>/dev/null
check "json contract, daqing" 0 node tests/cli/contract.mjs <"$TMP/all.json"
for policy in policies/*.award; do
  "$AWARD" eval "$policy" examples/*.json --on 2024-06-30 --format json >"$TMP/p.json" 2>/dev/null
  check "json contract, $(basename "$policy")" 0 node tests/cli/contract.mjs <"$TMP/p.json"
done
check "json contract, explain" 0 sh -c "\"$AWARD\" eval $P examples/rugao-builder.json --on 2024-06-30 --format json --explain | node tests/cli/contract.mjs"

cat examples/daqing-petrochem.json | tr -d '\n' >"$TMP/one.jsonl"; echo >>"$TMP/one.jsonl"
cat examples/rugao-builder.json | tr -d '\n' >>"$TMP/one.jsonl"; echo >>"$TMP/one.jsonl"
check "eval jsonl from stdin" 0 sh -c "\"$AWARD\" eval $P - --on 2024-06-30 --format jsonl < $TMP/one.jsonl"
contains "jsonl row" '{"applicant":"RG-2024-007","award":"quality","verdict":"ineligible","failed":["第十条（一）","第十条（六）"]}'
check "eval --award" 0 "$AWARD" eval "$P" examples/daqing-petrochem.json --on 2024-06-30 --award nomination --format jsonl
contains "only that award" '"award":"nomination"'

printf '{"id":"A","kind":"organization","registered_on":"2023-02-30"}\n{"id":"B","kind":"organization"}\n[1]\n' >"$TMP/badrec.jsonl"
check "bad record exit 1" 1 "$AWARD" eval "$P" "$TMP/badrec.jsonl" --on 2024-06-30 --format jsonl
contains "bad record names file, record and field" "badrec.jsonl:1 (record 1) A: registered_on: \"2023-02-30\" is not a date"
contains "good records still evaluated" '"applicant":"B","award":"quality","verdict":"undetermined"'
contains "not an object" "record 3"
contains "summary" "3 records in, 2 results out, 2 errors"

check "usage: unknown option exits 2" 2 "$AWARD" eval "$P" examples/daqing-petrochem.json --frobnicate
check "usage: bad date exits 2" 2 "$AWARD" eval "$P" examples/daqing-petrochem.json --on 2024-02-30
check "usage: unknown award exits 2" 2 "$AWARD" eval "$P" examples/daqing-petrochem.json --award nope
check "usage: no subcommand exits 2" 2 "$AWARD"
check "missing facts file exits 1" 1 "$AWARD" eval "$P" "$TMP/none.json"
contains "names missing facts file" "none.json: no such file"
mkdir -p "$TMP/records"
check "directory as facts exits 1" 1 "$AWARD" eval "$P" "$TMP/records"
contains "names directory" "is a directory"
check "help" 0 "$AWARD" eval --help

check "compile --emit ir" 0 sh -c "\"$AWARD\" compile $P --emit ir | node -e 'const j=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); if(!j.rules.length||!j.nodes.length||!j.layouts.length) process.exit(1)'"
check "schema" 0 sh -c "\"$AWARD\" schema $P | node -e 'const j=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); const p=j.properties; if(!p.registered_on||!p.judgements.properties.core_technology||p.quality_work_since) process.exit(1)'"

check "eval several policies: one table" 0 "$AWARD" eval policies "$P" examples/rugao-builder.json examples/daqing-petrochem.json --on 2024-06-30
contains "table header" "deciding articles / waiting on"
contains "table ineligible row names the articles" "第十条（一）, 第十条（六）"
check "table as json" 0 sh -c "\"$AWARD\" eval policies $P examples/rugao-builder.json --on 2024-06-30 --format json | node -e 'const j=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); if(!j.rows.length||!j.rows.every(r=>r.verdict&&Array.isArray(r.refs))) process.exit(1)'"
check "table refuses --explain" 2 "$AWARD" eval policies "$P" examples/rugao-builder.json --explain
check "eval needs facts" 2 "$AWARD" eval "$P"
check "coverage" 0 "$AWARD" coverage "$P"
contains "coverage counts" "rules exercised"
printf 'policy c-1 "x" { }\nuse applicant\narticle 第一条 "" { award q "q" for organization }\narticle 第二条 "" { require legal_person }\n' >"$TMP/untested.award"
check "coverage flags an untested rule" 1 "$AWARD" coverage "$TMP/untested.award"
contains "coverage names the rule" "第二条  require legal_person"

check "diff: identical policies exit 0" 0 "$AWARD" diff "$P" "$P"
contains "diff: nothing changed" "0 changes, 0 can change a verdict"
check "diff: a verdict can change, exit 1" 1 "$AWARD" diff tests/diff/rugao-2019-fixture.award policies/rugao-2021.award --witnesses --on 2024-06-30
contains "diff names both refs" "3 years → 5 years (第十一条（一） → 第十二条（一）)"
contains "diff shows a witness" "witness (quality): eligible → ineligible"
check "diff: error exit 2" 2 "$AWARD" diff "$P" "$TMP/none.award"
check "diff json" 1 sh -c "\"$AWARD\" diff tests/diff/jindong-2021-fixture.award policies/jindong-2022.award --witnesses --format json --on 2024-06-30 > $TMP/d.json"
check "diff json parses, witnesses present" 0 node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); const c=j.changes.filter(x=>x.can_change_verdict); if(!c.length||!c.every(x=>x.witness&&x.witness.old_verdict!==x.witness.new_verdict)) process.exit(1)' "$TMP/d.json"
check "diff: scoring changes, exit 1" 1 "$AWARD" diff tests/diff/jindong-2021-fixture.award policies/jindong-2022.award --witnesses --on 2024-06-30
contains "diff: the minimum, refs on both sides" "changed quality minimum: 600 → 610 (四（二）)"
contains "diff: the minimum's witness, ranked" "witness (quality, ranked): wins with a total of 600 → does not win: below the minimum total 610 (四（二）)"
contains "diff: the on-site cap" "changed innovation, quality on-site review cap: 10 → 8 (五（三）2)"
contains "diff: the cap's witness, ranked with others" "ranked with 8 others like it (WITNESS-2 … WITNESS-9)"
contains "diff: another level's bonus" "changed 金华市人民政府质量奖 bonus (award of another level): 800000 yuan → 1000000 yuan (六（二）)"
contains "diff: counts who-wins changes" "8 changes, 1 can change a verdict, 2 can change who wins"
check "diff: weights, refs on both sides" 1 "$AWARD" diff tests/diff/rugao-2019-fixture.award policies/rugao-2021.award --witnesses --on 2024-06-30
contains "diff: the weights" "changed nomination, quality weights: material 40% + site 60% → material 30% + site 70% (第九条 → 第十条)"
contains "diff: the weights' witness, a rival better on site" "ranked with a rival better on site (WITNESS-2) and 1 with full scores for 2 places"
contains "diff: the quota's witness, ranked" "witness (quality, ranked): wins with a total of 968.8 → is nominated"
contains "diff: the quota's witness, with the others" "ranked with 2 others like it (WITNESS-2 … WITNESS-3), each with a better material score and a higher total"
check "diff: two real measures" 1 "$AWARD" diff policies/jindong-2022.award policies/rugao-2021.award --witnesses --on 2024-06-30
contains "diff: a removed minimum, old ref only" "removed quality minimum: 610 → (none) (四（二） →)"
contains "diff: no witness, and why" "changes who wins, not who is eligible; no witness is given: no record the search built is eligible for the award under both policies"
check "diff json: ranking witnesses" 0 node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); const c=j.changes.filter(x=>x.can_change_ranking); if(!j.can_change_ranking||c.length!==2||!c.every(x=>x.ranking_witness&&x.ranking_witness.old_outcome!==x.ranking_witness.new_outcome&&x.old_ref&&x.new_ref)||!c.some(x=>(x.ranking_witness.others_records||[]).length===8)) process.exit(1)' "$TMP/d.json"
check "diff --applicants lists who changes" 1 "$AWARD" diff tests/diff/rugao-2019-fixture.award policies/rugao-2021.award --applicants tests/diff/rugao-population.jsonl --on 2024-06-30
contains "diff applicants summary" "applicants: 2 evaluated, 2 verdicts change"
contains "diff names the applicant and why" "RG-DIFF-1 quality: eligible → ineligible (now 第十二条（一）)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
