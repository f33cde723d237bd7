// Golden files: tests/golden/<case>/input.award beside expected.txt, the
// diagnostics `award check` prints for it. Adding a case is adding a folder.
// A case may also hold expected.zh.txt, the same diagnostics in Chinese
// (`--lang zh`). With AWARD_UPDATE_GOLDEN=1 the expected files that exist are
// rewritten, to be reviewed in the diff before they are committed.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/messages.h"
#include "support.h"

using namespace award;
namespace fs = std::filesystem;

TEST_CASE("golden diagnostics", "[golden][diagnostics]") {
  fs::path root = fs::path(AWARD_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 10);
  bool update = std::getenv("AWARD_UPDATE_GOLDEN") != nullptr;
  for (const auto& dir : cases) {
    for (auto [lang, name] : {std::pair{Lang::En, "expected.txt"}, std::pair{Lang::Zh, "expected.zh.txt"}}) {
      fs::path expected_path = dir / name;
      if (lang == Lang::Zh && !fs::exists(expected_path)) continue;
      DYNAMIC_SECTION(dir.filename().string() << "/" << name) {
        std::ifstream in(dir / "input.award", std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        Lang saved = language();
        set_language(lang);
        // the path as a user would type it from the case folder
        CompileResult r = compile_source("input.award", ss.str());
        std::string actual;
        for (const auto& d : r.diags.sorted()) actual += render(d);
        set_language(saved);
        actual += r.diags.has_errors() ? "result: errors\n" : "result: clean\n";
        if (update) {
          std::ofstream(expected_path, std::ios::binary) << actual;
        }
        std::ifstream ex(expected_path, std::ios::binary);
        INFO("no " << expected_path.string() << "; run with AWARD_UPDATE_GOLDEN=1 and review it");
        REQUIRE(ex.good());
        std::stringstream es;
        es << ex.rdbuf();
        CHECK(actual == es.str());
      }
    }
  }
}
