// daqing-baseline: 大庆市政府质量奖管理办法 第十条, decided by hand-written C++.
//
//   daqing-baseline --on YYYY-MM-DD [--summary] FILE|-
//
// Reads applicant records as JSON Lines and prints, per record, one line
//   {"applicant":"<id>","award":"quality","verdict":"…","failed":["第十条（一）",…]}
// or, for a record that cannot be read,
//   {"applicant":"<id>"|null,"error":"line N: field …: …"}
// and exits 1 at the end if any record could not be read (2 on a usage or I/O error).
//
// This is the limit that Award's interpreter is measured against, so it does the
// least work that still decides every rule exactly: each line is parsed once with
// simdjson's On-Demand API, fields are dispatched in one pass over the object in
// whatever order they come, values the rules do not read are skipped unparsed, and
// nothing on the per-record path allocates (the parser, the input buffer and the
// output buffer are reused; error messages, the cold path, may allocate). Strings
// are compared where they lie in the line; only one with a backslash is unescaped.
//
// The reading of 第十条 is written out in bench/README.md; the comments on
// `Record` below say which field feeds which rule.

#include "runtime/date.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace {

namespace od = simdjson::ondemand;
using award::Date;
using simdjson::error_code;

// ---------------------------------------------------------------------------
// Three-valued logic: false < unknown < true, so AND is min and OR is max.

enum Tri : uint8_t { kFalse = 0, kUnknown = 1, kTrue = 2 };
constexpr Tri t_and(Tri a, Tri b) { return a < b ? a : b; }
constexpr Tri t_or(Tri a, Tri b) { return a > b ? a : b; }
constexpr Tri t_not(Tri a) { return static_cast<Tri>(2 - a); }
constexpr Tri tri(bool b) { return b ? kTrue : kFalse; }

// ---------------------------------------------------------------------------
// What one record contributes to 第十条. Every rule starts unknown (its field
// absent) and is set when the field is read.

struct Record {
  std::string_view id;       // a view of the line, or of the reader's scratch if escaped
  bool has_id = false;
  Tri subject = kUnknown;    // 第五条: kind == organization
  Tri region = kUnknown;     // (一) region == 大庆市
  Tri legal = kUnknown;      // (一) legal_person
  Tri operating = kUnknown;  // (一) add_years(registered_on, 3) <= R
  Tri excellence = kUnknown; // (三) excellence_model_since <= R
  Tri judgement[4] = {kUnknown, kUnknown, kUnknown, kUnknown};  // (二)(三)(四)(五)
  Tri dishonesty = kUnknown; // (五) no dishonesty record with serious
  Tri incidents = kUnknown;  // (六) no incident in window of the four kinds
  Tri penalties = kUnknown;  // (六) no penalty in window
  Tri spot = kUnknown;       // (七) every national/provincial/city check in window passed
  Tri exports = kUnknown;    // (八) export_notices empty
  Tri enterprise = kUnknown; // (九) entity_type == enterprise
  Tri activity = kUnknown;   // (九) activity meets {production, service, research, design, education, medical}
  Tri fraud = kUnknown;      // 第三十一条 no award_fraud finding in [R-4y, R] on a 大庆 award or none named
};

enum Judgement { kCoreTechnology, kExcellenceResults, kPolicyCompliance, kGoodFaith };

// The refs of the items, in item order.
constexpr int kRefs = 11;
constexpr std::string_view kRefText[kRefs] = {
    "第五条",           "第十条（一）", "第十条（二）", "第十条（三）", "第十条（四）",
    "第十条（五）", "第十条（六）", "第十条（七）", "第十条（八）", "第十条（九）",
    "第三十一条",
};

// ---------------------------------------------------------------------------
// Field names. A key is recognised by length first, then by its bytes.

enum class Key : uint8_t {
  Other, Id, Kind, Region, LegalPerson, RegisteredOn, ExcellenceModelSince, Judgements,
  DishonestyRecords, Incidents, Penalties, SpotChecks, ExportNotices, EntityType, Activity, AwardFraud,
};

constexpr const char* kKeyName[] = {
    "", "id", "kind", "region", "legal_person", "registered_on", "excellence_model_since",
    "judgements", "dishonesty_records", "incidents", "penalties", "spot_checks",
    "export_notices", "entity_type", "activity", "award_fraud",
};

inline bool eq(std::string_view a, const char* b, size_t n) { return std::memcmp(a.data(), b, n) == 0; }

inline Key top_key(std::string_view k) {
  switch (k.size()) {
    case 2: return eq(k, "id", 2) ? Key::Id : Key::Other;
    case 4: return eq(k, "kind", 4) ? Key::Kind : Key::Other;
    case 6: return eq(k, "region", 6) ? Key::Region : Key::Other;
    case 8: return eq(k, "activity", 8) ? Key::Activity : Key::Other;
    case 9:
      if (eq(k, "incidents", 9)) return Key::Incidents;
      if (eq(k, "penalties", 9)) return Key::Penalties;
      return Key::Other;
    case 10: return eq(k, "judgements", 10) ? Key::Judgements : Key::Other;
    case 11:
      if (eq(k, "spot_checks", 11)) return Key::SpotChecks;
      if (eq(k, "entity_type", 11)) return Key::EntityType;
      if (eq(k, "award_fraud", 11)) return Key::AwardFraud;
      return Key::Other;
    case 12: return eq(k, "legal_person", 12) ? Key::LegalPerson : Key::Other;
    case 13: return eq(k, "registered_on", 13) ? Key::RegisteredOn : Key::Other;
    case 14: return eq(k, "export_notices", 14) ? Key::ExportNotices : Key::Other;
    case 18: return eq(k, "dishonesty_records", 18) ? Key::DishonestyRecords : Key::Other;
    case 22: return eq(k, "excellence_model_since", 22) ? Key::ExcellenceModelSince : Key::Other;
    default: return Key::Other;
  }
}

inline bool is(std::string_view s, std::string_view lit) { return s == lit; }

// ---------------------------------------------------------------------------
// Why a record could not be read (the cold path).

struct Path {
  const char* top = nullptr;   // top-level field, or null for the whole line
  int64_t index = -1;          // element of a list
  const char* sub = nullptr;   // field of that element
  std::string_view sub_key;    // a judgement id (dynamic)

  Path() = default;
  explicit Path(const char* top_, int64_t index_ = -1, const char* sub_ = nullptr)
      : top(top_), index(index_), sub(sub_) {}
};

struct Failure {
  Path path;
  std::string message;
};

std::string describe(Path p) {
  std::string s = "field \"";
  s += p.top;
  if (p.index >= 0) s += "[" + std::to_string(p.index) + "]";
  if (p.sub) { s += '.'; s += p.sub; }
  if (!p.sub_key.empty()) { s += '.'; s.append(p.sub_key.data(), p.sub_key.size()); }
  s += '"';
  return s;
}

const char* type_name(od::value& v) {
  od::json_type t;
  if (v.type().get(t)) return "invalid JSON";
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "something else";
}

// At most 40 bytes of an offending value, cut at a UTF-8 character boundary.
std::string excerpt(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  size_t n = 40;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

// ---------------------------------------------------------------------------
// The reader: one pass over a record, filling `Record`.

class Reader {
 public:
  explicit Reader(Date on)
      : ref_(on), window_start_(award::add_years(on, -3)), fraud_window_start_(award::add_years(on, -4)) {
    // add_years is monotone, so {d : add_years(d, 3) <= R} is every day up to some
    // last day; find it once instead of adding years per record.
    Date d = award::add_years(on, -3);
    while (award::add_years(award::add_days(d, 1), 3) <= on) d = award::add_days(d, 1);
    while (award::add_years(d, 3) > on) d = award::add_days(d, -1);
    registered_limit_ = d;
  }

  Failure failure;

  bool read(od::document& doc, Record& r);

 private:
  Date ref_, window_start_, fraud_window_start_, registered_limit_;
  std::string id_scratch_, key_scratch_, value_scratch_;

  Tri in_window(Date d) const { return tri(window_start_ <= d && d <= ref_); }

  bool fail(Path p, std::string message) {
    failure.path = p;
    failure.message = std::move(message);
    return false;
  }
  bool json_error(Path p, error_code e) {
    return fail(p, std::string("not valid JSON (") + simdjson::error_message(e) + ")");
  }
  // A get_* call failed: the value has another type, or the JSON is broken there.
  bool type_error(Path p, od::value& v, error_code e, const char* expected) {
    if (e != simdjson::INCORRECT_TYPE) return json_error(p, e);
    return fail(p, std::string("expected ") + expected + ", found " + type_name(v));
  }

  // Strings are read from the line itself: a string without a backslash is a view of
  // its bytes between the quotes; only a string with escapes is unescaped, into one of
  // the scratch buffers (which keep their capacity from record to record).
  bool text(const char* s, Path p, std::string& scratch, std::string_view& out) {
    const char* q = s;
    while (*q != '"') {
      if (*q == '\\') return unescape(s, p, scratch, out);
      ++q;
    }
    out = std::string_view(s, static_cast<size_t>(q - s));
    return true;
  }
  bool unescape(const char* s, Path p, std::string& scratch, std::string_view& out);

  bool get_string(od::value& v, Path p, std::string_view& out, std::string& scratch) {
    od::raw_json_string raw;
    error_code e = v.get_raw_json_string().get(raw);
    return e ? type_error(p, v, e, "a string") : text(raw.raw(), p, scratch, out);
  }
  bool get_string(od::value& v, Path p, std::string_view& out) { return get_string(v, p, out, value_scratch_); }
  bool get_key(od::field& f, Path p, std::string_view& out) { return text(f.key().raw(), p, key_scratch_, out); }
  bool get_bool(od::value& v, Path p, bool& out) {
    error_code e = v.get_bool().get(out);
    return e ? type_error(p, v, e, "true or false") : true;
  }
  // Strict YYYY-MM-DD, the same dates award::parse_date accepts, without leaving the line.
  bool get_date(od::value& v, Path p, Date& out) {
    std::string_view s;
    if (!get_string(v, p, s)) return false;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return bad_date(p, s);
    unsigned dg[8];
    static constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int n = 0; n < 8; ++n) {
      dg[n] = static_cast<unsigned>(s[at[n]]) - '0';
      if (dg[n] > 9) return bad_date(p, s);
    }
    const int y = static_cast<int>(dg[0] * 1000 + dg[1] * 100 + dg[2] * 10 + dg[3]);
    const int m = static_cast<int>(dg[4] * 10 + dg[5]);
    const int d = static_cast<int>(dg[6] * 10 + dg[7]);
    if (m < 1 || m > 12 || d < 1 || d > award::days_in_month(y, m)) return bad_date(p, s);
    out = award::make_date(y, m, d);
    return true;
  }
  bool bad_date(Path p, std::string_view s) {
    bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (shape && (s[i] < '0' || s[i] > '9')) shape = false;
    return fail(p, std::string(shape ? "impossible date \"" : "not a YYYY-MM-DD date \"") + excerpt(s) + "\"");
  }
  bool not_one_of(Path p, std::string_view s, const char* allowed) {
    return fail(p, "\"" + excerpt(s) + "\" is not one of " + allowed);
  }
  bool get_array(od::value& v, Path p, od::array& out) {
    error_code e = v.get_array().get(out);
    return e ? type_error(p, v, e, "a list") : true;
  }
  bool get_object(od::value& v, Path p, od::object& out) {
    error_code e = v.get_object().get(out);
    return e ? type_error(p, v, e, "an object") : true;
  }

  template <class Body>
  bool each_element(od::value& v, const char* list, Body&& body);
  template <class Body>
  bool each_key(od::object& obj, Path p, Body&& body);

  bool read_judgements(od::value& v, Record& r);
  bool read_dishonesty(od::value& v, Record& r);
  bool read_incidents(od::value& v, Record& r);
  bool read_penalties(od::value& v, Record& r);
  bool read_spot_checks(od::value& v, Record& r);
  bool read_exports(od::value& v, Record& r);
  bool read_activity(od::value& v, Record& r);
  bool read_award_fraud(od::value& v, Record& r);
};

bool Reader::read(od::document& doc, Record& r) {
  od::object obj;
  error_code e = doc.get_object().get(obj);
  if (e) return e == simdjson::INCORRECT_TYPE ? fail({}, "not a JSON object") : json_error({}, e);

  uint32_t seen = 0;
  for (auto field_result : obj) {
    if ((e = field_result.error())) return json_error({}, e);
    od::field& field = field_result.value_unsafe();  // in place: copying a field costs a stall
    std::string_view key;
    if (!get_key(field, Path(), key)) return false;
    const Key k = top_key(key);
    if (k == Key::Other) continue;  // not read by 第十条: skipped, never parsed
    const Path p(kKeyName[static_cast<int>(k)]);
    const uint32_t bit = 1u << static_cast<int>(k);
    if (seen & bit) return fail(p, "appears twice");
    seen |= bit;
    od::value& v = field.value();
    switch (k) {
      case Key::Id:
        if (!get_string(v, p, r.id, id_scratch_)) return false;
        r.has_id = true;
        break;
      case Key::Kind: {
        std::string_view s;
        if (!get_string(v, p, s)) return false;
        if (is(s, "organization")) r.subject = kTrue;
        else if (is(s, "individual")) r.subject = kFalse;
        else return not_one_of(p, s, "organization, individual");
        break;
      }
      case Key::Region: {
        std::string_view s;
        if (!get_string(v, p, s)) return false;
        r.region = tri(is(s, "大庆市"));
        break;
      }
      case Key::LegalPerson: {
        bool b;
        if (!get_bool(v, p, b)) return false;
        r.legal = tri(b);
        break;
      }
      case Key::RegisteredOn: {
        Date d;
        if (!get_date(v, p, d)) return false;
        r.operating = tri(d <= registered_limit_);
        break;
      }
      case Key::ExcellenceModelSince: {
        Date d;
        if (!get_date(v, p, d)) return false;
        r.excellence = tri(d <= ref_);
        break;
      }
      case Key::EntityType: {
        std::string_view s;
        if (!get_string(v, p, s)) return false;
        if (is(s, "enterprise")) r.enterprise = kTrue;
        else if (is(s, "public_institution") || is(s, "social_organization") || is(s, "branch") || is(s, "other"))
          r.enterprise = kFalse;
        else
          return not_one_of(p, s, "enterprise, public_institution, social_organization, branch, other");
        break;
      }
      case Key::Judgements: if (!read_judgements(v, r)) return false; break;
      case Key::DishonestyRecords: if (!read_dishonesty(v, r)) return false; break;
      case Key::Incidents: if (!read_incidents(v, r)) return false; break;
      case Key::Penalties: if (!read_penalties(v, r)) return false; break;
      case Key::SpotChecks: if (!read_spot_checks(v, r)) return false; break;
      case Key::ExportNotices: if (!read_exports(v, r)) return false; break;
      case Key::Activity: if (!read_activity(v, r)) return false; break;
      case Key::AwardFraud: if (!read_award_fraud(v, r)) return false; break;
      case Key::Other: break;
    }
  }
  // Anything after the closing brace makes the line something other than one object.
  const char* rest;
  if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS)
    return fail({}, "not valid JSON (content after the object)");
  return true;
}

// A JSON string with escapes, from just after its opening quote. The line has been
// through simdjson's first stage, so the closing quote is there; the escapes are
// checked here, as simdjson's own unescaping would.
bool Reader::unescape(const char* s, Path p, std::string& scratch, std::string_view& out) {
  auto hex4 = [](const char* h, uint32_t& v) {
    v = 0;
    for (int n = 0; n < 4; ++n) {
      const char c = h[n];
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
      else return false;  // stops at the closing quote at the latest
      v = v * 16 + d;
    }
    return true;
  };
  auto bad = [&]() { return fail(p, "not valid JSON (a string has an invalid escape)"); };
  scratch.clear();
  for (;;) {
    const char c = *s++;
    if (c == '"') break;
    if (c != '\\') {
      scratch += c;
      continue;
    }
    switch (*s++) {
      case '"': scratch += '"'; break;
      case '\\': scratch += '\\'; break;
      case '/': scratch += '/'; break;
      case 'b': scratch += '\b'; break;
      case 'f': scratch += '\f'; break;
      case 'n': scratch += '\n'; break;
      case 'r': scratch += '\r'; break;
      case 't': scratch += '\t'; break;
      case 'u': {
        uint32_t cp;
        if (!hex4(s, cp)) return bad();
        s += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return bad();  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {               // needs its low half
          uint32_t lo;
          if (s[0] != '\\' || s[1] != 'u' || !hex4(s + 2, lo) || lo < 0xDC00 || lo > 0xDFFF) return bad();
          s += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (cp < 0x80) {
          scratch += static_cast<char>(cp);
        } else if (cp < 0x800) {
          scratch += static_cast<char>(0xC0 | (cp >> 6));
          scratch += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          scratch += static_cast<char>(0xE0 | (cp >> 12));
          scratch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          scratch += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          scratch += static_cast<char>(0xF0 | (cp >> 18));
          scratch += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
          scratch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          scratch += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: return bad();
    }
  }
  out = scratch;
  return true;
}

// judgements: a map of id -> bool; every value must be a bool, the four of 第十条 are kept.
bool Reader::read_judgements(od::value& v, Record& r) {
  const Path p("judgements");
  od::object obj;
  if (!get_object(v, p, obj)) return false;
  uint32_t seen = 0;
  for (auto field_result : obj) {
    if (error_code e = field_result.error()) return json_error(p, e);
    od::field& field = field_result.value_unsafe();
    std::string_view key;
    if (!get_key(field, p, key)) return false;
    Path q = p;
    q.sub_key = key;
    bool b;
    if (!get_bool(field.value(), q, b)) return false;
    int j = -1;
    if (is(key, "core_technology")) j = kCoreTechnology;
    else if (is(key, "excellence_results")) j = kExcellenceResults;
    else if (is(key, "policy_compliance")) j = kPolicyCompliance;
    else if (is(key, "good_faith")) j = kGoodFaith;
    if (j < 0) continue;
    if (seen & (1u << j)) return fail(q, "appears twice");
    seen |= 1u << j;
    r.judgement[j] = tri(b);
  }
  return true;
}

// The lists of objects share one shape: iterate the elements, read the fields a rule
// needs (an absent field leaves its part unknown), fold each element into the rule.
// body(object, index) returns false to stop with a failure.
template <class Body>
bool Reader::each_element(od::value& v, const char* list, Body&& body) {
  od::array arr;
  if (!get_array(v, Path{list}, arr)) return false;
  int64_t index = 0;
  for (auto element_result : arr) {
    const Path ep{list, index};
    od::value element;
    if (error_code e = element_result.get(element)) return json_error(ep, e);
    od::object obj;
    if (!get_object(element, ep, obj)) return false;
    if (!body(obj, index)) return false;
    ++index;
  }
  return true;
}

// Iterates an object's fields; body(key, value) returns false to stop with a failure.
// Keys are compared unescaped, so "\u0064ate" is "date".
template <class Body>
bool Reader::each_key(od::object& obj, Path p, Body&& body) {
  for (auto field_result : obj) {
    if (error_code e = field_result.error()) return json_error(p, e);
    od::field& field = field_result.value_unsafe();
    std::string_view key;
    if (!get_key(field, p, key)) return false;
    if (!body(key, field.value())) return false;
  }
  return true;
}

// (五) no element with serious == true.
bool Reader::read_dishonesty(od::value& v, Record& r) {
  Tri rule = kTrue;
  const bool ok = each_element(v, "dishonesty_records", [&](od::object& obj, int64_t i) {
    Tri serious = kUnknown;
    bool seen = false;
    if (!each_key(obj, Path{"dishonesty_records", i}, [&](std::string_view key, od::value& val) {
          if (!is(key, "serious")) return true;
          const Path fp{"dishonesty_records", i, "serious"};
          if (seen) return fail(fp, "appears twice");
          seen = true;
          bool b;
          if (!get_bool(val, fp, b)) return false;
          serious = tri(b);
          return true;
        }))
      return false;
    rule = t_and(rule, t_not(serious));
    return true;
  });
  r.dishonesty = rule;
  return ok;
}

// (六) no element with date in [R-3y, R] and kind in {quality, production_safety,
// public_health, environment}.
bool Reader::read_incidents(od::value& v, Record& r) {
  Tri rule = kTrue;
  const bool ok = each_element(v, "incidents", [&](od::object& obj, int64_t i) {
    Tri recent = kUnknown, listed = kUnknown;
    unsigned seen = 0;
    if (!each_key(obj, Path{"incidents", i}, [&](std::string_view key, od::value& val) {
          if (is(key, "date")) {
            const Path fp{"incidents", i, "date"};
            if (seen & 1) return fail(fp, "appears twice");
            seen |= 1;
            Date d;
            if (!get_date(val, fp, d)) return false;
            recent = in_window(d);
          } else if (is(key, "kind")) {
            const Path fp{"incidents", i, "kind"};
            if (seen & 2) return fail(fp, "appears twice");
            seen |= 2;
            std::string_view s;
            if (!get_string(val, fp, s)) return false;
            if (is(s, "quality") || is(s, "production_safety") || is(s, "public_health") || is(s, "environment"))
              listed = kTrue;
            else if (is(s, "food_safety") || is(s, "labor_protection") || is(s, "service") || is(s, "other"))
              listed = kFalse;
            else
              return not_one_of(fp, s,
                                "quality, production_safety, environment, public_health, food_safety, "
                                "labor_protection, service, other");
          }
          return true;
        }))
      return false;
    rule = t_and(rule, t_not(t_and(recent, listed)));
    return true;
  });
  r.incidents = rule;
  return ok;
}

// (六) no element with date in [R-3y, R].
bool Reader::read_penalties(od::value& v, Record& r) {
  Tri rule = kTrue;
  const bool ok = each_element(v, "penalties", [&](od::object& obj, int64_t i) {
    Tri recent = kUnknown;
    bool seen = false;
    if (!each_key(obj, Path{"penalties", i}, [&](std::string_view key, od::value& val) {
          if (!is(key, "date")) return true;
          const Path fp{"penalties", i, "date"};
          if (seen) return fail(fp, "appears twice");
          seen = true;
          Date d;
          if (!get_date(val, fp, d)) return false;
          recent = in_window(d);
          return true;
        }))
      return false;
    rule = t_and(rule, t_not(recent));
    return true;
  });
  r.penalties = rule;
  return ok;
}

// (七) every element with date in [R-3y, R] and level in {national, provincial, city}
// has passed == true: each element contributes (NOT F) OR P.
bool Reader::read_spot_checks(od::value& v, Record& r) {
  Tri rule = kTrue;
  const bool ok = each_element(v, "spot_checks", [&](od::object& obj, int64_t i) {
    Tri recent = kUnknown, level = kUnknown, passed = kUnknown;
    unsigned seen = 0;
    if (!each_key(obj, Path{"spot_checks", i}, [&](std::string_view key, od::value& val) {
          if (is(key, "date")) {
            const Path fp{"spot_checks", i, "date"};
            if (seen & 1) return fail(fp, "appears twice");
            seen |= 1;
            Date d;
            if (!get_date(val, fp, d)) return false;
            recent = in_window(d);
          } else if (is(key, "level")) {
            const Path fp{"spot_checks", i, "level"};
            if (seen & 2) return fail(fp, "appears twice");
            seen |= 2;
            std::string_view s;
            if (!get_string(val, fp, s)) return false;
            if (is(s, "national") || is(s, "provincial") || is(s, "city")) level = kTrue;
            else if (is(s, "county")) level = kFalse;
            else return not_one_of(fp, s, "national, provincial, city, county");
          } else if (is(key, "passed")) {
            const Path fp{"spot_checks", i, "passed"};
            if (seen & 4) return fail(fp, "appears twice");
            seen |= 4;
            bool b;
            if (!get_bool(val, fp, b)) return false;
            passed = tri(b);
          }
          return true;
        }))
      return false;
    rule = t_and(rule, t_or(t_not(t_and(recent, level)), passed));
    return true;
  });
  r.spot = rule;
  return ok;
}

// 第三十一条 (the policy's reading of 情节严重的，取消其今后四年内申报政府质量奖的资格): no
// element with date in [R-4y, R] and (title absent or title one of the two 大庆
// awards). `title` is optional, so its absence is known and makes the finding count.
bool Reader::read_award_fraud(od::value& v, Record& r) {
  Tri rule = kTrue;
  const bool ok = each_element(v, "award_fraud", [&](od::object& obj, int64_t i) {
    Tri recent = kUnknown, concerns_daqing = kTrue;
    unsigned seen = 0;
    if (!each_key(obj, Path{"award_fraud", i}, [&](std::string_view key, od::value& val) {
          if (is(key, "date")) {
            const Path fp{"award_fraud", i, "date"};
            if (seen & 1) return fail(fp, "appears twice");
            seen |= 1;
            Date d;
            if (!get_date(val, fp, d)) return false;
            recent = tri(fraud_window_start_ <= d && d <= ref_);
          } else if (is(key, "title")) {
            const Path fp{"award_fraud", i, "title"};
            if (seen & 2) return fail(fp, "appears twice");
            seen |= 2;
            std::string_view s;
            if (!get_string(val, fp, s)) return false;
            concerns_daqing = tri(is(s, "大庆市政府质量奖") || is(s, "大庆市政府质量奖提名奖"));
          }
          return true;
        }))
      return false;
    rule = t_and(rule, t_not(t_and(recent, concerns_daqing)));
    return true;
  });
  r.fraud = rule;
  return ok;
}

// (八) the list has no element. Its elements are not read.
bool Reader::read_exports(od::value& v, Record& r) {
  od::array arr;
  if (!get_array(v, Path{"export_notices"}, arr)) return false;
  bool empty = true;
  int64_t i = 0;
  for (auto element_result : arr) {
    od::value element;
    if (error_code e = element_result.get(element)) return json_error(Path{"export_notices", i}, e);
    empty = false;
    ++i;
  }
  r.exports = tri(empty);
  return true;
}

// (九) activity contains one of production, service, research, design, education,
// medical; every element must be a string.
bool Reader::read_activity(od::value& v, Record& r) {
  od::array arr;
  if (!get_array(v, Path{"activity"}, arr)) return false;
  bool any = false;
  int64_t i = 0;
  for (auto element_result : arr) {
    od::value element;
    const Path ep{"activity", i++};
    if (error_code e = element_result.get(element)) return json_error(ep, e);
    std::string_view s;
    if (!get_string(element, ep, s)) return false;
    if (is(s, "production") || is(s, "service") || is(s, "research") || is(s, "design") ||
        is(s, "education") || is(s, "medical"))
      any = true;
  }
  r.activity = tri(any);
  return true;
}

// ---------------------------------------------------------------------------
// Output

class Output {
 public:
  explicit Output(int fd) : fd_(fd) { buf_.resize(1 << 20); }
  ~Output() { flush(); }

  void put(std::string_view s) {
    if (len_ + s.size() > buf_.size()) {
      flush();
      if (s.size() > buf_.size()) { write_all(s.data(), s.size()); return; }
    }
    std::memcpy(buf_.data() + len_, s.data(), s.size());
    len_ += s.size();
  }
  void put_string(std::string_view s) {  // a JSON string, escaped
    static const char hex[] = "0123456789abcdef";
    put("\"");
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      put(s.substr(from, i - from));
      char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
      if (c == '"') put("\\\"");
      else if (c == '\\') put("\\\\");
      else if (c == '\n') put("\\n");
      else if (c == '\t') put("\\t");
      else if (c == '\r') put("\\r");
      else put(std::string_view(esc, 6));
      from = i + 1;
    }
    put(s.substr(from));
    put("\"");
  }
  void flush() {
    if (len_) write_all(buf_.data(), len_);
    len_ = 0;
  }
  bool failed() const { return failed_; }

 private:
  void write_all(const char* p, size_t n) {
    while (n > 0 && !failed_) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        failed_ = true;
        return;
      }
      p += w;
      n -= static_cast<size_t>(w);
    }
  }
  int fd_;
  std::vector<char> buf_;
  size_t len_ = 0;
  bool failed_ = false;
};

struct Totals {
  uint64_t records = 0, errors = 0;
  uint64_t verdicts[3] = {0, 0, 0};  // eligible, ineligible, undetermined
  uint64_t failed[kRefs] = {};
  uint64_t unknown[kRefs] = {};
};

// The policy gates the award on its subject first (award quality … for organization,
// 第五条): an individual is ineligible citing 第五条 alone, and a record without `kind`
// is undetermined; only an organisation has its items evaluated.
void decide(const Record& r, Output& out, Totals& totals) {
  if (r.subject != kTrue) {
    out.put("{\"applicant\":");
    out.put_string(r.id);
    if (r.subject == kFalse) {
      out.put(",\"award\":\"quality\",\"verdict\":\"ineligible\",\"failed\":[\"第五条\"]}\n");
      ++totals.failed[0];
    } else {
      out.put(",\"award\":\"quality\",\"verdict\":\"undetermined\",\"failed\":[]}\n");
      ++totals.unknown[0];
    }
    ++totals.records;
    ++totals.verdicts[r.subject == kFalse ? 1 : 2];
    return;
  }
  Tri item[kRefs];
  item[0] = r.subject;
  item[1] = t_and(t_and(r.region, r.legal), r.operating);
  item[2] = r.judgement[kCoreTechnology];
  item[3] = t_and(r.excellence, r.judgement[kExcellenceResults]);
  item[4] = r.judgement[kPolicyCompliance];
  item[5] = t_and(r.dishonesty, r.judgement[kGoodFaith]);
  item[6] = t_and(r.incidents, r.penalties);
  item[7] = r.spot;
  item[8] = r.exports;
  item[9] = t_or(r.enterprise, r.activity);
  item[10] = r.fraud;

  Tri all = kTrue;
  for (Tri t : item) all = t_and(all, t);

  out.put("{\"applicant\":");
  out.put_string(r.id);
  out.put(all == kFalse ? ",\"award\":\"quality\",\"verdict\":\"ineligible\",\"failed\":["
          : all == kUnknown ? ",\"award\":\"quality\",\"verdict\":\"undetermined\",\"failed\":["
                            : ",\"award\":\"quality\",\"verdict\":\"eligible\",\"failed\":[");
  bool first = true;
  for (int n = 0; n < kRefs; ++n) {
    if (item[n] == kFalse) {
      if (!first) out.put(",");
      first = false;
      out.put("\"");
      out.put(kRefText[n]);
      out.put("\"");
      ++totals.failed[n];
    } else if (item[n] == kUnknown) {
      ++totals.unknown[n];
    }
  }
  out.put("]}\n");
  ++totals.records;
  ++totals.verdicts[all == kTrue ? 0 : all == kFalse ? 1 : 2];
}

// For an error line: the id, if the line is an object with a string "id" at the top.
bool recover_id(od::parser& parser, const char* line, size_t len, size_t capacity, std::string& id) {
  od::document doc;
  if (parser.iterate(line, len, capacity).get(doc)) return false;
  od::object obj;
  if (doc.get_object().get(obj)) return false;
  for (auto field_result : obj) {
    od::field field;
    if (std::move(field_result).get(field)) return false;
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (key != "id") continue;
    std::string_view s;
    if (field.value().get_string().get(s)) return false;
    id.assign(s.data(), s.size());
    return true;
  }
  return false;
}

void report_error(Output& out, Totals& totals, const std::string* id, uint64_t line_no, const Failure& f) {
  std::string msg = "line " + std::to_string(line_no) + ": ";
  if (f.path.top) msg += describe(f.path) + ": ";
  msg += f.message;
  out.put("{\"applicant\":");
  if (id) out.put_string(*id);
  else out.put("null");
  out.put(",\"error\":");
  out.put_string(msg);
  out.put("}\n");
  ++totals.errors;
}

void process_line(od::parser& parser, Reader& reader, const char* line, size_t len, size_t capacity,
                  uint64_t line_no, Output& out, Totals& totals) {
  if (len > 0 && line[len - 1] == '\r') --len;  // CRLF files
  size_t k = 0;
  while (k < len && (line[k] == ' ' || line[k] == '\t')) ++k;
  if (k == len) return;  // blank line: no record

  Record r;
  od::document doc;
  bool ok;
  error_code e = parser.iterate(line, len, capacity).get(doc);
  if (e) {
    ok = false;
    reader.failure = Failure{Path(), std::string("not valid JSON (") + simdjson::error_message(e) + ")"};
  } else {
    ok = reader.read(doc, r);
    if (ok && !r.has_id) {
      ok = false;
      reader.failure = Failure{Path("id"), "is missing"};
    }
  }
  if (ok) {
    decide(r, out, totals);
    return;
  }
  std::string id;
  if (r.has_id) id.assign(r.id.data(), r.id.size());
  const bool have_id = r.has_id || recover_id(parser, line, len, capacity, id);
  report_error(out, totals, have_id ? &id : nullptr, line_no, reader.failure);
}

// --in-memory N, for the benchmark of evaluation alone (bench/run.py): the whole
// file is read into memory first, then timed N times, best pass reported on
// standard error: (a) reading and deciding every line, as the normal run does but
// without I/O; (b) decide() alone on the records already read, which is what is
// left of the baseline once its reading is done (its rules are folded into the
// reading, so (b) is the combination of the items and the output line).
int in_memory(const char* path, Date on, int passes) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::fprintf(stderr, "daqing-baseline: %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  std::vector<char> buf;
  char block[1 << 16];
  for (size_t got; (got = std::fread(block, 1, sizeof block, f)) > 0;) buf.insert(buf.end(), block, block + got);
  std::fclose(f);
  const size_t size = buf.size();
  buf.resize(size + simdjson::SIMDJSON_PADDING, ' ');
  const int null_fd = ::open("/dev/null", O_WRONLY);
  od::parser parser;
  Reader reader(on);
  // CPU time of the process, not the wall clock, so that the figures hold on a
  // machine whose cores others use too (this is single-threaded).
  auto cpu_now = [] {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  };
  auto seconds = [&](double t0) { return cpu_now() - t0; };
  auto each_line = [&](auto&& fn) {
    for (size_t begin = 0; begin < size;) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + begin, '\n', size - begin));
      const size_t len = nl ? static_cast<size_t>(nl - (buf.data() + begin)) : size - begin;
      fn(buf.data() + begin, len, buf.size() - begin);
      begin += len + 1;
    }
  };
  double best_all = 1e300, best_decide = 1e300;
  uint64_t records = 0;
  for (int pass = 0; pass < passes; ++pass) {
    Output out(null_fd);
    Totals totals;
    uint64_t line_no = 0;
    double t0 = cpu_now();
    each_line([&](const char* line, size_t len, size_t cap) {
      process_line(parser, reader, line, len, cap, ++line_no, out, totals);
    });
    out.flush();
    best_all = std::min(best_all, seconds(t0));
    records = totals.records + totals.errors;
  }
  // The records, read once. Their ids are copied out of the file's buffer into an
  // array of their own: as views of the buffer, deciding a record touched a new
  // part of a 100 MB buffer for its id, and decide() measured memory (190 ns a
  // record at 10^5 records, 60 ns at 2*10^4) rather than deciding; Award decides a
  // record whose id sits in its store.
  std::vector<Record> read;
  std::vector<std::string> ids;
  read.reserve(records);
  ids.reserve(records);  // never reallocated: the views below stay valid
  each_line([&](const char* line, size_t len, size_t cap) {
    od::document doc;
    Record r;
    if (!parser.iterate(line, len, cap).get(doc) && reader.read(doc, r) && read.size() < records) {
      ids.emplace_back(r.id);
      r.id = ids.back();
      read.push_back(r);
    }
  });
  for (int pass = 0; pass < passes; ++pass) {
    Output out(null_fd);
    Totals totals;
    double t0 = cpu_now();
    for (const Record& r : read) decide(r, out, totals);
    out.flush();
    best_decide = std::min(best_decide, seconds(t0));
  }
  ::close(null_fd);
  std::fprintf(stderr,
               "daqing-baseline, in memory, best of %d: read and decide %.3f s (%.0f records/s, %.0f ns/record); "
               "decide alone %.4f s (%.1f ns/record)\n",
               passes, best_all, records / best_all, best_all * 1e9 / records, best_decide,
               best_decide * 1e9 / read.size());
  return 0;
}

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "daqing-baseline: %s\n"
               "usage: daqing-baseline --on YYYY-MM-DD [--summary] [--in-memory PASSES] FILE|-\n",
               msg);
  std::exit(2);
}

void print_summary(const Totals& t) {
  std::fprintf(stderr, "records %llu  errors %llu\n", static_cast<unsigned long long>(t.records),
               static_cast<unsigned long long>(t.errors));
  std::fprintf(stderr, "eligible %llu  ineligible %llu  undetermined %llu\n",
               static_cast<unsigned long long>(t.verdicts[0]), static_cast<unsigned long long>(t.verdicts[1]),
               static_cast<unsigned long long>(t.verdicts[2]));
  for (int n = 0; n < kRefs; ++n)
    std::fprintf(stderr, "  %.*s  false %llu  unknown %llu\n", static_cast<int>(kRefText[n].size()),
                 kRefText[n].data(), static_cast<unsigned long long>(t.failed[n]),
                 static_cast<unsigned long long>(t.unknown[n]));
}

}  // namespace

int main(int argc, char** argv) {
  const char* path = nullptr;
  const char* on_text = nullptr;
  bool summary = false;
  int in_memory_passes = 0;
  for (int a = 1; a < argc; ++a) {
    std::string_view arg = argv[a];
    if (arg == "--in-memory") {
      if (a + 1 >= argc || (in_memory_passes = std::atoi(argv[++a])) < 1) usage("--in-memory needs a number of passes");
    } else if (arg == "--on") {
      if (a + 1 >= argc) usage("--on needs a date");
      on_text = argv[++a];
    } else if (arg == "--summary") {
      summary = true;
    } else if (arg == "-h" || arg == "--help") {
      usage("decides 大庆 第十条 for each record of a JSON Lines file");
    } else if (arg.size() > 1 && arg[0] == '-') {
      usage(("unknown option " + std::string(arg)).c_str());
    } else if (path) {
      usage("one input file only");
    } else {
      path = argv[a];
    }
  }
  if (!on_text) usage("--on YYYY-MM-DD is required");
  if (!path) usage("an input file (or - for standard input) is required");
  std::optional<Date> on = award::parse_date(on_text);
  if (!on) usage("--on needs a valid date as YYYY-MM-DD");
  if (in_memory_passes) return in_memory(path, *on, in_memory_passes);

  int fd = 0;
  if (std::strcmp(path, "-") != 0) {
    fd = ::open(path, O_RDONLY);
    if (fd < 0) {
      std::fprintf(stderr, "daqing-baseline: %s: %s\n", path, std::strerror(errno));
      return 2;
    }
  }

  od::parser parser;
  Reader reader(*on);
  Output out(1);
  Totals totals;

  // The input is read in large chunks into one buffer that always keeps
  // SIMDJSON_PADDING spare bytes after its end; each line is parsed in place.
  size_t capacity = size_t(16) << 20;
  std::vector<char> buf(capacity + simdjson::SIMDJSON_PADDING);
  size_t begin = 0, end = 0;
  uint64_t line_no = 0;
  bool eof = false;
  for (;;) {
    const char* nl = static_cast<const char*>(std::memchr(buf.data() + begin, '\n', end - begin));
    if (nl) {
      const size_t len = static_cast<size_t>(nl - (buf.data() + begin));
      process_line(parser, reader, buf.data() + begin, len, buf.size() - begin, ++line_no, out, totals);
      begin += len + 1;
      continue;
    }
    if (eof) {
      if (begin < end) process_line(parser, reader, buf.data() + begin, end - begin, buf.size() - begin, ++line_no, out, totals);
      break;
    }
    // Keep the partial line, make room, read more.
    if (begin > 0) {
      std::memmove(buf.data(), buf.data() + begin, end - begin);
      end -= begin;
      begin = 0;
    }
    if (end == capacity) {  // one line longer than the buffer: grow it
      capacity *= 2;
      buf.resize(capacity + simdjson::SIMDJSON_PADDING);
    }
    ssize_t got = ::read(fd, buf.data() + end, capacity - end);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "daqing-baseline: read %s: %s\n", path, std::strerror(errno));
      return 2;
    }
    if (got == 0) eof = true;
    end += static_cast<size_t>(got);
  }
  if (fd != 0) ::close(fd);
  out.flush();
  if (out.failed()) {
    std::fprintf(stderr, "daqing-baseline: write failed: %s\n", std::strerror(errno));
    return 2;
  }
  if (summary) print_summary(totals);
  return totals.errors ? 1 : 0;
}
