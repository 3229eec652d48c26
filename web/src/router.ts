// Hash-based routes (#/me, #/people/E000042, #/ladders/engineering?compare=L2,L3,
// #/cycles/ID/team, …), so the server serves one index.html and needs no fallback route.
import { useEffect, useState } from "preact/hooks";

/** The pages of one cycle, each under #/cycles/ID/… ("" is the cycle's own page). */
export type CycleView = "overview" | "team" | "calibration" | "slate" | "payroll";
const CYCLE_VIEWS: readonly CycleView[] = ["team", "calibration", "slate", "payroll"];

export type Route =
  | { name: "signin" }
  | { name: "me" }
  | { name: "people" }
  | { name: "person"; id: string }
  | { name: "org"; id: string }
  | { name: "ladders" }
  | { name: "ladder"; id: string; compare: string[] }
  | { name: "cycles" }
  | { name: "cycle"; id: string; view: CycleView; rater: string | null }
  | { name: "import" }
  | { name: "unknown"; hash: string };

/** The route of a location hash; an empty hash is "my page". */
export function parseHash(hash: string): Route {
  const [path = "", queryText = ""] = hash.replace(/^#/, "").split("?", 2);
  const query = new URLSearchParams(queryText);
  if (path === "" || path === "/" || path === "/me") return { name: "me" };
  if (path === "/signin") return { name: "signin" };
  if (path === "/people") return { name: "people" };
  if (path === "/people/import") return { name: "import" };
  if (path === "/ladders") return { name: "ladders" };
  if (path === "/cycles") return { name: "cycles" };
  const parts = path.split("/").slice(1).map(decodeURIComponent);
  const [section, id, view, ...rest] = parts;
  if (!id || rest.length > 0) return { name: "unknown", hash };
  if (!view && section === "people") return { name: "person", id };
  if (!view && section === "org") return { name: "org", id };
  if (!view && section === "ladders") {
    const compare = (query.get("compare") ?? "").split(",").filter((level) => level !== "");
    return { name: "ladder", id, compare };
  }
  if (section === "cycles") {
    if (!view) return { name: "cycle", id, view: "overview", rater: null };
    const known = CYCLE_VIEWS.find((candidate) => candidate === view);
    if (known) return { name: "cycle", id, view: known, rater: query.get("rater") };
  }
  return { name: "unknown", hash };
}

const enc = encodeURIComponent;

/** The href of a route, for links. */
export const href = {
  me: () => "#/me",
  people: () => "#/people",
  person: (id: string) => `#/people/${enc(id)}`,
  org: (id: string) => `#/org/${enc(id)}`,
  signin: () => "#/signin",
  ladders: () => "#/ladders",
  ladder: (id: string, compare: string[] = []) =>
    `#/ladders/${enc(id)}${compare.length > 0 ? `?compare=${compare.map(enc).join(",")}` : ""}`,
  cycles: () => "#/cycles",
  cycle: (id: string, view: CycleView = "overview", rater?: string) =>
    `#/cycles/${enc(id)}${view === "overview" ? "" : `/${view}`}${rater ? `?rater=${enc(rater)}` : ""}`,
  importPeople: () => "#/people/import",
};

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** Changes the address without a new history entry (a filter or comparison being adjusted). */
export function replaceRoute(hash: string): void {
  if (window.location.hash === hash) return;
  history.replaceState(null, "", hash);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}
