// Positions as editors count them, converted to and from byte offsets.
//
// The Language Server Protocol counts a line's characters in UTF-16 code
// units; the source holds UTF-8 bytes. A CJK character is three bytes and one
// unit, a character outside the Basic Multilingual Plane four bytes and two
// units. Lines end at "\n" (a "\r" before it belongs to no column anyone asks for).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace award::lsp {

struct Position {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // UTF-16 code units from the line's start
  bool operator==(const Position&) const = default;
};

struct Span {
  Position start, end;
  bool operator==(const Span&) const = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The byte offset of a position. A character past the line's end means the
  // line's end; one inside a surrogate pair means the character's start.
  uint32_t offset(Position p) const;
  Position position(uint32_t offset) const;
  Span span(uint32_t begin, uint32_t end) const { return {position(begin), position(end)}; }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

}  // namespace award::lsp
