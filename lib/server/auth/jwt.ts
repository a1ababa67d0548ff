import "server-only";
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload, jwtVerify } from "jose";
import { JWT_ALG } from "./token-settings";

/**
 * The only module that calls jose. Verifies Better Auth's JWTs: signature against the
 * app's own key set (read in process, cached), an algorithm allow-list, exp/nbf, issuer and
 * audience, and a subject.
 */

/** Better Auth's JWT plugin signs with Ed25519 (token-settings.ts); nothing else is accepted. */
const ALLOWED_ALGORITHMS = [JWT_ALG];
/** An unknown `kid` refetches the key set at most this often (a flood of forged kids can't). */
export const KEY_REFRESH_INTERVAL_MS = 30_000;
/** How many verified tokens are remembered (about 0.5 KB each). */
const VERIFIED_CACHE_SIZE = 10_000;

/** A token that must be refused with 401. `reason` is for logs and tests, never for clients. */
export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
  constructor(readonly reason: string) {
    super(`Invalid token: ${reason}`);
  }
}

export interface VerifierOptions {
  /** Loads the public key set (in the app: Better Auth's `auth.api.getJwks()`). */
  loadKeys: () => Promise<JSONWebKeySet>;
  issuer: string;
  audience: string;
  refreshIntervalMs?: number;
  /** How many verified tokens to remember; 0 checks every signature (benchmarks). */
  cacheSize?: number;
  /** For tests: the clock, in ms. */
  now?: () => number;
}

interface Verified {
  userId: string;
  payload: JWTPayload;
  /** `exp` in ms: the token is refused from this moment on, as jose would. */
  expiresAt: number;
}

export interface TokenVerifier {
  (token: string): Promise<{ userId: string; payload: JWTPayload }>;
  /**
   * This process just minted a signing key: let the next unknown `kid` refresh the key set
   * at once instead of waiting out the rate limit.
   */
  expectNewKey(): void;
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  const refreshInterval = options.refreshIntervalMs ?? KEY_REFRESH_INTERVAL_MS;
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let loading: Promise<void> | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;
  /*
   * A client sends the same token with every request for its 15 minutes, so each exact token
   * string that passed every check is remembered until its `exp`: later requests skip the
   * signature check (a WebCrypto job) and the claim checks. A different string, however close,
   * is a miss and is verified in full. Oldest entries go first when full; a key-set reload
   * empties it, so a token is never accepted on a key that is no longer published.
   */
  const cacheSize = options.cacheSize ?? VERIFIED_CACHE_SIZE;
  const verified = new Map<string, Verified>();
  /** Bumped on every key-set load, so a check that raced a reload is not remembered. */
  let generation = 0;

  function remember(token: string, entry: Verified): void {
    if (cacheSize === 0) return;
    if (verified.size >= cacheSize) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    verified.set(token, entry);
  }

  function load(): Promise<void> {
    // Concurrent requests share one load.
    loading ??= options
      .loadKeys()
      .then((keys) => {
        keySet = createLocalJWKSet(keys);
        loadedAt = now();
        generation += 1;
        verified.clear();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  function verifyOnce(token: string) {
    return jwtVerify(token, keySet as NonNullable<typeof keySet>, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ["sub", "exp"],
      currentDate: new Date(now()),
    });
  }

  const verify = async (token: string) => {
    const known = verified.get(token);
    if (known) {
      if (now() < known.expiresAt) return { userId: known.userId, payload: known.payload };
      verified.delete(token); // expired: verify in full, which refuses it with the right reason
    }
    if (!keySet) await load();
    let startedAt = generation;
    let result: Awaited<ReturnType<typeof verifyOnce>>;
    try {
      result = await verifyOnce(token);
    } catch (error) {
      // A new key (rotation) shows up as an unknown kid: refresh, rate-limited, and retry once.
      if (error instanceof errors.JWKSNoMatchingKey && now() - loadedAt >= refreshInterval) {
        await load();
        startedAt = generation;
        result = await verifyOnce(token).catch((retryError: unknown) => {
          throw toInvalid(retryError);
        });
      } else {
        throw toInvalid(error);
      }
    }
    const sub = result.payload.sub;
    if (typeof sub !== "string" || sub.length === 0) throw new InvalidTokenError("missing sub");
    if (generation === startedAt) {
      // requiredClaims guarantees a numeric exp.
      remember(token, {
        userId: sub,
        payload: result.payload,
        expiresAt: Number(result.payload.exp) * 1000,
      });
    }
    return { userId: sub, payload: result.payload };
  };
  return Object.assign(verify, {
    expectNewKey: () => {
      loadedAt = Number.NEGATIVE_INFINITY;
    },
  });
}

function toInvalid(error: unknown): unknown {
  if (error instanceof errors.JOSEError) return new InvalidTokenError(error.code);
  return error; // e.g. the database is down while loading keys: not the caller's fault.
}
