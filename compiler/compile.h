// The compiler's entry points: source text in, IR or diagnostics out.
//
// Following "an AST or its issues": a CompileResult carries a policy only when
// there were no errors, so no caller can evaluate a policy that failed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/ir.h"

namespace award {

struct CompileResult {
  std::vector<std::unique_ptr<SourceFile>> sources;  // own the text diagnostics point into
  std::unique_ptr<ast::File> ast;                    // the main file's tree, even when it has errors
  DiagnosticSink diags;
  std::unique_ptr<ir::Policy> policy;                // null when diags has errors

  bool ok() const { return policy != nullptr; }
};

struct CompileOptions {
  bool load_tests = true;  // read test fixtures (award test / check); eval skips them
};

CompileResult compile_source(std::string path, std::string text, const CompileOptions& opts = {});
CompileResult compile_file(const std::string& path, const CompileOptions& opts = {});

// Reads a file, or as much of it as the source limit needs to refuse it
// (kMaxSourceBytes + 1 bytes); returns false and a message when it cannot.
bool read_file(const std::string& path, std::string& out, std::string& error);

}  // namespace award
