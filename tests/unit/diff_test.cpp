// award diff on fixtures of imagined earlier revisions (tests/diff/) and on two
// real measures: the provisions reported, their refs on both sides, and that
// every witness changes verdict when evaluated under both policies.
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
    INFO(c.summary);
    auto w = search.find(c);
    REQUIRE(w.has_value());
    auto v = check.verdicts(w->record_json, w->award);
    REQUIRE(v.has_value());
    CHECK(v->first == w->old_verdict);
    CHECK(v->second == w->new_verdict);
    CHECK(v->first != v->second);
  }
}

}  // namespace

TEST_CASE("diff: 如皋 2019 fixture → 2021, in provisions with refs on both sides", "[diff]") {
  Pair p("tests/diff/rugao-2019-fixture.award", "policies/rugao-2021.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  CHECK(d.verdict_relevant());
  const Change* years = find(d, "requirement", "changed", "第十一条（一）", "第十二条（一）");
  REQUIRE(years);
  CHECK(years->summary == "3 years → 5 years");
  CHECK(years->can_change_verdict);
  const Change* quota = find(d, "award", "changed", "第五条", "第五条");
  REQUIRE(quota);
  CHECK(quota->summary == "quality quota: 3 → 2");
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
}

TEST_CASE("diff: 金东 2021 fixture → 2022: the 亩均税收 threshold", "[diff]") {
  Pair p("tests/diff/jindong-2021-fixture.award", "policies/jindong-2022.award");
  PolicyDiff d = diff_policies(*p.a.policy, *p.b.policy);
  const Change* tax = find(d, "requirement", "changed", "三（二）7", "三（二）7");
  REQUIRE(tax);
  CHECK(tax->summary == "150000 yuan → 200000 yuan");
  const Change* text = find(d, "article", "changed", "三", "三");
  REQUIRE(text);
  CHECK_THAT(text->detail, Catch::Contains("[-15-]{+20+}万元"));
  witnesses_verify(*p.a.policy, *p.b.policy, d);
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
      if (c.category == category && c.summary.find(text) != std::string::npos) return true;
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
