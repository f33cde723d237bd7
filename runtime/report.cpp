#include "runtime/report.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "runtime/messages.h"

namespace award {

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

// Whether any of the eight bytes of `w` is a quote, a backslash or a control
// character (below 0x20), the bytes a JSON string escapes.
static bool needs_escape(uint64_t w) {
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
  const uint64_t zero_q = (q - ones) & ~q, zero_b = (b - ones) & ~b, control = (w - ones * 0x20) & ~w;
  return ((zero_q | zero_b | control) & highs) != 0;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  // Runs of characters that need no escape are appended whole: first the words
  // that have none, eight bytes at a time (ids, award ids and refs mostly).
  size_t from = 0;
  size_t i = 0;
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (needs_escape(w)) break;
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, from, i - from);
    from = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    }
  }
  out.append(s, from);
  out += '"';
}

Needs needs_of(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o) {
  Needs n;
  if (o.subject == Truth::Unknown) n.missing.push_back("kind");
  for (const auto& ro : o.rules) {
    if (ro.holds != Truth::Unknown) continue;
    const ir::Rule& r = p.rules[ro.rule];
    if (r.kind == ir::RuleKind::Judgement) {
      n.judgements.push_back(r.judgement);
      continue;
    }
    for (auto& m : ev.missing_facts(r, s))
      if (std::find(n.missing.begin(), n.missing.end(), m) == n.missing.end()) n.missing.push_back(m);
  }
  return n;
}

namespace {

// The field `name` of record `rec`, or null.
const ir::Field* field_of(const ir::Policy& p, int32_t rec, std::string_view name) {
  if (rec < 0) return nullptr;
  for (const auto& f : p.records[rec].fields)
    if (f.name == name) return &f;
  return nullptr;
}

// The record a field's values are, itself or as a list's elements; -1 for none.
int32_t record_of(const ir::Policy& p, ir::TypeId t) {
  while (t >= 0 && p.types[t].kind == ir::Kind::List) t = p.types[t].elem;
  return t >= 0 && p.types[t].kind == ir::Kind::Record ? p.types[t].ref : -1;
}

}  // namespace

std::string fact_name(const ir::Policy& p, int32_t record, std::string_view path, Lang lang) {
  if (lang == Lang::En) return std::string(path);
  if (record < 0) record = p.organization >= 0 && field_of(p, p.organization, path.substr(0, path.find_first_of(".["))) ? p.organization : p.individual;
  // incidents[0].date: each part a field name, perhaps with an index after it
  std::string label;
  for (size_t start = 0; start <= path.size();) {
    size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    size_t bracket = part.find('[');
    const ir::Field* f = field_of(p, record, part.substr(0, bracket));
    if (!f || f->title.empty()) return std::string(path);  // a part with no label: the id says it best
    if (!label.empty()) label += message_format(Msg::fact_part_of, lang);
    label += f->title;
    if (bracket != std::string_view::npos) label += part.substr(bracket);
    record = record_of(p, f->type);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return fmt::format(fmt::runtime(message_format(Msg::fact_named, lang)), label, path);
}

std::string judgement_name(const ir::Policy& p, int32_t judgement, Lang lang) {
  const ir::Judgement& j = p.judgements[judgement];
  if (lang == Lang::En || j.text.empty())
    return fmt::format(fmt::runtime(message_format(Msg::judgement_by_id, lang)), j.id);
  return fmt::format(fmt::runtime(message_format(Msg::judgement_named, lang)), j.text, j.id);
}

std::vector<std::string> needs_named(const ir::Policy& p, int32_t record, const Needs& n, Lang lang) {
  std::vector<std::string> out;
  for (const auto& m : n.missing) out.push_back(fact_name(p, record, m, lang));
  for (int32_t j : n.judgements) out.push_back(judgement_name(p, j, lang));
  return out;
}

std::vector<std::pair<std::string, std::string>> rule_facts(const ir::Policy& p, const FactStore& s, const ir::Rule& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& path : r.reads) {
    if (path.rfind("judgements.", 0) == 0) {
      std::string id = path.substr(11);
      std::string v = "null";
      for (size_t j = 0; j < p.judgements.size(); ++j)
        if (p.judgements[j].id == id) v = value_to_json(p, s, s.judgements[j], -1);
      out.emplace_back(path, v);
      continue;
    }
    // the fact up to the first list: incidents[].date -> incidents
    std::string key = path.substr(0, path.find("[]"));
    if (std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == key; })) continue;
    Value v = s.root;
    ir::TypeId t = s.root_type >= 0 ? p.find_type(ir::Kind::Record, s.root_type) : -1;
    size_t start = 0;
    while (start <= key.size() && t >= 0) {
      size_t dot = key.find('.', start);
      std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (p.types[t].kind != ir::Kind::Record || v.tag != Tag::Record) { v = Value(); break; }
      const auto& rec = p.records[p.types[t].ref];
      const ir::Field* f = nullptr;
      for (const auto& fd : rec.fields) if (fd.name == part) f = &fd;
      if (!f || f->slot < 0) { v = Value(); t = -1; break; }
      v = s.slots[v.rec + f->slot];
      t = f->type;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    out.emplace_back(key, t >= 0 ? value_to_json(p, s, v, t) : "null");
  }
  return out;
}

std::vector<std::string> deciding_refs(const ir::Policy& p, const AwardOutcome& o) {
  std::vector<std::string> out;
  if (o.verdict == Verdict::Eligible) return out;
  Truth want = o.verdict == Verdict::Ineligible ? Truth::False : Truth::Unknown;
  if (o.subject == want) out.push_back(p.awards[o.award].ref);
  for (const auto& r : o.rules)
    if (r.holds == want && std::find(out.begin(), out.end(), p.rules[r.rule].ref) == out.end()) out.push_back(p.rules[r.rule].ref);
  return out;
}

std::string reason_text(const ir::Policy& p, const ir::Rule& r) {
  if (r.kind == ir::RuleKind::Judgement) return p.judgements[r.judgement].text;
  const auto& art = p.articles[r.article];
  if (r.item >= 0 && !art.items[r.item].text.empty()) return art.items[r.item].text;
  return art.text;
}

namespace {

std::string subject_text(const ir::Award& a) {
  return a.subject_name == "individual" ? "申报对象为个人" : "申报对象为企业和组织";
}

std::string applicant_id(const FactStore& s) { return s.id; }

}  // namespace

std::string result_json(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o) {
  const ir::Award& a = p.awards[o.award];
  std::string out = fmt::format("{{\"applicant\": {}, \"award\": {}, \"verdict\": \"{}\", \"reasons\": [",
                                s.id.empty() ? "null" : json_string(applicant_id(s)), json_string(a.id), verdict_name(o.verdict));
  // the applicant's kind comes first: the award is for organisations or individuals
  out += fmt::format("{{\"ref\": {}, \"kind\": \"subject\", \"holds\": {}, \"text\": {}, \"facts\": {{\"kind\": {}}}}}",
                     json_string(a.ref), truth_json(o.subject), json_string(subject_text(a)),
                     s.root_type < 0 ? "null" : json_string(s.root_type == p.organization ? "organization" : "individual"));
  for (const auto& ro : o.rules) {
    const ir::Rule& r = p.rules[ro.rule];
    out += fmt::format(", {{\"ref\": {}, \"kind\": \"{}\", \"holds\": {}, ", json_string(r.ref), ir::rule_kind_name(r.kind), truth_json(ro.holds));
    if (!ro.applies) out += "\"applies\": false, ";
    if (r.kind == ir::RuleKind::Judgement) out += fmt::format("\"judgement\": {}, ", json_string(p.judgements[r.judgement].id));
    out += fmt::format("\"text\": {}, \"rule\": {}, \"facts\": {{", json_string(reason_text(p, r)), json_string(r.source));
    bool first = true;
    for (const auto& [k, v] : rule_facts(p, s, r)) {
      out += fmt::format("{}{}: {}", first ? "" : ", ", json_string(k), v);
      first = false;
    }
    out += "}}";
  }
  Needs n = needs_of(p, ev, s, o);
  out += "], \"missing\": [";
  for (size_t i = 0; i < n.missing.size(); ++i) out += (i ? ", " : "") + json_string(n.missing[i]);
  out += "], \"judgements\": [";
  for (size_t i = 0; i < n.judgements.size(); ++i) out += (i ? ", " : "") + json_string(p.judgements[n.judgements[i]].id);
  out += "]}";
  return out;
}

JsonlWriter::JsonlWriter(const ir::Policy& p) {
  std::vector<std::string> refs;  // each ref once, numbered in order of appearance
  auto number = [&refs](const std::string& ref) {
    auto it = std::find(refs.begin(), refs.end(), ref);
    if (it != refs.end()) return static_cast<int32_t>(it - refs.begin());
    refs.push_back(ref);
    return static_cast<int32_t>(refs.size() - 1);
  };
  for (const auto& a : p.awards) {
    award_id_.push_back(",\"award\":" + json_string(a.id) + ",\"verdict\":\"");
    award_ref_.push_back(json_string(a.ref));
    award_ref_no_.push_back(number(a.ref));
  }
  for (const auto& r : p.rules) {
    rule_ref_.push_back(json_string(r.ref));
    rule_ref_no_.push_back(number(r.ref));
  }
}

// The refs of what failed, in order, each once: the award's own (the applicant
// is not of its kind), then those of the rules that are false.
void JsonlWriter::write(std::string& out, const FactStore& s, const AwardOutcome& o) const {
  out += "{\"applicant\":";
  if (s.id.empty()) out += "null";
  else append_json_string(out, s.id);
  out += award_id_[o.award];
  out += verdict_name(o.verdict);
  out += "\",\"failed\":[";
  bool first = true;
  int32_t last = -1;
  if (o.subject == Truth::False) {
    out += award_ref_[o.award];
    first = false;
    last = award_ref_no_[o.award];
  }
  for (const auto& ro : o.rules) {
    if (ro.holds != Truth::False) continue;
    const int32_t ref = rule_ref_no_[ro.rule];
    if (ref == last) continue;
    bool seen = o.subject == Truth::False && ref == award_ref_no_[o.award];
    for (const auto& r2 : o.rules) {
      if (seen || &r2 == &ro) break;
      seen = r2.holds == Truth::False && rule_ref_no_[r2.rule] == ref;
    }
    if (seen) continue;
    if (!first) out += ',';
    out += rule_ref_[ro.rule];
    first = false;
    last = ref;
  }
  out += "]}\n";
}

std::string verdict_text(Verdict v) {
  switch (v) {
    case Verdict::Eligible: return tr(Msg::verdict_eligible);
    case Verdict::Ineligible: return tr(Msg::verdict_ineligible);
    default: return tr(Msg::verdict_undetermined);
  }
}

std::string result_text(const ir::Policy& p, Evaluator& ev, const FactStore& s, const AwardOutcome& o, bool explain) {
  const ir::Award& a = p.awards[o.award];
  std::string out = tr(Msg::award_verdict, a.id, a.title, verdict_text(o.verdict));
  auto mark = [](Truth t) { return t == Truth::True ? "✓" : t == Truth::False ? "✗" : "?"; };
  if (o.subject != Truth::True || explain)
    out += fmt::format("    {} {:<14} {}\n", mark(o.subject), a.ref, subject_text(a));
  auto facts_line = [&](const ir::Rule& r) {
    std::string f;
    for (const auto& [k, v] : rule_facts(p, s, r)) f += (f.empty() ? "" : ", ") + k + " = " + v;
    return f;
  };
  auto show = [&](const RuleOutcome& ro) {
    const ir::Rule& r = p.rules[ro.rule];
    std::string what = r.kind == ir::RuleKind::Judgement
                           ? tr(Msg::judgement_line, p.judgements[r.judgement].id, p.judgements[r.judgement].text)
                           : r.source;
    // one line of the rule as written
    std::string first_line = what.substr(0, what.find('\n'));
    if (first_line.size() < what.size()) first_line += " …";
    out += fmt::format("    {} {:<14} {}{}\n", mark(ro.holds), r.ref, first_line, ro.applies ? "" : tr(Msg::does_not_apply));
    if (r.kind != ir::RuleKind::Judgement && (explain || ro.holds == Truth::False)) {
      std::string f = facts_line(r);
      if (!f.empty()) out += fmt::format("        {}\n", f);
    }
  };
  for (const auto& ro : o.rules) {
    if (explain || ro.holds == Truth::False) show(ro);
  }
  if (!explain) {
    for (const auto& ro : o.rules)
      if (ro.holds == Truth::Unknown && p.rules[ro.rule].kind != ir::RuleKind::Judgement) show(ro);
  }
  Needs n = needs_of(p, ev, s, o);
  if (!n.missing.empty()) {
    std::string m;
    for (const auto& x : n.missing) m += (m.empty() ? "" : tr(Msg::list_separator)) + fact_name(p, a.subject, x, language());
    out += tr(Msg::missing_facts, m);
  }
  if (!n.judgements.empty()) {
    out += tr(Msg::judgements_owed);
    for (int32_t j : n.judgements)
      out += fmt::format("      {:<14} {}: {}\n", p.judgements[j].ref, p.judgements[j].id, p.judgements[j].text);
  }
  return out;
}

}  // namespace award
