// The SQLite engine: Yardstick's embedded default, one database file beside the program.
//
// Opens the file in WAL mode with foreign keys enforced and synchronous=NORMAL (durable across
// process crashes; a power cut may lose the last commits, never corrupt the file). Statements
// are prepared once and cached by their SQL text. One connection; not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace yardstick::store {

class SqliteDatabase final : public Database {
 public:
  /// Opens (creating if needed) the database file at |path|; ":memory:" for a private one.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~SqliteDatabase() override;

  [[nodiscard]] Dialect dialect() const override { return Dialect::kSqlite; }
  [[nodiscard]] std::string description() const override { return path_; }

  Status ExecuteScript(std::string_view sql) override;
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Status InsertRows(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<Params>& rows) override;
  Result<std::vector<SchemaObject>> BulkLoadObstacles(std::string_view table) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

 private:
  SqliteDatabase(sqlite3* handle, std::string path) : db_(handle), path_(std::move(path)) {}
  /// The cached prepared statement for |sql|, reset and ready to bind.
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  Status Bind(sqlite3_stmt* statement, const Params& params);
  Status Error(std::string_view what) const;

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace yardstick::store
