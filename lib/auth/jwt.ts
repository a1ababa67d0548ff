import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload, jwtVerify } from "jose";

/**
 * The only module that imports jose. Verifies Better Auth's JWTs: signature against the
 * app's own key set (read in process, cached), an algorithm allow-list, exp/nbf, issuer and
 * audience, and a subject.
 */

/** Better Auth's JWT plugin signs with Ed25519 (see lib/auth.ts); nothing else is accepted. */
export const ALLOWED_ALGORITHMS = ["EdDSA"];
/** An unknown `kid` refetches the key set at most this often (a flood of forged kids can't). */
export const KEY_REFRESH_INTERVAL_MS = 30_000;

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
  /** For tests: the clock, in ms. */
  now?: () => number;
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

  function load(): Promise<void> {
    // Concurrent requests share one load.
    loading ??= options
      .loadKeys()
      .then((keys) => {
        keySet = createLocalJWKSet(keys);
        loadedAt = now();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  async function verifyOnce(token: string) {
    if (!keySet) await load();
    return jwtVerify(token, keySet as NonNullable<typeof keySet>, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ["sub", "exp"],
      currentDate: new Date(now()),
    });
  }

  const verify = async (token: string) => {
    let result: Awaited<ReturnType<typeof verifyOnce>>;
    try {
      result = await verifyOnce(token);
    } catch (error) {
      // A new key (rotation) shows up as an unknown kid: refresh, rate-limited, and retry once.
      if (error instanceof errors.JWKSNoMatchingKey && now() - loadedAt >= refreshInterval) {
        await load();
        result = await verifyOnce(token).catch((retryError: unknown) => {
          throw toInvalid(retryError);
        });
      } else {
        throw toInvalid(error);
      }
    }
    const sub = result.payload.sub;
    if (typeof sub !== "string" || sub.length === 0) throw new InvalidTokenError("missing sub");
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
