#include "store/store.h"

#include <sodium.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/fault_injection.h"
#include "base/sha256.h"
#include "base/text.h"
#include "store/insert_for_each.h"
#include "store/migrations.h"

namespace yardstick::store {
namespace {

using model::Person;

constexpr const char* kPersonColumns =
    "id, name, email, group_id, track, grade, position_id, manager_id, hire_date, hired_at_grade, "
    "status, left_date";

const std::vector<std::string> kPersonColumnList = {
    "id",          "name",       "email",     "group_id",       "track",  "grade",
    "position_id", "manager_id", "hire_date", "hired_at_grade", "status", "left_date"};

const std::vector<std::string> kHistoryColumns = {"person_id",      "from_grade", "to_grade",
                                                  "effective_date", "reason",     "decision_id",
                                                  "approver",       "recorded_at"};

const std::vector<std::string> kAssignmentColumns = {"person_id", "position_id", "start_date",
                                                     "end_date"};

const std::vector<std::string> kAuditColumns = {"at",        "actor",       "action",    "entity",
                                                "entity_id", "before_json", "after_json"};

Value OrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

Params PersonParams(const Person& person) {
  return {person.id,
          person.name,
          person.email,
          person.group,
          person.track,
          person.grade,
          OrNull(person.position),
          OrNull(person.manager_id),
          person.hire_date.ToString(),
          person.hired_at_grade,
          std::string(model::ToString(person.status)),
          person.left_date ? Value(person.left_date->ToString()) : Value(nullptr)};
}

/// The person of a row of kPersonColumns, moved out of it.
Person PersonFromRow(Row& row) {
  Person person;
  person.id = row.TakeText(0);
  person.name = row.TakeText(1);
  person.email = row.TakeText(2);
  person.group = row.TakeText(3);
  person.track = row.TakeText(4);
  person.grade = row.TakeText(5);
  person.position = row.TakeText(6);
  person.manager_id = row.TakeText(7);
  person.hire_date = model::Date::Parse(row.TakeText(8)).value_or(model::Date{});
  person.hired_at_grade = row.TakeText(9);
  person.status = model::ParsePersonStatus(row.TakeText(10)).value_or(model::PersonStatus::kActive);
  if (!row.IsNull(11)) person.left_date = model::Date::Parse(row.TakeText(11));
  return person;
}

/// Appends |text| to |json| as a JSON string, exactly as nlohmann::json's dump() writes it.
void AppendJsonString(std::string_view text, std::string& json) {
  // Printable ASCII other than '"' and '\\' is written as it is; anything else (escapes, UTF-8
  // and its checks) is left to nlohmann::json, so the bytes cannot differ.
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (!plain) {
    json += nlohmann::json(std::string(text)).dump();
    return;
  }
  json += '"';
  json += text;
  json += '"';
}

/// The person as the audit log records them: every field, in a stable order. The same bytes as
/// an nlohmann::ordered_json of these fields would dump, written directly: an import writes one
/// per person, and building a JSON object for each cost more than inserting the row.
std::string PersonJson(const Person& person) {
  std::string json;
  json.reserve(256);
  const auto field = [&](std::string_view key, std::string_view value) {
    json += json.empty() ? "{\"" : ",\"";
    json += key;
    json += "\":";
    AppendJsonString(value, json);
  };
  field("id", person.id);
  field("name", person.name);
  field("email", person.email);
  field("group", person.group);
  field("track", person.track);
  field("grade", person.grade);
  field("position", person.position);
  field("manager_id", person.manager_id);
  field("hire_date", person.hire_date.ToString());
  field("hired_at_grade", person.hired_at_grade);
  field("status", model::ToString(person.status));
  field("left_date", person.left_date ? person.left_date->ToString() : "");
  json += '}';
  return json;
}

std::string GroupJson(const model::ComparisonGroup& group) {
  nlohmann::ordered_json json;
  json["id"] = group.id;
  json["name"] = group.name;
  json["framework_id"] = group.framework_id;
  return json.dump();
}

StoredFramework FrameworkFromRow(const Row& row) {
  return {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5)};
}

model::LevelChange LevelChangeFromRow(Row& row) {
  model::LevelChange change;
  change.id = row.Int(0);
  change.person_id = row.TakeText(1);
  change.from_grade = row.TakeText(2);
  change.to_grade = row.TakeText(3);
  change.effective = model::Date::Parse(row.TakeText(4)).value_or(model::Date{});
  change.reason = row.TakeText(5);
  change.decision_id = row.TakeText(6);
  change.approver = row.TakeText(7);
  return change;
}

/// Rows for one table, written in chunks of kRowsPerWrite so that a large change never holds
/// every row's parameters in memory at once. Used inside the caller's transaction.
class RowWriter {
 public:
  RowWriter(Database& database, std::string table, std::vector<std::string> columns)
      : database_(database), table_(std::move(table)), columns_(std::move(columns)) {}

  /// Buffers |row|; writes the buffer when it is full.
  Status Add(Params row) {
    rows_.push_back(std::move(row));
    return rows_.size() >= kRowsPerWrite ? Flush() : Status::Ok();
  }

  /// Writes whatever is buffered.
  Status Flush() {
    if (rows_.empty()) return Status::Ok();
    Status written = database_.InsertRows(table_, columns_, rows_);
    rows_.clear();
    return written;
  }

 private:
  static constexpr size_t kRowsPerWrite = 4096;

  Database& database_;
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<Params> rows_;
};

/// Drops what slows a bulk load of some tables (Database::BulkLoadObstacles: secondary
/// indexes, PostgreSQL's row-by-row foreign-key checks) inside the caller's transaction and
/// creates it again in Restore(): one sort per index and one join per foreign key instead of a
/// random B-tree insert and a lookup per row, which is most of the cost of a large import. A
/// rollback brings everything back as well (schema changes are transactional in SQLite and
/// PostgreSQL); PostgreSQL holds the tables locked until commit.
class ObstaclesSetAside {
 public:
  explicit ObstaclesSetAside(Database& database) : database_(database) {}

  Status Drop(const std::vector<std::string>& tables) {
    for (const std::string& table : tables) {
      Result<std::vector<SchemaObject>> obstacles = database_.BulkLoadObstacles(table);
      if (!obstacles.ok()) return obstacles.status();
      for (SchemaObject& obstacle : *obstacles) {
        if (Status s = database_.ExecuteScript(obstacle.drop_sql); !s.ok()) return s;
        dropped_.push_back(std::move(obstacle));
      }
    }
    return Status::Ok();
  }

  Status Restore() {
    for (auto it = dropped_.rbegin(); it != dropped_.rend(); ++it) {
      if (Status s = database_.ExecuteScript(it->create_sql); !s.ok()) return s;
    }
    dropped_.clear();
    return Status::Ok();
  }

 private:
  Database& database_;
  std::vector<SchemaObject> dropped_;
};

/// |people| ordered so that everyone comes after their manager when both are in |people| (file
/// order otherwise). Deferred foreign keys then never wait on a row not yet written, so SQLite
/// need not look for a new person's reports as each is inserted.
std::vector<const Person*> ManagersFirst(const std::vector<Person>& people) {
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(people.size());
  for (size_t i = 0; i < people.size(); ++i) index.emplace(people[i].id, i);
  constexpr int kUnknown = -1;
  constexpr int kVisiting = -2;
  std::vector<int> depth(people.size(), kUnknown);
  std::vector<size_t> chain;
  for (size_t i = 0; i < people.size(); ++i) {
    // Walk up the managers not yet placed, then number the chain from the top down.
    int base = -1;  // the depth above the chain's top
    for (size_t at = i;;) {
      if (depth[at] >= 0) {
        base = depth[at];
        break;
      }
      if (depth[at] == kVisiting) break;  // a loop, which the planner refuses anyway
      depth[at] = kVisiting;
      chain.push_back(at);
      auto manager = index.find(people[at].manager_id);
      if (manager == index.end()) break;  // a manager stored already, or none
      at = manager->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) depth[*it] = ++base;
    chain.clear();
  }
  std::vector<const Person*> ordered;
  ordered.reserve(people.size());
  for (const Person& person : people) ordered.push_back(&person);
  std::stable_sort(ordered.begin(), ordered.end(), [&](const Person* a, const Person* b) {
    return depth[static_cast<size_t>(a - people.data())] <
           depth[static_cast<size_t>(b - people.data())];
  });
  return ordered;
}

/// What every row written by one ApplyPeopleChanges shares.
struct ChangeContext {
  std::string now;
  std::string actor;
  std::string effective;
  std::string reason;
};

/// Writes one person's update, and buffers the level history, assignment and audit rows it
/// implies.
Status UpdatePerson(Database& database, const model::PersonUpdate& update,
                    const ChangeContext& context, RowWriter& history, RowWriter& assignments,
                    RowWriter& audit) {
  const Person& before = update.before;
  const Person& after = update.after;
  Params params = PersonParams(after);
  params.erase(params.begin());  // the id goes last, in the WHERE clause
  params.emplace_back(after.id);
  // The change was planned from |before|: a grade or status changed meanwhile (another import,
  // an applied slate) would be overwritten unseen, so it is refused instead.
  params.emplace_back(before.grade);
  params.emplace_back(std::string(model::ToString(before.status)));
  Result<Rows> updated = database.Query(
      "UPDATE people SET name = ?, email = ?, group_id = ?, track = ?, grade = ?, "
      "position_id = ?, manager_id = ?, hire_date = ?, hired_at_grade = ?, status = ?, "
      "left_date = ?, version = version + 1 WHERE id = ? AND grade = ? AND status = ? "
      "RETURNING id",
      params);
  if (!updated.ok()) return updated.status();
  if (updated->empty()) {
    Result<Rows> exists = database.Query("SELECT 1 FROM people WHERE id = ?", {after.id});
    if (!exists.ok()) return exists.status();
    if (exists->empty()) {
      return Status::NotFound(fmt::format("person '{}' is not in the store", after.id));
    }
    return Status::FailedPrecondition(fmt::format(
        "{}'s grade or status changed after this change was planned (it expected {}, {}): "
        "nothing was written; run it again",
        after.id, before.grade, model::ToString(before.status)));
  }
  if (before.grade != after.grade) {
    Status s = history.Add(
        {after.id, before.grade, after.grade, context.effective,
         update.reason.empty() ? context.reason : update.reason, OrNull(update.decision_id),
         update.approver.empty() ? context.actor : update.approver, context.now});
    if (!s.ok()) return s;
  }
  const bool leaving = after.status == model::PersonStatus::kLeft;
  const std::string new_position = leaving ? "" : after.position;
  const std::string old_position =
      before.status == model::PersonStatus::kLeft ? "" : before.position;
  if (new_position != old_position) {
    Result<Rows> open = database.Query(
        "SELECT position_id, start_date FROM position_assignments WHERE person_id = ? AND "
        "end_date IS NULL AND start_date > ?",
        {after.id, context.effective});
    if (!open.ok()) return open.status();
    if (!open->empty()) {
      return Status::FailedPrecondition(fmt::format(
          "{} holds position {} from {}: a change effective {} cannot end it before it began",
          after.id, open->front().Text(0), open->front().Text(1), context.effective));
    }
    Status closed = database.Run(
        "UPDATE position_assignments SET end_date = ? WHERE person_id = ? AND end_date IS NULL",
        {context.effective, after.id});
    if (!closed.ok()) return closed;
    if (!new_position.empty()) {
      Status s = assignments.Add({after.id, new_position, context.effective, nullptr});
      if (!s.ok()) return s;
    }
  }
  const bool left_now = leaving && before.status != model::PersonStatus::kLeft;
  return audit.Add({context.now, context.actor, left_now ? "person.leave" : "person.update",
                    "person", after.id, PersonJson(before), PersonJson(after)});
}

constexpr const char* kCycleColumns =
    "c.id, c.name, f.framework_id, c.framework_hash, c.period_start, c.period_end, c.state, "
    "c.created_at FROM cycles c JOIN frameworks f ON f.hash = c.framework_hash";

model::Cycle CycleFromRow(const Row& row) {
  model::Cycle cycle;
  cycle.id = row.Text(0);
  cycle.name = row.Text(1);
  cycle.framework_id = row.Text(2);
  cycle.framework_hash = row.Text(3);
  cycle.period = {model::Date::Parse(row.Text(4)).value_or(model::Date{}),
                  model::Date::Parse(row.Text(5)).value_or(model::Date{})};
  cycle.state = model::ParseCycleState(row.Text(6)).value_or(model::CycleState::kOpen);
  cycle.created_at = row.Text(7);
  return cycle;
}

std::string CycleJson(const model::Cycle& cycle) {
  nlohmann::ordered_json json;
  json["id"] = cycle.id;
  json["name"] = cycle.name;
  json["framework_id"] = cycle.framework_id;
  json["framework_hash"] = cycle.framework_hash;
  json["period"] = cycle.period.ToString();
  json["state"] = model::ToString(cycle.state);
  return json.dump();
}

std::string RatingJson(const model::Rating& rating) {
  nlohmann::ordered_json json;
  json["person_id"] = rating.person_id;
  json["rater_id"] = rating.rater_id;
  json["grade"] = rating.grade;
  json["evidence"] = rating.evidence;
  json["criteria"] = rating.criteria;
  json["benchmark"] = rating.benchmark;
  return json.dump();
}

std::string StackRankJson(const model::StackRank& rank) {
  nlohmann::ordered_json json;
  json["rater_id"] = rank.rater_id;
  json["people"] = rank.people;
  return json.dump();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& url, const Clock& clock) {
  Result<std::unique_ptr<Database>> database = OpenDatabase(url);
  if (!database.ok()) return database.status();
  Result<std::unique_ptr<Store>> store = Attach(std::move(*database), clock);
  if (store.ok()) (*store)->url_ = url;
  return store;
}

Result<std::unique_ptr<Store>> Store::OpenAnother() const {
  if (url_.empty() || url_ == ":memory:") {
    return Status::FailedPrecondition("this store cannot be opened a second time");
  }
  return Open(url_, clock_);
}

Result<std::unique_ptr<Store>> Store::Attach(std::unique_ptr<Database> database,
                                             const Clock& clock) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  std::unique_ptr<Store> store(new Store(std::move(database), clock));
  Result<int> version = Migrate(*store->database_, clock.NowUtc());
  if (!version.ok()) return version.status();
  store->schema_version_ = *version;
  return store;
}

// Frameworks ---------------------------------------------------------------------------------

Result<std::string> Store::PutFramework(const std::string& framework_id, const std::string& name,
                                        const std::string& yaml, const std::string& actor) {
  const std::string hash = Sha256Hex(yaml);
  const std::string now = clock_.NowUtc();
  Status status = InTransaction(*database_, [&]() -> Status {
    Result<Rows> existing =
        database_->Query("SELECT framework_id FROM frameworks WHERE hash = ?", {hash});
    if (!existing.ok()) return existing.status();
    if (!existing->empty() && existing->front().Text(0) != framework_id) {
      return Status::AlreadyExists(
          fmt::format("this framework text is already stored as '{}', not '{}'",
                      existing->front().Text(0), framework_id));
    }
    Result<Rows> head =
        database_->Query("SELECT hash FROM framework_heads WHERE framework_id = ?", {framework_id});
    if (!head.ok()) return head.status();
    const std::string previous = head->empty() ? "" : head->front().Text(0);
    if (previous == hash) return Status::Ok();  // the same text again: nothing to do
    if (existing->empty()) {
      Status inserted = database_->Run(
          "INSERT INTO frameworks (hash, framework_id, name, yaml, loaded_at, loaded_by) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {hash, framework_id, name, yaml, now, actor});
      if (!inserted.ok()) return inserted;
    }
    Status moved = database_->Run(
        "INSERT INTO framework_heads (framework_id, hash) VALUES (?, ?) "
        "ON CONFLICT (framework_id) DO UPDATE SET hash = excluded.hash",
        {framework_id, hash});
    if (!moved.ok()) return moved;
    return database_->InsertRows(
        "audit_log", kAuditColumns,
        {{now, actor, existing->empty() ? "framework.load" : "framework.activate", "framework",
          framework_id, OrNull(previous.empty() ? "" : nlohmann::json({{"hash", previous}}).dump()),
          nlohmann::json({{"hash", hash}, {"name", name}}).dump()}});
  });
  if (!status.ok()) return status;
  return hash;
}

Result<std::string> Store::FrameworkHeadsSignature() {
  // Asked on every API request: the last answer stands while the data has not changed.
  const std::optional<uint64_t> version = database_->DataVersion();
  if (version && version == signature_version_) return signature_;
  Result<Rows> rows = database_->Query(
      "SELECT g.id, g.framework_id, COALESCE(h.hash, '') FROM comparison_groups g "
      "LEFT JOIN framework_heads h ON h.framework_id = g.framework_id ORDER BY g.id",
      {});
  if (!rows.ok()) return rows.status();
  std::string signature;
  for (const Row& row : *rows) {
    signature += fmt::format("{}={}@{};", row.Text(0), row.Text(1), row.Text(2));
  }
  // The version before the query may be none (no read transaction yet); the one after is the
  // version the query read at, as long as a transaction is still open.
  signature_version_ = database_->DataVersion();
  signature_ = signature;
  return signature;
}

Result<std::optional<StoredFramework>> Store::CurrentFramework(const std::string& framework_id) {
  Result<Rows> rows = database_->Query(
      "SELECT f.hash, f.framework_id, f.name, f.yaml, f.loaded_at, f.loaded_by "
      "FROM framework_heads h JOIN frameworks f ON f.hash = h.hash WHERE h.framework_id = ?",
      {framework_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredFramework>();
  return std::optional<StoredFramework>(FrameworkFromRow(rows->front()));
}

Result<std::optional<StoredFramework>> Store::FrameworkByHash(const std::string& hash) {
  Result<Rows> rows = database_->Query(
      "SELECT hash, framework_id, name, yaml, loaded_at, loaded_by FROM frameworks WHERE hash = ?",
      {hash});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredFramework>();
  return std::optional<StoredFramework>(FrameworkFromRow(rows->front()));
}

Result<std::vector<StoredFramework>> Store::FrameworkVersions(const std::string& framework_id) {
  Result<Rows> rows = database_->Query(
      "SELECT hash, framework_id, name, yaml, loaded_at, loaded_by FROM frameworks "
      "WHERE framework_id = ? ORDER BY loaded_at, hash",
      {framework_id});
  if (!rows.ok()) return rows.status();
  std::vector<StoredFramework> versions;
  for (const Row& row : *rows) versions.push_back(FrameworkFromRow(row));
  return versions;
}

// Comparison groups --------------------------------------------------------------------------

Status Store::PutGroup(const model::ComparisonGroup& group, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<Rows> before = database_->Query(
        "SELECT id, name, framework_id FROM comparison_groups WHERE id = ?", {group.id});
    if (!before.ok()) return before.status();
    std::optional<model::ComparisonGroup> previous;
    if (!before->empty()) {
      const Row& row = before->front();
      previous = model::ComparisonGroup{row.Text(0), row.Text(1), row.Text(2)};
      if (*previous == group) return Status::Ok();
    }
    Status written = database_->Run(
        "INSERT INTO comparison_groups (id, name, framework_id) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, framework_id = excluded.framework_id",
        {group.id, group.name, group.framework_id});
    if (!written.ok()) {
      return Status::FailedPrecondition(
          fmt::format("cannot store comparison group '{}': is framework '{}' loaded? ({})",
                      group.id, group.framework_id, written.message()));
    }
    return database_->InsertRows(
        "audit_log", kAuditColumns,
        {{clock_.NowUtc(), actor, previous ? "group.update" : "group.create", "group", group.id,
          previous ? Value(GroupJson(*previous)) : Value(nullptr), GroupJson(group)}});
  });
}

Result<std::vector<model::ComparisonGroup>> Store::Groups() {
  Result<Rows> rows =
      database_->Query("SELECT id, name, framework_id FROM comparison_groups ORDER BY id", {});
  if (!rows.ok()) return rows.status();
  std::vector<model::ComparisonGroup> groups;
  for (const Row& row : *rows) groups.push_back({row.Text(0), row.Text(1), row.Text(2)});
  return groups;
}

// People -------------------------------------------------------------------------------------

Result<std::optional<Person>> Store::GetPerson(const std::string& id) {
  // Made once: this is on every API request's path.
  static const std::string sql = fmt::format("SELECT {} FROM people WHERE id = ?", kPersonColumns);
  Result<Rows> rows = database_->Query(sql, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Person>();
  return std::optional<Person>(PersonFromRow(rows->front()));
}

Result<std::vector<Person>> Store::ListPeople(const PeopleQuery& query) {
  std::string sql = fmt::format("SELECT {} FROM people WHERE 1 = 1", kPersonColumns);
  Params params;
  if (!query.group.empty()) {
    sql += " AND group_id = ?";
    params.emplace_back(query.group);
  }
  if (!query.manager_id.empty()) {
    sql += " AND manager_id = ?";
    params.emplace_back(query.manager_id);
  }
  if (!query.grades.empty()) {
    sql += " AND grade IN (";
    for (size_t i = 0; i < query.grades.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      params.emplace_back(query.grades[i]);
    }
    sql += ")";
  }
  if (!query.include_left) sql += " AND status = 'active'";
  sql += " ORDER BY id";
  std::vector<Person> people;
  Status read = database_->QueryEach(sql, params, [&](Row& row) {
    people.push_back(PersonFromRow(row));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return people;
}

Result<std::vector<Person>> Store::AllPeople() {
  PeopleQuery query;
  query.include_left = true;
  return ListPeople(query);
}

Result<std::int64_t> Store::CountPeople() {
  Result<Rows> rows = database_->Query("SELECT COUNT(*) FROM people", {});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<std::string>> Store::ManagersOf(const std::string& person_id) {
  // The manager tree has no loops (the store refuses them), so the walk ends; |depth| orders it.
  Result<Rows> rows = database_->Query(
      "WITH RECURSIVE chain (id, depth) AS ("
      "  SELECT manager_id, 1 FROM people WHERE id = ? AND manager_id IS NOT NULL"
      "  UNION ALL SELECT p.manager_id, chain.depth + 1 FROM people p JOIN chain ON p.id = chain.id"
      "  WHERE p.manager_id IS NOT NULL"
      ") SELECT id FROM chain ORDER BY depth",
      {person_id});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> ids;
  ids.reserve(rows->size());
  for (const Row& row : *rows) ids.push_back(row.Text(0));
  return ids;
}

Result<std::vector<std::string>> Store::ReportingLine(const std::string& manager_id) {
  Result<Rows> rows = database_->Query(
      "WITH RECURSIVE line (id) AS ("
      "  SELECT id FROM people WHERE manager_id = ?"
      "  UNION SELECT p.id FROM people p JOIN line ON p.manager_id = line.id"
      ") SELECT id FROM line ORDER BY id",
      {manager_id});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> ids;
  ids.reserve(rows->size());
  for (const Row& row : *rows) ids.push_back(row.Text(0));
  return ids;
}

Result<bool> Store::IsBulk(const model::PeopleChanges& changes) {
  // Counting is only worth it for a batch that might be bulk.
  if (changes.added.size() < kBulkAddThreshold) return false;
  Result<std::int64_t> stored = CountPeople();
  if (!stored.ok()) return stored.status();
  return static_cast<std::int64_t>(changes.added.size()) >= *stored;
}

Status Store::ApplyPeopleChanges(const model::PeopleChanges& changes, const std::string& actor) {
  if (changes.empty()) return Status::Ok();
  // The count before the transaction only chooses how the engine writes it
  // (Database::BeginBulkLoad); the one inside (WritePeopleChanges) decides what is set aside.
  Result<bool> bulk_before = IsBulk(changes);
  if (!bulk_before.ok()) return bulk_before.status();
  return InTransaction(
      *database_,
      [&]() -> Status {
        if (Status s = WritePeopleChanges(changes, actor); !s.ok()) return s;
        PauseIfInjected("people-before-commit");
        return Status::Ok();
      },
      *bulk_before ? TransactionKind::kBulkLoad : TransactionKind::kOrdinary);
}

Status Store::WritePeopleChanges(const model::PeopleChanges& changes, const std::string& actor) {
  const std::string now = clock_.NowUtc();
  const std::string effective = changes.effective.ToString();
  const std::string reason = changes.reason.empty() ? "change" : changes.reason;
  const ChangeContext context{now, actor, effective, reason};
  ObstaclesSetAside obstacles(*database_);
  Result<bool> bulk = IsBulk(changes);
  if (!bulk.ok()) return bulk.status();
  if (*bulk) {
    Status dropped =
        obstacles.Drop({"people", "level_history", "position_assignments", "audit_log"});
    if (!dropped.ok()) return dropped;
  }
  // The new people, then the rows they imply, table after table (each table's rows in the
  // order of changes.added, as the ids they are given show). People first: level history and
  // assignments refer to them.
  Status added =
      InsertForEach(*database_, "people", kPersonColumnList, ManagersFirst(changes.added),
                    [](const Person& person, std::vector<Params>& rows) {
                      rows.push_back(PersonParams(person));
                    });
  if (!added.ok()) return added;
  std::vector<const Person*> in_order;
  in_order.reserve(changes.added.size());
  for (const Person& person : changes.added) in_order.push_back(&person);
  added =
      InsertForEach(*database_, "level_history", kHistoryColumns, in_order,
                    [&](const Person& person, std::vector<Params>& rows) {
                      rows.push_back({person.id, nullptr, person.hired_at_grade,
                                      person.hire_date.ToString(), "hired", nullptr, actor, now});
                      if (person.grade != person.hired_at_grade) {
                        rows.push_back({person.id, person.hired_at_grade, person.grade, effective,
                                        reason, nullptr, actor, now});
                      }
                    });
  if (!added.ok()) return added;
  added = InsertForEach(
      *database_, "position_assignments", kAssignmentColumns, in_order,
      [&](const Person& person, std::vector<Params>& rows) {
        if (!person.position.empty() && person.status == model::PersonStatus::kActive) {
          rows.push_back({person.id, person.position, effective, nullptr});
        }
      });
  if (!added.ok()) return added;
  added = InsertForEach(*database_, "audit_log", kAuditColumns, in_order,
                        [&](const Person& person, std::vector<Params>& rows) {
                          rows.push_back({now, actor, "person.create", "person", person.id, nullptr,
                                          PersonJson(person)});
                        });
  if (!added.ok()) return added;

  RowWriter history(*database_, "level_history", kHistoryColumns);
  RowWriter assignments(*database_, "position_assignments", kAssignmentColumns);
  RowWriter audit(*database_, "audit_log", kAuditColumns);
  for (const model::PersonUpdate& update : changes.updated) {
    if (Status s = UpdatePerson(*database_, update, context, history, assignments, audit);
        !s.ok()) {
      return s;
    }
  }
  for (RowWriter* writer : {&history, &assignments, &audit}) {
    if (Status s = writer->Flush(); !s.ok()) return s;
  }
  return obstacles.Restore();
}

// Cycles -------------------------------------------------------------------------------------

Status Store::CreateCycle(const model::Cycle& cycle, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<Rows> existing = database_->Query("SELECT 1 FROM cycles WHERE id = ?", {cycle.id});
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) {
      return Status::FailedPrecondition(fmt::format("there is already a cycle '{}'", cycle.id));
    }
    Result<Rows> framework = database_->Query("SELECT framework_id FROM frameworks WHERE hash = ?",
                                              {cycle.framework_hash});
    if (!framework.ok()) return framework.status();
    if (framework->empty() || framework->front().Text(0) != cycle.framework_id) {
      return Status::FailedPrecondition(fmt::format("framework '{}' version {} is not stored",
                                                    cycle.framework_id, cycle.framework_hash));
    }
    model::Cycle created = cycle;
    created.state = model::CycleState::kOpen;
    created.created_at = clock_.NowUtc();
    Status written = database_->Run(
        "INSERT INTO cycles (id, name, framework_hash, period_start, period_end, state, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {created.id, created.name, created.framework_hash, created.period.start.ToString(),
         created.period.end.ToString(), std::string(model::ToString(created.state)),
         created.created_at});
    if (!written.ok()) return written;
    return database_->InsertRows("audit_log", kAuditColumns,
                                 {{created.created_at, actor, "cycle.create", "cycle", created.id,
                                   nullptr, CycleJson(created)}});
  });
}

Result<std::optional<model::Cycle>> Store::GetCycle(const std::string& id) {
  Result<Rows> rows =
      database_->Query(fmt::format("SELECT {} WHERE c.id = ?", kCycleColumns), {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<model::Cycle>();
  return std::optional<model::Cycle>(CycleFromRow(rows->front()));
}

Result<std::vector<model::Cycle>> Store::Cycles() {
  Result<Rows> rows = database_->Query(
      fmt::format("SELECT {} ORDER BY c.period_end DESC, c.period_start DESC, c.id", kCycleColumns),
      {});
  if (!rows.ok()) return rows.status();
  std::vector<model::Cycle> cycles;
  for (const Row& row : *rows) cycles.push_back(CycleFromRow(row));
  return cycles;
}

Status Store::SetCycleState(const std::string& cycle_id, model::CycleState from,
                            model::CycleState to, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<std::optional<model::Cycle>> before = GetCycle(cycle_id);
    if (!before.ok()) return before.status();
    if (!*before) return Status::NotFound(fmt::format("there is no cycle '{}'", cycle_id));
    if ((*before)->state != from) {
      return Status::FailedPrecondition(
          fmt::format("cycle '{}' is {} now, not {}: someone moved it meanwhile", cycle_id,
                      model::ToString((*before)->state), model::ToString(from)));
    }
    Status updated = database_->Run(
        "UPDATE cycles SET state = ? WHERE id = ? AND state = ?",
        {std::string(model::ToString(to)), cycle_id, std::string(model::ToString(from))});
    if (!updated.ok()) return updated;
    model::Cycle after = **before;
    after.state = to;
    return database_->InsertRows("audit_log", kAuditColumns,
                                 {{clock_.NowUtc(), actor, "cycle.state", "cycle", cycle_id,
                                   CycleJson(**before), CycleJson(after)}});
  });
}

// What raters record in a cycle ---------------------------------------------------------------

Status Store::CheckCycleState(const std::string& cycle_id, model::CycleState expected) {
  // SQLite's writers are serialised by BEGIN IMMEDIATE. PostgreSQL's are not: locking the cycle's
  // row makes every write to one cycle wait for the one before, so a state or version checked
  // here cannot change before the transaction commits.
  Result<Rows> rows = database_->Query(database_->dialect() == Dialect::kPostgres
                                           ? "SELECT state FROM cycles WHERE id = ? FOR UPDATE"
                                           : "SELECT state FROM cycles WHERE id = ?",
                                       {cycle_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound(fmt::format("there is no cycle '{}'", cycle_id));
  const std::string state = rows->front().Text(0);
  if (state != model::ToString(expected)) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}, not {}", cycle_id, state, model::ToString(expected)));
  }
  return Status::Ok();
}

Status Store::PutRatings(const std::string& cycle_id, model::CycleState expected,
                         const std::vector<model::Rating>& ratings, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    return WriteRatings(cycle_id, ratings, actor);
  });
}

Status Store::PutRating(const std::string& cycle_id, model::CycleState expected,
                        const model::Rating& rating, std::int64_t seen_version,
                        const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    Result<Rows> current = database_->Query(
        "SELECT version FROM ratings WHERE cycle_id = ? AND person_id = ? AND rater_id = ?",
        {cycle_id, rating.person_id, rating.rater_id});
    if (!current.ok()) return current.status();
    const std::int64_t version = current->empty() ? 0 : current->front().Int(0);
    if (version != seen_version) {
      return Status::Stale(
          version == 0 ? fmt::format("{}'s rating by {} has been removed since", rating.person_id,
                                     rating.rater_id)
                       : fmt::format("{}'s rating by {} has changed since it was read (version "
                                     "{}, now {})",
                                     rating.person_id, rating.rater_id, seen_version, version));
    }
    return WriteRatings(cycle_id, {rating}, actor);
  });
}

Result<std::vector<VersionedRating>> Store::RatingsBy(const std::string& cycle_id,
                                                      const std::string& rater_id) {
  std::vector<VersionedRating> ratings;
  Status read = database_->QueryEach(
      "SELECT person_id, grade, evidence, criteria, benchmark, version FROM ratings WHERE "
      "cycle_id = ? AND rater_id = ? ORDER BY person_id",
      {cycle_id, rater_id}, [&](const Row& row) {
        ratings.push_back({{row.Text(0), rater_id, row.Text(1), row.Text(2),
                            SplitLines(row.Text(3)), row.Int(4) != 0},
                           row.Int(5)});
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return ratings;
}

Status Store::WriteRatings(const std::string& cycle_id, const std::vector<model::Rating>& ratings,
                           const std::string& actor) {
  const std::string now = clock_.NowUtc();
  RowWriter audit(*database_, "audit_log", kAuditColumns);
  for (const model::Rating& rating : ratings) {
    Result<Rows> before = database_->Query(
        "SELECT grade, evidence, criteria, benchmark FROM ratings WHERE cycle_id = ? AND "
        "person_id = ? AND rater_id = ?",
        {cycle_id, rating.person_id, rating.rater_id});
    if (!before.ok()) return before.status();
    std::optional<model::Rating> previous;
    if (!before->empty()) {
      const Row& row = before->front();
      previous = model::Rating{rating.person_id, rating.rater_id,         row.Text(0),
                               row.Text(1),      SplitLines(row.Text(2)), row.Int(3) != 0};
      if (*previous == rating) continue;
    }
    const Params values = {rating.grade, rating.evidence, JoinLines(rating.criteria),
                           std::int64_t{rating.benchmark ? 1 : 0}, now};
    Status written =
        previous ? database_->Run(
                       "UPDATE ratings SET grade = ?, evidence = ?, criteria = ?, benchmark = ?, "
                       "rated_at = ?, version = version + 1 WHERE cycle_id = ? AND person_id = "
                       "? AND rater_id = ?",
                       {values[0], values[1], values[2], values[3], values[4], cycle_id,
                        rating.person_id, rating.rater_id})
                 : database_->Run(
                       "INSERT INTO ratings (cycle_id, person_id, rater_id, grade, evidence, "
                       "criteria, benchmark, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       {cycle_id, rating.person_id, rating.rater_id, values[0], values[1],
                        values[2], values[3], values[4]});
    if (!written.ok()) return written;
    Status audited =
        audit.Add({now, actor, previous ? "rating.update" : "rating.create", "rating",
                   fmt::format("{}/{}/{}", cycle_id, rating.person_id, rating.rater_id),
                   previous ? Value(RatingJson(*previous)) : Value(nullptr), RatingJson(rating)});
    if (!audited.ok()) return audited;
  }
  return audit.Flush();
}

Result<std::vector<model::Rating>> Store::Ratings(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT person_id, rater_id, grade, evidence, criteria, benchmark FROM ratings WHERE "
      "cycle_id = ? ORDER BY person_id, rater_id",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::Rating> ratings;
  ratings.reserve(rows->size());
  for (const Row& row : *rows) {
    ratings.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3), SplitLines(row.Text(4)),
                       row.Int(5) != 0});
  }
  return ratings;
}

Status Store::PutStackRanks(const std::string& cycle_id, model::CycleState expected,
                            const std::vector<model::StackRank>& ranks, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    return WriteStackRanks(cycle_id, ranks, actor);
  });
}

Status Store::WriteStackRanks(const std::string& cycle_id,
                              const std::vector<model::StackRank>& ranks,
                              const std::string& actor) {
  Result<std::vector<model::StackRank>> stored = StackRanks(cycle_id);
  if (!stored.ok()) return stored.status();
  const std::string now = clock_.NowUtc();
  for (const model::StackRank& rank : ranks) {
    const auto previous =
        std::find_if(stored->begin(), stored->end(),
                     [&](const model::StackRank& r) { return r.rater_id == rank.rater_id; });
    const bool existed = previous != stored->end();
    if (existed && *previous == rank) continue;
    Status cleared = database_->Run("DELETE FROM stack_ranks WHERE cycle_id = ? AND rater_id = ?",
                                    {cycle_id, rank.rater_id});
    if (!cleared.ok()) return cleared;
    std::vector<Params> rows;
    for (size_t i = 0; i < rank.people.size(); ++i) {
      rows.push_back({cycle_id, rank.rater_id, rank.people[i], static_cast<std::int64_t>(i + 1)});
    }
    Status written =
        database_->InsertRows("stack_ranks", {"cycle_id", "rater_id", "person_id", "rank"}, rows);
    if (!written.ok()) return written;
    Status audited = database_->InsertRows(
        "audit_log", kAuditColumns,
        {{now, actor, existed ? "stack_rank.update" : "stack_rank.create", "stack_rank",
          fmt::format("{}/{}", cycle_id, rank.rater_id),
          existed ? Value(StackRankJson(*previous)) : Value(nullptr), StackRankJson(rank)}});
    if (!audited.ok()) return audited;
  }
  return Status::Ok();
}

Status Store::PutStackRank(const std::string& cycle_id, model::CycleState expected,
                           const model::StackRank& rank, const std::vector<std::string>& seen,
                           const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    Result<Rows> rows = database_->Query(
        "SELECT person_id FROM stack_ranks WHERE cycle_id = ? AND rater_id = ? ORDER BY rank",
        {cycle_id, rank.rater_id});
    if (!rows.ok()) return rows.status();
    std::vector<std::string> current;
    for (const Row& row : *rows) current.push_back(row.Text(0));
    if (current != seen) {
      return Status::Stale(
          fmt::format("{}'s stack rank has changed since it was read", rank.rater_id));
    }
    return WriteStackRanks(cycle_id, {rank}, actor);
  });
}

Result<std::vector<model::StackRank>> Store::StackRanks(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT rater_id, person_id FROM stack_ranks WHERE cycle_id = ? ORDER BY rater_id, rank",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::StackRank> ranks;
  for (const Row& row : *rows) {
    if (ranks.empty() || ranks.back().rater_id != row.Text(0)) ranks.push_back({row.Text(0), {}});
    ranks.back().people.push_back(row.Text(1));
  }
  return ranks;
}

Status Store::AssignBenchmarks(const std::string& cycle_id, model::CycleState expected,
                               const std::vector<model::BenchmarkAssignment>& assignments,
                               const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    for (const model::BenchmarkAssignment& assignment : assignments) {
      if (Status s = AssignBenchmark(cycle_id, assignment, actor); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

Status Store::AssignBenchmark(const std::string& cycle_id,
                              const model::BenchmarkAssignment& assignment,
                              const std::string& actor) {
  {
    Result<Rows> existing = database_->Query(
        "SELECT 1 FROM benchmark_assignments WHERE cycle_id = ? AND person_id = ? AND rater_id = ?",
        {cycle_id, assignment.person_id, assignment.rater_id});
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) return Status::Ok();
    const std::string now = clock_.NowUtc();
    Status written = database_->Run(
        "INSERT INTO benchmark_assignments (cycle_id, person_id, rater_id, assigned_by, "
        "assigned_at) VALUES (?, ?, ?, ?, ?)",
        {cycle_id, assignment.person_id, assignment.rater_id, actor, now});
    if (!written.ok()) return written;
    nlohmann::ordered_json after;
    after["person_id"] = assignment.person_id;
    after["rater_id"] = assignment.rater_id;
    return database_->InsertRows(
        "audit_log", kAuditColumns,
        {{now, actor, "benchmark.assign", "benchmark",
          fmt::format("{}/{}/{}", cycle_id, assignment.person_id, assignment.rater_id), nullptr,
          after.dump()}});
  }
}

Result<std::vector<model::BenchmarkAssignment>> Store::Benchmarks(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT person_id, rater_id FROM benchmark_assignments WHERE cycle_id = ? ORDER BY "
      "person_id, rater_id",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::BenchmarkAssignment> assignments;
  for (const Row& row : *rows) assignments.push_back({row.Text(0), row.Text(1)});
  return assignments;
}

Status Store::PutCalibration(const std::string& cycle_id, model::CycleState expected,
                             const std::vector<PerformedResult>& people,
                             const std::vector<LeniencyResult>& raters, const std::string& summary,
                             const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    for (const char* table : {"calibrated_results", "rater_leniencies"}) {
      Status cleared =
          database_->Run(fmt::format("DELETE FROM {} WHERE cycle_id = ?", table), {cycle_id});
      if (!cleared.ok()) return cleared;
    }
    RowWriter results(*database_, "calibrated_results",
                      {"cycle_id", "person_id", "performed", "se"});
    for (const PerformedResult& result : people) {
      if (Status s = results.Add({cycle_id, result.person_id, result.performed, result.se});
          !s.ok()) {
        return s;
      }
    }
    if (Status s = results.Flush(); !s.ok()) return s;
    RowWriter leniencies(*database_, "rater_leniencies",
                         {"cycle_id", "rater_id", "leniency", "se"});
    for (const LeniencyResult& result : raters) {
      if (Status s = leniencies.Add({cycle_id, result.rater_id, result.leniency, result.se});
          !s.ok()) {
        return s;
      }
    }
    if (Status s = leniencies.Flush(); !s.ok()) return s;
    return database_->InsertRows(
        "audit_log", kAuditColumns,
        {{clock_.NowUtc(), actor, "cycle.calibrate", "cycle", cycle_id, nullptr, summary}});
  });
}

Result<std::vector<Store::PerformedResult>> Store::CalibratedResults(const std::string& cycle_id) {
  std::vector<PerformedResult> results;
  Status read = database_->QueryEach(
      "SELECT person_id, performed, se FROM calibrated_results WHERE cycle_id = ? ORDER BY "
      "person_id",
      {cycle_id}, [&](Row& row) {
        results.push_back({row.Text(0), row.Real(1), row.Real(2)});
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return results;
}

Result<std::vector<Store::LeniencyResult>> Store::Leniencies(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT rater_id, leniency, se FROM rater_leniencies WHERE cycle_id = ? ORDER BY rater_id",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<LeniencyResult> results;
  for (const Row& row : *rows) results.push_back({row.Text(0), row.Real(1), row.Real(2)});
  return results;
}

// History ------------------------------------------------------------------------------------

Result<std::vector<model::LevelChange>> Store::LevelHistory(const std::string& person_id) {
  Result<Rows> rows = database_->Query(
      "SELECT id, person_id, from_grade, to_grade, effective_date, reason, decision_id, approver "
      "FROM level_history WHERE person_id = ? ORDER BY effective_date, id",
      {person_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::LevelChange> history;
  for (Row& row : *rows) history.push_back(LevelChangeFromRow(row));
  return history;
}

Result<std::vector<model::LevelChange>> Store::AllLevelHistory() {
  std::vector<model::LevelChange> history;
  Status read = database_->QueryEach(
      "SELECT id, person_id, from_grade, to_grade, effective_date, reason, decision_id, approver "
      "FROM level_history ORDER BY person_id, effective_date, id",
      {}, [&](Row& row) {
        history.push_back(LevelChangeFromRow(row));
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return history;
}

// Audit --------------------------------------------------------------------------------------

Result<std::vector<model::AuditEntry>> Store::AuditLog(const AuditQuery& query) {
  std::string sql =
      "SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log "
      "WHERE id > ?";
  Params params = {query.after_id};
  if (!query.entity.empty()) {
    sql += " AND entity = ?";
    params.emplace_back(query.entity);
  }
  if (!query.entity_id.empty()) {
    sql += " AND entity_id = ?";
    params.emplace_back(query.entity_id);
  }
  if (!query.actor.empty()) {
    sql += " AND actor = ?";
    params.emplace_back(query.actor);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(query.limit));
  Result<Rows> rows = database_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<model::AuditEntry> entries;
  for (const Row& row : *rows) {
    entries.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
                       row.Text(6), row.Text(7)});
  }
  return entries;
}

}  // namespace yardstick::store
