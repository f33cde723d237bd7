// award diff OLD NEW: what changed between two policies, in provisions, with
// witnesses whose verdict changes. Exit 0 when nothing that can change a
// verdict or who wins changed, 1 when something did, 2 on error (like diff(1)).
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "compiler/diff.h"
#include "runtime/calendars.h"
#include "runtime/input.h"
#include "runtime/messages.h"
#include "runtime/report.h"
#include "runtime/witness.h"

namespace award::cli {

namespace {

std::string refs(const Change& c) {
  if ((c.old_ref.empty() && c.new_ref.empty()) || c.category == "article") return "";
  if (c.old_ref == c.new_ref) return tr(Msg::diff_refs_same, c.old_ref);
  if (c.old_ref.empty()) return tr(Msg::diff_refs_added, c.new_ref);
  if (c.new_ref.empty()) return tr(Msg::diff_refs_removed, c.old_ref);
  return tr(Msg::diff_refs_moved, c.old_ref, c.new_ref);
}

// A change's category and action (the words of the JSON) as text says them.
std::string category_words(const std::string& category) {
  static const std::pair<const char*, Msg> words[] = {
      {"metadata", Msg::diff_category_metadata},     {"award", Msg::diff_category_award},
      {"bonus", Msg::diff_category_bonus},           {"requirement", Msg::diff_category_requirement},
      {"exclusion", Msg::diff_category_exclusion},   {"judgement", Msg::diff_category_judgement},
      {"rule", Msg::diff_category_rule},             {"revocation", Msg::diff_category_revocation},
      {"deadline", Msg::diff_category_deadline},     {"retention", Msg::diff_category_retention},
      {"scoring", Msg::diff_category_scoring},       {"article", Msg::diff_category_article}};
  for (const auto& [name, m] : words)
    if (category == name) return tr(m);
  return category;
}

std::string action_words(const std::string& action) {
  if (action == "added") return tr(Msg::diff_added);
  if (action == "removed") return tr(Msg::diff_removed);
  if (action == "changed") return tr(Msg::diff_changed);
  if (action == "moved") return tr(Msg::diff_moved);
  return action;
}

// The refs that decide one verdict, for the applicants listing.
std::string deciding(const ir::Policy& p, const AwardOutcome& o) {
  std::string s;
  for (const auto& x : deciding_refs(p, o)) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

int run_diff(const DiffOptions& o) {
  CompileResult a = compile_file(o.old_policy, {.load_tests = false});
  CompileResult b = compile_file(o.new_policy, {.load_tests = false});
  print_diagnostics(a.diags);
  print_diagnostics(b.diags);
  if (!a.ok() || !b.ok()) return 2;
  auto when = reference_date(o.on, "diff");
  if (!when) return 2;
  Date on = *when;
  const ir::Policy& po = *a.policy;
  const ir::Policy& pn = *b.policy;
  PolicyDiff d = diff_policies(po, pn);
  WitnessSearch search(po, pn, on);
  struct Found {
    std::optional<Witness> w;
    bool searched = false;
  };
  std::vector<Found> found(d.changes.size());
  // scoring changes: witnessed by ranking under both (runtime/witness), or why not
  struct RankFound {
    std::optional<RankingWitness> w;
    bool searched = false;
    Said why;
  };
  std::vector<RankFound> ranked(d.changes.size());
  if (o.witnesses)
    for (size_t i = 0; i < d.changes.size(); ++i) {
      if (d.changes[i].can_change_verdict && (d.changes[i].old_rule >= 0 || d.changes[i].new_rule >= 0)) {
        found[i].searched = true;
        found[i].w = search.find(d.changes[i]);
      } else if (d.changes[i].can_change_ranking) {
        ranked[i].searched = true;
        ranked[i].w = search.find_ranking(d.changes[i], ranked[i].why);
      }
    }

  // a real population under both
  struct Mover {
    std::string applicant, award;
    Verdict vo, vn;
    std::string why_old, why_new;
  };
  std::vector<Mover> movers;
  size_t population = 0;
  if (!o.applicants.empty()) {
    Evaluator eo(po), en(pn);
    eo.set_calendar(&policy_calendar(po));
    en.set_calendar(&policy_calendar(pn));
    for (Evaluator* e : {&eo, &en}) e->set_reference_date(on);
    FactLoader lo(po), ln(pn);
    FactStore so, sn;
    Said ferr;
    bool bad = false;
    bool ok = read_records(o.applicants, [&](const RecordPlace& place, simdjson::ondemand::object* obj, const Said& e) {
      ++population;
      LoadProblem prob;
      auto fail = [&](const std::string& problem) {
        std::fprintf(stderr, "error: %s\n", tr(Msg::problem_at, tr(Msg::record_at, place.file, place.index), problem).c_str());
        bad = true;
      };
      if (!obj) return fail(e.str());
      std::string raw;
      std::string_view view;
      if (obj->raw_json().get(view)) { bad = true; return; }
      raw = std::string(view);
      if (!load_record_text(lo, raw, so, prob) || !load_record_text(ln, raw, sn, prob))
        return fail(prob.field.empty() ? prob.message : tr(Msg::problem_at, prob.field, prob.message));
      for (const auto& aw : pn.awards) {
        int32_t ao = po.find_award(aw.id);
        if (ao < 0) continue;
        AwardOutcome x = eo.decide(ao, so), y = en.decide(pn.find_award(aw.id), sn);
        if (x.verdict != y.verdict)
          movers.push_back({so.id, aw.id, x.verdict, y.verdict, deciding(po, x), deciding(pn, y)});
      }
    }, ferr);
    if (!ok || bad) {
      if (!ok) std::fprintf(stderr, "error: %s\n", ferr.str().c_str());
      return 2;
    }
  }

  if (o.format == "json") {
    using J = nlohmann::ordered_json;
    J out;
    out["old"] = po.id;
    out["new"] = pn.id;
    out["on"] = format_date(on);
    J cs = J::array();
    for (size_t i = 0; i < d.changes.size(); ++i) {
      const Change& c = d.changes[i];
      J cj{{"category", c.category}, {"action", c.action}, {"summary", c.summary.en()},
           {"old_ref", c.old_ref.empty() ? J(nullptr) : J(c.old_ref)}, {"new_ref", c.new_ref.empty() ? J(nullptr) : J(c.new_ref)},
           {"old", c.old_text}, {"new", c.new_text}, {"can_change_verdict", c.can_change_verdict},
           {"can_change_ranking", c.can_change_ranking}};
      if (!c.provision.empty()) cj["provision"] = c.provision;
      if (!c.detail.empty()) cj["detail"] = c.detail;
      if (found[i].searched) {
        if (found[i].w)
          cj["witness"] = J{{"award", found[i].w->award}, {"old_verdict", verdict_name(found[i].w->old_verdict)},
                            {"new_verdict", verdict_name(found[i].w->new_verdict)}, {"record", J::parse(found[i].w->record_json)}};
        else
          cj["witness"] = nullptr;
      }
      if (ranked[i].searched) {
        if (const auto& w = ranked[i].w) {
          J recs = J::array();
          for (const auto& r : w->others_json) recs.push_back(J::parse(r));
          cj["ranking_witness"] = J{{"award", w->award}, {"old_outcome", w->old_outcome.en()},
                                    {"new_outcome", w->new_outcome.en()}, {"others", w->others.en()},
                                    {"record", J::parse(w->record_json)}, {"others_records", recs}};
        } else {
          cj["ranking_witness"] = J{{"none", ranked[i].why.en()}};
        }
      }
      cs.push_back(cj);
    }
    out["changes"] = cs;
    if (!o.applicants.empty()) {
      J ms = J::array();
      for (const auto& m : movers)
        ms.push_back(J{{"applicant", m.applicant}, {"award", m.award}, {"old_verdict", verdict_name(m.vo)},
                       {"new_verdict", verdict_name(m.vn)}, {"old_refs", m.why_old}, {"new_refs", m.why_new}});
      out["applicants"] = J{{"evaluated", population}, {"changed", ms}};
    }
    out["can_change_verdict"] = d.verdict_relevant();
    out["can_change_ranking"] = d.ranking_relevant();
    std::fputs((out.dump(2) + "\n").c_str(), stdout);
  } else {
    std::string out = tr(Msg::diff_heading, po.id, pn.id, format_date(on));
    std::string last_cat;
    for (size_t i = 0; i < d.changes.size(); ++i) {
      const Change& c = d.changes[i];
      if (c.category != last_cat) {
        out += fmt::format("\n{}\n", category_words(c.category));
        last_cat = c.category;
      }
      std::string line = tr(Msg::diff_change, action_words(c.action), c.summary.str(), refs(c));
      while (line.back() == ' ') line.pop_back();
      out += line + "\n";
      if (c.action == "changed" && (c.category == "requirement" || c.category == "exclusion" || c.category == "judgement")) {
        out += tr(Msg::diff_old_new, c.old_text, c.new_text);
      }
      if (!c.detail.empty()) out += tr(Msg::diff_text, c.detail);
      if (found[i].searched) {
        if (const auto& w = found[i].w)
          out += tr(Msg::diff_witness, w->award, verdict_text(w->old_verdict), verdict_text(w->new_verdict), w->record_json);
        else
          out += tr(Msg::diff_no_witness);
      } else if (ranked[i].searched) {
        if (const auto& w = ranked[i].w)
          out += tr(Msg::diff_witness_ranked, w->award, w->old_outcome.str(), w->new_outcome.str(), w->record_json) +
                 (w->others.empty() ? "" : "        " + w->others.str() + "\n");
        else
          out += tr(Msg::diff_no_ranking_witness, ranked[i].why.str());
      } else if (o.witnesses && !c.can_change_verdict) {
        Msg note = c.category == "bonus"     ? Msg::diff_note_bonus
                   : c.category == "scoring" ? Msg::diff_note_scheme
                   : c.category == "award" && c.summary.en().find(" cycle:") != std::string::npos
                       ? Msg::diff_note_cycle
                       : Msg::diff_note_no_verdict;
        out += fmt::format("      {}\n", tr(note));
      }
    }
    if (!o.applicants.empty()) {
      out += tr(movers.size() == 1 ? Msg::diff_applicants_one : Msg::diff_applicants_many, population, movers.size());
      for (const auto& m : movers)
        out += tr(Msg::diff_mover, m.applicant, m.award, verdict_text(m.vo), verdict_text(m.vn),
                  m.why_old.empty() ? "" : tr(Msg::diff_mover_was, m.why_old),
                  m.why_new.empty() ? "" : tr(Msg::diff_mover_now, m.why_new));
    }
    size_t relevant = std::count_if(d.changes.begin(), d.changes.end(), [](const Change& c) { return c.can_change_verdict; });
    size_t ranking = std::count_if(d.changes.begin(), d.changes.end(), [](const Change& c) { return c.can_change_ranking; });
    out += tr(d.changes.size() == 1 ? Msg::diff_summary_one : Msg::diff_summary_many, d.changes.size(), relevant, ranking);
    std::fputs(out.c_str(), stdout);
  }
  // A scoring change alters who wins, which is the outcome a reviewer of a
  // revision cares about as much as eligibility: it counts for the exit code.
  return d.verdict_relevant() || d.ranking_relevant() ? 1 : 0;
}

}  // namespace award::cli
