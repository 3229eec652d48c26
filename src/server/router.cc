#include "server/router.h"

#include <cstdlib>
#include <iostream>

namespace yardstick::server {
namespace {

/// The next "/"-separated segment of |text| (which starts after a "/"), advancing it.
std::string_view NextSegment(std::string_view& text) {
  const size_t slash = text.find('/');
  std::string_view segment = text.substr(0, slash);
  text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
  return segment;
}

}  // namespace

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') {
    return false;
  }
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  std::map<std::string, std::string> found;
  for (;;) {
    const bool pattern_done = pattern.data() == nullptr || pattern.empty();
    const bool path_done = path.data() == nullptr || path.empty();
    if (pattern_done || path_done) {
      if (pattern_done != path_done) return false;
      break;
    }
    const std::string_view want = NextSegment(pattern);
    const std::string_view have = NextSegment(path);
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (have.empty()) return false;
      found.emplace(std::string(want.substr(1, want.size() - 2)), std::string(have));
    } else if (want != have) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

void Router::Add(Route route) {
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      std::cerr << "router: " << route.method << " " << route.pattern << " added twice\n";
      std::abort();
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(route.pattern, path, &params)) continue;
    match.path_known = true;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
  }
  return match;
}

}  // namespace yardstick::server
