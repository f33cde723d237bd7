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

Truth t_not(Truth t) { return t == Truth::Unknown ? t : (t == Truth::True ? Truth::False : Truth::True); }
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

bool compare(uint8_t op, int64_t a, int64_t b) {
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
  award_rules_.resize(p.awards.size());
  for (size_t i = 0; i < p.rules.size(); ++i)
    for (int32_t a : p.rules[i].awards)
      if (award_rules_[a].empty() || award_rules_[a].back() != static_cast<int32_t>(i))
        award_rules_[a].push_back(static_cast<int32_t>(i));
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
      // to - from  OP  d   <=>   compare to with from + d, reversed
      Value e = ev(n.a), d = ev(n.b);
      if (e.tag != Tag::Elapsed || d.tag != Tag::Dur) return Value::unknown();
      if (fixed_end(n.a)) {
        if (const Bounds* b = bounds_for(e.elapsed.to, d)) {
          const bool before = e.elapsed.from <= b->ends_before, by = e.elapsed.from <= b->ends_by;
          switch (static_cast<ir::CmpOp>(n.aux)) {  // to OP end
            case ir::CmpOp::Eq: return Value::boolean(by && !before);
            case ir::CmpOp::Ne: return Value::boolean(!(by && !before));
            case ir::CmpOp::Lt: return Value::boolean(!by);
            case ir::CmpOp::Le: return Value::boolean(!before);
            case ir::CmpOp::Gt: return Value::boolean(before);
            case ir::CmpOp::Ge: return Value::boolean(by);
          }
        }
      }
      auto end = shift(Date{e.elapsed.from}, d, 1);
      if (!end) return Value::unknown();
      return Value::boolean(compare(n.aux, e.elapsed.to, end->days));
    }
    case ir::Op::Within: {
      Value d = ev(n.a), span = ev(n.b), anchor = ev(n.c);
      if (d.tag == Tag::None) return Value::boolean(false);
      if (d.tag != Tag::Date || span.tag != Tag::Dur || anchor.tag != Tag::Date) return Value::unknown();
      // Both ends included: [anchor − span, anchor] before, [anchor, anchor + span] after.
      if (n.aux == 0) {
        auto start = shift(Date{anchor.date}, span, -1);
        if (!start) return Value::unknown();
        return Value::boolean(d.date >= start->days && d.date <= anchor.date);
      }
      auto end = shift(Date{anchor.date}, span, 1);
      if (!end) return Value::unknown();
      return Value::boolean(d.date >= anchor.date && d.date <= end->days);
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
      const ir::Node& ln = p_.nodes[n.a];
      (void)ln;
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

Truth Evaluator::condition(int32_t node, const FactStore& s) {
  s_ = &s;
  frames_[0] = s.root;
  return truth_of(ev(node));
}

Truth Evaluator::rule_holds(const ir::Rule& r, const FactStore& s, bool* applies) {
  s_ = &s;
  frames_[0] = s.root;
  if (applies) *applies = true;
  Truth when = r.when >= 0 ? truth_of(ev(r.when)) : Truth::True;
  if (when == Truth::False) {
    if (applies) *applies = false;
    return Truth::True;
  }
  Truth holds;
  if (r.kind == ir::RuleKind::Judgement) {
    holds = truth_of(s.judgements[r.judgement]);
  } else {
    // The body, with exceptions applied: the first exception listed wins.
    bool exclude = r.kind == ir::RuleKind::Exclude;
    Truth x = truth_of(ev(r.body));
    for (auto it = r.exceptions.rbegin(); it != r.exceptions.rend(); ++it) {
      Truth c = truth_of(ev(it->cond));
      Truth replacement = it->body >= 0 ? truth_of(ev(it->body)) : (exclude ? Truth::False : Truth::True);
      x = t_if(c, replacement, x);
    }
    holds = exclude ? t_not(x) : x;
  }
  return t_or(t_not(when), holds);
}

void Evaluator::decide_into(int32_t award, const FactStore& s, AwardOutcome& out) {
  const ir::Award& a = p_.awards[award];
  out.award = award;
  out.rules.clear();
  calendar_failure_.reset();
  if (s.root_type < 0) out.subject = Truth::Unknown;
  else out.subject = s.root_type == a.subject ? Truth::True : Truth::False;
  bool any_false = out.subject == Truth::False, any_unknown = out.subject == Truth::Unknown;
  if (out.subject == Truth::True) {
    for (int32_t i : award_rules_[award]) {
      const ir::Rule& r = p_.rules[i];
      RuleOutcome ro;
      ro.rule = i;
      current_rule_ = ro.rule;
      ro.holds = rule_holds(r, s, &ro.applies);
      current_rule_ = -1;
      if (ro.holds == Truth::False) any_false = true;
      else if (ro.holds == Truth::Unknown) any_unknown = true;
      out.rules.push_back(ro);
    }
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
