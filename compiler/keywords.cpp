#include "compiler/keywords.h"

#include <array>

#include "keywords_gen.h"

namespace award {

namespace {

// Each generated row also lists the other English spellings; only the
// canonical ones are kept here.
struct Row {
  const char* rule;
  const char* english;
  const char* chinese;
  std::array<const char*, 4> others;
};
constexpr Row kRows[] = {AWARD_KEYWORD_ROWS};

constexpr auto kTable = [] {
  std::array<Keyword, std::size(kRows)> t{};
  for (size_t i = 0; i < std::size(kRows); ++i) t[i] = Keyword{kRows[i].rule, kRows[i].english, kRows[i].chinese};
  return t;
}();

}  // namespace

std::span<const Keyword> keywords() { return kTable; }

const Keyword* keyword_by_rule(std::string_view rule) {
  for (const auto& k : kTable)
    if (k.rule == rule) return &k;
  return nullptr;
}

KeywordSet keyword_set_of(const Keyword& k, std::string_view s) {
  return s == k.chinese ? KeywordSet::Chinese : KeywordSet::English;
}

std::string_view spelling(const Keyword& k, KeywordSet set) {
  return set == KeywordSet::Chinese ? k.chinese : k.english;
}

}  // namespace award
