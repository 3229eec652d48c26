// The people team opens a cycle on a ladder for a period (POST /api/cycles). The period is
// written as the CLI takes it: 2026, 2026-H2, 2026-Q3, 2026-09 or 2026-07-01..2026-12-31.
import { useState } from "preact/hooks";
import { api } from "../../api";
import { href, navigate } from "../../router";
import { toApiError, useFetch } from "../../useFetch";
import { ActionError } from "./ActionError";
import type { ApiError } from "../../api";

export function OpenCycleForm({ onOpened }: { onOpened: () => void }) {
  const frameworks = useFetch("frameworks", () => api.frameworks());
  const [name, setName] = useState("");
  const [framework, setFramework] = useState("");
  const [period, setPeriod] = useState("");
  const [cycleId, setCycleId] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = frameworks.state === "ok" ? frameworks.data.frameworks : [];
  const chosen = framework || choices[0]?.id || "";

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const opened = await api.openCycle({ name: name.trim(), framework: chosen, period: period.trim(), ...(cycleId.trim() ? { id: cycleId.trim() } : {}) });
      onOpened();
      navigate(href.cycle(opened.id));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="open-cycle-heading" class="card form-card">
      <h2 id="open-cycle-heading">Open a cycle</h2>
      <form class="stack" onSubmit={submit}>
        <label>
          Name
          <input required value={name} placeholder="Engineering H2 2026" onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          Ladder
          <select value={chosen} onChange={(event) => setFramework(event.currentTarget.value)}>
            {choices.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Period
          <input required value={period} placeholder="2026-H2" aria-describedby="period-hint" onInput={(event) => setPeriod(event.currentTarget.value)} />
        </label>
        <p id="period-hint" class="hint">
          2026, 2026-H2, 2026-Q3, 2026-09 or 2026-07-01..2026-12-31.
        </p>
        <label>
          ID (optional)
          <input value={cycleId} placeholder="derived from the ladder and period" onInput={(event) => setCycleId(event.currentTarget.value)} />
        </label>
        <ActionError error={error} />
        <div class="buttons">
          <button type="submit" disabled={busy || chosen === ""}>
            {busy ? "Opening…" : "Open the cycle"}
          </button>
        </div>
      </form>
    </section>
  );
}
