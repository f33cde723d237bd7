// 大庆 2018 第十条, against the example applicant: each of the nine items
// failing alone, an absent fact, and the verdict before and after reviewers
// record their judgements.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support.h"

using namespace award;
using namespace award::test;
using nlohmann::json;

namespace {

json example() {
  std::ifstream in(source_path("examples/daqing-petrochem.json"));
  REQUIRE(in);
  return json::parse(in);
}

json judged(json j) {
  j["judgements"] = {{"core_technology", true}, {"excellence_results", true}, {"policy_compliance", true}, {"good_faith", true}};
  return j;
}

}  // namespace

TEST_CASE("大庆: the example applicant waits only on judgements, then is eligible", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  for (const char* award : {"quality", "nomination"}) {
    auto e = h.eval(example().dump(), "2024-06-30", award);
    CHECK(e.verdict == Verdict::Undetermined);
    CHECK(e.failed.empty());
    CHECK(e.missing.empty());
    // every undecided rule is a judgement
    for (const auto& ro : e.outcome.rules)
      if (ro.holds == Truth::Unknown) CHECK(h.policy().rules[ro.rule].kind == ir::RuleKind::Judgement);
    CHECK(e.unknown == std::set<std::string>{"第十条（二）", "第十条（三）", "第十条（四）", "第十条（五）"});
    CHECK(h.eval(judged(example()).dump(), "2024-06-30", award).verdict == Verdict::Eligible);
  }
}

TEST_CASE("大庆: each item of 第十条 failing alone makes the applicant ineligible citing that item", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  struct Case { const char* item; json patch; };
  std::vector<Case> cases = {
      {"（一）", {{"region", "哈尔滨市"}}},
      {"（一）", {{"legal_person", false}}},
      {"（一）", {{"registered_on", "2021-07-01"}}},
      {"（二）", {{"judgements", {{"core_technology", false}}}}},
      {"（三）", {{"excellence_model_since", "2024-07-01"}}},
      {"（三）", {{"judgements", {{"excellence_results", false}}}}},
      {"（四）", {{"judgements", {{"policy_compliance", false}}}}},
      {"（五）", {{"dishonesty_records", json::array({{{"date", "2023-01-10"}, {"serious", true}}})}}},
      {"（五）", {{"judgements", {{"good_faith", false}}}}},
      {"（六）", {{"incidents", json::array({{{"date", "2023-05-01"}, {"kind", "environment"}, {"severity", "general"}, {"liable", true}}})}}},
      {"（六）", {{"penalties", json::array({{{"date", "2022-03-01"}, {"kind", "tax"}, {"serious", false}}})}}},
      {"（七）", {{"spot_checks", json::array({{{"date", "2023-09-21"}, {"level", "national"}, {"passed", false}, {"serious", false}}})}}},
      {"（八）", {{"export_notices", json::array({{{"date", "2015-03-01"}}})}}},
      {"（九）", {{"entity_type", "public_institution"}, {"activity", json::array({"agriculture"})}}},
  };
  for (const auto& c : cases) {
    json j = judged(example());
    for (auto it = c.patch.begin(); it != c.patch.end(); ++it) {
      if (it.key() == "judgements") for (auto jt = it->begin(); jt != it->end(); ++jt) j["judgements"][jt.key()] = *jt;
      else j[it.key()] = *it;
    }
    INFO("patch " << c.patch.dump());
    auto e = h.eval(j.dump(), "2024-06-30");
    CHECK(e.verdict == Verdict::Ineligible);
    CHECK(e.failed == std::set<std::string>{std::string("第十条") + c.item});
  }
}

TEST_CASE("大庆: an absent fact gives undetermined and names the fact", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  for (const char* field : {"region", "legal_person", "registered_on", "excellence_model_since", "incidents", "spot_checks",
                            "export_notices", "penalties", "dishonesty_records"}) {
    json j = judged(example());
    j.erase(field);
    INFO("without " << field);
    auto e = h.eval(j.dump(), "2024-06-30");
    CHECK(e.verdict == Verdict::Undetermined);
    CHECK(e.failed.empty());
    CHECK(e.missing == std::vector<std::string>{field});
  }
}

TEST_CASE("大庆: events outside the three-year window do not count", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  json j = judged(example());
  // the example's own 2019 incident is outside the window on 2024-06-30, inside on 2022-06-30
  CHECK(h.eval(j.dump(), "2024-06-30").verdict == Verdict::Eligible);
  auto e = h.eval(j.dump(), "2022-06-30");
  CHECK(e.verdict == Verdict::Ineligible);
  CHECK(e.failed == std::set<std::string>{"第十条（六）"});
}

TEST_CASE("大庆: a county spot check is not one the item names", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  json j = judged(example());
  j["spot_checks"].push_back({{"date", "2023-01-05"}, {"level", "county"}, {"passed", false}, {"serious", false}});
  CHECK(h.eval(j.dump(), "2024-06-30").verdict == Verdict::Eligible);
}

TEST_CASE("大庆: the policy declares its awards, quotas, bonus and deadlines", "[daqing]") {
  auto h = Harness::from_file("policies/daqing-2018.award");
  const auto& p = h.policy();
  REQUIRE(p.awards.size() == 2);
  CHECK(p.awards[0].id == "quality");
  CHECK(p.awards[0].quota == 5);
  CHECK(p.awards[0].cycle_years == 2);
  CHECK(p.awards[1].id == "nomination");
  CHECK(p.awards[1].quota == 7);
  REQUIRE(p.bonuses.size() == 2);
  CHECK(p.bonuses[0].amount == Decimal::from_int(800000));
  CHECK(p.bonuses[0].ref == "第二十五条");
  REQUIRE(p.deadlines.size() == 2);
  CHECK(p.deadlines[1].duration.unit == Unit::WorkingDays);
  CHECK(p.deadlines[1].ref == "第二十二条");
  REQUIRE(p.retentions.size() == 1);
  CHECK(p.retentions[0].duration.amount == 10);
  REQUIRE(p.revocations.size() == 2);
  CHECK(p.revocations[1].ref == "第三十二条");
  CHECK(p.judgements.size() == 4);
}
