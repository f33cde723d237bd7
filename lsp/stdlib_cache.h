// Where an editor can open a stdlib file, for go-to-definition into the
// vocabulary. The stdlib is embedded in the award binary, so there is no file
// to point at: the first request writes the embedded text to
// $XDG_CACHE_HOME/award/stdlib/ (default ~/.cache/award/stdlib/), read-only,
// and rewrites it whenever the embedded text differs. A plain file:// URI
// works in every editor. With AWARD_STDLIB set, its directory is used as is.
#pragma once

#include <string>

namespace award::lsp {

// The file:// URI of stdlib/<relpath>, or "" when it cannot be written.
std::string stdlib_file_uri(const std::string& relpath);

}  // namespace award::lsp
