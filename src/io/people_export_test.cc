#include "io/people_export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "base/clock.h"
#include "base/file.h"
#include "org/org_frameworks.h"
#include "store/sqlite_database.h"
#include "store/store.h"

namespace yardstick::io {
namespace {

constexpr const char* kFramework = R"(format: yardstick/v1
id: eng
name: Engineering
scale: {grades: [A, B, C, D, E, F]}
tracks: [{id: ic, name: Individual contributor}, {id: manager, name: Manager}]
levels:
  - {id: L1, name: Associate, grades: A-B}
  - {id: L2, name: Senior Engineer, grades: C-D, tracks: [ic]}
  - {id: M2, name: Engineering Manager, grades: C-D, tracks: [manager]}
)";

model::Person MakePerson(std::string id, std::string name, std::string grade,
                         std::string manager = "") {
  model::Person person;
  person.id = std::move(id);
  person.name = std::move(name);
  person.email = person.id + "@example.com";
  person.group = "eng";
  person.track = "ic";
  person.grade = std::move(grade);
  person.manager_id = std::move(manager);
  person.hire_date = *model::Date::Parse("2019-03-01");
  person.hired_at_grade = "A";
  return person;
}

/// A small organisation in a SQLite store: a manager, an engineer promoted once, a leaver, and
/// someone whose grade is on no level of their track.
class PeopleExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<store::Database>> database = store::SqliteDatabase::Open(":memory:");
    ASSERT_TRUE(database.ok());
    Result<std::unique_ptr<store::Store>> opened =
        store::Store::Attach(std::move(*database), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->PutFramework("eng", "Engineering", kFramework, "admin").ok());
    ASSERT_TRUE(store_->PutGroup({"eng", "Engineering", "eng"}, "admin").ok());

    model::PeopleChanges hires;
    hires.reason = "import";
    hires.effective = *model::Date::Parse("2020-01-01");
    model::Person manager = MakePerson("00123", "Zoë Łukasiewicz", "D");
    manager.track = "manager";
    manager.position = "eng-manager";
    hires.added.push_back(manager);
    hires.added.push_back(MakePerson("00200", "Ana \"Nina\" Núñez, PhD", "B", "00123"));
    hires.added.push_back(MakePerson("00300", "Łeft Person", "A", "00123"));
    hires.added.push_back(MakePerson("00400", "Off The Ladder", "F", "00123"));
    ASSERT_TRUE(store_->ApplyPeopleChanges(hires, "hris").ok());

    model::PeopleChanges changes;
    changes.reason = "promotion";
    changes.effective = *model::Date::Parse("2025-07-01");
    model::Person promoted = hires.added[1];
    promoted.grade = "C";
    changes.updated.push_back({hires.added[1], promoted});
    model::Person leaver = hires.added[2];
    leaver.status = model::PersonStatus::kLeft;
    leaver.left_date = *model::Date::Parse("2024-12-31");
    changes.updated.push_back({hires.added[2], leaver});
    ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "hris").ok());

    Result<std::vector<model::Person>> people = store_->AllPeople();
    ASSERT_TRUE(people.ok());
    people_ = std::move(*people);
    Result<std::vector<model::LevelChange>> history = store_->AllLevelHistory();
    ASSERT_TRUE(history.ok());
    history_ = std::move(*history);
    Result<org::OrgFrameworks> frameworks = org::OrgFrameworks::Load(*store_);
    ASSERT_TRUE(frameworks.ok()) << frameworks.status().message();
    frameworks_ = std::make_unique<org::OrgFrameworks>(std::move(*frameworks));
  }

  [[nodiscard]] ExportTable People() const {
    return PeopleTable(people_,
                       [this](const std::string& group) { return frameworks_->ForGroup(group); });
  }

  static std::vector<std::vector<std::string>> Rows(const ExportTable& table) {
    std::vector<std::vector<std::string>> rows;
    for (size_t index = 0; index < table.row_count; ++index) {
      std::vector<std::string> cells(table.columns.size());
      table.row(index, cells);
      rows.push_back(cells);
    }
    return rows;
  }

  static std::vector<std::string> Headers(const ExportTable& table) {
    std::vector<std::string> headers;
    for (const ExportColumn& column : table.columns) headers.push_back(column.header);
    return headers;
  }

  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::vector<model::Person> people_;
  std::vector<model::LevelChange> history_;
  std::unique_ptr<org::OrgFrameworks> frameworks_;
};

TEST_F(PeopleExportTest, PeopleHaveTheirLevelFromTheirGroupsFramework) {
  const ExportTable table = People();
  EXPECT_EQ(table.title, "People");
  EXPECT_EQ(Headers(table),
            (std::vector<std::string>{"id", "name", "email", "group", "track", "grade", "level",
                                      "position", "manager_id", "hire_date", "hired_at_grade",
                                      "status", "left_date"}));
  const std::vector<std::vector<std::string>> expected = {
      {"00123", "Zoë Łukasiewicz", "00123@example.com", "eng", "manager", "D",
       "Engineering Manager", "eng-manager", "", "2019-03-01", "A", "active", ""},
      {"00200", "Ana \"Nina\" Núñez, PhD", "00200@example.com", "eng", "ic", "C", "Senior Engineer",
       "", "00123", "2019-03-01", "A", "active", ""},
      {"00300", "Łeft Person", "00300@example.com", "eng", "ic", "A", "Associate", "", "00123",
       "2019-03-01", "A", "left", "2024-12-31"},
      {"00400", "Off The Ladder", "00400@example.com", "eng", "ic", "F", "", "", "00123",
       "2019-03-01", "A", "active", ""},
  };
  EXPECT_EQ(Rows(table), expected);
}

TEST_F(PeopleExportTest, AnUnknownGroupLeavesTheLevelEmpty) {
  const ExportTable table = PeopleTable(people_, [](const std::string&) { return nullptr; });
  for (const std::vector<std::string>& row : Rows(table)) EXPECT_EQ(row[6], "");
}

TEST_F(PeopleExportTest, NoPayColumnsAnywhere) {
  for (const std::vector<ExportColumn>* columns : {&PeopleColumns(), &LevelHistoryColumns()}) {
    for (const ExportColumn& column : *columns) {
      for (const char* word : {"pay", "salary", "allowance", "bonus", "compensation"}) {
        EXPECT_EQ(column.header.find(word), std::string::npos) << column.header;
      }
    }
  }
}

TEST_F(PeopleExportTest, HistoryHasEveryChangeWithTheName) {
  const ExportTable table = LevelHistoryTable(history_, NamesOf(people_));
  EXPECT_EQ(table.title, "Level history");
  EXPECT_EQ(Headers(table),
            (std::vector<std::string>{"person_id", "name", "from_grade", "to_grade",
                                      "effective_date", "reason", "decision_id", "approver"}));
  const std::vector<std::vector<std::string>> expected = {
      {"00123", "Zoë Łukasiewicz", "", "A", "2019-03-01", "hired", "", "hris"},
      {"00123", "Zoë Łukasiewicz", "A", "D", "2020-01-01", "import", "", "hris"},
      {"00200", "Ana \"Nina\" Núñez, PhD", "", "A", "2019-03-01", "hired", "", "hris"},
      {"00200", "Ana \"Nina\" Núñez, PhD", "A", "B", "2020-01-01", "import", "", "hris"},
      {"00200", "Ana \"Nina\" Núñez, PhD", "B", "C", "2025-07-01", "promotion", "", "hris"},
      {"00300", "Łeft Person", "", "A", "2019-03-01", "hired", "", "hris"},
      {"00400", "Off The Ladder", "", "A", "2019-03-01", "hired", "", "hris"},
      {"00400", "Off The Ladder", "A", "F", "2020-01-01", "import", "", "hris"},
  };
  EXPECT_EQ(Rows(table), expected);
}

TEST_F(PeopleExportTest, WritesPeopleAsCsv) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("yardstick-people-" + std::to_string(getpid()) + ".csv"))
                               .string();
  ASSERT_TRUE(WriteExport(People(), ExportFormat::kCsv, path).ok());
  Result<std::string> text = ReadTextFile(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "id,name,email,group,track,grade,level,position,manager_id,hire_date,hired_at_grade,"
            "status,left_date\r\n"
            "00123,Zoë Łukasiewicz,00123@example.com,eng,manager,D,Engineering Manager,"
            "eng-manager,,2019-03-01,A,active,\r\n"
            "00200,\"Ana \"\"Nina\"\" Núñez, PhD\",00200@example.com,eng,ic,C,Senior Engineer,,"
            "00123,2019-03-01,A,active,\r\n"
            "00300,Łeft Person,00300@example.com,eng,ic,A,Associate,,00123,2019-03-01,A,left,"
            "2024-12-31\r\n"
            "00400,Off The Ladder,00400@example.com,eng,ic,F,,,00123,2019-03-01,A,active,\r\n");
}

TEST(ExportFormatTest, FromTheFlagOrTheFileName) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("XLSX"), ExportFormat::kXlsx);
  EXPECT_EQ(ParseExportFormat("xls"), std::nullopt);
  EXPECT_EQ(FormatOfPath("out/people.xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(FormatOfPath("people.CSV"), ExportFormat::kCsv);
  EXPECT_EQ(FormatOfPath("people"), std::nullopt);
  EXPECT_EQ(FormatOfPath("v1.2/people"), std::nullopt);
}

}  // namespace
}  // namespace yardstick::io
