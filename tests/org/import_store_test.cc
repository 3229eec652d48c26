// HRIS imports against a real store, on SQLite and PostgreSQL: a bad file writes nothing (every
// bad case of tests/org/import_cases is replayed and the database compared before and after, by
// people, level history, audit log and a full dump), a dry run writes nothing, and a good file is
// applied in full so that importing it again changes nothing.
#include <sstream>

#include <gtest/gtest.h>

#include "base/file.h"
#include "case_file.h"
#include "org/import_fixture.h"
#include "org/people_import_job.h"
#include "store/dump.h"
#include "store_engines.h"

namespace yardstick::org {
namespace {

using model::PersonStatus;
using testing::kImportEffective;
using testing::kUnchangedCsv;

/// Everything an import could touch, as text to compare.
struct Snapshot {
  std::vector<model::Person> people;
  std::vector<model::LevelChange> history;
  std::vector<model::AuditEntry> audit;
  std::string dump;

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

class ImportStoreTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    Result<std::string> yaml =
        ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/engineering.yaml");
    ASSERT_TRUE(yaml.ok());
    ASSERT_TRUE(store_->PutFramework("engineering", "Engineering", *yaml, "test").ok());
    ASSERT_TRUE(store_->PutGroup({"engineering", "Engineering", "engineering"}, "test").ok());
    model::PeopleChanges seed;
    seed.added = testing::FixturePeople();
    seed.reason = "hired";
    seed.effective = model::Date{2015, 3, 1};
    const Status seeded = store_->ApplyPeopleChanges(seed, "test");
    ASSERT_TRUE(seeded.ok()) << seeded.message();
  }

  Snapshot Take() {
    Snapshot snapshot;
    snapshot.people = *store_->AllPeople();
    snapshot.history = *store_->AllLevelHistory();
    snapshot.audit = *store_->AuditLog({});
    Result<std::string> dump = store::DumpDatabaseText(store_->database());
    EXPECT_TRUE(dump.ok()) << dump.status().message();
    if (dump.ok()) snapshot.dump = *dump;
    return snapshot;
  }

  ImportOutcome Import(const std::string& text, ImportOptions options = {false, kImportEffective},
                       bool dry_run = false, io::ColumnMapping mapping = {}) {
    std::istringstream in(text);
    ImportRequest request{std::move(mapping), options, dry_run, "importer"};
    Result<ImportOutcome> outcome = ImportPeople(*store_, in, request);
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    return outcome.ok() ? std::move(*outcome) : ImportOutcome{};
  }

  FakeClock clock_{"2026-11-21T10:00:00Z"};
  std::unique_ptr<store::Store> store_;
};

bool ExpectsAnError(const testing::TestCase& test_case) {
  for (const std::string& line : test_case.expected) {
    if (line.find(" error: ") != std::string::npos || line.rfind("error: ", 0) == 0) return true;
  }
  return false;
}

TEST_P(ImportStoreTest, EveryBadFileLeavesTheDatabaseUnchanged) {
  const std::vector<testing::TestCase> cases =
      testing::ReadCaseDirectory(YARDSTICK_SOURCE_DIR "/tests/org/import_cases", ".test");
  const Snapshot before = Take();
  int bad = 0;
  for (const testing::TestCase& test_case : cases) {
    if (!ExpectsAnError(test_case)) continue;
    ++bad;
    const testing::ImportCaseSetup setup = testing::ReadImportDirectives(test_case.input);
    const ImportOutcome outcome = Import(setup.csv, setup.options, false, setup.mapping);
    EXPECT_FALSE(outcome.plan.ok()) << test_case.name;
    EXPECT_FALSE(outcome.applied) << test_case.name;
    EXPECT_TRUE(Take() == before) << "the database changed after case '" << test_case.name << "'";
  }
  EXPECT_GE(bad, 25);
}

TEST_P(ImportStoreTest, ADryRunWritesNothing) {
  const Snapshot before = Take();
  std::string text = kUnchangedCsv;
  text.erase(text.find("E4,"));  // E4 would leave
  const ImportOutcome outcome = Import(text, {false, kImportEffective}, /*dry_run=*/true);
  ASSERT_TRUE(outcome.plan.ok());
  EXPECT_EQ(outcome.plan.changes.updated.size(), 1u);
  EXPECT_FALSE(outcome.applied);
  EXPECT_TRUE(Take() == before);
}

TEST_P(ImportStoreTest, AppliesAGoodFileInFullAndAReimportChangesNothing) {
  std::string text = kUnchangedCsv;
  text.replace(text.find("ic,G,software-engineer,E2"), 25, "ic,H,software-engineer,E3");
  text +=
      "E6,Barbara Liskov,barbara@example.com,engineering,ic,G,software-engineer,E3,"
      "2024-01-01,G\n";
  const ImportOutcome first = Import(text);
  ASSERT_TRUE(first.plan.ok()) << first.plan.diagnostics.Format("f");
  EXPECT_TRUE(first.applied);

  Result<std::optional<model::Person>> e4 = store_->GetPerson("E4");
  ASSERT_TRUE(e4.ok() && e4->has_value());
  EXPECT_EQ((*e4)->grade, "H");
  EXPECT_EQ((*e4)->manager_id, "E3");
  Result<std::optional<model::Person>> e6 = store_->GetPerson("E6");
  ASSERT_TRUE(e6.ok() && e6->has_value());
  EXPECT_EQ((*e6)->status, PersonStatus::kActive);
  const std::vector<model::LevelChange> history = *store_->LevelHistory("E4");
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().reason, "import");
  EXPECT_EQ(history.back().to_grade, "H");
  EXPECT_EQ(history.back().effective, kImportEffective);

  const Snapshot applied = Take();
  const ImportOutcome again = Import(text);
  ASSERT_TRUE(again.plan.ok());
  EXPECT_TRUE(again.plan.changes.empty());
  EXPECT_EQ(again.plan.unchanged, 5);
  EXPECT_FALSE(again.applied);
  EXPECT_TRUE(Take() == applied);
}

TEST_P(ImportStoreTest, AFullImportMarksMissingPeopleAsLeft) {
  std::string text = kUnchangedCsv;
  text.erase(text.find("E4,"));
  const ImportOutcome outcome = Import(text);
  ASSERT_TRUE(outcome.applied) << outcome.plan.diagnostics.Format("f");
  Result<std::optional<model::Person>> e4 = store_->GetPerson("E4");
  ASSERT_TRUE(e4.ok() && e4->has_value());
  EXPECT_EQ((*e4)->status, PersonStatus::kLeft);
  EXPECT_EQ((*e4)->left_date, kImportEffective);
  store::AuditQuery query;
  query.entity_id = "E4";
  const std::vector<model::AuditEntry> audit = *store_->AuditLog(query);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().action, "person.leave");
  EXPECT_EQ(audit.back().actor, "importer");
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportStoreTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::org
