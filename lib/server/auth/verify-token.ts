import "server-only";
import { getAuth } from "@/lib/server/auth/better-auth";
import { createTokenVerifier, type TokenVerifier } from "@/lib/server/auth/jwt";
import { getEnv } from "@/lib/server/env";

/*
 * The process-wide verifier. Keys come from Better Auth in process (no HTTP call to our own
 * /api/auth/jwks). Kept on globalThis so the key cache survives dev hot reloads.
 */
const holder = globalThis as typeof globalThis & { __doableVerifier?: TokenVerifier };

export function verifyToken(token: string): ReturnType<TokenVerifier> {
  holder.__doableVerifier ??= createTokenVerifier({
    loadKeys: async () => (await getAuth()).api.getJwks(),
    issuer: getEnv().baseURL,
    audience: getEnv().baseURL,
  });
  return holder.__doableVerifier(token);
}

/** Called when this process mints a signing key (see lib/auth.ts). */
export function expectNewSigningKey(): void {
  holder.__doableVerifier?.expectNewKey();
}

/** Forget cached keys (tests that switch databases). */
export function resetTokenVerifier(): void {
  holder.__doableVerifier = undefined;
}
