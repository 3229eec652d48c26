// The demo organisation as a SQLite database for benchmarks that need one: where they keep it
// (YARDSTICK_BENCH_DIR, default /tmp/yardstick-bench) and how it is made (`yardstick demo init
// --no-cycles`, seed 1, the project's frameworks). Each target that includes it defines
// YARDSTICK_BINARY and YARDSTICK_SOURCE_DIR (bench/CMakeLists.txt).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "base/status.h"

namespace yardstick::bench {

/// The directory the benchmarks keep their databases in, created if needed.
inline std::string BenchDir() {
  const char* dir = std::getenv("YARDSTICK_BENCH_DIR");
  const std::string root = dir != nullptr ? dir : "/tmp/yardstick-bench";
  std::filesystem::create_directories(root);
  return root;
}

/// Makes the demo organisation of |people| people at |path| (replacing what was there).
inline Status MakeDemoDatabase(const std::string& path, int people) {
  std::filesystem::remove(path);
  const std::string command = fmt::format(
      "'{}' demo init --people {} --seed 1 --today 2026-11-21 --no-cycles --frameworks "
      "'{}/frameworks' --db '{}' >/dev/null",
      YARDSTICK_BINARY, people, YARDSTICK_SOURCE_DIR, path);
  if (std::system(command.c_str()) != 0) return Status::Internal("failed: " + command);
  return Status::Ok();
}

}  // namespace yardstick::bench
