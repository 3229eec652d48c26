// Runs the decision engine's scenario files, tests/engine/decisions/*.yaml: given a framework,
// people and their calibrated results cycle by cycle, the slate the engine must propose. A
// reader of the files learns the rules without reading C++. Each file:
//
//   framework: engineering          # frameworks/NAME.yaml, or `framework_yaml: |` inline
//   period_share: 0.5               # the cycle's share of the pay period (default 0.5)
//   people:
//     grad: {track: ic, grade: B, position: software-engineer}
//   cycles:                         # oldest first; the slate is decided for the last one
//     - grad: {performed: H, se: 0.3}          # held: the person's grade, unless given
//   expect:
//     grad: {proposal: promote-now, to: G, reason: "*far above*"}
//
// `performed` is a grade ("H"), a grade and a fraction ("H+0.4", "H-0.2") or a number on grade
// indices. In `expect`, every key given is checked: proposal, to, executive, position_change,
// bonus (an amount, or none), streak, flags (each a pattern, in order) and reason (a pattern;
// * matches anything).
#include <fnmatch.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "engine/decision_rules.h"
#include "ladder/framework_loader.h"

namespace yardstick::engine {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> ScenarioFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(YARDSTICK_SOURCE_DIR "/tests/engine/decisions")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// "H", "H+0.4", "H-0.2" or a number, on |scale|'s grade indices.
double GradeValue(const model::Scale& scale, const std::string& text) {
  const size_t sign = text.find_first_of("+-", 1);
  const std::string grade = text.substr(0, sign);
  const int index = scale.IndexOf(grade);
  if (index < 0) return std::stod(text);
  return index + (sign == std::string::npos ? 0.0 : std::stod(text.substr(sign)));
}

bool Matches(const std::string& pattern, const std::string& text) {
  return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

class DecisionScenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(DecisionScenario, ProposesTheExpectedSlate) {
  const YAML::Node scenario = YAML::LoadFile(GetParam().string());
  const std::string yaml = scenario["framework_yaml"]
                               ? scenario["framework_yaml"].as<std::string>()
                               : ReadText(fs::path(YARDSTICK_SOURCE_DIR "/frameworks") /
                                          (scenario["framework"].as<std::string>() + ".yaml"));
  const ladder::LoadedFramework loaded = ladder::LoadFramework(yaml);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.Format("framework");
  const model::Framework& framework = loaded.framework;
  const model::Scale& scale = framework.scale;

  std::deque<model::Person> people;  // the records point into it
  std::vector<PersonRecord> records;
  std::map<std::string, size_t> index;
  for (const auto& item : scenario["people"]) {
    model::Person& person = people.emplace_back();
    person.id = item.first.as<std::string>();
    person.track = item.second["track"].as<std::string>("ic");
    person.grade = item.second["grade"].as<std::string>();
    person.position = item.second["position"].as<std::string>("");
    // Read so that a scenario can show the rules ignore them.
    person.hired_at_grade = item.second["hired_at"].as<std::string>(person.grade);
    if (item.second["hired"]) {
      person.hire_date = *model::Date::Parse(item.second["hired"].as<std::string>());
    }
    index[person.id] = records.size();
    PersonRecord record;
    record.person = &person;
    records.push_back(std::move(record));
  }
  const YAML::Node cycles = scenario["cycles"];
  ASSERT_TRUE(cycles && cycles.size() > 0) << "a scenario needs at least one cycle";
  for (size_t cycle = 0; cycle < cycles.size(); ++cycle) {
    const bool last = cycle + 1 == cycles.size();
    for (const auto& item : cycles[cycle]) {
      const std::string id = item.first.as<std::string>();
      ASSERT_TRUE(index.count(id)) << "cycle " << cycle + 1 << " names unknown person " << id;
      PersonRecord& record = records[index[id]];
      CycleResult result;
      result.held = scale.IndexOf(item.second["held"].as<std::string>(record.person->grade));
      result.performed = GradeValue(scale, item.second["performed"].as<std::string>());
      result.se = item.second["se"].as<double>(0.0);
      if (last) {
        record.result = result;
      } else {
        record.past.push_back(result);
      }
    }
  }
  DecideOptions options;
  options.period_share = scenario["period_share"].as<double>(0.5);
  const std::vector<SlateEntry> slate = Decide(framework, records, options);

  for (const auto& item : scenario["expect"]) {
    const std::string id = item.first.as<std::string>();
    ASSERT_TRUE(index.count(id)) << "expect names unknown person " << id;
    const SlateEntry& entry = slate[index[id]];
    const YAML::Node expected = item.second;
    SCOPED_TRACE(
        fmt::format("{}: {} → {}; {}", id, ToString(entry.proposal), entry.to_grade, entry.reason));
    EXPECT_EQ(ToString(entry.proposal), expected["proposal"].as<std::string>());
    if (expected["to"]) {
      EXPECT_EQ(entry.to_grade, expected["to"].as<std::string>());
    }
    if (expected["executive"]) {
      EXPECT_EQ(entry.executive_level, expected["executive"].as<std::string>());
    }
    if (expected["position_change"]) {
      EXPECT_EQ(entry.position_change, expected["position_change"].as<std::string>());
    }
    if (expected["streak"]) {
      EXPECT_EQ(entry.streak, expected["streak"].as<int>());
    }
    if (expected["bonus"]) {
      if (expected["bonus"].as<std::string>() == "none") {
        EXPECT_FALSE(entry.bonus) << "bonus " << entry.bonus->amount;
      } else {
        ASSERT_TRUE(entry.bonus) << "no bonus";
        EXPECT_NEAR(entry.bonus->amount, expected["bonus"].as<double>(), 0.005);
      }
    }
    if (expected["flags"]) {
      const YAML::Node flags = expected["flags"];
      ASSERT_EQ(entry.flags.size(), flags.size())
          << fmt::format("{}", fmt::join(entry.flags, "; "));
      for (size_t i = 0; i < flags.size(); ++i) {
        EXPECT_TRUE(Matches(flags[i].as<std::string>(), entry.flags[i])) << entry.flags[i];
      }
    }
    if (expected["reason"]) {
      EXPECT_TRUE(Matches(expected["reason"].as<std::string>(), entry.reason)) << entry.reason;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, DecisionScenario, ::testing::ValuesIn(ScenarioFiles()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace yardstick::engine
