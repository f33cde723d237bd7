// Periods (民法典 第二百零一条 and 第二百零三条), the regional calendar a policy
// names, working days in a year the calendar lacks, and the dates `award
// status` and `award timeline` compute, on 大庆 and on tests/time/.
#include <fstream>
#include <nlohmann/json.hpp>

#include "runtime/timeline.h"
#include "support.h"

using namespace award;
using namespace award::test;
using nlohmann::json;

namespace {

Date D(const char* s) { return *parse_date(s); }
std::string S(Date d) { return format_date(d); }

std::unique_ptr<ir::Policy> compiled(const std::string& rel) {
  CompileResult r = compile_file(source_path(rel));
  INFO(rendered(r));
  REQUIRE(r.ok());
  return std::move(r.policy);
}

std::unique_ptr<ir::Policy> compiled_text(const std::string& text) {
  CompileResult r = compile_source("test.award", text);
  INFO(rendered(r));
  REQUIRE(r.ok());
  return std::move(r.policy);
}

json daqing_winner() {
  std::ifstream in(source_path("examples/daqing-petrochem.json"));
  REQUIRE(in);
  return json::parse(in);
}

// award_status on a record given as JSON, award_history read from the JSON.
AwardStatus status_of(const ir::Policy& p, const json& rec, const char* award, const char* awarded_on, const char* on) {
  FactLoader loader(p);
  FactStore store;
  LoadProblem prob;
  REQUIRE(load_record_text(loader, rec.dump(), store, prob));
  std::optional<std::vector<HistoryEntry>> history;
  if (rec.contains("award_history")) {
    history.emplace();
    for (const auto& h : rec["award_history"])
      history->push_back({h["title"].get<std::string>(), parse_date(h["awarded_on"].get<std::string>()),
                          h.contains("revoked_on")});
  }
  Evaluator ev(p);
  ev.set_calendar(&policy_calendar(p));
  int32_t a = p.find_award(award);
  REQUIRE(a >= 0);
  return award_status(p, ev, store, a, D(awarded_on), D(on), history);
}

const RevocationOutcome* outcome_for(const ir::Policy& p, const AwardStatus& st, const std::string& ref) {
  for (const auto& ro : st.revocations)
    if (p.revocations[ro.revocation].ref == ref) return &ro;
  return nullptr;
}

}  // namespace

TEST_CASE("periods: 第二百零一条 counts from the day after, 第二百零三条 moves a holiday end", "[time]") {
  const auto& c = national_calendar();
  using PE = ir::PeriodEnd;
  // 7 days after 2024-09-30: counted to 2024-10-07 (国庆节), ends 2024-10-08.
  CHECK(S(*period_end(D("2024-09-30"), {7, Unit::Days}, PE::Exact, c)) == "2024-10-07");
  CHECK(S(*period_end(D("2024-09-30"), {7, Unit::Days}, PE::NextWorkingDay, c)) == "2024-10-08");
  // Spring Festival 2024 (off 02-10..02-17, make-up Sunday 02-18): a period ending
  // on 02-10 ends on the make-up Sunday.
  CHECK(S(*period_end(D("2024-02-03"), {7, Unit::Days}, PE::NextWorkingDay, c)) == "2024-02-18");
  // A last day that is worked does not move, even on a make-up Saturday (2024-10-12).
  CHECK(S(*period_end(D("2024-10-05"), {7, Unit::Days}, PE::NextWorkingDay, c)) == "2024-10-12");
  // A plain weekend moves too: 2024-06-15 is a Saturday.
  CHECK(S(*period_end(D("2024-06-08"), {7, Unit::Days}, PE::NextWorkingDay, c)) == "2024-06-17");
  // Working days: the start is not counted; 2024-09-30 (Mon) + 5 = the make-up Saturday 10-12.
  CHECK(S(*period_end(D("2024-09-30"), {5, Unit::WorkingDays}, PE::Exact, c)) == "2024-10-12");
  // National Day 2024's make-up Sunday (09-29) is counted: Saturday 09-28 + 1 is 09-29,
  // and from Friday 09-27 the 2nd working day is 09-30.
  CHECK(S(*period_end(D("2024-09-28"), {1, Unit::WorkingDays}, PE::Exact, c)) == "2024-09-29");
  CHECK(S(*period_end(D("2024-09-27"), {2, Unit::WorkingDays}, PE::Exact, c)) == "2024-09-30");
  // From a make-up Sunday before Spring Festival: 02-04 is worked, not counted.
  CHECK(S(*period_end(D("2024-02-03"), {5, Unit::WorkingDays}, PE::Exact, c)) == "2024-02-08");
  CHECK(S(*period_end(D("2024-02-08"), {1, Unit::WorkingDays}, PE::Exact, c)) == "2024-02-09");
  CHECK(S(*period_end(D("2024-02-09"), {1, Unit::WorkingDays}, PE::Exact, c)) == "2024-02-18");
  // 29 February: years and months keep the month-end rule.
  CHECK(S(*period_end(D("2024-02-29"), {1, Unit::Years}, PE::Exact, c)) == "2025-02-28");
  CHECK(S(*period_end(D("2024-01-31"), {1, Unit::Months}, PE::Exact, c)) == "2024-02-29");
  // 2026-02-28 is a Saturday but a make-up working day of the 2026 Spring
  // Festival arrangement, so a deadline ending on it stays; 2026-02-22 (a
  // Sunday in the holiday) moves to 02-24, the first working day after it.
  CHECK(S(*period_end(D("2024-02-29"), {2, Unit::Years}, PE::NextWorkingDay, c)) == "2026-02-28");
  CHECK(S(*period_end(D("2026-02-15"), {7, Unit::Days}, PE::NextWorkingDay, c)) == "2026-02-24");
}

TEST_CASE("periods: a year outside the data is an error naming the year", "[time]") {
  const auto& c = national_calendar();
  auto r = period_end(D("2026-12-25"), {5, Unit::WorkingDays}, ir::PeriodEnd::Exact, c);
  REQUIRE_FALSE(r);
  CHECK(r.error().year == 2027);
  CHECK(r.error().message.en().find("2027") != std::string::npos);
  auto m = period_end(D("2027-03-01"), {7, Unit::Days}, ir::PeriodEnd::NextWorkingDay, c);
  REQUIRE_FALSE(m);
  CHECK(m.error().year == 2027);
  // An exact period needs no calendar.
  CHECK(S(*period_end(D("2027-03-01"), {7, Unit::Days}, ir::PeriodEnd::Exact, c)) == "2027-03-08");
}

TEST_CASE("IR: deadlines in days end on a working day, in working days as counted", "[time]") {
  auto p = compiled("policies/daqing-2018.award");
  REQUIRE(p->deadlines.size() == 2);
  CHECK(p->deadlines[0].id == "publicity");
  CHECK(p->deadlines[0].end == ir::PeriodEnd::NextWorkingDay);
  CHECK(p->deadlines[1].id == "objection_review");
  CHECK(p->deadlines[1].end == ir::PeriodEnd::Exact);
  REQUIRE(p->retentions.size() == 1);
  CHECK(p->retentions[0].end == ir::PeriodEnd::Exact);
  CHECK(p->calendar.empty());
}

TEST_CASE("大庆 deadlines from a start across National Day and Spring Festival", "[time][daqing]") {
  auto p = compiled("policies/daqing-2018.award");
  const auto& c = policy_calendar(*p);
  auto a = date_deadlines(*p, D("2024-09-30"), c);
  REQUIRE(a);
  REQUIRE(a->size() == 2);
  CHECK(S((*a)[0].counted) == "2024-10-07");
  CHECK(S((*a)[0].due) == "2024-10-08");
  CHECK((*a)[0].moved_over == std::optional<std::string>("国庆节"));
  CHECK(S((*a)[1].due) == "2024-10-12");
  CHECK_FALSE((*a)[1].moved_over);
  // Spring Festival 2025: off 01-28..02-04, make-up 01-26 (Sun) and 02-08 (Sat).
  auto b = date_deadlines(*p, D("2025-01-25"), c);
  REQUIRE(b);
  CHECK(S((*b)[0].due) == "2025-02-05");   // counted 02-01, a holiday
  CHECK((*b)[0].moved_over == std::optional<std::string>("春节"));
  CHECK(S((*b)[1].due) == "2025-02-07");   // 01-26 (make-up Sunday), 01-27, 02-05, 02-06, 02-07
  auto out = date_deadlines(*p, D("2026-12-28"), c);
  REQUIRE_FALSE(out);
  CHECK(out.error().year == 2027);
}

TEST_CASE("大庆 第三十二条: the revocation window on its boundary days", "[time][daqing]") {
  auto p = compiled("policies/daqing-2018.award");
  auto with_incident = [&](const char* date) {
    json r = daqing_winner();
    r["incidents"] = json::array({{{"date", date}, {"kind", "quality"}, {"severity", "general"}, {"liable", true}}});
    return r;
  };
  // Award 2022-05-01: 获奖两年内 covers 2022-05-01 through 2024-05-01.
  struct Case { const char* date; Truth applies; };
  for (Case k : {Case{"2022-04-30", Truth::False}, Case{"2022-05-01", Truth::True}, Case{"2022-05-02", Truth::True},
                 Case{"2024-04-30", Truth::True}, Case{"2024-05-01", Truth::True}, Case{"2024-05-02", Truth::False}}) {
    INFO(k.date);
    auto st = status_of(*p, with_incident(k.date), "quality", "2022-05-01", "2024-06-30");
    auto* ro = outcome_for(*p, st, "第三十二条");
    REQUIRE(ro);
    CHECK(ro->applies == k.applies);
    CHECK(st.revoked == k.applies);
  }
  // Award on 29 February: the window ends 2026-02-28.
  CHECK(outcome_for(*p, status_of(*p, with_incident("2026-02-28"), "quality", "2024-02-29", "2026-06-30"), "第三十二条")
            ->applies == Truth::True);
  CHECK(outcome_for(*p, status_of(*p, with_incident("2026-03-01"), "quality", "2024-02-29", "2026-06-30"), "第三十二条")
            ->applies == Truth::False);
  CHECK(S(*revocation_window_end(*p, p->revocations[1], D("2024-02-29"))) == "2026-02-28");
  // 第三十一条 reads `date >= awarded_on`: no end.
  CHECK_FALSE(revocation_window_end(*p, p->revocations[0], D("2024-02-29")));
}

TEST_CASE("大庆 status: consequences, the bonus recovered, the ban and its dates", "[time][daqing]") {
  auto p = compiled("policies/daqing-2018.award");
  SECTION("an incident in the window: 第三十二条, title withdrawn and published, no bonus recovered") {
    json r = daqing_winner();
    r["incidents"] = json::array({{{"date", "2025-06-01"}, {"kind", "environment"}, {"severity", "general"}, {"liable", true}}});
    auto st = status_of(*p, r, "quality", "2024-12-20", "2025-07-01");
    CHECK(st.revoked == Truth::True);
    CHECK(st.articles == std::vector<std::string>{"第三十二条"});
    CHECK(st.consequences == std::vector<std::string>{"withdraw_title", "publish"});
    CHECK_FALSE(st.ban);
  }
  SECTION("fraud found after the award: 第三十一条, 800000 yuan recovered, banned 4 years from the decision") {
    json r = daqing_winner();
    r["award_fraud"] = json::array({{{"date", "2025-03-01"}, {"kind", "false_materials"}, {"title", "大庆市政府质量奖"}}});
    auto st = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
    CHECK(st.revoked == Truth::True);
    CHECK(st.articles == std::vector<std::string>{"第三十一条"});
    CHECK(st.consequences == std::vector<std::string>{"withdraw_title", "recover_bonus", "publish", "ban"});
    REQUIRE(st.bonus.amount);
    CHECK(*st.bonus.amount == Decimal::from_int(800000));
    CHECK(st.bonus.ref == "第二十五条");
    REQUIRE(st.ban);
    CHECK(S(st.ban->decided) == "2025-03-01");
    CHECK(S(st.ban->until) == "2029-03-01");
    CHECK(S(st.ban->again) == "2029-03-02");
    // The ban's dates agree with 第三十一条's own eligibility rule for a finding that day.
    auto h = Harness::from_file("policies/daqing-2018.award");
    json j = daqing_winner();
    j["award_fraud"] = r["award_fraud"];
    j["judgements"] = {{"core_technology", true}, {"excellence_results", true}, {"policy_compliance", true}, {"good_faith", true}};
    CHECK(h.eval(j.dump(), "2029-02-28").failed == std::set<std::string>{"第三十一条"});
    CHECK(h.eval(j.dump(), "2029-03-01").failed == std::set<std::string>{"第三十一条"});
    CHECK(h.eval(j.dump(), "2029-03-02").verdict == Verdict::Eligible);
  }
  SECTION("first_time_only: a second award carried no bonus, so nothing is recovered") {
    json r = daqing_winner();
    r["award_fraud"] = json::array({{{"date", "2025-03-01"}, {"kind", "bribery"}}});
    r["award_history"] = json::array({{{"title", "大庆市政府质量奖"}, {"awarded_on", "2020-12-18"}}});
    auto st = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
    REQUIRE(st.bonus.amount);
    CHECK(*st.bonus.amount == Decimal::from_int(0));
    // … but an earlier award that was revoked does not count as a first award.
    r["award_history"][0]["revoked_on"] = "2021-06-01";
    CHECK(*status_of(*p, r, "quality", "2024-12-20", "2025-03-01").bonus.amount == Decimal::from_int(800000));
    // Without award_history the amount is unknown, not assumed.
    r.erase("award_history");
    auto u = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
    CHECK_FALSE(u.bonus.amount);
    CHECK(u.bonus.note.en().find("award_history") != std::string::npos);
  }
  SECTION("nomination: 0 yuan, 提名奖为荣誉奖项") {
    json r = daqing_winner();
    r["award_fraud"] = json::array({{{"date", "2025-03-01"}, {"kind", "bribery"}}});
    auto st = status_of(*p, r, "nomination", "2024-12-20", "2025-03-01");
    REQUIRE(st.bonus.amount);
    CHECK(*st.bonus.amount == Decimal::from_int(0));
  }
  SECTION("nothing after the award: not revoked") {
    auto st = status_of(*p, daqing_winner(), "quality", "2024-12-20", "2025-03-01");
    CHECK(st.revoked == Truth::False);
    CHECK(st.consequences.empty());
  }
  SECTION("incidents unknown: undetermined, naming the missing fact") {
    json r = daqing_winner();
    r.erase("incidents");
    auto st = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
    CHECK(st.revoked == Truth::Unknown);
    auto* ro = outcome_for(*p, st, "第三十二条");
    REQUIRE(ro);
    CHECK(ro->missing == std::vector<std::string>{"incidents"});
  }
}

TEST_CASE("reapplying: derived from the policy's own award_history and award_fraud rules", "[time]") {
  auto dq = compiled("policies/daqing-2018.award");
  const auto& c = national_calendar();
  // 大庆 has no cooldown after winning; 第三十一条 reads award_fraud but does not bar a clean winner.
  Reapply r = first_application_day(*dq, dq->find_award("quality"), D("2024-12-20"), c);
  CHECK(r.rules.size() == 1);
  CHECK(r.barring.empty());
  CHECK(S(*r.first_day) == "2024-12-21");

  auto cd = compiled("tests/time/cooldown.award");
  Reapply x = first_application_day(*cd, 0, D("2021-02-28"), c);
  CHECK(x.barring.size() == 1);
  CHECK(S(*x.first_day) == "2024-03-01");
  CHECK(S(*first_application_day(*cd, 0, D("2024-02-29"), c).first_day) == "2027-03-01");
  CHECK(S(*first_application_day(*cd, 0, D("2024-06-30"), c).first_day) == "2027-07-01");
}

TEST_CASE("calendar xinjiang: a policy counts working days by its regional layer", "[time]") {
  auto p = compiled("tests/time/xinjiang.award");
  CHECK(p->calendar == "xinjiang");
  const auto& c = policy_calendar(*p);
  CHECK(c.name() == "全国+新疆维吾尔自治区");
  auto d = date_deadlines(*p, D("2023-04-20"), c);
  REQUIRE(d);
  CHECK(S((*d)[0].due) == "2023-04-25");  // 04-23 (make-up Sunday), 04-24, 04-25: 04-21 is 肉孜节
  auto n = date_deadlines(*p, D("2023-04-20"), national_calendar());
  CHECK(S((*n)[0].due) == "2023-04-24");  // nationally 04-21 is worked
  // 2024 is in the national data but not in Xinjiang's.
  auto y = date_deadlines(*p, D("2024-04-20"), c);
  REQUIRE_FALSE(y);
  CHECK(y.error().year == 2024);

  auto bad = compile_source("bad.award", "policy t-1 \"t\" { calendar tibet }\nuse applicant\n"
                                         "article 第一条 \"\" { award quality \"q\" for organization }\n");
  CHECK(codes(bad) == std::vector<std::string>{"E403"});
}

TEST_CASE("eval: a working-day count in a year the calendar lacks is reported, not unknown", "[time]") {
  auto p = compiled_text(policy_with("article 第二条 \"\" { require registered_on + 5 working days <= today }\n"));
  Evaluator ev(*p);
  ev.set_calendar(&national_calendar());
  FactLoader loader(*p);
  FactStore store;
  LoadProblem prob;
  REQUIRE(load_record_text(loader, R"({"kind": "organization", "registered_on": "2026-12-28"})", store, prob));
  ev.set_reference_date(D("2027-01-15"));
  AwardOutcome o = ev.decide(0, store);
  REQUIRE(ev.calendar_failure());
  CHECK(ev.calendar_failure()->year == 2027);
  CHECK(p->rules[ev.calendar_failure()->rule].ref == "第二条");
  // Inside the data, no failure, and the next decision starts clean.
  REQUIRE(load_record_text(loader, R"({"kind": "organization", "registered_on": "2026-12-01"})", store, prob));
  ev.set_reference_date(D("2026-12-31"));
  o = ev.decide(0, store);
  CHECK_FALSE(ev.calendar_failure());
  CHECK(o.verdict == Verdict::Eligible);
}

TEST_CASE("status: a bonus with a condition is recovered only when it was paid", "[time]") {
  auto p = compiled_text(policy_with(
      "article 第二条 \"\" { bonus quality 100000 yuan when industrial }\n"
      "article 第三条 \"\" { revoke quality when any penalties where date >= awarded_on then recover_bonus }\n"));
  json r = {{"kind", "organization"}, {"penalties", json::array({{{"date", "2025-01-02"}, {"kind", "tax"}, {"serious", false}}})}};
  r["industrial"] = true;
  CHECK(*status_of(*p, r, "quality", "2024-12-20", "2025-03-01").bonus.amount == Decimal::from_int(100000));
  r["industrial"] = false;
  CHECK(*status_of(*p, r, "quality", "2024-12-20", "2025-03-01").bonus.amount == Decimal::from_int(0));
  r.erase("industrial");
  auto u = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
  CHECK(u.revoked == Truth::True);
  CHECK_FALSE(u.bonus.amount);
}

TEST_CASE("status: a bonus the measure fixes no amount for is recovered as its words, never 0", "[time]") {
  auto p = compiled_text(policy_with(
      "article 第二条 \"\" { bonus quality \"按市对区现行财政体制给予奖励\" }\n"
      "article 第三条 \"\" { revoke quality when any penalties where date >= awarded_on then recover_bonus }\n"));
  json r = {{"kind", "organization"}, {"penalties", json::array({{{"date", "2025-01-02"}, {"kind", "tax"}, {"serious", false}}})}};
  auto st = status_of(*p, r, "quality", "2024-12-20", "2025-03-01");
  CHECK(st.revoked == Truth::True);
  CHECK(st.bonus.declared);
  CHECK_FALSE(st.bonus.amount);
  CHECK(st.bonus.ref == "第二条");
  CHECK(st.bonus.note.en() == "按市对区现行财政体制给予奖励");
}
