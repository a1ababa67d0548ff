import "server-only";
import bcrypt from "bcryptjs";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { type Jwk, jwt } from "better-auth/plugins";
import { getDbHandle } from "@/db";
import * as schema from "@/db/schema";
import { authLimits } from "@/lib/server/auth/limits";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { retireUndecryptableKeys } from "@/lib/server/auth/signing-keys";
import {
  JWKS_GRACE_SECONDS,
  JWT_ALG,
  JWT_CRV,
  JWT_TTL_SECONDS,
} from "@/lib/server/auth/token-settings";
import { expectNewSigningKey } from "@/lib/server/auth/verify-token";
import { getEnv } from "@/lib/server/env";
import { runAfterAnswer } from "@/lib/server/http/after-answer";
import { describeError, logger } from "@/lib/server/logger";
import { sendPasswordResetMail } from "@/lib/server/mailer";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/auth";

function createAuth(db: Parameters<typeof drizzleAdapter>[0], secret: string) {
  const env = getEnv();
  const trustedOrigins = [
    env.baseURL,
    ...(env.TRUSTED_ORIGINS?.split(",")
      .map((o) => o.trim())
      .filter(Boolean) ?? []),
  ];
  return betterAuth({
    appName: "Doable",
    baseURL: env.baseURL,
    secret,
    trustedOrigins,
    telemetry: { enabled: false },
    // Better Auth's own messages go through pino: one JSON log format, silent under tests.
    // Errors are described without their query parameters (a failed session read would
    // otherwise log the session token).
    logger: {
      log: (level, message, ...args) =>
        logger[level](
          {
            source: "better-auth",
            ...(args.length
              ? { args: args.map((a) => (a instanceof Error ? describeError(a) : a)) }
              : {}),
          },
          message,
        ),
    },
    // Errors that are not Better Auth's own (a database outage) reach the route handler, which
    // answers them like every API route, instead of a bare 500 and a console dump of the query.
    onAPIError: { throw: true },
    // neon-http has no interactive transactions; each Better Auth write is one statement.
    database: drizzleAdapter(db, { provider: "pg", schema, transaction: false }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      // bcrypt ignores bytes past 72: a longer password would only look stronger. Better Auth
      // counts characters, so hash() below also refuses more than 72 bytes (e.g. 40 × "é").
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: (password) => {
          if (Buffer.byteLength(password) > PASSWORD_MAX) {
            throw new APIError("BAD_REQUEST", {
              code: "PASSWORD_TOO_LONG",
              message: `Password must be at most ${PASSWORD_MAX} bytes`,
            });
          }
          return bcrypt.hash(password, env.BCRYPT_COST);
        },
        verify: ({ hash, password }) => bcrypt.compare(password, hash),
      },
      // Reset requests are answered before this runs (auth-requests.ts), so an existing address
      // answers like an unknown one; an SMTP failure is logged, never a 500 for one of them.
      sendResetPassword: ({ user, url }) => sendPasswordResetMail(user.email, user.name, url),
      // A completed reset proves the owner: it lifts the account's sign-in lock-out.
      onPasswordReset: ({ user }) => authLimits.afterPasswordReset(user.email),
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      // Sliding renewal: a session used within a day of its last refresh is extended.
      updateAge: 60 * 60 * 24,
    },
    user: {
      deleteUser: { enabled: true },
      // Doable's own columns on the user (db/schema.ts), checked in auth-requests.ts.
      additionalFields: {
        timeZone: { type: "string", required: false, defaultValue: "UTC", input: true },
        emailReminders: { type: "boolean", required: false, defaultValue: false, input: true },
      },
    },
    // Better Auth's limiter counts per X-Forwarded-For value, which a client can set; ours
    // (lib/server/auth/limits.ts, applied in the route) counts by what it protects.
    rateLimit: { enabled: false },
    advanced: {
      // Origin (CSRF) checks everywhere: Better Auth's default skips them under NODE_ENV=test,
      // which would let the test suite pass with the protection silently off.
      disableOriginCheck: false,
      // Secure cookies wherever the app is served over https (always on Vercel).
      useSecureCookies: env.baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      backgroundTasks: { handler: runAfterAnswer },
      // A session and its user in one joined statement (relations in db/auth-schema.ts).
      database: { joins: true },
    },
    plugins: [
      jwt({
        jwks: {
          keyPairConfig: { alg: JWT_ALG, crv: JWT_CRV },
          gracePeriod: JWKS_GRACE_SECONDS,
        },
        jwt: {
          expirationTime: `${JWT_TTL_SECONDS}s`,
          issuer: env.baseURL,
          audience: env.baseURL,
          // The API needs `sub` (the user id, set by the plugin) and the session's id, so a
          // token ends with its session (session-check.ts): no name, e-mail or image.
          definePayload: ({ session }) => ({ sid: session.id }),
        },
        // Tokens are fetched from /api/auth/token when needed, not signed on every session read.
        disableSettingJwtHeader: true,
        adapter: {
          // The default insert, plus a word to our verifier: tokens signed with the new key
          // must verify at once, not after the unknown-kid refresh limit.
          createJwk: async (data, ctx) => {
            const key = await ctx.context.adapter.create<Jwk>({
              model: "jwks",
              data: { ...data, createdAt: new Date() },
            });
            expectNewSigningKey();
            return key;
          },
        },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/*
 * Built on first use, after the database is open (never at import: `next build` imports
 * route modules). Kept on globalThis so dev hot reloads reuse it.
 */
const holder = globalThis as typeof globalThis & { __doableAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  if (!holder.__doableAuth) {
    const building = (async () => {
      const { db } = await getDbHandle();
      const secret = getAuthSecret();
      await retireUndecryptableKeys(db, secret);
      return createAuth(db as Parameters<typeof drizzleAdapter>[0], secret);
    })();
    holder.__doableAuth = building;
    building.catch(() => {
      if (holder.__doableAuth === building) holder.__doableAuth = undefined;
    });
  }
  return holder.__doableAuth;
}

/** Forget the instance (tests that switch databases or settings). */
export function resetAuth(): void {
  holder.__doableAuth = undefined;
}
