// The pages of one cycle the caller has a part in: the overview, rating and ranking (raters),
// calibration (people team, calibrators), the slate (people team, executives), payroll (people team).
import type { CycleDetail } from "../../api";
import { href, type CycleView } from "../../router";
import { CYCLE_STATES } from "../../api";

export function cycleViews(cycle: CycleDetail): { view: CycleView; label: string }[] {
  const at = CYCLE_STATES.indexOf(cycle.state);
  const { me } = cycle;
  const views: { view: CycleView; label: string }[] = [{ view: "overview", label: "Overview" }];
  if (me.rates > 0 || me.people_team) views.push({ view: "team", label: "Rate and rank" });
  if ((me.people_team || me.calibrates) && at >= CYCLE_STATES.indexOf("calibrating")) views.push({ view: "calibration", label: "Calibration" });
  if ((me.people_team || me.executive) && at >= CYCLE_STATES.indexOf("calibrating")) views.push({ view: "slate", label: "Slate" });
  if (me.people_team && at >= CYCLE_STATES.indexOf("decided")) views.push({ view: "payroll", label: "Payroll" });
  return views;
}

export function CycleNav({ cycle, view }: { cycle: CycleDetail; view: CycleView }) {
  const views = cycleViews(cycle);
  if (views.length < 2) return null;
  return (
    <nav aria-label="This cycle" class="tabs">
      <ul>
        {views.map((entry) => (
          <li key={entry.view}>
            <a href={href.cycle(cycle.id, entry.view)} aria-current={entry.view === view ? "page" : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
