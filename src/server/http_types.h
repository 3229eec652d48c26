// HttpRequest and HttpResponse: what the API's handlers see of HTTP. The transport (Boost.Beast,
// in http_server.cc only) fills them in; everything else — routing, authentication, the
// handlers, the tests — works on these plain values, without sockets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace yardstick::server {

struct HttpRequest {
  std::string method;  ///< "GET", "POST", …
  std::string path;    ///< without the query string, e.g. "/api/people/E000002"
  std::map<std::string, std::string> query;
  std::multimap<std::string, std::string> headers;  ///< names in lower case
  std::string body;
  std::string remote_address;
  std::map<std::string, std::string> path_params;  ///< filled by the router: {"id": "E000002"}

  /// Sets path and query from a request target ("/api/people?group=eng%20a&x=1"): the path
  /// percent-decoded, each query parameter's name and value percent-decoded with '+' as a space
  /// (the first of repeated names is kept). Malformed escapes are kept as they are.
  void SetTarget(std::string_view target);

  /// The first value of header |name| (lower case), or "".
  [[nodiscard]] std::string Header(std::string_view name) const;
  /// The value of cookie |name| from the Cookie header, or "".
  [[nodiscard]] std::string Cookie(std::string_view name) const;
  /// A query parameter, or |fallback|.
  [[nodiscard]] std::string Query(const std::string& name, const std::string& fallback = "") const;
  /// A path parameter the route named ("" when it has none by that name).
  [[nodiscard]] std::string Param(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< besides Content-Type

  /// A JSON body with |status|.
  static HttpResponse Json(const nlohmann::json& json, int status = 200);
  /// 204 No Content.
  static HttpResponse NoContent();
};

}  // namespace yardstick::server
