// Loads something once per change of its key and keeps the three states a page shows:
// loading, the data, or the error.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ok"; data: T }
  | { state: "error"; error: ApiError };

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, "client_error", error instanceof Error ? error.message : String(error));
}

/** Runs `load` whenever `key` changes; answers for an older key are dropped. */
export function useFetch<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: "loading" } });
  useEffect(() => {
    let current = true;
    setResult({ key, loaded: { state: "loading" } });
    load().then(
      (data) => current && setResult({ key, loaded: { state: "ok", data } }),
      (error: unknown) => current && setResult({ key, loaded: { state: "error", error: toApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return result.key === key ? result.loaded : { state: "loading" };
}
