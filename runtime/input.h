// Reading applicant records: one JSON object, a JSON array of objects, or JSON
// Lines (one object per line, streamed so memory stays flat), from a file or
// standard input ("-").
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

#include <simdjson.h>

#include "runtime/messages.h"

namespace award {

struct RecordPlace {
  std::string file;   // as named on the command line; "<stdin>" for -
  size_t index = 0;   // 1-based record number within the file
  size_t line = 0;    // 1-based line where the record starts (0 when unknown)
};

// Limits on what is read into memory at once (README "Limits"): one JSON
// Lines record, and a JSON document (an object or an array) read whole. Past
// them the record, or the document, is an error and nothing more is buffered.
inline constexpr size_t kMaxRecordBytes = 16 * 1024 * 1024;
inline constexpr size_t kMaxDocumentBytes = 256 * 1024 * 1024;

// Called once per record: `obj` is the record, or null with `error` set when
// the record is not a JSON object or not valid JSON. The problem is said in
// either language: English for a JSON row's `error`, the reader's for text.
using RecordFn = std::function<void(const RecordPlace&, simdjson::ondemand::object* obj, const Said& error)>;

// Reads every record of `path`; returns false with `error` set when the file
// itself cannot be read (missing, a directory, unreadable). Records that are
// bad are reported through `fn` and reading goes on with the next one where
// the format allows (JSON Lines); in a single JSON document a syntax error
// ends the file after reporting it.
bool read_records(const std::string& path, const RecordFn& fn, Said& error);
// The same from an open stream, named `name` in messages.
bool read_records(std::FILE* f, const std::string& name, const RecordFn& fn, Said& error);

// One line of JSON Lines, parsed where it lies: data[0, len) is the line and
// data[0, capacity) may be read (capacity >= len + SIMDJSON_PADDING). Calls `fn`
// once, with the object, or with an error when the line is not one object alone.
void read_json_line(simdjson::ondemand::parser& parser, const char* data, size_t len, size_t capacity,
                    const RecordPlace& place, const RecordFn& fn);

}  // namespace award
