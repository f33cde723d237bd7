// The evaluator's three-valued semantics: an absent fact is unknown, never
// false, and unknowns propagate only as far as they can change the answer.
#include "support.h"

using namespace award;
using namespace award::test;

namespace {
Harness one_rule(const std::string& rule) {
  return Harness::from_text(policy_with("article 第二条 \"\" { item (一) \"\" { " + rule + " } }"));
}
const char* kOrg = R"("id": "A", "kind": "organization")";
std::string rec(const std::string& fields = "") {
  return std::string("{") + kOrg + (fields.empty() ? "" : ", " + fields) + "}";
}
}  // namespace

TEST_CASE("false and unknown is false; true or unknown is true", "[eval][kleene]") {
  auto h = one_rule("require legal_person and industrial");
  CHECK(h.eval(rec(R"("legal_person": false)"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(h.eval(rec(R"("legal_person": true)"), "2024-06-30").verdict == Verdict::Undetermined);
  CHECK(h.eval(rec(R"("legal_person": true, "industrial": true)"), "2024-06-30").verdict == Verdict::Eligible);
  auto o = one_rule("require legal_person or industrial");
  CHECK(o.eval(rec(R"("industrial": true)"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(o.eval(rec(R"("industrial": false)"), "2024-06-30").verdict == Verdict::Undetermined);
  auto n = one_rule("require not legal_person");
  CHECK(n.eval(rec(), "2024-06-30").verdict == Verdict::Undetermined);
}

TEST_CASE("an absent fact is unknown and is named as missing", "[eval]") {
  auto h = one_rule("require today - registered_on >= 3 years");
  auto e = h.eval(rec(), "2024-06-30");
  CHECK(e.verdict == Verdict::Undetermined);
  CHECK(e.missing == std::vector<std::string>{"registered_on"});
}

TEST_CASE("3年以上 includes the third anniversary itself", "[eval][time]") {
  auto h = one_rule("require today - registered_on >= 3 years");
  std::string r = rec(R"("registered_on": "2021-06-30")");
  CHECK(h.eval(r, "2024-06-29").verdict == Verdict::Ineligible);
  CHECK(h.eval(r, "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(r, "2024-07-01").verdict == Verdict::Eligible);
  // 29 February: three years later is 28 February
  std::string leap = rec(R"("registered_on": "2020-02-29")");
  CHECK(h.eval(leap, "2023-02-27").verdict == Verdict::Ineligible);
  CHECK(h.eval(leap, "2023-02-28").verdict == Verdict::Eligible);
}

TEST_CASE("a window before the reference date includes both of its ends", "[eval][time]") {
  auto h = one_rule("exclude any incidents where date within 3 years before today");
  auto at = [&](const char* date) {
    return h.eval(rec(std::string(R"("incidents": [{"date": ")") + date + R"("}])"), "2024-06-30").verdict;
  };
  CHECK(at("2021-06-29") == Verdict::Eligible);
  CHECK(at("2021-06-30") == Verdict::Ineligible);
  CHECK(at("2024-06-30") == Verdict::Ineligible);
  CHECK(at("2024-07-01") == Verdict::Eligible);
}

TEST_CASE("quantifiers over lists: unknown elements decide only when they could", "[eval][kleene]") {
  auto any = one_rule("exclude any incidents where liable");
  CHECK(any.eval(rec(R"("incidents": [{"liable": false}, {"liable": true}])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(any.eval(rec(R"("incidents": [{"liable": false}, {}])"), "2024-06-30").verdict == Verdict::Undetermined);
  CHECK(any.eval(rec(R"("incidents": [{}, {"liable": true}])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(any.eval(rec(R"("incidents": [])"), "2024-06-30").verdict == Verdict::Eligible);
  auto e = any.eval(rec(), "2024-06-30");
  CHECK(e.verdict == Verdict::Undetermined);
  CHECK(e.missing == std::vector<std::string>{"incidents"});
  auto e2 = any.eval(rec(R"("incidents": [{"liable": false}, {}])"), "2024-06-30");
  CHECK(e2.missing == std::vector<std::string>{"incidents[1].liable"});

  auto all = one_rule("require all spot_checks where level == national satisfy passed");
  CHECK(all.eval(rec(R"("spot_checks": [{"level": "city", "passed": false}])"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(all.eval(rec(R"("spot_checks": [{"level": "national", "passed": false}])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(all.eval(rec(R"("spot_checks": [{"passed": false}])"), "2024-06-30").verdict == Verdict::Undetermined);
  CHECK(all.eval(rec(R"("spot_checks": [{"passed": true}])"), "2024-06-30").verdict == Verdict::Eligible);
}

TEST_CASE("a count with unknown elements still decides a comparison it cannot change", "[eval][kleene]") {
  // 超过2起: three or more
  auto h = one_rule("exclude count(incidents where liable) > 2");
  CHECK(h.eval(rec(R"("incidents": [{"liable": true}, {"liable": true}, {"liable": true}, {}])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(h.eval(rec(R"("incidents": [{"liable": true}, {"liable": false}, {}])"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(R"("incidents": [{"liable": true}, {"liable": true}, {}])"), "2024-06-30").verdict == Verdict::Undetermined);
}

TEST_CASE("a rule with `when` applies only to the applicants it names", "[eval]") {
  auto h = one_rule("require any national_awards where name == \"鲁班奖\" when \"construction\" in activity");
  CHECK(h.eval(rec(R"("activity": ["production"])"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(R"("activity": ["construction"], "national_awards": [])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(h.eval(rec(R"("activity": ["construction"], "national_awards": [{"name": "鲁班奖", "year": 2022}])"), "2024-06-30").verdict == Verdict::Eligible);
  // unknown applicability with a body that holds anyway: holds
  CHECK(h.eval(rec(R"("national_awards": [{"name": "鲁班奖", "year": 2022}])"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(R"("national_awards": [])"), "2024-06-30").verdict == Verdict::Undetermined);
}

TEST_CASE("an exception overrides the rule for the applicants it names", "[eval]") {
  // 5 years, but 3 for new-economy organisations
  auto h = one_rule("require today - registered_on >= 5 years except when emerging then today - registered_on >= 3 years");
  std::string four = R"("registered_on": "2020-06-30")";
  CHECK(h.eval(rec(four + R"(, "emerging": true)"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(four + R"(, "emerging": false)"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(h.eval(rec(four), "2024-06-30").verdict == Verdict::Undetermined);
  // six years old: both readings agree, so not knowing `emerging` does not matter
  CHECK(h.eval(rec(R"("registered_on": "2018-06-30")"), "2024-06-30").verdict == Verdict::Eligible);
  auto x = one_rule("exclude any annual_results where loss except when all annual_results satisfy not loss or policy_loss");
  CHECK(x.eval(rec(R"("annual_results": [{"year": 2023, "loss": true, "policy_loss": true}])"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(x.eval(rec(R"("annual_results": [{"year": 2023, "loss": true, "policy_loss": false}])"), "2024-06-30").verdict == Verdict::Ineligible);
}

TEST_CASE("an optional fact that is absent is known to be absent", "[eval]") {
  auto h = one_rule("exclude any dishonesty_records where serious and repaired_on is not set");
  CHECK(h.eval(rec(R"("dishonesty_records": [{"date": "2022-01-01", "serious": true}])"), "2024-06-30").verdict == Verdict::Ineligible);
  CHECK(h.eval(rec(R"("dishonesty_records": [{"date": "2022-01-01", "serious": true, "repaired_on": "2022-05-01"}])"), "2024-06-30").verdict == Verdict::Eligible);
}

TEST_CASE("a judgement is owed until recorded, and a judgement recorded false fails", "[eval]") {
  auto h = one_rule("judgement leading \"在同行业中处于领先地位\"");
  CHECK(h.eval(rec(), "2024-06-30").verdict == Verdict::Undetermined);
  CHECK(h.eval(rec(R"("judgements": {"leading": true})"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(R"("judgements": {"leading": false})"), "2024-06-30").verdict == Verdict::Ineligible);
}

TEST_CASE("a failed checkable condition is ineligible even while judgements are owed", "[eval]") {
  auto h = Harness::from_text(policy_with(R"(article 第二条 "" {
    item (一) "" { require legal_person }
    item (二) "" { judgement leading "领先" } })"));
  auto e = h.eval(rec(R"("legal_person": false)"), "2024-06-30");
  CHECK(e.verdict == Verdict::Ineligible);
  CHECK(e.failed == std::set<std::string>{"第二条（一）"});
  CHECK(e.unknown == std::set<std::string>{"第二条（二）"});
}

TEST_CASE("an individual is not eligible for an award for organisations", "[eval]") {
  auto h = one_rule("require legal_person");
  auto e = h.eval(R"({"id": "P", "kind": "individual"})", "2024-06-30");
  CHECK(e.verdict == Verdict::Ineligible);
  CHECK(e.failed == std::set<std::string>{"第一条"});
  CHECK(h.eval(R"({"id": "P"})", "2024-06-30").verdict == Verdict::Undetermined);
}

TEST_CASE("bad facts are refused with the field named", "[eval][facts]") {
  auto h = one_rule("require today - registered_on >= 3 years and any incidents where severity >= larger");
  LoadProblem p;
  CHECK(h.load_fails(rec(R"("registered_on": "2023-02-30")"), p));
  CHECK(p.field == "registered_on");
  CHECK_THAT(p.message, Catch::Contains("not a date"));
  CHECK(h.load_fails(rec(R"("incidents": [{"severity": "big"}])"), p));
  CHECK(p.field == "incidents[0].severity");
  CHECK(h.load_fails(rec(R"("registered_on": 20230101)"), p));
  CHECK_THAT(p.message, Catch::Contains("expected a date"));
  CHECK(h.load_fails(R"({"id": "A", "kind": "company"})", p));
  CHECK(p.field == "kind");
}

TEST_CASE("weighted scores are exact decimals", "[eval][decimal]") {
  // 0.3 × 1 + 0.7 × 871 is exactly 610 (binary floating point makes it 609.999…)
  auto h = one_rule("require scores.material * 0.3 + scores.site * 0.7 >= 610");
  CHECK(h.eval(rec(R"("scores": {"material": 1, "site": 871})"), "2024-06-30").verdict == Verdict::Eligible);
  CHECK(h.eval(rec(R"("scores": {"material": 0, "site": 871})"), "2024-06-30").verdict == Verdict::Ineligible);
}

// `today - registered_on OP period` is decided, once the reference date is
// known, by comparing registered_on with bounds found once (runtime/eval.cpp,
// bounds_for). Every answer must be the one adding the period to each date
// gives, around 29 February and at both ends of each bound, for every operator,
// with one evaluator reused across reference dates as a batch reuses it.
TEST_CASE("elapsed time against a period: the bounds found once agree with adding the period to each date", "[eval][time]") {
  struct Period {
    const char* text;
    Date (*add)(Date, int64_t);
    int64_t n;
  };
  const Period periods[] = {{"3 years", add_years, 3}, {"1 month", add_months, 1}, {"10 days", add_days, 10}};
  const std::pair<const char*, bool (*)(int32_t, int32_t)> ops[] = {
      {">=", [](int32_t a, int32_t b) { return a >= b; }}, {">", [](int32_t a, int32_t b) { return a > b; }},
      {"<=", [](int32_t a, int32_t b) { return a <= b; }}, {"<", [](int32_t a, int32_t b) { return a < b; }},
      {"==", [](int32_t a, int32_t b) { return a == b; }}, {"!=", [](int32_t a, int32_t b) { return a != b; }}};
  const char* refs[] = {"2024-02-29", "2024-03-01", "2023-02-28", "2024-02-28", "2025-03-31", "2024-06-30"};
  int checked = 0;
  for (const auto& period : periods) {
    for (const auto& [op, holds] : ops) {
      auto h = one_rule(fmt::format("require today - registered_on {} {}", op, period.text));
      for (const char* ref : refs) {
        const Date today = *parse_date(ref);
        // the dates whose end lands around today: a period before it, give or take 40 days
        const Date centre = period.add(today, -period.n);
        for (int64_t k = -40; k <= 40; ++k) {
          const Date from = add_days(centre, k);
          const bool want = holds(today.days, period.add(from, period.n).days);
          auto e = h.eval(rec(fmt::format(R"("registered_on": "{}")", format_date(from))), ref);
          INFO(op << " " << period.text << ", today " << ref << ", registered_on " << format_date(from));
          CHECK(e.verdict == (want ? Verdict::Eligible : Verdict::Ineligible));
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 3 * 6 * 6 * 81);
}
