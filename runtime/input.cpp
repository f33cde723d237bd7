#include "runtime/input.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
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

// Reads a stream line by line in blocks. A line is kept up to a limit and the
// rest of an overlong one is read and dropped, so memory stays bounded
// whatever the input; bytes such as NUL are kept, for the parser to refuse.
struct LineReader {
  explicit LineReader(std::FILE* file) : f(file) {}
  std::FILE* f;
  char buf[65536];
  size_t pos = 0, len = 0;

  // false at the end of the input
  bool next(std::string& out, size_t limit, bool& overlong) {
    out.clear();
    overlong = false;
    bool any = false;
    for (;;) {
      if (pos == len) {
        len = std::fread(buf, 1, sizeof buf, f);
        pos = 0;
        if (len == 0) return any;
      }
      any = true;
      const char* start = buf + pos;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len - pos));
      size_t n = nl ? static_cast<size_t>(nl - start) + 1 : len - pos;
      if (out.size() + n <= limit) out.append(start, n);
      else overlong = true;
      pos += n;
      if (nl) return true;
    }
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
    fn(place, nullptr, said(Msg::record_not_json_because, simdjson::error_message(err)));
    return;
  }
  od::json_type t;
  if (doc.type().get(t)) {
    fn(place, nullptr, said(Msg::record_not_json));
    return;
  }
  if (t != od::json_type::object) {
    fn(place, nullptr, said(Msg::record_not_object));
    return;
  }
  if (!object_then_blank(doc, line, data)) {
    fn(place, nullptr, said(Msg::record_text_follows));
    return;
  }
  od::object obj;
  if (doc.rewind(), doc.get_object().get(obj)) {
    fn(place, nullptr, said(Msg::record_not_json));
    return;
  }
  fn(place, &obj, Said{});
}

bool read_records(const std::string& path, const RecordFn& fn, Said& error) {
  if (path == "-") return read_records(stdin, "<stdin>", fn, error);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = said(Msg::input_is_directory, path);
    return false;
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = said(std::filesystem::exists(path, ec) ? Msg::input_permission_denied : Msg::input_no_such_file, path);
    return false;
  }
  bool ok = read_records(f, path, fn, error);
  std::fclose(f);
  return ok;
}

bool read_records(std::FILE* f, const std::string& name, const RecordFn& fn, Said& error) {
  LineReader in{f};
  std::string line;
  bool overlong = false;
  auto getline = [&](std::string& out, size_t limit) { return in.next(out, limit, overlong); };
  auto too_long = [&](size_t limit) { return said(Msg::record_too_long, limit >> 20); };

  od::parser parser;
  Padded pad;
  size_t line_no = 0;
  std::string first;
  size_t first_line = 0;
  bool first_overlong = false;
  while (getline(line, kMaxDocumentBytes)) {
    ++line_no;
    if (!blank(line) || overlong) {
      first = line;
      first_line = line_no;
      first_overlong = overlong;
      break;
    }
  }
  if (first_overlong) {
    error = said(Msg::input_line_too_long, name, first_line, kMaxDocumentBytes >> 20);
    return false;
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
    if (first.size() > kMaxRecordBytes) fn(place, nullptr, too_long(kMaxRecordBytes));
    else one_line(parser, pad, first, place, fn);
    while (getline(line, kMaxRecordBytes)) {
      ++line_no;
      if (blank(line) && !overlong) continue;
      ++place.index;
      place.line = line_no;
      if (overlong) fn(place, nullptr, too_long(kMaxRecordBytes));
      else one_line(parser, pad, line, place, fn);
    }
    if (std::ferror(f)) {
      error = said(Msg::input_read_error_after, name, line_no);
      return false;
    }
    return true;
  }

  // One JSON document: an object or an array of objects.
  std::string all = first;
  while (getline(line, kMaxDocumentBytes)) {
    if (overlong || all.size() + line.size() > kMaxDocumentBytes) {
      error = said(Msg::input_document_too_long, name, kMaxDocumentBytes >> 20);
      return false;
    }
    all += line;
  }
  if (std::ferror(f)) {
    error = said(Msg::input_read_error, name);
    return false;
  }
  od::document doc;
  auto err = parser.iterate(pad.view(all)).get(doc);
  place.index = 1;
  place.line = first_line;
  if (err) {
    fn(place, nullptr, said(Msg::record_not_json_because, simdjson::error_message(err)));
    return true;
  }
  od::json_type t;
  if (doc.type().get(t)) {
    fn(place, nullptr, said(Msg::record_not_json));
    return true;
  }
  if (t == od::json_type::object) {
    if (all.size() > kMaxRecordBytes) {
      fn(place, nullptr, too_long(kMaxRecordBytes));
      return true;
    }
    od::object obj;
    if (doc.get_object().get(obj)) fn(place, nullptr, said(Msg::record_not_json));
    else fn(place, &obj, Said{});
    return true;
  }
  if (t != od::json_type::array) {
    fn(place, nullptr, said(Msg::records_expected));
    return true;
  }
  od::array arr;
  if (doc.get_array().get(arr)) {
    fn(place, nullptr, said(Msg::record_not_json));
    return true;
  }
  place.line = 0;
  size_t index = 0;
  for (auto elem : arr) {
    ++index;
    place.index = index;
    od::value v;
    if (auto e = elem.get(v)) {
      fn(place, nullptr, said(Msg::record_not_json_rest_because, simdjson::error_message(e)));
      return true;
    }
    od::json_type et;
    if (v.type().get(et)) {
      fn(place, nullptr, said(Msg::record_not_json_rest));
      return true;
    }
    if (et != od::json_type::object) {
      fn(place, nullptr, said(Msg::record_not_object));
      continue;
    }
    od::object obj;
    if (v.get_object().get(obj)) {
      fn(place, nullptr, said(Msg::record_not_json_rest));
      return true;
    }
    fn(place, &obj, Said{});
  }
  return true;
}

}  // namespace award
