// The official working-day calendar (工作日): which days are worked under the
// State Council's yearly holiday arrangement, and the regional layers on top.
//
// A Calendar is read from the text format that stdlib/calendar/*.txt documents in
// its header: year blocks, each naming its notice, with `off` days (放假) and
// `work` days (调休上班, a Saturday or Sunday). Any other day follows the week:
// Monday to Friday worked, Saturday and Sunday off.
//
// A calendar covers only the years it has a block for. Every query about a day in
// any other year fails with an Error that names the year and the layer lacking
// it; nothing falls back to a plain Monday-to-Friday count.
//
// A regional calendar is Calendar::layered(national, regional): the national days
// with the region's own days on top (a day the region lists replaces the national
// entry for that day). It covers the years that every layer covers.
//
// Calendars are immutable values: every query is const and reads only, so one
// calendar may be shared between threads. There is no global state; the caller
// owns the text (the build embeds the stdlib files) and the Calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "runtime/date.h"
#include "runtime/messages.h"

namespace award::cal {

// Why a query failed.
struct Error {
  enum class Kind {
    YearNotCovered,  // the date falls in a year some layer has no data for
  };
  Kind kind = Kind::YearNotCovered;
  int year = 0;        // the year not covered
  std::string layer;   // the name of the layer that lacks it
  Said message;        // a sentence naming both, for people (English in JSON)
};

// One line the parser rejected. Lines count from 1.
struct ParseError {
  int line = 0;
  std::string message;
};

// A value or an error, without exceptions (std::expected is C++23).
template <class T, class E = Error>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& { return *std::get_if<0>(&v_); }
  T& value() & { return *std::get_if<0>(&v_); }
  T&& value() && { return std::move(*std::get_if<0>(&v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const E& error() const { return *std::get_if<1>(&v_); }

 private:
  std::variant<T, E> v_;
};

// A notice a year block was transcribed from.
struct Notice {
  std::string title;
  std::string number;  // 发文字号, empty when the file records none ("-")
};

// One layer of a calendar as read from one file.
struct Layer {
  std::string name;
  std::vector<int> years;  // covered years, ascending
  std::vector<std::pair<int, std::vector<Notice>>> notices;  // by year, ascending
};

class Calendar;
using ParseResult = Result<Calendar, std::vector<ParseError>>;

class Calendar {
 public:
  // Reads one layer. All problems found are returned, each with its line.
  static ParseResult parse(std::string_view text);

  // The regional calendar: `national` with `regional`'s days on top. The result
  // keeps both layers (names, years, notices) and covers the years both cover.
  static Calendar layered(const Calendar& national, const Calendar& regional);

  // "全国", or "全国+新疆维吾尔自治区" for a layered calendar.
  std::string name() const;
  const std::vector<Layer>& layers() const { return layers_; }

  // True when every layer has data for the year.
  bool covers(int year) const;
  // Years covered by every layer, ascending.
  std::vector<int> years() const;
  // The notices the layers name for the year (national first); empty when none.
  std::vector<Notice> notices(int year) const;

  // Is the day worked?
  Result<bool> is_working_day(Date d) const;

  // The day n working days after d, d itself not counted; for n < 0 the day
  // |n| working days before d. n == 0 gives d (its year must still be covered).
  // 2024-09-27 + 5 is 2024-10-10.
  Result<Date> add_working_days(Date d, int64_t n) const;

  // The number of working days w with a < w <= b; negative (the count of
  // b < w <= a) when b < a, and 0 when a == b.
  Result<int64_t> working_days_between(Date a, Date b) const;

  // d when it is worked, else the first working day after it. For 民法典
  // 第二百零三条: a period whose last day is a rest day or a holiday ends on the
  // next working day.
  Result<Date> next_working_day_on_or_after(Date d) const;

  // The festival a listed day off belongs to (春节, 国庆节, …); nullopt for a day
  // that is not listed as off, including plain weekends and 调休上班 days.
  Result<std::optional<std::string>> holiday_name(Date d) const;

 private:
  // What a file says about one day.
  enum State : uint8_t { Plain = 0, Off = 1, Work = 2 };

  struct Year {
    bool covered = false;
    std::vector<uint8_t> state;    // per day of the year, a State
    std::vector<uint16_t> name;    // per day: index + 1 into names_, 0 for none
    std::vector<uint16_t> before;  // before[i]: working days among days 0..i-1; size days+1
  };

  const Year* year_data(int year) const;
  Error not_covered(int year) const;
  void finish();  // fills `before` for every covered year

  std::vector<Layer> layers_;
  int first_year_ = 0;
  std::vector<Year> years_;  // index: year - first_year_
  std::vector<std::string> names_;
};

}  // namespace award::cal
