// Prints every day of 2004-01-01..2026-12-31 as `YYYY-MM-DD W` (worked) or
// `YYYY-MM-DD O` (off) under the national calendar, for compare.mjs.
// Usage: calendar-dump PATH/TO/stdlib/calendar/national.txt
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "runtime/calendar.h"
#include "runtime/date.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s national.txt\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = award::cal::Calendar::parse(text);
  if (!parsed) {
    for (const auto& e : parsed.error()) std::fprintf(stderr, "%s:%d: %s\n", argv[1], e.line, e.message.c_str());
    return 1;
  }
  const award::cal::Calendar& cal = *parsed;
  std::string out;
  for (award::Date d = award::make_date(2004, 1, 1); d <= award::make_date(2026, 12, 31);
       d = award::add_days(d, 1)) {
    auto w = cal.is_working_day(d);
    if (!w) {
      std::fprintf(stderr, "%s\n", w.error().message.en().c_str());
      return 1;
    }
    out += award::format_date(d);
    out += *w ? " W\n" : " O\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
