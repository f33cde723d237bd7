#!/usr/bin/env bash
# End-to-end tests of `award status` and `award timeline`: their numbers for
# 大庆 and for the small policies of tests/time/, in text and JSON, and the
# exit codes (0 ran, 1 bad input or a year the calendar lacks, 2 usage).
# Usage: time_test.sh AWARD_BINARY SOURCE_DIR
set -u
AWARD=$1
SRC=$2
cd "$SRC"
. tests/cli/lib.sh  # after cd "$SRC"
json() {  # json NAME JS-EXPRESSION-ON-j  (the last check's stdout must be JSON)
  if node -e "const j=JSON.parse(require('fs').readFileSync('$TMP/out','utf8')); process.exit(($2) ? 0 : 1)"; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $2"; sed 's/^/    /' "$TMP/out" | head -30
  fi
}

P=policies/daqing-2018.award
# The example winner, with a fraud finding after the award and an environmental
# incident inside 第三十二条's two years; and the same without incidents (unknown).
node -e '
const fs=require("fs"); const r=JSON.parse(fs.readFileSync("examples/daqing-petrochem.json","utf8"));
r.award_fraud=[{date:"2025-03-01",kind:"false_materials",title:"大庆市政府质量奖"}];
r.incidents.push({date:"2025-06-01",kind:"environment",severity:"general",liable:true});
fs.writeFileSync(process.argv[1], JSON.stringify(r));
const u=JSON.parse(fs.readFileSync("examples/daqing-petrochem.json","utf8")); delete u.incidents;
fs.writeFileSync(process.argv[2], JSON.stringify(u));' "$TMP/fraud.json" "$TMP/unknown.json"

# --- award timeline, 大庆 -------------------------------------------------------
check "timeline text" 0 "$AWARD" timeline "$P" --start 2024-09-30 --awarded-on 2024-12-20 --award quality
contains "publicity across National Day" "publicity 初选公示期: 7 days after 公示开始 → 2024-10-08 (2024-10-07 falls on 国庆节; 民法典第二百零三条)"
contains "objections in working days, make-up Saturday" "5 working days after 收到书面异议材料 → 2024-10-12"
contains "第三十二条 window" "第三十二条 revocation window through 2026-12-20"
contains "第三十一条 has no end" "第三十一条 revocation window: no end"
contains "no cooldown in 大庆" "new application accepted from 2024-12-21 (no rule bars a winner from applying again)"
contains "retention" "第三十六条 review_records kept 10 years through 2034-12-20"

check "timeline json" 0 "$AWARD" timeline "$P" --start 2025-01-25 --awarded-on 2024-02-29 --format json
json "spring festival publicity" 'j.deadlines[0].counted=="2025-02-01" && j.deadlines[0].due=="2025-02-05" && j.deadlines[0].moved_over=="春节" && j.deadlines[0].end=="next_working_day"'
json "spring festival objections" 'j.deadlines[1].due=="2025-02-07" && j.deadlines[1].end=="exact" && j.deadlines[1].moved_over===null'
json "both awards" 'j.awards.length==2 && j.awards.map(a=>a.award).join()=="quality,nomination"'
json "29 February window" 'j.awards[0].revocation_windows[1].ref=="第三十二条" && j.awards[0].revocation_windows[1].until=="2026-02-28" && j.awards[0].revocation_windows[0].until===null'
json "reapply derived from 第三十一条" 'j.awards[0].reapply.from=="2024-03-01" && j.awards[0].reapply.rules.join()=="第三十一条" && j.awards[0].reapply.barring.length==0'
json "retention from 29 February" 'j.awards[0].retention[0].until=="2034-02-28"'

check "timeline: a year outside the data exits 1" 1 "$AWARD" timeline "$P" --start 2026-12-28
contains "names the year" "cannot count working days in 2027"
check "timeline: no date exits 2" 2 "$AWARD" timeline "$P"
check "timeline: bad date exits 2" 2 "$AWARD" timeline "$P" --start 2025-02-29
check "timeline: unknown award exits 2" 2 "$AWARD" timeline "$P" --awarded-on 2024-12-20 --award nope
check "timeline: bad format exits 2" 2 "$AWARD" timeline "$P" --start 2024-09-30 --format xml

check "IR says which deadlines move" 0 "$AWARD" compile "$P" --emit ir
json "第二百零三条 in the IR" 'j.deadlines[0].end=="next_working_day" && j.deadlines[1].end=="exact" && j.retentions[0].end=="exact" && j.calendar=="national"'

# --- award status, 大庆 ---------------------------------------------------------
check "status text" 0 "$AWARD" status "$P" "$TMP/fraud.json" --award quality --awarded-on 2024-12-20 --on 2025-07-01
contains "revoked" "revoked: yes"
contains "under 第三十一条" "第三十一条 applies"
contains "under 第三十二条" "第三十二条 applies"
contains "bonus amount" "bonus recovered (追缴奖金): 800000 yuan, 第二十五条"
contains "ban dated from the decision" "ban 4 years: decided 2025-07-01, barred through 2029-07-01, applications accepted from 2029-07-02"

check "status json" 0 "$AWARD" status "$P" "$TMP/fraud.json" --award quality --awarded-on 2024-12-20 --on 2025-07-01 --format json
json "status json numbers" 'j.results[0].revoked===true && j.results[0].articles.join()=="第三十一条,第三十二条" && j.results[0].consequences.join()=="withdraw_title,recover_bonus,publish,ban" && j.results[0].bonus_recovered.amount=="800000" && j.results[0].ban.until=="2029-07-01" && j.results[0].ban.applications_from=="2029-07-02" && j.errors.length==0'

check "status: nomination carries no bonus" 0 "$AWARD" status "$P" "$TMP/fraud.json" --award nomination --awarded-on 2024-12-20 --on 2025-07-01 --format json
json "0 yuan" 'j.results[0].bonus_recovered.amount=="0"'
check "status: fraud before the award, incident after the window" 0 "$AWARD" status "$P" "$TMP/fraud.json" --award quality --awarded-on 2023-05-01 --on 2025-07-01 --format json
json "第三十二条 window closed on 2025-05-01" 'j.results[0].revocations[1].applies===false && j.results[0].revocations[0].applies===true'
check "status: not revoked" 0 "$AWARD" status "$P" examples/daqing-petrochem.json --award quality --awarded-on 2024-12-20 --on 2025-07-01
contains "not revoked" "revoked: no"
check "status: unknown incidents" 0 "$AWARD" status "$P" "$TMP/unknown.json" --award quality --awarded-on 2024-12-20 --on 2025-07-01
contains "undetermined" "revoked: undetermined"
contains "names the missing fact" "missing: incidents"

printf '{"id":"B","kind":"organization","incidents":[{"date":"2025-02-30"}]}' >"$TMP/bad.json"
check "status: bad record exits 1" 1 "$AWARD" status "$P" "$TMP/bad.json" --award quality --awarded-on 2024-12-20 --on 2025-07-01
contains "names record and field" "(record 1) B: incidents[0].date"
check "status: missing file exits 1" 1 "$AWARD" status "$P" "$TMP/none.json" --award quality --awarded-on 2024-12-20
check "status: not JSON exits 1" 1 "$AWARD" status "$P" tests/cli/time_test.sh --award quality --awarded-on 2024-12-20
check "status: no --awarded-on exits 2" 2 "$AWARD" status "$P" "$TMP/fraud.json" --award quality
check "status: --on before the award exits 2" 2 "$AWARD" status "$P" "$TMP/fraud.json" --award quality --awarded-on 2024-12-20 --on 2024-12-19
check "status: unknown award exits 2" 2 "$AWARD" status "$P" "$TMP/fraud.json" --award nope --awarded-on 2024-12-20
check "status from stdin" 0 sh -c "\"$AWARD\" status $P - --award quality --awarded-on 2024-12-20 --on 2025-07-01 < $TMP/fraud.json"
contains "stdin read" "revoked: yes"

# --- the other measures: 巴州 counts by the Xinjiang calendar, 如皋 and 巴州 have cooldowns
B=policies/bayingol-draft.award
check "巴州 timeline" 0 "$AWARD" timeline "$B" --start 2025-03-27 --awarded-on 2025-01-20 --award quality --format json
json "巴州 counts by Xinjiang" 'j.calendar=="全国+新疆维吾尔自治区"'
json "巴州 3 working days across 肉孜节 (2025-03-31 off in Xinjiang)" 'j.deadlines.find(d=>d.id=="objection_forward").due=="2025-04-02"'
json "巴州 5 working days across 肉孜节 and 清明" 'j.deadlines.find(d=>d.id=="objection_investigation").due=="2025-04-07"'
json "巴州 获奖后5年内不得重复申报" 'j.awards[0].reapply.from=="2030-01-21" && j.awards[0].reapply.barring.length==1'
check "巴州: 2024 is not in the Xinjiang data" 1 "$AWARD" timeline "$B" --start 2024-03-27
contains "巴州 names 2024" "cannot count working days in 2024"
check "如皋 timeline" 0 "$AWARD" timeline policies/rugao-2021.award --awarded-on 2025-01-20 --award quality --format json
json "如皋 获得市长质量奖满3年 (the anniversary included)" 'j.awards[0].reapply.from=="2028-01-20"'

# --- tests/time/: a cooldown, and the Xinjiang calendar -------------------------
C=tests/time/cooldown.award
check "cooldown timeline" 0 "$AWARD" timeline "$C" --start 2024-02-03 --awarded-on 2024-02-29 --format json
json "publicity ends on the make-up Sunday" 'j.deadlines[0].counted=="2024-02-10" && j.deadlines[0].due=="2024-02-18"'
json "working days from a Saturday" 'j.deadlines[1].due=="2024-02-08"'
json "cooldown from the policy rule" 'j.awards[0].reapply.from=="2027-03-01" && j.awards[0].reapply.barring.join()=="第二条（一）"'
printf '{"id":"C1","kind":"organization","incidents":[{"date":"2027-02-28","kind":"quality","severity":"general","liable":true}]}' >"$TMP/c1.json"
check "cooldown status: last day of the window" 0 "$AWARD" status "$C" "$TMP/c1.json" --award quality --awarded-on 2024-02-29 --on 2027-04-01
contains "bonus without first_time_only" "bonus recovered (追缴奖金): 200000 yuan, 第四条"
contains "2-year ban" "ban 2 years: decided 2027-04-01, barred through 2029-04-01, applications accepted from 2029-04-02"
printf '{"id":"C2","kind":"organization","incidents":[{"date":"2027-03-01","kind":"quality","severity":"general","liable":true}]}' >"$TMP/c2.json"
check "cooldown status: the day after the window" 0 "$AWARD" status "$C" "$TMP/c2.json" --award quality --awarded-on 2024-02-29 --on 2027-04-01
contains "not revoked after the window" "revoked: no"

X=tests/time/xinjiang.award
printf '{"id":"X1","kind":"organization","registered_on":"2023-04-20"}' >"$TMP/x23.json"
check "xinjiang: 肉孜节 is off" 0 "$AWARD" eval "$X" "$TMP/x23.json" --on 2023-04-21 --format jsonl
contains "ineligible on 肉孜节" '"verdict":"ineligible","failed":["第二条"]'
check "xinjiang timeline" 0 "$AWARD" timeline "$X" --start 2023-04-20 --format json
json "xinjiang working days" 'j.calendar=="全国+新疆维吾尔自治区" && j.deadlines[0].due=="2023-04-25"'
printf '{"id":"X2","kind":"organization","registered_on":"2024-04-20"}' >"$TMP/x24.json"
check "xinjiang: 2024 lacks data, eval exits 1" 1 "$AWARD" eval "$X" "$TMP/x24.json" --on 2024-05-01 --format jsonl
contains "error row names the record" '"applicant": "X2"'
contains "names the rule" '"field": "第二条"'
contains "names the year" "cannot count working days in 2024"
contains "no verdict given" "1 record in, 0 results out, 1 error"
# `award test`: a test whose rule needs a year the calendar lacks fails, naming it.
sed -e 's/on 2023-04-21/on 2024-04-21/' -e 's/"2023-04-20"/"2024-04-20"/' "$X" >"$TMP/x24.award"
check "award test fails on a year the calendar lacks" 1 "$AWARD" test "$TMP/x24.award"
contains "test failure names the rule and year" "quality: 第二条: cannot count working days in 2024"
printf 'policy t-1 "t" { calendar tibet }\nuse applicant\narticle 第一条 "" { award q "q" for organization }\n' >"$TMP/cal.award"
check "unknown calendar is E403" 1 "$AWARD" check "$TMP/cal.award"
contains "E403 names the calendar" "error[E403]: \`calendar\` names one regional calendar of stdlib/calendar/, not \`tibet\`"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
