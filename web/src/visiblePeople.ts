// Who the signed-in person may see (from GET /api/people at sign-in): their names, for links to
// managers and approvers, so the app links only to pages the person may open.
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface VisiblePeople {
  names: ReadonlyMap<string, string>;
  /** How many people the caller may see, themselves included. */
  total: number;
  /** True when the API cut the list short, so someone missing may still be visible. */
  truncated: boolean;
}

export const VisiblePeopleContext = createContext<VisiblePeople>({ names: new Map(), total: 0, truncated: false });

export function useVisiblePeople(): VisiblePeople {
  return useContext(VisiblePeopleContext);
}
