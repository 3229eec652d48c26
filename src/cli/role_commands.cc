// `yardstick role grant|revoke|list`: the people team, calibrators and executives.
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "review/roles_job.h"

namespace yardstick::cli {
namespace {

struct RoleArgs {
  std::string person;
  std::string role;
  std::string group;
  std::string actor;
  std::string db;
};

/// Declares PERSON ROLE [--group] and the shared options; returns the grant once parsed.
void AddGrantOptions(CLI::App& app, RoleArgs& args) {
  app.add_option("person", args.person, "The person's id")->required();
  app.add_option("role", args.role, "people-team, calibrator or executive")
      ->required()
      ->check(CLI::IsMember(model::RoleNames()));
  app.add_option("--group", args.group,
                 "For a calibrator: the comparison group they calibrate (default: every group)");
  AddActorOption(app, args.actor);
  AddDatabaseOption(app, args.db);
  app.footer(
      "The people team runs review cycles and enters inputs for anyone; calibrators calibrate "
      "their groups' cycles; executives approve bestowed levels and exceptions. Once anyone "
      "holds the people-team role, only the people team grants and revokes roles.");
}

model::RoleGrant GrantOf(const RoleArgs& args) {
  return {args.person, model::ParseRole(args.role).value_or(model::Role::kPeopleTeam), args.group};
}

std::string Describe(const model::RoleGrant& grant) {
  return grant.role == model::Role::kCalibrator
             ? fmt::format("{} calibrator of {}", grant.person_id,
                           grant.group.empty() ? "every group" : "group " + grant.group)
             : fmt::format("{} {}", grant.person_id, model::ToString(grant.role));
}

/// `role grant` (|grant| true) or `role revoke`.
Action ChangeSetup(CLI::App& app, bool grant) {
  auto args = std::make_shared<RoleArgs>();
  AddGrantOptions(app, *args);
  return [args, grant] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    const model::RoleGrant role = GrantOf(*args);
    const Status changed = grant ? review::GrantRole(*store, role, args->actor)
                                 : review::RevokeRole(*store, role, args->actor);
    if (!changed.ok()) return ReportFailure(changed);
    std::cout << (grant ? "granted: " : "revoked: ") << Describe(role) << "\n";
    return kExitOk;
  };
}

Action ListSetup(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  AddDatabaseOption(app, *db);
  return [db] {
    auto store = OpenStoreOrReport(*db);
    if (!store) return kExitFailure;
    Result<std::vector<model::RoleGrant>> grants = store->Roles();
    if (!grants.ok()) return ReportFailure(grants.status());
    if (grants->empty()) {
      std::cerr << "nobody holds a role yet; grant the first with `yardstick role grant PERSON "
                   "people-team`\n";
    }
    for (const model::RoleGrant& grant : *grants) std::cout << Describe(grant) << "\n";
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> RoleCommands() {
  return {
      {"role", "grant", "Grant a role: people-team, calibrator (of a group) or executive",
       [](CLI::App& app) { return ChangeSetup(app, true); }},
      {"role", "revoke", "Revoke a role", [](CLI::App& app) { return ChangeSetup(app, false); }},
      {"role", "list", "Who holds which role", ListSetup},
  };
}

}  // namespace yardstick::cli
