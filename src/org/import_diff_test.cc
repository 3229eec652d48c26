#include "org/import_diff.h"

#include <gtest/gtest.h>

namespace yardstick::org {
namespace {

model::Person Someone(const std::string& id) {
  model::Person person;
  person.id = id;
  person.name = "Person " + id;
  person.group = "engineering";
  person.track = "ic";
  person.grade = "G";
  return person;
}

TEST(ImportDiffTest, DescribesEachChangedField) {
  model::PersonUpdate update{Someone("E7"), Someone("E7")};
  update.before.manager_id = "E2";
  update.after.grade = "H";
  update.after.manager_id = "E3";
  update.after.position = "tech-lead";
  EXPECT_EQ(DescribeUpdate(update), "grade G → H; position (none) → tech-lead; manager E2 → E3");
}

TEST(ImportDiffTest, ListsAddedChangedAndLeavingPeople) {
  ImportPlan plan;
  plan.unchanged = 3;
  plan.changes.added.push_back(Someone("E123"));
  model::PersonUpdate changed{Someone("E7"), Someone("E7")};
  changed.after.grade = "H";
  model::PersonUpdate leaving{Someone("E9"), Someone("E9")};
  leaving.after.status = model::PersonStatus::kLeft;
  leaving.after.left_date = model::Date{2026, 11, 21};
  plan.changes.updated = {leaving, changed};
  EXPECT_EQ(FormatImportDiff(plan),
            "1 to add, 1 to change, 1 leaving, 3 unchanged\n"
            "+ E123 Person E123 (engineering, ic, G)\n"
            "~ E7 grade G → H\n"
            "- E9 Person E9 left on 2026-11-21\n");
}

TEST(ImportDiffTest, CapsLongListsUnlessAskedForAll) {
  ImportPlan plan;
  for (int i = 0; i < 25; ++i) plan.changes.added.push_back(Someone("E" + std::to_string(i)));
  const std::string capped = FormatImportDiff(plan, {20});
  EXPECT_NE(capped.find("+ E19 "), std::string::npos);
  EXPECT_EQ(capped.find("+ E20 "), std::string::npos);
  EXPECT_NE(capped.find("… and 5 more to add\n"), std::string::npos);
  const std::string all = FormatImportDiff(plan, {0});
  EXPECT_NE(all.find("+ E24 "), std::string::npos);
  EXPECT_EQ(all.find("more"), std::string::npos);
}

TEST(ImportDiffTest, ListsSalaryDeviations) {
  EXPECT_EQ(FormatSalaryDeviations({}), "");
  EXPECT_EQ(FormatSalaryDeviations({{"E7", 4, 60000, 62000, -2000}, {"E8", 5, 70500, 70000, 500}}),
            "2 salaries differ from the pay scale (salaries are compared, never stored):\n"
            "  E7 (line 4): 60000 given, scale 62000, difference -2000\n"
            "  E8 (line 5): 70500 given, scale 70000, difference +500\n");
}

}  // namespace
}  // namespace yardstick::org
