// Sign in with an email (any case) or a person id and a password. Shows the API's message when
// it refuses, and after too many attempts says when to try again.
import { useState } from "preact/hooks";
import { api, type Session } from "../api";
import { PageHeading } from "../components/PageHeading";
import { toApiError } from "../useFetch";

export function SignInPage({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice: string | null }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(login.trim(), password));
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.status === 429) {
        const wait = failure.retryAfterSeconds;
        const at = wait === null ? null : new Date(Date.now() + wait * 1000).toLocaleTimeString("en-GB");
        setError(
          wait === null
            ? `Too many attempts: ${failure.message} Try again later.`
            : `Too many attempts. Try again in ${formatWait(wait)} (at ${at}).`,
        );
      } else {
        setError(failure.message);
      }
      setPassword("");
      setBusy(false);
    }
  }

  return (
    <section class="signin" aria-labelledby="page-heading">
      <PageHeading>Sign in to Yardstick</PageHeading>
      {notice && (
        <p class="state state-notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} class="stack">
        <label>
          Email or person ID
          <input
            name="login"
            autocomplete="username"
            required
            value={login}
            onInput={(event) => setLogin(event.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="state state-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </section>
  );
}

/** 42 → "42 seconds", 900 → "15 minutes". */
function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
