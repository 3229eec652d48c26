// The web app: restores the session on load (GET /api/session), shows the sign-in page without
// one, and otherwise the header and the page of the current #/route.
import { render } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { api, onUnauthenticated, setCsrfToken, type Session } from "./api";
import { Header } from "./components/Header";
import { Loading } from "./components/States";
import { PageHeading } from "./components/PageHeading";
import { OrgTreePage } from "./pages/OrgTreePage";
import { PeoplePage } from "./pages/PeoplePage";
import { PersonPage } from "./pages/PersonPage";
import { LadderPage } from "./pages/ladder/LadderPage";
import { LaddersPage } from "./pages/ladder/LaddersPage";
import { CyclePage } from "./pages/cycle/CyclePage";
import { CyclesPage } from "./pages/cycle/CyclesPage";
import { TeamPage } from "./pages/cycle/team/TeamPage";
import { CalibrationPage } from "./pages/cycle/calibration/CalibrationPage";
import { SlatePage } from "./pages/cycle/slate/SlatePage";
import { PayrollPage } from "./pages/cycle/PayrollPage";
import { PeopleImportPage } from "./pages/PeopleImportPage";
import { SessionContext } from "./session";
import { SignInPage } from "./pages/SignInPage";
import { href, navigate, parseHash, useRoute, type CycleView, type Route } from "./router";
import { VisiblePeopleContext, type VisiblePeople } from "./visiblePeople";
import "./styles.css";

/** Where to go after signing in: the page someone opened, or was on when their session ended. */
let returnTo: string | null = null;

type SessionState = { state: "checking" } | { state: "signed-out"; notice: string | null } | { state: "signed-in"; session: Session };

function App() {
  const route = useRoute();
  const [session, setSession] = useState<SessionState>({ state: "checking" });
  const [visible, setVisible] = useState<VisiblePeople>({ names: new Map(), total: 0, truncated: false });
  const showPeople = visible.total > 1;

  const signedOut = useCallback((notice: string | null, keepPlace: boolean) => {
    const here = window.location.hash;
    returnTo = keepPlace && parseHash(here).name !== "signin" && here !== "" ? here : null;
    setCsrfToken(null);
    setVisible({ names: new Map(), total: 0, truncated: false });
    setSession({ state: "signed-out", notice });
  }, []);

  useEffect(() => {
    onUnauthenticated(() => signedOut("Your session has ended. Sign in again.", true));
    api.session().then(
      (restored) => {
        setCsrfToken(restored.csrf_token);
        setSession({ state: "signed-in", session: restored });
      },
      (error: unknown) => {
        const status = (error as { status?: number }).status;
        signedOut(status === 401 ? null : `Could not reach the server: ${(error as Error).message}`, true);
      },
    );
    return () => onUnauthenticated(null);
  }, [signedOut]);

  // The People navigation is for those who see more than themselves: managers and role holders.
  const personId = session.state === "signed-in" ? session.session.person_id : null;
  useEffect(() => {
    if (!personId) return;
    let current = true;
    api.people().then(
      (page) =>
        current &&
        setVisible({
          names: new Map(page.people.map((person) => [person.id, person.name])),
          total: page.total,
          truncated: page.truncated,
        }),
      () => current && setVisible({ names: new Map(), total: 0, truncated: false }),
    );
    return () => {
      current = false;
    };
  }, [personId]);

  // Signed out: the address says so; signing in goes back to where the person was, or "my page".
  useEffect(() => {
    if (session.state === "signed-out") navigate(href.signin());
    else if (session.state === "signed-in" && route.name === "signin") navigate(href.me());
  }, [session.state, route.name]);

  if (session.state === "checking") return <Loading what="Yardstick" />;

  const main =
    session.state === "signed-out" ? (
      <SignInPage
        notice={session.notice}
        onSignedIn={(started) => {
          setCsrfToken(started.csrf_token);
          setSession({ state: "signed-in", session: started });
          navigate(returnTo ?? href.me());
          returnTo = null;
        }}
      />
    ) : (
      <Page route={route} me={session.session.person_id} />
    );

  return (
    <SessionContext.Provider value={session.state === "signed-in" ? session.session : null}>
    <VisiblePeopleContext.Provider value={visible}>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      {session.state === "signed-in" && (
        <Header
          session={session.session}
          route={route}
          showPeople={showPeople}
          onSignOut={() => {
            api.signOut().finally(() => signedOut("You have signed out.", false));
          }}
          onPasswordChanged={() => signedOut("Your password is changed and you are signed out everywhere. Sign in with the new one.", false)}
        />
      )}
      <main id="main" tabIndex={-1}>
        {main}
      </main>
    </VisiblePeopleContext.Provider>
    </SessionContext.Provider>
  );
}

function Page({ route, me }: { route: Route; me: string }) {
  switch (route.name) {
    case "me":
    case "signin":
      return <PersonPage key={me} personId={me} isMe />;
    case "people":
      return <PeoplePage />;
    case "person":
      return <PersonPage key={route.id} personId={route.id} isMe={route.id === me} />;
    case "org":
      return <OrgTreePage key={route.id} personId={route.id} />;
    case "ladders":
      return <LaddersPage />;
    case "ladder":
      return <LadderPage key={route.id} ladderId={route.id} compare={route.compare} />;
    case "cycles":
      return <CyclesPage />;
    case "cycle":
      return <CycleRoute key={`${route.id}/${route.view}`} cycleId={route.id} view={route.view} rater={route.rater} me={me} />;
    case "import":
      return <PeopleImportPage />;
    case "unknown":
      return (
        <>
          <PageHeading>Page not found</PageHeading>
          <p>
            There is no page at {route.hash}. <a href={href.me()}>Go to my page</a>.
          </p>
        </>
      );
  }
}

function CycleRoute({ cycleId, view, rater, me }: { cycleId: string; view: CycleView; rater: string | null; me: string }) {
  switch (view) {
    case "overview":
      return <CyclePage cycleId={cycleId} />;
    case "team":
      return <TeamPage cycleId={cycleId} raterId={rater ?? me} />;
    case "calibration":
      return <CalibrationPage cycleId={cycleId} />;
    case "slate":
      return <SlatePage cycleId={cycleId} />;
    case "payroll":
      return <PayrollPage cycleId={cycleId} />;
  }
}

/** The skip link moves the focus without touching the hash, which holds the route. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById("main")?.focus();
}

const root = document.getElementById("app");
if (root) render(<App />, root);
