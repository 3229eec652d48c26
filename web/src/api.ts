// The one way the app talks to `yardstick serve`: a fetch wrapper that sends the CSRF token on
// every non-GET request, turns the API's error JSON ({"error": {"code", "message"}}) into an
// ApiError, and hands a 401 to the app (which shows the sign-in page), plus one typed function
// per endpoint the app uses.

/** A failed request: the HTTP status (0 when the server could not be reached), the API's error
 * code and its message, and for 429 the number of seconds to wait (from Retry-After). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** True for 403 and 404: the thing is not there or not the caller's to see. */
  get isNotVisible(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** The token sent as X-CSRF-Token; given by POST and GET /api/session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request (other than the session's own) answers 401: the session has ended. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

interface RequestOptions {
  body?: unknown;
  /** The session endpoints answer 401 as a normal result; don't treat it as a lost session. */
  expect401?: boolean;
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorFrom(response: Response, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  const message =
    typeof error?.message === "string" && error.message !== ""
      ? error.message
      : `The server answered ${response.status} ${response.statusText}.`.replace(" .", ".");
  return new ApiError(response.status, code, message, retryAfterSeconds(response.headers.get("Retry-After")));
}

/** Sends one request to the API and returns its JSON (undefined for 204). Throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached. Check that it is running and try again.");
  }
  const text = response.status === 204 ? "" : await response.text();
  let payload: unknown = undefined;
  if (text !== "") {
    try {
      payload = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError(response.status, "bad_response", "The server's answer was not JSON.");
    }
  }
  if (!response.ok) {
    const error = errorFrom(response, payload);
    if (response.status === 401 && !options.expect401) unauthenticatedHandler?.();
    throw error;
  }
  return payload as T;
}

// ---- Types of the API's answers --------------------------------------------------------------

export type RoleName = "people-team" | "calibrator" | "executive";
export interface Role {
  role: RoleName;
  group: string | null;
}
export interface Session {
  person_id: string;
  roles: Role[];
  csrf_token: string;
  expires_at?: string;
}
export interface Band {
  min: string;
  max: string;
}
export interface PersonSummary {
  id: string;
  name: string;
  group: string;
  track: string;
  grade: string;
  level: string | null;
  manager_id: string | null;
  status: string;
}
export interface PeoplePage {
  people: PersonSummary[];
  total: number;
  truncated: boolean;
}
export interface Person {
  id: string;
  name: string;
  email: string;
  group: string;
  framework: string;
  track: string;
  grade: string;
  level: { id: string; name: string; summary: string; band: Band } | null;
  position: { id: string; name: string; band: Band; allowance: number } | null;
  manager_id: string | null;
  hire_date: string;
  hired_at_grade: string;
  status: string;
  left_date: string | null;
}
export interface HistoryEntry {
  effective: string;
  from_grade: string | null;
  to_grade: string;
  reason: string;
  decision_id: string | null;
  approver: string | null;
}
export interface History {
  person_id: string;
  history: HistoryEntry[];
}
export interface TreeNode extends PersonSummary {
  reports?: TreeNode[];
}
export interface Pay {
  person_id: string;
  framework: string;
  family: string;
  grade: string;
  base: number;
  position: string | null;
  allowance: number;
  total: number;
  currency: string;
  period: string;
}

// ---- Endpoints -------------------------------------------------------------------------------

const id = encodeURIComponent;

export const api = {
  session: () => request<Session>("GET", "/api/session", { expect401: true }),
  signIn: (login: string, password: string) =>
    request<Session>("POST", "/api/session", { body: { login, password }, expect401: true }),
  signOut: () => request<void>("DELETE", "/api/session", { expect401: true }),
  changePassword: (oldPassword: string, newPassword: string) =>
    request<void>("PUT", "/api/session/password", {
      body: { old_password: oldPassword, new_password: newPassword },
    }),
  people: (filter: { group?: string; level?: string; manager?: string; includeLeft?: boolean } = {}) => {
    const query = new URLSearchParams();
    if (filter.group) query.set("group", filter.group);
    if (filter.level) query.set("level", filter.level);
    if (filter.manager) query.set("manager", filter.manager);
    if (filter.includeLeft) query.set("include_left", "true");
    const suffix = query.toString();
    return request<PeoplePage>("GET", `/api/people${suffix ? `?${suffix}` : ""}`);
  },
  person: (personId: string) => request<Person>("GET", `/api/people/${id(personId)}`),
  history: (personId: string) => request<History>("GET", `/api/people/${id(personId)}/history`),
  orgTree: (personId: string, depth: number) =>
    request<TreeNode>("GET", `/api/org/tree/${id(personId)}?depth=${depth}`),
  pay: (personId: string) => request<Pay>("GET", `/api/pay/people/${id(personId)}`),
};
