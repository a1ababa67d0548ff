import type { z } from "zod";
import { ApiError } from "./errors";
import { parseOrThrow } from "./validation";

/**
 * Validates a request's query string with `schema`. A parameter given twice is refused rather
 * than silently resolved to one of its values.
 */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(query, key)) {
      throw new ApiError("validation_failed", `${key}: give this parameter at most once`, [
        { path: key, message: "Give this parameter at most once" },
      ]);
    }
    query[key] = value;
  }
  return parseOrThrow(schema, query);
}
