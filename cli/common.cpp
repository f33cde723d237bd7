#include <cstdio>
#include <unistd.h>

#include "cli/commands.h"
#include "runtime/messages.h"
#include "runtime/report.h"

namespace award::cli {

bool stderr_is_tty() { return isatty(fileno(stderr)) != 0; }

std::optional<Date> reference_date(const std::string& on, const char* command) {
  if (on.empty()) return today_local();
  auto d = parse_date(on);
  if (!d) std::fputs(tr(Msg::usage_bad_date_option, command, "--on", on).c_str(), stderr);
  return d;
}

void print_diagnostics(const DiagnosticSink& d) {
  bool color = stderr_is_tty();
  for (const auto& diag : d.sorted()) std::fputs(render(diag, color).c_str(), stderr);
}

int32_t award_or_usage(const ir::Policy& p, const std::string& policy, const std::string& id, const char* command) {
  int32_t a = p.find_award(id);
  if (a < 0) {
    std::string ids;
    for (const auto& aw : p.awards) ids += (ids.empty() ? "" : ", ") + aw.id;
    std::fputs(tr(Msg::usage_no_award, command, policy, id, ids).c_str(), stderr);
  }
  return a;
}

CompileResult compile_policy(const std::string& path) {
  CompileResult r = compile_file(path, {.load_tests = false});
  print_diagnostics(r.diags);
  return r;
}

bool write_stdout(const std::string& out) {
  std::fputs(out.c_str(), stdout);
  if (std::fflush(stdout) == 0) return true;
  std::fputs("error: could not write to standard output\n", stderr);
  return false;
}

std::string duration_words(const ir::Duration& d) {
  auto pick = [&](Msg one, Msg many) { return tr(d.amount == 1 ? one : many, d.amount); };
  switch (d.unit) {
    case Unit::Days: return pick(Msg::period_day, Msg::period_days);
    case Unit::WorkingDays: return pick(Msg::period_working_day, Msg::period_working_days);
    case Unit::Months: return pick(Msg::period_month, Msg::period_months);
    case Unit::Years: return pick(Msg::period_year, Msg::period_years);
  }
  return pick(Msg::period_day, Msg::period_days);
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    w += c >= 0xE0 ? 2 : 1;
  }
  return w;
}

std::string verdict_words(const std::string& name) {
  for (Verdict v : {Verdict::Eligible, Verdict::Ineligible, Verdict::Undetermined})
    if (name == verdict_name(v)) return verdict_text(v);
  return name;
}

}  // namespace award::cli
