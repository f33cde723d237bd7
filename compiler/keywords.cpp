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

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The keyword whose canonical English spelling is the longest whole word at
// `at`; its length goes to `len`. Messages write keywords canonically
// (`5 years`), so another spelling is a name: `year` is the function year(date).
const Row* english_keyword_at(std::string_view s, size_t at, size_t& len) {
  const Row* best = nullptr;
  len = 0;
  for (const Row& r : kRows) {
    std::string_view spelling = r.english;
    size_t n = spelling.size();
    if (n > len && s.substr(at, n) == spelling && (at + n == s.size() || !word_char(s[at + n]))) {
      best = &r;
      len = n;
    }
  }
  return best;
}

}  // namespace

std::string code_in(std::string_view code, KeywordSet set) {
  if (set == KeywordSet::English) return std::string(code);
  std::string out;
  for (size_t i = 0; i < code.size();) {
    size_t len = 0;
    const Row* k = (i == 0 || !word_char(code[i - 1])) ? english_keyword_at(code, i, len) : nullptr;
    if (k) {
      out += k->chinese;
      i += len;
    } else {
      out += code[i++];
    }
  }
  return out;
}

std::string code_spans_in(std::string_view message, KeywordSet set) {
  if (set == KeywordSet::English) return std::string(message);
  std::string out;
  size_t from = 0;
  for (size_t open; (open = message.find('`', from)) != std::string_view::npos;) {
    size_t close = message.find('`', open + 1);
    if (close == std::string_view::npos) break;
    out.append(message, from, open + 1 - from);
    out += code_in(message.substr(open + 1, close - open - 1), set);
    out += '`';
    from = close + 1;
  }
  out.append(message, from);
  return out;
}

CodeRewriter code_rewriter_for(KeywordSet set) {
  if (set == KeywordSet::English) return nullptr;
  return [](std::string_view format) { return code_spans_in(format, KeywordSet::Chinese); };
}

}  // namespace award
