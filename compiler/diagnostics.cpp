#include "compiler/diagnostics.h"

#include <algorithm>
#include <fmt/format.h>

namespace award {

const char* code_name(Code c) {
  switch (c) {
#define X(code, m) \
  case Code::code: return #code;
    AWARD_DIAGNOSTIC_CODES(X)
#undef X
  }
  return "E???";
}

const char* code_summary(Code c) {
  switch (c) {
#define X(code, m) \
  case Code::code: return m;
    AWARD_DIAGNOSTIC_CODES(X)
#undef X
  }
  return "";
}

Diagnostic& DiagnosticSink::error(Code code, Range range, std::string message, std::string hint) {
  ++errors_;
  diags_.push_back({code, Severity::Error, range, std::move(message), std::move(hint), {}});
  return diags_.back();
}

Diagnostic& DiagnosticSink::warning(Code code, Range range, std::string message, std::string hint) {
  diags_.push_back({code, Severity::Warning, range, std::move(message), std::move(hint), {}});
  return diags_.back();
}

void DiagnosticSink::append(const DiagnosticSink& other) {
  for (const auto& d : other.diags_) {
    diags_.push_back(d);
    if (d.severity == Severity::Error) ++errors_;
  }
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> out = diags_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    std::string pa = a.range.file ? a.range.file->path : "";
    std::string pb = b.range.file ? b.range.file->path : "";
    if (pa != pb) return pa < pb;
    return a.range.begin < b.range.begin;
  });
  return out;
}

namespace {

// Display width of a UTF-8 string: CJK and full-width forms take two columns.
size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; len = 3; }
    else if ((c >> 3) == 30) { cp = c & 0x07; len = 4; }
    else { cp = '?'; len = 1; }
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp == '\t') w += 1;
    else if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
             (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
             (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
             (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
      w += 2;
    else w += 1;
  }
  return w;
}

// The line as it can be shown: invalid UTF-8 bytes become U+FFFD.
std::string printable(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && c < 0x20 && c != '\t') ok = false;
    if (ok) { out.append(s.substr(i, len)); i += len; }
    else { out += "\xEF\xBF\xBD"; i += 1; }
  }
  return out;
}

// The part of a source line a diagnostic shows, as byte offsets [from, to):
// the whole line, or for a long one (minified text, a binary file) a window of
// code points either side of the caret, so that a message stays one screen line.
std::pair<size_t, size_t> caret_window(std::string_view line, size_t at) {
  constexpr size_t kLongLine = 400;  // bytes
  constexpr int kSide = 60;          // code points either side
  if (line.size() <= kLongLine) return {0, line.size()};
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  size_t from = at, to = at;
  for (int k = 0; k < kSide && from > 0; ++k)
    do --from; while (from > 0 && continuation(from));
  for (int k = 0; k < kSide && to < line.size(); ++k)
    do ++to; while (to < line.size() && continuation(to));
  return {from, to};
}

}  // namespace

std::string render(const Diagnostic& d, bool color) {
  const char* sev = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
  std::string out;
  const char* bold = color ? "\033[1m" : "";
  const char* red = color ? (d.severity == Severity::Error ? "\033[31m" : "\033[33m") : "";
  const char* reset = color ? "\033[0m" : "";
  if (d.range.file) {
    auto p = d.range.file->position(d.range.begin);
    out += fmt::format("{}{}:{}:{}: {}{}[{}]{}: {}{}\n", bold, d.range.file->path, p.line, p.column, red, sev,
                       code_name(d.code), reset, d.message, reset);
    std::string_view full = d.range.file->line_text(p.line);
    uint32_t full_start = d.range.file->line_starts[p.line - 1];
    auto [from, to] = caret_window(full, std::min<size_t>(d.range.begin - full_start, full.size()));
    std::string_view line = full.substr(from, to - from);
    uint32_t line_start = full_start + static_cast<uint32_t>(from);
    std::string before = from > 0 ? "..." : "", after = to < full.size() ? "..." : "";
    std::string gutter = fmt::format("{:>5}", p.line);
    out += fmt::format("{} | {}{}{}\n", gutter, before, printable(line), after);
    size_t lead = before.size() + display_width(printable(line.substr(0, d.range.begin - line_start)));
    uint32_t end = std::max(d.range.end, d.range.begin + 1);
    uint32_t line_end = line_start + static_cast<uint32_t>(line.size());
    size_t width = 1;
    if (d.range.begin < line_end)
      width = std::max<size_t>(1, display_width(line.substr(d.range.begin - line_start,
                                                            std::min(end, line_end) - d.range.begin)));
    out += fmt::format("{} | {}{}{}{}\n", std::string(gutter.size(), ' '), std::string(lead, ' '), red,
                       std::string(width, '^'), reset);
  } else {
    out += fmt::format("{}{}[{}]{}: {}\n", red, sev, code_name(d.code), reset, d.message);
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  for (const auto& n : d.notes) {
    if (n.range.file) {
      auto p = n.range.file->position(n.range.begin);
      out += fmt::format("  note: {}:{}:{}: {}\n", n.range.file->path, p.line, p.column, n.message);
    } else {
      out += fmt::format("  note: {}\n", n.message);
    }
  }
  return out;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= b.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      std::swap(prev, cur);
    }
    return prev[b.size()];
  };
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    size_t d = distance(name, c);
    if (d < best_d) { best_d = d; best = c; }
  }
  size_t limit = std::max<size_t>(2, name.size() / 3);
  return best_d <= limit ? best : std::string();
}

}  // namespace award
