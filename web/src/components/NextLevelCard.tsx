// On a person's page: the criteria of the next level up their track, from their ladder, with a
// link to compare the two levels side by side.
import { api, type Person } from "../api";
import { criteriaOf, nextLevel } from "../ladder";
import { formatBand } from "../format";
import { href } from "../router";
import { useFetch } from "../useFetch";
import { CriteriaByArea } from "./CriteriaByArea";
import { ErrorState, Loading } from "./States";

export function NextLevelCard({ person, isMe }: { person: Person; isMe: boolean }) {
  const ladder = useFetch(`framework:${person.framework}`, () => api.framework(person.framework));
  const levelId = person.level?.id ?? null;
  return (
    <section aria-labelledby="next-level-heading" data-testid="next-level">
      <h2 id="next-level-heading">{isMe ? "My next level" : "Their next level"}</h2>
      {ladder.state === "loading" && <Loading what="the ladder" />}
      {ladder.state === "error" && <ErrorState error={ladder.error} what="the ladder" />}
      {ladder.state === "ok" &&
        (() => {
          if (!levelId) return <p class="state state-empty">No level, so no next level to show.</p>;
          const next = nextLevel(ladder.data, levelId, person.track);
          if (!next) return <p class="state state-empty">{levelId} is the top level of the {person.track} track.</p>;
          return (
            <>
              <p>
                <strong>
                  {next.id} · {next.name}
                </strong>{" "}
                ({formatBand(next.band)}): {next.summary}{" "}
                <a href={href.ladder(person.framework, [levelId, next.id])}>
                  Compare {levelId} and {next.id}
                </a>
              </p>
              {ladder.data.cumulative_criteria && <p class="hint">What {next.id} adds to everything {levelId} expects:</p>}
              <CriteriaByArea ladder={ladder.data} criteria={criteriaOf(next)} />
            </>
          );
        })()}
    </section>
  );
}
