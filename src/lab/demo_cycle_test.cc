#include "lab/demo_cycle.h"

#include <gtest/gtest.h>

#include <set>

namespace yardstick::lab {
namespace {

model::Person Person(const std::string& id, const std::string& manager, const std::string& grade) {
  model::Person person;
  person.id = id;
  person.manager_id = manager;
  person.grade = grade;
  person.group = "engineering";
  return person;
}

model::Scale Scale() {
  model::Scale scale;
  for (const char* grade : {"A", "B", "C", "D", "E", "F", "G"}) scale.grades.push_back({grade, {}});
  return scale;
}

const std::vector<model::Person> kPeople = {
    Person("boss", "", "G"), Person("m1", "boss", "E"), Person("m2", "boss", "E"),
    Person("a", "m1", "C"),  Person("b", "m1", "D"),    Person("c", "m2", "B"),
    Person("d", "m2", "C"),  Person("e", "m2", "A"),
};

TEST(DemoCycleTest, EveryoneWithAManagerIsRatedAndEveryTeamRanked) {
  const DemoCycleInputs inputs = GenerateDemoCycle(kPeople, {{"a", "m2"}}, Scale(), 7);
  std::set<std::pair<std::string, std::string>> rated;
  for (const model::Rating& rating : inputs.ratings) {
    rated.emplace(rating.person_id, rating.rater_id);
    EXPECT_GE(Scale().IndexOf(rating.grade), 0) << rating.grade;
    EXPECT_EQ(rating.benchmark, rating.rater_id == "m2" && rating.person_id == "a");
  }
  EXPECT_EQ(rated, (std::set<std::pair<std::string, std::string>>{{"m1", "boss"},
                                                                  {"m2", "boss"},
                                                                  {"a", "m1"},
                                                                  {"b", "m1"},
                                                                  {"c", "m2"},
                                                                  {"d", "m2"},
                                                                  {"e", "m2"},
                                                                  {"a", "m2"}}));
  ASSERT_EQ(inputs.ranks.size(), 3u);  // boss, m1, m2: std::map order
  EXPECT_EQ(inputs.ranks[2].rater_id, "m2");
  EXPECT_EQ(std::set<std::string>(inputs.ranks[2].people.begin(), inputs.ranks[2].people.end()),
            (std::set<std::string>{"c", "d", "e"}));
}

TEST(DemoCycleTest, TheSameSeedGivesTheSameCycleAndAnotherSeedAnother) {
  const DemoCycleInputs first = GenerateDemoCycle(kPeople, {}, Scale(), 7);
  EXPECT_EQ(GenerateDemoCycle(kPeople, {}, Scale(), 7).ratings, first.ratings);
  EXPECT_EQ(GenerateDemoCycle(kPeople, {}, Scale(), 7).ranks, first.ranks);
  bool differs = false;
  for (std::uint64_t seed = 8; seed < 20 && !differs; ++seed) {
    differs = GenerateDemoCycle(kPeople, {}, Scale(), seed).ratings != first.ratings;
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace yardstick::lab
