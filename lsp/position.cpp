#include "lsp/position.h"

#include <algorithm>

namespace award::lsp {

namespace {

// Length in bytes of the UTF-8 sequence starting with `c`, and the UTF-16
// units the character takes. Invalid bytes count as one unit each.
void measure(unsigned char c, uint32_t& bytes, uint32_t& units) {
  if (c < 0x80) { bytes = 1; units = 1; }
  else if ((c >> 5) == 6) { bytes = 2; units = 1; }
  else if ((c >> 4) == 14) { bytes = 3; units = 1; }
  else if ((c >> 3) == 30) { bytes = 4; units = 2; }
  else { bytes = 1; units = 1; }
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

uint32_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = starts_[p.line];
  uint32_t end = p.line + 1 < starts_.size() ? starts_[p.line + 1] - 1 : static_cast<uint32_t>(text_.size());
  if (end > i && text_[end - 1] == '\r') --end;
  uint32_t units = 0;
  while (i < end) {
    uint32_t bytes, u;
    measure(static_cast<unsigned char>(text_[i]), bytes, u);
    if (units + u > p.character) break;
    units += u;
    i = std::min(i + bytes, end);
  }
  return i;
}

Position LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  uint32_t units = 0;
  for (uint32_t i = starts_[line]; i < offset;) {
    uint32_t bytes, u;
    measure(static_cast<unsigned char>(text_[i]), bytes, u);
    units += u;
    i += bytes;
  }
  return {line, units};
}

}  // namespace award::lsp
