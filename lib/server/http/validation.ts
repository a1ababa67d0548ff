import "server-only";
import type { z } from "zod";
import { ApiError, type ErrorDetail } from "./errors";

/** zod issues as the error shape's `details`: a dotted path and a human message each. */
function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** Validates or throws a 400 whose message names the first problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = zodDetails(result.error);
  const first = details[0];
  const message = first
    ? first.path === "(root)"
      ? first.message
      : `${first.path}: ${first.message}`
    : "Invalid input.";
  throw new ApiError("validation_failed", message, details);
}
