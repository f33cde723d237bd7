// award-gen: a deterministic population of applicant records, as JSON Lines.
//
//   award-gen --count N --seed S [--out FILE] [--labels FILE]
//
// Every record uses the shared applicant vocabulary (docs/facts.md). The mix is
// described in bench/README.md. The output depends only on N and S: the random
// numbers come from our own xoshiro256** seeded by splitmix64, the ranges from our
// own unbiased rejection sampling, and no floating point is used, so two machines
// with different standard libraries write the same bytes.
//
// --labels FILE writes "id<TAB>category" per record, for checking a consumer's
// verdicts against what the generator meant to produce.

#include "runtime/date.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using award::Date;

// ---------------------------------------------------------------------------
// Random numbers

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t st = seed;
    for (auto& w : s_) w = splitmix64(st);
  }

  uint64_t next() {  // xoshiro256**
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0, without modulo bias.
  uint64_t below(uint64_t n) {
    const uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }

  // Uniform in [lo, hi], lo <= hi.
  int64_t range(int64_t lo, int64_t hi) {
    if (hi < lo) {
      std::fprintf(stderr, "award-gen: internal error: empty range [%lld, %lld]\n", static_cast<long long>(lo),
                   static_cast<long long>(hi));
      std::abort();
    }
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True with probability permille / 1000.
  bool chance(int permille) { return static_cast<int>(below(1000)) < permille; }

  template <class T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

  Date date(Date lo, Date hi) { return Date{static_cast<int32_t>(range(lo.days, hi.days))}; }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// ---------------------------------------------------------------------------
// A small JSON value, enough to build a record, mutate it and print it.

struct Json {
  enum Kind { Bool, Int, Str, Arr, Obj } kind = Obj;
  bool b = false;
  int64_t i = 0;
  std::string s;
  std::vector<Json> arr;
  std::vector<std::pair<std::string, Json>> obj;

  static Json boolean(bool v) { Json j; j.kind = Bool; j.b = v; return j; }
  static Json integer(int64_t v) { Json j; j.kind = Int; j.i = v; return j; }
  static Json string(std::string v) { Json j; j.kind = Str; j.s = std::move(v); return j; }
  static Json array() { Json j; j.kind = Arr; return j; }
  static Json object() { Json j; j.kind = Obj; return j; }

  // Object access: set replaces an existing key in place, or appends.
  Json& set(std::string_view key, Json v) {
    for (auto& [k, val] : obj)
      if (k == key) { val = std::move(v); return val; }
    obj.emplace_back(std::string(key), std::move(v));
    return obj.back().second;
  }
  Json* get(std::string_view key) {
    for (auto& [k, val] : obj)
      if (k == key) return &val;
    return nullptr;
  }
  bool remove(std::string_view key) {
    for (size_t n = 0; n < obj.size(); ++n)
      if (obj[n].first == key) { obj.erase(obj.begin() + static_cast<long>(n)); return true; }
    return false;
  }
  Json& push(Json v) { arr.push_back(std::move(v)); return arr.back(); }
};

void write_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

void write_json(std::string& out, const Json& j) {
  switch (j.kind) {
    case Json::Bool: out += j.b ? "true" : "false"; break;
    case Json::Int: {
      char buf[24];
      int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(j.i));
      out.append(buf, static_cast<size_t>(n));
      break;
    }
    case Json::Str: write_string(out, j.s); break;
    case Json::Arr:
      out += '[';
      for (size_t n = 0; n < j.arr.size(); ++n) {
        if (n) out += ',';
        write_json(out, j.arr[n]);
      }
      out += ']';
      break;
    case Json::Obj:
      out += '{';
      for (size_t n = 0; n < j.obj.size(); ++n) {
        if (n) out += ',';
        write_string(out, j.obj[n].first);
        out += ':';
        write_json(out, j.obj[n].second);
      }
      out += '}';
      break;
  }
}

// ---------------------------------------------------------------------------
// Calendar anchors

constexpr Date kRef = award::make_date(2024, 6, 30);  // reference date of the population
constexpr Date kEarliest = award::make_date(2000, 1, 1);
constexpr Date kWindow = award::add_years(kRef, -3);  // 2021-06-30, first day of 近3年
constexpr Date kBeforeWindow = award::add_days(kWindow, -1);

Json date_json(Date d) {
  award::Civil c = award::civil(d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return Json::string(buf);
}

Date years_before(int n) { return award::add_years(kRef, -n); }

// ---------------------------------------------------------------------------
// Vocabulary

struct Region {
  const char* name;    // region field
  const char* prefix;  // how firms there start their names
};
constexpr Region kHome[] = {
    {"大庆市", "大庆"}, {"如皋市", "如皋"}, {"金华市金东区", "金华"},
    {"巴音郭楞蒙古自治州", "库尔勒"}, {"昆明市", "昆明"},
};
constexpr Region kElsewhere[] = {
    {"哈尔滨市", "哈尔滨"}, {"南通市", "南通"}, {"杭州市", "杭州"}, {"乌鲁木齐市", "乌鲁木齐"},
    {"成都市", "成都"}, {"上海市", "上海"}, {"苏州市", "苏州"}, {"西安市", "西安"},
    {"大连市", "大连"}, {"曲靖市", "曲靖"},
};

const char* const kTradeNames[] = {
    "龙兴", "恒力", "华信", "长江", "绿原", "滇池", "天正", "宏远", "金鼎", "新锐",
    "瑞丰", "博远", "中科", "海川", "庆华", "东方", "银河", "嘉禾", "鸿达", "润泽",
    "远航", "星火", "天山", "孔雀河", "春城", "皋城", "双龙", "万通", "汇智", "永昌",
};
struct Trade {
  const char* words;     // 石化设备 …
  const char* activity;  // main activity
  bool industrial;
};
constexpr Trade kTrades[] = {
    {"石化设备", "production", true},   {"五金制品", "production", true},
    {"光学仪器", "production", true},   {"精密机械", "production", true},
    {"电子科技", "production", true},   {"新材料", "production", true},
    {"食品", "production", true},       {"医药", "production", true},
    {"纺织", "production", true},       {"物流", "service", false},
    {"环保科技", "service", false},     {"软件", "service", false},
    {"检测技术", "service", false},     {"工程设计", "design", false},
    {"数字农业科技", "agriculture", false}, {"生物技术研究", "research", false},
};
const char* const kSuffixes[] = {"有限公司", "有限公司", "股份有限公司", "集团有限公司"};
const char* const kBuilders[] = {"建设集团有限公司", "建筑工程有限公司", "建工集团股份有限公司"};
struct Institution {
  const char* words;
  const char* entity_type;
  const char* activity;
};
constexpr Institution kInstitutions[] = {
    {"第一人民医院", "public_institution", "medical"},
    {"中医医院", "public_institution", "medical"},
    {"职业技术学院", "public_institution", "education"},
    {"产品质量检验研究院", "public_institution", "research"},
    {"计量测试研究所", "public_institution", "research"},
    {"质量协会", "social_organization", "service"},
    {"标准化服务中心", "social_organization", "service"},
};
const char* const kSurnames[] = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                 "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
                                 "欧阳", "买买提", "巴特尔"};
const char* const kGiven[] = {"晓云", "伟", "芳", "建国", "海燕", "志强", "丽", "军", "静",
                              "文华", "玉兰", "明", "德胜", "红梅", "国庆", "春生", "雪",
                              "立新", "永", "桂英"};

const char* const kIncidentKinds[] = {"quality", "production_safety", "environment", "public_health",
                                      "food_safety", "labor_protection", "service", "other"};
const char* const kSeverities[] = {"general", "larger", "major", "especially_major"};
const char* const kLevels[] = {"national", "provincial", "city", "county"};
const char* const kPenaltyKinds[] = {"tax", "labor", "environment", "quality", "safety", "service", "other"};
const char* const kFraudKinds[] = {"false_materials", "bribery", "other"};
const char* const kAwardTitles[] = {
    "大庆市政府质量奖", "大庆市政府质量奖提名奖", "如皋市市长质量奖", "如皋市市长质量奖提名奖",
    "金华市金东区人民政府质量奖", "金东区人民政府质量管理创新奖", "巴音郭楞蒙古自治州人民政府质量奖",
    "巴音郭楞蒙古自治州人民政府质量奖提名奖", "昆明市市长质量奖", "昆明市市长质量奖提名奖",
    "中国质量奖", "浙江省人民政府质量奖", "金华市人民政府质量奖", "金华市人民政府质量管理创新奖",
};
const char* const kDaqingJudgements[] = {"core_technology", "excellence_results", "policy_compliance",
                                         "good_faith"};
const char* const kOtherJudgements[] = {"leading_position", "demonstration_effect", "quality_culture",
                                        "brand_influence", "social_responsibility"};

// ---------------------------------------------------------------------------
// Record pieces

Json incident(Date d, const char* kind, const char* severity, bool liable) {
  Json j = Json::object();
  j.set("date", date_json(d));
  j.set("kind", Json::string(kind));
  j.set("severity", Json::string(severity));
  j.set("liable", Json::boolean(liable));
  return j;
}

Json spot_check(Date d, const char* level, bool passed, bool serious) {
  Json j = Json::object();
  j.set("date", date_json(d));
  j.set("level", Json::string(level));
  j.set("passed", Json::boolean(passed));
  j.set("serious", Json::boolean(serious));
  return j;
}

Json penalty(Date d, const char* kind, bool serious) {
  Json j = Json::object();
  j.set("date", date_json(d));
  j.set("kind", Json::string(kind));
  j.set("serious", Json::boolean(serious));
  return j;
}

Json dishonesty(Date d, bool serious) {
  Json j = Json::object();
  j.set("date", date_json(d));
  j.set("serious", Json::boolean(serious));
  return j;
}

Json complaint(Date d, bool major, bool responsible) {
  Json j = Json::object();
  j.set("date", date_json(d));
  j.set("major", Json::boolean(major));
  j.set("responsible", Json::boolean(responsible));
  return j;
}

Json dated(Date d) {
  Json j = Json::object();
  j.set("date", date_json(d));
  return j;
}

Json annual(int year, bool loss) {
  Json j = Json::object();
  j.set("year", Json::integer(year));
  j.set("loss", Json::boolean(loss));
  return j;
}

Json scores(Rng& rng) {
  Json j = Json::object();
  int64_t material = rng.range(450, 950), site = rng.range(450, 950);
  j.set("material", Json::integer(material));
  j.set("site", Json::integer(site));
  if (rng.chance(250)) j.set("total", Json::integer((3 * material + 7 * site + 5) / 10));
  return j;
}

// The judgements map, on about 45% of records; 10% of all records carry the four
// 大庆 ids all true, so that 大庆 第十条 can come out eligible.
void maybe_judgements(Rng& rng, Json& rec) {
  const int roll = static_cast<int>(rng.below(1000));
  if (roll >= 450) return;
  Json j = Json::object();
  if (roll < 100) {
    for (const char* id : kDaqingJudgements) j.set(id, Json::boolean(true));
    for (const char* id : kOtherJudgements)
      if (rng.chance(300)) j.set(id, Json::boolean(rng.chance(800)));
  } else {
    for (const char* id : kDaqingJudgements)
      if (rng.chance(500)) j.set(id, Json::boolean(rng.chance(750)));
    for (const char* id : kOtherJudgements)
      if (rng.chance(400)) j.set(id, Json::boolean(rng.chance(750)));
  }
  rec.set("judgements", std::move(j));
}

std::string firm_name(Rng& rng, const Region& region, const Trade& trade) {
  std::string name = region.prefix;
  if (rng.chance(8)) {
    // An ASCII quotation mark in a name, as staff sometimes type it: exercises escaping.
    name += '"';
    name += rng.pick(kTradeNames);
    name += '"';
  } else {
    name += rng.pick(kTradeNames);
  }
  name += trade.words;
  name += rng.pick(kSuffixes);
  return name;
}

std::string person_name(Rng& rng) {
  std::string name = rng.pick(kSurnames);
  name += rng.pick(kGiven);
  return name;
}

const Region& pick_region(Rng& rng) {
  // 80% in one of the five regions (16% each), 20% elsewhere.
  if (rng.chance(800)) return rng.pick(kHome);
  return rng.pick(kElsewhere);
}

// A clean organisation: meets every checkable requirement and exclusion of the five
// measures on the reference date (5 years of operation, GB/T 19580 for 2 years, a
// chief quality officer, nothing within 近3年, no serious dishonesty ever, no losses,
// tax and environmental credit above the 金东 and 如皋 lines, 鲁班奖 for builders).
// Judgements and scores are added on top and are not part of "clean".
Json clean_org(Rng& rng, const std::string& id, const Region& region) {
  Json r = Json::object();
  r.set("id", Json::string(id));
  r.set("kind", Json::string("organization"));

  const int shape = static_cast<int>(rng.below(100));  // 0..7 builder, 8..15 institution
  std::string name;
  std::string entity_type = "enterprise";
  std::vector<std::string> activity;
  bool industrial = false;
  if (shape < 8) {
    name = std::string(region.prefix) + rng.pick(kTradeNames) + rng.pick(kBuilders);
    activity.push_back("construction");
  } else if (shape < 16) {
    const Institution& inst = rng.pick(kInstitutions);
    name = std::string(region.name) + inst.words;
    entity_type = inst.entity_type;
    activity.push_back(inst.activity);
  } else {
    const Trade& trade = rng.pick(kTrades);
    name = firm_name(rng, region, trade);
    activity.push_back(trade.activity);
    industrial = trade.industrial;
    if (rng.chance(300)) {
      const char* more = rng.chance(500) ? "service" : "research";
      if (activity[0] != more) activity.push_back(more);
    }
  }
  r.set("name", Json::string(name));
  r.set("region", Json::string(region.name));
  r.set("legal_person", Json::boolean(true));
  const Date registered = rng.date(kEarliest, years_before(6));
  r.set("registered_on", date_json(registered));
  r.set("entity_type", Json::string(entity_type));
  Json act = Json::array();
  for (auto& a : activity) act.push(Json::string(a));
  r.set("activity", std::move(act));
  r.set("industrial", Json::boolean(industrial));
  r.set("emerging", Json::boolean(rng.chance(200)));
  Date excellence_lo = award::add_years(registered, 1);
  const Date excellence_hi = years_before(2);
  if (excellence_lo > excellence_hi) excellence_lo = excellence_hi;
  r.set("excellence_model_since", date_json(rng.date(excellence_lo, excellence_hi)));
  r.set("chief_quality_officer", Json::boolean(true));
  if (industrial || rng.chance(300)) r.set("environmental_credit", Json::string(rng.chance(600) ? "green" : "blue"));
  if (industrial) r.set("tax_per_mu_last_year", Json::integer(rng.range(2000, 8000) * 100));
  r.set("missing_licenses", Json::boolean(false));

  // Incidents, penalties and dishonesty only before 近3年; spot checks all passed.
  const Date history_lo = std::max(registered, kEarliest);
  Json incidents = Json::array();
  for (int n = static_cast<int>(rng.range(0, 2)); n > 0; --n)
    incidents.push(incident(rng.date(history_lo, kBeforeWindow), rng.pick(kIncidentKinds),
                            rng.chance(850) ? "general" : "larger", rng.chance(700)));
  r.set("incidents", std::move(incidents));
  Json checks = Json::array();
  for (int n = static_cast<int>(rng.range(0, 4)); n > 0; --n)
    checks.push(spot_check(rng.date(std::max(history_lo, years_before(8)), kRef), rng.pick(kLevels), true, false));
  r.set("spot_checks", std::move(checks));
  Json penalties = Json::array();
  if (rng.chance(250)) penalties.push(penalty(rng.date(history_lo, kBeforeWindow), rng.pick(kPenaltyKinds), false));
  r.set("penalties", std::move(penalties));
  Json dishonesty_records = Json::array();
  if (rng.chance(80)) dishonesty_records.push(dishonesty(rng.date(history_lo, kBeforeWindow), false));
  r.set("dishonesty_records", std::move(dishonesty_records));
  Json complaints = Json::array();
  for (int n = static_cast<int>(rng.range(0, 2)); n > 0; --n)
    complaints.push(complaint(rng.date(years_before(5), kRef), false, rng.chance(500)));
  r.set("complaints", std::move(complaints));
  r.set("export_notices", Json::array());
  Json results = Json::array();
  for (int year = 2021; year <= 2023; ++year) results.push(annual(year, false));
  r.set("annual_results", std::move(results));
  r.set("award_fraud", Json::array());
  Json history = Json::array();
  if (history_lo <= years_before(11) && rng.chance(60)) {
    // An old provincial-or-national honour, long past every cooldown.
    Json h = Json::object();
    h.set("title", Json::string(rng.chance(500) ? "中国质量奖" : "浙江省人民政府质量奖"));
    h.set("awarded_on", date_json(rng.date(history_lo, years_before(11))));
    history.push(std::move(h));
  }
  r.set("award_history", std::move(history));
  if (activity[0] == "construction") {
    Json awards = Json::array();
    Json a = Json::object();
    a.set("name", Json::string(rng.chance(600) ? "鲁班奖" : "国家优质工程奖"));
    a.set("year", Json::integer(rng.range(2022, 2023)));
    awards.push(std::move(a));
    r.set("national_awards", std::move(awards));
  }
  if (rng.chance(600)) r.set("scores", scores(rng));
  maybe_judgements(rng, r);
  return r;
}

Date in_window(Rng& rng) { return rng.date(kWindow, kRef); }

// Keeps the record's list `key` and appends to it.
Json& list(Json& r, const char* key) {
  Json* l = r.get(key);
  if (!l) l = &r.set(key, Json::array());
  return *l;
}

// One failure: the record breaks exactly one requirement or exclusion of one of the
// five measures (some variants are the "with" side of a condition, kept as controls).
// Returns the category label.
std::string fail_one(Rng& rng, Json& r) {
  enum {
    WrongRegion, NoLegalPerson, TooYoung, YoungFor5Years, Incident, SpotCheckFailed,
    SpotCheckSerious, Penalty, Dishonesty, ExportNotice, Loss, LowTax, EnvCredit,
    BuilderWithoutAward, BuilderWithAward, AwardFraud, AwardHistory, MajorComplaint,
    MissingLicenses, NonEnterpriseActivity, RecentExcellence, NoChiefQualityOfficer, kCount
  };
  switch (static_cast<int>(rng.below(kCount))) {
    case WrongRegion:
      r.set("region", Json::string(rng.pick(kElsewhere).name));
      return "fail:region";
    case NoLegalPerson:
      r.set("legal_person", Json::boolean(false));
      if (rng.chance(500)) r.set("entity_type", Json::string("branch"));
      return "fail:legal_person";
    case TooYoung: {
      // Registered 2 to 3 years before the reference date (3 years not yet full).
      const Date reg = rng.date(award::add_days(years_before(3), 1), years_before(2));
      r.set("registered_on", date_json(reg));
      r.set("excellence_model_since", date_json(rng.date(reg, kRef)));
      for (const char* k : {"incidents", "spot_checks", "penalties", "dishonesty_records", "complaints", "award_history"})
        r.set(k, Json::array());
      return "fail:too_young";
    }
    case YoungFor5Years: {
      // 3 to 5 years: enough for 大庆, 金东, 昆明; not for 如皋 or a non-emerging 巴州 applicant.
      const Date reg = rng.date(award::add_days(years_before(5), 1), years_before(3));
      r.set("registered_on", date_json(reg));
      r.set("emerging", Json::boolean(false));
      r.set("excellence_model_since", date_json(rng.date(reg, years_before(2))));
      for (const char* k : {"incidents", "spot_checks", "penalties", "dishonesty_records", "complaints", "award_history"})
        r.set(k, Json::array());
      return "fail:young_for_5y";
    }
    case Incident: {
      const char* kind = rng.pick(kIncidentKinds);
      const char* severity = rng.pick(kSeverities);
      list(r, "incidents").push(incident(in_window(rng), kind, severity, rng.chance(800)));
      return std::string("fail:incident:") + kind + ":" + severity;
    }
    case SpotCheckFailed:
      list(r, "spot_checks").push(spot_check(in_window(rng), rng.pick(kLevels), false, false));
      return "fail:spot_check";
    case SpotCheckSerious:
      list(r, "spot_checks").push(spot_check(in_window(rng), rng.pick(kLevels), false, true));
      return "fail:spot_check_serious";
    case Penalty: {
      const char* kind = rng.pick(kPenaltyKinds);
      list(r, "penalties").push(penalty(in_window(rng), kind, rng.chance(400)));
      return std::string("fail:penalty:") + kind;
    }
    case Dishonesty: {
      const Date d = rng.date(years_before(6), award::add_days(kRef, -30));
      Json rec = dishonesty(d, true);
      const bool repaired = rng.chance(500);
      if (repaired) rec.set("repaired_on", date_json(rng.date(award::add_days(d, 20), kRef)));
      list(r, "dishonesty_records").push(std::move(rec));
      return repaired ? "fail:dishonesty_repaired" : "fail:dishonesty";
    }
    case ExportNotice:
      list(r, "export_notices").push(dated(rng.date(years_before(5), kRef)));
      return "fail:export_notice";
    case Loss: {
      Json& results = list(r, "annual_results");
      const int year = static_cast<int>(rng.range(2021, 2023));
      for (auto& y : results.arr)
        if (y.get("year") && y.get("year")->i == year) y.set("loss", Json::boolean(true));
      const bool policy = rng.chance(500);
      if (policy)
        for (auto& y : results.arr)
          if (y.get("year") && y.get("year")->i == year) y.set("policy_loss", Json::boolean(true));
      return policy ? "control:loss_policy" : "fail:loss";
    }
    case LowTax: {
      r.set("industrial", Json::boolean(true));
      Json act = Json::array();
      act.push(Json::string("production"));
      r.set("activity", std::move(act));
      r.set("entity_type", Json::string("enterprise"));
      if (!r.get("environmental_credit")) r.set("environmental_credit", Json::string("blue"));
      // Below 200,000 yuan; now and then right at the edge.
      const int64_t tax = rng.chance(100) ? 199999 : rng.range(200, 1999) * 100;
      r.set("tax_per_mu_last_year", Json::integer(tax));
      return "fail:low_tax";
    }
    case EnvCredit: {
      r.set("industrial", Json::boolean(true));
      if (!r.get("tax_per_mu_last_year")) r.set("tax_per_mu_last_year", Json::integer(rng.range(2000, 8000) * 100));
      static const char* const below_blue[] = {"yellow", "red", "black"};
      const char* credit = rng.pick(below_blue);
      r.set("environmental_credit", Json::string(credit));
      return std::string("fail:environmental_credit:") + credit;
    }
    case BuilderWithoutAward:
    case BuilderWithAward: {
      const bool with = rng.chance(500);
      Json act = Json::array();
      act.push(Json::string("construction"));
      r.set("activity", std::move(act));
      r.set("entity_type", Json::string("enterprise"));
      r.set("industrial", Json::boolean(false));
      r.remove("tax_per_mu_last_year");
      Json awards = Json::array();
      if (with) {
        Json a = Json::object();
        a.set("name", Json::string(rng.chance(500) ? "鲁班奖" : "国家优质工程奖"));
        a.set("year", Json::integer(rng.range(2022, 2024)));
        awards.push(std::move(a));
      } else if (rng.chance(500)) {
        Json a = Json::object();  // won, but before 近3年
        a.set("name", Json::string("鲁班奖"));
        a.set("year", Json::integer(rng.range(2012, 2020)));
        awards.push(std::move(a));
      }
      r.set("national_awards", std::move(awards));
      return with ? "control:builder_with_award" : "fail:builder_without_award";
    }
    case AwardFraud: {
      const char* kind = rng.pick(kFraudKinds);
      Json f = Json::object();
      // Mostly within 近3年; some 3 to 10 years back, for the 巴州 5- and 10-year bans.
      const bool recent = rng.chance(600);
      f.set("date", date_json(recent ? in_window(rng) : rng.date(years_before(10), kBeforeWindow)));
      f.set("kind", Json::string(kind));
      if (rng.chance(500)) f.set("title", Json::string(rng.pick(kAwardTitles)));
      list(r, "award_fraud").push(std::move(f));
      return std::string("fail:award_fraud:") + kind + (recent ? "" : ":old");
    }
    case AwardHistory: {
      Json h = Json::object();
      const Date awarded = rng.date(years_before(10), years_before(1));
      h.set("title", Json::string(rng.pick(kAwardTitles)));
      h.set("awarded_on", date_json(awarded));
      const bool revoked = rng.chance(300);
      if (revoked) h.set("revoked_on", date_json(rng.date(award::add_days(awarded, 30), kRef)));
      list(r, "award_history").push(std::move(h));
      return revoked ? "fail:award_history_revoked" : "fail:award_history";
    }
    case MajorComplaint:
      list(r, "complaints").push(complaint(in_window(rng), true, true));
      return "fail:major_complaint";
    case MissingLicenses:
      r.set("missing_licenses", Json::boolean(true));
      return "fail:missing_licenses";
    case NonEnterpriseActivity: {
      r.set("entity_type", Json::string(rng.chance(500) ? "social_organization" : "other"));
      Json act = Json::array();
      act.push(Json::string(rng.chance(500) ? "agriculture" : "construction"));
      r.set("activity", std::move(act));
      r.set("industrial", Json::boolean(false));
      r.remove("tax_per_mu_last_year");
      return "fail:non_enterprise_activity";
    }
    case RecentExcellence:
      r.set("excellence_model_since", date_json(rng.date(award::add_days(years_before(2), 1), kRef)));
      return "fail:excellence_recent";
    case NoChiefQualityOfficer:
    default:
      r.set("chief_quality_officer", Json::boolean(false));
      return "fail:no_chief_quality_officer";
  }
}

// Missing facts: one to three top-level fields absent, or a list element without one
// of its fields.
std::string drop_facts(Rng& rng, Json& r) {
  static const char* const fields[] = {
      "kind", "region", "legal_person", "registered_on", "entity_type", "activity",
      "excellence_model_since", "incidents", "spot_checks", "penalties", "dishonesty_records",
      "export_notices", "annual_results", "industrial", "environmental_credit",
      "tax_per_mu_last_year", "chief_quality_officer", "complaints", "award_fraud",
      "award_history", "missing_licenses", "emerging",
  };
  std::string label = "missing";
  const int n = static_cast<int>(rng.range(1, 3));
  for (int k = 0; k < n; ++k) {
    if (rng.chance(650)) {
      const char* f = rng.pick(fields);
      if (r.remove(f)) { label += ':'; label += f; }
      continue;
    }
    // An element missing a field; the element is made recent so that the gap matters.
    struct ElementGap { const char* list; const char* field; };
    static const ElementGap gaps[] = {
        {"incidents", "date"}, {"incidents", "kind"}, {"incidents", "severity"},
        {"spot_checks", "date"}, {"spot_checks", "level"}, {"spot_checks", "passed"},
        {"penalties", "date"}, {"dishonesty_records", "serious"}, {"complaints", "major"},
        {"annual_results", "loss"},
    };
    const ElementGap& g = rng.pick(gaps);
    Json* l = r.get(g.list);
    if (!l) continue;
    Json element;
    const std::string which = g.list;
    if (which == "incidents") element = incident(in_window(rng), rng.pick(kIncidentKinds), "general", true);
    else if (which == "spot_checks") element = spot_check(in_window(rng), rng.pick(kLevels), true, false);
    else if (which == "penalties") element = penalty(in_window(rng), rng.pick(kPenaltyKinds), false);
    else if (which == "dishonesty_records") element = dishonesty(in_window(rng), false);
    else if (which == "complaints") element = complaint(in_window(rng), false, true);
    else element = annual(2024, false);
    element.remove(g.field);
    l->push(std::move(element));
    label += ':';
    label += g.list;
    label += '.';
    label += g.field;
  }
  return label;
}

Json individual(Rng& rng, const std::string& id, std::string& label) {
  const Region& region = pick_region(rng);
  Json r = Json::object();
  r.set("id", Json::string(id));
  r.set("kind", Json::string("individual"));
  r.set("name", Json::string(person_name(rng)));
  r.set("region", Json::string(region.name));
  // Mostly 5 years or more; a fifth fall short.
  const bool long_enough = rng.chance(800);
  r.set("quality_work_since",
        date_json(long_enough ? rng.date(kEarliest, years_before(5))
                              : rng.date(award::add_days(years_before(5), 1), years_before(1))));
  static const char* const roles[] = {"entrepreneur", "chief_quality_officer", "other"};
  r.set("role", Json::string(rng.pick(roles)));
  r.set("top_manager", Json::boolean(rng.chance(500)));
  Json org = clean_org(rng, id + "-ORG", region);
  org.remove("judgements");
  org.remove("scores");
  label = long_enough ? "individual" : "individual:short_service";
  if (rng.chance(250)) label += ":org_" + fail_one(rng, org);
  r.set("organization", std::move(org));
  r.set("award_fraud", Json::array());
  r.set("award_history", Json::array());
  if (rng.chance(500)) {
    Json s = Json::object();
    s.set("material", Json::integer(rng.range(450, 950)));
    r.set("scores", std::move(s));
  }
  maybe_judgements(rng, r);
  return r;
}

// ---------------------------------------------------------------------------

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr, "award-gen: %s\nusage: award-gen --count N --seed S [--out FILE] [--labels FILE]\n", msg);
  std::exit(2);
}

bool parse_u64(const char* s, uint64_t& out) {
  if (!*s) return false;
  uint64_t v = 0;
  for (const char* p = s; *p; ++p) {
    if (*p < '0' || *p > '9') return false;
    const uint64_t d = static_cast<uint64_t>(*p - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t count = 0, seed = 0;
  bool have_count = false, have_seed = false;
  const char* out_path = nullptr;
  const char* labels_path = nullptr;
  for (int a = 1; a < argc; ++a) {
    std::string_view arg = argv[a];
    auto value = [&]() -> const char* {
      if (a + 1 >= argc) usage("missing value after an option");
      return argv[++a];
    };
    if (arg == "--count") {
      if (!parse_u64(value(), count)) usage("--count needs a whole number");
      have_count = true;
    } else if (arg == "--seed") {
      if (!parse_u64(value(), seed)) usage("--seed needs a whole number");
      have_seed = true;
    } else if (arg == "--out") {
      out_path = value();
    } else if (arg == "--labels") {
      labels_path = value();
    } else if (arg == "-h" || arg == "--help") {
      usage("writes N applicant records as JSON Lines");
    } else {
      usage(("unknown argument " + std::string(arg)).c_str());
    }
  }
  if (!have_count || !have_seed) usage("--count and --seed are required");

  FILE* out = stdout;
  if (out_path && std::strcmp(out_path, "-") != 0) {
    out = std::fopen(out_path, "wb");
    if (!out) { std::perror(out_path); return 2; }
  }
  FILE* labels = nullptr;
  if (labels_path) {
    labels = std::fopen(labels_path, "wb");
    if (!labels) { std::perror(labels_path); return 2; }
  }

  Rng rng(seed);
  std::string line, label;
  line.reserve(4096);
  char id[32];
  for (uint64_t n = 1; n <= count; ++n) {
    std::snprintf(id, sizeof id, "GEN-%06llu", static_cast<unsigned long long>(n));
    Json record;
    const int roll = static_cast<int>(rng.below(1000));
    if (roll < 100) {
      record = individual(rng, id, label);
    } else if (roll < 200) {
      record = clean_org(rng, id, pick_region(rng));
      label = drop_facts(rng, record);
    } else if (roll < 400) {
      record = clean_org(rng, id, rng.pick(kHome));
      label = fail_one(rng, record);
    } else {
      record = clean_org(rng, id, pick_region(rng));
      label = "clean";
    }
    line.clear();
    write_json(line, record);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) { std::perror("award-gen: write"); return 2; }
    if (labels) std::fprintf(labels, "%s\t%s\n", id, label.c_str());
  }
  if (std::fflush(out) != 0) { std::perror("award-gen: write"); return 2; }
  if (out != stdout) std::fclose(out);
  if (labels) std::fclose(labels);
  return 0;
}
