// award fmt: the canonical layout, written so that a policy is never left
// half-written.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "runtime/messages.h"
#include "compiler/compile.h"
#include "compiler/format.h"

namespace award::cli {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Replaces `path` by `text`: a temporary file in the same directory, written,
// given the old file's permissions, flushed to disk and renamed over the old
// one. A crash or a full disk at any point leaves either the old file or the
// new one, never a mix; the temporary file is removed on failure.
bool replace_file(const std::string& path, const std::string& text, std::string& error) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);  // write through a symbolic link, not over it
  if (ec) target = path;
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / ("." + target.filename().string() + ".fmt-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a temporary file in {}: {}", dir.string(), std::strerror(errno));
    return false;
  }
  auto fail = [&](const char* what) {
    error = fmt::format("{} {}: {}", what, tmp, std::strerror(errno));
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  };
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && ::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set the mode of");
  if (!write_all(fd, text)) return fail("cannot write");
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    error = fmt::format("cannot close {}: {}", tmp, std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    error = fmt::format("cannot replace {}: {}", target.string(), std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  // The rename itself is durable once the directory is flushed.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

// Standard input to standard output; with --check, exit 1 when it would change.
int fmt_stdin(bool check) {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  SourceFile src("<stdin>", std::move(text));
  DiagnosticSink diags;
  std::optional<std::string> out = format_source(src, diags);
  print_diagnostics(diags);
  if (!out) return 1;
  if (check) {
    if (*out == src.text) return 0;
    std::puts("<stdin>");
    return 1;
  }
  std::fputs(out->c_str(), stdout);
  return 0;
}

}  // namespace

int run_fmt(const FmtOptions& o) {
  if (o.files.empty()) return fmt_stdin(o.check);
  std::string err;
  std::vector<std::string> files = policy_files(o.files, err);
  if (!err.empty()) {
    std::fprintf(stderr, "award fmt: %s\n", err.c_str());
    return 1;
  }
  size_t changed = 0, failed = 0;
  for (const auto& path : files) {
    std::string text;
    if (!read_file(path, text, err)) {
      std::fprintf(stderr, "award fmt: %s\n", err.c_str());
      ++failed;
      continue;
    }
    SourceFile src(path, std::move(text));
    DiagnosticSink diags;
    std::optional<std::string> out = format_source(src, diags);
    print_diagnostics(diags);
    if (!out) {
      std::fputs(tr(Msg::fmt_has_errors, path).c_str(), stderr);
      ++failed;
      continue;
    }
    if (*out == src.text) continue;
    if (o.check) {
      std::printf("%s\n", path.c_str());
      ++changed;
    } else if (replace_file(path, *out, err)) {
      ++changed;
    } else {
      std::fputs(tr(Msg::fmt_left_unchanged, path, err).c_str(), stderr);
      ++failed;
    }
  }
  std::fputs(tr(Msg::fmt_summary, counted(changed, Msg::one_file, Msg::many_files),
                tr(o.check ? Msg::fmt_would_change : Msg::fmt_formatted), files.size() - changed - failed,
                failed ? tr(Msg::fmt_failed, failed) : std::string())
                 .c_str(),
             stderr);
  return failed || (o.check && changed) ? 1 : 0;
}

}  // namespace award::cli
