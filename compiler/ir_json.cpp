#include "compiler/ir_json.h"

#include "runtime/date.h"

namespace award {

using J = nlohmann::ordered_json;

namespace {

const char* op_name(ir::Op op) {
  switch (op) {
    case ir::Op::Const: return "const";
    case ir::Op::Today: return "today";
    case ir::Op::AwardedOn: return "awarded_on";
    case ir::Op::Load: return "load";
    case ir::Op::Field: return "field";
    case ir::Op::Elem: return "elem";
    case ir::Op::Judged: return "judged";
    case ir::Op::Not: return "not";
    case ir::Op::And: return "and";
    case ir::Op::Or: return "or";
    case ir::Op::If: return "if";
    case ir::Op::Neg: return "neg";
    case ir::Op::Add: return "add";
    case ir::Op::Sub: return "sub";
    case ir::Op::Mul: return "mul";
    case ir::Op::Div: return "div";
    case ir::Op::DateAdd: return "date_add";
    case ir::Op::DateSub: return "date_sub";
    case ir::Op::DateDiff: return "date_diff";
    case ir::Op::Cmp: return "cmp";
    case ir::Op::CmpElapsed: return "cmp_elapsed";
    case ir::Op::Within: return "within";
    case ir::Op::IsSet: return "is_set";
    case ir::Op::In: return "in";
    case ir::Op::Overlaps: return "overlaps";
    case ir::Op::MakeList: return "list";
    case ir::Op::Any: return "any";
    case ir::Op::No: return "no";
    case ir::Op::All: return "all";
    case ir::Op::Count: return "count";
    case ir::Op::Year: return "year";
  }
  return "?";
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::Days: return "days";
    case Unit::WorkingDays: return "working_days";
    case Unit::Months: return "months";
    case Unit::Years: return "years";
  }
  return "?";
}

J value_json(const ir::Policy& p, const Value& v, ir::TypeId t) {
  switch (v.tag) {
    case Tag::Bool: return v.b;
    case Tag::Num: return format_decimal(Decimal{v.num});
    case Tag::Date: return format_date(Date{v.date});
    case Tag::Dur: return J{{"amount", v.dur.amount}, {"unit", unit_name(static_cast<Unit>(v.aux))}};
    case Tag::Enum:
      if (t >= 0 && p.types[t].kind == ir::Kind::Enum) return p.enums[p.types[t].ref].members[v.ord];
      return v.ord;
    case Tag::Text: return p.pool.substr(v.text.off, v.text.len);
    default: return nullptr;
  }
}

J loc_json(const ir::Loc& l) { return J{{"file", l.file}, {"line", l.line}, {"column", l.column}}; }
J duration_json(const ir::Duration& d) { return J{{"amount", d.amount}, {"unit", unit_name(d.unit)}}; }

const char* period_end_name(ir::PeriodEnd e) {
  return e == ir::PeriodEnd::NextWorkingDay ? "next_working_day" : "exact";
}

}  // namespace

J ir_to_json(const ir::Policy& p) {
  J j;
  j["policy"] = p.id;
  j["title"] = p.title;
  J meta = J::object();
  for (const auto& m : p.meta) meta[m.key] = m.value;
  j["meta"] = meta;
  j["calendar"] = p.calendar.empty() ? "national" : p.calendar;
  j["uses"] = p.uses;
  J types = J::array();
  for (size_t i = 0; i < p.types.size(); ++i) types.push_back(ir::type_name(p, static_cast<ir::TypeId>(i)));
  j["types"] = types;
  J enums = J::array();
  for (const auto& e : p.enums) enums.push_back(J{{"name", e.name}, {"ordered", e.ordered}, {"members", e.members}});
  j["enums"] = enums;
  J layouts = J::array();
  for (const auto& r : p.records) {
    J slots = J::array();
    for (int32_t s = 0; s < r.slot_count; ++s) {
      const auto& f = r.fields[r.slot_field[s]];
      slots.push_back(J{{"slot", s}, {"field", f.name}, {"type", ir::type_name(p, f.type)}, {"optional", f.optional}});
    }
    layouts.push_back(J{{"record", r.name}, {"slots", slots}});
  }
  j["layouts"] = layouts;
  J awards = J::array();
  for (const auto& a : p.awards)
    awards.push_back(J{{"id", a.id}, {"title", a.title}, {"name", a.official_name}, {"for", a.subject_name},
                       {"cycle_years", a.cycle_years}, {"quota", a.quota < 0 ? J(nullptr) : J(a.quota)},
                       {"may_be_vacant", a.may_be_vacant}, {"ref", a.ref}});
  j["awards"] = awards;
  J articles = J::array();
  for (const auto& a : p.articles) {
    J items = J::array();
    for (const auto& it : a.items) items.push_back(J{{"label", it.label}, {"ref", it.ref}, {"text", it.text}, {"rules", it.rules}});
    articles.push_back(J{{"label", a.label}, {"carries_rules", a.carries_rules}, {"text", a.text}, {"items", items}, {"rules", a.rules}});
  }
  j["articles"] = articles;
  J rules = J::array();
  for (const auto& r : p.rules) {
    J awards_of = J::array();
    for (int32_t a : r.awards) awards_of.push_back(p.awards[a].id);
    J ex = J::array();
    for (const auto& e : r.exceptions) ex.push_back(J{{"cond", e.cond}, {"body", e.body < 0 ? J(nullptr) : J(e.body)}});
    J rj{{"kind", ir::rule_kind_name(r.kind)}, {"ref", r.ref}, {"awards", awards_of},
         {"subject", r.subject >= 0 ? p.records[r.subject].name : ""}, {"body", r.body < 0 ? J(nullptr) : J(r.body)},
         {"when", r.when < 0 ? J(nullptr) : J(r.when)}, {"exceptions", ex}, {"reads", r.reads}, {"source", r.source},
         {"loc", loc_json(r.loc)}};
    if (r.judgement >= 0) rj["judgement"] = p.judgements[r.judgement].id;
    rules.push_back(rj);
  }
  j["rules"] = rules;
  J judgements = J::array();
  for (const auto& jd : p.judgements) judgements.push_back(J{{"id", jd.id}, {"ref", jd.ref}, {"text", jd.text}});
  j["judgements"] = judgements;
  J nodes = J::array();
  for (const auto& n : p.nodes) {
    J nj{{"op", op_name(n.op)}, {"type", ir::type_name(p, n.type)}};
    if (n.op == ir::Op::Const) nj["value"] = value_json(p, p.consts[n.a], n.type);
    else if (n.op == ir::Op::Load) { nj["frame"] = n.a; nj["slot"] = n.b; }
    else if (n.op == ir::Op::Field) { nj["record"] = n.a; nj["slot"] = n.b; }
    else if (n.op == ir::Op::Elem) nj["frame"] = n.a;
    else if (n.op == ir::Op::MakeList) {
      J el = J::array();
      for (int32_t i = 0; i < n.b; ++i) el.push_back(p.lists[n.a + i]);
      nj["elements"] = el;
    } else if (n.op == ir::Op::Any || n.op == ir::Op::No || n.op == ir::Op::All || n.op == ir::Op::Count) {
      nj["list"] = n.a;
      nj["frame"] = n.c;
      if (n.d >= 0) nj["filter"] = n.d;
      if (n.b >= 0) nj["cond"] = n.b;
    } else {
      J args = J::array();
      for (int32_t c : {n.a, n.b, n.c}) if (c >= 0) args.push_back(c);
      if (!args.empty()) nj["args"] = args;
      if (n.op == ir::Op::Cmp || n.op == ir::Op::CmpElapsed) {
        static const char* ops[] = {"==", "!=", "<", "<=", ">", ">="};
        nj["cmp"] = ops[n.aux];
      }
      if (n.op == ir::Op::Within) nj["direction"] = n.aux ? "after" : "before";
      if ((n.op == ir::Op::IsSet || n.op == ir::Op::In) && n.aux) nj["negated"] = true;
    }
    nodes.push_back(nj);
  }
  j["nodes"] = nodes;
  J bonuses = J::array();
  for (const auto& b : p.bonuses) {
    J bj{{"award", b.award >= 0 ? J(p.awards[b.award].id) : J(nullptr)},
         {"amount", b.fixed ? J(format_decimal(b.amount)) : J(nullptr)}, {"flags", b.flags},
         {"when", b.when < 0 ? J(nullptr) : J(b.when)}, {"ref", b.ref}};
    if (b.award < 0) bj["title"] = b.title;  // an award of another level
    if (!b.fixed) bj["note"] = b.note;       // the measure fixes no amount
    bonuses.push_back(bj);
  }
  j["bonuses"] = bonuses;
  // Scoring and ranking: what `award rank` reads.
  auto award_ids = [&p](const std::vector<int32_t>& as) {
    J out = J::array();
    for (int32_t a : as) out.push_back(p.awards[a].id);
    return out;
  };
  if (p.scoring) {
    J cats = J::array();
    for (const auto& c : p.scoring->categories)
      cats.push_back(J{{"name", c.name}, {"title", c.title}, {"max", format_decimal(c.max)}});
    j["scoring"] = J{{"scheme", p.scoring->id}, {"title", p.scoring->title}, {"max", format_decimal(p.scoring->max)},
                     {"categories", cats}, {"ref", p.scoring->ref}};
  } else {
    j["scoring"] = nullptr;
  }
  J ws = J::array();
  for (const auto& w : p.weightings)
    ws.push_back(J{{"awards", award_ids(w.awards)}, {"material", format_decimal(w.material)},
                   {"site", format_decimal(w.site)}, {"ref", w.ref}});
  j["weights"] = ws;
  J mins = J::array();
  for (const auto& m : p.minimums)
    mins.push_back(J{{"award", p.awards[m.award].id}, {"total", format_decimal(m.total)}, {"ref", m.ref}});
  j["minimums"] = mins;
  J sls = J::array();
  for (const auto& c : p.shortlists)
    sls.push_back(J{{"awards", award_ids(c.awards)}, {"places", c.places}, {"by", "material"}, {"ref", c.ref}});
  j["shortlists"] = sls;
  J reps = J::array();
  for (const auto& r : p.repeats)
    reps.push_back(J{{"awards", award_ids(r.awards)}, {"outside_quota", r.outside_quota}, {"no_bonus", r.no_bonus},
                     {"ref", r.ref}});
  j["repeat_winners"] = reps;
  J revs = J::array();
  for (const auto& r : p.revocations) {
    J aw = J::array();
    for (int32_t a : r.awards) aw.push_back(p.awards[a].id);
    J cs = J::array();
    for (const auto& c : r.consequences) {
      J cj{{"name", c.name}};
      if (c.has_duration) cj["period"] = duration_json(c.duration);
      cs.push_back(cj);
    }
    revs.push_back(J{{"awards", aw}, {"cond", r.cond}, {"consequences", cs}, {"ref", r.ref}});
  }
  j["revocations"] = revs;
  J dl = J::array();
  for (const auto& d : p.deadlines)
    dl.push_back(J{{"id", d.id}, {"text", d.text}, {"after", d.event}, {"period", duration_json(d.duration)},
                 {"end", period_end_name(d.end)}, {"ref", d.ref}});
  j["deadlines"] = dl;
  J rt = J::array();
  for (const auto& r : p.retentions)
    rt.push_back(J{{"id", r.id}, {"period", duration_json(r.duration)}, {"end", period_end_name(r.end)}, {"ref", r.ref}});
  j["retentions"] = rt;
  J tests = J::array();
  for (const auto& t : p.tests) {
    J ex = J::array();
    for (const auto& e : t.expects) ex.push_back(J{{"award", e.award}, {"verdict", e.verdict}, {"because", e.because}});
    tests.push_back(J{{"name", t.name}, {"on", t.on}, {"facts", J::parse(t.facts_json)}, {"expect", ex}});
  }
  j["tests"] = tests;
  return j;
}

namespace {

J type_schema(const ir::Policy& p, ir::TypeId t, bool read_only_fields) {
  const auto& ti = p.types[t];
  switch (ti.kind) {
    case ir::Kind::Bool: return J{{"type", "boolean"}};
    case ir::Kind::Number: return J{{"type", "number"}};
    case ir::Kind::Money: return J{{"type", "number"}, {"description", "yuan"}};
    case ir::Kind::Text: return J{{"type", "string"}};
    case ir::Kind::Date: return J{{"type", "string"}, {"format", "date"}};
    case ir::Kind::Enum: return J{{"enum", p.enums[ti.ref].members}};
    case ir::Kind::List: return J{{"type", "array"}, {"items", type_schema(p, ti.elem, read_only_fields)}};
    case ir::Kind::Record: {
      const auto& r = p.records[ti.ref];
      J props = J::object();
      for (const auto& f : r.fields) {
        if (read_only_fields && f.slot < 0) continue;
        J fs = type_schema(p, f.type, read_only_fields);
        if (!f.title.empty()) fs["description"] = f.title;
        if (f.lo) fs["minimum"] = J::parse(format_decimal(*f.lo));
        if (f.hi) fs["maximum"] = J::parse(format_decimal(*f.hi));
        if (f.optional) fs = J{{"anyOf", J::array({fs, J{{"type", "null"}}})}, {"description", f.title + " (optional)"}};
        props[f.name] = fs;
      }
      return J{{"type", "object"}, {"title", r.name}, {"properties", props}};
    }
    default: return J::object();
  }
}

}  // namespace

J facts_schema(const ir::Policy& p) {
  J j;
  j["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  j["title"] = "Facts read by " + p.id + (p.title.empty() ? "" : " (" + p.title + ")");
  J judgements = J::object();
  for (const auto& jd : p.judgements)
    judgements[jd.id] = J{{"type", "boolean"}, {"description", jd.ref + " " + jd.text}};
  J variants = J::array();
  for (int32_t rec : {p.organization, p.individual}) {
    if (rec < 0) continue;
    bool used = false;
    for (const auto& a : p.awards) used |= a.subject == rec;
    if (!used) continue;
    J s = type_schema(p, p.find_type(ir::Kind::Record, rec), true);
    s["properties"]["kind"] = J{{"const", p.records[rec].name}};
    s["properties"]["judgements"] = J{{"type", "object"}, {"properties", judgements}};
    s["required"] = J::array({"id", "kind"});
    variants.push_back(s);
  }
  if (variants.size() == 1) {
    for (auto& [k, v] : variants[0].items()) j[k] = v;
    j["title"] = "Facts read by " + p.id + (p.title.empty() ? "" : " (" + p.title + ")");
  } else {
    j["oneOf"] = variants;
  }
  return j;
}

}  // namespace award
