#include "server/http_types.h"

namespace yardstick::server {

std::string HttpRequest::Header(std::string_view name) const {
  const auto found = headers.find(std::string(name));
  return found == headers.end() ? "" : found->second;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  for (auto [at, end] = headers.equal_range("cookie"); at != end; ++at) {
    std::string_view cookies = at->second;
    while (!cookies.empty()) {
      const size_t semicolon = cookies.find(';');
      std::string_view pair = cookies.substr(0, semicolon);
      cookies = semicolon == std::string_view::npos ? "" : cookies.substr(semicolon + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
    }
  }
  return "";
}

std::string HttpRequest::Query(const std::string& name, const std::string& fallback) const {
  const auto found = query.find(name);
  return found == query.end() ? fallback : found->second;
}

std::string HttpRequest::Param(const std::string& name) const {
  const auto found = path_params.find(name);
  return found == path_params.end() ? "" : found->second;
}

HttpResponse HttpResponse::Json(const nlohmann::json& json, int status) {
  HttpResponse response;
  response.status = status;
  response.body = json.dump();
  return response;
}

HttpResponse HttpResponse::NoContent() {
  HttpResponse response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

}  // namespace yardstick::server
