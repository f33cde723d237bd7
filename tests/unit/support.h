// Helpers shared by the unit tests: compile a policy from text, evaluate a
// record from JSON text, and read the diagnostics' codes.
#pragma once

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"

namespace award::test {

// Built by appending: g++ 12 warns (-Wstringop-overflow, a false positive) when
// a literal is concatenated onto a temporary string and the whole is inlined.
inline std::string source_path(const std::string& rel) {
  std::string path = AWARD_SOURCE_DIR;
  path.append("/").append(rel);
  return path;
}

inline std::vector<std::string> codes(const CompileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted()) out.push_back(code_name(d.code));
  return out;
}

inline std::string rendered(const CompileResult& r) {
  std::string out;
  for (const auto& d : r.diags.sorted()) out += render(d);
  return out;
}

// A policy with the applicant vocabulary and one organisation award, wrapping
// the given articles.
inline std::string policy_with(const std::string& articles) {
  return "policy t-1 \"test\" { issuer \"x\" }\nuse applicant\n"
         "article 第一条 \"\" { award quality \"质量奖\" for organization { cycle 1 years } }\n" +
         articles;
}

struct Evaluation {
  Verdict verdict;
  AwardOutcome outcome;
  std::set<std::string> failed;     // refs of false rules
  std::set<std::string> unknown;    // refs of unknown rules
  std::vector<std::string> missing; // absent facts
};

class Harness {
 public:
  explicit Harness(CompileResult r) : result_(std::move(r)) {
    INFO(rendered(result_));
    REQUIRE(result_.ok());
    ev_ = std::make_unique<Evaluator>(*result_.policy);
    ev_->set_calendar(&national_calendar());
    loader_ = std::make_unique<FactLoader>(*result_.policy);
  }
  static Harness from_file(const std::string& rel) { return Harness(compile_file(source_path(rel))); }
  static Harness from_text(const std::string& text) { return Harness(compile_source("test.award", text)); }

  const ir::Policy& policy() const { return *result_.policy; }

  Evaluation eval(const std::string& json, const std::string& on, const std::string& award = "quality") {
    LoadProblem prob;
    INFO(json);
    bool loaded = load_record_text(*loader_, json, store_, prob);
    INFO(prob.field << ": " << prob.message);
    REQUIRE(loaded);
    ev_->set_reference_date(*parse_date(on));
    Evaluation e;
    int32_t a = policy().find_award(award);
    REQUIRE(a >= 0);
    e.outcome = ev_->decide(a, store_);
    e.verdict = e.outcome.verdict;
    for (const auto& ro : e.outcome.rules) {
      const auto& r = policy().rules[ro.rule];
      if (ro.holds == Truth::False) e.failed.insert(r.ref);
      if (ro.holds == Truth::Unknown) {
        e.unknown.insert(r.ref);
        for (auto& m : ev_->missing_facts(r, store_)) e.missing.push_back(m);
      }
    }
    if (e.outcome.subject == Truth::False) e.failed.insert(policy().awards[a].ref);
    return e;
  }

  bool load_fails(const std::string& json, LoadProblem& prob) {
    return !load_record_text(*loader_, json, store_, prob);
  }

 private:
  CompileResult result_;
  std::unique_ptr<Evaluator> ev_;
  std::unique_ptr<FactLoader> loader_;
  FactStore store_;
};

}  // namespace award::test
