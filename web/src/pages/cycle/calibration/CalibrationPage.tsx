// The calibration board (GET /api/cycles/{id}/calibration): held against performed grades, each
// rater's leniency with its interval and the outliers, a nine-box of performance against level,
// the people clearly off their grade, and what calibration could not resolve — filtered by team
// (manager), rater and comparison group.
import { useState } from "preact/hooks";
import { api, type CalibrationBoard, type CycleDetail, type Ladder } from "../../../api";
import { Empty, ErrorState, Loading } from "../../../components/States";
import { useFetch } from "../../../useFetch";
import { useVisiblePeople } from "../../../visiblePeople";
import { CycleFrame } from "../CycleFrame";
import { DistributionChart } from "./DistributionChart";
import { LeniencyChart, signed } from "./LeniencyChart";
import { PerformanceGrid } from "./PerformanceGrid";

export function CalibrationPage({ cycleId }: { cycleId: string }) {
  return <CycleFrame cycleId={cycleId} view="calibration">{(cycle) => <BoardLoader cycle={cycle} />}</CycleFrame>;
}

function BoardLoader({ cycle }: { cycle: CycleDetail }) {
  const board = useFetch(`calibration:${cycle.id}`, () => api.calibration(cycle.id));
  const ladder = useFetch(`framework:${cycle.framework}`, () => api.framework(cycle.framework));
  if (board.state === "loading" || ladder.state === "loading") return <Loading what="the calibration board" />;
  if (board.state === "error") {
    return board.error.code === "failed_precondition" || board.error.code === "precondition" ? (
      <Empty>Not calibrated yet: {board.error.message}</Empty>
    ) : (
      <ErrorState error={board.error} what="the calibration board" />
    );
  }
  if (ladder.state === "error") return <ErrorState error={ladder.error} what="the ladder" />;
  if (board.data.people.length === 0) return <Empty>Not calibrated yet: run the calibration from the cycle's overview.</Empty>;
  return <Board board={board.data} ladder={ladder.data} />;
}

function Board({ board, ladder }: { board: CalibrationBoard; ladder: Ladder }) {
  const { names } = useVisiblePeople();
  const [manager, setManager] = useState("");
  const [rater, setRater] = useState("");
  const [group, setGroup] = useState("");
  const groups = [...new Set(board.people.map((person) => person.group))].sort();
  const managers = [...new Set(board.people.map((person) => person.manager_id ?? ""))].filter((id) => id !== "").sort();
  const people = board.people.filter(
    (person) => (!group || person.group === group) && (!manager || person.manager_id === manager) && (!rater || person.raters.includes(rater)),
  );
  const raters = board.raters.filter((entry) => (!group || entry.group === group) && (!rater || entry.rater_id === rater));
  const raterName = (id: string) => board.raters.find((entry) => entry.rater_id === id)?.name ?? names.get(id) ?? id;
  const outliers = board.raters.filter((entry) => entry.outlier);
  // Clearly off: the 90% interval lies a grade or more above (below) the grade held.
  const offGrade = people
    .filter((person) => person.direction !== 0)
    .map((person) => ({ person, gap: person.performed - person.held }))
    .sort((a, b) => b.gap - a.gap);

  return (
    <>
      <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter the board">
        <label>
          Group
          <select value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
            <option value="">All groups</option>
            {groups.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Team (manager)
          <select value={manager} onChange={(event) => setManager(event.currentTarget.value)}>
            <option value="">All teams</option>
            {managers.map((id) => (
              <option key={id} value={id}>
                {raterName(id)} ({id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Rater
          <select value={rater} onChange={(event) => setRater(event.currentTarget.value)}>
            <option value="">All raters</option>
            {board.raters.map((entry) => (
              <option key={entry.rater_id} value={entry.rater_id}>
                {entry.name} ({entry.rater_id})
              </option>
            ))}
          </select>
        </label>
      </form>
      <p class="count" role="status" data-testid="board-count">
        {people.length} of {board.people.length} people · {raters.length} raters · {outliers.length} {outliers.length === 1 ? "outlier" : "outliers"}
      </p>
      {board.issues.length > 0 && (
        <section aria-labelledby="issues-heading" class="state state-notice">
          <h2 id="issues-heading">What calibration could not resolve</h2>
          <ul>
            {board.issues.map((issue, index) => (
              <li key={index}>{issue}</li>
            ))}
          </ul>
        </section>
      )}
      <div class="two-columns">
        <section aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">Held and performed grades</h2>
          {people.length === 0 ? <Empty>Nobody matches these filters.</Empty> : <DistributionChart scale={board.scale} people={people} />}
        </section>
        <section aria-labelledby="grid-heading">
          <h2 id="grid-heading">Performance against level</h2>
          <PerformanceGrid ladder={ladder} people={people} />
        </section>
      </div>
      <section aria-labelledby="leniency-heading">
        <h2 id="leniency-heading">Rater leniency</h2>
        <LeniencyChart raters={raters} />
        <div class="table-wrap">
          <table data-testid="rater-table">
            <thead>
              <tr>
                <th scope="col">Rater</th>
                <th scope="col">Group</th>
                <th scope="col">Leniency</th>
                <th scope="col">Interval</th>
                <th scope="col">Ratings</th>
                <th scope="col">Flag</th>
              </tr>
            </thead>
            <tbody>
              {raters.map((entry) => (
                <tr key={entry.rater_id} class={entry.outlier ? "flagged" : ""}>
                  <td>
                    {entry.name} <span class="muted">{entry.rater_id}</span>
                  </td>
                  <td>{entry.group}</td>
                  <td>
                    {signed(entry.leniency)} ± {entry.se.toFixed(2)}
                  </td>
                  <td>
                    {signed(entry.low)} to {signed(entry.high)}
                  </td>
                  <td>{entry.ratings}</td>
                  <td>{entry.outlier ? <strong class="flag">outlier</strong> : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="off-heading">
        <h2 id="off-heading">Clearly above or below their grade</h2>
        <p class="hint">Those whose 90% interval lies a grade or more away from the grade they hold — what noise alone rarely does.</p>
        {offGrade.length === 0 ? (
          <Empty>Nobody here performed clearly above or below the grade they hold.</Empty>
        ) : (
          <div class="table-wrap">
            <table data-testid="off-grade-table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Team</th>
                  <th scope="col">Holds</th>
                  <th scope="col">Performed</th>
                  <th scope="col">± SE</th>
                </tr>
              </thead>
              <tbody>
                {offGrade.map(({ person, gap }) => (
                  <tr key={person.id}>
                    <td>
                      {person.name} <span class="muted">{person.id}</span>
                    </td>
                    <td>{person.manager_id ? raterName(person.manager_id) : "—"}</td>
                    <td>{person.grade_held}</td>
                    <td>
                      {person.performed_text} <strong>{person.direction > 0 ? "above" : "below"}</strong> ({gap > 0 ? "+" : "−"}
                      {Math.abs(gap).toFixed(1)})
                    </td>
                    <td>{person.se.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
