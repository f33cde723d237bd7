// Ranking a cycle's applicants (`award rank`): after eligibility, who wins each
// award, who is nominated, who is tied for the committee to decide, why every
// other applicant does not win, and the money that follows.
//
// Per award, in declaration order (docs/language.md, "Scoring and ranking"):
//  1. the applicant applies for it (`applying_for`; absent: every award) and is
//     of its kind; an applicant that won an earlier award of the measure in
//     this cycle is not considered again (one award per measure and cycle);
//  2. the verdict: ineligible (with the deciding articles) or undetermined
//     (with what is missing: not ranked until decided) do not rank;
//  3. a score: the weighted total (`score`), else `scores.total`;
//  4. on-site review (`shortlist`): the N best material scores among the
//     shortlist's awards together;
//  5. the minimum total (`minimum`; 不得低于 includes the number);
//  6. totals in descending order, within the quota. Repeat winners (`repeat …
//     then outside_quota`) win outside it.
// A tie at the quota's or the shortlist's boundary is never broken: the tied
// applicants are reported, and the places they contest stay open.
//
// No CLI knowledge here: the caller decides verdicts and evaluates the bonuses'
// `when` (bonus_conditions); rank() only orders and counts, exactly
// (runtime/decimal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.h"
#include "runtime/date.h"
#include "runtime/eval.h"
#include "runtime/messages.h"
#include "runtime/timeline.h"

namespace award {


// One applicant, as the caller read and evaluated it.
struct RankApplicant {
  std::string id;
  std::string name;
  // Per award (index as in Policy::awards).
  struct Candidacy {
    bool kind_matches = true;            // the applicant is of the award's kind
    Verdict verdict = Verdict::Undetermined;
    std::vector<std::string> refs;       // deciding articles (ineligible / undetermined)
    std::vector<std::string> missing;    // facts missing and judgements owed, for undetermined
    std::vector<std::string> missing_zh; // the same named in Chinese (fact_name); empty: as `missing`
  };
  std::vector<Candidacy> awards;
  std::optional<std::vector<std::string>> applying_for;  // nullopt: every award
  std::optional<Decimal> material, site, total;
  std::optional<std::vector<HistoryEntry>> history;       // nullopt: award_history not given
  std::vector<Truth> bonus_when;  // per Policy::bonuses: its `when` for this applicant (True when it has none)
};

struct RankBonus {
  std::optional<Decimal> amount;  // nullopt: owed but not fixed (`unfixed`), or unknown (see note)
  bool unfixed = false;           // owed, and the measure fixes no amount (按市对区现行财政体制)
  std::string ref;                // the article that decides it
  Said note;                      // why it is 0, not fixed, or unknown (English in JSON and CSV)
};

struct RankWinner {
  size_t applicant = 0;
  Decimal score;
  bool repeat = false;            // a repeat winner outside the quota
  RankBonus bonus;
};

struct RankOther {
  size_t applicant = 0;
  Said reason;                    // English in JSON and CSV, the language in text
  std::string ref;                // "" when no article says it
  std::optional<Decimal> score;
};

struct RankTie {
  std::vector<size_t> applicants;  // in input order
  int32_t places = 0;              // the places they contest, left open
  Decimal score;                   // the tied total (or material score at the shortlist)
  bool shortlist = false;          // at the on-site review cap, not the quota
  std::string ref;
};

struct AwardRanking {
  int32_t award = -1;
  std::vector<RankWinner> winners;   // by total, descending; repeat winners last
  std::vector<size_t> nominees;      // winners of this award's nomination award
  std::vector<RankTie> ties;
  std::vector<RankOther> others;
  int32_t open_places = -1;          // quota places not filled (vacant or tied); -1: no quota
};

// The money of 六（二）: an award of another level won in the cycle.
struct OtherBonus {
  size_t applicant = 0;
  int32_t bonus = -1;                // index in Policy::bonuses
  RankBonus money;
};

struct Ranking {
  int cycle = 0;
  std::vector<AwardRanking> awards;  // in declaration order
  std::vector<OtherBonus> other_bonuses;
  Decimal bonus_total;               // the fixed amounts
  bool total_incomplete = false;     // some amounts are not fixed or unknown: listed, not summed
};

// The nomination award of `award`: the one whose official name is the award's
// followed by 提名奖 (大庆市政府质量奖 → 大庆市政府质量奖提名奖), for the same kind
// of applicant (如皋 gives its individual award the organisations' name); -1
// when none.
int32_t nomination_of(const ir::Policy& p, int32_t award);

Ranking rank(const ir::Policy& p, const std::vector<RankApplicant>& applicants, int cycle);

// RankApplicant::bonus_when for one record: each bonus's `when`, True when it
// has none, False when the bonus is for the other kind of applicant.
std::vector<Truth> bonus_conditions(const ir::Policy& p, Evaluator& ev, const FactStore& s);

}  // namespace award
