#include <catch2/catch.hpp>

#include <string>

#include "runtime/id_set.h"

using award::IdSet;

TEST_CASE("IdSet finds a second use of an id and names the record of the first", "[ids]") {
  IdSet ids;
  uint64_t first = 0;
  CHECK(ids.add("GEN-000001", 1, first));
  CHECK(ids.add("GEN-000002", 2, first));
  CHECK_FALSE(ids.add("GEN-000001", 3, first));
  CHECK(first == 1);
  CHECK(ids.add("", 4, first));  // the empty id is an id like any other here; the caller skips it
  CHECK_FALSE(ids.add("", 5, first));
  CHECK(first == 4);
}

TEST_CASE("IdSet keeps every id through its growth", "[ids]") {
  IdSet ids;
  uint64_t first = 0;
  const uint64_t n = 100000;  // the table doubles many times on the way
  for (uint64_t i = 1; i <= n; ++i) REQUIRE(ids.add("A-" + std::to_string(i), i, first));
  for (uint64_t i = 1; i <= n; i += 997) {
    REQUIRE_FALSE(ids.add("A-" + std::to_string(i), n + i, first));
    REQUIRE(first == i);
  }
  CHECK(ids.add("A-0", n + 1, first));  // near misses are new ids
  CHECK(ids.add("A-1 ", n + 2, first));
}

TEST_CASE("IdSet keeps ids longer than its blocks and record numbers of any size", "[ids]") {
  IdSet ids;
  uint64_t first = 0;
  const std::string huge(3 << 20, 'x');  // longer than a block of text: a block of its own
  CHECK(ids.add("before", 1, first));
  CHECK(ids.add(huge, uint64_t{1} << 40, first));
  CHECK(ids.add("after", 3, first));
  CHECK_FALSE(ids.add(huge, 4, first));
  CHECK(first == uint64_t{1} << 40);
  CHECK_FALSE(ids.add("before", 5, first));
  CHECK(first == 1);
  CHECK_FALSE(ids.add("after", 6, first));
  CHECK(first == 3);
  CHECK(ids.add(huge + "y", 7, first));  // the same first bytes, another id
}
