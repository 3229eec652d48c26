// The criteria a rater may tick as demonstrated: those of the person's current level and of the
// next one up their track, by area. Values are the criteria's handles (ladder.ts).
import type { Ladder, LadderLevel } from "../../../api";
import { byArea, criteriaOf } from "../../../ladder";

interface CriteriaChecklistProps {
  ladder: Ladder;
  levels: LadderLevel[];
  checked: string[];
  disabled?: boolean;
  onChange: (checked: string[]) => void;
}

export function CriteriaChecklist({ ladder, levels, checked, disabled, onChange }: CriteriaChecklistProps) {
  if (levels.length === 0) return <p class="muted">No level to check criteria against.</p>;
  const toggle = (handle: string, on: boolean) =>
    onChange(on ? [...checked.filter((other) => other !== handle), handle] : checked.filter((other) => other !== handle));
  return (
    <details class="checklist">
      <summary>
        Criteria demonstrated ({checked.length} ticked) — {levels.map((level) => level.id).join(" and ")}
      </summary>
      {levels.map((level) => (
        <fieldset key={level.id} disabled={disabled}>
          <legend>
            {level.id} {level.name}
          </legend>
          {byArea(ladder, criteriaOf(level)).map((group) => (
            <div key={group.area} class="checklist-area">
              <p class="area-name">{group.name}</p>
              {group.criteria.map((criterion) => (
                <label key={criterion.handle} class="checkbox">
                  <input type="checkbox" checked={checked.includes(criterion.handle)} onChange={(event) => toggle(criterion.handle, event.currentTarget.checked)} />
                  {criterion.text}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
