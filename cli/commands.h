// The subcommands of `award`. Each returns the process exit code:
// 0 success, 1 errors in the input, 2 a usage error (handled in main).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics.h"

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

struct CalendarOptions {
  std::string action;       // add | between | is-working
  std::vector<std::string> args;
  std::string region;       // "" national, or xinjiang
};
int run_calendar(const CalendarOptions& o);

// Shared helpers.
bool stderr_is_tty();
void print_diagnostics(const DiagnosticSink& d);

}  // namespace award::cli
