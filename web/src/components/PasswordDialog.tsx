// Changing one's password in a modal dialog (the native <dialog>: focus is trapped and Escape
// closes it). The API signs the person out everywhere afterwards.
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api";
import { toApiError } from "../useFetch";

const MIN_LENGTH = 12;

export function PasswordDialog({ open, onClose, onChanged }: { open: boolean; onClose: () => void; onChanged: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [oldPassword, setOldPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setOldPassword("");
      setNewPassword("");
      setRepeat("");
      setError(null);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  async function submit(event: Event) {
    event.preventDefault();
    if (newPassword.length < MIN_LENGTH) return setError(`The new password needs at least ${MIN_LENGTH} characters.`);
    if (newPassword !== repeat) return setError("The two new passwords differ.");
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(oldPassword, newPassword);
      onChanged();
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure.status === 403 && failure.code !== "csrf_token_missing_or_wrong" ? "The current password is wrong." : failure.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="password-heading" onClose={onClose}>
      <form onSubmit={submit} class="stack">
        <h2 id="password-heading">Change password</h2>
        <label>
          Current password
          <input type="password" autocomplete="current-password" required value={oldPassword} onInput={(event) => setOldPassword(event.currentTarget.value)} />
        </label>
        <label>
          New password (at least {MIN_LENGTH} characters)
          <input type="password" autocomplete="new-password" required minLength={MIN_LENGTH} value={newPassword} onInput={(event) => setNewPassword(event.currentTarget.value)} />
        </label>
        <label>
          New password again
          <input type="password" autocomplete="new-password" required minLength={MIN_LENGTH} value={repeat} onInput={(event) => setRepeat(event.currentTarget.value)} />
        </label>
        <p class="hint">Changing it signs you out everywhere, including here.</p>
        {error && (
          <p class="state state-error" role="alert">
            {error}
          </p>
        )}
        <div class="buttons">
          <button type="submit" disabled={busy}>
            {busy ? "Changing…" : "Change password"}
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
