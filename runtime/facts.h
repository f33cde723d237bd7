// Applicant records: read from JSON into the slots a policy's IR names.
//
// Only the fields the policy reads are parsed; the rest of the record is
// skipped unparsed. Fields the vocabulary does not know are reported as warnings.
// An absent field stays Unknown; an optional field that is absent is None.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.h"
#include "runtime/messages.h"
#include "runtime/value.h"

#include <simdjson.h>

namespace award {

// One applicant's facts. Reused from record to record: clear() keeps capacity,
// so a batch allocates nothing per record once the buffers have grown.
struct FactStore {
  std::vector<Value> slots;     // records: each a run of its layout's slots
  std::vector<uint32_t> items;  // lists: indexes into slots (one Value per element)
  std::string text;             // Arena::Facts
  std::vector<Value> judgements;
  Value root;                   // Record, or Unknown when nothing was loaded
  int32_t root_type = -1;       // record index: organization or individual; -1: kind unknown
  std::string id;               // the applicant's id, "" when absent

  void clear() {
    slots.clear();
    items.clear();
    text.clear();
    judgements.clear();
    root = Value();
    root_type = -1;
    id.clear();
  }
  std::string_view text_of(const Value& v, const ir::Policy& p) const {
    const std::string& arena = static_cast<Arena>(v.aux) == Arena::Policy ? p.pool : text;
    return std::string_view(arena).substr(v.text.off, v.text.len);
  }
};

struct LoadProblem {
  std::string field;       // path in the record: incidents[1].date
  std::string message;     // in English: what JSON output says, a contract
  std::string message_zh;  // the same in Chinese (runtime/messages.h)
  // The message in the run's language, for text output.
  const std::string& text() const { return language() == Lang::Zh && !message_zh.empty() ? message_zh : message; }
};

// Reads records into the slots of a policy's layouts. What to read is compiled
// once, at construction, from the layouts: per record type a table from key to
// field (a perfect hash of the key's length and first bytes), and per field how
// its JSON is read (a bool, a number, a date, …) and into which slot. A record is then one
// walk over its keys; a value nobody reads is skipped unparsed, and the path of a
// field (incidents[2].date) is only spelt out when something is wrong with it.
class FactLoader {
 public:
  explicit FactLoader(const ir::Policy& p);

  // Reads from now on only the facts that `award`'s rules read (with the id and
  // `kind`, which every result names): for a run that decides that award alone
  // and prints no facts. Other fields are skipped unparsed, so a malformed value
  // in them goes unnoticed.
  void read_only_for(int32_t award);

  // Loads one record. Returns false with `error` set when the record is bad;
  // `unknown_fields` (when given) receives fields the vocabulary lacks.
  bool load(simdjson::ondemand::object& obj, FactStore& store, LoadProblem& error,
            std::vector<std::string>* unknown_fields);

 private:
  // Names to indexes by a perfect hash of a name's length and first eight bytes,
  // its multiplier chosen at construction so that no two names of the table share
  // a place: a lookup is one multiplication and the comparison of the one name
  // there, word by word (names of 32 bytes and more: byte by byte).
  class KeyTable {
   public:
    void add(std::string_view name, int32_t index);
    // -1 when absent. At least 32 bytes must be readable from `key`, as they are
    // for a key in simdjson's padded input or string buffer.
    int32_t find(const char* key, size_t len) const {
      const uint64_t w0 = word(key, 0) & mask(len, 0);
      const Entry& e = places_[place(w0, len)];
      if (e.len == len && e.w[0] == w0 && rest_equal(e, key, len)) return e.index;
      return e.shared ? find_slow(key, len) : -1;
    }

   private:
    static constexpr size_t kLong = 32;
    struct Entry {
      uint64_t w[kLong / 8] = {};   // the first kLong bytes, zero past the end
      uint32_t len = ~uint32_t{0};  // no name's: an empty place
      int32_t index = -1;
      int32_t name = -1;            // in names_
      bool shared = false;          // another name falls here too: look it up in names_
    };
    // The bytes of the word at `skip` that belong to a name of `len` bytes
    // (little-endian: a name's bytes are the low ones of each word).
    static uint64_t mask(size_t len, size_t skip) {
      if (len >= skip + 8) return ~uint64_t{0};
      return len <= skip ? 0 : ~uint64_t{0} >> (64 - 8 * (len - skip));
    }
    static uint64_t word(const char* s, size_t at) {
      uint64_t w;
      std::memcpy(&w, s + at, 8);
      return w;
    }
    bool rest_equal(const Entry& e, const char* key, size_t len) const {
      if (len >= kLong) return std::memcmp(names_[e.name].data(), key, len) == 0;
      for (size_t k = 8; k < len; k += 8)
        if (e.w[k / 8] != (word(key, k) & mask(len, k))) return false;
      return true;
    }
    int32_t find_slow(const char* key, size_t len) const;
    size_t place(uint64_t w0, size_t len) const { return ((w0 ^ len) * multiplier_) >> shift_; }
    Entry entry(size_t i) const;
    void rebuild();

    std::vector<std::string> names_;  // in the order added
    std::vector<int32_t> indexes_;    // of names_
    std::vector<Entry> places_ = std::vector<Entry>(1);
    uint64_t multiplier_ = 0;  // 0 and shift 63 for the empty table: every key at place 0
    unsigned shift_ = 63;
  };
  // How one value is read.
  enum class Read : uint8_t { Skip, Bool, Number, Text, Date, Enum, Record, List, Invalid };
  struct Reader {
    Read read = Read::Skip;
    bool optional = false;           // null or absent is None, not Unknown
    int32_t slot = -1;               // where a field's value goes
    ir::TypeId type = -1;
    int32_t ref = -1;                // Enum: enum; Record: record type; List: the element's reader in elements_of_
    const ir::Field* field = nullptr;  // for declared bounds; null when there are none
  };
  // One record type: its keys, how each field is read, its slots before reading.
  struct Layout {
    KeyTable keys;                // name -> index in fields (kJudgements: the judgements map)
    std::vector<Reader> fields;   // one per field of the record type
    std::vector<Value> blank;     // None for an optional slot, else Unknown
    bool reads_any = false;       // some field is read
    int32_t id_field = -1, kind_field = -1;
  };
  struct PathPart;
  using Fields = simdjson::simdjson_result<simdjson::ondemand::object_iterator>;

  void build(const std::vector<std::vector<char>>* needed);
  Reader reader_for(ir::TypeId type, bool optional);
  enum class Start : uint8_t { Fast, Slow, Bad };
  Start start_fast(Fields& it, const Fields& end, FactStore& store, int32_t& rec, LoadProblem& error);
  bool start_slow(simdjson::ondemand::object& obj, FactStore& store, LoadProblem& error, int32_t& rec);
  uint32_t add_record(int32_t rec, FactStore& store) const;
  static std::string path_of(const PathPart* at);
  bool read_fields(Fields& it, const Fields& end, int32_t rec, FactStore& store, uint32_t base,
                   const PathPart* at, bool top, LoadProblem& error, std::vector<std::string>* unknown);
  bool read_value(simdjson::ondemand::value& v, std::string_view token, const Reader& r, FactStore& store,
                  Value& out, const PathPart* at, LoadProblem& error, std::vector<std::string>* unknown);
  bool read_judgements(simdjson::ondemand::value& v, FactStore& store, LoadProblem& error,
                       std::vector<std::string>* unknown);
  bool wrong_type(std::string_view token, const Reader& r, const PathPart* at, LoadProblem& error) const;

  const ir::Policy& p_;
  std::vector<Layout> layouts_;      // per record type
  std::vector<Reader> elements_of_;  // readers of list elements
  KeyTable judgement_ids_;
  std::vector<uint32_t> elements_;   // list elements being loaded, a stack for nested lists
};

// Renders a loaded value back to JSON text, for explanations.
std::string value_to_json(const ir::Policy& p, const FactStore& s, const Value& v, ir::TypeId type);

}  // namespace award

namespace award {

// Loads one record from JSON text (tests, the language server). Returns false
// with `error` set when the text is not one valid record.
bool load_record_text(FactLoader& loader, std::string_view json, FactStore& store, LoadProblem& error,
                      std::vector<std::string>* unknown_fields = nullptr);

}  // namespace award
