// Hash-based routes (#/me, #/people, #/people/E000042, #/org/E000042), so the server serves one
// index.html and needs no fallback route.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { name: "signin" }
  | { name: "me" }
  | { name: "people" }
  | { name: "person"; id: string }
  | { name: "org"; id: string }
  | { name: "unknown"; hash: string };

/** The route of a location hash; an empty hash is "my page". */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, "");
  if (path === "" || path === "/" || path === "/me") return { name: "me" };
  if (path === "/signin") return { name: "signin" };
  if (path === "/people") return { name: "people" };
  const match = /^\/(people|org)\/([^/]+)$/.exec(path);
  if (match?.[1] && match[2]) {
    const id = decodeURIComponent(match[2]);
    return match[1] === "people" ? { name: "person", id } : { name: "org", id };
  }
  return { name: "unknown", hash };
}

/** The href of a route, for links. */
export const href = {
  me: () => "#/me",
  people: () => "#/people",
  person: (id: string) => `#/people/${encodeURIComponent(id)}`,
  org: (id: string) => `#/org/${encodeURIComponent(id)}`,
  signin: () => "#/signin",
};

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
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
