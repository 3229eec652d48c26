// A rater's stack rank of their team, best first: reorder by dragging (HTML5 drag and drop) or
// with each row's move-up / move-down buttons (the keyboard way; the focus stays on the moved
// row's button and the move is announced). Saved with the version it was read at (PUT
// /api/cycles/{id}/ranks/{rater}); on 409 stale_version the stored order is shown, to take or
// overwrite.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type ApiError, type StackRank as StackRankData, type TeamMember } from "../../../api";
import { toApiError } from "../../../useFetch";
import { ActionError } from "../ActionError";

interface StackRankProps {
  cycleId: string;
  raterId: string;
  members: TeamMember[];
  /** The ladder's scale, to order people not ranked yet by their rating. */
  scale: string[];
  rank: StackRankData;
  editable: boolean;
  onSaved: (rank: StackRankData) => void;
}

/** The saved order, with anyone missing from it appended: best rated first on the scale, the
 * unrated last. */
export function initialOrder(members: TeamMember[], saved: string[], scale: string[]): string[] {
  const ids = new Set(members.map((member) => member.id));
  const kept = saved.filter((id) => ids.has(id));
  const at = (member: TeamMember) => (member.rating ? scale.indexOf(member.rating.grade) : -1);
  const rest = members
    .filter((member) => !kept.includes(member.id))
    .sort((a, b) => at(b) - at(a) || a.name.localeCompare(b.name))
    .map((member) => member.id);
  return [...kept, ...rest];
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export function StackRank({ cycleId, raterId, members, scale, rank, editable, onSaved }: StackRankProps) {
  const [order, setOrder] = useState(() => initialOrder(members, rank.order, scale));
  const [version, setVersion] = useState(rank.version);
  const [announce, setAnnounce] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<StackRankData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focusAfterMove = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const names = new Map(members.map((member) => [member.id, member]));
  const savedOrder = rank.order.join(",");
  const dirty = order.join(",") !== savedOrder;

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const row = list.current?.querySelector<HTMLElement>(`[data-person="${CSS.escape(target.id)}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`button[data-move="${target.direction}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>("button[data-move]:not(:disabled)");
    button?.focus();
  }, [order]);

  function moveTo(id: string, to: number, direction: "up" | "down" | null) {
    const from = order.indexOf(id);
    const next = move(order, from, to);
    if (next === order) return;
    setOrder(next);
    setNotice(null);
    if (direction) focusAfterMove.current = { id, direction };
    setAnnounce(`${names.get(id)?.name ?? id} moved to position ${to + 1} of ${order.length}.`);
  }

  async function save(atVersion: string) {
    setBusy(true);
    setError(null);
    try {
      const stored = await api.saveRank(cycleId, raterId, { order, version: atVersion });
      setVersion(stored.version);
      setConflict(null);
      setNotice("Stack rank saved.");
      onSaved({ order: stored.order, version: stored.version });
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === "stale_version") setConflict((failure.current as StackRankData | undefined) ?? { order: [], version: "" });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rank-heading" class="card" data-testid="stack-rank">
      <h2 id="rank-heading">Stack rank</h2>
      <p class="hint">
        Best first. {editable ? "Drag a row, or use its arrow buttons, then save." : "Ranking is closed in this state."}{" "}
        <strong data-testid="rank-status">{rank.order.length === 0 ? "Not ranked yet." : dirty ? "Changed, not saved." : "Ranked."}</strong>
      </p>
      <ol class="rank-list" ref={list}>
        {order.map((id, index) => {
          const member = names.get(id);
          return (
            <li
              key={id}
              data-person={id}
              class={dragging === id ? "dragging" : ""}
              draggable={editable}
              onDragStart={(event) => {
                setDragging(id);
                event.dataTransfer?.setData("text/plain", id);
                if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(event) => {
                if (editable) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                const moved = event.dataTransfer?.getData("text/plain") || dragging;
                if (moved) moveTo(moved, index, null);
                setDragging(null);
              }}
            >
              <span class="rank-number">{index + 1}</span>
              <span class="rank-name">
                {member?.name ?? id} <span class="muted small">{member?.rating ? `rated ${member.rating.grade}` : "not rated"}</span>
              </span>
              {editable && (
                <span class="rank-buttons">
                  <button
                    type="button"
                    class="secondary icon"
                    data-move="up"
                    disabled={index === 0}
                    aria-label={`Move ${member?.name ?? id} up`}
                    onClick={() => moveTo(id, index - 1, "up")}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="secondary icon"
                    data-move="down"
                    disabled={index === order.length - 1}
                    aria-label={`Move ${member?.name ?? id} down`}
                    onClick={() => moveTo(id, index + 1, "down")}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {conflict && (
        <div class="state state-error" role="alert" data-testid="stale-version">
          <p>
            Someone saved this stack rank since you opened it:{" "}
            {conflict.order.length === 0 ? "it is now empty." : conflict.order.map((id) => names.get(id)?.name ?? id).join(", ")}
          </p>
          <div class="buttons">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setOrder(initialOrder(members, conflict.order, scale));
                setVersion(conflict.version);
                setConflict(null);
                onSaved(conflict);
              }}
            >
              Take theirs
            </button>
            <button type="button" onClick={() => void save(conflict.version)} disabled={busy}>
              Overwrite with mine
            </button>
          </div>
        </div>
      )}
      <ActionError error={error} />
      {editable && (
        <div class="buttons">
          <button type="button" disabled={busy || conflict !== null || (!dirty && rank.order.length > 0)} onClick={() => void save(version)}>
            {busy ? "Saving…" : "Save the stack rank"}
          </button>
          {notice && !dirty && (
            <span role="status" class="saved-note">
              {notice}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
