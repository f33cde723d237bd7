#include "runtime/batch.h"

#include <condition_variable>
#include <exception>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <thread>

namespace award {

namespace od = simdjson::ondemand;

namespace {

constexpr size_t kBlock = 1 << 20;  // about a thousand records: enough work per hand-over

bool blank_line(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// A block of whole lines, with simdjson's padding after them, and what came of it.
struct Block {
  std::string buf;          // lines, then SIMDJSON_PADDING blanks, then what an earlier block left
  size_t len = 0;           // bytes of lines in buf
  size_t first_line = 0;    // line number of the block's first line
  BatchChunk result;
  enum State { Free, Working, Done } state = Free;
};

// Reads blocks of whole lines from a file; a partial last line is carried over.
class BlockReader {
 public:
  explicit BlockReader(FILE* f) : f_(f) {}

  // Fills `b` with the next lines; false at the end of the file. The buffer keeps
  // its size from block to block, so it is not cleared before each read (filling a
  // megabyte with zeros only to overwrite it cost as much as a tenth of the loading).
  bool next(Block& b) {
    if (eof_ && carry_.empty()) return false;
    size_t have = carry_.size();
    if (b.buf.size() < have) b.buf.resize(have);
    std::memcpy(b.buf.data(), carry_.data(), have);
    carry_.clear();
    b.first_line = line_;
    size_t end;
    for (;;) {
      size_t want = std::max(kBlock, have + kBlock / 4);
      if (b.buf.size() < want + simdjson::SIMDJSON_PADDING) b.buf.resize(want + simdjson::SIMDJSON_PADDING);
      size_t got = eof_ ? 0 : std::fread(b.buf.data() + have, 1, want - have, f_);
      if (got < want - have) eof_ = true;
      have += got;
      if (first_) {  // a byte-order mark before the first line is not part of it
        first_ = false;
        if (have >= 3 && std::memcmp(b.buf.data(), "\xEF\xBB\xBF", 3) == 0) {
          std::memmove(b.buf.data(), b.buf.data() + 3, have - 3);
          have -= 3;
        }
      }
      std::string_view text(b.buf.data(), have);
      end = text.rfind('\n');
      if (eof_) end = have;
      else if (end == std::string::npos && have > kMaxRecordBytes) {
        // One line longer than a record may be: keep enough of it for the worker
        // to see that, and drop the rest up to its newline, so memory stays bounded.
        have = kMaxRecordBytes + 1;
        skip_rest_of_line();
        b.buf[have++] = '\n';
        end = have;
      } else if (end == std::string::npos) continue;  // a line longer than a block: read on
      else ++end;
      carry_.assign(b.buf.data() + end, have - end);
      break;
    }
    b.len = end;
    for (const char* p = b.buf.data(); (p = static_cast<const char*>(std::memchr(p, '\n', b.buf.data() + b.len - p)));
         ++p)
      ++line_;
    if (b.len && b.buf[b.len - 1] != '\n') ++line_;  // the last line needs no newline
    // simdjson's padding after the lines; what lies past it is never read
    std::memset(b.buf.data() + b.len, ' ', simdjson::SIMDJSON_PADDING);
    return b.len > 0;
  }
  bool failed() const { return std::ferror(f_) != 0; }

  // Reads past the rest of the current line; what follows its newline is kept.
  void skip_rest_of_line() {
    std::string chunk(kBlock, '\0');
    while (!eof_) {
      size_t got = std::fread(chunk.data(), 1, chunk.size(), f_);
      if (got < chunk.size()) eof_ = true;
      const char* nl = static_cast<const char*>(std::memchr(chunk.data(), '\n', got));
      if (nl) {
        carry_.assign(nl + 1, static_cast<size_t>(chunk.data() + got - (nl + 1)));
        return;
      }
    }
  }
  size_t lines() const { return line_; }

 private:
  FILE* f_;
  std::string carry_;
  size_t line_ = 1;  // number of the next line to read
  bool eof_ = false, first_ = true;
};

// The common case, a line that is one good record, in one pass: the worker walks
// the whole object, and nothing but blanks may follow it. read_json_line would
// first walk the object once more to check that. When anything is wrong the
// worker's output is taken back and false returned, for read_json_line to redo.
bool fast_line(od::parser& parser, const char* data, size_t len, size_t capacity, const RecordPlace& place,
               const BatchWork& work, BatchChunk& c, BatchRecord& rec) {
  static const std::string no_error;
  od::document doc;
  od::object obj;
  if (parser.iterate(data, len, capacity).get(doc) || doc.get_object().get(obj)) return false;
  work(place, &obj, no_error, c, rec);
  const char* rest;
  if (!rec.bad && doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS) return true;
  c.out.resize(rec.out_begin);
  if (rec.has_id) c.ids.resize(rec.id_begin);
  c.unknown.resize(rec.unknown_begin);
  BatchRecord fresh;
  fresh.index = rec.index;
  fresh.line = rec.line;
  fresh.out_begin = rec.out_begin;
  fresh.unknown_begin = fresh.unknown_end = rec.unknown_begin;
  rec = std::move(fresh);
  return false;
}

// Runs every record of a block through a worker. Record numbers are counted from
// 1 within the block; the driver adds the records of earlier blocks.
void work_on(Block& b, od::parser& parser, const BatchWork& work, const std::string& file) {
  BatchChunk& c = b.result;
  c.out.clear();
  c.ids.clear();
  c.records.clear();
  c.unknown.clear();
  RecordPlace place{file, 0, b.first_line};
  const char* p = b.buf.data();
  const char* end = p + b.len;
  for (; p < end; ++place.line) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* stop = nl ? nl : end;
    std::string_view line(p, static_cast<size_t>(stop - p));
    const char* start = p;
    p = nl ? nl + 1 : end;
    if (blank_line(line)) continue;
    ++place.index;
    c.records.emplace_back();
    BatchRecord& rec = c.records.back();
    rec.index = place.index;
    rec.line = place.line;
    rec.out_begin = static_cast<uint32_t>(c.out.size());
    rec.unknown_begin = rec.unknown_end = static_cast<uint32_t>(c.unknown.size());
    size_t capacity = static_cast<size_t>(b.buf.data() + b.buf.size() - start);
    if (line.size() > kMaxRecordBytes) {
      Said too_long = said(Msg::record_too_long, kMaxRecordBytes >> 20);
      work(place, nullptr, too_long.en(), c, rec);
      if (rec.bad) rec.message_zh = too_long.in(Lang::Zh);
    } else if (!fast_line(parser, start, line.size(), capacity, place, work, c, rec)) {
      // The record is bad in some way: read_json_line says how, in the words the
      // serial path uses, and the worker runs again on what it finds.
      struct Again {
        const BatchWork& work;
        BatchChunk& c;
        BatchRecord& rec;
      } again{work, c, rec};  // one reference, so std::function needs no allocation
      read_json_line(parser, start, line.size(), capacity, place,
                     [&again](const RecordPlace& at, od::object* obj, const Said& error) {
                       // The worker keeps the English (JSON's); text output takes the Chinese.
                       again.work(at, obj, error.en(), again.c, again.rec);
                       if (!obj && again.rec.bad) again.rec.message_zh = error.in(Lang::Zh);
                     });
    }
    rec.out_end = static_cast<uint32_t>(c.out.size());
  }
}

}  // namespace

bool is_json_lines_file(const std::string& path) {
  if (path == "-") return false;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  BlockReader reader(f);
  Block b;
  bool whole_object = false, decided = false;
  od::parser parser;
  while (!decided && reader.next(b)) {
    std::string_view text(b.buf.data(), b.len);
    for (size_t at = 0; at < text.size() && !decided;) {
      size_t nl = text.find('\n', at);
      std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
      if (!blank_line(line)) {
        decided = true;
        read_json_line(parser, text.data() + at, line.size(), b.buf.size() - at, RecordPlace{path, 1, 1},
                       [&](const RecordPlace&, od::object* obj, const Said&) { whole_object = obj != nullptr; });
      }
      at = nl == std::string_view::npos ? text.size() : nl + 1;
    }
  }
  std::fclose(f);
  return whole_object;
}

bool run_batch(const std::string& path, unsigned jobs, const MakeBatchWork& make_work, const BatchCommit& commit,
               std::string& error) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = fmt::format("{}: cannot be read", path);
    return false;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> closer(f, std::fclose);
  BlockReader reader(f);
  size_t records_before = 0;
  auto hand_over = [&](Block& b) {
    for (auto& r : b.result.records) r.index += records_before;
    records_before += b.result.records.size();
    commit(b.result);
  };

  if (jobs <= 1) {
    od::parser parser;
    BatchWork work = make_work();
    Block b;
    while (reader.next(b)) {
      work_on(b, parser, work, path);
      hand_over(b);
    }
  } else {
    // A ring of blocks, and no thread that only reads or commits: each of `jobs`
    // threads (the calling one among them) reads the next block under the lock,
    // works on it unlocked, and then commits every block that is done, in file
    // order, unless another thread is committing already (that one sees it). With
    // a reading and committing thread beside the workers, three threads shared two
    // cores, and the switches between them cost more than the commit itself.
    std::vector<Block> ring(2 * jobs + 2);
    std::mutex m;
    std::condition_variable cv;
    size_t read = 0;          // blocks read so far; block n lies in ring[n % ring.size()]
    size_t committed = 0;     // blocks committed so far
    bool finished = false;    // the file is read to its end
    bool committing = false;  // a thread is committing blocks
    // The first exception of any thread (a failed allocation, say): the others stop
    // at their next step, nothing more is committed, and it is thrown again on the
    // calling thread once all have joined, as the one-thread path would throw it.
    std::exception_ptr failure;
    auto work_and_commit = [&] {
      od::parser parser;
      BatchWork work;
      {
        std::lock_guard<std::mutex> lock(m);  // make_work may read shared state
        work = make_work();
      }
      for (;;) {
        Block* b;
        {
          std::unique_lock<std::mutex> lock(m);
          cv.wait(lock, [&] { return finished || read - committed < ring.size(); });
          if (finished) return;
          b = &ring[read % ring.size()];
          if (!reader.next(*b)) {
            finished = true;
            cv.notify_all();
            return;
          }
          ++read;
          b->state = Block::Working;
        }
        work_on(*b, parser, work, path);
        std::unique_lock<std::mutex> lock(m);
        b->state = Block::Done;
        if (committing) continue;
        committing = true;
        while (!failure && committed < read && ring[committed % ring.size()].state == Block::Done) {
          Block& c = ring[committed % ring.size()];
          lock.unlock();
          hand_over(c);
          lock.lock();
          c.state = Block::Free;
          ++committed;
          cv.notify_all();
        }
        committing = false;
      }
    };
    auto worker = [&] {
      try {
        work_and_commit();
      } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        if (!failure) failure = std::current_exception();
        finished = true;
        cv.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
  }
  if (reader.failed()) {
    error = fmt::format("{}: read error after line {}", path, reader.lines() - 1);
    return false;
  }
  return true;
}

}  // namespace award
