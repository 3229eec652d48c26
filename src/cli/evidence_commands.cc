// `yardstick feedback request|give|show` and `yardstick rubric template|enter|show`: the evidence
// a review cycle collects besides ratings (review/cycle_evidence_job.h).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/input_options.h"
#include "review/cycle_evidence_job.h"

namespace yardstick::cli {
namespace {

std::string Plural(size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

/// "1 self-review, 2 peer and 0 upward feedback".
std::string CountByKind(const std::vector<model::Feedback>& feedback) {
  size_t kinds[3] = {0, 0, 0};
  for (const model::Feedback& each : feedback) ++kinds[static_cast<int>(each.kind)];
  return fmt::format("{}, {} peer and {} upward feedback",
                     Plural(kinds[0], "self-review", "self-reviews"), kinds[1], kinds[2]);
}

struct RequestArgs {
  InputArgs input;
  bool self_reviews = false;
};

Action RequestSetup(CLI::App& app) {
  auto args = std::make_shared<RequestArgs>();
  app.add_option("cycle", args->input.cycle, "Cycle id")->required();
  app.add_option("file", args->input.file, "CSV: person_id, giver_id[, kind, source]")
      ->check(CLI::ExistingFile);
  app.add_flag("--self", args->self_reviews,
               "Also request a self-review from everyone in the cycle not asked yet");
  app.add_flag("--dry-run", args->input.dry_run, "Check; write nothing");
  AddActorOption(app, args->input.actor);
  AddDatabaseOption(app, args->input.db);
  app.footer(
      "kind: self, peer or upward (default: self for the person themselves, upward from a "
      "direct report, peer otherwise). source: the rubric source the giver speaks as (e.g. "
      "teammates), when the framework's rubric names one: then their scores count in the "
      "rubric; otherwise feedback is evidence for the rater only. Managers request feedback "
      "about their team; the people team about anyone, and everyone's self-review with --self. "
      "A request already made is left as it is.");
  return [args] {
    if (args->input.file.empty() && !args->self_reviews) {
      std::cerr << "yardstick: nothing to request: give a CSV file of requests, or --self\n";
      return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->input.db);
    if (!store) return kExitFailure;
    std::ifstream in;
    if (!args->input.file.empty()) in.open(args->input.file, std::ios::binary);
    const InputArgs& input = args->input;
    const Result<review::FeedbackPlan> plan =
        review::RequestFeedback(*store, input.file.empty() ? nullptr : &in, args->self_reviews,
                                {input.cycle, input.dry_run, input.actor});
    return ReportInput(input, plan,
                       plan.ok() ? fmt::format("{} {} for cycle {}\n",
                                               input.dry_run ? "would request" : "requested",
                                               CountByKind(plan->feedback), input.cycle)
                                 : "");
  };
}

Action GiveSetup(CLI::App& app) {
  auto args = AddInputOptions(app, "CSV: person_id, giver_id, text[, grade, scores]");
  app.footer(
      "Each row answers a request (`yardstick feedback request`): what PERSON did, in GIVER's "
      "words; grade optionally says the grade they performed at, on the cycle's scale; scores "
      "(\"area=points; area=points\") count in the rubric only for feedback requested as a "
      "rubric source. Givers enter their own feedback; the people team anyone's. Giving it "
      "again replaces it. All or nothing.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    std::ifstream in(args->file, std::ios::binary);
    const Result<review::FeedbackPlan> plan =
        review::GiveFeedback(*store, in, {args->cycle, args->dry_run, args->actor});
    return ReportInput(
        *args, plan,
        plan.ok() ? fmt::format("{} {} for cycle {}\n", args->dry_run ? "would record" : "recorded",
                                CountByKind(plan->feedback), args->cycle)
                  : "");
  };
}

struct ShowArgs {
  std::string cycle;
  std::string person;
  std::string actor;
  std::string db;
};

std::shared_ptr<ShowArgs> AddShowOptions(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("person", args->person, "The person's id")->required();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  return args;
}

Action ShowSetup(CLI::App& app) {
  auto args = AddShowOptions(app);
  app.footer(
      "For the person's raters (their manager, assigned benchmark raters) and the people "
      "team: the feedback requested about them and what was given.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<std::vector<model::Feedback>> feedback =
        review::FeedbackAbout(*store, args->cycle, args->person, args->actor);
    if (!feedback.ok()) return ReportFailure(feedback.status());
    size_t given = 0;
    for (const model::Feedback& each : *feedback) given += each.given ? 1 : 0;
    std::cout << fmt::format("feedback about {} in cycle {}: {} requested, {} given\n",
                             args->person, args->cycle, feedback->size(), given);
    for (const model::Feedback& each : *feedback) {
      std::string line = fmt::format("  {:<7} {}", model::ToString(each.kind), each.giver_id);
      if (!each.source.empty()) line += fmt::format(" (as {})", each.source);
      if (!each.given) {
        std::cout << line << ": not given yet\n";
        continue;
      }
      if (!each.grade.empty()) line += fmt::format(", grade {}", each.grade);
      for (const model::AreaPoints& score : each.scores) {
        line += fmt::format(", {} {:g}", score.area, score.points);
      }
      std::cout << line << "\n    " << each.text << "\n";
    }
    return kExitOk;
  };
}

struct TemplateArgs {
  std::string cycle;
  std::string rater;
  std::string db;
};

Action TemplateSetup(CLI::App& app) {
  auto args = std::make_shared<TemplateArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("--rater", args->rater,
                 "Only the people this rater scores (their team and assigned benchmark people)");
  AddDatabaseOption(app, args->db);
  app.footer(
      "Prints a rubric-sheets CSV to fill in: one row per person, a column per area and "
      "source (AREA:SOURCE), evidence and outcomes.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<std::string> text = review::RubricSheetTemplate(*store, args->cycle, args->rater);
    if (!text.ok()) return ReportFailure(text.status());
    std::cout << *text;
    return kExitOk;
  };
}

Action EnterSetup(CLI::App& app) {
  auto args = AddInputOptions(
      app, "CSV: person_id, rater_id[, evidence, outcomes], AREA:SOURCE… (`rubric template`)");
  app.footer(
      "Each row: the points RATER collected for PERSON, a column per area and source, and the "
      "outcomes as \"NAME=POINTS@SHARE; …\". Feedback given as a rubric source counts too: each "
      "area and source scores the mean of all it received. The rubric's grade becomes RATER's "
      "rating of PERSON. A sheet entered again replaces the earlier one. All or nothing.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    std::ifstream in(args->file, std::ios::binary);
    const Result<review::RubricSheetsPlan> plan =
        review::EnterRubricSheets(*store, in, {args->cycle, args->dry_run, args->actor});
    std::string stored;
    if (plan.ok() && plan->ok()) {
      for (const review::ScoredSheet& scored : plan->sheets) {
        stored += fmt::format("{} by {}: {} points → grade {}\n", scored.sheet.person_id,
                              scored.sheet.rater_id, scored.scoring.rounded, scored.scoring.grade);
      }
      stored +=
          fmt::format("{} {} for cycle {}, each grade as its rater's rating\n",
                      args->dry_run ? "would record" : "recorded",
                      Plural(plan->sheets.size(), "rubric sheet", "rubric sheets"), args->cycle);
    }
    return ReportInput(*args, plan, stored);
  };
}

Action RubricShowSetup(CLI::App& app) {
  auto args = AddShowOptions(app);
  app.footer(
      "For the person's raters and the people team: each rubric sheet's working, scored "
      "again with the feedback given so far.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::PersonRubric> rubric =
        review::RubricOf(*store, args->cycle, args->person, args->actor);
    if (!rubric.ok()) return ReportFailure(rubric.status());
    if (rubric->sheets.empty() && rubric->problems.empty()) {
      std::cout << fmt::format("no rubric sheet for {} in cycle {}\n", args->person, args->cycle);
    }
    for (const review::PersonRubric::Sheet& sheet : rubric->sheets) {
      const review::ScoredSheet& scored = sheet.scored;
      std::cout << fmt::format("{} scored by {}\n", args->person, scored.sheet.rater_id);
      std::cout << review::FormatRubricWorking(rubric->rubric, scored.scoring,
                                               scored.contributions);
      if (sheet.rated_grade != scored.scoring.grade) {
        std::cout << fmt::format(
            "  note: {}'s rating is {} now; with the feedback given since, the sheet gives "
            "{} (enter the sheet again to rate {})\n",
            scored.sheet.rater_id, sheet.rated_grade.empty() ? "missing" : sheet.rated_grade,
            scored.scoring.grade, scored.scoring.grade);
      }
    }
    for (const std::string& problem : rubric->problems) std::cout << "  " << problem << "\n";
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> EvidenceCommands() {
  return {
      {"feedback", "request", "Request self-reviews, peer or upward feedback in a cycle",
       RequestSetup},
      {"feedback", "give", "Record feedback given, from CSV, all or nothing", GiveSetup},
      {"feedback", "show", "The feedback requested about a person and what was given", ShowSetup},
      {"rubric", "template", "A rubric-sheets CSV to fill in for a cycle", TemplateSetup},
      {"rubric", "enter",
       "Enter rubric sheets from CSV (while rating): each gives the rater's rating", EnterSetup},
      {"rubric", "show", "A person's rubric sheets in a cycle, with the working", RubricShowSetup},
  };
}

}  // namespace yardstick::cli
