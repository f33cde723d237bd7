// The only file that includes the generated parser. It installs its own error
// listeners, refuses inputs that would exhaust the stack, and turns the parse
// tree into the owned ast:: tree at once, one function per grammar rule.
#include "compiler/parse.h"

#include <algorithm>
#include <fmt/format.h>
#include <atomic>
#include <map>
#include <shared_mutex>
#include <unordered_map>
#include <typeinfo>

#include <antlr4-runtime.h>

#include "AwardLexer.h"
#include "AwardParser.h"
#include "runtime/messages.h"

namespace award {

using award_antlr::AwardLexer;
using award_antlr::AwardParser;
using P = award_antlr::AwardParser;

namespace {

// --- UTF-8 --------------------------------------------------------------------

// Returns the byte offset of the first invalid sequence, or npos.
size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    if (len == 2 && c < 0xC2) return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i;
    }
    if (len == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// A text that is not UTF-8 but decodes as GBK double-byte pairs almost
// everywhere is most likely GBK (GB 18030's two-byte subset).
bool looks_like_gbk(std::string_view s) {
  size_t pairs = 0, bad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if (c >= 0x81 && c <= 0xFE && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x40 && d <= 0xFE && d != 0x7F) { ++pairs; ++i; continue; }
    }
    ++bad;
  }
  return pairs >= 2 && bad * 10 < pairs;
}

// --- The lexer's input -------------------------------------------------------------

// ANTLR's lexer caches the edges of its DFA for code points 0..127 only: every
// other character (each Chinese character of a text block) is matched by a full
// simulation of the lexer's ATN, and that made lexing most of a compile. The
// lexer tells characters apart only by the transition labels they belong to, so
// a character outside ASCII that belongs to exactly the same labels as some ASCII
// character lexes exactly as that one does. FoldedInput shows the lexer such a
// character in its place; token text still comes from the source.
class LexerAlphabet {
 public:
  LexerAlphabet() {
    antlr4::ANTLRInputStream none(std::string{});
    AwardLexer lexer(&none);
    for (const antlr4::atn::ATNState* s : lexer.getATN().states) {
      if (!s) continue;
      for (const antlr4::atn::Transition* t : s->transitions) {
        if (t->isEpsilon()) continue;
        antlr4::misc::IntervalSet l = t->label();  // wildcard: empty, it matches every character alike
        if (l.isEmpty() || std::find(labels_.begin(), labels_.end(), l) != labels_.end()) continue;
        labels_.push_back(std::move(l));
      }
    }
    // Not NUL (0 marks a character not folded yet), nor the line ends the lexer counts lines by.
    for (uint32_t c = 1; c < 128; ++c)
      if (c != '\n' && c != '\r') ascii_.emplace(signature(c), c);
  }

  // The character the lexer sees for code point c (c itself when no ASCII one lexes alike).
  size_t fold(size_t c) const {
    auto it = ascii_.find(signature(c));
    return it == ascii_.end() ? c : it->second;
  }

 private:
  std::string signature(size_t c) const {
    std::string sig(labels_.size(), '0');
    for (size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i].contains(c)) sig[i] = '1';
    return sig;
  }
  std::vector<antlr4::misc::IntervalSet> labels_;
  std::map<std::string, uint32_t> ascii_;
};

class FoldedInput : public antlr4::ANTLRInputStream {
 public:
  using antlr4::ANTLRInputStream::ANTLRInputStream;
  size_t LA(ssize_t i) override {
    size_t c = antlr4::ANTLRInputStream::LA(i);
    if (c < 128 || c == antlr4::IntStream::EOF) return c;
    static const LexerAlphabet alphabet;
    if (c > 0xFFFF) return alphabet.fold(c);  // outside the BMP: rare, not remembered
    // Remembered for the process, 0 while not yet computed; two threads computing
    // the same character store the same value.
    static std::atomic<uint16_t> folded[0x10000];
    uint16_t f = folded[c].load(std::memory_order_relaxed);
    if (!f) folded[c].store(f = static_cast<uint16_t>(alphabet.fold(c)), std::memory_order_relaxed);
    return f;
  }
};

// FoldedInput leaves the characters of the Chinese keywords (的, 年, 条, 款, …) as
// they are: each is in labels of its own, so no ASCII character lexes alike, and
// ANTLR's lexer simulated its ATN again for every one of them, a third of a
// compile. The DFA state reached from a state on a character does not depend on
// where the character lies, so WideEdges keeps those edges too, in a table of its
// own beside ANTLR's (which stops at 127), shared by every lexer of the process.
class WideEdges : public antlr4::atn::LexerATNSimulator {
 public:
  explicit WideEdges(AwardLexer* lexer)
      : antlr4::atn::LexerATNSimulator(lexer, lexer->getATN(), dfas(lexer->getATN()), cache_) {}

  // Puts a WideEdges in the place of the simulator the generated lexer made
  // (setInterpreter deletes that one).
  static void install(AwardLexer& lexer) {
    lexer.setInterpreter(new WideEdges(&lexer));
  }

 protected:
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* s, size_t t) override {
    if (t <= antlr4::atn::LexerATNSimulator::MAX_DFA_EDGE) return antlr4::atn::LexerATNSimulator::getExistingTargetState(s, t);
    std::shared_lock lock(mutex_);
    auto it = edges_.find(Edge{s, t});
    return it == edges_.end() ? nullptr : it->second;
  }

  void addDFAEdge(antlr4::dfa::DFAState* p, size_t t, antlr4::dfa::DFAState* q) override {
    if (t <= antlr4::atn::LexerATNSimulator::MAX_DFA_EDGE || !p || !q) {
      antlr4::atn::LexerATNSimulator::addDFAEdge(p, t, q);
      return;
    }
    std::unique_lock lock(mutex_);
    edges_.emplace(Edge{p, t}, q);
  }
  using antlr4::atn::LexerATNSimulator::addDFAEdge;

 private:
  struct Edge {
    antlr4::dfa::DFAState* from;
    size_t symbol;
    bool operator==(const Edge&) const = default;
  };
  struct EdgeHash {
    size_t operator()(const Edge& e) const {
      return std::hash<const void*>()(e.from) * 31 + std::hash<size_t>()(e.symbol);
    }
  };

  // The DFA these lexers share, one per mode, as the generated lexer makes its own.
  static std::vector<antlr4::dfa::DFA>& dfas(const antlr4::atn::ATN& atn) {
    static std::vector<antlr4::dfa::DFA> v = [&] {
      std::vector<antlr4::dfa::DFA> d;
      d.reserve(atn.getNumberOfDecisions());
      for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i) d.emplace_back(atn.getDecisionState(i), i);
      return d;
    }();
    return v;
  }
  static inline antlr4::atn::PredictionContextCache cache_;
  static inline std::shared_mutex mutex_;
  static inline std::unordered_map<Edge, antlr4::dfa::DFAState*, EdgeHash> edges_;
};

// The lexer every reading of a source uses: the folded input, and the edges
// above 127 kept.
struct SourceLexer {
  explicit SourceLexer(const std::string& text) : input(text) { WideEdges::install(lexer); }
  FoldedInput input;
  AwardLexer lexer{&input};
};

// --- Error listeners ------------------------------------------------------------

class Collector : public antlr4::BaseErrorListener {
 public:
  Collector(const SourceFile& src, DiagnosticSink& diags, const std::vector<uint32_t>& cp2byte)
      : src_(src), diags_(diags), cp2byte_(cp2byte) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string&, std::exception_ptr) override {
    if (count_ >= kMaxErrors) return;
    ++count_;
    Range r{&src_, 0, 0};
    std::string message;
    std::string hint;
    if (offending) {
      r = range_of(offending);
      if (offending->getType() == antlr4::Token::EOF) {
        message = tr(Msg::unexpected_eof);
      } else {
        message = tr(Msg::unexpected_token, describe(offending));
      }
      if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
        hint = expected_hint(parser);
      }
      if (offending->getType() == AwardLexer::ID) {
        if (std::string h = glued_keyword_hint(std::string(r.text())); !h.empty()) hint = std::move(h);
      }
    } else {
      // Lexer errors carry no token; position them by line and column.
      uint32_t off = line >= 1 && line <= src_.line_starts.size() ? src_.line_starts[line - 1] : 0;
      // column counts code points on that line
      uint32_t cp_line_start = byte_to_cp(off);
      uint32_t cp = cp_line_start + static_cast<uint32_t>(column);
      uint32_t b = cp < cp2byte_.size() ? cp2byte_[cp] : static_cast<uint32_t>(src_.text.size());
      r = Range{&src_, b, b + 1};
      // ANTLR's own words ("token recognition error at: …") are English; the
      // message names the characters from the token's start up to the one the
      // lexer stopped at, as the source has them, on that line.
      if (auto* lexer = dynamic_cast<antlr4::Lexer*>(recognizer)) {
        size_t stop = lexer->getInputStream()->index() + 1;
        uint32_t e = stop < cp2byte_.size() ? cp2byte_[stop] : static_cast<uint32_t>(src_.text.size());
        e = std::min(e, static_cast<uint32_t>(std::min(src_.text.size(), src_.text.find('\n', b))));
        if (e > b) r.end = e;
      }
      message = tr(Msg::unrecognised_text, r.text());
    }
    diags_.error(Code::E100, r, std::move(message), std::move(hint));
  }

  Range range_of(antlr4::Token* t) const {
    size_t a = t->getStartIndex(), b = t->getStopIndex();
    if (t->getType() == antlr4::Token::EOF || a == kNoIndex) {
      uint32_t end = static_cast<uint32_t>(src_.text.size());
      return Range{&src_, end, end};
    }
    uint32_t ba = a < cp2byte_.size() ? cp2byte_[a] : static_cast<uint32_t>(src_.text.size());
    uint32_t bb = b + 1 < cp2byte_.size() ? cp2byte_[b + 1] : static_cast<uint32_t>(src_.text.size());
    return Range{&src_, ba, bb};
  }

  size_t count() const { return count_; }
  void set_keywords(KeywordSet set) { keywords_ = set; }

 private:
  static constexpr size_t kMaxErrors = 50;
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);

  uint32_t byte_to_cp(uint32_t byte) const {
    auto it = std::lower_bound(cp2byte_.begin(), cp2byte_.end(), byte);
    return static_cast<uint32_t>(it - cp2byte_.begin());
  }

  std::string describe(antlr4::Token* t) const {
    std::string text = t->getText();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    switch (t->getType()) {
      case AwardLexer::ID: return tr(Msg::token_name, text);
      case AwardLexer::STRING: return tr(Msg::token_string);
      case AwardLexer::TEXT_BLOCK: return tr(Msg::token_text_block);
      case AwardLexer::INT:
      case AwardLexer::DECIMAL: return tr(Msg::token_number, text);
      case AwardLexer::DATE: return tr(Msg::token_date, text);
      default: return tr(Msg::token_other, text);
    }
  }

  // `要求注册地` is one name to the lexer: Chinese has no spaces, so a writer
  // easily glues a keyword to the name after it. One-character keywords (`不`)
  // begin too many ordinary names (`不良记录`) to be guessed at.
  static std::string glued_keyword_hint(const std::string& name) {
    constexpr size_t kOneCjkCharacter = 3;  // bytes in UTF-8
    std::string_view best;
    for (const Keyword& k : keywords())
      if (k.chinese.size() > kOneCjkCharacter && k.chinese.size() > best.size() && name.size() > k.chinese.size() && name.rfind(k.chinese, 0) == 0)
        best = k.chinese;
    if (best.empty()) return {};
    return tr(Msg::hint_glued_keyword, best, best, name.substr(best.size()));
  }

  std::string expected_hint(antlr4::Parser* parser) const {
    antlr4::misc::IntervalSet set;
    try {
      set = parser->getExpectedTokens();
    } catch (...) {
      return {};
    }
    std::vector<std::string> names;
    for (size_t t : set.toList()) {
      if (t == antlr4::Token::EOF) continue;
      std::string n = token_display_name(t, keywords_);
      if (!n.empty()) names.push_back(n);
    }
    if (set.contains(static_cast<size_t>(AwardLexer::ID)) && set.contains(static_cast<size_t>(AwardLexer::DATE)))
      return tr(Msg::hint_expected_value);
    if (names.empty() || names.size() > 17) return {};  // a longer list helps no one
    std::string joined;
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) joined += tr(i + 1 == names.size() ? Msg::list_or : Msg::list_separator);
      joined += names[i];
    }
    return tr(Msg::hint_expected, joined);
  }

  const SourceFile& src_;
  DiagnosticSink& diags_;
  const std::vector<uint32_t>& cp2byte_;
  size_t count_ = 0;
  KeywordSet keywords_ = KeywordSet::English;  // the file's, for the keywords a hint expects
};

// --- Tree conversion ------------------------------------------------------------

class Builder {
 public:
  Builder(const SourceFile& src, DiagnosticSink& diags, const Collector& col) : src_(src), diags_(diags), col_(col) {}

  std::unique_ptr<ast::File> file(P::FileContext* ctx) {
    auto f = std::make_unique<ast::File>();
    f->range = range(ctx);
    if (auto* h = ctx->policyHeader()) {
      f->kind = ast::File::Kind::Policy;
      f->name = policy_id(h->name);
      if (h->title) f->title = text(h->title);
      if (h->block) f->meta = settings(h->block);
    } else if (auto* m = ctx->moduleHeader()) {
      f->kind = ast::File::Kind::Module;
      f->name = qualified(m->name);
      if (m->title) f->title = text(m->title);
    }
    for (auto* u : ctx->useDecl()) f->uses.push_back(qualified(u->qualifiedName()));
    for (auto* d : ctx->decl()) {
      if (auto* e = d->enumDecl()) f->enums.push_back(enum_decl(e));
      else if (auto* r = d->recordDecl()) f->records.push_back(record_decl(r));
      else if (auto* a = d->articleDecl()) f->articles.push_back(article(a));
      else if (auto* t = d->testDecl()) f->tests.push_back(test(t));
      else if (auto* s = d->statement()) { if (auto st = statement(s)) f->stray.push_back(std::move(st)); }
    }
    return f;
  }

 private:
  Range range(antlr4::ParserRuleContext* ctx) const {
    if (!ctx || !ctx->getStart()) return Range{&src_, 0, 0};
    Range a = col_.range_of(ctx->getStart());
    antlr4::Token* stop = ctx->getStop();
    if (!stop || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) return Range{&src_, a.begin, a.begin};
    Range b = col_.range_of(stop);
    return Range{&src_, a.begin, std::max(a.begin, b.end)};
  }
  Range range(antlr4::Token* t) const { return col_.range_of(t); }
  Range range(antlr4::tree::TerminalNode* n) const { return n ? col_.range_of(n->getSymbol()) : Range{&src_, 0, 0}; }

  ast::Name name(P::IdentContext* ctx) {
    ast::Name n;
    if (!ctx) return n;
    n.range = range(ctx);
    n.text = std::string(n.range.text());
    return n;
  }

  ast::Name qualified(P::QualifiedNameContext* ctx) {
    ast::Name n;
    if (!ctx) return n;
    n.range = range(ctx);
    for (auto* i : ctx->ident()) {
      if (!n.text.empty()) n.text += ".";
      n.text += std::string(range(i).text());
    }
    return n;
  }

  // policy daqing-2018: the id is a name followed by -word or -number parts,
  // written without spaces.
  ast::Name policy_id(P::PolicyIdContext* ctx) {
    ast::Name n;
    if (!ctx) return n;
    n.range = range(ctx);
    uint32_t prev_end = 0;
    bool first = true;
    bool spaced = false;
    for (auto* child : ctx->children) {
      Range r;
      if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) r = range(t);
      else if (auto* c = dynamic_cast<antlr4::ParserRuleContext*>(child)) r = range(c);
      else continue;
      if (!first && r.begin != prev_end && !spaced) {
        spaced = true;
        diags_.error(Code::E406, n.range, tr(Msg::policy_id_spaces),
                     tr(Msg::hint_write, [&] {
                       std::string s;
                       for (auto* c2 : ctx->children) s += c2->getText();
                       return s;
                     }()));
      }
      n.text += std::string(r.text());
      prev_end = r.end;
      first = false;
    }
    return n;
  }

  static std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\' || i + 1 >= s.size()) { out += s[i]; continue; }
      char c = s[++i];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (i + 4 < s.size()) {
            uint32_t cp = static_cast<uint32_t>(std::stoul(std::string(s.substr(i + 1, 4)), nullptr, 16));
            i += 4;
            if (cp < 0x80) out += static_cast<char>(cp);
            else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
            else { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
          }
          break;
        }
        default: out += c;
      }
    }
    return out;
  }

  // A text block keeps its lines, each trimmed, without leading or trailing
  // blank lines: article text as the measure prints it.
  static std::string block_text(std::string_view raw) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
      if (i == raw.size() || raw[i] == '\n') { lines.push_back(raw.substr(start, i - start)); start = i + 1; }
    }
    auto trim = [](std::string_view l) {
      auto is_space = [](std::string_view v, size_t at, size_t& len) {
        if (v[at] == ' ' || v[at] == '\t' || v[at] == '\r') { len = 1; return true; }
        if (v.substr(at, 3) == "\xE3\x80\x80") { len = 3; return true; }  // U+3000
        return false;
      };
      size_t len;
      while (!l.empty() && is_space(l, 0, len)) l.remove_prefix(len);
      while (!l.empty()) {
        if (l.back() == ' ' || l.back() == '\t' || l.back() == '\r') { l.remove_suffix(1); continue; }
        if (l.size() >= 3 && l.substr(l.size() - 3) == "\xE3\x80\x80") { l.remove_suffix(3); continue; }
        break;
      }
      return l;
    };
    std::string out;
    std::vector<std::string_view> kept;
    for (auto l : lines) kept.push_back(trim(l));
    while (!kept.empty() && kept.front().empty()) kept.erase(kept.begin());
    while (!kept.empty() && kept.back().empty()) kept.pop_back();
    for (size_t i = 0; i < kept.size(); ++i) {
      if (i) out += '\n';
      out += kept[i];
    }
    return out;
  }

  std::string text(P::TextContext* ctx) {
    if (!ctx) return {};
    std::string_view raw = range(ctx).text();
    if (ctx->TEXT_BLOCK()) return block_text(raw.substr(3, raw.size() - 6));
    return unescape(raw.substr(1, raw.size() - 2));
  }

  std::vector<ast::Setting> settings(P::SettingsBlockContext* ctx) {
    std::vector<ast::Setting> out;
    for (auto* s : ctx->setting()) {
      ast::Setting st;
      st.range = range(s);
      st.key = name(s->key);
      for (auto* v : s->settingValue()) {
        if (v->literal()) st.values.push_back(literal(v->literal()));
        else {
          auto e = std::make_unique<ast::Expr>();
          e->kind = ast::ExprKind::Name;
          e->range = range(v);
          e->text = std::string(e->range.text());
          st.values.push_back(std::move(e));
        }
      }
      out.push_back(std::move(st));
    }
    return out;
  }

  ast::EnumDecl enum_decl(P::EnumDeclContext* ctx) {
    ast::EnumDecl e;
    e.range = range(ctx);
    e.name = name(ctx->name);
    if (ctx->title) e.title = text(ctx->title);
    e.ordered = ctx->K_ORDERED() != nullptr;
    for (auto* m : ctx->enumMember()) {
      ast::EnumMember em;
      em.range = range(m);
      em.name = name(m->name);
      if (m->title) em.title = text(m->title);
      e.members.push_back(std::move(em));
    }
    return e;
  }

  ast::TypeRef type_ref(P::TypeRefContext* ctx) {
    ast::TypeRef t;
    t.range = range(ctx);
    if (!ctx) return t;  // error recovery left the type out (`level:` and nothing)
    t.optional = ctx->K_OPTIONAL() != nullptr;
    if (ctx->K_LIST()) {
      t.list = true;
      t.elem = std::make_unique<ast::TypeRef>(type_ref(ctx->typeRef()));
    } else {
      t.name = name(ctx->ident());
    }
    return t;
  }

  ast::RecordDecl record_decl(P::RecordDeclContext* ctx) {
    ast::RecordDecl r;
    r.range = range(ctx);
    r.name = name(ctx->name);
    if (ctx->title) r.title = text(ctx->title);
    for (auto* f : ctx->fieldDecl()) {
      ast::FieldDecl fd;
      fd.range = range(f);
      fd.name = name(f->name);
      fd.type = type_ref(f->typeRef());
      if (f->bounds) {
        fd.lo = std::string(range(f->bounds->lo).text());
        fd.hi = std::string(range(f->bounds->hi).text());
        fd.bounds_range = range(f->bounds);
      }
      if (f->title) fd.title = text(f->title);
      r.fields.push_back(std::move(fd));
    }
    return r;
  }

  std::vector<ast::Name> for_clause(P::ForClauseContext* ctx) {
    std::vector<ast::Name> out;
    if (!ctx) return out;
    for (auto* i : ctx->ident()) out.push_back(name(i));
    return out;
  }

  static std::string normalise_item_label(std::string_view s) {
    // (一) -> （一）
    if (!s.empty() && s.front() == '(' && s.back() == ')')
      return "\xEF\xBC\x88" + std::string(s.substr(1, s.size() - 2)) + "\xEF\xBC\x89";
    return std::string(s);
  }

  std::vector<ast::Member> members(P::ArticleBlockContext* ctx) {
    std::vector<ast::Member> out;
    if (!ctx) return out;
    for (auto* m : ctx->articleMember()) {
      ast::Member mem;
      if (auto* i = m->itemDecl()) mem.item = item(i);
      else if (auto* g = m->forGroup()) mem.group = group(g);
      else if (auto* s = m->statement()) mem.stmt = statement(s);
      if (mem.item || mem.group || mem.stmt) out.push_back(std::move(mem));
    }
    return out;
  }

  ast::Article article(P::ArticleDeclContext* ctx) {
    ast::Article a;
    a.range = range(ctx);
    if (ctx->label) {
      a.label_range = range(ctx->label);
      a.label = std::string(a.label_range.text());
    }
    a.for_awards = for_clause(ctx->forClause());
    if (ctx->body) { a.text = text(ctx->body); a.text_range = range(ctx->body); }
    a.members = members(ctx->articleBlock());
    return a;
  }

  std::unique_ptr<ast::Item> item(P::ItemDeclContext* ctx) {
    auto it = std::make_unique<ast::Item>();
    it->range = range(ctx);
    if (ctx->label) {
      it->label_range = range(ctx->label);
      it->label = normalise_item_label(it->label_range.text());
    }
    it->for_awards = for_clause(ctx->forClause());
    if (ctx->body) { it->text = text(ctx->body); it->text_range = range(ctx->body); }
    if (ctx->articleBlock()) it->members = members(ctx->articleBlock());
    else if (ctx->statement()) {
      ast::Member m;
      m.stmt = statement(ctx->statement());
      if (m.stmt) it->members.push_back(std::move(m));
    }
    return it;
  }

  std::unique_ptr<ast::Group> group(P::ForGroupContext* ctx) {
    auto g = std::make_unique<ast::Group>();
    g->range = range(ctx);
    g->for_awards = for_clause(ctx->forClause());
    g->members = members(ctx->articleBlock());
    return g;
  }

  std::vector<ast::Exception> exceptions(const std::vector<P::ExceptClauseContext*>& list) {
    std::vector<ast::Exception> out;
    for (auto* e : list) {
      ast::Exception ex;
      ex.range = range(e);
      ex.cond = expr(e->cond);
      if (e->body) ex.body = expr(e->body);
      out.push_back(std::move(ex));
    }
    return out;
  }

  std::unique_ptr<ast::Stmt> statement(P::StatementContext* ctx) {
    auto s = std::make_unique<ast::Stmt>();
    s->range = range(ctx);
    if (auto* r = ctx->requireStmt()) {
      s->kind = ast::StmtKind::Require;
      s->keyword = range(r->K_REQUIRE());
      s->body = expr(r->body);
      if (r->whenClause()) s->when = expr(r->whenClause()->expr());
      s->exceptions = exceptions(r->exceptClause());
    } else if (auto* x = ctx->excludeStmt()) {
      s->kind = ast::StmtKind::Exclude;
      s->keyword = range(x->K_EXCLUDE());
      s->body = expr(x->body);
      if (x->whenClause()) s->when = expr(x->whenClause()->expr());
      s->exceptions = exceptions(x->exceptClause());
    } else if (auto* j = ctx->judgementStmt()) {
      s->kind = ast::StmtKind::Judgement;
      s->keyword = range(j->K_JUDGEMENT());
      s->name = name(j->name);
      s->text = text(j->body);
      s->text_range = range(j->body);
      if (j->whenClause()) s->when = expr(j->whenClause()->expr());
    } else if (auto* a = ctx->awardDecl()) {
      s->kind = ast::StmtKind::Award;
      s->keyword = range(a->K_AWARD());
      s->name = name(a->name);
      s->text = text(a->title);
      s->text_range = range(a->title);
      s->subject = name(a->subject);
      if (a->block) s->settings = settings(a->block);
    } else if (auto* b = ctx->bonusStmt()) {
      s->kind = ast::StmtKind::Bonus;
      s->keyword = range(b->K_BONUS());
      if (b->award) {
        s->name = name(b->award);
      } else {
        std::string_view t = range(b->title).text();
        s->title = unescape(t.substr(1, t.size() - 2));
        s->title_range = range(b->title);
      }
      s->body = expr(b->amount);
      for (auto* f : b->flags) s->flags.push_back(name(f));
      if (b->whenClause()) s->when = expr(b->whenClause()->expr());
    } else if (auto* v = ctx->revokeStmt()) {
      s->kind = ast::StmtKind::Revoke;
      s->keyword = range(v->K_REVOKE());
      for (auto* i : v->ident()) s->awards.push_back(name(i));
      s->body = expr(v->cond);
      for (auto* c : v->consequence()) {
        ast::Consequence cq;
        cq.range = range(c);
        cq.name = name(c->ident());
        if (c->expr()) cq.value = expr(c->expr());
        s->consequences.push_back(std::move(cq));
      }
    } else if (auto* d = ctx->deadlineStmt()) {
      s->kind = ast::StmtKind::Deadline;
      s->keyword = range(d->K_DEADLINE());
      s->name = name(d->name);
      if (d->body) { s->text = text(d->body); s->text_range = range(d->body); }
      s->body = expr(d->duration);
      if (d->event) s->event = text(d->event);
    } else if (auto* t = ctx->retainStmt()) {
      s->kind = ast::StmtKind::Retain;
      s->keyword = range(t->K_RETAIN());
      s->name = name(t->name);
      s->body = expr(t->duration);
    } else if (auto* sc = ctx->scoringStmt()) {
      s->kind = ast::StmtKind::Scoring;
      s->keyword = range(sc->K_SCORING());
      s->name = name(sc->scheme);
    } else if (auto* w = ctx->scoreStmt()) {
      s->kind = ast::StmtKind::Score;
      s->keyword = range(w->K_SCORE());
      for (auto* i : w->ident()) s->awards.push_back(name(i));
      for (auto* term : w->weightTerm()) {
        ast::Weight wt;
        wt.range = range(term);
        wt.part = name(term->part);
        if (term->weight) {
          wt.percent_range = range(term->weight);
          wt.percent = std::string(wt.percent_range.text());
        }
        s->weights.push_back(std::move(wt));
      }
    } else if (auto* m = ctx->minimumStmt()) {
      s->kind = ast::StmtKind::Minimum;
      s->keyword = range(m->K_MINIMUM());
      s->name = name(m->award);
      if (m->total) {
        s->number_range = range(m->total);
        s->number = std::string(s->number_range.text());
      }
    } else if (auto* c = ctx->shortlistStmt()) {
      s->kind = ast::StmtKind::Shortlist;
      s->keyword = range(c->K_SHORTLIST());
      for (auto* i : c->ident()) s->awards.push_back(name(i));
      if (c->places) {
        s->number_range = range(c->places);
        s->number = std::string(s->number_range.text());
      }
    } else if (auto* rp = ctx->repeatStmt()) {
      s->kind = ast::StmtKind::Repeat;
      s->keyword = range(rp->K_REPEAT());
      for (auto* i : rp->ident())  // the idents before `then` are awards, those after it flags
        if (std::find(rp->flags.begin(), rp->flags.end(), i) == rp->flags.end()) s->awards.push_back(name(i));
      for (auto* f : rp->flags) s->flags.push_back(name(f));
    } else {
      return nullptr;
    }
    return s;
  }

  // --- tests ---
  std::unique_ptr<ast::Json> json_object(P::JsonObjectContext* ctx) {
    auto j = std::make_unique<ast::Json>();
    j->range = range(ctx);
    j->kind = ast::Json::Object;
    for (auto* p : ctx->jsonPair()) {
      if (!p->key) continue;  // error recovery: a pair without its key
      std::string_view k = range(p->key).text();
      j->object.emplace_back(unescape(k.substr(1, k.size() - 2)), json_value(p->jsonValue()));
    }
    return j;
  }

  std::unique_ptr<ast::Json> json_value(P::JsonValueContext* ctx) {
    if (!ctx) {  // error recovery left the value out
      auto j = std::make_unique<ast::Json>();
      j->range = Range{&src_, 0, 0};
      return j;
    }
    if (auto* o = ctx->jsonObject()) return json_object(o);
    auto j = std::make_unique<ast::Json>();
    j->range = range(ctx);
    if (auto* a = ctx->jsonArray()) {
      j->kind = ast::Json::Array;
      for (auto* v : a->jsonValue()) j->array.push_back(json_value(v));
    } else if (ctx->STRING()) {
      std::string_view s = range(ctx->STRING()).text();
      j->kind = ast::Json::String;
      j->text = unescape(s.substr(1, s.size() - 2));
    } else if (ctx->DATE()) {
      j->kind = ast::Json::String;
      j->text = std::string(range(ctx->DATE()).text());
    } else if (ctx->INT() || ctx->DECIMAL()) {
      j->kind = ast::Json::Number;
      j->text = std::string(j->range.text());
    } else if (ctx->K_TRUE() || ctx->K_FALSE()) {
      j->kind = ast::Json::Bool;
      j->b = ctx->K_TRUE() != nullptr;
    } else {
      j->kind = ast::Json::Null;  // `null`, or a bare word the checker reports
      j->text = std::string(j->range.text());
    }
    return j;
  }

  ast::Test test(P::TestDeclContext* ctx) {
    ast::Test t;
    t.range = range(ctx);
    t.name = text(ctx->name);
    for (auto* e : ctx->testEntry()) {
      if (auto* g = dynamic_cast<P::GivenEntryContext*>(e)) {
        if (g->fixture) { t.fixture = text(g->fixture); t.fixture_range = range(g->fixture); }
        if (g->inlineFacts) t.inline_facts = json_object(g->inlineFacts);
        if (g->patch) t.patch = json_object(g->patch);
      } else if (auto* o = dynamic_cast<P::OnEntryContext*>(e)) {
        t.on = std::string(range(o->DATE()).text());
        t.on_range = range(o->DATE());
      } else if (auto* x = dynamic_cast<P::ExpectEntryContext*>(e)) {
        ast::Expect ex;
        ex.range = range(x);
        ex.award = name(x->award);
        ex.verdict = name(x->verdict);
        for (auto* r : x->ref()) {
          std::string s(range(r->articleLabel()).text());
          for (auto* c : r->children) {
            auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(c);
            if (term) s += normalise_item_label(range(term).text());
          }
          ex.because.emplace_back(s, range(r));
        }
        t.expects.push_back(std::move(ex));
      }
    }
    return t;
  }

  // --- expressions ---
  std::unique_ptr<ast::Expr> make(ast::ExprKind k, antlr4::ParserRuleContext* ctx) {
    auto e = std::make_unique<ast::Expr>();
    e->kind = k;
    e->range = range(ctx);
    return e;
  }

  // Stands in for a part that error recovery left out; only built when the
  // file has syntax errors, so the checker never sees it.
  std::unique_ptr<ast::Expr> error_expr(antlr4::ParserRuleContext* ctx) {
    auto e = make(ast::ExprKind::Bool, ctx);
    e->text = "true";
    return e;
  }

  std::unique_ptr<ast::Expr> literal(P::LiteralContext* ctx) {
    using K = ast::ExprKind;
    if (!ctx) return error_expr(ctx);
    if (auto* d = dynamic_cast<P::DurationLiteralContext*>(ctx)) {
      auto e = make(K::Duration, ctx);
      e->text = std::string(range(d->number()).text());
      switch (d->unit ? d->unit->getType() : static_cast<size_t>(AwardLexer::K_DAYS)) {
        case AwardLexer::K_YEARS: e->unit = ast::DurationUnit::Years; break;
        case AwardLexer::K_MONTHS: e->unit = ast::DurationUnit::Months; break;
        case AwardLexer::K_WORKING_DAYS: e->unit = ast::DurationUnit::WorkingDays; break;
        default: e->unit = ast::DurationUnit::Days;
      }
      return e;
    }
    if (auto* m = dynamic_cast<P::MoneyLiteralContext*>(ctx)) {
      auto e = make(K::Money, ctx);
      e->text = std::string(range(m->number()).text());
      return e;
    }
    if (dynamic_cast<P::NumberLiteralContext*>(ctx)) {
      auto e = make(K::Number, ctx);
      e->text = std::string(e->range.text());
      return e;
    }
    if (dynamic_cast<P::DateLiteralContext*>(ctx)) {
      auto e = make(K::Date, ctx);
      e->text = std::string(e->range.text());
      return e;
    }
    if (dynamic_cast<P::StringLiteralContext*>(ctx)) {
      auto e = make(K::String, ctx);
      std::string_view s = e->range.text();
      e->text = unescape(s.substr(1, s.size() - 2));
      return e;
    }
    auto e = make(K::Bool, ctx);
    e->text = dynamic_cast<P::TrueLiteralContext*>(ctx) ? "true" : "false";
    return e;
  }

  std::unique_ptr<ast::Expr> path(P::PathContext* ctx) {
    if (!ctx || ctx->ident().empty()) return error_expr(ctx);
    auto ids = ctx->ident();
    std::unique_ptr<ast::Expr> cur;
    for (auto* i : ids) {
      if (!cur) {
        cur = make(ast::ExprKind::Name, i);
        cur->text = std::string(cur->range.text());
      } else {
        auto f = std::make_unique<ast::Expr>();
        f->kind = ast::ExprKind::Field;
        f->range = Range{&src_, cur->range.begin, range(i).end};
        f->name_range = range(i);
        f->text = std::string(f->name_range.text());
        f->args.push_back(std::move(cur));
        cur = std::move(f);
      }
    }
    return cur;
  }

  std::unique_ptr<ast::Expr> primary(P::PrimaryContext* ctx) {
    using K = ast::ExprKind;
    if (auto* l = dynamic_cast<P::LiteralPrimaryContext*>(ctx)) return literal(l->literal());
    if (dynamic_cast<P::TodayPrimaryContext*>(ctx)) return make(K::Today, ctx);
    if (auto* c = dynamic_cast<P::CallPrimaryContext*>(ctx)) {
      auto e = make(K::Call, ctx);
      e->name_range = range(c->ident());
      e->text = std::string(e->name_range.text());
      for (auto* a : c->expr()) e->args.push_back(expr(a));
      return e;
    }
    if (auto* n = dynamic_cast<P::NamePrimaryContext*>(ctx)) {
      auto e = make(K::Name, ctx);
      e->text = std::string(range(n->ident()).text());
      return e;
    }
    if (auto* p = dynamic_cast<P::ParenPrimaryContext*>(ctx)) return expr(p->expr());
    if (auto* s = dynamic_cast<P::SetPrimaryContext*>(ctx)) {
      auto e = make(K::Set, ctx);
      for (auto* a : s->expr()) e->args.push_back(expr(a));
      return e;
    }
    if (auto* q = dynamic_cast<P::ExistsPrimaryContext*>(ctx)) {
      auto e = make(q->q->getType() == AwardLexer::K_ANY ? K::Any : K::No, ctx);
      if (q->binding()) e->text = std::string(range(q->binding()->ident()).text());
      e->args.push_back(path(q->path()));
      if (q->cond) { e->has_cond = true; e->args.push_back(expr(q->cond)); }
      return e;
    }
    if (auto* a = dynamic_cast<P::AllPrimaryContext*>(ctx)) {
      auto e = make(K::All, ctx);
      if (a->binding()) e->text = std::string(range(a->binding()->ident()).text());
      e->args.push_back(path(a->path()));
      if (a->filter) { e->has_filter = true; e->args.push_back(expr(a->filter)); }
      e->has_cond = true;
      e->args.push_back(expr(a->cond));
      return e;
    }
    if (auto* c = dynamic_cast<P::CountPrimaryContext*>(ctx)) {
      auto e = make(K::Count, ctx);
      if (c->binding()) e->text = std::string(range(c->binding()->ident()).text());
      e->args.push_back(path(c->path()));
      if (c->cond) { e->has_cond = true; e->args.push_back(expr(c->cond)); }
      return e;
    }
    return error_expr(ctx);
  }

  std::unique_ptr<ast::Expr> binary(ast::BinOp op, antlr4::ParserRuleContext* ctx, P::ExprContext* a,
                                    P::ExprContext* b) {
    auto e = make(ast::ExprKind::Binary, ctx);
    e->op = op;
    e->args.push_back(expr(a));
    e->args.push_back(expr(b));
    return e;
  }

  std::unique_ptr<ast::Expr> expr(P::ExprContext* ctx) {
    using K = ast::ExprKind;
    if (!ctx) {
      auto e = std::make_unique<ast::Expr>();
      e->kind = K::Bool;
      e->text = "true";
      e->range = Range{&src_, 0, 0};
      return e;
    }
    if (auto* p = dynamic_cast<P::PrimaryExprContext*>(ctx)) {
      if (!p->primary()) return error_expr(ctx);
      return primary(p->primary());
    }
    if (auto* f = dynamic_cast<P::FieldExprContext*>(ctx)) {
      auto e = make(K::Field, ctx);
      e->name_range = range(f->ident());
      e->text = std::string(e->name_range.text());
      e->args.push_back(expr(f->expr()));
      return e;
    }
    if (auto* n = dynamic_cast<P::NegExprContext*>(ctx)) {
      auto e = make(K::Neg, ctx);
      e->args.push_back(expr(n->expr()));
      return e;
    }
    if (auto* m = dynamic_cast<P::MulExprContext*>(ctx))
      return binary(m->op->getType() == AwardLexer::STAR ? ast::BinOp::Mul : ast::BinOp::Div, ctx, m->expr(0), m->expr(1));
    if (auto* a = dynamic_cast<P::AddExprContext*>(ctx))
      return binary(a->op->getType() == AwardLexer::PLUS ? ast::BinOp::Add : ast::BinOp::Sub, ctx, a->expr(0), a->expr(1));
    if (auto* w = dynamic_cast<P::WithinExprContext*>(ctx)) {
      auto e = make(K::Within, ctx);
      e->after = w->dir && w->dir->getType() == AwardLexer::K_AFTER;
      e->args.push_back(expr(w->expr(0)));
      e->args.push_back(expr(w->span));
      e->args.push_back(expr(w->anchor));
      return e;
    }
    if (auto* s = dynamic_cast<P::IsSetExprContext*>(ctx)) {
      auto e = make(K::IsSet, ctx);
      e->negated = s->K_NOT() != nullptr;
      e->args.push_back(expr(s->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<P::CmpExprContext*>(ctx)) {
      ast::BinOp op = ast::BinOp::Eq;
      switch (c->op->getType()) {
        case AwardLexer::EQ: op = ast::BinOp::Eq; break;
        case AwardLexer::NE: op = ast::BinOp::Ne; break;
        case AwardLexer::LT: op = ast::BinOp::Lt; break;
        case AwardLexer::LE: op = ast::BinOp::Le; break;
        case AwardLexer::GT: op = ast::BinOp::Gt; break;
        default: op = ast::BinOp::Ge;
      }
      return binary(op, ctx, c->expr(0), c->expr(1));
    }
    if (auto* i = dynamic_cast<P::InExprContext*>(ctx)) {
      auto e = make(K::In, ctx);
      e->negated = i->K_NOT() != nullptr;
      e->args.push_back(expr(i->expr(0)));
      e->args.push_back(expr(i->expr(1)));
      return e;
    }
    if (auto* o = dynamic_cast<P::OverlapsExprContext*>(ctx)) {
      auto e = make(K::Overlaps, ctx);
      e->args.push_back(expr(o->expr(0)));
      e->args.push_back(expr(o->expr(1)));
      return e;
    }
    if (auto* n = dynamic_cast<P::NotExprContext*>(ctx)) {
      auto e = make(K::Not, ctx);
      e->args.push_back(expr(n->expr()));
      return e;
    }
    if (auto* a = dynamic_cast<P::AndExprContext*>(ctx)) return binary(ast::BinOp::And, ctx, a->expr(0), a->expr(1));
    if (auto* o = dynamic_cast<P::OrExprContext*>(ctx)) return binary(ast::BinOp::Or, ctx, o->expr(0), o->expr(1));
    if (auto* i = dynamic_cast<P::IfExprContext*>(ctx)) {
      auto e = make(K::If, ctx);
      e->args.push_back(expr(i->cond));
      e->args.push_back(expr(i->a));
      e->args.push_back(expr(i->b));
      return e;
    }
    return error_expr(ctx);
  }

  const SourceFile& src_;
  DiagnosticSink& diags_;
  const Collector& col_;
};

// Before ANTLR runs: the deepest bracket nesting and the longest chain of
// prefix operators, which are what make a recursive-descent parser recurse.
bool check_nesting(antlr4::CommonTokenStream& tokens, const Collector& col, DiagnosticSink& diags, const SourceFile& src) {
  int depth = 0;
  int prefix_run = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    size_t ty = t->getType();
    if (ty == AwardLexer::LPAREN || ty == AwardLexer::LBRACE || ty == AwardLexer::LBRACK) ++depth;
    else if (ty == AwardLexer::RPAREN || ty == AwardLexer::RBRACE || ty == AwardLexer::RBRACK) --depth;
    if (ty == AwardLexer::K_NOT || ty == AwardLexer::MINUS || ty == AwardLexer::K_IF || ty == AwardLexer::LPAREN)
      ++prefix_run;
    else if (ty != AwardLexer::LBRACE)
      prefix_run = 0;
    if (depth > kMaxNesting || prefix_run > kMaxNesting) {
      diags.error(Code::E104, col.range_of(t),
                  tr(Msg::nesting_too_deep, kMaxNesting),
                  tr(Msg::hint_split_condition));
      (void)src;
      return false;
    }
  }
  return true;
}

// --- Tokens for the formatter ------------------------------------------------

// Token index -> the layout facts the parse tree knows (see Token in parse.h).
struct LayoutMarks {
  std::vector<Token> tokens;

  Token* at(antlr4::Token* t) {
    if (!t || t->getTokenIndex() >= tokens.size()) return nullptr;
    return &tokens[t->getTokenIndex()];
  }
  Token* at(antlr4::tree::TerminalNode* n) { return n ? at(n->getSymbol()) : nullptr; }
  void set(Token* t, bool Token::*flag) {
    if (t) t->*flag = true;
  }
  void block(antlr4::tree::TerminalNode* open, antlr4::tree::TerminalNode* close) {
    set(at(open), &Token::opens_block);
    set(at(close), &Token::closes_block);
  }
  // A rule whose braces open and close a block of the layout.
  template <class Ctx>
  void braced(Ctx* c) {
    block(c->LBRACE(), c->RBRACE());
  }
  // The token after `t`, skipping hidden ones.
  Token* next_visible(antlr4::Token* t) {
    if (!t) return nullptr;
    for (size_t i = t->getTokenIndex() + 1; i < tokens.size(); ++i)
      if (!tokens[i].hidden) return &tokens[i];
    return nullptr;
  }

  void walk(antlr4::tree::ParseTree* node) {
    // Most nodes are tokens: one type comparison settles them, cheaper than a failed dynamic_cast.
    if (typeid(*node) == typeid(antlr4::tree::TerminalNodeImpl)) return;
    auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (!ctx) return;
    mark(ctx);
    for (auto* child : ctx->children) walk(child);
  }

  // By the node's rule: a dynamic_cast for every kind of node, tried on every node,
  // was a fifth of a compile. Labelled alternatives are still told apart by a cast.
  void mark(antlr4::ParserRuleContext* ctx) {
    switch (ctx->getRuleIndex()) {
      case P::RulePolicyHeader:
      case P::RuleModuleHeader:
      case P::RuleUseDecl:
      case P::RuleSetting:
      case P::RuleDecl:
      case P::RuleEnumMember:
      case P::RuleFieldDecl:
      case P::RuleArticleMember:
        set(at(ctx->getStart()), &Token::starts_unit);
        break;
      case P::RuleTestEntry:
        set(at(ctx->getStart()), &Token::starts_unit);
        // The facts of `given` and `with`: one pair per line, or all on one line.
        if (auto* g = dynamic_cast<P::GivenEntryContext*>(ctx)) {
          for (auto* obj : {g->inlineFacts, g->patch}) {
            if (!obj) continue;
            braced(obj);
            set(at(obj->LBRACE()), &Token::folds);
            for (auto* pair : obj->jsonPair()) set(at(pair->getStart()), &Token::starts_unit);
          }
        }
        break;
      case P::RuleWhenClause:
      case P::RuleExceptClause:
        set(at(ctx->getStart()), &Token::starts_clause);
        break;
      case P::RuleRevokeStmt: {
        auto* r = static_cast<P::RevokeStmtContext*>(ctx);
        set(at(r->K_WHEN()), &Token::starts_clause);
        set(at(r->K_THEN()), &Token::starts_clause);
        break;
      }
      case P::RuleSettingsBlock: braced(static_cast<P::SettingsBlockContext*>(ctx)); break;
      case P::RuleEnumDecl: braced(static_cast<P::EnumDeclContext*>(ctx)); break;
      case P::RuleRecordDecl: braced(static_cast<P::RecordDeclContext*>(ctx)); break;
      case P::RuleArticleBlock: braced(static_cast<P::ArticleBlockContext*>(ctx)); break;
      case P::RuleTestDecl: braced(static_cast<P::TestDeclContext*>(ctx)); break;
      case P::RulePolicyId: {
        auto* id = static_cast<P::PolicyIdContext*>(ctx);
        for (size_t i = 1; i < id->children.size(); ++i) {
          auto* c = id->children[i];
          if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(c)) set(at(t), &Token::glued);
          else if (auto* r = dynamic_cast<antlr4::ParserRuleContext*>(c)) set(at(r->getStart()), &Token::glued);
        }
        break;
      }
      case P::RuleRef: {
        // 第十条（二）: a reference is written as one word.
        auto* r = static_cast<P::RefContext*>(ctx);
        for (size_t i = 1; i < r->children.size(); ++i)
          if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(r->children[i])) set(at(t), &Token::glued);
        break;
      }
      case P::RuleWeightTerm: {
        // `30%`: a weight is written as one word.
        auto* w = static_cast<P::WeightTermContext*>(ctx);
        if (w->PERCENT()) set(at(w->PERCENT()), &Token::glued);
        break;
      }
      case P::RulePrimary:
        if (auto* c = dynamic_cast<P::CallPrimaryContext*>(ctx)) set(at(c->LPAREN()), &Token::glued);
        else if (auto* c = dynamic_cast<P::CountPrimaryContext*>(ctx)) set(at(c->LPAREN()), &Token::glued);
        break;
      case P::RuleExpr:
        if (auto* n = dynamic_cast<P::NegExprContext*>(ctx)) set(next_visible(n->MINUS()->getSymbol()), &Token::glued);
        break;
      case P::RuleJsonValue:
        if (auto* j = static_cast<P::JsonValueContext*>(ctx); j->MINUS())
          set(next_visible(j->MINUS()->getSymbol()), &Token::glued);
        break;
      case P::RuleIdent:
        // A soft keyword standing where a name stands is a name.
        if (Token* t = at(ctx->getStart()); t && t->kind == Token::Kind::Keyword) t->kind = Token::Kind::Name;
        break;
      default:
        break;
    }
  }
};

Token::Kind token_kind(size_t type) {
  switch (type) {
    case AwardLexer::ID: return Token::Kind::Name;
    case AwardLexer::INT:
    case AwardLexer::DECIMAL: return Token::Kind::Number;
    case AwardLexer::DATE: return Token::Kind::Date;
    case AwardLexer::STRING: return Token::Kind::String;
    case AwardLexer::TEXT_BLOCK: return Token::Kind::TextBlock;
    case AwardLexer::ITEM_LABEL: return Token::Kind::ItemLabel;
    case AwardLexer::LINE_COMMENT: return Token::Kind::LineComment;
    case AwardLexer::BLOCK_COMMENT: return Token::Kind::BlockComment;
    case AwardLexer::WS: return Token::Kind::Space;
    case AwardLexer::UNTERMINATED_STRING:
    case AwardLexer::BAD_CHAR: return Token::Kind::Bad;
    default: return Token::Kind::Punct;
  }
}

// The lexer's tokens in the project's own type, EOF left out.
std::vector<Token> project_tokens(antlr4::CommonTokenStream& stream, const Collector& col, const AwardLexer& lexer) {
  const antlr4::dfa::Vocabulary& v = lexer.getVocabulary();
  std::vector<Token> out;
  for (antlr4::Token* t : stream.getTokens()) {
    if (t->getType() == antlr4::Token::EOF) break;
    Token tok;
    tok.range = col.range_of(t);
    tok.hidden = t->getChannel() != antlr4::Token::DEFAULT_CHANNEL;
    tok.keyword = keyword_by_rule(v.getSymbolicName(t->getType()));
    tok.kind = tok.keyword ? Token::Kind::Keyword : token_kind(t->getType());
    out.push_back(tok);
  }
  return out;
}

// A file is written with one set of keywords; the first keyword decides which.
void check_keyword_set(const std::vector<Token>& tokens, DiagnosticSink& diags) {
  const Token* first = nullptr;
  for (const Token& t : tokens) {
    if (t.kind != Token::Kind::Keyword || !t.keyword) continue;
    if (!first) {
      first = &t;
      continue;
    }
    KeywordSet set = keyword_set_of(*first->keyword, first->text());
    if (keyword_set_of(*t.keyword, t.text()) == set) continue;
    bool zh = set == KeywordSet::Chinese;
    auto& d = diags.error(Code::E107, t.range,
                          tr(Msg::keywords_mixed, tr(zh ? Msg::keywords_english : Msg::keywords_chinese), t.text(),
                             tr(zh ? Msg::keywords_chinese : Msg::keywords_english)),
                          tr(Msg::hint_one_keyword_set, spelling(*t.keyword, set)));
    d.notes.push_back(Note{first->range, tr(Msg::note_first_keyword, first->text())});
    return;  // one is enough: the rest of the file follows the same mistake
  }
}

}  // namespace

std::string token_display_name(size_t type, KeywordSet set) {
  // a lexer over nothing, only to reach the generated vocabulary
  static antlr4::ANTLRInputStream empty_input(std::string{});
  static AwardLexer vocab_lexer(&empty_input);
  const antlr4::dfa::Vocabulary& v = vocab_lexer.getVocabulary();
  std::string lit = v.getLiteralName(type);
  if (!lit.empty()) return "`" + lit.substr(1, lit.size() - 2) + "`";
  std::string sym = v.getSymbolicName(type);
  if (sym.rfind("K_", 0) == 0) {
    if (const Keyword* k = keyword_by_rule(sym); k && set == KeywordSet::Chinese)
      return "`" + std::string(k->chinese) + "`";
    std::string kw = sym.substr(2);
    for (auto& c : kw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "`" + kw + "`";
  }
  if (sym == "ID") return tr(Msg::expected_a_name);
  if (sym == "STRING") return tr(Msg::expected_a_string);
  if (sym == "TEXT_BLOCK") return tr(Msg::expected_a_text_block);
  if (sym == "INT" || sym == "DECIMAL") return tr(Msg::expected_a_number);
  if (sym == "DATE") return tr(Msg::expected_a_date);
  if (sym == "ITEM_LABEL") return tr(Msg::expected_an_item_label);
  if (sym == "EQ") return "`==`";
  if (sym == "NE") return "`!=`";
  if (sym == "LE") return "`<=`";
  if (sym == "GE") return "`>=`";
  if (sym == "LT") return "`<`";
  if (sym == "GT") return "`>`";
  if (sym == "LPAREN") return "`(`";
  if (sym == "RPAREN") return "`)`";
  if (sym == "LBRACE") return "`{`";
  if (sym == "RBRACE") return "`}`";
  if (sym == "LBRACK") return "`[`";
  if (sym == "RBRACK") return "`]`";
  if (sym == "COMMA") return "`,`";
  if (sym == "COLON") return "`:`";
  if (sym == "SEMI") return "`;`";
  if (sym == "DOT") return "`.`";
  if (sym == "DOTDOT") return "`..`";
  if (sym == "PLUS") return "`+`";
  if (sym == "MINUS") return "`-`";
  if (sym == "STAR") return "`*`";
  if (sym == "SLASH") return "`/`";
  return {};
}

std::unique_ptr<ast::File> parse(const SourceFile& src, DiagnosticSink& diags, std::vector<Token>* tokens_out) {
  auto empty = [&] {
    auto f = std::make_unique<ast::File>();
    f->range = Range{&src, 0, static_cast<uint32_t>(src.text.size())};
    return f;
  };
  if (src.text.size() > kMaxSourceBytes) {
    diags.error(Code::E105, Range{&src, 0, 0},
                tr(Msg::source_too_large, src.path, kMaxSourceBytes),
                tr(Msg::hint_split_modules));
    return empty();
  }
  if (src.text.find('\0') != std::string::npos) {
    size_t at = src.text.find('\0');
    diags.error(Code::E103, Range{&src, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1)},
                tr(Msg::binary_file, src.path));
    return empty();
  }
  size_t bad = first_invalid_utf8(src.text);
  if (bad != std::string_view::npos) {
    std::string hint = looks_like_gbk(src.text)
                           ? tr(Msg::hint_gbk)
                           : tr(Msg::hint_save_utf8);
    diags.error(Code::E103, Range{&src, static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                tr(Msg::not_utf8, src.path, fmt::format("0x{:02X}", static_cast<unsigned char>(src.text[bad])), bad),
                hint);
    return empty();
  }

  // Code point index -> byte offset, since ANTLR counts code points. ANTLR
  // drops a leading byte-order mark before counting, so it is skipped here too.
  std::vector<uint32_t> cp2byte;
  cp2byte.reserve(src.text.size() + 1);
  uint32_t first = std::string_view(src.text).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (uint32_t i = first; i < src.text.size(); ++i)
    if ((static_cast<unsigned char>(src.text[i]) & 0xC0) != 0x80) cp2byte.push_back(i);
  cp2byte.push_back(static_cast<uint32_t>(src.text.size()));

  SourceLexer lexing(src.text);
  AwardLexer& lexer = lexing.lexer;
  Collector collector(src, diags, cp2byte);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&collector);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  // Code in this file's diagnostics is written with its keywords, those of
  // its first keyword (a file mixing both is E107 below).
  KeywordSet keyword_set = KeywordSet::English;
  for (antlr4::Token* t : tokens.getTokens())
    if (const Keyword* k = keyword_by_rule(lexer.getVocabulary().getSymbolicName(t->getType()))) {
      keyword_set = keyword_set_of(*k, t->getText());
      break;
    }
  CodeKeywords code(code_rewriter_for(keyword_set));
  collector.set_keywords(keyword_set);

  // Lexical problems the grammar names as tokens.
  bool lexical_errors = false;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() == AwardLexer::UNTERMINATED_STRING) {
      Range r = collector.range_of(t);
      bool block = r.text().substr(0, 3) == "\"\"\"" || (r.begin >= 2 && std::string_view(src.text).substr(r.begin - 2, 2) == "\"\"");
      diags.error(Code::E101, Range{&src, r.begin, r.begin + 1},
                  tr(block ? Msg::unterminated_text_block : Msg::unterminated_string),
                  tr(block ? Msg::hint_close_text_block : Msg::hint_close_string));
      lexical_errors = true;
    } else if (t->getType() == AwardLexer::BAD_CHAR) {
      Range r = collector.range_of(t);
      diags.error(Code::E102, r, tr(Msg::unexpected_character, r.text()));
      lexical_errors = true;
    }
  }
  if (lexical_errors) return empty();
  if (!check_nesting(tokens, collector, diags, src)) return empty();

  // Two stages: SLL prediction, which gives the same tree as full LL whenever it
  // succeeds, and much faster; only a file it cannot parse (a syntax error, or a
  // construct that needs full context) is parsed again with LL, whose errors are
  // the ones reported.
  AwardParser parser(&tokens);
  parser.removeErrorListeners();
  AwardParser::FileContext* tree = nullptr;
  auto* sim = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  sim->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  } catch (const std::exception&) {
    tree = nullptr;  // the LL parse below reports it
  }
  if (!tree) {
    tokens.seek(0);
    parser.reset();
    sim->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.addErrorListener(&collector);
  }
  try {
    if (!tree) tree = parser.file();
  } catch (const std::exception& e) {
    diags.error(Code::E100, Range{&src, 0, 0}, tr(Msg::parser_stopped, e.what()));
    return empty();
  }
  Builder b(src, diags, collector);
  try {
    auto file = b.file(tree);
    file->keywords = keyword_set;
    LayoutMarks marks{project_tokens(tokens, collector, lexer)};
    marks.walk(tree);
    check_keyword_set(marks.tokens, diags);
    if (tokens_out) *tokens_out = std::move(marks.tokens);
    return file;
  } catch (const std::exception& e) {
    if (!diags.has_errors())
      diags.error(Code::E100, Range{&src, 0, 0}, tr(Msg::tree_unreadable, e.what()));
    return empty();
  }
}

std::vector<LexToken> lex(const SourceFile& src) {
  std::vector<LexToken> out;
  if (src.text.size() > kMaxSourceBytes || src.text.find('\0') != std::string::npos ||
      first_invalid_utf8(src.text) != std::string_view::npos)
    return out;
  std::vector<uint32_t> cp2byte;
  cp2byte.reserve(src.text.size() + 1);
  for (uint32_t i = 0; i < src.text.size(); ++i)
    if ((static_cast<unsigned char>(src.text[i]) & 0xC0) != 0x80) cp2byte.push_back(i);
  cp2byte.push_back(static_cast<uint32_t>(src.text.size()));
  SourceLexer lexing(src.text);
  AwardLexer& lexer = lexing.lexer;
  lexer.removeErrorListeners();
  const antlr4::dfa::Vocabulary& vocab = lexer.getVocabulary();
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken()) {
    if (t->getType() == AwardLexer::WS) continue;
    size_t a = t->getStartIndex(), b = t->getStopIndex() + 1;
    uint32_t ba = a < cp2byte.size() ? cp2byte[a] : static_cast<uint32_t>(src.text.size());
    uint32_t bb = b < cp2byte.size() ? cp2byte[b] : static_cast<uint32_t>(src.text.size());
    out.push_back({vocab.getSymbolicName(t->getType()), Range{&src, ba, bb}});
  }
  return out;
}

}  // namespace award
