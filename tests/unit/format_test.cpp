// `award fmt`: over every .award file of the repository it must be idempotent,
// keep every comment beside the token it followed, keep every text byte for
// byte, and leave the compiled IR (or the diagnostics) unchanged.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/format.h"
#include "compiler/ir_json.h"
#include "compiler/parse.h"
#include "support.h"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every .award file the project holds: policies, the vocabulary, test inputs.
std::vector<fs::path> award_files() {
  std::vector<fs::path> out;
  for (const char* dir : {"policies", "stdlib", "tests", "examples"}) {
    fs::path root = fs::path(AWARD_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.path().extension() == ".award" &&
          e.path().string().find("node_modules") == std::string::npos)
        out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string format_text(const std::string& path, const std::string& text) {
  SourceFile src(path, text);
  DiagnosticSink d;
  auto out = format_source(src, d);
  INFO(path);
  REQUIRE(out);
  return *out;
}

std::string without_space(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// The IR without what the layout may change: source positions, and the rules'
// spelling (shown by --explain) compared without white space.
nlohmann::ordered_json comparable_ir(const CompileResult& r) {
  auto j = ir_to_json(*r.policy);
  for (auto& rule : j["rules"]) {
    rule.erase("loc");
    rule["source"] = without_space(rule["source"].get<std::string>());
  }
  return j;
}

// Diagnostics without positions, for files that do not compile.
std::vector<std::string> messages(const CompileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted()) out.push_back(std::string(code_name(d.code)) + " " + d.message);
  return out;
}

std::vector<Token> tokens_of(const SourceFile& src) {
  std::vector<Token> tokens;
  DiagnosticSink d;
  parse(src, d, &tokens);
  return tokens;
}

// Each comment with the token before it and whether it shared that token's line.
std::vector<std::string> comment_places(const SourceFile& src) {
  std::vector<std::string> out;
  std::string_view before = "<start>";
  bool newline = true;
  for (const Token& t : tokens_of(src)) {
    if (t.kind == Token::Kind::Space) {
      if (t.text().find('\n') != std::string_view::npos) newline = true;
    } else if (t.kind == Token::Kind::LineComment || t.kind == Token::Kind::BlockComment) {
      std::string_view c = t.text();
      while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
      out.push_back(std::string(c) + (newline ? " on its own line after " : " after ") + std::string(before));
      before = c;
      newline = false;
    } else {
      before = t.text();
      newline = false;
    }
  }
  return out;
}

std::vector<std::string> texts_of(const SourceFile& src) {
  std::vector<std::string> out;
  for (const Token& t : tokens_of(src))
    if (t.kind == Token::Kind::String || t.kind == Token::Kind::TextBlock) out.emplace_back(t.text());
  return out;
}

}  // namespace

TEST_CASE("fmt round-trips every .award file: idempotent, same IR, same comments, same texts", "[fmt]") {
  size_t formatted = 0, ir_equal = 0, not_parsing = 0;
  for (const auto& path : award_files()) {
    INFO(path.lexically_relative(AWARD_SOURCE_DIR).string());
    {
      std::string text = slurp(path);
      SourceFile src(path.string(), text);
      DiagnosticSink d;
      auto once = format_source(src, d);
      if (!once) {
        // Only a file the parser rejects may be refused: a syntax error
        // (E1xx) or a policy id written with spaces (E406).
        ++not_parsing;
        CHECK(d.has_errors());
        for (const auto& diag : d.all()) {
          std::string code = code_name(diag.code);
          CHECK((code[1] == '1' || code == "E406"));
        }
        continue;
      }
      ++formatted;
      SourceFile out(path.string(), *once);
      CHECK(format_text(path.string(), *once) == *once);
      CHECK(comment_places(out) == comment_places(src));
      CHECK(texts_of(out) == texts_of(src));

      CompileResult a = compile_source(path.string(), text);
      CompileResult b = compile_source(path.string(), *once);
      CHECK(a.ok() == b.ok());
      if (a.ok() && b.ok()) {
        CHECK(comparable_ir(a) == comparable_ir(b));
        ++ir_equal;
      } else {
        CHECK(messages(a) == messages(b));
      }
    }
  }
  // The repository has the 大庆 policy, its Chinese-keyword twin, the
  // vocabulary and the golden inputs; most of them must have been formatted.
  CHECK(formatted >= 10);
  WARN(formatted << " files formatted (" << ir_equal << " with IR compared), " << not_parsing << " refused");
}

// The same tokens with other white space between them: each run of white
// space becomes one of a few spellings in turn (a line comment keeps a line
// break after it).
std::string respaced(const SourceFile& src) {
  static const char* kSpaces[] = {" ", "\n", "  \n\n\t", "\t", " \r\n  "};
  std::string out;
  size_t n = 0;
  bool after_line_comment = false;
  for (const Token& t : tokens_of(src)) {
    if (t.kind == Token::Kind::Space) {
      std::string s = kSpaces[n++ % std::size(kSpaces)];
      if (after_line_comment && s.find('\n') == std::string::npos) s = "\n";
      out += s;
    } else {
      out += t.text();
    }
    after_line_comment = t.kind == Token::Kind::LineComment;
  }
  return out;
}

TEST_CASE("fmt gives the same meaning and a stable layout whatever the white space", "[fmt]") {
  size_t respaced_files = 0;
  for (const auto& path : award_files()) {
    INFO(path.lexically_relative(AWARD_SOURCE_DIR).string());
    std::string text = slurp(path);
    SourceFile src(path.string(), text);
    DiagnosticSink d;
    if (!format_source(src, d)) continue;
    std::string variant = respaced(src);
    SourceFile vsrc(path.string(), variant);
    DiagnosticSink vd;
    auto once = format_source(vsrc, vd);
    REQUIRE(once);
    CHECK(format_text(path.string(), *once) == *once);
    SourceFile out(path.string(), *once);
    CHECK(texts_of(out) == texts_of(src));
    CompileResult a = compile_source(path.string(), text);
    CompileResult b = compile_source(path.string(), *once);
    CHECK(a.ok() == b.ok());
    if (a.ok() && b.ok()) CHECK(comparable_ir(a) == comparable_ir(b));
    ++respaced_files;
  }
  CHECK(respaced_files >= 10);
}

TEST_CASE("fmt lays out comments in awkward places as tests/fmt/comments.expected says", "[fmt]") {
  fs::path dir = fs::path(AWARD_SOURCE_DIR) / "tests" / "fmt";
  std::string expected = slurp(dir / "comments.expected");
  REQUIRE(!expected.empty());
  CHECK(format_text("comments.award", slurp(dir / "comments.award")) == expected);
}

TEST_CASE("the 大庆 policies are in the canonical layout", "[fmt]") {
  for (const char* name : {"policies/daqing-2018.award", "policies/daqing-2018-zh.award"}) {
    std::string text = slurp(source_path(name));
    INFO(name);
    CHECK(format_text(name, text) == text);
  }
}

TEST_CASE("fmt keeps a file's keyword set and its text blocks byte for byte", "[fmt]") {
  std::string zh =
      "政策 t-1 \"测试\" { issuer \"x\" }\n引用 applicant\n"
      "条款 第一条 \"\" {   奖项 quality \"质量奖\" 适用于 organization { cycle 1 年 } }\n"
      "条款 第十条 \"\"\"\n   （一）原文，  两个空格\t与制表符  \n\"\"\" {\n"
      "项 （一） \"x\" { 要求 region == \"大庆市\"   并且 legal_person }}\n";
  std::string out = format_text("zh.award", zh);
  CHECK(out.find("奖项 quality \"质量奖\" 适用于 organization {") != std::string::npos);
  CHECK(out.find("    要求 region == \"大庆市\" 并且 legal_person\n") != std::string::npos);
  CHECK(out.find("\"\"\"\n   （一）原文，  两个空格\t与制表符  \n\"\"\" {") != std::string::npos);
}

TEST_CASE("fmt refuses a file that does not parse and says why", "[fmt]") {
  SourceFile src("bad.award", "policy x \"t\" {}\narticle 第一条 { require }\n");
  DiagnosticSink d;
  CHECK_FALSE(format_source(src, d));
  REQUIRE(d.has_errors());
  CHECK(std::string(code_name(d.all().front().code)) == "E100");
}

TEST_CASE("fmt keeps a byte-order mark and reads the tokens after it in their places", "[fmt]") {
  std::string bom = "\xEF\xBB\xBF";
  std::string out = format_text("bom.award", bom + "policy  x \"t\" {}\r\nuse applicant\r\n");
  CHECK(out == bom + "policy x \"t\" {}\n\nuse applicant\n");
}
