#include "runtime/eval.h"

#include <algorithm>
#include <fmt/format.h>

#include "runtime/calendar.h"

namespace award {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Eligible: return "eligible";
    case Verdict::Ineligible: return "ineligible";
    case Verdict::Undetermined: return "undetermined";
  }
  return "?";
}

const char* truth_json(Truth t) {
  switch (t) {
    case Truth::True: return "true";
    case Truth::False: return "false";
    case Truth::Unknown: return "null";
  }
  return "null";
}

namespace {

Value from_truth(Truth t) { return t == Truth::Unknown ? Value::unknown() : Value::boolean(t == Truth::True); }

// False 0, True 1, Unknown 2: not swaps the first two and keeps Unknown.
Truth t_not(Truth t) {
  const auto v = static_cast<uint8_t>(t);
  return static_cast<Truth>(v ^ (v < 2));
}
Truth t_or(Truth a, Truth b) {
  if (a == Truth::True || b == Truth::True) return Truth::True;
  if (a == Truth::False && b == Truth::False) return Truth::False;
  return Truth::Unknown;
}
// Kleene's if: an unknown condition still decides when both branches agree.
Truth t_if(Truth c, Truth a, Truth b) {
  if (c == Truth::True) return a;
  if (c == Truth::False) return b;
  return a == b ? a : Truth::Unknown;
}

inline bool compare(uint8_t op, int64_t a, int64_t b) {
  switch (static_cast<ir::CmpOp>(op)) {
    case ir::CmpOp::Eq: return a == b;
    case ir::CmpOp::Ne: return a != b;
    case ir::CmpOp::Lt: return a < b;
    case ir::CmpOp::Le: return a <= b;
    case ir::CmpOp::Gt: return a > b;
    case ir::CmpOp::Ge: return a >= b;
  }
  return false;
}

}  // namespace

Evaluator::Evaluator(const ir::Policy& p) : p_(p) {
  award_steps_.resize(p.awards.size());
  for (size_t i = 0; i < p.rules.size(); ++i) {
    const ir::Rule& r = p.rules[i];
    const int32_t rule = static_cast<int32_t>(i);
    Step st{rule, r.body, Step::Full};
    if (r.when < 0 && r.exceptions.empty()) {
      if (r.kind == ir::RuleKind::Judgement) st = Step{rule, r.judgement, Step::Judgement};
      else st.kind = r.kind == ir::RuleKind::Exclude ? Step::NotBody : Step::Body;
    }
    for (int32_t a : r.awards)  // a rule naming an award twice is one step of it
      if (award_steps_[a].empty() || award_steps_[a].back().rule != rule) award_steps_[a].push_back(st);
  }
  window_of_.assign(p.nodes.size(), -1);
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const ir::Node& n = p.nodes[i];
    if (n.op != ir::Op::Within || p.nodes[n.c].op != ir::Op::Today || p.nodes[n.b].op != ir::Op::Const) continue;
    const Value& span = p.consts[p.nodes[n.b].a];
    if (span.tag != Tag::Dur || static_cast<Unit>(span.aux) == Unit::WorkingDays) continue;
    window_of_[i] = static_cast<int32_t>(windows_.size());
    windows_.push_back(Window{static_cast<int32_t>(i)});
  }
  enum_set_.assign(p.nodes.size(), 0);
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const ir::Node& n = p.nodes[i];
    if (n.op != ir::Op::MakeList || n.b <= 0) continue;
    uint64_t set = 0;
    for (int32_t k = 0; k < n.b && set != ~uint64_t{0}; ++k) {
      const ir::Node& e = p.nodes[p.lists[n.a + k]];
      const Value* v = e.op == ir::Op::Const ? &p.consts[e.a] : nullptr;
      if (!v || v->tag != Tag::Enum || v->ord >= 64) set = ~uint64_t{0};
      else set |= uint64_t{1} << v->ord;
    }
    if (set != ~uint64_t{0}) enum_set_[i] = set;
  }
  frames_.resize(static_cast<size_t>(p.max_depth) + 1);
  frame_paths_.resize(frames_.size());
  frame_types_.resize(frames_.size(), -1);
  today_ = today_local();
}

std::optional<Date> Evaluator::shift(Date d, const Value& dur, int sign) {
  int64_t n = dur.dur.amount * sign;
  Shift& memo = shifts_[static_cast<uint64_t>(n + dur.aux) & 3];
  if (memo.unit == dur.aux && memo.from == d.days && memo.n == n) return memo.result;
  std::optional<Date> r;
  switch (static_cast<Unit>(dur.aux)) {
    case Unit::Days: r = add_days(d, n); break;
    case Unit::Months: r = add_months(d, n); break;
    case Unit::Years: r = add_years(d, n); break;
    case Unit::WorkingDays: {
      // Not remembered: a failure is reported for the rule that met it.
      if (!calendar_) {
        if (!calendar_failure_)
          calendar_failure_ = CalendarFailure{current_rule_, civil(d).year, said(Msg::calendar_none_given)};
        return std::nullopt;
      }
      auto w = calendar_->add_working_days(d, n);
      if (!w) {
        if (!calendar_failure_) calendar_failure_ = CalendarFailure{current_rule_, w.error().year, w.error().message};
        return std::nullopt;
      }
      return *w;
    }
  }
  memo = Shift{d.days, n, dur.aux, r};
  return r;
}

const Evaluator::Bounds* Evaluator::bounds_for(int32_t to, const Value& period) {
  const auto unit = static_cast<Unit>(period.aux);
  const int64_t n = period.dur.amount;
  // Working days depend on the calendar and may fail; a huge period would
  // leave the range of dates. Both take the general path.
  if (unit == Unit::WorkingDays || n > 100000 || n < -100000) return nullptr;
  Bounds& b = bounds_[static_cast<uint64_t>(n) & 1];
  if (b.unit == period.aux && b.n == n && b.to == to) return &b;
  auto end = [&](int64_t from) {
    Date d{static_cast<int32_t>(from)};
    switch (unit) {
      case Unit::Days: return add_days(d, n).days;
      case Unit::Months: return add_months(d, n).days;
      default: return add_years(d, n).days;
    }
  };
  // A period of |n| units moves a date by at most |n| * 367 days (years) or
  // |n| * 32 (months); the bounds lie within that of `to`.
  const int64_t reach = (n < 0 ? -n : n) * (unit == Unit::Years ? 367 : unit == Unit::Months ? 32 : 1) + 10;
  auto last_with = [&](auto holds) {  // the last `from` in [to - reach, to + reach] where holds(end(from))
    int64_t lo = to - reach, hi = to + reach;  // holds at lo, not at hi
    while (hi - lo > 1) {
      int64_t mid = lo + (hi - lo) / 2;
      (holds(end(mid)) ? lo : hi) = mid;
    }
    return static_cast<int32_t>(lo);
  };
  b = Bounds{to, n, period.aux, last_with([to](int32_t e) { return e < to; }), last_with([to](int32_t e) { return e <= to; })};
  return &b;
}

bool Evaluator::equal(const Value& a, const Value& b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
    case Tag::Bool: return a.b == b.b;
    case Tag::Num: return a.num == b.num;
    case Tag::Date: return a.date == b.date;
    case Tag::Enum: return a.ord == b.ord;
    case Tag::Text: return s_->text_of(a, p_) == s_->text_of(b, p_);
    case Tag::Dur: return a.aux == b.aux && a.dur.amount == b.dur.amount;
    case Tag::None: return true;
    default: return false;
  }
}

Truth Evaluator::cmp_values(uint8_t op, const Value& a, const Value& b) {
  if (a.tag == Tag::Unknown || b.tag == Tag::Unknown) return Truth::Unknown;
  if (a.tag == Tag::None || b.tag == Tag::None) {
    // an optional fact known to be absent equals nothing and has no order
    auto o = static_cast<ir::CmpOp>(op);
    if (o == ir::CmpOp::Eq) return a.tag == b.tag ? Truth::True : Truth::False;
    if (o == ir::CmpOp::Ne) return a.tag == b.tag ? Truth::False : Truth::True;
    return Truth::False;
  }
  // A count over elements some of which are unknown is a range [lo, hi].
  if (a.tag == Tag::NumRange || b.tag == Tag::NumRange) {
    auto lo = [](const Value& v) { return v.tag == Tag::NumRange ? v.range.lo : v.num; };
    auto hi = [](const Value& v) { return v.tag == Tag::NumRange ? v.range.hi : v.num; };
    bool r1 = compare(op, lo(a), lo(b)), r2 = compare(op, hi(a), hi(b));
    bool r3 = compare(op, lo(a), hi(b)), r4 = compare(op, hi(a), lo(b));
    auto o = static_cast<ir::CmpOp>(op);
    if (o == ir::CmpOp::Eq || o == ir::CmpOp::Ne) {
      bool overlap = lo(a) <= hi(b) && lo(b) <= hi(a);
      if (!overlap) return o == ir::CmpOp::Eq ? Truth::False : Truth::True;
      return Truth::Unknown;
    }
    if (r1 == r2 && r2 == r3 && r3 == r4) return r1 ? Truth::True : Truth::False;
    return Truth::Unknown;
  }
  switch (a.tag) {
    case Tag::Bool: return compare(op, a.b, b.b) ? Truth::True : Truth::False;
    case Tag::Num: return compare(op, a.num, b.num) ? Truth::True : Truth::False;
    case Tag::Date: return compare(op, a.date, b.date) ? Truth::True : Truth::False;
    case Tag::Enum: return compare(op, a.ord, b.ord) ? Truth::True : Truth::False;
    case Tag::Text: {
      int c = s_->text_of(a, p_).compare(s_->text_of(b, p_));
      return compare(op, c, 0) ? Truth::True : Truth::False;
    }
    default: return Truth::Unknown;
  }
}

// x in list: true when an element equals x, false when every element is known
// and differs, unknown otherwise.
Truth Evaluator::member(const Value& x, int32_t list_node) {
  const ir::Node& ln = p_.nodes[list_node];
  bool unknown = false;
  auto visit = [&](const Value& e) {
    if (e.tag == Tag::Unknown) { unknown = true; return false; }
    return equal(x, e);
  };
  if (ln.op == ir::Op::MakeList) {
    for (int32_t i = 0; i < ln.b; ++i)
      if (visit(ev(p_.lists[ln.a + i]))) return Truth::True;
  } else {
    Value l = ev(list_node);
    if (l.tag != Tag::List) return l.tag == Tag::None ? Truth::False : Truth::Unknown;
    for (uint32_t i = 0; i < l.list.count; ++i)
      if (visit(s_->slots[s_->items[l.list.off + i]])) return Truth::True;
  }
  if (x.tag == Tag::Unknown) return Truth::Unknown;
  return unknown ? Truth::Unknown : Truth::False;
}

std::string Evaluator::path_of(int32_t node) {
  const ir::Node& n = p_.nodes[node];
  auto field_name = [&](ir::TypeId rec_type, int32_t slot) -> std::string {
    if (rec_type < 0 || p_.types[rec_type].kind != ir::Kind::Record) return "?";
    const auto& r = p_.records[p_.types[rec_type].ref];
    return r.fields[r.slot_field[slot]].name;
  };
  switch (n.op) {
    case ir::Op::Load: {
      // the frame's element type: the record whose slot this is
      ir::TypeId rec_type = -1;
      if (n.a == 0) {
        if (s_->root_type >= 0) rec_type = p_.find_type(ir::Kind::Record, s_->root_type);
      } else {
        rec_type = frame_types_[n.a];
      }
      std::string prefix = frame_paths_[n.a];
      return (prefix.empty() ? "" : prefix + ".") + field_name(rec_type, n.b);
    }
    case ir::Op::Field: return path_of(n.a) + "." + field_name(p_.nodes[n.a].type, n.b);
    case ir::Op::Elem: return frame_paths_[n.a];
    default: return "";
  }
}

// Whether a DateDiff's later end is the same for every record: today, or a date written in the policy.
bool Evaluator::fixed_end(int32_t diff) const {
  const ir::Node& dd = p_.nodes[diff];
  if (dd.op != ir::Op::DateDiff) return false;
  const ir::Op to = p_.nodes[dd.a].op;
  return to == ir::Op::Today || to == ir::Op::Const;
}

void Evaluator::note_missing(int32_t node) {
  if (!collecting_ || !missing_) return;
  std::string p = path_of(node);
  if (!p.empty() && std::find(missing_->begin(), missing_->end(), p) == missing_->end()) missing_->push_back(p);
}

// to - from  OP  d   <=>   compare to with from + d, reversed
Truth Evaluator::elapsed_cmp(const ir::Node& n, const Value& e, const Value& d) {
  if (e.tag != Tag::Elapsed || d.tag != Tag::Dur) return Truth::Unknown;
  auto truth = [](bool x) { return x ? Truth::True : Truth::False; };
  if (fixed_end(n.a)) {
    if (const Bounds* b = bounds_for(e.elapsed.to, d)) {
      const bool before = e.elapsed.from <= b->ends_before, by = e.elapsed.from <= b->ends_by;
      switch (static_cast<ir::CmpOp>(n.aux)) {  // to OP end
        case ir::CmpOp::Eq: return truth(by && !before);
        case ir::CmpOp::Ne: return truth(!(by && !before));
        case ir::CmpOp::Lt: return truth(!by);
        case ir::CmpOp::Le: return truth(!before);
        case ir::CmpOp::Gt: return truth(before);
        case ir::CmpOp::Ge: return truth(by);
      }
    }
  }
  auto end = shift(Date{e.elapsed.from}, d, 1);
  if (!end) return Truth::Unknown;
  return truth(compare(n.aux, e.elapsed.to, end->days));
}

Truth Evaluator::within(const ir::Node& n, const Value& d, const Value& span, const Value& anchor) {
  if (d.tag == Tag::None) return Truth::False;
  if (d.tag != Tag::Date || span.tag != Tag::Dur || anchor.tag != Tag::Date) return Truth::Unknown;
  // Both ends included: [anchor − span, anchor] before, [anchor, anchor + span] after.
  const int32_t at = d.date, from = anchor.date;
  if (n.aux == 0) {
    auto start = shift(Date{from}, span, -1);
    if (!start) return Truth::Unknown;
    return at >= start->days && at <= from ? Truth::True : Truth::False;
  }
  auto end = shift(Date{from}, span, 1);
  if (!end) return Truth::Unknown;
  return at >= from && at <= end->days ? Truth::True : Truth::False;
}

void Evaluator::refresh_windows() {
  for (Window& w : windows_) {
    const ir::Node& n = p_.nodes[w.node];
    const Value& span = p_.consts[p_.nodes[n.b].a];
    auto end = shift(today_, span, n.aux == 0 ? -1 : 1);
    w.known = end.has_value();
    if (end) {
      w.lo = n.aux == 0 ? end->days : today_.days;
      w.hi = n.aux == 0 ? today_.days : end->days;
    }
  }
  windows_fresh_ = true;
}

Value Evaluator::ev(int32_t idx) {
  const ir::Node& n = p_.nodes[idx];
  switch (n.op) {
    case ir::Op::Const: return p_.consts[n.a];
    case ir::Op::Today: return Value::date_of(today_.days);
    case ir::Op::AwardedOn: return awarded_on_ ? Value::date_of(awarded_on_->days) : Value::unknown();
    case ir::Op::Load: {
      const Value& f = frames_[n.a];
      if (f.tag != Tag::Record) return f.tag == Tag::None ? Value::none() : Value::unknown();
      const Value& v = s_->slots[f.rec + n.b];
      if (collecting_ && v.tag == Tag::Unknown) note_missing(idx);
      return v;
    }
    case ir::Op::Field: {
      Value r = ev(n.a);
      if (r.tag != Tag::Record) return r.tag == Tag::None ? Value::none() : Value::unknown();
      const Value& v = s_->slots[r.rec + n.b];
      if (collecting_ && v.tag == Tag::Unknown) note_missing(idx);
      return v;
    }
    case ir::Op::Elem: return frames_[n.a];
    case ir::Op::Judged: return s_->judgements[n.a];
    case ir::Op::Not: return from_truth(t_not(truth_of(ev(n.a))));
    case ir::Op::And: {
      Truth a = truth_of(ev(n.a));
      if (a == Truth::False) return Value::boolean(false);
      Truth b = truth_of(ev(n.b));
      if (b == Truth::False) return Value::boolean(false);
      return from_truth(a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown);
    }
    case ir::Op::Or: {
      Truth a = truth_of(ev(n.a));
      if (a == Truth::True) return Value::boolean(true);
      return from_truth(t_or(a, truth_of(ev(n.b))));
    }
    case ir::Op::If: {
      Truth c = truth_of(ev(n.a));
      if (c == Truth::True) return ev(n.b);
      if (c == Truth::False) return ev(n.c);
      Value a = ev(n.b), b = ev(n.c);
      return (a.known() && b.known() && equal(a, b)) ? a : Value::unknown();
    }
    case ir::Op::Neg: {
      Value a = ev(n.a);
      if (a.tag != Tag::Num) return Value::unknown();
      return Value::number(Decimal{-a.num});
    }
    case ir::Op::Add:
    case ir::Op::Sub:
    case ir::Op::Mul:
    case ir::Op::Div: {
      Value a = ev(n.a), b = ev(n.b);
      if (a.tag != Tag::Num || b.tag != Tag::Num) return Value::unknown();
      std::optional<Decimal> r;
      Decimal x{a.num}, y{b.num};
      if (n.op == ir::Op::Add) r = dec_add(x, y);
      else if (n.op == ir::Op::Sub) r = dec_sub(x, y);
      else if (n.op == ir::Op::Mul) r = dec_mul(x, y);
      else r = dec_div(x, y);
      return r ? Value::number(*r) : Value::unknown();
    }
    case ir::Op::DateAdd:
    case ir::Op::DateSub: {
      Value a = ev(n.a), b = ev(n.b);
      if (a.tag != Tag::Date || b.tag != Tag::Dur) return a.tag == Tag::None ? Value::none() : Value::unknown();
      auto d = shift(Date{a.date}, b, n.op == ir::Op::DateAdd ? 1 : -1);
      return d ? Value::date_of(d->days) : Value::unknown();
    }
    case ir::Op::DateDiff: {
      Value a = ev(n.a), b = ev(n.b);
      if (a.tag != Tag::Date || b.tag != Tag::Date) return Value::unknown();
      Value v;
      v.tag = Tag::Elapsed;
      v.elapsed = {b.date, a.date};
      return v;
    }
    case ir::Op::Cmp: return from_truth(cmp_values(n.aux, ev(n.a), ev(n.b)));
    case ir::Op::CmpElapsed: {
      Value e = ev(n.a), d = ev(n.b);
      return from_truth(elapsed_cmp(n, e, d));
    }
    case ir::Op::Within: {
      Value d = ev(n.a), span = ev(n.b), anchor = ev(n.c);
      return from_truth(within(n, d, span, anchor));
    }
    case ir::Op::IsSet: {
      bool saved = collecting_;
      collecting_ = false;  // asking whether a fact is there does not make it missing
      Value a = ev(n.a);
      collecting_ = saved;
      bool set = a.tag != Tag::Unknown && a.tag != Tag::None;
      return Value::boolean(n.aux ? !set : set);
    }
    case ir::Op::In: {
      Truth t = member(ev(n.a), n.b);
      return from_truth(n.aux ? t_not(t) : t);
    }
    case ir::Op::Overlaps: {
      Value l = ev(n.a);
      if (l.tag != Tag::List) return l.tag == Tag::None ? Value::boolean(false) : Value::unknown();
      Truth acc = Truth::False;
      for (uint32_t i = 0; i < l.list.count; ++i) {
        acc = t_or(acc, member(s_->slots[s_->items[l.list.off + i]], n.b));
        if (acc == Truth::True) break;
      }
      return from_truth(acc);
    }
    case ir::Op::MakeList: return Value::unknown();  // only read through In / Overlaps
    case ir::Op::Any:
    case ir::Op::No:
    case ir::Op::All:
    case ir::Op::Count: {
      Value l = ev(n.a);
      if (l.tag != Tag::List) {
        if (l.tag == Tag::None) {
          if (n.op == ir::Op::Count) return Value::number(Decimal::from_int(0));
          return Value::boolean(n.op != ir::Op::Any);
        }
        return Value::unknown();
      }
      std::string base_path;
      if (collecting_) base_path = path_of(n.a);
      int64_t yes = 0, unknown = 0;
      bool any_false = false;
      for (uint32_t i = 0; i < l.list.count; ++i) {
        frames_[n.c] = s_->slots[s_->items[l.list.off + i]];
        if (collecting_) {
          frame_paths_[n.c] = fmt::format("{}[{}]", base_path, i);
          frame_types_[n.c] = p_.types[p_.nodes[n.a].type].elem;
        }
        Truth r;
        if (n.op == ir::Op::All) {
          Truth f = n.d >= 0 ? truth_of(ev(n.d)) : Truth::True;
          r = f == Truth::False ? Truth::True : t_or(t_not(f), truth_of(ev(n.b)));
          if (r == Truth::False) { any_false = true; break; }
          if (r == Truth::Unknown) ++unknown;
          continue;
        }
        r = n.b >= 0 ? truth_of(ev(n.b)) : Truth::True;
        if (r == Truth::True) {
          ++yes;
          if (n.op != ir::Op::Count) break;
        } else if (r == Truth::Unknown) {
          ++unknown;
        }
      }
      switch (n.op) {
        case ir::Op::Any: return yes ? Value::boolean(true) : unknown ? Value::unknown() : Value::boolean(false);
        case ir::Op::No: return yes ? Value::boolean(false) : unknown ? Value::unknown() : Value::boolean(true);
        case ir::Op::All: return any_false ? Value::boolean(false) : unknown ? Value::unknown() : Value::boolean(true);
        default: {
          if (!unknown) return Value::number(Decimal::from_int(yes));
          Value v;
          v.tag = Tag::NumRange;
          v.range = {Decimal::from_int(yes).v, Decimal::from_int(yes + unknown).v};
          return v;
        }
      }
    }
    case ir::Op::Year: {
      Value d = ev(n.a);
      if (d.tag != Tag::Date) return Value::unknown();
      return Value::number(Decimal::from_int(civil(Date{d.date}).year));
    }
  }
  return Value::unknown();
}

namespace {
const Value kUnknown = Value::unknown();
const Value kNone = Value::none();
}  // namespace

const Value& Evaluator::operand(int32_t idx, Value& tmp) {
  const ir::Node& n = p_.nodes[idx];
  switch (n.op) {
    case ir::Op::Const: return p_.consts[n.a];
    case ir::Op::Today: tmp = Value::date_of(today_.days); return tmp;
    case ir::Op::Load: {
      const Value& f = frames_[n.a];
      if (f.tag == Tag::Record) return s_->slots[f.rec + n.b];
      return f.tag == Tag::None ? kNone : kUnknown;
    }
    case ir::Op::Elem: return frames_[n.a];
    case ir::Op::Judged: return s_->judgements[n.a];
    default: return operand_rest(idx, tmp);
  }
}

// The operands that are not read in place, kept out of operand() so that
// reading a fact stays a few instructions.
const Value& Evaluator::operand_rest(int32_t idx, Value& tmp) {
  const ir::Node& n = p_.nodes[idx];
  if (n.op == ir::Op::Field) {
    Value rt;
    const Value& r = operand(n.a, rt);
    if (r.tag == Tag::Record) return s_->slots[r.rec + n.b];
    return r.tag == Tag::None ? kNone : kUnknown;
  }
  tmp = ev(idx);
  return tmp;
}

// tv() is called for every boolean node, so it is kept small: the cases that
// need temporaries or loops are functions of their own, and tv() pays only for
// what the node in hand needs.
Truth Evaluator::tv(int32_t idx) {
  const ir::Node& n = p_.nodes[idx];
  switch (n.op) {
    case ir::Op::Load: {
      const Value& f = frames_[n.a];
      if (f.tag != Tag::Record) return Truth::Unknown;  // none or unknown: not a truth
      return truth_of(s_->slots[f.rec + n.b]);
    }
    case ir::Op::Const: return truth_of(p_.consts[n.a]);
    case ir::Op::Elem: return truth_of(frames_[n.a]);
    case ir::Op::Judged: return truth_of(s_->judgements[n.a]);
    case ir::Op::Field: {
      Value t;
      return truth_of(operand_rest(idx, t));
    }
    case ir::Op::Not: return t_not(tv(n.a));
    case ir::Op::And: {
      Truth a = tv(n.a);
      if (a == Truth::False) return a;
      Truth b = tv(n.b);
      if (b == Truth::False) return b;
      return a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown;
    }
    case ir::Op::Or: {
      Truth a = tv(n.a);
      if (a == Truth::True) return a;
      return t_or(a, tv(n.b));
    }
    case ir::Op::If: {
      // ev's If keeps a value both branches agree on; as a truth, that is t_if.
      Truth c = tv(n.a);
      if (c == Truth::True) return tv(n.b);
      if (c == Truth::False) return tv(n.c);
      Truth a = tv(n.b), b = tv(n.c);
      return a == b ? a : Truth::Unknown;
    }
    case ir::Op::Cmp: return tv_cmp(n);
    case ir::Op::CmpElapsed: return tv_elapsed(n);
    case ir::Op::Within: {
      if (const int32_t w = window_of_[idx]; w >= 0) return tv_window(w, n);
      return tv_within(n);
    }
    case ir::Op::IsSet:
    case ir::Op::In:
    case ir::Op::Overlaps: return tv_member(n);
    case ir::Op::Any:
    case ir::Op::No:
    case ir::Op::All: return tv_quantifier(n);
    default: return truth_of(ev(idx));
  }
}

Truth Evaluator::tv_cmp(const ir::Node& n) {
  Value ta, tb;
  const Value& a = operand(n.a, ta);
  const Value& b = operand(n.b, tb);
  if (a.tag == b.tag) {  // the usual case, compared here; the rest as cmp_values says
    switch (a.tag) {
      case Tag::Enum: return compare(n.aux, a.ord, b.ord) ? Truth::True : Truth::False;
      case Tag::Date: return compare(n.aux, a.date, b.date) ? Truth::True : Truth::False;
      case Tag::Num: return compare(n.aux, a.num, b.num) ? Truth::True : Truth::False;
      default: break;
    }
  }
  return cmp_values(n.aux, a, b);
}

Truth Evaluator::tv_elapsed(const ir::Node& n) {
  Value te, td;
  const ir::Node& diff = p_.nodes[n.a];
  if (diff.op == ir::Op::DateDiff) {  // the elapsed time, built here rather than by ev
    Value tt, tf;
    const Value& to = operand(diff.a, tt);
    const Value& from = operand(diff.b, tf);
    if (to.tag == Tag::Date && from.tag == Tag::Date) {
      te.tag = Tag::Elapsed;
      te.elapsed = {from.date, to.date};
    }
  } else {
    te = operand(n.a, td);
  }
  const Value& d = operand(n.b, td);
  return elapsed_cmp(n, te, d);
}

// within() for a window found once per reference date.
Truth Evaluator::tv_window(int32_t window, const ir::Node& n) {
  Value td;
  const Value& d = operand(n.a, td);
  if (d.tag == Tag::None) return Truth::False;
  if (!windows_fresh_) refresh_windows();
  const Window& w = windows_[window];
  if (d.tag != Tag::Date || !w.known) return Truth::Unknown;
  return d.date >= w.lo && d.date <= w.hi ? Truth::True : Truth::False;
}

Truth Evaluator::tv_within(const ir::Node& n) {
  Value td, ts, ta;
  const Value& d = operand(n.a, td);
  const Value& span = operand(n.b, ts);
  const Value& anchor = operand(n.c, ta);
  return within(n, d, span, anchor);
}

Truth Evaluator::tv_member(const ir::Node& n) {
  Value t;
  if (n.op == ir::Op::IsSet) {
    const Value& a = operand(n.a, t);
    bool set = a.tag != Tag::Unknown && a.tag != Tag::None;
    return (n.aux ? !set : set) ? Truth::True : Truth::False;
  }
  if (n.op == ir::Op::In) {
    const Value& x = operand(n.a, t);
    Truth r;
    if (const uint64_t set = enum_set_[n.b]) {
      // member() of a list of known members: only another member can equal one
      if (x.tag == Tag::Enum) r = x.ord < 64 && (set >> x.ord & 1) ? Truth::True : Truth::False;
      else r = x.tag == Tag::Unknown ? Truth::Unknown : Truth::False;
    } else {
      r = member(x, n.b);
    }
    return n.aux ? t_not(r) : r;
  }
  // Overlaps
  const Value& l = operand(n.a, t);
  if (l.tag != Tag::List) return l.tag == Tag::None ? Truth::False : Truth::Unknown;
  Truth acc = Truth::False;
  for (uint32_t i = 0; i < l.list.count && acc != Truth::True; ++i)
    acc = t_or(acc, member(s_->slots[s_->items[l.list.off + i]], n.b));
  return acc;
}

Truth Evaluator::tv_quantifier(const ir::Node& n) {
  Value t;
  const Value& l = operand(n.a, t);
  if (l.tag != Tag::List) {
    if (l.tag == Tag::None) return n.op != ir::Op::Any ? Truth::True : Truth::False;
    return Truth::Unknown;
  }
  const uint32_t off = l.list.off, count = l.list.count;
  bool unknown = false;
  for (uint32_t i = 0; i < count; ++i) {
    frames_[n.c] = s_->slots[s_->items[off + i]];
    if (n.op == ir::Op::All) {
      Truth f = n.d >= 0 ? tv(n.d) : Truth::True;
      if (f == Truth::False) continue;
      Truth r = t_or(t_not(f), tv(n.b));
      if (r == Truth::False) return Truth::False;
      if (r == Truth::Unknown) unknown = true;
      continue;
    }
    Truth r = n.b >= 0 ? tv(n.b) : Truth::True;
    if (r == Truth::True) return n.op == ir::Op::Any ? Truth::True : Truth::False;
    if (r == Truth::Unknown) unknown = true;
  }
  if (unknown) return Truth::Unknown;
  return n.op == ir::Op::Any ? Truth::False : Truth::True;
}

template <class TruthOf>
Truth Evaluator::rule_truth(const ir::Rule& r, bool* applies, TruthOf truth) {
  if (applies) *applies = true;
  Truth when = r.when >= 0 ? truth(r.when) : Truth::True;
  if (when == Truth::False) {
    if (applies) *applies = false;
    return Truth::True;
  }
  Truth holds;
  if (r.kind == ir::RuleKind::Judgement) {
    holds = truth_of(s_->judgements[r.judgement]);
  } else {
    // The body, with exceptions applied: the first exception listed wins.
    bool exclude = r.kind == ir::RuleKind::Exclude;
    Truth x = truth(r.body);
    for (auto it = r.exceptions.rbegin(); it != r.exceptions.rend(); ++it) {
      Truth c = truth(it->cond);
      Truth replacement = it->body >= 0 ? truth(it->body) : (exclude ? Truth::False : Truth::True);
      x = t_if(c, replacement, x);
    }
    holds = exclude ? t_not(x) : x;
  }
  return t_or(t_not(when), holds);
}

Truth Evaluator::condition(int32_t node, const FactStore& s) {
  s_ = &s;
  frames_[0] = s.root;
  return truth_of(ev(node));
}

Truth Evaluator::rule_holds(const ir::Rule& r, const FactStore& s, bool* applies) {
  s_ = &s;
  frames_[0] = s.root;
  return rule_truth(r, applies, [this](int32_t n) { return truth_of(ev(n)); });
}

void Evaluator::decide_into(int32_t award, const FactStore& s, AwardOutcome& out) {
  const ir::Award& a = p_.awards[award];
  out.award = award;
  calendar_failure_.reset();
  if (s.root_type < 0) out.subject = Truth::Unknown;
  else out.subject = s.root_type == a.subject ? Truth::True : Truth::False;
  bool any_false = out.subject == Truth::False, any_unknown = out.subject == Truth::Unknown;
  if (out.subject == Truth::True) {
    s_ = &s;
    frames_[0] = s.root;
    const std::vector<Step>& steps = award_steps_[award];
    out.rules.resize(steps.size());  // an outcome reused for the next record keeps its size
    RuleOutcome* ro = out.rules.data();
    for (const Step& st : steps) {
      ro->rule = st.rule;
      ro->applies = true;
      current_rule_ = st.rule;
      Truth t;
      switch (st.kind) {
        case Step::Body: t = tv(st.node); break;
        case Step::NotBody: t = t_not(tv(st.node)); break;
        case Step::Judgement: t = truth_of(s.judgements[st.node]); break;
        default: t = rule_truth(p_.rules[st.rule], &ro->applies, [this](int32_t n) { return tv(n); });
      }
      ro->holds = t;
      any_false |= t == Truth::False;
      any_unknown |= t == Truth::Unknown;
      ++ro;
    }
    current_rule_ = -1;
  } else {
    out.rules.clear();
  }
  out.verdict = any_false ? Verdict::Ineligible : any_unknown ? Verdict::Undetermined : Verdict::Eligible;
}

AwardOutcome Evaluator::decide(int32_t award, const FactStore& s) {
  AwardOutcome out;
  decide_into(award, s, out);
  return out;
}

std::vector<std::string> Evaluator::missing_facts(const ir::Rule& r, const FactStore& s) {
  std::vector<std::string> out;
  if (r.kind == ir::RuleKind::Judgement) return out;
  collecting_ = true;
  missing_ = &out;
  std::fill(frame_paths_.begin(), frame_paths_.end(), std::string());
  rule_holds(r, s);
  collecting_ = false;
  missing_ = nullptr;
  return out;
}

}  // namespace award
