// The language server's conversions, alone: UTF-16 positions over UTF-8 text,
// and file URIs with Chinese names.
#include <catch2/catch.hpp>

#include "lsp/position.h"
#include "lsp/uri.h"

using award::lsp::LineIndex;
using award::lsp::Position;

TEST_CASE("a CJK character is one UTF-16 unit and three bytes", "[lsp]") {
  std::string text = "条款 第十条\nrequire x";
  LineIndex idx(text);
  // 条款 is six bytes; the space is the seventh; 第 starts at byte 7, character 3
  CHECK(idx.offset({0, 3}) == 7);
  CHECK(idx.position(7) == Position{0, 3});
  CHECK(idx.position(static_cast<uint32_t>(text.find('\n'))) == Position{0, 6});
  CHECK(idx.offset({1, 8}) == text.find('x'));
  CHECK(idx.position(static_cast<uint32_t>(text.find('x'))) == Position{1, 8});
}

TEST_CASE("a character outside the BMP is two UTF-16 units and four bytes", "[lsp]") {
  std::string text = "\"\xF0\xA0\xAE\xB7\" a";  // "𠮷" a
  LineIndex idx(text);
  CHECK(idx.position(5) == Position{0, 3});   // the closing quote
  CHECK(idx.offset({0, 3}) == 5);
  CHECK(idx.offset({0, 2}) == 1);             // inside the pair: the character's start
  CHECK(idx.position(7) == Position{0, 5});   // a
}

TEST_CASE("a position past the line's end is the line's end, before \\r\\n", "[lsp]") {
  std::string text = "ab\r\ncd";
  LineIndex idx(text);
  CHECK(idx.offset({0, 99}) == 2);
  CHECK(idx.offset({1, 99}) == 6);
  CHECK(idx.offset({7, 0}) == 6);
}

TEST_CASE("file URIs carry Chinese names percent-encoded", "[lsp]") {
  std::string path = "/tmp/大庆 2018.award";
  std::string uri = award::lsp::path_to_uri(path);
  CHECK(uri == "file:///tmp/%E5%A4%A7%E5%BA%86%202018.award");
  CHECK(award::lsp::uri_to_path(uri) == path);
  CHECK(award::lsp::uri_to_path("untitled:Untitled-1") == "untitled:Untitled-1");
}
