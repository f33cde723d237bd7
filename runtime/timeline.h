// The dates a policy's time provisions give: procedure deadlines from a start,
// and, from an award date, the revocation windows, the first day a winner may
// apply again, the end of record retention (`award timeline`); and whether a
// winner's award is revoked, with its consequences (`award status`).
//
// The rules (docs/language.md, "Time"):
// - A period counts from the day after its start (民法典 第二百零一条): N days,
//   months or years after D end on D + N; N working days after D end on the
//   N-th working day after D.
// - A period for someone to act (`deadline`) whose last day is a rest day or a
//   holiday ends on the next working day (第二百零三条); the IR says so per
//   deadline (ir::PeriodEnd). Windows over facts (近3年, 获奖两年内), bans and
//   retention end on the counted day, worked or not.
// - A ban counts from the day revocation is decided, which `award status` takes
//   to be its reference date: barred through decided + N, applying again from
//   the day after.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.h"
#include "runtime/calendar.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/messages.h"

namespace award {

// start + period (第二百零一条), then moved to a working day when `end` says so.
cal::Result<Date> period_end(Date start, const ir::Duration& d, ir::PeriodEnd end, const cal::Calendar& c);

std::string duration_text(const ir::Duration& d);  // "7 days", "5 working days", "2 years"

struct DatedDeadline {
  int32_t deadline = -1;              // index in Policy::deadlines
  Date counted{};                     // start + period
  Date due{};                         // the last day, after 第二百零三条 where it applies
  std::optional<std::string> moved_over;  // why `due` differs: the holiday, or "休息日"
};

// Every deadline of the policy dated from `start`, in policy order.
cal::Result<std::vector<DatedDeadline>> date_deadlines(const ir::Policy& p, Date start, const cal::Calendar& c);

// The last day of a revocation's window after an award on `awarded_on`: the
// latest `within N after awarded_on` of its condition; nullopt when the
// condition also reads `awarded_on` another way (`date >= awarded_on`), so the
// window has no end.
std::optional<Date> revocation_window_end(const ir::Policy& p, const ir::Revocation& r, Date awarded_on);

// The first day, after an award on `awarded_on`, on which no eligibility rule
// of the award that reads award_history or award_fraud fails for a record
// whose history holds only that award. Derived from the policy's own rules, so
// the numbers live in one place.
struct Reapply {
  std::vector<int32_t> rules;   // the rules read (about award_history / award_fraud)
  std::vector<int32_t> barring; // those that fail on the day after the award
  std::optional<Date> first_day;  // nullopt: still barred after 100 years
  std::optional<CalendarFailure> calendar_failure;
};
Reapply first_application_day(const ir::Policy& p, int32_t award, Date awarded_on, const cal::Calendar& c);

// --- award status -------------------------------------------------------------

struct RevocationOutcome {
  int32_t revocation = -1;
  Truth applies = Truth::Unknown;
  std::vector<std::string> missing;  // facts whose absence leaves it unknown
};

struct BonusOwed {
  bool declared = false;               // the policy has a `bonus` for the award
  std::optional<Decimal> amount;       // what was paid, so what is recovered; nullopt unknown
  std::string ref;
  Said note;                           // why it is unknown, or why it is 0 (English in JSON)
};

struct Ban {
  ir::Duration duration;
  Date decided{};      // the day revocation is decided (the reference date)
  Date until{};        // the last barred day: decided + duration
  Date again{};        // the first day an application is accepted
};

struct AwardStatus {
  int32_t award = -1;
  Date awarded_on{};
  Date on{};
  std::vector<RevocationOutcome> revocations;  // those covering the award
  Truth revoked = Truth::False;  // any applies: true; all false: false; else unknown
  // The consequences of the revocations that apply (or, while `revoked` is
  // unknown, of those that may): each named once.
  std::vector<std::string> consequences;
  std::vector<std::string> articles;  // refs of the revocations behind them
  BonusOwed bonus;                    // filled when recover_bonus is among them
  std::optional<Ban> ban;             // the longest ban among them
  std::optional<CalendarFailure> calendar_failure;
};

// `history` is the winner's award_history as given (nullopt when absent): the
// policy may not read it, but first_time_only needs it.
struct HistoryEntry {
  std::string title;
  std::optional<Date> awarded_on;
  bool revoked = false;
};

AwardStatus award_status(const ir::Policy& p, Evaluator& ev, const FactStore& s, int32_t award, Date awarded_on,
                         Date on, const std::optional<std::vector<HistoryEntry>>& history);

// The name award_history records the award by: its `name`, else its title.
const std::string& history_title(const ir::Award& a);

}  // namespace award
