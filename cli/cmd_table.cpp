// award eval with several policies: one table, applicant × policy × award →
// verdict, with the deciding article items of every `ineligible` (and what an
// `undetermined` waits on).
#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/input.h"
#include "runtime/messages.h"
#include "runtime/report.h"

namespace award::cli {

namespace {

struct Row {
  Said applicant;  // the id, or where a record without one is (English in JSON, the language in text)
  std::string policy, award, verdict;
  std::vector<std::string> refs;   // failing refs (ineligible) or undecided refs (undetermined)
  std::vector<std::string> waits;  // judgements owed, facts missing, by id (JSON)
  Said error;
  std::vector<std::string> waits_named;  // the same named in the reader's language (text)
};

std::string pad(const std::string& s, size_t n) {
  size_t w = display_width(s);
  return s + std::string(n > w ? n - w : 0, ' ');
}

}  // namespace

int run_eval_table(const EvalTableOptions& o) {
  auto when = reference_date(o.on, "eval");
  if (!when) return 2;
  Date on = *when;
  std::string err;
  std::vector<std::string> files = policy_files(o.policies, err);
  if (!err.empty()) {
    std::fprintf(stderr, "award eval: %s\n", err.c_str());
    return 1;
  }
  std::vector<Row> rows;
  size_t bad = 0;
  for (const auto& f : files) {
    CompileResult r = compile_policy(f);
    if (!r.ok()) { ++bad; continue; }
    const ir::Policy& p = *r.policy;
    if (p.id.empty() || p.awards.empty()) continue;
    Evaluator ev(p);
    ev.set_reference_date(on);
    ev.set_calendar(&policy_calendar(p));
    FactLoader loader(p);
    FactStore store;
    for (const auto& facts : o.facts) {
      Said ferr;
      bool ok = read_records(facts, [&](const RecordPlace& place, simdjson::ondemand::object* obj, const Said& e) {
        LoadProblem prob;
        if (!obj || !loader.load(*obj, store, prob, nullptr)) {
          Row row;
          row.applicant = store.id.empty() ? said(Msg::record_at, place.file, place.index) : verbatim(store.id);
          row.policy = p.id;
          row.error = !obj                ? e
                      : prob.field.empty() ? verbatim(prob.message)
                                           : said(Msg::problem_at, prob.field, verbatim(prob.message));
          rows.push_back(row);
          ++bad;
          return;
        }
        for (size_t a = 0; a < p.awards.size(); ++a) {
          AwardOutcome out = ev.decide(static_cast<int32_t>(a), store);
          Row row{verbatim(store.id), p.id, p.awards[a].id, verdict_name(out.verdict), deciding_refs(p, out), {}, {}, {}};
          if (out.verdict == Verdict::Undetermined) {
            Needs n = needs_of(p, ev, store, out);
            for (int32_t j : n.judgements) row.waits.push_back(p.judgements[j].id);
            for (const auto& m : n.missing) row.waits.push_back(m);
            if (language() == Lang::Zh) {
              for (int32_t j : n.judgements) row.waits_named.push_back(judgement_name(p, j, Lang::Zh));
              for (const auto& m : n.missing) row.waits_named.push_back(fact_name(p, p.awards[a].subject, m, Lang::Zh));
            }
          }
          rows.push_back(std::move(row));
        }
      }, ferr);
      if (!ok) {
        std::fprintf(stderr, "error: %s\n", ferr.str().c_str());
        ++bad;
      }
    }
  }
  // Applicant by applicant, in the order they first appear; policies in the order given.
  std::vector<std::string> order;
  for (const auto& r : rows)
    if (std::find(order.begin(), order.end(), r.applicant.en()) == order.end()) order.push_back(r.applicant.en());
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    return std::find(order.begin(), order.end(), a.applicant.en()) < std::find(order.begin(), order.end(), b.applicant.en());
  });
  auto join = [](const std::vector<std::string>& v, const std::string& sep = ", ") {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
  };
  if (o.format == "json") {
    std::string out = fmt::format("{{\"on\": \"{}\", \"rows\": [", format_date(on));
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      out += i ? ",\n  " : "\n  ";
      if (!r.error.empty()) {
        out += fmt::format("{{\"applicant\": {}, \"policy\": {}, \"error\": {}}}", json_string(r.applicant.en()),
                           json_string(r.policy), json_string(r.error.en()));
        continue;
      }
      std::string refs, waits;
      for (const auto& x : r.refs) refs += (refs.empty() ? "" : ", ") + json_string(x);
      for (const auto& x : r.waits) waits += (waits.empty() ? "" : ", ") + json_string(x);
      out += fmt::format("{{\"applicant\": {}, \"policy\": {}, \"award\": {}, \"verdict\": \"{}\", \"refs\": [{}], \"waiting_on\": [{}]}}",
                         json_string(r.applicant.en()), json_string(r.policy), json_string(r.award), r.verdict, refs, waits);
    }
    out += rows.empty() ? "]}\n" : "\n]}\n";
    std::fputs(out.c_str(), stdout);
  } else {
    size_t wa = 9, wp = 6, ww = 5;
    for (const auto& r : rows) {
      wa = std::max(wa, display_width(r.applicant.str()));
      wp = std::max(wp, display_width(r.policy));
      ww = std::max(ww, display_width(r.award));
    }
    std::string out = tr(Msg::table_heading, format_date(on));
    out += fmt::format("{}  {}  {}  {}  {}\n", pad(tr(Msg::table_applicant), wa), pad(tr(Msg::table_policy), wp),
                       pad(tr(Msg::table_award), ww), pad(tr(Msg::table_verdict), 12), tr(Msg::table_why));
    std::string last;
    for (const auto& r : rows) {
      std::string who = r.applicant.str();
      if (!last.empty() && last != who) out += "\n";
      last = who;
      if (!r.error.empty()) {
        out += fmt::format("{}  {}  {}  {}\n", pad(who, wa), pad(r.policy, wp), pad("", ww),
                           tr(Msg::table_error, r.error.str()));
        continue;
      }
      std::string why = r.verdict == "ineligible" ? join(r.refs)
                        : r.verdict == "undetermined"
                            ? tr(Msg::table_waits_on, r.waits_named.empty() ? join(r.waits) : join(r.waits_named, tr(Msg::list_separator)))
                            : "";
      std::string line = fmt::format("{}  {}  {}  {}  {}", pad(who, wa), pad(r.policy, wp), pad(r.award, ww),
                                     pad(verdict_words(r.verdict), 12), why);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    std::fputs(out.c_str(), stdout);
  }
  return bad ? 1 : 0;
}

}  // namespace award::cli
