// One person's rating by one rater: the grade performed at (on the scale), the evidence, the
// criteria demonstrated, saved with the version it was read at (PUT /api/cycles/{id}/ratings/
// {person}). When someone saved it meanwhile (409 stale_version), their value is shown and the
// rater takes it or deliberately overwrites it.
import { useState } from "preact/hooks";
import { api, type ApiError, type Ladder, type LadderLevel, type Rating, type StoredRating, type TeamMember } from "../../../api";
import { toApiError } from "../../../useFetch";
import { ActionError } from "../ActionError";
import { CriteriaChecklist } from "./CriteriaChecklist";
import { GradePicker } from "./GradePicker";

interface RatingEditorProps {
  cycleId: string;
  raterId: string;
  member: TeamMember;
  ladder: Ladder;
  track: string | null;
  levels: LadderLevel[];
  editable: boolean;
  onSaved: (personId: string, rating: Rating) => void;
}

export function RatingEditor({ cycleId, raterId, member, ladder, track, levels, editable, onSaved }: RatingEditorProps) {
  const saved = member.rating;
  const [grade, setGrade] = useState(saved?.grade ?? "");
  const [evidence, setEvidence] = useState(saved?.evidence ?? "");
  const [criteria, setCriteria] = useState<string[]>(saved?.criteria ?? []);
  const [version, setVersion] = useState(saved?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<StoredRating | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = grade !== (saved?.grade ?? "") || evidence !== (saved?.evidence ?? "") || criteria.join(";") !== (saved?.criteria ?? []).join(";");

  async function save(atVersion: number) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const stored = await api.saveRating(cycleId, member.id, { rater_id: raterId, grade, evidence, criteria, version: atVersion });
      setVersion(stored.version);
      setConflict(undefined);
      setNotice(`Saved: grade ${stored.grade}.`);
      onSaved(member.id, { grade: stored.grade, evidence: stored.evidence, criteria: stored.criteria, version: stored.version });
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === "stale_version") setConflict((failure.current as StoredRating | null | undefined) ?? null);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function takeTheirs(current: StoredRating | null) {
    setGrade(current?.grade ?? "");
    setEvidence(current?.evidence ?? "");
    setCriteria(current?.criteria ?? []);
    setVersion(current?.version ?? 0);
    setConflict(undefined);
    if (current) onSaved(member.id, { grade: current.grade, evidence: current.evidence, criteria: current.criteria, version: current.version });
  }

  const headingId = `rate-${member.id}`;
  return (
    <article class="card rating" aria-labelledby={headingId} data-testid={`rating-${member.id}`}>
      <h3 id={headingId}>
        {member.name} <span class="muted small">{member.id} · holds {member.grade}
        {member.position ? ` · ${member.position}` : ""}</span>
        {member.relation === "benchmark" && <span class="badge">benchmark</span>}
        <span class={`badge ${saved ? "state-closed" : "state-open"}`}>{saved ? "rated" : "not rated"}</span>
      </h3>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save(version);
        }}
      >
        <GradePicker
          ladder={ladder}
          name={`grade-${member.id}`}
          legend={`Grade ${member.name} performed at`}
          value={grade}
          held={member.grade}
          track={track}
          disabled={!editable}
          onChange={setGrade}
        />
        <label>
          Evidence
          <textarea
            rows={3}
            value={evidence}
            disabled={!editable}
            placeholder="What they delivered this period, and its scope"
            onInput={(event) => setEvidence(event.currentTarget.value)}
          />
        </label>
        <CriteriaChecklist ladder={ladder} levels={levels} checked={criteria} disabled={!editable} onChange={setCriteria} />
        {conflict !== undefined && (
          <div class="state state-error" role="alert" data-testid="stale-version">
            <p>
              Someone saved this rating since you opened it.{" "}
              {conflict ? (
                <>
                  It is now grade <strong>{conflict.grade}</strong>
                  {conflict.evidence ? `, "${conflict.evidence}"` : ""}, {conflict.criteria.length} criteria ticked.
                </>
              ) : (
                "It has been removed."
              )}
            </p>
            <div class="buttons">
              <button type="button" class="secondary" onClick={() => takeTheirs(conflict)}>
                Take theirs
              </button>
              <button type="button" onClick={() => void save(conflict?.version ?? 0)} disabled={busy || grade === ""}>
                Overwrite with mine
              </button>
            </div>
          </div>
        )}
        <ActionError error={error} />
        {editable && (
          <div class="buttons">
            <button type="submit" disabled={busy || grade === "" || conflict !== undefined}>
              {busy ? "Saving…" : `Save ${member.name}'s rating`}
            </button>
            {dirty && !busy && <span class="muted">Unsaved changes</span>}
            {notice && !dirty && (
              <span role="status" class="saved-note">
                {notice}
              </span>
            )}
          </div>
        )}
      </form>
    </article>
  );
}
