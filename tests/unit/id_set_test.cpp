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
