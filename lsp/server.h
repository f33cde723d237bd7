// `award lsp`: the language server over standard input and output.
#pragma once

#include <iosfwd>

namespace award::lsp {

// Serves until `exit` or the end of input. Returns 0 after shutdown then
// exit, 1 when the client exited without asking for shutdown first.
int serve(std::istream& in, std::ostream& out);

}  // namespace award::lsp
