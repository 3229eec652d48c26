// One ladder: pick a track and the levels to compare side by side (kept in the address,
// #/ladders/ID?compare=L2,L3), see what changes from one level to the next, and the ladder's
// positions, equivalences and promotion rules.
import { useState } from "preact/hooks";
import { api, type Ladder } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { ErrorState, Loading } from "../../components/States";
import { levelsOfTrack } from "../../ladder";
import { href, replaceRoute } from "../../router";
import { useFetch } from "../../useFetch";
import { LevelComparison } from "./LevelComparison";
import { LadderStructure } from "./LadderStructure";
import { NextLevelChange } from "./NextLevelChange";

export function LadderPage({ ladderId, compare }: { ladderId: string; compare: string[] }) {
  const ladder = useFetch(`framework:${ladderId}`, () => api.framework(ladderId));
  if (ladder.state === "loading") return <Loading what="the ladder" />;
  if (ladder.state === "error") {
    return (
      <>
        <PageHeading>Ladder {ladderId}</PageHeading>
        <ErrorState error={ladder.error} what={`ladder ${ladderId}`} />
      </>
    );
  }
  return <LadderView ladder={ladder.data} compare={compare} />;
}

function LadderView({ ladder, compare }: { ladder: Ladder; compare: string[] }) {
  const firstCompared = ladder.levels.find((level) => level.id === compare[0]);
  const [track, setTrack] = useState<string | null>(firstCompared?.tracks[0] ?? ladder.tracks[0]?.id ?? null);
  const levels = levelsOfTrack(ladder, track);
  const known = compare.filter((id) => levels.some((level) => level.id === id));
  // Without a choice in the address, the first two levels of the track.
  const chosen = known.length > 0 ? known : levels.slice(0, 2).map((level) => level.id);
  const setChosen = (ids: string[]) => {
    const ordered = levels.filter((level) => ids.includes(level.id)).map((level) => level.id);
    replaceRoute(href.ladder(ladder.id, ordered));
  };

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>{ladder.name}</PageHeading>
      <p class="subtitle">
        {ladder.description} Scale: {ladder.scale[0]}–{ladder.scale[ladder.scale.length - 1]} ({ladder.scale.length} grades).{" "}
        {ladder.cumulative_criteria
          ? "Criteria are cumulative: a level also expects every criterion of the levels below it."
          : "Each level lists all it expects."}{" "}
        <a href={href.ladders()}>All ladders</a>
      </p>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        {ladder.tracks.length > 1 && (
          <label>
            Track
            <select
              value={track ?? ""}
              onChange={(event) => {
                setTrack(event.currentTarget.value);
                replaceRoute(href.ladder(ladder.id));
              }}
            >
              {ladder.tracks.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset class="chips">
          <legend>Levels to compare</legend>
          {levels.map((level) => (
            <label key={level.id} class="checkbox chip">
              <input
                type="checkbox"
                checked={chosen.includes(level.id)}
                onChange={(event) =>
                  setChosen(event.currentTarget.checked ? [...chosen, level.id] : chosen.filter((id) => id !== level.id))
                }
              />
              {level.id} {level.name}
            </label>
          ))}
        </fieldset>
      </form>
      <LevelComparison ladder={ladder} levels={levels.filter((level) => chosen.includes(level.id))} track={track} />
      <NextLevelChange ladder={ladder} track={track} initialLevel={chosen[0] ?? levels[0]?.id ?? ""} />
      <LadderStructure ladder={ladder} />
    </section>
  );
}
