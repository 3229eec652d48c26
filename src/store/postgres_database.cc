#include "store/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace yardstick::store {
namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across server versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;
/// "Let the server infer the type from the statement", as for a quoted literal.
constexpr Oid kUnknownOid = 0;

/// How much COPY data is buffered before it is handed to libpq.
constexpr size_t kCopyChunkBytes = size_t{1} << 20;
/// Query prepares a statement the time it runs it this often (once costs an extra round trip).
constexpr int kPrepareAtUse = 2;
/// Statements remembered per connection, at most; then all are dropped and the count restarts.
constexpr size_t kMaxStatements = 256;
/// How much of a failing statement is quoted in an error message.
constexpr size_t kQuotedSqlChars = 200;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

/// libpq's multi-line messages ("...failed: reason\n\tHint\n") as one line.
std::string OneLine(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

/// |sql| on one line and cut short, to quote in a message.
std::string Quoted(std::string_view sql) {
  if (sql.size() <= kQuotedSqlChars) return OneLine(sql);
  size_t cut = kQuotedSqlChars;
  while (cut > 0 && (static_cast<unsigned char>(sql[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return OneLine(sql.substr(0, cut)) + "…";
}

/// |text| with every occurrence of |secret| replaced by "***".
std::string Redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

/// The password written in a URL's user info ("postgresql://user:secret@host/…"), as written.
/// Mirrors libpq: user info ends at the first '@' that comes before any '/'.
std::string_view UrlPassword(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::string_view rest = url.substr(scheme + 3);
  const size_t end = rest.find_first_of("@/");
  if (end == std::string_view::npos || rest[end] != '@') return {};
  const std::string_view user_info = rest.substr(0, end);
  const size_t colon = user_info.find(':');
  return colon == std::string_view::npos ? std::string_view{} : user_info.substr(colon + 1);
}

/// |url| without its password, wherever it is written (user info or a password= parameter).
std::string UrlWithoutPassword(std::string_view url) {
  std::string clean(url);
  if (const std::string_view password = UrlPassword(url); !password.empty()) {
    const size_t at = static_cast<size_t>(password.data() - url.data());
    clean.erase(at - 1, password.size() + 1);  // ":secret"
  }
  const size_t query = clean.find('?');
  if (query == std::string::npos) return clean;
  std::string kept;
  std::string_view params = std::string_view(clean).substr(query + 1);
  while (!params.empty()) {
    const size_t amp = params.find('&');
    const std::string_view param = params.substr(0, amp);
    if (param.rfind("password=", 0) != 0 && !param.empty()) {
      kept += kept.empty() ? "" : "&";
      kept += param;
    }
    params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
  }
  return kept.empty() ? clean.substr(0, query) : clean.substr(0, query + 1) + kept;
}

/// The connection settings of |conninfo| (a URL or "key=value ..."), or empty if unparseable.
struct ConnectionInfo {
  std::string password;
  std::string key_values_without_password;
};

ConnectionInfo ParseConnectionInfo(const std::string& conninfo) {
  ConnectionInfo info;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) return info;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    if (std::strcmp(option->keyword, "password") == 0) {
      info.password = option->val;
      continue;
    }
    info.key_values_without_password +=
        fmt::format("{}{}='{}'", info.key_values_without_password.empty() ? "" : " ",
                    option->keyword, option->val);
  }
  PQconninfoFree(options);
  return info;
}

/// Where a connection went, for messages: ` (database "d" as user "u" via socket directory /x
/// port 5432)`.
/// Empty if unknown (libpq knows nothing of a connection string it could not parse).
std::string ConnectionTarget(const PGconn* connection) {
  const auto text = [](const char* value) { return std::string(value != nullptr ? value : ""); };
  const std::string host = text(PQhost(connection));
  const std::string database = text(PQdb(connection));
  if (host.empty() && database.empty()) return "";
  const std::string where = !host.empty() && host.front() == '/'
                                ? fmt::format("socket directory {}", host)
                                : fmt::format("host {}", host);
  return fmt::format(" (database \"{}\" as user \"{}\" via {} port {})", database,
                     text(PQuser(connection)), where, text(PQport(connection)));
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", value);  // the shortest text that reads back as the same double
}

/// The text PostgreSQL reads |value| from, or false for NULL.
bool ValueText(const Value& value, std::string& text) {
  if (const auto* string = std::get_if<std::string>(&value)) {
    text = *string;
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    text = fmt::format("{}", *integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    text = FormatDouble(*real);
  } else {
    return false;
  }
  return true;
}

bool ContainsNul(const Value& value) {
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr && text->find('\0') != std::string::npos;
}

/// Appends |text| to a COPY text-format line, escaping what the format gives meaning to. Runs of
/// ordinary characters are appended whole.
void AppendCopyText(std::string_view text, std::string& line) {
  size_t plain_from = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    const char* escape = nullptr;
    switch (text[at]) {
      case '\\':
        escape = "\\\\";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      default:
        continue;
    }
    line.append(text.substr(plain_from, at - plain_from));
    line += escape;
    plain_from = at + 1;
  }
  line.append(text.substr(plain_from));
}

void AppendCopyValue(const Value& value, std::string& line) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    AppendCopyText(*text, line);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    fmt::format_to(std::back_inserter(line), "{}", *integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    line += FormatDouble(*real);
  } else {
    line += "\\N";
  }
}

Value ColumnValue(const PGresult* result, int row, int column, Oid type) {
  if (PQgetisnull(result, row, column) != 0) return nullptr;
  const char* text = PQgetvalue(result, row, column);
  const int length = PQgetlength(result, row, column);
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t integer = 0;
      std::from_chars(text, text + length, integer);
      return integer;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double real = 0;
      if (std::from_chars(text, text + length, real).ec != std::errc()) {
        real = std::strtod(text, nullptr);  // out of range: ±HUGE_VAL, as the engine would
      }
      return real;
    }
    case kBoolOid:
      return std::int64_t{*text == 't' ? 1 : 0};  // as SQLite stores booleans
    default:
      return std::string(text, length);
  }
}

/// Reads and drops every pending result, ending a COPY that a statement started, so the
/// connection is ready for the next statement.
void DrainResults(PGconn* connection) {
  while (PGresult* result = PQgetResult(connection)) {
    const ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    if (status == PGRES_COPY_IN) {
      PQputCopyEnd(connection, "COPY runs only through Database::InsertRows");
    } else if (status == PGRES_COPY_OUT) {
      char* buffer = nullptr;
      while (PQgetCopyData(connection, &buffer, 0) > 0) PQfreemem(buffer);
    } else if (status == PGRES_COPY_BOTH || PQstatus(connection) == CONNECTION_BAD) {
      return;
    }
  }
}

/// Ok if |result| is a success, else the Status that says why: FailedPrecondition for a
/// constraint violation (SQLSTATE class 23), IoError for anything else. |what| says what failed.
Status Check(const PGresult* result, PGconn* connection, std::string_view description,
             std::string_view what) {
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::Ok();
  if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
    DrainResults(connection);
    return Status::Internal(
        fmt::format("{}: {}: COPY runs only through Database::InsertRows", description, what));
  }
  if (result == nullptr || PQstatus(connection) == CONNECTION_BAD) {
    return Status::IoError(
        fmt::format("{}: {}: {}", description, what, OneLine(PQerrorMessage(connection))));
  }
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  std::string message = primary != nullptr ? primary : OneLine(PQresultErrorMessage(result));
  if (detail != nullptr) message += fmt::format(" ({})", OneLine(detail));
  if (state != nullptr && std::strncmp(state, "23", 2) == 0) {  // integrity constraint violation
    return Status::FailedPrecondition(fmt::format("{}: {}", description, message));
  }
  return Status::IoError(fmt::format("{}: {}: {}", description, what, message));
}

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

/// Whether the quote at |quote| opens an escape string, E'…', where backslash escapes a quote.
bool IsEscapeStringPrefix(std::string_view sql, size_t quote) {
  return quote > 0 && (sql[quote - 1] == 'E' || sql[quote - 1] == 'e') &&
         (quote == 1 || !IsIdentifierChar(sql[quote - 2]));
}

/// Counts and numbers the `?` placeholders of |sql| ($1, $2, ...), leaving alone what is inside
/// '…' and "…" (a doubled quote stays inside), E'…' (backslash escapes), -- and /* */ comments.
std::string Number(std::string_view sql, int& count) {
  std::string numbered;
  numbered.reserve(sql.size() + 16);
  count = 0;
  size_t at = 0;
  const auto copy_through = [&](size_t end) {  // copies sql[at, end) and moves past it
    end = std::min(end, sql.size());
    numbered.append(sql.substr(at, end - at));
    at = end;
  };
  while (at < sql.size()) {
    const char c = sql[at];
    const char next = at + 1 < sql.size() ? sql[at + 1] : '\0';
    if (c == '\'' || c == '"') {
      const bool escapes = c == '\'' && IsEscapeStringPrefix(sql, at);
      size_t end = at + 1;
      while (end < sql.size() && sql[end] != c) end += escapes && sql[end] == '\\' ? 2 : 1;
      copy_through(end + 1);
    } else if (c == '-' && next == '-') {
      copy_through(sql.find('\n', at));
    } else if (c == '/' && next == '*') {
      size_t end = at + 2;
      for (int depth = 1; end < sql.size() && depth > 0;) {  // PostgreSQL nests them
        const std::string_view pair = sql.substr(end, 2);
        depth += pair == "/*" ? 1 : pair == "*/" ? -1 : 0;
        end += pair == "/*" || pair == "*/" ? 2 : 1;
      }
      copy_through(end);
    } else if (c == '?') {
      fmt::format_to(std::back_inserter(numbered), "${}", ++count);
      ++at;
    } else {
      numbered += c;
      ++at;
    }
  }
  return numbered;
}

/// Whether |sql| is plain data access, worth preparing and unable to change the schema.
bool IsDataStatement(std::string_view sql) {
  const size_t start = sql.find_first_not_of(" \t\r\n(");
  if (start == std::string_view::npos) return false;
  std::string keyword;
  for (size_t at = start; at < sql.size() && std::isalpha(static_cast<unsigned char>(sql[at]));
       ++at) {
    keyword += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[at])));
  }
  return keyword == "SELECT" || keyword == "INSERT" || keyword == "UPDATE" || keyword == "DELETE" ||
         keyword == "WITH" || keyword == "VALUES";
}

/// Whether |result| failed because a prepared plan no longer fits the tables (another connection
/// changed the schema): "cached plan must not change result type".
bool IsStalePlan(const PGresult* result) {
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  return state != nullptr && std::strcmp(state, "0A000") == 0;
}

/// Runs |sql| (one or more statements, no parameters).
Status RunScript(PGconn* connection, std::string_view description, std::string_view sql) {
  const PgResult result(PQexec(connection, std::string(sql).c_str()));
  return Check(result.get(), connection, description, fmt::format("'{}' failed", Quoted(sql)));
}

/// Ok inside a transaction. PostgreSQL only warns about COMMIT or ROLLBACK outside one; we
/// refuse, as SQLite does.
Status RequireTransaction(const PGconn* connection, std::string_view description,
                          std::string_view what) {
  const PGTransactionStatusType state = PQtransactionStatus(connection);
  if (state == PQTRANS_INTRANS || state == PQTRANS_INERROR) return Status::Ok();
  return Status::Internal(fmt::format("{}: cannot {}: no transaction is open", description, what));
}

}  // namespace

Result<std::unique_ptr<Database>> PostgresDatabase::Open(const std::string& url) {
  const ConnectionInfo info = ParseConnectionInfo(url);
  const std::string description =
      IsPostgresUrl(url) ? UrlWithoutPassword(url) : info.key_values_without_password;
  const auto redact = [&](std::string text) {
    return Redact(Redact(std::move(text), info.password), UrlPassword(url));
  };

  PGconn* connection = PQconnectdb(url.c_str());
  if (connection == nullptr) {
    return Status::IoError(
        fmt::format("{}: cannot connect to PostgreSQL: out of memory", redact(description)));
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    const std::string message =
        fmt::format("{}: cannot connect to PostgreSQL{}: {}", description,
                    ConnectionTarget(connection), OneLine(PQerrorMessage(connection)));
    PQfinish(connection);
    return Status::IoError(redact(message));
  }
  if (PQsetClientEncoding(connection, "UTF8") != 0) {
    const std::string message = fmt::format("{}: cannot use the UTF8 client encoding: {}",
                                            description, OneLine(PQerrorMessage(connection)));
    PQfinish(connection);
    return Status::IoError(redact(message));
  }
  std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(connection, description));
  // Text that means the same on every server: standard strings, doubles that round-trip, ISO
  // dates in UTC, and no NOTICE chatter on stderr ("relation already exists, skipping").
  const Status configured = database->ExecuteScript(
      "SET standard_conforming_strings = on; SET extra_float_digits = 3; "
      "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET client_min_messages = warning;");
  if (!configured.ok()) return configured;
  return std::unique_ptr<Database>(std::move(database));
}

PostgresDatabase::~PostgresDatabase() { PQfinish(connection_); }

std::string PostgresDatabase::NumberPlaceholders(std::string_view sql) {
  int count = 0;
  return Number(sql, count);
}

Status PostgresDatabase::ExecuteScript(std::string_view sql) {
  statements_stale_ = !statements_.empty();  // a script may change the schema
  return RunScript(connection_, description_, sql);
}

bool PostgresDatabase::ForgetStaleStatements() {
  if (!statements_stale_ && statements_.size() < kMaxStatements) return true;
  // DEALLOCATE is refused in a failed transaction; the statement will fail there anyway.
  if (PQtransactionStatus(connection_) == PQTRANS_INERROR) return false;
  if (statements_prepared_ > 0) {
    const PgResult deallocated(PQexec(connection_, "DEALLOCATE ALL"));
    if (PQresultStatus(deallocated.get()) != PGRES_COMMAND_OK) return false;
  }
  statements_.clear();
  statements_prepared_ = 0;
  statements_stale_ = false;
  return true;
}

PGresult* PostgresDatabase::Execute(std::string_view sql, const std::string& numbered,
                                    const std::vector<Oid>& types,
                                    const std::vector<const char*>& values) {
  const int count = static_cast<int>(values.size());
  const auto run_unprepared = [&] {
    return PQexecParams(connection_, numbered.c_str(), count, types.data(), values.data(), nullptr,
                        nullptr, 0);
  };
  if (!IsDataStatement(sql)) {
    statements_stale_ = !statements_.empty();
    return run_unprepared();
  }
  if (!ForgetStaleStatements()) return run_unprepared();
  // The same text with other parameter types is another statement: types are fixed at PREPARE.
  std::string key;
  for (Oid type : types) key += type == kInt8Oid ? 'i' : type == kFloat8Oid ? 'd' : 'u';
  key += '\n';
  key += numbered;
  Statement& statement = statements_[key];
  if (++statement.uses < kPrepareAtUse) return run_unprepared();
  if (statement.name.empty()) {
    std::string name = fmt::format("yardstick_{}", statements_prepared_ + 1);
    PGresult* prepared =
        PQprepare(connection_, name.c_str(), numbered.c_str(), count, types.data());
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) return prepared;  // the error to report
    PQclear(prepared);
    ++statements_prepared_;
    statement.name = std::move(name);
  }
  PGresult* result = PQexecPrepared(connection_, statement.name.c_str(), count, values.data(),
                                    nullptr, nullptr, 0);
  if (IsStalePlan(result) && PQtransactionStatus(connection_) == PQTRANS_IDLE) {
    // Another connection changed a table; outside a transaction, simply run it again.
    PQclear(result);
    statements_stale_ = true;
    return run_unprepared();
  }
  return result;
}

Result<Rows> PostgresDatabase::Query(std::string_view sql, const Params& params) {
  int count = 0;
  const std::string numbered = Number(sql, count);
  if (static_cast<size_t>(count) != params.size()) {
    return Status::Internal(
        fmt::format("statement expects {} parameters, got {}: {}", count, params.size(), sql));
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<Oid> types(params.size(), kUnknownOid);
  for (size_t i = 0; i < params.size(); ++i) {
    if (ContainsNul(params[i])) {
      return Status::InvalidArgument(fmt::format(
          "{}: parameter {} contains a NUL character, which PostgreSQL text cannot hold: {}",
          description_, i + 1, Quoted(sql)));
    }
    // Numbers carry their type, so `SELECT ?` and `? + 1` behave as in SQLite; text and NULL
    // take the type the statement gives them, as a quoted literal would (a date, an integer).
    if (std::holds_alternative<std::int64_t>(params[i])) types[i] = kInt8Oid;
    if (std::holds_alternative<double>(params[i])) types[i] = kFloat8Oid;
    if (ValueText(params[i], texts[i])) values[i] = texts[i].c_str();
  }
  const PgResult result(Execute(sql, numbered, types, values));
  if (Status status =
          Check(result.get(), connection_, description_, fmt::format("'{}' failed", Quoted(sql)));
      !status.ok()) {
    return status;
  }
  const int row_count = PQntuples(result.get());
  const int column_count = PQnfields(result.get());
  std::vector<Oid> column_types(column_count);
  for (int column = 0; column < column_count; ++column) {
    column_types[column] = PQftype(result.get(), column);
  }
  Rows rows;
  rows.reserve(row_count);
  for (int row = 0; row < row_count; ++row) {
    std::vector<Value> values_of_row;
    values_of_row.reserve(column_count);
    for (int column = 0; column < column_count; ++column) {
      values_of_row.push_back(ColumnValue(result.get(), row, column, column_types[column]));
    }
    rows.emplace_back(std::move(values_of_row));
  }
  return rows;
}

namespace {

/// One COPY … FROM STDIN (text format) into a table, fed batch after batch: the server reads
/// each megabyte as it is sent, while the caller makes the next batch.
class CopyInserter final : public RowInserter {
 public:
  CopyInserter(PGconn* connection, const std::string& description, std::string_view table,
               std::vector<std::string> columns)
      : connection_(connection),
        description_(description),
        what_(fmt::format("cannot insert into {}", table)),
        columns_(std::move(columns)) {
    chunk_.reserve(kCopyChunkBytes + kCopyChunkBytes / 4);
  }
  ~CopyInserter() override {
    if (open_) (void)Abandon(Status::Internal("the insert was not finished"));
  }

  /// Sends COPY; ok when the server waits for the rows.
  Status Start(std::string_view table) {
    std::string column_list;
    for (size_t i = 0; i < columns_.size(); ++i) {
      column_list += (i == 0 ? "" : ", ") + columns_[i];
    }
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, column_list);
    const PgResult started(PQexec(connection_, sql.c_str()));
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
      return Check(started.get(), connection_, description_, what_);
    }
    open_ = true;
    return Status::Ok();
  }

  Status Write(const std::vector<Params>& rows) override {
    if (!open_)
      return Status::Internal(fmt::format("{}: {}: the insert is over", description_, what_));
    for (const Params& values : rows) {
      ++row_;
      if (values.size() != columns_.size()) {
        return Abandon(Status::Internal(fmt::format("{}: row {} has {} values for {} columns",
                                                    what_, row_, values.size(), columns_.size())));
      }
      for (size_t column = 0; column < values.size(); ++column) {
        if (ContainsNul(values[column])) {
          return Abandon(Status::InvalidArgument(fmt::format(
              "{}: row {}, column {}: text contains a NUL character, which PostgreSQL cannot hold",
              what_, row_, columns_[column])));
        }
        if (column > 0) chunk_ += '\t';
        AppendCopyValue(values[column], chunk_);
      }
      chunk_ += '\n';
      if (chunk_.size() >= kCopyChunkBytes) {
        if (Status sent = Send(); !sent.ok()) return sent;
      }
    }
    return Status::Ok();
  }

  Status Finish() override {
    if (!open_)
      return Status::Internal(fmt::format("{}: {}: the insert is over", description_, what_));
    if (Status sent = Send(); !sent.ok()) return sent;
    open_ = false;
    if (PQputCopyEnd(connection_, nullptr) != 1) {
      Status status = Status::IoError(
          fmt::format("{}: {}: {}", description_, what_, OneLine(PQerrorMessage(connection_))));
      DrainResults(connection_);
      return status;
    }
    const PgResult finished(PQgetResult(connection_));
    Status status = Check(finished.get(), connection_, description_, what_);
    DrainResults(connection_);
    return status;
  }

 private:
  /// Hands the buffered rows to libpq.
  Status Send() {
    if (chunk_.empty()) return Status::Ok();
    if (PQputCopyData(connection_, chunk_.data(), static_cast<int>(chunk_.size())) != 1) {
      // The server may have refused a row already: say why, rather than libpq's "no COPY in
      // progress".
      const Status io_error = Status::IoError(
          fmt::format("{}: {}: {}", description_, what_, OneLine(PQerrorMessage(connection_))));
      open_ = false;
      const PgResult result(PQgetResult(connection_));
      Status status = result != nullptr && PQresultStatus(result.get()) == PGRES_FATAL_ERROR
                          ? Check(result.get(), connection_, description_, what_)
                          : io_error;
      DrainResults(connection_);
      return status;
    }
    chunk_.clear();
    return Status::Ok();
  }

  /// Stops the COPY with |status|'s message (the server rolls it back) and returns |status|.
  Status Abandon(Status status) {
    open_ = false;
    PQputCopyEnd(connection_, status.message().c_str());
    DrainResults(connection_);
    return status;
  }

  PGconn* connection_;
  const std::string& description_;
  std::string what_;
  std::vector<std::string> columns_;
  std::string chunk_;
  size_t row_ = 0;
  bool open_ = false;
};

}  // namespace

Result<std::unique_ptr<RowInserter>> PostgresDatabase::StartInsert(
    std::string_view table, std::vector<std::string> columns) {
  auto inserter =
      std::make_unique<CopyInserter>(connection_, description_, table, std::move(columns));
  if (Status started = inserter->Start(table); !started.ok()) return started;
  return std::unique_ptr<RowInserter>(std::move(inserter));
}

Status PostgresDatabase::InsertRows(std::string_view table, const std::vector<std::string>& columns,
                                    const std::vector<Params>& rows) {
  if (rows.empty()) return Status::Ok();
  Result<std::unique_ptr<RowInserter>> inserter = StartInsert(table, columns);
  if (!inserter.ok()) return inserter.status();
  if (Status written = (*inserter)->Write(rows); !written.ok()) return written;
  return (*inserter)->Finish();
}

Result<std::vector<SchemaObject>> PostgresDatabase::BulkLoadObstacles(std::string_view table) {
  std::vector<SchemaObject> obstacles;
  // Foreign keys first: dropped before the indexes, created again after them.
  Result<Rows> keys = Query(
      "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND "
      "conrelid = to_regclass(?) ORDER BY conname COLLATE \"C\"",
      {std::string(table)});
  if (!keys.ok()) return keys.status();
  for (const Row& row : *keys) {
    obstacles.push_back(
        {row.Text(0), fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", table, row.Text(0)),
         fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", table, row.Text(0), row.Text(1))});
  }
  // Indexes a constraint owns (primary keys, UNIQUE constraints) stay: they go with it.
  Result<Rows> indexes = Query(
      "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
      "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
      "to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))) "
      "ORDER BY i.indexname COLLATE \"C\"",
      {std::string(table)});
  if (!indexes.ok()) return indexes.status();
  for (const Row& row : *indexes) {
    obstacles.push_back({row.Text(0), "DROP INDEX " + row.Text(0), row.Text(1)});
  }
  return obstacles;
}

Status PostgresDatabase::Begin() {
  // PostgreSQL only warns about a nested BEGIN; refuse it, as SQLite does.
  if (PQtransactionStatus(connection_) != PQTRANS_IDLE) {
    return Status::Internal(
        fmt::format("{}: cannot begin a transaction: one is already open", description_));
  }
  return RunScript(connection_, description_, "BEGIN");
}

Status PostgresDatabase::BeginBulkLoad() {
  if (Status begun = Begin(); !begun.ok()) return begun;
  // The indexes and foreign keys a bulk load sets aside are built again before it commits: give
  // their sorts and joins the memory to do it without spilling to disk, for this transaction
  // only, and never less than the server's own settings.
  Status tuned = RunScript(
      connection_, description_,
      "SELECT set_config(name, value, true) FROM (VALUES ('maintenance_work_mem', '256MB'), "
      "('work_mem', '64MB')) AS wanted (name, value) "
      "WHERE pg_size_bytes(current_setting(name)) < pg_size_bytes(value)");
  if (!tuned.ok()) (void)Rollback();
  return tuned;
}

Status PostgresDatabase::Commit() {
  if (Status open = RequireTransaction(connection_, description_, "commit"); !open.ok())
    return open;
  const PgResult result(PQexec(connection_, "COMMIT"));
  if (Status status = Check(result.get(), connection_, description_, "cannot commit");
      !status.ok()) {
    return status;
  }
  // COMMIT of a transaction in which a statement failed succeeds but rolls back: say so.
  if (std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) {
    return Status::FailedPrecondition(
        fmt::format("{}: the transaction was rolled back, not committed: a statement in it failed",
                    description_));
  }
  return Status::Ok();
}

Status PostgresDatabase::Rollback() {
  if (Status open = RequireTransaction(connection_, description_, "roll back"); !open.ok())
    return open;
  return RunScript(connection_, description_, "ROLLBACK");
}

}  // namespace yardstick::store
