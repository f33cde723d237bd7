// Keywords in two languages: the table generated from the grammar, the lexer's
// longest match against Chinese names, and one keyword set per file (E107).
#include <fstream>
#include <sstream>

#include "compiler/keywords.h"
#include "compiler/parse.h"
#include "support.h"

using namespace award;
using namespace award::test;

namespace {

struct Lexed {
  std::unique_ptr<SourceFile> src;
  DiagnosticSink diags;
  std::vector<Token> tokens;
};

std::unique_ptr<Lexed> lex(const std::string& text) {
  auto l = std::make_unique<Lexed>();
  l->src = std::make_unique<SourceFile>("t.award", text);
  parse(*l->src, l->diags, &l->tokens);
  return l;
}

// The visible tokens as `kind:text`, k for a keyword and n for a name.
std::vector<std::string> shape(const Lexed& l) {
  std::vector<std::string> out;
  for (const Token& t : l.tokens) {
    if (t.hidden) continue;
    const char* k = t.kind == Token::Kind::Keyword ? "k:" : t.kind == Token::Kind::Name ? "n:" : "";
    out.push_back(k + std::string(t.text()));
  }
  return out;
}

std::string rendered_sink(const DiagnosticSink& d) {
  std::string out;
  for (const auto& x : d.sorted()) out += render(x);
  return out;
}

const std::string kHeaderZh = "政策 t-1 \"测试\" { issuer \"x\" }\n引用 applicant\n";

}  // namespace

TEST_CASE("the keyword table comes from the grammar, each keyword in both languages", "[keywords]") {
  REQUIRE(keywords().size() >= 50);
  const Keyword* req = keyword_by_rule("K_REQUIRE");
  REQUIRE(req);
  CHECK(req->english == "require");
  CHECK(req->chinese == "要求");
  const Keyword* years = keyword_by_rule("K_YEARS");
  REQUIRE(years);
  CHECK(keyword_set_of(*years, "year") == KeywordSet::English);
  CHECK(keyword_set_of(*years, "年") == KeywordSet::Chinese);
  std::set<std::string_view> zh;
  for (const auto& k : keywords()) {
    INFO(k.rule);
    CHECK(!k.english.empty());
    CHECK(!k.chinese.empty());
    CHECK(zh.insert(k.chinese).second);  // no two keywords share a Chinese spelling
  }
}

TEST_CASE("a Chinese keyword is a whole word: names that contain one stay names", "[keywords]") {
  auto l = lex(kHeaderZh + "条款 第十条 \"\" { 要求 在职人数 >= 3 并且 不良记录数 == 0 并且 年度 是 已填 }\n");
  INFO(rendered_sink(l->diags));
  CHECK_FALSE(l->diags.has_errors());
  auto s = shape(*l);
  auto has = [&](const std::string& x) { return std::find(s.begin(), s.end(), x) != s.end(); };
  CHECK(has("k:要求"));
  CHECK(has("n:在职人数"));
  CHECK(has("n:不良记录数"));
  CHECK(has("n:年度"));
  CHECK(has("k:是"));
  CHECK(has("k:已填"));
}

TEST_CASE("a keyword glued to a name is one name; the error says to add a space", "[keywords][diagnostics]") {
  auto l = lex(kHeaderZh + "条款 第十条 \"\" { 要求注册地 == \"大庆市\" }\n");
  REQUIRE(l->diags.has_errors());
  auto all = l->diags.sorted();
  const Diagnostic& d = all.front();
  CHECK(std::string(code_name(d.code)) == "E100");
  CHECK(d.hint == "`要求` is a keyword only when a space follows it: write `要求 注册地`");
}

TEST_CASE("a Chinese keyword in an English file is E107, naming it and the English spelling", "[keywords][diagnostics]") {
  auto l = lex("policy t-1 \"t\" { issuer \"x\" }\nuse applicant\narticle 第十条 \"\" {\n"
               "  require legal_person 并且 region == \"大庆市\"\n  exclude 存在 incidents\n}\n");
  auto all = l->diags.sorted();
  REQUIRE(all.size() == 1);  // one diagnostic, at the first keyword of the other set
  CHECK(std::string(code_name(all[0].code)) == "E107");
  CHECK(all[0].range.text() == "并且");
  CHECK(all[0].message == "Chinese keyword `并且` in a file written with English keywords");
  CHECK(all[0].hint == "a file uses one set of keywords: write `and`");
  REQUIRE(all[0].notes.size() == 1);
  CHECK(all[0].notes[0].range.text() == "policy");
}

TEST_CASE("an English keyword in a Chinese file is E107", "[keywords][diagnostics]") {
  auto l = lex(kHeaderZh + "条款 第十条 \"\" { 要求 legal_person and region == \"大庆市\" }\n");
  auto all = l->diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(std::string(code_name(all[0].code)) == "E107");
  CHECK(all[0].range.text() == "and");
  CHECK(all[0].hint == "a file uses one set of keywords: write `并且`");
}

TEST_CASE("vocabulary names spelled like English keywords are names, not keywords, in a Chinese file",
          "[keywords]") {
  // `year` (annual_results.year) is a soft keyword standing where a name stands.
  auto l = lex(kHeaderZh + "条款 第十条 \"\" { 要求 所有 annual_results 满足 year >= 2020 }\n");
  INFO(rendered_sink(l->diags));
  CHECK_FALSE(l->diags.has_errors());
  auto s = shape(*l);
  CHECK(std::find(s.begin(), s.end(), "n:year") != s.end());
}

TEST_CASE("docs/language.md lists every keyword in both spellings", "[keywords][docs]") {
  std::ifstream in(source_path("docs/language.md"));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  for (const auto& k : keywords()) {
    std::string cell = "| `" + std::string(k.english) + "` | `" + std::string(k.chinese) + "` |";
    INFO(cell);
    CHECK(doc.find(cell) != std::string::npos);
  }
}
