// The Award language service: documents in, diagnostics, hovers, definitions,
// completions and an outline out. It knows the language and nothing of
// JSON-RPC; lsp/server.cpp maps protocol messages onto it.
//
// Each document keeps two snapshots: the current one, and the last one that
// parsed without a syntax error. While the buffer has a syntax error, hover,
// definition and the outline answer from the last good snapshot, with offsets
// carried across the edit (the text before and after the changed region is
// the same in both).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lsp/position.h"

namespace award::lsp {

struct Location {
  std::string uri;
  Span range;
};

struct RelatedInfo {
  Location location;
  std::string message;
};

enum class DiagSeverity { Error = 1, Warning = 2, Information = 3 };

struct Diagnostic {
  Span range;
  DiagSeverity severity = DiagSeverity::Error;
  std::string code;     // E200
  std::string message;  // as `award check` words it, with its hint on a second line
  std::vector<RelatedInfo> related;
};

struct Hover {
  std::string markdown;
  Span range;
};

enum class CompletionKind { Field = 5, Variable = 6, Module = 9, Keyword = 14, EnumMember = 20, Class = 7, Value = 12 };

struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Keyword;
  std::string detail;
  std::string documentation;
};

enum class SymbolKind { Namespace = 3, Class = 5, Method = 6, Field = 8, Enum = 10, Boolean = 17, EnumMember = 22, Struct = 23, Event = 24 };

struct Symbol {
  std::string name;
  std::string detail;
  SymbolKind kind = SymbolKind::Namespace;
  Span range;
  Span selection;
  std::vector<Symbol> children;
};

// Lines that fold together: an article, an item, a test, a declaration.
struct Fold {
  uint32_t start_line = 0;
  uint32_t end_line = 0;  // the last line hidden; a closing `}` stays visible
};

class Service {
 public:
  // `stdlib_uri` names the URI at which a stdlib file ("applicant.award") can
  // be opened, for definitions that lead into the vocabulary.
  explicit Service(std::function<std::string(const std::string& relpath)> stdlib_uri);
  ~Service();

  // Opening or changing a document checks it; the diagnostics are returned.
  std::vector<Diagnostic> open(const std::string& uri, std::string text);
  std::vector<Diagnostic> change(const std::string& uri, std::string text);
  // An edit of part of the text (for clients that send ranges).
  std::vector<Diagnostic> edit(const std::string& uri, Span range, const std::string& text);
  void close(const std::string& uri);

  std::optional<Hover> hover(const std::string& uri, Position p) const;
  std::vector<Location> definition(const std::string& uri, Position p) const;
  std::vector<CompletionItem> completion(const std::string& uri, Position p) const;
  std::vector<Symbol> symbols(const std::string& uri) const;
  std::vector<Fold> folds(const std::string& uri) const;
  // The document in the canonical layout (`award fmt`): the whole text's span
  // and its replacement; nullopt when it does not parse or is already canonical.
  struct Replacement {
    Span range;
    std::string text;
  };
  std::optional<Replacement> format(const std::string& uri) const;

  struct Document;
  struct Snapshot;
  struct Vocabulary;

 private:
  std::vector<Diagnostic> check(Document& d, std::string text);
  const Vocabulary& vocabulary(const std::vector<std::string>& uses) const;

  std::function<std::string(const std::string&)> stdlib_uri_;
  std::map<std::string, std::unique_ptr<Document>> docs_;
  mutable std::map<std::string, std::unique_ptr<Vocabulary>> vocabularies_;
};

}  // namespace award::lsp
