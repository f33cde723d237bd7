#include "runtime/facts.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <fmt/args.h>
#include <fmt/format.h>
#include <functional>
#include <optional>
#include <simdjson.h>

#include "runtime/date.h"

namespace award {

namespace od = simdjson::ondemand;

// --- Messages: from the catalogue, in English and in Chinese -------------------

namespace {

// One argument of a problem's message, in both languages: a word of the
// catalogue, or text from the record that is the same in both.
struct Arg {
  std::string en, zh;
  Arg(std::string_view s) : en(s), zh(s) {}
  Arg(const char* s) : en(s), zh(s) {}
  Arg(const std::string& s) : en(s), zh(s) {}
  Arg(Msg m) : en(message_format(m, Lang::En)), zh(message_format(m, Lang::Zh)) {}
  Arg(std::string e, std::string z) : en(std::move(e)), zh(std::move(z)) {}
};

std::string fill(Msg m, Lang lang, std::initializer_list<Arg> args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const Arg& a : args) store.push_back(lang == Lang::Zh ? a.zh : a.en);
  return fmt::vformat(message_format(m, lang), store);
}

void set_problem(LoadProblem& e, std::string field, Msg m, std::initializer_list<Arg> args = {}) {
  e.field = std::move(field);
  e.message = fill(m, Lang::En, args);
  e.message_zh = fill(m, Lang::Zh, args);
}

// What a JSON value is, by its first byte (as simdjson's type() tells it).
std::optional<od::json_type> json_type_of(char c) {
  switch (c) {
    case '{': return od::json_type::object;
    case '[': return od::json_type::array;
    case '"': return od::json_type::string;
    case 'n': return od::json_type::null;
    case 't': case 'f': return od::json_type::boolean;
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return od::json_type::number;
    default: return std::nullopt;
  }
}

Msg json_type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array: return Msg::facts_a_list;
    case od::json_type::object: return Msg::facts_an_object;
    case od::json_type::number: return Msg::expected_a_number;
    case od::json_type::string: return Msg::type_text;
    case od::json_type::boolean: return Msg::facts_true_false;
    case od::json_type::null: return Msg::facts_null;
  }
  return Msg::facts_a_value;
}

Arg expected_name(const ir::Policy& p, ir::TypeId t) {
  const auto& ti = p.types[t];
  switch (ti.kind) {
    case ir::Kind::Bool: return Msg::facts_true_or_false;
    case ir::Kind::Number: return Msg::expected_a_number;
    case ir::Kind::Money: return Msg::facts_an_amount;
    case ir::Kind::Text: return Msg::type_text;
    case ir::Kind::Date: return Msg::facts_a_date;
    case ir::Kind::Enum: {
      std::string en, zh;
      for (const auto& m : p.enums[ti.ref].members) {
        en += (en.empty() ? "" : message_format(Msg::list_separator, Lang::En)) + m;
        zh += (zh.empty() ? "" : message_format(Msg::list_separator, Lang::Zh)) + m;
      }
      return Arg(fill(Msg::facts_one_of, Lang::En, {en}), fill(Msg::facts_one_of, Lang::Zh, {zh}));
    }
    case ir::Kind::Record: return Msg::facts_an_object;
    case ir::Kind::List: return Msg::facts_a_list;
    default: return Msg::facts_a_value;
  }
}

}  // namespace

// Where a value lies in the record, one part per enclosing field or list element,
// linked up the stack: spelt out as incidents[2].date only for a message.
struct FactLoader::PathPart {
  const PathPart* up = nullptr;
  std::string_view key;  // a field's name, or
  size_t index = 0;      // a list element's index
  bool is_index = false;
};

std::string FactLoader::path_of(const PathPart* at) {
  if (!at) return "";
  std::string s = path_of(at->up);
  if (at->is_index) return s + "[" + std::to_string(at->index) + "]";
  return (s.empty() ? s : s + ".") + std::string(at->key);
}

// --- Keys ----------------------------------------------------------------------

void FactLoader::KeyTable::add(std::string_view name, int32_t index) {
  for (const auto& n : names_)
    if (n == name) return;  // the first of a name wins, as a map's emplace would
  names_.emplace_back(name);
  indexes_.push_back(index);
  rebuild();
}

FactLoader::KeyTable::Entry FactLoader::KeyTable::entry(size_t i) const {
  static_assert(std::endian::native == std::endian::little, "a name's bytes are the low ones of each word");
  Entry e;
  std::memcpy(e.w, names_[i].data(), std::min(names_[i].size(), sizeof e.w));
  e.len = static_cast<uint32_t>(names_[i].size());
  e.index = indexes_[i];
  e.name = static_cast<int32_t>(i);
  return e;
}

int32_t FactLoader::KeyTable::find_slow(const char* key, size_t len) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == std::string_view(key, len)) return indexes_[i];
  return -1;
}

// Tries multipliers (odd, from a fixed sequence, so that the table is the same
// on every run) for a table four times the number of names, then twice as
// large, until every name has a place of its own. Two names of one length and
// the same first eight bytes cannot be told apart so: they share a place marked
// `shared`, and their lookups go through the list of names.
void FactLoader::KeyTable::rebuild() {
  unsigned bits = 2;
  while ((size_t{1} << bits) < 4 * names_.size()) ++bits;
  uint64_t m = 0x9E3779B97F4A7C15ull;
  for (int tries = 1;; ++tries) {
    m = m * 6364136223846793005ull + 1442695040888963407ull;
    multiplier_ = m | 1;
    shift_ = 64 - bits;
    places_.assign(size_t{1} << bits, Entry{});
    const bool last = bits >= 16;  // then clashes are left shared
    bool clash = false;
    for (size_t i = 0; i < names_.size() && !clash; ++i) {
      Entry e = entry(i);
      Entry& at = places_[place(e.w[0], e.len)];
      if (at.len == ~uint32_t{0}) at = e;
      else if ((at.len == e.len && at.w[0] == e.w[0]) || last) at.shared = true;
      else clash = true;
    }
    if (!clash) return;
    if (tries % 64 == 0) ++bits;
  }
}

// --- What to read, compiled from the layouts ----------------------------------

namespace {

constexpr int32_t kJudgements = -2;  // the key of the judgements map, at the top of a record

}  // namespace

FactLoader::FactLoader(const ir::Policy& p) : p_(p) {
  for (size_t j = 0; j < p.judgements.size(); ++j) judgement_ids_.add(p.judgements[j].id, static_cast<int32_t>(j));
  build(nullptr);
}

FactLoader::Reader FactLoader::reader_for(ir::TypeId type, bool optional) {
  Reader r;
  r.type = type;
  r.optional = optional;
  const auto& ti = p_.types[type];
  switch (ti.kind) {
    case ir::Kind::Bool: r.read = Read::Bool; break;
    case ir::Kind::Number:
    case ir::Kind::Money: r.read = Read::Number; break;
    case ir::Kind::Text: r.read = Read::Text; break;
    case ir::Kind::Date: r.read = Read::Date; break;
    case ir::Kind::Enum: r.read = Read::Enum; r.ref = ti.ref; break;
    case ir::Kind::Record: r.read = Read::Record; r.ref = ti.ref; break;
    case ir::Kind::List: {
      Reader elem = reader_for(ti.elem, false);
      r.read = Read::List;
      r.ref = static_cast<int32_t>(elements_of_.size());
      elements_of_.push_back(elem);
      break;
    }
    default: r.read = Read::Invalid; break;
  }
  return r;
}

// `needed` (per record type, per slot) narrows what is read; null reads every slot.
void FactLoader::build(const std::vector<std::vector<char>>* needed) {
  layouts_.assign(p_.records.size(), Layout{});
  elements_of_.clear();
  for (size_t r = 0; r < p_.records.size(); ++r) {
    const auto& rec = p_.records[r];
    Layout& l = layouts_[r];
    if (static_cast<int32_t>(r) == p_.organization || static_cast<int32_t>(r) == p_.individual)
      l.keys.add("judgements", kJudgements);  // before the fields: the map is read in their stead
    for (size_t f = 0; f < rec.fields.size(); ++f) {
      const ir::Field& fd = rec.fields[f];
      l.keys.add(fd.name, static_cast<int32_t>(f));
      Reader rd;
      if (fd.slot >= 0 && (!needed || (*needed)[r][fd.slot])) {
        rd = reader_for(fd.type, fd.optional);
        rd.slot = fd.slot;
        if (fd.lo || fd.hi) rd.field = &fd;
        l.reads_any = true;
      }
      l.fields.push_back(rd);
      if (fd.name == "id") l.id_field = static_cast<int32_t>(f);
      if (fd.name == "kind") l.kind_field = static_cast<int32_t>(f);
    }
    for (int32_t s = 0; s < rec.slot_count; ++s)
      l.blank.push_back(rec.fields[rec.slot_field[s]].optional ? Value::none() : Value::unknown());
  }
}

void FactLoader::read_only_for(int32_t award) {
  std::vector<std::vector<char>> need(p_.records.size());
  for (size_t r = 0; r < p_.records.size(); ++r) need[r].assign(p_.records[r].slot_count, 0);
  auto record_of = [&](ir::TypeId t) { return t >= 0 && p_.types[t].kind == ir::Kind::Record ? p_.types[t].ref : -1; };
  std::vector<int32_t> frames(static_cast<size_t>(p_.max_depth) + 2, -1);  // the record type of each frame
  bool everything = false;  // a read this walk cannot place: read every slot, as before
  std::function<void(int32_t)> mark = [&](int32_t n) {
    if (n < 0 || everything) return;
    const ir::Node& x = p_.nodes[n];
    switch (x.op) {
      case ir::Op::Const: case ir::Op::Today: case ir::Op::AwardedOn: case ir::Op::Judged: case ir::Op::Elem: return;
      case ir::Op::Load: {
        int32_t r = x.a >= 0 && static_cast<size_t>(x.a) < frames.size() ? frames[x.a] : -1;
        if (r < 0) everything = true;
        else need[r][x.b] = 1;
        return;
      }
      case ir::Op::Field: {
        mark(x.a);
        int32_t r = record_of(p_.nodes[x.a].type);
        if (r < 0) everything = true;
        else need[r][x.b] = 1;
        return;
      }
      case ir::Op::MakeList:
        for (int32_t i = 0; i < x.b; ++i) mark(p_.lists[x.a + i]);
        return;
      case ir::Op::Any: case ir::Op::No: case ir::Op::All: case ir::Op::Count: {
        mark(x.a);
        ir::TypeId lt = p_.nodes[x.a].type;
        if (x.c < 0 || static_cast<size_t>(x.c) >= frames.size()) { everything = true; return; }
        frames[x.c] = lt >= 0 && p_.types[lt].kind == ir::Kind::List ? record_of(p_.types[lt].elem) : -1;
        mark(x.d);
        mark(x.b);
        return;
      }
      case ir::Op::If: case ir::Op::Within:
        mark(x.a), mark(x.b), mark(x.c);
        return;
      case ir::Op::Not: case ir::Op::Neg: case ir::Op::IsSet: case ir::Op::Year:
        mark(x.a);
        return;
      case ir::Op::And: case ir::Op::Or: case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Div:
      case ir::Op::DateAdd: case ir::Op::DateSub: case ir::Op::DateDiff: case ir::Op::Cmp: case ir::Op::CmpElapsed:
      case ir::Op::In: case ir::Op::Overlaps:
        mark(x.a), mark(x.b);
        return;
    }
    everything = true;  // an operation added later: read what it might need
  };
  for (const auto& r : p_.rules) {
    if (std::find(r.awards.begin(), r.awards.end(), award) == r.awards.end()) continue;
    if (r.subject < 0) everything = true;
    frames[0] = r.subject;
    mark(r.when);
    mark(r.body);
    for (const auto& e : r.exceptions) mark(e.cond), mark(e.body);
  }
  // What every result line prints: the applicant's id (a wrong type is still an
  // error), and its kind, which decides the subject.
  for (int32_t root : {p_.organization, p_.individual}) {
    if (root < 0) continue;
    for (const ir::Field& fd : p_.records[root].fields)
      if (fd.slot >= 0 && (fd.name == "id" || fd.name == "kind")) need[root][fd.slot] = 1;
  }
  if (!everything) build(&need);
}

// --- Reading ---------------------------------------------------------------------

namespace {

// A key where it lies in the record: from just after its opening quote to its
// closing quote, found by walking back from its value over the colon (only
// blanks can stand around it: simdjson checked the colon is the next token).
std::string_view raw_key(const char* key, const char* value) {
  const char* q = value - 1;
  while (*q != ':') --q;
  --q;
  while (*q != '"') --q;
  return std::string_view(key, static_cast<size_t>(q - key));
}

bool has_backslash(std::string_view s) { return std::memchr(s.data(), '\\', s.size()) != nullptr; }

// The text of a string token without its quotes, escapes still in (blanks may
// follow the closing quote up to the next token).
std::string_view string_content(std::string_view token) {
  size_t end = token.size();
  while (token[end - 1] != '"') --end;
  return token.substr(1, end - 2);
}

// A date "YYYY-MM-DD" as parse_date reads it, without its loops: nearly every
// date of a record is well formed, and a record has several. Anything else
// (including an impossible date) is left to parse_date, which decides it.
std::optional<Date> quick_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return parse_date(s);
  auto digit = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i])) - '0'; };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5), m1 = digit(6),
                 d0 = digit(8), d1 = digit(9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) > 9) return parse_date(s);
  const int y = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3), m = static_cast<int>(m0 * 10 + m1),
            d = static_cast<int>(d0 * 10 + d1);
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return parse_date(s);
  return make_date(y, m, d);
}

std::string_view number_text(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
    token.remove_suffix(1);
  return token;
}

}  // namespace

uint32_t FactLoader::add_record(int32_t rec, FactStore& store) const {
  uint32_t base = static_cast<uint32_t>(store.slots.size());
  const auto& blank = layouts_[rec].blank;
  store.slots.insert(store.slots.end(), blank.begin(), blank.end());
  return base;
}

bool FactLoader::load(od::object& obj, FactStore& store, LoadProblem& error, std::vector<std::string>* unknown) {
  store.clear();
  elements_.clear();  // what a failed load left
  store.judgements.assign(p_.judgements.size(), Value::unknown());
  int32_t rec = -1;
  Fields it = obj.begin(), end = obj.end();
  // Nearly every record starts with its id and its kind: then the walk goes on from
  // the third field. Otherwise the record is read the long way round, from the start.
  Start start = start_fast(it, end, store, rec, error);
  if (start == Start::Bad) return false;
  if (start == Start::Slow) {
    if (!start_slow(obj, store, error, rec)) return false;
    if (rec < 0) {
      // Without a kind no rule can be read; still walk the record so that malformed JSON is reported
      for (auto field : obj) {
        if (field.error()) {
          set_problem(error, "", Msg::record_not_json_because, {simdjson::error_message(field.error())});
          return false;
        }
      }
      return true;
    }
    uint32_t base = add_record(rec, store);
    it = obj.begin();
    end = obj.end();
    if (!read_fields(it, end, rec, store, base, nullptr, true, error, unknown)) return false;
  } else if (!read_fields(it, end, rec, store, 0, nullptr, true, error, unknown)) {
    return false;
  }
  store.root.tag = Tag::Record;
  store.root.rec = 0;  // the root's slots come first
  store.root_type = rec;
  return true;
}

// The first two fields, when they are "id" and "kind" with plain strings and the
// kind names a record type whose id and kind slots take text and an enumeration:
// the id and the kind are read, the root's slots made, and `it` left on the third
// field. Slow otherwise (nothing read), and the slow start decides; Bad on a JSON
// error, which ends the record at once (see start_slow).
FactLoader::Start FactLoader::start_fast(Fields& it, const Fields& end, FactStore& store, int32_t& rec,
                                         LoadProblem& error) {
  bool bad = false;
  auto plain_field = [&](std::string_view name, std::string_view& value) {
    if (!(it != end)) return false;
    auto field = *it;
    if (auto e = field.error()) {
      set_problem(error, "", Msg::record_not_json_because, {simdjson::error_message(e)});
      bad = true;
      return false;
    }
    od::field& f = field.value_unsafe();
    std::string_view token = f.value().raw_json_token();
    if (raw_key(f.key().raw(), token.data()) != name || token[0] != '"') return false;
    value = string_content(token);
    if (has_backslash(value)) return false;
    ++it;
    return true;
  };
  std::string_view id, kind;
  if (!plain_field("id", id)) return bad ? Start::Bad : Start::Slow;
  store.id.assign(id);  // at once, so that an error in the next field names the record; keeps the capacity
  if (!plain_field("kind", kind)) return bad ? Start::Bad : Start::Slow;
  rec = kind == "organization" ? p_.organization : kind == "individual" ? p_.individual : -1;
  if (rec < 0) return Start::Slow;
  const Layout& l = layouts_[rec];
  const Reader* idr = l.id_field >= 0 ? &l.fields[l.id_field] : nullptr;
  const Reader* kr = l.kind_field >= 0 ? &l.fields[l.kind_field] : nullptr;
  int32_t ord = -1;
  if (kr && kr->read == Read::Enum) {
    const auto& members = p_.enums[kr->ref].members;
    for (size_t i = 0; i < members.size(); ++i)
      if (members[i] == kind) ord = static_cast<int32_t>(i);
  }
  if ((idr && idr->read != Read::Skip && idr->read != Read::Text) ||
      (kr && kr->read != Read::Skip && (kr->read != Read::Enum || ord < 0))) {
    rec = -1;
    return Start::Slow;
  }
  uint32_t base = add_record(rec, store);
  if (idr && idr->read == Read::Text) {
    uint32_t off = static_cast<uint32_t>(store.text.size());
    store.text.append(id);
    store.slots[base + idr->slot] = Value::text_of(off, static_cast<uint32_t>(id.size()), Arena::Facts);
  }
  if (kr && kr->read == Read::Enum) store.slots[base + kr->slot] = Value::enumeration(static_cast<uint32_t>(ord));
  return Start::Fast;
}

// The id first, so that every message about this record can name it, then the
// kind, wherever they stand in the record. A JSON error here ends the record at
// once: simdjson abandons a document after one, and touching it again
// dereferences a null parser (a crash that eval_fuzz found,
// tests/fuzz-regressions/eval_fuzz/).
bool FactLoader::start_slow(od::object& obj, FactStore& store, LoadProblem& error, int32_t& rec) {
  rec = -1;
  if (obj.reset().error()) {
    set_problem(error, "", Msg::record_not_json);
    return false;
  }
  {
    od::value idv;
    std::string_view id;
    auto err = obj.find_field_unordered("id").get(idv);
    if (!err) err = idv.get_string().get(id);
    if (!err) store.id.assign(id);
    else if (err != simdjson::NO_SUCH_FIELD && err != simdjson::INCORRECT_TYPE) {
      set_problem(error, "", Msg::record_not_json_because, {simdjson::error_message(err)});
      return false;
    }
    if (obj.reset().error()) {
      set_problem(error, "", Msg::record_not_json);
      return false;
    }
  }
  // Which vocabulary applies depends on `kind`, wherever it stands in the record.
  od::value kv;
  auto err = obj.find_field_unordered("kind").get(kv);
  bool is_null = false;
  if (!err && !kv.is_null().get(is_null) && is_null) err = simdjson::NO_SUCH_FIELD;  // null: not given
  if (!err) {
    std::string_view k;
    if (auto e = kv.get_string().get(k)) {
      if (e == simdjson::INCORRECT_TYPE) set_problem(error, "kind", Msg::facts_kind_type);
      else set_problem(error, "kind", Msg::record_not_json_because, {simdjson::error_message(e)});
      return false;
    }
    if (k == "organization") rec = p_.organization;
    else if (k == "individual") rec = p_.individual;
    else {
      set_problem(error, "kind", Msg::facts_kind_value, {k});
      return false;
    }
  } else if (err != simdjson::NO_SUCH_FIELD) {
    set_problem(error, "", Msg::record_not_json_because, {simdjson::error_message(err)});
    return false;
  }
  if (obj.reset().error()) {
    set_problem(error, "", Msg::record_not_json);
    return false;
  }
  return true;
}

bool FactLoader::read_fields(Fields& it, const Fields& end, int32_t rec, FactStore& store, uint32_t base,
                             const PathPart* at, bool top, LoadProblem& error, std::vector<std::string>* unknown) {
  const Layout& layout = layouts_[rec];
  for (; it != end; ++it) {
    auto field = *it;
    if (auto e = field.error()) {
      set_problem(error, path_of(at), Msg::record_not_json_because, {simdjson::error_message(e)});
      return false;
    }
    od::field& f = field.value_unsafe();  // in place: copying the field stalls on the copy just made
    od::value& v = f.value();
    std::string_view token = v.raw_json_token();
    std::string_view key = raw_key(f.key().raw(), token.data());
    int32_t index = layout.keys.find(key.data(), key.size());
    // A name of the vocabulary has no backslash, so only a key that matched none
    // can have an escape to undo.
    if (index == -1 && has_backslash(key)) {
      if (auto e = f.unescaped_key().get(key)) {
        set_problem(error, path_of(at), Msg::record_not_json_because, {simdjson::error_message(e)});
        return false;
      }
      index = layout.keys.find(key.data(), key.size());
    }
    if (index == kJudgements) {
      if (top) {
        if (!read_judgements(v, store, error, unknown)) return false;
        continue;
      }
      index = -1;
    }
    if (index < 0) {
      if (unknown) {
        std::string prefix = path_of(at);
        unknown->push_back(prefix.empty() ? std::string(key) : prefix + "." + std::string(key));
      }
      continue;
    }
    const Reader& r = layout.fields[index];
    if (r.read == Read::Skip) continue;  // nobody reads it: skipped unparsed
    PathPart here{at, key};
    Value out;
    if (!read_value(v, token, r, store, out, &here, error, unknown)) return false;
    if (r.field && out.tag == Tag::Num) {
      Decimal d{out.num};
      const ir::Field& fd = *r.field;
      if ((fd.lo && d < *fd.lo) || (fd.hi && d > *fd.hi)) {
        set_problem(error, path_of(&here), Msg::facts_out_of_bounds,
                    {format_decimal(d), format_decimal(fd.lo.value_or(d)), format_decimal(fd.hi.value_or(d))});
        return false;
      }
    }
    store.slots[base + r.slot] = out;
  }
  return true;
}

bool FactLoader::read_judgements(od::value& v, FactStore& store, LoadProblem& error, std::vector<std::string>* unknown) {
  od::object obj;
  if (v.get_object().get(obj)) {
    set_problem(error, "judgements", Msg::facts_judgements_type);
    return false;
  }
  for (auto field : obj) {
    if (field.error()) {
      set_problem(error, "judgements", Msg::record_not_json);
      return false;
    }
    od::field& f = field.value_unsafe();
    od::value& jv = f.value();
    std::string_view token = jv.raw_json_token();
    std::string_view key = raw_key(f.key().raw(), token.data());
    int32_t at = judgement_ids_.find(key.data(), key.size());
    if (at < 0 && has_backslash(key)) {
      if (f.unescaped_key().get(key)) {
        set_problem(error, "judgements", Msg::record_not_json);
        return false;
      }
      at = judgement_ids_.find(key.data(), key.size());
    }
    if (at < 0) {
      if (unknown) unknown->push_back("judgements." + std::string(key));
      continue;
    }
    auto t = json_type_of(token[0]);
    if (!t) {
      set_problem(error, "judgements." + std::string(key), Msg::record_not_json);
      return false;
    }
    if (*t == od::json_type::null) continue;
    bool b;
    if (*t != od::json_type::boolean || jv.get_bool().get(b)) {
      set_problem(error, "judgements." + std::string(key), Msg::facts_judgement_value, {json_type_name(*t)});
      return false;
    }
    store.judgements[at] = Value::boolean(b);
  }
  return true;
}

// A value of the wrong JSON type (or not JSON at all) for what reads it.
bool FactLoader::wrong_type(std::string_view token, const Reader& r, const PathPart* at, LoadProblem& error) const {
  auto t = json_type_of(token[0]);
  if (!t) set_problem(error, path_of(at), Msg::record_not_json_because, {simdjson::error_message(simdjson::TAPE_ERROR)});
  else set_problem(error, path_of(at), Msg::facts_expected, {expected_name(p_, r.type), json_type_name(*t)});
  return false;
}

bool FactLoader::read_value(od::value& v, std::string_view token, const Reader& r, FactStore& store, Value& out,
                            const PathPart* at, LoadProblem& error, std::vector<std::string>* unknown) {
  const char c = token[0];
  if (c == 'n') {  // null (as simdjson's type() tells it, by the first byte): not given
    out = r.optional ? Value::none() : Value::unknown();
    return true;
  }
  switch (r.read) {
    case Read::Bool: {
      bool b;
      if ((c != 't' && c != 'f') || v.get_bool().get(b)) return wrong_type(token, r, at, error);
      out = Value::boolean(b);
      return true;
    }
    case Read::Number: {
      if (c != '-' && (c < '0' || c > '9')) return wrong_type(token, r, at, error);
      std::string_view raw = number_text(token);
      auto d = parse_decimal(raw);
      if (!d) {
        set_problem(error, path_of(at), Msg::facts_inexact_number, {raw});
        return false;
      }
      out = Value::number(*d);
      return true;
    }
    case Read::Text:
    case Read::Date:
    case Read::Enum: {
      if (c != '"') return wrong_type(token, r, at, error);
      std::string_view s = string_content(token);
      // The text as written, unless it has an escape: then simdjson's, unescaped.
      auto unescape = [&]() { return v.get_string().get(s) == simdjson::SUCCESS; };
      if (r.read == Read::Date) {
        auto d = quick_date(s);
        if (!d && has_backslash(s)) {
          if (!unescape()) return wrong_type(token, r, at, error);
          d = parse_date(s);
        }
        if (!d) {
          set_problem(error, path_of(at), Msg::facts_not_a_date, {s});
          return false;
        }
        out = Value::date_of(d->days);
        return true;
      }
      if (r.read == Read::Enum) {
        const auto& members = p_.enums[r.ref].members;
        for (int pass = 0; pass < 2; ++pass) {
          for (size_t i = 0; i < members.size(); ++i)
            if (members[i] == s) {
              out = Value::enumeration(static_cast<uint32_t>(i));
              return true;
            }
          if (pass > 0 || !has_backslash(s)) break;
          if (!unescape()) return wrong_type(token, r, at, error);
        }
        set_problem(error, path_of(at), Msg::facts_not_member, {s, expected_name(p_, r.type)});
        return false;
      }
      if (has_backslash(s) && !unescape()) return wrong_type(token, r, at, error);
      uint32_t off = static_cast<uint32_t>(store.text.size());
      store.text.append(s);
      out = Value::text_of(off, static_cast<uint32_t>(s.size()), Arena::Facts);
      return true;
    }
    case Read::Record: {
      if (c != '{') return wrong_type(token, r, at, error);
      uint32_t base = add_record(r.ref, store);
      out.tag = Tag::Record;
      out.rec = base;
      // Nothing in it is read and no unknown field is asked for: left unparsed.
      if (!layouts_[r.ref].reads_any && !unknown) return true;
      od::object o;
      if (v.get_object().get(o)) return wrong_type(token, r, at, error);
      Fields it = o.begin(), end = o.end();
      return read_fields(it, end, r.ref, store, base, at, false, error, unknown);
    }
    case Read::List: {
      od::array a;
      if (c != '[' || v.get_array().get(a)) return wrong_type(token, r, at, error);
      const Reader& elem = elements_of_[r.ref];
      // Elements are loaded first (each may append slots and, for a nested list, items),
      // their indexes kept on elements_ meanwhile and moved to items after.
      const size_t mark = elements_.size();
      size_t i = 0;
      for (auto element : a) {
        if (element.error()) {
          set_problem(error, path_of(at), Msg::record_not_json);
          return false;
        }
        od::value& ev = element.value_unsafe();  // in place, as for fields
        PathPart here{at, {}, i, true};
        Value x;
        if (!read_value(ev, ev.raw_json_token(), elem, store, x, &here, error, unknown)) return false;
        uint32_t slot = static_cast<uint32_t>(store.slots.size());
        store.slots.push_back(x);
        elements_.push_back(slot);
        ++i;
      }
      out.tag = Tag::List;
      out.list.off = static_cast<uint32_t>(store.items.size());
      out.list.count = static_cast<uint32_t>(elements_.size() - mark);
      store.items.insert(store.items.end(), elements_.begin() + static_cast<ptrdiff_t>(mark), elements_.end());
      elements_.resize(mark);
      return true;
    }
    case Read::Skip:
    case Read::Invalid: break;
  }
  return wrong_type(token, r, at, error);
}

std::string value_to_json(const ir::Policy& p, const FactStore& s, const Value& v, ir::TypeId type) {
  switch (v.tag) {
    case Tag::Unknown: return "null";
    case Tag::None: return "null";
    case Tag::Bool: return v.b ? "true" : "false";
    case Tag::Num: return format_decimal(Decimal{v.num});
    case Tag::Date: return "\"" + format_date(Date{v.date}) + "\"";
    case Tag::Enum: {
      const auto& ti = p.types[type];
      if (ti.kind == ir::Kind::Enum) return "\"" + p.enums[ti.ref].members[v.ord] + "\"";
      return std::to_string(v.ord);
    }
    case Tag::Text: {
      std::string out = "\"";
      for (char c : s.text_of(v, p)) {
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else out += c;
      }
      return out + "\"";
    }
    case Tag::List: {
      ir::TypeId elem = p.types[type].elem;
      std::string out = "[";
      for (uint32_t i = 0; i < v.list.count; ++i) {
        if (i) out += ",";
        out += value_to_json(p, s, s.slots[s.items[v.list.off + i]], elem);
      }
      return out + "]";
    }
    case Tag::Record: {
      const auto& r = p.records[p.types[type].ref];
      std::string out = "{";
      bool first = true;
      for (int32_t slot = 0; slot < r.slot_count; ++slot) {
        const auto& f = r.fields[r.slot_field[slot]];
        const Value& x = s.slots[v.rec + slot];
        if (x.tag == Tag::Unknown || x.tag == Tag::None) continue;
        if (!first) out += ",";
        first = false;
        out += "\"" + f.name + "\":" + value_to_json(p, s, x, f.type);
      }
      return out + "}";
    }
    case Tag::Dur: return std::to_string(v.dur.amount);
    case Tag::Elapsed: return "null";
    case Tag::NumRange: return "null";
  }
  return "null";
}

}  // namespace award

namespace award {

bool load_record_text(FactLoader& loader, std::string_view json, FactStore& store, LoadProblem& error,
                      std::vector<std::string>* unknown) {
  simdjson::padded_string padded(json);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(padded).get(doc)) {
    set_problem(error, "", Msg::record_not_json_because, {simdjson::error_message(e)});
    return false;
  }
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) {
    set_problem(error, "", Msg::record_not_object);
    return false;
  }
  return loader.load(obj, store, error, unknown);
}

}  // namespace award
