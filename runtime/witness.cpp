#include "runtime/witness.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

#include "runtime/calendars.h"
#include "runtime/facts.h"
#include "runtime/rank.h"
#include "runtime/timeline.h"

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
  // Choose each fact's value so that as many rules of both policies hold as
  // possible (two passes over the coordinates); the record is build(cs, …).
  Eval climb(std::vector<Coord>& cs, const std::string& subject, int32_t ao, int32_t an) {
    std::set<std::string> none;
    auto current = evaluate(build(cs, subject, none), ao, an);
    for (int pass = 0; pass < 2; ++pass)
      for (auto& coord : cs) {
        size_t best = coord.choice;
        for (size_t k = 0; k < coord.options.size(); ++k) {
          if (k == best) continue;
          size_t keep = coord.choice;
          coord.choice = k;
          auto e = evaluate(build(cs, subject, none), ao, an);
          if (e.ok && e.score > current.score) { current = e; best = k; }
          coord.choice = keep;
        }
        coord.choice = best;
      }
    return current;
  }

  // One record as `award rank` sees it under one policy: every award decided,
  // every bonus condition evaluated, the scores read from the record.
  std::optional<RankApplicant> applicant(const ir::Policy& p, Evaluator& ev, FactLoader& l, FactStore& s,
                                         const json& rec) {
    ++evaluations;
    LoadProblem prob;
    if (!load_record_text(l, rec.dump(), s, prob)) return std::nullopt;
    RankApplicant x;
    x.id = rec.value("id", "");
    x.name = rec.value("name", "");
    if (auto sc = rec.find("scores"); sc != rec.end())
      for (auto [key, slot] : {std::pair{"material", &x.material}, {"site", &x.site}, {"total", &x.total}})
        if (auto v = sc->find(key); v != sc->end()) *slot = parse_decimal(v->dump());
    if (auto h = rec.find("award_history"); h != rec.end() && h->is_array()) {  // as award rank reads it
      x.history.emplace();
      for (const auto& e : *h) {
        HistoryEntry rh;
        rh.title = e.value("title", "");
        if (auto d = e.find("awarded_on"); d != e.end() && d->is_string()) rh.awarded_on = parse_date(d->get<std::string>());
        rh.revoked = e.contains("revoked_on") && !e["revoked_on"].is_null();
        x.history->push_back(std::move(rh));
      }
    }
    for (size_t a = 0; a < p.awards.size(); ++a) {
      AwardOutcome out = ev.decide(static_cast<int32_t>(a), s);
      RankApplicant::Candidacy c;
      c.kind_matches = out.subject != Truth::False;
      c.verdict = out.verdict;
      x.awards.push_back(std::move(c));
    }
    x.bonus_when = bonus_conditions(p, ev, s);
    return x;
  }

  // What the ranking did with applicant i for one award: `status` compares
  // (wins, is nominated, tied, does not win: no score or limit, which a change
  // alters without changing the outcome), `shown` is printed.
  struct Outcome {
    std::string status;
    Said shown;
  };
  static Outcome outcome(const Ranking& r, int32_t award, size_t i) {
    for (const auto& ar : r.awards) {
      if (ar.award != award) continue;
      for (const auto& w : ar.winners)
        if (w.applicant == i)
          return {w.repeat ? "wins outside the quota" : "wins",
                  said(w.repeat ? Msg::witness_wins_outside : Msg::witness_wins, format_decimal(w.score))};
      for (size_t k : ar.nominees)
        if (k == i) return {"is nominated", said(Msg::witness_nominated)};
      for (const auto& t : ar.ties)
        if (std::count(t.applicants.begin(), t.applicants.end(), i)) {
          Said st = said(t.places == 1 ? Msg::witness_tied_one : Msg::witness_tied_many, t.places, t.ref);
          return {st.en(), st};
        }
      for (const auto& o : ar.others)
        if (o.applicant == i) {
          // the reason names the limit (below the minimum total 600), so it is shown, not compared
          return {"does not win",
                  said(Msg::witness_does_not_win, o.reason, o.ref.empty() ? verbatim("") : said(Msg::ref_after, o.ref),
                       o.score ? said(Msg::witness_at_total, format_decimal(*o.score)) : verbatim(""))};
        }
    }
    return {"is not ranked", said(Msg::witness_not_ranked)};
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
    auto current = m.climb(cs, award.subject_name, ao, an);
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

std::optional<std::pair<std::string, std::string>> WitnessSearch::ranked(const std::vector<std::string>& records_json,
                                                                         const std::string& award) {
  Impl& m = *impl_;
  int32_t ao = m.o.find_award(award), an = m.n.find_award(award);
  if (ao < 0 || an < 0) return std::nullopt;
  std::vector<RankApplicant> xo, xn;
  for (const auto& text : records_json) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    auto a = m.applicant(m.o, m.eo, m.lo, m.so, j);
    auto b = m.applicant(m.n, m.en, m.ln, m.sn, j);
    if (!a || !b) return std::nullopt;
    xo.push_back(std::move(*a));
    xn.push_back(std::move(*b));
  }
  int cycle = civil(m.on).year;
  return std::make_pair(Impl::outcome(rank(m.o, xo, cycle), ao, 0).status, Impl::outcome(rank(m.n, xn, cycle), an, 0).status);
}

std::optional<RankingWitness> WitnessSearch::find_ranking(const Change& c, Said& why) {
  Impl& m = *impl_;
  size_t start = m.evaluations;
  const std::string& kind = c.provision;
  if (kind != "minimum" && kind != "weights" && kind != "shortlist" && kind != "quota" && kind != "repeat") {
    why = said(Msg::witness_kind_not_searched);
    return std::nullopt;
  }
  why = said(Msg::witness_award_not_in_both);
  Decimal max = std::min(m.o.max_total(), m.n.max_total());
  int cycle = civil(m.on).year;
  // the awards in the new policy's order, so that an award comes before its nomination award
  std::vector<std::string> ids = c.awards;
  std::stable_sort(ids.begin(), ids.end(), [&](const std::string& x, const std::string& y) {
    return static_cast<uint32_t>(m.n.find_award(x)) < static_cast<uint32_t>(m.n.find_award(y));
  });
  for (const auto& id : ids) {
    int32_t ao = m.o.find_award(id), an = m.n.find_award(id);
    if (ao < 0 || an < 0) continue;
    const auto& award = m.n.awards[an];
    if (award.subject < 0 || m.o.awards[ao].subject != award.subject) continue;
    // an eligible applicant under both, the base of every record below
    std::vector<Coord> cs = m.coords_for(award.subject);
    auto e = m.climb(cs, award.subject_name, ao, an);
    if (!e.ok || e.vo != Verdict::Eligible || e.vn != Verdict::Eligible) {
      why = said(Msg::witness_none_eligible);
      continue;
    }
    const json base = m.build(cs, award.subject_name, {});
    auto with_scores = [&](const std::string& rid, std::optional<Decimal> material, std::optional<Decimal> site,
                           std::optional<Decimal> total) {
      json r = base;
      r["id"] = rid;
      json sc = json::object();
      if (material) sc["material"] = json::parse(format_decimal(*material));
      if (site) sc["site"] = json::parse(format_decimal(*site));
      if (total) sc["total"] = json::parse(format_decimal(*total));
      r["scores"] = sc;
      return r;
    };
    // Ranks the records under both policies, each decided in full; the outcome
    // of the first (the witness) for this award.
    struct Ranked {
      Impl::Outcome o, n;
    };
    auto rank_both = [&](const std::vector<json>& recs) -> std::optional<Ranked> {
      std::vector<RankApplicant> xo, xn;
      for (const auto& r : recs) {
        auto a = m.applicant(m.o, m.eo, m.lo, m.so, r);
        auto b = m.applicant(m.n, m.en, m.ln, m.sn, r);
        if (!a || !b) return std::nullopt;
        xo.push_back(std::move(*a));
        xn.push_back(std::move(*b));
      }
      return Ranked{Impl::outcome(rank(m.o, xo, cycle), ao, 0), Impl::outcome(rank(m.n, xn, cycle), an, 0)};
    };
    auto found = [&](const std::vector<json>& recs, const Ranked& r, Said others) {
      RankingWitness w;
      w.award = id;
      w.record_json = recs[0].dump();
      for (size_t k = 1; k < recs.size(); ++k) w.others_json.push_back(recs[k].dump());
      w.old_outcome = r.o.shown;
      w.new_outcome = r.n.shown;
      w.others = std::move(others);
      w.rankings = m.evaluations - start;
      return w;
    };
    if (kind == "minimum" || kind == "weights") {
      // one applicant, its scores from the boundaries of both policies and a grid
      std::set<int64_t> vs = {0, max.v};
      for (const ir::Policy* p : {&m.o, &m.n})
        for (const auto& mn : p->minimums)
          if (p->awards[mn.award].id == id)
            for (int64_t d : {-Decimal::kScale, int64_t{0}, Decimal::kScale})
              if (mn.total.v + d >= 0 && mn.total.v + d <= max.v) vs.insert(mn.total.v + d);
      for (int k = 1; k < 20; ++k) vs.insert(max.v / 20 * k);
      bool weighted = kind == "weights";
      for (int64_t a : vs)
        for (int64_t b : weighted ? vs : std::set<int64_t>{a}) {
          // material and site as given; the total, read when a policy weighs none, their mean
          Decimal ma{a}, si{b}, to{(a + b) / 2};
          std::vector<json> recs = {with_scores("WITNESS-1", ma, si, to)};
          auto r = rank_both(recs);
          if (r && r->o.status != r->n.status) return found(recs, *r, Said{});
        }
      int32_t places = std::min(m.o.awards[ao].quota < 0 ? INT32_MAX : m.o.awards[ao].quota,
                                m.n.awards[an].quota < 0 ? INT32_MAX : m.n.awards[an].quota);
      if (weighted && places >= 1 && places <= 200) {
        // the weights swap two applicants for the last place: the witness better
        // on material, a rival better on site, places - 1 others ahead of both
        for (int d1 = 10; d1 <= 200; d1 += 10)
          for (int d2 = 10; d2 <= 200; d2 += 10) {
            std::vector<json> recs = {with_scores("WITNESS-1", max, Decimal{max.v - d1 * Decimal::kScale},
                                                  Decimal{max.v - d1 * Decimal::kScale}),
                                      with_scores("WITNESS-2", Decimal{max.v - d2 * Decimal::kScale}, max,
                                                  Decimal{max.v - d2 * Decimal::kScale})};
            for (int32_t k = 1; k < places; ++k) recs.push_back(with_scores(fmt::format("WITNESS-{}", k + 2), max, max, max));
            auto r = rank_both(recs);
            if (r && r->o.status != r->n.status)
              return found(recs, *r,
                           places == 1 ? said(Msg::witness_rival_one, places)
                                       : said(Msg::witness_rival_many, places - 1, places));
          }
      }
      bool minimum = false;
      for (const ir::Policy* p : {&m.o, &m.n})
        for (const auto& mn : p->minimums) minimum |= p->awards[mn.award].id == id;
      why = weighted && !minimum && places > 200 ? said(Msg::witness_weights_no_limit, id) : said(Msg::witness_no_scores);
      continue;
    }
    if (kind == "repeat") {
      // one applicant with the maximum scores that won the award in an earlier
      // year (the latest year that keeps it eligible under both): a repeat winner
      // under one policy, an ordinary one under the other
      for (int back = 1; back <= 12; ++back) {
        json rec = with_scores("WITNESS-1", max, max, max);
        rec["award_history"] = json::array(
            {{{"title", history_title(award)}, {"awarded_on", format_date(make_date(cycle - back, 1, 1))}}});
        auto ev = m.evaluate(rec, ao, an);
        if (!ev.ok || ev.vo != Verdict::Eligible || ev.vn != Verdict::Eligible) continue;
        std::vector<json> recs = {rec};
        auto r = rank_both(recs);
        if (r && r->o.status != r->n.status) return found(recs, *r, Said{});
      }
      why = said(Msg::witness_no_repeat);
      continue;
    }
    // shortlist or quota: N others ahead of the witness, N the smaller limit
    int32_t lo = -1, hi = -1;
    auto limits = [&](const ir::Policy& p, int32_t a) -> int32_t {
      if (kind == "quota") return p.awards[a].quota;
      for (const auto& sl : p.shortlists)
        if (std::count(sl.awards.begin(), sl.awards.end(), a)) return sl.places;
      return -1;
    };
    int32_t x = limits(m.o, ao), y = limits(m.n, an);
    lo = x < 0 ? y : y < 0 ? x : std::min(x, y);
    hi = x < 0 || y < 0 ? -1 : std::max(x, y);
    if (lo < 0 || lo == hi || lo > 200) continue;
    // The others: a better material score each (distinct, so no tie at the cap);
    // for the cap a lower total than the witness, for the quota a higher one.
    const bool at_cap = kind == "shortlist";
    std::vector<json> recs;
    Decimal step = Decimal::from_int(1);
    Decimal gap = Decimal::from_int(50);
    recs.push_back(at_cap ? with_scores("WITNESS-1", Decimal{max.v - (lo + 1) * step.v}, max, max)
                                       : with_scores("WITNESS-1", Decimal{max.v - (lo + 1) * step.v},
                                                     Decimal{max.v - gap.v}, Decimal{max.v - gap.v}));
    for (int32_t k = 1; k <= lo; ++k) {
      Decimal mat{max.v - k * step.v};
      Decimal rest = at_cap ? Decimal{max.v - gap.v} : Decimal{max.v - k * step.v};
      recs.push_back(with_scores(fmt::format("WITNESS-{}", k + 1), mat, rest, rest));
    }
    auto r = rank_both(recs);
    if (r && r->o.status != r->n.status)
      return found(recs, *r,
                   said(at_cap ? (lo == 1 ? Msg::witness_others_lower_one : Msg::witness_others_lower_many)
                                            : (lo == 1 ? Msg::witness_others_higher_one : Msg::witness_others_higher_many),
                        lo, lo + 1));
    why = said(Msg::witness_same_outcome);
  }
  return std::nullopt;
}

}  // namespace award
