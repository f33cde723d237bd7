#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <simdjson.h>
#include <thread>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/batch.h"
#include "runtime/calendars.h"
#include "runtime/eval.h"
#include "runtime/facts.h"
#include "runtime/id_set.h"
#include "runtime/input.h"
#include "runtime/messages.h"
#include "runtime/report.h"

namespace award::cli {

namespace {

// Writes to stdout in large blocks; a failed write (a full disk, a closed
// pipe) is remembered so the command can exit non-zero.
struct Out {
  std::string buf;
  bool failed = false;
  void flush() {
    if (buf.empty()) return;
    if (std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) failed = true;
    buf.clear();
  }
  void maybe_flush() { if (buf.size() > (1 << 16)) flush(); }
  ~Out() { flush(); }
};

}  // namespace

int run_eval(const EvalOptions& o) {
  CompileResult r = compile_policy(o.policy);
  if (!r.ok()) return 1;
  const ir::Policy& p = *r.policy;

  auto when = reference_date(o.on, "eval");
  if (!when) return 2;
  Date on = *when;
  std::vector<int32_t> awards;
  if (!o.award.empty()) {
    int32_t a = award_or_usage(p, o.policy, o.award, "eval");
    if (a < 0) return 2;
    awards.push_back(a);
  } else {
    for (size_t i = 0; i < p.awards.size(); ++i) awards.push_back(static_cast<int32_t>(i));
  }

  Evaluator ev(p);
  ev.set_reference_date(on);
  ev.set_calendar(&policy_calendar(p));
  FactLoader loader(p);
  FactStore store;
  AwardOutcome outcome;
  Out out;
  std::vector<std::string> unknown;
  IdSet seen_ids;
  size_t records = 0, results = 0, bad = 0, warned = 0;
  // Set once the last warning is out: from then on unknown fields are not collected
  // (naming them costs an allocation each, and generated records have many).
  std::atomic<bool> warnings_done = false;
  bool first_json = true;
  const bool json = o.format == "json", jsonl = o.format == "jsonl", text = o.format == "text";

  if (json) out.buf += fmt::format("{{\"policy\": {}, \"on\": \"{}\", \"results\": [", json_string(p.id), format_date(on));
  if (text) out.buf += tr(Msg::eval_heading, p.id, p.title, format_date(on));
  std::string errors_json;

  // `msg` is English, for JSON; `said` the same in the run's language, for people.
  auto error_row = [&](const RecordPlace& place, const std::string& id, const std::string& field, const std::string& msg,
                       const std::string& said) {
    ++bad;
    std::string where = tr(Msg::record_at, place.line ? fmt::format("{}:{}", place.file, place.line) : place.file, place.index);
    std::string who = id.empty() ? "" : fmt::format(" {}", id);
    std::string what = field.empty() ? said : tr(Msg::problem_at, field, said);
    std::fprintf(stderr, "error: %s%s: %s\n", where.c_str(), who.c_str(), what.c_str());
    std::string row = fmt::format("{{\"applicant\": {}, \"file\": {}, \"record\": {}, {}\"field\": {}, \"error\": {}}}",
                                  id.empty() ? "null" : json_string(id), json_string(place.file), place.index,
                                  place.line ? fmt::format("\"line\": {}, ", place.line) : "",
                                  field.empty() ? "null" : json_string(field), json_string(msg));
    if (json) errors_json += (errors_json.empty() ? "" : ", ") + row;
    else if (jsonl) out.buf += row + "\n";
    else out.buf += fmt::format("\n{}{}\n  error: {}\n", where, who, what);
  };

  // Missing calendar data is not a missing fact: the verdict would be a guess, so
  // the record gets an error row naming the rule and year in place of the award's row.
  auto calendar_error_field = [&p](int32_t a, const auto& f) {
    return f.rule >= 0 ? p.rules[f.rule].ref : p.awards[a].ref;
  };
  auto calendar_error_message = [&p](int32_t a, const auto& f) {
    return said(Msg::award_no_working_days, p.awards[a].id, f.year, f.message);
  };

  // After a record is loaded: a second use of an id is an error in its place; fields
  // the vocabulary lacks are warned about (the first 20). False when the record is out.
  auto admit = [&](const RecordPlace& place, const std::string& id, const std::string* unknown_begin,
                   const std::string* unknown_end) {
    uint64_t first = 0;
    if (!id.empty() && !seen_ids.add(id, records, first)) {
      Said dup = said(Msg::duplicate_id_record, first);
      error_row(place, id, "id", dup.en(), dup.str());
      return false;
    }
    if (unknown_begin != unknown_end && warned < 20) {
      std::string names;
      for (auto u = unknown_begin; u != unknown_end; ++u) names += (names.empty() ? "" : ", ") + *u;
      std::fprintf(stderr, "warning: %s%s: %s\n", tr(Msg::record_at, place.file, place.index).c_str(),
                   id.empty() ? "" : (" " + id).c_str(),
                   tr(unknown_end - unknown_begin == 1 ? Msg::unknown_field : Msg::unknown_fields, names).c_str());
      if (++warned == 20) {
        std::fprintf(stderr, "warning: %s\n", tr(Msg::unknown_fields_not_shown).c_str());
        warnings_done = true;
      }
    }
    return true;
  };

  // JSON Lines to JSON Lines, the batch path: records are parsed and evaluated on
  // `jobs` threads (runtime/batch.h); ids, warnings, errors and output are settled
  // here in input order.
  const JsonlWriter lines(p);  // shared by the workers: it only reads
  const unsigned jobs = o.jobs > 0 ? static_cast<unsigned>(o.jobs) : std::max(1u, std::thread::hardware_concurrency());
  auto make_work = [&]() -> BatchWork {
    struct Worker {
      Evaluator ev;
      FactLoader loader;
      FactStore store;
      AwardOutcome outcome;
      LoadProblem prob;
      std::vector<std::string> unknown;
      explicit Worker(const ir::Policy& p) : ev(p), loader(p) {}
    };
    auto w = std::make_shared<Worker>(p);
    w->ev.set_reference_date(on);
    w->ev.set_calendar(&policy_calendar(p));
    // A line names the applicant, the award, the verdict and the failed items: with
    // one award, only the facts its rules read are loaded.
    if (awards.size() == 1) w->loader.read_only_for(awards[0]);
    return [w, &p, &awards, &warnings_done, &calendar_error_field, &calendar_error_message, &lines](const RecordPlace&, simdjson::ondemand::object* obj, const std::string& err, BatchChunk& chunk,
                            BatchRecord& rec) {
      if (!obj) {
        rec.bad = true;
        rec.message = err;
        return;
      }
      w->unknown.clear();
      bool loaded = w->loader.load(*obj, w->store, w->prob, warnings_done ? nullptr : &w->unknown);
      if (!w->store.id.empty()) chunk.set_id(rec, w->store.id);
      if (!loaded) {
        rec.bad = true;
        rec.field = w->prob.field;
        rec.message = w->prob.message;
        rec.message_zh = w->prob.message_zh;
        return;
      }
      for (auto& u : w->unknown) chunk.unknown.push_back(std::move(u));
      rec.unknown_end = static_cast<uint32_t>(chunk.unknown.size());
      for (int32_t a : awards) {
        w->ev.decide_into(a, w->store, w->outcome);
        if (const auto& f = w->ev.calendar_failure()) {
          rec.award_errors.push_back({static_cast<uint32_t>(chunk.out.size()), calendar_error_field(a, *f),
                                      calendar_error_message(a, *f).en()});
          continue;
        }
        lines.write(chunk.out, w->store, w->outcome);
      }
    };
  };
  auto commit = [&](const std::string& file, BatchChunk& chunk) {
    std::string id;
    RecordPlace place{file, 0, 0};  // once per block: the file's name is not copied for each record
    // The id set's place for a record a few ahead is fetched while this one is
    // committed: past a few hundred thousand ids each lookup is a cache miss.
    constexpr size_t kAhead = 8;
    for (size_t k = 0; k < std::min(kAhead, chunk.records.size()); ++k) seen_ids.prefetch(chunk.id(chunk.records[k]));
    for (size_t k = 0; k < chunk.records.size(); ++k) {
      const BatchRecord& rec = chunk.records[k];
      if (k + kAhead < chunk.records.size()) seen_ids.prefetch(chunk.id(chunk.records[k + kAhead]));
      ++records;
      place.index = rec.index;
      place.line = rec.line;
      id.assign(chunk.id(rec));
      if (rec.bad) {
        error_row(place, id, rec.field, rec.message, rec.text());
        continue;
      }
      if (!admit(place, id, chunk.unknown.data() + rec.unknown_begin, chunk.unknown.data() + rec.unknown_end)) continue;
      std::string_view rows = chunk.rows(rec);
      size_t from = 0;
      for (const auto& e : rec.award_errors) {  // in award order, each where its row would be
        out.buf += rows.substr(from, e.at - rec.out_begin - from);
        from = e.at - rec.out_begin;
        error_row(place, id, e.field, e.message, e.message);
      }
      out.buf += rows.substr(from);
      results += awards.size() - rec.award_errors.size();
      out.maybe_flush();
    }
  };

  for (const auto& file : o.facts) {
    if (jsonl && is_json_lines_file(file)) {
      std::string berr;
      if (!run_batch(file, jobs, make_work, [&](BatchChunk& chunk) { commit(file, chunk); }, berr)) {
        ++bad;
        std::fprintf(stderr, "error: %s\n", berr.c_str());
      }
      continue;
    }
    Said ferr;
    bool ok = read_records(file, [&](const RecordPlace& place, simdjson::ondemand::object* obj, const Said& err) {
      ++records;
      if (!obj) {
        error_row(place, "", "", err.en(), err.str());
        return;
      }
      LoadProblem prob;
      unknown.clear();
      if (!loader.load(*obj, store, prob, warnings_done ? nullptr : &unknown)) {
        error_row(place, store.id, prob.field, prob.message, prob.text());
        return;
      }
      if (!admit(place, store.id, unknown.data(), unknown.data() + unknown.size())) return;
      if (text) {
        std::string name;
        out.buf += fmt::format("\n{}\n", store.id.empty() ? tr(Msg::record_at, place.file, place.index) : store.id);
      }
      for (int32_t a : awards) {
        ev.decide_into(a, store, outcome);
        if (const auto& f = ev.calendar_failure()) {
          Said why = calendar_error_message(a, *f);
          error_row(place, store.id, calendar_error_field(a, *f), why.en(), why.str());
          continue;
        }
        ++results;
        if (jsonl) lines.write(out.buf, store, outcome);
        else if (json) {
          out.buf += first_json ? "\n  " : ",\n  ";
          first_json = false;
          out.buf += result_json(p, ev, store, outcome);
        } else {
          out.buf += result_text(p, ev, store, outcome, o.explain);
        }
      }
      out.maybe_flush();
    }, ferr);
    if (!ok) {
      ++bad;
      std::fprintf(stderr, "error: %s\n", ferr.str().c_str());
      if (json) errors_json += (errors_json.empty() ? "" : ", ") + fmt::format("{{\"file\": {}, \"error\": {}}}", json_string(file), json_string(ferr.en()));
    }
  }
  if (json) {
    out.buf += first_json ? "]" : "\n]";
    out.buf += fmt::format(", \"errors\": [{}], \"summary\": {{\"records\": {}, \"results\": {}, \"errors\": {}}}}}\n",
                           errors_json, records, results, bad);
  }
  out.flush();
  if (std::fflush(stdout) != 0) out.failed = true;
  std::fputs(tr(Msg::eval_summary, counted(records, Msg::one_record, Msg::many_records),
                counted(results, Msg::one_result, Msg::many_results), counted(bad, Msg::one_error, Msg::many_errors))
                 .c_str(),
             stderr);
  if (out.failed) {
    std::fprintf(stderr, "error: %s\n", tr(Msg::eval_write_failed).c_str());
    return 1;
  }
  return bad ? 1 : 0;
}

}  // namespace award::cli
