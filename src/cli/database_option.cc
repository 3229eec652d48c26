// The `--db` option and opening the store for a command.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"

namespace yardstick::cli {

void AddDatabaseOption(CLI::App& app, std::string& url) {
  url = "yardstick.db";
  app.add_option("--db", url,
                 "The database: a SQLite file, or postgresql://… for a shared PostgreSQL server")
      ->envname("YARDSTICK_DB")
      ->capture_default_str();
}

bool IsMissingSqliteFile(const std::string& url) {
  return !store::IsPostgresUrl(url) && url != ":memory:" && !std::filesystem::exists(url);
}

std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& url, OpenMode mode) {
  if (mode == OpenMode::kMustExist && IsMissingSqliteFile(url)) {
    std::cerr << fmt::format(
        "yardstick: {}: no such database (give --db, or create one with `yardstick framework "
        "load` or `yardstick demo init`)\n",
        url);
    return nullptr;
  }
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url);
  if (!opened.ok()) {
    std::cerr << "yardstick: " << opened.status().message() << "\n";
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace yardstick::cli
