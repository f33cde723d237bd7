// Ranking: quotas, ties at their boundary, the on-site review cap, minimums,
// weights, repeat winners, one award per cycle, and the money that follows
// (runtime/rank.h). Applicants are built directly, so each case states its
// verdicts and scores.
#include "support.h"

#include "compiler/ir_json.h"
#include "runtime/rank.h"

using namespace award;
using namespace award::test;

namespace {

// A policy with a quality award (quota 3) and its nomination award (quota 2),
// with the given provisions in article 第二条.
CompileResult ranked_policy(const std::string& provisions, int quota = 3) {
  return compile_source("t.award", R"(policy t-1 "test" { issuer "x" }
use applicant
article 第一条 "" {
  award quality "质量奖" for organization { name "某市质量奖" cycle 1 years quota )" +
                                       std::to_string(quota) + R"( }
  award nomination "提名奖" for organization { name "某市质量奖提名奖" cycle 1 years quota 2 }
}
article 第二条 "" {
)" + provisions + "\n}\n");
}

RankApplicant applicant(const ir::Policy& p, const std::string& id, std::optional<Decimal> total,
                        Verdict v = Verdict::Eligible) {
  RankApplicant x;
  x.id = id;
  x.total = total;
  x.awards.assign(p.awards.size(), {true, v, {}, {}});
  x.bonus_when.assign(p.bonuses.size(), Truth::True);
  x.history = std::vector<HistoryEntry>{};
  return x;
}

Decimal dec(const char* s) { return *parse_decimal(s); }

std::vector<std::string> ids(const std::vector<RankApplicant>& xs, const std::vector<size_t>& is) {
  std::vector<std::string> out;
  for (size_t i : is) out.push_back(xs[i].id);
  return out;
}
std::vector<std::string> winners(const std::vector<RankApplicant>& xs, const AwardRanking& a) {
  std::vector<size_t> is;
  for (const auto& w : a.winners) is.push_back(w.applicant);
  return ids(xs, is);
}
const RankOther* other(const std::vector<RankApplicant>& xs, const AwardRanking& a, const std::string& id) {
  for (const auto& o : a.others)
    if (xs[o.applicant].id == id) return &o;
  return nullptr;
}

}  // namespace

TEST_CASE("a tie at the quota takes no place: two winners, three tied for the third, one place open", "[rank]") {
  auto r = ranked_policy("");
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "a", dec("900")), applicant(p, "b", dec("800")),
                                   applicant(p, "c", dec("700")), applicant(p, "d", dec("700")),
                                   applicant(p, "e", dec("700")), applicant(p, "f", dec("600"))};
  Ranking rk = rank(p, xs, 2024);
  const AwardRanking& q = rk.awards[0];
  CHECK(winners(xs, q) == std::vector<std::string>{"a", "b"});
  REQUIRE(q.ties.size() == 1);
  CHECK(ids(xs, q.ties[0].applicants) == std::vector<std::string>{"c", "d", "e"});
  CHECK(q.ties[0].places == 1);
  CHECK(q.open_places == 1);
  REQUIRE(other(xs, q, "f"));
  CHECK(other(xs, q, "f")->reason.en() == "beyond the quota of 3");
  // The nomination award comes from the rest: the tied wait for the committee.
  const AwardRanking& n = rk.awards[1];
  CHECK(winners(xs, n) == std::vector<std::string>{"f"});
  CHECK(ids(xs, q.nominees) == std::vector<std::string>{"f"});
  REQUIRE(other(xs, n, "c"));
  CHECK(other(xs, n, "c")->reason.en() == "tied for quality, which the committee decides first");
  REQUIRE(other(xs, n, "a"));
  CHECK(other(xs, n, "a")->reason.en() == "won quality in this cycle: one award of the measure per applicant and cycle");
}

TEST_CASE("equal totals inside the quota all win; a tie that fits the places is no tie", "[rank]") {
  auto r = ranked_policy("");
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "a", dec("700")), applicant(p, "b", dec("700")),
                                   applicant(p, "c", dec("700")), applicant(p, "d", dec("600"))};
  Ranking rk = rank(p, xs, 2024);
  CHECK(winners(xs, rk.awards[0]) == std::vector<std::string>{"a", "b", "c"});
  CHECK(rk.awards[0].ties.empty());
  CHECK(rk.awards[0].open_places == 0);
}

TEST_CASE("no eligible applicant leaves the award vacant", "[rank]") {
  auto r = ranked_policy("");
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "a", dec("900"), Verdict::Ineligible),
                                   applicant(p, "b", dec("900"), Verdict::Undetermined)};
  xs[0].awards[0].refs = {"第十条（一）"};
  Ranking rk = rank(p, xs, 2024);
  CHECK(rk.awards[0].winners.empty());
  CHECK(rk.awards[0].open_places == 3);
  REQUIRE(other(xs, rk.awards[0], "a"));
  CHECK(other(xs, rk.awards[0], "a")->ref == "第十条（一）");
  REQUIRE(other(xs, rk.awards[0], "b"));
  CHECK_THAT(other(xs, rk.awards[0], "b")->reason.en(), Catch::StartsWith("undetermined: not ranked"));
}

TEST_CASE("a minimum includes its number, and weighted totals are exact", "[rank]") {
  auto r = ranked_policy("score quality, nomination: material 30% + site 70%\nminimum quality 610");
  INFO(rendered(r));
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "exact", std::nullopt), applicant(p, "short", std::nullopt)};
  xs[0].material = dec("1");
  xs[0].site = dec("871");  // 0.3 × 1 + 0.7 × 871 = 610 exactly; binary floating point gets 609.999…
  xs[1].material = dec("0");
  xs[1].site = dec("871");  // 609.7
  Ranking rk = rank(p, xs, 2024);
  REQUIRE(winners(xs, rk.awards[0]) == std::vector<std::string>{"exact"});
  CHECK(rk.awards[0].winners[0].score == dec("610"));
  REQUIRE(other(xs, rk.awards[0], "short"));
  CHECK(other(xs, rk.awards[0], "short")->reason.en() == "below the minimum total 610");
  CHECK(*other(xs, rk.awards[0], "short")->score == dec("609.7"));
  CHECK(other(xs, rk.awards[0], "short")->ref == "第二条");
}

TEST_CASE("weights that do not add up to 100% are error E407", "[rank][diagnostics]") {
  auto r = ranked_policy("score quality: material 30% + site 60%");
  REQUIRE(codes(r) == std::vector<std::string>{"E407"});
  CHECK_THAT(rendered(r), Catch::Contains("the weights add up to 90%, not 100%"));
  auto twice = ranked_policy("minimum quality 600\nminimum quality 610");
  CHECK(codes(twice) == std::vector<std::string>{"E408"});
  auto part_twice = ranked_policy("score quality: material 30% + site 70% + site 0%");
  CHECK(codes(part_twice) == std::vector<std::string>{"E408"});
}

TEST_CASE("the on-site cap takes the best material scores; a tie at its edge is reported, not cut", "[rank]") {
  auto r = ranked_policy("shortlist quality, nomination 3", 5);
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs;
  const char* material[] = {"700", "690", "680", "670", "660"};
  for (int i = 0; i < 5; ++i) {
    xs.push_back(applicant(p, std::string(1, static_cast<char>('a' + i)), dec("800")));
    xs.back().material = dec(material[i]);
  }
  Ranking rk = rank(p, xs, 2024);
  CHECK(winners(xs, rk.awards[0]) == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(other(xs, rk.awards[0], "e"));
  CHECK_THAT(other(xs, rk.awards[0], "e")->reason.en(), Catch::StartsWith("not selected for on-site review"));

  xs[3].material = dec("680");  // c and d tie for the third place
  rk = rank(p, xs, 2024);
  CHECK(winners(xs, rk.awards[0]) == std::vector<std::string>{"a", "b"});
  REQUIRE(rk.awards[0].ties.size() == 1);
  CHECK(rk.awards[0].ties[0].shortlist);
  CHECK(ids(xs, rk.awards[0].ties[0].applicants) == std::vector<std::string>{"c", "d"});
  CHECK(rk.awards[0].ties[0].places == 1);
}

TEST_CASE("repeat winners win outside the quota and without bonus", "[rank][money]") {
  auto r = ranked_policy("repeat quality then outside_quota, no_bonus\nbonus quality 200000 yuan first_time_only", 1);
  INFO(rendered(r));
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "again", dec("950")), applicant(p, "new", dec("700")),
                                   applicant(p, "revoked", dec("650"))};
  xs[0].history = std::vector<HistoryEntry>{{"某市质量奖", parse_date("2020-12-01"), false}};
  xs[2].history = std::vector<HistoryEntry>{{"某市质量奖", parse_date("2020-12-01"), true}};
  Ranking rk = rank(p, xs, 2024);
  const AwardRanking& q = rk.awards[0];
  REQUIRE(winners(xs, q) == std::vector<std::string>{"new", "again"});
  CHECK(q.winners[1].repeat);
  CHECK(*q.winners[1].bonus.amount == Decimal{});
  CHECK(*q.winners[0].bonus.amount == dec("200000"));
  CHECK(rk.bonus_total == dec("200000"));
  // A revoked title is no earlier award: that applicant competes for the quota.
  REQUIRE(other(xs, q, "revoked"));
  CHECK(other(xs, q, "revoked")->reason.en() == "beyond the quota of 1");
}

TEST_CASE("the first bonus whose condition holds decides; an unfixed amount is owed, not 0", "[rank][money]") {
  auto r = ranked_policy(R"(bonus quality 350000 yuan when any award_history where title == "某市创新奖"
bonus quality 500000 yuan
bonus "省质量奖" "按现行财政体制给予奖励")");
  INFO(rendered(r));
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "holder", dec("900")), applicant(p, "plain", dec("800")),
                                   applicant(p, "unknown", dec("700"))};
  xs[0].bonus_when = {Truth::True, Truth::True, Truth::True};
  xs[1].bonus_when = {Truth::False, Truth::True, Truth::True};
  xs[2].bonus_when = {Truth::Unknown, Truth::True, Truth::True};
  xs[1].history = std::vector<HistoryEntry>{{"省质量奖", parse_date("2024-05-01"), false}};
  Ranking rk = rank(p, xs, 2024);
  const AwardRanking& q = rk.awards[0];
  REQUIRE(q.winners.size() == 3);
  CHECK(*q.winners[0].bonus.amount == dec("350000"));
  CHECK(*q.winners[1].bonus.amount == dec("500000"));
  CHECK_FALSE(q.winners[2].bonus.amount);
  REQUIRE(rk.other_bonuses.size() == 1);
  CHECK_FALSE(rk.other_bonuses[0].money.amount);
  CHECK(rk.other_bonuses[0].money.note.en() == "按现行财政体制给予奖励");
  CHECK(rk.bonus_total == dec("850000"));
  CHECK(rk.total_incomplete);
}

TEST_CASE("applying_for limits the awards an applicant is considered for", "[rank]") {
  auto r = ranked_policy("");
  REQUIRE(r.ok());
  const ir::Policy& p = *r.policy;
  std::vector<RankApplicant> xs = {applicant(p, "nom-only", dec("990")), applicant(p, "any", dec("500"))};
  xs[0].applying_for = std::vector<std::string>{"某市质量奖提名奖"};
  Ranking rk = rank(p, xs, 2024);
  CHECK(winners(xs, rk.awards[0]) == std::vector<std::string>{"any"});
  CHECK(other(xs, rk.awards[0], "nom-only") == nullptr);
  CHECK(winners(xs, rk.awards[1]) == std::vector<std::string>{"nom-only"});
}

TEST_CASE("the ranking statements in Chinese keywords mean what the English ones mean", "[rank][zh]") {
  const std::string head = "policy t-1 \"t\" { issuer \"x\" }\nuse applicant\n";
  const std::string en = head + R"(article 第一条 "" {
  award quality "质量奖" for organization { name "某市质量奖" cycle 1 years quota 3 }
  scoring gbt19580
  score quality: material 30% + site 70%
  minimum quality 610
  shortlist quality 8
  repeat quality then outside_quota, no_bonus
  bonus quality 350000 yuan when any award_history where title == "某市创新奖"
  bonus "中国质量奖" "按市对区现行财政体制给予奖励"
})";
  const std::string zh = "政策 t-1 \"t\" { issuer \"x\" }\n引用 applicant\n" + std::string(R"(条款 第一条 "" {
  奖项 quality "质量奖" 适用于 organization { name "某市质量奖" cycle 1 年 quota 3 }
  评分标准 gbt19580
  计分 quality: material 30% + site 70%
  最低分 quality 610
  现场评审名额 quality 8
  再次获奖 quality 则 outside_quota, no_bonus
  奖金 quality 350000 元 当 存在 award_history 其中 title == "某市创新奖"
  奖金 "中国质量奖" "按市对区现行财政体制给予奖励"
})");
  CompileResult a = compile_source("en.award", en), b = compile_source("zh.award", zh);
  INFO(rendered(a) << rendered(b));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  auto ja = ir_to_json(*a.policy), jb = ir_to_json(*b.policy);
  for (const char* k : {"scoring", "weights", "minimums", "shortlists", "repeat_winners", "bonuses"}) {
    INFO(k);
    CHECK(ja[k] == jb[k]);
  }
  CHECK(ja["scoring"]["max"] == "1000");
  CHECK(ja["scoring"]["categories"].size() == 7);
  CHECK(ja["weights"][0]["material"] == "0.3");
  CHECK(ja["bonuses"][1]["amount"].is_null());
  CHECK(ja["bonuses"][1]["title"] == "中国质量奖");
}

TEST_CASE("a minimum beyond the scheme's total, and an unknown score part, are errors", "[rank][diagnostics]") {
  auto r = ranked_policy("scoring gbt19580\nminimum quality 1001\nscore nomination: materiel 100%");
  auto c = codes(r);
  CHECK(std::count(c.begin(), c.end(), "E403") == 1);
  CHECK(std::count(c.begin(), c.end(), "E206") == 1);
  CHECK_THAT(rendered(r), Catch::Contains("did you mean `material`?"));
}
