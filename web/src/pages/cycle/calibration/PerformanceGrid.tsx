// A nine-box of performance against level: columns say whether the calibrated grade is below,
// at or above the grade held (more than half a grade off counts), rows where the held grade sits
// in its level's band (low, mid, high). Each cell counts its people and lists them.
import type { CalibratedPerson, Ladder } from "../../../api";
import { gradesOfBand, levelOfGrade } from "../../../ladder";

const COLUMNS = ["below", "at", "above"] as const;
const ROWS = ["high", "mid", "low"] as const;
type Column = (typeof COLUMNS)[number];
type Row = (typeof ROWS)[number];

export function performanceColumn(scale: string[], person: CalibratedPerson): Column {
  const held = scale.indexOf(person.grade_held);
  if (person.performed < held - 0.5) return "below";
  if (person.performed > held + 0.5) return "above";
  return "at";
}

export function bandRow(ladder: Ladder, grade: string): Row {
  const level = levelOfGrade(ladder, grade, null);
  if (!level) return "mid";
  const grades = gradesOfBand(ladder, level.band);
  const share = (grades.indexOf(grade) + 0.5) / Math.max(grades.length, 1);
  return share < 1 / 3 ? "low" : share > 2 / 3 ? "high" : "mid";
}

export function PerformanceGrid({ ladder, people }: { ladder: Ladder; people: CalibratedPerson[] }) {
  const cell = (row: Row, column: Column) =>
    people.filter((person) => bandRow(ladder, person.grade_held) === row && performanceColumn(ladder.scale, person) === column);
  return (
    <div class="table-wrap">
      <table class="nine-box" data-testid="nine-box">
        <caption class="visually-hidden">People by where their grade sits in its level's band and how they performed against it</caption>
        <thead>
          <tr>
            <th scope="col">Grade held, in its band</th>
            <th scope="col">Below</th>
            <th scope="col">At</th>
            <th scope="col">Above</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {COLUMNS.map((column) => {
                const inCell = cell(row, column);
                return (
                  <td key={column} class={`box box-${column}`}>
                    <strong>{inCell.length}</strong>
                    {inCell.length > 0 && (
                      <details>
                        <summary>who</summary>
                        <ul class="plain">
                          {inCell.map((person) => (
                            <li key={person.id}>
                              {person.name} <span class="muted">{person.grade_held} → {person.performed_text}</span>
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
