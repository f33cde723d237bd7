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
# same_in_both NAME ARGS...: award ARGS writes the same bytes to standard output
# under --lang en and --lang zh (left in $TMP/en.out and $TMP/zh.out).
same_in_both() {
  local name=$1
  shift
  "$AWARD" "$@" --lang en >"$TMP/en.out" 2>/dev/null
  "$AWARD" "$@" --lang zh >"$TMP/zh.out" 2>/dev/null
  check "$name" 0 cmp "$TMP/en.out" "$TMP/zh.out"
}
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
same_in_both "json the same in zh and en" eval "$P" "$F" --on 2024-06-30 --format json
check "json zh meets the contract" 0 sh -c "node tests/cli/contract.mjs <\"$TMP/zh.out\""

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
  same_in_both "$cmd JSON is the same in both languages" "${args[@]}" --format json
  check "$cmd JSON is not empty" 0 test -s "$TMP/en.out"
done
same_in_both "rank CSV (English reasons) the same in both languages" "${RANK[@]}" --format csv

# --- The command line's own errors and --help --------------------------------
transcript() {  # transcript ARGS_FILE LANG: each command of the file, its output and its exit code
  local line args
  while IFS= read -r line; do
    case $line in '#'* | '') continue ;; esac
    args=${line//\{L\}/$2}
    echo "\$ award $args"
    # shellcheck disable=SC2086  # the line's words are the arguments
    "$AWARD" $args 2>&1
    echo "exit $?"
  done <"$1"
}
L=tests/cli/lang
transcript "$L/usage-errors.args" zh >"$TMP/usage.zh"
check "CLI11's errors in Chinese, as reviewed in expected.usage.zh.txt" 0 diff "$L/expected.usage.zh.txt" "$TMP/usage.zh"
transcript "$L/usage-errors.args" en >"$TMP/usage.en"
check "CLI11's errors in English: its own words, unchanged" 0 diff "$L/expected.usage.en.txt" "$TMP/usage.en"
check "an invalid --lang under a Chinese locale" 2 env LANG=zh_CN.UTF-8 "$AWARD" check --lang fr "$P"
contains "the invalid --lang said in the locale's language" "award check：--lang 的取值不能是“fr”，可选：zh、en"
check "an invalid --lang under no locale" 2 "$AWARD" check --lang fr "$P"
contains "the invalid --lang said in English" "--lang: fr not in {zh,en}"
help() { "$AWARD" --help "$@"; echo "exit $?"; "$AWARD" check --help "$@"; echo "exit $?"; "$AWARD" calendar add --help "$@"; echo "exit $?"; }
help --lang zh >"$TMP/help.zh" 2>&1
check "--help in Chinese, as reviewed in expected.help.zh.txt" 0 diff "$L/expected.help.zh.txt" "$TMP/help.zh"
help >"$TMP/help.en" 2>&1
check "--help in English unchanged" 0 diff "$L/expected.help.en.txt" "$TMP/help.en"
LANG=zh_CN.UTF-8 help >"$TMP/help.locale" 2>&1
check "--help in Chinese from the locale alone" 0 diff "$L/expected.help.zh.txt" "$TMP/help.locale"

# --- Facts and judgements named in Chinese text, by id in English and JSON -----
printf '{"id": "X-1", "kind": "organization", "region": "大庆市", "legal_person": true, "incidents": [{"kind": "quality"}]}\n' >"$TMP/gaps.json"
check "eval zh names missing facts by their labels" 0 "$AWARD" eval "$P" "$TMP/gaps.json" --on 2024-06-30 --lang zh
contains "eval zh: missing facts, label and id" "    缺少的事实：“登记注册或依法设立日期”（registered_on）、"
contains "eval zh: a nested path, part by part" "“事故[0]的发生日期”（incidents[0].date）"
check "eval en names missing facts by id" 0 "$AWARD" eval "$P" "$TMP/gaps.json" --on 2024-06-30 --lang en
contains "eval en: missing facts by id" "    missing facts: registered_on, excellence_model_since, dishonesty_records, incidents[0].date,"
same_in_both "eval json: missing facts by id in both languages" eval "$P" "$TMP/gaps.json" --on 2024-06-30 --format json
check "eval table zh names what it waits on" 0 "$AWARD" eval policies/daqing-2018.award policies/rugao-2021.award "$F" --on 2024-06-30 --lang zh
contains "eval table zh: a judgement by its text" "尚待 判断“掌握核心技术、自主品牌，产品服务、经营质量、技术创新、产品研发、节能减排、市场竞争力等方面在省内处于领先地位”（core_technology）、判断“运用现代质量管理理论和方法，"
STATUS_GAPS=(status "$P" "$TMP/gaps.json" --award quality --awarded-on 2024-12-20 --on 2025-07-01)
check "status zh names missing facts by their labels" 0 "$AWARD" "${STATUS_GAPS[@]}" --lang zh
contains "status zh: a missing fact" "      缺少：“行政处罚及其他违法违规记录”（penalties）"
check "status en names missing facts by id" 0 "$AWARD" "${STATUS_GAPS[@]}" --lang en
contains "status en: a missing fact" "      missing: penalties"

# --- Code in diagnostics in the file's keywords ---------------------------------
# (tests/golden/zh-keywords-* has the whole diagnostics, in both languages)
Z=tests/golden/zh-keywords-declarations/input.award
check "a Chinese-keyword file, zh" 1 "$AWARD" check --lang zh "$Z"
contains "zh file, zh: the example in its keywords" "error[E403]: 此处应为期限，如 \`7 日\`、\`5 工作日\` 或 \`10 年\`"
contains "zh file, zh: its keyword beside a name" "奖项的对象应为 \`适用于 organization\` 或 \`适用于 individual\`，而不是“company”"
check "a Chinese-keyword file, en" 1 "$AWARD" check --lang en "$Z"
contains "zh file, en: the example in its keywords" "error[E403]: expected a period, such as \`7 日\`, \`5 工作日\` or \`10 年\`"
# the same file written with the English keywords: English code, in Chinese too
sed -e 's/^政策/policy/; s/^引用/use/; s/^条款/article/; s/奖项 /award /; s/适用于/for/; s/撤销 quality 当 存在/revoke quality when any/' \
  -e 's/ 其中 / where /; s/ 则 / then /; s/^测试/test/; s/给定/given/; s/预期/expect/' "$Z" >"$TMP/en-keywords.award"
check "an English-keyword file, zh" 1 "$AWARD" check --lang zh "$TMP/en-keywords.award"
contains "en file, zh: the example in English keywords" "error[E403]: 此处应为期限，如 \`7 days\`、\`5 working days\` 或 \`10 years\`"
contains "en file, zh: for" "奖项的对象应为 \`for organization\` 或 \`for individual\`，而不是“company”"
lacks "en file, zh: no Chinese keyword in the code" "适用于"

# --- A bad record: its message in the language, JSON Lines in English -----------
printf '{"id":"BAD-1","kind":"organization","registered_on":"2023-02-30"}\n{"id":"BAD-2","kind":"organization","incidents":[{"date":"2023-01-01","kind":5}]}\n' >"$TMP/bad.jsonl"
check "bad record, text zh" 1 "$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --lang zh
contains "bad date in Chinese, place and field kept" "bad.jsonl:1（第 1 条记录） BAD-1: registered_on：“2023-02-30”不是日历上的日期（YYYY-MM-DD）"
contains "wrong type in Chinese" "BAD-2: incidents[0].kind：应为"
contains "wrong type: what was found, in Chinese" "，实为数字"
check "bad record, text en" 1 "$AWARD" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --lang en
contains "bad date in English" "BAD-1: registered_on: \"2023-02-30\" is not a date in the calendar (YYYY-MM-DD)"
same_in_both "bad record: JSON Lines the same in both languages" eval "$P" "$TMP/bad.jsonl" --on 2024-06-30 --format jsonl
check "bad record: JSON Lines in English" 0 grep -qF 'is not a date in the calendar' "$TMP/zh.out"

# --- award diff's text, and problems in applicants' input ------------------------
DIFF=(diff tests/diff/jindong-2021-fixture.award policies/jindong-2022.award --witnesses --on 2024-06-30)
"$AWARD" "${DIFF[@]}" --lang zh >"$TMP/diff.zh" 2>&1
check "diff zh matches the reviewed expected.zh.txt" 0 diff tests/diff/jindong-2021-to-2022.expected.zh.txt "$TMP/diff.zh"
check "diff en: the English summary as before" 1 "$AWARD" "${DIFF[@]}" --lang en
contains "diff en summary" "8 changes, 1 can change a verdict, 2 can change who wins"
same_in_both "diff JSON the same in both languages" "${DIFF[@]}" --format json
printf 'id,material,site\nA,12x,3\n' >"$TMP/bad-scores.csv"
check "bad score sheet, zh" 1 "$AWARD" rank policies/jindong-2022.award "$J/applicants.jsonl" --scores "$TMP/bad-scores.csv" --on 2024-06-30 --lang zh
contains "bad score: file, line, field in Chinese" "bad-scores.csv:2：字段“material”：“12x”不是数字"
contains "nothing ranked, in Chinese" "award rank：1 个错误，未作排名"
printf '{"id":"A","kind":"organization"}\n{"id":"A","kind":"organization"}\n[1]\n' >"$TMP/dup.jsonl"
check "duplicate id and a line that is no object, zh" 1 "$AWARD" eval "$P" "$TMP/dup.jsonl" --on 2024-06-30 --lang zh
contains "duplicate id in Chinese" "dup.jsonl:2（第 2 条记录） A: id：申报者编号重复（第 1 条记录已使用）"
contains "not an object in Chinese" "dup.jsonl:3（第 3 条记录）: 每条记录都应是一个 JSON 对象 { … }"
check "no such file, zh" 1 "$AWARD" eval "$P" "$TMP/nonexistent.json" --lang zh
contains "no such file in Chinese" "nonexistent.json：没有这个文件"

check "a year the calendar lacks, zh" 1 "$AWARD" calendar is-working 2040-01-01 --lang zh
contains "the calendar's gap in Chinese" "工作日日历“全国”没有 2040 年的数据（现有 2004-"

printf '{"id":"A","kind":"organization"}\n{"id":"B",\n[1]\n' >"$TMP/batch-bad.jsonl"
check "a bad line in a JSON Lines batch (two threads), zh" 1 "$AWARD" eval "$P" "$TMP/batch-bad.jsonl" --on 2024-06-30 --format jsonl --jobs 2 --lang zh
contains "the batch's bad line in Chinese on stderr" "batch-bad.jsonl:3（第 3 条记录）: 每条记录都应是一个 JSON 对象 { … }"
contains "the batch's JSON row stays English" '"error": "a record must be a JSON object { … }"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
