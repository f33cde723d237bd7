// Rendering outcomes: text for people, JSON for the contract other tools rely
// on, and one compact JSON line per applicant and award for batches.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/messages.h"

namespace award {

std::string json_string(std::string_view s);
void append_json_string(std::string& out, std::string_view s);  // the same, appended, allocating nothing once warm

// What an outcome still needs: the checkable facts absent, the judgements owed.
struct Needs {
  std::vector<std::string> missing;
  std::vector<int32_t> judgements;  // judgement indexes
};
Needs needs_of(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o);

// A fact or a judgement named for people. In English by its id, as JSON names
// it (registered_on, judgement good_faith); in Chinese by what the vocabulary
// or the policy calls it, with the id kept for the writer:
// 登记注册或依法设立日期（registered_on）, each part of a nested path by its own
// label (事故[0]的发生日期（incidents[0].date）), 判断“依法诚信经营……”（good_faith）.
// `record` is the record the path starts from (an award's subject; -1 when the
// kind is unknown: the organisation's vocabulary, then the individual's).
std::string fact_name(const ir::Policy& p, int32_t record, std::string_view path, Lang lang);
std::string judgement_name(const ir::Policy& p, int32_t judgement, Lang lang);
// Needs::missing and the judgements owed, each named as above, in that order.
std::vector<std::string> needs_named(const ir::Policy& p, int32_t record, const Needs& n, Lang lang);

// The value of each fact a rule reads, as "path": JSON pairs.
std::vector<std::pair<std::string, std::string>> rule_facts(const ir::Policy& p, const FactStore& s, const ir::Rule& r);

// The text a reason shows: the judgement's, the item's, or the article's.
std::string reason_text(const ir::Policy& p, const ir::Rule& r);

// The article items that decide an outcome, in policy order without repeats:
// the failing ones for `ineligible`, the undecided ones for `undetermined`,
// none for `eligible`. The award's own article stands for its subject.
std::vector<std::string> deciding_refs(const ir::Policy& p, const AwardOutcome& o);

// {"applicant": …, "award": …, "verdict": …, "reasons": [...], "missing": [...], "judgements": [...]}
std::string result_json(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o);

// {"applicant": …, "award": …, "verdict": …, "failed": ["第十条（一）", …]}, a line
// per applicant and award. Every word that comes from the policy (award ids,
// article refs) is escaped once, when the writer is made, and a ref is known by
// its number, so a line costs only what the applicant brings.
class JsonlWriter {
 public:
  explicit JsonlWriter(const ir::Policy& p);
  void write(std::string& out, const FactStore& s, const AwardOutcome& o) const;

 private:
  std::vector<std::string> award_id_;   // ,"award":"quality","verdict":"
  std::vector<std::string> award_ref_;  // "第五条"
  std::vector<int32_t> award_ref_no_;   // the ref's number among all refs
  std::vector<std::string> rule_ref_;   // per rule, escaped
  std::vector<int32_t> rule_ref_no_;    // per rule, the ref's number
};

// A verdict for people, in the current language; verdict_name() is the JSON word.
std::string verdict_text(Verdict v);

// The people's view; `explain` lists every rule with its facts.
std::string result_text(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o, bool explain);

}  // namespace award
