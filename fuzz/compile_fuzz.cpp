// Fuzz target: the parser and checker on arbitrary bytes, as `award check`
// reads a policy. Whatever the bytes, compiling ends with a policy or with
// diagnostics, every diagnostic renders, and a policy that compiled prints as
// IR: no crash, no hang, no sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/compile.h"
#include "compiler/ir_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Fixtures (`given "file.json"`) are not read: a fuzzed name could be any
  // file on the machine. Everything else a test declares is still checked.
  award::CompileResult r = award::compile_source(
      "fuzz.award", std::string(reinterpret_cast<const char*>(data), size), {.load_tests = false});
  for (const auto& d : r.diags.sorted()) (void)award::render(d);
  if (r.ok()) (void)award::ir_to_json(*r.policy).dump();
  return 0;
}
