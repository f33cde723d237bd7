#include "lsp/stdlib_cache.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "lsp/uri.h"
#include "runtime/stdlib_files.h"

namespace award::lsp {

namespace fs = std::filesystem;

namespace {

fs::path cache_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "award" / "stdlib";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "award" / "stdlib";
  return fs::temp_directory_path() / "award-stdlib";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string stdlib_file_uri(const std::string& relpath) {
  std::error_code ec;
  if (const char* dir = std::getenv("AWARD_STDLIB"); dir && *dir)
    return path_to_uri(fs::absolute(fs::path(dir) / relpath, ec).lexically_normal().string());
  auto text = stdlib_text(relpath);
  if (!text) return "";
  fs::path target = cache_dir() / relpath;
  if (fs::exists(target, ec) && read_all(target) == *text) return path_to_uri(target.string());
  fs::create_directories(target.parent_path(), ec);
  // written beside and renamed over, so an editor never opens half a file
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "";
    out << *text;
    if (!out.flush()) return "";
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read, ec);
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "";
  }
  return path_to_uri(target.string());
}

}  // namespace award::lsp
