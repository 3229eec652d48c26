// The organisation every HRIS import test runs against, built in a few lines.
//
// The built-in engineering ladder (frameworks/engineering.yaml: grades A-O, tracks ic and
// manager, positions software-engineer, tech-lead, engineering-manager, director-of-engineering),
// one comparison group `engineering`, and five people:
//
//   E1 Grace Hopper   manager M  director-of-engineering             hired 2015-03-01 at K
//   E2 Alan Turing    manager K  engineering-manager     reports to E1  hired 2018-06-01 at I
//   E3 Ada Lovelace   ic      I  tech-lead               reports to E2  hired 2020-01-15 at G
//   E4 Linus Torvalds ic      G  software-engineer       reports to E2  hired 2023-09-01 at G
//   E5 Ken Thompson   ic      H  software-engineer       reports to E2  left 2024-06-30
//
// Imports take effect on kImportEffective (2026-11-21) unless a test says otherwise.
// kUnchangedCsv is a full export that matches the stored people exactly. ReadImportDirectives
// reads the options at the top of a data-driven case (tests/org/import_cases/*.test).
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

#include "base/file.h"
#include "base/text.h"
#include "io/people_csv.h"
#include "ladder/framework_loader.h"
#include "model/person.h"
#include "org/people_import.h"

namespace yardstick::testing {

inline constexpr model::Date kImportEffective{2026, 11, 21};

inline constexpr const char* kUnchangedCsv =
    "id,name,email,group,track,grade,position,manager_id,hire_date,hired_at_grade\n"
    "E1,Grace Hopper,grace@example.com,engineering,manager,M,director-of-engineering,,"
    "2015-03-01,K\n"
    "E2,Alan Turing,alan@example.com,engineering,manager,K,engineering-manager,E1,2018-06-01,I\n"
    "E3,Ada Lovelace,ada@example.com,engineering,ic,I,tech-lead,E2,2020-01-15,G\n"
    "E4,Linus Torvalds,linus@example.com,engineering,ic,G,software-engineer,E2,2023-09-01,G\n";

/// The built-in engineering ladder, loaded and validated; aborts the tests if it is broken.
inline model::Framework EngineeringFramework() {
  Result<std::string> yaml =
      ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/engineering.yaml");
  if (!yaml.ok()) {
    std::cerr << yaml.status().message() << "\n";
    std::abort();
  }
  ladder::LoadedFramework loaded = ladder::LoadFramework(*yaml);
  if (!loaded.ok()) {
    std::cerr << loaded.diagnostics.Format("frameworks/engineering.yaml");
    std::abort();
  }
  return loaded.framework;
}

inline model::Person FixturePerson(std::string id, std::string name, std::string track,
                                   std::string grade, std::string position, std::string manager,
                                   std::string hired, std::string hired_at) {
  model::Person person;
  person.email = ToLower(name.substr(0, name.find(' '))) + "@example.com";
  person.id = std::move(id);
  person.name = std::move(name);
  person.group = "engineering";
  person.track = std::move(track);
  person.grade = std::move(grade);
  person.position = std::move(position);
  person.manager_id = std::move(manager);
  person.hire_date = *model::Date::Parse(hired);
  person.hired_at_grade = std::move(hired_at);
  return person;
}

/// The five people of the fixture, ordered by id as the store lists them.
inline std::vector<model::Person> FixturePeople() {
  std::vector<model::Person> people = {
      FixturePerson("E1", "Grace Hopper", "manager", "M", "director-of-engineering", "",
                    "2015-03-01", "K"),
      FixturePerson("E2", "Alan Turing", "manager", "K", "engineering-manager", "E1", "2018-06-01",
                    "I"),
      FixturePerson("E3", "Ada Lovelace", "ic", "I", "tech-lead", "E2", "2020-01-15", "G"),
      FixturePerson("E4", "Linus Torvalds", "ic", "G", "software-engineer", "E2", "2023-09-01",
                    "G"),
      FixturePerson("E5", "Ken Thompson", "ic", "H", "software-engineer", "E2", "2019-04-01", "F"),
  };
  people[4].status = model::PersonStatus::kLeft;
  people[4].left_date = model::Date{2024, 6, 30};
  return people;
}

inline org::OrgState ImportFixtureOrg() {
  static const model::Framework engineering = EngineeringFramework();
  org::OrgState org;
  org.frameworks.emplace("engineering", engineering);
  org.groups.push_back({"engineering", "Engineering", "engineering"});
  org.people = FixturePeople();
  return org;
}

/// An import case's options and CSV text.
struct ImportCaseSetup {
  std::string csv;
  org::ImportOptions options{false, kImportEffective};
  io::ColumnMapping mapping;
  std::vector<std::string> errors;  ///< problems with the directives themselves
};

/// Splits a case's input into its directives and the CSV. Lines at the top that start with '@'
/// set options and are not part of the CSV:
///   @partial                 a partial import (default: full)
///   @effective 2027-01-01    the effective date (default: 2026-11-21)
///   @map id=Employee ID      a column mapping, as --map takes it
inline ImportCaseSetup ReadImportDirectives(const std::string& input) {
  ImportCaseSetup setup;
  size_t pos = 0;
  while (pos < input.size() && input[pos] == '@') {
    const size_t end = input.find('\n', pos);
    const std::string line = input.substr(pos + 1, end - pos - 1);
    pos = end == std::string::npos ? input.size() : end + 1;
    if (line == "partial") {
      setup.options.partial = true;
    } else if (line.rfind("effective ", 0) == 0) {
      setup.options.effective = model::Date::Parse(line.substr(10)).value_or(model::Date{});
    } else if (line.rfind("map ", 0) == 0) {
      const Status status = io::AddMapping(line.substr(4), setup.mapping);
      if (!status.ok()) setup.errors.push_back(status.message());
    } else {
      setup.errors.push_back("unknown directive @" + line);
    }
  }
  setup.csv = input.substr(pos);
  return setup;
}

}  // namespace yardstick::testing
