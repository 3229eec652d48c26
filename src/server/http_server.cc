#include "server/http_server.h"

#include <chrono>
#include <mutex>

#include <fmt/format.h>
#include <httplib.h>

#include "server/api_error.h"

namespace yardstick::server {
namespace {

/// Headers on every response: no sniffing, no framing, no referrer, scripts and styles from this
/// server only.
const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
  };
  return headers;
}

HttpRequest FromHttplib(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [name, value] : in.params) out.query.emplace(name, value);
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(std::move(lower), value);
  }
  out.body = in.body;
  out.remote_address = in.remote_addr;
  return out;
}

void ToHttplib(const HttpResponse& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [name, value] : in.headers) out.set_header(name, value);
  out.set_header("Cache-Control", "no-store");
  if (!in.content_type.empty()) out.set_content(in.body, in.content_type.c_str());
}

/// When the request this thread is answering arrived (a worker answers one at a time).
thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

struct HttpServer::Impl {
  Api& api;
  ServeOptions options;
  std::ostream& log;
  std::mutex log_mutex;
  httplib::Server server;

  Impl(Api& a, ServeOptions o, std::ostream& l) : api(a), options(std::move(o)), log(l) {}

  void Log(const httplib::Request& request, int status, double milliseconds) {
    const std::lock_guard<std::mutex> lock(log_mutex);
    log << fmt::format("{} {} {} {} {:.2f} ms\n", request.remote_addr, request.method, request.path,
                       status, milliseconds)
        << std::flush;
  }
};

HttpServer::HttpServer(Api& api, ServeOptions options, std::ostream& log)
    : impl_(std::make_unique<Impl>(api, std::move(options), log)) {
  httplib::Server& server = impl_->server;
  server.set_default_headers(SecurityHeaders());
  // httplib's default sets SO_REUSEPORT, which lets a second process listen on the same port and
  // take some of the connections. SO_REUSEADDR alone restarts quickly and keeps the port ours.
  server.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.set_payload_max_length(impl_->options.max_body);
  if (!impl_->options.web_root.empty()) server.set_mount_point("/", impl_->options.web_root);
  Impl* impl = impl_.get();
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([impl](const httplib::Request& request, const httplib::Response& response) {
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - request_start;
    impl->Log(request, response.status, took.count());
  });
  const auto handle = [impl](const httplib::Request& request, httplib::Response& response) {
    ToHttplib(impl->api.Handle(FromHttplib(request)), response);
  };
  const std::string any = "/api/.*";
  server.Get(any, handle);
  server.Post(any, handle);
  server.Put(any, handle);
  server.Delete(any, handle);
  server.Patch(any, handle);
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (response.status == 413) {
      ToHttplib(ErrorResponse(413, error_code::kPayloadTooLarge, "the request body is too large"),
                response);
    } else if (response.status == 404 && response.body.empty()) {
      ToHttplib(ErrorResponse(404, error_code::kNotFound, "no such page: " + request.path),
                response);
    }
  });
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  httplib::Server& server = impl_->server;
  const ServeOptions& options = impl_->options;
  if (options.port == 0) {
    port_ = server.bind_to_any_port(options.host);
    if (port_ < 0) port_ = 0;
  } else if (server.bind_to_port(options.host, options.port)) {
    port_ = options.port;
  }
  if (port_ == 0) {
    return Status::IoError(
        fmt::format("cannot listen on {}:{} (in use, or not allowed)", options.host, options.port));
  }
  return Status::Ok();
}

Status HttpServer::Run() {
  if (port_ == 0) return Status::FailedPrecondition("Bind() first");
  impl_->server.listen_after_bind();
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace yardstick::server
