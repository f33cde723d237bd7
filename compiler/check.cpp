// Names resolved, types checked, and the policy lowered to IR, in one walk over
// the syntax tree. Every error is reported; checking goes on after an error
// with an Error type that silences the errors it would cause downstream.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/compile.h"
#include "compiler/parse.h"
#include "runtime/calendars.h"
#include "runtime/date.h"
#include "runtime/messages.h"
#include "runtime/stdlib_files.h"

namespace award {

namespace {

using ir::Kind;
using ir::TypeId;

struct Typed {
  int32_t node = -1;
  TypeId type = -1;      // -1 only for errors already reported
  std::string path;      // fact path when the value is a fact read, else ""
};

// One level of name lookup: the applicant (depth 0) or a quantifier's element.
struct Frame {
  TypeId elem = -1;          // record or scalar type of the element
  std::string binding;       // `any i in …`: "i"; "" for implicit field access
  std::string path;          // "incidents[]"
};

const std::set<std::string> kPolicyMeta = {"title", "issuer", "document", "issued", "in_force",
                                           "replaces", "status", "source", "region", "revision", "calendar"};
const std::set<std::string> kAwardSettings = {"name", "cycle", "quota", "vacant"};
const std::set<std::string> kBonusFlags = {"first_time_only"};
const std::set<std::string> kConsequences = {"withdraw_title", "recover_bonus", "recover_medal",
                                             "publish", "ban", "credit_record"};

class Checker {
 public:
  Checker(CompileResult& out, const CompileOptions& opts) : out_(out), diags_(out.diags), opts_(opts) {}

  void run(const ast::File& file, const SourceFile& src) {
    p_ = std::make_unique<ir::Policy>();
    p_->file = src.path;
    main_src_ = &src;
    builtin_types();
    if (file.kind != ast::File::Kind::Policy) {
      if (file.kind == ast::File::Kind::Module) {
        // A module checks on its own: its declarations, nothing else.
        declare_types(file);
        return;
      }
      diags_.error(Code::E402, Range{&src, 0, 0}, tr(Msg::missing_policy_header),
                   tr(Msg::hint_policy_header_example));
    }
    p_->id = file.name.text;
    if (file.title) p_->title = *file.title;
    for (const auto& s : file.meta) meta(s);
    for (const auto& u : file.uses) use(u);
    declare_types(file);
    find_roots(file);
    declare_awards(file);
    for (const auto& a : file.articles) article(a);
    for (const auto& s : file.stray) {
      diags_.error(Code::E400, s->keyword.valid() ? s->keyword : s->range,
                   tr(Msg::rule_outside_article), tr(Msg::hint_put_in_article));
    }
    for (const auto& t : file.tests) test(t);
    check_unused_judgements();
  }

  std::unique_ptr<ir::Policy> take() { return std::move(p_); }

 private:
  // --- types ------------------------------------------------------------------
  TypeId intern(Kind k, int32_t ref = -1, TypeId elem = -1) {
    TypeId t = p_->find_type(k, ref, elem);
    if (t >= 0) return t;
    p_->types.push_back({k, ref, elem});
    return static_cast<TypeId>(p_->types.size() - 1);
  }
  TypeId t_bool() { return intern(Kind::Bool); }
  TypeId t_num() { return intern(Kind::Number); }
  TypeId t_money() { return intern(Kind::Money); }
  TypeId t_text() { return intern(Kind::Text); }
  TypeId t_date() { return intern(Kind::Date); }
  TypeId t_dur() { return intern(Kind::Duration); }
  TypeId t_elapsed() { return intern(Kind::Elapsed); }
  TypeId t_list(TypeId e) { return intern(Kind::List, -1, e); }
  Kind kind(TypeId t) const { return t < 0 ? Kind::Error : p_->types[t].kind; }

  void builtin_types() {
    t_bool(); t_num(); t_money(); t_text(); t_date(); t_dur(); t_elapsed();
  }

  std::string tname(TypeId t) const { return ir::type_name(*p_, t); }

  // --- metadata and modules ---------------------------------------------------
  static std::string literal_text(const ast::Expr& e) { return e.text; }

  void meta(const ast::Setting& s) {
    if (!kPolicyMeta.count(s.key.text)) {
      std::string near = closest_name(s.key.text, {kPolicyMeta.begin(), kPolicyMeta.end()});
      diags_.error(Code::E206, s.key.range, tr(Msg::unknown_policy_setting, s.key.text),
                   near.empty() ? tr(Msg::hint_known_settings, join(kPolicyMeta)) : tr(Msg::hint_did_you_mean, near));
      return;
    }
    std::string v;
    for (const auto& e : s.values) {
      if (!v.empty()) v += ", ";
      v += literal_text(*e);
    }
    if (s.key.text == "in_force" || s.key.text == "issued") {
      for (const auto& e : s.values)
        if (e->kind != ast::ExprKind::Date || !parse_date(e->text))
          diags_.error(Code::E403, e->range, tr(Msg::setting_takes_date, s.key.text));
    }
    if (s.key.text == "calendar") calendar_setting(s, v);
    if (s.key.text == "title" && p_->title.empty()) p_->title = v;
    p_->meta.push_back({s.key.text, v});
  }

  // `calendar xinjiang`: working days count by the national arrangement with
  // that region's layer from stdlib/calendar/ on top.
  void calendar_setting(const ast::Setting& s, const std::string& v) {
    std::string error;
    if (s.values.size() != 1 || !regional_calendar(v, error)) {
      diags_.error(Code::E403, s.values.empty() ? s.key.range : s.values[0]->range,
                   tr(Msg::unknown_calendar, v),
                   tr(Msg::hint_known_calendars));
      return;
    }
    p_->calendar = v == "national" ? "" : v;
  }

  void use(const ast::Name& n) {
    std::string rel = n.text;
    if (rel.rfind("stdlib.", 0) == 0) rel = rel.substr(7);
    std::replace(rel.begin(), rel.end(), '.', '/');
    rel += ".award";
    auto text = stdlib_text(rel);
    if (!text) {
      std::vector<std::string> known;
      for (const StdlibFile* f = stdlib_files(); f->path; ++f) {
        std::string s = f->path;
        if (s.size() > 6 && s.substr(s.size() - 6) == ".award") known.push_back(s.substr(0, s.size() - 6));
      }
      std::string near = closest_name(n.text, known);
      diags_.error(Code::E203, n.range, tr(Msg::unknown_module, n.text),
                   near.empty() ? "" : tr(Msg::hint_did_you_mean, near));
      return;
    }
    p_->uses.push_back(n.text);
    out_.sources.push_back(std::make_unique<SourceFile>("stdlib/" + rel, std::move(*text)));
    const SourceFile& src = *out_.sources.back();
    modules_.push_back(parse(src, diags_));
    const ast::File& m = *modules_.back();
    if (m.kind != ast::File::Kind::Module)
      diags_.error(Code::E402, Range{&src, 0, 0}, tr(Msg::missing_module_header));
    for (const auto& u : m.uses) use(u);
    declare_types(m);
  }

  // --- enums and records --------------------------------------------------------
  void declare_types(const ast::File& f) {
    for (const auto& e : f.enums) {
      if (type_names_.count(e.name.text)) {
        diags_.error(Code::E214, e.name.range, tr(Msg::declared_twice, e.name.text));
        continue;
      }
      ir::EnumType et;
      et.name = e.name.text;
      et.title = e.title.value_or("");
      et.ordered = e.ordered;
      std::set<std::string> seen;
      for (const auto& m : e.members) {
        if (!seen.insert(m.name.text).second)
          diags_.error(Code::E214, m.name.range, tr(Msg::enum_member_twice, m.name.text, e.name.text));
        et.members.push_back(m.name.text);
        et.member_titles.push_back(m.title.value_or(""));
      }
      p_->enums.push_back(std::move(et));
      type_names_[e.name.text] = intern(Kind::Enum, static_cast<int32_t>(p_->enums.size() - 1));
    }
    std::vector<std::pair<const ast::RecordDecl*, int32_t>> pending;
    for (const auto& r : f.records) {
      if (type_names_.count(r.name.text)) {
        diags_.error(Code::E214, r.name.range, tr(Msg::declared_twice, r.name.text));
        continue;
      }
      ir::RecordType rt;
      rt.name = r.name.text;
      rt.title = r.title.value_or("");
      p_->records.push_back(std::move(rt));
      int32_t idx = static_cast<int32_t>(p_->records.size() - 1);
      type_names_[r.name.text] = intern(Kind::Record, idx);
      pending.emplace_back(&r, idx);
    }
    for (auto [r, idx] : pending) {
      std::set<std::string> seen;
      for (const auto& fd : r->fields) {
        if (!seen.insert(fd.name.text).second) {
          diags_.error(Code::E214, fd.name.range, tr(Msg::field_declared_twice, fd.name.text));
          continue;
        }
        ir::Field field;
        field.name = fd.name.text;
        field.optional = fd.type.optional;
        field.type = resolve_type(fd.type);
        field.title = fd.title.value_or("");
        if (fd.lo) lower_bounds(fd, field);
        p_->records[idx].fields.push_back(std::move(field));
      }
    }
  }

  // `in LO..HI` on a number or money field: the loader refuses values outside.
  void lower_bounds(const ast::FieldDecl& fd, ir::Field& field) {
    if (field.type < 0) return;  // an unknown type, already reported
    Kind k = p_->types[field.type].kind;
    if (k != Kind::Number && k != Kind::Money) {
      diags_.error(Code::E300, fd.bounds_range,
                   tr(Msg::bounds_not_numeric, *fd.lo, *fd.hi, fd.name.text, type_words(field.type)));
      return;
    }
    auto lo = parse_decimal(*fd.lo), hi = parse_decimal(*fd.hi);
    if (!lo || !hi || *hi < *lo) {
      diags_.error(Code::E106, fd.bounds_range,
                   tr(Msg::bounds_not_range, *fd.lo, *fd.hi));
      return;
    }
    field.lo = lo;
    field.hi = hi;
  }

  TypeId resolve_type(const ast::TypeRef& t) {
    if (t.list) return t.elem ? t_list(resolve_type(*t.elem)) : -1;
    static const std::map<std::string, Kind> builtins = {
        {"bool", Kind::Bool}, {"number", Kind::Number}, {"money", Kind::Money}, {"text", Kind::Text},
        {"date", Kind::Date}, {"duration", Kind::Duration}};
    if (auto it = builtins.find(t.name.text); it != builtins.end()) return intern(it->second);
    if (auto it = type_names_.find(t.name.text); it != type_names_.end()) return it->second;
    std::vector<std::string> known = {"bool", "number", "money", "text", "date", "duration"};
    for (const auto& [k, v] : type_names_) known.push_back(k);
    std::string near = closest_name(t.name.text, known);
    diags_.error(Code::E204, t.name.range, tr(Msg::unknown_type, t.name.text),
                 near.empty() ? "" : tr(Msg::hint_did_you_mean, near));
    return -1;
  }

  void find_roots(const ast::File& f) {
    auto find = [&](const char* n) -> int32_t {
      auto it = type_names_.find(n);
      if (it == type_names_.end() || kind(it->second) != Kind::Record) return -1;
      return p_->types[it->second].ref;
    };
    p_->organization = find("organization");
    p_->individual = find("individual");
    // The loader always reads who the applicant is.
    for (int32_t r : {p_->organization, p_->individual}) {
      if (r < 0) continue;
      for (const char* n : {"id", "kind", "name"}) slot_of(r, n);
    }
    (void)f;
  }

  int32_t field_index(int32_t rec, const std::string& name) const {
    const auto& fs = p_->records[rec].fields;
    for (size_t i = 0; i < fs.size(); ++i)
      if (fs[i].name == name) return static_cast<int32_t>(i);
    return -1;
  }

  int32_t slot_of(int32_t rec, const std::string& name) {
    int32_t fi = field_index(rec, name);
    if (fi < 0) return -1;
    auto& r = p_->records[rec];
    auto& f = r.fields[fi];
    if (f.slot < 0) {
      f.slot = r.slot_count++;
      r.slot_field.push_back(fi);
    }
    return f.slot;
  }

  // --- awards -----------------------------------------------------------------
  void declare_awards(const ast::File& f) {
    for (const auto& a : f.articles) collect_awards(a.members, a.label);
  }

  void collect_awards(const std::vector<ast::Member>& members, const std::string& ref) {
    for (const auto& m : members) {
      if (m.item) collect_awards(m.item->members, ref + m.item->label);
      if (m.group) collect_awards(m.group->members, ref);
      if (!m.stmt || m.stmt->kind != ast::StmtKind::Award) continue;
      const ast::Stmt& s = *m.stmt;
      if (p_->find_award(s.name.text) >= 0) {
        auto& d = diags_.error(Code::E211, s.name.range, tr(Msg::award_declared_twice, s.name.text));
        d.notes.push_back({award_ranges_[s.name.text], tr(Msg::note_first_declared)});
        continue;
      }
      ir::Award a;
      a.id = s.name.text;
      a.title = s.text;
      a.official_name = s.text;
      a.ref = ref;
      a.loc = loc(s.range);
      a.subject_name = s.subject.text;
      if (s.subject.text == "organization") a.subject = p_->organization;
      else if (s.subject.text == "individual") a.subject = p_->individual;
      else
        diags_.error(Code::E403, s.subject.range, tr(Msg::award_subject, s.subject.text));
      if (a.subject < 0 && (s.subject.text == "organization" || s.subject.text == "individual"))
        diags_.error(Code::E204, s.subject.range, tr(Msg::no_subject_record, s.subject.text));
      for (const auto& st : s.settings) award_setting(a, st);
      award_ranges_[a.id] = s.name.range;
      p_->awards.push_back(std::move(a));
    }
  }

  void award_setting(ir::Award& a, const ast::Setting& s) {
    const std::string& k = s.key.text;
    if (!kAwardSettings.count(k)) {
      std::string near = closest_name(k, {kAwardSettings.begin(), kAwardSettings.end()});
      diags_.error(Code::E206, s.key.range, tr(Msg::unknown_award_setting, k),
                   near.empty() ? tr(Msg::hint_known_settings, join(kAwardSettings)) : tr(Msg::hint_did_you_mean, near));
      return;
    }
    const ast::Expr* v = s.values.empty() ? nullptr : s.values[0].get();
    auto bad = [&](Msg what) { diags_.error(Code::E403, v ? v->range : s.range, tr(Msg::setting_takes, k, tr(what))); };
    if (!v) return bad(Msg::takes_a_value);
    if (k == "name") {
      if (v->kind != ast::ExprKind::String) return bad(Msg::takes_official_name);
      a.official_name = v->text;
    } else if (k == "cycle") {
      if (v->kind != ast::ExprKind::Duration || v->unit != ast::DurationUnit::Years) return bad(Msg::takes_years);
      a.cycle_years = std::stoi(v->text);
    } else if (k == "quota") {
      if (v->kind != ast::ExprKind::Number || v->text.find('.') != std::string::npos) return bad(Msg::takes_whole_number);
      a.quota = std::stoi(v->text);
    } else if (k == "vacant") {
      if (v->kind != ast::ExprKind::Bool) return bad(Msg::takes_true_false);
      a.may_be_vacant = v->text == "true";
    }
  }

  int32_t resolve_award(const ast::Name& n) {
    int32_t a = p_->find_award(n.text);
    if (a >= 0) return a;
    std::vector<std::string> ids;
    for (const auto& aw : p_->awards) ids.push_back(aw.id);
    std::string near = closest_name(n.text, ids);
    diags_.error(Code::E202, n.range, tr(Msg::no_such_award, n.text),
                 near.empty() ? (ids.empty() ? tr(Msg::hint_declare_award) : tr(Msg::hint_awards, join(ids)))
                              : tr(Msg::hint_did_you_mean, near));
    return -1;
  }

  std::vector<int32_t> resolve_awards(const std::vector<ast::Name>& names) {
    std::vector<int32_t> out;
    for (const auto& n : names)
      if (int32_t a = resolve_award(n); a >= 0) out.push_back(a);
    return out;
  }

  // --- articles -------------------------------------------------------------------
  struct Context {
    int32_t article = -1;
    int32_t item = -1;
    std::string ref;
    std::vector<int32_t> awards;  // explicit `for`, or empty for all
    bool explicit_awards = false;
    Range for_range;
  };

  void article(const ast::Article& a) {
    if (auto it = article_ranges_.find(a.label); it != article_ranges_.end()) {
      auto& d = diags_.error(Code::E210, a.label_range, tr(Msg::article_twice, a.label));
      d.notes.push_back({it->second, tr(Msg::note_first_written)});
      return;
    }
    article_ranges_[a.label] = a.label_range;
    ir::Article art;
    art.label = a.label;
    art.text = a.text.value_or("");
    art.loc = loc(a.range);
    p_->articles.push_back(std::move(art));
    Context ctx;
    ctx.article = static_cast<int32_t>(p_->articles.size() - 1);
    ctx.ref = a.label;
    if (!a.for_awards.empty()) {
      ctx.awards = resolve_awards(a.for_awards);
      ctx.explicit_awards = true;
      ctx.for_range = a.for_awards.front().range;
    }
    if (!a.text && a.members.empty())
      diags_.warning(Code::W500, a.label_range, tr(Msg::article_empty, a.label),
                     tr(Msg::hint_give_article_text));
    members(a.members, ctx);
  }

  void members(const std::vector<ast::Member>& ms, const Context& ctx) {
    std::map<std::string, Range> labels;
    for (const auto& m : ms) {
      if (m.item) {
        const ast::Item& it = *m.item;
        if (auto f = labels.find(it.label); f != labels.end()) {
          auto& d = diags_.error(Code::E212, it.label_range, tr(Msg::item_twice, it.label, ctx.ref));
          d.notes.push_back({f->second, tr(Msg::note_first_written)});
          continue;
        }
        labels[it.label] = it.label_range;
        ir::Item item;
        item.label = it.label;
        item.ref = ctx.ref + it.label;
        item.text = it.text.value_or("");
        item.parent = ctx.item;
        item.loc = loc(it.range);
        auto& art = p_->articles[ctx.article];
        art.items.push_back(std::move(item));
        Context inner = ctx;
        inner.item = static_cast<int32_t>(art.items.size() - 1);
        inner.ref = ctx.ref + it.label;
        if (!it.for_awards.empty()) {
          inner.awards = resolve_awards(it.for_awards);
          inner.explicit_awards = true;
          inner.for_range = it.for_awards.front().range;
        }
        members(it.members, inner);
      } else if (m.group) {
        // Same article item, fewer awards: the rules keep the enclosing reference.
        Context inner = ctx;
        inner.awards = resolve_awards(m.group->for_awards);
        inner.explicit_awards = true;
        inner.for_range = m.group->for_awards.front().range;
        members(m.group->members, inner);
      } else if (m.stmt) {
        statement(*m.stmt, ctx);
      }
    }
  }

  void statement(const ast::Stmt& s, const Context& ctx) {
    auto& art = p_->articles[ctx.article];
    art.carries_rules = true;
    switch (s.kind) {
      case ast::StmtKind::Require:
      case ast::StmtKind::Exclude:
      case ast::StmtKind::Judgement: rule(s, ctx); break;
      case ast::StmtKind::Award: break;  // declared up front
      case ast::StmtKind::Bonus: bonus(s, ctx); break;
      case ast::StmtKind::Revoke: revoke(s, ctx); break;
      case ast::StmtKind::Deadline: deadline(s, ctx); break;
      case ast::StmtKind::Retain: retain(s, ctx); break;
      case ast::StmtKind::Scoring: scoring(s, ctx); break;
      case ast::StmtKind::Score: weighting(s, ctx); break;
      case ast::StmtKind::Minimum: minimum(s, ctx); break;
      case ast::StmtKind::Shortlist: shortlist(s, ctx); break;
      case ast::StmtKind::Repeat: repeat(s, ctx); break;
    }
  }

  // The awards a rule applies to, and the record type they share.
  bool rule_targets(const ast::Stmt& s, const Context& ctx, std::vector<int32_t>& awards, int32_t& subject) {
    if (ctx.explicit_awards) awards = ctx.awards;
    else for (size_t i = 0; i < p_->awards.size(); ++i) awards.push_back(static_cast<int32_t>(i));
    if (p_->awards.empty()) {
      if (!no_award_reported_) {
        diags_.error(Code::E404, s.keyword, tr(Msg::no_award_declared),
                     tr(Msg::hint_declare_award_example));
        no_award_reported_ = true;
      }
      return false;
    }
    subject = -1;
    for (int32_t a : awards) {
      int32_t sub = p_->awards[a].subject;
      if (sub < 0) return false;
      if (subject >= 0 && sub != subject) {
        std::vector<std::string> orgs, inds;
        for (int32_t b : awards) (p_->awards[b].subject == p_->organization ? orgs : inds).push_back(p_->awards[b].id);
        diags_.error(Code::E401, s.keyword,
                     tr(Msg::mixed_subjects, join(orgs), join(inds)),
                     tr(Msg::hint_say_which_awards, join(orgs), join(inds)));
        return false;
      }
      subject = sub;
    }
    return subject >= 0;
  }

  void rule(const ast::Stmt& s, const Context& ctx) {
    ir::Rule r;
    r.kind = s.kind == ast::StmtKind::Require ? ir::RuleKind::Require
             : s.kind == ast::StmtKind::Exclude ? ir::RuleKind::Exclude : ir::RuleKind::Judgement;
    r.article = ctx.article;
    r.item = ctx.item;
    r.ref = ctx.ref;
    r.loc = loc(s.range);
    r.source = std::string(s.range.text());
    int32_t subject = -1;
    // Without one vocabulary to read, the rule's names cannot be checked; the
    // error already says which awards to name.
    if (!rule_targets(s, ctx, r.awards, subject)) return;
    r.subject = subject;
    reads_.clear();
    frames_.assign(1, Frame{intern(Kind::Record, subject), "", ""});
    if (s.kind == ast::StmtKind::Judgement) {
      if (auto it = judgement_ids_.find(s.name.text); it != judgement_ids_.end()) {
        auto& d = diags_.error(Code::E213, s.name.range, tr(Msg::judgement_twice, s.name.text));
        d.notes.push_back({it->second, tr(Msg::note_first_declared)});
        return;
      }
      judgement_ids_[s.name.text] = s.name.range;
      ir::Judgement j;
      j.id = s.name.text;
      j.text = s.text;
      j.ref = ctx.ref;
      j.loc = loc(s.range);
      j.rule = static_cast<int32_t>(p_->rules.size());
      r.judgement = static_cast<int32_t>(p_->judgements.size());
      p_->judgements.push_back(std::move(j));
      reads_.push_back("judgements." + s.name.text);
    } else {
      r.body = condition(*s.body);
    }
    if (s.when) r.when = condition(*s.when);
    for (const auto& e : s.exceptions) {
      ir::Exception ex;
      ex.cond = condition(*e.cond);
      if (e.body) ex.body = condition(*e.body);
      r.exceptions.push_back(ex);
    }
    r.reads = reads_;
    int32_t idx = static_cast<int32_t>(p_->rules.size());
    auto& art = p_->articles[ctx.article];
    art.rules.push_back(idx);
    if (ctx.item >= 0) {
      for (int32_t it = ctx.item; it >= 0; it = art.items[it].parent) art.items[it].rules.push_back(idx);
    }
    p_->rules.push_back(std::move(r));
  }

  void bonus(const ast::Stmt& s, const Context& ctx) {
    ir::Bonus b;
    if (s.title_range.valid()) {
      b.title = s.title;  // an award of another level, won in the cycle
    } else {
      b.award = resolve_award(s.name);
      if (b.award < 0) return;
    }
    b.ref = ctx.ref;
    b.loc = loc(s.range);
    if (s.body->kind == ast::ExprKind::String) {
      // 按市对区现行财政体制给予奖励: owed, but the measure fixes no amount.
      b.fixed = false;
      b.note = s.body->text;
    } else if (s.body->kind != ast::ExprKind::Money) {
      diags_.error(Code::E403, s.body->range, tr(Msg::bonus_not_money), tr(Msg::hint_bonus_words));
    } else if (auto d = parse_decimal(s.body->text)) {
      b.amount = *d;
    }
    for (const auto& f : s.flags) {
      if (!kBonusFlags.count(f.text)) {
        std::string near = closest_name(f.text, {kBonusFlags.begin(), kBonusFlags.end()});
        diags_.error(Code::E206, f.range, tr(Msg::unknown_bonus_condition, f.text),
                     near.empty() ? tr(Msg::hint_known, join(kBonusFlags)) : tr(Msg::hint_did_you_mean, near));
        continue;
      }
      b.flags.push_back(f.text);
    }
    if (s.when) {
      int32_t subject = b.award >= 0 ? p_->awards[b.award].subject : p_->organization;
      if (subject >= 0) {
        frames_.assign(1, Frame{intern(Kind::Record, subject), "", ""});
        reads_.clear();
        b.when = condition(*s.when);
      }
    }
    p_->bonuses.push_back(std::move(b));
  }

  // --- scoring and ranking ---------------------------------------------------------

  // A second provision of one kind for the same award: E408, pointing at the first.
  bool once(std::map<std::pair<int, int32_t>, Range>& seen, int kind, int32_t award, const ast::Stmt& s, const char* what) {
    auto [it, fresh] = seen.emplace(std::make_pair(kind, award), s.keyword);
    if (fresh) return true;
    auto& d = diags_.error(Code::E408, s.keyword,
                           tr(Msg::given_twice, what, award >= 0 ? p_->awards[award].id : ""),
                           tr(Msg::hint_keep_one));
    d.notes.push_back({it->second, tr(Msg::note_first_given)});
    return false;
  }

  // `scoring gbt19580`: the scheme is a stdlib module declaring a record of the
  // same name whose number fields are its categories, each `in 0..MAX`.
  void scoring(const ast::Stmt& s, const Context& ctx) {
    if (!once(scoring_seen_, 0, -1, s, "scoring")) return;
    const std::string& id = s.name.text;
    if (std::find(p_->uses.begin(), p_->uses.end(), id) == p_->uses.end()) {
      size_t errors = diags_.error_count();
      use(s.name);
      if (diags_.error_count() != errors) return;
    }
    auto t = type_names_.find(id);
    if (t == type_names_.end() || kind(t->second) != Kind::Record) {
      diags_.error(Code::E403, s.name.range, tr(Msg::not_a_scheme, id), tr(Msg::hint_scheme_shape, id));
      return;
    }
    const ir::RecordType& rec = p_->records[p_->types[t->second].ref];
    ir::ScoringScheme sc;
    sc.id = id;
    sc.title = rec.title;
    sc.ref = ctx.ref;
    sc.loc = loc(s.range);
    for (const auto& f : rec.fields) {
      if (!f.hi) continue;
      sc.categories.push_back({f.name, f.title, *f.hi});
      if (auto sum = dec_add(sc.max, *f.hi)) sc.max = *sum;
    }
    if (sc.categories.empty()) {
      diags_.error(Code::E403, s.name.range, tr(Msg::scheme_no_category, id));
      return;
    }
    p_->scoring = std::move(sc);
  }

  // `score quality, nomination: material 30% + site 70%`.
  void weighting(const ast::Stmt& s, const Context& ctx) {
    ir::Weighting w;
    w.ref = ctx.ref;
    w.loc = loc(s.range);
    Decimal sum;
    bool ok = true;
    std::set<std::string> weighted;
    for (const auto& term : s.weights) {
      auto pct = parse_decimal(term.percent);
      auto frac = pct ? dec_div(*pct, Decimal::from_int(100)) : std::nullopt;
      if (!frac) {
        diags_.error(Code::E106, term.percent_range, tr(Msg::not_a_weight, term.percent));
        ok = false;
        continue;
      }
      Decimal* part = term.part.text == "material" ? &w.material : term.part.text == "site" ? &w.site : nullptr;
      if (!part) {
        std::string near = closest_name(term.part.text, {"material", "site"});
        diags_.error(Code::E206, term.part.range, tr(Msg::unknown_score, term.part.text),
                     near.empty() ? tr(Msg::hint_scores_known) : tr(Msg::hint_did_you_mean, near));
        ok = false;
        continue;
      }
      if (!weighted.insert(term.part.text).second) {
        diags_.error(Code::E408, term.part.range, tr(Msg::weighted_twice, term.part.text), tr(Msg::hint_one_weight));
        ok = false;
        continue;
      }
      *part = *frac;
      sum.v += frac->v;
    }
    if (!ok) return;
    if (sum != Decimal::from_int(1)) {
      diags_.error(Code::E407, s.keyword,
                   tr(Msg::weights_sum, format_decimal(Decimal{sum.v * 100})), tr(Msg::hint_weights_example));
      return;
    }
    for (int32_t a : resolve_awards(s.awards))
      if (once(scoring_seen_, 1, a, s, "score")) w.awards.push_back(a);
    if (!w.awards.empty()) p_->weightings.push_back(std::move(w));
  }

  // `minimum quality 610`.
  void minimum(const ast::Stmt& s, const Context& ctx) {
    int32_t a = resolve_award(s.name);
    auto total = parse_decimal(s.number);
    if (!total || *total < Decimal{} || p_->max_total() < *total) {
      diags_.error(Code::E403, s.number_range,
                   tr(Msg::minimum_range, format_decimal(p_->max_total()), s.number));
      return;
    }
    if (a < 0 || !once(scoring_seen_, 2, a, s, "minimum")) return;
    p_->minimums.push_back({a, *total, ctx.ref, loc(s.range)});
  }

  // `shortlist quality, innovation 8`.
  void shortlist(const ast::Stmt& s, const Context& ctx) {
    ir::Shortlist c;
    c.ref = ctx.ref;
    c.loc = loc(s.range);
    auto n = parse_decimal(s.number);
    if (!n || !n->is_integer() || n->trunc() < 1 || n->trunc() > 100000) {
      diags_.error(Code::E403, s.number_range, tr(Msg::shortlist_places, s.number));
      return;
    }
    c.places = static_cast<int32_t>(n->trunc());
    for (int32_t a : resolve_awards(s.awards))
      if (once(scoring_seen_, 3, a, s, "shortlist")) c.awards.push_back(a);
    if (!c.awards.empty()) p_->shortlists.push_back(std::move(c));
  }

  // `repeat quality, nomination then outside_quota, no_bonus`.
  void repeat(const ast::Stmt& s, const Context& ctx) {
    static const std::vector<std::string> kRepeatFlags = {"outside_quota", "no_bonus"};
    ir::RepeatWinners r;
    r.ref = ctx.ref;
    r.loc = loc(s.range);
    for (const auto& f : s.flags) {
      if (f.text == "outside_quota") r.outside_quota = true;
      else if (f.text == "no_bonus") r.no_bonus = true;
      else {
        std::string near = closest_name(f.text, kRepeatFlags);
        diags_.error(Code::E206, f.range, tr(Msg::unknown_repeat_flag, f.text),
                     near.empty() ? tr(Msg::hint_known, join(kRepeatFlags)) : tr(Msg::hint_did_you_mean, near));
      }
    }
    for (int32_t a : resolve_awards(s.awards))
      if (once(scoring_seen_, 4, a, s, "repeat")) r.awards.push_back(a);
    if (!r.awards.empty()) p_->repeats.push_back(std::move(r));
  }

  void revoke(const ast::Stmt& s, const Context& ctx) {
    ir::Revocation rv;
    rv.awards = resolve_awards(s.awards);
    rv.ref = ctx.ref;
    rv.loc = loc(s.range);
    rv.source = std::string(s.range.text());
    int32_t subject = -1;
    for (int32_t a : rv.awards) {
      if (subject >= 0 && p_->awards[a].subject != subject) {
        diags_.error(Code::E401, s.keyword, tr(Msg::revocation_mixed));
        return;
      }
      subject = p_->awards[a].subject;
    }
    if (subject < 0) return;
    frames_.assign(1, Frame{intern(Kind::Record, subject), "", ""});
    reads_.clear();
    in_revocation_ = true;
    rv.cond = condition(*s.body);
    in_revocation_ = false;
    for (const auto& c : s.consequences) {
      if (!kConsequences.count(c.name.text)) {
        std::string near = closest_name(c.name.text, {kConsequences.begin(), kConsequences.end()});
        diags_.error(Code::E206, c.name.range, tr(Msg::unknown_consequence, c.name.text),
                     near.empty() ? tr(Msg::hint_known, join(kConsequences)) : tr(Msg::hint_did_you_mean, near));
        continue;
      }
      ir::Consequence cq;
      cq.name = c.name.text;
      if (c.value) {
        if (auto d = duration_literal(*c.value)) { cq.has_duration = true; cq.duration = *d; }
      } else if (c.name.text == "ban") {
        diags_.error(Code::E403, c.name.range, tr(Msg::ban_takes_period));
      }
      rv.consequences.push_back(cq);
    }
    p_->revocations.push_back(std::move(rv));
  }

  std::optional<ir::Duration> duration_literal(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::Duration) {
      diags_.error(Code::E403, e.range, tr(Msg::expected_period));
      return std::nullopt;
    }
    if (e.text.find('.') != std::string::npos) {
      diags_.error(Code::E106, e.range, tr(Msg::period_whole));
      return std::nullopt;
    }
    ir::Duration d;
    d.amount = std::stoll(e.text);
    d.unit = unit(e.unit);
    return d;
  }

  static Unit unit(ast::DurationUnit u) {
    switch (u) {
      case ast::DurationUnit::Days: return Unit::Days;
      case ast::DurationUnit::WorkingDays: return Unit::WorkingDays;
      case ast::DurationUnit::Months: return Unit::Months;
      case ast::DurationUnit::Years: return Unit::Years;
    }
    return Unit::Days;
  }

  void deadline(const ast::Stmt& s, const Context& ctx) {
    ir::Deadline d;
    d.id = s.name.text;
    d.text = s.text;
    d.event = s.event;
    d.ref = ctx.ref;
    d.loc = loc(s.range);
    if (auto du = duration_literal(*s.body)) d.duration = *du;
    // A deadline is a period for someone to act, so 民法典 第二百零三条 applies:
    // one counted in days, months or years whose last day is a rest day or a
    // holiday ends on the next working day. One counted in working days ends
    // on a working day already.
    d.end = d.duration.unit == Unit::WorkingDays ? ir::PeriodEnd::Exact : ir::PeriodEnd::NextWorkingDay;
    p_->deadlines.push_back(std::move(d));
  }

  void retain(const ast::Stmt& s, const Context& ctx) {
    ir::Retention r;
    r.id = s.name.text;
    r.ref = ctx.ref;
    r.loc = loc(s.range);
    if (auto du = duration_literal(*s.body)) r.duration = *du;
    p_->retentions.push_back(std::move(r));
  }

  // --- expressions ---------------------------------------------------------------
  int32_t emit(ir::Op op, TypeId type, const ast::Expr& e, int32_t a = -1, int32_t b = -1, int32_t c = -1,
               int32_t d = -1, uint8_t aux = 0) {
    ir::Node n;
    n.op = op;
    n.type = type;
    n.a = a; n.b = b; n.c = c; n.d = d;
    n.aux = aux;
    n.src_begin = e.range.begin;
    n.src_end = e.range.end;
    p_->nodes.push_back(n);
    return static_cast<int32_t>(p_->nodes.size() - 1);
  }

  int32_t constant(Value v, TypeId type, const ast::Expr& e) {
    p_->consts.push_back(v);
    return emit(ir::Op::Const, type, e, static_cast<int32_t>(p_->consts.size() - 1));
  }

  int32_t condition(const ast::Expr& e) {
    Typed t = expr(e, -1);
    if (t.type >= 0 && kind(t.type) != Kind::Bool) {
      diags_.error(Code::E301, e.range, tr(Msg::not_a_condition, article_of(t.type)),
                   kind(t.type) == Kind::Number ? tr(Msg::hint_compare_it) : "");
    }
    return t.node;
  }

  // The type with its article, for messages: "an amount of money", "a date".
  // A type as a message names it, with its article in English: "a date",
  // "an amount of money", "a `level` value".
  std::string article_of(TypeId t) const {
    if (t < 0) return tr(Msg::type_error);
    switch (kind(t)) {
      case Kind::Text: return tr(Msg::type_text);
      case Kind::Elapsed: return tr(Msg::the_elapsed);
      case Kind::Money: return tr(Msg::an_type, tr(Msg::type_money));
      case Kind::Enum: return tr(Msg::an_enum_value, tname(t));
      case Kind::Error: return tr(Msg::type_error);
      default: break;
    }
    std::string n = tname(t);  // the English name decides between "a" and "an"
    return tr(n[0] == 'a' || n[0] == 'e' || n[0] == 'i' || n[0] == 'o' || n[0] == 'u' ? Msg::an_type : Msg::a_type,
              type_words(t));
  }

  // A type without an article, in the words of ir::type_name (which the IR
  // printout keeps in English): "date", "list of number".
  std::string type_words(TypeId t) const {
    if (t < 0 || t >= static_cast<TypeId>(p_->types.size())) return tr(Msg::type_error);
    const auto& ti = p_->types[t];
    switch (ti.kind) {
      case Kind::Error: return tr(Msg::type_error);
      case Kind::Bool: return tr(Msg::type_bool);
      case Kind::Number: return tr(Msg::type_number);
      case Kind::Money: return tr(Msg::type_money);
      case Kind::Text: return tr(Msg::type_text);
      case Kind::Date: return tr(Msg::type_date);
      case Kind::Duration: return tr(Msg::type_period);
      case Kind::Elapsed: return tr(Msg::type_elapsed);
      case Kind::Enum: return p_->enums[ti.ref].name;
      case Kind::Record: return tr(Msg::type_record, p_->records[ti.ref].name);
      case Kind::List: return tr(Msg::type_list, type_words(ti.elem));
    }
    return "?";
  }

  Typed error_value(const ast::Expr& e) { return Typed{constant(Value::unknown(), -1, e), -1, ""}; }

  void note_read(const std::string& path) {
    if (path.empty()) return;
    if (std::find(reads_.begin(), reads_.end(), path) == reads_.end()) reads_.push_back(path);
  }

  // Every field name visible from the current frames, for suggestions.
  std::vector<std::string> visible_names() const {
    std::vector<std::string> out;
    for (const auto& f : frames_) {
      if (!f.binding.empty()) out.push_back(f.binding);
      if (f.binding.empty() && kind(f.elem) == Kind::Record)
        for (const auto& fd : p_->records[p_->types[f.elem].ref].fields) out.push_back(fd.name);
    }
    return out;
  }

  bool names_fact(const ast::Expr& e) const {
    if (e.kind != ast::ExprKind::Name) return true;
    if (e.text == "awarded_on" && in_revocation_) return true;
    for (const auto& f : frames_) {
      if (!f.binding.empty() && f.binding == e.text) return true;
      if (f.binding.empty() && kind(f.elem) == Kind::Record && field_index(p_->types[f.elem].ref, e.text) >= 0) return true;
    }
    return false;
  }

  Typed name(const ast::Expr& e, TypeId hint) {
    if (e.text == "awarded_on" && in_revocation_) return Typed{emit(ir::Op::AwardedOn, t_date(), e), t_date(), ""};
    for (int32_t depth = static_cast<int32_t>(frames_.size()) - 1; depth >= 0; --depth) {
      const Frame& f = frames_[depth];
      if (!f.binding.empty()) {
        if (f.binding == e.text) {
          std::string path = f.path;
          return Typed{emit(ir::Op::Elem, f.elem, e, depth), f.elem, path};
        }
        continue;
      }
      if (kind(f.elem) != Kind::Record) continue;
      int32_t rec = p_->types[f.elem].ref;
      int32_t fi = field_index(rec, e.text);
      if (fi < 0) continue;
      int32_t slot = slot_of(rec, e.text);
      const ir::Field& fd = p_->records[rec].fields[fi];
      std::string path = f.path.empty() ? e.text : f.path + "." + e.text;
      note_read(path);
      return Typed{emit(ir::Op::Load, fd.type, e, depth, slot), fd.type, path};
    }
    if (hint >= 0 && kind(hint) == Kind::Enum) {
      const auto& en = p_->enums[p_->types[hint].ref];
      for (size_t i = 0; i < en.members.size(); ++i)
        if (en.members[i] == e.text) return Typed{constant(Value::enumeration(static_cast<uint32_t>(i)), hint, e), hint, ""};
      std::string near = closest_name(e.text, en.members);
      diags_.error(Code::E201, e.range, tr(Msg::not_enum_value, e.text, en.name),
                   near.empty() ? tr(Msg::hint_values, join(en.members)) : tr(Msg::hint_did_you_mean, near));
      return error_value(e);
    }
    std::string near = closest_name(e.text, visible_names());
    std::string hintmsg = near.empty() ? "" : tr(Msg::hint_did_you_mean, near);
    if (near.empty() && e.text == "awarded_on") hintmsg = tr(Msg::hint_awarded_on);
    diags_.error(Code::E200, e.range, tr(Msg::unknown_fact, e.text), hintmsg);
    return error_value(e);
  }

  Typed field(const ast::Expr& e) {
    Typed base = expr(*e.args[0], -1);
    if (base.type < 0) return error_value(e);
    if (kind(base.type) != Kind::Record) {
      diags_.error(Code::E305, e.name_range, tr(Msg::no_field_of_kind, e.args[0]->range.text(), article_of(base.type), e.text));
      return error_value(e);
    }
    int32_t rec = p_->types[base.type].ref;
    int32_t fi = field_index(rec, e.text);
    if (fi < 0) {
      std::vector<std::string> names;
      for (const auto& f : p_->records[rec].fields) names.push_back(f.name);
      std::string near = closest_name(e.text, names);
      diags_.error(Code::E200, e.name_range, tr(Msg::no_field, p_->records[rec].name, e.text),
                   near.empty() ? "" : tr(Msg::hint_did_you_mean, near));
      return error_value(e);
    }
    int32_t slot = slot_of(rec, e.text);
    const ir::Field& fd = p_->records[rec].fields[fi];
    std::string path = base.path.empty() ? "" : base.path + "." + e.text;
    note_read(path);
    return Typed{emit(ir::Op::Field, fd.type, e, base.node, slot), fd.type, path};
  }

  bool numeric(TypeId t) const { return kind(t) == Kind::Number || kind(t) == Kind::Money; }

  Typed binary(const ast::Expr& e) {
    using ast::BinOp;
    const ast::Expr& le = *e.args[0];
    const ast::Expr& re = *e.args[1];
    if (e.op == BinOp::And || e.op == BinOp::Or) {
      int32_t a = condition(le), b = condition(re);
      return Typed{emit(e.op == BinOp::And ? ir::Op::And : ir::Op::Or, t_bool(), e, a, b), t_bool(), ""};
    }
    bool cmp = e.op >= BinOp::Eq && e.op <= BinOp::Ge;
    Typed l, r;
    if (cmp && !names_fact(le) && names_fact(re)) {
      r = expr(re, -1);
      l = expr(le, r.type);
    } else {
      l = expr(le, -1);
      r = expr(re, l.type);
    }
    if (l.type < 0 || r.type < 0) return error_value(e);
    Kind lk = kind(l.type), rk = kind(r.type);
    auto mismatch = [&](const std::string& hint = "") {
      diags_.error(Code::E303, e.range, tr(Msg::cannot_operate, tr(op_verb(e.op)), article_of(l.type), article_of(r.type)), hint);
      return error_value(e);
    };
    if (cmp) {
      auto cop = static_cast<uint8_t>(static_cast<int>(e.op) - static_cast<int>(BinOp::Eq));
      bool order = e.op != BinOp::Eq && e.op != BinOp::Ne;
      if (lk == Kind::Elapsed && rk == Kind::Duration)
        return Typed{emit(ir::Op::CmpElapsed, t_bool(), e, l.node, r.node, -1, -1, cop), t_bool(), ""};
      if (lk == Kind::Duration && rk == Kind::Elapsed) {
        static const uint8_t flip[] = {0, 1, 4, 5, 2, 3};  // a < b  <=>  b > a
        return Typed{emit(ir::Op::CmpElapsed, t_bool(), e, r.node, l.node, -1, -1, flip[cop]), t_bool(), ""};
      }
      if (l.type != r.type) {
        std::string hint;
        if (lk == Kind::Money && rk == Kind::Number) hint = tr(Msg::hint_in_yuan, re.range.text());
        if (lk == Kind::Number && rk == Kind::Money) hint = tr(Msg::hint_both_money);
        if (lk == Kind::Elapsed && rk == Kind::Number) hint = tr(Msg::hint_give_unit, re.range.text());
        if (lk == Kind::Date && rk == Kind::Text) hint = tr(Msg::hint_dates_unquoted);
        return mismatch(hint);
      }
      if (order) {
        if (lk == Kind::Enum && !p_->enums[p_->types[l.type].ref].ordered) {
          diags_.error(Code::E306, e.range, tr(Msg::unordered_enum, p_->enums[p_->types[l.type].ref].name),
                       tr(Msg::hint_declare_ordered));
          return error_value(e);
        }
        if (lk == Kind::Bool || lk == Kind::Text || lk == Kind::List || lk == Kind::Record || lk == Kind::Duration)
          return mismatch();
      } else if (lk == Kind::List || lk == Kind::Record) {
        return mismatch(tr(Msg::hint_compare_fields));
      }
      return Typed{emit(ir::Op::Cmp, t_bool(), e, l.node, r.node, -1, -1, cop), t_bool(), ""};
    }
    switch (e.op) {
      case BinOp::Add:
        if (lk == Kind::Date && rk == Kind::Duration) return Typed{emit(ir::Op::DateAdd, t_date(), e, l.node, r.node), t_date(), ""};
        if (lk == Kind::Duration && rk == Kind::Date) return Typed{emit(ir::Op::DateAdd, t_date(), e, r.node, l.node), t_date(), ""};
        if (numeric(l.type) && l.type == r.type) return Typed{emit(ir::Op::Add, l.type, e, l.node, r.node), l.type, ""};
        return mismatch();
      case BinOp::Sub:
        if (lk == Kind::Date && rk == Kind::Duration) return Typed{emit(ir::Op::DateSub, t_date(), e, l.node, r.node), t_date(), ""};
        if (lk == Kind::Date && rk == Kind::Date) return Typed{emit(ir::Op::DateDiff, t_elapsed(), e, l.node, r.node), t_elapsed(), ""};
        if (numeric(l.type) && l.type == r.type) return Typed{emit(ir::Op::Sub, l.type, e, l.node, r.node), l.type, ""};
        return mismatch();
      case BinOp::Mul:
        if (lk == Kind::Number && rk == Kind::Number) return Typed{emit(ir::Op::Mul, t_num(), e, l.node, r.node), t_num(), ""};
        if (lk == Kind::Money && rk == Kind::Number) return Typed{emit(ir::Op::Mul, t_money(), e, l.node, r.node), t_money(), ""};
        if (lk == Kind::Number && rk == Kind::Money) return Typed{emit(ir::Op::Mul, t_money(), e, l.node, r.node), t_money(), ""};
        return mismatch();
      case BinOp::Div:
        if (lk == Kind::Number && rk == Kind::Number) return Typed{emit(ir::Op::Div, t_num(), e, l.node, r.node), t_num(), ""};
        if (lk == Kind::Money && rk == Kind::Number) return Typed{emit(ir::Op::Div, t_money(), e, l.node, r.node), t_money(), ""};
        if (lk == Kind::Money && rk == Kind::Money) return Typed{emit(ir::Op::Div, t_num(), e, l.node, r.node), t_num(), ""};
        return mismatch();
      default: return mismatch();
    }
  }

  static Msg op_verb(ast::BinOp op) {
    switch (op) {
      case ast::BinOp::Add: return Msg::verb_add;
      case ast::BinOp::Sub: return Msg::verb_subtract;
      case ast::BinOp::Mul: return Msg::verb_multiply;
      case ast::BinOp::Div: return Msg::verb_divide;
      default: return Msg::verb_compare;
    }
  }

  // A list to quantify over, and the frame its elements open.
  Typed quantifier(const ast::Expr& e) {
    Typed list = expr(*e.args[0], -1);
    if (list.type < 0) return error_value(e);
    if (kind(list.type) != Kind::List) {
      diags_.error(Code::E304, e.args[0]->range, tr(Msg::not_a_list, e.args[0]->range.text(), article_of(list.type)),
                   tr(Msg::hint_quantifiers));
      return error_value(e);
    }
    TypeId elem = p_->types[list.type].elem;
    Frame f{elem, e.text, list.path.empty() ? "" : list.path + "[]"};
    if (f.binding.empty() && kind(elem) != Kind::Record) {
      // a list of scalars is reached through a binding; give it one named `it`
      f.binding = "it";
    }
    frames_.push_back(f);
    int32_t depth = static_cast<int32_t>(frames_.size() - 1);
    p_->max_depth = std::max(p_->max_depth, depth);
    size_t next = 1;
    int32_t filter = -1, cond = -1;
    if (e.has_filter) filter = condition(*e.args[next++]);
    if (e.has_cond) cond = condition(*e.args[next++]);
    frames_.pop_back();
    ir::Op op = e.kind == ast::ExprKind::Any ? ir::Op::Any
                : e.kind == ast::ExprKind::No ? ir::Op::No
                : e.kind == ast::ExprKind::All ? ir::Op::All : ir::Op::Count;
    TypeId t = op == ir::Op::Count ? t_num() : t_bool();
    return Typed{emit(op, t, e, list.node, cond, depth, filter), t, ""};
  }

  Typed expr(const ast::Expr& e, TypeId hint) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::Number: {
        auto d = parse_decimal(e.text);
        if (!d) { diags_.error(Code::E106, e.range, tr(Msg::inexact_number, e.text)); return error_value(e); }
        return Typed{constant(Value::number(*d), t_num(), e), t_num(), ""};
      }
      case K::Money: {
        auto d = parse_decimal(e.text);
        if (!d) { diags_.error(Code::E106, e.range, tr(Msg::inexact_amount, e.text)); return error_value(e); }
        return Typed{constant(Value::number(*d), t_money(), e), t_money(), ""};
      }
      case K::Duration: {
        if (e.text.find('.') != std::string::npos) {
          diags_.error(Code::E106, e.range, tr(Msg::period_whole));
          return error_value(e);
        }
        return Typed{constant(Value::duration(std::stoll(e.text), unit(e.unit)), t_dur(), e), t_dur(), ""};
      }
      case K::Date: {
        auto d = parse_date(e.text);
        if (!d) { diags_.error(Code::E106, e.range, tr(Msg::not_a_calendar_date, e.text)); return error_value(e); }
        return Typed{constant(Value::date_of(d->days), t_date(), e), t_date(), ""};
      }
      case K::String: {
        if (hint >= 0 && kind(hint) == Kind::Enum) {
          // "production_safety" where an enum is expected: accept the member's name
          ast::Expr as_name;
          as_name.kind = K::Name;
          as_name.text = e.text;
          as_name.range = e.range;
          const auto& en = p_->enums[p_->types[hint].ref];
          for (size_t i = 0; i < en.members.size(); ++i)
            if (en.members[i] == e.text) return Typed{constant(Value::enumeration(static_cast<uint32_t>(i)), hint, e), hint, ""};
          return name(as_name, hint);
        }
        uint32_t off = static_cast<uint32_t>(p_->pool.size());
        p_->pool += e.text;
        return Typed{constant(Value::text_of(off, static_cast<uint32_t>(e.text.size()), Arena::Policy), t_text(), e), t_text(), ""};
      }
      case K::Bool:
        return Typed{constant(Value::boolean(e.text == "true"), t_bool(), e), t_bool(), ""};
      case K::Today:
        return Typed{emit(ir::Op::Today, t_date(), e), t_date(), ""};
      case K::Name:
        return name(e, hint);
      case K::Field:
        return field(e);
      case K::Call: {
        if (e.text == "year") {
          if (e.args.size() != 1) {
            diags_.error(Code::E302, e.range, tr(Msg::year_takes_one_date));
            return error_value(e);
          }
          Typed a = expr(*e.args[0], -1);
          if (a.type >= 0 && kind(a.type) != Kind::Date) {
            diags_.error(Code::E300, e.args[0]->range, tr(Msg::year_takes_date, article_of(a.type)));
            return error_value(e);
          }
          return Typed{emit(ir::Op::Year, t_num(), e, a.node), t_num(), ""};
        }
        diags_.error(Code::E205, e.name_range, tr(Msg::unknown_function, e.text), tr(Msg::hint_functions));
        return error_value(e);
      }
      case K::Set: {
        TypeId elem = hint >= 0 && kind(hint) == Kind::List ? p_->types[hint].elem : hint;
        std::vector<int32_t> elems;
        for (const auto& a : e.args) {
          Typed t = expr(*a, elem);
          if (t.type < 0) continue;
          if (elem < 0) elem = t.type;
          else if (t.type != elem) {
            diags_.error(Code::E300, a->range, tr(Msg::set_element_mismatch, article_of(elem), article_of(t.type)));
            continue;
          }
          elems.push_back(t.node);
        }
        if (elem < 0) {
          if (e.args.empty()) diags_.error(Code::E300, e.range, tr(Msg::empty_set));
          return error_value(e);
        }
        int32_t first = static_cast<int32_t>(p_->lists.size());
        for (int32_t n : elems) p_->lists.push_back(n);
        TypeId lt = t_list(elem);
        return Typed{emit(ir::Op::MakeList, lt, e, first, static_cast<int32_t>(elems.size())), lt, ""};
      }
      case K::Neg: {
        Typed a = expr(*e.args[0], -1);
        if (a.type < 0) return error_value(e);
        if (!numeric(a.type)) {
          diags_.error(Code::E303, e.range, tr(Msg::cannot_negate, article_of(a.type)));
          return error_value(e);
        }
        return Typed{emit(ir::Op::Neg, a.type, e, a.node), a.type, ""};
      }
      case K::Not: {
        int32_t a = condition(*e.args[0]);
        return Typed{emit(ir::Op::Not, t_bool(), e, a), t_bool(), ""};
      }
      case K::Binary:
        return binary(e);
      case K::Within: {
        Typed d = expr(*e.args[0], -1);
        Typed span = expr(*e.args[1], -1);
        Typed anchor = expr(*e.args[2], -1);
        if (d.type < 0 || span.type < 0 || anchor.type < 0) return error_value(e);
        if (kind(d.type) != Kind::Date || kind(span.type) != Kind::Duration || kind(anchor.type) != Kind::Date) {
          diags_.error(Code::E303, e.range, tr(Msg::within_form),
                       tr(Msg::hint_within_example));
          return error_value(e);
        }
        return Typed{emit(ir::Op::Within, t_bool(), e, d.node, span.node, anchor.node, -1, e.after ? 1 : 0), t_bool(), ""};
      }
      case K::IsSet: {
        Typed a = expr(*e.args[0], -1);
        if (a.type < 0) return error_value(e);
        if (a.path.empty()) {
          diags_.error(Code::E303, e.args[0]->range, tr(Msg::is_set_not_fact));
          return error_value(e);
        }
        return Typed{emit(ir::Op::IsSet, t_bool(), e, a.node, -1, -1, -1, e.negated ? 1 : 0), t_bool(), ""};
      }
      case K::In: {
        Typed l, r;
        if (!names_fact(*e.args[0])) {
          r = expr(*e.args[1], -1);
          l = expr(*e.args[0], r.type >= 0 && kind(r.type) == Kind::List ? p_->types[r.type].elem : -1);
        } else {
          l = expr(*e.args[0], -1);
          r = expr(*e.args[1], l.type >= 0 ? t_list(l.type) : -1);
        }
        if (l.type < 0 || r.type < 0) return error_value(e);
        if (kind(r.type) != Kind::List) {
          diags_.error(Code::E304, e.args[1]->range, tr(Msg::in_needs_list, article_of(r.type)));
          return error_value(e);
        }
        if (p_->types[r.type].elem != l.type) {
          diags_.error(Code::E300, e.range, tr(Msg::cannot_be_in, article_of(l.type), article_of(r.type)));
          return error_value(e);
        }
        return Typed{emit(ir::Op::In, t_bool(), e, l.node, r.node, -1, -1, e.negated ? 1 : 0), t_bool(), ""};
      }
      case K::Overlaps: {
        Typed l = expr(*e.args[0], -1);
        Typed r = expr(*e.args[1], l.type);
        if (l.type < 0 || r.type < 0) return error_value(e);
        if (kind(l.type) != Kind::List || l.type != r.type) {
          diags_.error(Code::E300, e.range, tr(Msg::overlaps_kinds, article_of(l.type), article_of(r.type)));
          return error_value(e);
        }
        return Typed{emit(ir::Op::Overlaps, t_bool(), e, l.node, r.node), t_bool(), ""};
      }
      case K::If: {
        int32_t c = condition(*e.args[0]);
        Typed a = expr(*e.args[1], hint);
        Typed b = expr(*e.args[2], a.type >= 0 ? a.type : hint);
        if (a.type < 0 || b.type < 0) return error_value(e);
        if (a.type != b.type) {
          diags_.error(Code::E300, e.range, tr(Msg::branches_differ, article_of(a.type), article_of(b.type)));
          return error_value(e);
        }
        return Typed{emit(ir::Op::If, a.type, e, c, a.node, b.node), a.type, ""};
      }
      case K::Any:
      case K::No:
      case K::All:
      case K::Count:
        return quantifier(e);
    }
    return error_value(e);
  }

  // --- tests -------------------------------------------------------------------
  static nlohmann::json to_json(const ast::Json& j) {
    switch (j.kind) {
      case ast::Json::Null: return nullptr;
      case ast::Json::Bool: return j.b;
      case ast::Json::Number: {
        // keep the exact spelling: numbers are parsed again as decimals
        return nlohmann::json::parse(j.text, nullptr, false);
      }
      case ast::Json::String: return j.text;
      case ast::Json::Array: {
        auto a = nlohmann::json::array();
        for (const auto& e : j.array) a.push_back(to_json(*e));
        return a;
      }
      case ast::Json::Object: {
        auto o = nlohmann::json::object();
        for (const auto& [k, v] : j.object) o[k] = to_json(*v);
        return o;
      }
    }
    return nullptr;
  }

  void check_json_words(const ast::Json& j) {
    if (j.kind == ast::Json::Null && j.text != "null")
      diags_.error(Code::E405, j.range, tr(Msg::not_json, j.text), tr(Msg::hint_quote_text));
    for (const auto& [k, v] : j.object) check_json_words(*v);
    for (const auto& v : j.array) check_json_words(*v);
  }

  // A patch sets fields; `null` removes one, so that the fact becomes unknown.
  static void apply_patch(nlohmann::json& target, const nlohmann::json& patch) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
      if (it.value().is_null()) target.erase(it.key());
      else if (it.value().is_object() && target.contains(it.key()) && target[it.key()].is_object())
        apply_patch(target[it.key()], it.value());
      else target[it.key()] = it.value();
    }
  }

  void test(const ast::Test& t) {
    ir::Test out;
    out.name = t.name;
    out.loc = loc(t.range);
    nlohmann::json facts = nlohmann::json::object();
    if (t.fixture && opts_.load_tests) {
      std::filesystem::path base = std::filesystem::path(main_src_->path).parent_path();
      std::string path = (base / *t.fixture).string();
      std::string text, err;
      if (!read_file(path, text, err)) {
        diags_.error(Code::E405, t.fixture_range, tr(Msg::fixture_unreadable, path, err));
        return;
      }
      facts = nlohmann::json::parse(text, nullptr, false);
      if (facts.is_discarded() || !facts.is_object()) {
        diags_.error(Code::E405, t.fixture_range, tr(Msg::fixture_not_object, path));
        return;
      }
    }
    if (t.inline_facts) {
      check_json_words(*t.inline_facts);
      apply_patch(facts, to_json(*t.inline_facts));
    }
    if (t.patch) {
      check_json_words(*t.patch);
      apply_patch(facts, to_json(*t.patch));
    }
    out.facts_json = facts.dump();
    if (!t.on) diags_.error(Code::E405, t.range, tr(Msg::test_no_date, t.name), tr(Msg::hint_add_on));
    else if (!parse_date(*t.on)) diags_.error(Code::E106, t.on_range, tr(Msg::not_a_calendar_date, *t.on));
    else out.on = *t.on;
    if (t.expects.empty()) diags_.error(Code::E405, t.range, tr(Msg::test_expects_nothing, t.name), tr(Msg::hint_add_expect));
    for (const auto& x : t.expects) {
      resolve_award(x.award);
      static const std::set<std::string> verdicts = {"eligible", "ineligible", "undetermined"};
      if (!verdicts.count(x.verdict.text)) {
        std::string near = closest_name(x.verdict.text, {verdicts.begin(), verdicts.end()});
        diags_.error(Code::E405, x.verdict.range, tr(Msg::not_a_verdict, x.verdict.text),
                     near.empty() ? tr(Msg::hint_verdicts) : tr(Msg::hint_did_you_mean, near));
      }
      ir::Expectation ex;
      ex.award = x.award.text;
      ex.verdict = x.verdict.text;
      ex.loc = loc(x.range);
      for (const auto& [ref, range] : x.because) {
        if (!ref_exists(ref)) diags_.error(Code::E405, range, tr(Msg::no_rule_at, ref));
        ex.because.push_back(ref);
      }
      out.expects.push_back(std::move(ex));
    }
    p_->tests.push_back(std::move(out));
  }

  bool ref_exists(const std::string& ref) const {
    for (const auto& a : p_->awards) if (a.ref == ref) return true;
    for (const auto& r : p_->rules) if (r.ref == ref) return true;
    for (const auto& r : p_->revocations) if (r.ref == ref) return true;
    return false;
  }

  void check_unused_judgements() {}

  // --- helpers ---------------------------------------------------------------------
  ir::Loc loc(Range r) const {
    ir::Loc l;
    if (!r.file) return l;
    l.file = r.file->path;
    auto p = r.file->position(r.begin);
    l.line = p.line;
    l.column = p.column;
    return l;
  }

  template <typename C>
  static std::string join(const C& c) {
    std::string s;
    for (const auto& x : c) {
      if (!s.empty()) s += ", ";
      s += x;
    }
    return s;
  }

  CompileResult& out_;
  DiagnosticSink& diags_;
  const CompileOptions& opts_;
  std::unique_ptr<ir::Policy> p_;
  const SourceFile* main_src_ = nullptr;
  std::vector<std::unique_ptr<ast::File>> modules_;
  std::map<std::pair<int, int32_t>, Range> scoring_seen_;  // (provision kind, award) -> first place
  std::map<std::string, TypeId> type_names_;
  std::map<std::string, Range> article_ranges_;
  std::map<std::string, Range> award_ranges_;
  std::map<std::string, Range> judgement_ids_;
  std::vector<Frame> frames_;
  std::vector<std::string> reads_;
  bool in_revocation_ = false;
  bool no_award_reported_ = false;
};

}  // namespace

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = tr(Msg::file_is_directory);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = tr(std::filesystem::exists(path, ec) ? Msg::file_permission_denied : Msg::file_not_found);
    return false;
  }
  // One byte past the source limit is enough for the parser to refuse the
  // file (E105); reading no further keeps /dev/zero or a huge file from
  // exhausting memory.
  out.clear();
  char chunk[65536];
  while (out.size() <= kMaxSourceBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    out.append(chunk, static_cast<size_t>(in.gcount()));
  if (out.size() > kMaxSourceBytes + 1) out.resize(kMaxSourceBytes + 1);
  return true;
}

CompileResult compile_source(std::string path, std::string text, const CompileOptions& opts) {
  CompileResult result;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // a BOM is not content
  result.sources.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  const SourceFile& src = *result.sources.back();
  result.ast = parse(src, result.diags);
  // Names and types are checked only on a tree that parsed cleanly: a partial
  // tree would add errors that are consequences of the syntax error.
  if (result.diags.has_errors()) return result;
  CodeKeywords code(code_rewriter_for(result.ast->keywords));  // hints' code in the file's keywords
  Checker c(result, opts);
  c.run(*result.ast, src);
  if (!result.diags.has_errors()) result.policy = c.take();
  return result;
}

CompileResult compile_file(const std::string& path, const CompileOptions& opts) {
  std::string text, err;
  if (!read_file(path, text, err)) {
    CompileResult r;
    r.diags.error(Code::E105, Range{}, tr(Msg::cannot_read, path, err));
    return r;
  }
  return compile_source(path, std::move(text), opts);
}

std::string ir::type_name(const Policy& p, TypeId t) {
  if (t < 0 || t >= static_cast<TypeId>(p.types.size())) return "an error";
  const auto& ti = p.types[t];
  switch (ti.kind) {
    case Kind::Error: return "an error";
    case Kind::Bool: return "yes/no value";
    case Kind::Number: return "number";
    case Kind::Money: return "amount of money";
    case Kind::Text: return "text";
    case Kind::Date: return "date";
    case Kind::Duration: return "period";
    case Kind::Elapsed: return "time between two dates";
    case Kind::Enum: return p.enums[ti.ref].name;
    case Kind::Record: return p.records[ti.ref].name + " record";
    case Kind::List: return "list of " + type_name(p, ti.elem);
  }
  return "?";
}

}  // namespace award
