// A level's criteria as lists under their area's name: what the level expects, testable
// statement by statement. Weighted criteria say their weight.
import type { Ladder } from "../api";
import { byArea, type HandledCriterion } from "../ladder";

export function CriteriaByArea({ ladder, criteria, headingLevel = 3 }: { ladder: Ladder; criteria: HandledCriterion[]; headingLevel?: 3 | 4 }) {
  if (criteria.length === 0) return <p class="muted">No criteria of its own.</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div class="criteria">
      {byArea(ladder, criteria).map((group) => (
        <section key={group.area}>
          <Heading class="area-name">{group.name}</Heading>
          <ul>
            {group.criteria.map((criterion) => (
              <li key={criterion.handle}>
                {criterion.text}
                {criterion.weight !== 1 && <span class="muted"> (weight {criterion.weight})</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
