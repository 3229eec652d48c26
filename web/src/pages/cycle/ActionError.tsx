// The API's refusal of an action, said where the action is: its message, and for a 400 the
// problems it lists, one per line.
import type { ApiError } from "../../api";

export function ActionError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  const problems = error.problems;
  return (
    <div class="state state-error" role="alert" data-testid="action-error">
      {error.message}
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
