// award-agree: the truth-only path of `award eval` (decide) against the general
// evaluator, on a population of records and many reference dates.
//
//   award-agree FILE POLICY...
//
// Every record of the JSON Lines FILE is loaded for every POLICY and decided for
// every award on a list of reference dates: a fixed list (the generated
// population's reference date 2024-06-30 and the days around it, 29 February of
// a leap year and the days after it) and, for up to four dates written in the
// record, the days on which a window or an elapsed period of 2, 3, 4, 5 or 10
// years ends there (the day before, the day, the day after). Each rule's truth
// from decide must equal the general evaluator's (testing/agreement.h). Every
// disagreement is printed with the policy, the record, the date and the rule;
// the last line counts the records, the decisions compared and the
// disagreements; exit 1 on any disagreement.
#include <cstdio>
#include <cstring>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <simdjson.h>

#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/date.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "tests/eval/agreement.h"

using namespace award;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: award-agree FILE POLICY...\n");
    return 2;
  }
  struct Loaded {
    std::string file;
    CompileResult compiled;
    std::unique_ptr<Evaluator> ev;
    std::unique_ptr<FactLoader> loader;
  };
  std::vector<Loaded> policies;
  for (int a = 2; a < argc; ++a) {
    Loaded l;
    l.file = argv[a];
    l.compiled = compile_file(l.file, {.load_tests = false});
    if (!l.compiled.ok()) {
      std::fprintf(stderr, "award-agree: %s does not compile\n", argv[a]);
      return 2;
    }
    l.ev = std::make_unique<Evaluator>(*l.compiled.policy);
    l.ev->set_calendar(&policy_calendar(*l.compiled.policy));
    l.loader = std::make_unique<FactLoader>(*l.compiled.policy);
    policies.push_back(std::move(l));
  }
  std::FILE* f = std::fopen(argv[1], "rb");
  if (!f) {
    std::fprintf(stderr, "award-agree: cannot read %s\n", argv[1]);
    return 2;
  }
  std::vector<Date> fixed;
  for (const char* d : {"2024-06-30", "2024-06-29", "2024-07-01", "2021-06-30", "2024-02-29", "2024-03-01",
                        "2025-02-28", "2025-03-01", "2028-02-29"})
    fixed.push_back(*parse_date(d));
  const std::regex date_re("\"(\\d{4}-\\d{2}-\\d{2})\"");
  simdjson::ondemand::parser parser;
  FactStore store;
  uint64_t compared = 0, disagreements = 0, records = 0;
  std::string line;
  char block[1 << 16];
  while (std::fgets(block, sizeof block, f)) {
    line += block;
    if (line.back() != '\n') continue;
    ++records;
    // The reference dates for this record.
    std::set<int32_t> days;
    for (Date d : fixed) days.insert(d.days);
    int taken = 0;
    for (std::sregex_iterator it(line.begin(), line.end(), date_re), end; it != end && taken < 4; ++it) {
      auto d = parse_date((*it)[1].str());
      if (!d) continue;
      ++taken;
      for (int years : {2, 3, 4, 5, 10})
        for (int off : {-1, 0, 1}) days.insert(add_days(add_years(*d, years), off).days);
    }
    const std::string id = [&] {
      auto at = line.find("\"id\":\"");
      return at == std::string::npos ? std::string("?") : line.substr(at + 6, line.find('"', at + 6) - at - 6);
    }();
    simdjson::padded_string padded(line);
    for (Loaded& l : policies) {
      simdjson::ondemand::document doc;
      simdjson::ondemand::object obj;
      LoadProblem problem;
      if (parser.iterate(padded).get(doc) || doc.get_object().get(obj) || !l.loader->load(obj, store, problem, nullptr))
        continue;  // refused records are the loader's tests' business
      const ir::Policy& p = *l.compiled.policy;
      for (int32_t day : days) {
        l.ev->set_reference_date(Date{day});
        for (size_t a = 0; a < p.awards.size(); ++a) {
          ++compared;
          std::string why = testing::disagreement(p, *l.ev, static_cast<int32_t>(a), store);
          if (why.empty()) continue;
          if (++disagreements <= 50)
            std::printf("%s: record %s, award %s, on %s: %s\n", l.file.c_str(), id.c_str(), p.awards[a].id.c_str(),
                        format_date(Date{day}).c_str(), why.c_str());
        }
      }
    }
    line.clear();
  }
  std::fclose(f);
  std::printf("%llu records, %llu decisions compared, %llu disagreements\n", static_cast<unsigned long long>(records),
              static_cast<unsigned long long>(compared), static_cast<unsigned long long>(disagreements));
  return disagreements ? 1 : 0;
}
