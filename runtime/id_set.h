// The applicant ids of a run, to find a second use of one: `award eval` reports
// it as an error in its place, naming the record where the id was first seen.
//
// The ids are kept end to end, each after the number of the record it was first
// seen in, in blocks of text that never move, and found through an
// open-addressing table of 8-byte entries (where the id lies and 28 bits of its
// hash), so adding an id allocates nothing but a new block or the occasional
// doubling of the table. Every match is confirmed on the id's whole text, so an
// id is never taken for another. This is the one part of a run whose memory
// grows with the number of records: about 30 bytes per record for ids of ten
// characters (the table at most half full, 14 bytes of text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace award {

class IdSet {
 public:
  // Adds `id`, first seen in record `record`; when it was there already, returns
  // false and leaves in `first` the record where it was first seen.
  bool add(std::string_view id, uint64_t record, uint64_t& first);
  // Asks the processor to fetch where `id` would go, ahead of its add(): once the
  // table outgrows the caches, each add() otherwise waits for memory.
  void prefetch(std::string_view id) const {
    if (!table_.empty()) __builtin_prefetch(&table_[home(hash(id))]);
  }

 private:
  // An entry: hash bits 63..36, block + 1 in bits 35..20, place in the block in
  // bits 19..0; 0 is an empty entry.
  using Entry = uint64_t;
  static constexpr size_t kBlock = size_t{1} << 20;  // bytes of text per block
  static uint64_t hash(std::string_view s);
  // The id stored at `e`, and the record it was first seen in.
  std::string_view at(Entry e, uint64_t& record) const;
  void grow();
  size_t home(uint64_t h) const { return h >> (64 - bits_); }  // bits_ >= 10

  std::vector<std::string> blocks_;  // each reserved once and never grown past it
  std::vector<Entry> table_;
  size_t count_ = 0;
  int bits_ = 0;  // the table has 2^bits_ entries
};

}  // namespace award
