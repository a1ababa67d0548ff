/**
 * The API tokens' settings, shared by the issuer (Better Auth's JWT plugin, better-auth.ts), the
 * published key set (signing-keys.ts) and the verifier (jwt.ts), so they cannot disagree.
 */
import "server-only";

/** API tokens live 15 minutes; the browser renews them before they expire. */
export const JWT_TTL_SECONDS = 15 * 60;
/** Ed25519 signatures; the verifier accepts nothing else. */
export const JWT_ALG = "EdDSA";
export const JWT_CRV = "Ed25519";
/**
 * How long a retired key's public half stays published, so tokens it signed keep verifying
 * until they expire: their lifetime and a margin for clocks, not Better Auth's default of 30
 * days. Better Auth's JWKS endpoint and our verifier use the same value.
 */
export const JWKS_GRACE_SECONDS = JWT_TTL_SECONDS + 5 * 60;
