// The truth-only path that decides (Evaluator::decide_into) held to the general
// evaluator (Evaluator::rule_holds), which builds a Value for every node and
// serves the explanations: for one record and award, every rule must come out
// the same on both, and so must the verdict. Used by award-agree (tests/eval)
// and the eval fuzz target.
#pragma once

#include <string>

#include "compiler/ir.h"
#include "runtime/eval.h"
#include "runtime/facts.h"

namespace award::testing {

// "" when both paths agree; otherwise what differs, naming the rule.
inline std::string disagreement(const ir::Policy& p, Evaluator& ev, int32_t award, const FactStore& store) {
  AwardOutcome fast;
  ev.decide_into(award, store, fast);
  bool any_false = fast.subject == Truth::False, any_unknown = fast.subject == Truth::Unknown;
  std::string out;
  for (const RuleOutcome& ro : fast.rules) {
    bool applies = true;
    const Truth general = ev.rule_holds(p.rules[ro.rule], store, &applies);
    any_false |= general == Truth::False;
    any_unknown |= general == Truth::Unknown;
    if (general != ro.holds || applies != ro.applies)
      out += std::string(out.empty() ? "" : "; ") + p.rules[ro.rule].ref + " `" + p.rules[ro.rule].source +
             "`: decide says " + truth_json(ro.holds) + (ro.applies ? "" : " (not applying)") + ", the general evaluator " +
             truth_json(general) + (applies ? "" : " (not applying)");
  }
  const Verdict verdict = any_false ? Verdict::Ineligible : any_unknown ? Verdict::Undetermined : Verdict::Eligible;
  if (verdict != fast.verdict)
    out += std::string(out.empty() ? "" : "; ") + "verdict " + verdict_name(fast.verdict) + " against " + verdict_name(verdict);
  return out;
}

}  // namespace award::testing
