#include "org/people_import.h"

#include <sstream>

#include <gtest/gtest.h>

#include "org/import_fixture.h"

namespace yardstick::org {
namespace {

using model::Person;
using model::PersonStatus;
using testing::ImportFixtureOrg;
using testing::kImportEffective;
using testing::kUnchangedCsv;

ImportPlan Plan(const std::string& text, bool partial = false,
                const OrgState& org = ImportFixtureOrg()) {
  std::istringstream in(text);
  const io::PeopleCsv csv = io::ReadPeopleCsv(in);
  return PlanPeopleImport(org, csv, {partial, kImportEffective});
}

TEST(PeopleImportTest, AnIdenticalExportChangesNothing) {
  const ImportPlan plan = Plan(kUnchangedCsv);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  EXPECT_TRUE(plan.changes.empty());
  EXPECT_EQ(plan.unchanged, 4);
  EXPECT_EQ(plan.changes.reason, "import");
  EXPECT_EQ(plan.changes.effective, kImportEffective);
}

TEST(PeopleImportTest, AddsPeopleWithDefaults) {
  const ImportPlan plan = Plan(
      "id,name,email,group,track,grade,hire_date\n"
      "E6,Barbara Liskov,barbara@example.com,engineering,ic,G,2024-01-01\n",
      /*partial=*/true);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  ASSERT_EQ(plan.changes.added.size(), 1u);
  const Person& added = plan.changes.added[0];
  EXPECT_EQ(added.id, "E6");
  EXPECT_EQ(added.grade, "G");
  EXPECT_EQ(added.hired_at_grade, "G");  // defaults to the grade
  EXPECT_EQ(added.status, PersonStatus::kActive);
  EXPECT_EQ(added.position, "");
  EXPECT_EQ(added.manager_id, "");
  EXPECT_EQ(added.hire_date, (model::Date{2024, 1, 1}));
  EXPECT_TRUE(plan.changes.updated.empty());
}

TEST(PeopleImportTest, AChangedRowCarriesBeforeAndAfter) {
  std::string text = kUnchangedCsv;
  text.replace(text.find("ic,G,software-engineer,E2"), 25, "ic,H,software-engineer,E3");
  const ImportPlan plan = Plan(text);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  ASSERT_EQ(plan.changes.updated.size(), 1u);
  const model::PersonUpdate& update = plan.changes.updated[0];
  EXPECT_EQ(update.before, testing::FixturePeople()[3]);
  EXPECT_EQ(update.after.grade, "H");
  EXPECT_EQ(update.after.manager_id, "E3");
  EXPECT_EQ(update.after.hired_at_grade, "G");
  EXPECT_EQ(plan.unchanged, 3);
}

TEST(PeopleImportTest, AFullImportMarksMissingActivePeopleAsLeftOnTheEffectiveDate) {
  std::string text = kUnchangedCsv;
  text.erase(text.find("E4,"));
  const ImportPlan plan = Plan(text);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  ASSERT_EQ(plan.changes.updated.size(), 1u);  // E5 has left already: untouched
  const model::PersonUpdate& update = plan.changes.updated[0];
  EXPECT_EQ(update.before.id, "E4");
  EXPECT_EQ(update.after.status, PersonStatus::kLeft);
  EXPECT_EQ(update.after.left_date, kImportEffective);
  EXPECT_EQ(update.after.grade, update.before.grade);

  const ImportPlan partial = Plan(text, /*partial=*/true);
  ASSERT_TRUE(partial.ok());
  EXPECT_TRUE(partial.changes.empty());
}

TEST(PeopleImportTest, AnyErrorMeansNoChangesAtAll) {
  std::string text = kUnchangedCsv;
  text +=
      "E6,Barbara Liskov,barbara@example.com,engineering,ic,G,software-engineer,E404,"
      "2024-01-01,G\n";
  text.replace(text.find("ic,I,tech-lead"), 4, "ic,J");
  const ImportPlan plan = Plan(text);
  EXPECT_FALSE(plan.ok());
  EXPECT_TRUE(plan.changes.empty());
  EXPECT_EQ(plan.unchanged, 0);
  EXPECT_EQ(plan.diagnostics.ErrorCount(), 1);
}

TEST(PeopleImportTest, AGroupWhoseFrameworkIsNotLoadedIsReported) {
  OrgState org = ImportFixtureOrg();
  org.groups.push_back({"product", "Product", "product"});
  const ImportPlan plan = Plan(
      "id,name,email,group,track,grade,hire_date\n"
      "E6,Marty Cagan,marty@example.com,product,ic,G,2024-01-01\n",
      /*partial=*/true, org);
  EXPECT_EQ(plan.diagnostics.Format("f"),
            "f:2:4: error: group 'product' uses framework 'product', which is not loaded\n");
}

TEST(PeopleImportTest, ComparesSalariesWithBasePayPlusAllowance) {
  const ImportPlan plan = Plan(
      "id,name,email,group,track,grade,position,hire_date,salary,status,left_date\n"
      "E6,Barbara Liskov,barbara@example.com,engineering,ic,J,tech-lead,2024-01-01,80000,,\n"
      "E7,Donald Knuth,donald@example.com,engineering,ic,J,,2024-01-01,78000,,\n"
      "E8,Frances Allen,frances@example.com,engineering,ic,J,,2020-01-01,1,left,2024-01-01\n",
      /*partial=*/true);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  ASSERT_EQ(plan.salary_deviations.size(), 1u);  // E7 matches; E8 has left
  const SalaryDeviation& deviation = plan.salary_deviations[0];
  EXPECT_EQ(deviation.person_id, "E6");
  EXPECT_EQ(deviation.line, 2);
  EXPECT_DOUBLE_EQ(deviation.given, 80000);
  EXPECT_DOUBLE_EQ(deviation.scale, 78000 + 6000);
  EXPECT_DOUBLE_EQ(deviation.difference, -4000);
  EXPECT_EQ(plan.changes.added.size(), 3u);  // salaries never stop or shape an import
}

TEST(PeopleImportTest, PartialImportsMayNameStoredManagers) {
  const ImportPlan plan = Plan(
      "id,name,email,group,track,grade,hire_date,manager_id\n"
      "E6,Barbara Liskov,barbara@example.com,engineering,ic,G,2024-01-01,E3\n",
      /*partial=*/true);
  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("f");
  EXPECT_EQ(plan.changes.added.at(0).manager_id, "E3");
}

TEST(PeopleImportTest, HeaderProblemsStopBeforeTheRows) {
  const ImportPlan plan = Plan("id,name\nE1,Ada\n");
  EXPECT_FALSE(plan.ok());
  EXPECT_EQ(plan.diagnostics.ErrorCount(), 5);  // email, group, track, grade, hire_date
}

}  // namespace
}  // namespace yardstick::org
