// A cycle's state as a small labelled badge (colour is never the only cue: the word is shown).
import type { CycleState } from "../../api";

export function CycleStateBadge({ state }: { state: CycleState }) {
  return (
    <span class={`badge state-${state}`} data-testid="cycle-state">
      {state}
    </span>
  );
}
