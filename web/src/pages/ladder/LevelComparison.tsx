// Levels side by side: a column per level, a row for the band, the summary, the positions and
// pay of the band, and one row per competency area with the level's own criteria.
import type { Ladder, LadderLevel } from "../../api";
import { Empty } from "../../components/States";
import { formatBand, formatMoney } from "../../format";
import { byArea, criteriaOf, gradesOfBand } from "../../ladder";

export function LevelComparison({ ladder, levels, track }: { ladder: Ladder; levels: LadderLevel[]; track: string | null }) {
  if (levels.length === 0) return <Empty>Choose one or more levels to compare.</Empty>;
  const criteria = levels.flatMap(criteriaOf);
  const areas = byArea(ladder, criteria);
  const family = ladder.pay.families.find((candidate) => track === null || candidate.tracks.length === 0 || candidate.tracks.includes(track));
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{levels.length === 1 ? `Level ${levels[0]?.id}` : `Comparing ${levels.map((level) => level.id).join(", ")}`}</h2>
      <div class="table-wrap">
        <table class="compare" data-testid="level-comparison">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Aspect</span>
              </th>
              {levels.map((level) => (
                <th scope="col" key={level.id}>
                  {level.id} · {level.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Band</th>
              {levels.map((level) => (
                <td key={level.id}>{formatBand(level.band)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Summary</th>
              {levels.map((level) => (
                <td key={level.id}>{level.summary}</td>
              ))}
            </tr>
            {family && (
              <tr>
                <th scope="row">Base pay ({family.name})</th>
                {levels.map((level) => (
                  <td key={level.id}>{payRange(ladder, family.base, gradesOfBand(ladder, level.band))}</td>
                ))}
              </tr>
            )}
            {areas.map((area) => (
              <tr key={area.area}>
                <th scope="row">{area.name}</th>
                {levels.map((level) => {
                  const own = area.criteria.filter((criterion) => criterion.level === level.id);
                  return (
                    <td key={level.id}>
                      {own.length === 0 ? (
                        <span class="muted">—</span>
                      ) : (
                        <ul>
                          {own.map((criterion) => (
                            <li key={criterion.handle}>{criterion.text}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ladder.cumulative_criteria && levels.length > 0 && (
        <p class="hint">Each column lists what the level adds; it also expects everything of the levels below it.</p>
      )}
    </section>
  );
}

function payRange(ladder: Ladder, base: Record<string, number>, grades: string[]): string {
  const amounts = grades.map((grade) => base[grade]).filter((amount): amount is number => amount !== undefined);
  if (amounts.length === 0) return "—";
  const low = formatMoney(Math.min(...amounts), ladder.pay.currency);
  const high = formatMoney(Math.max(...amounts), ladder.pay.currency);
  return `${low === high ? low : `${low}–${high}`} per ${ladder.pay.period}`;
}
