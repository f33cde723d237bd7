// `award fmt`: one canonical layout for a policy file.
//
// The formatter changes white space only. It reads the token list parse.cpp
// exposes (comments included, with the layout facts of the parse tree) and
// writes the tokens back in the layout docs/language.md describes, so every
// comment stays where it was and every text keeps its bytes. It then reparses
// its own output and refuses to return a result whose tokens differ.
#pragma once

#include <optional>
#include <string>

#include "compiler/diagnostics.h"
#include "compiler/source.h"

namespace award {

// The canonical layout of `src`, or nullopt when it does not parse (the
// reasons are in `diags`). Throws std::logic_error if the layout it produced
// would not read back as the same tokens, which is a bug in the formatter.
std::optional<std::string> format_source(const SourceFile& src, DiagnosticSink& diags);

}  // namespace award
