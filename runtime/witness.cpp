#include "runtime/witness.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "runtime/calendars.h"
#include "runtime/facts.h"

namespace award {

using nlohmann::json;

namespace {

// One thing the search can set: a fact's value, or whether a list has an element.
struct Coord {
  std::string pointer;           // JSON pointer into the record: /incidents/0/date
  std::string path;              // the same as the IR names it: incidents[].date
  bool toggle = false;           // a list: [] (choice 0) or one element (choice 1)
  std::string needs;             // for an element's field: the list's pointer
  std::vector<json> options;
  size_t choice = 0;
};

}  // namespace

struct WitnessSearch::Impl {
  const ir::Policy& o;
  const ir::Policy& n;
  Date on;
  Evaluator eo, en;
  FactLoader lo, ln;
  FactStore so, sn;
  size_t evaluations = 0;

  std::vector<Decimal> numbers;
  std::vector<std::string> texts;
  std::vector<Value> durations;
  std::vector<int32_t> dates;

  Impl(const ir::Policy& a, const ir::Policy& b, Date d) : o(a), n(b), on(d), eo(a), en(b), lo(a), ln(b) {
    eo.set_calendar(&policy_calendar(a));
    en.set_calendar(&policy_calendar(b));
    for (Evaluator* e : {&eo, &en}) e->set_reference_date(on);
    for (const ir::Policy* p : {&o, &n})
      for (const auto& v : p->consts) {
        if (v.tag == Tag::Num) numbers.push_back(Decimal{v.num});
        else if (v.tag == Tag::Text) texts.push_back(p->pool.substr(v.text.off, v.text.len));
        else if (v.tag == Tag::Dur) durations.push_back(v);
        else if (v.tag == Tag::Date) dates.push_back(v.date);
      }
    std::sort(texts.begin(), texts.end());
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
  }

  // The type a read path names, walking the vocabulary from the subject.
  ir::TypeId type_of(int32_t subject, const std::string& path, std::vector<bool>& lists) const {
    ir::TypeId t = o.find_type(ir::Kind::Record, subject);
    size_t start = 0;
    lists.clear();
    while (start < path.size() && t >= 0) {
      size_t dot = path.find('.', start);
      std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      bool list = seg.size() > 2 && seg.compare(seg.size() - 2, 2, "[]") == 0;
      if (list) seg.resize(seg.size() - 2);
      if (o.types[t].kind != ir::Kind::Record) return -1;
      const auto& rec = o.records[o.types[t].ref];
      ir::TypeId next = -1;
      for (const auto& f : rec.fields) if (f.name == seg) next = f.type;
      t = next;
      if (list && t >= 0) t = o.types[t].elem;
      lists.push_back(list);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return t;
  }

  std::vector<json> candidates(ir::TypeId t) const {
    std::vector<json> out;
    if (t < 0) return out;
    const auto& ti = o.types[t];
    auto date_str = [](int32_t d) { return format_date(Date{d}); };
    switch (ti.kind) {
      case ir::Kind::Bool: return {true, false};
      case ir::Kind::Number:
      case ir::Kind::Money: {
        std::set<int64_t> seen;
        auto add = [&](Decimal d) {
          if (seen.insert(d.v).second) out.push_back(json::parse(format_decimal(d)));
        };
        add(Decimal::from_int(0));
        for (Decimal c : numbers) {
          add(c);
          add(Decimal{c.v - Decimal::kScale});
          add(Decimal{c.v + Decimal::kScale});
        }
        return out;
      }
      case ir::Kind::Text: {
        for (const auto& s : texts) out.push_back(s);
        out.push_back("其他");
        return out;
      }
      case ir::Kind::Enum: {
        for (const auto& m : o.enums[ti.ref].members) out.push_back(m);
        return out;
      }
      case ir::Kind::Date: {
        std::set<int32_t> seen;
        auto add = [&](int32_t d) {
          if (seen.insert(d).second) out.push_back(date_str(d));
        };
        add(make_date(1990, 1, 1).days);
        add(on.days);
        add(on.days + 1);
        for (const auto& d : durations) {
          int64_t amount = d.dur.amount;
          Date back;
          switch (static_cast<Unit>(d.aux)) {
            case Unit::Years: back = add_years(on, -amount); break;
            case Unit::Months: back = add_months(on, -amount); break;
            default: back = add_days(on, -amount); break;
          }
          add(back.days - 1);
          add(back.days);
          add(back.days + 1);
        }
        for (int32_t d : dates) {
          add(d - 1);
          add(d);
          add(d + 1);
        }
        return out;
      }
      case ir::Kind::List: {
        // empty, or one element: each candidate scalar, or a record whose fields are left out
        out.push_back(json::array());
        if (o.types[ti.elem].kind == ir::Kind::Record) out.push_back(json::array({json::object()}));
        else for (auto& e : candidates(ti.elem)) out.push_back(json::array({e}));
        return out;
      }
      default: return out;
    }
  }

  static std::string pointer_of(const std::string& path) {
    std::string p;
    size_t start = 0;
    while (start <= path.size()) {
      size_t dot = path.find('.', start);
      std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      bool list = seg.size() > 2 && seg.compare(seg.size() - 2, 2, "[]") == 0;
      if (list) seg.resize(seg.size() - 2);
      p += "/" + seg + (list ? "/0" : "");
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return p;
  }

  // Every fact the rules of both policies read for one kind of applicant.
  std::vector<Coord> coords_for(int32_t subject) const {
    std::set<std::string> paths;
    for (const ir::Policy* p : {&o, &n})
      for (const auto& r : p->rules)
        if (r.subject == subject)
          for (const auto& x : r.reads)
            if (x.rfind("judgements.", 0) != 0) paths.insert(x);
    std::vector<Coord> toggles, values;
    std::set<std::string> toggled;
    for (const auto& path : paths) {
      std::vector<bool> lists;
      ir::TypeId t = type_of(subject, path, lists);
      if (t < 0) continue;
      // the lists on the way, each a toggle; the innermost one the field needs
      std::string prefix, needs;
      size_t start = 0;
      for (size_t k = 0; k < lists.size(); ++k) {
        size_t dot = path.find('.', start);
        std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        prefix += (prefix.empty() ? "" : ".") + seg;
        if (lists[k]) {
          std::string lp = pointer_of(prefix);
          lp.resize(lp.size() - 2);  // the list itself, without /0
          bool is_leaf = k + 1 == lists.size();
          if (!is_leaf || o.types[t].kind == ir::Kind::Record || true) {
            if (toggled.insert(lp).second) {
              Coord c;
              c.pointer = lp;
              c.path = prefix;
              c.toggle = true;
              c.needs = needs;
              c.options = {json::array(), json::array({json::object()})};
              toggles.push_back(c);
            }
          }
          needs = lp;
        }
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      if (o.types[t].kind == ir::Kind::Record) continue;  // the element itself: its fields are coordinates
      bool leaf_is_list = !lists.empty() && lists.back();
      if (leaf_is_list && o.types[t].kind != ir::Kind::Record) {
        // a list of scalars read as a whole: its values are the options
        Coord c;
        std::string pp = pointer_of(path);
        c.pointer = pp.substr(0, pp.size() - 2);
        c.path = path;
        c.options = candidates(o.find_type(ir::Kind::List, -1, t));
        // replace the toggle for it, if one was made
        toggles.erase(std::remove_if(toggles.begin(), toggles.end(), [&](const Coord& x) { return x.pointer == c.pointer; }), toggles.end());
        if (!c.options.empty()) values.push_back(c);
        continue;
      }
      Coord c;
      c.pointer = pointer_of(path);
      c.path = path;
      c.needs = needs;
      c.options = candidates(t);
      if (!c.options.empty()) values.push_back(c);
    }
    // a list read as a whole and also element by element is one toggle
    values.erase(std::remove_if(values.begin(), values.end(), [&](const Coord& v) { return toggled.count(v.pointer) > 0; }), values.end());
    std::sort(toggles.begin(), toggles.end(), [](const Coord& a, const Coord& b) { return a.pointer.size() < b.pointer.size(); });
    toggles.insert(toggles.end(), values.begin(), values.end());
    return toggles;
  }

  json build(const std::vector<Coord>& cs, const std::string& subject, const std::set<std::string>& unjudged) const {
    json j = {{"id", "WITNESS-1"}, {"kind", subject}, {"name", "差异示例申报者"}};
    json judg = json::object();
    for (const ir::Policy* p : {&o, &n})
      for (const auto& jd : p->judgements)
        if (!unjudged.count(jd.id)) judg[jd.id] = true;
    j["judgements"] = judg;
    std::set<std::string> on_lists;
    for (const auto& c : cs) {
      if (!c.needs.empty() && !on_lists.count(c.needs)) continue;
      json::json_pointer ptr(c.pointer);
      if (c.toggle) {
        j[ptr] = c.options[c.choice];
        if (c.choice == 1) on_lists.insert(c.pointer);
      } else {
        j[ptr] = c.options[c.choice];
      }
    }
    return j;
  }

  struct Eval {
    bool ok = false;
    Verdict vo = Verdict::Undetermined, vn = Verdict::Undetermined;
    int score = 0;
  };

  Eval evaluate(const json& j, int32_t ao, int32_t an) {
    ++evaluations;
    Eval e;
    std::string text = j.dump();
    LoadProblem prob;
    if (!load_record_text(lo, text, so, prob) || !load_record_text(ln, text, sn, prob)) return e;
    AwardOutcome a = eo.decide(ao, so), b = en.decide(an, sn);
    e.ok = true;
    e.vo = a.verdict;
    e.vn = b.verdict;
    for (const auto& r : a.rules) e.score += r.holds == Truth::True;
    for (const auto& r : b.rules) e.score += r.holds == Truth::True;
    return e;
  }
};

WitnessSearch::WitnessSearch(const ir::Policy& old_p, const ir::Policy& new_p, Date on)
    : impl_(new Impl(old_p, new_p, on)) {}
WitnessSearch::~WitnessSearch() { delete impl_; }

std::optional<std::pair<Verdict, Verdict>> WitnessSearch::verdicts(const std::string& record_json, const std::string& award) {
  int32_t ao = impl_->o.find_award(award), an = impl_->n.find_award(award);
  if (ao < 0 || an < 0) return std::nullopt;
  auto j = json::parse(record_json, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  auto e = impl_->evaluate(j, ao, an);
  if (!e.ok) return std::nullopt;
  return std::make_pair(e.vo, e.vn);
}

std::optional<Witness> WitnessSearch::find(const Change& c) {
  Impl& m = *impl_;
  size_t start = m.evaluations;
  // the awards both policies have that the change concerns
  std::vector<std::string> awards;
  for (const auto& a : m.n.awards)
    if (m.o.find_award(a.id) >= 0 && (c.awards.empty() || std::count(c.awards.begin(), c.awards.end(), a.id)))
      awards.push_back(a.id);
  // the facts the change reads
  std::set<std::string> reads;
  std::set<std::string> judgements;
  if (c.old_rule >= 0) {
    const auto& r = m.o.rules[c.old_rule];
    reads.insert(r.reads.begin(), r.reads.end());
    if (r.judgement >= 0) judgements.insert(m.o.judgements[r.judgement].id);
  }
  if (c.new_rule >= 0) {
    const auto& r = m.n.rules[c.new_rule];
    reads.insert(r.reads.begin(), r.reads.end());
    if (r.judgement >= 0) judgements.insert(m.n.judgements[r.judgement].id);
  }
  for (const auto& id : awards) {
    int32_t ao = m.o.find_award(id), an = m.n.find_award(id);
    const auto& award = m.n.awards[an];
    if (award.subject < 0 || m.o.awards[ao].subject != award.subject) continue;
    std::vector<Coord> cs = m.coords_for(award.subject);
    auto done = [&](const json& j, const Impl::Eval& e) -> std::optional<Witness> {
      if (!e.ok || e.vo == e.vn) return std::nullopt;
      Witness w;
      w.award = id;
      w.record_json = j.dump();
      w.old_verdict = e.vo;
      w.new_verdict = e.vn;
      w.evaluations = m.evaluations - start;
      return w;
    };
    // 1. a record on which as many rules of both policies hold as possible
    std::set<std::string> none;
    auto current = m.evaluate(m.build(cs, award.subject_name, none), ao, an);
    for (int pass = 0; pass < 2; ++pass)
      for (auto& coord : cs) {
        size_t best = coord.choice;
        for (size_t k = 0; k < coord.options.size(); ++k) {
          if (k == best) continue;
          size_t keep = coord.choice;
          coord.choice = k;
          auto e = m.evaluate(m.build(cs, award.subject_name, none), ao, an);
          if (e.ok && e.score > current.score) { current = e; best = k; }
          coord.choice = keep;
        }
        coord.choice = best;
      }
    json base = m.build(cs, award.subject_name, none);
    if (auto w = done(base, current)) return w;
    // 2. a judgement added, removed or reworded: leave it unrecorded
    if (!judgements.empty()) {
      json j = m.build(cs, award.subject_name, judgements);
      if (auto w = done(j, m.evaluate(j, ao, an))) return w;
    }
    // 3. vary the facts the change reads, alone, then in pairs
    std::vector<size_t> relevant;
    for (size_t i = 0; i < cs.size(); ++i) {
      bool hit = false;
      for (const auto& r : reads) {
        if (r == cs[i].path || r.rfind(cs[i].path + "[]", 0) == 0 || r.rfind(cs[i].path + ".", 0) == 0) hit = true;
      }
      if (hit) relevant.push_back(i);
    }
    // every combination of the relevant facts when there are few, else one and two at a time
    size_t product = 1;
    for (size_t i : relevant) product = std::min<size_t>(product * cs[i].options.size(), 1'000'000);
    if (product <= 50'000) {
      std::vector<size_t> keep;
      for (size_t i : relevant) { keep.push_back(cs[i].choice); cs[i].choice = 0; }
      for (size_t step = 0; step < product; ++step) {
        json j = m.build(cs, award.subject_name, none);
        if (auto w = done(j, m.evaluate(j, ao, an))) return w;
        for (size_t k = 0; k < relevant.size(); ++k) {  // the next combination, like an odometer
          Coord& x = cs[relevant[k]];
          if (++x.choice < x.options.size()) break;
          x.choice = 0;
        }
      }
      for (size_t k = 0; k < relevant.size(); ++k) cs[relevant[k]].choice = keep[k];
      continue;
    }
    for (size_t i : relevant) {
      size_t keep = cs[i].choice;
      for (size_t k = 0; k < cs[i].options.size(); ++k) {
        cs[i].choice = k;
        json j = m.build(cs, award.subject_name, none);
        if (auto w = done(j, m.evaluate(j, ao, an))) return w;
      }
      cs[i].choice = keep;
    }
    for (size_t a = 0; a < relevant.size(); ++a)
      for (size_t b = a + 1; b < relevant.size(); ++b) {
        Coord& x = cs[relevant[a]];
        Coord& y = cs[relevant[b]];
        size_t kx = x.choice, ky = y.choice;
        for (size_t i = 0; i < x.options.size(); ++i)
          for (size_t k = 0; k < y.options.size(); ++k) {
            x.choice = i;
            y.choice = k;
            json j = m.build(cs, award.subject_name, none);
            if (auto w = done(j, m.evaluate(j, ao, an))) return w;
          }
        x.choice = kx;
        y.choice = ky;
      }
  }
  return std::nullopt;
}

}  // namespace award
