import "server-only";
import { ApiError } from "./errors";
import { route } from "./route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * The handler a route module exports for the methods it does not support, so they are answered
 * 405 in the one error shape with `Allow` (Next's own 405 has an empty body).
 */
export function methodNotAllowed(routeName: string, allowed: readonly HttpMethod[]) {
  const allow = allowed.join(", ");
  return route<unknown>(routeName, async (request) => {
    throw new ApiError(
      "method_not_allowed",
      `${request.method} is not supported here. Use ${allow}.`,
      undefined,
      { Allow: allow },
    );
  });
}
