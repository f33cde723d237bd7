// The JSON-RPC layer alone: framing, dispatch and errors, with handlers that
// know nothing of Award (as lsp/server.cpp's do not leak into it).
#include <catch2/catch.hpp>
#include <sstream>

#include "lsp/jsonrpc.h"

using award::jsonrpc::Endpoint;
using award::jsonrpc::json;
using award::jsonrpc::Transport;

namespace {

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

// Every message the endpoint wrote, parsed.
std::vector<json> replies(const std::string& out) {
  std::istringstream in(out);
  std::ostringstream sink;
  Transport t(in, sink);
  std::vector<json> msgs;
  while (auto body = t.read()) msgs.push_back(json::parse(*body));
  return msgs;
}

std::vector<json> run(const std::string& input, Endpoint::Gate gate = {}) {
  std::istringstream in(input);
  std::ostringstream out;
  Transport t(in, out);
  Endpoint e(t);
  e.on_request("echo", [](const json& p) { return p; });
  e.on_request("fail", [](const json&) -> json { throw award::jsonrpc::Error(-32001, "no"); });
  e.on_request("field", [](const json& p) { return json(p.at("x").get<int>()); });
  e.on_notification("stop", [&](const json&) { e.stop(); });
  if (gate) e.set_gate(gate);
  e.run();
  return replies(out.str());
}

}  // namespace

TEST_CASE("requests are answered in order, with their ids and results", "[jsonrpc]") {
  auto r = run(frame(R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":"条款"}})") +
               frame(R"({"jsonrpc":"2.0","id":"x","method":"echo","params":[1]})"));
  REQUIRE(r.size() == 2);
  CHECK(r[0] == json::parse(R"({"jsonrpc":"2.0","id":1,"result":{"a":"条款"}})"));
  CHECK(r[1] == json::parse(R"({"jsonrpc":"2.0","id":"x","result":[1]})"));
}

TEST_CASE("errors: unknown method, a handler's error, bad params, bad JSON", "[jsonrpc]") {
  auto r = run(frame(R"({"jsonrpc":"2.0","id":1,"method":"nope"})") + frame(R"({"jsonrpc":"2.0","id":2,"method":"fail"})") +
               frame(R"({"jsonrpc":"2.0","id":3,"method":"field","params":{}})") + frame("{not json"));
  REQUIRE(r.size() == 4);
  CHECK(r[0]["error"]["code"] == -32601);
  CHECK(r[1]["error"] == json::parse(R"({"code":-32001,"message":"no"})"));
  CHECK(r[2]["error"]["code"] == -32602);
  CHECK(r[3]["error"]["code"] == -32700);
  CHECK(r[3]["id"].is_null());
}

TEST_CASE("notifications get no reply; unknown ones are ignored; stop ends the loop", "[jsonrpc]") {
  auto r = run(frame(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}})") +
               frame(R"({"jsonrpc":"2.0","method":"stop"})") + frame(R"({"jsonrpc":"2.0","id":9,"method":"echo"})"));
  CHECK(r.empty());
}

TEST_CASE("framing: header case, extra headers, a header block without length is skipped", "[jsonrpc]") {
  std::string body = R"({"jsonrpc":"2.0","id":5,"method":"echo","params":7})";
  auto r = run("content-length: " + std::to_string(body.size()) +
               "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body + "X-Other: 1\r\n\r\n" +
               frame(R"({"jsonrpc":"2.0","id":6,"method":"echo","params":8})"));
  REQUIRE(r.size() == 2);
  CHECK(r[0]["result"] == 7);
  CHECK(r[1]["result"] == 8);
}

TEST_CASE("the gate refuses requests before the handler runs", "[jsonrpc]") {
  auto r = run(frame(R"({"jsonrpc":"2.0","id":1,"method":"echo","params":1})"),
               [](const std::string&, bool) -> std::optional<award::jsonrpc::Error> {
                 return award::jsonrpc::Error(-32002, "not yet");
               });
  REQUIRE(r.size() == 1);
  CHECK(r[0]["error"]["code"] == -32002);
}
