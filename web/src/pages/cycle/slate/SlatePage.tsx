// The slate (GET /api/cycles/{id}/slate): every decision the system proposed, with its reason,
// and its review. The people team accepts or rejects (a rejection says why), singly or every open
// proposal at once, and records exceptions; executives approve what awaits them.
import { useRef, useState } from "preact/hooks";
import { api, type ApiError, type CycleDetail, type Decision, type Slate } from "../../../api";
import { Empty, ErrorState, Loading } from "../../../components/States";
import { useSession } from "../../../session";
import { toApiError, useFetch } from "../../../useFetch";
import { ActionError } from "../ActionError";
import { CycleFrame } from "../CycleFrame";
import { proposalLabel } from "../proposals";
import { ApprovalQueue } from "./ApprovalQueue";
import { DecisionTable } from "./DecisionTable";
import { ExceptionForm } from "./ExceptionForm";

export function SlatePage({ cycleId }: { cycleId: string }) {
  return <CycleFrame cycleId={cycleId} view="slate">{(cycle) => <SlateLoader cycle={cycle} />}</CycleFrame>;
}

function SlateLoader({ cycle }: { cycle: CycleDetail }) {
  const [version, setVersion] = useState(0);
  const slate = useFetch(`slate:${cycle.id}:${version}`, () => api.slate(cycle.id));
  const ladder = useFetch(`framework:${cycle.framework}`, () => api.framework(cycle.framework));
  const reload = () => setVersion((count) => count + 1);
  // While a change reloads the slate, the last one stays on the page (with the change's message).
  const last = useRef<Slate | null>(null);
  if (slate.state === "ok") last.current = slate.data;
  if (slate.state === "error") {
    return slate.error.code === "failed_precondition" || slate.error.code === "precondition" ? (
      <Empty>No slate yet: {slate.error.message}</Empty>
    ) : (
      <ErrorState error={slate.error} what="the slate" />
    );
  }
  const shown = last.current;
  if (!shown) return <Loading what="the slate" />;
  const currency = shown.currency || (ladder.state === "ok" ? ladder.data.pay.currency : undefined);
  return <SlateView cycle={cycle} slate={shown} scale={ladder.state === "ok" ? ladder.data.scale : []} currency={currency} onChanged={reload} />;
}

interface SlateViewProps {
  cycle: CycleDetail;
  slate: Slate;
  scale: string[];
  currency: string | undefined;
  onChanged: () => void;
}

function SlateView({ cycle, slate, scale, currency, onChanged }: SlateViewProps) {
  const session = useSession();
  const [status, setStatus] = useState("");
  const [proposal, setProposal] = useState("");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reviewable = cycle.me.people_team && cycle.state !== "closed";
  const open = slate.decisions.filter((decision) => decision.status === "proposed" && !decision.awaiting_approval);
  const needle = text.trim().toLowerCase();
  const shown = slate.decisions.filter(
    (decision) =>
      (!status || decision.status === status) &&
      (!proposal || decision.proposal === proposal) &&
      (!needle || decision.name.toLowerCase().includes(needle) || decision.person_id.toLowerCase().includes(needle)),
  );
  const proposals = [...new Set(slate.decisions.map((decision) => decision.proposal))];

  async function review(people: string[], accept: boolean, note?: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await api.reviewSlate(cycle.id, { people, accept, ...(note ? { note } : {}) });
      setDone(
        `${result.reviewed.length} ${accept ? "accepted" : "rejected"}` +
          (result.skipped.length > 0 ? `; ${result.skipped.length} skipped (${result.skipped.join(", ")})` : "") +
          ".",
      );
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="tally" data-testid="slate-tally">
        <span>{slate.tally.proposed} proposed</span>
        <span>{slate.tally.accepted} accepted</span>
        <span>{slate.tally.rejected} rejected</span>
        <span>{slate.tally.applied} applied</span>
        {slate.tally.awaiting_approval !== undefined && <span>{slate.tally.awaiting_approval} awaiting an executive</span>}
      </p>
      {cycle.me.executive && session && (
        <ApprovalQueue cycleId={cycle.id} me={session.person_id} decisions={slate.decisions} onChanged={onChanged} />
      )}
      {reviewable && (
        <div class="buttons">
          <button type="button" disabled={busy || open.length === 0} onClick={() => void review([], true)}>
            Accept all open ({open.length})
          </button>
        </div>
      )}
      {done && (
        <p class="state state-notice" role="status" data-testid="review-done">
          {done}
        </p>
      )}
      <ActionError error={error} />
      <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter the slate">
        <label>
          Name or ID
          <input type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <label>
          Proposal
          <select value={proposal} onChange={(event) => setProposal(event.currentTarget.value)}>
            <option value="">All proposals</option>
            {proposals.map((value) => (
              <option key={value} value={value}>
                {proposalLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
            <option value="">All statuses</option>
            {["proposed", "accepted", "rejected", "applied"].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p class="count" role="status">
        {shown.length} of {slate.decisions.length} decisions
      </p>
      {slate.decisions.length === 0 ? (
        <Empty>The slate is empty: decide from the cycle's overview once it is calibrated.</Empty>
      ) : shown.length === 0 ? (
        <Empty>No decision matches these filters.</Empty>
      ) : (
        <DecisionTable decisions={shown} scale={scale} currency={currency} reviewable={reviewable} busy={busy} onReview={review} />
      )}
      {reviewable && <ExceptionForm cycleId={cycle.id} decisions={slate.decisions} scale={scale} onRecorded={onChanged} />}
    </>
  );
}

export type ReviewHandler = (people: string[], accept: boolean, note?: string) => Promise<void>;
export type { Decision };
