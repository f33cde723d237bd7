// Applicant records: read from JSON into the slots a policy's IR names.
//
// Only the fields the policy reads are parsed; the rest of the record is
// skipped. Fields the vocabulary does not know are reported as warnings.
// An absent field stays Unknown; an optional field that is absent is None.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.h"
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
  std::string field;    // path in the record: incidents[1].date
  std::string message;
};

class FactLoader {
 public:
  explicit FactLoader(const ir::Policy& p);

  // Loads one record. Returns false with `error` set when the record is bad;
  // `unknown_fields` (when given) receives fields the vocabulary lacks.
  bool load(simdjson::ondemand::object& obj, FactStore& store, LoadProblem& error,
            std::vector<std::string>* unknown_fields);

 private:
  // Names to indexes by open addressing: every key of every record goes through
  // here, so a lookup is one hash of the key and, nearly always, one comparison.
  class NameTable {
   public:
    void add(std::string_view name, int32_t index);
    // -1 when absent. `name` must be followed by at least 16 readable bytes, as a
    // key in simdjson's padded input or string buffer is.
    int32_t find(std::string_view name) const { return find_head(name, head_of_padded(name)); }

   private:
    struct Head {
      uint64_t w[2] = {0, 0};  // the first 16 bytes, zero past the end
    };
    struct Entry {
      std::string name;
      Head head;
      uint32_t len = 0;
      int32_t index = -1;  // -1: empty
    };
    static Head head(std::string_view s);
    static Head head_of_padded(std::string_view s);
    static uint32_t hash(const Head& h, size_t len);
    int32_t find_head(std::string_view name, const Head& h) const;
    std::vector<Entry> slots_;
  };
  bool load_record(simdjson::ondemand::object& obj, int32_t rec, FactStore& store, uint32_t base,
                   std::string& path, LoadProblem& error, std::vector<std::string>* unknown);
  bool load_value(simdjson::ondemand::value& v, ir::TypeId type, bool optional, FactStore& store, Value& out,
                  std::string& path, LoadProblem& error, std::vector<std::string>* unknown);
  bool load_judgements(simdjson::ondemand::object& obj, FactStore& store, std::string& path, LoadProblem& error,
                       std::vector<std::string>* unknown);
  void init_slots(int32_t rec, FactStore& store, uint32_t base);
  static bool within_bounds(const ir::Field& fd, const Value& v, const std::string& path, LoadProblem& error);

  const ir::Policy& p_;
  std::vector<NameTable> layouts_;  // per record type: field name -> field index
  NameTable judgement_ids_;
  std::vector<uint32_t> elements_;  // list elements being loaded, a stack for nested lists
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
