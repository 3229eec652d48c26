// What awaits the signed-in executive's approval on the slate (exceptions naming them, and
// promotions into bestowed levels), each approved singly or all at once
// (POST /api/cycles/{id}/slate/approve).
import { useState } from "preact/hooks";
import { api, type ApiError, type Decision } from "../../../api";
import { toApiError } from "../../../useFetch";
import { ActionError } from "../ActionError";
import { proposalLabel } from "../proposals";

export function ApprovalQueue({ cycleId, me, decisions, onChanged }: { cycleId: string; me: string; decisions: Decision[]; onChanged: () => void }) {
  const waiting = decisions.filter((decision) => decision.awaiting_approval && (decision.approver === null || decision.approver === me));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function approve(people: string[]) {
    setBusy(true);
    setError(null);
    try {
      const result = await api.approveSlate(cycleId, people);
      setDone(`${result.approved.length} approved.`);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="approval-heading" class="card" data-testid="approval-queue">
      <h2 id="approval-heading">Awaiting your approval ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p class="muted">Nothing awaits your approval.</p>
      ) : (
        <>
          <ul class="plain approvals">
            {waiting.map((decision) => (
              <li key={decision.person_id}>
                <strong>{decision.name}</strong> ({decision.person_id}): {proposalLabel(decision.proposal)} {decision.from_grade} → {decision.to_grade}
                {decision.justification && <span class="summary">Justification: {decision.justification}</span>}
                <span class="summary">{decision.reason}</span>
                <button type="button" disabled={busy} onClick={() => void approve([decision.person_id])} aria-label={`Approve ${decision.name}`}>
                  Approve
                </button>
              </li>
            ))}
          </ul>
          {waiting.length > 1 && (
            <div class="buttons">
              <button type="button" disabled={busy} onClick={() => void approve(waiting.map((decision) => decision.person_id))}>
                Approve all {waiting.length}
              </button>
            </div>
          )}
        </>
      )}
      {done && (
        <p class="state state-notice" role="status">
          {done}
        </p>
      )}
      <ActionError error={error} />
    </section>
  );
}
