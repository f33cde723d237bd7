// The canonical layout (docs/language.md, "Layout"):
// - two spaces of indentation per block (`{` … `}` of a policy header, an
//   article, an item, an award, an enum, a record, a test);
// - every declaration, setting, item, rule and test entry on a line of its own;
// - a rule's `when` and `except` clauses, and revoke's `when` and `then`, on
//   lines of their own, two spaces deeper than the rule;
// - a line break the author wrote before `and`/`or` or after `,` is kept, the
//   continuation two spaces deeper than its clause and two more per open
//   bracket; every other break inside a rule is removed;
// - the facts of `given` and `with` one pair per line when the author wrote
//   them over several lines, on one line when on one;
// - one space between tokens, none inside brackets or before `,` `;` `:` `.`;
// - one blank line between top-level declarations (consecutive `use` lines
//   excepted), at most one wherever the author left some, none after `{` or
//   before `}`;
// - comments stay on the line they were on: a comment after code stays after
//   it, a comment on its own line stays on its own line, indented like the
//   code that follows it.
#include "compiler/format.h"

#include <stdexcept>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "compiler/parse.h"

namespace award {

namespace {

using Kind = Token::Kind;

bool is_comment(const Token& t) { return t.kind == Kind::LineComment || t.kind == Kind::BlockComment; }

bool is_keyword(const Token& t, std::string_view rule) {
  return t.kind == Kind::Keyword && t.keyword && t.keyword->rule == rule;
}

// A line comment as written, without trailing blanks (the only bytes of a
// comment the formatter drops).
std::string_view comment_text(const Token& t) {
  std::string_view s = t.text();
  if (t.kind == Kind::LineComment)
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A token with the number of line breaks written before it, and its layout
// once folding is decided.
struct Piece {
  const Token* token;
  int newlines_before;
  bool opens_block, closes_block, starts_unit;
};

// A block that folds (a test's facts) stays on one line when the author wrote
// it on one line: its braces are then ordinary brackets and its members no
// longer start lines.
void fold(std::vector<Piece>& pieces, size_t open) {
  size_t depth = 0, close = open;
  bool broken = false;
  for (size_t i = open; i < pieces.size(); ++i) {
    std::string_view s = pieces[i].token->text();
    if (i > open && pieces[i].newlines_before > 0) broken = true;
    if (s == "{") ++depth;
    if (s == "}" && --depth == 0) {
      close = i;
      break;
    }
  }
  if (broken || close == open) return;
  for (size_t i = open; i <= close; ++i) {
    pieces[i].opens_block = pieces[i].closes_block = false;
    if (i > open) pieces[i].starts_unit = false;
  }
}

std::vector<Piece> pieces_of(const std::vector<Token>& tokens) {
  std::vector<Piece> out;
  int newlines = 0;
  for (const Token& t : tokens) {
    if (t.kind == Kind::Space) {
      for (char c : t.text()) newlines += c == '\n';
      continue;
    }
    out.push_back(Piece{&t, newlines, t.opens_block, t.closes_block, t.starts_unit});
    newlines = 0;
  }
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i].token->folds) fold(out, i);
  return out;
}

class Layout {
 public:
  std::string run(const std::vector<Piece>& pieces) {
    for (const Piece& p : pieces) {
      if (is_comment(*p.token)) comment(p);
      else token(p);
    }
    flush_comments(0, false);
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  // Comments on their own lines wait until the token after them says how deep
  // they go; a comment after code is written at once.
  void comment(const Piece& p) {
    bool own_line = p.newlines_before > 0 || out_.empty();
    if (!own_line && pending_.empty()) {
      out_ += ' ';
      out_ += comment_text(*p.token);
      must_break_ = p.token->kind == Kind::LineComment;
      last_ = p.token;
      return;
    }
    pending_.push_back(p);
  }

  void token(const Piece& p) {
    const Token& t = *p.token;
    bool empty_block = p.closes_block && after_open_brace() && pending_.empty();
    if (p.closes_block) --depth_;

    // Where the token goes: a new line at some indentation, or after the last one.
    bool brk = true;
    int indent = 0;
    bool top_level_unit = false;
    if (empty_block) {
      brk = false;
    } else if (p.closes_block) {
      indent = depth_ * 2;
    } else if (p.starts_unit) {
      indent = depth_ * 2;
      top_level_unit = depth_ == 0;
    } else if (t.starts_clause) {
      indent = unit_indent_ + 2;
    } else {
      bool kept = p.newlines_before > 0 &&
                  (is_keyword(t, "K_AND") || is_keyword(t, "K_OR") || (last_ && last_->text() == ","));
      brk = kept || must_break_ || !pending_.empty();
      indent = clause_indent_ + 2 + 2 * brackets_;
    }

    if (brk) {
      // Comments before a closing brace belong to the block they close.
      bool separate = top_level_unit && !use_after_use(t);  // a blank line before the declaration
      bool had_comments = flush_comments(p.closes_block ? indent + 2 : indent, separate);
      bool blank = p.newlines_before > 1 && !p.closes_block && !after_open_brace();
      if (separate && !had_comments && !out_.empty()) blank = true;
      new_line(indent, blank);
    } else if (!empty_block && needs_space(t)) {
      out_ += ' ';
    }
    out_ += t.text();

    if (p.starts_unit) {
      unit_indent_ = clause_indent_ = depth_ * 2;
      brackets_ = 0;
      unit_is_use_ = is_keyword(t, "K_USE");
    }
    if (t.starts_clause) clause_indent_ = unit_indent_ + 2;
    if (p.opens_block) ++depth_;
    std::string_view s = t.text();
    if (!p.opens_block && (s == "(" || s == "[" || s == "{")) ++brackets_;
    if (!p.closes_block && (s == ")" || s == "]" || s == "}") && brackets_ > 0) --brackets_;
    must_break_ = false;
    last_open_ = p.opens_block;
    last_ = &t;
    last_visible_ = &t;
  }

  // `use a` `use b`: consecutive use lines go without a blank line between.
  bool use_after_use(const Token& t) const { return unit_is_use_ && is_keyword(t, "K_USE"); }

  bool after_open_brace() const { return last_ == last_visible_ && last_open_; }

  // Writes the waiting comments, each on its own line; a blank line a
  // declaration wants goes before its comments. Returns whether there were any.
  bool flush_comments(int indent, bool blank_first) {
    bool first = true;
    for (const Piece& c : pending_) {
      bool blank = c.newlines_before > 1 || (first && blank_first);
      if (after_open_brace() || out_.empty()) blank = false;
      if (!first && c.newlines_before == 0) out_ += ' ';  // `/* a */ // b` stay on one line
      else new_line(indent, blank);
      out_ += comment_text(*c.token);
      last_ = c.token;
      first = false;
    }
    if (pending_.empty()) return false;
    must_break_ = true;
    pending_.clear();
    return true;
  }

  void new_line(int indent, bool blank) {
    if (!out_.empty()) {
      out_ += '\n';
      if (blank) out_ += '\n';
    }
    out_.append(static_cast<size_t>(indent), ' ');
  }

  // Called only for a token that stays on the line, so neither it nor the
  // token before it is a block brace.
  bool needs_space(const Token& t) const {
    if (!last_visible_ || last_ != last_visible_) return true;  // after a comment
    std::string_view x = last_visible_->text(), y = t.text();
    if (t.glued) return false;
    if (y == "," || y == ";" || y == ")" || y == "]" || y == ":" || y == "." || y == "}") return false;
    if (x == "(" || x == "[" || x == "." || x == "{") return false;
    return true;
  }

  std::string out_;
  std::vector<Piece> pending_;
  const Token* last_ = nullptr;          // the last token or comment written
  const Token* last_visible_ = nullptr;  // the last token written
  bool last_open_ = false;               // it opened a block
  int depth_ = 0;                        // open blocks
  int unit_indent_ = 0;                  // the current declaration or rule
  int clause_indent_ = 0;                // the current clause (the rule itself until one starts)
  int brackets_ = 0;                     // open (, [ and inline { in the current rule
  bool unit_is_use_ = false;
  bool must_break_ = false;              // after a line comment or a comment on its own line
};

// The tokens that matter for meaning and for the reader: everything but white space.
std::vector<std::string_view> visible(const std::vector<Token>& tokens) {
  std::vector<std::string_view> out;
  for (const Token& t : tokens)
    if (t.kind != Kind::Space) out.push_back(is_comment(t) ? comment_text(t) : t.text());
  return out;
}

}  // namespace

std::optional<std::string> format_source(const SourceFile& src, DiagnosticSink& diags) {
  std::vector<Token> tokens;
  DiagnosticSink local;
  parse(src, local, &tokens);
  diags.append(local);
  if (local.has_errors()) return std::nullopt;
  // A byte-order mark (which some Windows editors write) is no token; keep it.
  std::string text = std::string_view(src.text).substr(0, 3) == "\xEF\xBB\xBF" ? "\xEF\xBB\xBF" : "";
  text += Layout().run(pieces_of(tokens));

  // The layout may only move white space: the output must read back as the
  // same tokens and comments.
  SourceFile again(src.path, text);
  std::vector<Token> tokens2;
  DiagnosticSink diags2;
  parse(again, diags2, &tokens2);
  auto before = visible(tokens), after = visible(tokens2);
  if (diags2.has_errors() || before != after) {
    size_t i = 0;
    while (i < before.size() && i < after.size() && before[i] == after[i]) ++i;
    throw std::logic_error(fmt::format("the formatter changed {} near token {} (`{}`); the file was left as it was",
                                       src.path, i, i < before.size() ? before[i] : std::string_view("end")));
  }
  return text;
}

}  // namespace award
