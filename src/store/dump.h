// Dump and restore: a whole database as one canonical JSON document, on either engine.
//
// A dump holds a format marker and version, the schema version, and every table of the schema in
// foreign-key order (schema_migrations is left out: its version is the schema version; so are the
// sessions, API tokens and login attempts of UndumpedTables()). Each row
// is an object with one typed value per column — text as a string, integers and reals as numbers,
// NULL as null; the reals JSON cannot write as numbers as "Infinity", "-Infinity" or "NaN" — and
// rows are in primary-key order compared byte by byte, whatever the engine's collation. The
// text has one row per line. So the dump is canonical: the same data gives the same bytes on SQLite
// and on PostgreSQL, and dump → restore → dump reproduces it exactly, across engines. Tests use
// that to show a database is unchanged ("compared by dump").
//
// Restore writes into a database that holds the current schema and no data, in one transaction:
// all of the dump or nothing. Ids are kept as they are; on PostgreSQL the identity sequences are
// moved past them. WriteDump and RestoreDump stream, for databases too large to hold as one JSON
// document. The functions are stateless; the Database is used by one thread at a time.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "store/database.h"

namespace yardstick::store {

/// The value of a dump's "format" key.
inline constexpr const char* kDumpFormat = "yardstick-dump";
/// The layout version of dumps this build writes; it reads this version only.
inline constexpr int kDumpFormatVersion = 1;

/// How a column's values are written in a dump.
enum class DumpType { kText, kInteger, kReal };

struct DumpColumn {
  std::string name;
  DumpType type;
};

/// One table as dumped: its columns in schema order and its primary key.
struct DumpTable {
  std::string name;
  std::vector<DumpColumn> columns;
  std::vector<std::string> primary_key;
  /// True for an auto-numbered integer id (an identity column on PostgreSQL).
  bool identity = false;
};

/// Every table a dump holds, parents before children. The one list of tables and columns: a test
/// checks it against the schema the migrations create.
const std::vector<DumpTable>& DumpedTables();

/// The tables of the schema a dump leaves out on purpose, with why: secrets and ephemera of
/// signing in (sessions, API tokens, login attempts). A restored database keeps every account
/// and its password hash, so people sign in as before, but everyone signs in again and makes new
/// API tokens. A test checks that every table of the schema is dumped or listed here.
struct UndumpedTable {
  std::string name;
  std::string why;
};
const std::vector<UndumpedTable>& UndumpedTables();

/// Reads every table of |database| (which must hold the current schema) into a dump.
Result<nlohmann::ordered_json> DumpDatabase(Database& database);

/// The text of a dump: the header on the first line, then each table, one row per line. The
/// same dump always gives the same text.
std::string FormatDump(const nlohmann::ordered_json& dump);

/// DumpDatabase then FormatDump: what tests compare to show a database is unchanged.
Result<std::string> DumpDatabaseText(Database& database);

/// Writes the text of |database|'s dump (the bytes DumpDatabaseText returns) to |out| table by
/// table, never holding more than one table's rows: for large databases.
Status WriteDump(Database& database, std::ostream& out);

/// Writes |dump| into |database|, which must hold the current schema and no rows, in one
/// transaction: on any failure nothing is written. Errors: AlreadyExists if the database holds
/// data; InvalidArgument for a dump of another format or malformed tables, rows or values;
/// FailedPrecondition for a newer format or schema version, a schema version other than the
/// database's, or a row the schema rejects; IoError if the engine fails. Each names what is wrong.
Status RestoreDatabase(Database& database, const nlohmann::json& dump);

/// RestoreDatabase from JSON text read from |in| as it is parsed, never holding the dump in
/// memory: for large dumps. The same checks and errors, plus InvalidArgument for text that is not
/// JSON; the tables must come in DumpedTables() order, as dumps write them.
Status RestoreDump(Database& database, std::istream& in);

}  // namespace yardstick::store
