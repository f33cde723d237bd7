// The intermediate representation a policy compiles to, and the runtime reads.
//
// Flat and resolved: every fact a policy reads is a slot in a record layout,
// every expression is a node in one array (children by index), every rule
// knows its article item, its awards and the fact paths it reads. Nothing
// here refers back to the syntax tree; `award compile --emit ir` prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/decimal.h"
#include "runtime/value.h"

namespace award::ir {

using TypeId = int32_t;

enum class Kind : uint8_t { Error, Bool, Number, Money, Text, Date, Duration, Elapsed, Enum, Record, List };

struct TypeInfo {
  Kind kind = Kind::Error;
  int32_t ref = -1;   // Enum: enum index; Record: record index
  TypeId elem = -1;   // List: element type
};

struct EnumType {
  std::string name;
  std::string title;
  bool ordered = false;
  std::vector<std::string> members;
  std::vector<std::string> member_titles;
};

struct Field {
  std::string name;
  TypeId type = -1;
  bool optional = false;  // absent means "none", not "unknown"
  std::string title;
  int32_t slot = -1;      // -1: the policy never reads it, so loading skips it
  // Declared bounds (`in 0..1000`): a record whose value lies outside is bad input.
  std::optional<Decimal> lo, hi;
};

struct RecordType {
  std::string name;
  std::string title;
  std::vector<Field> fields;
  int32_t slot_count = 0;
  std::vector<int32_t> slot_field;  // slot -> index in fields
};

struct Loc {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

enum class Op : uint8_t {
  Const,        // consts[a]
  Today,        // the reference date
  AwardedOn,    // the award date, in revocation conditions
  Load,         // frame a (0 = applicant, k = k-th enclosing quantifier's element), slot b
  Field,        // record node a, slot b
  Elem,         // the element of frame a itself (lists of scalars)
  Judged,       // judgement a, as recorded
  Not, And, Or, If,
  Neg, Add, Sub, Mul, Div,         // numbers and money
  DateAdd, DateSub,                // date ± duration (a, b)
  DateDiff,                        // date - date -> elapsed
  Cmp,          // aux = CmpOp, over two values of one comparable kind
  CmpElapsed,   // elapsed (a) aux-compared with a duration (b)
  Within,       // date a within duration b before (aux=0) / after (aux=1) date c
  IsSet,        // a is set (aux=1: negated)
  In,           // a in list b (aux=1: negated)
  Overlaps,     // list a shares an element with list b
  MakeList,     // elements a .. a+b-1 of `lists`
  Any, No, All, Count,  // list a, frame depth c, filter d (-1), cond b (-1)
  Year,         // year(date a)
};

enum class CmpOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

struct Node {
  Op op;
  uint8_t aux = 0;
  TypeId type = -1;
  int32_t a = -1, b = -1, c = -1, d = -1;
  uint32_t src_begin = 0, src_end = 0;  // byte range in the policy file
};

enum class RuleKind : uint8_t { Require, Exclude, Judgement, Subject };
// The kind's name in the IR's JSON and in `award eval --format json`.
inline const char* rule_kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::Require: return "require";
    case RuleKind::Exclude: return "exclude";
    case RuleKind::Judgement: return "judgement";
    case RuleKind::Subject: return "subject";
  }
  return "?";
}

struct Exception {
  int32_t cond = -1;
  int32_t body = -1;  // -1: the rule does not apply while cond holds
};

struct Rule {
  RuleKind kind = RuleKind::Require;
  int32_t article = -1;
  int32_t item = -1;        // -1: directly in the article
  std::string ref;          // 第十条（一）
  int32_t body = -1;        // node; for Judgement: -1
  int32_t when = -1;        // node or -1
  std::vector<Exception> exceptions;
  int32_t judgement = -1;   // for Judgement
  std::vector<int32_t> awards;
  int32_t subject = -1;     // the record type the rule reads (organization / individual)
  std::string source;       // the rule as written
  std::vector<std::string> reads;  // fact paths, e.g. "incidents[].date"
  Loc loc;
};

struct Judgement {
  std::string id;
  std::string text;
  std::string ref;
  int32_t rule = -1;
  Loc loc;
};

struct Item {
  std::string label;   // （一）
  std::string ref;     // 第十条（一）
  std::string text;
  int32_t parent = -1; // enclosing item, or -1
  std::vector<int32_t> rules;
  Loc loc;
};

struct Article {
  std::string label;
  std::string text;
  std::vector<Item> items;
  std::vector<int32_t> rules;  // every rule in the article, items included
  bool carries_rules = false;  // any rule, award, bonus, revocation, deadline or retention
  Loc loc;
};

struct Duration {
  int64_t amount = 0;
  Unit unit = Unit::Days;
};

struct Award {
  std::string id;
  std::string title;
  std::string official_name;  // as written in award_history titles
  int32_t subject = -1;       // record type
  std::string subject_name;   // organization | individual
  int32_t cycle_years = 0;
  int32_t quota = -1;         // at most N per cycle; -1: no quota
  bool may_be_vacant = true;
  std::string ref;
  Loc loc;
};

struct Bonus {
  int32_t award = -1;         // -1: an award of another level, named by `title`
  std::string title;          // that award's official name, as award_history records it
  Decimal amount;
  bool fixed = true;          // false: the measure names no amount (按市对区现行财政体制); see `note`
  std::string note;           // the measure's words for an amount it does not fix
  std::vector<std::string> flags;  // first_time_only, …
  int32_t when = -1;
  std::string ref;
  Loc loc;
};

// --- Scoring and ranking (`award rank`) ----------------------------------------

// A scoring scheme from stdlib/ (`scoring gbt19580`): its categories with their
// maxima, which add up to the scheme's total.
struct ScoreCategory {
  std::string name;    // leadership
  std::string title;   // 4.1 领导
  Decimal max;
};

struct ScoringScheme {
  std::string id;      // gbt19580
  std::string title;   // GB/T 19580-2012 卓越绩效评价准则
  std::vector<ScoreCategory> categories;
  Decimal max;         // the total's maximum: the sum of the categories' maxima
  std::string ref;     // the article that chooses it
  Loc loc;
};

// `score quality, nomination: material 30% + site 70%`: the total of the
// awards' applicants, as fractions (0.3, 0.7) that add up to 1.
struct Weighting {
  std::vector<int32_t> awards;
  Decimal material, site;
  std::string ref;
  Loc loc;
};

// `minimum quality 610`: a total below it does not win (不得低于 includes the number).
struct Minimum {
  int32_t award = -1;
  Decimal total;
  std::string ref;
  Loc loc;
};

// `shortlist quality, innovation 8`: at most N applicants go to on-site review,
// chosen by material score, among the awards' applicants together.
struct Shortlist {
  std::vector<int32_t> awards;
  int32_t places = 0;
  std::string ref;
  Loc loc;
};

// `repeat quality then outside_quota, no_bonus`: an applicant that won the award
// before (award_history, not revoked) takes no quota place and gets no bonus.
struct RepeatWinners {
  std::vector<int32_t> awards;
  bool outside_quota = false;
  bool no_bonus = false;
  std::string ref;
  Loc loc;
};

struct Consequence {
  std::string name;      // withdraw_title, recover_bonus, publish, ban
  bool has_duration = false;
  Duration duration;
};

struct Revocation {
  std::vector<int32_t> awards;
  int32_t cond = -1;
  std::vector<Consequence> consequences;
  std::string ref;
  std::string source;
  Loc loc;
};

// How a period's last day is found once the period has been counted from the
// day after its start (民法典 第二百零一条).
enum class PeriodEnd : uint8_t {
  Exact,           // the counted day, worked or not (windows, bans, retention)
  NextWorkingDay,  // a rest day or holiday moves it to the next working day (第二百零三条)
};

struct Deadline {
  std::string id;
  std::string text;
  std::string event;
  Duration duration;
  PeriodEnd end = PeriodEnd::Exact;
  std::string ref;
  Loc loc;
};

struct Retention {
  std::string id;
  Duration duration;
  PeriodEnd end = PeriodEnd::Exact;
  std::string ref;
  Loc loc;
};

struct Expectation {
  std::string award;
  std::string verdict;
  std::vector<std::string> because;
  Loc loc;
};

struct Test {
  std::string name;
  std::string facts_json;  // the applicant record, fixture and patch applied
  std::string on;          // YYYY-MM-DD
  std::vector<Expectation> expects;
  Loc loc;
};

struct Meta {
  std::string key;
  std::string value;
};

struct Policy {
  std::string id;
  std::string title;
  std::string file;
  std::vector<Meta> meta;
  std::string calendar;        // the regional layer working days count by (`calendar xinjiang`); "" national
  std::vector<std::string> uses;

  std::vector<TypeInfo> types;
  std::vector<EnumType> enums;
  std::vector<RecordType> records;
  int32_t organization = -1;  // record index of the organisation vocabulary
  int32_t individual = -1;

  std::vector<Node> nodes;
  std::vector<Value> consts;
  std::string pool;            // text of Text constants (Arena::Policy)
  std::vector<int32_t> lists;  // MakeList elements (node indexes)

  std::vector<Article> articles;
  std::vector<Rule> rules;
  std::vector<Judgement> judgements;
  std::vector<Award> awards;
  std::vector<Bonus> bonuses;
  std::vector<Revocation> revocations;
  std::vector<Deadline> deadlines;
  std::vector<Retention> retentions;
  std::vector<Test> tests;

  std::optional<ScoringScheme> scoring;  // none: totals out of 1000 (the vocabulary's bounds)
  std::vector<Weighting> weightings;
  std::vector<Minimum> minimums;
  std::vector<Shortlist> shortlists;
  std::vector<RepeatWinners> repeats;

  int32_t max_depth = 0;  // deepest quantifier nesting, for the evaluator's frames

  // The largest total a score may reach: the chosen scheme's, else the
  // vocabulary's bound of 1000.
  Decimal max_total() const { return scoring ? scoring->max : Decimal::from_int(1000); }

  int32_t find_award(const std::string& id) const {
    for (size_t i = 0; i < awards.size(); ++i)
      if (awards[i].id == id) return static_cast<int32_t>(i);
    return -1;
  }
  int32_t find_type(Kind k, int32_t ref = -1, TypeId elem = -1) const {
    for (size_t i = 0; i < types.size(); ++i)
      if (types[i].kind == k && types[i].ref == ref && types[i].elem == elem) return static_cast<int32_t>(i);
    return -1;
  }
};

std::string type_name(const Policy& p, TypeId t);

}  // namespace award::ir
