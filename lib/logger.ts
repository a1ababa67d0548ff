import pino from "pino";

/*
 * One JSON line per event on stdout. Secrets never belong in a log line; the redact list is
 * the safety net for objects that carry them by accident.
 */
export const REDACTED_PATHS = [
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

function defaultLevel(): pino.LevelWithSilent {
  const configured = process.env.LOG_LEVEL as pino.LevelWithSilent | undefined;
  if (configured) return configured;
  return process.env.NODE_ENV === "test" ? "silent" : "info";
}

export const logger = pino({
  level: defaultLevel(),
  base: { service: "doable" },
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
