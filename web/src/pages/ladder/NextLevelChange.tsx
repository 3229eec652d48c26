// "What changes at the next level": from a level of the track, the next one's band and summary
// and the criteria it adds (or, on a ladder whose criteria are not cumulative, all it expects).
import { useState } from "preact/hooks";
import type { Ladder } from "../../api";
import { CriteriaByArea } from "../../components/CriteriaByArea";
import { formatBand } from "../../format";
import { criteriaOf, levelsOfTrack, nextLevel } from "../../ladder";

export function NextLevelChange({ ladder, track, initialLevel }: { ladder: Ladder; track: string | null; initialLevel: string }) {
  const levels = levelsOfTrack(ladder, track);
  const [from, setFrom] = useState(initialLevel);
  const current = levels.find((level) => level.id === from) ?? levels[0];
  if (!current) return null;
  const next = nextLevel(ladder, current.id, track);
  return (
    <section aria-labelledby="next-heading" data-testid="next-level-change">
      <h2 id="next-heading">What changes at the next level</h2>
      <label class="inline">
        From level{" "}
        <select value={current.id} onChange={(event) => setFrom(event.currentTarget.value)}>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.id} {level.name}
            </option>
          ))}
        </select>
      </label>
      {next ? (
        <div class="card">
          <p>
            <strong>
              {current.id} {current.name} → {next.id} {next.name}
            </strong>
            : from {formatBand(current.band)} to {formatBand(next.band)}.
          </p>
          <p>{next.summary}</p>
          <p class="hint">
            {ladder.cumulative_criteria
              ? `On top of everything ${current.id} expects, ${next.id} adds:`
              : `${next.id} expects:`}
          </p>
          <CriteriaByArea ladder={ladder} criteria={criteriaOf(next)} />
        </div>
      ) : (
        <p class="state state-empty">
          {current.id} is the top level of this track{ladder.policies.executive_approval.includes(current.id) ? "; it is bestowed with an executive's approval" : ""}.
        </p>
      )}
    </section>
  );
}
