// Source text to owned syntax tree. The generated ANTLR parser stays behind
// this interface: parse.cpp is the only file that includes a generated header.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace award {

// Limits the front end enforces before the generated parser runs, so that no
// input can exhaust the stack or the memory: README "Limits" documents them.
inline constexpr size_t kMaxSourceBytes = 4 * 1024 * 1024;
inline constexpr int kMaxNesting = 200;

// Always returns a tree (possibly partial); errors go to `diags`.
std::unique_ptr<ast::File> parse(const SourceFile& src, DiagnosticSink& diags);

// One token as the lexer sees it, for editor features that read the text
// around a position (completion, the keyword language of a file). `type` is
// the lexer's symbolic name: "K_REQUIRE", "ID", "EQ", "LINE_COMMENT" …
struct LexToken {
  std::string type;
  Range range;
};

// Every token but white space, comments included, in order. Empty when the
// text is not valid UTF-8 or is over the size limit (parse() reports those).
std::vector<LexToken> lex(const SourceFile& src);

// The canonical display name of a token type, for messages ("`require`").
std::string token_display_name(size_t token_type);

}  // namespace award
