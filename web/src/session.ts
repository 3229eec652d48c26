// The signed-in session (who, and their roles) for the pages that offer role-specific actions.
// The server decides what is allowed; the app only avoids offering what would be refused.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { RoleName, Session } from "./api";

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session | null {
  return useContext(SessionContext);
}

/** True when the session holds the role (for any group). */
export function hasRole(session: Session | null, role: RoleName): boolean {
  return session?.roles.some((held) => held.role === role) ?? false;
}
