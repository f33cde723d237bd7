// Fuzz target: the formatter's round trip on arbitrary bytes, as `award fmt`
// reads a policy. Whatever the bytes: formatting either declines (the text does
// not parse) or gives a layout that formats to itself again, and whose IR is the
// IR of the original (locations and the white space inside rule text aside).
// Any other outcome stops the run: it is a formatter bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "compiler/compile.h"
#include "compiler/format.h"
#include "compiler/ir_json.h"

namespace {

// The IR as JSON without what a layout may move: source places, and the white
// space inside a rule's source text.
void normalise(nlohmann::ordered_json& j) {
  if (j.is_object()) {
    for (const char* k : {"loc", "file", "line", "column"}) j.erase(k);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if ((it.key() == "source" || it.key() == "rule") && it->is_string()) {
        std::string s;
        for (char c : it->get<std::string>())
          if (c != ' ' && c != '\n' && c != '\t' && c != '\r') s += c;
        *it = s;
      } else {
        normalise(*it);
      }
    }
  } else if (j.is_array()) {
    for (auto& e : j) normalise(e);
  }
}

std::string ir_of(const std::string& text) {
  award::CompileResult r = award::compile_source("fuzz.award", text, {.load_tests = false});
  if (!r.ok()) return "not compiled";
  auto j = award::ir_to_json(*r.policy);
  normalise(j);
  return j.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  award::SourceFile src("fuzz.award", text);
  award::DiagnosticSink diags;
  std::optional<std::string> once;
  try {
    once = award::format_source(src, diags);
  } catch (const std::logic_error&) {
    std::abort();  // the formatter's layout did not read back as the same tokens
  }
  if (!once) return 0;  // does not parse: fmt declines, and says why
  award::SourceFile again_src("fuzz.award", *once);
  award::DiagnosticSink again_diags;
  std::optional<std::string> twice = award::format_source(again_src, again_diags);
  if (!twice || *twice != *once) std::abort();  // not idempotent
  if (ir_of(text) != ir_of(*once)) std::abort();  // the layout changed the meaning
  return 0;
}
