// Choosing a grade on the ladder's scale: one radio button per grade, drawn as a segmented row
// (arrow keys move between grades, as with any radio group). The grade the person holds is
// marked, and each grade's title names the level whose band holds it.
import type { Ladder } from "../../../api";
import { levelOfGrade } from "../../../ladder";

interface GradePickerProps {
  ladder: Ladder;
  name: string;
  legend: string;
  value: string;
  held: string;
  track: string | null;
  disabled?: boolean;
  onChange: (grade: string) => void;
}

export function GradePicker({ ladder, name, legend, value, held, track, disabled, onChange }: GradePickerProps) {
  return (
    <fieldset class="grade-picker" disabled={disabled}>
      <legend>{legend}</legend>
      <div class="segments">
        {ladder.scale.map((grade) => {
          const level = levelOfGrade(ladder, grade, track);
          return (
            <label key={grade} class={`segment${grade === held ? " held" : ""}`} title={level ? `${level.id} ${level.name}` : "no level"}>
              <input type="radio" name={name} value={grade} checked={value === grade} onChange={() => onChange(grade)} />
              <span aria-hidden="true">{grade}</span>
              <span class="visually-hidden">
                Grade {grade}
                {level ? `, level ${level.id}` : ""}
                {grade === held ? ", the grade held" : ""}
              </span>
            </label>
          );
        })}
      </div>
      <p class="hint">
        Performed at: <strong data-testid="chosen-grade">{value || "not chosen"}</strong>
        {value && levelOfGrade(ladder, value, track) && ` (${levelOfGrade(ladder, value, track)?.id})`} · holds {held}
      </p>
    </fieldset>
  );
}
