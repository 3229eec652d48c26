// One person's page: who they are, their level and band, position, grade, manager, hiring, the
// grade history (chart and table) and their pay. "My page" is this page for the signed-in person.
import { api, type History, type Person } from "../api";
import { ErrorState, Empty, Loading } from "../components/States";
import { HistoryChart } from "../components/HistoryChart";
import { MyCycles } from "../components/MyCycles";
import { NextLevelCard } from "../components/NextLevelCard";
import { formatBand, formatDate, formatMoney } from "../format";
import { href } from "../router";
import { useFetch } from "../useFetch";
import { PageHeading } from "../components/PageHeading";
import { useVisiblePeople } from "../visiblePeople";

export function PersonPage({ personId, isMe }: { personId: string; isMe: boolean }) {
  const person = useFetch(`person:${personId}`, () => api.person(personId));
  if (person.state === "loading") return <Loading what={isMe ? "your page" : "this person"} />;
  if (person.state === "error") {
    return (
      <>
        <PageHeading>{isMe ? "My page" : `Person ${personId}`}</PageHeading>
        <ErrorState error={person.error} what={`person ${personId}`} notVisible={`${personId}: not found or not yours to see — neither their record nor their pay is shown to you.`} />
      </>
    );
  }
  const p = person.data;
  return (
    <article class="person" aria-labelledby="page-heading">
      <PageHeading>{isMe ? `My page: ${p.name}` : p.name}</PageHeading>
      <p class="subtitle">
        {p.id} · {p.email} · {p.group} · {p.track} track ({p.framework})
        {p.status !== "active" && (
          <>
            {" · "}
            <strong>{p.status}</strong>
            {p.left_date && ` since ${formatDate(p.left_date)}`}
          </>
        )}
      </p>
      <div class="cards">
        <LevelCard person={p} />
        <PayCard personId={p.id} isMe={isMe} />
      </div>
      <NextLevelCard person={p} isMe={isMe} />
      {isMe && <MyCycles />}
      <HistorySection person={p} />
      <p>
        <a href={href.org(p.id)}>{isMe ? "My team tree" : `${p.name}'s team tree`}</a>
      </p>
    </article>
  );
}

function LevelCard({ person: p }: { person: Person }) {
  return (
    <section class="card" aria-labelledby="level-heading">
      <h2 id="level-heading">Level and grade</h2>
      <dl class="facts">
        <dt>Level</dt>
        <dd data-testid="level">
          {p.level ? (
            <>
              <strong>
                {p.level.id} · {p.level.name}
              </strong>
              <span class="summary">{p.level.summary}</span>
            </>
          ) : (
            "No level"
          )}
        </dd>
        {p.level && (
          <>
            <dt>Level band</dt>
            <dd>{formatBand(p.level.band)}</dd>
          </>
        )}
        <dt>Grade</dt>
        <dd data-testid="grade">{p.grade}</dd>
        <dt>Position</dt>
        <dd>
          {p.position ? (
            <>
              {p.position.name} ({p.position.id}), {formatBand(p.position.band)}
              {p.position.allowance > 0 ? `, allowance ${p.position.allowance.toLocaleString("en-GB")}` : ", no allowance"}
            </>
          ) : (
            "None"
          )}
        </dd>
        <dt>Manager</dt>
        <dd>{p.manager_id ? <PersonLink personId={p.manager_id} /> : "None"}</dd>
        <dt>Hired</dt>
        <dd>
          {formatDate(p.hire_date)} at grade {p.hired_at_grade}
        </dd>
      </dl>
    </section>
  );
}

/** A link to someone the caller may see (a manager, an approver); just their id otherwise. */
function PersonLink({ personId }: { personId: string }) {
  const { names } = useVisiblePeople();
  const name = names.get(personId);
  if (name === undefined) return <span>{personId}</span>;
  return (
    <a href={href.person(personId)}>
      {name} ({personId})
    </a>
  );
}

function PayCard({ personId, isMe }: { personId: string; isMe: boolean }) {
  const pay = useFetch(`pay:${personId}`, () => api.pay(personId));
  return (
    <section class="card" aria-labelledby="pay-heading" data-testid="pay">
      <h2 id="pay-heading">Pay</h2>
      {pay.state === "loading" && <Loading what="pay" />}
      {pay.state === "error" && (
        <ErrorState
          error={pay.error}
          what="pay"
          notVisible={isMe ? "Your pay is not available." : "You may not see this person's pay."}
        />
      )}
      {pay.state === "ok" && (
        <dl class="facts">
          <dt>Total</dt>
          <dd>
            <strong>{formatMoney(pay.data.total, pay.data.currency)}</strong> per {pay.data.period}
          </dd>
          <dt>Base</dt>
          <dd>
            {formatMoney(pay.data.base, pay.data.currency)} ({pay.data.family}, grade {pay.data.grade})
          </dd>
          <dt>Allowance</dt>
          <dd>
            {formatMoney(pay.data.allowance, pay.data.currency)}
            {pay.data.position ? ` (${pay.data.position})` : ""}
          </dd>
        </dl>
      )}
    </section>
  );
}

function HistorySection({ person }: { person: Person }) {
  const history = useFetch(`history:${person.id}`, () => api.history(person.id));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Level history</h2>
      {history.state === "loading" && <Loading what="the history" />}
      {history.state === "error" && <ErrorState error={history.error} what="the history" />}
      {history.state === "ok" && <HistoryView history={history.data} person={person} />}
    </section>
  );
}

function HistoryView({ history, person }: { history: History; person: Person }) {
  if (history.history.length === 0) return <Empty>No grade changes recorded yet.</Empty>;
  return (
    <>
      <HistoryChart history={history.history} currentGrade={person.grade} name={person.name} />
      <div class="table-wrap">
        <table data-testid="history-table">
          <caption class="visually-hidden">{person.name}'s grade changes, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Effective</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Reason</th>
              <th scope="col">Decision</th>
              <th scope="col">Approver</th>
            </tr>
          </thead>
          <tbody>
            {history.history.map((entry, index) => (
              <tr key={`${entry.effective}-${index}`}>
                <td>{formatDate(entry.effective)}</td>
                <td>{entry.from_grade ?? "—"}</td>
                <td>{entry.to_grade}</td>
                <td>{entry.reason}</td>
                <td>{entry.decision_id ?? "—"}</td>
                <td>{entry.approver ? <PersonLink personId={entry.approver} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
