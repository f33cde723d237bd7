#include "runtime/calendars.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include "runtime/stdlib_files.h"

namespace award {

namespace {

cal::Calendar parse_or_die(std::string_view rel) {
  auto text = stdlib_text(rel);
  if (!text) {
    std::fprintf(stderr, "award: stdlib/%.*s is missing from this build\n", static_cast<int>(rel.size()), rel.data());
    std::abort();
  }
  auto r = cal::Calendar::parse(*text);
  if (!r) {
    const auto& errs = r.error();
    std::fprintf(stderr, "award: stdlib/%.*s:%d: %s\n", static_cast<int>(rel.size()), rel.data(),
                 errs.empty() ? 0 : errs[0].line, errs.empty() ? "cannot be read" : errs[0].message.c_str());
    std::abort();
  }
  return std::move(r).value();
}

}  // namespace

const cal::Calendar& national_calendar() {
  static const cal::Calendar c = parse_or_die("calendar/national.txt");
  return c;
}

const cal::Calendar* regional_calendar(std::string_view region, std::string& error) {
  if (region.empty() || region == "national") return &national_calendar();
  static std::mutex mu;
  static std::map<std::string, cal::Calendar, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(region); it != cache.end()) return &it->second;
  std::string rel = "calendar/" + std::string(region) + ".txt";
  if (!stdlib_text(rel)) {
    error = "no regional calendar `" + std::string(region) + "` (known: xinjiang)";
    return nullptr;
  }
  cal::Calendar layered = cal::Calendar::layered(national_calendar(), parse_or_die(rel));
  return &cache.emplace(std::string(region), std::move(layered)).first->second;
}

const cal::Calendar& policy_calendar(const ir::Policy& p) {
  std::string error;
  const cal::Calendar* c = regional_calendar(p.calendar, error);
  return c ? *c : national_calendar();
}

}  // namespace award
