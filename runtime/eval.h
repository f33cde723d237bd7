// Three-valued evaluation of a compiled policy against one applicant.
//
// An absent fact is Unknown, never false: `false and unknown` is false,
// `true or unknown` is true, and a rule whose truth depends on an absent fact
// is Unknown. A verdict is `ineligible` when any rule is false (even while
// judgements are owed), `undetermined` when none is false but some are
// unknown, and `eligible` when every rule holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.h"
#include "runtime/date.h"
#include "runtime/facts.h"

namespace award {

namespace cal {
class Calendar;
}

enum class Verdict : uint8_t { Eligible, Ineligible, Undetermined };
const char* verdict_name(Verdict v);
const char* truth_json(Truth t);  // "true" / "false" / "null"

struct RuleOutcome {
  int32_t rule = -1;
  Truth holds = Truth::Unknown;
  bool applies = true;  // false when its `when` condition is false
};

struct AwardOutcome {
  int32_t award = -1;
  Verdict verdict = Verdict::Undetermined;
  Truth subject = Truth::Unknown;     // the applicant is of the award's kind
  std::vector<RuleOutcome> rules;     // every rule of the award, in policy order
};

// A working-day count the calendar could not make: the date falls in a year the
// calendar has no data for. The value it fed is Unknown, but an Unknown made
// by missing calendar data is not a missing fact, so callers report it.
struct CalendarFailure {
  int32_t rule = -1;  // the rule being decided, or -1 (a revocation, a bonus)
  int year = 0;
  Said message;  // names the year and the calendar lacking it
};

class Evaluator {
 public:
  explicit Evaluator(const ir::Policy& p);

  void set_reference_date(Date d) {
    today_ = d;
    windows_fresh_ = false;
  }
  void set_award_date(std::optional<Date> d) { awarded_on_ = d; }
  void set_calendar(const cal::Calendar* c) {
    calendar_ = c;
    windows_fresh_ = false;
    for (auto& s : shifts_) s = Shift();  // working-day shifts depend on the calendar
  }
  Date reference_date() const { return today_; }

  // The first calendar failure since the last decide_into / clear; none while
  // every working-day count found its year.
  const std::optional<CalendarFailure>& calendar_failure() const { return calendar_failure_; }
  void clear_calendar_failure() { calendar_failure_.reset(); }

  // Decides one award. The batch path: no strings, no allocation once warm.
  AwardOutcome decide(int32_t award, const FactStore& s);
  // The same, into an existing outcome (reused across records).
  void decide_into(int32_t award, const FactStore& s, AwardOutcome& out);

  // A rule's truth through the general evaluator, which `decide` does not use:
  // it builds a Value for every node and can collect missing facts. The
  // explanations (status, timeline, missing facts) read it; tests hold the
  // truth-only path of `decide` to it.
  Truth rule_holds(const ir::Rule& r, const FactStore& s, bool* applies = nullptr);
  Truth condition(int32_t node, const FactStore& s);

  // The fact paths that were absent while evaluating a rule (only called for
  // rules that came out Unknown): incidents[2].date, registered_on, …
  std::vector<std::string> missing_facts(const ir::Rule& r, const FactStore& s);

 private:
  Value ev(int32_t n);
  // The truth-only path of `decide`: the truth of a node without building a
  // Value for it (one byte returned, not 24), reading facts where they lie.
  // Never used while collecting missing facts. Equal, node for node, to
  // truth_of(ev(n)).
  Truth tv(int32_t n);
  Truth tv_cmp(const ir::Node& n);
  Truth tv_elapsed(const ir::Node& n);
  Truth tv_window(int32_t window, const ir::Node& n);
  Truth tv_within(const ir::Node& n);
  Truth tv_member(const ir::Node& n);      // is set, in, overlaps
  Truth tv_quantifier(const ir::Node& n);  // any, no, all
  // A node's value, read in place when it is a constant, a fact or an element;
  // otherwise evaluated into `tmp`.
  inline const Value& operand(int32_t n, Value& tmp);
  const Value& operand_rest(int32_t n, Value& tmp);
  // A rule's truth, its `when` and exceptions applied, with `truth` evaluating
  // each node (the general path or tv).
  template <class TruthOf>
  Truth rule_truth(const ir::Rule& r, bool* applies, TruthOf truth);
  // The parts of a node both paths share.
  Truth elapsed_cmp(const ir::Node& n, const Value& e, const Value& d);
  void refresh_windows();
  Truth within(const ir::Node& n, const Value& d, const Value& span, const Value& anchor);
  Truth cmp_values(uint8_t op, const Value& a, const Value& b);
  bool equal(const Value& a, const Value& b);
  Truth member(const Value& x, int32_t list_node);
  std::optional<Date> shift(Date d, const Value& dur, int sign);
  std::string path_of(int32_t node);
  void note_missing(int32_t node);

  const ir::Policy& p_;
  // Per award, its rules in policy order, as decide walks them. A plain step
  // (no `when`, no exceptions) is a judgement or a body, negated for an
  // exclusion; any other is decided by rule_truth.
  struct Step {
    int32_t rule = -1;
    int32_t node = -1;  // the body, or the judgement for a judgement rule
    enum Kind : uint8_t { Body, NotBody, Judgement, Full } kind = Full;
  };
  std::vector<std::vector<Step>> award_steps_;
  // `date within 3 years before today`: the window's ends are the same for
  // every record on one reference date, so the truth-only path finds them once.
  // Per node, the index of its window, or -1 (a span in working days, an
  // anchor other than today: evaluated as written).
  std::vector<int32_t> window_of_;
  struct Window {
    int32_t node = -1;
    bool known = false;  // false: the span could not be counted (left Unknown)
    int32_t lo = 0, hi = 0;
  };
  std::vector<Window> windows_;
  bool windows_fresh_ = false;
  // `level in {national, provincial, city}`: a list written in the policy whose
  // elements are all members of one enumeration (ordinal < 64), as a bit set,
  // per MakeList node; 0 for any other list (tested element by element).
  std::vector<uint64_t> enum_set_;
  const FactStore* s_ = nullptr;
  Date today_{};
  std::optional<Date> awarded_on_;
  const cal::Calendar* calendar_ = nullptr;
  int32_t current_rule_ = -1;
  std::optional<CalendarFailure> calendar_failure_;
  std::vector<Value> frames_;
  // The last few shifts of a date by a span: a window such as `within 3 years
  // before today` shifts the same date for every element of every list.
  struct Shift {
    int32_t from = 0;
    int64_t n = 0;
    uint8_t unit = 0xff;  // 0xff: empty
    std::optional<Date> result;
  };
  Shift shifts_[4];
  // `to - from OP period` with `to` the same for every record (today): adding a
  // period of days, months or years never moves a later date before an earlier
  // one, so the `from` dates whose end (from + period) falls before `to` are
  // exactly those up to one date, and those whose end falls on or before it up
  // to another. Found once per (to, period), then each record is a comparison.
  struct Bounds {
    int32_t to = 0;
    int64_t n = 0;
    uint8_t unit = 0xff;  // 0xff: empty
    int32_t ends_before = 0;    // the last `from` with from + period < to
    int32_t ends_by = 0;        // the last `from` with from + period <= to
  };
  Bounds bounds_[2];
  const Bounds* bounds_for(int32_t to, const Value& period);
  bool fixed_end(int32_t diff) const;
  // only while collecting missing facts
  bool collecting_ = false;
  std::vector<std::string> frame_paths_;
  std::vector<ir::TypeId> frame_types_;
  std::vector<std::string>* missing_ = nullptr;
};

}  // namespace award
