#!/usr/bin/env bash
# Messages in Chinese or English: --lang zh|en on every command, the default
# from the locale (LC_ALL, then LC_MESSAGES, then LANG), an invalid --lang a
# usage error, and JSON output the same in both languages.
# Usage: lang_test.sh AWARD_BINARY SOURCE_DIR
set -u
AWARD=$1
SRC=$2
cd "$SRC"
. tests/cli/lib.sh  # after cd "$SRC"

P=policies/daqing-2018.award
F=examples/daqing-petrochem.json
printf 'policy x "x" { }\nuse applicant\narticle 第一条 "" { award q "q" for organization }\narticle 第二条 "" { require registred_on <= today }\n' >"$TMP/bad.award"
# The locale's variables are set per command below; none leaks in from outside.
unset LC_ALL LC_MESSAGES LANG

# --- --lang on the command line ----------------------------------------------
check "check --lang zh" 1 "$AWARD" check --lang zh "$TMP/bad.award"
contains "zh: code and place unchanged, message in Chinese" "bad.award:4:26: error[E200]: 未知的事实“registred_on”"
contains "zh: the hint in Chinese" "  hint: 是否应为“registered_on”？"
sed -n 2,3p "$TMP/out" >"$TMP/zh.source"
contains "zh: check summary" "已检查 1 个文件：1 个错误，0 个警告"
check "check --lang en" 1 "$AWARD" check --lang en "$TMP/bad.award"
contains "en: message" "bad.award:4:26: error[E200]: unknown fact \`registred_on\`"
contains "en: check summary" "1 file checked: 1 error, 0 warnings"
sed -n 2,3p "$TMP/out" >"$TMP/en.source"
check "the source line and caret the same in zh and en" 0 cmp "$TMP/en.source" "$TMP/zh.source"
check "--lang before the subcommand" 0 "$AWARD" --lang zh check "$P"
contains "--lang before: Chinese" "已检查 1 个文件：0 个错误，0 个警告"

check "eval text zh" 0 "$AWARD" eval "$P" "$F" --on 2024-06-30 --lang zh
contains "eval zh heading" "daqing-2018（大庆市政府质量奖管理办法），评价日 2024-06-30"
contains "eval zh verdict" "quality（政府质量奖）：待定"
contains "eval zh owed judgements" "    尚待作出的判断："
contains "eval zh summary" "读入 1 条记录，得出 2 个结论，0 个错误"
check "eval text en" 0 "$AWARD" eval "$P" "$F" --on 2024-06-30 --lang en
contains "eval en heading" "daqing-2018 (大庆市政府质量奖管理办法) on 2024-06-30"
contains "eval en verdict" "quality (政府质量奖): undetermined"
contains "eval en summary" "1 record in, 2 results out, 0 errors"

check "test zh" 0 "$AWARD" test --lang zh policies/daqing-2018.award
contains "test zh summary" " 通过，0 失败"
lacks "test zh: no English summary" " passed, "
check "test en" 0 "$AWARD" test --lang en policies/daqing-2018.award
contains "test en summary" " passed, 0 failed"

check "usage error zh" 2 "$AWARD" eval --lang zh "$P"
contains "usage error in Chinese" "award eval：请先给出办法"
check "status usage error zh" 2 "$AWARD" status --lang zh "$P" "$F" --award quality --awarded-on 2023-13-01
contains "status usage error in Chinese" "award status：--awarded-on “2023-13-01”不是日历上的日期"
check "--on error zh" 2 "$AWARD" eval --lang zh "$P" "$F" --on 2024-02-30
contains "--on error in Chinese" "award eval：--on “2024-02-30”不是日历上的日期"

# --- JSON is a contract: the same bytes in both languages ---------------------
"$AWARD" eval "$P" "$F" --on 2024-06-30 --format json --lang en >"$TMP/en.json" 2>/dev/null
"$AWARD" eval "$P" "$F" --on 2024-06-30 --format json --lang zh >"$TMP/zh.json" 2>/dev/null
check "json the same in zh and en" 0 cmp "$TMP/en.json" "$TMP/zh.json"
check "json zh meets the contract" 0 sh -c "node tests/cli/contract.mjs <\"$TMP/zh.json\""

# --- The default, from the locale ---------------------------------------------
check "LANG=zh_CN.UTF-8" 1 env LANG=zh_CN.UTF-8 "$AWARD" check "$TMP/bad.award"
contains "LANG=zh_CN: Chinese" "error[E200]: 未知的事实“registred_on”"
check "LANG=C" 1 env LANG=C "$AWARD" check "$TMP/bad.award"
contains "LANG=C: English" "error[E200]: unknown fact \`registred_on\`"
check "no locale at all" 1 "$AWARD" check "$TMP/bad.award"
contains "no locale: English" "error[E200]: unknown fact \`registred_on\`"
check "LC_MESSAGES before LANG" 1 env LC_MESSAGES=zh_CN.UTF-8 LANG=C "$AWARD" check "$TMP/bad.award"
contains "LC_MESSAGES=zh_CN: Chinese" "未知的事实“registred_on”"
check "LC_ALL before LC_MESSAGES" 1 env LC_ALL=C.UTF-8 LC_MESSAGES=zh_CN.UTF-8 "$AWARD" check "$TMP/bad.award"
contains "LC_ALL=C: English" "unknown fact \`registred_on\`"
check "--lang over the locale" 1 env LANG=zh_CN.UTF-8 "$AWARD" check --lang en "$TMP/bad.award"
contains "--lang en wins over LANG=zh_CN" "unknown fact \`registred_on\`"

# --- An invalid --lang is a usage error ---------------------------------------
check "--lang fr" 2 "$AWARD" check --lang fr "$P"
contains "--lang fr named" "--lang"
check "--lang empty" 2 "$AWARD" check --lang "" "$P"

# --- rank, status and timeline: text in the language, JSON the same ------------
J=tests/rank/jindong-2022
RANK=(rank policies/jindong-2022.award "$J/applicants.jsonl" --scores "$J/scores.csv" --on 2024-06-30 --cycle 2024)
check "rank text zh" 0 "$AWARD" "${RANK[@]}" --lang zh
cp "$TMP/out" "$TMP/rank.zh"
check "rank zh matches the reviewed expected.zh.txt" 0 diff "$J/expected.zh.txt" "$TMP/rank.zh"
check "rank text en" 0 "$AWARD" "${RANK[@]}" --lang en
cp "$TMP/out" "$TMP/rank.en"
check "rank en unchanged by the catalogue" 0 diff "$J/expected.txt" "$TMP/rank.en"
STATUS=(status "$P" "$F" --award quality --awarded-on 2024-12-20 --on 2025-07-01)
check "status text zh" 0 "$AWARD" "${STATUS[@]}" --lang zh
contains "status zh heading" "daqing-2018（大庆市政府质量奖管理办法）：2025-07-01 的状态"
contains "status zh revoked" "  是否撤销：否"
contains "status zh article" "第三十二条 不适用"
TIMELINE=(timeline "$P" --start 2024-09-30 --awarded-on 2024-12-20 --award quality)
check "timeline text zh" 0 "$AWARD" "${TIMELINE[@]}" --lang zh
contains "timeline zh moved deadline" "初选公示期：7 日（公示开始后） → 2024-10-08（2024-10-07 为国庆节，顺延；民法典第二百零三条）"
contains "timeline zh working days" "5 个工作日"
contains "timeline zh revocation window" "第三十二条 撤销期限至 2026-12-20"
for cmd in RANK STATUS TIMELINE; do
  declare -n args=$cmd
  "$AWARD" "${args[@]}" --format json --lang en >"$TMP/en.json" 2>/dev/null
  "$AWARD" "${args[@]}" --format json --lang zh >"$TMP/zh.json" 2>/dev/null
  check "$cmd JSON is the same in both languages" 0 cmp "$TMP/en.json" "$TMP/zh.json"
  check "$cmd JSON is not empty" 0 test -s "$TMP/en.json"
done
"$AWARD" "${RANK[@]}" --format csv --lang en >"$TMP/en.csv" 2>/dev/null
"$AWARD" "${RANK[@]}" --format csv --lang zh >"$TMP/zh.csv" 2>/dev/null
check "rank CSV (English reasons) the same in both languages" 0 cmp "$TMP/en.csv" "$TMP/zh.csv"

# --- A bad record: its message in the language, JSON Lines in English -----------
printf '{"id":"BAD-1","kind":"organization","registered_on":"2023-02-30"}\n{"id":"BAD-2","kind":"organization","incidents":[{"date":"2023-01-01","kind":5}]}\n' >"$TMP/bad.jsonl"
check "bad record, text zh" 1 "$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --lang zh
contains "bad date in Chinese, place and field kept" "bad.jsonl:1 (record 1) BAD-1: registered_on: “2023-02-30”不是日历上的日期（YYYY-MM-DD）"
contains "wrong type in Chinese" "BAD-2: incidents[0].kind: 应为"
contains "wrong type: what was found, in Chinese" "，实为数字"
check "bad record, text en" 1 "$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --lang en
contains "bad date in English" "BAD-1: registered_on: \"2023-02-30\" is not a date in the calendar (YYYY-MM-DD)"
"$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --format jsonl --lang zh >"$TMP/zh.jsonl" 2>/dev/null
"$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --format jsonl --lang en >"$TMP/en.jsonl" 2>/dev/null
check "bad record: JSON Lines the same in both languages" 0 cmp "$TMP/en.jsonl" "$TMP/zh.jsonl"
check "bad record: JSON Lines in English" 0 grep -qF 'is not a date in the calendar' "$TMP/zh.jsonl"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
