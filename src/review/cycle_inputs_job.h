// Entering a review cycle's inputs against the store: read the cycle and what it is judged
// against, judge the input (ratings_input.h, stack_ranks_input.h), and store it all or nothing.
//
// Inputs are taken only while the cycle is rating (benchmark assignments also while it is
// open); the store re-checks that state in the writing transaction, so a cycle moved on
// meanwhile is never written to. A bad row, a dry run or a failing store leaves the database as
// it was. Uses the store it is given from one thread.
#pragma once

#include <istream>
#include <optional>
#include <string>

#include "base/status.h"
#include "org/permissions.h"
#include "review/cycle_calibration.h"
#include "review/cycle_scope.h"
#include "review/ratings_input.h"
#include "review/stack_ranks_input.h"
#include "store/store.h"

namespace yardstick::review {

/// Cycle |cycle_id| with the framework version it pinned, the groups on that framework, everyone
/// stored and the cycle's benchmark assignments. NotFound for an unknown cycle.
Result<CycleScope> LoadCycleScope(store::Store& store, const std::string& cycle_id);

/// A cycle's scope and the person asking, loaded together.
struct CycleAndActor {
  CycleScope scope;
  org::Actor actor;
};

/// LoadCycleScope and org::LoadActor in one: NotFound for an unknown cycle, then the actor's
/// errors.
Result<CycleAndActor> LoadCycleAndActor(store::Store& store, const std::string& cycle_id,
                                        const std::string& actor_id);

/// Opens |cycle| (org/permissions.h: the people team opens cycles).
Status OpenCycle(store::Store& store, const model::Cycle& cycle, const std::string& actor_id);

struct InputRequest {
  std::string cycle_id;
  bool dry_run = false;
  std::string actor;  ///< the person entering it: each rater, or the people team for anyone
};

/// Reads ratings from |csv| and records them. A non-ok Result means the cycle cannot take
/// ratings now (FailedPrecondition, NotFound) or the store failed; problems with the file are in
/// the plan's diagnostics, and then nothing is written.
Result<RatingsPlan> EnterRatings(store::Store& store, std::istream& csv,
                                 const InputRequest& request);

/// The same for stack ranks.
Result<StackRanksPlan> EnterStackRanks(store::Store& store, std::istream& csv,
                                       const InputRequest& request);

/// Ok when |actor_id| may assign benchmark people (the people team), checked before anything is
/// worked out for them.
Status RequireMayAssignBenchmarks(store::Store& store, const std::string& actor_id);

/// Assigns each rater to rate their person as a benchmark person: both in the cycle and in one
/// comparison group, the rater neither the person nor their manager (the manager rates them
/// anyway). All or nothing; FailedPrecondition says why not.
Status AssignBenchmarks(store::Store& store, const std::string& cycle_id,
                        const std::vector<model::BenchmarkAssignment>& assignments,
                        const std::string& actor_id);

/// A move of a cycle's state, as made.
struct CycleMove {
  model::CycleState from;
  model::CycleState to;
};

/// Moves cycle |cycle_id| to |target| (its next state when nullopt) if model::CheckReady allows:
/// rating ends when everyone in the cycle is rated (unless |allow_unrated|), calibrating when
/// the cycle has been calibrated. FailedPrecondition says what is missing.
Result<CycleMove> AdvanceCycle(store::Store& store, const std::string& cycle_id,
                               std::optional<model::CycleState> target, bool allow_unrated,
                               const std::string& actor_id);

/// Benchmark ratings that would connect every rater of the cycle (review/cycle_calibration.h).
Result<std::vector<engine::BenchmarkSuggestion>> SuggestBenchmarks(store::Store& store,
                                                                   const std::string& cycle_id);

}  // namespace yardstick::review
