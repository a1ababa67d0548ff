import "server-only";
import { z } from "zod";

/**
 * Every environment variable Doable reads, validated in one place.
 * Parsed lazily: `next build` imports route modules without runtime secrets.
 */

const flag = z
  .enum(["1", "0", "true", "false", "on", "off"])
  .transform((v) => v === "1" || v === "true" || v === "on");

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by Vercel. There the embedded database would not survive, so DATABASE_URL is required. */
  VERCEL: z.string().optional(),

  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Force a driver; otherwise it follows from DATABASE_URL (Neon hosts use neon-http). */
  DATABASE_DRIVER: z.enum(["pglite", "neon-http", "node-postgres"]).optional(),
  /**
   * neon-http only: the SQL-over-HTTP endpoint, when it is not the one Neon derives from the
   * URL's host (a local Neon proxy; the bench's tests/support/neon-http-server.ts).
   */
  NEON_HTTP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Folder for the embedded database and the generated development secret. */
  DATA_DIR: z.string().min(1).default(".data"),
  DB_POOL_MAX: positiveInt.default(10),
  DB_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
  DB_STATEMENT_TIMEOUT_MS: positiveInt.default(10_000),

  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters")
    .optional(),
  /** The app's public origin; JWT issuer and audience, and Better Auth's trusted origin. */
  BETTER_AUTH_URL: z.url().optional(),
  /** More trusted origins for Better Auth's CSRF check, comma separated. */
  TRUSTED_ORIGINS: z.string().optional(),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
  /** The limits on sign-in, sign-up and reset mails (lib/server/auth/limits.ts). Default: on in production. */
  AUTH_RATE_LIMIT: flag.optional(),
  /**
   * How many reverse proxies in front of the app append the client's address to
   * X-Forwarded-For. Unset (outside Vercel): the address is unknown, so per-address limits
   * do not apply.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).optional(),

  /**
   * SMTP for password-reset mail, e.g. smtp://user:pass@host:587. Unset: in development the
   * mail goes to the log; in production reset by e-mail is off.
   */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Doable <no-reply@doable.local>"),

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),

  /**
   * Web Push (VAPID) keys for reminders, from `npx web-push generate-vapid-keys`. Unset outside
   * production: a pair is generated into DATA_DIR. In production without them, push is off.
   */
  VAPID_PUBLIC_KEY: z.string().min(1).optional(),
  VAPID_PRIVATE_KEY: z.string().min(1).optional(),
  /** Who push services contact about this server's pushes: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, "VAPID_SUBJECT must start with mailto: or https:")
    .optional(),
  /**
   * Under `next start` and `next dev` outside Vercel, due reminders are dispatched every this
   * many seconds by a timer in the server; 0 turns the timer off (use cron and `npm run reminders`).
   */
  REMINDER_TIMER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Protects the Vercel Cron route that dispatches reminders (Vercel sends it as a Bearer token). */
  CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
});

type Env = z.infer<typeof envSchema> & {
  /** The resolved base URL (BETTER_AUTH_URL, Vercel's URL, or localhost in development). */
  baseURL: string;
  isProduction: boolean;
  authRateLimit: boolean;
  /** How password-reset mail leaves: over SMTP, into the log (development), or not at all. */
  mail: "smtp" | "log" | "disabled";
};

/** A configuration problem, reported as one sentence without a stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset: `FOO=` in an env file means "not configured".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid configuration: ${name}: ${issue?.message ?? "invalid value"}.`);
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === "production";
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    throw new ConfigError(
      "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both (npx web-push generate-vapid-keys) or neither.",
    );
  }
  if (isProduction && !env.BETTER_AUTH_SECRET) {
    throw new ConfigError(
      "BETTER_AUTH_SECRET is not set: production needs a secret of 32+ characters (generate one with `openssl rand -base64 32`).",
    );
  }
  if (env.VERCEL && !env.DATABASE_URL) {
    throw new ConfigError(
      "DATABASE_URL is not set: on Vercel the embedded database would be lost, so connect a Postgres (Neon) database.",
    );
  }
  if (isProduction && !env.VERCEL && !env.BETTER_AUTH_URL) {
    throw new ConfigError(
      "BETTER_AUTH_URL is not set: production needs the app's public origin, e.g. https://doable.example.com.",
    );
  }
  // A preview deployment is served at its own URL, not at production's.
  const vercelUrl =
    source.VERCEL_ENV === "preview"
      ? source.VERCEL_URL
      : (source.VERCEL_PROJECT_PRODUCTION_URL ?? source.VERCEL_URL);
  const baseURL = (
    env.BETTER_AUTH_URL ??
    (vercelUrl ? `https://${vercelUrl}` : `http://localhost:${source.PORT ?? "3000"}`)
  ).replace(/\/+$/, "");
  return {
    ...env,
    baseURL,
    isProduction,
    authRateLimit: env.AUTH_RATE_LIMIT ?? isProduction,
    mail: env.SMTP_URL ? "smtp" : isProduction ? "disabled" : "log",
  };
}

/**
 * The log level alone, for the logger, which starts at import: unlike getEnv() it never throws
 * (a build or a misconfigured start must still be able to log). An invalid LOG_LEVEL falls back
 * to the default here and is reported by getEnv() at start.
 */
export function logLevel(source: Record<string, string | undefined> = process.env) {
  const level = envSchema.shape.LOG_LEVEL.safeParse(source.LOG_LEVEL || undefined);
  if (level.success && level.data) return level.data;
  return source.NODE_ENV === "test" ? "silent" : "info";
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
