// Source text to owned syntax tree. The generated ANTLR parser stays behind
// this interface: parse.cpp is the only file that includes a generated header.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/keywords.h"

namespace award {

// Limits the front end enforces before the generated parser runs, so that no
// input can exhaust the stack or the memory: README "Limits" documents them.
inline constexpr size_t kMaxSourceBytes = 4 * 1024 * 1024;
inline constexpr int kMaxNesting = 200;

// One token of the source, the hidden ones (white space, comments) included,
// so that a tool that must keep every byte (the formatter) can. Besides its
// kind, a token carries the layout facts that only the parse tree knows.
struct Token {
  enum class Kind {
    Keyword,      // a keyword used as one; `keyword` says which
    Name,         // an identifier, or a soft keyword standing where a name stands
    Number, Date, String, TextBlock, ItemLabel,
    Punct,        // operators and brackets
    LineComment, BlockComment, Space,
    Bad,          // an unterminated string or an invalid character
  };
  Kind kind = Kind::Bad;
  Range range;
  const Keyword* keyword = nullptr;  // when the token is spelled as a keyword
  bool hidden = false;               // white space and comments
  bool starts_unit = false;    // first token of a declaration, setting, member, rule or test entry
  bool starts_clause = false;  // `when` and `except` of a rule; revoke's `when` and `then`
  bool opens_block = false;    // a `{` whose members go one per line
  bool closes_block = false;
  bool folds = false;          // the block stays on one line if written on one line (a test's facts)
  bool glued = false;          // written with no space before it: policy-id parts, `f(`, `-x`

  std::string_view text() const { return range.text(); }
};

// Always returns a tree (possibly partial); errors go to `diags`. When `tokens`
// is given it receives every token of the source, hidden ones included (empty
// when the source could not be tokenised).
std::unique_ptr<ast::File> parse(const SourceFile& src, DiagnosticSink& diags, std::vector<Token>* tokens = nullptr);

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
std::string token_display_name(size_t token_type, KeywordSet set = KeywordSet::English);

}  // namespace award
