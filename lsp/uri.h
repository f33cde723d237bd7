// file:// URIs and the paths they name. Non-ASCII bytes (Chinese file names)
// are percent-encoded as UTF-8, as editors send them.
#pragma once

#include <string>

namespace award::lsp {

// The path of a file: URI; any other URI (untitled:…) is returned unchanged.
std::string uri_to_path(const std::string& uri);
std::string path_to_uri(const std::string& absolute_path);

}  // namespace award::lsp
