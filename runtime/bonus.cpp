#include "runtime/bonus.h"

#include <algorithm>

namespace award {

BonusDecision decide_bonus(const ir::Policy& p, int32_t award, std::span<const Truth> when, bool history_given,
                           const std::function<Earlier()>& earlier) {
  BonusDecision d;
  bool declared = false;
  for (size_t bi = 0; bi < p.bonuses.size(); ++bi) {
    const ir::Bonus& b = p.bonuses[bi];
    if (b.award != award) continue;
    declared = true;
    Truth w = bi < when.size() ? when[bi] : Truth::Unknown;
    if (w == Truth::False) continue;
    d.bonus = static_cast<int32_t>(bi);
    if (w == Truth::Unknown) {
      d.why = BonusDecision::Why::WhenUnknown;
    } else if (!b.fixed) {
      d.why = BonusDecision::Why::Unfixed;
    } else if (std::find(b.flags.begin(), b.flags.end(), "first_time_only") == b.flags.end()) {
      d.why = BonusDecision::Why::Paid;
      d.amount = b.amount;
    } else if (!history_given) {
      d.why = BonusDecision::Why::NoHistory;
    } else {
      switch (earlier()) {
        case Earlier::No: d.why = BonusDecision::Why::Paid; d.amount = b.amount; break;
        case Earlier::Yes: d.why = BonusDecision::Why::NotFirst; d.amount = Decimal{}; break;
        case Earlier::Unsure: d.why = BonusDecision::Why::FirstUnsure; break;
      }
    }
    return d;
  }
  if (declared) {
    d.why = BonusDecision::Why::NoneApplies;
    d.amount = Decimal{};
  }
  return d;
}

}  // namespace award
