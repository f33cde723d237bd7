#include <cstdio>
#include <fmt/format.h>

#include "cli/commands.h"
#include "runtime/calendars.h"
#include "runtime/date.h"
#include "runtime/messages.h"

namespace award::cli {

namespace {
std::optional<Date> date_arg(const std::string& s) {
  auto d = parse_date(s);
  if (!d) std::fputs(tr(Msg::usage_bad_date, "calendar", s).c_str(), stderr);
  return d;
}
}  // namespace

int run_calendar(const CalendarOptions& o) {
  std::string err;
  const cal::Calendar* c = regional_calendar(o.region, err);
  if (!c) {
    std::fprintf(stderr, "award calendar: %s\n", err.c_str());
    return 2;
  }
  auto fail = [](const cal::Error& e) {
    std::fprintf(stderr, "award calendar: %s\n", e.message.str().c_str());
    return 1;
  };
  if (o.action == "add") {
    auto d = date_arg(o.args[0]);
    if (!d) return 2;
    const std::string& a = o.args[1];
    bool wd = a.size() > 2 && a.substr(a.size() - 2) == "wd";
    bool days = !wd && a.size() > 1 && a.back() == 'd';
    std::string num = a.substr(0, a.size() - (wd ? 2 : days ? 1 : 0));
    char* end = nullptr;
    long long n = std::strtoll(num.c_str(), &end, 10);
    if (num.empty() || *end || (!wd && !days)) {
      std::fputs(tr(Msg::usage_bad_amount, a).c_str(), stderr);
      return 2;
    }
    if (days) {
      std::printf("%s\n", format_date(add_days(*d, n)).c_str());
      return 0;
    }
    auto r = c->add_working_days(*d, n);
    if (!r) return fail(r.error());
    std::printf("%s\n", format_date(*r).c_str());
    return 0;
  }
  if (o.action == "between") {
    auto a = date_arg(o.args[0]), b = date_arg(o.args[1]);
    if (!a || !b) return 2;
    auto r = c->working_days_between(*a, *b);
    if (!r) return fail(r.error());
    std::printf("%lld\n", static_cast<long long>(*r));
    return 0;
  }
  auto d = date_arg(o.args[0]);
  if (!d) return 2;
  auto r = c->is_working_day(*d);
  if (!r) return fail(r.error());
  auto name = c->holiday_name(*d);
  std::string extra = name && name->has_value() ? " (" + **name + ")" : "";
  std::printf("%s%s\n", *r ? "working day" : "day off", extra.c_str());
  return 0;
}

}  // namespace award::cli
