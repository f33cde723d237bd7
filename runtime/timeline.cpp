#include "runtime/timeline.h"

#include <algorithm>
#include <fmt/format.h>

#include "runtime/bonus.h"
#include "runtime/rank.h"
#include "runtime/report.h"

namespace award {

namespace {

Date shift_calendar(Date d, const ir::Duration& du) {
  switch (du.unit) {
    case Unit::Days: return add_days(d, du.amount);
    case Unit::Months: return add_months(d, du.amount);
    case Unit::Years: return add_years(d, du.amount);
    case Unit::WorkingDays: break;
  }
  return d;
}

// The node indexes an IR node reads (not constants, slots or frames).
std::vector<int32_t> children(const ir::Node& n) {
  using ir::Op;
  switch (n.op) {
    case Op::Const: case Op::Today: case Op::AwardedOn: case Op::Load: case Op::Elem: case Op::Judged:
    case Op::MakeList:
      return {};
    case Op::Field: case Op::Not: case Op::Neg: case Op::Year: case Op::IsSet: return {n.a};
    case Op::If: case Op::Within: return {n.a, n.b, n.c};
    case Op::Any: case Op::No: case Op::All: case Op::Count: {
      std::vector<int32_t> c{n.a};
      if (n.b >= 0) c.push_back(n.b);
      if (n.d >= 0) c.push_back(n.d);
      return c;
    }
    default: return {n.a, n.b};  // binary operators, comparisons, In, Overlaps
  }
}

void subtree(const ir::Policy& p, int32_t n, std::vector<int32_t>& out) {
  if (n < 0) return;
  out.push_back(n);
  const ir::Node& node = p.nodes[n];
  for (int32_t c : children(node)) subtree(p, c, out);
  if (node.op == ir::Op::MakeList)
    for (int32_t i = 0; i < node.b; ++i) subtree(p, p.lists[node.a + i], out);
}

bool reads_history(const ir::Rule& r) {
  return std::any_of(r.reads.begin(), r.reads.end(), [](const std::string& f) {
    return f.rfind("award_history", 0) == 0 || f.rfind("award_fraud", 0) == 0;
  });
}

}  // namespace

std::string duration_text(const ir::Duration& d) {
  const char* unit = "days";
  switch (d.unit) {
    case Unit::Days: unit = d.amount == 1 ? "day" : "days"; break;
    case Unit::WorkingDays: unit = d.amount == 1 ? "working day" : "working days"; break;
    case Unit::Months: unit = d.amount == 1 ? "month" : "months"; break;
    case Unit::Years: unit = d.amount == 1 ? "year" : "years"; break;
  }
  return fmt::format("{} {}", d.amount, unit);
}

cal::Result<Date> period_end(Date start, const ir::Duration& d, ir::PeriodEnd end, const cal::Calendar& c) {
  if (d.unit == Unit::WorkingDays) return c.add_working_days(start, d.amount);
  Date counted = shift_calendar(start, d);
  if (end == ir::PeriodEnd::NextWorkingDay) return c.next_working_day_on_or_after(counted);
  return counted;
}

cal::Result<std::vector<DatedDeadline>> date_deadlines(const ir::Policy& p, Date start, const cal::Calendar& c) {
  std::vector<DatedDeadline> out;
  for (size_t i = 0; i < p.deadlines.size(); ++i) {
    const ir::Deadline& d = p.deadlines[i];
    DatedDeadline dd;
    dd.deadline = static_cast<int32_t>(i);
    auto due = period_end(start, d.duration, d.end, c);
    if (!due) return due.error();
    dd.due = *due;
    dd.counted = d.duration.unit == Unit::WorkingDays ? *due : shift_calendar(start, d.duration);
    if (dd.due != dd.counted) {
      auto name = c.holiday_name(dd.counted);
      dd.moved_over = name && name->has_value() ? **name : std::string("休息日");
    }
    out.push_back(std::move(dd));
  }
  return out;
}

std::optional<Date> revocation_window_end(const ir::Policy& p, const ir::Revocation& r, Date awarded_on) {
  std::vector<int32_t> nodes;
  subtree(p, r.cond, nodes);
  std::vector<int32_t> anchors;  // AwardedOn nodes that anchor a window after the award
  std::optional<Date> end;
  for (int32_t n : nodes) {
    const ir::Node& node = p.nodes[n];
    if (node.op != ir::Op::Within || node.aux != 1 || p.nodes[node.c].op != ir::Op::AwardedOn) continue;
    const ir::Node& span = p.nodes[node.b];
    if (span.op != ir::Op::Const || p.consts[span.a].tag != Tag::Dur) continue;
    const Value& v = p.consts[span.a];
    if (static_cast<Unit>(v.aux) == Unit::WorkingDays) continue;  // not a fixed span without a calendar
    Date e = shift_calendar(awarded_on, ir::Duration{v.dur.amount, static_cast<Unit>(v.aux)});
    if (!end || e > *end) end = e;
    anchors.push_back(node.c);
  }
  for (int32_t n : nodes)
    if (p.nodes[n].op == ir::Op::AwardedOn && std::find(anchors.begin(), anchors.end(), n) == anchors.end())
      return std::nullopt;
  return end;
}

const std::string& history_title(const ir::Award& a) { return a.official_name.empty() ? a.title : a.official_name; }

Reapply first_application_day(const ir::Policy& p, int32_t award, Date awarded_on, const cal::Calendar& c) {
  Reapply out;
  const ir::Award& a = p.awards[award];
  for (size_t i = 0; i < p.rules.size(); ++i) {
    const ir::Rule& r = p.rules[i];
    if (std::find(r.awards.begin(), r.awards.end(), award) != r.awards.end() && reads_history(r))
      out.rules.push_back(static_cast<int32_t>(i));
  }
  Date first = add_days(awarded_on, 1);  // 第二百零一条: the day after the award
  if (out.rules.empty()) {
    out.first_day = first;
    return out;
  }
  // The winner's record as far as these rules care: this award, and no fraud.
  std::string json = fmt::format(
      R"({{"id": "timeline", "kind": {}, "award_history": [{{"title": {}, "awarded_on": "{}"}}], "award_fraud": []}})",
      json_string(a.subject_name), json_string(history_title(a)), format_date(awarded_on));
  FactLoader loader(p);
  FactStore store;
  LoadProblem prob;
  // Built from the vocabulary's own fields, which the rules found above read, so
  // it loads; were it refused, no rule could be evaluated, and none is said to bar.
  if (!load_record_text(loader, json, store, prob)) {
    out.first_day = first;
    return out;
  }
  Evaluator ev(p);
  ev.set_calendar(&c);
  auto fails_on = [&](Date t, std::vector<int32_t>* barring) {
    ev.set_reference_date(t);
    ev.clear_calendar_failure();
    bool fails = false;
    for (int32_t r : out.rules) {
      if (ev.rule_holds(p.rules[r], store) == Truth::False) {
        fails = true;
        if (barring) barring->push_back(r);
      }
      if (ev.calendar_failure() && !out.calendar_failure) {
        out.calendar_failure = ev.calendar_failure();
        out.calendar_failure->rule = r;
      }
    }
    return fails;
  };
  if (!fails_on(first, &out.barring)) {
    out.first_day = first;
    return out;
  }
  const Date limit = add_years(awarded_on, 100);
  for (Date t = add_days(first, 1); t <= limit; t = add_days(t, 1)) {
    if (out.calendar_failure) return out;
    if (!fails_on(t, nullptr)) {
      out.first_day = t;
      return out;
    }
  }
  return out;
}

AwardStatus award_status(const ir::Policy& p, Evaluator& ev, const FactStore& s, int32_t award, Date awarded_on,
                         Date on, const std::optional<std::vector<HistoryEntry>>& history) {
  AwardStatus st;
  st.award = award;
  st.awarded_on = awarded_on;
  st.on = on;
  ev.set_reference_date(on);
  ev.set_award_date(awarded_on);
  ev.clear_calendar_failure();
  bool any_true = false, any_unknown = false;
  for (size_t i = 0; i < p.revocations.size(); ++i) {
    const ir::Revocation& r = p.revocations[i];
    if (std::find(r.awards.begin(), r.awards.end(), award) == r.awards.end()) continue;
    RevocationOutcome ro;
    ro.revocation = static_cast<int32_t>(i);
    ro.applies = ev.condition(r.cond, s);
    if (ro.applies == Truth::Unknown) {
      // The condition as a rule, so the evaluator can name what it lacked.
      ir::Rule as_rule;
      as_rule.body = r.cond;
      ro.missing = ev.missing_facts(as_rule, s);
    }
    any_true |= ro.applies == Truth::True;
    any_unknown |= ro.applies == Truth::Unknown;
    st.revocations.push_back(std::move(ro));
  }
  if (ev.calendar_failure()) st.calendar_failure = ev.calendar_failure();
  st.revoked = any_true ? Truth::True : any_unknown ? Truth::Unknown : Truth::False;
  if (st.revoked == Truth::False) return st;

  Truth counted = st.revoked;  // the revocations whose consequences are reported
  for (const auto& ro : st.revocations) {
    if (ro.applies != counted) continue;
    const ir::Revocation& r = p.revocations[ro.revocation];
    st.articles.push_back(r.ref);
    for (const auto& cq : r.consequences) {
      if (std::find(st.consequences.begin(), st.consequences.end(), cq.name) == st.consequences.end())
        st.consequences.push_back(cq.name);
      if (cq.name == "ban" && cq.has_duration) {
        Ban b;
        b.duration = cq.duration;
        b.decided = on;
        b.until = shift_calendar(on, cq.duration);  // exact: a ban is no period for an act
        b.again = add_days(b.until, 1);
        if (!st.ban || b.until > st.ban->until) st.ban = b;
      }
    }
  }

  if (std::find(st.consequences.begin(), st.consequences.end(), "recover_bonus") == st.consequences.end()) return st;
  // 首次获得: an earlier, unrevoked award of the same name means no bonus was paid.
  auto earlier = [&] {
    const std::string& title = history_title(p.awards[award]);
    bool unsure = false;
    for (const auto& h : *history) {
      if (h.title != title || h.revoked) continue;
      if (!h.awarded_on) unsure = true;
      else if (*h.awarded_on < awarded_on) return Earlier::Yes;
    }
    return unsure ? Earlier::Unsure : Earlier::No;
  };
  using Why = BonusDecision::Why;
  BonusDecision d = decide_bonus(p, award, bonus_conditions(p, ev, s), history.has_value(), earlier);
  st.bonus.declared = d.why != Why::NoneDeclared;
  st.bonus.amount = d.amount;
  if (d.bonus >= 0) st.bonus.ref = p.bonuses[d.bonus].ref;
  switch (d.why) {
    case Why::Paid: break;
    case Why::Unfixed: st.bonus.note = verbatim(p.bonuses[d.bonus].note); break;
    case Why::WhenUnknown: st.bonus.note = said(Msg::status_bonus_undetermined); break;
    case Why::NoHistory: st.bonus.note = said(Msg::bonus_first_only_no_history); break;
    case Why::NotFirst: st.bonus.note = said(Msg::status_not_first); break;
    case Why::FirstUnsure: st.bonus.note = said(Msg::status_earlier_date_missing); break;
    case Why::NoneApplies: st.bonus.note = said(Msg::status_no_bonus_applied); break;
    case Why::NoneDeclared: st.bonus.note = said(Msg::status_no_bonus_declared); break;
  }
  return st;
}

}  // namespace award
