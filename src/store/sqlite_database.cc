#include "store/sqlite_database.h"

#include <algorithm>

#include <sqlite3.h>

#include <fmt/format.h>

namespace yardstick::store {
namespace {

/// How long a statement waits for another connection's lock before it fails.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    std::string message = handle != nullptr ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return Status::IoError(fmt::format("{}: cannot open the database: {}", path, message));
  }
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(handle, path));
  const Status configured = database->ExecuteScript(
      "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA "
      "temp_store = MEMORY; PRAGMA "
      "cache_size = -131072; PRAGMA mmap_size = 2147418112;");
  if (!configured.ok()) return configured;
  return std::unique_ptr<Database>(std::move(database));
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Status SqliteDatabase::Error(std::string_view what) const {
  const int code = sqlite3_extended_errcode(db_);
  const std::string message = fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_));
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Status::FailedPrecondition(message);
  return Status::IoError(message);
}

Status SqliteDatabase::ExecuteScript(std::string_view sql) {
  // A script may write; EndReadSnapshot's own ROLLBACK comes here with the snapshot ended.
  EndReadSnapshot();
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string error = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return Status::IoError(fmt::format("{}: {}", path_, error));
  }
  return Status::Ok();
}

Result<sqlite3_stmt*> SqliteDatabase::Prepare(std::string_view sql) {
  if (auto found = statements_.find(sql); found != statements_.end()) {
    sqlite3_reset(found->second);
    sqlite3_clear_bindings(found->second);
    return found->second;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    return Error(fmt::format("cannot prepare '{}'", sql));
  }
  statements_.emplace(std::string(sql), statement);
  return statement;
}

Status SqliteDatabase::Bind(sqlite3_stmt* statement, const Params& params) {
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
    return Status::Internal(fmt::format("statement expects {} parameters, got {}: {}",
                                        sqlite3_bind_parameter_count(statement), params.size(),
                                        sqlite3_sql(statement)));
  }
  return BindFrom(statement, 1, params);
}

Status SqliteDatabase::BindFrom(sqlite3_stmt* statement, int first, const Params& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = first + static_cast<int>(i);
    int rc = SQLITE_OK;
    if (const auto* text = std::get_if<std::string>(&params[i])) {
      // Static: |params| outlive every step of the statement, so SQLite need not copy them.
      rc = sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                             SQLITE_STATIC);
    } else if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&params[i])) {
      rc = sqlite3_bind_double(statement, index, *real);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) return Error("cannot bind a parameter");
  }
  return Status::Ok();
}

Result<Rows> SqliteDatabase::Query(std::string_view sql, const Params& params) {
  Rows rows;
  Status read = QueryEach(sql, params, [&](Row& row) {
    rows.emplace_back(std::move(row.values()));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return rows;
}

Status SqliteDatabase::QueryEach(std::string_view sql, const Params& params,
                                 const std::function<Status(Row&)>& visit) {
  Result<sqlite3_stmt*> prepared = Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  sqlite3_stmt* statement = *prepared;
  if (in_read_snapshot_ && sqlite3_stmt_readonly(statement) == 0) {
    EndReadSnapshot();  // a write starts from the newest state, in its own transaction
  }
  if (Status bound = Bind(statement, params); !bound.ok()) return bound;
  const int columns = sqlite3_column_count(statement);
  Row row({});
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Status error = Error("query failed");
      sqlite3_reset(statement);
      return error;
    }
    std::vector<Value>& values = row.values();
    values.resize(columns);
    for (int column = 0; column < columns; ++column) {
      Value& value = values[column];
      switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
          value = static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
          break;
        case SQLITE_FLOAT:
          value = sqlite3_column_double(statement, column);
          break;
        case SQLITE_NULL:
          value = nullptr;
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
          const std::string_view bytes(text, sqlite3_column_bytes(statement, column));
          if (auto* kept = std::get_if<std::string>(&value)) {
            kept->assign(bytes);  // reuses the string's buffer from the row before
          } else {
            value = std::string(bytes);
          }
        }
      }
    }
    if (Status s = visit(row); !s.ok()) {
      sqlite3_reset(statement);
      return s;
    }
  }
  sqlite3_reset(statement);
  return Status::Ok();
}

Status SqliteDatabase::InsertRows(std::string_view table, const std::vector<std::string>& columns,
                                  const std::vector<Params>& rows) {
  if (rows.empty() || columns.empty()) return Status::Ok();
  // Many rows per statement: each statement of a transaction on a table with triggers or foreign
  // keys gets a statement journal, and one per row made inserting a million rows twice as slow.
  constexpr size_t kMaxRowsPerStatement = 64;
  constexpr size_t kMaxParameters = 32766;  // SQLITE_MAX_VARIABLE_NUMBER since 3.32
  const size_t batch =
      std::max<size_t>(1, std::min(kMaxRowsPerStatement, kMaxParameters / columns.size()));
  std::string one_row = "(";
  for (size_t i = 0; i < columns.size(); ++i) one_row += i == 0 ? "?" : ", ?";
  one_row += ")";
  std::string column_list;
  for (size_t i = 0; i < columns.size(); ++i) column_list += (i == 0 ? "" : ", ") + columns[i];
  const auto sql_for = [&](size_t count) {
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ", table, column_list);
    for (size_t i = 0; i < count; ++i) sql += (i == 0 ? "" : ", ") + one_row;
    return sql;
  };
  for (size_t start = 0; start < rows.size(); start += batch) {
    const size_t count = std::min(batch, rows.size() - start);
    Result<sqlite3_stmt*> prepared = Prepare(sql_for(count));
    if (!prepared.ok()) return prepared.status();
    sqlite3_stmt* statement = *prepared;
    for (size_t i = 0; i < count; ++i) {
      const Params& row = rows[start + i];
      if (row.size() != columns.size()) {
        return Status::Internal(
            fmt::format("a row for {} has {} values, not {}", table, row.size(), columns.size()));
      }
      if (Status bound = BindFrom(statement, static_cast<int>(i * columns.size()) + 1, row);
          !bound.ok()) {
        return bound;
      }
    }
    if (sqlite3_step(statement) != SQLITE_DONE) {
      Status error = Error(fmt::format("cannot insert into {}", table));
      sqlite3_reset(statement);
      return error;
    }
    sqlite3_reset(statement);
  }
  return Status::Ok();
}

Result<std::vector<SchemaObject>> SqliteDatabase::BulkLoadObstacles(std::string_view table) {
  // Indexes behind constraints have no SQL of their own (sqlite_autoindex_*).
  Result<Rows> rows = Query(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT "
      "NULL ORDER BY name",
      {std::string(table)});
  if (!rows.ok()) return rows.status();
  std::vector<SchemaObject> indexes;
  for (const Row& row : *rows) {
    indexes.push_back({row.Text(0), "DROP INDEX " + row.Text(0), row.Text(1)});
  }
  return indexes;
}

Result<std::string> SqliteDatabase::JournalMode(std::string_view set_to) {
  const std::string sql =
      set_to.empty() ? "PRAGMA journal_mode" : fmt::format("PRAGMA journal_mode = {}", set_to);
  Result<Rows> rows = Query(sql, {});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::IoError(fmt::format("{}: no journal mode", path_));
  return rows->front().Text(0);
}

Status SqliteDatabase::BeginReadSnapshot() {
  if (in_read_snapshot_ || sqlite3_get_autocommit(db_) == 0) return Status::Ok();
  // Deferred: the first read takes the WAL's read lock and keeps it to the end.
  Result<sqlite3_stmt*> begin = Prepare("BEGIN DEFERRED");
  if (!begin.ok()) return begin.status();
  const int rc = sqlite3_step(*begin);
  sqlite3_reset(*begin);
  if (rc != SQLITE_DONE) return Error("cannot begin a read snapshot");
  in_read_snapshot_ = true;
  return Status::Ok();
}

std::optional<uint64_t> SqliteDatabase::DataVersion() const {
  // Outside a read transaction the pager has not looked for other connections' commits yet;
  // inside a write transaction the number changes only at the commit, after the writes.
  if (sqlite3_txn_state(db_, "main") != SQLITE_TXN_READ) return std::nullopt;
  unsigned int version = 0;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK) {
    return std::nullopt;
  }
  return version;
}

void SqliteDatabase::EndReadSnapshot() {
  if (!in_read_snapshot_) return;
  in_read_snapshot_ = false;
  // Nothing was written in it (a write ends it first), so this only drops the read lock.
  if (sqlite3_get_autocommit(db_) != 0) return;
  Result<sqlite3_stmt*> commit = Prepare("COMMIT");
  if (commit.ok()) {
    sqlite3_step(*commit);
    sqlite3_reset(*commit);
  }
  if (sqlite3_get_autocommit(db_) == 0) (void)ExecuteScript("ROLLBACK");
}

Status SqliteDatabase::Begin() {
  EndReadSnapshot();
  return ExecuteScript("BEGIN IMMEDIATE");
}

Status SqliteDatabase::BeginBulkLoad() {
  // In the WAL every page is written twice: to the log, then back into the database at the
  // checkpoint. A rollback journal holds only the pages that existed before the transaction, which
  // for tables loaded from empty is little, and the new pages go straight into the file. Leaving
  // the WAL needs the database to itself: if another connection has it open, the switch fails at
  // once (no busy wait) and the load simply runs in the WAL. synchronous = FULL makes the rollback
  // journal as safe against a power cut as the WAL with NORMAL; a process that dies leaves a hot
  // journal that the next connection to open the file rolls back.
  EndReadSnapshot();
  if (sqlite3_get_autocommit(db_) == 0) return Begin();  // refused: a transaction is open
  in_bulk_load_ = true;
  Result<std::string> mode = JournalMode();
  if (mode.ok() && *mode == "wal") {
    sqlite3_busy_timeout(db_, 0);
    Result<std::string> switched = JournalMode("DELETE");
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (switched.ok() && *switched == "delete") {
      in_rollback_journal_ = true;
      if (Status full = ExecuteScript("PRAGMA synchronous = FULL"); !full.ok()) {
        EndBulkLoad();
        return full;
      }
    }
  }
  // The indexes a bulk load sets aside are created again before it commits: let SQLite sort
  // them on two threads.
  if (Status threads = ExecuteScript("PRAGMA threads = 2"); !threads.ok()) {
    EndBulkLoad();
    return threads;
  }
  Status begun = Begin();
  if (!begun.ok()) EndBulkLoad();
  return begun;
}

void SqliteDatabase::EndBulkLoad() {
  if (!in_bulk_load_) return;
  (void)ExecuteScript("PRAGMA threads = 0");
  in_bulk_load_ = in_rollback_journal_;
  if (!in_rollback_journal_) return;
  // Needs the database to itself again; if a connection opened it meanwhile, this one stays in
  // the rollback journal until it is closed, and the next connection to open the file goes
  // back to the WAL (Open asks for it).
  Result<std::string> mode = JournalMode("WAL");
  if (mode.ok() && *mode == "wal") {
    in_rollback_journal_ = false;
    in_bulk_load_ = false;
    (void)ExecuteScript("PRAGMA synchronous = NORMAL");
  }
}

Status SqliteDatabase::Commit() {
  Status committed = ExecuteScript("COMMIT");
  if (committed.ok()) EndBulkLoad();  // a failed COMMIT leaves the transaction open
  return committed;
}

Status SqliteDatabase::Rollback() {
  Status rolled_back = ExecuteScript("ROLLBACK");
  if (sqlite3_get_autocommit(db_) != 0) EndBulkLoad();
  return rolled_back;
}

}  // namespace yardstick::store
