// A source text held in memory, with the line table diagnostics need.
//
// Diagnostics render their caret line from this text, never by reopening the
// file, so an editor's unsaved buffer gets the same message as `award check`.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace award {

struct SourceFile {
  std::string path;   // as the user named it; "<stdin>" or "stdlib/x.award" otherwise
  std::string text;
  std::vector<uint32_t> line_starts;  // byte offset of each line

  SourceFile(std::string p, std::string t);

  // 1-based line and column; the column counts Unicode code points, as editors do.
  struct Position { uint32_t line; uint32_t column; };
  Position position(uint32_t offset) const;
  std::string_view line_text(uint32_t line) const;  // without the newline
};

// A half-open byte range [begin, end) in one file.
struct Range {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != nullptr; }
  std::string_view text() const {
    return file ? std::string_view(file->text).substr(begin, end - begin) : std::string_view();
  }
};

}  // namespace award
