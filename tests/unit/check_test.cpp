// Names, types and structure: each error class has its own code, a caret on
// the offending text, and a hint where one helps.
#include "support.h"

using namespace award;
using namespace award::test;

TEST_CASE("an unknown fact is named, with the nearest fact suggested", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with("article 第二条 \"\" { require registred_on <= today }"));
  REQUIRE(codes(r) == std::vector<std::string>{"E200"});
  std::string out = rendered(r);
  CHECK_THAT(out, Catch::Contains("error[E200]: unknown fact `registred_on`"));
  CHECK_THAT(out, Catch::Contains("hint: did you mean `registered_on`?"));
  CHECK_THAT(out, Catch::Contains("^^^^^^^^^^^^"));
}

TEST_CASE("an unknown enum value is named, with the enum's values", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with("article 第二条 \"\" { exclude any incidents where severity >= lager }"));
  REQUIRE(codes(r) == std::vector<std::string>{"E201"});
  CHECK_THAT(rendered(r), Catch::Contains("`lager` is not a value of `severity`"));
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `larger`?"));
}

TEST_CASE("a field of an element is found inside a quantifier, and not outside it", "[check]") {
  CHECK(compile_source("t.award", policy_with("article 第二条 \"\" { exclude any incidents where liable and kind == quality }")).ok());
  auto r = compile_source("t.award", policy_with("article 第二条 \"\" { require liable }"));
  REQUIRE(codes(r) == std::vector<std::string>{"E200"});
}

TEST_CASE("duplicate articles, awards, items and judgements have their own codes", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" { item (一) "" { judgement a "x" } item (一) "" { } }
article 第二条 "" { }
article 第三条 "" { award quality "again" for organization  judgement a "y" }
)"));
  auto c = codes(r);
  CHECK(std::count(c.begin(), c.end(), "E210") == 1);
  CHECK(std::count(c.begin(), c.end(), "E211") == 1);
  CHECK(std::count(c.begin(), c.end(), "E212") == 1);
  CHECK(std::count(c.begin(), c.end(), "E213") == 1);
  CHECK_THAT(rendered(r), Catch::Contains("note: t.award:"));
}

TEST_CASE("a rule outside any article is refused", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with("require legal_person\n"));
  REQUIRE(codes(r) == std::vector<std::string>{"E400"});
  CHECK_THAT(rendered(r), Catch::Contains("every rule belongs to an article"));
}

TEST_CASE("type errors: a condition must be yes/no, operands must agree", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" {
  require registered_on
  require region == 3
  require tax_per_mu_last_year >= 200000
  require today - registered_on >= 3
}
)"));
  auto c = codes(r);
  REQUIRE(c == std::vector<std::string>{"E301", "E303", "E303", "E303"});
  std::string out = rendered(r);
  CHECK_THAT(out, Catch::Contains("write the amount in yuan: `200000 yuan`"));
  CHECK_THAT(out, Catch::Contains("give the unit: `3 years`"));
}

TEST_CASE("unordered enums are compared only with == and !=", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with("article 第二条 \"\" { require entity_type >= branch }"));
  REQUIRE(codes(r) == std::vector<std::string>{"E306"});
  CHECK(compile_source("t.award", policy_with("article 第二条 \"\" { exclude any incidents where severity >= larger }")).ok());
}

TEST_CASE("a rule cannot apply to awards for organisations and individuals at once", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" { award person "个人奖" for individual }
article 第三条 "" { require legal_person }
article 第四条 for person "" { require top_manager }
)"));
  REQUIRE(codes(r) == std::vector<std::string>{"E401"});
  CHECK_THAT(rendered(r), Catch::Contains("for quality"));
}

TEST_CASE("a for-group gives rules for some awards the reference of the item they sit in", "[check]") {
  // 昆明 第十三條（五）: one item, binding organisations and individuals alike.
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" { award person "个人奖" for individual }
article 第三条 "" {
  item (五) "" {
    for quality { exclude any award_fraud where date within 3 years before today }
    for person { exclude any award_fraud where date within 3 years before today }
  }
}
)"));
  INFO(rendered(r));
  REQUIRE(r.ok());
  const auto& p = *r.policy;
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].ref == "第三条（五）");
  CHECK(p.rules[1].ref == "第三条（五）");
  CHECK(p.rules[0].awards == std::vector<int32_t>{p.find_award("quality")});
  CHECK(p.rules[1].awards == std::vector<int32_t>{p.find_award("person")});
  CHECK(p.rules[0].subject == p.organization);
  CHECK(p.rules[1].subject == p.individual);
  REQUIRE(p.articles[2].items.size() == 1);  // the group adds no item
  CHECK(p.articles[2].items[0].rules.size() == 2);
  // a group that still mixes the two kinds of applicant is refused
  auto mixed = compile_source("t.award", policy_with(R"(
article 第二条 "" { award person "个人奖" for individual }
article 第三条 "" { for quality, person { exclude any award_fraud } }
)"));
  CHECK(codes(mixed) == std::vector<std::string>{"E401"});
}

TEST_CASE("an unknown award in a for-clause is named", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with("article 第二条 for qualty \"\" { require legal_person }"));
  REQUIRE(codes(r) == std::vector<std::string>{"E202"});
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `quality`?"));
}

TEST_CASE("all errors of a file are reported in one run, in source order", "[check][diagnostics]") {
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" {
  require regon == "x"
  require legal_persn
  exclude any incidents where severity > hug
}
)"));
  REQUIRE(codes(r) == std::vector<std::string>{"E200", "E200", "E201"});
}

TEST_CASE("the IR resolves every fact to a slot and records what each rule reads", "[check][ir]") {
  auto r = compile_source("t.award", policy_with(R"(
article 第二条 "" {
  item (一) "" { require today - registered_on >= 3 years }
  item (二) "" { exclude any incidents where date within 3 years before today and kind == quality }
}
)"));
  REQUIRE(r.ok());
  const auto& p = *r.policy;
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].ref == "第二条（一）");
  CHECK(p.rules[0].reads == std::vector<std::string>{"registered_on"});
  CHECK(p.rules[1].reads == std::vector<std::string>{"incidents", "incidents[].date", "incidents[].kind"});
  const auto& org = p.records[p.organization];
  int slots_used = 0;
  for (const auto& f : org.fields) slots_used += f.slot >= 0;
  CHECK(slots_used == org.slot_count);
  // id, kind and name are always read, plus the two facts the rules name
  CHECK(org.slot_count == 5);
}

TEST_CASE("unknown settings and bad setting values are reported", "[check][diagnostics]") {
  auto r = compile_source("t.award", R"(policy p "x" { isuer "y" in_force "2018" }
use applicant
article 第一条 "" { award quality "q" for organization { cycl 2 years quota many } }
)");
  auto c = codes(r);
  CHECK(std::count(c.begin(), c.end(), "E206") == 2);
  CHECK(std::count(c.begin(), c.end(), "E403") == 2);
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `issuer`?"));
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `cycle`?"));
}

TEST_CASE("an unknown stdlib module is named", "[check][diagnostics]") {
  auto r = compile_source("t.award", "policy p \"x\" { }\nuse aplicant\n");
  REQUIRE(codes(r) == std::vector<std::string>{"E203"});
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `applicant`?"));
}
