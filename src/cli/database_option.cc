// The `--db` option and opening the store for a command.
#include <iostream>

#include "cli/command.h"

namespace yardstick::cli {

void AddDatabaseOption(CLI::App& app, std::string& url) {
  url = "yardstick.db";
  app.add_option("--db", url,
                 "The database: a SQLite file, or postgresql://… for a shared PostgreSQL server")
      ->envname("YARDSTICK_DB")
      ->capture_default_str();
}

std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& url) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url);
  if (!opened.ok()) {
    std::cerr << "yardstick: " << opened.status().message() << "\n";
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace yardstick::cli
