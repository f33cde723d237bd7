#include <cstdio>
#include <unistd.h>

#include "cli/commands.h"

namespace award::cli {

bool stderr_is_tty() { return isatty(fileno(stderr)) != 0; }

void print_diagnostics(const DiagnosticSink& d) {
  bool color = stderr_is_tty();
  for (const auto& diag : d.sorted()) std::fputs(render(diag, color).c_str(), stderr);
}

}  // namespace award::cli
