#include "runtime/decimal.h"

#include <limits>

namespace award {

std::optional<Decimal> parse_decimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') { neg = true; i = 1; }
  if (i >= s.size()) return std::nullopt;
  __int128 whole = 0;
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
    whole = whole * 10 + (s[i] - '0');
    if (whole > std::numeric_limits<int64_t>::max() / Decimal::kScale) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  __int128 frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t start = i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (frac_digits == 6) {
        if (s[i] != '0') return std::nullopt;  // finer than a millionth
        continue;
      }
      frac = frac * 10 + (s[i] - '0');
      ++frac_digits;
    }
    if (i == start) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;  // exponents and junk are refused
  while (frac_digits < 6) { frac *= 10; ++frac_digits; }
  __int128 v = whole * Decimal::kScale + frac;
  if (v > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return Decimal{static_cast<int64_t>(neg ? -v : v)};
}

std::string format_decimal(Decimal d) {
  bool neg = d.v < 0;
  uint64_t a = neg ? static_cast<uint64_t>(-(d.v + 1)) + 1 : static_cast<uint64_t>(d.v);
  std::string out = std::to_string(a / Decimal::kScale);
  uint64_t frac = a % Decimal::kScale;
  if (frac) {
    std::string f = std::to_string(frac);
    f = std::string(6 - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return neg ? "-" + out : out;
}

namespace {
std::optional<Decimal> fit(__int128 v) {
  if (v > std::numeric_limits<int64_t>::max() || v < std::numeric_limits<int64_t>::min()) return std::nullopt;
  return Decimal{static_cast<int64_t>(v)};
}
}  // namespace

std::optional<Decimal> dec_add(Decimal a, Decimal b) { return fit(static_cast<__int128>(a.v) + b.v); }
std::optional<Decimal> dec_sub(Decimal a, Decimal b) { return fit(static_cast<__int128>(a.v) - b.v); }

std::optional<Decimal> dec_mul(Decimal a, Decimal b) {
  __int128 p = static_cast<__int128>(a.v) * b.v;
  __int128 q = p / Decimal::kScale, r = p % Decimal::kScale;
  if (r * 2 >= Decimal::kScale) ++q;
  else if (r * 2 <= -Decimal::kScale) --q;
  return fit(q);
}

std::optional<Decimal> dec_div(Decimal a, Decimal b) {
  if (b.v == 0) return std::nullopt;
  __int128 n = static_cast<__int128>(a.v) * Decimal::kScale;
  __int128 q = n / b.v, r = n % b.v;
  __int128 r2 = r < 0 ? -r : r, b2 = b.v < 0 ? -static_cast<__int128>(b.v) : b.v;
  if (r2 * 2 >= b2) q += ((n < 0) != (b.v < 0)) ? -1 : 1;
  return fit(q);
}

}  // namespace award
