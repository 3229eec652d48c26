// `yardstick serve`: the API and the web front end over HTTP, on 127.0.0.1 unless told otherwise.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "base/clock.h"
#include "cli/command.h"
#include "server/api.h"
#include "server/http_server.h"

namespace yardstick::cli {
namespace {

struct ServeArgs {
  std::string db;
  server::ServeOptions serve;
  bool secure_cookies = false;
};

Action ServeSetup(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  AddDatabaseOption(app, args->db);
  app.add_option("--port", args->serve.port, "The port to listen on (0: any free port)")
      ->default_val(8080)
      ->check(CLI::Range(0, 65535));
  app.add_option("--host", args->serve.host,
                 "The address to listen on; the default keeps it on this machine")
      ->default_val("127.0.0.1");
  app.add_option("--web-root", args->serve.web_root,
                 "The built web front end to serve at / (web/dist); the API alone when omitted")
      ->check(CLI::ExistingDirectory);
  app.add_option("--threads", args->serve.threads,
                 "Threads serving the connections, which is also how many requests are answered "
                 "at once (every connection is served, whatever their number)")
      ->default_val(4)
      ->check(CLI::Range(1, 256));
  app.add_flag("--secure-cookies", args->secure_cookies,
               "Mark the session cookie Secure: when users reach the server through HTTPS");
  app.footer(
      "Stops on SIGTERM or Ctrl-C once the requests in flight are answered. Every request is "
      "logged on standard error with its status and latency.");
  return [args] {
    // SIGTERM and SIGINT are taken by one thread (sigwait) that stops the server; blocked here,
    // before the server's threads start, so that they inherit the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    server::ApiOptions options;
    options.secure_cookies = args->secure_cookies;
    server::Api api(std::move(store), SystemClock::Instance(), options);
    server::HttpServer http(api, args->serve, std::cerr);
    if (Status bound = http.Bind(); !bound.ok()) return ReportFailure(bound);
    std::cout << fmt::format("yardstick: serving {} on http://{}:{}/ (Ctrl-C to stop)\n", args->db,
                             args->serve.host, http.port())
              << std::flush;
    std::atomic<bool> running = true;
    // This thread also does the API's housekeeping, once an hour.
    std::thread stopper([&http, &api, &running, signals] {
      const timespec tick{0, 200'000'000};
      auto next_chores = std::chrono::steady_clock::now();
      while (running) {
        if (std::chrono::steady_clock::now() >= next_chores) {
          if (Result<std::int64_t> pruned = api.Maintain(); !pruned.ok()) {
            std::cerr << "yardstick: housekeeping failed: " << pruned.status().message() << "\n";
          }
          next_chores += std::chrono::hours(1);
        }
        const int received = sigtimedwait(&signals, nullptr, &tick);
        if (received < 0) continue;  // timed out (or interrupted): look at |running| again
        std::cerr << "yardstick: stopping (" << (received == SIGTERM ? "SIGTERM" : "SIGINT")
                  << "), answering the requests in flight\n";
        http.Stop();
        return;
      }
    });
    const Status ran = http.Run();
    running = false;  // Run() also returns when the server fails: the waiting thread ends too
    stopper.join();
    if (!ran.ok()) return ReportFailure(ran);
    std::cerr << "yardstick: stopped\n";
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> ServeCommands() {
  return {
      {"serve", "", "The web app and its API over HTTP (127.0.0.1:8080 by default)", ServeSetup}};
}

}  // namespace yardstick::cli
