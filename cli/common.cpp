#include <cstdio>
#include <unistd.h>

#include "cli/commands.h"
#include "runtime/messages.h"

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

}  // namespace award::cli
