// The PostgreSQL engine: the shared deployment, many users on one server.
//
// Connects with libpq to a "postgresql://…" URL, translates the store's `?` placeholders to $n,
// binds every parameter (text format) and loads many rows with COPY. One connection; not
// thread-safe.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

struct pg_conn;

namespace yardstick::store {

class PostgresDatabase final : public Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& url);
  ~PostgresDatabase() override;

  [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }
  [[nodiscard]] std::string description() const override { return description_; }

  Status ExecuteScript(std::string_view sql) override;
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Status InsertRows(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<Params>& rows) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  /// |sql| with each `?` outside quotes replaced by $1, $2, … (exposed for tests).
  static std::string NumberPlaceholders(std::string_view sql);

 private:
  PostgresDatabase(pg_conn* connection, std::string description)
      : connection_(connection), description_(std::move(description)) {}

  pg_conn* connection_;
  std::string description_;
};

}  // namespace yardstick::store
