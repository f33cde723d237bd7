// policies/daqing-2018-zh.award is the 大庆 measure written with the Chinese
// keywords. It must mean exactly what the English file means: the same IR
// (source positions, the rules' spelling and the policy id aside) and the same
// verdicts for every example record.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/ir_json.h"
#include "support.h"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

nlohmann::ordered_json meaning(const ir::Policy& p) {
  auto j = ir_to_json(p);
  j.erase("policy");
  for (auto& rule : j["rules"]) {
    rule.erase("loc");
    rule.erase("source");  // the rule as written, in the file's keywords
  }
  return j;
}

}  // namespace

TEST_CASE("the Chinese-keyword 大庆 policy compiles to the English one's IR", "[zh][policy]") {
  CompileResult en = compile_file(source_path("policies/daqing-2018.award"));
  CompileResult zh = compile_file(source_path("policies/daqing-2018-zh.award"));
  INFO(rendered(en) << rendered(zh));
  REQUIRE(en.ok());
  REQUIRE(zh.ok());
  CHECK(zh.policy->id == "daqing-2018-zh");
  auto a = meaning(*en.policy), b = meaning(*zh.policy);
  CHECK(a["rules"].size() >= 10);
  CHECK(a["tests"].size() == b["tests"].size());
  CHECK(a == b);
}

TEST_CASE("the Chinese-keyword 大庆 policy gives every example record the English one's verdicts", "[zh][policy]") {
  Harness en = Harness::from_file("policies/daqing-2018.award");
  Harness zh = Harness::from_file("policies/daqing-2018-zh.award");
  size_t compared = 0;
  for (const auto& e : fs::directory_iterator(source_path("examples"))) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    for (const char* award : {"quality", "nomination"}) {
      for (const char* on : {"2019-06-30", "2024-06-30"}) {
        INFO(e.path().filename().string() << " " << award << " on " << on);
        Evaluation x = en.eval(ss.str(), on, award);
        Evaluation y = zh.eval(ss.str(), on, award);
        CHECK(x.verdict == y.verdict);
        CHECK(x.failed == y.failed);
        CHECK(x.unknown == y.unknown);
        CHECK(x.missing == y.missing);
        ++compared;
      }
    }
  }
  CHECK(compared >= 4 * 6);
}
