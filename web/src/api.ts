// The one way the app talks to `yardstick serve`: a fetch wrapper that sends the CSRF token on
// every non-GET request, turns the API's error JSON ({"error": {"code", "message"}}) into an
// ApiError, and hands a 401 to the app (which shows the sign-in page), plus one typed function
// per endpoint the app uses.

/** A failed request: the HTTP status (0 when the server could not be reached), the API's error
 * code and its message, for 429 the number of seconds to wait (from Retry-After), and the whole
 * error JSON (a 409 stale_version carries the stored value as `current`, a 400 its `problems`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    readonly payload: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The stored value a 409 stale_version answer carries ("current"); undefined otherwise. */
  get current(): unknown {
    if (this.code !== "stale_version" || typeof this.payload !== "object" || this.payload === null) return undefined;
    const body = this.payload as { current?: unknown; error?: { current?: unknown } };
    return body.current !== undefined ? body.current : body.error?.current;
  }

  /** The problems a 400 answer lists, each "field: message" (or just the message). */
  get problems(): string[] {
    const body = this.payload as { problems?: unknown; error?: { problems?: unknown } } | null;
    const list = body?.problems ?? body?.error?.problems;
    if (!Array.isArray(list)) return [];
    return list.map((problem: { field?: string; message?: string }) =>
      problem.field ? `${problem.field}: ${problem.message ?? ""}` : String(problem.message ?? ""),
    );
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
  return new ApiError(response.status, code, message, retryAfterSeconds(response.headers.get("Retry-After")), payload ?? null);
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

// Ladders (GET /api/frameworks, /api/frameworks/{id}).
export interface FrameworkSummary {
  id: string;
  name: string;
  groups: { id: string; name: string }[];
}
export interface Criterion {
  /** The criterion's own id, or null: its handle is then LEVEL/AREA/N (see ladder.ts). */
  id: string | null;
  area: string;
  text: string;
  weight: number;
}
export interface LadderLevel {
  id: string;
  name: string;
  summary: string;
  description: string;
  band: Band;
  tracks: string[];
  criteria: Criterion[];
}
export interface Ladder {
  id: string;
  name: string;
  description: string;
  cumulative_criteria: boolean;
  scale: string[];
  tracks: { id: string; name: string; description: string }[];
  areas: { id: string; name: string; description: string; tracks: string[] }[];
  levels: LadderLevel[];
  equivalences: string[][];
  transitions: { from: string; to: string; both_ways: boolean }[];
  positions: { id: string; name: string; description: string; track: string | null; band: Band; allowance: number }[];
  pay: { currency: string; period: string; families: { id: string; name: string; tracks: string[]; base: Record<string, number> }[] };
  policies: {
    promotion: { far_above: number; slightly_above: number; periods: number; confidence: number };
    plan: { below: number; exit_after: number };
    executive_approval: string[];
  };
}

// Review cycles (docs: the cycle API contract).
export type CycleState = "open" | "rating" | "calibrating" | "decided" | "closed";
export const CYCLE_STATES: readonly CycleState[] = ["open", "rating", "calibrating", "decided", "closed"];
export interface Cycle {
  id: string;
  name: string;
  framework: string;
  framework_hash: string;
  period: { text: string; start: string; end: string };
  state: CycleState;
}
/** What the caller may do in a cycle (GET /api/cycles/{id}). */
export interface CycleMe {
  people_team: boolean;
  executive: boolean;
  calibrates: boolean;
  /** How many people the caller rates in it. */
  rates: number;
}
export interface CycleDetail extends Cycle {
  people: number;
  rated: number;
  me: CycleMe;
}
export interface Rating {
  grade: string;
  evidence: string;
  criteria: string[];
  version: number;
}
export interface StoredRating extends Rating {
  person_id: string;
  rater_id: string;
  benchmark: boolean;
}
export interface TeamMember {
  id: string;
  name: string;
  grade: string;
  group: string;
  position: string | null;
  relation: "report" | "benchmark";
  rating: Rating | null;
}
export interface StackRank {
  order: string[];
  version: string;
}
export interface Team {
  rater_id: string;
  cycle: Cycle;
  people: TeamMember[];
  rank: StackRank;
  benchmarks_to_rate: number;
}
export interface BenchmarkAssignment {
  person_id: string;
  rater_id: string;
}
export interface CalibratedPerson {
  id: string;
  name: string;
  group: string;
  manager_id: string | null;
  grade_held: string;
  /** The grade held, as an index on the scale (0 = its first grade). */
  held: number;
  /** Grade index on the scale; may lie between grades. */
  performed: number;
  se: number;
  performed_text: string;
  /** 1 (−1) when the 90% interval lies wholly above (below) the grade held by a grade or more. */
  direction: number;
  raters: string[];
}
export interface RaterLeniency {
  rater_id: string;
  name: string;
  group: string;
  /** In grades; positive = lenient. */
  leniency: number;
  se: number;
  low: number;
  high: number;
  ratings: number;
  outlier: boolean;
}
export interface CalibrationBoard {
  scale: string[];
  /** Per group, per grade index: how many hold it and how many performed at it. */
  groups: { id: string; held_count: number[]; performed_count: number[]; unrated: string[] }[];
  people: CalibratedPerson[];
  raters: RaterLeniency[];
  issues: string[];
}
export type Proposal = "promote-now" | "promote" | "no-change" | "plan" | "exit-conversation" | "not-calibrated" | "exception";
export type DecisionStatus = "proposed" | "accepted" | "rejected" | "applied";
export interface Decision {
  person_id: string;
  name: string;
  proposal: Proposal;
  from_grade: string;
  to_grade: string;
  performed: number | null;
  se: number | null;
  /** Cycles in a row at this side of the grade held (promotion and plan rules count them). */
  streak?: number;
  reason: string;
  flags: string[];
  /** The bestowed level the promotion goes into ("" or null when none): it needs an executive. */
  executive_level: string | boolean | null;
  /** The position whose band holds the new grade ("" or null when the position stays). */
  position_change: string | null;
  /** A number only when there is one and the caller may see the person's pay; null otherwise. */
  bonus?: number | null;
  status: DecisionStatus;
  review_note: string | null;
  justification: string | null;
  approver: string | null;
  awaiting_approval: boolean;
}
export interface Slate {
  state?: CycleState;
  tally: { proposed: number; accepted: number; rejected: number; applied: number; awaiting_approval?: number };
  decisions: Decision[];
  /** The pay currency for the people team; "" for those who see no bonus. */
  currency?: string;
}
export interface PayrollLine {
  person_id: string;
  name: string;
  grade_held: string;
  /** As people read it: "J-K (9.4)". */
  performed: string | number | null;
  bonus: number | null;
  /** "promotion G → H from 2027-01-01" (or "exception …"); "" for none. */
  change: string | null;
  base_pay: number | null;
  allowance: number | null;
}
export interface Payroll {
  currency: string;
  pay_period: string;
  payable: string;
  total_bonus: number;
  lines: PayrollLine[];
}
export interface PersonOutcome {
  cycle?: string;
  person_id: string;
  name?: string;
  grade_held?: string;
  /** The calibrated result: grade index, its standard error, and as people read it. */
  result: { performed: number; se: number; text: string } | null;
  decision: Decision | null;
  ratings: { rater_id: string; grade: string; evidence: string; criteria: string[]; benchmark: boolean }[];
}
export interface ImportProblem {
  line: number;
  column: number | null;
  severity?: "error" | "warning";
  message: string;
}
export interface ImportedPerson {
  id: string;
  name: string;
  group?: string;
  track?: string;
  grade?: string;
  manager_id?: string | null;
}
/** POST /api/people/import: a 200, or a 400 with the same body when there are problems. */
export interface ImportResult {
  ok: boolean;
  applied: boolean;
  dry_run: boolean;
  effective: string;
  added: ImportedPerson[];
  /** Each changed person with the change as a sentence. */
  changed: { id: string; name: string; change: string }[];
  left: ImportedPerson[];
  unchanged: number;
  problems: ImportProblem[];
  salary_deviations: { person_id: string; line: number; given: number; scale: number; difference: number }[];
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

  frameworks: () => request<{ frameworks: FrameworkSummary[] }>("GET", "/api/frameworks"),
  framework: (frameworkId: string) => request<Ladder>("GET", `/api/frameworks/${id(frameworkId)}`),

  cycles: () => request<{ cycles: Cycle[] }>("GET", "/api/cycles"),
  cycle: (cycleId: string) => request<CycleDetail>("GET", `/api/cycles/${id(cycleId)}`),
  openCycle: (body: { name: string; framework: string; period: string; id?: string }) =>
    request<Cycle>("POST", "/api/cycles", { body }),
  advanceCycle: (cycleId: string, body: { to?: CycleState; allow_unrated?: boolean } = {}) =>
    request<Cycle>("POST", `/api/cycles/${id(cycleId)}/advance`, { body }),
  team: (cycleId: string, raterId?: string) =>
    request<Team>("GET", `/api/cycles/${id(cycleId)}/team${raterId ? `?rater=${id(raterId)}` : ""}`),
  saveRating: (
    cycleId: string,
    personId: string,
    body: { rater_id?: string; grade: string; evidence: string; criteria: string[]; version: number },
  ) => request<StoredRating>("PUT", `/api/cycles/${id(cycleId)}/ratings/${id(personId)}`, { body }),
  ratings: (cycleId: string, personId?: string) =>
    request<{ ratings: StoredRating[] }>("GET", `/api/cycles/${id(cycleId)}/ratings${personId ? `?person=${id(personId)}` : ""}`),
  saveRank: (cycleId: string, raterId: string, body: StackRank) =>
    request<{ rater_id: string; order: string[]; version: string }>("PUT", `/api/cycles/${id(cycleId)}/ranks/${id(raterId)}`, { body }),
  benchmarks: (cycleId: string) => request<{ assignments: BenchmarkAssignment[] }>("GET", `/api/cycles/${id(cycleId)}/benchmarks`),
  assignBenchmarks: (cycleId: string, body: { assignments: BenchmarkAssignment[] } | { suggested: true }) =>
    request<{ assignments: BenchmarkAssignment[] }>("POST", `/api/cycles/${id(cycleId)}/benchmarks`, { body }),
  benchmarkSuggestions: (cycleId: string) =>
    request<{ suggestions: (BenchmarkAssignment & { group: string })[] }>("GET", `/api/cycles/${id(cycleId)}/benchmarks/suggestions`),
  calibrate: (cycleId: string) => request<{ groups: number; people: number }>("POST", `/api/cycles/${id(cycleId)}/calibration`, { body: {} }),
  calibration: (cycleId: string) => request<CalibrationBoard>("GET", `/api/cycles/${id(cycleId)}/calibration`),
  decide: (cycleId: string) => request<{ decisions: number; past_cycles?: unknown }>("POST", `/api/cycles/${id(cycleId)}/slate`, { body: {} }),
  slate: (cycleId: string) => request<Slate>("GET", `/api/cycles/${id(cycleId)}/slate`),
  reviewSlate: (cycleId: string, body: { people: string[]; accept: boolean; note?: string }) =>
    request<{ reviewed: unknown[]; skipped: string[] }>("POST", `/api/cycles/${id(cycleId)}/slate/review`, { body }),
  recordException: (cycleId: string, body: { person_id: string; to_grade: string; justification: string; approver: string }) =>
    request<Decision>("POST", `/api/cycles/${id(cycleId)}/exceptions`, { body }),
  approveSlate: (cycleId: string, people: string[]) =>
    request<{ approved: unknown[] }>("POST", `/api/cycles/${id(cycleId)}/slate/approve`, { body: { people } }),
  apply: (cycleId: string, effective?: string) =>
    request<{ applied: number; moves: number; effective: string; still_proposed?: number; applied_before?: number }>("POST", `/api/cycles/${id(cycleId)}/apply`, {
      body: effective ? { effective } : {},
    }),
  payroll: (cycleId: string) => request<Payroll>("GET", `/api/cycles/${id(cycleId)}/payroll`),
  /** The address of the payroll as a file: the browser downloads it with the session cookie. */
  payrollFileUrl: (cycleId: string, format: "csv" | "xlsx") => `/api/cycles/${id(cycleId)}/payroll?format=${format}`,
  personOutcome: (cycleId: string, personId: string) =>
    request<PersonOutcome>("GET", `/api/cycles/${id(cycleId)}/people/${id(personId)}`),
  /** A file with problems answers 400 with the same body: it comes back as the result, not thrown. */
  importPeople: (body: { csv: string; dry_run: boolean; partial?: boolean; effective?: string; columns?: Record<string, string> }) =>
    request<ImportResult>("POST", "/api/people/import", { body }).catch((error: unknown) => {
      const payload = error instanceof ApiError && error.status === 400 ? (error.payload as Partial<ImportResult> | null) : null;
      if (payload && Array.isArray(payload.problems) && Array.isArray(payload.added)) return payload as ImportResult;
      throw error;
    }),
};
