#include "org/track_transfer.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/decision_rules.h"
#include "org/org_frameworks.h"
#include "org/permissions.h"

namespace yardstick::org {
namespace {

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

bool MayMoveBetweenLevels(const model::Framework& framework, const model::Level& from,
                          const model::Level& to) {
  if (from.id == to.id) return true;  // a level both tracks share
  for (const model::Equivalence& equivalence : framework.equivalences) {
    if (Contains(equivalence.levels, from.id) && Contains(equivalence.levels, to.id)) return true;
  }
  return std::any_of(framework.transitions.begin(), framework.transitions.end(),
                     [&](const model::Transition& t) {
                       return (t.from_level == from.id && t.to_level == to.id) ||
                              (t.both_ways && t.from_level == to.id && t.to_level == from.id);
                     });
}

namespace {

/// The position |person| holds on |track| at grade |grade| (see the header).
Result<std::string> PositionOnTrack(const model::Framework& framework, const model::Person& person,
                                    const std::string& track, int grade, const std::string& asked) {
  const auto fits = [&](const model::Position& position) {
    const auto [low, high] = framework.BandOf(position);
    return (position.track.empty() || position.track == track) && low <= grade && grade <= high;
  };
  if (!asked.empty()) {
    const model::Position* position = framework.FindPosition(asked);
    if (position == nullptr) {
      return Status::InvalidArgument(
          fmt::format("framework '{}' has no position '{}'", framework.id, asked));
    }
    if (!fits(*position)) {
      return Status::InvalidArgument(fmt::format(
          "position {} does not fit {} on track {} at grade {} (its track is {}, its band {}-{})",
          asked, person.id, track, person.grade, position->track.empty() ? "any" : position->track,
          position->min_level, position->max_level));
    }
    return asked;
  }
  if (const model::Position* current = framework.FindPosition(person.position);
      current != nullptr && fits(*current)) {
    return person.position;
  }
  const model::Position* holding = engine::PositionHolding(framework, track, grade);
  return holding != nullptr ? holding->id : "";
}

}  // namespace

Result<model::PersonUpdate> TransferTrack(store::Store& store, const TransferRequest& request) {
  Result<Actor> actor = LoadActor(store, request.actor);
  if (!actor.ok()) return actor.status();
  if (Status s = RequirePeopleTeam(*actor, "move someone to another track"); !s.ok()) return s;
  Result<std::optional<model::Person>> stored = store.GetPerson(request.person_id);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::NotFound(fmt::format("there is no person '{}'", request.person_id));
  const model::Person& person = **stored;
  if (person.status != model::PersonStatus::kActive) {
    return Status::FailedPrecondition(fmt::format("{} has left", person.id));
  }
  Result<OrgFrameworks> frameworks = OrgFrameworks::Load(store);
  if (!frameworks.ok()) return frameworks.status();
  const model::Framework* framework = frameworks->ForPerson(person);
  if (framework == nullptr) {
    return Status::NotFound(
        fmt::format("{}'s group '{}' has no framework", person.id, person.group));
  }
  if (framework->FindTrack(request.track) == nullptr) {
    return Status::InvalidArgument(
        fmt::format("framework '{}' has no track '{}'", framework->id, request.track));
  }
  if (request.track == person.track) {
    return Status::InvalidArgument(
        fmt::format("{} is on track {} already", person.id, request.track));
  }
  const int grade = framework->scale.IndexOf(person.grade);
  const model::Level* from = framework->LevelAt(person.track, grade);
  const model::Level* to = framework->LevelAt(request.track, grade);
  if (from == nullptr || to == nullptr) {
    return Status::FailedPrecondition(fmt::format(
        "no level of track {} holds grade {} on framework '{}': {} cannot move there at their "
        "grade",
        from == nullptr ? person.track : request.track, person.grade, framework->id, person.id));
  }
  if (!MayMoveBetweenLevels(*framework, *from, *to)) {
    return Status::FailedPrecondition(fmt::format(
        "framework '{}' does not make level {} (track {}) and level {} (track {}) equivalent: "
        "{} cannot move at grade {} (add an equivalence or a transition to the framework)",
        framework->id, from->id, person.track, to->id, request.track, person.id, person.grade));
  }
  Result<std::string> position =
      PositionOnTrack(*framework, person, request.track, grade, request.position);
  if (!position.ok()) return position.status();
  model::PersonUpdate move{person, person};
  move.after.track = request.track;
  move.after.position = *position;
  model::PeopleChanges changes;
  changes.updated = {move};
  changes.reason = "transfer";
  changes.effective = request.effective;
  if (Status s = store.ApplyPeopleChanges(changes, request.actor); !s.ok()) return s;
  return move;
}

}  // namespace yardstick::org
