import "server-only";
import { ApiError } from "./errors";
import { route } from "./route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type MethodHandlers = Record<HttpMethod, ReturnType<typeof route<unknown>>>;

/*
 * One convention for the methods a path does not serve: each helper answers every method in the
 * one error shape (Next's own 404 is an HTML page and its 405 an empty body), and a route module
 * exports, by destructuring, the handlers for the methods it does not implement itself:
 *
 *   export const { PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks", ["GET", "POST"]);
 */

/** 405 with `Allow` for the methods not in `allowed`. */
export function unsupportedMethods(path: string, allowed: readonly HttpMethod[]): MethodHandlers {
  const allow = allowed.join(", ");
  const handler = route<unknown>(path, async (request) => {
    throw new ApiError(
      "method_not_allowed",
      `${request.method} is not supported here. Use ${allow}.`,
      undefined,
      { Allow: allow },
    );
  });
  return everyMethod(handler);
}

/** 404 for every method, for /api paths no route serves. */
export function unknownPath(): MethodHandlers {
  const handler = route<unknown>("unknown /api path", async () => {
    throw new ApiError("not_found", "There is no API endpoint at this path.");
  });
  return everyMethod(handler);
}

function everyMethod(handler: MethodHandlers[HttpMethod]): MethodHandlers {
  return Object.fromEntries(HTTP_METHODS.map((method) => [method, handler])) as MethodHandlers;
}
