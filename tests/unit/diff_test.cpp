// award diff on fixtures of imagined earlier revisions (tests/diff/) and on two
// real measures: the provisions reported, their refs on both sides, and that
// every witness changes verdict when evaluated under both policies.
#include <fstream>
#include <iterator>

#include "compiler/diff.h"
#include "runtime/witness.h"
#include "support.h"

using namespace award;
using namespace award::test;

namespace {

struct Pair {
  CompileResult a, b;
  Pair(const std::string& x, const std::string& y) : a(compile_file(source_path(x))), b(compile_file(source_path(y))) {
    INFO(rendered(a) << rendered(b));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
  }
};

const Change* find(const PolicyDiff& d, const std::string& category, const std::string& action, const std::string& old_ref,
                   const std::string& new_ref) {
  for (const auto& c : d.changes)
    if (c.category == category && c.action == action && c.old_ref == old_ref && c.new_ref == new_ref) return &c;
  return nullptr;
}

// Every change that can alter a verdict has a witness, and it really does.
void witnesses_verify(const ir::Policy& a, const ir::Policy& b, const PolicyDiff& d) {
  Date on = *parse_date("2024-06-30");
  WitnessSearch search(a, b, on);
  WitnessSearch check(a, b, on);  // a second search object, so the check shares no state
  for (const auto& c : d.changes) {
    if (!c.can_change_verdict || (c.old_rule < 0 && c.new_rule < 0)) continue;
    INFO(c.summary.en());
    auto w = search.find(c);
    REQUIRE(w.has_value());
    auto v = check.verdicts(w->record_json, w->award);
    REQUIRE(v.has_value());
    CHECK(v->first == w->old_verdict);
    CHECK(v->second == w->new_verdict);
    CHECK(v->first != v->second);
  }
}

// Every change that can alter who wins has a ranking witness or says why not;
// a witness, ranked again by a second search object, wins under one policy and
// not the other. Returns how many witnesses verified.
size_t ranking_witnesses_verify(const ir::Policy& a, const ir::Policy& b, const PolicyDiff& d) {
  Date on = *parse_date("2024-06-30");
  WitnessSearch search(a, b, on);
  WitnessSearch check(a, b, on);
  size_t verified = 0;
  for (const auto& c : d.changes) {
    if (!c.can_change_ranking) continue;
    INFO(c.summary.en());
    Said why;
    auto w = search.find_ranking(c, why);
    if (!w) {
      CHECK_FALSE(why.empty());
      continue;
    }
    std::vector<std::string> records = {w->record_json};
    records.insert(records.end(), w->others_json.begin(), w->others_json.end());
    auto v = check.ranked(records, w->award);
    REQUIRE(v.has_value());
    CHECK(v->first != v->second);
    CHECK(w->old_outcome.en().rfind(v->first, 0) == 0);
    CHECK(w->new_outcome.en().rfind(v->second, 0) == 0);
    auto verdicts = check.verdicts(w->record_json, w->award);
    REQUIRE(verdicts.has_value());
    CHECK(verdicts->first == Verdict::Eligible);  // who wins changes, not eligibility
    CHECK(verdicts->second == Verdict::Eligible);
    ++verified;
  }
  return verified;
}

}  // namespace

TEST_CASE("diff: 如皋 2019 fixture → 2021, in provisions with refs on both sides", "[diff]") {
  Pair p("tests/diff/rugao-2019-fixture.award", "policies/rugao-2021.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  CHECK(d.verdict_relevant());
  const Change* years = find(d, "requirement", "changed", "第十一条（一）", "第十二条（一）");
  REQUIRE(years);
  CHECK(years->summary.en() == "3 years → 5 years");
  CHECK(years->can_change_verdict);
  const Change* quota = find(d, "award", "changed", "第五条", "第五条");
  REQUIRE(quota);
  CHECK(quota->summary.en() == "quality quota: 3 → 2");
  CHECK_FALSE(quota->can_change_verdict);
  const Change* fraud = find(d, "exclusion", "added", "", "第十三条（四）");
  REQUIRE(fraud);
  CHECK(fraud->can_change_verdict);
  // renumbered articles are moves, not removals and additions
  CHECK(find(d, "article", "moved", "第十条", "第十一条"));
  CHECK(find(d, "article", "moved", "第二十九条", "第三十条"));
  CHECK(find(d, "article", "added", "", "第九条"));
  for (const auto& c : d.changes) CHECK_FALSE((c.category == "article" && c.action == "removed"));
  // the relabelled item keeps its rule: a move
  CHECK(find(d, "exclusion", "moved", "第十二条（四）", "第十三条（五）"));
  witnesses_verify(*p.a.policy, *p.b.policy, d);
  // scoring: the quota and the weights change who wins; the scheme does not
  CHECK(quota->can_change_ranking);
  const Change* weights = find(d, "scoring", "changed", "第九条", "第十条");
  REQUIRE(weights);
  CHECK(weights->summary.en() == "nomination, quality weights: material 40% + site 60% → material 30% + site 70%");
  CHECK(weights->can_change_ranking);
  CHECK_FALSE(weights->can_change_verdict);
  const Change* scheme = find(d, "scoring", "added", "", "第九条");
  REQUIRE(scheme);
  CHECK_FALSE(scheme->can_change_ranking);
  CHECK(d.ranking_relevant());
  // the quota's witness and the weights' (two applicants swapped for the last place) verify
  CHECK(ranking_witnesses_verify(*p.a.policy, *p.b.policy, d) == 2);
}

TEST_CASE("diff: 金东 2021 fixture → 2022: the 亩均税收 threshold", "[diff]") {
  Pair p("tests/diff/jindong-2021-fixture.award", "policies/jindong-2022.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  const Change* tax = find(d, "requirement", "changed", "三（二）7", "三（二）7");
  REQUIRE(tax);
  CHECK(tax->summary.en() == "150000 yuan → 200000 yuan");
  const Change* text = find(d, "article", "changed", "三", "三");
  REQUIRE(text);
  CHECK_THAT(text->detail, Catch::Contains("[-15-]{+20+}万元"));
  witnesses_verify(*p.a.policy, *p.b.policy, d);
  // the scoring provisions, each with its article on both sides
  const Change* minimum = find(d, "scoring", "changed", "四（二）", "四（二）");
  REQUIRE(minimum);
  CHECK(minimum->summary.en() == "quality minimum: 600 → 610");
  CHECK(minimum->can_change_ranking);
  CHECK_FALSE(minimum->can_change_verdict);
  const Change* cap = find(d, "scoring", "changed", "五（三）2", "五（三）2");
  REQUIRE(cap);
  CHECK(cap->summary.en() == "innovation, quality on-site review cap: 10 → 8");
  const Change* city = find(d, "bonus", "changed", "六（二）", "六（二）");
  REQUIRE(city);
  CHECK(city->summary.en() == "金华市人民政府质量奖 bonus (award of another level): 800000 yuan → 1000000 yuan");
  CHECK_FALSE(city->can_change_ranking);
  // unchanged: the innovation minimum, the scheme, the other levels' other bonuses
  size_t scoring = 0, bonus = 0;
  for (const auto& c : d.changes) scoring += c.category == "scoring", bonus += c.category == "bonus";
  CHECK(scoring == 2);
  CHECK(bonus == 1);
  // the minimum's and the cap's witnesses both verify
  CHECK(ranking_witnesses_verify(*p.a.policy, *p.b.policy, d) == 2);
}

TEST_CASE("diff: a policy against itself has no change", "[diff]") {
  Pair p("policies/daqing-2018.award", "policies/daqing-2018.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  CHECK(d.changes.empty());
  CHECK_FALSE(d.verdict_relevant());
}

TEST_CASE("diff: 大庆 against 昆明, the main differences", "[diff]") {
  Pair p("policies/daqing-2018.award", "policies/kunming-2020.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  CHECK(d.verdict_relevant());
  auto has = [&](const std::string& category, const std::string& text) {
    for (const auto& c : d.changes)
      if (c.category == category && c.summary.en().find(text) != std::string::npos) return true;
    return false;
  };
  CHECK(has("requirement", "\"大庆市\" → \"昆明市\""));
  CHECK(has("award", "quality cycle: 2 years → 5 years"));
  CHECK(has("award", "nomination quota: 7 → 5"));
  CHECK(has("award", "award individual"));
  CHECK(has("bonus", "800000 yuan first_time_only → 0 yuan"));
  CHECK(has("requirement", "require no export_notices"));
  CHECK(has("requirement", "no annual_results where"));
}

TEST_CASE("diff: repeat winners outside the quota, witnessed by an earlier win", "[diff]") {
  // 如皋 2021 as it is, and the same text without its `repeat` line: a winner
  // of an earlier year then takes a place like any other.
  std::ifstream in(source_path("policies/rugao-2021.award"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string line = "  repeat quality then outside_quota, no_bonus\n";
  size_t at = text.find(line);
  REQUIRE(at != std::string::npos);
  std::string without = text;
  without.erase(at, line.size());
  CompileResult a = compile_source(source_path("policies/rugao-no-repeat.award"), without);
  CompileResult b = compile_source(source_path("policies/rugao-2021.award"), text);
  INFO(rendered(a) << rendered(b));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  PolicyDiff d = diff_policies(*a.policy, *b.policy);
  REQUIRE(d.changes.size() == 1);
  const Change& c = d.changes[0];
  CHECK(c.summary.en() == "quality repeat winners: (none) → outside_quota, no_bonus");
  CHECK(c.new_ref == "第二十四条");
  CHECK(c.can_change_ranking);
  CHECK_FALSE(d.verdict_relevant());
  CHECK(ranking_witnesses_verify(*a.policy, *b.policy, d) == 1);
}
