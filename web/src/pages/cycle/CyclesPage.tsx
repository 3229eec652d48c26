// The review cycles (GET /api/cycles), newest first, each with its state; the people team opens
// a new one here.
import { api, type Cycle } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { Empty, ErrorState, Loading } from "../../components/States";
import { href } from "../../router";
import { hasRole, useSession } from "../../session";
import { useFetch } from "../../useFetch";
import { useState } from "preact/hooks";
import { CycleStateBadge } from "./CycleStateBadge";
import { OpenCycleForm } from "./OpenCycleForm";

export function CyclesPage() {
  const session = useSession();
  const [reload, setReload] = useState(0);
  const cycles = useFetch(`cycles:${reload}`, () => api.cycles());
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Review cycles</PageHeading>
      <p class="subtitle">Each cycle moves open → rating → calibrating → decided → closed; a closed cycle never changes.</p>
      {cycles.state === "loading" && <Loading what="the cycles" />}
      {cycles.state === "error" && <ErrorState error={cycles.error} what="the cycles" />}
      {cycles.state === "ok" &&
        (cycles.data.cycles.length === 0 ? <Empty>No review cycle yet.</Empty> : <CycleTable cycles={cycles.data.cycles} />)}
      {hasRole(session, "people-team") && <OpenCycleForm onOpened={() => setReload((count) => count + 1)} />}
    </section>
  );
}

function CycleTable({ cycles }: { cycles: Cycle[] }) {
  const sorted = [...cycles].sort((a, b) => b.period.start.localeCompare(a.period.start) || a.id.localeCompare(b.id));
  return (
    <div class="table-wrap">
      <table data-testid="cycle-table">
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Period</th>
            <th scope="col">Ladder</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((cycle) => (
            <tr key={cycle.id}>
              <td>
                <a href={href.cycle(cycle.id)}>{cycle.name}</a> <span class="muted">{cycle.id}</span>
              </td>
              <td>{cycle.period.text}</td>
              <td>{cycle.framework}</td>
              <td>
                <CycleStateBadge state={cycle.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
