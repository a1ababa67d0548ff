import { getDb } from "@/db";
import { ping } from "@/db/queries/health";
import { prepareAuthRequest } from "@/lib/server/auth/auth-requests";
import { getAuth } from "@/lib/server/auth/better-auth";
import { runAfterAnswer } from "@/lib/server/http/after-answer";
import { ApiError } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

/**
 * Better Auth serves /api/auth/*; the instance is built on the first request, not at import.
 * It runs inside route() like every API route: a request id, one log line, and a database
 * outage answered 503 with Retry-After (errors that are not Better Auth's own are thrown through
 * to here, see `onAPIError` in lib/server/auth/better-auth.ts). Before Better Auth reads the
 * request, Doable caps its body and applies its limits (lib/server/auth/auth-requests.ts); a
 * reset request is answered first and handled after the answer.
 * Better Auth turns some outages into answers of its own (a failed session read is a 500, or a
 * 401 as if signed out), so those answers are checked against the database before they go out.
 */
const wrapped = route<unknown>("/api/auth/*", async (request) => {
  const prepared = await prepareAuthRequest(request);
  const handled = (async () => {
    const response = await (await getAuth()).handler(prepared.request);
    await prepared.settle(response);
    return response;
  })();
  if (prepared.answerFirst) {
    runAfterAnswer(handled);
    return prepared.answerFirst;
  }
  const response = await handled;
  const mayHideOutage =
    response.status >= 500 || (response.status === 401 && request.headers.has("cookie"));
  if (mayHideOutage) await ping(await getDb());
  // Better Auth answers an unknown path or method with an empty 404; ours is JSON.
  if (response.status === 404 && response.body === null) {
    throw new ApiError("not_found", "There is no API endpoint at this path.");
  }
  return response;
});

// Better Auth routes by URL; Next's params are not needed.
const handler = (request: Request) => wrapped(request, { params: Promise.resolve({}) });

export const GET = handler;
export const POST = handler;
export const PATCH = handler;
export const PUT = handler;
export const DELETE = handler;
