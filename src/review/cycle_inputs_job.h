// Entering a review cycle's inputs against the store: read the cycle and what it is judged
// against, judge the input (ratings_input.h, stack_ranks_input.h), and store it all or nothing.
//
// Inputs are taken only while the cycle is rating (benchmark assignments also while it is
// open); the store re-checks that state in the writing transaction, so a cycle moved on
// meanwhile is never written to. A bad row, a dry run or a failing store leaves the database as
// it was. Uses the store it is given from one thread.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

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

/// A cycle to open as people describe it.
struct OpenRequest {
  std::string name;          ///< "Engineering H2 2026"
  std::string framework_id;  ///< its current version is pinned
  std::string period;        ///< as model::Period::Parse reads it
  std::string id;            ///< default: FRAMEWORK-PERIOD in lower case ("engineering-2026-h2")
  std::string actor;
};

/// Opens the cycle |request| describes on the current version of its framework and returns it.
/// InvalidArgument for a bad period or name, FailedPrecondition for an unknown framework.
Result<model::Cycle> OpenCycle(store::Store& store, const OpenRequest& request);

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

// One rater's inputs as a browser enters them: one rating or one stack rank at a time, judged by
// the same rules as a file's rows, and written only when what the writer read is still what is
// stored (optimistic versioning: two people editing at once never overwrite each other unseen).

/// Someone a rater rates in a cycle, with what the rater has entered about them so far.
struct TeamMember {
  model::Person person;
  bool benchmark = false;  ///< an assigned benchmark person, not a direct report
  std::optional<model::Rating> rating;
  std::int64_t version = 0;  ///< the rating's version; 0 when there is none
};

/// The people |rater_id| rates in a cycle: their team, then the benchmark people they are
/// assigned, each by id; and their stored stack rank of the team (best first, empty when none).
struct RaterTeam {
  model::Cycle cycle;
  std::string rater_id;
  std::vector<TeamMember> members;
  std::vector<std::string> rank;
};

/// |rater_id|'s team in cycle |cycle_id| as |actor_id| sees it: the rater, anyone above them and
/// the people team may (PermissionDenied otherwise).
Result<RaterTeam> LoadRaterTeam(store::Store& store, const std::string& cycle_id,
                                const std::string& rater_id, const std::string& actor_id);

/// One rating as entered in a browser, with the version of the rating it replaces.
struct RatingEntry {
  std::string cycle_id;
  std::string person_id;
  std::string rater_id;
  std::string grade;
  std::string evidence;
  std::vector<std::string> criteria;
  std::int64_t seen_version = 0;  ///< 0: the writer saw no rating
  std::string actor;
};

/// What entering one rating did: the rating as stored and its version, or the problems with it
/// (each located by its field: the column of RatingColumns()).
struct EnteredRating {
  std::optional<store::VersionedRating> stored;
  Diagnostics problems;
  std::vector<std::string> fields;  ///< the field each problem is about, in order
};

/// Records |entry| while the cycle is rating, by the rater or the people team. Stale when the
/// stored rating is not at |entry.seen_version| any more.
Result<EnteredRating> EnterRating(store::Store& store, const RatingEntry& entry);

/// The version of a stack rank as the API hands it out: a digest of the order, "" for none.
std::string RankVersion(const std::vector<std::string>& order);

/// Records |rater_id|'s stack rank |order| (best first) while the cycle is rating, by the rater
/// or the people team, if their stored one is still at |seen_version| (RankVersion); Stale
/// otherwise. Problems with the order come back located (line = place in the order + 1).
Result<StackRanksPlan> EnterStackRank(store::Store& store, const std::string& cycle_id,
                                      const std::string& rater_id,
                                      const std::vector<std::string>& order,
                                      const std::string& seen_version, const std::string& actor);

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
