// award timeline: the dates a policy's time provisions give, from the start of
// a procedure and from an award date.
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/messages.h"
#include "runtime/timeline.h"

namespace award::cli {

namespace {

using J = nlohmann::ordered_json;

std::optional<Date> date_option(const char* name, const std::string& s) {
  auto d = parse_date(s);
  if (!d) std::fputs(tr(Msg::usage_bad_date_option, "timeline", name, s).c_str(), stderr);
  return d;
}

int calendar_error(const std::string& what, const cal::Error& e) {
  std::fprintf(stderr, "error: %s: %s\n", what.c_str(), tr(Msg::no_working_days, e.year, e.message.str()).c_str());
  return 1;
}

}  // namespace

int run_timeline(const TimelineOptions& o) {
  CompileResult r = compile_policy(o.policy);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;
  const cal::Calendar& c = policy_calendar(p);

  if (o.start.empty() && o.awarded_on.empty()) {
    std::fputs(tr(Msg::usage_timeline_dates).c_str(), stderr);
    return 2;
  }
  std::optional<Date> start, awarded_on;
  if (!o.start.empty() && !(start = date_option("--start", o.start))) return 2;
  if (!o.awarded_on.empty() && !(awarded_on = date_option("--awarded-on", o.awarded_on))) return 2;
  std::vector<int32_t> awards;
  if (!o.award.empty()) {
    int32_t a = award_or_usage(p, o.policy, o.award, "timeline");
    if (a < 0) return 2;
    awards.push_back(a);
  } else {
    for (size_t i = 0; i < p.awards.size(); ++i) awards.push_back(static_cast<int32_t>(i));
  }

  J j{{"policy", p.id}, {"calendar", c.name()}};
  std::string text = tr(Msg::timeline_heading, p.id, p.title, c.name());

  if (start) {
    auto dated = date_deadlines(p, *start, c);
    if (!dated) return calendar_error(tr(Msg::timeline_deadlines_from, o.policy, format_date(*start)), dated.error());
    J dl = J::array();
    text += tr(Msg::timeline_from, format_date(*start));
    if (dated->empty()) text += tr(Msg::timeline_no_deadline);
    for (const auto& d : *dated) {
      const ir::Deadline& x = p.deadlines[d.deadline];
      bool moves = x.end == ir::PeriodEnd::NextWorkingDay;
      dl.push_back(J{{"id", x.id}, {"ref", x.ref}, {"text", x.text}, {"after", x.event},
                     {"period", duration_text(x.duration)}, {"end", moves ? "next_working_day" : "exact"},
                     {"counted", format_date(d.counted)}, {"due", format_date(d.due)},
                     {"moved_over", d.moved_over ? J(*d.moved_over) : J(nullptr)}});
      std::string after = x.event.empty() ? "" : tr(Msg::timeline_after, x.event);
      std::string moved = d.moved_over ? tr(Msg::timeline_moved, format_date(d.counted), *d.moved_over) : "";
      text += tr(Msg::timeline_deadline, x.ref, x.id, x.text, duration_words(x.duration), after, format_date(d.due),
                 moved);
    }
    j["start"] = format_date(*start);
    j["deadlines"] = dl;
  }

  if (awarded_on) {
    J per = J::array();
    for (int32_t a : awards) {
      const ir::Award& aw = p.awards[a];
      text += tr(Msg::timeline_from_award, aw.id, aw.title, format_date(*awarded_on));
      J windows = J::array();
      for (const auto& rv : p.revocations) {
        if (std::find(rv.awards.begin(), rv.awards.end(), a) == rv.awards.end()) continue;
        auto end = revocation_window_end(p, rv, *awarded_on);
        windows.push_back(J{{"ref", rv.ref}, {"until", end ? J(format_date(*end)) : J(nullptr)}});
        text += end ? tr(Msg::timeline_window, rv.ref, format_date(*end)) : tr(Msg::timeline_window_open, rv.ref);
      }
      if (windows.empty()) text += tr(Msg::timeline_no_revocation);
      Reapply re = first_application_day(p, a, *awarded_on, c);
      if (re.calendar_failure) {
        cal::Error e;
        e.year = re.calendar_failure->year;
        e.message = re.calendar_failure->message;
        return calendar_error(fmt::format("{}: {}", o.policy, p.rules[re.calendar_failure->rule].ref), e);
      }
      J rules = J::array(), barring = J::array();
      for (int32_t rr : re.rules) rules.push_back(p.rules[rr].ref);
      for (int32_t rr : re.barring) barring.push_back(p.rules[rr].ref);
      std::string refs;
      for (int32_t rr : re.barring) refs += (refs.empty() ? "" : ", ") + p.rules[rr].ref;
      if (!re.first_day)
        text += tr(Msg::timeline_never_again, refs);
      else if (re.barring.empty())
        text += tr(Msg::timeline_again, format_date(*re.first_day));
      else
        text += tr(Msg::timeline_again_barred, format_date(*re.first_day), refs);
      J ret = J::array();
      for (const auto& rt : p.retentions) {
        auto end = period_end(*awarded_on, rt.duration, rt.end, c);
        if (!end) return calendar_error(fmt::format("{}: {}", o.policy, rt.ref), end.error());
        ret.push_back(J{{"id", rt.id}, {"ref", rt.ref}, {"period", duration_text(rt.duration)}, {"until", format_date(*end)}});
        text += tr(Msg::timeline_retention, rt.ref, rt.id, duration_words(rt.duration), format_date(*end));
      }
      per.push_back(J{{"award", aw.id},
                      {"revocation_windows", windows},
                      {"reapply", J{{"from", re.first_day ? J(format_date(*re.first_day)) : J(nullptr)},
                                    {"rules", rules}, {"barring", barring}}},
                      {"retention", ret}});
    }
    j["awarded_on"] = format_date(*awarded_on);
    j["awards"] = per;
  }

  std::string out = o.format == "json" ? j.dump(2) + "\n" : text;
  return write_stdout(out) ? 0 : 1;
}

}  // namespace award::cli
