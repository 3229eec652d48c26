// On "my page": the review cycles, latest first, each a link to its page — where a closed cycle
// shows the person's own result.
import { api } from "../api";
import { href } from "../router";
import { useFetch } from "../useFetch";
import { ErrorState, Loading } from "./States";

const SHOWN = 5;

export function MyCycles() {
  const cycles = useFetch("cycles:mine", () => api.cycles());
  return (
    <section aria-labelledby="my-cycles-heading" data-testid="my-cycles">
      <h2 id="my-cycles-heading">Review cycles</h2>
      {cycles.state === "loading" && <Loading what="the cycles" />}
      {cycles.state === "error" && <ErrorState error={cycles.error} what="the cycles" />}
      {cycles.state === "ok" &&
        (cycles.data.cycles.length === 0 ? (
          <p class="state state-empty">No review cycle yet.</p>
        ) : (
          <ul class="link-list">
            {[...cycles.data.cycles]
              .sort((a, b) => b.period.start.localeCompare(a.period.start))
              .slice(0, SHOWN)
              .map((cycle) => (
                <li key={cycle.id}>
                  <a href={href.cycle(cycle.id)}>{cycle.name}</a>{" "}
                  <span class="muted">
                    {cycle.period.text} · {cycle.state}
                    {cycle.state === "closed" ? " · your result is on its page" : ""}
                  </span>
                </li>
              ))}
          </ul>
        ))}
    </section>
  );
}
