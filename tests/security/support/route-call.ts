/**
 * Calls a Tasks API route handler with exactly the params an attacker could make Next hand
 * over. tests/support/tasks-api.ts routes a URL, but a URL cannot carry every id (".." and
 * "%2e%2e" segments are resolved away by URL parsing), so here the params are given as is.
 * The handlers read ids only from params; the request URL carries the query string.
 */
import * as complete from "@/app/api/[userId]/tasks/[id]/complete/route";
import * as one from "@/app/api/[userId]/tasks/[id]/route";
import * as bulk from "@/app/api/[userId]/tasks/bulk/route";
import * as collection from "@/app/api/[userId]/tasks/route";
import { baseURL } from "../../support/auth";
import type { Method } from "../../support/tasks-api";

export type RouteKind = "collection" | "one" | "complete" | "bulk";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

const MODULES: Record<RouteKind, Partial<Record<Method, Handler>>> = {
  collection: collection as Partial<Record<Method, Handler>>,
  one: one as Partial<Record<Method, Handler>>,
  complete: complete as Partial<Record<Method, Handler>>,
  bulk: bulk as Partial<Record<Method, Handler>>,
};

/** One request: which handler, its params and what it carries. */
export interface RouteTarget {
  method: Method;
  kind: RouteKind;
  userId: string;
  id?: string;
  /** The query string, with its "?". */
  query?: string;
  json?: unknown;
}

export interface RouteCallOptions {
  token?: string;
  /** Replaces `json`: sent as is. */
  body?: string;
  /** Replaces `json`: sent as a stream of these chunks, without Content-Length. */
  chunks?: string[];
  headers?: Record<string, string>;
}

/** Every route of a user's URL, aimed at one task id, each with a plausible body. */
export function everyRoute(userId: string, id: string): RouteTarget[] {
  return [
    { method: "GET", kind: "collection", userId },
    { method: "POST", kind: "collection", userId, json: { title: "planted" } },
    { method: "GET", kind: "one", userId, id },
    { method: "PUT", kind: "one", userId, id, json: { title: "overwritten" } },
    { method: "DELETE", kind: "one", userId, id },
    { method: "PATCH", kind: "complete", userId, id, json: { completed: true } },
    { method: "POST", kind: "bulk", userId, json: { action: "delete", ids: [id] } },
  ];
}

/** The routes that take a task id in the path. */
export function idRoutes(userId: string, id: string): RouteTarget[] {
  return everyRoute(userId, id).filter((t) => t.kind === "one" || t.kind === "complete");
}

export async function callRoute(
  target: RouteTarget,
  options: RouteCallOptions = {},
): Promise<Response> {
  const handler = MODULES[target.kind][target.method];
  if (!handler) throw new Error(`the ${target.kind} route exports no ${target.method}`);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.chunks) {
    const encoder = new TextEncoder();
    const chunks = options.chunks;
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
  } else if (options.body !== undefined) {
    body = options.body;
  } else if (target.json !== undefined) {
    body = JSON.stringify(target.json);
  }
  if (body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  const suffix = { collection: "", one: "/ID", complete: "/ID/complete", bulk: "/bulk" }[
    target.kind
  ];
  const url = new URL(`/api/USER/tasks${suffix}${target.query ?? ""}`, baseURL());
  const request = new Request(url, {
    method: target.method,
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  const params =
    target.id === undefined ? { userId: target.userId } : { userId: target.userId, id: target.id };
  return handler(request, { params: Promise.resolve(params) });
}
