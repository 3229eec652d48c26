// A cycle's overview: where it is in its life, how far rating has come, the caller's part in it,
// the people team's actions that move it on, and — once closed — the caller's own result.
import { CYCLE_STATES, type CycleDetail } from "../../api";
import { href } from "../../router";
import { useSession } from "../../session";
import { CycleActions } from "./CycleActions";
import { CycleFrame } from "./CycleFrame";
import { PersonOutcomeCard } from "./PersonOutcomeCard";

export function CyclePage({ cycleId }: { cycleId: string }) {
  const session = useSession();
  return (
    <CycleFrame cycleId={cycleId} view="overview">
      {(cycle, reload) => (
        <>
          <StateSteps cycle={cycle} />
          <Progress cycle={cycle} />
          {cycle.me.rates > 0 && (
            <p>
              You rate {cycle.me.rates} {cycle.me.rates === 1 ? "person" : "people"} in this cycle.{" "}
              <a href={href.cycle(cycle.id, "team")}>{cycle.state === "rating" ? "Rate and rank them" : "See your team's ratings"}</a>
            </p>
          )}
          {cycle.me.people_team && <CycleActions cycle={cycle} onChanged={reload} />}
          {cycle.state === "closed" && session && <PersonOutcomeCard cycleId={cycle.id} frameworkId={cycle.framework} personId={session.person_id} isMe />}
        </>
      )}
    </CycleFrame>
  );
}

function StateSteps({ cycle }: { cycle: CycleDetail }) {
  const at = CYCLE_STATES.indexOf(cycle.state);
  return (
    <ol class="steps" aria-label="The cycle's states">
      {CYCLE_STATES.map((state, index) => (
        <li key={state} class={index < at ? "done" : index === at ? "current" : ""} aria-current={index === at ? "step" : undefined}>
          {state}
        </li>
      ))}
    </ol>
  );
}

function Progress({ cycle }: { cycle: CycleDetail }) {
  return (
    <p class="progress-line" data-testid="cycle-progress">
      <label>
        <span>
          {cycle.rated} of {cycle.people} people rated
        </span>
        <progress max={Math.max(cycle.people, 1)} value={cycle.rated} />
      </label>
    </p>
  );
}
