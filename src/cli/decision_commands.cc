// `yardstick cycle decide`: a calibrated cycle's slate — a proposal per person, with its reason
// (review/decide_cycle_job.h).
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/text.h"
#include "cli/command.h"
#include "review/apply_slate_job.h"
#include "review/decide_cycle_job.h"
#include "review/slate_review_job.h"

namespace yardstick::cli {
namespace {

struct DecideArgs {
  std::string cycle;
  bool all = false;
  std::string actor;
  std::string db;
};

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
                           bonuses == 1 ? "" : "es", FormatAmount(total, 2), decided.currency,
                           decided.period_share);
  for (const model::Decision& d : decided.slate) {
    if (!all && d.proposal == model::Proposal::kNoChange && !d.bonus && d.flags.empty()) continue;
    std::string head = fmt::format("{}  {}", d.person_id, model::ToString(d.proposal));
    if (d.to_grade != d.from_grade) head += fmt::format(" {} → {}", d.from_grade, d.to_grade);
    if (d.bonus) head += fmt::format(", bonus {} {}", FormatAmount(*d.bonus, 2), decided.currency);
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

/// One decision as the review commands print it.
void PrintDecision(const model::Decision& d) {
  std::string line =
      fmt::format("{}  {} {}", d.person_id, model::ToString(d.status), model::ToString(d.proposal));
  if (d.to_grade != d.from_grade) line += fmt::format(" {} → {}", d.from_grade, d.to_grade);
  if (!d.approver.empty()) line += fmt::format(", approved by {}", d.approver);
  std::cout << line << "\n";
  if (d.proposal == model::Proposal::kException) {
    std::cout << "    EXCEPTION, not supported by the evidence: " << d.justification << "\n";
  }
  if (!d.review_note.empty()) std::cout << "    note: " << d.review_note << "\n";
}

struct ReviewArgs {
  std::string cycle;
  std::vector<std::string> people;
  bool all = false;
  std::string note;
  std::string approver;
  std::string actor;
  std::string db;
};

/// `cycle accept` (|accept|) or `cycle reject`.
Action ReviewSetup(CLI::App& app, bool accept) {
  auto args = std::make_shared<ReviewArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("people", args->people, "Whose proposals (person ids)");
  if (accept) {
    app.add_flag("--all", args->all,
                 "Every proposal still open (those needing an executive only with --approver)");
    app.add_option("--note", args->note, "Why, for the record");
    app.add_option("--approver", args->approver,
                   "An executive approving promotions into bestowed levels");
  } else {
    app.add_option("--reason", args->note, "Why it is rejected")->required();
  }
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  return [args, accept] {
    if (args->people.empty() && !args->all) {
      std::cerr << "yardstick: name the people whose proposals to "
                << (accept ? "accept, or give --all\n" : "reject\n");
      return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::ReviewOutcome> outcome = review::ReviewSlate(
        *store, {args->cycle, args->people, accept, args->note, args->approver, args->actor});
    if (!outcome.ok()) return ReportFailure(outcome.status());
    for (const model::Decision& d : outcome->reviewed) PrintDecision(d);
    std::cout << fmt::format("{} {} proposal{} of cycle {}\n", accept ? "accepted" : "rejected",
                             outcome->reviewed.size(), outcome->reviewed.size() == 1 ? "" : "s",
                             args->cycle);
    if (!outcome->skipped.empty()) {
      std::cout << fmt::format("left open, needing an executive approver (--approver): {}\n",
                               fmt::join(outcome->skipped, ", "));
    }
    return kExitOk;
  };
}

struct ExceptionArgs {
  review::ExceptionRequest request;
  std::string db;
};

Action ExceptionSetup(CLI::App& app) {
  auto args = std::make_shared<ExceptionArgs>();
  review::ExceptionRequest& r = args->request;
  app.add_option("cycle", r.cycle_id, "Cycle id")->required();
  app.add_option("person", r.person_id, "The person's id")->required();
  app.add_option("--to", r.to_grade, "The grade they are promoted to")->required();
  app.add_option("--justification", r.justification, "Why, in writing (kept for good)");
  app.add_option("--approver", r.approver, "The executive approving it");
  AddActorOption(app, r.actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "A promotion the performance evidence does not support is only ever an exception: a "
      "written justification and an executive approver, marked as an exception in every report "
      "for good.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<model::Decision> exception = review::RecordException(*store, args->request);
    if (!exception.ok()) return ReportFailure(exception.status());
    PrintDecision(*exception);
    return kExitOk;
  };
}

struct ApplyArgs {
  std::string cycle;
  std::string effective;
  std::string actor;
  std::string db;
};

Action ApplySetup(CLI::App& app) {
  auto args = std::make_shared<ApplyArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("--effective", args->effective,
                 "The day promotions take effect, YYYY-MM-DD (default: the day after the "
                 "cycle's period ends)");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Applies every accepted decision of the decided cycle in one transaction: promotions and "
      "exceptions change grades (and positions, where the new grade is past the band), with "
      "level history naming the decision and its approver; every accepted decision is marked "
      "applied. Decisions still proposed are left for a later run. The people team applies.");
  return [args] {
    review::ApplyRequest request{args->cycle, std::nullopt, args->actor};
    if (!args->effective.empty()) {
      request.effective = EffectiveDayOrReport(args->effective);
      if (!request.effective) return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::AppliedSlate> applied = review::ApplySlate(*store, request);
    if (!applied.ok()) return ReportFailure(applied.status());
    for (const model::PersonUpdate& move : applied->moves) {
      std::string line = fmt::format("{}  {} → {} ({})", move.after.id, move.before.grade,
                                     move.after.grade, move.reason);
      if (move.after.position != move.before.position) {
        line += fmt::format(", position {} → {}", move.before.position, move.after.position);
      }
      std::cout << line << "\n";
    }
    std::cout << fmt::format("applied {} decision{} of cycle {}: {} grade change{}, effective {}\n",
                             applied->applied.size(), applied->applied.size() == 1 ? "" : "s",
                             args->cycle, applied->moves.size(),
                             applied->moves.size() == 1 ? "" : "s", applied->effective.ToString());
    if (applied->still_proposed > 0) {
      std::cout << fmt::format("{} decision{} still proposed: accept or reject, then apply again\n",
                               applied->still_proposed, applied->still_proposed == 1 ? "" : "s");
    }
    return kExitOk;
  };
}

struct SlateArgs {
  std::string cycle;
  std::string db;
};

Action SlateSetup(CLI::App& app) {
  auto args = std::make_shared<SlateArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  AddDatabaseOption(app, args->db);
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<std::vector<model::Decision>> slate = store->Decisions(args->cycle);
    if (!slate.ok()) return ReportFailure(slate.status());
    if (slate->empty()) {
      return ReportFailure(Status::NotFound(fmt::format(
          "cycle '{}' has no slate (`yardstick cycle decide {}`)", args->cycle, args->cycle)));
    }
    for (const model::Decision& d : *slate) {
      if (d.proposal == model::Proposal::kNoChange &&
          d.status == model::DecisionStatus::kProposed && !d.bonus) {
        continue;
      }
      PrintDecision(d);
    }
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> DecisionCommands() {
  return {
      {"cycle", "decide", "Propose the cycle's decisions: promotions, plans, bonuses", DecideSetup},
      {"cycle", "slate", "The cycle's decisions and how they were reviewed", SlateSetup},
      {"cycle", "accept", "Accept proposals of the slate (people team, while decided)",
       [](CLI::App& app) { return ReviewSetup(app, true); }},
      {"cycle", "reject", "Reject a proposal, saying why",
       [](CLI::App& app) { return ReviewSetup(app, false); }},
      {"cycle", "exception",
       "Record a promotion the evidence does not support: justified, approved, marked",
       ExceptionSetup},
      {"cycle", "apply",
       "Apply the accepted decisions: grades, positions, level history, in one transaction",
       ApplySetup}};
}

}  // namespace yardstick::cli
