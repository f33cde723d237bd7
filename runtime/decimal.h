// Exact decimal numbers for scores, weights and money.
//
// A Decimal is an integer count of millionths. Scores, weights and yuan
// amounts in the measures have at most two decimal places, so sums and
// products of them are exact: 0.3 × 1 + 0.7 × 871 is exactly 610, which binary
// floating point gets wrong (docs/domain.md). Division rounds half away from
// zero to six places.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace award {

struct Decimal {
  static constexpr int64_t kScale = 1000000;
  int64_t v = 0;  // value × 10^6

  static constexpr Decimal from_int(int64_t i) { return Decimal{i * kScale}; }
  friend constexpr bool operator==(Decimal a, Decimal b) { return a.v == b.v; }
  friend constexpr auto operator<=>(Decimal a, Decimal b) { return a.v <=> b.v; }
  bool is_integer() const { return v % kScale == 0; }
  int64_t trunc() const { return v / kScale; }
};

// Exact parse of a JSON or source number ("610", "0.3", "-12.5", "1e3" is
// refused); nullopt when malformed, out of range, or finer than 10^-6.
std::optional<Decimal> parse_decimal(std::string_view s);
std::string format_decimal(Decimal d);  // shortest exact form: 610, 0.3, 261.3

// Arithmetic; nullopt on overflow (or division by zero).
std::optional<Decimal> dec_add(Decimal a, Decimal b);
std::optional<Decimal> dec_sub(Decimal a, Decimal b);
std::optional<Decimal> dec_mul(Decimal a, Decimal b);
std::optional<Decimal> dec_div(Decimal a, Decimal b);

}  // namespace award
