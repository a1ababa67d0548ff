import "server-only";
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable, isPoolExhausted } from "@/db/errors";
import { describeError, logger } from "@/lib/server/logger";
import { ApiError, errorResponse } from "./errors";

interface RouteContext<P> {
  params: P;
  requestId: string;
  /** Records the verified user for the request log line. */
  setUserId(userId: string): void;
}

type NextContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, ctx: RouteContext<P>) => Promise<Response>;

const INCOMING_ID = /^[\w.-]{8,64}$/;

/** Seconds a client should wait before retrying when the database is down. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Wraps a route handler: request id, one log line per request, and the mapping of thrown
 * errors to the one error shape (ApiError as is, database outages as 503, anything else as
 * a logged 500 that reveals nothing but the request id).
 */
export function route<P = Record<string, never>>(name: string, handler: Handler<P>) {
  return async (request: Request, context: NextContext<P>): Promise<Response> => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    let userId: string | undefined;
    let response: Response;
    try {
      const params = (await context?.params) ?? ({} as P);
      response = await handler(request, { params, requestId, setUserId: (id) => (userId = id) });
    } catch (error) {
      response = errorToResponse(error, requestId, name);
    }
    response.headers.set("x-request-id", requestId);
    logger.info({
      requestId,
      method: request.method,
      route: name,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(userId ? { userId } : {}),
    });
    return response;
  };
}

export function errorToResponse(error: unknown, requestId: string, routeName: string): Response {
  if (error instanceof ApiError) {
    return errorResponse(error.code, error.message, {
      details: error.details,
      headers: error.headers,
    });
  }
  if (isPoolExhausted(error)) {
    logger.warn(
      { requestId, route: routeName, err: describeError(error) },
      "no database connection free within DB_CONNECT_TIMEOUT_MS",
    );
    return errorResponse("unavailable", "The server is busy. Please try again shortly.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
      requestId,
    });
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ requestId, route: routeName, err: describeError(error) }, "database unavailable");
    return errorResponse("unavailable", "The database is unavailable. Please try again shortly.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
      requestId,
    });
  }
  logger.error({ requestId, route: routeName, err: describeError(error) }, "unexpected error");
  return errorResponse("internal", "Something went wrong on our side.", { requestId });
}
