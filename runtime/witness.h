// Witnesses for a policy diff: a concrete applicant record, in the shared
// vocabulary, whose verdict differs between the old and the new policy.
//
// The search is systematic, over values taken from the two policies
// themselves: every constant a rule compares a fact with, and the dates that
// put each period on its boundary (the day before, of and after). A record is
// first built so that as many rules of both policies hold as possible, then
// the facts the changed rule reads are varied, alone and in pairs, until the
// verdicts differ. Every witness is evaluated under both policies before it is
// returned; a change for which none is found is reported as such.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diff.h"
#include "compiler/ir.h"
#include "runtime/date.h"
#include "runtime/eval.h"

namespace award {

struct Witness {
  std::string award;
  std::string record_json;
  Verdict old_verdict = Verdict::Undetermined;
  Verdict new_verdict = Verdict::Undetermined;
  size_t evaluations = 0;  // how many records the search evaluated
};

class WitnessSearch {
 public:
  WitnessSearch(const ir::Policy& old_p, const ir::Policy& new_p, Date on);
  ~WitnessSearch();
  std::optional<Witness> find(const Change& c);

  // The verdicts of one record (JSON) for one award under both policies;
  // nullopt when the record cannot be read.
  std::optional<std::pair<Verdict, Verdict>> verdicts(const std::string& record_json, const std::string& award);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace award
