#include "compiler/ir_print.h"

#include <fmt/format.h>

#include "runtime/date.h"

namespace award {

namespace {

struct Printer {
  const ir::Policy& p;
  std::vector<std::string> frame_names;  // for element fields: "" (implicit) or the binding

  static int prec(ir::Op op) {
    switch (op) {
      case ir::Op::Or: return 1;
      case ir::Op::And: return 2;
      case ir::Op::Not: return 3;
      case ir::Op::Cmp: case ir::Op::CmpElapsed: case ir::Op::In: case ir::Op::Overlaps:
      case ir::Op::IsSet: case ir::Op::Within: return 4;
      case ir::Op::Add: case ir::Op::Sub: case ir::Op::DateAdd: case ir::Op::DateSub: case ir::Op::DateDiff: return 5;
      case ir::Op::Mul: case ir::Op::Div: return 6;
      case ir::Op::If: case ir::Op::Any: case ir::Op::No: case ir::Op::All: return 0;
      default: return 9;
    }
  }

  std::string field_name(ir::TypeId rec_type, int32_t slot) const {
    if (rec_type < 0 || p.types[rec_type].kind != ir::Kind::Record) return "?";
    const auto& r = p.records[p.types[rec_type].ref];
    return r.fields[r.slot_field[slot]].name;
  }

  std::string value(const Value& v, ir::TypeId t) const {
    switch (v.tag) {
      case Tag::Bool: return v.b ? "true" : "false";
      case Tag::Num: return format_decimal(Decimal{v.num}) + (t >= 0 && p.types[t].kind == ir::Kind::Money ? " yuan" : "");
      case Tag::Date: return format_date(Date{v.date});
      case Tag::Dur: {
        static const char* units[] = {"days", "working days", "months", "years"};
        return fmt::format("{} {}", v.dur.amount, units[v.aux]);
      }
      case Tag::Enum: return t >= 0 && p.types[t].kind == ir::Kind::Enum ? p.enums[p.types[t].ref].members[v.ord] : "?";
      case Tag::Text: {
        std::string s = "\"";
        for (char c : p.pool.substr(v.text.off, v.text.len)) s += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        return s + "\"";
      }
      default: return "?";
    }
  }

  // The element type each quantifier frame iterates, found on the way down.
  std::vector<ir::TypeId> frame_types{ir::TypeId(-1)};

  std::string wrap(int32_t child, int parent_prec) {
    std::string s = print(child);
    return prec(p.nodes[child].op) < parent_prec ? "(" + s + ")" : s;
  }

  std::string print(int32_t n) {
    const ir::Node& x = p.nodes[n];
    static const char* cmps[] = {"==", "!=", "<", "<=", ">", ">="};
    switch (x.op) {
      case ir::Op::Const: return value(p.consts[x.a], x.type);
      case ir::Op::Today: return "today";
      case ir::Op::AwardedOn: return "awarded_on";
      case ir::Op::Load: {
        ir::TypeId rt = x.a < static_cast<int32_t>(frame_types.size()) ? frame_types[x.a] : -1;
        std::string name = rt >= 0 ? field_name(rt, x.b) : root_field(x.b);
        const std::string& bind = x.a < static_cast<int32_t>(frame_names.size()) ? frame_names[x.a] : "";
        return bind.empty() ? name : bind + "." + name;
      }
      case ir::Op::Field: return wrap(x.a, 9) + "." + field_name(p.nodes[x.a].type, x.b);
      case ir::Op::Elem: return x.a < static_cast<int32_t>(frame_names.size()) && !frame_names[x.a].empty() ? frame_names[x.a] : "it";
      case ir::Op::Judged: return "judgement " + p.judgements[x.a].id;
      case ir::Op::Not: return "not " + wrap(x.a, 3);
      case ir::Op::And: return wrap(x.a, 2) + " and " + wrap(x.b, 3);
      case ir::Op::Or: return wrap(x.a, 1) + " or " + wrap(x.b, 2);
      case ir::Op::If: return "if " + print(x.a) + " then " + print(x.b) + " else " + print(x.c);
      case ir::Op::Neg: return "-" + wrap(x.a, 9);
      case ir::Op::Add: case ir::Op::DateAdd: return wrap(x.a, 5) + " + " + wrap(x.b, 6);
      case ir::Op::Sub: case ir::Op::DateSub: case ir::Op::DateDiff: return wrap(x.a, 5) + " - " + wrap(x.b, 6);
      case ir::Op::Mul: return wrap(x.a, 6) + " * " + wrap(x.b, 7);
      case ir::Op::Div: return wrap(x.a, 6) + " / " + wrap(x.b, 7);
      case ir::Op::Cmp: case ir::Op::CmpElapsed: return wrap(x.a, 5) + " " + cmps[x.aux] + " " + wrap(x.b, 5);
      case ir::Op::Within:
        return wrap(x.a, 5) + " within " + print(x.b) + (x.aux ? " after " : " before ") + wrap(x.c, 5);
      case ir::Op::IsSet: return wrap(x.a, 5) + (x.aux ? " is not set" : " is set");
      case ir::Op::In: return wrap(x.a, 5) + (x.aux ? " not in " : " in ") + wrap(x.b, 5);
      case ir::Op::Overlaps: return wrap(x.a, 5) + " overlaps " + wrap(x.b, 5);
      case ir::Op::MakeList: {
        std::string s = "{";
        for (int32_t i = 0; i < x.b; ++i) s += (i ? ", " : "") + print(p.lists[x.a + i]);
        return s + "}";
      }
      case ir::Op::Any: case ir::Op::No: case ir::Op::All: case ir::Op::Count: {
        std::string list = print(x.a);
        ir::TypeId elem = p.types[p.nodes[x.a].type].elem;
        if (static_cast<int32_t>(frame_types.size()) <= x.c) frame_types.resize(x.c + 1, -1);
        if (static_cast<int32_t>(frame_names.size()) <= x.c) frame_names.resize(x.c + 1);
        frame_types[x.c] = p.types[elem].kind == ir::Kind::Record ? elem : -1;
        frame_names[x.c] = p.types[elem].kind == ir::Kind::Record ? "" : "it";
        std::string head = x.op == ir::Op::Any ? "any " : x.op == ir::Op::No ? "no " : x.op == ir::Op::All ? "all " : "count(";
        if (!frame_names[x.c].empty()) head += frame_names[x.c] + " in ";
        std::string s = head + list;
        if (x.op == ir::Op::All) {
          if (x.d >= 0) s += " where " + print(x.d);
          s += " satisfy " + print(x.b);
        } else if (x.b >= 0) {
          s += " where " + print(x.b);
        }
        if (x.op == ir::Op::Count) s += ")";
        return s;
      }
      case ir::Op::Year: return "year(" + print(x.a) + ")";
    }
    return "?";
  }

  ir::TypeId root = -1;
  std::string root_field(int32_t slot) const { return root >= 0 ? field_name(root, slot) : "?"; }
};

}  // namespace

std::string print_expr(const ir::Policy& p, int32_t node) {
  Printer pr{p, {""}};
  return node >= 0 ? pr.print(node) : "";
}

std::string print_rule(const ir::Policy& p, const ir::Rule& r) {
  Printer pr{p, {""}};
  pr.root = r.subject >= 0 ? p.find_type(ir::Kind::Record, r.subject) : -1;
  pr.frame_types[0] = pr.root;
  std::string s;
  switch (r.kind) {
    case ir::RuleKind::Require: s = "require " + pr.print(r.body); break;
    case ir::RuleKind::Exclude: s = "exclude " + pr.print(r.body); break;
    case ir::RuleKind::Judgement: s = "judgement " + p.judgements[r.judgement].id + " \"" + p.judgements[r.judgement].text + "\""; break;
    case ir::RuleKind::Subject: s = "subject"; break;
  }
  if (r.when >= 0) s += " when " + pr.print(r.when);
  for (const auto& e : r.exceptions) {
    s += " except when " + pr.print(e.cond);
    if (e.body >= 0) s += " then " + pr.print(e.body);
  }
  return s;
}

}  // namespace award
