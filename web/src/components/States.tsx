// The honest states of a fetch: still loading, failed (with the API's message), or empty.
import type { ComponentChildren } from "preact";
import type { ApiError } from "../api";

export function Loading({ what }: { what: string }) {
  return (
    <p class="state state-loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A failed fetch. 403/404 say "not found or not yours to see" unless `notVisible` says more. */
export function ErrorState({ error, what, notVisible }: { error: ApiError; what: string; notVisible?: string }) {
  if (error.isNotVisible) {
    return (
      <p class="state state-hidden" role="status">
        {notVisible ?? `${capitalise(what)}: not found or not yours to see.`}
      </p>
    );
  }
  return (
    <p class="state state-error" role="alert">
      Could not load {what}: {error.message}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
