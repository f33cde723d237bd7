// award status: a winner's award after the fact — is it revoked, under which
// article, and with what consequences.
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/messages.h"
#include "runtime/report.h"
#include "runtime/timeline.h"

namespace award::cli {

namespace {

using J = nlohmann::ordered_json;

const char* consequence_text(const std::string& c) {
  if (c == "withdraw_title") return "title withdrawn (撤销奖励)";
  if (c == "recover_bonus") return "bonus recovered (追缴奖金)";
  if (c == "recover_medal") return "medal and certificate recovered (收回奖牌证书)";
  if (c == "publish") return "published (公开通报)";
  if (c == "credit_record") return "entered in the credit record (记入诚信档案)";
  return "";
}

const char* truth_word(Truth t) { return t == Truth::True ? "yes" : t == Truth::False ? "no" : "undetermined"; }
J truth_json_value(Truth t) { return t == Truth::Unknown ? J(nullptr) : J(t == Truth::True); }

// award_history as the record gives it, whether or not the policy reads it.
std::optional<std::vector<HistoryEntry>> history_of(const J& rec) {
  auto it = rec.find("award_history");
  if (it == rec.end() || !it->is_array()) return std::nullopt;
  std::vector<HistoryEntry> out;
  for (const auto& e : *it) {
    if (!e.is_object()) continue;
    HistoryEntry h;
    if (auto t = e.find("title"); t != e.end() && t->is_string()) h.title = t->get<std::string>();
    if (auto d = e.find("awarded_on"); d != e.end() && d->is_string()) h.awarded_on = parse_date(d->get<std::string>());
    if (auto r = e.find("revoked_on"); r != e.end() && !r->is_null()) h.revoked = true;
    out.push_back(std::move(h));
  }
  return out;
}

J status_json(const ir::Policy& p, const std::string& id, const AwardStatus& st) {
  J revs = J::array();
  for (const auto& ro : st.revocations) {
    const ir::Revocation& r = p.revocations[ro.revocation];
    J cs = J::array();
    for (const auto& c : r.consequences) cs.push_back(c.name);
    revs.push_back(J{{"ref", r.ref}, {"applies", truth_json_value(ro.applies)}, {"missing", ro.missing},
                     {"consequences", cs}});
  }
  J j{{"applicant", id.empty() ? J(nullptr) : J(id)},
      {"award", p.awards[st.award].id},
      {"awarded_on", format_date(st.awarded_on)},
      {"revoked", truth_json_value(st.revoked)},
      {"articles", st.articles},
      {"consequences", st.consequences},
      {"revocations", revs}};
  bool recovers = std::find(st.consequences.begin(), st.consequences.end(), "recover_bonus") != st.consequences.end();
  if (recovers) {
    J b{{"amount", st.bonus.amount ? J(format_decimal(*st.bonus.amount)) : J(nullptr)}, {"unit", "yuan"},
        {"ref", st.bonus.ref.empty() ? J(nullptr) : J(st.bonus.ref)}};
    if (!st.bonus.note.empty()) b["note"] = st.bonus.note;
    j["bonus_recovered"] = b;
  } else {
    j["bonus_recovered"] = nullptr;
  }
  if (st.ban)
    j["ban"] = J{{"period", duration_text(st.ban->duration)},
                 {"decided", format_date(st.ban->decided)},
                 {"until", format_date(st.ban->until)},
                 {"applications_from", format_date(st.ban->again)}};
  else
    j["ban"] = nullptr;
  return j;
}

std::string status_text(const ir::Policy& p, const std::string& who, const AwardStatus& st) {
  const ir::Award& a = p.awards[st.award];
  std::string out = fmt::format("\n{}: {} ({}), awarded {}\n", who, a.id, a.title, format_date(st.awarded_on));
  out += fmt::format("  revoked: {}\n", truth_word(st.revoked));
  for (const auto& ro : st.revocations) {
    const ir::Revocation& r = p.revocations[ro.revocation];
    out += fmt::format("    {:<10} {}\n", r.ref,
                       ro.applies == Truth::True ? "applies" : ro.applies == Truth::False ? "does not apply" : "undetermined");
    for (const auto& m : ro.missing) out += fmt::format("      missing: {}\n", m);
  }
  if (st.revoked == Truth::False) return out;
  std::string refs;
  for (const auto& r : st.articles) refs += (refs.empty() ? "" : ", ") + r;
  out += fmt::format("  consequences{} ({}):\n", st.revoked == Truth::True ? "" : " if revoked", refs);
  for (const auto& c : st.consequences) {
    if (c == "ban") continue;
    if (c == "recover_bonus") {
      std::string amount = st.bonus.amount ? format_decimal(*st.bonus.amount) + " yuan" : "unknown";
      std::string from = st.bonus.ref.empty() ? "" : fmt::format(", {}", st.bonus.ref);
      std::string note = st.bonus.note.empty() ? "" : fmt::format("; {}", st.bonus.note);
      out += fmt::format("    bonus recovered (追缴奖金): {}{}{}\n", amount, from, note);
      continue;
    }
    const char* t = consequence_text(c);
    out += fmt::format("    {}\n", *t ? t : c.c_str());
  }
  if (st.ban)
    out += fmt::format("    ban {}: decided {}, barred through {}, applications accepted from {}\n",
                       duration_text(st.ban->duration), format_date(st.ban->decided), format_date(st.ban->until),
                       format_date(st.ban->again));
  return out;
}

}  // namespace

int run_status(const StatusOptions& o) {
  CompileResult r = compile_file(o.policy, {.load_tests = false});
  print_diagnostics(r.diags);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;

  int32_t award = p.find_award(o.award);
  if (award < 0) {
    std::string ids;
    for (const auto& aw : p.awards) ids += (ids.empty() ? "" : ", ") + aw.id;
    std::fputs(tr(Msg::usage_no_award, "status", o.policy, o.award, ids).c_str(), stderr);
    return 2;
  }
  auto awarded_on = parse_date(o.awarded_on);
  if (!awarded_on) {
    std::fputs(tr(Msg::usage_bad_date_option, "status", "--awarded-on", o.awarded_on).c_str(), stderr);
    return 2;
  }
  Date on = today_local();
  if (!o.on.empty()) {
    auto d = parse_date(o.on);
    if (!d) {
      std::fputs(tr(Msg::usage_bad_date_option, "status", "--on", o.on).c_str(), stderr);
      return 2;
    }
    on = *d;
  }
  if (on < *awarded_on) {
    std::fputs(tr(Msg::usage_on_before_award, format_date(on), format_date(*awarded_on)).c_str(), stderr);
    return 2;
  }

  std::string text, err;
  if (o.facts == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!read_file(o.facts, text, err)) {
    std::fprintf(stderr, "error: %s\n", err.c_str());
    return 1;
  }
  J doc = J::parse(text, nullptr, false);
  if (doc.is_discarded() || !(doc.is_object() || doc.is_array())) {
    std::fprintf(stderr, "error: %s: not a JSON object or array of objects\n", o.facts.c_str());
    return 1;
  }
  if (doc.is_object()) doc = J::array({doc});

  Evaluator ev(p);
  ev.set_calendar(&policy_calendar(p));
  FactLoader loader(p);
  FactStore store;
  const bool json = o.format == "json";
  J results = J::array(), errors = J::array();
  std::string out = fmt::format("{} ({}): status on {}\n", p.id, p.title, format_date(on));
  size_t index = 0;
  for (const auto& rec : doc) {
    ++index;
    std::string id = rec.is_object() && rec.contains("id") && rec["id"].is_string() ? rec["id"].get<std::string>() : "";
    std::string who = id.empty() ? fmt::format("{} (record {})", o.facts, index) : id;
    auto fail = [&](const std::string& field, const std::string& msg) {
      std::string what = field.empty() ? msg : field + ": " + msg;
      std::fprintf(stderr, "error: %s (record %zu)%s: %s\n", o.facts.c_str(), index, id.empty() ? "" : (" " + id).c_str(),
                   what.c_str());
      errors.push_back(J{{"applicant", id.empty() ? J(nullptr) : J(id)}, {"record", index},
                         {"field", field.empty() ? J(nullptr) : J(field)}, {"error", msg}});
      if (!json) out += fmt::format("\n{}\n  error: {}\n", who, what);
    };
    LoadProblem prob;
    if (!rec.is_object()) {
      fail("", "not a JSON object");
      continue;
    }
    if (!load_record_text(loader, rec.dump(), store, prob)) {
      fail(prob.field, prob.message);
      continue;
    }
    AwardStatus st = award_status(p, ev, store, award, *awarded_on, on, history_of(rec));
    if (st.calendar_failure) {
      fail(st.articles.empty() ? p.awards[award].ref : st.articles.front(),
           fmt::format("cannot count working days in {}: {}", st.calendar_failure->year, st.calendar_failure->message));
      continue;
    }
    if (json) results.push_back(status_json(p, id, st));
    else out += status_text(p, who, st);
  }
  if (json) {
    J j{{"policy", p.id}, {"on", format_date(on)}, {"calendar", policy_calendar(p).name()},
        {"results", results}, {"errors", errors}};
    out = j.dump(2) + "\n";
  }
  std::fputs(out.c_str(), stdout);
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error: could not write to standard output\n");
    return 1;
  }
  return errors.empty() ? 0 : 1;
}

}  // namespace award::cli
