// Importing people from an HRIS CSV export (POST /api/people/import, the people team): paste the
// file or choose it, map its columns if they are named differently, see a dry run's diff (added,
// changed, left, and every problem with its line and column), then apply it.
import { useState } from "preact/hooks";
import { api, type ApiError, type ImportResult } from "../api";
import { PageHeading } from "../components/PageHeading";
import { ActionError } from "./cycle/ActionError";
import { toApiError } from "../useFetch";

const FIELDS = ["person_id", "name", "email", "group", "track", "grade", "position", "manager_id", "hire_date"] as const;

export function PeopleImportPage() {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mapped = Object.fromEntries(Object.entries(columns).filter(([, column]) => column.trim() !== ""));
  const key = JSON.stringify([csv, mapped]);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.importPeople({ csv, dry_run: dryRun, ...(Object.keys(mapped).length > 0 ? { columns: mapped } : {}) });
      setResult(answer);
      setChecked(dryRun ? key : null);
    } catch (caught) {
      setError(toApiError(caught));
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Import people</PageHeading>
      <p class="subtitle">From your HRIS's CSV export. A dry run shows what would change; nothing changes until you apply it.</p>
      <form class="stack" onSubmit={(event) => event.preventDefault()}>
        <label>
          CSV file
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setCsv(await file.text());
              setResult(null);
            }}
          />
        </label>
        <label>
          Or paste it {fileName && <span class="muted">(loaded from {fileName})</span>}
          <textarea
            rows={8}
            class="mono"
            value={csv}
            spellcheck={false}
            onInput={(event) => {
              setCsv(event.currentTarget.value);
              setFileName(null);
            }}
          />
        </label>
        <details>
          <summary>Columns named differently in your export</summary>
          <div class="column-map">
            {FIELDS.map((field) => (
              <label key={field}>
                {field}
                <input
                  value={columns[field] ?? ""}
                  placeholder={field}
                  onInput={(event) => setColumns({ ...columns, [field]: event.currentTarget.value })}
                />
              </label>
            ))}
          </div>
        </details>
        <ActionError error={error} />
        <div class="buttons">
          <button type="button" disabled={busy || csv.trim() === ""} onClick={() => void run(true)}>
            {busy ? "Checking…" : "Dry run"}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy || checked !== key || (result?.problems.length ?? 0) > 0}
            onClick={() => void run(false)}
            title={checked !== key ? "Run a dry run of this file first" : undefined}
          >
            Apply
          </button>
        </div>
      </form>
      {result && <ImportDiff result={result} />}
    </section>
  );
}

function ImportDiff({ result }: { result: ImportResult }) {
  const label = (entry: string | { id: string; name?: string }) => (typeof entry === "string" ? entry : entry.name ? `${entry.name} (${entry.id})` : entry.id);
  return (
    <section aria-labelledby="diff-heading" data-testid="import-diff">
      <h2 id="diff-heading">{result.applied ? "Applied" : "Dry run: nothing changed yet"}</h2>
      <p class="tally" role="status">
        <span>{result.added.length} added</span>
        <span>{result.changed.length} changed</span>
        <span>{result.left.length} left</span>
        <span>{result.problems.length} problems</span>
      </p>
      {result.problems.length > 0 && (
        <div class="state state-error" role="alert" data-testid="import-problems">
          <p>Fix these in the file, then run it again:</p>
          <ul>
            {result.problems.map((problem, index) => (
              <li key={index}>
                line {problem.line}
                {problem.column !== null && problem.column !== undefined ? `, column ${problem.column}` : ""}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.added.length > 0 && (
        <>
          <h3>Added</h3>
          <ul>
            {result.added.map((entry, index) => (
              <li key={index}>{label(entry)}</li>
            ))}
          </ul>
        </>
      )}
      {result.changed.length > 0 && (
        <>
          <h3>Changed</h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {result.changed.flatMap((change) =>
                  change.fields.map((field, index) => (
                    <tr key={`${change.id}-${field.field}`}>
                      <td>{index === 0 ? change.id : ""}</td>
                      <td>{field.field}</td>
                      <td>{String(field.before ?? "—")}</td>
                      <td>{String(field.after ?? "—")}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      {result.left.length > 0 && (
        <>
          <h3>Left (not in the file)</h3>
          <ul>
            {result.left.map((entry, index) => (
              <li key={index}>{label(entry)}</li>
            ))}
          </ul>
        </>
      )}
      {result.pay_deviations.length > 0 && (
        <>
          <h3>Pay that differs from the scale (reported, not kept)</h3>
          <ul>
            {result.pay_deviations.map((entry, index) => (
              <li key={index}>{typeof entry === "string" ? entry : JSON.stringify(entry)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
