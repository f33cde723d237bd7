// The Language Server Protocol, mapped onto the language service: this file
// turns LSP's JSON into Service calls and back, and holds the lifecycle
// (initialize, shutdown, exit). Formatting is not advertised yet.
#include "lsp/server.h"

#include "lsp/jsonrpc.h"
#include "lsp/service.h"
#include "lsp/stdlib_cache.h"
#include "runtime/messages.h"

namespace award::lsp {

using jsonrpc::json;

namespace {

constexpr int kServerNotInitialized = -32002;

json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const Span& s) { return {{"start", to_json(s.start)}, {"end", to_json(s.end)}}; }
json to_json(const Location& l) { return {{"uri", l.uri}, {"range", to_json(l.range)}}; }

Position position(const json& j) { return {j.at("line").get<uint32_t>(), j.at("character").get<uint32_t>()}; }
Span span(const json& j) { return {position(j.at("start")), position(j.at("end"))}; }

json to_json(const Diagnostic& d) {
  json j = {{"range", to_json(d.range)},
            {"severity", static_cast<int>(d.severity)},
            {"code", d.code},
            {"source", "award"},
            {"message", d.message}};
  if (!d.related.empty()) {
    json rel = json::array();
    for (const auto& r : d.related) rel.push_back({{"location", to_json(r.location)}, {"message", r.message}});
    j["relatedInformation"] = rel;
  }
  return j;
}

json to_json(const Symbol& s) {
  json children = json::array();
  for (const auto& c : s.children) children.push_back(to_json(c));
  json j = {{"name", s.name}, {"kind", static_cast<int>(s.kind)}, {"range", to_json(s.range)},
            {"selectionRange", to_json(s.selection)}, {"children", children}};
  if (!s.detail.empty()) j["detail"] = s.detail;
  return j;
}

json capabilities() {
  return {{"positionEncoding", "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
          {"hoverProvider", true},
          {"definitionProvider", true},
          {"completionProvider", {{"triggerCharacters", {".", "{"}}}},
          {"documentSymbolProvider", true},
          {"foldingRangeProvider", true},
          {"documentFormattingProvider", true}};
}

}  // namespace

int serve(std::istream& in, std::ostream& out) {
  jsonrpc::Transport transport(in, out);
  jsonrpc::Endpoint rpc(transport);
  Service service(stdlib_file_uri);
  bool initialized = false, shut_down = false, exited = false;

  rpc.set_gate([&](const std::string& method, bool is_request) -> std::optional<jsonrpc::Error> {
    if (method == "exit") return std::nullopt;
    if (!initialized && method != "initialize")
      return jsonrpc::Error(kServerNotInitialized, "the server is not initialized");
    if (shut_down && is_request) return jsonrpc::Error(jsonrpc::kInvalidRequest, "the server has shut down");
    return std::nullopt;
  });

  auto publish = [&](const std::string& uri, const std::vector<Diagnostic>& diags) {
    json list = json::array();
    for (const auto& d : diags) list.push_back(to_json(d));
    rpc.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", list}});
  };
  auto uri_of = [](const json& p) { return p.at("textDocument").at("uri").get<std::string>(); };

  rpc.on_request("initialize", [&](const json& p) {
    if (initialized) throw jsonrpc::Error(jsonrpc::kInvalidRequest, "initialize was already called");
    initialized = true;
    // Diagnostics in the client's language ("zh-cn", "en"), by the rule of the
    // locale; without one, the default `award lsp` was started with.
    if (auto it = p.find("locale"); it != p.end() && it->is_string() && !it->get<std::string>().empty())
      set_language(language_from_locale(it->get<std::string>().c_str(), nullptr, nullptr));
    return json{{"capabilities", capabilities()}, {"serverInfo", {{"name", "award"}, {"version", "0.1.0"}}}};
  });
  rpc.on_notification("initialized", [](const json&) {});
  rpc.on_request("shutdown", [&](const json&) {
    shut_down = true;
    return json(nullptr);
  });
  rpc.on_notification("exit", [&](const json&) {
    exited = true;
    rpc.stop();
  });

  rpc.on_notification("textDocument/didOpen", [&](const json& p) {
    const json& doc = p.at("textDocument");
    std::string uri = doc.at("uri");
    publish(uri, service.open(uri, doc.at("text").get<std::string>()));
  });
  rpc.on_notification("textDocument/didChange", [&](const json& p) {
    std::string uri = uri_of(p);
    std::vector<Diagnostic> diags;
    for (const auto& c : p.at("contentChanges")) {
      if (c.contains("range")) diags = service.edit(uri, span(c.at("range")), c.at("text").get<std::string>());
      else diags = service.change(uri, c.at("text").get<std::string>());
    }
    publish(uri, diags);
  });
  rpc.on_notification("textDocument/didClose", [&](const json& p) {
    std::string uri = uri_of(p);
    service.close(uri);
    publish(uri, {});
  });

  rpc.on_request("textDocument/hover", [&](const json& p) -> json {
    auto h = service.hover(uri_of(p), position(p.at("position")));
    if (!h) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", h->markdown}}}, {"range", to_json(h->range)}};
  });
  rpc.on_request("textDocument/definition", [&](const json& p) {
    json out = json::array();
    for (const auto& l : service.definition(uri_of(p), position(p.at("position")))) out.push_back(to_json(l));
    return out;
  });
  rpc.on_request("textDocument/completion", [&](const json& p) {
    json items = json::array();
    for (const auto& c : service.completion(uri_of(p), position(p.at("position")))) {
      json item = {{"label", c.label}, {"kind", static_cast<int>(c.kind)}};
      if (!c.detail.empty()) item["detail"] = c.detail;
      if (!c.documentation.empty()) item["documentation"] = c.documentation;
      items.push_back(item);
    }
    return json{{"isIncomplete", false}, {"items", items}};
  });
  rpc.on_request("textDocument/documentSymbol", [&](const json& p) {
    json out = json::array();
    for (const auto& s : service.symbols(uri_of(p))) out.push_back(to_json(s));
    return out;
  });

  rpc.on_request("textDocument/foldingRange", [&](const json& p) {
    json out = json::array();
    for (const auto& f : service.folds(uri_of(p))) out.push_back({{"startLine", f.start_line}, {"endLine", f.end_line}});
    return out;
  });

  // One edit replacing the whole text, or none when it is already canonical or
  // does not parse (the diagnostics say why).
  rpc.on_request("textDocument/formatting", [&](const json& p) {
    json edits = json::array();
    if (auto r = service.format(uri_of(p))) edits.push_back({{"range", to_json(r->range)}, {"newText", r->text}});
    return edits;
  });

  rpc.run();
  return exited && shut_down ? 0 : 1;
}

}  // namespace award::lsp
