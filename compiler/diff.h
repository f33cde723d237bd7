// What changed between two policies, in provisions: metadata, awards, rules,
// judgements, exceptions, revocations, deadlines, retention, bonuses and the
// scoring provisions of `award rank`, each
// change naming its article item on both sides. Articles are matched by their
// text first, so a renumbered article is reported as moved.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.h"
#include "runtime/messages.h"

namespace award {

struct Change {
  std::string category;   // metadata, award, bonus, requirement, exclusion, judgement, revocation, deadline, retention, scoring, article
  std::string action;     // added, removed, changed, moved
  Said summary;           // one line for people: English in JSON, the reader's language in text
  std::string old_ref, new_ref;
  std::string old_text, new_text;  // the provision as written canonically
  std::string detail;     // a text diff of an article's wording, or the changed values
  bool can_change_verdict = false;
  int32_t old_rule = -1, new_rule = -1;  // for rule changes
  std::vector<std::string> awards{};     // award ids the change concerns
  int32_t order = 0;                     // where it stands in the policies, for sorting
  // Scoring provisions (weights, minimums, the on-site cap, quotas, repeat
  // winners) decide who wins among the eligible, not who is eligible: such a
  // change leaves can_change_verdict false and sets can_change_ranking.
  bool can_change_ranking = false;
  std::string provision{};  // for category scoring: scheme, weights, minimum, shortlist, repeat, other_bonus
};

struct PolicyDiff {
  std::vector<Change> changes;  // sorted, stable
  bool verdict_relevant() const;
  bool ranking_relevant() const;  // some change can change who wins (see Change::can_change_ranking)
};

PolicyDiff diff_policies(const ir::Policy& old_p, const ir::Policy& new_p);

// A character-level diff of two texts: unchanged runs kept, removed runs as
// [-…-], added runs as {+…+}.
std::string text_diff(const std::string& a, const std::string& b);

}  // namespace award
