// Civil dates as a day count, and the calendar arithmetic every measure uses.
//
// A Date is the number of days since 1970-01-01 in the proleptic Gregorian
// calendar. Adding months or years keeps the day of the month when that month
// has it and otherwise takes the month's last day: 2024-01-31 + 1 month is
// 2024-02-29, and 2024-02-29 + 1 year is 2025-02-28. That is the rule
// docs/language.md documents; tests/unit/date_test.cpp pins it down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace award {

struct Civil {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

struct Date {
  int32_t days = 0;  // since 1970-01-01

  friend constexpr bool operator==(Date a, Date b) { return a.days == b.days; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days <=> b.days; }
};

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

// Days since 1970-01-01 of a valid civil date (era-based conversion).
constexpr int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return Civil{y + (m <= 2), m, d};
}

constexpr Date make_date(int y, int m, int d) { return Date{days_from_civil(y, m, d)}; }
constexpr Civil civil(Date d) { return civil_from_days(d.days); }

// 0 = Monday … 6 = Sunday.
constexpr int weekday(Date d) {
  // 1970-01-01 was a Thursday (3).
  int w = (d.days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

constexpr Date add_days(Date d, int64_t n) { return Date{static_cast<int32_t>(d.days + n)}; }

// Month arithmetic with the month-end rule above.
constexpr Date add_months(Date d, int64_t n) {
  Civil c = civil(d);
  int64_t total = static_cast<int64_t>(c.year) * 12 + (c.month - 1) + n;
  int y = static_cast<int>(total >= 0 ? total / 12 : -((-total + 11) / 12));
  int m = static_cast<int>(total - static_cast<int64_t>(y) * 12) + 1;
  int dd = c.day;
  int last = days_in_month(y, m);
  if (dd > last) dd = last;
  return make_date(y, m, dd);
}

constexpr Date add_years(Date d, int64_t n) { return add_months(d, n * 12); }

// Strict YYYY-MM-DD; nullopt for anything else, including 2023-02-30.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);

// Today's date in the local time zone of the machine.
Date today_local();

}  // namespace award
