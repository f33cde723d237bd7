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
//
// Scoring changes are witnessed by ranking: a record eligible under both
// policies, given scores taken from the constants of both (the minimums, the
// maximum, a grid of its hundredths), ranked alone — or, for the on-site cap,
// with as many others with a better material score as the smaller cap has
// places, or for repeat winners with an earlier win of the award — until its
// outcome differs.
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

// A witness for a scoring change (weights, minimum, on-site cap): an applicant
// record, eligible under both policies, whose outcome in `award rank` differs:
// it is ranked (runtime/rank) under both before it is returned.
struct RankingWitness {
  std::string award;
  std::string record_json;             // the applicant the outcomes are about
  // English in JSON, the reader's language in text:
  Said old_outcome, new_outcome;       // "wins …", "does not win: below the minimum total 610 (四（二）) …", …
  Said others;                         // the other applicants ranked with it, described; empty when alone
  std::vector<std::string> others_json;  // their records
  size_t rankings = 0;                 // how many rankings the search ran
};

class WitnessSearch {
 public:
  WitnessSearch(const ir::Policy& old_p, const ir::Policy& new_p, Date on);
  ~WitnessSearch();
  std::optional<Witness> find(const Change& c);

  // A witness for a change of category scoring; nullopt with `why` saying why
  // none is given (a kind of change this search does not witness, or none found).
  std::optional<RankingWitness> find_ranking(const Change& c, Said& why);

  // The outcomes (wins, is nominated, tied, does not win) of the first record
  // for one award when the records are ranked under each policy; nullopt when
  // a record cannot be read.
  std::optional<std::pair<std::string, std::string>> ranked(const std::vector<std::string>& records_json,
                                                            const std::string& award);

  // The verdicts of one record (JSON) for one award under both policies;
  // nullopt when the record cannot be read.
  std::optional<std::pair<Verdict, Verdict>> verdicts(const std::string& record_json, const std::string& award);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace award
