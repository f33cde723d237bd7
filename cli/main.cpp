// award: the command line. Git-style subcommands, each with --help.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fmt/format.h>

#include "cli/commands.h"

using namespace award::cli;

int main(int argc, char** argv) {
  CLI::App app{"Award: quality award measures as policies, evaluated against applicants' facts", "award"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "award 0.1.0");

  CheckOptions check;
  auto* c = app.add_subcommand("check", "Check policy files; report every error with its code, place and hint");
  c->add_option("files", check.files, "Policy files (.award)")->required();
  c->add_flag("-q,--quiet", check.quiet, "Print only the summary line");

  CompileOptions comp;
  auto* k = app.add_subcommand("compile", "Compile a policy and print its IR");
  k->add_option("policy", comp.policy, "Policy file")->required();
  k->add_option("--emit", comp.emit, "What to print")->check(CLI::IsMember({"ir"}))->default_val("ir");

  EvalOptions ev;
  auto* e = app.add_subcommand("eval", "Evaluate applicants against a policy");
  e->add_option("policy", ev.policy, "Policy file")->required();
  e->add_option("facts", ev.facts,
                "Applicant records: a JSON object, a JSON array, JSON Lines, or - for standard input")->required();
  e->add_option("--on", ev.on, "Reference date YYYY-MM-DD (default: today)");
  e->add_option("--award", ev.award, "Evaluate only this award");
  e->add_option("--format", ev.format, "text, json, or jsonl (one line per applicant and award)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  e->add_flag("--explain", ev.explain, "Show every rule with the facts it read");

  SchemaOptions sc;
  auto* s = app.add_subcommand("schema", "Print the facts and judgements a policy reads, as JSON Schema");
  s->add_option("policy", sc.policy, "Policy file")->required();

  TestOptions tst;
  auto* t = app.add_subcommand("test", "Run the test cases written in policies; ends with `N passed, N failed`");
  t->add_option("paths", tst.paths, "Policy files or folders (default: policies/)");
  t->add_flag("-v,--verbose", tst.verbose, "List passing tests too");

  CalendarOptions cal;
  auto* cl = app.add_subcommand("calendar", "Working days by the official holiday arrangement");
  cl->require_subcommand(1);
  auto* cadd = cl->add_subcommand("add", "The date N working days (Nwd) or days (Nd) after DATE");
  std::string date_arg, amount_arg, date2_arg;
  cadd->add_option("date", date_arg, "YYYY-MM-DD")->required();
  cadd->add_option("amount", amount_arg, "e.g. 5wd, -3wd, 10d")->required();
  auto* cbetween = cl->add_subcommand("between", "Working days after the first date up to and including the second");
  cbetween->add_option("from", date_arg, "YYYY-MM-DD")->required();
  cbetween->add_option("to", date2_arg, "YYYY-MM-DD")->required();
  auto* cis = cl->add_subcommand("is-working", "Whether DATE is a working day");
  cis->add_option("date", date_arg, "YYYY-MM-DD")->required();
  for (auto* sub : {cadd, cbetween, cis})
    sub->add_option("--region", cal.region, "Regional layer (xinjiang)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& h) {
    return app.exit(h);
  } catch (const CLI::CallForAllHelp& h) {
    return app.exit(h);
  } catch (const CLI::CallForVersion& h) {
    return app.exit(h);
  } catch (const CLI::ParseError& err) {
    app.exit(err);
    return 2;
  }

  auto run = [&]() -> int {
    if (*c) return run_check(check);
    if (*k) return run_compile(comp);
    if (*e) return run_eval(ev);
    if (*s) return run_schema(sc);
    if (*t) return run_test(tst);
    if (*cl) {
      if (*cadd) { cal.action = "add"; cal.args = {date_arg, amount_arg}; }
      else if (*cbetween) { cal.action = "between"; cal.args = {date_arg, date2_arg}; }
      else { cal.action = "is-working"; cal.args = {date_arg}; }
      return run_calendar(cal);
    }
    return 2;
  };
  int code;
  try {
    code = run();
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "award: internal error: %s\n", ex.what());
    return 3;
  }
  // Output that could not be written (a full disk, /dev/full) is an error of
  // every subcommand, not only of those that check their own writes.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "award: could not write to standard output\n");
    return code == 0 ? 1 : code;
  }
  return code;
}
