import "server-only";
import pino from "pino";
import { logLevel } from "@/lib/server/env";

/*
 * One JSON line per event on stdout. Secrets never belong in a log line; the redact list is
 * the safety net for objects that carry them by accident.
 */
const REDACTED_PATHS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "authorization",
  "cookie",
  "*.password",
  "*.newPassword",
  "*.token",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
];

export const logger = pino({
  level: logLevel(),
  base: { service: "doable" },
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/**
 * An error as a log field: name, message and the Postgres code, enough to debug. Never query
 * parameters: Drizzle writes them into its error message ("...\nparams: a,b"), and so into the
 * stack, and they can be session tokens or user data.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return {
    name: error.name,
    message: withoutParams(error.message),
    ...(cause
      ? {
          cause: {
            code: cause.code,
            message: typeof cause.message === "string" ? withoutParams(cause.message) : undefined,
          },
        }
      : {}),
    // Frames only: the stack's first lines repeat the message.
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 5)
      .join("\n"),
  };
}

function withoutParams(message: string): string {
  return message.split("\nparams:")[0] ?? "";
}
