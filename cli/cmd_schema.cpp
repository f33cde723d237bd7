#include <cstdio>

#include "cli/commands.h"
#include "compiler/compile.h"
#include "compiler/ir_json.h"

namespace award {
std::string emit_ir(const ir::Policy& p) { return ir_to_json(p).dump(2) + "\n"; }
}  // namespace award

namespace award::cli {

int run_schema(const SchemaOptions& o) {
  CompileResult r = compile_policy(o.policy);
  if (!r.ok()) return 1;
  std::fputs((facts_schema(*r.policy).dump(2) + "\n").c_str(), stdout);
  return 0;
}

}  // namespace award::cli
