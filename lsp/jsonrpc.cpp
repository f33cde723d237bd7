#include "lsp/jsonrpc.h"

#include <cctype>
#include <cstdio>
#include <istream>
#include <ostream>

namespace award::jsonrpc {

namespace {

// Header names are case-insensitive (they follow HTTP's).
bool starts_with_nocase(const std::string& s, const char* prefix) {
  size_t i = 0;
  for (; prefix[i]; ++i)
    if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

}  // namespace

std::optional<std::string> Transport::read() {
  while (true) {
    size_t length = 0;
    bool has_length = false;
    std::string line;
    bool any = false;
    while (std::getline(in_, line)) {
      any = true;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      if (starts_with_nocase(line, "content-length:")) {
        try {
          length = std::stoul(line.substr(15));
          has_length = true;
        } catch (const std::exception&) {
          has_length = false;
        }
      }
    }
    if (!any || !in_) return std::nullopt;
    if (!has_length) {
      std::fprintf(stderr, "award lsp: a message header without Content-Length was skipped\n");
      continue;
    }
    std::string body(length, '\0');
    in_.read(body.data(), static_cast<std::streamsize>(length));
    if (static_cast<size_t>(in_.gcount()) != length) return std::nullopt;
    return body;
  }
}

void Transport::write(const json& message) {
  // Invalid UTF-8 in a string (it cannot come from a checked document, but a
  // file name could carry it) is replaced rather than thrown on.
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

void Endpoint::notify(const std::string& method, json params) {
  transport_.write(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Endpoint::reply_error(const json& id, int code, const std::string& message) {
  transport_.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Endpoint::handle(const std::string& body) {
  json msg = json::parse(body, nullptr, false);
  if (msg.is_discarded()) return reply_error(nullptr, kParseError, "the message is not JSON");
  if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
    // A response to a request of ours (we send none) or a malformed message.
    if (msg.is_object() && (msg.contains("result") || msg.contains("error"))) return;
    return reply_error(msg.is_object() && msg.contains("id") ? msg["id"] : json(nullptr), kInvalidRequest,
                       "a request needs a string `method`");
  }
  const std::string method = msg["method"];
  const bool is_request = msg.contains("id");
  const json id = is_request ? msg["id"] : json(nullptr);
  const json params = msg.contains("params") ? msg["params"] : json::object();

  if (gate_) {
    if (auto err = gate_(method, is_request)) {
      if (is_request) reply_error(id, err->code, err->what());
      return;
    }
  }
  if (!is_request) {
    auto it = notifications_.find(method);
    if (it == notifications_.end()) return;  // unknown notifications are ignored, `$/…` included
    try {
      it->second(params);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "award lsp: %s failed: %s\n", method.c_str(), e.what());
    }
    return;
  }
  auto it = requests_.find(method);
  if (it == requests_.end()) return reply_error(id, kMethodNotFound, "no method " + method);
  try {
    json result = it->second(params);
    transport_.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const Error& e) {
    reply_error(id, e.code, e.what());
  } catch (const json::exception& e) {
    reply_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    reply_error(id, kInternalError, e.what());
  }
}

void Endpoint::run() {
  while (!stopped_) {
    auto body = transport_.read();
    if (!body) return;
    handle(*body);
  }
}

}  // namespace award::jsonrpc
