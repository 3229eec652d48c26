// The people team's actions on a cycle, those that fit its state: start rating, end rating
// (optionally with people unrated), run calibration, decide the slate, apply it, close the cycle.
// Each says what the API answered.
import { useState } from "preact/hooks";
import { api, type ApiError, type CycleDetail } from "../../api";
import { href } from "../../router";
import { toApiError } from "../../useFetch";
import { ActionError } from "./ActionError";

export function CycleActions({ cycle, onChanged }: { cycle: CycleDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [allowUnrated, setAllowUnrated] = useState(false);
  const [effective, setEffective] = useState("");

  async function act(label: string, action: () => Promise<string>) {
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  }
  const advance = (label: string, allow = false) =>
    act(label, async () => {
      const moved = await api.advanceCycle(cycle.id, allow ? { allow_unrated: true } : {});
      return `The cycle is now ${moved.state}.`;
    });
  const button = (label: string, onClick: () => void, secondary = false) => (
    <button type="button" class={secondary ? "secondary" : ""} disabled={busy !== null} onClick={onClick}>
      {busy === label ? `${label}…` : label}
    </button>
  );
  const unrated = cycle.people - cycle.rated;

  return (
    <section aria-labelledby="actions-heading" class="card" data-testid="cycle-actions">
      <h2 id="actions-heading">People team</h2>
      {cycle.state === "open" && (
        <>
          <p>
            Assign benchmark people now (a middling performer of one team rated by a manager of another, so calibration can compare
            raters across teams); then open rating to the managers.
          </p>
          <div class="buttons">
            {button(
              "Assign suggested benchmarks",
              () =>
                act("Assign suggested benchmarks", async () => {
                  const result = await api.assignBenchmarks(cycle.id, { suggested: true });
                  return `${result.assignments.length} benchmark ${result.assignments.length === 1 ? "rating" : "ratings"} assigned.`;
                }),
              true,
            )}
            {button("Start rating", () => advance("Start rating"))}
          </div>
        </>
      )}
      {cycle.state === "rating" && (
        <>
          <p>
            {unrated === 0
              ? "Everyone in the cycle has a rating: rating can end."
              : `${unrated} ${unrated === 1 ? "person has" : "people have"} no rating yet.`}
          </p>
          {unrated > 0 && (
            <label class="checkbox">
              <input type="checkbox" checked={allowUnrated} onChange={(event) => setAllowUnrated(event.currentTarget.checked)} />
              End rating although some people are unrated (on leave, new)
            </label>
          )}
          <div class="buttons">
            <button type="button" disabled={busy !== null || (unrated > 0 && !allowUnrated)} onClick={() => advance("End rating and calibrate", allowUnrated)}>
              {busy === "End rating and calibrate" ? "End rating and calibrate…" : "End rating and calibrate"}
            </button>
          </div>
        </>
      )}
      {cycle.state === "calibrating" && (
        <>
          <p>
            Run the calibration, look at the <a href={href.cycle(cycle.id, "calibration")}>board</a>, then let the system propose the
            decisions and move the cycle to decided.
          </p>
          <div class="buttons">
            {button("Run calibration", () =>
              act("Run calibration", async () => {
                const result = await api.calibrate(cycle.id);
                return `Calibrated ${result.people} people in ${result.groups} ${result.groups === 1 ? "group" : "groups"}.`;
              }),
            )}
            {button("Decide", () =>
              act("Decide", async () => {
                const result = await api.decide(cycle.id);
                return `${result.decisions} decisions proposed: review them on the slate.`;
              }),
            )}
            {button("Move to decided", () => advance("Move to decided"), true)}
          </div>
        </>
      )}
      {cycle.state === "decided" && (
        <>
          <p>
            Review the <a href={href.cycle(cycle.id, "slate")}>slate</a>, apply the accepted decisions, then close the cycle.
          </p>
          <label>
            Effective date (empty: the day after the period)
            <input type="date" value={effective} onInput={(event) => setEffective(event.currentTarget.value)} />
          </label>
          <div class="buttons">
            {button("Apply accepted decisions", () =>
              act("Apply accepted decisions", async () => {
                const result = await api.apply(cycle.id, effective || undefined);
                return `${result.applied} decisions applied, effective ${result.effective}${result.moves > 0 ? `; ${result.moves} position moves` : ""}.`;
              }),
            )}
            {button("Close the cycle", () => advance("Close the cycle"), true)}
          </div>
        </>
      )}
      {cycle.state === "closed" && <p>The cycle is closed: nothing in it changes any more.</p>}
      {done && (
        <p class="state state-notice" role="status" data-testid="action-done">
          {done}
        </p>
      )}
      <ActionError error={error} />
    </section>
  );
}
