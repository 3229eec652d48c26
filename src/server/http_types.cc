#include "server/http_types.h"

namespace yardstick::server {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = HexDigit(text[i + 1]);
      const int low = HexDigit(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += plus_is_space && c == '+' ? ' ' : c;
  }
  return out;
}

}  // namespace

void HttpRequest::SetTarget(std::string_view target) {
  const size_t question = target.find('?');
  path = PercentDecode(target.substr(0, question), false);
  query.clear();
  if (question == std::string_view::npos) return;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? "" : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    const std::string_view name = pair.substr(0, equals);
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    query.emplace(PercentDecode(name, true), PercentDecode(value, true));
  }
}

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
