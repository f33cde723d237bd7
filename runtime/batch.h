// The batch driver: a JSON Lines file read in blocks, its records parsed and
// evaluated on several threads, and the results handed back in input order.
//
// `jobs` threads, the calling one among them, each read the next block of whole
// lines (one at a time, under a lock), run every record of it through their own
// worker (a parser, a loader and an evaluator of their own), write the rows into
// the block's output, and commit the finished blocks in file order, one thread at
// a time. At most a few blocks are in flight, so memory stays flat whatever the
// number of records. With jobs == 1 everything runs on the calling thread, one
// block after another.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "runtime/input.h"
#include "runtime/messages.h"

namespace award {

// What a worker found for one record.
struct BatchRecord {
  size_t index = 0;            // 1-based record number in the file
  size_t line = 0;             // 1-based line number in the file
  uint32_t out_begin = 0;      // its rows: BatchChunk::out[out_begin, out_end)
  uint32_t out_end = 0;
  uint32_t id_begin = 0;       // its id: BatchChunk::ids[id_begin, id_begin + id_len)
  uint32_t id_len = 0;
  bool has_id = false;
  bool bad = false;            // the record could not be read: field and message say why
  uint32_t unknown_begin = 0;  // fields the vocabulary lacks: BatchChunk::unknown[begin, end)
  uint32_t unknown_end = 0;
  std::string field, message;  // empty unless bad; the message in English (JSON's)
  std::string message_zh;      // the loader's message in Chinese, when it made one
  // The message in the run's language, for people.
  const std::string& text() const { return language() == Lang::Zh && !message_zh.empty() ? message_zh : message; }
  // Error rows that take the place of one award's row each (a year the calendar
  // lacks): `at` is where the row would have been in BatchChunk::out.
  struct AwardError {
    uint32_t at;
    std::string field, message;
  };
  std::vector<AwardError> award_errors;
};

// One block's results, reused from block to block.
struct BatchChunk {
  std::string out;
  std::string ids;
  std::vector<BatchRecord> records;
  std::vector<std::string> unknown;

  std::string_view id(const BatchRecord& r) const { return std::string_view(ids).substr(r.id_begin, r.id_len); }
  std::string_view rows(const BatchRecord& r) const {
    return std::string_view(out).substr(r.out_begin, r.out_end - r.out_begin);
  }
  void set_id(BatchRecord& r, std::string_view id) {
    r.has_id = true;
    r.id_begin = static_cast<uint32_t>(ids.size());
    r.id_len = static_cast<uint32_t>(id.size());
    ids.append(id);
  }
};

// Runs on a worker thread for each record: `obj` is the record, or null with
// `error` set when the line is not one JSON object. Appends the record's rows to
// chunk.out and fills `rec` (id, bad, unknown fields).
using BatchWork = std::function<void(const RecordPlace& place, simdjson::ondemand::object* obj,
                                     const std::string& error, BatchChunk& chunk, BatchRecord& rec)>;
// Called once per worker thread, on that thread's behalf, to make its worker.
using MakeBatchWork = std::function<BatchWork()>;
// Called for each block, in input order, by one thread at a time (any of them).
using BatchCommit = std::function<void(BatchChunk& chunk)>;

// Whether `path` is a file (not "-") whose first non-blank line is one whole
// JSON object: JSON Lines, which run_batch reads.
bool is_json_lines_file(const std::string& path);

// Reads every record of the JSON Lines file `path`. Returns false with `error`
// set when the file cannot be read. An exception thrown by a worker or by
// `commit` on any thread is thrown again here, once every thread has stopped;
// no block is committed after it.
bool run_batch(const std::string& path, unsigned jobs, const MakeBatchWork& make_work, const BatchCommit& commit,
               std::string& error);

}  // namespace award
