#include "compiler/diff.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "compiler/ir_print.h"
#include "runtime/date.h"

namespace award {

bool PolicyDiff::verdict_relevant() const {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return c.can_change_verdict; });
}

bool PolicyDiff::ranking_relevant() const {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return c.can_change_ranking; });
}

namespace {

// Code points of a UTF-8 string, for character-level comparison of Chinese text.
std::vector<std::string> chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Dice similarity of character bigrams: 1 for equal texts, near 0 for unrelated ones.
double similarity(const std::string& a, const std::string& b) {
  if (a == b) return 1.0;
  auto ca = chars(a), cb = chars(b);
  if (ca.size() < 2 || cb.size() < 2) return 0.0;
  std::multiset<std::string> ga, gb;
  for (size_t i = 0; i + 1 < ca.size(); ++i) ga.insert(ca[i] + ca[i + 1]);
  for (size_t i = 0; i + 1 < cb.size(); ++i) gb.insert(cb[i] + cb[i + 1]);
  size_t common = 0;
  for (auto it = ga.begin(); it != ga.end(); it = ga.upper_bound(*it))
    common += std::min(ga.count(*it), gb.count(*it));
  return 2.0 * static_cast<double>(common) / static_cast<double>(ga.size() + gb.size());
}

std::string kind_category(ir::RuleKind k) {
  switch (k) {
    case ir::RuleKind::Require: return "requirement";
    case ir::RuleKind::Exclude: return "exclusion";
    case ir::RuleKind::Judgement: return "judgement";
    default: return "rule";
  }
}

// A period as JSON's old and new values write it, always in English.
std::string duration_text(const ir::Duration& d) {
  static constexpr std::array<const char*, 4> units{"days", "working days", "months", "years"};
  return fmt::format("{} {}", d.amount, units[static_cast<int>(d.unit)]);
}

// A period as a summary says it: duration_text's English, or the reader's words.
Said duration_said(const ir::Duration& d) {
  static const Msg units[] = {Msg::period_days, Msg::period_working_days, Msg::period_months, Msg::period_years};
  return said(units[static_cast<int>(d.unit)], d.amount);
}

// A value of a provision, or "(none)" for one not given.
Said or_none(const std::string& v) { return v.empty() ? said(Msg::diff_none) : verbatim(v); }

// A bonus as a summary says it: its money, its flags as written, and whether a
// condition decides it ("800000 yuan first_only (conditional)").
Said bonus_said(const ir::Bonus& b, Said money) {
  std::string flags;
  for (const auto& f : b.flags) flags += " " + f;
  return said(Msg::diff_flagged, money, flags, b.when >= 0 ? said(Msg::diff_conditional) : verbatim(""));
}

// The changed words of two one-line texts, when only some words differ:
// "3 years → 5 years". Empty when the texts differ in shape.
std::string changed_words(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s) {
    std::vector<std::string> w;
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      if (j > i) w.push_back(s.substr(i, j - i));
      i = j + 1;
    }
    return w;
  };
  auto wa = split(a), wb = split(b);
  if (wa.size() != wb.size()) return {};
  std::string out;
  for (size_t i = 0; i < wa.size(); ++i) {
    if (wa[i] == wb[i]) continue;
    // keep a unit with its number
    std::string x = wa[i], y = wb[i];
    if (i + 1 < wa.size() && wa[i + 1] == wb[i + 1] &&
        (wa[i + 1] == "years" || wa[i + 1] == "months" || wa[i + 1] == "days" || wa[i + 1] == "yuan")) {
      x += " " + wa[i + 1];
      y += " " + wb[i + 1];
    }
    out += (out.empty() ? "" : ", ") + x + " → " + y;
  }
  return out;
}

// Only the lines of a marked text diff that carry a change.
std::string changed_lines(const std::string& marked) {
  std::string out;
  size_t start = 0;
  int open = 0;  // a change may span lines
  while (start <= marked.size()) {
    size_t nl = marked.find('\n', start);
    std::string line = marked.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    bool changed = open > 0 || line.find("[-") != std::string::npos || line.find("{+") != std::string::npos;
    for (size_t i = 0; i + 1 < line.size(); ++i) {
      if ((line[i] == '[' && line[i + 1] == '-') || (line[i] == '{' && line[i + 1] == '+')) ++open;
      if ((line[i] == '-' && line[i + 1] == ']') || (line[i] == '+' && line[i + 1] == '}')) --open;
    }
    if (changed) out += (out.empty() ? "" : " … ") + line;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}


struct RuleInfo {
  int32_t index;
  std::string ref;
  std::string canon;
  std::set<std::string> reads;
  std::set<std::string> awards;
  ir::RuleKind kind;
  std::string judgement;
};

std::vector<RuleInfo> rule_infos(const ir::Policy& p) {
  std::vector<RuleInfo> out;
  for (size_t i = 0; i < p.rules.size(); ++i) {
    const auto& r = p.rules[i];
    RuleInfo ri;
    ri.index = static_cast<int32_t>(i);
    ri.ref = r.ref;
    ri.canon = print_rule(p, r);
    ri.reads = {r.reads.begin(), r.reads.end()};
    for (int32_t a : r.awards) ri.awards.insert(p.awards[a].id);
    ri.kind = r.kind;
    if (r.judgement >= 0) ri.judgement = p.judgements[r.judgement].id;
    out.push_back(std::move(ri));
  }
  return out;
}

// A rule as written, with " [for individual]" when it applies to some of its
// policy's awards only.
Said rule_with_awards(const ir::Policy& p, const RuleInfo& r) {
  if (r.awards.size() == p.awards.size()) return verbatim(r.canon);
  std::string s;
  for (const auto& a : r.awards) s += (s.empty() ? "" : ", ") + a;
  return said(Msg::diff_rule_for, r.canon, s);
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (const auto& x : a) common += b.count(x);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

class Differ {
 public:
  Differ(const ir::Policy& o, const ir::Policy& n) : o_(o), n_(n) {}

  PolicyDiff run() {
    metadata();
    articles();
    awards();
    rules();
    revocations();
    deadlines();
    retentions();
    scoring();
    static const std::vector<std::string> order = {"metadata", "award", "bonus", "requirement", "exclusion",
                                                   "judgement", "revocation", "deadline", "retention", "scoring",
                                                   "article"};
    auto rank = [&](const std::string& c) { return std::find(order.begin(), order.end(), c) - order.begin(); };
    std::stable_sort(out_.changes.begin(), out_.changes.end(), [&](const Change& a, const Change& b) {
      if (rank(a.category) != rank(b.category)) return rank(a.category) < rank(b.category);
      if (a.order != b.order) return a.order < b.order;
      return a.summary.en() < b.summary.en();
    });
    return std::move(out_);
  }

 private:
  // The new reference of an old one, through the article pairing.
  std::string map_ref(const std::string& old_ref) const {
    for (const auto& [ol, nl] : article_map_)
      if (old_ref.rfind(ol, 0) == 0) return nl + old_ref.substr(ol.size());
    return old_ref;
  }

  // Changes sort by where they stand: the new policy's article order, else the old one's.
  int32_t position(const Change& c) const {
    auto find = [](const ir::Policy& p, const std::string& ref) -> int32_t {
      int32_t best = -1;
      size_t best_len = 0;
      for (size_t i = 0; i < p.articles.size(); ++i) {
        const std::string& l = p.articles[i].label;
        if (ref.rfind(l, 0) == 0 && l.size() > best_len) { best = static_cast<int32_t>(i); best_len = l.size(); }
      }
      return best;
    };
    if (!c.new_ref.empty()) if (int32_t k = find(n_, c.new_ref); k >= 0) return k * 2 + 1;
    if (!c.old_ref.empty()) if (int32_t k = find(o_, c.old_ref); k >= 0) return k * 2;
    return -1;
  }

  void add(Change c) {
    c.order = position(c);
    out_.changes.push_back(std::move(c));
  }

  void metadata() {
    std::map<std::string, std::string> a, b;
    for (const auto& m : o_.meta) a[m.key] = m.value;
    for (const auto& m : n_.meta) b[m.key] = m.value;
    if (o_.title != n_.title) a["title"] = o_.title, b["title"] = n_.title;
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& k : keys) {
      std::string va = a.count(k) ? a[k] : "", vb = b.count(k) ? b[k] : "";
      if (va == vb) continue;
      Change c;
      c.category = "metadata";
      c.action = va.empty() ? "added" : vb.empty() ? "removed" : "changed";
      c.summary = said(Msg::diff_setting, k, or_none(va), or_none(vb));
      c.old_text = va;
      c.new_text = vb;
      add(std::move(c));
    }
  }

  void articles() {
    std::vector<bool> used(n_.articles.size(), false);
    std::vector<int32_t> match(o_.articles.size(), -1);
    // 1. the same text (moved when the label differs), 2. the same label, 3. similar text
    for (size_t i = 0; i < o_.articles.size(); ++i)
      for (size_t j = 0; j < n_.articles.size(); ++j)
        if (!used[j] && !o_.articles[i].text.empty() && o_.articles[i].text == n_.articles[j].text &&
            o_.articles[i].items.size() == n_.articles[j].items.size()) {
          match[i] = static_cast<int32_t>(j);
          used[j] = true;
          break;
        }
    for (size_t i = 0; i < o_.articles.size(); ++i) {
      if (match[i] >= 0) continue;
      for (size_t j = 0; j < n_.articles.size(); ++j)
        if (!used[j] && o_.articles[i].label == n_.articles[j].label &&
            similarity(article_text(o_.articles[i]), article_text(n_.articles[j])) >= 0.3) {
          match[i] = static_cast<int32_t>(j);
          used[j] = true;
          break;
        }
    }
    for (size_t i = 0; i < o_.articles.size(); ++i) {
      if (match[i] >= 0) continue;
      double best = 0.6;
      int32_t bj = -1;
      for (size_t j = 0; j < n_.articles.size(); ++j) {
        if (used[j]) continue;
        double s = similarity(article_text(o_.articles[i]), article_text(n_.articles[j]));
        if (s > best) { best = s; bj = static_cast<int32_t>(j); }
      }
      if (bj >= 0) { match[i] = bj; used[bj] = true; }
    }
    for (size_t i = 0; i < o_.articles.size(); ++i) {
      const auto& a = o_.articles[i];
      if (match[i] < 0) {
        Change c{"article", "removed", said(Msg::diff_article, a.label), a.label, "", article_text(a), "", "", false};
        add(std::move(c));
        continue;
      }
      const auto& b = n_.articles[match[i]];
      if (a.label != b.label) {
        article_map_.emplace_back(a.label, b.label);
        Change c{"article", "moved", said(Msg::diff_article_moved, a.label, b.label), a.label, b.label, "", "", "", false};
        add(std::move(c));
      }
      std::string ta = article_text(a), tb = article_text(b);
      if (ta != tb) {
        Change c{"article", "changed", said(Msg::diff_article_text, b.label), a.label, b.label, ta, tb,
                 changed_lines(text_diff(ta, tb)), false};
        add(std::move(c));
      }
    }
    for (size_t j = 0; j < n_.articles.size(); ++j)
      if (!used[j]) {
        Change c{"article", "added", said(Msg::diff_article, n_.articles[j].label), "", n_.articles[j].label,
                 "", article_text(n_.articles[j]), "", false};
        add(std::move(c));
      }
    // longest old labels first, so that 第十一条 maps before 第十条 can match its prefix
    std::sort(article_map_.begin(), article_map_.end(), [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  }

  static std::string article_text(const ir::Article& a) {
    std::string t = a.text;
    for (const auto& it : a.items) t += "\n" + it.label + it.text;
    return t;
  }

  void awards() {
    for (const auto& a : o_.awards) {
      int32_t j = n_.find_award(a.id);
      if (j < 0) {
        Change c{"award", "removed", said(Msg::diff_award_removed, a.id, a.title), a.ref, "", a.title, "", "", true};
        c.awards = {a.id};
        add(std::move(c));
        continue;
      }
      const auto& b = n_.awards[j];
      // `name` is the setting's English name, its provision when it can change who wins
      auto field = [&](Msg name, const Said& x, const Said& y, bool verdict, bool ranking = false) {
        std::string tx = x.en(), ty = y.en();
        if (tx == ty) return;
        Change c{"award", "changed", said(Msg::diff_setting_of, a.id, said(name), x, y), a.ref, b.ref, tx, ty, "", verdict};
        c.can_change_ranking = ranking;
        if (ranking) c.provision = message_format(name, Lang::En);
        c.awards = {a.id};
        add(std::move(c));
      };
      auto years = [](int32_t n) { return n ? said(Msg::period_years, n) : said(Msg::diff_none); };
      auto places = [](int32_t n) { return n < 0 ? said(Msg::diff_none) : verbatim(std::to_string(n)); };
      auto yes_no = [](bool v) { return said(v ? Msg::status_yes : Msg::status_no); };
      field(Msg::diff_award_title, verbatim(a.title), verbatim(b.title), false);
      field(Msg::diff_award_official_name, verbatim(a.official_name), verbatim(b.official_name), false);
      field(Msg::diff_award_for, verbatim(a.subject_name), verbatim(b.subject_name), true);
      field(Msg::diff_award_cycle, years(a.cycle_years), years(b.cycle_years), false);
      field(Msg::diff_award_quota, places(a.quota), places(b.quota), false, true);
      field(Msg::diff_award_vacant, yes_no(a.may_be_vacant), yes_no(b.may_be_vacant), false);
    }
    for (const auto& b : n_.awards)
      if (o_.find_award(b.id) < 0) {
        Change c{"award", "added", said(Msg::diff_award_added, b.id, b.title), "", b.ref, "", b.title, "", true};
        c.awards = {b.id};
        add(std::move(c));
      }
    // bonuses, per award
    auto bonus_text = [](const ir::Policy& p, const std::string& id) {
      std::optional<Said> s;
      for (const auto& b : p.bonuses) {
        if (b.award < 0 || p.awards[b.award].id != id) continue;  // awards of other levels: not compared yet
        Said one = bonus_said(b, said(Msg::money_yuan, format_decimal(b.amount)));
        s = s ? said(Msg::diff_list, *s, one) : one;
      }
      return s ? *s : said(Msg::diff_none);
    };
    auto bonus_ref = [](const ir::Policy& p, const std::string& id) {
      for (const auto& b : p.bonuses) if (b.award >= 0 && p.awards[b.award].id == id) return b.ref;
      return std::string();
    };
    for (const auto& a : o_.awards) {
      if (n_.find_award(a.id) < 0) continue;
      Said x = bonus_text(o_, a.id), y = bonus_text(n_, a.id);
      if (x.en() == y.en()) continue;
      Change c{"bonus", "changed", said(Msg::diff_bonus, a.id, x, y), bonus_ref(o_, a.id), bonus_ref(n_, a.id), x.en(), y.en(),
               "", false};
      c.awards = {a.id};
      add(std::move(c));
    }
  }

  void rules() {
    auto oi = rule_infos(o_), ni = rule_infos(n_);
    std::vector<bool> oused(oi.size(), false), nused(ni.size(), false);
    auto pair = [&](size_t i, size_t j) {
      oused[i] = nused[j] = true;
      const auto& a = oi[i];
      const auto& b = ni[j];
      bool moved = map_ref(a.ref) == b.ref && a.ref != b.ref;
      if (a.canon == b.canon && a.awards == b.awards && (a.ref == b.ref || moved)) return;  // same rule (perhaps renumbered)
      Change c;
      c.category = kind_category(b.kind);
      c.action = "changed";
      c.old_ref = a.ref;
      c.new_ref = b.ref;
      c.old_text = a.canon;
      c.new_text = b.canon;
      c.old_rule = a.index;
      c.new_rule = b.index;
      c.awards = {b.awards.begin(), b.awards.end()};
      std::string words = changed_words(a.canon, b.canon);
      if (a.canon == b.canon && a.awards != b.awards) {
        auto list = [](const std::set<std::string>& s) { std::string x; for (auto& e : s) x += (x.empty() ? "" : ", ") + e; return x; };
        c.summary = said(Msg::diff_rule_awards, a.canon, list(b.awards), list(a.awards));
        c.can_change_verdict = true;
      } else if (a.canon == b.canon) {
        c.summary = verbatim(a.canon);
        c.action = "moved";
      } else if (b.kind == ir::RuleKind::Judgement && a.judgement == b.judgement) {
        c.summary = said(Msg::diff_judgement_reworded, b.judgement);
        c.detail = text_diff(o_.judgements[o_.rules[a.index].judgement].text, n_.judgements[n_.rules[b.index].judgement].text);
      } else {
        c.summary = verbatim(words.empty() ? fmt::format("{} → {}", a.canon, b.canon) : words);
        c.can_change_verdict = true;
      }
      add(std::move(c));
    };
    // 1. the same rule text, kind and awards (moved or unchanged)
    for (size_t i = 0; i < oi.size(); ++i)
      for (size_t j = 0; j < ni.size(); ++j)
        if (!nused[j] && oi[i].canon == ni[j].canon && oi[i].awards == ni[j].awards &&
            (map_ref(oi[i].ref) == ni[j].ref || oi[i].ref == ni[j].ref)) { pair(i, j); break; }
    for (size_t i = 0; i < oi.size(); ++i)
      for (size_t j = 0; !oused[i] && j < ni.size(); ++j)
        if (!nused[j] && oi[i].canon == ni[j].canon) pair(i, j);
    // 2. the same judgement id
    for (size_t i = 0; i < oi.size(); ++i)
      for (size_t j = 0; !oused[i] && j < ni.size(); ++j)
        if (!nused[j] && !oi[i].judgement.empty() && oi[i].judgement == ni[j].judgement) pair(i, j);
    // 3. the same kind reading the same facts at the corresponding place, then anywhere
    for (int pass = 0; pass < 2; ++pass)
      for (size_t i = 0; i < oi.size(); ++i) {
        if (oused[i] || !oi[i].judgement.empty()) continue;
        double best = 0.5;
        int32_t bj = -1;
        for (size_t j = 0; j < ni.size(); ++j) {
          if (nused[j] || ni[j].kind != oi[i].kind || !ni[j].judgement.empty()) continue;
          if (pass == 0 && map_ref(oi[i].ref) != ni[j].ref) continue;
          double s = jaccard(oi[i].reads, ni[j].reads);
          if (s > best) { best = s; bj = static_cast<int32_t>(j); }
        }
        if (bj >= 0) pair(i, bj);
      }
    for (size_t i = 0; i < oi.size(); ++i)
      if (!oused[i]) {
        Change c{kind_category(oi[i].kind), "removed", rule_with_awards(o_, oi[i]), oi[i].ref, "", oi[i].canon, "", "", true};
        c.old_rule = oi[i].index;
        c.awards = {oi[i].awards.begin(), oi[i].awards.end()};
        add(std::move(c));
      }
    for (size_t j = 0; j < ni.size(); ++j)
      if (!nused[j]) {
        Change c{kind_category(ni[j].kind), "added", rule_with_awards(n_, ni[j]), "", ni[j].ref, "", ni[j].canon, "", true};
        c.new_rule = ni[j].index;
        c.awards = {ni[j].awards.begin(), ni[j].awards.end()};
        add(std::move(c));
      }
  }

  static std::string revocation_text(const ir::Policy& p, const ir::Revocation& r) {
    std::string s = "revoke";
    for (size_t i = 0; i < r.awards.size(); ++i) s += (i ? ", " : " ") + p.awards[r.awards[i]].id;
    s += " when " + print_expr(p, r.cond) + " then";
    for (size_t i = 0; i < r.consequences.size(); ++i) {
      s += (i ? ", " : " ") + r.consequences[i].name;
      if (r.consequences[i].has_duration) s += " " + duration_text(r.consequences[i].duration);
    }
    return s;
  }

  void revocations() {
    std::vector<bool> nused(n_.revocations.size(), false);
    for (const auto& a : o_.revocations) {
      std::string ta = revocation_text(o_, a);
      int32_t bj = -1;
      for (size_t j = 0; j < n_.revocations.size() && bj < 0; ++j)
        if (!nused[j] && (n_.revocations[j].ref == map_ref(a.ref) || revocation_text(n_, n_.revocations[j]) == ta)) bj = static_cast<int32_t>(j);
      if (bj < 0) {
        add(Change{"revocation", "removed", verbatim(ta), a.ref, "", ta, "", "", false});
        continue;
      }
      nused[bj] = true;
      std::string tb = revocation_text(n_, n_.revocations[bj]);
      if (ta != tb) {
        std::string words = changed_words(ta, tb);
        add(Change{"revocation", "changed", verbatim(words.empty() ? ta + " → " + tb : words), a.ref, n_.revocations[bj].ref, ta,
                   tb, "", false});
      }
    }
    for (size_t j = 0; j < n_.revocations.size(); ++j)
      if (!nused[j]) {
        std::string tb = revocation_text(n_, n_.revocations[j]);
        add(Change{"revocation", "added", verbatim(tb), "", n_.revocations[j].ref, "", tb, "", false});
      }
  }

  void deadlines() {
    for (const auto& a : o_.deadlines) {
      auto it = std::find_if(n_.deadlines.begin(), n_.deadlines.end(), [&](const ir::Deadline& d) { return d.id == a.id; });
      if (it == n_.deadlines.end()) {
        add(Change{"deadline", "removed", said(Msg::diff_deadline_removed, a.id, duration_said(a.duration)), a.ref, "",
                   duration_text(a.duration), "", "", false});
        continue;
      }
      if (duration_text(a.duration) != duration_text(it->duration))
        add(Change{"deadline", "changed",
                   said(Msg::diff_deadline_changed, a.id, duration_said(a.duration), duration_said(it->duration)),
                   a.ref, it->ref, duration_text(a.duration), duration_text(it->duration), "", false});
    }
    for (const auto& b : n_.deadlines)
      if (std::none_of(o_.deadlines.begin(), o_.deadlines.end(), [&](const ir::Deadline& d) { return d.id == b.id; }))
        add(Change{"deadline", "added", said(Msg::diff_deadline_added, b.id, duration_said(b.duration)), "", b.ref, "",
                   duration_text(b.duration), "", false});
  }

  void retentions() {
    for (const auto& a : o_.retentions) {
      auto it = std::find_if(n_.retentions.begin(), n_.retentions.end(), [&](const ir::Retention& d) { return d.id == a.id; });
      if (it == n_.retentions.end()) {
        add(Change{"retention", "removed", said(Msg::diff_retention_removed, a.id), a.ref, "", duration_text(a.duration), "", "",
                   false});
        continue;
      }
      if (duration_text(a.duration) != duration_text(it->duration))
        add(Change{"retention", "changed",
                   said(Msg::diff_retention_changed, a.id, duration_said(a.duration), duration_said(it->duration)),
                   a.ref, it->ref, duration_text(a.duration), duration_text(it->duration), "", false});
    }
    for (const auto& b : n_.retentions)
      if (std::none_of(o_.retentions.begin(), o_.retentions.end(), [&](const ir::Retention& d) { return d.id == b.id; }))
        add(Change{"retention", "added", said(Msg::diff_retention_added, b.id, duration_said(b.duration)), "", b.ref, "",
                   duration_text(b.duration), "", false});
  }

  // --- scoring provisions (`award rank`) ---------------------------------------

  static std::string award_list(const ir::Policy& p, const std::vector<int32_t>& awards) {
    std::vector<std::string> ids;
    for (int32_t a : awards) ids.push_back(p.awards[a].id);
    std::sort(ids.begin(), ids.end());
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
  }

  static std::string percent(Decimal fraction) { return format_decimal(Decimal{fraction.v * 100}) + "%"; }

  // One provision on both sides, keyed by what it concerns (an award, a set of
  // awards, an award of another level): its text and article per side.
  struct Side {
    Said text;
    std::string ref;
  };
  using Provisions = std::map<std::string, Side>;

  void compare(const std::string& provision, Msg name, const Provisions& a, const Provisions& b, bool ranking) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& k : keys) {
      auto x = a.find(k), y = b.find(k);
      Said sx = x == a.end() ? said(Msg::diff_none) : x->second.text, sy = y == b.end() ? said(Msg::diff_none) : y->second.text;
      std::string tx = sx.en(), ty = sy.en();
      if (tx == ty) continue;
      Change c;
      c.category = provision == "other_bonus" ? "bonus" : "scoring";
      c.provision = provision;
      c.action = x == a.end() ? "added" : y == b.end() ? "removed" : "changed";
      c.summary = k.empty() ? said(Msg::diff_setting, said(name), sx, sy) : said(Msg::diff_setting_of, k, said(name), sx, sy);
      c.old_ref = x == a.end() ? "" : x->second.ref;
      c.new_ref = y == b.end() ? "" : y->second.ref;
      c.old_text = x == a.end() ? "" : tx;
      c.new_text = y == b.end() ? "" : ty;
      c.can_change_ranking = ranking;
      if (provision != "other_bonus" && !k.empty()) {
        for (size_t i = 0; i < k.size();) {  // the award ids of the key
          size_t j = k.find(", ", i);
          c.awards.push_back(k.substr(i, j == std::string::npos ? std::string::npos : j - i));
          if (j == std::string::npos) break;
          i = j + 2;
        }
      }
      add(std::move(c));
    }
  }

  void scoring() {
    auto scheme = [](const ir::Policy& p) {
      Provisions m;
      if (p.scoring)
        m[""] = {said(Msg::diff_scheme_value, p.scoring->id, p.scoring->title, format_decimal(p.scoring->max)),
                 p.scoring->ref};
      return m;
    };
    auto weights = [](const ir::Policy& p) {
      Provisions m;
      for (const auto& w : p.weightings)
        m[award_list(p, w.awards)] = {said(Msg::diff_weights_value, percent(w.material), percent(w.site)), w.ref};
      return m;
    };
    auto minimums = [](const ir::Policy& p) {
      Provisions m;
      for (const auto& x : p.minimums) m[p.awards[x.award].id] = {verbatim(format_decimal(x.total)), x.ref};
      return m;
    };
    auto shortlists = [](const ir::Policy& p) {
      Provisions m;
      for (const auto& s : p.shortlists) m[award_list(p, s.awards)] = {verbatim(std::to_string(s.places)), s.ref};
      return m;
    };
    auto repeats = [](const ir::Policy& p) {
      Provisions m;
      for (const auto& r : p.repeats) {
        Said t = r.outside_quota && r.no_bonus ? verbatim("outside_quota, no_bonus")
                 : r.outside_quota              ? verbatim("outside_quota")
                 : r.no_bonus                   ? verbatim("no_bonus")
                                                : said(Msg::diff_no_consequence);
        m[award_list(p, r.awards)] = {t, r.ref};
      }
      return m;
    };
    // bonuses for awards of other levels (六（二）), by that award's name
    auto others = [](const ir::Policy& p) {
      Provisions m;
      for (const auto& b : p.bonuses) {
        if (b.award >= 0) continue;
        m[b.title] = {bonus_said(b, b.fixed ? said(Msg::money_yuan, format_decimal(b.amount)) : said(Msg::diff_not_fixed, b.note)),
                      b.ref};
      }
      return m;
    };
    // The scale totals are out of: it bounds the scores read, not who wins.
    compare("scheme", Msg::diff_scheme, scheme(o_), scheme(n_), false);
    compare("weights", Msg::diff_weights, weights(o_), weights(n_), true);
    compare("minimum", Msg::diff_minimum, minimums(o_), minimums(n_), true);
    compare("shortlist", Msg::diff_shortlist, shortlists(o_), shortlists(n_), true);
    compare("repeat", Msg::diff_repeat, repeats(o_), repeats(n_), true);
    // Money of another level's award: what a winner receives, not who wins.
    compare("other_bonus", Msg::diff_other_bonus, others(o_), others(n_), false);
  }

  const ir::Policy& o_;
  const ir::Policy& n_;
  PolicyDiff out_;
  std::vector<std::pair<std::string, std::string>> article_map_;
};

}  // namespace

std::string text_diff(const std::string& a, const std::string& b) {
  auto x = chars(a), y = chars(b);
  // LCS table on characters; texts of articles are short enough.
  if (x.size() * y.size() > 4'000'000) return "[-" + a + "-]{+" + b + "+}";
  std::vector<std::vector<uint16_t>> L(x.size() + 1, std::vector<uint16_t>(y.size() + 1, 0));
  for (size_t i = x.size(); i-- > 0;)
    for (size_t j = y.size(); j-- > 0;)
      L[i][j] = x[i] == y[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
  std::string out, del, ins;
  auto flush = [&] {
    if (!del.empty()) out += "[-" + del + "-]";
    if (!ins.empty()) out += "{+" + ins + "+}";
    del.clear();
    ins.clear();
  };
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) { flush(); out += x[i]; ++i; ++j; }
    else if (L[i + 1][j] >= L[i][j + 1]) del += x[i++];
    else ins += y[j++];
  }
  while (i < x.size()) del += x[i++];
  while (j < y.size()) ins += y[j++];
  flush();
  return out;
}

PolicyDiff diff_policies(const ir::Policy& old_p, const ir::Policy& new_p) { return Differ(old_p, new_p).run(); }

}  // namespace award
