// The slate's decisions as a table: the person, the proposal and its grades, the calibrated
// performance, the reason, flags, the status and review; with accept and reject (which asks for
// a note) on open proposals. A bonus column appears only when the answer carries a bonus.
import { useState } from "preact/hooks";
import type { Decision } from "../../../api";
import { formatMoney } from "../../../format";
import { proposalLabel } from "../proposals";
import type { ReviewHandler } from "./SlatePage";

interface DecisionTableProps {
  decisions: Decision[];
  /** The cycle's scale, to write a calibrated grade index as its grade. */
  scale: string[];
  currency: string | undefined;
  reviewable: boolean;
  busy: boolean;
  onReview: ReviewHandler;
}

export function DecisionTable({ decisions, scale, currency, reviewable, busy, onReview }: DecisionTableProps) {
  // Bonuses come only to those who may see pay (null otherwise): no column without one.
  const showBonus = decisions.some((decision) => typeof decision.bonus === "number");
  return (
    <div class="table-wrap">
      <table class="slate" data-testid="slate-table">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Proposal</th>
            <th scope="col">Performed</th>
            <th scope="col">Reason</th>
            {showBonus && <th scope="col">Bonus</th>}
            <th scope="col">Status</th>
            {reviewable && <th scope="col">Review</th>}
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision) => (
            <tr key={decision.person_id} data-person={decision.person_id} class={decision.proposal === "exception" ? "exception" : ""}>
              <td>
                {decision.name} <span class="muted">{decision.person_id}</span>
              </td>
              <td>
                <strong>{proposalLabel(decision.proposal)}</strong>
                <span class="muted">
                  {" "}
                  {decision.from_grade}
                  {decision.to_grade !== decision.from_grade && ` → ${decision.to_grade}`}
                </span>
                {decision.executive_level && (
                  <span class="badge">executive approval{typeof decision.executive_level === "string" ? ` (${decision.executive_level})` : ""}</span>
                )}
                {decision.position_change && <span class="summary">moves to {decision.position_change}</span>}
              </td>
              <td>{performedText(scale, decision)}</td>
              <td class="wrap">
                {decision.reason}
                {decision.flags.length > 0 && <span class="summary flag">{decision.flags.join("; ")}</span>}
                {decision.justification && <span class="summary">Justification: {decision.justification}</span>}
              </td>
              {showBonus && <td>{typeof decision.bonus === "number" ? (currency ? formatMoney(decision.bonus, currency) : decision.bonus) : "—"}</td>}
              <td class="wrap" data-testid="decision-status">
                {decision.status}
                {decision.awaiting_approval && <span class="badge">awaits {decision.approver ? `approval by ${decision.approver}` : "an executive"}</span>}
                {!decision.awaiting_approval && decision.approver && <span class="summary">approver {decision.approver}</span>}
                {decision.review_note && <span class="summary">{decision.review_note}</span>}
              </td>
              {reviewable && (
                <td>{decision.status === "proposed" && !decision.awaiting_approval && <ReviewButtons decision={decision} busy={busy} onReview={onReview} />}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReviewButtons({ decision, busy, onReview }: { decision: Decision; busy: boolean; onReview: ReviewHandler }) {
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState("");
  if (rejecting) {
    return (
      <form
        class="reject-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim()) void onReview([decision.person_id], false, note.trim());
        }}
      >
        <label>
          Why reject {decision.name}'s proposal?
          <input required value={note} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
        <div class="buttons">
          <button type="submit" disabled={busy || note.trim() === ""}>
            Reject
          </button>
          <button type="button" class="secondary" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div class="buttons">
      <button type="button" disabled={busy} aria-label={`Accept ${decision.name}'s proposal`} onClick={() => void onReview([decision.person_id], true)}>
        Accept
      </button>
      <button type="button" class="secondary" disabled={busy} aria-label={`Reject ${decision.name}'s proposal`} onClick={() => setRejecting(true)}>
        Reject…
      </button>
    </div>
  );
}

/** A calibrated grade index as "H (7.4 ± 0.8)": the nearest grade, then the number. */
export function performedText(scale: string[], decision: Pick<Decision, "performed" | "se"> & { proposal?: string }): string {
  if (decision.performed === null || decision.performed === undefined || decision.proposal === "not-calibrated") return "—";
  const grade = scale[Math.min(scale.length - 1, Math.max(0, Math.round(decision.performed)))] ?? "";
  const spread = decision.se === null || decision.se === undefined ? "" : ` ± ${decision.se.toFixed(1)}`;
  return `${grade} (${decision.performed.toFixed(1)}${spread})`.trim();
}
