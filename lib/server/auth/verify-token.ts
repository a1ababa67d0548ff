import "server-only";
import { getDb } from "@/db";
import { sessionIsLive } from "@/db/queries/sessions";
import { keyExists } from "@/db/queries/signing-keys";
import { authClock } from "@/lib/server/auth/clock";
import { createTokenVerifier, InvalidTokenError, type TokenVerifier } from "@/lib/server/auth/jwt";
import { createSessionCheck, type SessionCheck } from "@/lib/server/auth/session-check";
import { loadPublishedKeys } from "@/lib/server/auth/signing-keys";
import { getEnv } from "@/lib/server/env";

/*
 * The process-wide verifier and session check. Keys are read from the jwks table in process,
 * as Better Auth publishes them (no HTTP call to our own /api/auth/jwks, and no Better Auth
 * instance on the task routes' path). Kept on globalThis so the caches survive dev hot reloads.
 */
const holder = globalThis as typeof globalThis & {
  __doableVerifier?: TokenVerifier;
  __doableSessionCheck?: SessionCheck;
};

function verifier(): TokenVerifier {
  holder.__doableVerifier ??= createTokenVerifier({
    loadKeys: async () => loadPublishedKeys(await getDb()),
    keyExists: async (kid) => keyExists(await getDb(), kid),
    issuer: getEnv().baseURL,
    audience: getEnv().baseURL,
    now: () => authClock.now(),
  });
  return holder.__doableVerifier;
}

function sessionCheck(): SessionCheck {
  holder.__doableSessionCheck ??= createSessionCheck({
    isLive: async (sessionId, userId) =>
      sessionIsLive(await getDb(), sessionId, userId, new Date(authClock.now())),
    now: () => authClock.now(),
  });
  return holder.__doableSessionCheck;
}

/**
 * A token that is genuine (jwt.ts) and whose session is still live (session-check.ts), or a
 * thrown InvalidTokenError. Tokens carry their session's id as `sid`.
 */
export async function verifyToken(token: string): ReturnType<TokenVerifier> {
  const verified = await verifier()(token);
  const sid = verified.payload.sid;
  if (typeof sid !== "string" || sid.length === 0) throw new InvalidTokenError("missing sid");
  if (!(await sessionCheck()(sid, verified.userId))) throw new InvalidTokenError("session ended");
  return verified;
}

/**
 * What verifyToken() would answer, when this process verified the token before and its
 * session's live answer is still fresh; undefined otherwise (then call verifyToken(), which
 * also refuses what is known to be refused). Synchronous: a task request with a token seen
 * before costs no promise here (issue 15's profile: each one is work for AsyncLocalStorage).
 */
export function rememberedToken(token: string): Awaited<ReturnType<TokenVerifier>> | undefined {
  const verified = verifier().remembered(token);
  const sid = verified?.payload.sid;
  if (!verified || typeof sid !== "string" || sid.length === 0) return undefined;
  return sessionCheck().remembered(sid, verified.userId) === true ? verified : undefined;
}

/** Called when this process mints a signing key (see better-auth.ts). */
export function expectNewSigningKey(): void {
  holder.__doableVerifier?.expectNewKey();
}

/** Called when this process ends sessions (sign-out, reset, deletion): ask again at once. */
export function forgetSessionChecks(): void {
  holder.__doableSessionCheck?.forgetAll();
}

/** Forget cached keys and sessions (tests that switch databases). */
export function resetTokenVerifier(): void {
  holder.__doableVerifier = undefined;
  holder.__doableSessionCheck = undefined;
}
