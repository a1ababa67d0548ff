import "server-only";
import { ApiError } from "./errors";
import { route } from "./route";

/**
 * Answers every method with 404 in the one error shape, for /api paths no route serves
 * (Next's own 404 would be an HTML page).
 */
export function notFoundRoute() {
  const handler = route<unknown>("unknown /api path", async () => {
    throw new ApiError("not_found", "There is no API endpoint at this path.");
  });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
