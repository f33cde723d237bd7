// Runtime values: three-valued, fixed size, no heap.
//
// `Unknown` is an absent fact (never false); `None` is an optional fact that is
// known to be absent (a dishonesty record without `repaired_on`). Text points
// into an arena (the applicant's or the policy's), lists and records into the
// applicant's FactStore, so a Value is 24 bytes and copying it allocates nothing.
#pragma once

#include <cstdint>

#include "runtime/decimal.h"

namespace award {

enum class Tag : uint8_t { Unknown, None, Bool, Num, Date, Dur, Elapsed, Enum, Text, List, Record, NumRange };
enum class Unit : uint8_t { Days, WorkingDays, Months, Years };

enum class Arena : uint8_t { Facts, Policy };

struct Value {
  Tag tag = Tag::Unknown;
  uint8_t aux = 0;  // Dur: Unit; Text: Arena
  union {
    bool b;
    int64_t num;                                  // Num: Decimal::v
    int32_t date;                                 // Date: days since 1970-01-01
    struct { int64_t amount; } dur;               // Dur: whole units
    struct { int32_t from, to; } elapsed;         // Elapsed: date - date
    uint32_t ord;                                 // Enum: member index
    struct { uint32_t off, len; } text;           // Text
    struct { uint32_t off, count; } list;         // List: indexes into FactStore::items
    uint32_t rec;                                 // Record: first slot in FactStore::slots
    struct { int64_t lo, hi; } range;             // NumRange: a count with unknown elements
  };

  Value() : num(0) {}
  static Value unknown() { return Value(); }
  static Value none() { Value v; v.tag = Tag::None; return v; }
  static Value boolean(bool x) { Value v; v.tag = Tag::Bool; v.b = x; return v; }
  static Value number(Decimal d) { Value v; v.tag = Tag::Num; v.num = d.v; return v; }
  static Value date_of(int32_t d) { Value v; v.tag = Tag::Date; v.date = d; return v; }
  static Value duration(int64_t amount, Unit u) {
    Value v; v.tag = Tag::Dur; v.aux = static_cast<uint8_t>(u); v.dur.amount = amount; return v;
  }
  static Value enumeration(uint32_t o) { Value v; v.tag = Tag::Enum; v.ord = o; return v; }
  static Value text_of(uint32_t off, uint32_t len, Arena a) {
    Value v; v.tag = Tag::Text; v.aux = static_cast<uint8_t>(a); v.text = {off, len}; return v;
  }

  bool known() const { return tag != Tag::Unknown; }
  bool is_true() const { return tag == Tag::Bool && b; }
  bool is_false() const { return tag == Tag::Bool && !b; }
};

// Kleene truth values, the result of every rule.
enum class Truth : uint8_t { False, True, Unknown };

inline Truth truth_of(const Value& v) {
  if (v.tag == Tag::Bool) return v.b ? Truth::True : Truth::False;
  return Truth::Unknown;
}

}  // namespace award
