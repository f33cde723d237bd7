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
  std::fprintf(stderr, "error: %s: cannot count working days in %d: %s\n", what.c_str(), e.year, e.message.c_str());
  return 1;
}

}  // namespace

int run_timeline(const TimelineOptions& o) {
  CompileResult r = compile_file(o.policy, {.load_tests = false});
  print_diagnostics(r.diags);
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
    int32_t a = p.find_award(o.award);
    if (a < 0) {
      std::string ids;
      for (const auto& aw : p.awards) ids += (ids.empty() ? "" : ", ") + aw.id;
      std::fputs(tr(Msg::usage_no_award, "timeline", o.policy, o.award, ids).c_str(), stderr);
      return 2;
    }
    awards.push_back(a);
  } else {
    for (size_t i = 0; i < p.awards.size(); ++i) awards.push_back(static_cast<int32_t>(i));
  }

  J j{{"policy", p.id}, {"calendar", c.name()}};
  std::string text = fmt::format("{} ({}): timeline, working days by {}\n", p.id, p.title, c.name());

  if (start) {
    auto dated = date_deadlines(p, *start, c);
    if (!dated) return calendar_error(fmt::format("{}: deadlines from {}", o.policy, format_date(*start)), dated.error());
    J dl = J::array();
    text += fmt::format("\nFrom {}:\n", format_date(*start));
    if (dated->empty()) text += "  the policy sets no procedure deadline\n";
    for (const auto& d : *dated) {
      const ir::Deadline& x = p.deadlines[d.deadline];
      bool moves = x.end == ir::PeriodEnd::NextWorkingDay;
      dl.push_back(J{{"id", x.id}, {"ref", x.ref}, {"text", x.text}, {"after", x.event},
                     {"period", duration_text(x.duration)}, {"end", moves ? "next_working_day" : "exact"},
                     {"counted", format_date(d.counted)}, {"due", format_date(d.due)},
                     {"moved_over", d.moved_over ? J(*d.moved_over) : J(nullptr)}});
      std::string after = x.event.empty() ? "" : fmt::format(" after {}", x.event);
      std::string moved = d.moved_over ? fmt::format(" ({} falls on {}; 民法典第二百零三条)", format_date(d.counted), *d.moved_over)
                                       : "";
      text += fmt::format("  {:<10} {} {}: {}{} → {}{}\n", x.ref, x.id, x.text, duration_text(x.duration), after,
                          format_date(d.due), moved);
    }
    j["start"] = format_date(*start);
    j["deadlines"] = dl;
  }

  if (awarded_on) {
    J per = J::array();
    for (int32_t a : awards) {
      const ir::Award& aw = p.awards[a];
      text += fmt::format("\nFrom the award of {} ({}) on {}:\n", aw.id, aw.title, format_date(*awarded_on));
      J windows = J::array();
      for (const auto& rv : p.revocations) {
        if (std::find(rv.awards.begin(), rv.awards.end(), a) == rv.awards.end()) continue;
        auto end = revocation_window_end(p, rv, *awarded_on);
        windows.push_back(J{{"ref", rv.ref}, {"until", end ? J(format_date(*end)) : J(nullptr)}});
        text += end ? fmt::format("  {:<10} revocation window through {}\n", rv.ref, format_date(*end))
                    : fmt::format("  {:<10} revocation window: no end (any later finding)\n", rv.ref);
      }
      if (windows.empty()) text += "  the policy sets no revocation for this award\n";
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
        text += fmt::format("  no new application is accepted within 100 years ({})\n", refs);
      else if (re.barring.empty())
        text += fmt::format("  new application accepted from {} (no rule bars a winner from applying again)\n",
                            format_date(*re.first_day));
      else
        text += fmt::format("  new application accepted from {} (barred until then by {})\n", format_date(*re.first_day),
                            refs);
      J ret = J::array();
      for (const auto& rt : p.retentions) {
        auto end = period_end(*awarded_on, rt.duration, rt.end, c);
        if (!end) return calendar_error(fmt::format("{}: {}", o.policy, rt.ref), end.error());
        ret.push_back(J{{"id", rt.id}, {"ref", rt.ref}, {"period", duration_text(rt.duration)}, {"until", format_date(*end)}});
        text += fmt::format("  {:<10} {} kept {} through {}\n", rt.ref, rt.id, duration_text(rt.duration), format_date(*end));
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
  std::fputs(out.c_str(), stdout);
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error: could not write to standard output\n");
    return 1;
  }
  return 0;
}

}  // namespace award::cli
