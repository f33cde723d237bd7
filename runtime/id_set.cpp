#include "runtime/id_set.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <cstring>

namespace award {

namespace {

// Writes `v` in 7-bit groups, low first, the high bit set on all but the last;
// returns the end of what was written (at most 10 bytes).
char* put_varint(char* out, uint64_t v) {
  while (v >= 0x80) {
    *out++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *out++ = static_cast<char>(v);
  return out;
}

uint64_t get_varint(const char*& p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = static_cast<uint8_t>(*p++);
    v |= uint64_t{b & 0x7fu} << shift;
    if (!(b & 0x80)) return v;
  }
}

constexpr uint64_t kPlaceBits = 20, kBlockBits = 16;
constexpr uint64_t kHashShift = kPlaceBits + kBlockBits;  // the top 28 bits: hash
constexpr int kHashBits = 64 - static_cast<int>(kHashShift);

}  // namespace

// Eight bytes at a time, each word folded in by a multiplication: an id of ten
// characters costs two steps instead of ten.
uint64_t IdSet::hash(std::string_view s) {
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
  return h ^ (h >> 29);
}

std::string_view IdSet::at(Entry e, uint64_t& record) const {
  const std::string& b = blocks_[((e >> kPlaceBits) & ((uint64_t{1} << kBlockBits) - 1)) - 1];
  const char* p = b.data() + (e & ((uint64_t{1} << kPlaceBits) - 1));
  record = get_varint(p);
  uint64_t len = get_varint(p);
  return std::string_view(p, len);
}

// An id's home in a table of 2^bits entries is the top `bits` bits of its hash,
// so that the entry's own 28 bits of hash place it again when the table doubles:
// no id's text is read (a cache miss each, once the text outgrows the caches)
// until the table passes 2^28 entries.
void IdSet::grow() {
  std::vector<Entry> old(table_.size() ? table_.size() * 2 : 1024);
  old.swap(table_);
  bits_ = std::countr_zero(table_.size());
  const size_t mask = table_.size() - 1;
  uint64_t record;
  for (Entry e : old) {
    if (!e) continue;
    size_t i = bits_ <= kHashBits ? (e >> kHashShift) >> (kHashBits - bits_) : home(hash(at(e, record)));
    while (table_[i]) i = (i + 1) & mask;
    table_[i] = e;
  }
}

bool IdSet::add(std::string_view id, uint64_t record, uint64_t& first) {
  if (2 * (count_ + 1) > table_.size()) grow();  // at most half full
  const uint64_t h = hash(id);
  const uint64_t tag = h >> kHashShift;
  const size_t mask = table_.size() - 1;
  size_t i = home(h);
  for (; table_[i]; i = (i + 1) & mask) {
    uint64_t seen;
    if ((table_[i] >> kHashShift) == tag && at(table_[i], seen) == id) {
      first = seen;
      return false;
    }
  }
  // The id's text goes at the end of the last block, or starts a new one (of its
  // own size when it is longer than a block), so no text ever moves.
  const size_t need = 20 + id.size();  // two varints of at most 10 bytes, the id
  if (blocks_.empty() || (!blocks_.back().empty() && blocks_.back().size() + need > kBlock)) {
    if (blocks_.size() + 1 >= (uint64_t{1} << kBlockBits)) throw std::length_error("more applicant ids than a run can keep");
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlock, need));
  }
  std::string& b = blocks_.back();
  const uint64_t place = b.size(), block = blocks_.size();
  char head[20];
  char* end = put_varint(put_varint(head, record), id.size());
  b.append(head, static_cast<size_t>(end - head));
  b.append(id);
  // A block's place fits in 20 bits: a block past kBlock bytes holds one id, at 0.
  // Its number fits in 16 bits for 64 GiB of ids' text, more than this machine's
  // memory; past that add() throws rather than mistake one id for another.
  table_[i] = (tag << kHashShift) | (block << kPlaceBits) | place;
  ++count_;
  return true;
}

}  // namespace award
