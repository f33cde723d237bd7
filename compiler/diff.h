// What changed between two policies, in provisions: metadata, awards, rules,
// judgements, exceptions, revocations, deadlines, retention and bonuses, each
// change naming its article item on both sides. Articles are matched by their
// text first, so a renumbered article is reported as moved.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.h"

namespace award {

struct Change {
  std::string category;   // metadata, award, bonus, requirement, exclusion, judgement, revocation, deadline, retention, article
  std::string action;     // added, removed, changed, moved
  std::string summary;    // one line for people
  std::string old_ref, new_ref;
  std::string old_text, new_text;  // the provision as written canonically
  std::string detail;     // a text diff of an article's wording, or the changed values
  bool can_change_verdict = false;
  int32_t old_rule = -1, new_rule = -1;  // for rule changes
  std::vector<std::string> awards;       // award ids the change concerns
  int32_t order = 0;                     // where it stands in the policies, for sorting
};

struct PolicyDiff {
  std::vector<Change> changes;  // sorted, stable
  bool verdict_relevant() const;
};

PolicyDiff diff_policies(const ir::Policy& old_p, const ir::Policy& new_p);

// A character-level diff of two texts: unchanged runs kept, removed runs as
// [-…-], added runs as {+…+}.
std::string text_diff(const std::string& a, const std::string& b);

}  // namespace award
