// The official working-day calendar: the national data, the queries, the
// Xinjiang layer and the parser's errors.
#include "runtime/calendar.h"

#include <catch2/catch.hpp>
#include <string>

#include "runtime/date.h"
#include "tests/unit/stdlib_text.h"

using award::add_days;
using award::add_years;
using award::Date;
using award::format_date;
using award::make_date;
using award::cal::Calendar;

namespace {

const Calendar& national() {
  static const Calendar cal = [] {
    auto r = Calendar::parse(award_test_read_stdlib("stdlib/calendar/national.txt"));
    if (!r) {
      for (const auto& e : r.error()) FAIL_CHECK("national.txt:" << e.line << ": " << e.message);
      FAIL("national.txt does not parse");
    }
    return std::move(r).value();
  }();
  return cal;
}

const Calendar& xinjiang_layer() {
  static const Calendar cal = [] {
    auto r = Calendar::parse(award_test_read_stdlib("stdlib/calendar/xinjiang.txt"));
    if (!r) {
      for (const auto& e : r.error()) FAIL_CHECK("xinjiang.txt:" << e.line << ": " << e.message);
      FAIL("xinjiang.txt does not parse");
    }
    return std::move(r).value();
  }();
  return cal;
}

Date D(int y, int m, int d) { return make_date(y, m, d); }

bool worked(const Calendar& cal, Date d) {
  auto r = cal.is_working_day(d);
  INFO(format_date(d));
  REQUIRE(r.ok());
  return *r;
}

// Every day from `first` to `last` has the given state.
void all_days(const Calendar& cal, Date first, Date last, bool expect_worked) {
  for (Date d = first; d <= last; d = add_days(d, 1)) {
    INFO(format_date(d));
    CHECK(worked(cal, d) == expect_worked);
  }
}

Date plus(const Calendar& cal, Date d, int64_t n) {
  auto r = cal.add_working_days(d, n);
  INFO(format_date(d) << " + " << n);
  REQUIRE(r.ok());
  return *r;
}

int64_t between(const Calendar& cal, Date a, Date b) {
  auto r = cal.working_days_between(a, b);
  INFO(format_date(a) << " .. " << format_date(b));
  REQUIRE(r.ok());
  return *r;
}

std::string festival(const Calendar& cal, Date d) {
  auto r = cal.holiday_name(d);
  REQUIRE(r.ok());
  return r->value_or("");
}

}  // namespace

TEST_CASE("national data covers 2004 to 2026 with the notices named", "[calendar]") {
  const Calendar& cal = national();
  CHECK(cal.name() == "全国");
  auto years = cal.years();
  REQUIRE(years.size() == 23);
  CHECK(years.front() == 2004);
  CHECK(years.back() == 2026);
  CHECK_FALSE(cal.covers(2003));
  CHECK_FALSE(cal.covers(2027));

  auto n2024 = cal.notices(2024);
  REQUIRE(n2024.size() == 1);
  CHECK(n2024[0].title == "国务院办公厅关于2024年部分节假日安排的通知");
  CHECK(n2024[0].number == "国办发明电〔2023〕7号");
  // 2020: the arrangement and the notice that extended the Spring Festival.
  auto n2020 = cal.notices(2020);
  REQUIRE(n2020.size() == 2);
  CHECK(n2020[1].number == "国办发明电〔2020〕1号");
}

TEST_CASE("Spring Festival spans and their make-up days", "[calendar]") {
  const Calendar& cal = national();

  SECTION("2024: 2月10日至17日, 2月4日(日) and 2月18日(日) worked") {
    CHECK(worked(cal, D(2024, 2, 4)));
    all_days(cal, D(2024, 2, 5), D(2024, 2, 9), true);  // 除夕 2月9日 is not a day off
    all_days(cal, D(2024, 2, 10), D(2024, 2, 17), false);
    CHECK(worked(cal, D(2024, 2, 18)));
    CHECK(festival(cal, D(2024, 2, 12)) == "春节");
    CHECK(festival(cal, D(2024, 2, 4)).empty());  // a make-up day is not a holiday
  }
  SECTION("2019: 2月4日至10日, 2月2日(六) and 3日(日) worked") {
    CHECK(worked(cal, D(2019, 2, 2)));
    CHECK(worked(cal, D(2019, 2, 3)));
    all_days(cal, D(2019, 2, 4), D(2019, 2, 10), false);
    CHECK(worked(cal, D(2019, 2, 11)));
  }
  SECTION("2010: 2月13日至19日, 2月20日(六) and 21日(日) worked") {
    all_days(cal, D(2010, 2, 13), D(2010, 2, 19), false);
    CHECK(worked(cal, D(2010, 2, 20)));
    CHECK(worked(cal, D(2010, 2, 21)));
  }
  SECTION("2004: 1月22日至28日, 1月17日(六) and 18日(日) worked") {
    CHECK(worked(cal, D(2004, 1, 17)));
    CHECK(worked(cal, D(2004, 1, 18)));
    all_days(cal, D(2004, 1, 22), D(2004, 1, 28), false);
  }
  SECTION("2020: extended to 2月2日, so Saturday 2月1日 is no longer worked") {
    CHECK(worked(cal, D(2020, 1, 19)));
    all_days(cal, D(2020, 1, 24), D(2020, 2, 2), false);
    CHECK(worked(cal, D(2020, 2, 3)));
  }
}

TEST_CASE("National Day spans and their make-up days", "[calendar]") {
  const Calendar& cal = national();

  SECTION("2024: 10月1日至7日, 9月29日(日) and 10月12日(六) worked") {
    CHECK(worked(cal, D(2024, 9, 29)));
    all_days(cal, D(2024, 10, 1), D(2024, 10, 7), false);
    CHECK(worked(cal, D(2024, 10, 12)));
    CHECK(festival(cal, D(2024, 10, 3)) == "国庆节");
  }
  SECTION("2023: 9月29日至10月6日 with 中秋节, 10月7日(六) and 8日(日) worked") {
    all_days(cal, D(2023, 9, 29), D(2023, 10, 6), false);
    CHECK(worked(cal, D(2023, 10, 7)));
    CHECK(worked(cal, D(2023, 10, 8)));
    CHECK(festival(cal, D(2023, 9, 29)) == "中秋节、国庆节");
  }
  SECTION("2008: 9月29日至10月5日, 9月27日(六) and 28日(日) worked") {
    CHECK(worked(cal, D(2008, 9, 27)));
    CHECK(worked(cal, D(2008, 9, 28)));
    all_days(cal, D(2008, 9, 29), D(2008, 10, 5), false);
    CHECK(worked(cal, D(2008, 10, 6)));
  }
  SECTION("2006: the 2006 notice's 12月31日(星期六)上班 for 元旦, kept against chinese-days") {
    CHECK(worked(cal, D(2005, 12, 31)));
    all_days(cal, D(2006, 1, 1), D(2006, 1, 3), false);
  }
}

TEST_CASE("adding working days", "[calendar]") {
  const Calendar& cal = national();
  // Across the make-up Sunday 2024-09-29 and National Day 2024.
  CHECK(plus(cal, D(2024, 9, 27), 5) == D(2024, 10, 10));
  CHECK(plus(cal, D(2024, 10, 10), -5) == D(2024, 9, 27));
  CHECK(plus(cal, D(2024, 9, 27), 0) == D(2024, 9, 27));
  CHECK(plus(cal, D(2024, 9, 27), 1) == D(2024, 9, 29));  // a Sunday, but worked
  // From a holiday: the first working day after it counts as the first.
  CHECK(plus(cal, D(2024, 2, 12), 1) == D(2024, 2, 18));
  // Across a year boundary.
  CHECK(plus(cal, D(2023, 12, 29), 1) == D(2024, 1, 2));
  CHECK(plus(cal, D(2024, 1, 2), -1) == D(2023, 12, 29));
}

TEST_CASE("working days between two dates", "[calendar]") {
  const Calendar& cal = national();
  CHECK(between(cal, D(2024, 9, 27), D(2024, 10, 10)) == 5);
  CHECK(between(cal, D(2024, 10, 10), D(2024, 9, 27)) == -5);
  CHECK(between(cal, D(2024, 9, 27), D(2024, 9, 27)) == 0);
  CHECK(between(cal, D(2023, 12, 29), D(2024, 1, 2)) == 1);
  // The whole of 2024: 262 weekdays, 19 of them off, 8 weekend days worked.
  CHECK(between(cal, D(2023, 12, 31), D(2024, 12, 31)) == 251);

  SECTION("agrees with counting day by day and with add_working_days") {
    const Date starts[] = {D(2004, 1, 1), D(2008, 9, 20), D(2019, 12, 25), D(2024, 2, 1)};
    for (Date a : starts) {
      int64_t count = 0;
      for (Date d = add_days(a, 1); d <= add_days(a, 400); d = add_days(d, 1)) {
        if (worked(cal, d)) {
          ++count;
          REQUIRE(plus(cal, a, count) == d);
        }
        REQUIRE(between(cal, a, d) == count);
      }
    }
  }
}

TEST_CASE("a period ending on a rest day or holiday ends on the next working day (民法典 第二百零三条)",
          "[calendar]") {
  const Calendar& cal = national();
  auto end_of = [&](Date last_day) {
    auto r = cal.next_working_day_on_or_after(last_day);
    REQUIRE(r.ok());
    return *r;
  };
  // Ten days from 2024-09-21 end on 2024-10-01, National Day: the period runs to 10月8日.
  CHECK(end_of(add_days(D(2024, 9, 21), 10)) == D(2024, 10, 8));
  // Labour Day 2025 (5月1日至5日).
  CHECK(end_of(D(2025, 5, 1)) == D(2025, 5, 6));
  // A plain Saturday moves to Monday; a make-up Sunday is already a working day.
  CHECK(end_of(D(2024, 3, 2)) == D(2024, 3, 4));
  CHECK(end_of(D(2024, 9, 29)) == D(2024, 9, 29));
  // A working day stays.
  CHECK(end_of(D(2024, 3, 5)) == D(2024, 3, 5));
}

TEST_CASE("a year outside the data is an error naming the year", "[calendar]") {
  const Calendar& cal = national();

  auto w = cal.is_working_day(D(2030, 1, 2));  // a Wednesday: no weekday guess
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().year == 2030);
  CHECK(w.error().layer == "全国");
  CHECK(w.error().kind == award::cal::Error::Kind::YearNotCovered);
  CHECK_THAT(w.error().message.en(), Catch::Contains("2030") && Catch::Contains("2004-2026"));

  auto before = cal.is_working_day(D(2003, 12, 31));
  REQUIRE_FALSE(before.ok());
  CHECK(before.error().year == 2003);

  // Walking off the end of the data fails with the first year missing.
  auto add = cal.add_working_days(D(2026, 12, 25), 10);
  REQUIRE_FALSE(add.ok());
  CHECK(add.error().year == 2027);
  auto back = cal.add_working_days(D(2004, 1, 5), -5);
  REQUIRE_FALSE(back.ok());
  CHECK(back.error().year == 2003);

  auto count = cal.working_days_between(D(2026, 12, 1), D(2027, 1, 10));
  REQUIRE_FALSE(count.ok());
  CHECK(count.error().year == 2027);

  auto next = cal.next_working_day_on_or_after(D(2026, 12, 31));  // a Thursday, covered
  REQUIRE(next.ok());
  CHECK(*next == D(2026, 12, 31));
  auto next2 = cal.next_working_day_on_or_after(D(2031, 1, 1));
  REQUIRE_FALSE(next2.ok());
  CHECK(next2.error().year == 2031);

  auto name = cal.holiday_name(D(1999, 10, 1));
  REQUIRE_FALSE(name.ok());
  CHECK(name.error().year == 1999);
}

TEST_CASE("29 February with date.h's month-end rule", "[calendar]") {
  const Calendar& cal = national();
  // One year after 2024-02-29 is 2025-02-28 (date.h), a Friday and a working day.
  Date anniversary = add_years(D(2024, 2, 29), 1);
  CHECK(anniversary == D(2025, 2, 28));
  CHECK(worked(cal, anniversary));
  CHECK(worked(cal, D(2024, 2, 29)));
  CHECK(between(cal, D(2024, 2, 28), D(2024, 3, 1)) == 2);
  CHECK(plus(cal, D(2024, 2, 28), 1) == D(2024, 2, 29));
  // 2020-02-29 is a Saturday; 2016-02-29 a Monday.
  CHECK_FALSE(worked(cal, D(2020, 2, 29)));
  CHECK(plus(cal, D(2020, 2, 28), 1) == D(2020, 3, 2));
  CHECK(worked(cal, D(2016, 2, 29)));
  // The parser uses date.h's strict dates: 29 February of a common year is rejected.
  auto bad = Calendar::parse("calendar t\nyear 2023 \"n\" -\noff 2023-02-29 x\n");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.error().size() == 1);
  CHECK(bad.error()[0].line == 3);
  CHECK_THAT(bad.error()[0].message, Catch::Contains("2023-02-29"));
}

TEST_CASE("the Xinjiang layer adds 肉孜节 and 古尔邦节", "[calendar]") {
  const Calendar& region = xinjiang_layer();
  CHECK(region.name() == "新疆维吾尔自治区");
  CHECK(region.years() == std::vector<int>{2022, 2023, 2025});

  Calendar cal = Calendar::layered(national(), region);
  CHECK(cal.name() == "全国+新疆维吾尔自治区");
  REQUIRE(cal.layers().size() == 2);
  CHECK(cal.years() == std::vector<int>{2022, 2023, 2025});
  CHECK(cal.notices(2025).size() == 2);

  SECTION("2025: 肉孜节 3月29日至31日, 古尔邦节 6月6日至10日") {
    CHECK(worked(national(), D(2025, 3, 31)));
    CHECK_FALSE(worked(cal, D(2025, 3, 31)));
    CHECK(festival(cal, D(2025, 3, 31)) == "肉孜节");
    all_days(cal, D(2025, 6, 6), D(2025, 6, 10), false);
    CHECK(festival(cal, D(2025, 6, 9)) == "古尔邦节");
    CHECK(worked(cal, D(2025, 6, 11)));
    CHECK(plus(national(), D(2025, 6, 5), 1) == D(2025, 6, 6));
    CHECK(plus(cal, D(2025, 6, 5), 1) == D(2025, 6, 11));
    CHECK(between(cal, D(2025, 6, 1), D(2025, 6, 30)) ==
          between(national(), D(2025, 6, 1), D(2025, 6, 30)) - 3);
  }
  SECTION("the national days stay") {
    CHECK_FALSE(worked(cal, D(2025, 10, 1)));
    CHECK(festival(cal, D(2025, 10, 1)) == "国庆节、中秋节");
    CHECK(worked(cal, D(2025, 9, 28)));  // the national make-up Sunday
  }
  SECTION("2023 and 2022") {
    CHECK_FALSE(worked(cal, D(2023, 4, 21)));
    all_days(cal, D(2023, 6, 28), D(2023, 6, 30), false);
    CHECK_FALSE(worked(cal, D(2022, 5, 5)));
    CHECK(worked(cal, D(2022, 5, 6)));
    all_days(cal, D(2022, 7, 11), D(2022, 7, 13), false);
  }
  SECTION("a year the region's layer lacks is an error naming the layer") {
    auto r = cal.is_working_day(D(2024, 4, 10));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().year == 2024);
    CHECK(r.error().layer == "新疆维吾尔自治区");
    CHECK_THAT(r.error().message.en(), Catch::Contains("2024") && Catch::Contains("新疆维吾尔自治区"));
    // ... and walking into it from a covered year fails too.
    auto walk = cal.add_working_days(D(2023, 12, 29), 2);
    REQUIRE_FALSE(walk.ok());
    CHECK(walk.error().year == 2024);
    // A year neither layer has names the national one first.
    auto old = cal.is_working_day(D(2001, 5, 8));
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().layer == "全国");
  }
}

TEST_CASE("a regional layer may work a weekend day and rest on a national make-up day", "[calendar]") {
  // A made-up layer: the region works Saturday 2024-06-15 and rests on the
  // national make-up Sunday 2024-09-29.
  auto region = Calendar::parse(
      "calendar 测试区\n"
      "year 2024 \"测试通知\" -\n"
      "off 2024-06-17..2024-06-19 古尔邦节\n"
      "work 2024-06-15 古尔邦节\n"
      "off 2024-09-29 古尔邦节\n");
  REQUIRE(region.ok());
  Calendar cal = Calendar::layered(national(), *region);
  CHECK(worked(cal, D(2024, 6, 15)));
  CHECK_FALSE(worked(cal, D(2024, 6, 17)));
  CHECK_FALSE(worked(cal, D(2024, 9, 29)));
  CHECK(festival(cal, D(2024, 9, 29)) == "古尔邦节");
  CHECK(festival(cal, D(2024, 6, 15)).empty());
  CHECK(plus(cal, D(2024, 9, 27), 5) == D(2024, 10, 11));
  CHECK(cal.years() == std::vector<int>{2024});
}

TEST_CASE("parse errors carry line numbers", "[calendar]") {
  SECTION("each bad line is reported, in line order") {
    const char* text =
        "# a comment\n"                                // 1
        "calendar 测试\n"                              // 2
        "off 2024-01-01 元旦\n"                        // 3: before any year
        "year 2024 \"通知\" 国办发明电〔2023〕7号\n"   // 4
        "work 2024-02-05 春节\n"                       // 5: a Monday
        "off 2024-02-10..2024-02-17 春节\n"            // 6
        "off 2024-02-17 春节\n"                        // 7: duplicate of line 6
        "off 2024-13-01 春节\n"                        // 8: no such date
        "holiday 2024-05-01 劳动节\n"                  // 9: unknown record
        "off 2024-05-01\n"                             // 10: no name
        "year 2023 \"通知\" -\n"                       // 11: years out of order
        "year 2025 通知 -\n"                           // 12: title not quoted
        "off 2024-10-07..2024-10-01 国庆节\n"          // 13: backwards span
        "year 2026 \"通知\" - extra\n";                // 14: trailing text
    auto r = Calendar::parse(text);
    REQUIRE_FALSE(r.ok());
    const auto& errs = r.error();
    std::vector<int> lines;
    for (const auto& e : errs) lines.push_back(e.line);
    CHECK(lines == std::vector<int>{3, 5, 7, 8, 9, 10, 11, 12, 13, 14});
    CHECK_THAT(errs[1].message, Catch::Contains("Saturday or a Sunday"));
    CHECK_THAT(errs[2].message, Catch::Contains("already listed on line 6"));
    CHECK_THAT(errs[4].message, Catch::Contains("holiday"));
  }
  SECTION("a day in a year without a block") {
    auto r = Calendar::parse(
        "calendar t\n"
        "year 2008 \"n\" -\n"
        "off 2007-12-30..2008-01-01 元旦\n");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error().size() == 2);  // 2007-12-30 and 2007-12-31
    CHECK(r.error()[0].line == 3);
    CHECK_THAT(r.error()[0].message, Catch::Contains("2007"));
  }
  SECTION("a day far from its block's year") {
    auto r = Calendar::parse("calendar t\nyear 2008 \"n\" -\nyear 2010 \"n\" -\noff 2008-05-01 x\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error()[0].line == 4);
  }
  SECTION("the calendar line and at least one year are required") {
    auto none = Calendar::parse("# nothing\n");
    REQUIRE_FALSE(none.ok());
    auto unnamed = Calendar::parse("year 2024 \"n\" -\n");
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error()[0].line == 1);
  }
  SECTION("comments, blank lines, CRLF and trailing comments are accepted") {
    auto r = Calendar::parse(
        "calendar t\r\n"
        "\r\n"
        "year 2024 \"a # in a title\" 1号  # trailing\r\n"
        "off 2024-01-01 元旦 # new year\r\n");
    REQUIRE(r.ok());
    CHECK(r->notices(2024)[0].title == "a # in a title");
    CHECK(festival(*r, D(2024, 1, 1)) == "元旦");
  }
}
