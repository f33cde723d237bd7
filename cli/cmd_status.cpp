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

// A consequence in the words of the measure; "" for one without words here.
std::string consequence_text(const std::string& c) {
  if (c == "withdraw_title") return tr(Msg::consequence_withdraw_title);
  if (c == "recover_medal") return tr(Msg::consequence_recover_medal);
  if (c == "publish") return tr(Msg::consequence_publish);
  if (c == "credit_record") return tr(Msg::consequence_credit_record);
  return "";
}

std::string truth_word(Truth t) {
  return tr(t == Truth::True ? Msg::status_yes : t == Truth::False ? Msg::status_no : Msg::verdict_undetermined);
}
J truth_json_value(Truth t) { return t == Truth::Unknown ? J(nullptr) : J(t == Truth::True); }

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
    if (!st.bonus.note.empty()) b["note"] = st.bonus.note.en();
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
  std::string out = tr(Msg::status_award, who, a.id, a.title, format_date(st.awarded_on));
  out += tr(Msg::status_revoked, truth_word(st.revoked));
  for (const auto& ro : st.revocations) {
    const ir::Revocation& r = p.revocations[ro.revocation];
    out += fmt::format("    {:<10} {}\n", r.ref,
                       tr(ro.applies == Truth::True    ? Msg::status_applies
                          : ro.applies == Truth::False ? Msg::status_does_not_apply
                                                       : Msg::verdict_undetermined));
    for (const auto& m : ro.missing) out += tr(Msg::status_missing, fact_name(p, a.subject, m, language()));
  }
  if (st.revoked == Truth::False) return out;
  std::string refs;
  for (const auto& r : st.articles) refs += (refs.empty() ? "" : ", ") + r;
  out += tr(st.revoked == Truth::True ? Msg::status_consequences : Msg::status_consequences_if, refs);
  for (const auto& c : st.consequences) {
    if (c == "ban") continue;
    if (c == "recover_bonus") {
      std::string amount = st.bonus.amount ? tr(Msg::money_yuan, format_decimal(*st.bonus.amount)) : tr(Msg::money_unknown);
      std::string from = st.bonus.ref.empty() ? "" : tr(Msg::status_bonus_from, st.bonus.ref);
      std::string note = st.bonus.note.empty() ? "" : tr(Msg::status_bonus_note, st.bonus.note.str());
      out += tr(Msg::status_bonus_recovered, amount, from, note);
      continue;
    }
    std::string t = consequence_text(c);
    out += fmt::format("    {}\n", t.empty() ? c : t);
  }
  if (st.ban)
    out += tr(Msg::status_ban, duration_words(st.ban->duration), format_date(st.ban->decided),
              format_date(st.ban->until), format_date(st.ban->again));
  return out;
}

}  // namespace

int run_status(const StatusOptions& o) {
  CompileResult r = compile_policy(o.policy);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;

  int32_t award = award_or_usage(p, o.policy, o.award, "status");
  if (award < 0) return 2;
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
    std::fprintf(stderr, "error: %s\n", tr(Msg::cannot_read, o.facts, err).c_str());
    return 1;
  }
  J doc = J::parse(text, nullptr, false);
  if (doc.is_discarded() || !(doc.is_object() || doc.is_array())) {
    std::fprintf(stderr, "error: %s\n", tr(Msg::records_not_object_or_array, o.facts).c_str());
    return 1;
  }
  if (doc.is_object()) doc = J::array({doc});

  Evaluator ev(p);
  ev.set_calendar(&policy_calendar(p));
  FactLoader loader(p);
  FactStore store;
  const bool json = o.format == "json";
  J results = J::array(), errors = J::array();
  std::string out = tr(Msg::status_heading, p.id, p.title, format_date(on));
  size_t index = 0;
  for (const auto& rec : doc) {
    ++index;
    std::string id = rec.is_object() && rec.contains("id") && rec["id"].is_string() ? rec["id"].get<std::string>() : "";
    std::string who = id.empty() ? tr(Msg::record_at, o.facts, index) : id;
    // `msg` is what JSON says; `said`, when given, the same in the run's language
    auto fail = [&](const std::string& field, const std::string& msg, const std::string& said = "") {
      const std::string& text = said.empty() ? msg : said;
      std::string what = field.empty() ? text : tr(Msg::problem_at, field, text);
      std::fprintf(stderr, "error: %s%s: %s\n", tr(Msg::record_at, o.facts, index).c_str(),
                   id.empty() ? "" : (" " + id).c_str(), what.c_str());
      errors.push_back(J{{"applicant", id.empty() ? J(nullptr) : J(id)}, {"record", index},
                         {"field", field.empty() ? J(nullptr) : J(field)}, {"error", msg}});
      if (!json) out += fmt::format("\n{}\n  error: {}\n", who, what);
    };
    LoadProblem prob;
    if (!rec.is_object()) {
      Said why = said(Msg::record_not_an_object);
      fail("", why.en(), why.str());
      continue;
    }
    if (!load_record_text(loader, rec.dump(), store, prob)) {
      fail(prob.field, prob.message, prob.text());
      continue;
    }
    AwardStatus st = award_status(p, ev, store, award, *awarded_on, on, history_of(rec));
    if (st.calendar_failure) {
      Said why = said(Msg::no_working_days, st.calendar_failure->year, st.calendar_failure->message);
      fail(st.articles.empty() ? p.awards[award].ref : st.articles.front(), why.en(), why.str());
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
  if (!write_stdout(out)) return 1;
  return errors.empty() ? 0 : 1;
}

}  // namespace award::cli
