#include "store/database.h"

#include <charconv>

#include <fmt/format.h>

#include "store/postgres_database.h"
#include "store/sqlite_database.h"

namespace yardstick::store {

bool Row::IsNull(size_t column) const {
  return std::holds_alternative<std::nullptr_t>(values_.at(column));
}

std::string Row::Text(size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) return fmt::format("{}", *real);
  return "";
}

std::string Row::TakeText(size_t column) {
  if (auto* text = std::get_if<std::string>(&values_.at(column))) return std::move(*text);
  return Text(column);
}

std::int64_t Row::Int(size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return static_cast<std::int64_t>(*real);
  if (const auto* text = std::get_if<std::string>(&value)) {
    std::int64_t parsed = 0;
    std::from_chars(text->data(), text->data() + text->size(), parsed);
    return parsed;
  }
  return 0;
}

double Row::Real(size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value)) {
    double parsed = 0;
    std::from_chars(text->data(), text->data() + text->size(), parsed);
    return parsed;
  }
  return 0;
}

namespace {

/// Each batch one Database::InsertRows.
class BatchInserter final : public RowInserter {
 public:
  BatchInserter(Database& database, std::string table, std::vector<std::string> columns)
      : database_(database), table_(std::move(table)), columns_(std::move(columns)) {}
  Status Write(const std::vector<Params>& rows) override {
    return database_.InsertRows(table_, columns_, rows);
  }
  Status Finish() override { return Status::Ok(); }

 private:
  Database& database_;
  std::string table_;
  std::vector<std::string> columns_;
};

}  // namespace

Result<std::unique_ptr<RowInserter>> Database::StartInsert(std::string_view table,
                                                           std::vector<std::string> columns) {
  return std::unique_ptr<RowInserter>(
      std::make_unique<BatchInserter>(*this, std::string(table), std::move(columns)));
}

Status Database::QueryEach(std::string_view sql, const Params& params,
                           const std::function<Status(Row&)>& visit) {
  Result<Rows> rows = Query(sql, params);
  if (!rows.ok()) return rows.status();
  for (Row& row : *rows) {
    if (Status s = visit(row); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Database::Run(std::string_view sql, const Params& params) {
  Result<Rows> rows = Query(sql, params);
  return rows.ok() ? Status::Ok() : rows.status();
}

bool IsPostgresUrl(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url) {
  if (IsPostgresUrl(url)) return PostgresDatabase::Open(url);
  return SqliteDatabase::Open(url);
}

}  // namespace yardstick::store
