import "server-only";
import { getDb } from "@/db";
import { createTokenVerifier, type TokenVerifier } from "@/lib/server/auth/jwt";
import { loadPublishedKeys } from "@/lib/server/auth/signing-keys";
import { getEnv } from "@/lib/server/env";

/*
 * The process-wide verifier. Keys are read from the jwks table in process, as Better Auth
 * publishes them (no HTTP call to our own /api/auth/jwks, and no Better Auth instance on the
 * task routes' path). Kept on globalThis so the key cache survives dev hot reloads.
 */
const holder = globalThis as typeof globalThis & { __doableVerifier?: TokenVerifier };

export function verifyToken(token: string): ReturnType<TokenVerifier> {
  holder.__doableVerifier ??= createTokenVerifier({
    loadKeys: async () => loadPublishedKeys(await getDb()),
    issuer: getEnv().baseURL,
    audience: getEnv().baseURL,
  });
  return holder.__doableVerifier(token);
}

/** Called when this process mints a signing key (see better-auth.ts). */
export function expectNewSigningKey(): void {
  holder.__doableVerifier?.expectNewKey();
}

/** Forget cached keys (tests that switch databases). */
export function resetTokenVerifier(): void {
  holder.__doableVerifier = undefined;
}
