#include "runtime/id_set.h"

#include <cstring>

namespace award {

uint32_t IdSet::hash(std::string_view s) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a, folded to 32 bits
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

std::string_view IdSet::at(const Entry& e) const {
  uint32_t len;
  std::memcpy(&len, text_.data() + e.off - sizeof len, sizeof len);
  return std::string_view(text_.data() + e.off, len);
}

void IdSet::grow() {
  std::vector<Entry> old(table_.size() ? table_.size() * 2 : 1024);
  old.swap(table_);
  const size_t mask = table_.size() - 1;
  for (const Entry& e : old) {
    if (!e.record) continue;
    size_t i = e.hash & mask;
    while (table_[i].record) i = (i + 1) & mask;
    table_[i] = e;
  }
}

bool IdSet::add(std::string_view id, uint64_t record, uint64_t& first) {
  if (2 * (count_ + 1) > table_.size()) grow();  // at most half full
  const uint32_t h = hash(id);
  const size_t mask = table_.size() - 1;
  size_t i = h & mask;
  for (; table_[i].record; i = (i + 1) & mask) {
    if (table_[i].hash == h && at(table_[i]) == id) {
      first = table_[i].record;
      return false;
    }
  }
  const uint32_t len = static_cast<uint32_t>(id.size());
  text_.append(reinterpret_cast<const char*>(&len), sizeof len);
  table_[i] = Entry{static_cast<uint32_t>(text_.size()), h, record};
  text_.append(id);
  ++count_;
  return true;
}

}  // namespace award
