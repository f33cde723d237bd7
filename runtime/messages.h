// The words Award says to people, in English and in Chinese, side by side in
// one table: every diagnostic's message and hint, and the command line's own
// lines (verdicts, headings, summaries, usage errors). JSON output never comes
// from here; it is a contract and does not change with the language.
//
// A text is a fmt format string; both languages take the same arguments, in
// the same order (the Chinese may place them elsewhere with {0}, {1}, …).
// tests/unit/messages_test.cpp checks that every entry has both languages and
// that both take as many arguments. An entry whose Chinese is missing ("")
// prints its English rather than nothing.
//
// It lives in runtime/, the library every other one links, so that the
// runtime's text reports can use it too.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace award {

enum class Lang { En, Zh };

// Chinese terms follow the measures: 条 article, 项 item, 奖项 award, 事实 fact,
// 判断 judgement, 办法 the policy. Names from the source are quoted “…”; text
// the writer is to type stays in `…`.
#define AWARD_MESSAGES(X)                                                                                             \
  /* --- Parsing (compiler/parse.cpp) --- */                                                                          \
  X(unexpected_eof, "unexpected end of file", "文件意外结束")                                                         \
  X(unexpected_token, "unexpected {}", "此处不应出现{}")                                                              \
  X(token_name, "name `{}`", "名称“{}”")                                                                              \
  X(token_string, "string", "字符串")                                                                                 \
  X(token_text_block, "text block", "文本块")                                                                         \
  X(token_number, "number `{}`", "数字 {}")                                                                           \
  X(token_date, "date `{}`", "日期 {}")                                                                               \
  X(token_other, "`{}`", "“{}”")                                                                                      \
  X(expected_a_name, "a name", "名称")                                                                                \
  X(expected_a_string, "a string", "字符串")                                                                          \
  X(expected_a_text_block, "a text block", "文本块")                                                                  \
  X(expected_a_number, "a number", "数字")                                                                            \
  X(expected_a_date, "a date", "日期")                                                                                \
  X(expected_an_item_label, "an item label such as （一）", "项的编号，如（一）")                                     \
  X(list_separator, ", ", "、")                                                                                       \
  X(list_or, " or ", "或")                                                                                            \
  X(hint_expected, "expected {}", "此处应为{}")                                                                       \
  X(hint_expected_value, "expected a value, a fact or a condition here", "此处应为一个值、一项事实或一个条件")        \
  X(hint_glued_keyword, "`{}` is a keyword only when a space follows it: write `{} {}`",                              \
    "“{}”后面跟一个空格才是关键字：应写作 `{} {}`")                                                                   \
  X(policy_id_spaces, "a policy id is written without spaces", "办法编号中不能有空格")                                \
  X(hint_write, "write `{}`", "应写作 `{}`")                                                                          \
  X(nesting_too_deep, "expression nested more than {} deep", "表达式嵌套超过 {} 层")                                  \
  X(hint_split_condition, "split the condition into several rules or name its parts",                                 \
    "把条件拆成几条规则，或为其中的部分命名")                                                                         \
  X(keywords_mixed, "{} keyword `{}` in a file written with {} keywords",                                             \
    "本文件使用{2}关键字，此处却是{0}关键字“{1}”")                                                                    \
  X(keywords_english, "English", "英文")                                                                              \
  X(keywords_chinese, "Chinese", "中文")                                                                              \
  X(hint_one_keyword_set, "a file uses one set of keywords: write `{}`", "一个文件只用一套关键字：应写作“{}”")        \
  X(note_first_keyword, "the file's first keyword, `{}`, sets the keywords",                                          \
    "文件的第一个关键字“{}”决定了使用哪一套关键字")                                                                   \
  X(source_too_large, "{} is larger than {} bytes (4 MiB), the largest policy Award reads",                           \
    "{} 超过 {} 字节（4 MiB），这是 Award 能读取的办法文件的上限")                                                    \
  X(hint_split_modules, "split the measure into modules with `use`", "用 `use` 把办法拆分为若干模块")                 \
  X(binary_file, "{} is a binary file (it contains a NUL byte), not a policy",                                        \
    "{} 是二进制文件（含有 NUL 字节），不是办法文件")                                                                 \
  X(not_utf8, "{} is not valid UTF-8 (byte {} at offset {})", "{0} 不是有效的 UTF-8 文本（偏移 {2} 处的字节为 {1}）") \
  X(hint_gbk, "the file looks GBK-encoded; convert it with `iconv -f GBK -t UTF-8`",                                  \
    "该文件似乎是 GBK 编码，可用 `iconv -f GBK -t UTF-8` 转换")                                                       \
  X(hint_save_utf8, "save the file as UTF-8", "请以 UTF-8 编码保存该文件")                                            \
  X(unterminated_text_block, "unterminated text block", "文本块没有结束")                                             \
  X(unterminated_string, "unterminated string", "字符串没有结束")                                                     \
  X(hint_close_text_block, "close the text block with `\"\"\"`", "用 `\"\"\"` 结束文本块")                            \
  X(hint_close_string, "close the string with `\"` on the same line", "在同一行内用 `\"` 结束字符串")                 \
  X(unexpected_character, "unexpected character `{}`", "无法识别的字符“{}”")                                          \
  X(parser_stopped, "the parser stopped: {}", "语法分析中止：{}")                                                     \
  X(tree_unreadable, "could not read the syntax tree: {}", "无法读取语法树：{}")                                      \
  /* --- Names, types and structure (compiler/check.cpp) --- */                                                       \
  X(missing_policy_header, "a policy file starts with `policy ID \"title\" {{ … }}`",                                 \
    "办法文件应以 `policy 编号 \"标题\" {{ … }}` 开头")                                                               \
  X(hint_policy_header_example,                                                                                       \
    "for example: policy daqing-2018 \"大庆市政府质量奖管理办法\" {{ issuer \"大庆市人民政府\" }}",                   \
    "例如：`policy daqing-2018 \"大庆市政府质量奖管理办法\" {{ issuer \"大庆市人民政府\" }}`")                          \
  X(missing_module_header, "a stdlib file starts with `module NAME`", "标准库文件应以 `module 名称` 开头")            \
  X(rule_outside_article, "every rule belongs to an article", "每条规则都应属于某一条")                               \
  X(hint_put_in_article, "put it inside `article 第N条 \"…\" {{ … }}`",                                               \
    "把它放进 `article 第N条 \"…\" {{ … }}` 之中")                                                                    \
  X(unknown_policy_setting, "unknown policy setting `{}`", "未知的办法设置“{}”")                                      \
  X(unknown_award_setting, "unknown award setting `{}`", "未知的奖项设置“{}”")                                        \
  X(unknown_bonus_condition, "unknown bonus condition `{}`", "未知的奖励条件“{}”")                                    \
  X(unknown_consequence, "unknown consequence `{}`", "未知的撤销后果“{}”")                                            \
  X(hint_did_you_mean, "did you mean `{}`?", "是否应为“{}”？")                                                        \
  X(hint_known_settings, "known settings: {}", "可用的设置：{}")                                                      \
  X(hint_known, "known: {}", "可用的有：{}")                                                                          \
  X(setting_takes_date, "`{}` takes a date such as 2018-11-01", "“{}”的值应为日期，如 2018-11-01")                    \
  X(unknown_calendar, "`calendar` names one regional calendar of stdlib/calendar/, not `{}`",                         \
    "`calendar` 应为 stdlib/calendar/ 中的一种地区日历，而不是“{}”")                                                  \
  X(hint_known_calendars, "known: national, xinjiang", "可用的有：national、xinjiang")                                \
  X(unknown_module, "no stdlib module `{}`", "标准库中没有模块“{}”")                                                  \
  X(declared_twice, "`{}` is declared twice", "“{}”重复声明")                                                         \
  X(enum_member_twice, "`{}` is listed twice in enum `{}`", "“{}”在枚举“{}”中重复列出")                               \
  X(field_declared_twice, "field `{}` is declared twice", "字段“{}”重复声明")                                         \
  X(bounds_not_numeric, "bounds `in {}..{}` apply to number or money fields, and `{}` is {}",                         \
    "取值范围 `in {}..{}` 只适用于数字或金额字段，而“{}”是{}")                                                        \
  X(bounds_not_range, "`in {}..{}` is not a range of numbers from low to high", "`in {}..{}` 不是由小到大的数值范围") \
  X(unknown_type, "unknown type `{}`", "未知的类型“{}”")                                                              \
  X(award_declared_twice, "award `{}` is declared twice", "奖项“{}”重复声明")                                         \
  X(note_first_declared, "first declared here", "首次声明于此")                                                       \
  X(award_subject, "an award is `for organization` or `for individual`, not `{}`",                                    \
    "奖项的对象应为 `for organization` 或 `for individual`，而不是“{}”")                                              \
  X(no_subject_record, "no `{}` record is declared; add `use applicant`", "没有声明“{}”记录；请加上 `use applicant`") \
  X(setting_takes, "`{}` takes {}", "“{}”的值应为{}")                                                                 \
  X(takes_a_value, "a value", "一个值")                                                                               \
  X(takes_official_name, "the award's official name as a string", "用字符串写出的奖项正式名称")                       \
  X(takes_years, "a number of years, such as `2 years`", "年数，如 `2 years`")                                        \
  X(takes_whole_number, "a whole number of winners", "获奖名额（整数）")                                              \
  X(takes_true_false, "`true` or `false`", "`true` 或 `false`")                                                       \
  X(no_such_award, "no award `{}` in this policy", "本办法中没有奖项“{}”")                                            \
  X(hint_declare_award, "declare it with `award ID \"title\" for organization {{ … }}`",                              \
    "用 `award 编号 \"名称\" for organization {{ … }}` 声明它")                                                       \
  X(hint_awards, "awards: {}", "已有的奖项：{}")                                                                      \
  X(article_twice, "article {} is written twice", "{}重复出现")                                                       \
  X(item_twice, "item {} of {} is written twice", "{1}{0}重复出现")                                                   \
  X(note_first_written, "first written here", "首次出现于此")                                                         \
  X(article_empty, "article {} has no text and no rule", "{}既无条文，也无规则")                                      \
  X(hint_give_article_text, "give its text, as the measure prints it, in a string or a \"\"\"text block\"\"\"",       \
    "照办法原文写出条文，放在字符串或 \"\"\"文本块\"\"\" 中")                                                         \
  X(no_award_declared, "the policy declares no award, so no rule can apply", "本办法没有声明奖项，规则无从适用")      \
  X(hint_declare_award_example,                                                                                       \
    "declare one in the article that creates it: award quality \"质量奖\" for organization {{ … }}",                  \
    "在设立奖项的那一条中声明：`award quality \"质量奖\" for organization {{ … }}`")                                    \
  X(mixed_subjects, "this rule would apply to {} (for organizations) and {} (for individuals)",                       \
    "这条规则会同时适用于 {}（面向组织）和 {}（面向个人）")                                                           \
  X(hint_say_which_awards, "say which awards the article or item is for: `for {}` or `for {}`",                       \
    "写明该条或该项适用于哪些奖项：`for {}` 或 `for {}`")                                                             \
  X(judgement_twice, "judgement `{}` is declared twice", "判断“{}”重复声明")                                          \
  X(bonus_not_money, "a bonus is an amount of money, such as `800000 yuan`", "奖励应为金额，如 `800000 yuan`")        \
  X(given_twice, "`{}` is given twice for award `{}`",\
    "奖项“{1}”的 `{0}` 写了两次")\
  X(hint_keep_one, "keep one, in the article that says it",\
    "只保留一处，写在规定它的条款里")\
  X(note_first_given, "first given here",\
    "首次写于此")\
  X(not_a_scheme, "stdlib module `{}` is not a scoring scheme",\
    "标准库模块“{}”不是评分标准")\
  X(hint_scheme_shape, "a scheme declares `record {} {{ category: number in 0..MAX \"title\" … }}`",\
    "评分标准应声明 `record {} {{ category: number in 0..MAX \"title\" … }}`")\
  X(scheme_no_category, "scoring scheme `{}` declares no category with a maximum",\
    "评分标准“{}”没有声明带满分的类目")\
  X(not_a_weight, "`{}%` is not a weight",\
    "`{}%` 不是有效的权重")\
  X(unknown_score, "unknown score `{}`",\
    "未知的评分“{}”")\
  X(hint_scores_known, "scores are `material` (材料评审) and `site` (现场评审)",\
    "评分有 `material`（材料评审）和 `site`（现场评审）")\
  X(weighted_twice, "`{}` is weighted twice",\
    "“{}”的权重写了两次")\
  X(hint_one_weight, "give each score one weight: material 30% + site 70%",\
    "每项评分只写一个权重：material 30% + site 70%")\
  X(weights_sum, "the weights add up to {}%, not 100%",\
    "权重合计为 {}%，不是 100%")\
  X(hint_weights_example, "for example: score quality: material 30% + site 70%",\
    "例如：`score quality: material 30% + site 70%`")\
  X(minimum_range, "a minimum total lies within 0..{}, not `{}`",\
    "最低总分应在 0..{} 之内，而不是 `{}`")\
  X(shortlist_places, "on-site review places are a whole number from 1, not `{}`",\
    "现场评审名额应为不小于 1 的整数，而不是 `{}`")\
  X(unknown_repeat_flag, "unknown consequence for repeat winners `{}`",\
    "未知的再次获奖处理“{}”")\
  X(hint_bonus_words, "or, when the measure fixes no amount, its words: \"按市对区现行财政体制给予奖励\"",              \
    "办法未定金额时，写其原文：\"按市对区现行财政体制给予奖励\"")                                                   \
  X(revocation_mixed, "a revocation reads one kind of record; write one for organizations and one for individuals",   \
    "一条撤销规则只读取一种记录；请为组织和个人分别写一条")                                                           \
  X(ban_takes_period, "`ban` takes a period, such as `ban 5 years`", "`ban` 后应为期限，如 `ban 5 years`")            \
  X(expected_period, "expected a period, such as `7 days`, `5 working days` or `10 years`",                           \
    "此处应为期限，如 `7 days`、`5 working days` 或 `10 years`")                                                      \
  X(period_whole, "a period counts whole days, months or years", "期限以整日、整月或整年计")                          \
  X(not_a_condition, "this is {}, but a condition must be true or false", "这是{}，但条件只能为真或假")               \
  X(hint_compare_it, "compare it: `… >= 3`", "请加以比较：`… >= 3`")                                                  \
  X(not_enum_value, "`{}` is not a value of `{}`", "“{}”不是“{}”的取值")                                              \
  X(hint_values, "values: {}", "可选的取值：{}")                                                                      \
  X(unknown_fact, "unknown fact `{}`", "未知的事实“{}”")                                                              \
  X(hint_awarded_on, "`awarded_on` is the award date, known only in `revoke … when` conditions",                      \
    "`awarded_on` 是获奖日期，只能用于 `revoke … when` 的条件中")                                                     \
  X(no_field_of_kind, "`{}` is {}, which has no field `{}`", "“{}”是{}，没有字段“{}”")                                \
  X(no_field, "`{}` has no field `{}`", "“{}”没有字段“{}”")                                                           \
  X(cannot_operate, "cannot {} {} and {}", "无法将{1}与{2}{0}")                                                       \
  X(verb_add, "add", "相加")                                                                                          \
  X(verb_subtract, "subtract", "相减")                                                                                \
  X(verb_multiply, "multiply", "相乘")                                                                                \
  X(verb_divide, "divide", "相除")                                                                                    \
  X(verb_compare, "compare", "比较")                                                                                  \
  X(hint_in_yuan, "write the amount in yuan: `{} yuan`", "金额应写明以元为单位：`{} yuan`")                           \
  X(hint_both_money, "both sides must be money, or both numbers", "两边须同为金额，或同为数字")                       \
  X(hint_give_unit, "give the unit: `{} years`", "请写明单位：`{} years`")                                            \
  X(hint_dates_unquoted, "write dates without quotes: 2018-11-01", "日期不加引号：2018-11-01")                        \
  X(unordered_enum, "`{}` has no order, so it can only be compared with == and !=",                                   \
    "“{}”的取值没有先后之分，只能用 == 和 != 比较")                                                                   \
  X(hint_declare_ordered, "declare it `ordered` if its values have a rank",                                           \
    "如果其取值有高低之分，请声明为 `ordered`")                                                                       \
  X(hint_compare_fields, "compare their fields, or use `in` / `overlaps`",                                            \
    "请比较它们的字段，或使用 `in` / `overlaps`")                                                                     \
  X(not_a_list, "`{}` is {}, not a list", "“{}”是{}，不是列表")                                                       \
  X(hint_quantifiers, "`any`, `no`, `all` and `count` go over lists such as `incidents`",                             \
    "`any`、`no`、`all` 和 `count` 作用于列表，如 `incidents`")                                                       \
  X(inexact_number, "`{}` is not a number Award can hold exactly", "“{}”不是 Award 能精确表示的数字")                 \
  X(inexact_amount, "`{}` is not an amount Award can hold exactly", "“{}”不是 Award 能精确表示的金额")                \
  X(not_a_calendar_date, "{} is not a date in the calendar", "{} 不是日历上的日期")                                   \
  X(year_takes_one_date, "`year` takes one date", "`year` 只接受一个日期")                                            \
  X(year_takes_date, "`year` takes a date, not {}", "`year` 的参数应为日期，而不是{}")                                \
  X(unknown_function, "unknown function `{}`", "未知的函数“{}”")                                                      \
  X(hint_functions, "functions: year(date)", "可用的函数：`year(date)`")                                                \
  X(set_element_mismatch, "this set holds {}, but this is {}", "这个集合中是{}，但这是{}")                            \
  X(empty_set, "an empty set has no type here", "此处的空集合无法确定类型")                                           \
  X(cannot_negate, "cannot negate {}", "不能对{}取负")                                                                \
  X(within_form, "`within` reads: DATE within PERIOD before|after DATE",                                              \
    "`within` 的写法是：`日期 within 期限 before|after 日期`")                                                          \
  X(hint_within_example, "for example: date within 3 years before today", "例如：`date within 3 years before today`")   \
  X(is_set_not_fact, "`is set` asks whether a fact was given; this is not a fact",                                    \
    "`is set` 用于询问某项事实是否已提供；这里不是事实")                                                              \
  X(in_needs_list, "`in` needs a list or a set such as {{a, b}}, not {}",                                             \
    "`in` 的右边应为列表或集合，如 {{a, b}}，而不是{}")                                                               \
  X(cannot_be_in, "{} cannot be in {}", "{}不可能属于{}")                                                             \
  X(overlaps_kinds, "`overlaps` compares two lists of one kind, not {} and {}",                                       \
    "`overlaps` 比较两个同类的列表，而不是{}和{}")                                                                    \
  X(branches_differ, "the branches differ: {} and {}", "两个分支的类型不同：{}和{}")                                  \
  X(not_json, "`{}` is not a JSON value", "“{}”不是 JSON 值")                                                         \
  X(hint_quote_text, "quote text: \"…\"", "文本应加引号：\"…\"")                                                      \
  X(fixture_unreadable, "cannot read fixture {}: {}", "无法读取测试数据文件 {}：{}")                                  \
  X(fixture_not_object, "fixture {} is not one JSON object", "测试数据文件 {} 不是单个 JSON 对象")                    \
  X(test_no_date, "test \"{}\" gives no reference date", "测试“{}”没有给出评价日期")                                  \
  X(hint_add_on, "add `on 2024-06-30`", "请加上 `on 2024-06-30`")                                                     \
  X(test_expects_nothing, "test \"{}\" expects nothing", "测试“{}”没有写出预期结论")                                  \
  X(hint_add_expect, "add `expect AWARD eligible|ineligible|undetermined`",                                           \
    "请加上 `expect 奖项 eligible|ineligible|undetermined`")                                                          \
  X(not_a_verdict, "`{}` is not a verdict", "“{}”不是结论")                                                           \
  X(hint_verdicts, "verdicts: eligible, ineligible, undetermined", "结论可为：eligible、ineligible、undetermined")    \
  X(no_rule_at, "no article item {} carries a rule in this policy", "本办法中{}没有规则")                             \
  X(cannot_read, "cannot read {}: {}", "无法读取 {}：{}")                                                             \
  /* the kinds of values, as a message names them */                                                                  \
  X(type_error, "an error", "错误")                                                                                   \
  X(type_bool, "yes/no value", "是非值")                                                                              \
  X(type_number, "number", "数字")                                                                                    \
  X(type_money, "amount of money", "金额")                                                                            \
  X(type_text, "text", "文本")                                                                                        \
  X(type_date, "date", "日期")                                                                                        \
  X(type_period, "period", "期限")                                                                                    \
  X(type_elapsed, "time between two dates", "两个日期之间的时长")                                                     \
  X(type_record, "{} record", "“{}”记录")                                                                             \
  X(type_list, "list of {}", "{}列表")                                                                                \
  X(a_type, "a {}", "{}")                                                                                             \
  X(an_type, "an {}", "{}")                                                                                           \
  X(the_elapsed, "the time between two dates", "两个日期之间的时长")                                                  \
  X(an_enum_value, "a `{}` value", "“{}”的取值")                                                                      \
  /* --- The command line (cli/, runtime/report.cpp) --- */                                                           \
  X(verdict_eligible, "eligible", "符合")                                                                             \
  X(verdict_ineligible, "ineligible", "不符合")                                                                       \
  X(verdict_undetermined, "undetermined", "待定")                                                                     \
  X(award_verdict, "  {} ({}): {}\n", "  {}（{}）：{}\n")                                                             \
  X(does_not_apply, "  (does not apply)", "  （不适用）")                                                             \
  X(judgement_line, "judgement {}: {}", "判断 {}：{}")                                                                \
  X(missing_facts, "    missing facts: {}\n", "    缺少的事实：{}\n")                                                 \
  X(judgements_owed, "    judgements owed:\n", "    尚待作出的判断：\n")                                              \
  X(eval_heading, "{} ({}) on {}\n", "{}（{}），评价日 {}\n")                                                         \
  X(record_at, "{} (record {})", "{}（第 {} 条记录）")                                                                \
  X(eval_summary, "{} in, {} out, {}\n", "读入 {}，得出 {}，{}\n")                                                    \
  X(one_record, "{} record", "{} 条记录")                                                                             \
  X(many_records, "{} records", "{} 条记录")                                                                          \
  X(one_result, "{} result", "{} 个结论")                                                                             \
  X(many_results, "{} results", "{} 个结论")                                                                          \
  X(one_error, "{} error", "{} 个错误")                                                                               \
  X(many_errors, "{} errors", "{} 个错误")                                                                            \
  X(one_warning, "{} warning", "{} 个警告")                                                                           \
  X(many_warnings, "{} warnings", "{} 个警告")                                                                        \
  X(one_file, "{} file", "{} 个文件")                                                                                 \
  X(many_files, "{} files", "{} 个文件")                                                                              \
  X(check_summary, "{} checked: {}, {}\n", "已检查 {}：{}，{}\n")                                                     \
  X(test_summary, "{} passed, {} failed\n", "{} 通过，{} 失败\n")                                                     \
  X(test_ok, "ok   {} \"{}\"\n", "通过 {} “{}”\n")                                                                    \
  X(test_failed, "FAIL {} \"{}\"\n", "失败 {} “{}”\n")                                                                \
  X(test_does_not_compile, "FAIL {}: does not compile\n", "失败 {}：无法编译\n")                                      \
  X(test_bad_facts, "FAIL {} \"{}\": the facts are bad: {}\n", "失败 {} “{}”：事实有误：{}\n")                        \
  X(test_expected_got, "    {}: expected {}{}, got {}{}\n", "    {}：预期{}{}，实际{}{}\n")                           \
  X(test_because, " because {}", "，依据 {}")                                                                         \
  X(test_no_refs, "none", "无")                                                                                       \
  X(no_working_days, "cannot count working days in {}: {}", "无法计算 {} 年的工作日：{}")                             \
  X(usage_eval_inputs, "award eval: give a policy (.award, or a folder of them) and then applicant records\n",        \
    "award eval：请先给出办法（.award 文件或其所在的文件夹），再给出申请人记录\n")                                    \
  X(usage_eval_several,                                                                                               \
    "award eval: with several policies the output is one table; "                                                      \
    "--explain, --award and --format jsonl take one policy\n",                                                        \
    "award eval：给出多个办法时输出为一张表；--explain、--award 和 --format jsonl 只能用于一个办法\n")                \
  X(usage_no_award, "award {}: {} has no award `{}` (awards: {})\n",                                                  \
    "award {}：{} 中没有奖项“{}”（已有的奖项：{}）\n")                                                                \
  X(usage_bad_date_option, "award {}: {} `{}` is not a date YYYY-MM-DD in the calendar\n",                            \
    "award {}：{} “{}”不是日历上的日期（格式 YYYY-MM-DD）\n")                                                         \
  X(usage_bad_date, "award {}: `{}` is not a date YYYY-MM-DD in the calendar\n",                                      \
    "award {}：“{}”不是日历上的日期（格式 YYYY-MM-DD）\n")                                                            \
  X(usage_on_before_award, "award status: --on {} is before the award on {}\n",                                       \
    "award status：--on {} 早于获奖日期 {}\n")                                                                        \
  X(usage_timeline_dates, "award timeline: give --start DATE, --awarded-on DATE, or both\n",                          \
    "award timeline：请给出 --start 日期、--awarded-on 日期，或两者都给出\n")                                         \
  X(usage_bad_amount, "award calendar: `{}` is not an amount such as 5wd (working days) or 10d (days)\n",             \
    "award calendar：“{}”不是天数，应写作如 5wd（工作日）或 10d（自然日）\n")                                         \
  X(usage_no_such_path, "{}: no such file or directory", "{}：没有这个文件或文件夹")                                  \
  /* --- award rank (cli/cmd_rank.cpp; the reasons and notes of runtime/rank.cpp, --- */                           \
  /* --- whose English is also the JSON's and the CSV's reason) --- */                                                \
  X(verbatim, "{}", "{}")                                                                                             \
  X(rank_no_total, "no score: scores.total is not given", "无分数：未给出 scores.total")                              \
  X(rank_score_not_given, "no score: {} not given", "无分数：未给出 {}")                                              \
  X(rank_scores_not_given, "no score: {} and {} not given", "无分数：未给出 {} 和 {}")                                \
  X(rank_total_overflows, "no score: the weighted total overflows", "无分数：加权总分溢出")                           \
  X(bonus_undetermined, "depends on facts not given: the condition of this bonus is undetermined",                    \
    "取决于未提供的事实：该项奖金的条件待定")                                                                         \
  X(bonus_first_only_no_history, "paid only on a first award, and award_history is not given",                       \
    "奖金仅在首次获奖时发放，而未给出 award_history")                                                                 \
  X(bonus_not_first, "paid only on a first award, and this is not the first", "奖金仅在首次获奖时发放，本次并非首次") \
  X(bonus_none_applies, "no bonus of the measure applies", "本办法的奖金规定均不适用")                                \
  X(bonus_none_for_award, "the measure provides no bonus for this award", "本办法未对该奖项规定奖金")                 \
  X(bonus_repeat_winner, "a repeat winner: no bonus", "再次获奖：不发奖金")                                           \
  X(rank_shortlist_tie, "tied at material score {} for the last {} of {} on-site review places; the committee decides", \
    "材料评审得分 {0} 并列，争夺 {2} 个现场评审名额中的最后 {1} 个；由评审委员会决定")                                \
  X(rank_not_shortlisted, "not selected for on-site review: material score {}, {} places",                            \
    "未入选现场评审：材料评审得分 {}，现场评审名额 {} 个")                                                            \
  X(rank_not_shortlisted_no_material, "not selected for on-site review: scores.material is not given",                \
    "未入选现场评审：未给出 scores.material")                                                                         \
  X(rank_won_other, "won {} in this cycle: one award of the measure per applicant and cycle",                         \
    "本周期已获 {}：每个申报者每周期只获本办法的一个奖项")                                                            \
  X(rank_tied_other, "tied for {}, which the committee decides first", "在 {} 中并列，须由评审委员会先行决定")        \
  X(rank_ineligible, "ineligible", "不符合条件")                                                                      \
  X(rank_undetermined, "undetermined: not ranked until decided", "待定：作出决定前不予排名")                          \
  X(rank_undetermined_needs, "undetermined: not ranked until decided; needs {}", "待定：作出决定前不予排名；尚需 {}") \
  X(rank_below_minimum, "below the minimum total {}", "低于最低总分 {}")                                              \
  X(rank_beyond_quota, "beyond the quota of {}", "超出名额（{} 名）")                                                 \
  X(rank_heading, "{} ({}): cycle {}, decided on {}\n", "{}（{}）：{} 年度评审，决定日 {}\n")                         \
  X(rank_award, "\n{} ({}){}\n", "\n{}（{}）{}\n")                                                                    \
  X(rank_quota, ", quota {}", "，名额 {} 名")                                                                         \
  X(rank_winners_none, "  winners: none\n", "  获奖者：无\n")                                                         \
  X(rank_winners, "  winners:\n", "  获奖者：\n")                                                                     \
  X(rank_winner, "    {}. {}  score {}{}  bonus {}\n", "    {}. {}  得分 {}{}  奖金 {}\n")                            \
  X(rank_repeat_outside, "  repeat winner, outside the quota", "  再次获奖，不占名额")                                \
  X(money_yuan, "{} yuan", "{} 元")                                                                                   \
  X(money_unfixed, "owed, amount not fixed by the measure", "应予奖励，办法未定金额")                                 \
  X(money_unknown, "unknown", "未知")                                                                                 \
  X(ref_after, " ({})", "（{}）")                                                                                     \
  X(note_after, ": {}", "：{}")                                                                                       \
  X(rank_nominees, "  nominees ({}): {}\n", "  提名奖（{}）：{}\n")                                                   \
  X(rank_tie_at_material, "material score", "材料评审得分")                                                           \
  X(rank_tie_at_total, "total", "总分")                                                                               \
  X(rank_tie_on_site, "on-site review, {}", "现场评审，{}")                                                           \
  X(rank_tie_one, "  tie at {} {} for {} place ({}): {}; the committee decides, the place stays open\n",              \
    "  {0} {1} 并列，争夺 {2} 个名额（{3}）：{4}；由评审委员会决定，名额暂时空缺\n")                                  \
  X(rank_tie_many, "  tie at {} {} for {} places ({}): {}; the committee decides, the places stay open\n",            \
    "  {0} {1} 并列，争夺 {2} 个名额（{3}）：{4}；由评审委员会决定，名额暂时空缺\n")                                  \
  X(rank_open_places, "  open places: {} ({})\n", "  空缺名额：{}（{}）\n")                                           \
  X(rank_may_be_vacant, "the award may stay vacant", "该奖项可以空缺")                                                \
  X(rank_not_vacant, "the measure does not let them stay vacant", "办法不允许名额空缺")                               \
  X(rank_others, "  others:\n", "  未获奖者：\n")                                                                     \
  X(rank_other, "    {}: {}{}{}\n", "    {}：{}{}{}\n")                                                               \
  X(rank_other_score, " (score {})", "（得分 {}）")                                                                   \
  X(rank_other_ref, " [{}]", " [{}]")                                                                                 \
  X(rank_other_levels, "\nawards of other levels won in {}:\n", "\n{} 年获得的其他级别奖项：\n")                      \
  X(rank_other_level, "  {}: {}  bonus {} ({}){}\n", "  {}：{}  奖金 {}（{}）{}\n")                                   \
  X(rank_bonus_total, "\nbonus total {}: {} yuan{}\n", "\n{} 年奖金合计：{} 元{}\n")                                  \
  X(rank_not_summed, ", plus the amounts above that are not fixed or unknown (not summed)",                           \
    "，另有上列未定金额或未知金额（未计入）")                                                                         \
  X(rank_refused, "award rank: {}; nothing ranked\n", "award rank：{}，未作排名\n")                                   \
  /* --- award status (cli/cmd_status.cpp; the bonus notes of runtime/timeline.cpp) --- */                           \
  X(status_not_first, "not the first award, so no bonus was paid", "并非首次获奖，未发放奖金")                        \
  X(status_earlier_date_missing, "paid only on a first award, and an earlier award's date is not given",              \
    "奖金仅在首次获奖时发放，而未给出此前获奖的日期")                                                                 \
  X(status_no_bonus_declared, "the policy declares no bonus for this award", "本办法未对该奖项规定奖金")              \
  X(status_bonus_undetermined, "the bonus depends on facts not given", "奖金取决于未提供的事实")                      \
  X(status_no_bonus_applied, "no bonus of the policy applied to this winner", "本办法的奖金规定均不适用于该获奖者")   \
  X(status_heading, "{} ({}): status on {}\n", "{}（{}）：{} 的状态\n")                                               \
  X(status_award, "\n{}: {} ({}), awarded {}\n", "\n{}：{}（{}），获奖日 {}\n")                                       \
  X(status_revoked, "  revoked: {}\n", "  是否撤销：{}\n")                                                            \
  X(status_yes, "yes", "是")                                                                                          \
  X(status_no, "no", "否")                                                                                            \
  X(status_applies, "applies", "适用")                                                                                \
  X(status_does_not_apply, "does not apply", "不适用")                                                                \
  X(status_missing, "      missing: {}\n", "      缺少：{}\n")                                                        \
  X(status_consequences, "  consequences ({}):\n", "  后果（{}）：\n")                                                \
  X(status_consequences_if, "  consequences if revoked ({}):\n", "  如予撤销，后果（{}）：\n")                        \
  X(consequence_withdraw_title, "title withdrawn (撤销奖励)", "撤销奖励")                                             \
  X(consequence_recover_medal, "medal and certificate recovered (收回奖牌证书)", "收回奖牌证书")                      \
  X(consequence_publish, "published (公开通报)", "公开通报")                                                          \
  X(consequence_credit_record, "entered in the credit record (记入诚信档案)", "记入诚信档案")                         \
  X(status_bonus_recovered, "    bonus recovered (追缴奖金): {}{}{}\n", "    追缴奖金：{}{}{}\n")                     \
  X(status_bonus_from, ", {}", "，{}")                                                                                \
  X(status_bonus_note, "; {}", "；{}")                                                                                \
  X(status_ban, "    ban {}: decided {}, barred through {}, applications accepted from {}\n",                         \
    "    禁止申报 {}：{} 作出决定，至 {} 不得申报，自 {} 起受理申报\n")                                                \
  /* --- award timeline (cli/cmd_timeline.cpp) --- */                                                                 \
  X(period_day, "{} day", "{} 日")                                                                                    \
  X(period_days, "{} days", "{} 日")                                                                                  \
  X(period_working_day, "{} working day", "{} 个工作日")                                                              \
  X(period_working_days, "{} working days", "{} 个工作日")                                                            \
  X(period_month, "{} month", "{} 个月")                                                                              \
  X(period_months, "{} months", "{} 个月")                                                                            \
  X(period_year, "{} year", "{} 年")                                                                                  \
  X(period_years, "{} years", "{} 年")                                                                                \
  X(timeline_heading, "{} ({}): timeline, working days by {}\n", "{}（{}）：时间表，工作日按 {} 日历计算\n")          \
  X(timeline_from, "\nFrom {}:\n", "\n自 {} 起：\n")                                                                  \
  X(timeline_no_deadline, "  the policy sets no procedure deadline\n", "  本办法未规定程序期限\n")                    \
  X(timeline_after, " after {}", "（{}后）")                                                                          \
  X(timeline_moved, " ({} falls on {}; 民法典第二百零三条)", "（{} 为{}，顺延；民法典第二百零三条）")                 \
  X(timeline_deadline, "  {:<10} {} {}: {}{} → {}{}\n", "  {:<10} {} {}：{}{} → {}{}\n")                              \
  X(timeline_from_award, "\nFrom the award of {} ({}) on {}:\n", "\n自 {2} 获得 {0}（{1}）起：\n")                    \
  X(timeline_window, "  {:<10} revocation window through {}\n", "  {:<10} 撤销期限至 {}\n")                           \
  X(timeline_window_open, "  {:<10} revocation window: no end (any later finding)\n",                                 \
    "  {:<10} 撤销期限：无终止日（日后一经查实即可撤销）\n")                                                          \
  X(timeline_no_revocation, "  the policy sets no revocation for this award\n", "  本办法未对该奖项规定撤销\n")       \
  X(timeline_never_again, "  no new application is accepted within 100 years ({})\n",                                \
    "  100 年内不再受理申报（{}）\n")                                                                                 \
  X(timeline_again, "  new application accepted from {} (no rule bars a winner from applying again)\n",               \
    "  自 {} 起受理再次申报（没有规定限制获奖者再次申报）\n")                                                         \
  X(timeline_again_barred, "  new application accepted from {} (barred until then by {})\n",                          \
    "  自 {} 起受理再次申报（此前受 {} 限制）\n")                                                                     \
  X(timeline_retention, "  {:<10} {} kept {} through {}\n", "  {:<10} {} 保存 {}，至 {}\n")                           \
  X(timeline_deadlines_from, "{}: deadlines from {}", "{}：自 {} 起的期限")                                           \
  /* --- award coverage, award fmt, and award eval over several policies (cli/) --- */                              \
  X(coverage_heading, "{} ({})\n", "{}（{}）\n")                                                                      \
  X(coverage_with_rules, "  articles with rules: {}\n", "  有规则的条款：{}\n")                                      \
  X(coverage_prose_only, "  prose only: {}\n", "  仅有条文：{}\n")                                                    \
  X(coverage_none, "none", "无")                                                                                      \
  X(coverage_policy, "  {} tests; {} of {} rules exercised\n", "  {0} 个测试；{2} 条规则中有 {1} 条经过测试\n")        \
  X(coverage_unexercised, "  rules no test exercises:\n", "  没有测试经过的规则：\n")                                 \
  X(coverage_total, "{} of {} rules exercised\n", "{1} 条规则中有 {0} 条经过测试\n")                                  \
  X(fmt_has_errors, "award fmt: {} not formatted: it has errors\n", "award fmt：{} 有错误，未格式化\n")               \
  X(fmt_left_unchanged, "award fmt: {} left unchanged: {}\n", "award fmt：{} 保持原样：{}\n")                         \
  X(fmt_summary, "{} {}, {} unchanged{}\n", "{0}{1}，{2} 个未改动{3}\n")                                              \
  X(fmt_would_change, "would change", "需要格式化")                                                                   \
  X(fmt_formatted, "formatted", "已格式化")                                                                           \
  X(fmt_failed, ", {} failed", "，{} 个失败")                                                                         \
  X(table_heading, "on {}\n", "评价日 {}\n")                                                                          \
  X(table_applicant, "applicant", "申报者")                                                                           \
  X(table_policy, "policy", "办法")                                                                                   \
  X(table_award, "award", "奖项")                                                                                     \
  X(table_verdict, "verdict", "结论")                                                                                 \
  X(table_why, "deciding articles / waiting on", "决定性条款 / 尚待")                                                 \
  X(table_error, "error: {}", "错误：{}")                                                                             \
  X(table_waits_on, "waits on {}", "尚待 {}")                                                                         \
  X(internal_error, "award: internal error: {}\n", "award：内部错误：{}\n")                                           \
  X(cannot_write_stdout, "award: could not write to standard output\n", "award：无法写入标准输出\n")                      \
  /* --- Command line (CLI11): --help and the option errors of cli/main.cpp. In English the errors --- */            \
  /* --- stay CLI11's own text; the English here says the same, for the table's readers and tests. --- */           \
  X(cli_app, "Award: quality award measures as policies, evaluated against applicants' facts",                        \
    "Award：以办法文件写出质量奖管理办法，依据申报者的事实评价")                                                       \
  X(cli_help, "Print this help message and exit", "显示本帮助并退出")                                                 \
  X(cli_version, "Display program version information and exit", "显示版本信息并退出")                                \
  X(cli_label_usage, "Usage", "用法")                                                                                 \
  X(cli_label_options_usage, "OPTIONS", "选项")                                                                       \
  X(cli_label_positionals, "Positionals", "位置参数")                                                                 \
  X(cli_label_options, "Options", "选项")                                                                             \
  X(cli_label_subcommands, "Subcommands", "子命令")                                                                   \
  X(cli_label_subcommand, "SUBCOMMAND", "子命令")                                                                     \
  X(cli_label_required, "REQUIRED", "必需")                                                                           \
  X(cli_lang, "Messages in zh (Chinese) or en (English); default from LC_ALL, LC_MESSAGES, LANG",                    \
    "消息语言：zh（中文）或 en（英文）；默认依次取自 LC_ALL、LC_MESSAGES、LANG")                                       \
  X(cli_check, "Check policy files; report every error with its code, place and hint",                               \
    "检查办法文件；报告每个错误的代码、位置和提示")                                                                    \
  X(cli_policy_files_award, "Policy files (.award)", "办法文件（.award）")                                          \
  X(cli_quiet, "Print only the summary line", "只输出汇总行")                                                         \
  X(cli_compile, "Compile a policy and print its IR", "编译办法并输出其 IR")                                          \
  X(cli_policy_file, "Policy file", "办法文件")                                                                       \
  X(cli_emit, "What to print", "输出的内容")                                                                          \
  X(cli_eval, "Evaluate applicants against a policy", "依据办法评价申报者")                                           \
  X(cli_eval_inputs,                                                                                                  \
    "POLICY... FACTS...: one or more policies (.award files or folders of them), then applicant "                     \
    "records: a JSON object, a JSON array, JSON Lines, or - for standard input",                                      \
    "POLICY... FACTS...：先给出一个或多个办法（.award 文件或其所在的文件夹），再给出申报者记录："                   \
    "JSON 对象、JSON 数组、JSON Lines，或用 - 表示标准输入")                                                          \
  X(cli_on, "Reference date YYYY-MM-DD (default: today)", "评价日 YYYY-MM-DD（默认：今天）")                          \
  X(cli_eval_award, "Evaluate only this award", "只评价这一奖项")                                                     \
  X(cli_eval_format, "text, json, or jsonl (one line per applicant and award)",                                       \
    "text、json 或 jsonl（每个申报者每个奖项一行）")                                                                  \
  X(cli_explain, "Show every rule with the facts it read", "列出每条规则及其读取的事实")                               \
  X(cli_jobs, "Threads for JSON Lines in, JSON Lines out (default: every core); output stays in input order",        \
    "JSON Lines 输入、JSON Lines 输出时的线程数（默认：全部核心）；输出保持输入的顺序")                                \
  X(cli_schema, "Print the facts and judgements a policy reads, as JSON Schema",                                      \
    "以 JSON Schema 输出办法读取的事实和判断")                                                                        \
  X(cli_test, "Run the test cases written in policies; ends with `N passed, N failed`",                              \
    "运行办法中写的测试；最后一行为 `N 通过，N 失败`")                                                                \
  X(cli_policy_paths, "Policy files or folders (default: policies/)", "办法文件或文件夹（默认：policies/）")          \
  X(cli_verbose, "List passing tests too", "也列出通过的测试")                                                        \
  X(cli_status, "After an award: is it revoked, under which article, with what consequences",                         \
    "获奖之后：是否撤销，依据哪一条，有何后果")                                                                       \
  X(cli_status_facts, "The winner's record: a JSON object or array, or - for standard input",                         \
    "获奖者的记录：JSON 对象或数组，或用 - 表示标准输入")                                                             \
  X(cli_award_won, "The award won", "所获奖项")                                                                       \
  X(cli_awarded_on, "The award date YYYY-MM-DD", "获奖日期 YYYY-MM-DD")                                               \
  X(cli_status_on, "Reference date YYYY-MM-DD, the day revocation is decided (default: today)",                       \
    "评价日 YYYY-MM-DD，即作出撤销决定之日（默认：今天）")                                                            \
  X(cli_format_text_json, "text or json", "text 或 json")                                                             \
  X(cli_timeline, "The dates of a policy's deadlines, revocation windows, reapplication and retention",               \
    "办法规定的各项期限、撤销期限、再次申报和材料保存的日期")                                                         \
  X(cli_start, "Date the procedure deadlines from this day YYYY-MM-DD", "自这一天 YYYY-MM-DD 起计算程序期限")         \
  X(cli_award_date, "Award date YYYY-MM-DD", "获奖日期 YYYY-MM-DD")                                                   \
  X(cli_only_award, "Only this award", "只看这一奖项")                                                                \
  X(cli_fmt, "Rewrite policies in the canonical layout (no files: standard input to output)",                        \
    "按规范格式重写办法（不给文件时：从标准输入到标准输出）")                                                         \
  X(cli_policy_files_folders, "Policy files or folders", "办法文件或文件夹")                                          \
  X(cli_fmt_check, "Change nothing; list the files that would change and exit 1 if any would",                       \
    "不作改动；列出需要格式化的文件，有则以 1 退出")                                                                  \
  X(cli_coverage, "Articles with rules, prose-only articles, and rules no test exercises",                           \
    "有规则的条款、仅有条文的条款，以及没有测试经过的规则")                                                           \
  X(cli_diff, "What changed between two policies, in provisions; exit 1 when a verdict can change",                   \
    "两个办法之间在规定上的变化；可能改变结论时以 1 退出")                                                            \
  X(cli_diff_old, "The earlier policy", "较早的办法")                                                                 \
  X(cli_diff_new, "The later policy", "较晚的办法")                                                                   \
  X(cli_witnesses, "For each change that can alter a verdict, an applicant whose verdict differs",                    \
    "对每项可能改变结论的变化，给出一个结论因此不同的申报者")                                                         \
  X(cli_diff_applicants, "Evaluate these records under both and list who changes verdict",                            \
    "在新旧两个办法下评价这些记录，列出结论改变的申报者")                                                             \
  X(cli_calendar, "Working days by the official holiday arrangement", "按国务院节假日安排计算工作日")                 \
  X(cli_calendar_add, "The date N working days (Nwd) or days (Nd) after DATE",                                        \
    "DATE 之后 N 个工作日（Nwd）或 N 日（Nd）的日期")                                                                 \
  X(cli_amount, "e.g. 5wd, -3wd, 10d", "如 5wd、-3wd、10d")                                                          \
  X(cli_calendar_between, "Working days after the first date up to and including the second",                        \
    "第一个日期之后、到第二个日期（含）为止的工作日数")                                                               \
  X(cli_calendar_is_working, "Whether DATE is a working day", "DATE 是否为工作日")                                    \
  X(cli_region, "Regional layer (xinjiang)", "地区日历（xinjiang）")                                                  \
  X(cli_rank, "A cycle's winners, nominees, ties and reasons, with the bonus of each winner",                         \
    "一个评审周期的获奖者、提名奖、并列和理由，以及每位获奖者的奖金")                                                 \
  X(cli_rank_applicants, "Applicant records: JSON, JSON Lines, or folders of them",                                   \
    "申报者记录：JSON、JSON Lines，或其所在的文件夹")                                                                 \
  X(cli_scores, "The review panel's scores: CSV id,material,site[,total], UTF-8 or GBK",                              \
    "评审组的评分：CSV id,material,site[,total]，UTF-8 或 GBK 编码")                                                  \
  X(cli_cycle, "The cycle's year (default: the year of --on)", "评审周期的年份（默认：--on 所在的年份）")             \
  X(cli_rank_on, "Reference date YYYY-MM-DD for eligibility (default: today)",                                        \
    "判断申报资格的评价日 YYYY-MM-DD（默认：今天）")                                                                  \
  X(cli_rank_format, "text, json, or csv", "text、json 或 csv")                                                       \
  X(cli_lsp, "Run the language server on standard input and output (for editors)",                                    \
    "在标准输入输出上运行语言服务器（供编辑器使用）")                                                                 \
  X(cli_error, "award{}: {}\n", "award{}：{}\n")                                                                      \
  X(cli_run_help, "Run with --help for more information.\n", "加上 --help 可查看用法。\n")                          \
  X(cli_unknown_option, "unknown option {}", "未知的选项 {}")                                                         \
  X(cli_extra_arguments, "the following arguments were not expected: {}", "多余的参数：{}")                          \
  X(cli_required, "{} is required", "缺少必需的参数 {}")                                                              \
  X(cli_subcommand_required, "a subcommand is required: {}", "请给出一个子命令：{}")                                  \
  X(cli_needs_value, "{} needs a value", "{} 后面缺少取值")                                                           \
  X(cli_at_most, "{} takes at most {} values, got {}", "{0} 最多只能给出 {1} 个取值，实际给出了 {2} 个")              \
  X(cli_not_allowed, "{}: `{}` is not allowed; allowed: {}", "{0} 的取值不能是“{1}”，可选：{2}")                    \
  X(cli_not_in_range, "{}: `{}` is not in the range {} to {}", "{0} 的取值 {1} 不在 {2} 至 {3} 之间")                 \
  X(cli_not_whole_number, "{}: `{}` is not a whole number", "{} 的取值“{}”不是整数")                                  \
  X(cli_bad_value, "{}: `{}` is not a valid value", "{} 的取值“{}”无效")                                              \
  X(cli_not_readable, "{} was not readable (missing?)", "无法读取 {}（文件不存在？）")                                 \
  X(cli_other_error, "{}", "命令行有误（{}）")                                                                       \
  /* --- ANTLR's lexer (compiler/parse.cpp): text no token begins with --- */                                         \
  X(unrecognised_text, "no token begins with `{}`", "无法识别的文本“{}”")                                            \
  /* --- Facts and judgements named in text output (runtime/report.cpp: rank, status, eval). English --- */         \
  /* --- names them by id, as JSON does; fact_named and judgement_named are Chinese text only. --- */               \
  X(fact_named, "{} ({})", "“{}”（{}）")                                                                              \
  X(fact_part_of, "'s ", "的")                                                                                        \
  X(judgement_by_id, "judgement {}", "判断 {}")                                                                       \
  X(judgement_named, "judgement {1}: {0}", "判断“{}”（{}）") \
  /* --- Applicant records (runtime/facts.cpp) --- */                                                                 \
  X(facts_kind_type, "must be \"organization\" or \"individual\"", "必须是 \"organization\" 或 \"individual\"")       \
  X(facts_kind_value, "\"{}\" is neither \"organization\" nor \"individual\"",                                        \
    "“{}”既不是 \"organization\" 也不是 \"individual\"")                                                              \
  X(facts_judgements_type, "must be an object of judgement ids to true/false",                                        \
    "必须是以判断编号为键、true/false 为值的对象")                                                                    \
  X(facts_judgement_value, "a judgement is true or false, not {}", "判断只能是 true 或 false，不能是{}")              \
  X(facts_out_of_bounds, "{} is outside {}..{}", "{} 超出 {}..{} 的范围")                                             \
  X(facts_expected, "expected {}, found {}", "应为{}，实为{}")                                                        \
  X(facts_inexact_number, "{} cannot be held exactly (at most 6 decimal places, no exponent)",                        \
    "{} 无法精确表示（最多 6 位小数，不用指数形式）")                                                                 \
  X(facts_not_a_date, "\"{}\" is not a date in the calendar (YYYY-MM-DD)", "“{}”不是日历上的日期（YYYY-MM-DD）")      \
  X(facts_not_member, "\"{}\" is not {}", "“{}”不是{}")                                                               \
  X(facts_a_list, "a list", "列表")                                                                                   \
  X(facts_an_object, "an object", "对象")                                                                             \
  X(facts_true_false, "true/false", "布尔值 true/false")                                                              \
  X(facts_null, "null", "空值 null")                                                                                  \
  X(facts_a_value, "a value", "值")                                                                                   \
  X(facts_true_or_false, "true or false", "true 或 false")                                                            \
  X(facts_an_amount, "an amount in yuan (a number)", "以元计的金额（数字）")                                          \
  X(facts_a_date, "a date \"YYYY-MM-DD\"", "日期 \"YYYY-MM-DD\"")                                                     \
  X(facts_one_of, "one of {}", "以下之一：{}")                                                                        \
  /* --- Applicant input (runtime/input.cpp, cli/): files of records, score sheets, --- */\
  /* --- the fields rank and status read; a JSON row's `error` is the English --- */\
  X(input_is_directory, "{}: is a directory, not a file of records", "{}：是文件夹，不是记录文件")\
  X(input_permission_denied, "{}: cannot be read (permission denied)", "{}：无法读取（没有读取权限）")\
  X(input_no_such_file, "{}: no such file", "{}：没有这个文件")\
  X(input_read_error, "{}: read error", "{}：读取出错")\
  X(input_read_error_after, "{}: read error after line {}", "{}：第 {} 行之后读取出错")\
  X(input_line_too_long, "{}:{}: a line longer than {} MiB; write one record per line (JSON Lines)",\
    "{}:{}：有一行超过 {} MiB；请每行写一条记录（JSON Lines）")\
  X(input_document_too_long,\
    "{}: a JSON document longer than {} MiB; write the records as JSON Lines, one per line, "\
    "which has no limit on the number of records",\
    "{}：JSON 文档超过 {} MiB；请改用 JSON Lines，每行一条记录，记录条数不受限制")\
  X(record_too_long, "the record is longer than {} MiB, the limit for one record", "记录超过 {} MiB，这是单条记录的上限")\
  X(record_not_json, "not valid JSON", "不是有效的 JSON")\
  X(record_not_json_because, "not valid JSON ({})", "不是有效的 JSON（{}）")\
  X(record_not_json_rest, "not valid JSON; the rest of the file cannot be read", "不是有效的 JSON；文件的其余部分无法读取")\
  X(record_not_json_rest_because, "not valid JSON ({}); the rest of the file cannot be read",\
    "不是有效的 JSON（{}）；文件的其余部分无法读取")\
  X(record_not_object, "a record must be a JSON object {{ … }}", "每条记录都应是一个 JSON 对象 {{ … }}")\
  X(record_text_follows, "not valid JSON: the object is incomplete, or text follows it on the same line",\
    "不是有效的 JSON：对象不完整，或者同一行中对象之后还有其他文字")\
  X(records_expected, "expected a JSON object, an array of objects, or JSON Lines",\
    "应为一个 JSON 对象、一个对象数组或 JSON Lines")\
  X(records_not_object_or_array, "{}: not a JSON object or array of objects", "{}：不是 JSON 对象，也不是对象数组")\
  X(record_not_an_object, "not a JSON object", "不是 JSON 对象")\
  X(file_is_directory, "it is a directory, not a file", "这是文件夹，不是文件")\
  X(file_permission_denied, "permission denied", "没有读取权限")\
  X(file_not_found, "no such file", "没有这个文件")\
  X(problem_at, "{}: {}", "{}：{}")\
  X(record_of, "{} {}", "{} {}")\
  X(duplicate_id_record, "duplicate applicant id (first seen in record {})", "申报者编号重复（第 {} 条记录已使用）")\
  X(duplicate_id_at, "duplicate applicant id (first in {})", "申报者编号重复（{} 已使用）")\
  X(unknown_field, "unknown field {} (ignored)", "未知字段 {}（已忽略）")\
  X(unknown_fields, "unknown fields {} (ignored)", "未知字段 {}（已忽略）")\
  X(unknown_fields_not_shown, "further unknown-field warnings are not shown", "其余的未知字段警告不再显示")\
  X(eval_write_failed, "could not write the results to standard output", "无法将结果写入标准输出")\
  X(award_no_working_days, "{}: cannot count working days in {}: {}", "{}：无法计算 {} 年的工作日：{}")\
  X(rank_needs_id, "a ranked record needs an id", "参加排名的记录必须有编号")\
  X(applying_for_omit, "a list of award ids or names (omit it to apply for every award)",\
    "应为奖项编号或名称的列表（不写则申报全部奖项）")\
  X(applying_for_list, "a list of award ids or names", "应为奖项编号或名称的列表")\
  X(applying_for_unknown, "`{}` is no award of {}", "“{}”不是 {} 的奖项")\
  X(score_outside, "{} is outside 0..{}", "{} 不在 0..{} 之内")\
  X(scores_utf16, "{}: the scores file is UTF-16; save it as UTF-8 (CSV UTF-8) or GBK",\
    "{}：评分文件是 UTF-16 编码；请另存为 UTF-8（CSV UTF-8）或 GBK 编码")\
  X(scores_not_utf8_gbk, "{}: the scores file is neither UTF-8 nor GBK; save it as UTF-8",\
    "{}：评分文件既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8 编码")\
  X(scores_read_as_gbk, "{}: read as GBK (GB18030), not UTF-8", "{}：按 GBK（GB18030）编码读取，而不是 UTF-8")\
  X(csv_field, "{}:{}: field `{}`", "{}:{}：字段“{}”")\
  X(csv_quote_open, "a quote is not closed", "引号没有闭合")\
  X(csv_unknown_column, "the header names an unknown column `{}`; columns: id,material,site[,total]",\
    "表头中有未知的列“{}”；可用的列：id,material,site[,total]")\
  X(csv_column_twice, "the header names column `{}` twice", "表头中“{}”列出现了两次")\
  X(csv_no_header, "the first row is the header id,material,site[,total]", "第一行应为表头 id,material,site[,total]")\
  X(csv_field_count, "{} fields, and the header has {}", "本行有 {} 个字段，而表头有 {} 个")\
  X(csv_not_a_number, "`{}` is not a number", "“{}”不是数字")\
  X(csv_no_id, "no id", "没有编号")\
  X(csv_id_twice, "id `{}` is already scored on line {}", "编号“{}”在第 {} 行已有评分")\
  X(csv_empty, "{}: empty; the first row is the header id,material,site[,total]",\
    "{}：文件为空；第一行应为表头 id,material,site[,total]")\
  X(csv_no_applicant, "`{}` names no applicant", "“{}”不是任何申报者的编号")\
  /* --- award diff (cli/cmd_diff.cpp; the summaries of compiler/diff.cpp and the --- */\
  /* --- ranking witnesses of runtime/witness.cpp, whose English is also the JSON's) --- */\
  X(diff_heading, "{} → {} (on {})\n", "{} → {}（评价日 {}）\n")\
  X(diff_category_metadata, "metadata", "办法信息")\
  X(diff_category_award, "award", "奖项")\
  X(diff_category_bonus, "bonus", "奖金")\
  X(diff_category_requirement, "requirement", "要求")\
  X(diff_category_exclusion, "exclusion", "排除")\
  X(diff_category_judgement, "judgement", "判断")\
  X(diff_category_rule, "rule", "规则")\
  X(diff_category_revocation, "revocation", "撤销")\
  X(diff_category_deadline, "deadline", "期限")\
  X(diff_category_retention, "retention", "档案保存")\
  X(diff_category_scoring, "scoring", "评分")\
  X(diff_category_article, "article", "条文")\
  X(diff_added, "added", "新增")\
  X(diff_removed, "removed", "删除")\
  X(diff_changed, "changed", "修改")\
  X(diff_moved, "moved", "移动")\
  X(diff_change, "  {} {} {}", "  {} {}{}")\
  X(diff_refs_same, "({})", "（{}）")\
  X(diff_refs_added, "(→ {})", "（→ {}）")\
  X(diff_refs_removed, "({} →)", "（{} →）")\
  X(diff_refs_moved, "({} → {})", "（{} → {}）")\
  X(diff_old_new, "      old: {}\n      new: {}\n", "      原：{}\n      新：{}\n")\
  X(diff_text, "      text: {}\n", "      条文：{}\n")\
  X(diff_witness, "      witness ({}): {} → {}\n        {}\n", "      示例（{}）：{} → {}\n        {}\n")\
  X(diff_no_witness, "      no witness found: no record the search built changes verdict\n",\
    "      未找到示例：搜索构造的记录都不改变结论\n")\
  X(diff_witness_ranked, "      witness ({}, ranked): {} → {}\n        {}\n", "      示例（{}，排名）：{} → {}\n        {}\n")\
  X(diff_no_ranking_witness, "      changes who wins, not who is eligible; no witness is given: {}\n",\
    "      改变谁获奖，不改变谁符合条件；未给出示例：{}\n")\
  X(diff_note_bonus, "changes what winners receive, not who is eligible or wins", "改变获奖者所得，不改变谁符合条件或谁获奖")\
  X(diff_note_scheme, "changes the scale scores are read on, not who is eligible or wins",\
    "改变评分的分制，不改变谁符合条件或谁获奖")\
  X(diff_note_cycle, "changes how often the award is given, not who is eligible", "改变奖项的评选周期，不改变谁符合条件")\
  X(diff_note_no_verdict, "cannot change a verdict", "不会改变结论")\
  X(diff_applicants_one, "\napplicants: {} evaluated, {} verdict change\n", "\n申报者：评价 {} 个，{} 个结论改变\n")\
  X(diff_applicants_many, "\napplicants: {} evaluated, {} verdicts change\n", "\n申报者：评价 {} 个，{} 个结论改变\n")\
  X(diff_mover, "  {} {}: {} → {}{}{}\n", "  {} {}：{} → {}{}{}\n")\
  X(diff_mover_was, " (was {})", "（原依据 {}）")\
  X(diff_mover_now, " (now {})", "（现依据 {}）")\
  X(diff_summary_one, "\n{} change, {} can change a verdict, {} can change who wins\n",\
    "\n{} 处修改，其中 {} 处可能改变结论，{} 处可能改变谁获奖\n")\
  X(diff_summary_many, "\n{} changes, {} can change a verdict, {} can change who wins\n",\
    "\n{} 处修改，其中 {} 处可能改变结论，{} 处可能改变谁获奖\n")\
  X(diff_none, "(none)", "（无）")\
  X(diff_setting, "{}: {} → {}", "{}：{} → {}")\
  X(diff_setting_of, "{} {}: {} → {}", "{} {}：{} → {}")\
  X(diff_article, "article {}", "{}")\
  X(diff_article_moved, "article {} → {}", "{} → {}")\
  X(diff_article_text, "text of {}", "{}的条文")\
  X(diff_award_removed, "award {} ({}) removed", "奖项 {}（{}）")\
  X(diff_award_added, "award {} ({}) added", "奖项 {}（{}）")\
  X(diff_award_title, "title", "名称")\
  X(diff_award_official_name, "official name", "正式名称")\
  X(diff_award_for, "for", "对象")\
  X(diff_award_cycle, "cycle", "评选周期")\
  X(diff_award_quota, "quota", "名额")\
  X(diff_award_vacant, "may stay vacant", "可否空缺")\
  X(diff_bonus, "{} bonus: {} → {}", "{} 奖金：{} → {}")\
  X(diff_list, "{}; {}", "{}；{}")\
  X(diff_flagged, "{}{}{}", "{}{}{}")\
  X(diff_conditional, " (conditional)", "（有条件）")\
  X(diff_not_fixed, "not fixed: {}", "未定金额：{}")\
  X(diff_rule_awards, "{} now applies to {} (was {})", "{} 现适用于 {}（原适用于 {}）")\
  X(diff_rule_for, "{} [for {}]", "{} [仅适用于 {}]")\
  X(diff_judgement_reworded, "judgement {} reworded", "判断 {} 的文字有修改")\
  X(diff_deadline_removed, "deadline {} ({}) removed", "期限 {}（{}）")\
  X(diff_deadline_added, "deadline {} ({}) added", "期限 {}（{}）")\
  X(diff_deadline_changed, "deadline {}: {} → {}", "期限 {}：{} → {}")\
  X(diff_retention_removed, "retention {} removed", "档案保存 {}")\
  X(diff_retention_added, "retention {} ({}) added", "档案保存 {}（{}）")\
  X(diff_retention_changed, "retention {}: {} → {}", "档案保存 {}：{} → {}")\
  X(diff_scheme, "scoring scheme", "评分标准")\
  X(diff_weights, "weights", "权重")\
  X(diff_minimum, "minimum", "最低分")\
  X(diff_shortlist, "on-site review cap", "现场评审名额")\
  X(diff_repeat, "repeat winners", "再次获奖")\
  X(diff_other_bonus, "bonus (award of another level)", "奖金（其他级别奖项）")\
  X(diff_scheme_value, "{} ({}, out of {})", "{}（{}，满分 {}）")\
  X(diff_weights_value, "material {} + site {}", "材料评审 {} + 现场评审 {}")\
  X(diff_no_consequence, "(no consequence)", "（无后果）")\
  X(witness_wins, "wins with a total of {}", "以总分 {} 获奖")\
  X(witness_wins_outside, "wins outside the quota with a total of {}", "以总分 {} 获奖，不占名额")\
  X(witness_nominated, "is nominated", "获提名奖")\
  X(witness_tied_one, "tied for {} place ({})", "并列争夺 {} 个名额（{}）")\
  X(witness_tied_many, "tied for {} places ({})", "并列争夺 {} 个名额（{}）")\
  X(witness_does_not_win, "does not win: {}{}{}", "未获奖：{}{}{}")\
  X(witness_at_total, " at a total of {}", "，总分 {}")\
  X(witness_not_ranked, "is not ranked", "未参加排名")\
  X(witness_rival_one, "ranked with a rival better on site (WITNESS-2) for {} place",\
    "与一个现场评审得分更高的对手（WITNESS-2）争夺 {} 个名额")\
  X(witness_rival_many, "ranked with a rival better on site (WITNESS-2) and {} with full scores for {} places",\
    "与一个现场评审得分更高的对手（WITNESS-2）及 {} 个满分申报者一同争夺 {} 个名额")\
  X(witness_others_lower_one,\
    "ranked with {} other like it (WITNESS-2 … WITNESS-{}), each with a better material score and a lower total",\
    "与另外 {} 个同类申报者（WITNESS-2 … WITNESS-{}）一同排名，它们的材料评审得分都更高，总分更低")\
  X(witness_others_lower_many,\
    "ranked with {} others like it (WITNESS-2 … WITNESS-{}), each with a better material score and a lower total",\
    "与另外 {} 个同类申报者（WITNESS-2 … WITNESS-{}）一同排名，它们的材料评审得分都更高，总分更低")\
  X(witness_others_higher_one,\
    "ranked with {} other like it (WITNESS-2 … WITNESS-{}), each with a better material score and a higher total",\
    "与另外 {} 个同类申报者（WITNESS-2 … WITNESS-{}）一同排名，它们的材料评审得分和总分都更高")\
  X(witness_others_higher_many,\
    "ranked with {} others like it (WITNESS-2 … WITNESS-{}), each with a better material score and a higher total",\
    "与另外 {} 个同类申报者（WITNESS-2 … WITNESS-{}）一同排名，它们的材料评审得分和总分都更高")\
  X(witness_kind_not_searched, "the search does not witness this kind of change", "搜索不为这类修改构造示例")\
  X(witness_award_not_in_both, "the award is not in both policies for the same kind of applicant",\
    "该奖项并非在两个办法中都有、且面向同类申报者")\
  X(witness_none_eligible, "no record the search built is eligible for the award under both policies",\
    "搜索构造的记录中，没有一条在两个办法下都符合该奖项的条件")\
  X(witness_weights_no_limit,\
    "neither policy sets a minimum total or a quota for {}: whatever the weights, every eligible applicant wins under both",\
    "两个办法都没有为 {} 规定最低总分或名额：无论权重如何，符合条件的申报者在两个办法下都获奖")\
  X(witness_no_scores, "no scores the search tried rank the applicant differently", "搜索尝试过的分数都不改变该申报者的排名结果")\
  X(witness_no_repeat,\
    "no earlier win the search tried keeps the applicant eligible and changes its outcome "\
    "(a provision that only withholds the bonus changes the money, not who wins)",\
    "搜索尝试过的此前获奖记录，没有一条既让申报者仍符合条件、又改变其结果"\
    "（只取消奖金的规定改变的是奖金，而不是谁获奖）")\
  X(witness_same_outcome, "the applicants the search ranked have the same outcome under both policies",\
    "搜索排名的申报者在两个办法下结果相同") \
  /* --- The working-day calendar (runtime/calendar.cpp) --- */ \
  X(calendar_year_not_covered_covers, "the working-day calendar {} has no data for the year {} (it covers {})", \
    "工作日日历“{}”没有 {} 年的数据（现有 {}）") \
  X(calendar_year_not_covered, "the working-day calendar {} has no data for the year {}", \
    "工作日日历“{}”没有 {} 年的数据") \
  X(calendar_none_given, "no working-day calendar was given", "未提供工作日日历")

enum class Msg {
#define X(id, en, zh) id,
  AWARD_MESSAGES(X)
#undef X
};

struct MessageText {
  const char* id;
  const char* en;
  const char* zh;
};

// Every entry, in table order (for the tests and the documentation).
std::span<const MessageText> all_messages();

// The language the process speaks. It is set once, before any work starts
// (by `award` from --lang or the locale; by the language server from the
// client's locale) and only read after.
Lang language();
void set_language(Lang lang);

// "zh" and "en"; nullopt for anything else.
std::optional<Lang> parse_language(std::string_view name);

// The locale's language: the first of LC_ALL, LC_MESSAGES and LANG that is set
// and not empty decides; a value starting with "zh" is Chinese, any other English.
Lang language_from_locale(const char* lc_all, const char* lc_messages, const char* lang);
Lang language_from_environment();

// The format string of a message in a language; the English one when the
// Chinese is missing.
const char* message_format(const MessageText& t, Lang lang);
const char* message_format(Msg m, Lang lang);

// Code in a message (`…`) is written with English keywords. While a file
// written with other keywords is compiled, the compiler installs on its
// thread a rewriter that gives that code the file's keywords
// (compiler/keywords.h); tr() applies it to the format string, before the
// arguments go in, so a name passed as an argument is never taken for code.
using CodeRewriter = std::string (*)(std::string_view format);
CodeRewriter code_rewriter();
class CodeKeywords {  // installs one for its lifetime; null installs none
 public:
  explicit CodeKeywords(CodeRewriter r);
  ~CodeKeywords();
  CodeKeywords(const CodeKeywords&) = delete;
  CodeKeywords& operator=(const CodeKeywords&) = delete;

 private:
  CodeRewriter saved_;
};

// A message in the current language, its arguments filled in.
template <class... Args>
std::string tr(Msg m, const Args&... args) {
  const char* f = message_format(m, language());
  if (CodeRewriter r = code_rewriter()) return fmt::format(fmt::runtime(r(f)), args...);
  return fmt::format(fmt::runtime(f), args...);
}

// A message kept with its arguments, to be written later in either language:
// a runtime result whose English is also a JSON or CSV contract (rank's
// reasons, a bonus's note, a diff's summary) while the text output follows the
// language. Words of the measure itself are kept `verbatim`, the same in both.
// An argument may be a message itself ("(none)", "3 years"): it is written in
// the language of the whole.
struct Said {
  Msg id = Msg::verbatim;
  std::vector<Said> args;  // the arguments, each said in the language of the whole
  std::string words;       // what a verbatim Said says, the same in both languages,
  std::string words_zh;    // unless its Chinese differs (a fact named by its label); empty: words

  bool empty() const { return id == Msg::verbatim && words.empty(); }
  std::string in(Lang lang) const;
  std::string en() const { return in(Lang::En); }  // for JSON and CSV
  std::string str() const { return in(language()); }
};

inline Said verbatim(std::string s) { return Said{Msg::verbatim, {}, std::move(s), {}}; }
// Words from the policy or the vocabulary that read otherwise in Chinese.
inline Said bilingual(std::string en, std::string zh) { return Said{Msg::verbatim, {}, std::move(en), std::move(zh)}; }

namespace said_detail {
inline Said arg(Said s) { return s; }
template <class T>
Said arg(const T& v) { return verbatim(fmt::format("{}", v)); }
}  // namespace said_detail

template <class... Args>
Said said(Msg m, const Args&... args) {
  return Said{m, {said_detail::arg(args)...}, {}, {}};
}

// "1 record" / "3 records" / "3 条记录".
inline std::string counted(size_t n, Msg one, Msg many) { return tr(n == 1 ? one : many, n); }

}  // namespace award
