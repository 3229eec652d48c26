// `yardstick group add|list`, `people show|list|transfer` and `org tree`: everyday questions
// about the organisation, answered from the store, and moves between tracks.
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/text.h"
#include "cli/command.h"
#include "org/org_frameworks.h"
#include "org/track_transfer.h"

namespace yardstick::cli {
namespace {

using model::Person;

/// An open store and the frameworks its groups use.
struct OrgSession {
  std::unique_ptr<store::Store> store;
  org::OrgFrameworks frameworks;
};

/// Opens the store at |url| and loads its frameworks; on failure prints why and returns nullopt.
std::optional<OrgSession> OpenOrgOrReport(const std::string& url) {
  auto store = OpenStoreOrReport(url);
  if (!store) return std::nullopt;
  Result<org::OrgFrameworks> frameworks = org::OrgFrameworks::Load(*store);
  if (!frameworks.ok()) {
    std::cerr << "yardstick: " << frameworks.status().message() << "\n";
    return std::nullopt;
  }
  return OrgSession{std::move(store), std::move(*frameworks)};
}

std::string LevelLabel(const org::OrgFrameworks& frameworks, const Person& person) {
  const model::Framework* framework = frameworks.ForPerson(person);
  if (framework == nullptr) return "?";
  const model::Level* level = org::LevelOf(*framework, person);
  return level == nullptr ? "(no level)" : level->id;
}

struct GroupAddArgs {
  std::string db;
  model::ComparisonGroup group;
  std::string actor = "cli";
};

Action GroupAddSetup(CLI::App& app) {
  auto args = std::make_shared<GroupAddArgs>();
  app.add_option("id", args->group.id, "Group id, e.g. engineering")->required();
  app.add_option("--framework", args->group.framework_id, "The framework (ladder) id it uses")
      ->required();
  app.add_option("--name", args->group.name, "Display name (default: the id)");
  app.add_option("--actor", args->actor, "Who is making the change, for the audit log");
  AddDatabaseOption(app, args->db);
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (args->group.name.empty()) args->group.name = args->group.id;
    const Status status = store->PutGroup(args->group, args->actor);
    if (!status.ok()) {
      std::cerr << "yardstick: " << status.message() << "\n";
      return kExitProblems;
    }
    std::cout << fmt::format("group '{}' uses framework '{}'\n", args->group.id,
                             args->group.framework_id);
    return kExitOk;
  };
}

Action GroupListSetup(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  AddDatabaseOption(app, *db);
  return [db] {
    auto store = OpenStoreOrReport(*db);
    if (!store) return kExitFailure;
    Result<std::vector<model::ComparisonGroup>> groups = store->Groups();
    if (!groups.ok()) {
      std::cerr << "yardstick: " << groups.status().message() << "\n";
      return kExitFailure;
    }
    for (const model::ComparisonGroup& group : *groups) {
      std::cout << fmt::format("{:<20} {:<30} framework {}\n", group.id, group.name,
                               group.framework_id);
    }
    return kExitOk;
  };
}

/// "L3 Senior (grade I; band I-J)".
std::string DescribeLevel(const model::Framework& framework, const Person& person) {
  const model::Level* level = org::LevelOf(framework, person);
  if (level == nullptr)
    return fmt::format("no level on track '{}' holds grade {}", person.track, person.grade);
  return fmt::format("{} {} (grade {}; band {}-{})", level->id, level->name, person.grade,
                     level->low_grade, level->high_grade);
}

std::string DescribePosition(const model::Framework& framework, const Person& person) {
  if (person.position.empty()) return "none";
  const model::Position* position = framework.FindPosition(person.position);
  if (position == nullptr) return person.position + " (not in the framework)";
  std::string text =
      fmt::format("{} (levels {}-{})", position->name, position->min_level, position->max_level);
  if (position->allowance > 0) {
    text += fmt::format(", allowance {:g} {} per {}", position->allowance, framework.pay.currency,
                        framework.pay.period);
  }
  return text;
}

void PrintPerson(store::Store& store, const org::OrgFrameworks& frameworks, const Person& person) {
  const model::Framework* framework = frameworks.ForPerson(person);
  std::cout << fmt::format("{}  {} <{}>\n", person.id, person.name, person.email);
  std::cout << fmt::format("  {:<10} {}\n", "Group", person.group);
  std::cout << fmt::format("  {:<10} {}\n", "Track", person.track);
  if (framework != nullptr) {
    std::cout << fmt::format("  {:<10} {}\n", "Level", DescribeLevel(*framework, person));
    std::cout << fmt::format("  {:<10} {}\n", "Position", DescribePosition(*framework, person));
  }
  if (!person.manager_id.empty()) {
    const auto manager = store.GetPerson(person.manager_id);
    const std::string name = manager.ok() && manager->has_value() ? (*manager)->name : "?";
    std::cout << fmt::format("  {:<10} {} {}\n", "Manager", person.manager_id, name);
  }
  std::cout << fmt::format("  {:<10} {} at grade {}\n", "Hired", person.hire_date.ToString(),
                           person.hired_at_grade);
  std::cout << fmt::format("  {:<10} {}{}\n", "Status", model::ToString(person.status),
                           person.left_date ? " on " + person.left_date->ToString() : "");
  const auto history = store.LevelHistory(person.id);
  if (!history.ok() || history->empty()) return;
  std::cout << "History\n";
  for (const model::LevelChange& change : *history) {
    std::cout << fmt::format("  {}  {:>3} -> {:<3} {}{}{}\n", change.effective.ToString(),
                             change.from_grade.empty() ? "" : change.from_grade, change.to_grade,
                             change.reason,
                             change.decision_id.empty() ? "" : ", decision " + change.decision_id,
                             change.approver.empty() ? "" : " (by " + change.approver + ")");
  }
}

struct ShowArgs {
  std::string db;
  std::string id;
};

Action PeopleShowSetup(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  app.add_option("id", args->id, "Employee id")->required();
  AddDatabaseOption(app, args->db);
  return [args] {
    auto session = OpenOrgOrReport(args->db);
    if (!session) return kExitFailure;
    store::Store* store = session->store.get();
    const org::OrgFrameworks* frameworks = &session->frameworks;
    const auto person = store->GetPerson(args->id);
    if (!person.ok()) {
      std::cerr << "yardstick: " << person.status().message() << "\n";
      return kExitFailure;
    }
    if (!person->has_value()) {
      std::cerr << fmt::format("yardstick: no person with id '{}'\n", args->id);
      return kExitProblems;
    }
    PrintPerson(*store, *frameworks, **person);
    return kExitOk;
  };
}

struct ListArgs {
  std::string db;
  store::PeopleQuery query;
  std::string level;
};

/// The grades of level |level_id| in the frameworks of the selected groups; empty if unknown.
std::vector<std::string> GradesOfLevel(const org::OrgFrameworks& frameworks,
                                       const std::string& group, const std::string& level_id) {
  std::set<std::string> grades;
  for (const auto& [group_id, unused] : frameworks.groups()) {
    if (!group.empty() && group_id != group) continue;
    const model::Framework* framework = frameworks.ForGroup(group_id);
    const model::Level* level = framework == nullptr ? nullptr : framework->FindLevel(level_id);
    if (level == nullptr) continue;
    const auto [low, high] = framework->BandOf(*level);
    for (int grade = low; grade >= 0 && grade <= high; ++grade) {
      grades.insert(framework->scale.IdAt(grade));
    }
  }
  return {grades.begin(), grades.end()};
}

Action PeopleListSetup(CLI::App& app) {
  auto args = std::make_shared<ListArgs>();
  app.add_option("--group", args->query.group, "Only this comparison group");
  app.add_option("--level", args->level, "Only people whose grade is in this level, e.g. L3");
  app.add_option("--manager", args->query.manager_id, "Only direct reports of this person");
  app.add_flag("--include-left", args->query.include_left, "Also list people who have left");
  AddDatabaseOption(app, args->db);
  return [args] {
    auto session = OpenOrgOrReport(args->db);
    if (!session) return kExitFailure;
    store::Store* store = session->store.get();
    const org::OrgFrameworks* frameworks = &session->frameworks;
    if (!args->level.empty()) {
      args->query.grades = GradesOfLevel(*frameworks, args->query.group, args->level);
      if (args->query.grades.empty()) {
        std::cerr << fmt::format(
            "yardstick: no framework of {} has a level '{}'\n",
            args->query.group.empty() ? "any group" : "group '" + args->query.group + "'",
            args->level);
        return kExitProblems;
      }
    }
    const auto people = store->ListPeople(args->query);
    if (!people.ok()) {
      std::cerr << "yardstick: " << people.status().message() << "\n";
      return kExitFailure;
    }
    std::cout << fmt::format("{:<10} {:<28} {:<12} {:<8} {:<5} {:<6} {:<22} {}\n", "ID", "NAME",
                             "GROUP", "TRACK", "GRADE", "LEVEL", "POSITION", "MANAGER");
    for (const Person& person : *people) {
      std::cout << fmt::format("{:<10} {:<28} {:<12} {:<8} {:<5} {:<6} {:<22} {}\n", person.id,
                               person.name, person.group, person.track, person.grade,
                               LevelLabel(*frameworks, person), person.position, person.manager_id);
    }
    std::cerr << fmt::format("{} {}\n", people->size(), people->size() == 1 ? "person" : "people");
    return kExitOk;
  };
}

struct TreeArgs {
  std::string db;
  std::string root;
  int depth = 3;
};

void PrintSubtree(store::Store& store, const org::OrgFrameworks& frameworks, const Person& person,
                  int depth, int max_depth, const std::string& indent) {
  std::cout << fmt::format("{}{} {} [{} {}{}]\n", indent, person.id, person.name,
                           LevelLabel(frameworks, person), person.grade,
                           person.position.empty() ? "" : ", " + person.position);
  store::PeopleQuery query;
  query.manager_id = person.id;
  const auto reports = store.ListPeople(query);
  if (!reports.ok() || reports->empty()) return;
  if (depth >= max_depth) {
    const auto below = store.ReportingLine(person.id);
    std::cout << fmt::format("{}  … {} more below\n", indent, below.ok() ? below->size() : 0);
    return;
  }
  for (const Person& report : *reports) {
    PrintSubtree(store, frameworks, report, depth + 1, max_depth, indent + "  ");
  }
}

Action OrgTreeSetup(CLI::App& app) {
  auto args = std::make_shared<TreeArgs>();
  app.add_option("id", args->root, "Start from this person (default: everyone without a manager)");
  app.add_option("--depth", args->depth, "How many levels of reports to show")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  AddDatabaseOption(app, args->db);
  return [args] {
    auto session = OpenOrgOrReport(args->db);
    if (!session) return kExitFailure;
    store::Store* store = session->store.get();
    const org::OrgFrameworks* frameworks = &session->frameworks;
    std::vector<Person> roots;
    if (!args->root.empty()) {
      const auto person = store->GetPerson(args->root);
      if (!person.ok() || !person->has_value()) {
        std::cerr << fmt::format("yardstick: no person with id '{}'\n", args->root);
        return kExitProblems;
      }
      roots.push_back(**person);
    } else {
      const auto everyone = store->ListPeople({});
      if (!everyone.ok()) return kExitFailure;
      for (const Person& person : *everyone) {
        if (person.manager_id.empty()) roots.push_back(person);
      }
    }
    for (const Person& root : roots) PrintSubtree(*store, *frameworks, root, 1, args->depth, "");
    return kExitOk;
  };
}

struct TransferArgs {
  org::TransferRequest request;
  std::string effective;
  std::string db;
};

Action PeopleTransferSetup(CLI::App& app) {
  auto args = std::make_shared<TransferArgs>();
  org::TransferRequest& r = args->request;
  app.add_option("person", r.person_id, "The person's id")->required();
  app.add_option("--track", r.track, "The track they move to")->required();
  app.add_option("--position", r.position,
                 "The position they take (default: theirs if it fits the new track, else the "
                 "first of the new track that holds their grade)");
  app.add_option("--effective", args->effective, "The day it takes effect (default: today)");
  AddActorOption(app, r.actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Moves someone to another track at an equivalent level (a level both tracks share, an "
      "equivalence or a transition of the framework), keeping their grade: a move between "
      "tracks is never a promotion. The people team moves people.");
  return [args] {
    const std::string day =
        args->effective.empty() ? SystemClock::Instance().TodayUtc() : args->effective;
    const std::optional<model::Date> effective = EffectiveDayOrReport(day);
    if (!effective) return kExitFailure;
    args->request.effective = *effective;
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<model::PersonUpdate> move = org::TransferTrack(*store, args->request);
    if (!move.ok()) return ReportFailure(move.status());
    std::cout << fmt::format("{} moves from track {} to {} at grade {}, from {}\n", move->after.id,
                             move->before.track, move->after.track, move->after.grade, day);
    if (move->after.position != move->before.position) {
      std::cout << fmt::format("  position {} → {}\n",
                               move->before.position.empty() ? "none" : move->before.position,
                               move->after.position.empty() ? "none" : move->after.position);
    }
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> OrgCommands() {
  return {
      {"group", "add", "Create or update a comparison group", GroupAddSetup},
      {"group", "list", "List the comparison groups", GroupListSetup},
      {"people", "show", "A person's level, position, band and history", PeopleShowSetup},
      {"people", "list", "List people, by group, level or manager", PeopleListSetup},
      {"people", "transfer", "Move someone to another track at an equivalent level, same grade",
       PeopleTransferSetup},
      {"org", "tree", "The manager tree below a person", OrgTreeSetup},
  };
}

}  // namespace yardstick::cli
