#include "runtime/stdlib_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace award {

std::optional<std::string> stdlib_text(std::string_view relpath) {
  if (const char* dir = std::getenv("AWARD_STDLIB"); dir && *dir) {
    std::ifstream in(std::string(dir) + "/" + std::string(relpath), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  for (const StdlibFile* f = stdlib_files(); f->path; ++f)
    if (relpath == f->path) return std::string(f->text);
  return std::nullopt;
}

}  // namespace award
