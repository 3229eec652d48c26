// The options every store-backed command shares (`--db`, `--as`, `--effective`), opening the
// store, and reporting a failed job.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"

namespace yardstick::cli {

std::optional<model::Date> EffectiveDayOrReport(const std::string& text) {
  std::optional<model::Date> day = model::Date::Parse(text);
  if (!day)
    std::cerr << fmt::format("yardstick: --effective: '{}' is not a date (YYYY-MM-DD)\n", text);
  return day;
}

void AddDatabaseOption(CLI::App& app, std::string& url) {
  url = "yardstick.db";
  app.add_option("--db", url,
                 "The database: a SQLite file, or postgresql://… for a shared PostgreSQL server")
      ->envname("YARDSTICK_DB")
      ->capture_default_str();
}

void AddActorOption(CLI::App& app, std::string& person_id) {
  app.add_option("--as", person_id,
                 "Who you are (a person id): what you may do depends on it, and the audit log "
                 "records it")
      ->envname("YARDSTICK_AS");
}

int ReportFailure(const Status& status) {
  std::cerr << "yardstick: " << status.message() << "\n";
  switch (status.code()) {
    case Status::Code::kFailedPrecondition:
    case Status::Code::kNotFound:
    case Status::Code::kInvalidArgument:
    case Status::Code::kPermissionDenied:
    case Status::Code::kAlreadyExists:
    case Status::Code::kUnauthenticated:
    case Status::Code::kTooManyRequests:
    case Status::Code::kStale:
      return kExitProblems;
    default:
      return kExitFailure;
  }
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
