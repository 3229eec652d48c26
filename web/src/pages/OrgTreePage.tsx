// The manager tree under one person, two levels deep, as nested lists of links.
import { api, type TreeNode } from "../api";
import { ErrorState, Loading } from "../components/States";
import { PageHeading } from "../components/PageHeading";
import { href } from "../router";
import { useFetch } from "../useFetch";
import { useVisiblePeople } from "../visiblePeople";

const DEPTH = 2;

export function OrgTreePage({ personId }: { personId: string }) {
  const { names } = useVisiblePeople();
  const tree = useFetch(`tree:${personId}`, () => api.orgTree(personId, DEPTH));
  if (tree.state === "loading") return <Loading what="the team tree" />;
  if (tree.state === "error") {
    return (
      <>
        <PageHeading>Team of {personId}</PageHeading>
        <ErrorState error={tree.error} what="the team tree" notVisible={`${personId}'s team: not found or not yours to see.`} />
      </>
    );
  }
  const root = tree.data;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Team of {root.name}</PageHeading>
      <p class="subtitle">
        Reporting lines under <a href={href.person(root.id)}>{root.name}</a>, {DEPTH} levels deep.
        {root.manager_id && names.has(root.manager_id) && (
          <>
            {" "}
            <a href={href.org(root.manager_id)}>Up to their manager's team</a>
          </>
        )}
      </p>
      {(root.reports ?? []).length === 0 ? (
        <p class="state state-empty">{root.name} has no reports.</p>
      ) : (
        <ul class="tree" data-testid="org-tree">
          {(root.reports ?? []).map((node) => (
            <TreeItem key={node.id} node={node} depth={1} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TreeItem({ node, depth }: { node: TreeNode; depth: number }) {
  const reports = node.reports ?? [];
  return (
    <li>
      <span class="tree-node">
        <a href={href.person(node.id)}>{node.name}</a>
        <span class="muted">
          {" "}
          {node.id} · {node.level ?? "no level"} · grade {node.grade} · {node.group}
        </span>
        {depth === DEPTH && (
          <>
            {" "}
            <a href={href.org(node.id)} class="small">
              their team
            </a>
          </>
        )}
      </span>
      {reports.length > 0 && (
        <ul>
          {reports.map((child) => (
            <TreeItem key={child.id} node={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
