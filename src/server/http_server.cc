#include "server/http_server.h"

// <utility> before Boost: Asio 1.74's awaitable.hpp uses std::exchange without including it.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/api_error.h"

namespace yardstick::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

std::string_view Std(beast::string_view text) { return {text.data(), text.size()}; }

/// How long a kept-alive connection may sit idle, or a request take to arrive, before it is
/// closed.
constexpr auto kIdleTimeout = std::chrono::seconds(30);
/// The request log is written in batches of about this many bytes, or this often.
constexpr size_t kLogBatch = 16 * 1024;
constexpr auto kLogDelay = std::chrono::milliseconds(200);

/// Headers on every response: no sniffing, no framing, no referrer, scripts and styles from this
/// server only.
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
  };
  return headers;
}

/// The content type of a front-end file, by its extension.
std::string ContentTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

/// A front-end file for |path| ("/" is index.html), or 404. Paths that leave the root, through
/// ".." or a link, are not found either.
HttpResponse StaticFile(const std::filesystem::path& root, const std::string& path) {
  const HttpResponse not_found = ErrorResponse(404, error_code::kNotFound, "no such page: " + path);
  std::string relative = path.substr(
      path.find_first_not_of('/') == std::string::npos ? path.size() : path.find_first_not_of('/'));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::error_code error;
  const std::filesystem::path file = std::filesystem::weakly_canonical(root / relative, error);
  if (error) return not_found;
  const auto [root_end, file_at] =
      std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (root_end != root.end() || !std::filesystem::is_regular_file(file, error)) return not_found;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return not_found;
  HttpResponse response;
  response.content_type = ContentTypeOf(file);
  response.body = std::move(bytes).str();
  return response;
}

}  // namespace

struct HttpServer::Impl {
  class Connection;

  Api& api;
  ServeOptions options;
  std::ostream& log;
  std::mutex log_mutex;
  std::string log_waiting;  ///< lines not yet written
  std::chrono::steady_clock::time_point log_oldest;
  std::filesystem::path web_root;  ///< canonical; empty when the front end is not served
  std::atomic<bool> stopping = false;
  std::mutex connections_mutex;
  std::map<Connection*, std::weak_ptr<Connection>> connections;
  // Last, so destroyed first: handlers it still holds end connections, which use the above.
  /// One event loop per thread, each run by its own thread alone: a connection stays on the
  /// loop it was given, so nothing of it is shared between threads (no strands, no wake-ups of
  /// other threads). The first also accepts the connections and hands them out in turn.
  std::vector<std::unique_ptr<asio::io_context>> loops;
  /// Keep the loops running while they have no connection; dropped by Stop().
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  size_t next_loop = 0;
  tcp::acceptor acceptor;
  asio::steady_timer log_timer;

  Impl(Api& a, ServeOptions o, std::ostream& l)
      : api(a),
        options(std::move(o)),
        log(l),
        loops(MakeLoops(options.threads)),
        keep_running(KeepRunning(loops)),
        acceptor(*loops.front()),
        log_timer(acceptor.get_executor()) {
    std::error_code error;
    if (!options.web_root.empty()) {
      web_root = std::filesystem::canonical(options.web_root, error);
    }
  }

  /// Logs one request. Lines are written in batches — when kLogBatch bytes are waiting, when
  /// the oldest waiting line is kLogDelay old, and when the server stops — not a write(2) each.
  void Log(const std::string& address, const std::string& method, const std::string& path,
           int status, double ms) {
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard<std::mutex> lock(log_mutex);
    if (log_waiting.empty()) log_oldest = now;
    fmt::format_to(std::back_inserter(log_waiting), "{} {} {} {} {:.2f} ms\n", address, method,
                   path, status, ms);
    if (log_waiting.size() >= kLogBatch || now - log_oldest >= kLogDelay) FlushLogLocked();
  }
  void FlushLog() {
    const std::lock_guard<std::mutex> lock(log_mutex);
    FlushLogLocked();
  }
  void FlushLogLocked() {
    if (log_waiting.empty()) return;
    log.write(log_waiting.data(), static_cast<std::streamsize>(log_waiting.size()));
    log.flush();
    log_waiting.clear();
  }
  /// Every kLogDelay, writes the lines a quiet server still holds; until Stop().
  void FlushLogLater() {
    log_timer.expires_after(kLogDelay);
    log_timer.async_wait([this](beast::error_code error) {
      if (error) return;  // cancelled by Stop()
      FlushLog();
      if (!stopping) FlushLogLater();
    });
  }

  /// The answer to one request: the API under /api/, the front end's files elsewhere.
  HttpResponse Answer(HttpRequest request) {
    if (request.path.rfind("/api/", 0) == 0 || request.path == "/api") {
      HttpResponse response = api.Handle(std::move(request));
      response.headers.emplace_back("Cache-Control", "no-store");
      return response;
    }
    if ((request.method == "GET" || request.method == "HEAD") && !web_root.empty()) {
      return StaticFile(web_root, request.path);
    }
    return ErrorResponse(404, error_code::kNotFound, "no such page: " + request.path);
  }

  void Accept();
  void CloseIdleConnections();

  static std::vector<std::unique_ptr<asio::io_context>> MakeLoops(int threads) {
    std::vector<std::unique_ptr<asio::io_context>> made;
    for (int i = 0; i < std::max(1, threads); ++i) {
      made.push_back(std::make_unique<asio::io_context>(1));
    }
    return made;
  }
  static std::vector<asio::executor_work_guard<asio::io_context::executor_type>> KeepRunning(
      const std::vector<std::unique_ptr<asio::io_context>>& of) {
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    for (const auto& loop : of) guards.push_back(asio::make_work_guard(*loop));
    return guards;
  }
};

/// One client connection: reads a request, answers it on this thread, writes the answer, and
/// reads the next while the client keeps the connection alive. Everything of one connection runs
/// on its event loop's one thread; Stop() reaches it by posting to that loop.
class HttpServer::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code error;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(error);
    address_ = error ? "" : remote.address().to_string();
  }
  ~Connection() {
    const std::lock_guard<std::mutex> lock(server_.connections_mutex);
    server_.connections.erase(this);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Start() {
    {
      const std::lock_guard<std::mutex> lock(server_.connections_mutex);
      server_.connections.emplace(this, weak_from_this());
    }
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  /// On its loop: closes the connection if it is waiting for a request; one being answered
  /// is closed after its answer is written.
  void CloseIfIdle() {
    if (!busy_) Close();
  }

  [[nodiscard]] asio::any_io_executor get_executor() { return stream_.get_executor(); }

 private:
  void Read() {
    if (server_.stopping) return Close();
    busy_ = false;
    parser_.emplace();
    parser_->body_limit(server_.options.max_body);
    stream_.expires_after(kIdleTimeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code error, size_t) { self->OnHeader(error); });
  }

  /// The header is in: reads the body, first telling a client that asked (curl does for bodies
  /// over 1 KiB) to go on sending it — it would otherwise wait a second before sending anyway.
  void OnHeader(beast::error_code error) {
    if (error || parser_->is_done()) return OnRead(error);
    const auto read_body = [self = shared_from_this()] {
      http::async_read(self->stream_, self->buffer_, *self->parser_,
                       [self](beast::error_code read_error, size_t) { self->OnRead(read_error); });
    };
    if (!beast::iequals(parser_->get()[http::field::expect], "100-continue")) return read_body();
    continue_.emplace(http::status::continue_, 11);
    http::async_write(
        stream_, *continue_,
        [self = shared_from_this(), read_body](beast::error_code write_error, size_t) {
          if (write_error) return self->Close();
          read_body();
        });
  }

  void OnRead(beast::error_code error) {
    if (error == http::error::body_limit) {
      busy_ = true;
      HttpRequest request;
      request.SetTarget(Std(parser_->get().target()));
      return Write(
          std::string(parser_->get().method_string()), std::move(request.path),
          ErrorResponse(413, error_code::kPayloadTooLarge, "the request body is too large"), false,
          std::chrono::steady_clock::now());
    }
    if (error) return Close();  // closed by the client, timed out, or not HTTP
    busy_ = true;
    const auto started = std::chrono::steady_clock::now();
    BeastRequest in = parser_->release();
    HttpRequest request;
    request.method = std::string(in.method_string());
    request.SetTarget(Std(in.target()));
    for (const auto& field : in) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      request.headers.emplace(std::move(name), std::string(field.value()));
    }
    request.body = std::move(in.body());
    request.remote_address = address_;
    std::string method = request.method;
    std::string path = request.path;
    HttpResponse response = server_.Answer(std::move(request));
    Write(std::move(method), std::move(path), std::move(response), in.keep_alive(), started,
          in.method() == http::verb::head);
  }

  /// Writes |answer| to |method| |path|, logs it, and reads the next request or closes.
  void Write(std::string method, std::string path, HttpResponse answer, bool keep_alive,
             std::chrono::steady_clock::time_point started, bool head = false) {
    response_.emplace(static_cast<http::status>(answer.status), 11);
    BeastResponse& out = *response_;
    for (const auto& [name, value] : SecurityHeaders()) out.set(name, value);
    for (auto& [name, value] : answer.headers) out.insert(name, value);
    if (!answer.content_type.empty()) out.set(http::field::content_type, answer.content_type);
    keep_alive = keep_alive && !server_.stopping;
    out.keep_alive(keep_alive);
    const size_t length = answer.body.size();
    if (!head) out.body() = std::move(answer.body);
    if (answer.status != 204 && answer.status != 304) out.content_length(length);
    const int status = answer.status;
    stream_.expires_after(kIdleTimeout);
    http::async_write(
        stream_, out,
        [self = shared_from_this(), method = std::move(method), path = std::move(path), status,
         keep_alive, started](beast::error_code error, size_t) {
          const std::chrono::duration<double, std::milli> took =
              std::chrono::steady_clock::now() - started;
          self->server_.Log(self->address_, method, path, status, took.count());
          if (error || !keep_alive) return self->Close();
          self->Read();
        });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<BeastResponse> response_;
  std::optional<http::response<http::empty_body>> continue_;  ///< "100 Continue"
  std::string address_;
  bool busy_ = true;  ///< reading no request: one is being answered (or none was read yet)
};

void HttpServer::Impl::Accept() {
  asio::io_context& loop = *loops[next_loop++ % loops.size()];
  acceptor.async_accept(loop, [this](beast::error_code error, tcp::socket socket) {
    if (error == asio::error::operation_aborted || !acceptor.is_open()) return;  // stopped
    if (!error) {
      beast::error_code ignored;
      // A response goes out in more than one write; without TCP_NODELAY, Nagle's algorithm
      // holds the last one back until the client's delayed ACK, about 40 ms per request.
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Connection>(*this, std::move(socket))->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::CloseIdleConnections() {
  // Collected under the lock, posted outside it: the last reference to a connection may go here,
  // and its destructor takes the lock.
  std::vector<std::shared_ptr<Connection>> open;
  {
    const std::lock_guard<std::mutex> lock(connections_mutex);
    for (const auto& [raw, weak] : connections) {
      if (std::shared_ptr<Connection> connection = weak.lock()) open.push_back(connection);
    }
  }
  for (std::shared_ptr<Connection>& connection : open) {
    asio::post(asio::bind_executor(connection->get_executor(),
                                   [connection] { connection->CloseIfIdle(); }));
  }
}

HttpServer::HttpServer(Api& api, ServeOptions options, std::ostream& log)
    : impl_(std::make_unique<Impl>(api, std::move(options), log)) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  Impl& impl = *impl_;
  const ServeOptions& options = impl.options;
  const Status refused = Status::IoError(
      fmt::format("cannot listen on {}:{} (in use, or not allowed)", options.host, options.port));
  beast::error_code error;
  const asio::ip::address address = asio::ip::make_address(options.host, error);
  if (error) return refused;
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  // SO_REUSEADDR restarts quickly after a stop; not SO_REUSEPORT, which would let a second
  // process listen on the same port and take some of the connections.
  impl.acceptor.open(endpoint.protocol(), error);
  if (!error) impl.acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) impl.acceptor.bind(endpoint, error);
  if (!error) impl.acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    return refused;
  }
  port_ = impl.acceptor.local_endpoint().port();
  return Status::Ok();
}

Status HttpServer::Run() {
  if (port_ == 0) return Status::FailedPrecondition("Bind() first");
  Impl& impl = *impl_;
  asio::post(impl.acceptor.get_executor(), [&impl] {
    if (impl.stopping) return;
    impl.Accept();
    impl.FlushLogLater();
  });
  std::vector<std::thread> workers;
  for (size_t i = 1; i < impl.loops.size(); ++i) {
    workers.emplace_back([loop = impl.loops[i].get()] { loop->run(); });
  }
  impl.loops.front()->run();
  for (std::thread& worker : workers) worker.join();
  impl.FlushLog();
  return Status::Ok();
}

void HttpServer::Stop() {
  Impl& impl = *impl_;
  if (impl.stopping.exchange(true)) return;
  asio::post(impl.acceptor.get_executor(), [&impl] {
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    impl.log_timer.cancel();
    impl.CloseIdleConnections();
    // Each loop ends when its last connection does.
    for (auto& guard : impl.keep_running) guard.reset();
  });
}

}  // namespace yardstick::server
