#include <iostream>

#include "cli/commands.h"
#include "lsp/server.h"

namespace award::cli {

int run_lsp() {
  // the protocol is bytes with Content-Length framing: no stdio syncing, no locale
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, std::cout);
}

}  // namespace award::cli
