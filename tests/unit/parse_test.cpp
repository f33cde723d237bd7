// The parser front end: the owned tree it builds, and the syntax errors it
// reports (all of them, each with a place).
#include "compiler/parse.h"
#include "support.h"

using namespace award;
using namespace award::test;

namespace {
std::unique_ptr<ast::File> parse_text(const std::string& text, DiagnosticSink& d, std::unique_ptr<SourceFile>& keep) {
  keep = std::make_unique<SourceFile>("t.award", text);
  return parse(*keep, d);
}
}  // namespace

TEST_CASE("a policy header, an article with items and rules becomes an owned tree", "[parse]") {
  DiagnosticSink d;
  std::unique_ptr<SourceFile> src;
  auto f = parse_text(R"(policy daqing-2018 "大庆" { issuer "市政府" in_force 2018-11-01 }
use applicant
article 第十条 "企业和组织……" {
  item (一) "登记注册" { require legal_person  exclude any incidents where liable }
  item （二） "核心技术" { judgement core_technology "掌握核心技术" }
})", d, src);
  REQUIRE_FALSE(d.has_errors());
  CHECK(f->kind == ast::File::Kind::Policy);
  CHECK(f->name.text == "daqing-2018");
  REQUIRE(f->meta.size() == 2);
  CHECK(f->meta[1].key.text == "in_force");
  REQUIRE(f->uses.size() == 1);
  REQUIRE(f->articles.size() == 1);
  const auto& a = f->articles[0];
  CHECK(a.label == "第十条");
  REQUIRE(a.members.size() == 2);
  // ASCII and full-width item labels are the same label
  CHECK(a.members[0].item->label == "（一）");
  CHECK(a.members[1].item->label == "（二）");
  REQUIRE(a.members[0].item->members.size() == 2);
  CHECK(a.members[0].item->members[0].stmt->kind == ast::StmtKind::Require);
  CHECK(a.members[0].item->members[1].stmt->kind == ast::StmtKind::Exclude);
  CHECK(a.members[0].item->members[1].stmt->body->kind == ast::ExprKind::Any);
  CHECK(a.members[1].item->members[0].stmt->name.text == "core_technology");
  // every node carries its source range
  CHECK(a.label_range.text() == "第十条");
}

TEST_CASE("operators bind as documented: and over or, where-clauses to the end", "[parse]") {
  DiagnosticSink d;
  std::unique_ptr<SourceFile> src;
  auto f = parse_text("article A \"\" { require a or b and not c  require any xs where p and q  require today - d >= 3 years }", d, src);
  REQUIRE_FALSE(d.has_errors());
  const auto& ms = f->articles[0].members;
  const ast::Expr& e = *ms[0].stmt->body;
  REQUIRE(e.kind == ast::ExprKind::Binary);
  CHECK(e.op == ast::BinOp::Or);
  CHECK(e.args[1]->op == ast::BinOp::And);
  CHECK(e.args[1]->args[1]->kind == ast::ExprKind::Not);
  const ast::Expr& q = *ms[1].stmt->body;
  REQUIRE(q.kind == ast::ExprKind::Any);
  CHECK(q.args[1]->op == ast::BinOp::And);  // the where-clause holds `p and q`
  const ast::Expr& c = *ms[2].stmt->body;
  CHECK(c.op == ast::BinOp::Ge);
  CHECK(c.args[0]->op == ast::BinOp::Sub);
  CHECK(c.args[1]->kind == ast::ExprKind::Duration);
  CHECK(c.args[1]->unit == ast::DurationUnit::Years);
}

TEST_CASE("every syntax error of a file is reported, each with its line and column", "[parse][diagnostics]") {
  auto r = compile_source("t.award", "policy p \"x\" { }\narticle A \"\" {\n  require )\n  require region ==\n}\n");
  auto c = codes(r);
  REQUIRE(c.size() >= 2);
  CHECK(c[0] == "E100");
  std::string out = rendered(r);
  CHECK_THAT(out, Catch::Contains("t.award:3:11: error[E100]: unexpected `)`"));
  CHECK_THAT(out, Catch::Contains("t.award:5:1: error[E100]"));
  CHECK_THAT(out, Catch::Contains("    3 |   require )"));
  CHECK_THAT(out, Catch::Contains("      |           ^"));
}

TEST_CASE("an unterminated string is its own error", "[parse][diagnostics]") {
  auto r = compile_source("t.award", "policy p \"x\" { issuer \"unfinished }\n");
  REQUIRE(codes(r) == std::vector<std::string>{"E101"});
  CHECK_THAT(rendered(r), Catch::Contains("t.award:1:23: error[E101]: unterminated string"));
}

TEST_CASE("an unterminated text block is named as such", "[parse][diagnostics]") {
  auto r = compile_source("t.award", "article 第一条 \"\"\"\n  text that never ends\n");
  REQUIRE(codes(r) == std::vector<std::string>{"E101"});
  CHECK_THAT(rendered(r), Catch::Contains("unterminated text block"));
}

TEST_CASE("text that is not UTF-8 is refused, and GBK is recognised", "[parse][diagnostics]") {
  // 大庆 in GBK: B4 F3 C7 EC
  auto r = compile_source("gbk.award", "policy p \"\xB4\xF3\xC7\xEC\" { }\n");
  REQUIRE(codes(r) == std::vector<std::string>{"E103"});
  CHECK_THAT(rendered(r), Catch::Contains("not valid UTF-8"));
  CHECK_THAT(rendered(r), Catch::Contains("GBK"));
  auto bin = compile_source("bin.award", std::string("\x7f" "ELF\0\0\1", 7));
  REQUIRE(codes(bin) == std::vector<std::string>{"E103"});
  CHECK_THAT(rendered(bin), Catch::Contains("binary"));
}

TEST_CASE("a byte order mark is not content", "[parse]") {
  auto r = compile_source("bom.award", "\xEF\xBB\xBF" + policy_with(""));
  CHECK(r.ok());
}

TEST_CASE("nesting deeper than the limit is a clear error, not a stack overflow", "[parse][diagnostics]") {
  std::string deep = "article A \"\" { require " + std::string(10000, '(') + "true" + std::string(10000, ')') + " }";
  auto r = compile_source("deep.award", deep);
  REQUIRE(codes(r) == std::vector<std::string>{"E104"});
  std::string nots = "article A \"\" { require ";
  for (int i = 0; i < 10000; ++i) nots += "not ";
  nots += "true }";
  auto r2 = compile_source("nots.award", nots);
  REQUIRE(codes(r2) == std::vector<std::string>{"E104"});
}

TEST_CASE("a source over the size limit is refused before parsing", "[parse][diagnostics]") {
  std::string big = "// " + std::string(kMaxSourceBytes, 'x') + "\n";
  auto r = compile_source("big.award", big);
  REQUIRE(codes(r) == std::vector<std::string>{"E105"});
}

TEST_CASE("a keyword used as a name is a syntax error that says what was expected", "[parse][diagnostics]") {
  auto r = compile_source("kw.award", policy_with("article 第二条 \"\" { require require }"));
  REQUIRE_FALSE(r.ok());
  CHECK(codes(r)[0] == "E100");
  CHECK_THAT(rendered(r), Catch::Contains("unexpected `require`"));
}

TEST_CASE("a policy id is written without spaces", "[parse][diagnostics]") {
  auto r = compile_source("t.award", "policy daqing - 2018 \"x\" { }\n");
  REQUIRE(codes(r) == std::vector<std::string>{"E406"});
  CHECK_THAT(rendered(r), Catch::Contains("write `daqing-2018`"));
}
