// award rank: a cycle's applicants → winners, nominees, ties, reasons and money.
//
// Reads every record (JSON, JSON Lines, or folders of them) and the review
// panel's scores (CSV), decides each award's verdict with the evaluator, and
// hands the rest to runtime/rank. Any bad record or score row stops the run
// before ranking: a ranking without one applicant could name the wrong winner.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <iconv.h>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/input.h"
#include "runtime/messages.h"
#include "runtime/rank.h"
#include "runtime/report.h"

namespace award::cli {

namespace {

using J = nlohmann::json;

struct Problems {
  std::vector<std::string> list;
  void add(std::string s) {
    std::fprintf(stderr, "error: %s\n", s.c_str());
    list.push_back(std::move(s));
  }
};

// --- scores CSV -------------------------------------------------------------------

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 4;
    if (n == 4 || i + n >= s.size() + (n == 0)) return false;
    for (size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n + 1;
  }
  return true;
}

// GBK (as GB18030, its superset) to UTF-8 with glibc's iconv; nullopt when the
// bytes are not GBK either.
std::optional<std::string> from_gbk(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1) || src_left != 0) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

// One CSV line split into fields (RFC 4180 quotes; a line break inside quotes
// is not supported: score sheets have none). False when a quote is unbalanced.
bool split_csv(const std::string& line, std::vector<std::string>& fields) {
  fields.assign(1, "");
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { fields.back() += '"'; ++i; }
      else if (c == '"') quoted = false;
      else fields.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return !quoted;
}

std::string trim(std::string s) {
  auto sp = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && sp(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && sp(s[i])) ++i;
  return s.substr(i);
}

struct ScoreRow {
  size_t line = 0;
  std::optional<Decimal> material, site, total;
};

// The column a header names: English or the panel's Chinese words.
int column_of(const std::string& h) {
  std::string x = h;
  std::transform(x.begin(), x.end(), x.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (x == "id" || x == "申报编号" || x == "编号") return 0;
  if (x == "material" || x == "材料评审" || x == "材料评审得分" || x == "材料分") return 1;
  if (x == "site" || x == "现场评审" || x == "现场评审得分" || x == "现场分") return 2;
  if (x == "total" || x == "总分") return 3;
  return -1;
}

bool read_scores(const std::string& path, Decimal max, std::map<std::string, ScoreRow>& rows, Problems& probs) {
  std::string bytes, err;
  if (!read_file(path, bytes, err)) {
    probs.add(tr(Msg::cannot_read, path, err));
    return false;
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff'))) {
    probs.add(tr(Msg::scores_utf16, path));
    return false;
  }
  if (bytes.rfind("\xef\xbb\xbf", 0) == 0) bytes.erase(0, 3);
  if (!valid_utf8(bytes)) {
    auto gbk = from_gbk(bytes);
    if (!gbk) {
      probs.add(tr(Msg::scores_not_utf8_gbk, path));
      return false;
    }
    std::fprintf(stderr, "note: %s\n", tr(Msg::scores_read_as_gbk, path).c_str());
    bytes = std::move(*gbk);
  }
  size_t errors = probs.list.size();
  std::vector<int> cols;  // field index -> column
  std::vector<std::string> fields;
  size_t line_no = 0, start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) {
      if (end == bytes.size()) break;
      continue;
    }
    // A problem of this line, or of one field of it.
    auto at = [&](const std::string& field, const std::string& problem) {
      std::string where = field.empty() ? fmt::format("{}:{}", path, line_no) : tr(Msg::csv_field, path, line_no, field);
      probs.add(tr(Msg::problem_at, where, problem));
    };
    if (!split_csv(line, fields)) {
      at("", tr(Msg::csv_quote_open));
      continue;
    }
    if (cols.empty()) {
      bool seen[4] = {};
      for (const auto& f : fields) {
        int c = column_of(trim(f));
        if (c < 0) {
          at("", tr(Msg::csv_unknown_column, trim(f)));
          return false;
        }
        if (seen[c]) {
          at("", tr(Msg::csv_column_twice, trim(f)));
          return false;
        }
        seen[c] = true;
        cols.push_back(c);
      }
      if (!seen[0] || !seen[1] || !seen[2]) {
        at("", tr(Msg::csv_no_header));
        return false;
      }
      continue;
    }
    if (fields.size() != cols.size()) {
      at("", tr(Msg::csv_field_count, fields.size(), cols.size()));
      continue;
    }
    static const char* kNames[] = {"id", "material", "site", "total"};
    ScoreRow row;
    row.line = line_no;
    std::string id;
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string v = trim(fields[i]);
      if (cols[i] == 0) {
        id = v;
        continue;
      }
      if (v.empty()) continue;  // not scored (yet): not on-site, say
      auto d = parse_decimal(v);
      if (!d) {
        at(kNames[cols[i]], tr(Msg::csv_not_a_number, v));
        continue;
      }
      if (*d < Decimal{} || max < *d) {
        at(kNames[cols[i]], tr(Msg::score_outside, v, format_decimal(max)));
        continue;
      }
      (cols[i] == 1 ? row.material : cols[i] == 2 ? row.site : row.total) = *d;
    }
    if (id.empty()) {
      at("id", tr(Msg::csv_no_id));
      continue;
    }
    auto [it, fresh] = rows.emplace(id, row);
    if (!fresh) at("id", tr(Msg::csv_id_twice, id, it->second.line));
  }
  if (cols.empty()) probs.add(tr(Msg::csv_empty, path));
  return probs.list.size() == errors;
}

// --- applicants ---------------------------------------------------------------------

// A record's files: itself, or a folder's .json and .jsonl files in name order.
std::vector<std::string> record_files(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".json" || ext == ".jsonl")) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A score in the record, exactly: nlohmann keeps integers exact and prints a
// float in its shortest round-trip form, which parse_decimal reads back.
std::optional<Decimal> record_score(const J& v, bool& bad) {
  if (!v.is_number()) {
    bad = !v.is_null();
    return std::nullopt;
  }
  auto d = parse_decimal(v.dump());
  bad = !d;
  return d;
}

// --- output ---------------------------------------------------------------------------

std::string money_text(const RankBonus& b) {
  if (b.amount) return tr(Msg::money_yuan, format_decimal(*b.amount));
  return tr(b.unfixed ? Msg::money_unfixed : Msg::money_unknown);
}

J decimal_json(Decimal d) {
  // Exact: an integer as an integer, a fraction from its exact text.
  if (d.is_integer()) return J(d.trunc());
  return J::parse(format_decimal(d));
}

// A cell a spreadsheet would read as a formula is written as text.
std::string csv_cell(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int run_rank(const RankOptions& o) {
  CompileResult r = compile_policy(o.policy);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;
  auto when = reference_date(o.on, "rank");
  if (!when) return 2;
  const Date on = *when;
  const int cycle = o.cycle ? *o.cycle : civil(on).year;
  const Decimal max = p.max_total();

  Problems probs;
  std::map<std::string, ScoreRow> sheet;
  auto refuse = [&probs]() {
    std::fputs(tr(Msg::rank_refused, counted(probs.list.size(), Msg::one_error, Msg::many_errors)).c_str(), stderr);
    return 1;
  };
  if (!o.scores.empty() && !read_scores(o.scores, max, sheet, probs)) return refuse();

  Evaluator ev(p);
  ev.set_reference_date(on);
  ev.set_calendar(&policy_calendar(p));
  FactLoader loader(p);
  FactStore store;
  AwardOutcome outcome;
  std::vector<RankApplicant> applicants;
  std::map<std::string, std::string> seen;  // id -> where

  for (const auto& input : o.applicants) {
    for (const auto& file : record_files(input)) {
      Said ferr;
      bool ok = read_records(file, [&](const RecordPlace& place, simdjson::ondemand::object* obj, const Said& err) {
        std::string where = tr(Msg::record_at, place.line ? fmt::format("{}:{}", place.file, place.line) : place.file,
                               place.index);
        // A problem of the record (with its id when it has one), or of one field of it.
        auto fail = [&](const std::string& id, const std::string& field, const std::string& problem) {
          std::string what = field.empty() ? problem : tr(Msg::problem_at, field, problem);
          probs.add(tr(Msg::problem_at, id.empty() ? where : tr(Msg::record_of, where, id), what));
        };
        if (!obj) return fail("", "", err.str());
        std::string_view raw_view;
        if (obj->raw_json().get(raw_view)) return fail("", "", tr(Msg::record_not_json));
        std::string raw(raw_view);
        LoadProblem prob;
        if (!load_record_text(loader, raw, store, prob)) return fail(store.id, prob.field, prob.text());
        J rec = J::parse(raw, nullptr, false);
        RankApplicant x;
        x.id = store.id;
        if (x.id.empty()) return fail("", "id", tr(Msg::rank_needs_id));
        if (auto [it, fresh] = seen.emplace(x.id, where); !fresh)
          return fail(x.id, "id", tr(Msg::duplicate_id_at, it->second));
        if (auto n = rec.find("name"); n != rec.end() && n->is_string()) x.name = n->get<std::string>();
        if (auto a = rec.find("applying_for"); a != rec.end() && !a->is_null()) {
          if (!a->is_array() || a->empty()) return fail(x.id, "applying_for", tr(Msg::applying_for_omit));
          std::vector<std::string> ids;
          for (const auto& e : *a) {
            if (!e.is_string()) return fail(x.id, "applying_for", tr(Msg::applying_for_list));
            std::string s = e.get<std::string>();
            bool known = false;
            for (const auto& aw : p.awards) known = known || s == aw.id || s == aw.official_name || s == aw.title;
            if (!known) return fail(x.id, "applying_for", tr(Msg::applying_for_unknown, s, p.id));
            ids.push_back(s);
          }
          x.applying_for = std::move(ids);
        }
        if (auto s = rec.find("scores"); s != rec.end() && s->is_object()) {
          for (auto [key, slot] : {std::pair{"material", &x.material}, {"site", &x.site}, {"total", &x.total}}) {
            auto v = s->find(key);
            if (v == s->end()) continue;
            bool bad = false;
            *slot = record_score(*v, bad);
            if (bad || (*slot && (**slot < Decimal{} || max < **slot)))
              return fail(x.id, fmt::format("scores.{}", key), tr(Msg::score_outside, v->dump(), format_decimal(max)));
          }
        }
        if (auto row = sheet.find(x.id); row != sheet.end()) {  // the panel's sheet overrides the record
          x.material = row->second.material;
          x.site = row->second.site;
          x.total = row->second.total;
        }
        x.history = history_of(rec);
        for (size_t a = 0; a < p.awards.size(); ++a) {
          ev.decide_into(static_cast<int32_t>(a), store, outcome);
          if (const auto& f = ev.calendar_failure()) {
            ev.clear_calendar_failure();
            return fail(x.id, "", tr(Msg::award_no_working_days, p.awards[a].id, f->year, f->message.str()));
          }
          RankApplicant::Candidacy c;
          c.kind_matches = outcome.subject != Truth::False;
          c.verdict = outcome.verdict;
          c.refs = deciding_refs(p, outcome);
          if (c.verdict == Verdict::Undetermined) {
            Needs needs = needs_of(p, ev, store, outcome);
            c.missing = needs_named(p, p.awards[a].subject, needs, Lang::En);
            c.missing_zh = needs_named(p, p.awards[a].subject, needs, Lang::Zh);
          }
          x.awards.push_back(std::move(c));
        }
        x.bonus_when = bonus_conditions(p, ev, store);
        applicants.push_back(std::move(x));
      }, ferr);
      if (!ok) probs.add(ferr.str());
    }
  }
  for (const auto& [id, row] : sheet)
    if (!seen.count(id))
      probs.add(tr(Msg::problem_at, tr(Msg::csv_field, o.scores, row.line, "id"), tr(Msg::csv_no_applicant, id)));
  if (!probs.list.empty()) return refuse();

  Ranking rk = rank(p, applicants, cycle);
  auto id_of = [&](size_t i) { return applicants[i].id; };
  std::string out;

  if (o.format == "json") {
    using OJ = nlohmann::ordered_json;
    auto dec = [](Decimal d) { return OJ(decimal_json(d)); };
    auto money = [&](const RankBonus& b) { return b.amount ? dec(*b.amount) : OJ(nullptr); };
    auto opt = [](const std::string& s) { return s.empty() ? OJ(nullptr) : OJ(s); };
    OJ awards = OJ::array();
    OJ not_fixed = OJ::array();
    for (const auto& ar : rk.awards) {
      const ir::Award& aw = p.awards[ar.award];
      OJ winners = OJ::array(), nominees = OJ::array(), ties = OJ::array(), details = OJ::array(), others = OJ::array();
      for (const auto& w : ar.winners) {
        winners.push_back(OJ{{"applicant", id_of(w.applicant)}, {"name", applicants[w.applicant].name},
                             {"score", dec(w.score)}, {"bonus", money(w.bonus)}, {"bonus_ref", opt(w.bonus.ref)},
                             {"bonus_note", opt(w.bonus.note.en())}, {"bonus_unfixed", w.bonus.unfixed},
                             {"repeat", w.repeat}});
        if (!w.bonus.amount)
          not_fixed.push_back(OJ{{"applicant", id_of(w.applicant)}, {"award", aw.id}, {"unfixed", w.bonus.unfixed},
                                 {"ref", opt(w.bonus.ref)}, {"note", w.bonus.note.en()}});
      }
      for (size_t i : ar.nominees) nominees.push_back(id_of(i));
      for (const auto& t : ar.ties) {
        OJ ids = OJ::array();
        for (size_t i : t.applicants) ids.push_back(id_of(i));
        ties.push_back(ids);
        details.push_back(OJ{{"applicants", ids}, {"places", t.places}, {"score", dec(t.score)},
                             {"stage", t.shortlist ? "on-site review" : "quota"}, {"ref", opt(t.ref)}});
      }
      for (const auto& x : ar.others)
        others.push_back(OJ{{"applicant", id_of(x.applicant)}, {"reason", x.reason.en()}, {"ref", opt(x.ref)},
                            {"score", x.score ? dec(*x.score) : OJ(nullptr)}});
      awards.push_back(OJ{{"award", aw.id}, {"title", aw.title}, {"quota", aw.quota < 0 ? OJ(nullptr) : OJ(aw.quota)},
                          {"open_places", ar.open_places < 0 ? OJ(nullptr) : OJ(ar.open_places)},
                          {"may_be_vacant", aw.may_be_vacant},
                          {"winners", winners}, {"nominees", nominees}, {"ties", ties}, {"tie_details", details},
                          {"others", others}});
    }
    OJ extra = OJ::array();
    for (const auto& ob : rk.other_bonuses) {
      const ir::Bonus& b = p.bonuses[ob.bonus];
      extra.push_back(OJ{{"applicant", id_of(ob.applicant)}, {"title", b.title}, {"bonus", money(ob.money)},
                         {"bonus_unfixed", ob.money.unfixed}, {"ref", b.ref}, {"note", opt(ob.money.note.en())}});
      if (!ob.money.amount)
        not_fixed.push_back(OJ{{"applicant", id_of(ob.applicant)}, {"title", b.title}, {"unfixed", ob.money.unfixed},
                               {"ref", b.ref}, {"note", ob.money.note.en()}});
    }
    OJ j{{"policy", p.id}, {"cycle", cycle}, {"on", format_date(on)}, {"awards", awards}, {"other_bonuses", extra},
         {"bonus_total", dec(rk.bonus_total)}, {"bonus_not_summed", not_fixed}};
    out = j.dump(2) + "\n";
  } else if (o.format == "csv") {
    out = "award,applicant,name,outcome,score,bonus,reason,ref\n";
    auto row = [&](const std::vector<std::string>& cells) {
      std::string line;
      for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_cell(cells[i]);
      out += line + "\n";
    };
    for (const auto& ar : rk.awards) {
      const std::string& aid = p.awards[ar.award].id;
      for (const auto& w : ar.winners)
        row({aid, id_of(w.applicant), applicants[w.applicant].name, w.repeat ? "winner (repeat)" : "winner",
             format_decimal(w.score), w.bonus.amount ? format_decimal(*w.bonus.amount) : "", w.bonus.note.en(), w.bonus.ref});
      for (size_t i : ar.nominees) row({aid, id_of(i), applicants[i].name, "nominee", "", "", "", ""});
      for (const auto& t : ar.ties)
        for (size_t i : t.applicants)
          row({aid, id_of(i), applicants[i].name, "tie", format_decimal(t.score), "",
               fmt::format("tied for {} open place{} ({})", t.places, t.places == 1 ? "" : "s",
                           t.shortlist ? "on-site review" : "quota"),
               t.ref});
      for (const auto& x : ar.others)
        row({aid, id_of(x.applicant), applicants[x.applicant].name, "other", x.score ? format_decimal(*x.score) : "",
             "", x.reason.en(), x.ref});
    }
    for (const auto& ob : rk.other_bonuses) {
      const ir::Bonus& b = p.bonuses[ob.bonus];
      row({b.title, id_of(ob.applicant), applicants[ob.applicant].name, "other-level award", "",
           ob.money.amount ? format_decimal(*ob.money.amount) : "", ob.money.note.en(), b.ref});
    }
    row({"", "", "", "bonus total", "", format_decimal(rk.bonus_total),
         rk.total_incomplete ? "amounts not fixed or unknown are not summed" : "", ""});
  } else {
    out = tr(Msg::rank_heading, p.id, p.title, cycle, format_date(on));
    auto who = [&](size_t i) {
      return applicants[i].name.empty() ? id_of(i) : fmt::format("{} {}", id_of(i), applicants[i].name);
    };
    auto ids = [&](const std::vector<size_t>& xs) {
      std::string s;
      for (size_t i : xs) s += (s.empty() ? "" : ", ") + id_of(i);
      return s;
    };
    for (const auto& ar : rk.awards) {
      const ir::Award& aw = p.awards[ar.award];
      out += tr(Msg::rank_award, aw.id, aw.title, aw.quota < 0 ? "" : tr(Msg::rank_quota, aw.quota));
      out += tr(ar.winners.empty() ? Msg::rank_winners_none : Msg::rank_winners);
      size_t k = 0;
      for (const auto& w : ar.winners) {
        std::string bonus = money_text(w.bonus);
        if (!w.bonus.ref.empty()) bonus += tr(Msg::ref_after, w.bonus.ref);
        if (!w.bonus.note.empty()) bonus += tr(Msg::note_after, w.bonus.note.str());
        out += tr(Msg::rank_winner, ++k, who(w.applicant), format_decimal(w.score),
                  w.repeat ? tr(Msg::rank_repeat_outside) : "", bonus);
      }
      if (!ar.nominees.empty()) out += tr(Msg::rank_nominees, p.awards[nomination_of(p, ar.award)].id, ids(ar.nominees));
      for (const auto& t : ar.ties)
        out += tr(t.places == 1 ? Msg::rank_tie_one : Msg::rank_tie_many,
                  tr(t.shortlist ? Msg::rank_tie_at_material : Msg::rank_tie_at_total), format_decimal(t.score),
                  t.places, t.shortlist ? tr(Msg::rank_tie_on_site, t.ref) : t.ref, ids(t.applicants));
      if (ar.open_places > 0)
        out += tr(Msg::rank_open_places, ar.open_places,
                  tr(aw.may_be_vacant ? Msg::rank_may_be_vacant : Msg::rank_not_vacant));
      if (!ar.others.empty()) out += tr(Msg::rank_others);
      for (const auto& x : ar.others)
        out += tr(Msg::rank_other, who(x.applicant), x.reason.str(),
                  x.score ? tr(Msg::rank_other_score, format_decimal(*x.score)) : "",
                  x.ref.empty() ? "" : tr(Msg::rank_other_ref, x.ref));
    }
    if (!rk.other_bonuses.empty()) {
      out += tr(Msg::rank_other_levels, cycle);
      for (const auto& ob : rk.other_bonuses) {
        const ir::Bonus& b = p.bonuses[ob.bonus];
        out += tr(Msg::rank_other_level, who(ob.applicant), b.title, money_text(ob.money), b.ref,
                  ob.money.note.empty() ? "" : tr(Msg::note_after, ob.money.note.str()));
      }
    }
    out += tr(Msg::rank_bonus_total, cycle, format_decimal(rk.bonus_total),
              rk.total_incomplete ? tr(Msg::rank_not_summed) : "");
  }
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace award::cli
