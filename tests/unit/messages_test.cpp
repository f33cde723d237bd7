// The message catalogue (runtime/messages.h): every text in both languages,
// taking the same arguments; the language chosen from the locale; and every
// diagnostic of the sources taking its words from the catalogue, so that one
// added later in English alone is named here instead of printing English in a
// Chinese run.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <fmt/args.h>
#include <sstream>

#include "runtime/messages.h"
#include "support.h"

using namespace award;
namespace fs = std::filesystem;

namespace {

// The number of replacement fields of a format string; {{ and }} are braces.
size_t placeholders(std::string_view f) {
  size_t n = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '{' && i + 1 < f.size() && f[i + 1] == '{') { ++i; continue; }
    if (f[i] == '{') ++n;
  }
  return n;
}

// English prose outside `code` and {fields}: a text with it must have Chinese
// words of its own, not a copy of the English.
bool has_prose(std::string_view f) {
  bool code = false;
  int field = 0;
  for (char c : f) {
    if (c == '`') code = !code;
    else if (c == '{') ++field;
    else if (c == '}') field = field > 0 ? field - 1 : 0;
    else if (!code && !field && std::isalpha(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Fills a format string with n arguments; throws fmt::format_error when it
// names one beyond them or is malformed.
std::string fill(const char* f, size_t n) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (size_t i = 0; i < n; ++i) args.push_back(fmt::format("<{}>", i));
  return fmt::vformat(f, args);
}

struct LanguageGuard {
  Lang saved = language();
  ~LanguageGuard() { set_language(saved); }
};

}  // namespace

TEST_CASE("every message has English and Chinese taking the same arguments", "[messages]") {
  REQUIRE(all_messages().size() > 100);
  for (const MessageText& m : all_messages()) {
    INFO("message " << m.id << ": \"" << m.en << "\" / \"" << m.zh << "\"");
    CHECK(*m.en != '\0');
    CHECK(*m.zh != '\0');
    CHECK(placeholders(m.en) == placeholders(m.zh));
    if (has_prose(m.en)) CHECK(std::string(m.en) != m.zh);
    size_t n = placeholders(m.en);
    std::string en, zh;
    CHECK_NOTHROW(en = fill(m.en, n));
    CHECK_NOTHROW(zh = fill(m.zh, n));
    // every argument appears in both: the Chinese may reorder, not drop
    for (size_t i = 0; i < n; ++i) {
      std::string arg = fmt::format("<{}>", i);
      CHECK(en.find(arg) != std::string::npos);
      CHECK(zh.find(arg) != std::string::npos);
    }
  }
}

TEST_CASE("a message missing its Chinese prints its English, not nothing", "[messages]") {
  // the table has none missing (the test above fails on one), but a merge may
  // bring one before its Chinese is written
  const MessageText english_only{"new_message", "rank {} is given twice", ""};
  CHECK(std::string(message_format(english_only, Lang::Zh)) == "rank {} is given twice");
  CHECK(std::string(message_format(english_only, Lang::En)) == "rank {} is given twice");
  // and the table's entries are found by their Msg
  for (const MessageText& m : all_messages()) {
    auto id = static_cast<Msg>(&m - all_messages().data());
    CHECK(std::string(message_format(id, Lang::En)) == m.en);
    CHECK(std::string(message_format(id, Lang::Zh)) == m.zh);
  }
  LanguageGuard guard;
  set_language(Lang::Zh);
  CHECK(tr(Msg::unknown_fact, "x") == "未知的事实“x”");
  set_language(Lang::En);
  CHECK(tr(Msg::unknown_fact, "x") == "unknown fact `x`");
}

TEST_CASE("the language: --lang values and the locale", "[messages]") {
  CHECK(parse_language("zh") == Lang::Zh);
  CHECK(parse_language("en") == Lang::En);
  CHECK_FALSE(parse_language("fr").has_value());
  CHECK_FALSE(parse_language("ZH").has_value());
  CHECK_FALSE(parse_language("").has_value());
  // LC_ALL, then LC_MESSAGES, then LANG; the first set and not empty decides
  CHECK(language_from_locale(nullptr, nullptr, "zh_CN.UTF-8") == Lang::Zh);
  CHECK(language_from_locale(nullptr, nullptr, "C") == Lang::En);
  CHECK(language_from_locale(nullptr, nullptr, nullptr) == Lang::En);
  CHECK(language_from_locale("C.UTF-8", nullptr, "zh_CN.UTF-8") == Lang::En);
  CHECK(language_from_locale("", "zh_TW.UTF-8", "en_US.UTF-8") == Lang::Zh);
  CHECK(language_from_locale("", "", "zh") == Lang::Zh);
  CHECK(language_from_locale("en_US.UTF-8", "zh_CN.UTF-8", nullptr) == Lang::En);
}

TEST_CASE("a diagnostic speaks the language it is made in", "[messages][diagnostics]") {
  LanguageGuard guard;
  const std::string src = "policy g-1 \"golden\" { }\nuse applicant\narticle 第一条 \"\" {\n"
                          "  award quality \"质量奖\" for organization\n  require registred_on <= today\n}\n";
  set_language(Lang::En);
  std::string en = test::rendered(compile_source("a.award", src));
  set_language(Lang::Zh);
  std::string zh = test::rendered(compile_source("a.award", src));
  CHECK(en.find("error[E200]: unknown fact `registred_on`") != std::string::npos);
  CHECK(en.find("  hint: did you mean `registered_on`?") != std::string::npos);
  CHECK(zh.find("error[E200]: 未知的事实“registred_on”") != std::string::npos);
  CHECK(zh.find("  hint: 是否应为“registered_on”？") != std::string::npos);
  // the place, the source line and the caret do not change
  auto tail = [](const std::string& s) { return s.substr(s.find('\n')); };
  CHECK(en.substr(0, en.find("error")) == zh.substr(0, zh.find("error")));
  CHECK(tail(en).substr(0, tail(en).find("hint")) == tail(zh).substr(0, tail(zh).find("hint")));
}

// --- Every diagnostic takes its words from the catalogue --------------------
//
// A call `….error(Code::…, RANGE, MESSAGE, HINT)` or `….warning(…)`, and a note
// `notes.push_back({RANGE, MESSAGE})`, whose MESSAGE or HINT writes English
// itself (a string literal or fmt::format outside tr(…)) is named here with
// its file and line. A message passed in a variable is not seen; the variable
// is then to be filled with tr(…) too.

namespace {

// The arguments of the call (or braced list) opening at `open`, split at top-level commas,
// skipping string and character literals.
std::vector<std::string> call_arguments(const std::string& s, size_t open) {
  std::vector<std::string> args(1);
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != c) j += s[j] == '\\' ? 2 : 1;
      if (depth > 0) args.back() += s.substr(i, j + 1 - i);
      i = j;
      continue;
    }
    if (c == '(' || c == '{' || c == '[') {
      if (depth++ == 0) continue;
    } else if (c == ')' || c == '}' || c == ']') {
      if (--depth == 0) return args;
    } else if (c == ',' && depth == 1) {
      args.emplace_back();
      continue;
    }
    args.back() += c;
  }
  return args;
}

// The text of an argument with every tr(…) call removed.
std::string outside_tr(const std::string& a) {
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a.compare(i, 3, "tr(") == 0 && (i == 0 || !(std::isalnum(static_cast<unsigned char>(a[i - 1])) || a[i - 1] == '_'))) {
      int depth = 0;
      for (size_t j = i + 2; j < a.size(); ++j) {
        if (a[j] == '"') { do ++j; while (j < a.size() && a[j] != '"'); continue; }
        if (a[j] == '(') ++depth;
        if (a[j] == ')' && --depth == 0) { i = j; break; }
      }
      continue;
    }
    out += a[i];
  }
  return out;
}

bool writes_english(const std::string& arg) {
  std::string rest = outside_tr(arg);
  if (rest.find("fmt::format(") != std::string::npos) return true;
  for (size_t i = rest.find('"'); i != std::string::npos; i = rest.find('"', i + 2))
    if (i + 1 < rest.size() && rest[i + 1] != '"') return true;  // a literal other than ""
  return false;
}

size_t line_of(const std::string& s, size_t at) { return 1 + std::count(s.begin(), s.begin() + at, '\n'); }

}  // namespace

TEST_CASE("every diagnostic in the sources takes its words from the catalogue", "[messages]") {
  std::vector<std::string> untranslated;
  size_t calls = 0;
  for (const char* dir : {"compiler", "runtime", "cli", "lsp"}) {
    for (const auto& e : fs::directory_iterator(fs::path(AWARD_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".cpp") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string s = ss.str();
      auto check_call = [&](const std::string& needle, size_t first_text_arg) {
        for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) {
          ++calls;
          size_t open = needle.back() == '{' ? needle.size() - 1 : needle.find('(');
          std::vector<std::string> args = call_arguments(s, at + open);
          for (size_t k = first_text_arg; k < args.size() && k < first_text_arg + 2; ++k)
            if (writes_english(args[k]))
              untranslated.push_back(fmt::format("{}/{}:{}: {}", dir, e.path().filename().string(), line_of(s, at), args[k]));
        }
      };
      check_call("error(Code::", 2);
      check_call("warning(Code::", 2);
      check_call("notes.push_back({", 1);
      check_call("notes.push_back(Note{", 1);
      check_call("set_problem(", 2);  // the facts loader's problems (runtime/facts.cpp)
    }
  }
  CHECK(calls > 70);
  INFO("diagnostics written in English alone (add an entry to runtime/messages.h and call tr()):");
  for (const auto& u : untranslated) UNSCOPED_INFO(u);
  CHECK(untranslated.empty());
}

// The command line's --help: every subcommand's, option's and flag's
// description in cli/main.cpp comes from the catalogue too. A literal with no
// lowercase letter is notation (YYYY-MM-DD), the same in both languages.
TEST_CASE("every description of the command line takes its words from the catalogue", "[messages]") {
  std::ifstream in(fs::path(AWARD_SOURCE_DIR) / "cli" / "main.cpp", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  auto prose = [](const std::string& arg) {
    std::string rest = outside_tr(arg);
    return rest.find('"') != std::string::npos &&
           std::any_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  std::vector<std::string> untranslated;
  size_t calls = 0;
  auto check_call = [&](const std::string& needle, size_t description_arg) {
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) {
      ++calls;
      std::vector<std::string> args = call_arguments(s, at + needle.size() - 1);
      if (args.size() > description_arg && prose(args[description_arg]))
        untranslated.push_back(fmt::format("cli/main.cpp:{}: {}", line_of(s, at), args[description_arg]));
    }
  };
  check_call("add_subcommand(", 1);
  check_call("add_option(", 2);
  check_call("add_flag(", 2);
  check_call("set_version_flag(", 2);
  check_call("set_help_flag(", 1);
  CHECK(calls > 50);
  INFO("descriptions written in English alone (add an entry to runtime/messages.h and call tr()):");
  for (const auto& u : untranslated) UNSCOPED_INFO(u);
  CHECK(untranslated.empty());
}

// The facts loader (runtime/facts.cpp) says what is wrong with a record through
// set_problem(error, field, Msg::…, {arguments}) alone, which fills the message in
// English and in Chinese: no problem is written there any other way.
TEST_CASE("every problem of the facts loader takes its words from the catalogue", "[messages]") {
  std::ifstream in(fs::path(AWARD_SOURCE_DIR) / "runtime/facts.cpp", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  size_t calls = 0;
  std::vector<std::string> bad;
  for (size_t at = s.find("set_problem("); at != std::string::npos; at = s.find("set_problem(", at + 1)) {
    std::vector<std::string> args = call_arguments(s, at + std::string("set_problem").size());
    if (s.compare(at - 5, 5, "void ") == 0) continue;  // its definition
    ++calls;
    std::string msg = args.size() > 2 ? args[2] : "";
    msg.erase(0, msg.find_first_not_of(" \n"));
    if (msg.rfind("Msg::", 0) != 0) bad.push_back(fmt::format("facts.cpp:{}: {}", line_of(s, at), msg));
  }
  // Any other way of setting a problem's words
  for (const char* other : {"error = {", "error.message", "LoadProblem{"})
    for (size_t at = s.find(other); at != std::string::npos; at = s.find(other, at + 1))
      bad.push_back(fmt::format("facts.cpp:{}: {}", line_of(s, at), other));
  CHECK(calls > 20);
  for (const auto& b : bad) UNSCOPED_INFO(b);
  CHECK(bad.empty());
}

// --- Problems with applicants' input and award diff's text -------------------
//
// The statements that say these (a problem handed to a callback, an error
// assigned, a diff summary, a line of text output, a message on stderr) are
// named here, file by file; one whose words are English written at the call
// site (a string literal with words in it, outside tr(…)) is reported with its
// file and line. Identifiers (`applying_for`, `outside_quota`), numbers,
// format fields and the prefixes `error:`, `warning:` and `note:` are not words.

namespace {

// Where a statement says something: a call whose arguments `args` are checked,
// or (no args) the right-hand side of an assignment, up to its `;`.
struct Site {
  std::string needle;
  std::vector<size_t> args;
};

struct SourceSites {
  std::string file;
  std::vector<Site> sites;
};

const Site kStderr{"std::fprintf(stderr,", {1}};

const std::vector<SourceSites> kInputAndDiff = {
    {"runtime/input.cpp", {{"fn(", {2}}, {"error = ", {}}}},
    {"cli/cmd_eval.cpp", {{"error_row(", {3}}, kStderr}},
    {"cli/cmd_table.cpp", {{"row.error = ", {}}, {"row.applicant = ", {}}, kStderr}},
    {"cli/cmd_rank.cpp", {{"probs.add(", {0}}, {"at(", {1}}, {"fail(", {2}}, kStderr}},
    {"cli/cmd_status.cpp", {{"fail(", {1}}, kStderr}},
    {"cli/cmd_diff.cpp", {{"out += ", {}}, {"fail(", {0}}, kStderr}},
    {"compiler/diff.cpp", {{"c.summary = ", {}}, {"Change c{", {2}}, {"Change{", {2}}, {"] = {", {0}}}},
    {"runtime/witness.cpp", {{"why = ", {}}, {"found(", {2}}}},
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether a string literal's text (escapes as written) holds an English word.
bool literal_has_words(std::string_view lit) {
  // the command's name before a usage message, as in "award eval: %s"
  if (lit.rfind("award ", 0) == 0 && lit.find(": ") != std::string_view::npos &&
      std::all_of(lit.begin() + 6, lit.begin() + static_cast<std::ptrdiff_t>(lit.find(": ")), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
    lit.remove_prefix(lit.find(": ") + 2);
  std::string t;
  for (size_t i = 0; i < lit.size(); ++i) {
    char c = lit[i];
    if (c == '\\') { ++i; t += ' '; continue; }                       // \n, \"
    if (c == '%') {                                                   // printf conversions
      while (i + 1 < lit.size() && std::strchr("-+ #0123456789.", lit[i + 1])) ++i;
      while (i + 1 < lit.size() && std::isalpha(static_cast<unsigned char>(lit[i + 1]))) ++i;
      t += ' ';
      continue;
    }
    if (c == '{') {                                                   // fmt fields
      while (i < lit.size() && lit[i] != '}') ++i;
      t += ' ';
      continue;
    }
    t += c;
  }
  for (size_t i = 0; i < t.size();) {
    if (!word_char(t[i])) { ++i; continue; }
    size_t j = i;
    bool letters_only = true;
    while (j < t.size() && (word_char(t[j]) || t[j] == '.')) letters_only &= std::isalpha(static_cast<unsigned char>(t[j++])) != 0;
    std::string w = t.substr(i, j - i);
    if (letters_only && w.size() >= 2 && w != "error" && w != "warning" && w != "note") return true;
    i = j;
  }
  return false;
}

// Whether code says English itself: a string literal with words, outside tr(…).
bool speaks_english(const std::string& code) {
  std::string rest = outside_tr(code);
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\'' && i + 1 < rest.size()) { i += rest[i + 1] == '\\' ? 3 : 2; continue; }
    if (rest[i] != '"') continue;
    size_t j = i + 1;
    while (j < rest.size() && rest[j] != '"') j += rest[j] == '\\' ? 2 : 1;
    if (literal_has_words(std::string_view(rest).substr(i + 1, j - i - 1))) return true;
    i = j;
  }
  return false;
}

// The right-hand side of the assignment starting at `at`, up to its `;`.
std::string statement_rest(const std::string& s, size_t at) {
  int depth = 0;
  for (size_t i = at; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') { do i += s[i] == '\\' ? 2 : 1; while (i < s.size() && s[i] != '"'); continue; }
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') --depth;
    if ((c == ';' && depth <= 0) || depth < 0) return s.substr(at, i - at);
  }
  return s.substr(at);
}

// Each statement of `source` at one of `sites` that speaks English, as "file:line: code".
std::vector<std::string> english_at_sites(const std::string& file, const std::string& source,
                                          const std::vector<Site>& sites, size_t& seen) {
  std::vector<std::string> out;
  for (const Site& site : sites) {
    for (size_t at = source.find(site.needle); at != std::string::npos; at = source.find(site.needle, at + 1)) {
      if (word_char(site.needle[0]) && at > 0 && (word_char(source[at - 1]) || source[at - 1] == '.')) continue;
      ++seen;
      std::vector<std::string> said;
      if (site.args.empty()) {
        said.push_back(statement_rest(source, at + site.needle.size()));
      } else {
        size_t open = site.needle.find_first_of("({");
        std::vector<std::string> args = call_arguments(source, at + open);
        for (size_t k : site.args)
          if (k < args.size()) said.push_back(args[k]);
      }
      for (const auto& code : said)
        if (speaks_english(code)) out.push_back(fmt::format("{}:{}: {}", file, line_of(source, at), code));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the scan of input problems and diff text knows English from code", "[messages]") {
  CHECK(speaks_english(R"q(fmt::format("{}: no id", where("id")))q"));
  CHECK(speaks_english(R"q(std::string("(none)"))q"));
  CHECK(speaks_english(R"q(x ? "yes" : "no")q"));
  CHECK(speaks_english(R"q("error: %s: not a JSON object or array of objects\n")q"));
  CHECK_FALSE(speaks_english(R"q(tr(Msg::csv_no_id, "no id"))q"));
  CHECK_FALSE(speaks_english(R"q("error: %s%s: %s\n")q"));
  CHECK_FALSE(speaks_english(R"q("award eval: %s\n")q"));
  CHECK(speaks_english(R"q("award eval: cannot read %s\n")q"));
  CHECK_FALSE(speaks_english(R"q(fmt::format("{}:{}", path, line_no))q"));
  CHECK_FALSE(speaks_english(R"q(verbatim("outside_quota, no_bonus"))q"));
  CHECK_FALSE(speaks_english(R"q(fmt::format("\n{}\n", x) + "        ")q"));

  // a regression, as it would be written: found with its file and line
  const std::string before = "  if (x) {\n    probs.add(tr(Msg::csv_no_id));\n  }\n";
  const std::string after = "  if (x) {\n    probs.add(fmt::format(\"{}: no id\", where(\"id\")));\n  }\n";
  const std::vector<Site> sites = {{"probs.add(", {0}}, {"why = ", {}}};
  size_t seen = 0;
  CHECK(english_at_sites("cmd_rank.cpp", before, sites, seen).empty());
  auto found = english_at_sites("cmd_rank.cpp", after, sites, seen);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rfind("cmd_rank.cpp:2: ", 0) == 0);
  CHECK(english_at_sites("witness.cpp", "    why = \"the search does not witness this kind of change\";\n", sites, seen)
            .size() == 1);
  CHECK(english_at_sites("witness.cpp", "    why = said(Msg::witness_kind_not_searched);\n", sites, seen).empty());
}

TEST_CASE("problems with applicants' input and diff's text take their words from the catalogue", "[messages]") {
  std::vector<std::string> untranslated;
  size_t seen = 0;
  for (const auto& f : kInputAndDiff) {
    std::ifstream in(fs::path(AWARD_SOURCE_DIR) / f.file, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    for (auto& u : english_at_sites(f.file, ss.str(), f.sites, seen)) untranslated.push_back(std::move(u));
  }
  CHECK(seen > 100);  // the sites are still there to be checked
  INFO("English written at the call site (add an entry to runtime/messages.h; tr() or said()):");
  for (const auto& u : untranslated) UNSCOPED_INFO(u);
  CHECK(untranslated.empty());
}
