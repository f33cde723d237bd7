// The keyword table, generated from the keyword block of grammar/AwardLexer.g4
// (cmake/Keywords.cmake): every keyword's canonical English and Chinese
// spelling. The formatter, the language server and the documentation read it
// here, so the grammar stays the one place a keyword is spelled.
#pragma once

#include <span>
#include <string_view>

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

}  // namespace award
