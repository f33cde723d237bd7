// The keyword table, generated from the keyword block of grammar/AwardLexer.g4
// (cmake/Keywords.cmake): every keyword's canonical English and Chinese
// spelling. The formatter, the language server and the documentation read it
// here, so the grammar stays the one place a keyword is spelled.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "runtime/messages.h"

namespace award {

enum class KeywordSet { English, Chinese };

struct Keyword {
  std::string_view rule;     // K_REQUIRE
  std::string_view english;  // require (the canonical English spelling)
  std::string_view chinese;  // 要求
};

std::span<const Keyword> keywords();
// The keyword of a lexer rule name (K_REQUIRE), or null.
const Keyword* keyword_by_rule(std::string_view rule);
// Which set a keyword token's spelling belongs to: the Chinese spelling is the
// rule's last one, every other spelling (years, year) is English.
KeywordSet keyword_set_of(const Keyword& k, std::string_view spelling);
std::string_view spelling(const Keyword& k, KeywordSet set);

// Code written with English keywords, as messages give their examples
// (`ban 5 years`), in the keywords of `set`: every keyword's canonical English
// spelling that stands as a whole word becomes the set's (`ban 5 年`); other
// words are names and stay (`year`, the function). English: the code as it is.
std::string code_in(std::string_view code, KeywordSet set);
// The same for each `…` span of a message; the words outside stay.
std::string code_spans_in(std::string_view message, KeywordSet set);
// What tr() is to do to the code of messages about a file written with `set`
// (install it with CodeKeywords); null for English, the catalogue's own.
CodeRewriter code_rewriter_for(KeywordSet set);

}  // namespace award
