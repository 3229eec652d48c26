// The people the caller may see, filtered by text (name or id, in the browser), group and level
// (by the API). Each row links to the person's page.
import { useState } from "preact/hooks";
import { api, type PeoplePage as PeoplePageData, type PersonSummary } from "../api";
import { ErrorState, Empty, Loading } from "../components/States";
import { PageHeading } from "../components/PageHeading";
import { href } from "../router";
import { useFetch, type Loaded } from "../useFetch";

export function PeoplePage() {
  const [text, setText] = useState("");
  const [group, setGroup] = useState("");
  const [level, setLevel] = useState("");
  const [includeLeft, setIncludeLeft] = useState(false);
  // The choices come from the unfiltered list, so choosing one does not shrink the others.
  const everyone = useFetch("people:all", () => api.people());
  const unfiltered = group === "" && level === "" && !includeLeft;
  const narrowed = useFetch(unfiltered ? "people:none" : `people:${group}|${level}|${includeLeft}`, () =>
    unfiltered ? Promise.resolve(null) : api.people({ group, level, includeLeft }),
  );
  // Without filters the list is the unfiltered one (a stale "none" answer is never shown).
  const filtered = unfiltered || (narrowed.state === "ok" && narrowed.data === null) ? everyone : (narrowed as Loaded<PeoplePageData>);
  const all = everyone.state === "ok" ? everyone.data.people : [];
  const groups = unique(all.map((person) => person.group));
  const levels = unique(all.map((person) => person.level ?? "")).filter((id) => id !== "");
  const needle = text.trim().toLowerCase();
  const shown =
    filtered.state === "ok"
      ? filtered.data.people.filter(
          (person) => needle === "" || person.name.toLowerCase().includes(needle) || person.id.toLowerCase().includes(needle),
        )
      : [];

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>People</PageHeading>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Name or ID
          <input type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <label>
          Group
          <select value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
            <option value="">All groups</option>
            {groups.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Level
          <select value={level} onChange={(event) => setLevel(event.currentTarget.value)}>
            <option value="">All levels</option>
            {levels.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={includeLeft} onChange={(event) => setIncludeLeft(event.currentTarget.checked)} />
          Include people who left
        </label>
      </form>
      {filtered.state === "loading" && <Loading what="people" />}
      {filtered.state === "error" && <ErrorState error={filtered.error} what="people" />}
      {filtered.state === "ok" && (
        <>
          <p class="count" role="status">
            {shown.length} of {filtered.data.total} {filtered.data.total === 1 ? "person" : "people"}
            {filtered.data.truncated && " — the list is cut short: narrow it by group or level to see everyone"}
          </p>
          {shown.length === 0 ? <Empty>Nobody matches these filters.</Empty> : <PeopleTable people={shown} />}
        </>
      )}
    </section>
  );
}

function PeopleTable({ people }: { people: PersonSummary[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="people-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">ID</th>
            <th scope="col">Group</th>
            <th scope="col">Track</th>
            <th scope="col">Level</th>
            <th scope="col">Grade</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <a href={href.person(person.id)}>{person.name}</a>
              </td>
              <td>{person.id}</td>
              <td>{person.group}</td>
              <td>{person.track}</td>
              <td>{person.level ?? "—"}</td>
              <td>{person.grade}</td>
              <td>{person.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}
