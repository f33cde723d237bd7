// Civil dates and the one rule for month ends and 29 February
// (docs/language.md "Time").
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "compiler/diagnostics.h"
#include "runtime/date.h"
#include "support.h"
#include "runtime/decimal.h"

using namespace award;

namespace {
std::string d(Date x) { return format_date(x); }
Date p(const char* s) { return *parse_date(s); }
}  // namespace

TEST_CASE("dates round-trip through the day count", "[date]") {
  for (int32_t days = -800000; days < 800000; days += 97) {
    Civil c = civil(Date{days});
    CHECK(days_from_civil(c.year, c.month, c.day) == days);
  }
  CHECK(d(make_date(1970, 1, 1)) == "1970-01-01");
  CHECK(make_date(1970, 1, 1).days == 0);
  CHECK(weekday(p("2024-09-29")) == 6);  // a Sunday
}

TEST_CASE("impossible dates are refused", "[date]") {
  for (const char* bad : {"2023-02-29", "2023-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                          "2024-1-01", "2024/01/01", "", "2024-01-011"})
    CHECK_FALSE(parse_date(bad).has_value());
  CHECK(parse_date("2024-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());
}

TEST_CASE("adding months keeps the day, or takes the month's last day", "[date]") {
  CHECK(d(add_months(p("2024-01-31"), 1)) == "2024-02-29");
  CHECK(d(add_months(p("2023-01-31"), 1)) == "2023-02-28");
  CHECK(d(add_months(p("2024-03-31"), -1)) == "2024-02-29");
  CHECK(d(add_months(p("2024-05-15"), 12)) == "2025-05-15");
  CHECK(d(add_months(p("2024-11-30"), 3)) == "2025-02-28");
}

TEST_CASE("29 February plus or minus a year is 28 February", "[date]") {
  CHECK(d(add_years(p("2024-02-29"), 1)) == "2025-02-28");
  CHECK(d(add_years(p("2024-02-29"), -1)) == "2023-02-28");
  CHECK(d(add_years(p("2024-02-29"), 4)) == "2028-02-29");
  CHECK(d(add_years(p("2025-02-28"), -1)) == "2024-02-28");
}

TEST_CASE("decimals are exact", "[decimal]") {
  CHECK(format_decimal(*parse_decimal("0.3")) == "0.3");
  CHECK(format_decimal(*parse_decimal("-12.50")) == "-12.5");
  CHECK(format_decimal(*dec_add(*dec_mul(*parse_decimal("0.3"), *parse_decimal("1")),
                                *dec_mul(*parse_decimal("0.7"), *parse_decimal("871")))) == "610");
  // all 143 pairs whose weighted total is exactly 610 reach it
  int ties = 0;
  for (int m = 0; m <= 1000; ++m)
    for (int s = 0; s <= 1000; ++s)
      if (3 * m + 7 * s == 6100) {
        ++ties;
        Decimal t = *dec_add(*dec_mul(*parse_decimal("0.3"), Decimal::from_int(m)),
                             *dec_mul(*parse_decimal("0.7"), Decimal::from_int(s)));
        CHECK(t == Decimal::from_int(610));
      }
  CHECK(ties == 143);
  CHECK_FALSE(parse_decimal("1e3").has_value());
  CHECK_FALSE(parse_decimal("0.0000001").has_value());
  CHECK_FALSE(parse_decimal("99999999999999999999").has_value());
  CHECK(format_decimal(*dec_div(Decimal::from_int(10), Decimal::from_int(3))) == "3.333333");
  CHECK_FALSE(dec_div(Decimal::from_int(1), Decimal::from_int(0)).has_value());
}

TEST_CASE("docs/diagnostics.md lists every diagnostic code", "[docs]") {
  std::ifstream in(award::test::source_path("docs/diagnostics.md"));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
#define X(c, m) CHECK(doc.find("| " #c " | " m " |") != std::string::npos);
  AWARD_DIAGNOSTIC_CODES(X)
#undef X
}
