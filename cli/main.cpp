// award: the command line. Git-style subcommands, each with --help.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string_view>
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

// The language, known before the app is built so that --help speaks it: the
// last `--lang X` or `--lang=X` before a `--`, else the locale. A value other
// than zh or en is left to the parser, which reports it in the locale's language.
award::Lang language_of(int argc, char** argv) {
  std::optional<award::Lang> chosen;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) chosen = award::parse_language(argv[++i]);
    else if (a.rfind("--lang=", 0) == 0) chosen = award::parse_language(a.substr(7));
  }
  return chosen ? *chosen : award::language_from_environment();
}

// CLI11 pads the left column of --help to a number of bytes; a Chinese label
// (必需) has more bytes than columns, so its description would start too far
// left. This pads it to the same number of columns as the others.
class ColumnFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string left = make_option_name(opt, is_positional) + make_option_opts(opt);
    std::stringstream out;
    CLI::detail::format_help(out, left, make_option_desc(opt), column_width_ + left.size() - award::cli::display_width(left));
    return out.str();
  }
};

// CLI11's words in --help: its labels, and the group names every option and
// subcommand is listed under. In English they are CLI11's own.
void localise_help(CLI::App& app) {
  auto fmt = std::make_shared<ColumnFormatter>();
  app.formatter(fmt);
  fmt->label("Usage", tr(Msg::cli_label_usage));
  fmt->label("OPTIONS", tr(Msg::cli_label_options_usage));
  fmt->label("Positionals", tr(Msg::cli_label_positionals));
  fmt->label("REQUIRED", tr(Msg::cli_label_required));
  fmt->label("SUBCOMMAND", tr(Msg::cli_label_subcommand));
  app.option_defaults()->group(tr(Msg::cli_label_options));
  app.set_help_flag("-h,--help", tr(Msg::cli_help));
}

// Every app below `app` (subcommands of subcommands too) in the group name of
// the language, and its help flag, which it made before it took the group of
// options from its parent; set once all of them are declared.
void localise_groups(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group(tr(Msg::cli_label_subcommands));
    if (CLI::Option* help = sub->get_help_ptr()) help->group(tr(Msg::cli_label_options));
    localise_groups(*sub);
  }
}

// The subcommand a parse error belongs to, as " check" or " calendar add"; ""
// for the top level.
std::string failing_command(CLI::App& app) {
  std::vector<CLI::App*> parsed = app.get_subcommands();
  return parsed.empty() ? "" : " " + parsed.front()->get_name() + failing_command(*parsed.front());
}

// By the exception's type: get_name() is not always the type's name (the
// extras of a subcommand carry the subcommand's).
template <class E>
bool is(const CLI::ParseError& e) {
  return dynamic_cast<const E*>(&e) != nullptr;
}

// A CLI11 parse error in the reader's language. CLI11's exception types say
// what went wrong; the option or argument it concerns is only in its text, in
// the words of CLI11 2.1.2, so each is read back from there. An error not
// recognised keeps CLI11's text inside a localised frame.
std::string usage_error_text(CLI::App& app, const CLI::ParseError& err) {
  const std::string what = err.what();
  auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (what.rfind(prefix, 0) == 0) return what.substr(prefix.size());
    return std::nullopt;
  };
  auto before = [&](std::string_view suffix) -> std::optional<std::string> {
    if (what.size() > suffix.size() && what.compare(what.size() - suffix.size(), suffix.size(), suffix) == 0)
      return what.substr(0, what.size() - suffix.size());
    return std::nullopt;
  };
  std::string text;
  if (is<CLI::ExtrasError>(err)) {
    std::optional<std::string> args = after("The following argument was not expected: ");
    if (!args) args = after("The following arguments were not expected: ");
    if (args)
      text = args->rfind('-', 0) == 0 && args->find(' ') == std::string::npos ? tr(Msg::cli_unknown_option, *args)
                                                                               : tr(Msg::cli_extra_arguments, *args);
  } else if (is<CLI::RequiredError>(err)) {
    if (what == "A subcommand is required") {
      CLI::App* at = &app;
      while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
      std::string names;
      for (CLI::App* sub : at->get_subcommands({}))
        names += (names.empty() ? "" : tr(Msg::list_separator)) + sub->get_name();
      text = tr(Msg::cli_subcommand_required, names);
    } else if (auto opt = before(" is required")) {
      text = tr(Msg::cli_required, *opt);
    }
  } else if (is<CLI::ArgumentMismatch>(err)) {
    // "--on: 1 required TEXT missing"; "--on: At Most 1 required but received 2"
    constexpr std::string_view at_most = ": At Most ", received = " required but received ";
    size_t most = what.find(at_most), but = what.find(received);
    if (size_t colon = what.find(": 1 required "); colon != std::string::npos && what.ends_with(" missing"))
      text = tr(Msg::cli_needs_value, what.substr(0, colon));
    else if (most != std::string::npos && but != std::string::npos && most < but)
      text = tr(Msg::cli_at_most, what.substr(0, most), what.substr(most + at_most.size(), but - most - at_most.size()),
                what.substr(but + received.size()));
  } else if (bool validation = is<CLI::ValidationError>(err);
             validation || is<CLI::ConversionError>(err)) {
    // "--lang: fr not in {zh,en}"; "--jobs: Value 0 not in range 1 to 256";
    // "Could not convert: --jobs = x"
    size_t colon = what.find(": ");
    std::string opt = colon == std::string::npos ? "" : what.substr(0, colon);
    std::string rest = colon == std::string::npos ? "" : what.substr(colon + 2);
    size_t in = rest.find(" not in {");
    size_t range = rest.find(" not in range ");
    size_t to = rest.find(" to ", range == std::string::npos ? 0 : range);
    if (validation && in != std::string::npos && rest.ends_with("}")) {
      std::string set = rest.substr(in + 9, rest.size() - in - 10);
      for (size_t c; (c = set.find(',')) != std::string::npos;) set.replace(c, 1, tr(Msg::list_separator));
      text = tr(Msg::cli_not_allowed, opt, rest.substr(0, in), set);
    } else if (validation && rest.rfind("Value ", 0) == 0 && range != std::string::npos &&
               to != std::string::npos) {
      // CLI11 checks the range before it converts, so a word is "not in range" too
      std::string value = rest.substr(6, range - 6);
      bool whole = !value.empty() && value.find_first_not_of("-0123456789") == std::string::npos;
      text = whole ? tr(Msg::cli_not_in_range, opt, value, rest.substr(range + 14, to - range - 14), rest.substr(to + 4))
                   : tr(Msg::cli_not_whole_number, opt, value);
    } else if (auto conv = after("Could not convert: ")) {
      if (size_t eq = conv->find(" = "); eq != std::string::npos)
        text = tr(Msg::cli_bad_value, conv->substr(0, eq), conv->substr(eq + 3));
    }
  } else if (is<CLI::FileError>(err)) {
    if (auto file = before(" was not readable (missing?)")) text = tr(Msg::cli_not_readable, *file);
  }
  if (text.empty()) text = tr(Msg::cli_other_error, what);
  return tr(Msg::cli_error, failing_command(app), text) + tr(Msg::cli_run_help);
}
}  // namespace

int main(int argc, char** argv) {
  award::set_language(language_of(argc, argv));
  CLI::App app{tr(Msg::cli_app), "award"};
  localise_help(app);
  app.require_subcommand(1);
  app.set_version_flag("--version", "award 0.1.0", tr(Msg::cli_version));
  // Messages in Chinese or English; JSON output is the same in both. Given
  // before or after the subcommand (fallthrough), e.g. `award check --lang zh`.
  std::string lang;
  app.add_option("--lang", lang, tr(Msg::cli_lang))
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();

  CheckOptions check;
  auto* c = app.add_subcommand("check", tr(Msg::cli_check));
  c->add_option("files", check.files, tr(Msg::cli_policy_files_award))->required();
  c->add_flag("-q,--quiet", check.quiet, tr(Msg::cli_quiet));

  CompileOptions comp;
  auto* k = app.add_subcommand("compile", tr(Msg::cli_compile));
  k->add_option("policy", comp.policy, tr(Msg::cli_policy_file))->required();
  k->add_option("--emit", comp.emit, tr(Msg::cli_emit))->check(CLI::IsMember({"ir"}))->default_val("ir");

  EvalOptions ev;
  auto* e = app.add_subcommand("eval", tr(Msg::cli_eval));
  std::vector<std::string> eval_inputs;
  e->add_option("inputs", eval_inputs,
                tr(Msg::cli_eval_inputs))
      ->required();
  e->add_option("--on", ev.on, tr(Msg::cli_on));
  e->add_option("--award", ev.award, tr(Msg::cli_eval_award));
  e->add_option("--format", ev.format, tr(Msg::cli_eval_format))
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  e->add_flag("--explain", ev.explain, tr(Msg::cli_explain));
  e->add_option("--jobs", ev.jobs, tr(Msg::cli_jobs))
      ->check(CLI::Range(1, 256));

  SchemaOptions sc;
  auto* s = app.add_subcommand("schema", tr(Msg::cli_schema));
  s->add_option("policy", sc.policy, tr(Msg::cli_policy_file))->required();

  TestOptions tst;
  auto* t = app.add_subcommand("test", tr(Msg::cli_test));
  t->add_option("paths", tst.paths, tr(Msg::cli_policy_paths));
  t->add_flag("-v,--verbose", tst.verbose, tr(Msg::cli_verbose));

  StatusOptions st;
  auto* su = app.add_subcommand("status", tr(Msg::cli_status));
  su->add_option("policy", st.policy, tr(Msg::cli_policy_file))->required();
  su->add_option("facts", st.facts, tr(Msg::cli_status_facts))->required();
  su->add_option("--award", st.award, tr(Msg::cli_award_won))->required();
  su->add_option("--awarded-on", st.awarded_on, tr(Msg::cli_awarded_on))->required();
  su->add_option("--on", st.on, tr(Msg::cli_status_on));
  su->add_option("--format", st.format, tr(Msg::cli_format_text_json))->check(CLI::IsMember({"text", "json"}));

  TimelineOptions tl;
  auto* ti = app.add_subcommand("timeline", tr(Msg::cli_timeline));
  ti->add_option("policy", tl.policy, tr(Msg::cli_policy_file))->required();
  ti->add_option("--start", tl.start, tr(Msg::cli_start));
  ti->add_option("--awarded-on", tl.awarded_on, tr(Msg::cli_award_date));
  ti->add_option("--award", tl.award, tr(Msg::cli_only_award));
  ti->add_option("--format", tl.format, tr(Msg::cli_format_text_json))->check(CLI::IsMember({"text", "json"}));

  FmtOptions fm;
  auto* f = app.add_subcommand("fmt", tr(Msg::cli_fmt));
  f->add_option("files", fm.files, tr(Msg::cli_policy_files_folders));
  f->add_flag("--check", fm.check, tr(Msg::cli_fmt_check));

  CoverageOptions cov;
  auto* cv = app.add_subcommand("coverage", tr(Msg::cli_coverage));
  cv->add_option("paths", cov.paths, tr(Msg::cli_policy_paths));

  DiffOptions df;
  auto* d = app.add_subcommand("diff", tr(Msg::cli_diff));
  d->add_option("old", df.old_policy, tr(Msg::cli_diff_old))->required();
  d->add_option("new", df.new_policy, tr(Msg::cli_diff_new))->required();
  d->add_option("--format", df.format, tr(Msg::cli_format_text_json))->check(CLI::IsMember({"text", "json"}));
  d->add_flag("--witnesses", df.witnesses, tr(Msg::cli_witnesses));
  d->add_option("--applicants", df.applicants, tr(Msg::cli_diff_applicants));
  d->add_option("--on", df.on, tr(Msg::cli_on));

  CalendarOptions cal;
  auto* cl = app.add_subcommand("calendar", tr(Msg::cli_calendar));
  cl->require_subcommand(1);
  auto* cadd = cl->add_subcommand("add", tr(Msg::cli_calendar_add));
  std::string date_arg, amount_arg, date2_arg;
  cadd->add_option("date", date_arg, "YYYY-MM-DD")->required();
  cadd->add_option("amount", amount_arg, tr(Msg::cli_amount))->required();
  auto* cbetween = cl->add_subcommand("between", tr(Msg::cli_calendar_between));
  cbetween->add_option("from", date_arg, "YYYY-MM-DD")->required();
  cbetween->add_option("to", date2_arg, "YYYY-MM-DD")->required();
  auto* cis = cl->add_subcommand("is-working", tr(Msg::cli_calendar_is_working));
  cis->add_option("date", date_arg, "YYYY-MM-DD")->required();
  for (auto* sub : {cadd, cbetween, cis})
    sub->add_option("--region", cal.region, tr(Msg::cli_region));

  RankOptions rk;
  int rank_cycle = 0;
  auto* rkc = app.add_subcommand("rank", tr(Msg::cli_rank));
  rkc->add_option("policy", rk.policy, tr(Msg::cli_policy_file))->required();
  rkc->add_option("applicants", rk.applicants, tr(Msg::cli_rank_applicants))->required();
  rkc->add_option("--scores", rk.scores, tr(Msg::cli_scores));
  auto* cycle_opt = rkc->add_option("--cycle", rank_cycle, tr(Msg::cli_cycle))->check(CLI::Range(1900, 9999));
  rkc->add_option("--on", rk.on, tr(Msg::cli_rank_on));
  rkc->add_option("--format", rk.format, tr(Msg::cli_rank_format))->check(CLI::IsMember({"text", "json", "csv"}));

  auto* lsp = app.add_subcommand("lsp", tr(Msg::cli_lsp));
  localise_groups(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& h) {
    return app.exit(h);
  } catch (const CLI::CallForAllHelp& h) {
    return app.exit(h);
  } catch (const CLI::CallForVersion& h) {
    return app.exit(h);
  } catch (const CLI::ParseError& err) {
    if (award::language() == award::Lang::En)
      app.exit(err);  // CLI11's own words
    else
      std::fputs(usage_error_text(app, err).c_str(), stderr);
    return 2;
  }

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
