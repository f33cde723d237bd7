// Reads a file of the source tree's stdlib/ for a test, so that tests see the
// same text the build embeds. AWARD_SOURCE_DIR is the repository root (CMake
// defines it for the test targets).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#ifndef AWARD_SOURCE_DIR
#error "AWARD_SOURCE_DIR must name the repository root"
#endif

// The whole file AWARD_SOURCE_DIR/relpath, e.g. "stdlib/calendar/national.txt";
// an empty string when it cannot be read.
inline std::string award_test_read_stdlib(const char* relpath) {
  std::ifstream in(std::string(AWARD_SOURCE_DIR) + "/" + relpath, std::ios::binary);
  if (!in) return {};
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
