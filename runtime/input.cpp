#include "runtime/input.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <simdjson.h>

namespace award {

namespace od = simdjson::ondemand;

namespace {

// A reusable buffer with simdjson's padding after the data.
struct Padded {
  std::string buf;
  simdjson::padded_string_view view(std::string_view s) {
    if (buf.size() < s.size() + simdjson::SIMDJSON_PADDING) buf.resize(s.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buf.data(), s.data(), s.size());
    std::memset(buf.data() + s.size(), ' ', simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buf.data(), s.size(), buf.size());
  }
};

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

// Whether the object that `doc` starts with ends the text: only blanks may follow.
bool object_then_blank(od::document& doc, std::string_view text, const char* base) {
  od::object obj;
  std::string_view raw;
  if (doc.get_object().get(obj) || obj.raw_json().get(raw)) return false;
  size_t end = static_cast<size_t>(raw.data() + raw.size() - base);
  return end <= text.size() && blank(text.substr(end));
}

// One JSON Lines record.
void one_line(od::parser& parser, Padded& pad, std::string_view line, RecordPlace& place, const RecordFn& fn) {
  auto view = pad.view(line);
  read_json_line(parser, view.data(), line.size(), pad.buf.size(), place, fn);
}

}  // namespace

void read_json_line(od::parser& parser, const char* data, size_t len, size_t capacity, const RecordPlace& place,
                    const RecordFn& fn) {
  std::string_view line(data, len);
  od::document doc;
  auto err = parser.iterate(data, len, capacity).get(doc);
  if (err) {
    fn(place, nullptr, fmt::format("not valid JSON ({})", simdjson::error_message(err)));
    return;
  }
  od::json_type t;
  if (doc.type().get(t)) {
    fn(place, nullptr, "not valid JSON");
    return;
  }
  if (t != od::json_type::object) {
    fn(place, nullptr, "a record must be a JSON object { … }");
    return;
  }
  if (!object_then_blank(doc, line, data)) {
    fn(place, nullptr, "not valid JSON: the object is incomplete, or text follows it on the same line");
    return;
  }
  od::object obj;
  if (doc.rewind(), doc.get_object().get(obj)) {
    fn(place, nullptr, "not valid JSON");
    return;
  }
  fn(place, &obj, "");
}

bool read_records(const std::string& path, const RecordFn& fn, std::string& error) {
  FILE* f = nullptr;
  bool is_stdin = path == "-";
  std::string name = is_stdin ? "<stdin>" : path;
  if (is_stdin) {
    f = stdin;
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = fmt::format("{}: is a directory, not a file of records", path);
      return false;
    }
    f = std::fopen(path.c_str(), "rb");
    if (!f) {
      error = fmt::format("{}: {}", path, std::filesystem::exists(path, ec) ? "cannot be read (permission denied)" : "no such file");
      return false;
    }
  }
  struct Closer {
    FILE* f;
    bool own;
    ~Closer() { if (own && f) std::fclose(f); }
  } closer{f, !is_stdin};

  // Read line by line; decide the format from the first non-blank line.
  std::string line;
  auto getline = [&](std::string& out) -> bool {
    out.clear();
    char chunk[65536];
    while (std::fgets(chunk, sizeof chunk, f)) {
      out += chunk;
      if (!out.empty() && out.back() == '\n') return true;
    }
    return !out.empty();
  };

  od::parser parser;
  Padded pad;
  size_t line_no = 0;
  std::string first;
  size_t first_line = 0;
  while (getline(line)) {
    ++line_no;
    if (!blank(line)) {
      first = line;
      first_line = line_no;
      break;
    }
  }
  if (first.empty()) return true;  // an empty file has no records
  if (first.size() >= 3 && first.compare(0, 3, "\xEF\xBB\xBF") == 0) first.erase(0, 3);

  // JSON Lines when the first line is a whole object by itself.
  bool jsonl = false;
  {
    size_t i = first.find_first_not_of(" \t");
    if (i != std::string::npos && first[i] == '{') {
      od::document doc;
      if (!parser.iterate(pad.view(first)).get(doc)) jsonl = object_then_blank(doc, first, pad.buf.data());
    }
  }

  RecordPlace place{name, 0, 0};
  if (jsonl) {
    place.index = 1;
    place.line = first_line;
    one_line(parser, pad, first, place, fn);
    while (getline(line)) {
      ++line_no;
      if (blank(line)) continue;
      ++place.index;
      place.line = line_no;
      one_line(parser, pad, line, place, fn);
    }
    if (std::ferror(f)) {
      error = fmt::format("{}: read error after line {}", name, line_no);
      return false;
    }
    return true;
  }

  // One JSON document: an object or an array of objects.
  std::string all = first;
  while (getline(line)) all += line;
  if (std::ferror(f)) {
    error = fmt::format("{}: read error", name);
    return false;
  }
  od::document doc;
  auto err = parser.iterate(pad.view(all)).get(doc);
  place.index = 1;
  place.line = first_line;
  if (err) {
    fn(place, nullptr, fmt::format("not valid JSON ({})", simdjson::error_message(err)));
    return true;
  }
  od::json_type t;
  if (doc.type().get(t)) {
    fn(place, nullptr, "not valid JSON");
    return true;
  }
  if (t == od::json_type::object) {
    od::object obj;
    if (doc.get_object().get(obj)) fn(place, nullptr, "not valid JSON");
    else fn(place, &obj, "");
    return true;
  }
  if (t != od::json_type::array) {
    fn(place, nullptr, "expected a JSON object, an array of objects, or JSON Lines");
    return true;
  }
  od::array arr;
  if (doc.get_array().get(arr)) {
    fn(place, nullptr, "not valid JSON");
    return true;
  }
  place.line = 0;
  size_t index = 0;
  for (auto elem : arr) {
    ++index;
    place.index = index;
    od::value v;
    if (auto e = elem.get(v)) {
      fn(place, nullptr, fmt::format("not valid JSON ({}); the rest of the file cannot be read", simdjson::error_message(e)));
      return true;
    }
    od::json_type et;
    if (v.type().get(et)) {
      fn(place, nullptr, "not valid JSON; the rest of the file cannot be read");
      return true;
    }
    if (et != od::json_type::object) {
      fn(place, nullptr, "a record must be a JSON object { … }");
      continue;
    }
    od::object obj;
    if (v.get_object().get(obj)) {
      fn(place, nullptr, "not valid JSON; the rest of the file cannot be read");
      return true;
    }
    fn(place, &obj, "");
  }
  return true;
}

}  // namespace award
