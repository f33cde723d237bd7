// The applicant ids of a run, to find a second use of one: `award eval` reports
// it as an error in its place, naming the record where the id was first seen.
//
// The ids are kept end to end in one text and found through an open-addressing
// table of 16-byte entries, so adding an id allocates nothing but the occasional
// doubling. This is the one part of a run whose memory grows with the number of
// records: about 35 bytes per record for ids of ten characters.
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

 private:
  struct Entry {
    uint32_t off = 0;  // where the id starts in text_, after its 4-byte length
    uint32_t hash = 0;
    uint64_t record = 0;  // 0: empty
  };
  static uint32_t hash(std::string_view s);
  std::string_view at(const Entry& e) const;
  void grow();

  std::string text_;
  std::vector<Entry> table_;
  size_t count_ = 0;
};

}  // namespace award
