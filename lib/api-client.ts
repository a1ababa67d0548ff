import type {
  BulkAction,
  BulkResult,
  CompleteResult,
  DueFilter,
  SortKey,
  SortOrder,
  Task,
  TaskInput,
  TaskList,
  TaskPriority,
  TaskStatus,
} from "@/lib/tasks/model";

/**
 * The browser's way to the API (projects-client.ts builds on request()). Access tokens (short-lived JWTs from Better Auth's jwt plugin) live in this module's memory only:
 * never in localStorage, so an injected script cannot lift one from storage. A token is renewed
 * shortly before it expires and once more after a 401; when the session itself is gone the user is
 * sent to the login page and brought back afterwards.
 */

export interface TaskListQuery {
  /** A project's id, or "inbox"; `parent`: "none" (top-level only) or a task's id. */
  project?: string;
  parent?: string;
  status?: TaskStatus;
  q?: string;
  priority?: TaskPriority;
  tag?: string;
  due?: DueFilter;
  sort?: SortKey;
  order?: SortOrder;
  limit?: number;
  cursor?: string | null;
  /** Minutes ahead of UTC; decides when "today" starts. Defaults to this browser's zone. */
  utcOffset?: number;
}

export interface FieldError {
  path: string;
  message: string;
}

/** Every failure of a call, with the API's error code (or "network" when the server was not reached). */
export class ApiClientError extends Error {
  override name = "ApiClientError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

// Renew this long before the token's end, so a request never races its expiry.
const RENEW_BEFORE_MS = 60_000;

let token: { value: string; renewAt: number } | null = null;
let pendingToken: Promise<string> | null = null;
let leaving = false;

function base64UrlToText(part: string): string {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * When to renew a token, on this machine's clock. The lifetime (exp - iat) is measured from
 * the moment we received it, so a client clock that is off does not matter. The signature is
 * not checked here: the server does that on every call.
 */
export function renewalTime(jwt: string, receivedAt: number): number {
  try {
    const payload = JSON.parse(base64UrlToText(jwt.split(".")[1] ?? "")) as {
      exp?: unknown;
      iat?: unknown;
    };
    if (typeof payload.exp === "number") {
      const lifetimeMs =
        typeof payload.iat === "number"
          ? (payload.exp - payload.iat) * 1000
          : payload.exp * 1000 - receivedAt;
      return receivedAt + Math.max(0, lifetimeMs - RENEW_BEFORE_MS);
    }
  } catch {
    // An unreadable payload: use the token once, then fetch a new one.
  }
  return receivedAt;
}

/** The code of the error thrown while the browser is already on its way to the login page. */
export const SESSION_ENDED = "session_ended";

/** Why the browser was sent to log in; the login page says it in words. */
export type LoginReason = "session-ended" | "signed-out";

/** Sends the browser to /login, to come back to this page after signing in. */
export function sendToLogin(reason: LoginReason = "session-ended"): void {
  if (leaving || typeof window === "undefined") return;
  leaving = true;
  token = null;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(here)}&reason=${reason}`);
}

function sessionEnded(): ApiClientError {
  sendToLogin();
  return new ApiClientError(401, SESSION_ENDED, "Your session has ended. Please log in again.");
}

async function fetchToken(): Promise<string> {
  // Loaded on first use: the auth client stays out of the page's first-load JavaScript.
  const { authClient } = await import("@/lib/auth-client");
  let result: Awaited<ReturnType<typeof authClient.token>>;
  try {
    result = await authClient.token();
  } catch {
    throw new ApiClientError(0, "network", "Can't reach Doable. Check your connection.");
  }
  if (result.error) {
    if (result.error.status === 401) throw sessionEnded();
    throw new ApiClientError(
      result.error.status,
      "token_failed",
      result.error.message || "Could not get an access token.",
    );
  }
  const value = result.data?.token;
  if (!value) throw new ApiClientError(500, "token_failed", "Could not get an access token.");
  token = { value, renewAt: renewalTime(value, Date.now()) };
  return value;
}

/** A valid access token; concurrent callers share one request for a new one. */
export async function accessToken(forceNew = false): Promise<string> {
  if (!forceNew && token && Date.now() < token.renewAt) return token.value;
  pendingToken ??= fetchToken().finally(() => {
    pendingToken = null;
  });
  return pendingToken;
}

/** Forgets the in-memory token (sign-out). */
export function forgetToken(): void {
  token = null;
}

async function errorFrom(response: Response): Promise<ApiClientError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  const message =
    typeof error?.message === "string"
      ? error.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
  const details = Array.isArray(error?.details) ? (error.details as FieldError[]) : undefined;
  return new ApiClientError(response.status, code, message, details);
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets the request finish after the page is gone (pending deletes flushed on pagehide). */
  keepalive?: boolean;
}

/** An authenticated call to the API (any path under /api); throws ApiClientError on failure. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  for (let attempt = 0; ; attempt++) {
    const bearer = await accessToken(attempt > 0);
    let response: Response;
    try {
      response = await fetch(path, {
        method: options.method ?? "GET",
        headers: { ...headers, Authorization: `Bearer ${bearer}` },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: "no-store",
        keepalive: options.keepalive,
      });
    } catch {
      throw new ApiClientError(0, "network", "Can't reach Doable. Check your connection.");
    }
    // A token can be refused early (server restarted with new keys, clock skew): renew once.
    if (response.status === 401 && attempt === 0) {
      token = null;
      continue;
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }
}

export const requestJson = async <T>(path: string, options?: RequestOptions): Promise<T> =>
  (await (await request(path, options)).json()) as T;

/** "/api/{userId}/{...rest}", each part encoded. */
export function userPath(userId: string, ...rest: string[]): string {
  return ["/api", userId, ...rest].map((p, i) => (i ? encodeURIComponent(p) : p)).join("/");
}

const tasksPath = (userId: string, ...rest: string[]) => userPath(userId, "tasks", ...rest);

/** The query string for a list call; empty and default values are left out. */
export function listQueryString(query: TaskListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function listTasks(userId: string, query: TaskListQuery = {}): Promise<TaskList> {
  // "today" and "this week" are the user's days, not UTC's.
  const utcOffset = query.due ? (query.utcOffset ?? -new Date().getTimezoneOffset()) : undefined;
  return requestJson<TaskList>(`${tasksPath(userId)}${listQueryString({ ...query, utcOffset })}`);
}

export async function createTask(userId: string, input: TaskInput): Promise<Task> {
  return requestJson<Task>(tasksPath(userId), { method: "POST", body: input });
}

/** One task with its ETag, the version to send back in If-Match when editing. */
export async function getTask(
  userId: string,
  id: string,
): Promise<{ task: Task; etag: string | null }> {
  const response = await request(tasksPath(userId, id));
  return { task: (await response.json()) as Task, etag: response.headers.get("ETag") };
}

/** Replaces the editable fields. With an etag, a task changed since then is refused with 412. */
export async function updateTask(
  userId: string,
  id: string,
  input: TaskInput,
  etag?: string | null,
): Promise<{ task: Task; etag: string | null }> {
  const response = await request(tasksPath(userId, id), {
    method: "PUT",
    body: input,
    headers: etag ? { "If-Match": etag } : undefined,
  });
  return { task: (await response.json()) as Task, etag: response.headers.get("ETag") };
}

export async function deleteTask(
  userId: string,
  id: string,
  options: { keepalive?: boolean } = {},
): Promise<void> {
  await request(tasksPath(userId, id), { method: "DELETE", keepalive: options.keepalive });
}

/** Completes or reopens; completing an occurrence of a repeating task answers the next one too. */
export async function setCompleted(
  userId: string,
  id: string,
  completed: boolean,
): Promise<CompleteResult> {
  const body = { completed };
  return requestJson<CompleteResult>(tasksPath(userId, id, "complete"), { method: "PATCH", body });
}

/** Moves an open occurrence of a repeating task to its next date (409 on the last one). */
export function skipOccurrence(userId: string, id: string): Promise<Task> {
  return requestJson<Task>(tasksPath(userId, id, "skip"), { method: "POST" });
}

type Snoozed = { id: string; nextReminderAt: string | null };

/** Reminds again in `minutes`; answers when the next reminder goes out. */
export function snoozeReminder(userId: string, id: string, minutes: number): Promise<Snoozed> {
  return requestJson(tasksPath(userId, id, "reminders", "snooze"), {
    method: "POST",
    body: { minutes },
  });
}

export async function bulkTasks(
  userId: string,
  action: BulkAction,
  ids: string[],
  options: { keepalive?: boolean } = {},
): Promise<BulkResult> {
  return requestJson<BulkResult>(tasksPath(userId, "bulk"), {
    method: "POST",
    body: { action, ids },
    keepalive: options.keepalive,
  });
}
