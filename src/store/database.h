// Database: the one interface Yardstick's store speaks to a SQL engine through.
//
// Two engines implement it: SQLite (the embedded default, one file) and PostgreSQL (the shared
// deployment). The store writes its SQL once, with `?` placeholders and the portable subset both
// engines share; a driver translates placeholders and runs it. Parameters are always bound, never
// spliced into SQL text. A Database is one connection: not thread-safe, use one per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"

namespace yardstick::store {

/// A SQL value: NULL, an integer, a real number or text.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// One result row; columns in the order of the SELECT.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  [[nodiscard]] size_t size() const { return values_.size(); }
  [[nodiscard]] bool IsNull(size_t column) const;
  /// Text of a column ("" for NULL; numbers are formatted).
  [[nodiscard]] std::string Text(size_t column) const;
  /// Text() of a column, moved out of the row (which then holds "" there): for reading a
  /// million rows without copying each string twice.
  [[nodiscard]] std::string TakeText(size_t column);
  /// Integer of a column (0 for NULL; text is parsed).
  [[nodiscard]] std::int64_t Int(size_t column) const;
  /// Real number of a column (0 for NULL).
  [[nodiscard]] double Real(size_t column) const;
  [[nodiscard]] const Value& at(size_t column) const { return values_.at(column); }
  /// The values, for a database filling a row in place (Database::QueryEach).
  [[nodiscard]] std::vector<Value>& values() { return values_; }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

/// Values bound to the `?` placeholders of one statement, in order.
using Params = std::vector<Value>;

enum class Dialect { kSqlite, kPostgres };

/// Rows going into one table batch after batch, with the engine's bulk operation left open
/// between batches (Database::StartInsert).
class RowInserter {
 public:
  virtual ~RowInserter() = default;
  /// Writes |rows|, each with a value per column. After a failure the insert is over.
  virtual Status Write(const std::vector<Params>& rows) = 0;
  /// Ends the insert; every row is written when it returns ok. An inserter destroyed without
  /// Finish() abandons what it had not finished (the transaction should then be rolled back).
  virtual Status Finish() = 0;
};

/// Part of a table's schema that a bulk load may drop and create again (see
/// Database::BulkLoadObstacles).
struct SchemaObject {
  std::string name;
  std::string drop_sql;
  std::string create_sql;
};

class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] virtual Dialect dialect() const = 0;
  /// Where the data lives, for messages: a file path or a connection string without password.
  [[nodiscard]] virtual std::string description() const = 0;

  /// Runs one or more statements without parameters (schema changes, PRAGMAs).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  /// Runs one statement with bound parameters; returns its rows (empty for non-queries).
  virtual Result<Rows> Query(std::string_view sql, const Params& params) = 0;
  /// Runs one statement with bound parameters and calls |visit| with each row as it comes (the
  /// row may be reused for the next one: take what is kept). Stops at the first error |visit|
  /// returns. For reading a million rows without holding them all at once; by default, Query.
  virtual Status QueryEach(std::string_view sql, const Params& params,
                           const std::function<Status(Row&)>& visit);
  /// Runs one statement with bound parameters, ignoring any rows.
  Status Run(std::string_view sql, const Params& params = {});

  /// Inserts many rows into |table| as fast as the engine allows (PostgreSQL: COPY; SQLite: one
  /// prepared statement). Runs inside the caller's transaction.
  virtual Status InsertRows(std::string_view table, const std::vector<std::string>& columns,
                            const std::vector<Params>& rows) = 0;

  /// Starts inserting many rows into |table| in batches (RowInserter::Write) without ending the
  /// engine's bulk operation between them (PostgreSQL: one COPY for all of them, which the server
  /// works through while the next batch is made). Nothing else may run on this database until the
  /// inserter is finished or destroyed. By default, each batch is one InsertRows.
  virtual Result<std::unique_ptr<RowInserter>> StartInsert(std::string_view table,
                                                           std::vector<std::string> columns);

  /// What makes loading many rows into |table| slow and can be dropped for the load and created
  /// again after it, in the order to drop them (create them in reverse): secondary indexes (not
  /// those behind a PRIMARY KEY or UNIQUE constraint), and on PostgreSQL the table's foreign
  /// keys, which it otherwise checks one row at a time (SQLite cannot drop those, and checks
  /// them cheaply). Creating them again checks the constraints and UNIQUE indexes as a whole.
  virtual Result<std::vector<SchemaObject>> BulkLoadObstacles(std::string_view table) = 0;

  /// Lets the reads that follow share one snapshot of the database until EndReadSnapshot(). An
  /// engine whose every read takes and drops locks (SQLite: the WAL's read locks, about a third
  /// of a point query) takes them once instead; others ignore it. A write ends the snapshot
  /// first — Begin(), or a statement that writes — so a write always starts from the newest
  /// state, as without a snapshot.
  virtual Status BeginReadSnapshot() { return Status::Ok(); }
  virtual void EndReadSnapshot() {}
  /// A number that changes whenever the database's content changes (by this connection or any
  /// other), as seen by the read transaction this connection has open; nullopt outside one, in
  /// a write transaction (it changes at the commit), or when the engine has no such number
  /// (PostgreSQL). Lets a connection keep what it derived from the data until the data changes.
  /// Numbers of different connections do not compare.
  [[nodiscard]] virtual std::optional<uint64_t> DataVersion() const { return std::nullopt; }

  virtual Status Begin() = 0;
  /// Begins a transaction that loads many rows into tables that hold few or none yet (a first
  /// import), with the same guarantees as Begin(): all or nothing, and safe if the process dies.
  /// An engine may write it another way: SQLite writes it through a rollback journal instead of
  /// the WAL, so that new pages are written once rather than twice, and goes back to the WAL at
  /// Commit() or Rollback(); meanwhile other connections cannot read the database.
  virtual Status BeginBulkLoad() { return Begin(); }
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

/// Opens the database named by |url|: "postgresql://…" or "postgres://…" opens PostgreSQL (libpq
/// connection string), anything else is a SQLite file path (":memory:" for a private in-memory
/// database). Creates a SQLite file that does not exist yet.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url);

/// True for a URL OpenDatabase opens as PostgreSQL ("postgresql://…" or "postgres://…").
bool IsPostgresUrl(std::string_view url);

enum class TransactionKind { kOrdinary, kBulkLoad };

/// Runs |body| inside a transaction: commits when it returns ok, rolls back otherwise — also
/// when the commit itself fails (SQLite checks deferred foreign keys at COMMIT and then leaves the
/// transaction open). kBulkLoad begins it with Database::BeginBulkLoad().
template <typename Body>
Status InTransaction(Database& database, Body&& body,
                     TransactionKind kind = TransactionKind::kOrdinary) {
  const Status begun =
      kind == TransactionKind::kBulkLoad ? database.BeginBulkLoad() : database.Begin();
  if (!begun.ok()) return begun;
  Status status = body();
  if (status.ok()) status = database.Commit();
  if (!status.ok()) (void)database.Rollback();
  return status;
}

}  // namespace yardstick::store
