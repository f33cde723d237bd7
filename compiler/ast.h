// The owned syntax tree of one .award file, with a source range on every node.
//
// parse.cpp builds it from the generated parser's tree and is the only file
// that sees ANTLR; everything after it (check.cpp, the formatter, the language
// server) reads this tree.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/keywords.h"
#include "compiler/source.h"

namespace award::ast {

struct Node {
  Range range;
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  Node(Node&&) = default;
  Node& operator=(Node&&) = default;
};

struct Name : Node {
  std::string text;
};

enum class ExprKind {
  Number, Money, Duration, Date, String, Bool,  // literals
  Today,
  Name,      // a fact, a bound element, or an enum value (decided by the checker)
  Field,     // operand.name
  Call,      // name(args)
  Set,       // {a, b, c}
  Neg, Not,
  Binary,    // op in BinOp
  Within,    // operand within span before|after anchor
  IsSet,     // operand is [not] set
  In,        // operand [not] in collection
  Overlaps,  // a overlaps b
  If,
  Any, No, All, Count,  // quantifiers over a list
};

enum class BinOp { Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge, And, Or };
enum class DurationUnit { Days, WorkingDays, Months, Years };

struct Expr : Node {
  ExprKind kind;
  BinOp op = BinOp::Add;
  bool negated = false;          // `not in`, `is not set`
  bool after = false;            // Within: after (true) or before (false)
  std::string text;              // literal spelling, name, field name, binding name
  DurationUnit unit = DurationUnit::Days;
  std::vector<std::unique_ptr<Expr>> args;  // operands; see below
  // Field: args[0] operand.        Call: args.        Set: elements.
  // Binary: args[0], args[1].      Within: operand, span, anchor.
  // In/Overlaps: left, right.      If: cond, then, else.
  // Any/No/Count: path (as Name/Field chain), [cond].  All: path, [filter], cond.
  // Quantifier binding (`any i in incidents`) is in `text`; has_filter for All.
  bool has_filter = false;
  bool has_cond = false;
  Range name_range;              // Field: the field name; Call: the function name
};
using ExprPtr = std::unique_ptr<Expr>;

struct Setting : Node {
  Name key;
  std::vector<ExprPtr> values;   // literals, or Name for a bare word
};

struct Exception : Node {
  ExprPtr cond;
  ExprPtr body;  // null: the rule does not apply when cond holds
};

enum class StmtKind { Require, Exclude, Judgement, Award, Bonus, Revoke, Deadline, Retain,
                      Scoring, Score, Minimum, Shortlist, Repeat };

struct Consequence : Node {
  Name name;
  ExprPtr value;  // may be null
};

// `material 30%` in a `score` statement.
struct Weight : Node {
  Name part;                     // material | site
  std::string percent;           // as written: 30, 12.5
  Range percent_range;
};

struct Stmt : Node {
  StmtKind kind;
  Range keyword;
  ExprPtr body;                  // require/exclude body; bonus amount; deadline/retain duration; revoke cond
  ExprPtr when;                  // may be null
  std::vector<Exception> exceptions;
  Name name;                     // judgement id, award id, bonus award, deadline/retain name
  std::string text;              // judgement text, award title, deadline description
  Range text_range;
  Name subject;                  // award: organization | individual
  std::vector<Setting> settings; // award block
  std::vector<Name> flags;       // bonus flags (first_time_only …)
  std::vector<Name> awards;      // revoke: awards
  std::vector<Consequence> consequences;
  std::string event;             // deadline: after what
  std::string title;             // bonus for an award of another level: its official name
  Range title_range;
  std::string number;            // minimum: the total; shortlist: the places
  Range number_range;
  std::vector<Weight> weights;   // score: the parts and their weights
};

struct Item;
struct Group;
struct Member {
  std::unique_ptr<Item> item;    // exactly one of item / group / stmt is set
  std::unique_ptr<Group> group;
  std::unique_ptr<Stmt> stmt;
};

// `for AWARDS { … }` inside an article or item: its rules apply to those
// awards and keep the enclosing reference.
struct Group : Node {
  std::vector<Name> for_awards;
  std::vector<Member> members;
};

struct Item : Node {
  std::string label;             // as written, full-width parentheses normalised: （一）
  Range label_range;
  std::vector<Name> for_awards;
  std::optional<std::string> text;
  Range text_range;
  std::vector<Member> members;
};

struct Article : Node {
  std::string label;             // 第十条, 三, 12
  Range label_range;
  std::vector<Name> for_awards;
  std::optional<std::string> text;
  Range text_range;
  std::vector<Member> members;
};

struct EnumMember : Node {
  Name name;
  std::optional<std::string> title;
};

struct EnumDecl : Node {
  Name name;
  std::optional<std::string> title;
  bool ordered = false;
  std::vector<EnumMember> members;
};

struct TypeRef : Node {
  bool optional = false;
  bool list = false;
  std::unique_ptr<TypeRef> elem;  // when list
  Name name;                      // when not list
};

struct FieldDecl : Node {
  Name name;
  TypeRef type;
  std::optional<std::string> title;
  // `in LO..HI`: the values a record may hold, as written ("-5", "1000")
  std::optional<std::string> lo, hi;
  Range bounds_range;
};

struct RecordDecl : Node {
  Name name;
  std::optional<std::string> title;
  std::vector<FieldDecl> fields;
};

// Test facts as written: a JSON-like value kept with its ranges.
struct Json : Node {
  enum Kind { Null, Bool, Number, String, Object, Array } kind = Null;
  bool b = false;
  std::string text;  // number spelling or string value
  std::vector<std::pair<std::string, std::unique_ptr<Json>>> object;
  std::vector<std::unique_ptr<Json>> array;
};

struct Expect : Node {
  Name award;
  Name verdict;
  std::vector<std::pair<std::string, Range>> because;  // refs as written, normalised
};

struct Test : Node {
  std::string name;
  std::optional<std::string> fixture;  // path relative to the policy file
  Range fixture_range;
  std::unique_ptr<Json> inline_facts;
  std::unique_ptr<Json> patch;
  std::optional<std::string> on;       // date
  Range on_range;
  std::vector<Expect> expects;
};

struct File : Node {
  enum class Kind { Policy, Module, None } kind = Kind::None;
  Name name;                     // policy id (daqing-2018) or module name (applicant)
  std::optional<std::string> title;
  std::vector<Setting> meta;
  std::vector<Name> uses;
  std::vector<EnumDecl> enums;
  std::vector<RecordDecl> records;
  std::vector<Article> articles;
  std::vector<Test> tests;
  std::vector<std::unique_ptr<Stmt>> stray;  // statements outside any article
  KeywordSet keywords = KeywordSet::English; // the set of the file's first keyword
};

}  // namespace award::ast
