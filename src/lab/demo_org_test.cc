#include "lab/demo_org.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/file.h"
#include "io/people_csv.h"
#include "ladder/framework_loader.h"
#include "org/people_import.h"
#include "store/store.h"
#include "store_engines.h"

namespace yardstick::lab {
namespace {

using model::Date;
using model::PeopleChanges;
using model::Person;
using model::PersonStatus;
using ::testing::HasSubstr;

constexpr Date kToday{2026, 1, 15};

/// The text of a built-in framework file.
std::string FrameworkYaml(const std::string& name) {
  Result<std::string> yaml =
      ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/" + name + ".yaml");
  EXPECT_TRUE(yaml.ok()) << yaml.status().message();
  return yaml.ok() ? *yaml : "";
}

const model::Framework& BuiltIn(const std::string& name) {
  static std::map<std::string, model::Framework> loaded;
  auto found = loaded.find(name);
  if (found == loaded.end()) {
    ladder::LoadedFramework framework = ladder::LoadFramework(FrameworkYaml(name));
    EXPECT_TRUE(framework.ok()) << framework.diagnostics.Format(name);
    found = loaded.emplace(name, std::move(framework.framework)).first;
  }
  return found->second;
}

DemoOrg Generate(int people, std::uint64_t seed = 1, Date today = kToday) {
  Result<DemoOrg> org =
      DemoOrg::Generate({people, seed, today}, BuiltIn("engineering"), BuiltIn("product"));
  EXPECT_TRUE(org.ok()) << org.status().message();
  return std::move(*org);
}

const model::Framework& FrameworkOf(const Person& person) {
  return BuiltIn(person.group == "product" ? "product" : "engineering");
}

/// Every field of every batch, one line per change: equal text means equal batches.
std::string Fingerprint(const std::vector<PeopleChanges>& batches) {
  auto person = [](const Person& p) {
    return p.id + "|" + p.name + "|" + p.email + "|" + p.group + "|" + p.track + "|" + p.grade +
           "|" + p.position + "|" + p.manager_id + "|" + p.hire_date.ToString() + "|" +
           p.hired_at_grade + "|" + model::ToString(p.status) + "|" +
           (p.left_date ? p.left_date->ToString() : "");
  };
  std::string text;
  for (const PeopleChanges& batch : batches) {
    text += "batch " + batch.reason + " " + batch.effective.ToString() + "\n";
    for (const Person& added : batch.added) text += "+" + person(added) + "\n";
    for (const model::PersonUpdate& update : batch.updated) {
      text += "-" + person(update.before) + "\n~" + person(update.after) + "\n";
    }
  }
  return text;
}

std::uint64_t Fnv1a(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

/// The organisation after applying |batches| in order as the store does, with everyone's level
/// history. Records in |problems| every batch that could not be applied as given: a manager not
/// yet hired, a person added twice, an update whose "before" is not the current state.
struct Replay {
  std::vector<Person> people;  ///< in the order added
  std::unordered_map<std::string, size_t> index;
  std::vector<std::vector<model::LevelChange>> history;
  std::vector<std::string> problems;
};

Replay ReplayBatches(const std::vector<PeopleChanges>& batches) {
  Replay replay;
  auto change = [&](size_t at, const std::string& from, const std::string& to, Date when,
                    const std::string& reason) {
    replay.history[at].push_back({0, replay.people[at].id, from, to, when, reason, "", ""});
  };
  for (const PeopleChanges& batch : batches) {
    for (const Person& person : batch.added) {
      if (!replay.index.emplace(person.id, replay.people.size()).second) {
        replay.problems.push_back("added twice: " + person.id);
        continue;
      }
      replay.people.push_back(person);
      replay.history.emplace_back();
      change(replay.people.size() - 1, "", person.hired_at_grade, person.hire_date, "hired");
      if (person.grade != person.hired_at_grade) {
        change(replay.people.size() - 1, person.hired_at_grade, person.grade, batch.effective,
               batch.reason);
      }
    }
    for (const Person& person : batch.added) {
      if (!person.manager_id.empty() && !replay.index.contains(person.manager_id)) {
        replay.problems.push_back(person.id + "'s manager is not hired yet");
      }
    }
    for (const model::PersonUpdate& update : batch.updated) {
      auto found = replay.index.find(update.after.id);
      if (found == replay.index.end() || !(replay.people[found->second] == update.before)) {
        replay.problems.push_back("update of " + update.after.id + " does not match its state");
        continue;
      }
      if (update.before.grade != update.after.grade) {
        change(found->second, update.before.grade, update.after.grade, batch.effective,
               batch.reason);
      }
      replay.people[found->second] = update.after;
    }
  }
  return replay;
}

// Invariants of a valid organisation ---------------------------------------------------------

void CheckGradeInBands(const Person& person, const std::string& grade,
                       std::vector<std::string>& problems) {
  const model::Framework& framework = FrameworkOf(person);
  const int index = framework.scale.IndexOf(grade);
  if (framework.LevelAt(person.track, index) == nullptr) {
    problems.push_back(person.id + ": grade " + grade + " outside track " + person.track);
  }
  const model::Position* position = framework.FindPosition(person.position);
  if (position == nullptr) {
    problems.push_back(person.id + ": unknown position '" + person.position + "'");
    return;
  }
  if (!position->track.empty() && position->track != person.track) {
    problems.push_back(person.id + ": position " + position->id + " not on " + person.track);
  }
  const int low = framework.ResolveBound(position->min_level).first;
  const int high = framework.ResolveBound(position->max_level).second;
  if (index < low || index > high) {
    problems.push_back(person.id + ": grade " + grade + " outside position " + position->id);
  }
}

void CheckPerson(const Person& person, std::vector<std::string>& problems) {
  if (person.group != "engineering" && person.group != "product") {
    problems.push_back(person.id + ": unknown group " + person.group);
    return;
  }
  CheckGradeInBands(person, person.grade, problems);
  CheckGradeInBands(person, person.hired_at_grade, problems);
  if (person.hire_date >= kToday) problems.push_back(person.id + ": hired today or later");
  const bool left = person.status == PersonStatus::kLeft;
  if (left != person.left_date.has_value()) problems.push_back(person.id + ": left_date");
  if (left && !(person.hire_date < *person.left_date && *person.left_date < kToday)) {
    problems.push_back(person.id + ": left outside their employment");
  }
  if (person.email.find('@') == std::string::npos || person.name.empty()) {
    problems.push_back(person.id + ": bad name or email");
  }
}

/// Unique ids and emails, managers that exist and are active, one top, no loops.
void CheckTree(const std::vector<Person>& people, std::vector<std::string>& problems) {
  std::unordered_map<std::string, const Person*> by_id;
  std::unordered_set<std::string> emails;
  for (const Person& person : people) {
    if (!by_id.emplace(person.id, &person).second) problems.push_back("duplicate id " + person.id);
    if (!emails.insert(person.email).second) problems.push_back("duplicate " + person.email);
  }
  int tops = 0;
  for (const Person& person : people) {
    if (person.manager_id.empty()) {
      ++tops;
      continue;
    }
    auto manager = by_id.find(person.manager_id);
    if (manager == by_id.end() || manager->second->status != PersonStatus::kActive) {
      problems.push_back(person.id + ": manager " + person.manager_id + " missing or left");
      continue;
    }
    // Walking up must reach the top in fewer steps than there are people.
    const Person* walker = &person;
    size_t steps = 0;
    while (!walker->manager_id.empty() && steps++ <= people.size()) {
      walker = by_id.at(walker->manager_id);
    }
    if (!walker->manager_id.empty()) problems.push_back(person.id + ": manager loop");
  }
  if (tops != 1) problems.push_back("tops: " + std::to_string(tops));
}

/// Histories start with "hired" at the hire date, then one-grade promotions, ending at the
/// person's grade, all after hiring and before leaving.
void CheckHistory(const Replay& replay, std::vector<std::string>& problems) {
  for (size_t i = 0; i < replay.people.size(); ++i) {
    const Person& person = replay.people[i];
    const auto& history = replay.history[i];
    if (history.empty() || history.front().reason != "hired" ||
        history.front().effective != person.hire_date ||
        history.front().to_grade != person.hired_at_grade) {
      problems.push_back(person.id + ": history does not start with the hire");
      continue;
    }
    const model::Framework& framework = FrameworkOf(person);
    for (size_t h = 1; h < history.size(); ++h) {
      const model::LevelChange& change = history[h];
      const bool after_hire = change.effective > history[h - 1].effective;
      const bool before_leaving = !person.left_date || change.effective < *person.left_date;
      const bool one_step = framework.scale.IndexOf(change.to_grade) ==
                            framework.scale.IndexOf(change.from_grade) + 1;
      if (!after_hire || !before_leaving || !one_step || change.reason != "promotion") {
        problems.push_back(person.id + ": bad change on " + change.effective.ToString());
      }
    }
    if (history.back().to_grade != person.grade) {
      problems.push_back(person.id + ": history does not end at the grade");
    }
  }
}

/// Every manager below the top has 4-9 active direct reports.
void CheckTeams(const std::vector<Person>& people, std::vector<std::string>& problems) {
  std::unordered_map<std::string, int> reports;
  for (const Person& person : people) {
    if (person.status == PersonStatus::kActive && !person.manager_id.empty()) {
      ++reports[person.manager_id];
    }
  }
  for (const Person& person : people) {
    auto found = reports.find(person.id);
    if (found == reports.end() || person.manager_id.empty()) continue;
    if (found->second < 4 || found->second > 9) {
      problems.push_back(person.id + " manages " + std::to_string(found->second));
    }
    if (person.track != "manager") problems.push_back(person.id + " manages but is an IC");
  }
}

/// Everything a valid demo organisation promises; empty when all hold.
std::vector<std::string> Problems(const DemoOrg& org) {
  const std::vector<PeopleChanges> batches = org.Batches();
  Replay replay = ReplayBatches(batches);
  std::vector<std::string> problems = replay.problems;
  for (const Person& person : replay.people) CheckPerson(person, problems);
  CheckTree(replay.people, problems);
  CheckHistory(replay, problems);
  CheckTeams(replay.people, problems);
  std::vector<Person> final_people = replay.people;
  std::sort(final_people.begin(), final_people.end(),
            [](const Person& a, const Person& b) { return a.id < b.id; });
  if (final_people != org.FinalPeople()) problems.push_back("FinalPeople differs from replay");
  if (problems.size() > 20) problems.resize(20);  // enough to see what is wrong
  return problems;
}

// Tests ----------------------------------------------------------------------------------------

TEST(DemoOrgTest, SameSeedGivesIdenticalBatches) {
  const std::string first = Fingerprint(Generate(300, 7).Batches());
  EXPECT_EQ(first, Fingerprint(Generate(300, 7).Batches()));
  EXPECT_NE(first, Fingerprint(Generate(300, 8).Batches()));
  EXPECT_NE(first, Fingerprint(Generate(300, 7, Date{2026, 9, 1}).Batches()));
}

// Pins the exact output for one seed, so a change of platform, compiler or standard library
// that changed the organisation would fail here. Changing the generator on purpose changes this
// number: update it then.
TEST(DemoOrgTest, OutputIsTheSameOnEveryMachine) {
  const std::string fingerprint = Fingerprint(Generate(300, 1).Batches());
  EXPECT_EQ(Fnv1a(fingerprint), 0xd2231dda8875fbbULL) << fingerprint.substr(0, 2000);
}

TEST(DemoOrgTest, HasExactlyTheRequestedNumberOfPeople) {
  for (int people : {1, 2, 5, 19, 20, 24, 25, 34, 40, 99, 100, 301, 1234, 5000}) {
    const DemoOrg org = Generate(people, 3);
    EXPECT_EQ(static_cast<int>(org.FinalPeople().size()), people);
    EXPECT_EQ(org.summary().people, people);
    EXPECT_EQ(org.summary().active + org.summary().left, people);
    EXPECT_EQ(org.summary().engineering + org.summary().product, people);
    EXPECT_THAT(Problems(org), ::testing::IsEmpty()) << people << " people";
  }
}

TEST(DemoOrgTest, RefusesImpossibleSizes) {
  for (int people : {0, -5, 10'000'001}) {
    Result<DemoOrg> org =
        DemoOrg::Generate({people, 1, kToday}, BuiltIn("engineering"), BuiltIn("product"));
    ASSERT_FALSE(org.ok()) << people;
    EXPECT_EQ(org.status().code(), Status::Code::kInvalidArgument);
    EXPECT_THAT(org.status().message(), HasSubstr("1 to 10000000 people"));
  }
}

TEST(DemoOrgTest, RefusesADayNotOnTheCalendar) {
  Result<DemoOrg> org =
      DemoOrg::Generate({300, 1, Date{2026, 2, 30}}, BuiltIn("engineering"), BuiltIn("product"));
  ASSERT_FALSE(org.ok());
  EXPECT_THAT(org.status().message(), HasSubstr("'2026-02-30' is not a day of the calendar"));
}

TEST(DemoOrgTest, NamesAFrameworkThatLacksWhatTheDemoNeeds) {
  model::Framework engineering = BuiltIn("engineering");
  std::erase_if(engineering.positions,
                [](const model::Position& position) { return position.id == "tech-lead"; });
  Result<DemoOrg> org = DemoOrg::Generate({300, 1, kToday}, engineering, BuiltIn("product"));
  ASSERT_FALSE(org.ok());
  EXPECT_THAT(org.status().message(), HasSubstr("framework 'engineering'"));
  EXPECT_THAT(org.status().message(), HasSubstr("no position 'tech-lead'"));
}

TEST(DemoOrgTest, EveryInvariantHoldsAt300) {
  EXPECT_THAT(Problems(Generate(300)), ::testing::IsEmpty());
}

TEST(DemoOrgTest, EveryInvariantHoldsAt20000) {
  EXPECT_THAT(Problems(Generate(20'000, 11)), ::testing::IsEmpty());
}

TEST(DemoOrgTest, HiresComeFirstThenOneBatchPerCycle) {
  const DemoOrg org = Generate(300);
  const std::vector<PeopleChanges> batches = org.Batches();
  ASSERT_EQ(static_cast<int>(batches.size()), org.summary().hire_batches + 8);
  for (int i = 0; i < org.summary().hire_batches; ++i) {
    const PeopleChanges& batch = batches[i];
    EXPECT_TRUE(batch.updated.empty());
    ASSERT_FALSE(batch.added.empty());
    for (const Person& person : batch.added) {
      EXPECT_EQ(person.hire_date, batch.effective);
      EXPECT_EQ(person.grade, person.hired_at_grade);
      EXPECT_EQ(person.status, PersonStatus::kActive);
    }
    if (i > 0) {
      EXPECT_LT(batches[i - 1].effective, batch.effective);
    }
  }
  std::vector<std::string> cycle_ends;
  for (size_t i = org.summary().hire_batches; i < batches.size(); ++i) {
    EXPECT_TRUE(batches[i].added.empty());
    EXPECT_EQ(batches[i].reason, "promotion");
    cycle_ends.push_back(batches[i].effective.ToString());
  }
  EXPECT_THAT(cycle_ends,
              ::testing::ElementsAre("2022-06-30", "2022-12-31", "2023-06-30", "2023-12-31",
                                     "2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"));
}

TEST(DemoOrgTest, PromotionsAreAFewPercentPerCycle) {
  const DemoOrg org = Generate(20'000, 5);
  const std::vector<PeopleChanges> batches = org.Batches();
  const std::vector<Person> people = org.FinalPeople();
  int total = 0;
  for (size_t i = org.summary().hire_batches; i < batches.size(); ++i) {
    const PeopleChanges& batch = batches[i];
    int employed = 0;  // hired before the cycle ended and not yet gone
    for (const Person& person : people) {
      employed += person.hire_date < batch.effective &&
                  (!person.left_date || *person.left_date > batch.effective);
    }
    int promotions = 0;
    for (const model::PersonUpdate& update : batch.updated) {
      promotions += update.before.grade != update.after.grade;
    }
    total += promotions;
    EXPECT_GT(promotions * 100, employed * 2) << batch.effective.ToString();
    EXPECT_LT(promotions * 100, employed * 12) << batch.effective.ToString();
  }
  EXPECT_EQ(total, org.summary().promotions);
}

TEST(DemoOrgTest, SomeArePromotedSeveralTimesMostNever) {
  const Replay replay = ReplayBatches(Generate(20'000, 5).Batches());
  int promoted_twice_or_more = 0;
  for (const auto& history : replay.history) promoted_twice_or_more += history.size() >= 3;
  EXPECT_GT(promoted_twice_or_more, 200);
  int never_promoted = 0;
  for (const auto& history : replay.history) never_promoted += history.size() == 1;
  EXPECT_GT(never_promoted, 20'000 / 2);  // most people hold the grade they were hired at
}

TEST(DemoOrgTest, LooksLikeARealOrganisation) {
  for (int size : {300, 20'000}) {
    const DemoOrg org = Generate(size, 2);
    const DemoOrgSummary& summary = org.summary();
    EXPECT_NEAR(summary.product * 100.0 / size, 15, 3) << size;
    EXPECT_GE(summary.left, 1);
    EXPECT_LE(summary.left * 100, size * 6);
    EXPECT_NEAR(summary.managers * 100.0 / summary.active, 16, 6) << size;
    EXPECT_GT(summary.tech_leads, 0);
    const std::vector<Person> people = org.FinalPeople();
    // The top is a CTO on the engineering manager track; product has a head reporting to them.
    EXPECT_EQ(people.front().manager_id, "");
    EXPECT_EQ(people.front().position, "director-of-engineering");
    int core_and_senior = 0;
    int staff_and_principal = 0;
    std::set<std::string> positions;
    for (const Person& person : people) {
      positions.insert(person.position);
      if (person.group != "engineering" || person.track != "ic") continue;
      core_and_senior += person.grade >= "G" && person.grade <= "J";
      staff_and_principal += person.grade >= "K";
    }
    EXPECT_GT(core_and_senior, 3 * staff_and_principal) << size;
    EXPECT_GT(staff_and_principal, 0) << size;
    EXPECT_THAT(positions, ::testing::ElementsAre("director-of-engineering", "engineering-manager",
                                                  "group-product-manager", "product-manager",
                                                  "software-engineer", "tech-lead"));
  }
}

TEST(DemoOrgTest, HireDatesSpreadOverEightYearsOnMondays) {
  const std::vector<Person> people = Generate(20'000, 4).FinalPeople();
  Date earliest = kToday;
  Date latest{1970, 1, 1};
  for (const Person& person : people) {
    earliest = std::min(earliest, person.hire_date);
    latest = std::max(latest, person.hire_date);
    EXPECT_EQ(((person.hire_date.ToDays() - 4) % 7 + 7) % 7, 0) << person.id << " not a Monday";
  }
  EXPECT_GE(earliest, kToday.AddDays(-8 * 365 - 9));
  EXPECT_LE(earliest, kToday.AddDays(-8 * 365 + 9));
  EXPECT_GE(latest, kToday.AddDays(-30));
  EXPECT_EQ(people.front().hire_date, earliest);  // ids follow hire order
}

TEST(DemoOrgTest, EmailsAreNameBasedAndUnique) {
  const std::vector<Person> people = Generate(20'000, 6).FinalPeople();
  int numbered = 0;
  for (const Person& person : people) {
    EXPECT_THAT(person.email, ::testing::MatchesRegex("[a-z]+\\.[a-z]+[0-9]*@example\\.com"));
    numbered += person.email.find_first_of("0123456789") != std::string::npos;
  }
  EXPECT_GT(numbered, 0);  // 20,000 people share the 10,000 name pairs
  EXPECT_EQ(people.front().id, "E000001");
  EXPECT_EQ(people.back().id, "E020000");
}

TEST(DemoOrgTest, ValidatesAsAnHrisImport) {
  const DemoOrg org = Generate(2'000, 9);
  std::ostringstream csv;
  csv << "id,name,email,group,track,grade,position,manager_id,hire_date,hired_at_grade,status,"
         "left_date\n";
  for (const Person& p : org.FinalPeople()) {
    csv << p.id << ",\"" << p.name << "\"," << p.email << "," << p.group << "," << p.track << ","
        << p.grade << "," << p.position << "," << p.manager_id << "," << p.hire_date.ToString()
        << "," << p.hired_at_grade << "," << model::ToString(p.status) << ","
        << (p.left_date ? p.left_date->ToString() : "") << "\n";
  }
  std::istringstream in(csv.str());
  const io::PeopleCsv rows = io::ReadPeopleCsv(in);
  ASSERT_TRUE(rows.header_ok) << rows.diagnostics.Format("demo.csv");
  org::OrgState state;
  state.frameworks = {{"engineering", BuiltIn("engineering")}, {"product", BuiltIn("product")}};
  state.groups = org.groups();
  const org::ImportPlan plan = org::PlanPeopleImport(state, rows, {false, kToday});
  EXPECT_TRUE(plan.ok()) << plan.diagnostics.Format("demo.csv");
  EXPECT_EQ(plan.changes.added.size(), 2'000u);
}

// End to end: the batches applied to a real store -------------------------------------------

class DemoOrgStoreTest : public testing::EngineTest {};

TEST_P(DemoOrgStoreTest, StoresThePeopleAndTheirHistory) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  store::Store& store = **opened;
  const DemoOrg org = Generate(300);
  for (const char* name : {"engineering", "product"}) {
    Result<std::string> hash =
        store.PutFramework(name, BuiltIn(name).name, FrameworkYaml(name), "demo");
    ASSERT_TRUE(hash.ok()) << hash.status().message();
  }
  for (const model::ComparisonGroup& group : org.groups()) {
    ASSERT_TRUE(store.PutGroup(group, "demo").ok());
  }
  for (int i = 0; i < org.batch_count(); ++i) {
    const Status applied = store.ApplyPeopleChanges(org.Batch(i), "demo");
    ASSERT_TRUE(applied.ok()) << "batch " << i << ": " << applied.message();
  }
  Result<std::vector<Person>> people = store.AllPeople();
  ASSERT_TRUE(people.ok()) << people.status().message();
  EXPECT_EQ(people->size(), 300u);
  EXPECT_EQ(*people, org.FinalPeople());
  Result<std::vector<model::LevelChange>> history = store.AllLevelHistory();
  ASSERT_TRUE(history.ok()) << history.status().message();
  EXPECT_EQ(static_cast<int>(history->size()), 300 + org.summary().promotions);
  const Replay replay = ReplayBatches(org.Batches());
  for (size_t i = 0; i < replay.people.size(); i += 17) {
    Result<std::vector<model::LevelChange>> own = store.LevelHistory(replay.people[i].id);
    ASSERT_TRUE(own.ok());
    ASSERT_EQ(own->size(), replay.history[i].size()) << replay.people[i].id;
    for (size_t h = 0; h < own->size(); ++h) {
      EXPECT_EQ((*own)[h].to_grade, replay.history[i][h].to_grade);
      EXPECT_EQ((*own)[h].effective, replay.history[i][h].effective);
      EXPECT_EQ((*own)[h].reason, replay.history[i][h].reason);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Demo, DemoOrgStoreTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::lab
