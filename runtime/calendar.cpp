#include "runtime/calendar.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace award::cal {

namespace {

constexpr int kMaxSpanDays = 31;  // a longer `off` span is taken for a typo

int year_of(Date d) { return civil(d).year; }
int days_in_year(int y) { return is_leap(y) ? 366 : 365; }
int day_of_year(Date d, int y) { return d.days - days_from_civil(y, 1, 1); }
bool is_weekend(Date d) { return weekday(d) >= 5; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Cuts a comment: '#' at the start of the line, or after white space, outside
// double quotes.
std::string_view strip_comment(std::string_view line) {
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') quoted = !quoted;
    if (c == '#' && !quoted && (i == 0 || is_space(line[i - 1]))) return line.substr(0, i);
  }
  return line;
}

// Takes the next run of non-space characters off the front of `rest`.
std::string_view next_word(std::string_view& rest) {
  rest = trim(rest);
  size_t n = 0;
  while (n < rest.size() && !is_space(rest[n])) ++n;
  std::string_view w = rest.substr(0, n);
  rest.remove_prefix(n);
  rest = trim(rest);
  return w;
}

// Takes a "quoted string" off the front of `rest`; nullopt if there is none.
std::optional<std::string_view> next_quoted(std::string_view& rest) {
  rest = trim(rest);
  if (rest.empty() || rest.front() != '"') return std::nullopt;
  size_t end = rest.find('"', 1);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view q = rest.substr(1, end - 1);
  rest.remove_prefix(end + 1);
  rest = trim(rest);
  return q;
}

std::string describe_years(const std::vector<int>& years) {
  if (years.empty()) return "no year";
  std::string out;
  size_t i = 0;
  while (i < years.size()) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? fmt::format("{}", years[i]) : fmt::format("{}-{}", years[i], years[j]);
    i = j + 1;
  }
  return out;
}

struct Entry {
  Date date;
  uint8_t state;  // 1 off, 2 work
  uint16_t name;  // index + 1
  int line;
};

}  // namespace

// ---------------------------------------------------------------- parsing

ParseResult Calendar::parse(std::string_view text) {
  std::vector<ParseError> errors;
  auto fail = [&](int line, std::string msg) { errors.push_back({line, std::move(msg)}); };

  Calendar cal;
  Layer layer;
  bool have_name = false;
  int current_year = 0;  // 0 before the first block
  std::vector<Entry> entries;
  std::unordered_map<std::string, uint16_t> name_index;

  auto intern = [&](std::string_view n) -> uint16_t {
    auto [it, inserted] = name_index.try_emplace(std::string(n), 0);
    if (inserted) {
      cal.names_.emplace_back(n);
      it->second = static_cast<uint16_t>(cal.names_.size());
    }
    return it->second;
  };

  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;

    std::string_view rest = trim(strip_comment(raw));
    if (rest.empty()) continue;
    std::string_view word = next_word(rest);

    if (word == "calendar") {
      if (have_name) {
        fail(line_no, "a second `calendar` line; a file names its layer once");
      } else if (current_year != 0) {
        fail(line_no, "`calendar` must come before the first `year`");
      } else if (rest.empty()) {
        fail(line_no, "`calendar` needs a name");
      } else {
        layer.name = std::string(rest);
        have_name = true;
      }
      continue;
    }

    if (word == "year" || word == "notice") {
      int year = current_year;
      if (word == "year") {
        std::string_view ys = next_word(rest);
        int y = 0;
        auto [p, ec] = std::from_chars(ys.data(), ys.data() + ys.size(), y);
        if (ys.size() != 4 || ec != std::errc() || p != ys.data() + ys.size() || y < 1000) {
          fail(line_no, fmt::format("`year` needs a four-digit year, not `{}`", ys));
          continue;
        }
        if (current_year != 0 && y <= current_year) {
          fail(line_no, fmt::format("year {} comes after year {}; blocks must ascend", y, current_year));
          continue;
        }
        if (!have_name) fail(line_no, "a `calendar NAME` line must come before the first `year`");
        year = y;
      } else if (current_year == 0) {
        fail(line_no, "`notice` before any `year`");
        continue;
      }
      auto title = next_quoted(rest);
      if (!title || title->empty()) {
        fail(line_no, fmt::format("`{}` needs the notice's title in double quotes", word));
        continue;
      }
      std::string_view number = next_word(rest);
      if (number.empty()) {
        fail(line_no, fmt::format("`{}` needs the notice's document number, or -", word));
        continue;
      }
      if (!rest.empty()) {
        fail(line_no, fmt::format("unexpected `{}` after the document number", rest));
        continue;
      }
      Notice n{std::string(*title), number == "-" ? std::string() : std::string(number)};
      if (word == "year") {
        current_year = year;
        layer.years.push_back(year);
        layer.notices.push_back({year, {std::move(n)}});
      } else {
        layer.notices.back().second.push_back(std::move(n));
      }
      continue;
    }

    if (word == "off" || word == "work") {
      if (current_year == 0) {
        fail(line_no, fmt::format("`{}` before any `year`", word));
        continue;
      }
      std::string_view when = next_word(rest);
      if (rest.empty()) {
        fail(line_no, fmt::format("`{} {}` needs a festival name", word, when));
        continue;
      }
      std::string_view first_s = when, last_s = when;
      if (size_t dots = when.find(".."); dots != std::string_view::npos) {
        if (word == "work") {
          fail(line_no, "`work` takes one date, not a span");
          continue;
        }
        first_s = when.substr(0, dots);
        last_s = when.substr(dots + 2);
      }
      auto first = parse_date(first_s);
      auto last = parse_date(last_s);
      if (!first || !last) {
        fail(line_no, fmt::format("`{}` is not a valid date (YYYY-MM-DD)", !first ? first_s : last_s));
        continue;
      }
      if (*last < *first) {
        fail(line_no, fmt::format("span {} ends before it starts", when));
        continue;
      }
      if (last->days - first->days + 1 > kMaxSpanDays) {
        fail(line_no, fmt::format("span {} is longer than {} days", when, kMaxSpanDays));
        continue;
      }
      bool bad = false;
      for (Date d : {*first, *last}) {
        int y = year_of(d);
        if (y < current_year - 1 || y > current_year + 1) {
          fail(line_no, fmt::format("{} is too far from the block's year {}", format_date(d), current_year));
          bad = true;
          break;
        }
      }
      if (bad) continue;
      if (word == "work" && !is_weekend(*first)) {
        fail(line_no, fmt::format("`work {}`: an adjusted working day must be a Saturday or a Sunday",
                                  format_date(*first)));
        continue;
      }
      uint16_t name = intern(rest);
      uint8_t state = word == "off" ? Off : Work;
      for (Date d = *first; d <= *last; d = add_days(d, 1)) entries.push_back({d, state, name, line_no});
      continue;
    }

    fail(line_no, fmt::format("unknown record `{}` (expected calendar, year, notice, off or work)", word));
  }

  if (!have_name && errors.empty()) fail(1, "no `calendar NAME` line");
  if (layer.years.empty() && errors.empty()) fail(line_no, "no `year` block");

  // Each day once, and only in covered years.
  std::map<int32_t, int> seen;  // day -> line
  for (const Entry& e : entries) {
    int y = year_of(e.date);
    if (!std::binary_search(layer.years.begin(), layer.years.end(), y)) {
      fail(e.line, fmt::format("{} falls in {}, which has no `year` block", format_date(e.date), y));
      continue;
    }
    auto [it, inserted] = seen.try_emplace(e.date.days, e.line);
    if (!inserted) {
      fail(e.line, fmt::format("{} is already listed on line {}", format_date(e.date), it->second));
    }
  }

  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const ParseError& a, const ParseError& b) { return a.line < b.line; });
    return errors;
  }

  cal.first_year_ = layer.years.front();
  cal.years_.resize(static_cast<size_t>(layer.years.back() - cal.first_year_ + 1));
  for (int y : layer.years) {
    Year& yd = cal.years_[static_cast<size_t>(y - cal.first_year_)];
    yd.covered = true;
    yd.state.assign(static_cast<size_t>(days_in_year(y)), Plain);
    yd.name.assign(static_cast<size_t>(days_in_year(y)), 0);
  }
  for (const Entry& e : entries) {
    int y = year_of(e.date);
    Year& yd = cal.years_[static_cast<size_t>(y - cal.first_year_)];
    auto i = static_cast<size_t>(day_of_year(e.date, y));
    yd.state[i] = e.state;
    yd.name[i] = e.name;
  }
  cal.layers_.push_back(std::move(layer));
  cal.finish();
  return cal;
}

// ---------------------------------------------------------------- layering

Calendar Calendar::layered(const Calendar& national, const Calendar& regional) {
  Calendar out;
  out.layers_ = national.layers_;
  out.layers_.insert(out.layers_.end(), regional.layers_.begin(), regional.layers_.end());
  out.names_ = national.names_;
  const auto offset = static_cast<uint16_t>(national.names_.size());
  out.names_.insert(out.names_.end(), regional.names_.begin(), regional.names_.end());

  int lo = std::max(national.first_year_, regional.first_year_);
  int hi = std::min(national.first_year_ + static_cast<int>(national.years_.size()),
                    regional.first_year_ + static_cast<int>(regional.years_.size())) - 1;
  if (national.years_.empty() || regional.years_.empty() || hi < lo) return out;

  out.first_year_ = lo;
  out.years_.resize(static_cast<size_t>(hi - lo + 1));
  for (int y = lo; y <= hi; ++y) {
    const Year* n = national.year_data(y);
    const Year* r = regional.year_data(y);
    if (!n || !r) continue;
    Year& yd = out.years_[static_cast<size_t>(y - lo)];
    yd.covered = true;
    yd.state = n->state;
    yd.name = n->name;
    for (size_t i = 0; i < yd.state.size(); ++i) {
      if (r->state[i] != Plain) {
        yd.state[i] = r->state[i];
        yd.name[i] = r->name[i] ? static_cast<uint16_t>(r->name[i] + offset) : 0;
      }
    }
  }
  out.finish();
  return out;
}

void Calendar::finish() {
  for (size_t k = 0; k < years_.size(); ++k) {
    Year& yd = years_[k];
    if (!yd.covered) continue;
    const int y = first_year_ + static_cast<int>(k);
    const int32_t jan1 = days_from_civil(y, 1, 1);
    yd.before.assign(yd.state.size() + 1, 0);
    for (size_t i = 0; i < yd.state.size(); ++i) {
      bool worked = yd.state[i] == Work ||
                    (yd.state[i] == Plain && !is_weekend(Date{jan1 + static_cast<int32_t>(i)}));
      yd.before[i + 1] = static_cast<uint16_t>(yd.before[i] + (worked ? 1 : 0));
    }
  }
}

// ---------------------------------------------------------------- queries

std::string Calendar::name() const {
  std::string out;
  for (const Layer& l : layers_) {
    if (!out.empty()) out += '+';
    out += l.name;
  }
  return out;
}

const Calendar::Year* Calendar::year_data(int year) const {
  if (year < first_year_ || year >= first_year_ + static_cast<int>(years_.size())) return nullptr;
  const Year& yd = years_[static_cast<size_t>(year - first_year_)];
  return yd.covered ? &yd : nullptr;
}

bool Calendar::covers(int year) const { return year_data(year) != nullptr; }

std::vector<int> Calendar::years() const {
  std::vector<int> out;
  for (size_t k = 0; k < years_.size(); ++k)
    if (years_[k].covered) out.push_back(first_year_ + static_cast<int>(k));
  return out;
}

std::vector<Notice> Calendar::notices(int year) const {
  std::vector<Notice> out;
  for (const Layer& l : layers_)
    for (const auto& [y, ns] : l.notices)
      if (y == year) out.insert(out.end(), ns.begin(), ns.end());
  return out;
}

Error Calendar::not_covered(int year) const {
  Error e;
  e.kind = Error::Kind::YearNotCovered;
  e.year = year;
  for (const Layer& l : layers_) {
    if (!std::binary_search(l.years.begin(), l.years.end(), year)) {
      e.layer = l.name;
      e.message = said(Msg::calendar_year_not_covered_covers, l.name, year, describe_years(l.years));
      return e;
    }
  }
  e.layer = name();
  e.message = said(Msg::calendar_year_not_covered, e.layer, year);
  return e;
}

namespace {

bool worked_at(const std::vector<uint8_t>& state, size_t i, Date d) {
  return state[i] == 2 || (state[i] == 0 && !is_weekend(d));
}

}  // namespace

Result<bool> Calendar::is_working_day(Date d) const {
  int y = year_of(d);
  const Year* yd = year_data(y);
  if (!yd) return not_covered(y);
  return worked_at(yd->state, static_cast<size_t>(day_of_year(d, y)), d);
}

Result<Date> Calendar::add_working_days(Date d, int64_t n) const {
  if (!covers(year_of(d))) return not_covered(year_of(d));
  const int step = n >= 0 ? 1 : -1;
  int64_t left = n >= 0 ? n : -n;
  Date cur = d;
  int y = 0;
  const Year* yd = nullptr;
  while (left > 0) {
    cur = add_days(cur, step);
    int cy = year_of(cur);
    if (!yd || cy != y) {
      y = cy;
      yd = year_data(y);
      if (!yd) return not_covered(y);
    }
    if (worked_at(yd->state, static_cast<size_t>(day_of_year(cur, y)), cur)) --left;
  }
  return cur;
}

Result<int64_t> Calendar::working_days_between(Date a, Date b) const {
  if (a == b) return int64_t{0};
  if (b < a) {
    auto r = working_days_between(b, a);
    if (!r) return r.error();
    return -*r;
  }
  const Date from = add_days(a, 1);  // first day counted
  const int y0 = year_of(from), y1 = year_of(b);
  int64_t count = 0;
  for (int y = y0; y <= y1; ++y) {
    const Year* yd = year_data(y);
    if (!yd) return not_covered(y);
    size_t lo = y == y0 ? static_cast<size_t>(day_of_year(from, y)) : 0;
    size_t hi = y == y1 ? static_cast<size_t>(day_of_year(b, y)) : yd->state.size() - 1;
    count += yd->before[hi + 1] - yd->before[lo];
  }
  return count;
}

Result<Date> Calendar::next_working_day_on_or_after(Date d) const {
  Date cur = d;
  for (;;) {
    auto w = is_working_day(cur);
    if (!w) return w.error();
    if (*w) return cur;
    cur = add_days(cur, 1);
  }
}

Result<std::optional<std::string>> Calendar::holiday_name(Date d) const {
  int y = year_of(d);
  const Year* yd = year_data(y);
  if (!yd) return not_covered(y);
  auto i = static_cast<size_t>(day_of_year(d, y));
  if (yd->state[i] != Off || yd->name[i] == 0) return std::optional<std::string>{};
  return std::optional<std::string>{names_[yd->name[i] - 1]};
}

}  // namespace award::cal
