// The header on every signed-in page: the navigation, who is signed in, their roles, the
// change-password dialog and signing out.
import { useState } from "preact/hooks";
import { api, type Session } from "../api";
import { formatRole } from "../format";
import { href, type Route } from "../router";
import { useFetch } from "../useFetch";
import { PasswordDialog } from "./PasswordDialog";
import { hasRole } from "../session";

interface HeaderProps {
  session: Session;
  route: Route;
  showPeople: boolean;
  onSignOut: () => void;
  onPasswordChanged: () => void;
}

export function Header({ session, route, showPeople, onSignOut, onPasswordChanged }: HeaderProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const me = useFetch(`person:${session.person_id}`, () => api.person(session.person_id));
  const name = me.state === "ok" ? me.data.name : session.person_id;
  const current = (active: boolean) => (active ? ("page" as const) : undefined);
  const onMyTeam = route.name === "org" && route.id === session.person_id;
  const peopleTeam = hasRole(session, "people-team");

  return (
    <header class="site-header">
      <div class="brand">
        <a href={href.me()}>Yardstick</a>
      </div>
      <nav aria-label="Main">
        <ul>
          <li>
            <a href={href.me()} aria-current={current(route.name === "me")}>
              My page
            </a>
          </li>
          {showPeople && (
            <li>
              <a href={href.people()} aria-current={current(route.name === "people")} data-testid="nav-people">
                People
              </a>
            </li>
          )}
          {showPeople && (
            <li>
              <a href={href.org(session.person_id)} aria-current={current(onMyTeam)}>
                My team
              </a>
            </li>
          )}
          <li>
            <a href={href.cycles()} aria-current={current(route.name === "cycles" || route.name === "cycle")} data-testid="nav-cycles">
              Cycles
            </a>
          </li>
          {peopleTeam && (
            <li>
              <a href={href.importPeople()} aria-current={current(route.name === "import")}>
                Import people
              </a>
            </li>
          )}
          <li>
            <a href={href.ladders()} aria-current={current(route.name === "ladders" || route.name === "ladder")} data-testid="nav-ladders">
              Ladders
            </a>
          </li>
        </ul>
      </nav>
      <div class="who">
        <span data-testid="signed-in-as">
          Signed in as <strong>{name}</strong> ({session.person_id})
        </span>
        {session.roles.length > 0 && <span class="roles">{session.roles.map(formatRole).join(", ")}</span>}
        <button type="button" class="secondary" onClick={() => setDialogOpen(true)}>
          Change password
        </button>
        <button type="button" class="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <PasswordDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onChanged={() => {
          setDialogOpen(false);
          onPasswordChanged();
        }}
      />
    </header>
  );
}
