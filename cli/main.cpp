// award: the command line. Git-style subcommands, each with --help.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

#include "cli/commands.h"
#include "runtime/messages.h"

using namespace award::cli;
using award::Msg;
using award::tr;

namespace {
// A folder names policies when it holds .award files; any other folder is
// passed on as facts, to be refused there with its name.
bool holds_policies(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".award") return true;
  return false;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Award: quality award measures as policies, evaluated against applicants' facts", "award"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "award 0.1.0");
  // Messages in Chinese or English; JSON output is the same in both. Given
  // before or after the subcommand (fallthrough), e.g. `award check --lang zh`.
  std::string lang;
  app.add_option("--lang", lang, "Messages in zh (Chinese) or en (English); default from LC_ALL, LC_MESSAGES, LANG")
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();

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
  std::vector<std::string> eval_inputs;
  e->add_option("inputs", eval_inputs,
                "POLICY... FACTS...: one or more policies (.award files or folders of them), then applicant "
                "records: a JSON object, a JSON array, JSON Lines, or - for standard input")
      ->required();
  e->add_option("--on", ev.on, "Reference date YYYY-MM-DD (default: today)");
  e->add_option("--award", ev.award, "Evaluate only this award");
  e->add_option("--format", ev.format, "text, json, or jsonl (one line per applicant and award)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  e->add_flag("--explain", ev.explain, "Show every rule with the facts it read");
  e->add_option("--jobs", ev.jobs, "Threads for JSON Lines in, JSON Lines out (default: every core); output stays in input order")
      ->check(CLI::Range(1, 256));

  SchemaOptions sc;
  auto* s = app.add_subcommand("schema", "Print the facts and judgements a policy reads, as JSON Schema");
  s->add_option("policy", sc.policy, "Policy file")->required();

  TestOptions tst;
  auto* t = app.add_subcommand("test", "Run the test cases written in policies; ends with `N passed, N failed`");
  t->add_option("paths", tst.paths, "Policy files or folders (default: policies/)");
  t->add_flag("-v,--verbose", tst.verbose, "List passing tests too");

  StatusOptions st;
  auto* su = app.add_subcommand("status", "After an award: is it revoked, under which article, with what consequences");
  su->add_option("policy", st.policy, "Policy file")->required();
  su->add_option("facts", st.facts, "The winner's record: a JSON object or array, or - for standard input")->required();
  su->add_option("--award", st.award, "The award won")->required();
  su->add_option("--awarded-on", st.awarded_on, "The award date YYYY-MM-DD")->required();
  su->add_option("--on", st.on, "Reference date YYYY-MM-DD, the day revocation is decided (default: today)");
  su->add_option("--format", st.format, "text or json")->check(CLI::IsMember({"text", "json"}));

  TimelineOptions tl;
  auto* ti = app.add_subcommand("timeline", "The dates of a policy's deadlines, revocation windows, reapplication and retention");
  ti->add_option("policy", tl.policy, "Policy file")->required();
  ti->add_option("--start", tl.start, "Date the procedure deadlines from this day YYYY-MM-DD");
  ti->add_option("--awarded-on", tl.awarded_on, "Award date YYYY-MM-DD");
  ti->add_option("--award", tl.award, "Only this award");
  ti->add_option("--format", tl.format, "text or json")->check(CLI::IsMember({"text", "json"}));

  FmtOptions fm;
  auto* f = app.add_subcommand("fmt", "Rewrite policies in the canonical layout (no files: standard input to output)");
  f->add_option("files", fm.files, "Policy files or folders");
  f->add_flag("--check", fm.check, "Change nothing; list the files that would change and exit 1 if any would");

  CoverageOptions cov;
  auto* cv = app.add_subcommand("coverage", "Articles with rules, prose-only articles, and rules no test exercises");
  cv->add_option("paths", cov.paths, "Policy files or folders (default: policies/)");

  DiffOptions df;
  auto* d = app.add_subcommand("diff", "What changed between two policies, in provisions; exit 1 when a verdict can change");
  d->add_option("old", df.old_policy, "The earlier policy")->required();
  d->add_option("new", df.new_policy, "The later policy")->required();
  d->add_option("--format", df.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  d->add_flag("--witnesses", df.witnesses, "For each change that can alter a verdict, an applicant whose verdict differs");
  d->add_option("--applicants", df.applicants, "Evaluate these records under both and list who changes verdict");
  d->add_option("--on", df.on, "Reference date YYYY-MM-DD (default: today)");

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

  RankOptions rk;
  int rank_cycle = 0;
  auto* rkc = app.add_subcommand("rank", "A cycle's winners, nominees, ties and reasons, with the bonus of each winner");
  rkc->add_option("policy", rk.policy, "Policy file")->required();
  rkc->add_option("applicants", rk.applicants, "Applicant records: JSON, JSON Lines, or folders of them")->required();
  rkc->add_option("--scores", rk.scores, "The review panel's scores: CSV id,material,site[,total], UTF-8 or GBK");
  auto* cycle_opt = rkc->add_option("--cycle", rank_cycle, "The cycle's year (default: the year of --on)")->check(CLI::Range(1900, 9999));
  rkc->add_option("--on", rk.on, "Reference date YYYY-MM-DD for eligibility (default: today)");
  rkc->add_option("--format", rk.format, "text, json, or csv")->check(CLI::IsMember({"text", "json", "csv"}));

  auto* lsp = app.add_subcommand("lsp", "Run the language server on standard input and output (for editors)");

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
  award::set_language(lang.empty() ? award::language_from_environment() : *award::parse_language(lang));

  auto run = [&]() -> int {
    if (*c) return run_check(check);
    if (*k) return run_compile(comp);
    if (*e) {
      // Leading .award files and folders are policies; the rest are facts.
      std::vector<std::string> policies;
      size_t i = 0;
      for (; i < eval_inputs.size(); ++i) {
        const std::string& in = eval_inputs[i];
        bool is_policy = (in.size() > 6 && in.compare(in.size() - 6, 6, ".award") == 0) || holds_policies(in);
        if (!is_policy) break;
        policies.push_back(in);
      }
      ev.facts.assign(eval_inputs.begin() + static_cast<long>(i), eval_inputs.end());
      if (policies.empty() || ev.facts.empty()) {
        std::fputs(tr(Msg::usage_eval_inputs).c_str(), stderr);
        return 2;
      }
      if (policies.size() == 1 && !std::filesystem::is_directory(policies[0])) {
        ev.policy = policies[0];
        return run_eval(ev);
      }
      if (ev.explain || !ev.award.empty() || ev.format == "jsonl") {
        std::fputs(tr(Msg::usage_eval_several).c_str(), stderr);
        return 2;
      }
      return run_eval_table({policies, ev.facts, ev.on, ev.format});
    }
    if (*s) return run_schema(sc);
    if (*t) return run_test(tst);
    if (*su) return run_status(st);
    if (*ti) return run_timeline(tl);

    if (*f) return run_fmt(fm);
    if (*cv) return run_coverage(cov);
    if (*d) return run_diff(df);
    if (*lsp) return run_lsp();
    if (*rkc) {
      if (*cycle_opt) rk.cycle = rank_cycle;
      return run_rank(rk);
    }
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
    std::fputs(tr(Msg::internal_error, ex.what()).c_str(), stderr);
    return 3;
  }
  // Output that could not be written (a full disk, /dev/full) is an error of
  // every subcommand, not only of those that check their own writes.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fputs(tr(Msg::cannot_write_stdout).c_str(), stderr);
    return code == 0 ? 1 : code;
  }
  return code;
}
