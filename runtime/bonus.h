// Which of an award's `bonus` provisions a winner is owed, decided once for
// `award rank` (the money of this cycle's winners) and `award status` (the
// money a revocation recovers), so that the two never disagree.
//
// The measure's order decides: the first `bonus` of the award whose `when`
// holds is the one paid. One whose `when` is unknown before it leaves the
// amount unknown (a later bonus is not claimed in its place). A bonus paid
// only on a first award (`first_time_only`, 首次获得) asks the caller whether
// an earlier award of the same name stands, since rank judges "earlier" by
// the cycle and status by the award date.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "compiler/ir.h"
#include "runtime/decimal.h"
#include "runtime/value.h"

namespace award {

enum class Earlier : uint8_t { No, Yes, Unsure };

struct BonusDecision {
  enum class Why : uint8_t {
    Paid,          // `amount` is the bonus's amount
    Unfixed,       // owed, and the measure fixes no amount (its words are the bonus's note)
    WhenUnknown,   // a bonus's condition depends on facts not given
    NoHistory,     // first award only, and award_history is not given
    NotFirst,      // first award only, and an earlier award stands: 0
    FirstUnsure,   // first award only, and whether an earlier one stands is unknown
    NoneApplies,   // bonuses are declared, none applies: 0
    NoneDeclared,  // the policy declares no bonus for the award
  };
  Why why = Why::NoneDeclared;
  int32_t bonus = -1;             // index in Policy::bonuses of the deciding one; -1 for the last two
  std::optional<Decimal> amount;  // Paid: its amount; NotFirst, NoneApplies: 0; otherwise none
};

// `when` holds, per Policy::bonuses, each bonus's condition for this winner
// (bonus_conditions in runtime/rank.h). `earlier` is asked only for a
// first-award-only bonus when a history is given.
BonusDecision decide_bonus(const ir::Policy& p, int32_t award, std::span<const Truth> when, bool history_given,
                           const std::function<Earlier()>& earlier);

}  // namespace award
