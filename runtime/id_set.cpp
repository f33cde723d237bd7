#include "runtime/id_set.h"

#include <cstring>

namespace award {

// Eight bytes at a time, each word folded in by a multiplication: an id of ten
// characters costs two steps instead of ten.
uint32_t IdSet::hash(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  h *= 0x94D049BB133111EBull;
  return static_cast<uint32_t>(h >> 32);
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
