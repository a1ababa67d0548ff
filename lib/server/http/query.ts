import "server-only";
import type { z } from "zod";
import { ApiError, type ErrorDetail } from "./errors";
import { parseOrThrow } from "./validation";

/**
 * Validates a request's query string with an object schema. Unknown parameters and parameters
 * given twice are refused (400, each named in `details`) rather than ignored or resolved to
 * one of their values.
 */
export function readQuery<S extends z.ZodObject>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const known = new Set(Object.keys(schema.shape));
  const query: Record<string, string> = {};
  const problems: ErrorDetail[] = [];
  for (const [key, value] of params) {
    if (!known.has(key)) {
      problems.push({ path: key, message: `Unknown parameter: ${key}` });
    } else if (Object.hasOwn(query, key)) {
      problems.push({ path: key, message: `Give ${key} at most once` });
    }
    query[key] = value;
  }
  const first = problems[0];
  if (first) throw new ApiError("validation_failed", first.message, problems);
  return parseOrThrow(schema, query);
}
