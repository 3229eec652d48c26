// HttpServer: the API and the web front end's files over HTTP/1.1 (Boost.Beast on Boost.Asio),
// on 127.0.0.1 by default. It logs every request with its latency, adds the security headers,
// and stops gracefully: Stop() refuses new connections and Run() returns once the requests in
// flight are answered. Event-driven: each of a few threads runs its own event loop (epoll) and
// serves the connections handed to it in turn; a request is answered on its connection's thread,
// so a slow one holds up that thread's other connections, not the others'. The request log is
// written in batches (at most 0.2 s late). The only file that includes Beast.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "base/status.h"
#include "server/api.h"

namespace yardstick::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;             ///< 0: any free port (see HttpServer::port())
  std::string web_root;        ///< the front end's built files (served at /); none when empty
  size_t max_body = 8u << 20;  ///< bytes; a larger request body is refused with 413
  /// Threads serving the connections, each with its own share of them; a request is answered on
  /// its connection's thread, so this is also how many requests are answered at once.
  int threads = 4;
};

class HttpServer {
 public:
  /// Serves |api| (which must outlive the server); logs to |log|.
  HttpServer(Api& api, ServeOptions options, std::ostream& log);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the address: IoError when it cannot (in use, not allowed).
  Status Bind();
  /// The port bound (after Bind()).
  [[nodiscard]] int port() const { return port_; }
  /// Serves until Stop(); returns when the last request in flight is answered.
  Status Run();
  /// Stops accepting connections; thread-safe, and safe before Run() starts.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace yardstick::server
