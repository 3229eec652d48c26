#include "store/dump.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/migrations.h"

namespace yardstick::store {
namespace {

/// Receives one row of a table being dumped.
using RowSink = std::function<Status(nlohmann::ordered_json&& row)>;

/// Rows handed to Database::InsertRows at a time while restoring: bounds the memory a restore
/// needs beyond the dump itself.
constexpr size_t kRestoreBatchRows = 10000;

constexpr DumpType kText = DumpType::kText;
constexpr DumpType kInteger = DumpType::kInteger;
constexpr DumpType kReal = DumpType::kReal;

// How non-finite reals are written: JSON has no numbers for them.
constexpr std::string_view kNaN = "NaN";
constexpr std::string_view kInfinity = "Infinity";
constexpr std::string_view kMinusInfinity = "-Infinity";

const char* TypeName(DumpType type) {
  switch (type) {
    case DumpType::kText:
      return "text";
    case DumpType::kInteger:
      return "an integer";
    case DumpType::kReal:
      return "a number";
  }
  return "?";
}

/// Whether |text| is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    int length = 0;
    char32_t code = 0;
    if (byte < 0x80) {
      ++at;
      continue;
    }
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (at + length > text.size()) return false;
    for (int i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(text[at + i]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    at += length;
  }
  return true;
}

/// Orders two primary-key values the same way on every engine: integers by value, text byte by
/// byte (as SQLite's BINARY and PostgreSQL's "C" collations do, whatever the database's locale).
int CompareKeys(const Value& left, const Value& right) {
  const auto* left_integer = std::get_if<std::int64_t>(&left);
  const auto* right_integer = std::get_if<std::int64_t>(&right);
  if (left_integer != nullptr && right_integer != nullptr) {
    return *left_integer < *right_integer ? -1 : *left_integer > *right_integer ? 1 : 0;
  }
  const auto* left_text = std::get_if<std::string>(&left);
  const auto* right_text = std::get_if<std::string>(&right);
  if (left_text != nullptr && right_text != nullptr) return left_text->compare(*right_text);
  return static_cast<int>(left.index()) - static_cast<int>(right.index());
}

/// The value a dump holds for |value|, read from a column of |type|. The engines hand back what
/// they store (SQLite: its storage class; PostgreSQL: by column type), so each value is brought
/// to the column's type here: that is what makes dumps of the two engines identical.
Result<nlohmann::ordered_json> DumpValue(const Value& value, DumpType type) {
  if (std::holds_alternative<std::nullptr_t>(value)) return nlohmann::ordered_json(nullptr);
  const Row row({value});
  switch (type) {
    case DumpType::kText: {
      std::string text = row.Text(0);
      if (!IsValidUtf8(text)) return Status::InvalidArgument("the text is not valid UTF-8");
      return nlohmann::ordered_json(std::move(text));
    }
    case DumpType::kInteger:
      if (const auto* real = std::get_if<double>(&value);
          real != nullptr && std::trunc(*real) != *real) {
        return Status::InvalidArgument(fmt::format("{} is not an integer", *real));
      }
      return nlohmann::ordered_json(row.Int(0));
    case DumpType::kReal: {
      const double real = row.Real(0);
      if (std::isnan(real)) return nlohmann::ordered_json(kNaN);
      if (std::isinf(real)) return nlohmann::ordered_json(real > 0 ? kInfinity : kMinusInfinity);
      return nlohmann::ordered_json(real);
    }
  }
  return Status::Internal("unknown column type");
}

/// The value to insert for |json|, a dump's value for a column of |type|; an error says what
/// was expected.
Result<Value> RestoredValue(const nlohmann::json& json, DumpType type) {
  if (json.is_null()) return Value(nullptr);
  switch (type) {
    case DumpType::kText:
      if (json.is_string()) return Value(json.get<std::string>());
      break;
    case DumpType::kInteger:
      if (json.is_number_integer() && !json.is_number_unsigned()) {
        return Value(json.get<std::int64_t>());
      }
      if (json.is_number_unsigned() &&
          json.get<std::uint64_t>() <=
              static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return Value(static_cast<std::int64_t>(json.get<std::uint64_t>()));
      }
      break;
    case DumpType::kReal:
      if (json.is_number()) return Value(json.get<double>());
      if (json.is_string()) {
        const std::string& text = json.get_ref<const std::string&>();
        if (text == kNaN) return Value(std::numeric_limits<double>::quiet_NaN());
        if (text == kInfinity) return Value(std::numeric_limits<double>::infinity());
        if (text == kMinusInfinity) return Value(-std::numeric_limits<double>::infinity());
      }
      break;
  }
  return Status::InvalidArgument(
      fmt::format("expected {} or null, found {}", TypeName(type), json.dump()));
}

std::string ColumnList(const DumpTable& table) {
  std::string list;
  for (const DumpColumn& column : table.columns) {
    list += (list.empty() ? "" : ", ") + column.name;
  }
  return list;
}

std::vector<std::string> ColumnNames(const DumpTable& table) {
  std::vector<std::string> names;
  names.reserve(table.columns.size());
  for (const DumpColumn& column : table.columns) names.push_back(column.name);
  return names;
}

/// The positions of the primary-key columns among |table|'s columns.
std::vector<size_t> KeyPositions(const DumpTable& table) {
  std::vector<size_t> positions;
  for (const std::string& key : table.primary_key) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].name == key) positions.push_back(i);
    }
  }
  return positions;
}

/// Hands each row of |table|, as a dump object, to |sink|, in primary-key order.
Status ForEachDumpRow(Database& database, const DumpTable& table, const RowSink& sink) {
  Result<Rows> rows = database.Query(fmt::format("SELECT {} FROM {} ORDER BY {}", ColumnList(table),
                                                 table.name, fmt::join(table.primary_key, ", ")),
                                     {});
  if (!rows.ok()) return rows.status();
  const std::vector<size_t> keys = KeyPositions(table);
  const auto before = [&](const Row& left, const Row& right) {
    for (size_t key : keys) {
      if (const int order = CompareKeys(left.at(key), right.at(key)); order != 0) return order < 0;
    }
    return false;
  };
  if (!std::is_sorted(rows->begin(), rows->end(), before)) {
    std::sort(rows->begin(), rows->end(), before);  // a locale-aware collation ordered the text
  }
  for (const Row& row : *rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t column = 0; column < table.columns.size(); ++column) {
      Result<nlohmann::ordered_json> value = DumpValue(row.at(column), table.columns[column].type);
      if (!value.ok()) {
        return Status::InvalidArgument(
            fmt::format("{}: cannot dump {}.{} of the row with {} = {}: {}", database.description(),
                        table.name, table.columns[column].name, table.primary_key.front(),
                        row.Text(keys.front()), value.status().message()));
      }
      object.emplace(table.columns[column].name, std::move(*value));
    }
    if (Status taken = sink(std::move(object)); !taken.ok()) return taken;
  }
  return Status::Ok();
}

/// The schema version recorded in |database|, or an error if it holds no Yardstick schema.
Result<int> SchemaVersionOf(Database& database) {
  Result<Rows> rows = database.Query("SELECT MAX(version) FROM schema_migrations", {});
  if (!rows.ok()) {
    return Status::FailedPrecondition(
        fmt::format("{}: holds no Yardstick schema (open it with Yardstick first): {}",
                    database.description(), rows.status().message()));
  }
  if (rows->empty() || rows->front().IsNull(0)) {
    return Status::FailedPrecondition(fmt::format(
        "{}: holds no Yardstick schema (no migration recorded)", database.description()));
  }
  return static_cast<int>(rows->front().Int(0));
}

/// The dump's header: the values of its "format", "format_version" and "schema_version" keys,
/// nullptr where missing.
struct DumpHeader {
  const nlohmann::json* format = nullptr;
  const nlohmann::json* format_version = nullptr;
  const nlohmann::json* schema_version = nullptr;
};

/// An integer of the dump's header, or an error naming it.
Result<std::int64_t> HeaderInteger(const nlohmann::json* value, const char* key) {
  if (value == nullptr || !value->is_number_integer()) {
    return Status::InvalidArgument(
        fmt::format("not a Yardstick dump: '{}' is missing or not an integer", key));
  }
  return value->get<std::int64_t>();
}

/// Checks the dump's header against this build and |database|.
Status CheckHeader(Database& database, const DumpHeader& header) {
  if (header.format == nullptr || !header.format->is_string() ||
      header.format->get<std::string>() != kDumpFormat) {
    return Status::InvalidArgument(
        fmt::format("not a Yardstick dump: 'format' is {}, expected \"{}\"",
                    header.format == nullptr ? "missing" : header.format->dump(), kDumpFormat));
  }
  Result<std::int64_t> format_version = HeaderInteger(header.format_version, "format_version");
  if (!format_version.ok()) return format_version.status();
  if (*format_version != kDumpFormatVersion) {
    return Status::FailedPrecondition(fmt::format(
        "the dump has format version {}, this build reads version {}{}", *format_version,
        kDumpFormatVersion, *format_version > kDumpFormatVersion ? ": upgrade Yardstick" : ""));
  }
  Result<std::int64_t> schema_version = HeaderInteger(header.schema_version, "schema_version");
  if (!schema_version.ok()) return schema_version.status();
  if (*schema_version > LatestSchemaVersion()) {
    return Status::FailedPrecondition(fmt::format(
        "the dump has schema version {}, written by a newer Yardstick; this build knows versions "
        "up to {}. Upgrade Yardstick to restore it.",
        *schema_version, LatestSchemaVersion()));
  }
  Result<int> database_version = SchemaVersionOf(database);
  if (!database_version.ok()) return database_version.status();
  if (*schema_version != *database_version) {
    return Status::FailedPrecondition(fmt::format(
        "the dump has schema version {} but {} has schema version {}; restore needs the same "
        "version",
        *schema_version, database.description(), *database_version));
  }
  return Status::Ok();
}

/// The position of table |name| in DumpedTables(), or an error for a table the schema lacks.
Result<size_t> TableIndex(const std::string& name) {
  const std::vector<DumpTable>& tables = DumpedTables();
  for (size_t index = 0; index < tables.size(); ++index) {
    if (tables[index].name == name) return index;
  }
  return Status::InvalidArgument(fmt::format(
      "the dump has a table '{}' that schema version {} does not", name, LatestSchemaVersion()));
}

/// Ok if no table of the dump holds a row in |database|.
Status CheckEmpty(Database& database) {
  for (const DumpTable& table : DumpedTables()) {
    Result<Rows> rows = database.Query(fmt::format("SELECT 1 FROM {} LIMIT 1", table.name), {});
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) {
      return Status::AlreadyExists(fmt::format(
          "the database already holds data (table {} has rows); restore into a new, empty "
          "database",
          table.name));
    }
  }
  return Status::Ok();
}

/// The insert parameters for row |index| of |table|, or an error locating what is wrong.
Result<Params> RowParams(const DumpTable& table, const nlohmann::json& row, size_t index) {
  const auto where = [&] { return fmt::format("tables.{}[{}]", table.name, index); };
  if (!row.is_object()) return Status::InvalidArgument(fmt::format("{}: not an object", where()));
  Params params;
  params.reserve(table.columns.size());
  for (const DumpColumn& column : table.columns) {
    const auto found = row.find(column.name);
    if (found == row.end()) {
      return Status::InvalidArgument(
          fmt::format("{}: no value for column {}", where(), column.name));
    }
    Result<Value> value = RestoredValue(*found, column.type);
    if (!value.ok()) {
      return Status::InvalidArgument(
          fmt::format("{}.{}: {}", where(), column.name, value.status().message()));
    }
    params.push_back(std::move(*value));
  }
  if (row.size() != table.columns.size()) {
    for (const auto& item : row.items()) {
      const std::string& key = item.key();  // not a structured binding: lambdas capture it
      const auto& columns = table.columns;
      if (std::none_of(columns.begin(), columns.end(),
                       [&](const DumpColumn& column) { return column.name == key; })) {
        return Status::InvalidArgument(
            fmt::format("{}: table {} has no column {}", where(), table.name, key));
      }
    }
  }
  return params;
}

Status CheckReferences(Database& database);

/// Writes a dump into a database as it is read — header, then table by table, row by row — in
/// one transaction, which the destructor rolls back unless Finish() committed it. Rows go to the
/// engine in batches, so memory does not grow with the dump.
class Restorer {
 public:
  explicit Restorer(Database& database) : database_(database) {}
  ~Restorer() {
    if (in_transaction_) (void)database_.Rollback();
  }
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  /// Checks the header, opens the transaction and checks that the database is empty.
  Status Start(const DumpHeader& header) {
    if (Status checked = CheckHeader(database_, header); !checked.ok()) return checked;
    if (Status begun = database_.Begin(); !begun.ok()) return begun;
    in_transaction_ = true;
    return CheckEmpty(database_);
  }

  /// Starts the rows of table |name|, which must be the next table in DumpedTables() order.
  Status BeginTable(const std::string& name) {
    Result<size_t> index = TableIndex(name);
    if (!index.ok()) return index.status();
    if (*index < next_table_) {
      return Status::InvalidArgument(fmt::format(
          "the dump has table '{}' twice or out of order (tables come in the order `yardstick "
          "db dump` writes them)",
          name));
    }
    if (*index > next_table_) {
      return Status::InvalidArgument(
          fmt::format("the dump has no table '{}'", DumpedTables()[next_table_].name));
    }
    table_ = &DumpedTables()[next_table_++];
    columns_ = ColumnNames(*table_);
    rows_ = 0;
    batch_.clear();
    return Status::Ok();
  }

  Status AddRow(const nlohmann::json& row) {
    Result<Params> params = RowParams(*table_, row, rows_++);
    if (!params.ok()) return params.status();
    if (table_->name == "cycles") HoldOpenUntilFinished(*params);
    batch_.push_back(std::move(*params));
    return batch_.size() == kRestoreBatchRows ? Flush() : Status::Ok();
  }

  Status EndTable() {
    if (Status flushed = Flush(); !flushed.ok()) return flushed;
    if (table_->identity && database_.dialect() == Dialect::kPostgres) {
      // Rows came with their ids: move the identity past them, so that the next insert does not
      // collide (SQLite numbers from the largest id by itself).
      return database_.Run(
          fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE(MAX(id), 1), "
                      "MAX(id) IS NOT NULL) FROM {0}",
                      table_->name));
    }
    return Status::Ok();
  }

  /// Checks that every table came and every reference resolves, and commits.
  Status Finish() {
    if (next_table_ < DumpedTables().size()) {
      return Status::InvalidArgument(
          fmt::format("the dump has no table '{}'", DumpedTables()[next_table_].name));
    }
    for (const std::string& cycle : closed_cycles_) {
      Status closed = database_.Run("UPDATE cycles SET state = 'closed' WHERE id = ?", {cycle});
      if (!closed.ok()) return closed;
    }
    if (Status references = CheckReferences(database_); !references.ok()) return references;
    if (Status committed = database_.Commit(); !committed.ok()) return committed;
    in_transaction_ = false;
    return Status::Ok();
  }

 private:
  /// The schema refuses rows for a closed cycle, so a closed cycle is restored as decided and
  /// closed once everything recorded for it is in (Finish).
  void HoldOpenUntilFinished(Params& cycle) {
    for (size_t i = 0; i < table_->columns.size(); ++i) {
      if (table_->columns[i].name != "state") continue;
      if (const auto* state = std::get_if<std::string>(&cycle[i]); state && *state == "closed") {
        closed_cycles_.push_back(std::get<std::string>(cycle[0]));
        cycle[i] = std::string("decided");
      }
    }
  }

  Status Flush() {
    if (batch_.empty()) return Status::Ok();
    Status inserted = database_.InsertRows(table_->name, columns_, batch_);
    const size_t first = rows_ - batch_.size();
    batch_.clear();
    if (inserted.ok()) return inserted;
    const std::string message =
        fmt::format("tables.{}[{}..{}]: {}", table_->name, first, rows_ - 1, inserted.message());
    if (inserted.code() == Status::Code::kFailedPrecondition) {
      return Status::FailedPrecondition(message);
    }
    return Status::IoError(message);
  }

  Database& database_;
  bool in_transaction_ = false;
  size_t next_table_ = 0;  ///< the index in DumpedTables() of the table expected next
  const DumpTable* table_ = nullptr;
  std::vector<std::string> columns_;
  size_t rows_ = 0;  ///< rows of table_ so far
  std::vector<Params> batch_;
  std::vector<std::string> closed_cycles_;  ///< ids, in dump order
};

/// Restores from a dump read by nlohmann's SAX parser, event by event: never more than a row and
/// a batch in memory. Events inside containers the format does not expect are skipped, and the
/// container stands in as an empty value, so that the error names where it was.
class SaxRestorer final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit SaxRestorer(Restorer& restorer) : restorer_(restorer) {}

  /// Why parsing stopped; ok if it did not.
  [[nodiscard]] const Status& status() const { return status_; }
  /// Whether the dump had a 'tables' object, and so was restored up to the end.
  [[nodiscard]] bool started() const { return started_; }

  bool null() override { return Scalar(nullptr); }
  bool boolean(bool value) override { return Scalar(value); }
  bool number_integer(number_integer_t value) override { return Scalar(value); }
  bool number_unsigned(number_unsigned_t value) override { return Scalar(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return Scalar(value);
  }
  bool string(string_t& value) override { return Scalar(std::move(value)); }
  bool binary(binary_t& value) override { return Scalar(nlohmann::json::binary(value)); }

  bool key(string_t& name) override {
    if (skipping_ > 0) return true;
    key_ = std::move(name);
    return depth_ != 2 || Check(restorer_.BeginTable(key_));
  }

  bool start_object(std::size_t /*size*/) override {
    if (skipping_ > 0) return ++skipping_ > 0;
    switch (depth_) {
      case 0:
        return ++depth_ > 0;
      case 1:
        if (key_ == "tables") {
          started_ = true;
          return Check(restorer_.Start(Header())) && ++depth_ > 0;
        }
        return Skip(nlohmann::json::object());
      case 2:
        return Fail(
            Status::InvalidArgument(fmt::format("tables.{} is not an array of rows", key_)));
      case 3:
        row_ = nlohmann::json::object();
        return ++depth_ > 0;
      default:
        return Skip(nlohmann::json::object());
    }
  }

  bool end_object() override {
    if (skipping_ > 0) return --skipping_ >= 0;
    if (depth_ == 4) {
      --depth_;
      return Check(restorer_.AddRow(row_));
    }
    --depth_;
    if (depth_ == 0 && !started_) {
      // No tables: report what is wrong with the header first, if anything.
      Status header = restorer_.Start(Header());
      return Fail(header.ok() ? Status::InvalidArgument(
                                    "not a Yardstick dump: 'tables' is missing or not an object")
                              : header);
    }
    return true;
  }

  bool start_array(std::size_t /*size*/) override {
    if (skipping_ > 0) return ++skipping_ > 0;
    switch (depth_) {
      case 0:
        return Fail(Status::InvalidArgument("not a Yardstick dump: not a JSON object"));
      case 2:
        return ++depth_ > 0;
      default:
        return Skip(nlohmann::json::array());
    }
  }

  bool end_array() override {
    if (skipping_ > 0) return --skipping_ >= 0;
    --depth_;  // from 3: the end of a table's rows
    return Check(restorer_.EndTable());
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    return Fail(Status::InvalidArgument(fmt::format("not valid JSON: {}", error.what())));
  }

 private:
  /// A value outside any container we descend into.
  bool Scalar(nlohmann::json value) {
    if (skipping_ > 0) return true;
    switch (depth_) {
      case 0:
        return Fail(Status::InvalidArgument("not a Yardstick dump: not a JSON object"));
      case 1:
        if (key_ == "tables") {
          return Fail(Status::InvalidArgument(
              "not a Yardstick dump: 'tables' is missing or not an object"));
        }
        header_[key_] = std::move(value);
        return true;
      case 2:
        return Fail(
            Status::InvalidArgument(fmt::format("tables.{} is not an array of rows", key_)));
      case 3:
        return Check(restorer_.AddRow(value));
      default:
        row_[key_] = std::move(value);
        return true;
    }
  }

  /// Skips a container the format does not expect, recording it as an empty |stand_in|.
  bool Skip(nlohmann::json stand_in) {
    const bool recorded = Scalar(std::move(stand_in));
    skipping_ = 1;
    return recorded;
  }

  DumpHeader Header() const {
    const auto member = [&](const char* key) -> const nlohmann::json* {
      const auto found = header_.find(key);
      return found == header_.end() ? nullptr : &*found;
    };
    return {member("format"), member("format_version"), member("schema_version")};
  }

  bool Check(Status status) { return status.ok() || Fail(std::move(status)); }
  bool Fail(Status status) {
    status_ = std::move(status);
    return false;
  }

  Restorer& restorer_;
  Status status_;
  int depth_ = 0;  ///< 1: the dump; 2: its tables; 3: a table's rows; 4: a row
  int skipping_ = 0;
  bool started_ = false;
  std::string key_;
  nlohmann::json header_ = nlohmann::json::object();
  nlohmann::json row_;
};

/// |status| of a failed restore into |database|, saying that nothing was restored.
Status NothingRestored(Database& database, const Status& status) {
  const std::string message =
      fmt::format("{}: nothing was restored: {}", database.description(), status.message());
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(message);
    case Status::Code::kFailedPrecondition:
      return Status::FailedPrecondition(message);
    case Status::Code::kAlreadyExists:
      return Status::AlreadyExists(message);
    default:
      return Status::IoError(message);
  }
}

Status RestoreJson(Database& database, const nlohmann::json& dump) {
  if (!dump.is_object()) return Status::InvalidArgument("not a Yardstick dump: not a JSON object");
  const auto member = [&](const char* key) -> const nlohmann::json* {
    const auto found = dump.find(key);
    return found == dump.end() ? nullptr : &*found;
  };
  Restorer restorer(database);
  Status started =
      restorer.Start({member("format"), member("format_version"), member("schema_version")});
  if (!started.ok()) return started;
  const nlohmann::json* tables = member("tables");
  if (tables == nullptr || !tables->is_object()) {
    return Status::InvalidArgument("not a Yardstick dump: 'tables' is missing or not an object");
  }
  for (const auto& [name, rows] : tables->items()) {
    if (Result<size_t> known = TableIndex(name); !known.ok()) return known.status();
  }
  for (const DumpTable& table : DumpedTables()) {
    const auto rows = tables->find(table.name);
    if (rows == tables->end()) {
      return Status::InvalidArgument(fmt::format("the dump has no table '{}'", table.name));
    }
    if (!rows->is_array()) {
      return Status::InvalidArgument(fmt::format("tables.{} is not an array of rows", table.name));
    }
    if (Status begun = restorer.BeginTable(table.name); !begun.ok()) return begun;
    for (const nlohmann::json& row : *rows) {
      if (Status added = restorer.AddRow(row); !added.ok()) return added;
    }
    if (Status ended = restorer.EndTable(); !ended.ok()) return ended;
  }
  return restorer.Finish();
}

/// Ok if every reference resolves. The schema defers some foreign keys to COMMIT, where an engine
/// reports little about which row failed; this checks them before, naming the first broken one.
Status CheckReferences(Database& database) {
  if (database.dialect() == Dialect::kPostgres) {
    return database.ExecuteScript("SET CONSTRAINTS ALL IMMEDIATE");
  }
  // Columns: table, rowid, parent, fkid.
  Result<Rows> broken = database.Query("SELECT * FROM pragma_foreign_key_check", {});
  if (!broken.ok()) return broken.status();
  if (broken->empty()) return Status::Ok();
  const Row& first = broken->front();
  const std::string table = first.Text(0);
  Result<Rows> key = database.Query("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?",
                                    {table, first.Int(3)});
  if (!key.ok()) return key.status();
  const std::string column = key->empty() ? "?" : key->front().Text(0);
  Result<Rows> value = database.Query(
      fmt::format("SELECT {} FROM {} WHERE rowid = ?", column, table), {first.Int(1)});
  if (!value.ok()) return value.status();
  return Status::FailedPrecondition(
      fmt::format("{}.{} = '{}' refers to a row of {} that does not exist ({} broken reference{})",
                  table, column, value->empty() ? "?" : value->front().Text(0), first.Text(2),
                  broken->size(), broken->size() == 1 ? "" : "s"));
}

/// The text of a dump, piece by piece: FormatDump and WriteDump give the same bytes. The header
/// is on the first line, then each table, one row per line.
class DumpText {
 public:
  std::string Header(const nlohmann::ordered_json& header) {
    std::string text = "{";
    for (const auto& [key, value] : header.items()) {
      text += nlohmann::ordered_json(key).dump() + ":" + value.dump() + ",";
    }
    return text + "\"tables\":{";
  }
  std::string TableStart(const std::string& name) {
    std::string text = (tables_++ == 0 ? "\n" : CloseTable() + ",\n");
    rows_ = 0;
    return text + nlohmann::ordered_json(name).dump() + ":[";
  }
  std::string Row(const nlohmann::ordered_json& row) {
    return (rows_++ == 0 ? "\n" : ",\n") + row.dump();
  }
  std::string End() { return (tables_ == 0 ? "\n" : CloseTable() + "\n") + "}}\n"; }

 private:
  [[nodiscard]] std::string CloseTable() const { return rows_ == 0 ? "]" : "\n]"; }

  size_t tables_ = 0;
  size_t rows_ = 0;  ///< in the table being written
};

/// Reads |database| as of one moment, in dump order: the header, then for each table its start
/// and its rows.
Status ReadDump(Database& database,
                const std::function<Status(nlohmann::ordered_json header)>& on_header,
                const std::function<Status(const DumpTable&)>& on_table, const RowSink& on_row) {
  Result<int> version = SchemaVersionOf(database);
  if (!version.ok()) return version.status();
  if (*version != LatestSchemaVersion()) {
    return Status::FailedPrecondition(
        fmt::format("{}: has schema version {}, this build dumps version {}; open it with this "
                    "build first to migrate it",
                    database.description(), *version, LatestSchemaVersion()));
  }
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  header["format"] = kDumpFormat;
  header["format_version"] = kDumpFormatVersion;
  header["schema_version"] = *version;
  if (Status s = on_header(std::move(header)); !s.ok()) return s;
  // One read transaction, so that every table is read as of the same moment. SQLite: a deferred
  // transaction reads one WAL snapshot without holding up writers (Database::Begin would take
  // the write lock). PostgreSQL gives each statement its own snapshot unless asked not to.
  Status begun = database.dialect() == Dialect::kSqlite ? database.ExecuteScript("BEGIN DEFERRED")
                                                        : database.Begin();
  if (begun.ok() && database.dialect() == Dialect::kPostgres) {
    begun = database.Run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    if (!begun.ok()) (void)database.Rollback();
  }
  if (!begun.ok()) return begun;
  Status read = Status::Ok();
  for (const DumpTable& table : DumpedTables()) {
    read = on_table(table);
    if (read.ok()) read = ForEachDumpRow(database, table, on_row);
    if (!read.ok()) break;
  }
  if (read.ok()) read = database.Commit();
  if (!read.ok()) (void)database.Rollback();
  return read;
}

}  // namespace

const std::vector<DumpTable>& DumpedTables() {
  static const std::vector<DumpTable> tables = {
      {"frameworks",
       {{"hash", kText},
        {"framework_id", kText},
        {"name", kText},
        {"yaml", kText},
        {"loaded_at", kText},
        {"loaded_by", kText}},
       {"hash"}},
      {"framework_heads", {{"framework_id", kText}, {"hash", kText}}, {"framework_id"}},
      {"comparison_groups", {{"id", kText}, {"name", kText}, {"framework_id", kText}}, {"id"}},
      {"people",
       {{"id", kText},
        {"name", kText},
        {"email", kText},
        {"group_id", kText},
        {"track", kText},
        {"grade", kText},
        {"position_id", kText},
        {"manager_id", kText},
        {"hire_date", kText},
        {"hired_at_grade", kText},
        {"status", kText},
        {"left_date", kText},
        {"version", kInteger}},
       {"id"}},
      {"accounts",
       {{"person_id", kText},
        {"password_hash", kText},
        {"created_at", kText},
        {"created_by", kText},
        {"password_changed_at", kText},
        {"disabled", kInteger}},
       {"person_id"}},
      {"position_assignments",
       {{"id", kInteger},
        {"person_id", kText},
        {"position_id", kText},
        {"start_date", kText},
        {"end_date", kText}},
       {"id"},
       true},
      {"level_history",
       {{"id", kInteger},
        {"person_id", kText},
        {"from_grade", kText},
        {"to_grade", kText},
        {"effective_date", kText},
        {"reason", kText},
        {"decision_id", kText},
        {"approver", kText},
        {"recorded_at", kText}},
       {"id"},
       true},
      {"cycles",
       {{"id", kText},
        {"name", kText},
        {"framework_hash", kText},
        {"period_start", kText},
        {"period_end", kText},
        {"state", kText},
        {"created_at", kText}},
       {"id"}},
      {"ratings",
       {{"id", kInteger},
        {"cycle_id", kText},
        {"person_id", kText},
        {"rater_id", kText},
        {"grade", kText},
        {"evidence", kText},
        {"criteria", kText},
        {"benchmark", kInteger},
        {"rated_at", kText},
        {"version", kInteger}},
       {"id"},
       true},
      {"benchmark_assignments",
       {{"cycle_id", kText},
        {"person_id", kText},
        {"rater_id", kText},
        {"assigned_by", kText},
        {"assigned_at", kText}},
       {"cycle_id", "person_id", "rater_id"}},
      {"roles",
       {{"person_id", kText},
        {"role", kText},
        {"group_id", kText},
        {"granted_by", kText},
        {"granted_at", kText}},
       {"person_id", "role", "group_id"}},
      {"feedback",
       {{"cycle_id", kText},
        {"person_id", kText},
        {"giver_id", kText},
        {"kind", kText},
        {"source", kText},
        {"requested_by", kText},
        {"requested_at", kText},
        {"given_at", kText},
        {"text", kText},
        {"grade", kText},
        {"scores", kText},
        {"version", kInteger}},
       {"cycle_id", "person_id", "giver_id"}},
      {"rubric_sheets",
       {{"cycle_id", kText},
        {"person_id", kText},
        {"rater_id", kText},
        {"evidence", kText},
        {"scores", kText},
        {"outcomes", kText},
        {"scored_at", kText},
        {"version", kInteger}},
       {"cycle_id", "person_id", "rater_id"}},
      {"stack_ranks",
       {{"cycle_id", kText}, {"rater_id", kText}, {"person_id", kText}, {"rank", kInteger}},
       {"cycle_id", "rater_id", "person_id"}},
      {"calibrated_results",
       {{"cycle_id", kText}, {"person_id", kText}, {"performed", kReal}, {"se", kReal}},
       {"cycle_id", "person_id"}},
      {"rater_leniencies",
       {{"cycle_id", kText}, {"rater_id", kText}, {"leniency", kReal}, {"se", kReal}},
       {"cycle_id", "rater_id"}},
      {"decisions",
       {{"cycle_id", kText},
        {"person_id", kText},
        {"proposal", kText},
        {"from_grade", kText},
        {"to_grade", kText},
        {"performed", kReal},
        {"se", kReal},
        {"streak", kInteger},
        {"executive_level", kText},
        {"position_change", kText},
        {"flags", kText},
        {"reason", kText},
        {"bonus", kReal},
        {"status", kText},
        {"review_note", kText},
        {"justification", kText},
        {"approver", kText},
        {"decided_at", kText},
        {"version", kInteger}},
       {"cycle_id", "person_id"}},
      {"audit_log",
       {{"id", kInteger},
        {"at", kText},
        {"actor", kText},
        {"action", kText},
        {"entity", kText},
        {"entity_id", kText},
        {"before_json", kText},
        {"after_json", kText}},
       {"id"},
       true},
  };
  return tables;
}

const std::vector<UndumpedTable>& UndumpedTables() {
  static const std::vector<UndumpedTable> tables = {
      {"sessions", "signed-in browsers: secrets (by hash) that a restore should not bring back"},
      {"api_tokens", "tokens for scripts: secrets (by hash) that a restore should not bring back"},
      {"login_attempts", "throttling's recent history: ephemeral, and holds addresses"},
  };
  return tables;
}

Result<nlohmann::ordered_json> DumpDatabase(Database& database) {
  nlohmann::ordered_json dump;
  nlohmann::ordered_json* rows = nullptr;
  Status read = ReadDump(
      database,
      [&](nlohmann::ordered_json header) {
        dump = std::move(header);
        dump["tables"] = nlohmann::ordered_json::object();
        return Status::Ok();
      },
      [&](const DumpTable& table) {
        rows = &(dump["tables"][table.name] = nlohmann::ordered_json::array());
        return Status::Ok();
      },
      [&](nlohmann::ordered_json&& row) {
        rows->push_back(std::move(row));
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return dump;
}

std::string FormatDump(const nlohmann::ordered_json& dump) {
  const auto tables = dump.find("tables");
  if (!dump.is_object() || tables == dump.end() || !tables->is_object()) return dump.dump() + "\n";
  nlohmann::ordered_json header = dump;
  header.erase("tables");
  DumpText text;
  std::string out = text.Header(header);
  for (const auto& [name, rows] : tables->items()) {
    out += text.TableStart(name);
    if (rows.is_array()) {
      for (const auto& row : rows) out += text.Row(row);
    } else {
      out += rows.dump();
    }
  }
  return out + text.End();
}

Status WriteDump(Database& database, std::ostream& out) {
  DumpText text;
  const auto written = [&](const std::string& piece) {
    out << piece;
    return out ? Status::Ok() : Status::IoError("cannot write the dump");
  };
  Status read = ReadDump(
      database, [&](const nlohmann::ordered_json& header) { return written(text.Header(header)); },
      [&](const DumpTable& table) { return written(text.TableStart(table.name)); },
      [&](nlohmann::ordered_json&& row) { return written(text.Row(row)); });
  if (!read.ok()) return read;
  return written(text.End());
}

Result<std::string> DumpDatabaseText(Database& database) {
  Result<nlohmann::ordered_json> dump = DumpDatabase(database);
  if (!dump.ok()) return dump.status();
  return FormatDump(*dump);
}

Status RestoreDatabase(Database& database, const nlohmann::json& dump) {
  const Status restored = RestoreJson(database, dump);
  return restored.ok() ? restored : NothingRestored(database, restored);
}

Status RestoreDump(Database& database, std::istream& in) {
  Restorer restorer(database);
  SaxRestorer sax(restorer);
  const bool parsed = nlohmann::json::sax_parse(in, &sax);
  Status restored = sax.status();
  if (restored.ok() && !parsed) restored = Status::InvalidArgument("not valid JSON");
  if (restored.ok() && !sax.started()) {
    restored = Status::InvalidArgument("not a Yardstick dump: 'tables' is missing");
  }
  if (restored.ok()) restored = restorer.Finish();  // only now: the input has ended cleanly
  return restored.ok() ? restored : NothingRestored(database, restored);
}

}  // namespace yardstick::store
