// Router: the API's route table — method, path pattern ("/api/people/{id}"), who may call it at
// all, a one-line summary and the handler. The table is data so that it can be listed (docs,
// the authorisation matrix test, which fails when a route has no row) and matched without a web
// server. Matching is exact on literal segments; "{name}" matches one non-empty segment.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.h"

namespace yardstick::server {

struct RequestContext;  // server/request_context.h

/// Who may call a route at all. Handlers check the rest (whose record, which role).
enum class Audience {
  kPublic,    ///< anyone, signed in or not (signing in, the health check)
  kSignedIn,  ///< any signed-in person
};

using Handler = std::function<HttpResponse(RequestContext&)>;

struct Route {
  std::string method;   ///< "GET", "POST", "PUT", "DELETE"
  std::string pattern;  ///< "/api/people/{id}"
  Audience audience = Audience::kSignedIn;
  std::string summary;  ///< one line, for docs and logs
  Handler handler;
};

class Router {
 public:
  /// Adds |route|; a second route with the same method and pattern is a bug (it aborts).
  void Add(Route route);

  struct Match {
    const Route* route = nullptr;  ///< null when nothing matched
    bool path_known = false;       ///< some route has this path, with another method (405)
    std::map<std::string, std::string> params;
  };
  /// The route for |method| and |path| (without the query string).
  [[nodiscard]] Match Find(std::string_view method, std::string_view path) const;

  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

/// True when |path| matches |pattern|; fills |params| with the "{name}" segments.
bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params);

}  // namespace yardstick::server
