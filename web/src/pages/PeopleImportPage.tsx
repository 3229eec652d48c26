// Importing people from an HRIS CSV export (POST /api/people/import, the people team): paste the
// file or choose it, map its columns if they are named differently, see a dry run's diff (added,
// changed, left, and every problem with its line and column), then apply it.
import { useState } from "preact/hooks";
import { api, type ApiError, type ImportedPerson, type ImportProblem, type ImportResult } from "../api";
import { formatDate, formatMoney } from "../format";
import { PageHeading } from "../components/PageHeading";
import { ActionError } from "./cycle/ActionError";
import { toApiError } from "../useFetch";

/** The import's canonical columns (src/io/people_csv.h); headers match them ignoring case,
 * spaces, hyphens and underscores, so only differently named columns need mapping. */
const FIELDS = ["id", "name", "email", "group", "track", "grade", "position", "manager_id", "hire_date", "hired_at_grade", "status", "left_date", "salary"] as const;

export function PeopleImportPage() {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [partial, setPartial] = useState(false);
  const [effective, setEffective] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mapped = Object.fromEntries(Object.entries(columns).filter(([, column]) => column.trim() !== ""));
  const key = JSON.stringify([csv, mapped, partial, effective]);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.importPeople({
        csv,
        dry_run: dryRun,
        partial,
        ...(effective ? { effective } : {}),
        ...(Object.keys(mapped).length > 0 ? { columns: mapped } : {}),
      });
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
        <label class="checkbox">
          <input type="checkbox" checked={partial} onChange={(event) => setPartial(event.currentTarget.checked)} />
          Partial file: people missing from it have not left
        </label>
        <label>
          Effective date (empty: today)
          <input type="date" value={effective} onInput={(event) => setEffective(event.currentTarget.value)} />
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
            disabled={busy || checked !== key || result?.ok === false}
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

function ImportDiff({ result, currency }: { result: ImportResult; currency?: string }) {
  const errors = result.problems.filter((problem) => problem.severity !== "warning");
  const warnings = result.problems.filter((problem) => problem.severity === "warning");
  const person = (entry: ImportedPerson) => `${entry.name} (${entry.id})${entry.grade ? `, grade ${entry.grade}` : ""}${entry.group ? `, ${entry.group}` : ""}`;
  return (
    <section aria-labelledby="diff-heading" data-testid="import-diff">
      <h2 id="diff-heading">
        {result.applied ? "Applied" : errors.length > 0 ? "Not imported: the file has problems" : "Dry run: nothing changed yet"}
      </h2>
      <p class="tally" role="status">
        <span>{result.added.length} added</span>
        <span>{result.changed.length} changed</span>
        <span>{result.left.length} left</span>
        <span>{result.unchanged} unchanged</span>
        <span>{errors.length} problems</span>
      </p>
      <p class="muted">Changes take effect on {formatDate(result.effective)}.</p>
      {errors.length > 0 && <ProblemList problems={errors} title="Fix these in the file, then run it again:" kind="error" />}
      {warnings.length > 0 && <ProblemList problems={warnings} title="Warnings (the import can go ahead):" kind="notice" />}
      {result.added.length > 0 && (
        <>
          <h3>Added</h3>
          <ul>
            {result.added.map((entry) => (
              <li key={entry.id}>{person(entry)}</li>
            ))}
          </ul>
        </>
      )}
      {result.changed.length > 0 && (
        <>
          <h3>Changed</h3>
          <ul>
            {result.changed.map((entry) => (
              <li key={entry.id}>
                {entry.name} ({entry.id}): {entry.change}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.left.length > 0 && (
        <>
          <h3>Left (active here, marked left in the file or missing from it)</h3>
          <ul>
            {result.left.map((entry) => (
              <li key={entry.id}>{person(entry)}</li>
            ))}
          </ul>
        </>
      )}
      {result.salary_deviations.length > 0 && (
        <>
          <h3>Salaries that differ from the pay scale (reported, never kept: pay comes from the scale)</h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Line</th>
                  <th scope="col" class="number">In the file</th>
                  <th scope="col" class="number">The scale</th>
                  <th scope="col" class="number">Difference</th>
                </tr>
              </thead>
              <tbody>
                {result.salary_deviations.map((deviation) => (
                  <tr key={deviation.person_id}>
                    <td>{deviation.person_id}</td>
                    <td>{deviation.line}</td>
                    <td class="number">{money(deviation.given, currency)}</td>
                    <td class="number">{money(deviation.scale, currency)}</td>
                    <td class="number">{money(deviation.difference, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function ProblemList({ problems, title, kind }: { problems: ImportProblem[]; title: string; kind: "error" | "notice" }) {
  return (
    <div class={`state state-${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={kind === "error" ? "import-problems" : "import-warnings"}>
      <p>{title}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            line {problem.line}
            {problem.column ? `, column ${problem.column}` : ""}: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function money(amount: number, currency?: string): string {
  return currency ? formatMoney(amount, currency) : amount.toLocaleString("en-GB");
}
