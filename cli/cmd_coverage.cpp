// award coverage: which articles carry rules, which are prose, and which rules
// no test exercises. A rule is exercised when some test makes it bite: a
// requirement or exclusion comes out false, a judgement false or owed, in a
// test whose expectations hold for that award.
#include <cstdio>
#include <fmt/format.h>
#include <set>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/messages.h"

namespace award::cli {

int run_coverage(const CoverageOptions& o) {
  auto files = policy_files_or_usage(o.paths, "coverage");
  if (!files) return 2;
  size_t total_rules = 0, total_unexercised = 0;
  bool broken = false;
  for (const auto& f : *files) {
    CompileResult r = compile_file(f);
    if (!r.ok()) {
      print_diagnostics(r.diags);
      broken = true;
      continue;
    }
    const ir::Policy& p = *r.policy;
    if (p.id.empty()) continue;  // a module, not a policy
    Evaluator ev(p);
    ev.set_calendar(&policy_calendar(p));
    FactLoader loader(p);
    FactStore store;
    std::vector<bool> exercised(p.rules.size(), false);
    for (const auto& t : p.tests) {
      LoadProblem prob;
      if (!load_record_text(loader, t.facts_json, store, prob)) continue;
      ev.set_reference_date(*parse_date(t.on));
      for (const auto& x : t.expects) {
        AwardOutcome out = ev.decide(p.find_award(x.award), store);
        if (x.verdict != verdict_name(out.verdict)) continue;  // a failing test exercises nothing
        for (const auto& ro : out.rules) {
          const ir::Rule& rule = p.rules[ro.rule];
          bool bites = ro.holds == Truth::False ||
                       (rule.kind == ir::RuleKind::Judgement && ro.holds == Truth::Unknown);
          if (bites) exercised[ro.rule] = true;
        }
      }
    }
    std::string with_rules, prose;
    for (const auto& a : p.articles) {
      std::string& list = a.carries_rules ? with_rules : prose;
      list += (list.empty() ? "" : " ") + a.label;
    }
    size_t n = 0;
    std::string missing;
    for (size_t i = 0; i < p.rules.size(); ++i) {
      if (exercised[i]) { ++n; continue; }
      const ir::Rule& rule = p.rules[i];
      std::string src = rule.source.substr(0, rule.source.find('\n'));
      missing += fmt::format("    {}:{}  {}  {}\n", rule.loc.file, rule.loc.line, rule.ref, src);
    }
    std::string out = tr(Msg::coverage_heading, p.id, p.title);
    out += tr(Msg::coverage_with_rules, with_rules.empty() ? tr(Msg::coverage_none) : with_rules);
    out += tr(Msg::coverage_prose_only, prose.empty() ? tr(Msg::coverage_none) : prose);
    out += tr(Msg::coverage_policy, p.tests.size(), n, p.rules.size());
    if (!missing.empty()) out += tr(Msg::coverage_unexercised) + missing;
    std::fputs(out.c_str(), stdout);
    total_rules += p.rules.size();
    total_unexercised += p.rules.size() - n;
  }
  std::fputs(tr(Msg::coverage_total, total_rules - total_unexercised, total_rules).c_str(), stdout);
  return broken || total_unexercised ? 1 : 0;
}

}  // namespace award::cli
