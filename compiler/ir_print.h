// IR expressions printed back as text, in one canonical spelling: the same
// meaning prints the same whatever the source's layout, so two policies'
// rules can be compared by their text (award diff) and shown to people.
#pragma once

#include <string>

#include "compiler/ir.h"

namespace award {

std::string print_expr(const ir::Policy& p, int32_t node);

// The rule as one line: `require today - registered_on >= 3 years when …`.
std::string print_rule(const ir::Policy& p, const ir::Rule& r);

}  // namespace award
