#include "lsp/service.h"

#include "compiler/format.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "compiler/compile.h"
#include "compiler/parse.h"
#include "keywords_gen.h"
#include "lsp/uri.h"
#include "runtime/stdlib_files.h"

namespace award::lsp {

// --- the keyword table (grammar/AwardLexer.g4, via cmake/Keywords.cmake) ------

namespace {

struct Keyword {
  std::string type;  // K_REQUIRE
  std::string en;
  std::string zh;
  std::vector<std::string> other;
};

const std::vector<Keyword>& keywords() {
  static const std::vector<Keyword> table = {AWARD_KEYWORD_ROWS};
  return table;
}

const Keyword* keyword(const std::string& type) {
  for (const auto& k : keywords())
    if (k.type == type) return &k;
  return nullptr;
}

// Keywords that begin or continue an operand; offered where a value is expected.
const std::set<std::string> kOperandKeywords = {"K_NOT", "K_ANY", "K_ALL", "K_NO", "K_COUNT",
                                                "K_TODAY", "K_TRUE", "K_FALSE", "K_IF"};

// Tokens after which an operand comes: a condition, a value, a list to quantify.
const std::set<std::string> kOperandStarts = {
    "K_REQUIRE", "K_EXCLUDE", "K_WHEN", "K_AND", "K_OR", "K_NOT", "K_WHERE", "K_SATISFY", "K_THEN",
    "K_ELSE", "K_IF", "LPAREN", "PLUS", "MINUS", "STAR", "SLASH", "K_BEFORE", "K_AFTER", "K_WITHIN",
    "K_ANY", "K_NO", "K_ALL", "K_COUNT", "K_IN", "K_OVERLAPS"};

// The words that start a declaration or a statement: the scope of the
// quantifiers before the cursor ends at the last of them.
const std::set<std::string> kStatementStarts = {
    "K_REQUIRE", "K_EXCLUDE", "K_JUDGEMENT", "K_BONUS", "K_REVOKE", "K_DEADLINE", "K_RETAIN",
    "K_AWARD", "K_ITEM", "K_ARTICLE", "K_TEST", "K_POLICY", "K_MODULE", "K_RECORD", "K_ENUM",
    "K_SCORING", "K_SCORE", "K_MINIMUM", "K_SHORTLIST", "K_REPEAT"};

// Keywords that may stand as names (grammar: softKeyword).
const std::set<std::string> kSoftKeywords = {"K_YEARS", "K_MONTHS", "K_DAYS", "K_WORKING_DAYS", "K_SET",
                                             "K_OF", "K_ON", "K_WITH", "K_GIVEN", "K_EXPECT",
                                             "K_BECAUSE", "K_DEADLINE", "K_RETAIN", "K_BONUS",
                                             "K_SCORING", "K_SCORE", "K_MINIMUM", "K_SHORTLIST", "K_REPEAT"};

bool is_ident(const LexToken& t) { return t.type == "ID" || kSoftKeywords.count(t.type); }
bool is_trivia(const LexToken& t) { return t.type == "LINE_COMMENT" || t.type == "BLOCK_COMMENT"; }

const std::set<std::string> kBuiltinTypes = {"bool", "number", "money", "text", "date", "duration"};

// `use applicant` reads stdlib/applicant.award; `use stdlib.x.y` reads x/y.award
// (the rule of check.cpp's use()).
std::string module_relpath(std::string name) {
  if (name.rfind("stdlib.", 0) == 0) name = name.substr(7);
  std::replace(name.begin(), name.end(), '.', '/');
  return name + ".award";
}

std::string shorten(const std::string& s, size_t max_chars) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (s[i] == '\n') { out += ' '; ++i; ++n; continue; }
    if (n == max_chars) return out + "…";
    out += s.substr(i, len);
    i += len;
    ++n;
  }
  return out;
}

}  // namespace

// --- snapshots and documents --------------------------------------------------

struct Service::Snapshot {
  CompileResult compiled;
  std::vector<LexToken> tokens;
  std::unique_ptr<LineIndex> lines;
  bool parsed = false;  // no syntax error: the tree is the whole file
  bool bom = false;     // the editor's text starts with U+FEFF, which the compiler drops

  const SourceFile& src() const { return *compiled.sources.front(); }
  const ast::File& file() const { return *compiled.ast; }
  Position position(uint32_t offset) const {
    Position p = lines->position(offset);
    if (bom && p.line == 0) ++p.character;
    return p;
  }
  uint32_t offset(Position p) const {
    if (bom && p.line == 0) p.character = p.character ? p.character - 1 : 0;
    return lines->offset(p);
  }
  Span span(uint32_t b, uint32_t e) const { return {position(b), position(e)}; }
};

struct Service::Document {
  std::string uri;
  std::string path;
  std::string text;  // as the editor has it
  std::shared_ptr<const Snapshot> current;
  std::shared_ptr<const Snapshot> good;  // the last snapshot without a syntax error
};

// Offsets carried between the current text and the last good one: the two
// share leading and trailing lines; only the lines between them changed.
// Whole lines, so that a line typed in above an item does not make the
// item's own first line look edited.
struct EditMap {
  uint32_t prefix = 0, suffix = 0, cur_len = 0, good_len = 0;

  static std::vector<std::string_view> lines_of(const std::string& s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\n') { out.push_back(std::string_view(s).substr(start, i + 1 - start)); start = i + 1; }
    if (start < s.size()) out.push_back(std::string_view(s).substr(start));
    return out;
  }

  EditMap(const std::string& cur, const std::string& good) {
    cur_len = static_cast<uint32_t>(cur.size());
    good_len = static_cast<uint32_t>(good.size());
    auto a = lines_of(cur), b = lines_of(good);
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) prefix += static_cast<uint32_t>(a[head++].size());
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
      suffix += static_cast<uint32_t>(a[a.size() - 1 - tail++].size());
  }
  std::optional<uint32_t> to_good(uint32_t o) const {
    if (o < prefix) return o;
    if (o >= cur_len - suffix) return o - cur_len + good_len;
    return std::nullopt;
  }
  uint32_t to_good_clamped(uint32_t o) const { return to_good(o).value_or(prefix); }
  uint32_t to_current(uint32_t g, bool end) const {
    if (g < prefix || (g == prefix && !end)) return g;
    if (g >= good_len - suffix) return g - good_len + cur_len;
    return end ? cur_len - suffix : prefix;
  }
};

// The records and enums of the modules a policy uses.
struct Service::Vocabulary {
  std::vector<std::unique_ptr<SourceFile>> sources;
  std::vector<std::unique_ptr<ast::File>> modules;
};

namespace {

// Names visible in one file: its own declarations and its modules'.
struct Names {
  std::map<std::string, const ast::RecordDecl*> records;
  std::map<std::string, const ast::EnumDecl*> enums;
  std::vector<const ast::File*> modules;

  void add(const ast::File& f) {
    for (const auto& r : f.records) records.emplace(r.name.text, &r);
    for (const auto& e : f.enums) enums.emplace(e.name.text, &e);
  }
};

// A type as the vocabulary declares it.
struct Ty {
  enum Kind { Unknown, Builtin, Record, Enum, List } kind = Unknown;
  std::string builtin;
  const ast::RecordDecl* record = nullptr;
  const ast::EnumDecl* en = nullptr;
  const ast::TypeRef* elem = nullptr;
};

Ty type_of_ref(const Names& n, const ast::TypeRef& t) {
  Ty ty;
  if (t.list) {
    ty.kind = Ty::List;
    ty.elem = t.elem.get();
  } else if (kBuiltinTypes.count(t.name.text)) {
    ty.kind = Ty::Builtin;
    ty.builtin = t.name.text;
  } else if (auto r = n.records.find(t.name.text); r != n.records.end()) {
    ty.kind = Ty::Record;
    ty.record = r->second;
  } else if (auto e = n.enums.find(t.name.text); e != n.enums.end()) {
    ty.kind = Ty::Enum;
    ty.en = e->second;
  }
  return ty;
}

std::string type_text(const ast::TypeRef& t) {
  std::string s = t.optional ? "optional " : "";
  if (t.list) return s + "list of " + (t.elem ? type_text(*t.elem) : "?");
  return s + t.name.text;
}

const ast::FieldDecl* field_of(const ast::RecordDecl* r, const std::string& name) {
  if (!r) return nullptr;
  for (const auto& f : r->fields)
    if (f.name.text == name) return &f;
  return nullptr;
}

// One level of name lookup: the applicant, or a quantifier's element.
struct Frame {
  Ty elem;
  std::string binding;             // `any i in …`: "i"
  const ast::Expr* quant = nullptr;
  std::string list;                // the list's path as written
};

struct Lookup {
  enum Kind { None, Fact, Binding } kind = None;
  const ast::FieldDecl* field = nullptr;
  const ast::RecordDecl* record = nullptr;
  const Frame* frame = nullptr;
  Ty ty;
};

Lookup lookup(const Names& n, const std::vector<Frame>& frames, const std::string& name) {
  for (auto f = frames.rbegin(); f != frames.rend(); ++f) {
    if (!f->binding.empty()) {
      if (f->binding == name) return {Lookup::Binding, nullptr, nullptr, &*f, f->elem};
      continue;
    }
    if (f->elem.kind != Ty::Record) continue;
    if (const ast::FieldDecl* fd = field_of(f->elem.record, name))
      return {Lookup::Fact, fd, f->elem.record, &*f, type_of_ref(n, fd->type)};
  }
  return {};
}

// The element type of a list type, or Unknown.
Ty element(const Names& n, const Ty& list) {
  if (list.kind != Ty::List || !list.elem) return {};
  return type_of_ref(n, *list.elem);
}

// A quantifier over a list of scalars binds `it` unless it names a binding.
Frame open_frame(const Names& n, const Ty& list_ty, std::string binding, const ast::Expr* quant, std::string list) {
  Frame f{element(n, list_ty), std::move(binding), quant, std::move(list)};
  if (f.binding.empty() && f.elem.kind != Ty::Record) f.binding = "it";
  return f;
}

Ty type_of_path(const Names& n, const std::vector<Frame>& frames, const std::vector<std::string>& path) {
  if (path.empty()) return {};
  Ty ty = lookup(n, frames, path[0]).ty;
  for (size_t i = 1; i < path.size(); ++i) {
    const ast::FieldDecl* fd = ty.kind == Ty::Record ? field_of(ty.record, path[i]) : nullptr;
    if (!fd) return {};
    ty = type_of_ref(n, fd->type);
  }
  return ty;
}

Ty type_of_expr(const Names& n, const std::vector<Frame>& frames, const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Name) return lookup(n, frames, e.text).ty;
  if (e.kind == ast::ExprKind::Field) {
    Ty base = type_of_expr(n, frames, *e.args[0]);
    const ast::FieldDecl* fd = base.kind == Ty::Record ? field_of(base.record, e.text) : nullptr;
    return fd ? type_of_ref(n, fd->type) : Ty{};
  }
  return {};
}

// --- what stands at an offset ---------------------------------------------------

struct Target {
  enum Kind { None, Fact, Binding, EnumValue, Award, Judgement, Rule, Article, Item, Record, Enum, Module, Fixture } kind = None;
  Range at;                                  // the word under the cursor
  const ast::RecordDecl* record = nullptr;   // Fact, Record
  const ast::FieldDecl* field = nullptr;     // Fact
  const ast::EnumDecl* en = nullptr;         // EnumValue, Enum
  const ast::EnumMember* member = nullptr;   // EnumValue
  const ast::Stmt* stmt = nullptr;           // Award, Judgement, Rule
  const ast::Article* article = nullptr;     // Rule, Article, Item
  std::vector<const ast::Item*> items;       // Rule, Item: the item chain
  Frame frame;                               // Binding; Fact: the frame it was found in
  Range binding_at;                          // Binding: where it is declared
  std::string text;                          // Module: its name; Fixture: the path; Award/Judgement: the id
};

bool inside(const Range& r, uint32_t off) { return r.valid() && r.begin <= off && off < r.end; }

// The word `name` as written in [from, to) of the source, or an invalid range.
Range find_word(const SourceFile& src, uint32_t from, uint32_t to, const std::string& name) {
  std::string_view text(src.text);
  for (size_t at = text.find(name, from); at != std::string_view::npos && at + name.size() <= to;
       at = text.find(name, at + 1)) {
    auto word_char = [&](size_t i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      return std::isalnum(c) || c == '_' || c >= 0x80;
    };
    bool starts = at == 0 || !word_char(at - 1);
    bool ends = at + name.size() >= text.size() || !word_char(at + name.size());
    if (starts && ends) return Range{&src, static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
  }
  return Range{};
}

// The range of a JSON object key, found from its value: `"key" : value`.
Range json_key(const SourceFile& src, const ast::Json& value) {
  std::string_view t(src.text);
  size_t i = value.range.begin;
  auto skip_space = [&] { while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n' || t[i - 1] == '\r')) --i; };
  skip_space();
  if (i == 0 || t[i - 1] != ':') return {};
  --i;
  skip_space();
  if (i == 0 || t[i - 1] != '"') return {};
  size_t end = i;
  if (end < 2) return {};
  size_t open = t.rfind('"', end - 2);
  if (open == std::string_view::npos) return {};
  return Range{&src, static_cast<uint32_t>(open), static_cast<uint32_t>(end)};
}

class Locator {
 public:
  Locator(const ast::File& f, const Names& n, uint32_t off) : file_(f), names_(n), off_(off) {
    for (const auto& a : f.articles) collect(a.members);
  }

  // The reference of the article item a statement stands in: 第十条（二）.
  std::string ref_of(const ast::Stmt* s) const {
    std::function<bool(const std::vector<ast::Member>&, std::string&)> walk =
        [&](const std::vector<ast::Member>& ms, std::string& ref) {
          for (const auto& m : ms) {
            if (m.stmt.get() == s) return true;
            if (m.group && walk(m.group->members, ref)) return true;
            if (!m.item) continue;
            std::string inner = ref + m.item->label;
            if (walk(m.item->members, inner)) { ref = inner; return true; }
          }
          return false;
        };
    for (const auto& a : file_.articles) {
      std::string ref = a.label;
      if (walk(a.members, ref)) return ref;
    }
    return {};
  }

  Target find() {
    for (const auto& u : file_.uses)
      if (inside(u.range, off_)) return done(Target::Module, u.range, [&](Target& t) { t.text = u.text; });
    for (const auto& r : file_.records) record(r);
    for (const auto& e : file_.enums) enumeration(e);
    for (const auto& a : file_.articles) {
      if (found_ || !inside(a.range, off_)) continue;
      article_ = &a;
      items_.clear();
      fors_ = {&a.for_awards};
      if (inside(a.label_range, off_)) return done(Target::Article, a.label_range, [&](Target& t) { t.article = &a; });
      awards(a.for_awards);
      members(a.members);
    }
    for (const auto& t : file_.tests)
      if (!found_ && inside(t.range, off_)) test(t);
    if (result_.kind == Target::Judgement) result_.text = ref_of(result_.stmt);
    return result_;
  }

  const std::map<std::string, const ast::Stmt*>& award_decls() const { return award_decls_; }
  const std::map<std::string, const ast::Stmt*>& judgements() const { return judgements_; }

  // The record a rule reads: the subject of the awards it applies to.
  const ast::RecordDecl* subject(const std::vector<const ast::Name*>& explicit_awards) const {
    std::set<std::string> subjects;
    if (!explicit_awards.empty()) {
      for (const ast::Name* n : explicit_awards)
        if (auto it = award_decls_.find(n->text); it != award_decls_.end()) subjects.insert(it->second->subject.text);
    } else {
      for (const auto& [id, s] : award_decls_) subjects.insert(s->subject.text);
    }
    std::string name = subjects.size() == 1 ? *subjects.begin() : "organization";
    auto it = names_.records.find(name);
    return it == names_.records.end() ? nullptr : it->second;
  }

  // The awards named by the innermost `for` of the article, items and
  // `for … { }` groups around a place, outermost first in `fors`.
  static std::vector<const ast::Name*> innermost(const std::vector<const std::vector<ast::Name>*>& fors) {
    std::vector<const ast::Name*> out;
    for (auto it = fors.rbegin(); it != fors.rend(); ++it)
      if (!(*it)->empty()) {
        for (const auto& n : **it) out.push_back(&n);
        break;
      }
    return out;
  }

 private:
  template <typename F>
  Target done(Target::Kind k, Range at, F fill) {
    result_ = Target{};
    result_.kind = k;
    result_.at = at;
    result_.article = article_;
    result_.items = items_;
    fill(result_);
    found_ = true;
    return result_;
  }
  void set(Target::Kind k, Range at, const std::function<void(Target&)>& fill) {
    if (!found_) done(k, at, fill);
  }

  void collect(const std::vector<ast::Member>& ms) {
    for (const auto& m : ms) {
      if (m.item) collect(m.item->members);
      if (m.group) collect(m.group->members);
      if (!m.stmt) continue;
      if (m.stmt->kind == ast::StmtKind::Award) award_decls_.emplace(m.stmt->name.text, m.stmt.get());
      if (m.stmt->kind == ast::StmtKind::Judgement) judgements_.emplace(m.stmt->name.text, m.stmt.get());
    }
  }

  void award_name(const ast::Name& n) {
    if (!inside(n.range, off_)) return;
    set(Target::Award, n.range, [&](Target& t) {
      t.text = n.text;
      if (auto it = award_decls_.find(n.text); it != award_decls_.end()) t.stmt = it->second;
    });
  }
  void awards(const std::vector<ast::Name>& ns) {
    for (const auto& n : ns) award_name(n);
  }

  void type_ref(const ast::TypeRef& t) {
    if (t.list) { if (t.elem) type_ref(*t.elem); return; }
    if (!inside(t.name.range, off_)) return;
    if (auto r = names_.records.find(t.name.text); r != names_.records.end())
      set(Target::Record, t.name.range, [&](Target& x) { x.record = r->second; });
    else if (auto e = names_.enums.find(t.name.text); e != names_.enums.end())
      set(Target::Enum, t.name.range, [&](Target& x) { x.en = e->second; });
  }

  void record(const ast::RecordDecl& r) {
    if (found_ || !inside(r.range, off_)) return;
    if (inside(r.name.range, off_)) set(Target::Record, r.name.range, [&](Target& t) { t.record = &r; });
    for (const auto& f : r.fields) {
      if (inside(f.name.range, off_))
        set(Target::Fact, f.name.range, [&](Target& t) { t.record = &r; t.field = &f; });
      type_ref(f.type);
    }
  }

  void enumeration(const ast::EnumDecl& e) {
    if (found_ || !inside(e.range, off_)) return;
    if (inside(e.name.range, off_)) set(Target::Enum, e.name.range, [&](Target& t) { t.en = &e; });
    for (const auto& m : e.members)
      if (inside(m.name.range, off_))
        set(Target::EnumValue, m.name.range, [&](Target& t) { t.en = &e; t.member = &m; });
  }

  void members(const std::vector<ast::Member>& ms) {
    for (const auto& m : ms) {
      if (found_) return;
      if (m.item && inside(m.item->range, off_)) {
        const ast::Item& it = *m.item;
        items_.push_back(&it);
        fors_.push_back(&it.for_awards);
        if (inside(it.label_range, off_)) { set(Target::Item, it.label_range, [](Target&) {}); return; }
        awards(it.for_awards);
        members(it.members);
        return;
      }
      if (m.group && inside(m.group->range, off_)) {
        fors_.push_back(&m.group->for_awards);
        awards(m.group->for_awards);
        members(m.group->members);
        return;
      }
      if (m.stmt && inside(m.stmt->range, off_)) return statement(*m.stmt);
    }
  }

  void statement(const ast::Stmt& s) {
    using K = ast::StmtKind;
    std::vector<Frame> frames;
    frames.push_back(Frame{Ty{Ty::Record, "", subject(innermost(fors_)), nullptr, nullptr}, "", nullptr, ""});
    auto rule = [&](Target::Kind k) {
      set(k, s.keyword, [&](Target& t) { t.stmt = &s; t.text = s.name.text; });
    };
    switch (s.kind) {
      case K::Award:
        if (inside(s.subject.range, off_))
          if (auto r = names_.records.find(s.subject.text); r != names_.records.end())
            set(Target::Record, s.subject.range, [&](Target& t) { t.record = r->second; });
        set(Target::Award, s.name.range, [&](Target& t) { t.stmt = &s; t.text = s.name.text; });
        return;
      case K::Judgement:
        if (s.when) expr(*s.when, frames, nullptr);
        set(Target::Judgement, inside(s.name.range, off_) ? s.name.range : s.keyword,
            [&](Target& t) { t.stmt = &s; t.text = s.name.text; });
        return;
      case K::Require:
      case K::Exclude:
        if (s.body) expr(*s.body, frames, nullptr);
        break;
      case K::Bonus:
        award_name(s.name);
        break;
      case K::Revoke:
        awards(s.awards);
        if (!s.awards.empty()) {
          std::vector<const ast::Name*> ns;
          for (const auto& n : s.awards) ns.push_back(&n);
          frames[0].elem.record = subject(ns);
        }
        if (s.body) expr(*s.body, frames, nullptr);
        break;
      case K::Minimum:
        award_name(s.name);
        break;
      case K::Score:
      case K::Shortlist:
      case K::Repeat:
        awards(s.awards);
        break;
      case K::Deadline:
      case K::Retain:
      case K::Scoring:
        break;
    }
    if (s.when && s.kind != K::Revoke) expr(*s.when, frames, nullptr);
    for (const auto& ex : s.exceptions) {
      if (ex.cond) expr(*ex.cond, frames, nullptr);
      if (ex.body) expr(*ex.body, frames, nullptr);
    }
    rule(Target::Rule);
  }

  // Finds the name under the cursor in an expression; `hint` is the enum a
  // bare word there would be a value of.
  void expr(const ast::Expr& e, std::vector<Frame>& frames, const ast::EnumDecl* hint) {
    using K = ast::ExprKind;
    if (found_ || !inside(e.range, off_)) return;
    switch (e.kind) {
      case K::Name: {
        Lookup l = lookup(names_, frames, e.text);
        if (l.kind == Lookup::Fact)
          return set(Target::Fact, e.range, [&](Target& t) { t.record = l.record; t.field = l.field; t.frame = *l.frame; });
        if (l.kind == Lookup::Binding)
          return set(Target::Binding, e.range, [&](Target& t) {
            t.frame = *l.frame;
            t.text = e.text;
            if (l.frame->quant)
              t.binding_at = find_word(*e.range.file, l.frame->quant->range.begin, l.frame->quant->args[0]->range.begin, e.text);
          });
        if (hint)
          for (const auto& m : hint->members)
            if (m.name.text == e.text)
              return set(Target::EnumValue, e.range, [&](Target& t) { t.en = hint; t.member = &m; });
        return;
      }
      case K::Field: {
        if (inside(e.name_range, off_)) {
          Ty base = type_of_expr(names_, frames, *e.args[0]);
          if (const ast::FieldDecl* fd = base.kind == Ty::Record ? field_of(base.record, e.text) : nullptr)
            set(Target::Fact, e.name_range, [&](Target& t) { t.record = base.record; t.field = fd; });
          return;
        }
        return expr(*e.args[0], frames, nullptr);
      }
      case K::Binary: {
        bool cmp = e.op >= ast::BinOp::Eq && e.op <= ast::BinOp::Ge;
        Ty l = cmp ? type_of_expr(names_, frames, *e.args[0]) : Ty{};
        Ty r = cmp ? type_of_expr(names_, frames, *e.args[1]) : Ty{};
        expr(*e.args[0], frames, r.kind == Ty::Enum ? r.en : nullptr);
        expr(*e.args[1], frames, l.kind == Ty::Enum ? l.en : nullptr);
        return;
      }
      case K::In: {
        Ty l = type_of_expr(names_, frames, *e.args[0]);
        expr(*e.args[0], frames, nullptr);
        expr(*e.args[1], frames, l.kind == Ty::Enum ? l.en : nullptr);
        return;
      }
      case K::Any:
      case K::No:
      case K::All:
      case K::Count: {
        const ast::Expr& path = *e.args[0];
        expr(path, frames, nullptr);
        Frame f = open_frame(names_, type_of_expr(names_, frames, path), e.text, &e, std::string(path.range.text()));
        if (!e.text.empty()) {
          Range b = find_word(*e.range.file, e.range.begin, path.range.begin, e.text);
          if (inside(b, off_))
            return set(Target::Binding, b, [&](Target& t) { t.frame = f; t.text = e.text; t.binding_at = b; });
        }
        frames.push_back(f);
        for (size_t i = 1; i < e.args.size(); ++i) expr(*e.args[i], frames, nullptr);
        frames.pop_back();
        return;
      }
      default:
        for (const auto& a : e.args) expr(*a, frames, hint);
    }
  }

  void test(const ast::Test& t) {
    for (const auto& x : t.expects) {
      award_name(x.award);
      for (const auto& [ref, range] : x.because)
        if (inside(range, off_)) because(ref, range);
    }
    if (t.fixture && inside(t.fixture_range, off_))
      return set(Target::Fixture, t.fixture_range, [&](Target& x) { x.text = *t.fixture; });
    std::vector<const ast::Name*> expected;
    for (const auto& x : t.expects) expected.push_back(&x.award);
    const ast::RecordDecl* root = subject(expected);
    if (t.inline_facts) json(*t.inline_facts, root, false);
    if (t.patch) json(*t.patch, root, false);
  }

  // A key of test facts: a field of the record the object stands for, or a
  // judgement id under "judgements".
  void json(const ast::Json& j, const ast::RecordDecl* record, bool judgement_ids) {
    if (found_ || !inside(j.range, off_)) return;
    for (const auto& v : j.array) json(*v, record, false);
    for (const auto& [key, value] : j.object) {
      Range k = json_key(*j.range.file, *value);
      if (inside(k, off_)) {
        if (judgement_ids) {
          if (auto it = judgements_.find(key); it != judgements_.end())
            set(Target::Judgement, k, [&](Target& t) { t.stmt = it->second; t.text = key; });
        } else if (const ast::FieldDecl* fd = field_of(record, key)) {
          set(Target::Fact, k, [&](Target& t) { t.record = record; t.field = fd; });
        }
        return;
      }
      const ast::FieldDecl* fd = field_of(record, key);
      Ty ty = fd ? type_of_ref(names_, fd->type) : Ty{};
      if (ty.kind == Ty::List) ty = element(names_, ty);
      json(*value, ty.kind == Ty::Record ? ty.record : nullptr, key == "judgements" && !judgement_ids && !fd);
    }
  }

  // `because 第十条（一）`: the article, then the items its labels name.
  void because(const std::string& ref, Range at) {
    for (const auto& a : file_.articles) {
      if (ref.compare(0, a.label.size(), a.label) != 0) continue;
      std::string rest = ref.substr(a.label.size());
      std::vector<const ast::Item*> chain;
      const std::vector<ast::Member>* ms = &a.members;
      while (!rest.empty()) {
        const ast::Item* next = nullptr;
        std::function<void(const std::vector<ast::Member>&)> look = [&](const std::vector<ast::Member>& list) {
          for (const auto& m : list) {
            if (m.item && rest.compare(0, m.item->label.size(), m.item->label) == 0) next = m.item.get();
            if (m.group) look(m.group->members);
          }
        };
        look(*ms);
        if (!next) break;
        chain.push_back(next);
        rest = rest.substr(next->label.size());
        ms = &next->members;
      }
      if (!rest.empty()) continue;
      article_ = &a;
      items_ = chain;
      return set(chain.empty() ? Target::Article : Target::Item, at, [&](Target& t) { t.article = &a; });
    }
  }

  const ast::File& file_;
  const Names& names_;
  uint32_t off_;
  bool found_ = false;
  Target result_;
  const ast::Article* article_ = nullptr;
  std::vector<const ast::Item*> items_;
  std::vector<const std::vector<ast::Name>*> fors_;
  std::map<std::string, const ast::Stmt*> award_decls_;
  std::map<std::string, const ast::Stmt*> judgements_;
};

// The text of the nearest item, or the article's.
std::string provision_text(const Target& t) {
  for (auto it = t.items.rbegin(); it != t.items.rend(); ++it)
    if ((*it)->text) return *(*it)->text;
  return t.article && t.article->text ? *t.article->text : "";
}

std::string provision_ref(const Target& t) {
  std::string ref = t.article ? t.article->label : "";
  for (const ast::Item* i : t.items) ref += i->label;
  return ref;
}

std::string enum_values(const ast::EnumDecl& e) {
  std::string s;
  for (const auto& m : e.members) {
    if (!s.empty()) s += e.ordered ? " < " : ", ";
    s += "`" + m.name.text + "`";
    if (m.title) s += " " + *m.title;
  }
  return s;
}

std::string hover_text(const Target& t, const Names& names) {
  switch (t.kind) {
    case Target::Fact: {
      std::string s = fmt::format("**{}** · {}", t.field->name.text, type_text(t.field->type));
      if (t.field->title) s += "\n\n" + *t.field->title;
      Ty ty = type_of_ref(names, t.field->type);
      if (ty.kind == Ty::List) ty = element(names, ty);
      if (ty.kind == Ty::Enum) s += "\n\nvalues: " + enum_values(*ty.en);
      s += fmt::format("\n\nfield of `{}`", t.record->name.text);
      if (t.record->title) s += fmt::format(" ({})", *t.record->title);
      if (!t.frame.list.empty()) s += fmt::format(", an element of `{}`", t.frame.list);
      return s;
    }
    case Target::Binding: {
      std::string ty = t.frame.elem.kind == Ty::Record ? t.frame.elem.record->name.text
                       : t.frame.elem.kind == Ty::Builtin ? t.frame.elem.builtin
                       : t.frame.elem.kind == Ty::Enum ? t.frame.elem.en->name.text : "?";
      return fmt::format("**{}** · {}\n\nan element of `{}`", t.text, ty, t.frame.list);
    }
    case Target::EnumValue: {
      std::string s = fmt::format("**{}** · {}", t.member->name.text, t.en->name.text);
      if (t.member->title) s += "\n\n" + *t.member->title;
      s += fmt::format("\n\nvalue of `{}`", t.en->name.text);
      if (t.en->title) s += fmt::format(" ({})", *t.en->title);
      if (t.en->ordered) s += "\n\nordered: " + enum_values(*t.en);
      return s;
    }
    case Target::Award: {
      if (!t.stmt) return fmt::format("**{}**: no such award in this policy", t.text);
      const ast::Stmt& a = *t.stmt;
      std::string s = fmt::format("**{}** · award for {}\n\n{}", a.name.text, a.subject.text, a.text);
      for (const auto& st : a.settings) {
        std::string v;
        for (const auto& e : st.values) v += (v.empty() ? "" : ", ") + std::string(e->range.text());
        s += fmt::format("\n\n{}: {}", st.key.text, v);
      }
      return s;
    }
    case Target::Judgement: {
      std::string s = fmt::format("**judgement** `{}`", t.stmt->name.text);
      if (!t.text.empty()) s += " · " + t.text;
      return s + "\n\n" + t.stmt->text;
    }
    case Target::Rule: {
      std::string text = provision_text(t);
      return fmt::format("**{}**\n\n{}", provision_ref(t), text.empty() ? "(no text)" : text);
    }
    case Target::Article:
    case Target::Item: {
      std::string text = provision_text(t);
      return fmt::format("**{}**\n\n{}", provision_ref(t), text.empty() ? "(no text)" : text);
    }
    case Target::Record: {
      std::string s = fmt::format("**{}** · record", t.record->name.text);
      if (t.record->title) s += "\n\n" + *t.record->title;
      return s + fmt::format("\n\n{} fields", t.record->fields.size());
    }
    case Target::Enum: {
      std::string s = fmt::format("**{}** · enum{}", t.en->name.text, t.en->ordered ? " (ordered)" : "");
      if (t.en->title) s += "\n\n" + *t.en->title;
      return s + "\n\nvalues: " + enum_values(*t.en);
    }
    case Target::Module: {
      for (const ast::File* m : names.modules)
        if (m->name.text == t.text)
          return fmt::format("**{}** · stdlib module{}", t.text, m->title ? "\n\n" + *m->title : "");
      return fmt::format("**{}**: no such stdlib module", t.text);
    }
    default:
      return {};
  }
}

}  // namespace

// --- the service ----------------------------------------------------------------

Service::Service(std::function<std::string(const std::string&)> stdlib_uri) : stdlib_uri_(std::move(stdlib_uri)) {}
Service::~Service() = default;

const Service::Vocabulary& Service::vocabulary(const std::vector<std::string>& uses) const {
  std::string key;
  for (const auto& u : uses) key += u + "\n";
  auto& v = vocabularies_[key];
  if (v) return *v;
  v = std::make_unique<Vocabulary>();
  std::set<std::string> seen;
  std::vector<std::string> todo = uses;
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!seen.insert(name).second) continue;
    std::string rel = module_relpath(name);
    auto text = stdlib_text(rel);
    if (!text) continue;
    v->sources.push_back(std::make_unique<SourceFile>("stdlib/" + rel, std::move(*text)));
    DiagnosticSink ignored;  // a broken stdlib is reported by `award check`, not per keystroke
    v->modules.push_back(parse(*v->sources.back(), ignored));
    for (const auto& u : v->modules.back()->uses) todo.push_back(u.text);
  }
  return *v;
}

std::vector<Diagnostic> Service::open(const std::string& uri, std::string text) {
  auto& d = docs_[uri];
  d = std::make_unique<Document>();
  d->uri = uri;
  d->path = uri_to_path(uri);
  return check(*d, std::move(text));
}

std::vector<Diagnostic> Service::change(const std::string& uri, std::string text) {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return open(uri, std::move(text));
  return check(*it->second, std::move(text));
}

std::vector<Diagnostic> Service::edit(const std::string& uri, Span range, const std::string& text) {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return {};
  std::string t = it->second->text;
  LineIndex lines(t);
  uint32_t b = lines.offset(range.start), e = std::max(b, lines.offset(range.end));
  t.replace(b, e - b, text);
  return check(*it->second, std::move(t));
}

void Service::close(const std::string& uri) { docs_.erase(uri); }

std::vector<Diagnostic> Service::check(Document& d, std::string text) {
  d.text = text;
  auto snap = std::make_shared<Snapshot>();
  snap->bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0;
  snap->compiled = compile_source(d.path, std::move(text));
  snap->tokens = lex(snap->src());
  snap->lines = std::make_unique<LineIndex>(snap->src().text);
  snap->parsed = std::none_of(snap->compiled.diags.all().begin(), snap->compiled.diags.all().end(),
                              [](const award::Diagnostic& x) {
                                return x.severity == Severity::Error && std::string(code_name(x.code)) < "E200";
                              });
  d.current = snap;
  if (snap->parsed) d.good = snap;

  std::vector<Diagnostic> out;
  for (const auto& x : snap->compiled.diags.sorted()) {
    Diagnostic diag;
    diag.severity = x.severity == Severity::Error ? DiagSeverity::Error
                    : x.severity == Severity::Warning ? DiagSeverity::Warning : DiagSeverity::Information;
    diag.code = code_name(x.code);
    diag.message = x.message;
    if (!x.hint.empty()) diag.message += "\nhint: " + x.hint;
    if (x.range.file == &snap->src()) {
      diag.range = snap->span(x.range.begin, x.range.end);
    } else if (x.range.file) {
      // in a module the policy uses: say where, at the start of the document
      auto p = x.range.file->position(x.range.begin);
      diag.message = fmt::format("{}:{}:{}: {}", x.range.file->path, p.line, p.column, diag.message);
    }
    for (const auto& n : x.notes) {
      if (n.range.file != &snap->src()) continue;
      diag.related.push_back({{d.uri, snap->span(n.range.begin, n.range.end)}, n.message});
    }
    out.push_back(std::move(diag));
  }
  return out;
}

// Everything a query needs about one document: the snapshot it answers from,
// the names in scope, and how to turn ranges into locations.
struct Query {
  const Service::Document& doc;
  const Service::Snapshot& cur;
  const Service::Snapshot* snap = nullptr;  // current, or the last good one
  std::optional<EditMap> map;
  Names names;
  const std::function<std::string(const std::string&)>& stdlib_uri;

  std::optional<uint32_t> offset(Position p) const {
    uint32_t o = cur.offset(p);
    if (!map) return o;
    return map->to_good(o);
  }
  Span span(Range r) const {
    if (!map) return snap->span(r.begin, r.end);
    return cur.span(map->to_current(r.begin, false), map->to_current(r.end, true));
  }
  std::optional<Location> location(Range r) const {
    if (!r.valid()) return std::nullopt;
    if (r.file == &snap->src()) return Location{doc.uri, span(r)};
    const std::string& path = r.file->path;
    if (path.rfind("stdlib/", 0) != 0) return std::nullopt;
    std::string uri = stdlib_uri(path.substr(7));
    if (uri.empty()) return std::nullopt;
    LineIndex lines(r.file->text);
    return Location{uri, lines.span(r.begin, r.end)};
  }
};

namespace {

std::optional<Query> make_query(const Service::Document& d, bool prefer_good,
                                const std::function<std::string(const std::string&)>& stdlib_uri) {
  Query q{d, *d.current, nullptr, std::nullopt, {}, stdlib_uri};
  if (d.current->parsed || !prefer_good || !d.good) {
    q.snap = d.current.get();
  } else {
    q.snap = d.good.get();
    q.map = EditMap(d.current->src().text, d.good->src().text);
  }
  return q;
}

}  // namespace

std::optional<Hover> Service::hover(const std::string& uri, Position p) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return std::nullopt;
  auto q = make_query(*it->second, true, stdlib_uri_);
  auto off = q->offset(p);
  if (!off) return std::nullopt;
  const ast::File& f = q->snap->file();
  std::vector<std::string> uses;
  for (const auto& u : f.uses) uses.push_back(u.text);
  const Vocabulary& v = vocabulary(uses);
  for (const auto& m : v.modules) { q->names.add(*m); q->names.modules.push_back(m.get()); }
  q->names.add(f);
  Target t = Locator(f, q->names, *off).find();
  std::string md = hover_text(t, q->names);
  if (md.empty()) return std::nullopt;
  return Hover{md, q->span(t.at)};
}

std::vector<Location> Service::definition(const std::string& uri, Position p) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return {};
  auto q = make_query(*it->second, true, stdlib_uri_);
  auto off = q->offset(p);
  if (!off) return {};
  const ast::File& f = q->snap->file();
  std::vector<std::string> uses;
  for (const auto& u : f.uses) uses.push_back(u.text);
  const Vocabulary& v = vocabulary(uses);
  for (const auto& m : v.modules) { q->names.add(*m); q->names.modules.push_back(m.get()); }
  q->names.add(f);
  Locator loc(f, q->names, *off);
  Target t = loc.find();
  Range target;
  switch (t.kind) {
    case Target::Fact: target = t.field->name.range; break;
    case Target::Binding: target = t.binding_at; break;
    case Target::EnumValue: target = t.member->name.range; break;
    case Target::Award:
    case Target::Judgement:
      if (t.stmt) target = t.stmt->name.range;
      break;
    case Target::Article:
      target = t.article->label_range;
      break;
    case Target::Item:
      target = t.items.empty() ? t.article->label_range : t.items.back()->label_range;
      break;
    case Target::Record: target = t.record->name.range; break;
    case Target::Enum: target = t.en->name.range; break;
    case Target::Module:
      for (const auto& m : v.modules)
        if (m->name.text == t.text) target = Range{m->range.file, 0, 0};
      break;
    case Target::Fixture: {
      std::string dir = it->second->path.substr(0, it->second->path.rfind('/') + 1);
      return {Location{path_to_uri(dir + t.text), {}}};
    }
    default: break;
  }
  if (auto l = q->location(target)) return {*l};
  return {};
}

std::vector<Symbol> Service::symbols(const std::string& uri) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return {};
  auto q = make_query(*it->second, true, stdlib_uri_);
  const ast::File& f = q->snap->file();
  auto sym = [&](std::string name, std::string detail, SymbolKind k, Range range, Range sel) {
    Symbol s;
    s.name = std::move(name);
    s.detail = shorten(detail, 30);
    s.kind = k;
    s.range = q->span(range);
    s.selection = q->span(sel.valid() ? sel : range);
    return s;
  };
  std::function<void(const std::vector<ast::Member>&, std::vector<Symbol>&)> members =
      [&](const std::vector<ast::Member>& ms, std::vector<Symbol>& out) {
        for (const auto& m : ms) {
          if (m.group) {
            members(m.group->members, out);  // a `for … { }` group adds no level to the outline
          } else if (m.item) {
            Symbol s = sym(m.item->label, m.item->text.value_or(""), SymbolKind::Field, m.item->range, m.item->label_range);
            members(m.item->members, s.children);
            out.push_back(std::move(s));
          } else if (m.stmt && m.stmt->kind == ast::StmtKind::Award) {
            out.push_back(sym(m.stmt->name.text, m.stmt->text, SymbolKind::Class, m.stmt->range, m.stmt->name.range));
          } else if (m.stmt && m.stmt->kind == ast::StmtKind::Judgement) {
            out.push_back(sym(m.stmt->name.text, m.stmt->text, SymbolKind::Boolean, m.stmt->range, m.stmt->name.range));
          }
        }
      };
  std::vector<Symbol> out;
  for (const auto& e : f.enums) {
    Symbol s = sym(e.name.text, e.title.value_or(""), SymbolKind::Enum, e.range, e.name.range);
    for (const auto& m : e.members)
      s.children.push_back(sym(m.name.text, m.title.value_or(""), SymbolKind::EnumMember, m.range, m.name.range));
    out.push_back(std::move(s));
  }
  for (const auto& r : f.records) {
    Symbol s = sym(r.name.text, r.title.value_or(""), SymbolKind::Struct, r.range, r.name.range);
    for (const auto& fd : r.fields)
      s.children.push_back(sym(fd.name.text, fd.title.value_or(""), SymbolKind::Field, fd.range, fd.name.range));
    out.push_back(std::move(s));
  }
  for (const auto& a : f.articles) {
    Symbol s = sym(a.label, a.text.value_or(""), SymbolKind::Namespace, a.range, a.label_range);
    members(a.members, s.children);
    out.push_back(std::move(s));
  }
  for (const auto& t : f.tests) out.push_back(sym(t.name, "test", SymbolKind::Method, t.range, Range{}));
  // Editors list the outline in the file's order.
  std::stable_sort(out.begin(), out.end(), [](const Symbol& a, const Symbol& b) {
    return std::tie(a.range.start.line, a.range.start.character) < std::tie(b.range.start.line, b.range.start.character);
  });
  return out;
}

std::optional<Service::Replacement> Service::format(const std::string& uri) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return std::nullopt;
  const Document& d = *it->second;
  SourceFile src(d.path, d.text);
  DiagnosticSink diags;
  std::optional<std::string> out;
  try {
    out = format_source(src, diags);
  } catch (const std::logic_error&) {
    return std::nullopt;  // the formatter refused its own layout: leave the text as it is
  }
  if (!out || *out == d.text) return std::nullopt;
  LineIndex index(d.text);
  return Replacement{index.span(0, static_cast<uint32_t>(d.text.size())), std::move(*out)};
}

std::vector<Fold> Service::folds(const std::string& uri) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return {};
  auto q = make_query(*it->second, true, stdlib_uri_);
  std::vector<Fold> out;
  auto fold = [&](Range r) {
    Span s = q->span(r);
    uint32_t end = s.end.line;
    if (!r.text().empty() && r.text().back() == '}' && end > 0) --end;
    if (end > s.start.line) out.push_back({s.start.line, end});
  };
  std::function<void(const std::vector<ast::Member>&)> members = [&](const std::vector<ast::Member>& ms) {
    for (const auto& m : ms) {
      if (m.item) { fold(m.item->range); members(m.item->members); }
      else if (m.group) { fold(m.group->range); members(m.group->members); }
      else if (m.stmt && m.stmt->kind == ast::StmtKind::Award) fold(m.stmt->range);
    }
  };
  const ast::File& f = q->snap->file();
  for (const auto& e : f.enums) fold(e.range);
  for (const auto& r : f.records) fold(r.range);
  for (const auto& a : f.articles) { fold(a.range); members(a.members); }
  for (const auto& t : f.tests) fold(t.range);
  std::sort(out.begin(), out.end(), [](const Fold& a, const Fold& b) { return a.start_line < b.start_line; });
  return out;
}

// --- completion -------------------------------------------------------------------

namespace {

// The file's keyword language: the spelling most of its keywords use.
bool writes_chinese(const std::vector<LexToken>& tokens) {
  int en = 0, zh = 0;
  for (const auto& t : tokens) {
    if (t.type.rfind("K_", 0) != 0) continue;
    const Keyword* k = keyword(t.type);
    if (!k) continue;
    std::string_view s = t.range.text();
    if (s == k->zh) ++zh;
    else ++en;
  }
  return zh > en;
}

// The names of `a.b.c` ending just before index `end` (exclusive) of `toks`.
std::vector<std::string> path_before(const std::vector<const LexToken*>& toks, size_t end) {
  std::vector<std::string> path;
  size_t i = end;
  while (i > 0 && is_ident(*toks[i - 1])) {
    path.insert(path.begin(), std::string(toks[i - 1]->range.text()));
    if (i >= 2 && toks[i - 2]->type == "DOT") i -= 2;
    else break;
  }
  return path;
}

}  // namespace

std::vector<CompletionItem> Service::completion(const std::string& uri, Position p) const {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return {};
  const Document& d = *it->second;
  const Snapshot& cur = *d.current;
  uint32_t off = cur.offset(p);

  // Inside a string, a text block or a comment: nothing to complete.
  std::vector<const LexToken*> ctx;
  for (const auto& t : cur.tokens) {
    if (t.range.begin >= off) break;
    bool literal = t.type == "STRING" || t.type == "TEXT_BLOCK" || t.type == "UNTERMINATED_STRING" ||
                   t.type == "LINE_COMMENT" || t.type == "BLOCK_COMMENT";
    if (literal && (off < t.range.end || t.type == "LINE_COMMENT" || t.type == "UNTERMINATED_STRING")) return {};
    // the word being typed is not context
    if (t.range.end >= off && (is_ident(t) || t.type.rfind("K_", 0) == 0)) break;
    if (!is_trivia(t)) ctx.push_back(&t);
  }
  const bool zh = writes_chinese(cur.tokens);
  auto kw = [&](const Keyword& k) {
    return CompletionItem{zh ? k.zh : k.en, CompletionKind::Keyword, zh ? k.en : k.zh, ""};
  };

  // The names in scope: the last good tree says which article the cursor is
  // in (hence which applicant the rule reads) and which awards exist.
  auto q = make_query(d, true, stdlib_uri_);
  const ast::File& f = q->snap->file();
  std::vector<std::string> uses;
  for (const auto& u : f.uses) uses.push_back(u.text);
  const Vocabulary& v = vocabulary(uses);
  Names names;
  for (const auto& m : v.modules) names.add(*m);
  names.add(f);
  uint32_t good_off = q->map ? q->map->to_good_clamped(off) : off;
  Locator locator(f, names, good_off);
  std::vector<const std::vector<ast::Name>*> fors;
  auto around = [&](const Range& r) { return r.begin <= good_off && good_off <= r.end; };
  for (const auto& a : f.articles) {
    if (!around(a.range)) continue;
    fors.push_back(&a.for_awards);
    const std::vector<ast::Member>* ms = &a.members;
    for (bool deeper = true; deeper;) {
      deeper = false;
      for (const auto& m : *ms) {
        const ast::Node* node = m.item ? static_cast<const ast::Node*>(m.item.get()) : m.group.get();
        if (!node || !around(node->range)) continue;
        fors.push_back(m.item ? &m.item->for_awards : &m.group->for_awards);
        ms = m.item ? &m.item->members : &m.group->members;
        deeper = true;
        break;
      }
    }
  }

  // Which statement the cursor is in, and the quantifiers open at the cursor.
  size_t start = 0;
  for (size_t i = ctx.size(); i-- > 0;)
    if (kStatementStarts.count(ctx[i]->type)) { start = i; break; }
  std::vector<Frame> frames;
  const ast::RecordDecl* root = locator.subject(Locator::innermost(fors));
  if (!ctx.empty() && ctx[start]->type == "K_REVOKE") {
    std::vector<ast::Name> named;
    for (size_t i = start + 1; i < ctx.size() && (is_ident(*ctx[i]) || ctx[i]->type == "COMMA"); ++i)
      if (is_ident(*ctx[i])) { ast::Name n; n.text = std::string(ctx[i]->range.text()); named.push_back(std::move(n)); }
    std::vector<const ast::Name*> ptrs;
    for (const auto& n : named) ptrs.push_back(&n);
    root = locator.subject(ptrs);
  }
  frames.push_back(Frame{Ty{Ty::Record, "", root, nullptr, nullptr}, "", nullptr, ""});
  std::vector<int> opened_at = {0};
  int depth = 0;
  bool in_except = false;
  for (size_t i = start + 1; i < ctx.size(); ++i) {
    const std::string& ty = ctx[i]->type;
    if (ty == "LPAREN" || ty == "LBRACE" || ty == "LBRACK") ++depth;
    if (ty == "RPAREN" || ty == "RBRACE" || ty == "RBRACK") {
      --depth;
      while (frames.size() > 1 && opened_at.back() > depth) { frames.pop_back(); opened_at.pop_back(); }
    }
    if (depth == 0 && (ty == "K_WHEN" || ty == "K_EXCEPT" || (ty == "K_THEN" && in_except))) {
      frames.resize(1);
      opened_at.resize(1);
      if (ty != "K_THEN") in_except = ty == "K_EXCEPT";
    }
    if (ty == "K_ANY" || ty == "K_NO" || ty == "K_ALL" || ty == "K_COUNT") {
      size_t j = i + 1;
      int open = depth;
      if (ty == "K_COUNT" && j < ctx.size() && ctx[j]->type == "LPAREN") { ++j; open = depth + 1; }
      std::string binding;
      if (j + 1 < ctx.size() && is_ident(*ctx[j]) && ctx[j + 1]->type == "K_IN") {
        binding = std::string(ctx[j]->range.text());
        j += 2;
      }
      std::vector<std::string> path;
      size_t k = j;
      while (k < ctx.size() && is_ident(*ctx[k])) {
        path.emplace_back(ctx[k]->range.text());
        if (k + 1 < ctx.size() && ctx[k + 1]->type == "DOT") k += 2;
        else { ++k; break; }
      }
      if (path.empty() || k >= ctx.size()) continue;  // the cursor is in the path itself
      std::string list;
      for (const auto& s : path) list += (list.empty() ? "" : ".") + s;
      frames.push_back(open_frame(names, type_of_path(names, frames, path), binding, nullptr, list));
      opened_at.push_back(open);
    }
  }

  std::vector<CompletionItem> out;
  auto fields_of = [&](const ast::RecordDecl* r) {
    if (!r) return;
    for (const auto& fd : r->fields)
      out.push_back({fd.name.text, CompletionKind::Field, type_text(fd.type), fd.title.value_or("")});
  };
  auto values_of = [&](const ast::EnumDecl* e) {
    for (const auto& m : e->members)
      out.push_back({m.name.text, CompletionKind::EnumMember, e->name.text, m.title.value_or("")});
  };
  auto facts = [&] {
    std::set<std::string> seen;
    for (auto fr = frames.rbegin(); fr != frames.rend(); ++fr) {
      if (!fr->binding.empty()) {
        if (seen.insert(fr->binding).second)
          out.push_back({fr->binding, CompletionKind::Variable, "an element of " + fr->list, ""});
        continue;
      }
      if (fr->elem.kind != Ty::Record || !fr->elem.record) continue;
      for (const auto& fd : fr->elem.record->fields)
        if (seen.insert(fd.name.text).second)
          out.push_back({fd.name.text, CompletionKind::Field, type_text(fd.type), fd.title.value_or("")});
    }
    for (const auto& k : keywords())
      if (kOperandKeywords.count(k.type)) out.push_back(kw(k));
  };
  auto award_ids = [&] {
    for (const auto& [id, s] : locator.award_decls()) out.push_back({id, CompletionKind::Class, s->subject.text, s->text});
  };
  auto all_keywords = [&] {
    for (const auto& k : keywords()) out.push_back(kw(k));
  };

  if (ctx.empty()) { all_keywords(); return out; }
  const std::string& last = ctx.back()->type;
  size_t n = ctx.size();
  auto enum_at = [&](size_t end) -> const ast::EnumDecl* {
    Ty t = type_of_path(names, frames, path_before(ctx, end));
    if (t.kind == Ty::List) t = element(names, t);
    return t.kind == Ty::Enum ? t.en : nullptr;
  };

  if (last == "DOT") {
    Ty t = type_of_path(names, frames, path_before(ctx, n - 1));
    if (t.kind == Ty::Record) fields_of(t.record);
    return out;
  }
  if (last == "EQ" || last == "NE" || last == "LT" || last == "LE" || last == "GT" || last == "GE") {
    if (const ast::EnumDecl* e = enum_at(n - 1)) values_of(e);
    else facts();
    return out;
  }
  // `for a, b`, `bonus`, `revoke`, `expect`: award ids; `award x "t" for`: the subjects
  {
    size_t i = n;
    while (i > 0 && (ctx[i - 1]->type == "COMMA" || is_ident(*ctx[i - 1]))) --i;
    bool list_so_far = i == n || ctx[n - 1]->type == "COMMA";
    if (i > 0 && list_so_far) {
      const std::string& head = ctx[i - 1]->type;
      if (head == "K_FOR" && ctx[start]->type == "K_AWARD") {
        for (const char* s : {"organization", "individual"})
          if (auto r = names.records.find(s); r != names.records.end())
            out.push_back({s, CompletionKind::Class, "record", r->second->title.value_or("")});
        return out;
      }
      if (head == "K_FOR" || head == "K_REVOKE" || (head == "K_BONUS" && i == n) || (head == "K_EXPECT" && i == n)) {
        award_ids();
        return out;
      }
    }
    if (n >= 2 && ctx[n - 2]->type == "K_EXPECT" && is_ident(*ctx[n - 1])) {
      for (const char* verdict : {"eligible", "ineligible", "undetermined"})
        out.push_back({verdict, CompletionKind::Value, "verdict", ""});
      return out;
    }
  }
  if (last == "K_USE") {
    for (const StdlibFile* s = stdlib_files(); s->path; ++s) {
      std::string path = s->path;
      if (path.size() > 6 && path.substr(path.size() - 6) == ".award")
        out.push_back({path.substr(0, path.size() - 6), CompletionKind::Module, "stdlib module", ""});
    }
    return out;
  }
  if (last == "LBRACE" || last == "COMMA") {
    // inside `x in {…}`: the values of x's enum
    int level = 0;
    for (size_t i = n; i-- > 0;) {
      const std::string& ty = ctx[i]->type;
      if (ty == "RBRACE" || ty == "RPAREN") ++level;
      else if ((ty == "LBRACE" || ty == "LPAREN") && level > 0) --level;
      else if (ty == "LBRACE") {
        if (i > 0 && (ctx[i - 1]->type == "K_IN" || ctx[i - 1]->type == "K_OVERLAPS")) {
          size_t end = i - 1;
          if (end > 0 && ctx[end - 1]->type == "K_NOT") --end;
          if (const ast::EnumDecl* e = enum_at(end)) { values_of(e); return out; }
          return out;
        }
        break;
      } else if (ty == "LPAREN") {
        break;
      }
    }
  }
  if (kOperandStarts.count(last)) {
    facts();
    return out;
  }
  all_keywords();
  return out;
}

}  // namespace award::lsp
