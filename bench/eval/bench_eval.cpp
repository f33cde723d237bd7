// award-bench-eval: the parts of `award eval` timed one by one, for bench/run.py.
//
//   award-bench-eval POLICY FILE --on DATE [--award ID] [--passes N] [--max N]
//     Reads the first --max records (default 100,000) of a JSON Lines FILE into
//     memory, then times (CPU time), best of N passes: loading every record into its
//     FactStore (parse and load), and deciding the loaded records with the batch
//     output line (evaluation alone). Prints one line to standard error.
//   award-bench-eval --compile-only POLICY...
//     Times compiling each policy (source to IR) in one process: the first
//     compile includes the ANTLR runtime's start-up, so it is shown apart.
//
// Only the loaded stores of at most --max records are kept: a FactStore holds a
// record's slots (about 2 KB), and 10^5 of them measure the evaluator well.

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
  double first = compile(policies.front());
  std::fprintf(stderr, "first compile in the process (%s, ANTLR start-up included): %.1f ms\n",
               policies.front().c_str(), first * 1e3);
  double all = 0;
  for (const auto& p : policies) {
    double best = 1e300;
    for (int i = 0; i < 5; ++i) best = std::min(best, compile(p));
    all += best;
    std::fprintf(stderr, "  %s: %.2f ms (best of 5, warm)\n", p.c_str(), best * 1e3);
  }
  auto t0 = Clock::now();
  for (const auto& p : policies) compile(p);
  std::fprintf(stderr, "all %zu together, warm: %.2f ms; with the first run's start-up: %.1f ms\n", policies.size(),
               since(t0) * 1e3, (since(t0) + first - all / policies.size()) * 1e3);
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

  FactLoader loader(p);
  simdjson::ondemand::parser parser;
  std::vector<FactStore> stores(lines.size());
  double best_load = 1e300;
  for (int pass = 0; pass < passes; ++pass) {
    auto t0 = Clock::now();
    for (size_t i = 0; i < lines.size(); ++i) {
      simdjson::ondemand::document doc;
      simdjson::ondemand::object obj;
      LoadProblem prob;
      if (parser.iterate(lines[i]).get(doc) || doc.get_object().get(obj) || !loader.load(obj, stores[i], prob, nullptr))
        usage("a record could not be loaded");
    }
    best_load = std::min(best_load, since(t0));
  }

  Evaluator ev(p);
  ev.set_reference_date(*on);
  ev.set_calendar(&national_calendar());
  AwardOutcome outcome;
  std::string out;
  double best_decide = 1e300, best_line = 1e300;
  size_t bytes = 0;
  for (int pass = 0; pass < passes; ++pass) {
    auto t0 = Clock::now();
    for (const auto& s : stores) ev.decide_into(award, s, outcome);
    best_decide = std::min(best_decide, since(t0));
    t0 = Clock::now();
    bytes = 0;
    for (const auto& s : stores) {
      ev.decide_into(award, s, outcome);
      result_jsonl(out, p, s, outcome);
      if (out.size() > (1 << 20)) {
        bytes += out.size();
        out.clear();
      }
    }
    best_line = std::min(best_line, since(t0));
  }
  const double n = static_cast<double>(stores.size());
  std::fprintf(stderr,
               "award, in memory, %zu records, best of %d: load (parse and fill the FactStore) %.3f s (%.0f ns/record); "
               "decide alone %.4f s (%.1f ns/record); decide and write the jsonl line %.4f s (%.1f ns/record)\n",
               stores.size(), passes, best_load, best_load * 1e9 / n, best_decide, best_decide * 1e9 / n, best_line,
               best_line * 1e9 / n);
  return bytes == size_t(-1);  // keeps the output loop from being optimised away
}
