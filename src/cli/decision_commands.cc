// `yardstick cycle decide`: a calibrated cycle's slate — a proposal per person, with its reason
// (review/decide_cycle_job.h).
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "review/decide_cycle_job.h"

namespace yardstick::cli {
namespace {

struct DecideArgs {
  std::string cycle;
  bool all = false;
  std::string actor;
  std::string db;
};

std::string Money(double amount) {
  std::string digits = fmt::format("{:.2f}", amount);
  for (int at = static_cast<int>(digits.find('.')) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<size_t>(at), ",");
  }
  return digits;
}

void PrintSlate(const std::string& cycle_id, const review::DecidedCycle& decided, bool all) {
  std::map<model::Proposal, int> counts;
  int bonuses = 0;
  double total = 0;
  for (const model::Decision& d : decided.slate) {
    ++counts[d.proposal];
    if (d.bonus) {
      ++bonuses;
      total += *d.bonus;
    }
  }
  std::cout << fmt::format("slate for cycle {}: {} people, {} earlier cycle{} taken into account\n",
                           cycle_id, decided.slate.size(), decided.past_cycles,
                           decided.past_cycles == 1 ? "" : "s");
  std::string line;
  for (const auto& [proposal, count] : counts) {
    line += fmt::format("{}{} {}", line.empty() ? "" : ", ", count, model::ToString(proposal));
  }
  std::cout << "  " << line << "\n";
  std::cout << fmt::format("  {} bonus{}, {} {} in all (for {:g} of the pay period)\n", bonuses,
                           bonuses == 1 ? "" : "es", Money(total), decided.currency,
                           decided.period_share);
  for (const model::Decision& d : decided.slate) {
    if (!all && d.proposal == model::Proposal::kNoChange && !d.bonus && d.flags.empty()) continue;
    std::string head = fmt::format("{}  {}", d.person_id, model::ToString(d.proposal));
    if (d.to_grade != d.from_grade) head += fmt::format(" {} → {}", d.from_grade, d.to_grade);
    if (d.bonus) head += fmt::format(", bonus {} {}", Money(*d.bonus), decided.currency);
    if (!d.executive_level.empty()) {
      head += fmt::format(", needs an executive (level {} is bestowed)", d.executive_level);
    }
    std::cout << head << "\n    " << d.reason << "\n";
    for (const std::string& flag : d.flags) std::cout << "    ! " << flag << "\n";
  }
  if (!all)
    std::cerr << "(people with no change and nothing to note are left out; --all shows them)\n";
}

Action DecideSetup(CLI::App& app) {
  auto args = std::make_shared<DecideArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_flag("--all", args->all, "Show everyone, also those with no change");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Runs the decision engine on the calibrated cycle and the earlier cycles on its ladder, "
      "with the thresholds of the ladder's policies: far above → promote now; slightly above for "
      "the last few cycles → promote; below → performance plan, and for the last few cycles → "
      "exit conversation; a bonus for performing above one's grade. Stores the slate (replacing "
      "an earlier one) while the cycle is calibrating; the people team decides.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::DecidedCycle> decided = review::DecideCycle(*store, args->cycle, args->actor);
    if (!decided.ok()) return ReportFailure(decided.status());
    PrintSlate(args->cycle, *decided, args->all);
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> DecisionCommands() {
  return {{"cycle", "decide", "Propose the cycle's decisions: promotions, plans, bonuses",
           DecideSetup}};
}

}  // namespace yardstick::cli
