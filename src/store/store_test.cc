#include "store/store.h"

#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

using model::Date;
using model::Person;

constexpr const char* kFrameworkYaml = "format: yardstick/v1\nid: eng\n";

Person MakePerson(const std::string& id, const std::string& manager, const std::string& grade) {
  Person person;
  person.id = id;
  person.name = "Person " + id;
  person.email = id + "@example.org";
  person.group = "engineering";
  person.track = "ic";
  person.grade = grade;
  person.hired_at_grade = grade;
  person.manager_id = manager;
  person.hire_date = *Date::Parse("2024-03-01");
  return person;
}

class StoreTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    Result<std::unique_ptr<Store>> opened = Store::Open(url(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
  }

  /// A framework, a group and a three-person tree: boss ← lead ← dev.
  void SeedOrganisation() {
    ASSERT_TRUE(store_->PutFramework("eng", "Engineering", kFrameworkYaml, "tester").ok());
    ASSERT_TRUE(store_->PutGroup({"engineering", "Engineering", "eng"}, "tester").ok());
    model::PeopleChanges changes;
    changes.added = {MakePerson("dev", "lead", "G"), MakePerson("lead", "boss", "J"),
                     MakePerson("boss", "", "M")};
    changes.added[1].position = "tech-lead";
    changes.reason = "import";
    changes.effective = *Date::Parse("2026-01-01");
    const Status applied = store_->ApplyPeopleChanges(changes, "tester");
    ASSERT_TRUE(applied.ok()) << applied.message();
  }

  std::vector<std::string> AuditActions() {
    std::vector<std::string> actions;
    for (const auto& entry : *store_->AuditLog({})) actions.push_back(entry.action);
    return actions;
  }

  FakeClock clock_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, OpensAtTheLatestSchemaVersion) {
  EXPECT_EQ(store_->schema_version(), LatestSchemaVersion());
  EXPECT_GE(LatestSchemaVersion(), 2);
}

TEST_P(StoreTest, RefusesADatabaseFromANewerYardstick) {
  ASSERT_TRUE(store_->database()
                  .Run("INSERT INTO schema_migrations (version, description, applied_at) "
                       "VALUES (99, 'from the future', 'x')")
                  .ok());
  Result<std::unique_ptr<Store>> reopened = Store::Open(url(), clock_);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("schema version 99, written by a newer Yardstick"),
            std::string::npos)
      << reopened.status().message();
}

TEST_P(StoreTest, FrameworkVersionsAreKeptAndIdentifiedByContentHash) {
  Result<std::string> first = store_->PutFramework("eng", "Engineering", kFrameworkYaml, "ann");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->size(), 64u);
  Result<std::string> again = store_->PutFramework("eng", "Engineering", kFrameworkYaml, "ann");
  EXPECT_EQ(*again, *first);
  clock_.Set("2026-02-01T00:00:00Z");
  Result<std::string> second =
      store_->PutFramework("eng", "Engineering v2", std::string(kFrameworkYaml) + "# v2\n", "bob");
  EXPECT_NE(*second, *first);
  EXPECT_EQ((*store_->CurrentFramework("eng"))->hash, *second);
  const auto versions = *store_->FrameworkVersions("eng");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].hash, *first);
  EXPECT_EQ(versions[1].loaded_by, "bob");
  EXPECT_EQ((*store_->FrameworkByHash(*first))->yaml, kFrameworkYaml);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"framework.load", "framework.load"}));
}

TEST_P(StoreTest, TheFrameworkSignatureFollowsChangesFromAnyConnectionInsideReadSnapshots) {
  SeedOrganisation();
  Result<std::unique_ptr<Store>> other = store_->OpenAnother();
  ASSERT_TRUE(other.ok()) << other.status().message();
  // Read the way the API reads: one snapshot per request, the signature after the first read.
  const auto signature_in_a_snapshot = [&]() {
    EXPECT_TRUE(store_->BeginReadSnapshot().ok());
    EXPECT_TRUE(store_->GetPerson("dev").ok());
    Result<std::string> signature = store_->FrameworkHeadsSignature();
    EXPECT_TRUE(signature.ok()) << signature.status().message();
    store_->EndReadSnapshot();
    return signature.ok() ? *signature : "";
  };
  const std::string first = signature_in_a_snapshot();
  EXPECT_NE(first.find("engineering=eng@"), std::string::npos) << first;
  EXPECT_EQ(signature_in_a_snapshot(), first);
  // A new version of the framework, loaded through another connection (another process would
  // do the same), is seen by the next snapshot.
  ASSERT_TRUE(
      (*other)
          ->PutFramework("eng", "Engineering v2", std::string(kFrameworkYaml) + "# v2\n", "bob")
          .ok());
  const std::string second = signature_in_a_snapshot();
  EXPECT_NE(second, first);
  EXPECT_EQ(second, *(*other)->FrameworkHeadsSignature());
  // And one through this connection.
  ASSERT_TRUE(store_->PutGroup({"product", "Product", "eng"}, "ann").ok());
  EXPECT_NE(signature_in_a_snapshot().find("product=eng@"), std::string::npos);
}

TEST_P(StoreTest, AGroupNeedsALoadedFramework) {
  const Status refused = store_->PutGroup({"engineering", "Engineering", "eng"}, "ann");
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("is framework 'eng' loaded?"), std::string::npos);
  ASSERT_TRUE(store_->PutFramework("eng", "Engineering", kFrameworkYaml, "ann").ok());
  ASSERT_TRUE(store_->PutGroup({"engineering", "Engineering", "eng"}, "ann").ok());
  EXPECT_EQ(*store_->Groups(),
            (std::vector<model::ComparisonGroup>{{"engineering", "Engineering", "eng"}}));
}

TEST_P(StoreTest, AddedPeopleComeBackWithHistoryAndAudit) {
  SeedOrganisation();
  const std::vector<Person> people = *store_->AllPeople();
  ASSERT_EQ(people.size(), 3u);
  EXPECT_EQ(people[0], MakePerson("boss", "", "M"));
  EXPECT_EQ(people[1].id, "dev");
  EXPECT_EQ(people[2].position, "tech-lead");
  const auto history = *store_->LevelHistory("dev");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].to_grade, "G");
  EXPECT_EQ(history[0].reason, "hired");
  EXPECT_EQ(history[0].effective.ToString(), "2024-03-01");
  EXPECT_EQ(AuditActions().size(), 5u);  // framework, group, three people
}

/// The audit JSON of |person| as the store wrote it with nlohmann::ordered_json before it wrote
/// it directly: the reference the bytes must keep matching.
std::string ReferencePersonJson(const Person& person) {
  nlohmann::ordered_json json;
  json["id"] = person.id;
  json["name"] = person.name;
  json["email"] = person.email;
  json["group"] = person.group;
  json["track"] = person.track;
  json["grade"] = person.grade;
  json["position"] = person.position;
  json["manager_id"] = person.manager_id;
  json["hire_date"] = person.hire_date.ToString();
  json["hired_at_grade"] = person.hired_at_grade;
  json["status"] = model::ToString(person.status);
  json["left_date"] = person.left_date ? person.left_date->ToString() : "";
  return json.dump();
}

TEST_P(StoreTest, TheAuditRecordsEachPersonAsJsonWhateverTheirText) {
  SeedOrganisation();
  Person odd = MakePerson("odd", "boss", "G");
  odd.name = "Zoë \"Zed\" O\\Brien\t\x01\x7f 日本";
  odd.position = "tech-lead";
  Person gone = MakePerson("gone", "", "H");
  gone.status = model::PersonStatus::kLeft;
  gone.left_date = *Date::Parse("2025-12-31");
  model::PeopleChanges changes;
  changes.added = {odd, gone};
  changes.effective = *Date::Parse("2026-02-01");
  ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "tester").ok());
  AuditQuery query;
  query.entity = "person";
  std::map<std::string, std::string> after;
  for (const auto& entry : *store_->AuditLog(query)) after[entry.entity_id] = entry.after;
  EXPECT_EQ(after["odd"], ReferencePersonJson(odd));
  EXPECT_EQ(after["gone"], ReferencePersonJson(gone));
  EXPECT_EQ(after["dev"], ReferencePersonJson(MakePerson("dev", "lead", "G")));
  // Escaped as JSON asks; DEL and UTF-8 written as they are.
  const std::string start =
      "{\"id\":\"odd\",\"name\":\"Zoë \\\"Zed\\\" O\\\\Brien\\t\\u0001\x7f 日本\",";
  EXPECT_EQ(after["odd"].substr(0, start.size()), start);
}

TEST_P(StoreTest, ReportingLineIsTransitive) {
  SeedOrganisation();
  EXPECT_EQ(*store_->ReportingLine("boss"), (std::vector<std::string>{"dev", "lead"}));
  EXPECT_EQ(*store_->ReportingLine("lead"), (std::vector<std::string>{"dev"}));
  EXPECT_TRUE(store_->ReportingLine("dev")->empty());
}

TEST_P(StoreTest, GradeChangesAndLeaversWriteHistoryAndAudit) {
  SeedOrganisation();
  Person dev = **store_->GetPerson("dev");
  Person lead = **store_->GetPerson("lead");
  model::PeopleChanges changes;
  Person promoted = dev;
  promoted.grade = "H";
  Person gone = lead;
  gone.status = model::PersonStatus::kLeft;
  gone.left_date = *Date::Parse("2026-06-30");
  promoted.manager_id = "boss";
  changes.updated = {{dev, promoted}, {lead, gone}};
  changes.reason = "promotion";
  changes.effective = *Date::Parse("2026-06-30");
  ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "ann").ok());
  EXPECT_EQ(**store_->GetPerson("dev"), promoted);
  EXPECT_EQ(**store_->GetPerson("lead"), gone);
  const auto history = *store_->LevelHistory("dev");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].from_grade, "G");
  EXPECT_EQ(history[1].to_grade, "H");
  EXPECT_EQ(history[1].reason, "promotion");
  EXPECT_EQ(history[1].approver, "ann");
  const auto audit = *store_->AuditLog({"person", "lead", "", 0, 10});
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "person.leave");
  EXPECT_NE(audit[1].before.find("\"status\":\"active\""), std::string::npos);
  EXPECT_NE(audit[1].after.find("\"status\":\"left\""), std::string::npos);
  PeopleQuery active;
  EXPECT_EQ(store_->ListPeople(active)->size(), 2u);
}

TEST_P(StoreTest, ABatchWithOneBadPersonWritesNothing) {
  SeedOrganisation();
  const auto people_before = *store_->AllPeople();
  const auto audit_before = *store_->AuditLog({});
  model::PeopleChanges changes;
  changes.added = {MakePerson("new1", "boss", "G"), MakePerson("new2", "nobody", "G")};
  changes.reason = "import";
  const Status refused = store_->ApplyPeopleChanges(changes, "ann");
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(*store_->AllPeople(), people_before);
  EXPECT_EQ(*store_->AuditLog({}), audit_before);
}

TEST_P(StoreTest, TheSchemaItselfRejectsBadRows) {
  SeedOrganisation();
  Database& db = store_->database();
  EXPECT_FALSE(db.Run("UPDATE people SET manager_id = id WHERE id = 'dev'").ok());
  EXPECT_FALSE(db.Run("UPDATE people SET status = 'gone' WHERE id = 'dev'").ok());
  EXPECT_FALSE(db.Run("UPDATE people SET status = 'left' WHERE id = 'dev'").ok())
      << "left without a left_date";
  EXPECT_FALSE(db.Run("UPDATE people SET email = 'nobody' WHERE id = 'dev'").ok());
  EXPECT_FALSE(db.Run("UPDATE people SET group_id = 'design' WHERE id = 'dev'").ok());
}

TEST_P(StoreTest, TheAuditLogIsAppendOnly) {
  SeedOrganisation();
  Database& db = store_->database();
  const Status updated = db.Run("UPDATE audit_log SET actor = 'mallory'");
  EXPECT_FALSE(updated.ok());
  EXPECT_NE(updated.message().find("append-only"), std::string::npos) << updated.message();
  EXPECT_FALSE(db.Run("DELETE FROM audit_log").ok());
  EXPECT_FALSE(db.Run("DELETE FROM frameworks").ok());
  EXPECT_EQ(store_->AuditLog({})->size(), 5u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, testing::AllEngines(), testing::EngineName);

/// Everything BulkLoadObstacles reports for the tables a people change writes.
std::vector<std::string> BulkLoadSchema(Database& database) {
  std::vector<std::string> schema;
  for (const char* table : {"people", "level_history", "position_assignments", "audit_log"}) {
    for (const SchemaObject& object : *database.BulkLoadObstacles(table)) {
      schema.push_back(object.name + ": " + object.create_sql);
    }
  }
  return schema;
}

/// A batch just big enough for the bulk path: a tree eight wide, listed reports before managers.
model::PeopleChanges BulkBatch() {
  model::PeopleChanges changes;
  const int people = static_cast<int>(Store::kBulkAddThreshold);
  for (int i = people - 1; i >= 0; --i) {
    changes.added.push_back(
        MakePerson(fmt::format("p{}", i), i == 0 ? "" : fmt::format("p{}", (i - 1) / 8), "G"));
  }
  changes.effective = *Date::Parse("2026-01-01");
  return changes;
}

TEST_P(StoreTest, ABulkAddKeepsEveryIndexAndConstraint) {
  SeedOrganisation();
  const std::vector<std::string> schema = BulkLoadSchema(store_->database());
  ASSERT_GE(schema.size(), 5u);  // at least the secondary indexes of the migration
  const Status applied = store_->ApplyPeopleChanges(BulkBatch(), "tester");
  ASSERT_TRUE(applied.ok()) << applied.message();
  EXPECT_EQ(*store_->CountPeople(), static_cast<std::int64_t>(Store::kBulkAddThreshold) + 3);
  EXPECT_EQ(BulkLoadSchema(store_->database()), schema);
  size_t below_p2 = 0;  // counted up the tree, independently of the store
  for (size_t i = 3; i < Store::kBulkAddThreshold; ++i) {
    size_t at = i;
    while (at > 2) at = (at - 1) / 8;
    below_p2 += at == 2 ? 1 : 0;
  }
  EXPECT_EQ(store_->ReportingLine("p2")->size(), below_p2);
  EXPECT_EQ(store_->LevelHistory("p19999")->size(), 1u);
  // The constraints hold again: a second person with p1's email is refused.
  model::PeopleChanges duplicate;
  duplicate.added = {MakePerson("q1", "", "G")};
  duplicate.added[0].email = "p1@example.org";
  duplicate.effective = *Date::Parse("2026-01-02");
  EXPECT_EQ(store_->ApplyPeopleChanges(duplicate, "tester").code(),
            Status::Code::kFailedPrecondition);
}

TEST_P(StoreTest, AFailedBulkAddWritesNothingAndKeepsTheSchema) {
  SeedOrganisation();
  const std::vector<std::string> schema = BulkLoadSchema(store_->database());
  model::PeopleChanges changes = BulkBatch();
  changes.added.back().email = changes.added.front().email;  // found when the index is rebuilt
  EXPECT_FALSE(store_->ApplyPeopleChanges(changes, "tester").ok());
  EXPECT_EQ(*store_->CountPeople(), 3);
  EXPECT_EQ(BulkLoadSchema(store_->database()), schema);
  EXPECT_EQ(AuditActions().size(), 5u);  // the seed's framework, group and three people
}

model::Cycle MakeCycle(Store& store, const std::string& id) {
  model::Cycle cycle;
  cycle.id = id;
  cycle.name = "Cycle " + id;
  cycle.framework_id = "eng";
  cycle.framework_hash = (*store.CurrentFramework("eng"))->hash;
  cycle.period = *model::Period::Parse("2026-H2");
  return cycle;
}

TEST_P(StoreTest, CyclesPinTheirFrameworkVersionAndMoveThroughTheirStates) {
  SeedOrganisation();
  const model::Cycle cycle = MakeCycle(*store_, "2026-h2");
  ASSERT_TRUE(store_->CreateCycle(cycle, "people-team").ok());
  // A new framework version later does not move the cycle off the one it pinned.
  ASSERT_TRUE(
      store_->PutFramework("eng", "Engineering", "format: yardstick/v1\nid: eng\n# v2\n", "tester")
          .ok());
  std::optional<model::Cycle> stored = *store_->GetCycle("2026-h2");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->framework_hash, cycle.framework_hash);
  EXPECT_EQ(stored->framework_id, "eng");
  EXPECT_EQ(stored->state, model::CycleState::kOpen);
  EXPECT_EQ(stored->period.ToString(), "2026-07-01..2026-12-31");
  EXPECT_EQ(store_->CreateCycle(cycle, "people-team").message(),
            "there is already a cycle '2026-h2'");

  using model::CycleState;
  ASSERT_TRUE(
      store_->SetCycleState("2026-h2", CycleState::kOpen, CycleState::kRating, "people-team").ok());
  EXPECT_EQ(
      store_->SetCycleState("2026-h2", CycleState::kOpen, CycleState::kRating, "someone").message(),
      "cycle '2026-h2' is rating now, not open: someone moved it meanwhile");
  Result<std::vector<model::Cycle>> cycles = store_->Cycles();
  ASSERT_TRUE(cycles.ok()) << cycles.status().message();
  ASSERT_EQ(cycles->size(), 1u);
  EXPECT_EQ(cycles->front().state, CycleState::kRating);
  AuditQuery cycle_audit;
  cycle_audit.entity = "cycle";
  const std::vector<model::AuditEntry> audit = *store_->AuditLog(cycle_audit);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "cycle.state");
  EXPECT_NE(audit[1].before.find("\"state\":\"open\""), std::string::npos);
  EXPECT_NE(audit[1].after.find("\"state\":\"rating\""), std::string::npos);
}

TEST_P(StoreTest, ACycleNeedsAStoredFrameworkVersion) {
  SeedOrganisation();
  model::Cycle cycle = MakeCycle(*store_, "c");
  cycle.framework_hash = "0000";
  EXPECT_EQ(store_->CreateCycle(cycle, "people-team").code(), Status::Code::kFailedPrecondition);
  Result<std::vector<model::Cycle>> cycles = store_->Cycles();
  ASSERT_TRUE(cycles.ok()) << cycles.status().message();
  EXPECT_TRUE(cycles->empty());
}

TEST_P(StoreTest, TheSchemaFreezesAClosedCycle) {
  SeedOrganisation();
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "people-team").ok());
  Database& database = store_->database();
  const char* rank =
      "INSERT INTO stack_ranks (cycle_id, rater_id, person_id, rank) VALUES (?, ?, ?, ?)";
  ASSERT_TRUE(database.Run(rank, {"c", "lead", "dev", std::int64_t{1}}).ok());
  ASSERT_TRUE(database.Run("UPDATE cycles SET state = 'closed' WHERE id = 'c'").ok());
  EXPECT_EQ(database.Run(rank, {"c", "boss", "lead", std::int64_t{1}}).code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(database.Run("UPDATE stack_ranks SET rank = 2").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(database.Run("DELETE FROM stack_ranks").code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(database.Run("UPDATE cycles SET name = 'renamed'").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(database.Run("DELETE FROM cycles").code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM stack_ranks", {})->front().Int(0), 1);
  EXPECT_EQ(
      store_
          ->SetCycleState("c", model::CycleState::kClosed, model::CycleState::kOpen, "people-team")
          .code(),
      Status::Code::kFailedPrecondition);
}

TEST_P(StoreTest, RatingsAreRecordedReplacedAndAuditedWhileTheCycleIsRating) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "people-team").ok());
  const std::vector<model::Rating> first = {
      {"dev", "lead", "H", "shipped search", {"c1", "c2"}, false},
      {"lead", "boss", "K", "", {}, false},
  };
  EXPECT_EQ(store_->PutRatings("c", CycleState::kRating, first, "lead").message(),
            "cycle 'c' is open, not rating");
  ASSERT_TRUE(store_->SetCycleState("c", CycleState::kOpen, CycleState::kRating, "pt").ok());
  ASSERT_TRUE(store_->PutRatings("c", CycleState::kRating, first, "lead").ok());
  EXPECT_EQ(*store_->Ratings("c"), first);  // by person then rater: dev, lead
  std::vector<model::Rating> second = first;
  second[0].grade = "I";
  ASSERT_TRUE(store_->PutRatings("c", CycleState::kRating, second, "lead").ok());
  EXPECT_EQ(*store_->Ratings("c"), second);
  AuditQuery ratings_audit;
  ratings_audit.entity = "rating";
  std::vector<std::string> actions;
  for (const model::AuditEntry& entry : *store_->AuditLog(ratings_audit)) {
    actions.push_back(entry.action + " " + entry.entity_id);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"rating.create c/dev/lead", "rating.create c/lead/boss",
                                      "rating.update c/dev/lead"}));
  EXPECT_EQ(store_->database()
                .Query("SELECT version FROM ratings WHERE person_id = 'dev'", {})
                ->front()
                .Int(0),
            2);
  // The schema refuses what review/ would refuse first: rating oneself.
  EXPECT_EQ(store_->PutRatings("c", CycleState::kRating, {{"dev", "dev", "H", "", {}, false}}, "x")
                .code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(store_->Ratings("c")->size(), 2u);
}

TEST_P(StoreTest, StackRanksReplaceTheRatersEarlierRanking) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "people-team").ok());
  ASSERT_TRUE(store_->SetCycleState("c", CycleState::kOpen, CycleState::kRating, "pt").ok());
  ASSERT_TRUE(
      store_->PutStackRanks("c", CycleState::kRating, {{"lead", {"dev"}}, {"boss", {"lead"}}}, "x")
          .ok());
  ASSERT_TRUE(
      store_->PutStackRanks("c", CycleState::kRating, {{"boss", {"lead", "dev"}}}, "x").ok());
  EXPECT_EQ(*store_->StackRanks("c"),
            (std::vector<model::StackRank>{{"boss", {"lead", "dev"}}, {"lead", {"dev"}}}));
  EXPECT_EQ(store_->PutStackRanks("c", CycleState::kOpen, {{"boss", {"dev"}}}, "x").code(),
            Status::Code::kFailedPrecondition);
}

TEST_P(StoreTest, BenchmarkAssignmentsAreKeptOnce) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "people-team").ok());
  ASSERT_TRUE(store_->AssignBenchmarks("c", CycleState::kOpen, {{"dev", "boss"}}, "pt").ok());
  ASSERT_TRUE(store_->AssignBenchmarks("c", CycleState::kOpen, {{"dev", "boss"}}, "pt").ok());
  EXPECT_EQ(*store_->Benchmarks("c"), (std::vector<model::BenchmarkAssignment>{{"dev", "boss"}}));
  AuditQuery benchmark_audit;
  benchmark_audit.entity = "benchmark";
  EXPECT_EQ(store_->AuditLog(benchmark_audit)->size(), 1u);
  EXPECT_EQ(store_->AssignBenchmarks("nope", CycleState::kOpen, {{"dev", "boss"}}, "pt").code(),
            Status::Code::kNotFound);
}

TEST_P(StoreTest, ASlateReplacesTheEarlierOneWhileTheCycleIsCalibrating) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "pt").ok());
  model::Decision promote;
  promote.person_id = "dev";
  promote.proposal = model::Proposal::kPromoteNow;
  promote.from_grade = "G";
  promote.to_grade = "J";
  promote.performed = 9.4;
  promote.se = 0.5;
  promote.streak = 1;
  promote.flags = {"past the band", "needs tech-lead"};
  promote.position_change = "tech-lead";
  promote.reason = "far above";
  promote.bonus = 6200;
  model::Decision unrated;
  unrated.person_id = "boss";
  unrated.proposal = model::Proposal::kNotCalibrated;
  unrated.from_grade = unrated.to_grade = "M";
  unrated.reason = "not calibrated";
  EXPECT_EQ(store_->PutSlate("c", CycleState::kCalibrating, {promote}, "{}", "pt").message(),
            "cycle 'c' is open, not calibrating");
  ASSERT_TRUE(store_->SetCycleState("c", CycleState::kOpen, CycleState::kRating, "pt").ok());
  ASSERT_TRUE(store_->SetCycleState("c", CycleState::kRating, CycleState::kCalibrating, "pt").ok());
  ASSERT_TRUE(store_->PutSlate("c", CycleState::kCalibrating, {promote, unrated}, "{}", "pt").ok());
  EXPECT_EQ(*store_->Decisions("c"), (std::vector<model::Decision>{unrated, promote}));
  ASSERT_TRUE(store_->PutSlate("c", CycleState::kCalibrating, {unrated}, "{}", "pt").ok());
  EXPECT_EQ(*store_->Decisions("c"), std::vector<model::Decision>{unrated});
  // The schema refuses an exception without its justification and approver.
  model::Decision exception = promote;
  exception.proposal = model::Proposal::kException;
  EXPECT_EQ(store_->PutSlate("c", CycleState::kCalibrating, {exception}, "{}", "pt").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(*store_->Decisions("c"), std::vector<model::Decision>{unrated});
}

TEST_P(StoreTest, ApplyingASlateWritesTheMovesAndMarksTheDecisionsAllOrNothing) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "pt").ok());
  for (auto [from, to] : {std::pair{CycleState::kOpen, CycleState::kRating},
                          {CycleState::kRating, CycleState::kCalibrating}}) {
    ASSERT_TRUE(store_->SetCycleState("c", from, to, "pt").ok());
  }
  model::Decision promote;
  promote.person_id = "dev";
  promote.proposal = model::Proposal::kPromoteNow;
  promote.from_grade = "G";
  promote.to_grade = "J";
  promote.reason = "far above";
  model::Decision plan = promote;
  plan.person_id = "lead";
  plan.proposal = model::Proposal::kPlan;
  plan.from_grade = plan.to_grade = "J";
  ASSERT_TRUE(store_->PutSlate("c", CycleState::kCalibrating, {promote, plan}, "{}", "pt").ok());
  ASSERT_TRUE(
      store_->SetCycleState("c", CycleState::kCalibrating, CycleState::kDecided, "pt").ok());
  promote.status = model::DecisionStatus::kAccepted;
  ASSERT_TRUE(store_->UpdateDecisions("c", CycleState::kDecided, {promote}, "pt").ok());

  const Person dev = **store_->GetPerson("dev");
  model::PersonUpdate move{dev, dev};
  move.after.grade = "J";
  move.after.position = "tech-lead";
  move.reason = "promotion";
  move.decision_id = "c/dev";
  move.approver = "exec";
  model::PeopleChanges changes;
  changes.updated = {move};
  changes.effective = *Date::Parse("2027-01-01");
  const std::string untouched = AuditActions().back();
  // The plan was never accepted: nothing at all is written, not even the accepted promotion.
  EXPECT_EQ(store_->ApplySlate("c", CycleState::kDecided, changes, {"dev", "lead"}, "pt").message(),
            "lead's decision in cycle 'c' is not accepted (any more): nothing was applied");
  EXPECT_EQ(**store_->GetPerson("dev"), dev);
  EXPECT_EQ(store_->LevelHistory("dev")->size(), 1u);
  EXPECT_EQ(AuditActions().back(), untouched);
  EXPECT_EQ(store_->Decisions("c")->front().status, model::DecisionStatus::kAccepted);  // dev

  ASSERT_TRUE(store_->ApplySlate("c", CycleState::kDecided, changes, {"dev"}, "pt").ok());
  EXPECT_EQ(**store_->GetPerson("dev"), move.after);
  const std::vector<model::LevelChange> history = *store_->LevelHistory("dev");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].reason, "promotion");
  EXPECT_EQ(history[1].decision_id, "c/dev");
  EXPECT_EQ(history[1].approver, "exec");
  EXPECT_EQ(history[1].effective.ToString(), "2027-01-01");
  const std::vector<model::Decision> decisions = *store_->Decisions("c");
  EXPECT_EQ(decisions[0].status, model::DecisionStatus::kApplied);   // dev
  EXPECT_EQ(decisions[1].status, model::DecisionStatus::kProposed);  // lead
  EXPECT_EQ(AuditActions().back(), "decision.apply");
  // Planned from a grade that is no longer stored: refused, nothing written.
  EXPECT_EQ(store_->ApplyPeopleChanges(changes, "pt").message(),
            "dev's grade or status changed after this change was planned (it expected G, "
            "active): nothing was written; run it again");
  EXPECT_EQ(store_->LevelHistory("dev")->size(), 2u);
}

TEST_P(StoreTest, RolesAreGrantedOnceRevokedAndAudited) {
  SeedOrganisation();
  const model::RoleGrant people_team{"boss", model::Role::kPeopleTeam, ""};
  const model::RoleGrant calibrator{"lead", model::Role::kCalibrator, "engineering"};
  ASSERT_TRUE(store_->GrantRole(people_team, "cli").ok());
  ASSERT_TRUE(store_->GrantRole(people_team, "boss").ok());  // held already: nothing changes
  ASSERT_TRUE(store_->GrantRole(calibrator, "boss").ok());
  EXPECT_EQ(*store_->Roles(), (std::vector<model::RoleGrant>{people_team, calibrator}));
  ASSERT_TRUE(store_->RevokeRole(calibrator, "boss").ok());
  EXPECT_EQ(store_->RevokeRole(calibrator, "boss").code(), Status::Code::kNotFound);
  EXPECT_EQ(*store_->Roles(), (std::vector<model::RoleGrant>{people_team}));
  AuditQuery role_audit;
  role_audit.entity = "role";
  std::vector<std::string> actions;
  for (const model::AuditEntry& entry : *store_->AuditLog(role_audit)) {
    actions.push_back(entry.action + " " + entry.entity_id + " by " + entry.actor);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"role.grant boss/people-team by cli",
                                               "role.grant lead/calibrator/engineering by boss",
                                               "role.revoke lead/calibrator/engineering by boss"}));
  // The schema refuses a group for any role but a calibrator's, and unknown people.
  EXPECT_EQ(store_->GrantRole({"boss", model::Role::kExecutive, "engineering"}, "x").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(store_->GrantRole({"nobody", model::Role::kExecutive, ""}, "x").code(),
            Status::Code::kFailedPrecondition);
}

TEST_P(StoreTest, FeedbackIsGivenOnlyWhenRequestedAndReplacesWhatWasSaid) {
  SeedOrganisation();
  using model::CycleState;
  using model::FeedbackKind;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "pt").ok());
  const model::Feedback peer{"lead", "dev", FeedbackKind::kUpward, "team", "", false, "", "", {}};
  const model::Feedback self{"dev", "dev", FeedbackKind::kSelf, "", "", false, "", "", {}};
  ASSERT_TRUE(store_->RequestFeedback("c", CycleState::kOpen, {peer, self}, "pt").ok());
  ASSERT_TRUE(store_->RequestFeedback("c", CycleState::kOpen, {peer}, "pt").ok());  // once
  std::vector<model::Feedback> stored = *store_->Feedback("c");
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].person_id, "dev");  // by person, then giver
  EXPECT_FALSE(stored[1].given);
  EXPECT_EQ(stored[1].requested_by, "pt");

  model::Feedback given = peer;
  given.given = true;
  given.text = "Keeps us focused";
  given.grade = "J";
  given.scores = {{"teamwork", 6}};
  ASSERT_TRUE(store_->GiveFeedback("c", CycleState::kOpen, {given}, "dev").ok());
  given.text = "Keeps us focused, always";
  ASSERT_TRUE(store_->GiveFeedback("c", CycleState::kOpen, {given}, "dev").ok());
  stored = *store_->Feedback("c");
  given.requested_by = "pt";
  EXPECT_EQ(stored[1], given);
  model::Feedback unasked = given;
  unasked.person_id = "boss";
  const Status refused = store_->GiveFeedback("c", CycleState::kOpen, {given, unasked}, "dev");
  EXPECT_EQ(refused.message(), "no feedback was requested from dev about boss in cycle 'c'");
  EXPECT_EQ(*store_->Feedback("c"), stored);  // all or nothing
  EXPECT_EQ(store_->GiveFeedback("c", CycleState::kRating, {given}, "dev").message(),
            "cycle 'c' is open, not rating");
  AuditQuery feedback_audit;
  feedback_audit.entity = "feedback";
  std::vector<std::string> actions;
  for (const model::AuditEntry& entry : *store_->AuditLog(feedback_audit)) {
    actions.push_back(entry.action + " " + entry.entity_id);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"feedback.request c/lead/dev", "feedback.request c/dev/dev",
                                      "feedback.give c/lead/dev", "feedback.update c/lead/dev"}));
  // The schema itself: a self-review is the person's own; a peer's is somebody else's.
  EXPECT_EQ(
      store_
          ->RequestFeedback("c", CycleState::kOpen,
                            {{"boss", "dev", FeedbackKind::kSelf, "", "", false, "", "", {}}}, "pt")
          .code(),
      Status::Code::kFailedPrecondition);
}

TEST_P(StoreTest, RubricSheetsAndTheirRatingsAreWrittenTogether) {
  SeedOrganisation();
  using model::CycleState;
  ASSERT_TRUE(store_->CreateCycle(MakeCycle(*store_, "c"), "pt").ok());
  ASSERT_TRUE(store_->SetCycleState("c", CycleState::kOpen, CycleState::kRating, "pt").ok());
  model::RubricSheet sheet{
      "dev", "lead", "Shipped", {{"teamwork", "team", 5}}, {{"Search", 8, 0.5}}};
  const model::Rating rating{"dev", "lead", "H", "Shipped", {}, false};
  ASSERT_TRUE(store_->PutRubricSheets("c", CycleState::kRating, {sheet}, {rating}, "lead").ok());
  EXPECT_EQ(*store_->RubricSheets("c"), std::vector<model::RubricSheet>{sheet});
  EXPECT_EQ(*store_->Ratings("c"), std::vector<model::Rating>{rating});
  // A failing rating takes its sheet with it.
  model::RubricSheet second = sheet;
  second.scores[0].points = 7;
  const model::Rating self_rating{"lead", "lead", "H", "", {}, false};
  EXPECT_FALSE(
      store_->PutRubricSheets("c", CycleState::kRating, {second}, {self_rating}, "lead").ok());
  EXPECT_EQ(*store_->RubricSheets("c"), std::vector<model::RubricSheet>{sheet});
  ASSERT_TRUE(store_->PutRubricSheets("c", CycleState::kRating, {second}, {rating}, "lead").ok());
  EXPECT_EQ(*store_->RubricSheets("c"), std::vector<model::RubricSheet>{second});
  AuditQuery sheet_audit;
  sheet_audit.entity = "rubric_sheet";
  std::vector<std::string> actions;
  for (const model::AuditEntry& entry : *store_->AuditLog(sheet_audit)) {
    actions.push_back(entry.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"rubric.create", "rubric.update"}));
}

}  // namespace
}  // namespace yardstick::store
