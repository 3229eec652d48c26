// FrameworkFixture: builds small frameworks in code for unit tests, in a few lines.
//
//   model::Framework f = FrameworkFixture("A B C D E F")
//       .Track("ic").Track("manager")
//       .Level("L1", "A-B", {"ic"}).Level("L2", "C-D").Level("M3", "E-F", {"manager"})
//       .Build();
//
// Levels with no tracks listed are on every track. Nothing is validated: tests of validation
// build broken frameworks on purpose.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "model/framework.h"

namespace yardstick::testing {

class FrameworkFixture {
 public:
  /// |grades|: the scale, lowest first, separated by spaces.
  explicit FrameworkFixture(const std::string& grades) {
    framework_.id = "fixture";
    framework_.name = "Fixture";
    std::istringstream in(grades);
    std::string grade;
    while (in >> grade) framework_.scale.grades.push_back({grade, {}});
  }

  FrameworkFixture& Track(const std::string& id) {
    framework_.tracks.push_back({id, id, "", {}});
    return *this;
  }

  /// |band|: "A-B" or "A".
  FrameworkFixture& Level(const std::string& id, const std::string& band,
                          std::vector<std::string> tracks = {}) {
    model::Level level;
    level.id = id;
    level.name = id;
    const size_t dash = band.find('-');
    level.low_grade = band.substr(0, dash);
    level.high_grade = dash == std::string::npos ? level.low_grade : band.substr(dash + 1);
    level.tracks = std::move(tracks);
    framework_.levels.push_back(std::move(level));
    return *this;
  }

  FrameworkFixture& Area(const std::string& id, std::vector<std::string> tracks = {}) {
    framework_.areas.push_back({id, id, "", std::move(tracks), {}});
    return *this;
  }

  /// Adds a criterion to the level added last.
  FrameworkFixture& Criterion(const std::string& area, const std::string& text) {
    model::Criterion criterion;
    criterion.area = area;
    criterion.text = text;
    framework_.levels.back().criteria.push_back(std::move(criterion));
    return *this;
  }

  FrameworkFixture& Cumulative() {
    framework_.cumulative_criteria = true;
    return *this;
  }

  [[nodiscard]] model::Framework Build() const { return framework_; }

 private:
  model::Framework framework_;
};

}  // namespace yardstick::testing
