// The rater's page of a cycle (#/cycles/ID/team, ?rater=ID for someone else's team): each person
// they rate (their reports and the benchmark people assigned to them) with the grade, evidence
// and criteria; their team's stack rank; and how far they have come.
import { useEffect, useState } from "preact/hooks";
import { api, type CycleDetail, type Ladder, type PersonSummary, type Team } from "../../../api";
import { Empty, ErrorState, Loading } from "../../../components/States";
import { levelOfGrade, nextLevel } from "../../../ladder";
import { href, navigate } from "../../../router";
import { useSession } from "../../../session";
import { useFetch } from "../../../useFetch";
import { CycleFrame } from "../CycleFrame";
import { RatingEditor } from "./RatingEditor";
import { StackRank } from "./StackRank";

export function TeamPage({ cycleId, raterId }: { cycleId: string; raterId: string }) {
  return <CycleFrame cycleId={cycleId} view="team">{(cycle) => <TeamLoader cycle={cycle} raterId={raterId} />}</CycleFrame>;
}

function TeamLoader({ cycle, raterId }: { cycle: CycleDetail; raterId: string }) {
  const team = useFetch(`team:${cycle.id}:${raterId}`, () => api.team(cycle.id, raterId));
  const ladder = useFetch(`framework:${cycle.framework}`, () => api.framework(cycle.framework));
  // The reports' tracks, for their levels' criteria (benchmark people fall back to the grade).
  const reports = useFetch(`people:manager:${raterId}`, () => api.people({ manager: raterId }).catch(() => null));
  const session = useSession();
  return (
    <>
      {cycle.me.people_team && <RaterChooser raterId={raterId} cycleId={cycle.id} isMe={raterId === session?.person_id} />}
      {(team.state === "loading" || ladder.state === "loading" || reports.state === "loading") && <Loading what="the team" />}
      {team.state === "error" && <ErrorState error={team.error} what="the team" notVisible={`${raterId} rates nobody in this cycle that you may see.`} />}
      {ladder.state === "error" && <ErrorState error={ladder.error} what="the ladder" />}
      {team.state === "ok" && ladder.state === "ok" && reports.state === "ok" && (
        <TeamView key={raterId} cycle={cycle} initial={team.data} ladder={ladder.data} summaries={reports.data?.people ?? []} />
      )}
    </>
  );
}

function TeamView({ cycle, initial, ladder, summaries }: { cycle: CycleDetail; initial: Team; ladder: Ladder; summaries: PersonSummary[] }) {
  const [team, setTeam] = useState(initial);
  useEffect(() => setTeam(initial), [initial]);
  const editable = cycle.state === "rating";
  const reports = team.people.filter((member) => member.relation === "report");
  const benchmarks = team.people.filter((member) => member.relation === "benchmark");
  const rated = team.people.filter((member) => member.rating !== null).length;
  const tracks = new Map(summaries.map((summary) => [summary.id, summary.track]));

  if (team.people.length === 0) return <Empty>Nobody to rate in this cycle for {team.rater_id}.</Empty>;
  return (
    <>
      <p class="progress-line" data-testid="team-progress">
        <label>
          <span>
            {rated} of {team.people.length} rated · {team.rank.order.length > 0 ? "ranked" : "not ranked yet"}
            {team.benchmarks_to_rate > 0 && ` · ${team.benchmarks_to_rate} benchmark ${team.benchmarks_to_rate === 1 ? "person" : "people"} to rate`}
          </span>
          <progress max={team.people.length} value={rated} />
        </label>
      </p>
      {!editable && (
        <p class="state state-notice" role="status">
          {cycle.state === "open" ? "Rating has not started yet: you can look, not save." : "Rating has ended: the ratings are shown as saved."}
        </p>
      )}
      <div class="team-layout">
        <div class="stack">
          <h2>Ratings</h2>
          {[...reports, ...benchmarks].map((member) => {
            const track = tracks.get(member.id) ?? null;
            const level = levelOfGrade(ladder, member.grade, track);
            const next = level ? nextLevel(ladder, level.id, track) : null;
            return (
              <RatingEditor
                key={member.id}
                cycleId={cycle.id}
                raterId={team.rater_id}
                member={member}
                ladder={ladder}
                track={track}
                levels={[level, next].filter((entry) => entry !== null)}
                editable={editable}
                onSaved={(personId, rating) =>
                  setTeam((current) => ({
                    ...current,
                    people: current.people.map((other) => (other.id === personId ? { ...other, rating } : other)),
                  }))
                }
              />
            );
          })}
        </div>
        {reports.length > 1 && (
          <StackRank
            cycleId={cycle.id}
            raterId={team.rater_id}
            members={reports}
            scale={ladder.scale}
            rank={team.rank}
            editable={editable}
            onSaved={(rank) => setTeam((current) => ({ ...current, rank }))}
          />
        )}
      </div>
    </>
  );
}

/** The people team enters ratings for anyone: whose team to show. */
function RaterChooser({ cycleId, raterId, isMe }: { cycleId: string; raterId: string; isMe: boolean }) {
  const [value, setValue] = useState(raterId);
  return (
    <form
      class="filters"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) navigate(href.cycle(cycleId, "team", value.trim()));
      }}
    >
      <label>
        Rater (person ID)
        <input value={value} onInput={(event) => setValue(event.currentTarget.value)} />
      </label>
      <button type="submit" class="secondary">
        Show their team
      </button>
      {!isMe && <span class="muted">Entering ratings on {raterId}'s behalf.</span>}
    </form>
  );
}
