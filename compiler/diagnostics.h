// Diagnostics are data: one sink collects them, nothing throws across a stage.
//
// Every diagnostic has a code (E1xx syntax, E2xx names, E3xx types, E4xx
// structure, W5xx warnings), a primary range, a message, and an optional hint
// and notes. Rendering sorts them by position so output is deterministic.
#pragma once

#include <string>
#include <vector>

#include "compiler/source.h"

namespace award {

enum class Severity { Error, Warning, Note };

// The codes, each with its one-line meaning; docs/diagnostics.md lists them.
#define AWARD_DIAGNOSTIC_CODES(X)                                                        \
  X(E100, "syntax error")                                                                \
  X(E101, "unterminated string or text block")                                           \
  X(E102, "invalid character")                                                           \
  X(E103, "input is not valid UTF-8")                                                    \
  X(E104, "nesting too deep")                                                            \
  X(E105, "source too large")                                                            \
  X(E106, "invalid literal")                                                             \
  X(E107, "English and Chinese keywords mixed in one file")                              \
  X(E200, "unknown fact")                                                                \
  X(E201, "unknown enum value")                                                          \
  X(E202, "unknown award")                                                               \
  X(E203, "unknown module")                                                              \
  X(E204, "unknown type")                                                                \
  X(E205, "unknown function")                                                            \
  X(E206, "unknown setting")                                                             \
  X(E210, "duplicate article")                                                           \
  X(E211, "duplicate award")                                                             \
  X(E212, "duplicate item")                                                              \
  X(E213, "duplicate judgement")                                                         \
  X(E214, "duplicate declaration")                                                       \
  X(E300, "type mismatch")                                                               \
  X(E301, "condition is not a yes/no value")                                             \
  X(E302, "wrong number of arguments")                                                   \
  X(E303, "operation not defined for these types")                                       \
  X(E304, "not a list")                                                                  \
  X(E305, "not a record")                                                                \
  X(E306, "unordered enum compared by order")                                            \
  X(E400, "rule outside any article")                                                    \
  X(E401, "rule applies to awards for organizations and for individuals")                \
  X(E402, "missing policy header")                                                       \
  X(E403, "invalid setting value")                                                       \
  X(E404, "award not declared")                                                          \
  X(E405, "invalid test")                                                                \
  X(E406, "policy id written with spaces")                                               \
  X(E407, "weights do not add up to 100%")                                               \
  X(E408, "scoring provision given twice for an award")                                  \
  X(W500, "article has no rule and no text")                                             \
  X(W501, "unused judgement")

enum class Code {
#define X(c, m) c,
  AWARD_DIAGNOSTIC_CODES(X)
#undef X
};

const char* code_name(Code c);
const char* code_summary(Code c);

struct Note {
  Range range;
  std::string message;
};

struct Diagnostic {
  Code code;
  Severity severity = Severity::Error;
  Range range;
  std::string message;
  std::string hint;  // empty when none
  std::vector<Note> notes;
};

class DiagnosticSink {
 public:
  Diagnostic& error(Code code, Range range, std::string message, std::string hint = {});
  Diagnostic& warning(Code code, Range range, std::string message, std::string hint = {});

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return diags_; }
  std::vector<Diagnostic> sorted() const;
  void append(const DiagnosticSink& other);

 private:
  std::vector<Diagnostic> diags_;
  size_t errors_ = 0;
};

// file:line:column: error[E200]: message
//    12 |   require registred_on <= today
//       |           ^^^^^^^^^^^^
//   hint: did you mean `registered_on`?
std::string render(const Diagnostic& d, bool color = false);

// The closest candidate by edit distance, or "" when none is close enough.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace award
