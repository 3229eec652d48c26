// The SQLite engine: Yardstick's embedded default, one database file beside the program.
//
// Opens the file in WAL mode with foreign keys enforced and synchronous=NORMAL (durable across
// process crashes; a power cut may lose the last commits, never corrupt the file). A bulk load
// (BeginBulkLoad) runs in a rollback journal with synchronous=FULL instead, which keeps the same
// guarantees; it needs the database to itself, and falls back to the WAL when another connection
// has it open. Statements are prepared once and cached by their SQL text. One connection; not
// thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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
  Status QueryEach(std::string_view sql, const Params& params,
                   const std::function<Status(Row&)>& visit) override;
  Status InsertRows(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<Params>& rows) override;
  Result<std::vector<SchemaObject>> BulkLoadObstacles(std::string_view table) override;
  Status BeginReadSnapshot() override;
  void EndReadSnapshot() override;
  [[nodiscard]] std::optional<uint64_t> DataVersion() const override;
  Status Begin() override;
  Status BeginBulkLoad() override;
  Status Commit() override;
  Status Rollback() override;

 private:
  SqliteDatabase(sqlite3* handle, std::string path) : db_(handle), path_(std::move(path)) {}
  /// The cached prepared statement for |sql|, reset and ready to bind.
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  /// Binds |params| to the statement's parameters |first|, |first| + 1, ….
  Status BindFrom(sqlite3_stmt* statement, int first, const Params& params);
  Status Bind(sqlite3_stmt* statement, const Params& params);
  Status Error(std::string_view what) const;
  /// The journal mode of the database ("wal", "delete", "memory", ...), as SQLite reports it.
  Result<std::string> JournalMode(std::string_view set_to = {});
  /// After a bulk load: one sorting thread, the WAL and synchronous = NORMAL again.
  void EndBulkLoad();

  sqlite3* db_;
  std::string path_;
  /// Hashed, not ordered: statements share long prefixes ("SELECT id, name, …"), which an
  /// ordered map compared several times per lookup, on every query.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
  /// Whether a read snapshot (BeginReadSnapshot) is open.
  bool in_read_snapshot_ = false;
  /// Whether BeginBulkLoad changed settings that EndBulkLoad has not yet put back.
  bool in_bulk_load_ = false;
  /// Whether a bulk load switched this connection from the WAL to a rollback journal.
  bool in_rollback_journal_ = false;
};

}  // namespace yardstick::store
