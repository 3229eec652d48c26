// The ladders in use (GET /api/frameworks): each opens its levels and their comparison.
import { api } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { Empty, ErrorState, Loading } from "../../components/States";
import { href } from "../../router";
import { useFetch } from "../../useFetch";

export function LaddersPage() {
  const list = useFetch("frameworks", () => api.frameworks());
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Ladders</PageHeading>
      <p class="subtitle">What each level expects, on the one scale everyone is rated on. Pick a ladder to compare its levels.</p>
      {list.state === "loading" && <Loading what="the ladders" />}
      {list.state === "error" && <ErrorState error={list.error} what="the ladders" />}
      {list.state === "ok" &&
        (list.data.frameworks.length === 0 ? (
          <Empty>No ladder is in use yet.</Empty>
        ) : (
          <ul class="link-list" data-testid="ladder-list">
            {list.data.frameworks.map((framework) => (
              <li key={framework.id}>
                <a href={href.ladder(framework.id)}>{framework.name}</a>
                <span class="muted">
                  {" "}
                  {framework.id}
                  {framework.groups.length > 0 && ` · for ${framework.groups.map((group) => group.name).join(", ")}`}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
