#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "runtime/batch.h"

using namespace award;

namespace {

// A JSON Lines file of `n` records of about 300 bytes: several blocks of the batch
// reader. Named by the test and the process, as CTest runs test cases side by side.
std::string lines_file(const std::string& test, size_t n) {
  auto path = std::filesystem::temp_directory_path() /
              ("award-batch-" + test + "-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream out(path, std::ios::binary);
  const std::string pad(260, 'x');
  for (size_t i = 1; i <= n; ++i) out << "{\"id\": \"R-" << i << "\", \"pad\": \"" << pad << "\"}\n";
  return path.string();
}

// A worker that writes each record's id as its row (the place it gets counts
// within its block), and throws at the record with id R-`throw_at` (0: never).
MakeBatchWork echo_ids(size_t throw_at) {
  return [throw_at] {
    return [throw_at](const RecordPlace&, simdjson::ondemand::object* obj, const std::string&, BatchChunk& chunk,
                      BatchRecord&) {
      if (!obj) throw std::runtime_error("not an object");  // no Catch assertion off the test's thread
      std::string_view id = obj->find_field("id").get_string().value();
      if (id == "R-" + std::to_string(throw_at)) throw std::runtime_error("worker failed");
      chunk.out.append(id).append("\n");
    };
  };
}

}  // namespace

TEST_CASE("run_batch commits every block in file order, whatever the number of threads", "[batch]") {
  const size_t n = 20000;  // about 6 MB: several blocks
  const std::string path = lines_file("order", n);
  for (unsigned jobs : {1u, 2u, 3u}) {
    INFO("jobs " << jobs);
    size_t expected = 1;
    std::string wrong, error;  // wrong: the first row out of place, checked on this thread
    bool ok = run_batch(path, jobs, echo_ids(0), [&](BatchChunk& chunk) {
      for (const BatchRecord& rec : chunk.records) {
        if (wrong.empty() && (rec.index != expected || chunk.rows(rec) != "R-" + std::to_string(rec.index) + "\n"))
          wrong = "record " + std::to_string(rec.index) + " where " + std::to_string(expected) + " was due, row " +
                  std::string(chunk.rows(rec));
        ++expected;
      }
    }, error);
    CHECK(wrong == "");
    CHECK(ok);
    CHECK(expected == n + 1);
  }
  std::remove(path.c_str());
}

TEST_CASE("run_batch throws a worker's or a commit's exception on the calling thread", "[batch]") {
  const size_t n = 20000;
  const std::string path = lines_file("throws", n);
  for (unsigned jobs : {1u, 2u, 3u}) {
    INFO("jobs " << jobs);
    std::string error;
    size_t committed = 0;
    auto count = [&](BatchChunk& chunk) { committed += chunk.records.size(); };
    CHECK_THROWS_WITH(run_batch(path, jobs, echo_ids(15000), count, error), "worker failed");
    CHECK(committed < 15000);  // nothing is committed from the failing block on

    committed = 0;
    auto fail_second = [&](BatchChunk& chunk) {
      if (committed) throw std::runtime_error("commit failed");
      committed += chunk.records.size();
    };
    CHECK_THROWS_WITH(run_batch(path, jobs, echo_ids(0), fail_second, error), "commit failed");
  }
  std::remove(path.c_str());
}
