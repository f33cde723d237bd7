// award test: runs the `test` cases written in policies.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <set>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/messages.h"
#include "runtime/report.h"

namespace award::cli {

namespace fs = std::filesystem;

std::vector<std::string> policy_files(const std::vector<std::string>& paths, std::string& error) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file() && it->path().extension() == ".award") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else {
      error = tr(Msg::usage_no_such_path, p);
      return {};
    }
  }
  return out;
}

std::optional<std::vector<std::string>> policy_files_or_usage(const std::vector<std::string>& paths,
                                                              const char* command) {
  std::string err;
  std::vector<std::string> files = policy_files(paths.empty() ? std::vector<std::string>{"policies"} : paths, err);
  if (err.empty()) return files;
  std::fprintf(stderr, "award %s: %s\n", command, err.c_str());
  return std::nullopt;
}

int run_test(const TestOptions& o) {
  auto found = policy_files_or_usage(o.paths, "test");
  if (!found) return 2;
  const std::vector<std::string>& files = *found;
  size_t passed = 0, failed = 0, broken_files = 0;
  for (const auto& f : files) {
    CompileResult r = compile_file(f);
    if (!r.ok()) {
      print_diagnostics(r.diags);
      std::fputs(tr(Msg::test_does_not_compile, f).c_str(), stdout);
      ++broken_files;
      ++failed;
      continue;
    }
    const ir::Policy& p = *r.policy;
    Evaluator ev(p);
    ev.set_calendar(&policy_calendar(p));
    FactLoader loader(p);
    FactStore store;
    for (const auto& t : p.tests) {
      std::string where = fmt::format("{}:{}", t.loc.file, t.loc.line);
      LoadProblem prob;
      if (!load_record_text(loader, t.facts_json, store, prob)) {
        std::fputs(tr(Msg::test_bad_facts, where, t.name, prob.field.empty() ? prob.text() : prob.field + ": " + prob.text())
                       .c_str(),
                   stdout);
        ++failed;
        continue;
      }
      ev.set_reference_date(*parse_date(t.on));
      std::string problems;
      for (const auto& x : t.expects) {
        int32_t a = p.find_award(x.award);
        AwardOutcome out = ev.decide(a, store);
        if (const auto& f = ev.calendar_failure()) {
          problems += fmt::format("    {}: {}: {}\n", x.award, f->rule >= 0 ? p.rules[f->rule].ref : p.awards[a].ref,
                                  tr(Msg::no_working_days, f->year, f->message.str()));
          continue;
        }
        std::vector<std::string> refs = deciding_refs(p, out);
        std::set<std::string> got(refs.begin(), refs.end());
        std::set<std::string> want(x.because.begin(), x.because.end());
        bool verdict_ok = x.verdict == verdict_name(out.verdict);
        bool refs_ok = x.because.empty() || got == want;
        if (verdict_ok && refs_ok) continue;
        auto join = [](const std::set<std::string>& s) {
          std::string j;
          for (const auto& x : s) j += (j.empty() ? "" : ", ") + x;
          return j.empty() ? tr(Msg::test_no_refs) : j;
        };
        problems += tr(Msg::test_expected_got, x.award, verdict_words(x.verdict),
                       x.because.empty() ? "" : tr(Msg::test_because, join(want)), verdict_text(out.verdict),
                       out.verdict == Verdict::Eligible ? "" : tr(Msg::test_because, join(got)));
        std::string detail = result_text(p, ev, store, out, false);
        for (size_t pos = 0; pos < detail.size();) {
          size_t nl = detail.find('\n', pos);
          problems += "    " + detail.substr(pos, nl - pos) + "\n";
          pos = nl == std::string::npos ? detail.size() : nl + 1;
        }
      }
      if (problems.empty()) {
        ++passed;
        if (o.verbose) std::fputs(tr(Msg::test_ok, where, t.name).c_str(), stdout);
      } else {
        ++failed;
        std::fputs((tr(Msg::test_failed, where, t.name) + problems).c_str(), stdout);
      }
    }
  }
  std::fputs(tr(Msg::test_summary, passed, failed).c_str(), stdout);
  return failed ? 1 : 0;
}

}  // namespace award::cli
