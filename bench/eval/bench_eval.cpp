// award-bench-eval: the parts of `award eval` timed one by one, for bench/run.py.
//
//   award-bench-eval POLICY FILE --on DATE [--award ID] [--passes N] [--max N]
//     Reads the first --max records (default 100,000) of a JSON Lines FILE into
//     memory, then times (CPU time), best of N passes: loading every record into a
//     FactStore (parse and load), and deciding it, with and without the batch
//     output line (evaluation alone). Prints one line to standard error.
//   award-bench-eval --compile-only POLICY...
//     Times compiling the policies (source to IR) in one process: first one pass
//     over all of them in a fresh process (cold: ANTLR's start-up and the warm-up
//     of its DFAs included), then each warm, best of 5.

#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <string>
#include <vector>

#include <simdjson.h>

#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/report.h"

namespace {

using namespace award;
// The process's CPU time, not the wall clock: the figures stay meaningful on a
// machine whose cores others use too. Everything timed here runs on one thread.
struct Clock {
  using time_point = double;
  static double now() {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
};

double since(double t0) { return Clock::now() - t0; }

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "award-bench-eval: %s\n"
               "usage: award-bench-eval POLICY FILE --on DATE [--award ID] [--passes N] [--max N]\n"
               "       award-bench-eval --compile-only POLICY...\n",
               msg);
  std::exit(2);
}

int compile_only(const std::vector<std::string>& policies) {
  auto compile = [](const std::string& path) {
    auto t0 = Clock::now();
    CompileResult r = compile_file(path, {.load_tests = false});
    double s = since(t0);
    if (!r.ok()) {
      std::fprintf(stderr, "award-bench-eval: %s does not compile\n", path.c_str());
      std::exit(1);
    }
    return s;
  };
  // Cold: the first pass in the process, as `award check` or `award test` over the
  // policies runs it: ANTLR's start-up (deserialising the ATNs) and the warm-up of
  // its DFAs are paid here, by the first policy most.
  double cold = 0;
  for (size_t i = 0; i < policies.size(); ++i) {
    double s = compile(policies[i]);
    cold += s;
    std::fprintf(stderr, "  cold %s: %.1f ms%s\n", policies[i].c_str(), s * 1e3,
                 i == 0 ? " (first in the process: ANTLR start-up included)" : "");
  }
  std::fprintf(stderr, "all %zu together, cold (first pass in a fresh process): %.1f ms\n", policies.size(), cold * 1e3);
  double all = 0;
  for (const auto& p : policies) {
    double best = 1e300;
    for (int i = 0; i < 5; ++i) best = std::min(best, compile(p));
    all += best;
    std::fprintf(stderr, "  warm %s: %.2f ms (best of 5)\n", p.c_str(), best * 1e3);
  }
  std::fprintf(stderr, "all %zu together, warm (sum of the bests): %.1f ms\n", policies.size(), all * 1e3);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  std::string on_text, award_id;
  int passes = 3;
  size_t max = 100000;
  bool compile = false;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    auto value = [&]() -> std::string {
      if (a + 1 >= argc) usage((arg + " needs a value").c_str());
      return argv[++a];
    };
    if (arg == "--compile-only") compile = true;
    else if (arg == "--on") on_text = value();
    else if (arg == "--award") award_id = value();
    else if (arg == "--passes") passes = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--max") max = std::strtoull(value().c_str(), nullptr, 10);
    else if (arg.size() > 1 && arg[0] == '-') usage(("unknown option " + arg).c_str());
    else args.push_back(arg);
  }
  if (compile) {
    if (args.empty()) usage("--compile-only needs policies");
    return compile_only(args);
  }
  if (args.size() != 2 || on_text.empty()) usage("a policy, a file and --on are required");
  CompileResult r = compile_file(args[0], {.load_tests = false});
  if (!r.ok()) usage("the policy does not compile");
  const ir::Policy& p = *r.policy;
  auto on = parse_date(on_text);
  if (!on) usage("--on needs a date YYYY-MM-DD");
  int32_t award = award_id.empty() ? 0 : p.find_award(award_id);
  if (award < 0) usage("no such award");

  // The lines, each in its own padded string, read before anything is timed.
  std::vector<simdjson::padded_string> lines;
  {
    std::FILE* f = std::fopen(args[1].c_str(), "rb");
    if (!f) usage("cannot read the file");
    std::string line;
    char block[1 << 16];
    while (lines.size() < max && std::fgets(block, sizeof block, f)) {
      line += block;
      if (line.back() != '\n') continue;
      lines.emplace_back(line);
      line.clear();
    }
    std::fclose(f);
  }

  // Three passes over the lines, each the best of --passes: loading alone; loading
  // and deciding; loading, deciding and writing the jsonl line. The store is reused
  // from record to record, hot in the cache as in `award eval`, so evaluation alone
  // is the difference of the first two (one pass keeping 10^5 stores would measure
  // cache misses instead).
  FactLoader loader(p);
  Evaluator ev(p);
  ev.set_reference_date(*on);
  ev.set_calendar(&national_calendar());
  simdjson::ondemand::parser parser;
  FactStore store;
  AwardOutcome outcome;
  const JsonlWriter jsonl(p);
  std::string out;
  size_t bytes = 0;
  auto pass = [&](int what) {
    double t0 = Clock::now();
    for (const auto& line : lines) {
      simdjson::ondemand::document doc;
      simdjson::ondemand::object obj;
      LoadProblem prob;
      if (parser.iterate(line).get(doc) || doc.get_object().get(obj) || !loader.load(obj, store, prob, nullptr))
        usage("a record could not be loaded");
      if (what >= 1) ev.decide_into(award, store, outcome);
      if (what >= 2) jsonl.write(out, store, outcome);
      if (out.size() > (1 << 20)) {
        bytes += out.size();
        out.clear();
      }
    }
    return since(t0);
  };
  double best[3] = {1e300, 1e300, 1e300};
  for (int i = 0; i < passes; ++i)
    for (int what = 0; what < 3; ++what) best[what] = std::min(best[what], pass(what));
  const double n = static_cast<double>(lines.size());
  std::fprintf(stderr,
               "award, in memory, %zu records, CPU time, best of %d: load (parse and fill the FactStore) %.3f s "
               "(%.0f ns/record); decide alone %.1f ns/record; decide and write the jsonl line %.1f ns/record\n",
               lines.size(), passes, best[0], best[0] * 1e9 / n, (best[1] - best[0]) * 1e9 / n,
               (best[2] - best[0]) * 1e9 / n);
  return bytes == size_t(-1);  // keeps the output loop from being optimised away
}
