// Recording an exception (POST /api/cycles/{id}/exceptions): a grade above what the slate
// proposes for someone, with a written justification and the executive who approves it. The
// approver is chosen from the people the caller may see (typed by name or ID).
import { useState } from "preact/hooks";
import { api, type ApiError, type Decision } from "../../../api";
import { toApiError } from "../../../useFetch";
import { useVisiblePeople } from "../../../visiblePeople";
import { ActionError } from "../ActionError";

interface ExceptionFormProps {
  cycleId: string;
  decisions: Decision[];
  scale: string[];
  onRecorded: () => void;
}

export function ExceptionForm({ cycleId, decisions, scale, onRecorded }: ExceptionFormProps) {
  const { names } = useVisiblePeople();
  const candidates = decisions.filter((decision) => decision.status !== "applied");
  const [personId, setPersonId] = useState("");
  const [toGrade, setToGrade] = useState("");
  const [justification, setJustification] = useState("");
  const [approver, setApprover] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const person = candidates.find((decision) => decision.person_id === personId);
  const above = person ? scale.slice(Math.max(scale.indexOf(person.to_grade), scale.indexOf(person.from_grade)) + 1) : [];
  const approverId = resolvePerson(approver, names);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const recorded = await api.recordException(cycleId, { person_id: personId, to_grade: toGrade, justification: justification.trim(), approver: approverId });
      setDone(`Exception recorded for ${recorded.name}: ${recorded.from_grade} → ${recorded.to_grade}, awaiting ${recorded.approver ?? approverId}'s approval.`);
      setJustification("");
      onRecorded();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="exception-heading" class="card form-card" data-testid="exception-form">
      <h2 id="exception-heading">Record an exception</h2>
      <p class="hint">A grade the evidence does not support needs a written justification and an executive's approval; it stays marked as an exception in every report.</p>
      <form class="stack" onSubmit={submit}>
        <label>
          Person
          <select
            required
            value={personId}
            onChange={(event) => {
              setPersonId(event.currentTarget.value);
              setToGrade("");
            }}
          >
            <option value="">Choose someone</option>
            {candidates.map((decision) => (
              <option key={decision.person_id} value={decision.person_id}>
                {decision.name} ({decision.person_id}), holds {decision.from_grade}
              </option>
            ))}
          </select>
        </label>
        <label>
          To grade
          <select required value={toGrade} disabled={!person} onChange={(event) => setToGrade(event.currentTarget.value)}>
            <option value="">{person ? "Choose a grade" : "Choose the person first"}</option>
            {above.map((grade) => (
              <option key={grade} value={grade}>
                {grade}
              </option>
            ))}
          </select>
        </label>
        <label>
          Justification
          <textarea required rows={3} value={justification} onInput={(event) => setJustification(event.currentTarget.value)} />
        </label>
        <label>
          Executive approver (name or ID)
          <input required list="approver-choices" value={approver} onInput={(event) => setApprover(event.currentTarget.value)} />
          <datalist id="approver-choices">
            {[...names].map(([id, name]) => (
              <option key={id} value={`${name} (${id})`} />
            ))}
          </datalist>
        </label>
        <ActionError error={error} />
        {done && (
          <p class="state state-notice" role="status" data-testid="exception-done">
            {done}
          </p>
        )}
        <div class="buttons">
          <button type="submit" disabled={busy || !personId || !toGrade || !justification.trim() || !approverId}>
            {busy ? "Recording…" : "Record the exception"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Ann Lee (E000002)" or "E000002" or an exact name → the person's ID; "" when unknown. */
export function resolvePerson(text: string, names: ReadonlyMap<string, string>): string {
  const trimmed = text.trim();
  const inParens = /\(([^()]+)\)\s*$/.exec(trimmed)?.[1];
  if (inParens && names.has(inParens)) return inParens;
  if (names.has(trimmed)) return trimmed;
  for (const [id, name] of names) if (name.toLowerCase() === trimmed.toLowerCase()) return id;
  return /^[A-Za-z0-9_-]+$/.test(trimmed) ? trimmed : "";
}
