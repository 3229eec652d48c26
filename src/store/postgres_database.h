// The PostgreSQL engine: the shared deployment, many users on one server.
//
// Connects with libpq to a "postgresql://…" URL, translates the store's `?` placeholders to $n,
// binds every parameter (text format) and loads many rows with COPY. A statement run a second time
// is prepared and kept (by its text), which makes small queries ~2.5x faster; the schema changing
// (ExecuteScript, or a statement other than SELECT/INSERT/UPDATE/DELETE/WITH/VALUES) discards
// them. One connection; not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"

struct pg_conn;
struct pg_result;

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
  Result<std::unique_ptr<RowInserter>> StartInsert(std::string_view table,
                                                   std::vector<std::string> columns) override;
  Result<std::vector<SchemaObject>> BulkLoadObstacles(std::string_view table) override;
  Status Begin() override;
  /// Begin(), with more memory for the sorts and joins that rebuild indexes and foreign keys.
  Status BeginBulkLoad() override;
  Status Commit() override;
  Status Rollback() override;

  /// |sql| with each `?` outside quotes replaced by $1, $2, … (exposed for tests).
  static std::string NumberPlaceholders(std::string_view sql);

 private:
  PostgresDatabase(pg_conn* connection, std::string description)
      : connection_(connection), description_(std::move(description)) {}

  /// A statement Query has seen: prepared (named) on its second use.
  struct Statement {
    std::string name;
    int uses = 0;
  };

  /// Runs |numbered| with its parameters, through a prepared statement when it is worth it.
  pg_result* Execute(std::string_view sql, const std::string& numbered,
                     const std::vector<unsigned int>& types,
                     const std::vector<const char*>& values);
  /// Drops the prepared statements if the schema may have changed (a plan could be stale).
  bool ForgetStaleStatements();

  pg_conn* connection_;
  std::string description_;
  /// By parameter types and SQL text.
  std::unordered_map<std::string, Statement> statements_;
  int statements_prepared_ = 0;
  bool statements_stale_ = false;
};

}  // namespace yardstick::store
