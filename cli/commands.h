// The subcommands of `award`. Each returns the process exit code:
// 0 success, 1 errors in the input, 2 a usage error (handled in main).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "compiler/diagnostics.h"
#include "runtime/date.h"
#include "runtime/timeline.h"

namespace award::cli {

struct CheckOptions {
  std::vector<std::string> files;
  bool quiet = false;
};
int run_check(const CheckOptions& o);

struct CompileOptions {
  std::string policy;
  std::string emit = "ir";
};
int run_compile(const CompileOptions& o);

struct EvalOptions {
  std::string policy;
  std::vector<std::string> facts;
  std::string on;           // YYYY-MM-DD; empty: today
  std::string award;        // empty: every award
  std::string format = "text";
  bool explain = false;
  int jobs = 0;             // threads for JSON Lines batches; 0: every core
};
int run_eval(const EvalOptions& o);

struct EvalTableOptions {
  std::vector<std::string> policies;  // files or folders
  std::vector<std::string> facts;
  std::string on;
  std::string format = "text";
};
int run_eval_table(const EvalTableOptions& o);

struct SchemaOptions {
  std::string policy;
};
int run_schema(const SchemaOptions& o);

struct TestOptions {
  std::vector<std::string> paths;  // files or folders; default policies/
  bool verbose = false;
};
int run_test(const TestOptions& o);
std::vector<std::string> policy_files(const std::vector<std::string>& paths, std::string& error);
// The policy files of `award test` and `award coverage`: those under `paths`,
// or policies/ when none is given; nullopt after a usage message naming the
// command when a path does not exist.
std::optional<std::vector<std::string>> policy_files_or_usage(const std::vector<std::string>& paths,
                                                              const char* command);

struct FmtOptions {
  std::vector<std::string> files;  // files or folders; none: standard input to standard output
  bool check = false;              // only report the files that would change
};
int run_fmt(const FmtOptions& o);

struct CoverageOptions {
  std::vector<std::string> paths;  // files or folders; default policies/
};
int run_coverage(const CoverageOptions& o);

struct DiffOptions {
  std::string old_policy, new_policy;
  std::string format = "text";
  bool witnesses = false;
  std::string applicants;
  std::string on;
};
int run_diff(const DiffOptions& o);

struct CalendarOptions {
  std::string action;       // add | between | is-working
  std::vector<std::string> args;
  std::string region;       // "" national, or xinjiang
};
int run_calendar(const CalendarOptions& o);

struct StatusOptions {
  std::string policy;
  std::string facts;        // a JSON object or array, or - for standard input
  std::string award;
  std::string awarded_on;   // YYYY-MM-DD
  std::string on;           // the day revocation is decided; empty: today
  std::string format = "text";
};
int run_status(const StatusOptions& o);

struct TimelineOptions {
  std::string policy;
  std::string start;        // YYYY-MM-DD: date the procedure deadlines from it
  std::string awarded_on;   // YYYY-MM-DD: revocation windows, reapplication, retention
  std::string award;        // empty: every award
  std::string format = "text";
};
int run_timeline(const TimelineOptions& o);

struct RankOptions {
  std::string policy;
  std::vector<std::string> applicants;  // JSON, JSON Lines, or folders of them
  std::string scores;                   // the panel's CSV: id,material,site[,total]
  std::optional<int> cycle;             // default: the year of --on
  std::string on;                       // YYYY-MM-DD; empty: today
  std::string format = "text";
};
int run_rank(const RankOptions& o);

// `award lsp`: the language server on standard input and output.
int run_lsp();

// Shared helpers.
// --on: the given date, or today when empty; nullopt (after a message naming
// the command) when it is not a date in the calendar.
std::optional<Date> reference_date(const std::string& on, const char* command);
bool stderr_is_tty();
void print_diagnostics(const DiagnosticSink& d);
// The policy a command reads (without its test fixtures), its diagnostics
// printed; the caller stops with exit 1 when it is not ok().
CompileResult compile_policy(const std::string& path);
// Writes a command's whole output; false (after a message) when it could not.
bool write_stdout(const std::string& out);
// A period in the reader's language: "5 working days", "5 个工作日".
std::string duration_words(const ir::Duration& d);
// A verdict written as its JSON word ("ineligible"), in the reader's language.
std::string verdict_words(const std::string& name);

// Columns a text takes on a terminal: a character of three or more UTF-8 bytes
// (Chinese) takes two.
size_t display_width(std::string_view s);
// The award `id` names in the policy; -1 (after a usage message naming the
// command, the policy and its awards) when it has none of that id.
int32_t award_or_usage(const ir::Policy& p, const std::string& policy, const std::string& id, const char* command);
// award_history as a record (nlohmann JSON of either kind) gives it, whether or
// not the policy reads it; nullopt when the record has none. Used by status and
// rank for 首次获得 and repeat winners.
template <class J>
std::optional<std::vector<HistoryEntry>> history_of(const J& rec) {
  auto it = rec.find("award_history");
  if (it == rec.end() || !it->is_array()) return std::nullopt;
  std::vector<HistoryEntry> out;
  for (const auto& e : *it) {
    if (!e.is_object()) continue;
    HistoryEntry h;
    if (auto t = e.find("title"); t != e.end() && t->is_string()) h.title = t->template get<std::string>();
    if (auto d = e.find("awarded_on"); d != e.end() && d->is_string()) h.awarded_on = parse_date(d->template get<std::string>());
    if (auto r = e.find("revoked_on"); r != e.end() && !r->is_null()) h.revoked = true;
    out.push_back(std::move(h));
  }
  return out;
}


}  // namespace award::cli
