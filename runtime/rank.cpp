#include "runtime/rank.h"

#include <algorithm>

#include "runtime/bonus.h"
#include "runtime/timeline.h"

namespace award {

namespace {

std::string join(const std::vector<std::string>& xs, const char* sep = ", ") {
  std::string out;
  for (const auto& x : xs) out += (out.empty() ? "" : sep) + x;
  return out;
}

bool applies_for(const ir::Award& a, const RankApplicant& x) {
  if (!x.applying_for) return true;
  for (const auto& s : *x.applying_for)
    if (s == a.id || s == a.official_name || s == a.title) return true;
  return false;
}

// An earlier award of the same name, not revoked, before the cycle. An entry
// without a date counts as earlier: the record says it was won.
bool won_before(const ir::Award& a, const RankApplicant& x, int cycle) {
  if (!x.history) return false;
  for (const auto& h : *x.history)
    if (h.title == history_title(a) && !h.revoked && (!h.awarded_on || civil(*h.awarded_on).year < cycle)) return true;
  return false;
}

template <class T>
const T* provision_for(const std::vector<T>& xs, int32_t award) {
  for (const auto& x : xs)
    if (std::find(x.awards.begin(), x.awards.end(), award) != x.awards.end()) return &x;
  return nullptr;
}

const ir::Minimum* minimum_for(const ir::Policy& p, int32_t award) {
  for (const auto& m : p.minimums)
    if (m.award == award) return &m;
  return nullptr;
}

// The total an award ranks by: weighted (`score`), else scores.total. nullopt
// with `why` set when a score it needs is missing.
std::optional<Decimal> total_for(const ir::Policy& p, int32_t award, const RankApplicant& x, Said& why,
                                 std::string& ref) {
  const ir::Weighting* w = provision_for(p.weightings, award);
  if (!w) {
    if (!x.total) why = said(Msg::rank_no_total);
    return x.total;
  }
  ref = w->ref;
  std::vector<std::string> lacking;
  if (w->material.v != 0 && !x.material) lacking.push_back("scores.material");
  if (w->site.v != 0 && !x.site) lacking.push_back("scores.site");
  if (!lacking.empty()) {
    why = lacking.size() == 1 ? said(Msg::rank_score_not_given, lacking[0])
                              : said(Msg::rank_scores_not_given, lacking[0], lacking[1]);
    return std::nullopt;
  }
  Decimal m = x.material.value_or(Decimal{}), s = x.site.value_or(Decimal{});
  auto a = dec_mul(m, w->material), b = dec_mul(s, w->site);
  std::optional<Decimal> t = a && b ? dec_add(*a, *b) : std::nullopt;
  if (!t) why = said(Msg::rank_total_overflows);
  return t;
}

// The first bonus of the award, in policy order, whose `when` holds decides
// the amount; one whose `when` is undetermined leaves it unknown.
RankBonus bonus_for(const ir::Policy& p, int32_t award, const RankApplicant& x, int cycle) {
  using Why = BonusDecision::Why;
  BonusDecision d = decide_bonus(p, award, x.bonus_when, x.history.has_value(),
                                 [&] { return won_before(p.awards[award], x, cycle) ? Earlier::Yes : Earlier::No; });
  RankBonus out;
  out.amount = d.amount;
  if (d.bonus >= 0) out.ref = p.bonuses[d.bonus].ref;
  switch (d.why) {
    case Why::Paid: break;
    case Why::Unfixed: out.unfixed = true; out.note = verbatim(p.bonuses[d.bonus].note); break;
    case Why::WhenUnknown: out.note = said(Msg::bonus_undetermined); break;
    case Why::NoHistory: out.note = said(Msg::bonus_first_only_no_history); break;
    case Why::NotFirst: out.note = said(Msg::bonus_not_first); break;
    case Why::FirstUnsure: break;  // won_before counts an undated entry as earlier
    case Why::NoneApplies: out.note = said(Msg::bonus_none_applies); break;
    case Why::NoneDeclared: out.amount = Decimal{}; out.note = said(Msg::bonus_none_for_award); break;
  }
  return out;
}

struct Contender {
  size_t applicant;
  Decimal score;
  bool repeat;
};

// Orders by score, highest first; equal scores keep input order.
void by_score(std::vector<Contender>& xs) {
  std::stable_sort(xs.begin(), xs.end(), [](const Contender& a, const Contender& b) { return b.score < a.score; });
}

// Takes up to `places` from `xs` (sorted) in groups of equal score. A group
// that does not fit whole into the places left is a tie: it takes none of
// them, and they stay open. Returns how many were taken; `tie` is set when a
// group was cut, and `rest` starts after it.
struct Cut {
  size_t taken = 0;
  size_t rest = 0;  // index of the first contender beyond the tie (or the places)
  std::optional<std::pair<size_t, size_t>> tie;  // [begin, end) of the tied group
};
Cut cut(const std::vector<Contender>& xs, size_t places) {
  Cut c;
  size_t i = 0;
  while (i < xs.size() && c.taken < places) {
    size_t j = i;
    while (j < xs.size() && xs[j].score == xs[i].score) ++j;
    if (c.taken + (j - i) <= places) {
      c.taken += j - i;
      i = j;
      continue;
    }
    c.tie = {i, j};
    i = j;
    break;
  }
  c.rest = i;
  return c;
}

}  // namespace

int32_t nomination_of(const ir::Policy& p, int32_t award) {
  const std::string name = history_title(p.awards[award]) + "提名奖";
  for (size_t i = 0; i < p.awards.size(); ++i)
    if (static_cast<int32_t>(i) != award && history_title(p.awards[i]) == name &&
        p.awards[i].subject == p.awards[award].subject)
      return static_cast<int32_t>(i);
  return -1;
}

std::vector<Truth> bonus_conditions(const ir::Policy& p, Evaluator& ev, const FactStore& s) {
  std::vector<Truth> out;
  out.reserve(p.bonuses.size());
  for (const auto& b : p.bonuses) {
    int32_t subject = b.award >= 0 ? p.awards[b.award].subject : p.organization;
    if (b.when < 0) out.push_back(Truth::True);
    else if (s.root_type != subject) out.push_back(Truth::False);
    else out.push_back(ev.condition(b.when, s));
  }
  return out;
}

Ranking rank(const ir::Policy& p, const std::vector<RankApplicant>& xs, int cycle) {
  Ranking r;
  r.cycle = cycle;
  const size_t n = xs.size();
  std::vector<int32_t> won(n, -1);     // the award won this cycle
  std::vector<int32_t> tied(n, -1);    // the award whose quota tie holds the applicant

  // Candidates of an award before scoring: applying, of its kind, eligible.
  auto eligible_for = [&](int32_t a, size_t i) {
    const auto& c = xs[i].awards[a];
    return c.kind_matches && applies_for(p.awards[a], xs[i]) && c.verdict == Verdict::Eligible;
  };

  // On-site review: per shortlist, the N best material scores among its
  // awards' eligible applicants together.
  struct Selection {
    std::vector<char> chosen, tied;
    std::vector<Said> why;  // per applicant not chosen
    std::optional<RankTie> tie;
  };
  std::vector<Selection> selections(p.shortlists.size());
  for (size_t si = 0; si < p.shortlists.size(); ++si) {
    const ir::Shortlist& sl = p.shortlists[si];
    Selection& sel = selections[si];
    sel.chosen.assign(n, 0);
    sel.tied.assign(n, 0);
    sel.why.assign(n, Said{});
    std::vector<Contender> pool;
    for (size_t i = 0; i < n; ++i) {
      bool any = false;
      for (int32_t a : sl.awards) any = any || eligible_for(a, i);
      if (any && xs[i].material) pool.push_back({i, *xs[i].material, false});
    }
    by_score(pool);
    Cut c = cut(pool, static_cast<size_t>(sl.places));
    for (size_t k = 0; k < c.taken; ++k) sel.chosen[pool[k].applicant] = 1;
    if (c.tie) {
      RankTie t{{}, static_cast<int32_t>(sl.places - c.taken), pool[c.tie->first].score, true, sl.ref};
      for (size_t k = c.tie->first; k < c.tie->second; ++k) {
        t.applicants.push_back(pool[k].applicant);
        sel.tied[pool[k].applicant] = 1;
        sel.why[pool[k].applicant] = said(Msg::rank_shortlist_tie, format_decimal(t.score), t.places, sl.places);
      }
      std::sort(t.applicants.begin(), t.applicants.end());
      sel.tie = std::move(t);
    }
    for (size_t k = c.rest; k < pool.size(); ++k)
      sel.why[pool[k].applicant] = said(Msg::rank_not_shortlisted, format_decimal(pool[k].score), sl.places);
  }

  for (size_t ai = 0; ai < p.awards.size(); ++ai) {
    const int32_t a = static_cast<int32_t>(ai);
    const ir::Award& aw = p.awards[a];
    AwardRanking ar;
    ar.award = a;
    const ir::Minimum* min = minimum_for(p, a);
    const ir::RepeatWinners* rep = provision_for(p.repeats, a);
    const ir::Shortlist* sl = provision_for(p.shortlists, a);
    const size_t si = sl ? static_cast<size_t>(sl - p.shortlists.data()) : 0;
    if (sl && sl->awards.front() == a && selections[si].tie) ar.ties.push_back(*selections[si].tie);

    std::vector<Contender> pool, repeats;
    for (size_t i = 0; i < n; ++i) {
      const RankApplicant& x = xs[i];
      const auto& c = x.awards[a];
      if (!c.kind_matches || !applies_for(aw, x)) continue;
      auto other = [&](Said reason, std::string ref, std::optional<Decimal> score = std::nullopt) {
        ar.others.push_back({i, std::move(reason), std::move(ref), score});
      };
      if (won[i] >= 0) {
        other(said(Msg::rank_won_other, p.awards[won[i]].id), "");
        continue;
      }
      if (tied[i] >= 0) {
        other(said(Msg::rank_tied_other, p.awards[tied[i]].id), "");
        continue;
      }
      if (c.verdict == Verdict::Ineligible) {
        other(said(Msg::rank_ineligible), join(c.refs));
        continue;
      }
      if (c.verdict == Verdict::Undetermined) {
        Said why = c.missing.empty() ? said(Msg::rank_undetermined)
                   : said(Msg::rank_undetermined_needs,
                          c.missing_zh.empty() ? verbatim(join(c.missing))
                                               : bilingual(join(c.missing), join(c.missing_zh, message_format(Msg::list_separator, Lang::Zh))));
        other(std::move(why), join(c.refs));
        continue;
      }
      Said why;
      std::string ref;
      std::optional<Decimal> total = total_for(p, a, x, why, ref);
      if (!total) {
        other(why, ref);
        continue;
      }
      if (sl && !selections[si].chosen[i]) {
        const Said& w = selections[si].why[i];
        if (selections[si].tied[i] && sl->awards.front() == a) continue;  // reported in the tie
        other(w.empty() ? said(Msg::rank_not_shortlisted_no_material) : w, sl->ref, total);
        continue;
      }
      if (min && *total < min->total) {
        other(said(Msg::rank_below_minimum, format_decimal(min->total)), min->ref, total);
        continue;
      }
      bool repeat = rep && rep->outside_quota && won_before(aw, x, cycle);
      (repeat ? repeats : pool).push_back({i, *total, repeat});
    }

    by_score(pool);
    by_score(repeats);
    size_t places = aw.quota < 0 ? pool.size() : static_cast<size_t>(aw.quota);
    Cut c = cut(pool, places);
    for (size_t k = 0; k < c.taken; ++k) ar.winners.push_back({pool[k].applicant, pool[k].score, false, {}});
    for (const auto& x : repeats) ar.winners.push_back({x.applicant, x.score, true, {}});
    if (c.tie) {
      RankTie t{{}, static_cast<int32_t>(places - c.taken), pool[c.tie->first].score, false, aw.ref};
      for (size_t k = c.tie->first; k < c.tie->second; ++k) {
        t.applicants.push_back(pool[k].applicant);
        tied[pool[k].applicant] = a;
      }
      std::sort(t.applicants.begin(), t.applicants.end());
      ar.ties.push_back(std::move(t));
    }
    for (size_t k = c.rest; k < pool.size(); ++k)
      ar.others.push_back({pool[k].applicant, said(Msg::rank_beyond_quota, aw.quota), aw.ref, pool[k].score});
    if (aw.quota >= 0) ar.open_places = aw.quota - static_cast<int32_t>(c.taken);

    for (auto& w : ar.winners) {
      won[w.applicant] = a;
      if (w.repeat && rep->no_bonus) {
        w.bonus = {Decimal{}, false, rep->ref, said(Msg::bonus_repeat_winner)};
      } else {
        w.bonus = bonus_for(p, a, xs[w.applicant], cycle);
      }
      if (w.bonus.amount) {
        if (auto s = dec_add(r.bonus_total, *w.bonus.amount)) r.bonus_total = *s;
      } else {
        r.total_incomplete = true;
      }
    }
    r.awards.push_back(std::move(ar));
  }

  for (size_t a = 0; a < p.awards.size(); ++a) {
    int32_t nom = nomination_of(p, static_cast<int32_t>(a));
    if (nom < 0) continue;
    for (const auto& w : r.awards[nom].winners) r.awards[a].nominees.push_back(w.applicant);
  }

  // 六（二）: awards of other levels won in the cycle.
  for (size_t bi = 0; bi < p.bonuses.size(); ++bi) {
    const ir::Bonus& b = p.bonuses[bi];
    if (b.award >= 0) continue;
    for (size_t i = 0; i < n; ++i) {
      const RankApplicant& x = xs[i];
      if (!x.history) continue;
      bool in_cycle = false;
      for (const auto& h : *x.history)
        in_cycle = in_cycle || (h.title == b.title && !h.revoked && h.awarded_on && civil(*h.awarded_on).year == cycle);
      if (!in_cycle) continue;
      Truth w = bi < x.bonus_when.size() ? x.bonus_when[bi] : Truth::Unknown;
      if (w == Truth::False) continue;
      OtherBonus ob{i, static_cast<int32_t>(bi), {std::nullopt, false, b.ref, {}}};
      if (w == Truth::Unknown) ob.money.note = said(Msg::bonus_undetermined);
      else if (!b.fixed) ob.money = {std::nullopt, true, b.ref, verbatim(b.note)};
      else ob.money.amount = b.amount;
      if (ob.money.amount) {
        if (auto s = dec_add(r.bonus_total, *ob.money.amount)) r.bonus_total = *s;
      } else {
        r.total_incomplete = true;
      }
      r.other_bonuses.push_back(std::move(ob));
    }
  }
  return r;
}

}  // namespace award
