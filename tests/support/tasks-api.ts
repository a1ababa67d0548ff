/**
 * Calls the Tasks API's route handlers in process with real Request objects, routing a path to
 * its module and params the way Next does (path segments are decoded before they reach params).
 */

import * as oneProject from "@/app/api/[userId]/projects/[id]/route";
import * as projects from "@/app/api/[userId]/projects/route";
import * as complete from "@/app/api/[userId]/tasks/[id]/complete/route";
import * as history from "@/app/api/[userId]/tasks/[id]/history/route";
import * as move from "@/app/api/[userId]/tasks/[id]/move/route";
import * as snooze from "@/app/api/[userId]/tasks/[id]/reminders/snooze/route";
import * as one from "@/app/api/[userId]/tasks/[id]/route";
import * as skip from "@/app/api/[userId]/tasks/[id]/skip/route";
import * as bulk from "@/app/api/[userId]/tasks/bulk/route";
import * as collection from "@/app/api/[userId]/tasks/route";
import * as restore from "@/app/api/[userId]/trash/[id]/restore/route";
import * as trashed from "@/app/api/[userId]/trash/[id]/route";
import * as trash from "@/app/api/[userId]/trash/route";
import type { ErrorBody } from "@/lib/server/http/errors";
import { baseURL } from "./auth";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
type RouteModule = Partial<Record<Method, Handler>>;

export interface CallOptions {
  token?: string;
  /** Serialised as JSON. */
  json?: unknown;
  /** Sent as is (for malformed bodies). */
  body?: string;
  headers?: Record<string, string>;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function resolve(pathname: string): { module: RouteModule; params: Record<string, string> } {
  const parts = pathname.split("/").slice(1).map(decode);
  const [api, userId, tasks, id, ...rest] = parts;
  if (api === "api" && userId !== undefined && tasks === "projects" && rest.length === 0) {
    return id === undefined
      ? { module: projects as RouteModule, params: { userId } }
      : { module: oneProject as RouteModule, params: { userId, id } };
  }
  if (api === "api" && userId !== undefined && tasks === "trash") {
    const tail = rest.join("/");
    if (id === undefined) return { module: trash as RouteModule, params: { userId } };
    if (tail === "" || tail === "restore") {
      return { module: (tail ? restore : trashed) as RouteModule, params: { userId, id } };
    }
  }
  if (api !== "api" || userId === undefined || tasks !== "tasks") {
    throw new Error(`not a tasks API path: ${pathname}`);
  }
  if (id === undefined) return { module: collection as RouteModule, params: { userId } };
  const tail = rest.join("/");
  if (id === "bulk" && tail === "") return { module: bulk as RouteModule, params: { userId } };
  const byTail: Record<string, unknown> = {
    "": one,
    complete,
    move,
    skip,
    "reminders/snooze": snooze,
    history,
  };
  const module = byTail[tail];
  if (!module) throw new Error(`not a tasks API path: ${pathname}`);
  return { module: module as RouteModule, params: { userId, id } };
}

/** Sends one request to the handler for `path` (e.g. `/api/u1/tasks?limit=5`). */
export async function callApi(
  method: Method,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const url = new URL(path, baseURL());
  const { module, params } = resolve(url.pathname);
  const handler = module[method];
  if (!handler) throw new Error(`${url.pathname} exports no ${method}`);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(url, { method, headers, body });
  return handler(request, { params: Promise.resolve(params) });
}

/** `/api/{userId}/tasks[/...]` with each part encoded (lone surrogates as U+FFFD, like URLs do). */
export function tasksPath(userId: string, ...rest: string[]): string {
  return ["/api", userId, "tasks", ...rest]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(wellFormed(part))))
    .join("/");
}

/** `/api/{userId}/trash[/{id}[/restore]]`, encoded like tasksPath. */
export function trashPath(userId: string, ...rest: string[]): string {
  return tasksPath(userId, ...rest).replace(/^(\/api\/[^/]+\/)tasks/, "$1trash");
}

/** `/api/{userId}/projects[/{id}]`, encoded like tasksPath. */
export function projectsPath(userId: string, ...rest: string[]): string {
  return tasksPath(userId, ...rest).replace(/^(\/api\/[^/]+\/)tasks/, "$1projects");
}

function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

/** Reads an error answer, checking it has the one error shape. */
export async function readError(response: Response): Promise<ErrorBody["error"]> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`error answer ${response.status} is not JSON: ${text.slice(0, 200)}`);
  }
  if (!isErrorBody(body)) {
    throw new Error(
      `error answer ${response.status} is not in the error shape: ${text.slice(0, 200)}`,
    );
  }
  return body.error;
}

export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null) return false;
  const keys = Object.keys(body);
  const error = (body as { error?: unknown }).error;
  if (keys.length !== 1 || typeof error !== "object" || error === null) return false;
  const e = error as Record<string, unknown>;
  const allowed = new Set(["code", "message", "details", "requestId"]);
  if (!Object.keys(e).every((k) => allowed.has(k))) return false;
  if (typeof e.code !== "string" || typeof e.message !== "string" || e.message === "") return false;
  if (e.details !== undefined) {
    if (!Array.isArray(e.details)) return false;
    for (const d of e.details) {
      if (typeof d?.path !== "string" || typeof d?.message !== "string") return false;
    }
  }
  return true;
}
