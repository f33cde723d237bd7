#include <cstdio>
#include <fmt/format.h>
#include <simdjson.h>
#include <unordered_map>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/input.h"
#include "runtime/report.h"

namespace award::cli {

namespace {

// Writes to stdout in large blocks; a failed write (a full disk, a closed
// pipe) is remembered so the command can exit non-zero.
struct Out {
  std::string buf;
  bool failed = false;
  void flush() {
    if (buf.empty()) return;
    if (std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) failed = true;
    buf.clear();
  }
  void maybe_flush() { if (buf.size() > (1 << 16)) flush(); }
  ~Out() { flush(); }
};

}  // namespace

int run_eval(const EvalOptions& o) {
  CompileResult r = compile_file(o.policy, {.load_tests = false});
  print_diagnostics(r.diags);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;

  Date on = today_local();
  if (!o.on.empty()) {
    auto d = parse_date(o.on);
    if (!d) {
      std::fprintf(stderr, "award eval: --on `%s` is not a date YYYY-MM-DD in the calendar\n", o.on.c_str());
      return 2;
    }
    on = *d;
  }
  std::vector<int32_t> awards;
  if (!o.award.empty()) {
    int32_t a = p.find_award(o.award);
    if (a < 0) {
      std::string ids;
      for (const auto& aw : p.awards) ids += (ids.empty() ? "" : ", ") + aw.id;
      std::fprintf(stderr, "award eval: %s has no award `%s` (awards: %s)\n", o.policy.c_str(), o.award.c_str(), ids.c_str());
      return 2;
    }
    awards.push_back(a);
  } else {
    for (size_t i = 0; i < p.awards.size(); ++i) awards.push_back(static_cast<int32_t>(i));
  }

  Evaluator ev(p);
  ev.set_reference_date(on);
  ev.set_calendar(&policy_calendar(p));
  FactLoader loader(p);
  FactStore store;
  AwardOutcome outcome;
  Out out;
  std::vector<std::string> unknown;
  std::unordered_map<std::string, size_t> seen_ids;
  size_t records = 0, results = 0, bad = 0, warned = 0;
  bool first_json = true;
  const bool json = o.format == "json", jsonl = o.format == "jsonl", text = o.format == "text";

  if (json) out.buf += fmt::format("{{\"policy\": {}, \"on\": \"{}\", \"results\": [", json_string(p.id), format_date(on));
  if (text) out.buf += fmt::format("{} ({}) on {}\n", p.id, p.title, format_date(on));
  std::string errors_json;

  auto error_row = [&](const RecordPlace& place, const std::string& id, const std::string& field, const std::string& msg) {
    ++bad;
    std::string where = place.line ? fmt::format("{}:{} (record {})", place.file, place.line, place.index)
                                   : fmt::format("{} (record {})", place.file, place.index);
    std::string who = id.empty() ? "" : fmt::format(" {}", id);
    std::string what = field.empty() ? msg : fmt::format("{}: {}", field, msg);
    std::fprintf(stderr, "error: %s%s: %s\n", where.c_str(), who.c_str(), what.c_str());
    std::string row = fmt::format("{{\"applicant\": {}, \"file\": {}, \"record\": {}, {}\"field\": {}, \"error\": {}}}",
                                  id.empty() ? "null" : json_string(id), json_string(place.file), place.index,
                                  place.line ? fmt::format("\"line\": {}, ", place.line) : "",
                                  field.empty() ? "null" : json_string(field), json_string(msg));
    if (json) errors_json += (errors_json.empty() ? "" : ", ") + row;
    else if (jsonl) out.buf += row + "\n";
    else out.buf += fmt::format("\n{}{}\n  error: {}\n", where, who, what);
  };

  for (const auto& file : o.facts) {
    std::string ferr;
    bool ok = read_records(file, [&](const RecordPlace& place, simdjson::ondemand::object* obj, const std::string& err) {
      ++records;
      if (!obj) {
        error_row(place, "", "", err);
        return;
      }
      LoadProblem prob;
      unknown.clear();
      if (!loader.load(*obj, store, prob, &unknown)) {
        error_row(place, store.id, prob.field, prob.message);
        return;
      }
      if (!store.id.empty()) {
        auto [it, inserted] = seen_ids.emplace(store.id, records);
        if (!inserted) {
          error_row(place, store.id, "id", fmt::format("duplicate applicant id (first seen in record {})", it->second));
          return;
        }
      }
      if (!unknown.empty() && warned < 20) {
        std::string names;
        for (const auto& u : unknown) names += (names.empty() ? "" : ", ") + u;
        std::fprintf(stderr, "warning: %s (record %zu)%s: unknown field%s %s (ignored)\n", place.file.c_str(), place.index,
                     store.id.empty() ? "" : (" " + store.id).c_str(), unknown.size() == 1 ? "" : "s", names.c_str());
        if (++warned == 20) std::fprintf(stderr, "warning: further unknown-field warnings are not shown\n");
      }
      if (text) {
        std::string name;
        out.buf += fmt::format("\n{}\n", store.id.empty() ? fmt::format("{} (record {})", place.file, place.index) : store.id);
      }
      for (int32_t a : awards) {
        ev.decide_into(a, store, outcome);
        if (const auto& f = ev.calendar_failure()) {
          // Missing calendar data is not a missing fact: the verdict would be
          // a guess, so the record gets an error row naming the rule and year.
          std::string rule = f->rule >= 0 ? p.rules[f->rule].ref : p.awards[a].ref;
          error_row(place, store.id, rule,
                    fmt::format("{}: cannot count working days in {}: {}", p.awards[a].id, f->year, f->message));
          continue;
        }
        ++results;
        if (jsonl) result_jsonl(out.buf, p, store, outcome);
        else if (json) {
          out.buf += first_json ? "\n  " : ",\n  ";
          first_json = false;
          out.buf += result_json(p, ev, store, outcome);
        } else {
          out.buf += result_text(p, ev, store, outcome, o.explain);
        }
      }
      out.maybe_flush();
    }, ferr);
    if (!ok) {
      ++bad;
      std::fprintf(stderr, "error: %s\n", ferr.c_str());
      if (json) errors_json += (errors_json.empty() ? "" : ", ") + fmt::format("{{\"file\": {}, \"error\": {}}}", json_string(file), json_string(ferr));
    }
  }
  if (json) {
    out.buf += first_json ? "]" : "\n]";
    out.buf += fmt::format(", \"errors\": [{}], \"summary\": {{\"records\": {}, \"results\": {}, \"errors\": {}}}}}\n",
                           errors_json, records, results, bad);
  }
  out.flush();
  if (std::fflush(stdout) != 0) out.failed = true;
  std::fprintf(stderr, "%zu record%s in, %zu result%s out, %zu error%s\n", records, records == 1 ? "" : "s", results,
               results == 1 ? "" : "s", bad, bad == 1 ? "" : "s");
  if (out.failed) {
    std::fprintf(stderr, "error: could not write the results to standard output\n");
    return 1;
  }
  return bad ? 1 : 0;
}

}  // namespace award::cli
