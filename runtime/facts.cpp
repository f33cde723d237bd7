#include "runtime/facts.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <simdjson.h>

#include "runtime/date.h"

namespace award {

namespace od = simdjson::ondemand;

// A name's first sixteen bytes (zero past its end) and its length tell the names of a
// vocabulary apart: a lookup is one multiplication and, for a name of sixteen bytes
// or fewer, the comparison of two pairs of words.
FactLoader::NameTable::Head FactLoader::NameTable::head(std::string_view s) {
  Head h;
  std::memcpy(h.w, s.data(), std::min<size_t>(s.size(), 16));
  return h;
}

FactLoader::NameTable::Head FactLoader::NameTable::head_of_padded(std::string_view s) {
  Head h;
  std::memcpy(h.w, s.data(), 16);  // may read past the name: the caller's buffer is padded
  // Little-endian: a name's bytes are the low ones of each word.
  if (s.size() < 16) h.w[1] &= s.size() <= 8 ? 0 : (uint64_t{1} << (8 * (s.size() - 8))) - 1;
  if (s.size() < 8) h.w[0] &= (uint64_t{1} << (8 * s.size())) - 1;
  return h;
}

uint32_t FactLoader::NameTable::hash(const Head& h, size_t len) {
  return static_cast<uint32_t>(((h.w[0] ^ (h.w[1] * 31) ^ len) * 0x9E3779B97F4A7C15ull) >> 32);
}

void FactLoader::NameTable::add(std::string_view name, int32_t index) {
  if (find_head(name, head(name)) >= 0) return;  // the first of a name wins, as a map's emplace would
  std::vector<Entry> old;
  size_t count = 1;
  for (const auto& e : slots_) count += e.index >= 0;
  if (slots_.size() < 4 * count) {  // a quarter full at most: probes stay short
    size_t size = 16;
    while (size < 4 * count) size *= 2;
    old.swap(slots_);
    slots_.assign(size, Entry{});
    for (auto& e : old)
      if (e.index >= 0) add(e.name, e.index);
  }
  const Head h = head(name);
  for (uint32_t i = hash(h, name.size());; ++i) {
    auto& e = slots_[i & (slots_.size() - 1)];
    if (e.index < 0) {
      e = Entry{std::string(name), h, static_cast<uint32_t>(name.size()), index};
      return;
    }
  }
}

int32_t FactLoader::NameTable::find_head(std::string_view name, const Head& h) const {
  if (slots_.empty()) return -1;
  for (uint32_t i = hash(h, name.size());; ++i) {
    const auto& e = slots_[i & (slots_.size() - 1)];
    if (e.index < 0) return -1;
    if (e.head.w[0] == h.w[0] && e.head.w[1] == h.w[1] && e.len == name.size() &&
        (e.len <= 16 || std::memcmp(e.name.data() + 16, name.data() + 16, e.len - 16) == 0))
      return e.index;
  }
}

FactLoader::FactLoader(const ir::Policy& p) : p_(p) {
  layouts_.resize(p.records.size());
  for (size_t r = 0; r < p.records.size(); ++r)
    for (size_t f = 0; f < p.records[r].fields.size(); ++f)
      layouts_[r].add(p.records[r].fields[f].name, static_cast<int32_t>(f));
  for (size_t j = 0; j < p.judgements.size(); ++j) judgement_ids_.add(p.judgements[j].id, static_cast<int32_t>(j));
}

void FactLoader::init_slots(int32_t rec, FactStore& store, uint32_t base) {
  const auto& r = p_.records[rec];
  for (int32_t s = 0; s < r.slot_count; ++s) {
    const auto& f = r.fields[r.slot_field[s]];
    store.slots[base + s] = f.optional ? Value::none() : Value::unknown();
  }
}

namespace {

// A key or a string value where it lies in the record when it has no escape (nearly
// always): `raw` points just after the opening quote, and simdjson's first stage
// has checked that the string is closed and that padding follows the input. Only a string with a backslash is
// unescaped, into the parser's buffer.
bool plain_string(const char* raw, std::string_view& out) {
  static_assert(std::endian::native == std::endian::little, "the first match is the lowest set byte");
  // Eight bytes at a time (the input is padded, so reading past the quote is
  // safe): a byte equal to '"' or '\\' shows as its high bit in `quote` or
  // `slash`; bytes above the first match may show falsely, the first never does.
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (const char* q = raw;; q += 8) {
    uint64_t w;
    std::memcpy(&w, q, 8);
    const uint64_t xq = w ^ (ones * '"'), xs = w ^ (ones * '\\');
    const uint64_t quote = (xq - ones) & ~xq & highs, slash = (xs - ones) & ~xs & highs;
    if (!(quote | slash)) continue;
    const size_t at = static_cast<size_t>(std::countr_zero(quote | slash)) / 8;
    if (q[at] == '\\') return false;
    out = std::string_view(raw, static_cast<size_t>(q + at - raw));
    return true;
  }
}

simdjson::error_code field_key(od::field& f, std::string_view& key) {
  if (plain_string(f.key().raw(), key)) return simdjson::SUCCESS;
  return f.unescaped_key().get(key);
}

simdjson::error_code string_value(od::value& v, std::string_view& s) {
  od::raw_json_string raw;
  if (auto e = v.get_raw_json_string().get(raw)) return e;
  if (plain_string(raw.raw(), s)) return simdjson::SUCCESS;
  return v.get_string().get(s);
}

const char* json_type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "a list";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "text";
    case od::json_type::boolean: return "true/false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

std::string expected_name(const ir::Policy& p, ir::TypeId t) {
  const auto& ti = p.types[t];
  switch (ti.kind) {
    case ir::Kind::Bool: return "true or false";
    case ir::Kind::Number: return "a number";
    case ir::Kind::Money: return "an amount in yuan (a number)";
    case ir::Kind::Text: return "text";
    case ir::Kind::Date: return "a date \"YYYY-MM-DD\"";
    case ir::Kind::Enum: return "one of " + [&] {
      std::string s;
      for (const auto& m : p.enums[ti.ref].members) s += (s.empty() ? "" : ", ") + m;
      return s;
    }();
    case ir::Kind::Record: return "an object";
    case ir::Kind::List: return "a list";
    default: return "a value";
  }
}

}  // namespace

bool FactLoader::load(od::object& obj, FactStore& store, LoadProblem& error, std::vector<std::string>* unknown) {
  store.clear();
  elements_.clear();  // what a failed load left
  store.judgements.assign(p_.judgements.size(), Value::unknown());
  // The id first, so that every message about this record can name it. A
  // JSON error here ends the record at once: simdjson abandons a document
  // after one, and touching it again dereferences a null parser (a crash that
  // eval_fuzz found, tests/fuzz-regressions/eval_fuzz/).
  {
    od::value idv;
    std::string_view id;
    auto err = obj.find_field_unordered("id").get(idv);
    if (!err) err = idv.get_string().get(id);
    if (!err) store.id.assign(id);  // keeps the capacity: no allocation for a long id
    else if (err != simdjson::NO_SUCH_FIELD && err != simdjson::INCORRECT_TYPE) {
      error = {"", fmt::format("not valid JSON ({})", simdjson::error_message(err))};
      return false;
    }
    if (obj.reset().error()) {
      error = {"", "not valid JSON"};
      return false;
    }
  }
  // Which vocabulary applies depends on `kind`, wherever it stands in the record.
  int32_t rec = -1;
  {
    od::value kv;
    auto err = obj.find_field_unordered("kind").get(kv);
    bool is_null = false;
    if (!err && !kv.is_null().get(is_null) && is_null) err = simdjson::NO_SUCH_FIELD;  // null: not given
    if (!err) {
      std::string_view k;
      if (auto e = kv.get_string().get(k)) {
        error = {"kind", e == simdjson::INCORRECT_TYPE ? "must be \"organization\" or \"individual\""
                                                       : fmt::format("not valid JSON ({})", simdjson::error_message(e))};
        return false;
      }
      if (k == "organization") rec = p_.organization;
      else if (k == "individual") rec = p_.individual;
      else {
        error = {"kind", fmt::format("\"{}\" is neither \"organization\" nor \"individual\"", k)};
        return false;
      }
    } else if (err != simdjson::NO_SUCH_FIELD) {
      error = {"", fmt::format("not valid JSON ({})", simdjson::error_message(err))};
      return false;
    }
    if (obj.reset().error()) {
      error = {"", "not valid JSON"};
      return false;
    }
  }
  if (rec < 0) {
    // Without a kind no rule can be read; still walk the record so that malformed JSON is reported
    for (auto field : obj) {
      if (field.error()) {
        error = {"", fmt::format("not valid JSON ({})", simdjson::error_message(field.error()))};
        return false;
      }
    }
    return true;
  }
  uint32_t base = static_cast<uint32_t>(store.slots.size());
  store.slots.resize(base + p_.records[rec].slot_count);
  init_slots(rec, store, base);
  std::string path;
  if (!load_record(obj, rec, store, base, path, error, unknown)) return false;
  store.root.tag = Tag::Record;
  store.root.rec = base;
  store.root_type = rec;
  return true;
}

bool FactLoader::load_record(od::object& obj, int32_t rec, FactStore& store, uint32_t base, std::string& path,
                             LoadProblem& error, std::vector<std::string>* unknown) {
  const auto& layout = layouts_[rec];
  const auto& record = p_.records[rec];
  size_t path_len = path.size();
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.error()) {
      error = {path, fmt::format("not valid JSON ({})", simdjson::error_message(e))};
      return false;
    }
    od::field& f = field.value_unsafe();  // in place: copying the field stalls on the copy just made
    if (auto e = field_key(f, key)) {
      error = {path, fmt::format("not valid JSON ({})", simdjson::error_message(e))};
      return false;
    }
    od::value& v = f.value();
    if (rec == p_.organization || rec == p_.individual) {
      if (key == "judgements" && path.empty()) {
        path += "judgements";
        od::object jo;
        if (v.get_object().get(jo)) {
          error = {path, "must be an object of judgement ids to true/false"};
          return false;
        }
        if (!load_judgements(jo, store, path, error, unknown)) return false;
        path.resize(path_len);
        continue;
      }
    }
    int32_t at = layout.find(key);
    if (at < 0) {
      if (unknown) unknown->push_back(path.empty() ? std::string(key) : path + "." + std::string(key));
      continue;
    }
    const ir::Field& fd = record.fields[at];
    if (fd.slot < 0) continue;  // the policy never reads it
    if (!path.empty()) path += ".";
    path += key;
    Value out;
    if (!load_value(v, fd.type, fd.optional, store, out, path, error, unknown)) return false;
    if (!within_bounds(fd, out, path, error)) return false;
    store.slots[base + fd.slot] = out;
    path.resize(path_len);
  }
  return true;
}

bool FactLoader::within_bounds(const ir::Field& fd, const Value& v, const std::string& path, LoadProblem& error) {
  if (v.tag != Tag::Num || (!fd.lo && !fd.hi)) return true;
  Decimal d{v.num};
  if ((fd.lo && d < *fd.lo) || (fd.hi && d > *fd.hi)) {
    error = {path, fmt::format("{} is outside {}..{}", format_decimal(d), format_decimal(fd.lo.value_or(d)),
                               format_decimal(fd.hi.value_or(d)))};
    return false;
  }
  return true;
}

bool FactLoader::load_judgements(od::object& obj, FactStore& store, std::string& path, LoadProblem& error,
                                 std::vector<std::string>* unknown) {
  for (auto field : obj) {
    std::string_view key;
    if (field.error() || field_key(field.value_unsafe(), key)) {
      error = {path, "not valid JSON"};
      return false;
    }
    od::value& v = field.value_unsafe().value();
    int32_t at = judgement_ids_.find(key);
    if (at < 0) {
      if (unknown) unknown->push_back(path + "." + std::string(key));
      continue;
    }
    od::json_type t;
    if (v.type().get(t)) {
      error = {path + "." + std::string(key), "not valid JSON"};
      return false;
    }
    if (t == od::json_type::null) continue;
    bool b;
    if (t != od::json_type::boolean || v.get_bool().get(b)) {
      error = {path + "." + std::string(key), fmt::format("a judgement is true or false, not {}", json_type_name(t))};
      return false;
    }
    store.judgements[at] = Value::boolean(b);
  }
  return true;
}

bool FactLoader::load_value(od::value& v, ir::TypeId type, bool optional, FactStore& store, Value& out,
                            std::string& path, LoadProblem& error, std::vector<std::string>* unknown) {
  od::json_type jt;
  if (auto e = v.type().get(jt)) {
    error = {path, fmt::format("not valid JSON ({})", simdjson::error_message(e))};
    return false;
  }
  if (jt == od::json_type::null) {
    out = optional ? Value::none() : Value::unknown();
    return true;
  }
  const auto& ti = p_.types[type];
  auto wrong = [&]() {
    error = {path, fmt::format("expected {}, found {}", expected_name(p_, type), json_type_name(jt))};
    return false;
  };
  switch (ti.kind) {
    case ir::Kind::Bool: {
      bool b;
      if (jt != od::json_type::boolean || v.get_bool().get(b)) return wrong();
      out = Value::boolean(b);
      return true;
    }
    case ir::Kind::Number:
    case ir::Kind::Money: {
      if (jt != od::json_type::number) return wrong();
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
      auto d = parse_decimal(raw);
      if (!d) {
        error = {path, fmt::format("{} cannot be held exactly (at most 6 decimal places, no exponent)", raw)};
        return false;
      }
      out = Value::number(*d);
      return true;
    }
    case ir::Kind::Text:
    case ir::Kind::Date:
    case ir::Kind::Enum: {
      std::string_view s;
      if (jt != od::json_type::string || string_value(v, s)) return wrong();
      if (ti.kind == ir::Kind::Date) {
        auto d = parse_date(s);
        if (!d) {
          error = {path, fmt::format("\"{}\" is not a date in the calendar (YYYY-MM-DD)", s)};
          return false;
        }
        out = Value::date_of(d->days);
      } else if (ti.kind == ir::Kind::Enum) {
        const auto& en = p_.enums[ti.ref];
        for (size_t i = 0; i < en.members.size(); ++i)
          if (en.members[i] == s) {
            out = Value::enumeration(static_cast<uint32_t>(i));
            return true;
          }
        error = {path, fmt::format("\"{}\" is not {}", s, expected_name(p_, type))};
        return false;
      } else {
        uint32_t off = static_cast<uint32_t>(store.text.size());
        store.text.append(s);
        out = Value::text_of(off, static_cast<uint32_t>(s.size()), Arena::Facts);
      }
      return true;
    }
    case ir::Kind::Record: {
      od::object o;
      if (jt != od::json_type::object || v.get_object().get(o)) return wrong();
      int32_t rec = ti.ref;
      uint32_t base = static_cast<uint32_t>(store.slots.size());
      store.slots.resize(base + p_.records[rec].slot_count);
      init_slots(rec, store, base);
      if (!load_record(o, rec, store, base, path, error, unknown)) return false;
      out.tag = Tag::Record;
      out.rec = base;
      return true;
    }
    case ir::Kind::List: {
      od::array a;
      if (jt != od::json_type::array || v.get_array().get(a)) return wrong();
      // Elements are loaded first (each may append slots and, for a nested list, items),
      // their indexes kept on elements_ meanwhile and moved to items after.
      const size_t mark = elements_.size();
      size_t path_len = path.size();
      size_t i = 0;
      for (auto ev : a) {
        if (ev.error()) {
          error = {path, "not valid JSON"};
          return false;
        }
        od::value& el = ev.value_unsafe();  // in place, as for fields
        char index[24];
        path += '[';
        path.append(index, std::to_chars(index, index + sizeof index, i).ptr);
        path += ']';
        Value x;
        if (!load_value(el, ti.elem, false, store, x, path, error, unknown)) return false;
        path.resize(path_len);
        uint32_t at = static_cast<uint32_t>(store.slots.size());
        store.slots.push_back(x);
        elements_.push_back(at);
        ++i;
      }
      out.tag = Tag::List;
      out.list.off = static_cast<uint32_t>(store.items.size());
      out.list.count = static_cast<uint32_t>(elements_.size() - mark);
      store.items.insert(store.items.end(), elements_.begin() + static_cast<ptrdiff_t>(mark), elements_.end());
      elements_.resize(mark);
      return true;
    }
    default:
      return wrong();
  }
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
    error = {"", fmt::format("not valid JSON ({})", simdjson::error_message(e))};
    return false;
  }
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) {
    error = {"", "a record must be a JSON object { … }"};
    return false;
  }
  return loader.load(obj, store, error, unknown);
}

}  // namespace award
