// Fuzz target: arbitrary bytes as applicant facts, read by the same reader
// and loader `award eval` uses and decided against every policy in policies/,
// then rendered in every report format. Whatever the bytes, each record is
// refused with a message or decided: no crash, no hang, no sanitizer report;
// and decide's truth-only path agrees with the general evaluator on every rule.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/input.h"
#include "runtime/report.h"
#include "tests/eval/agreement.h"

namespace {

struct Loaded {
  award::CompileResult compiled;
  std::unique_ptr<award::Evaluator> ev;
  std::unique_ptr<award::FactLoader> loader;
};

// Every policy of the repository, compiled once at start-up.
std::vector<Loaded>& policies() {
  static std::vector<Loaded> all = [] {
    std::vector<Loaded> out;
    for (const auto& entry : std::filesystem::directory_iterator(AWARD_SOURCE_DIR "/policies")) {
      if (entry.path().extension() != ".award") continue;
      Loaded l;
      l.compiled = award::compile_file(entry.path().string(), {.load_tests = false});
      if (!l.compiled.ok()) {
        std::fprintf(stderr, "eval_fuzz: %s does not compile\n", entry.path().c_str());
        std::abort();
      }
      l.ev = std::make_unique<award::Evaluator>(*l.compiled.policy);
      l.ev->set_reference_date(*award::parse_date("2024-06-30"));
      l.ev->set_calendar(&award::national_calendar());
      l.loader = std::make_unique<award::FactLoader>(*l.compiled.policy);
      out.push_back(std::move(l));
    }
    if (out.empty()) {
      std::fprintf(stderr, "eval_fuzz: no policies in %s/policies\n", AWARD_SOURCE_DIR);
      std::abort();
    }
    return out;
  }();
  return all;
}

void run_policy(Loaded& l, const uint8_t* data, size_t size) {
  // fmemopen refuses a zero-length buffer; an empty input is read as empty.
  static const char nothing = '\n';
  std::FILE* f = size ? fmemopen(const_cast<uint8_t*>(data), size, "rb")
                      : fmemopen(const_cast<char*>(&nothing), 1, "rb");
  if (!f) return;
  const award::ir::Policy& p = *l.compiled.policy;
  award::FactStore store;
  award::AwardOutcome outcome;
  const award::JsonlWriter jsonl(p);
  std::vector<std::string> unknown;
  std::string rendered;
  award::Said error;
  award::read_records(f, "<fuzz>", [&](const award::RecordPlace&, simdjson::ondemand::object* obj, const award::Said&) {
    if (!obj) return;
    award::LoadProblem problem;
    unknown.clear();
    if (!l.loader->load(*obj, store, problem, &unknown)) return;
    for (size_t a = 0; a < p.awards.size(); ++a) {
      l.ev->decide_into(static_cast<int32_t>(a), store, outcome);
      rendered.clear();
      jsonl.write(rendered, store, outcome);
      rendered += award::result_json(p, *l.ev, store, outcome);
      rendered += award::result_text(p, *l.ev, store, outcome, true);
      const std::string why = award::testing::disagreement(p, *l.ev, static_cast<int32_t>(a), store);
      if (!why.empty()) {
        std::fprintf(stderr, "eval_fuzz: %s, award %s: %s\n", p.file.c_str(), p.awards[a].id.c_str(), why.c_str());
        std::abort();
      }
    }
  }, error);
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  policies();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (auto& l : policies()) run_policy(l, data, size);
  return 0;
}
