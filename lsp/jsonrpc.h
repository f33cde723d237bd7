// JSON-RPC 2.0 over a byte stream with LSP's Content-Length framing.
//
// This layer knows messages, ids and methods, nothing of the Award language or
// of what the methods mean: lsp/server.cpp registers the handlers. It is
// single-threaded: one message is read, handled and answered at a time, so
// responses and notifications leave in the order the requests came.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace award::jsonrpc {

using json = nlohmann::json;

// The error codes of JSON-RPC 2.0.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
};

// Thrown by a handler to answer a request with an error.
struct Error : std::runtime_error {
  int code;
  Error(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

// Reads and writes framed messages: `Content-Length: N\r\n\r\n` then N bytes.
class Transport {
 public:
  Transport(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  // The next message body; nullopt when the input has ended. A header block
  // without Content-Length is skipped with a note on standard error.
  std::optional<std::string> read();
  void write(const json& message);

 private:
  std::istream& in_;
  std::ostream& out_;
};

class Endpoint {
 public:
  using RequestHandler = std::function<json(const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;
  // Called before a message is dispatched; an Error it returns answers a
  // request (or drops a notification) without calling the handler.
  using Gate = std::function<std::optional<Error>(const std::string& method, bool is_request)>;

  explicit Endpoint(Transport& t) : transport_(t) {}

  void on_request(const std::string& method, RequestHandler h) { requests_[method] = std::move(h); }
  void on_notification(const std::string& method, NotificationHandler h) { notifications_[method] = std::move(h); }
  void set_gate(Gate g) { gate_ = std::move(g); }

  void notify(const std::string& method, json params);

  // Reads and dispatches messages until the input ends or stop() is called.
  void run();
  void stop() { stopped_ = true; }

  // Handles one message body (exposed for tests of this layer).
  void handle(const std::string& body);

 private:
  void reply_error(const json& id, int code, const std::string& message);

  Transport& transport_;
  std::map<std::string, RequestHandler> requests_;
  std::map<std::string, NotificationHandler> notifications_;
  Gate gate_;
  bool stopped_ = false;
};

}  // namespace award::jsonrpc
