#include <cstdio>
#include <fmt/format.h>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "runtime/messages.h"

namespace award {
std::string emit_ir(const ir::Policy& p);
}

namespace award::cli {

int run_check(const CheckOptions& o) {
  size_t errors = 0, warnings = 0, bad_files = 0;
  for (const auto& f : o.files) {
    CompileResult r = compile_file(f);
    if (!o.quiet) print_diagnostics(r.diags);
    size_t e = r.diags.error_count();
    errors += e;
    warnings += r.diags.all().size() - e;
    if (e) ++bad_files;
  }
  std::fputs(tr(Msg::check_summary, counted(o.files.size(), Msg::one_file, Msg::many_files),
                counted(errors, Msg::one_error, Msg::many_errors), counted(warnings, Msg::one_warning, Msg::many_warnings))
                 .c_str(),
             stderr);
  return bad_files ? 1 : 0;
}

int run_compile(const CompileOptions& o) {
  CompileResult r = compile_file(o.policy);
  print_diagnostics(r.diags);
  if (!r.ok()) return 1;
  std::fputs(emit_ir(*r.policy).c_str(), stdout);
  return 0;
}

}  // namespace award::cli
