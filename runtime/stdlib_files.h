// The files of stdlib/, embedded in the binary at build time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace award {

struct StdlibFile {
  const char* path;       // relative to stdlib/, e.g. "applicant.award"
  std::string_view text;
};

// Null-terminated table (last entry has path == nullptr).
const StdlibFile* stdlib_files();

// The text of one stdlib file. The environment variable AWARD_STDLIB, when set,
// names a directory read instead of the embedded copy (for editing stdlib/
// without rebuilding).
std::optional<std::string> stdlib_text(std::string_view relpath);

}  // namespace award
