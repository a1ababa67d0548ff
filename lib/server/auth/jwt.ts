import "server-only";
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from "jose";
import { JWT_ALG, JWT_TTL_SECONDS } from "./token-settings";

/**
 * The only module that calls jose. Verifies Better Auth's JWTs: signature against the app's
 * own key set (read in process, cached, reloaded at a maximum age), an algorithm allow-list,
 * exp/nbf/iat, a lifetime no longer than the issuer gives, issuer and audience, and a subject.
 */

/** Better Auth's JWT plugin signs with Ed25519 (token-settings.ts); nothing else is accepted. */
const ALLOWED_ALGORITHMS = [JWT_ALG];
/** An unknown `kid` refetches the key set at most this often (a flood of forged kids can't). */
export const KEY_REFRESH_INTERVAL_MS = 30_000;
/**
 * The key set is reloaded in the background once it is this old, so a key deleted from the
 * jwks table stops verifying within this bound (plus one reload).
 */
export const KEY_SET_MAX_AGE_MS = 5 * 60_000;
/** Within the refresh interval, an unknown kid may be looked up in the key store this often. */
const KEY_PROBE_INTERVAL_MS = 1_000;
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
  /** Loads the public key set (in the app: the jwks table, as Better Auth publishes it). */
  loadKeys: () => Promise<JSONWebKeySet>;
  /**
   * Whether the key store holds this kid now. Lets a key minted by another instance verify
   * at once, instead of after the refresh interval; asked at most once a second.
   */
  keyExists?: (kid: string) => Promise<boolean>;
  issuer: string;
  audience: string;
  /** The issued lifetime: tokens older than this, or valid for longer, are refused. */
  maxLifetimeSeconds?: number;
  refreshIntervalMs?: number;
  keySetMaxAgeMs?: number;
  /** How many verified tokens to remember; 0 checks every signature (benchmarks). */
  cacheSize?: number;
  /** For tests: the clock, in ms. */
  now?: () => number;
}

interface Verified {
  userId: string;
  payload: JWTPayload;
  /** When the token is refused from: its exp, and never later than iat + the lifetime. */
  expiresAt: number;
}

export interface TokenVerifier {
  (token: string): Promise<{ userId: string; payload: JWTPayload }>;
  /**
   * The answer for this exact token string if it passed every check before and has not
   * expired; else undefined (then call the verifier). Synchronous: no promise, no key load.
   */
  remembered(token: string): { userId: string; payload: JWTPayload } | undefined;
  /**
   * This process just minted a signing key: let the next unknown `kid` refresh the key set
   * at once instead of waiting out the rate limit.
   */
  expectNewKey(): void;
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  const refreshInterval = options.refreshIntervalMs ?? KEY_REFRESH_INTERVAL_MS;
  const keySetMaxAge = options.keySetMaxAgeMs ?? KEY_SET_MAX_AGE_MS;
  const maxLifetime = options.maxLifetimeSeconds ?? JWT_TTL_SECONDS;
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let keysJson = "";
  let loading: Promise<void> | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let lastLoadAttempt = Number.NEGATIVE_INFINITY;
  let lastProbe = Number.NEGATIVE_INFINITY;
  /*
   * A client sends the same token with every request for its 15 minutes, so each exact token
   * string that passed every check is remembered until it expires: later requests skip the
   * signature check (a WebCrypto job) and the claim checks. A different string, however close,
   * is a miss and is verified in full. Oldest entries go first when full; a key-set reload that
   * changes the set empties it, so a token is never accepted on a key no longer published.
   */
  const cacheSize = options.cacheSize ?? VERIFIED_CACHE_SIZE;
  const verified = new Map<string, Verified>();
  /** Bumped whenever the key set changes, so a check that raced the change is not remembered. */
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
    lastLoadAttempt = now();
    // Concurrent requests share one load.
    loading ??= options
      .loadKeys()
      .then((keys) => {
        loadedAt = now();
        const json = JSON.stringify(keys);
        if (json === keysJson && keySet) return;
        keySet = createLocalJWKSet(keys);
        keysJson = json;
        generation += 1;
        verified.clear();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  /** An old key set is reloaded without making anyone wait; on failure the old one stays. */
  function reloadIfOld(): void {
    const at = now();
    if (at - loadedAt < keySetMaxAge || at - lastLoadAttempt < KEY_PROBE_INTERVAL_MS) return;
    void load().catch(() => {});
  }

  function verifyOnce(token: string) {
    return jwtVerify(token, keySet as NonNullable<typeof keySet>, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ["sub", "exp", "iat"],
      maxTokenAge: maxLifetime,
      currentDate: new Date(now()),
    });
  }

  /** May an unknown kid reload the key set now? After the interval, or if the store has it. */
  async function mayReloadFor(token: string): Promise<boolean> {
    if (now() - loadedAt >= refreshInterval) return true;
    if (!options.keyExists || now() - lastProbe < KEY_PROBE_INTERVAL_MS) return false;
    lastProbe = now();
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === "string" && kid.length <= 200 && (await options.keyExists(kid));
  }

  const remembered = (token: string) => {
    if (keySet) reloadIfOld();
    const known = verified.get(token);
    if (!known) return undefined;
    if (now() < known.expiresAt) return { userId: known.userId, payload: known.payload };
    verified.delete(token); // expired: verify in full, which refuses it with the right reason
    return undefined;
  };

  const verify = async (token: string) => {
    const known = remembered(token);
    if (known) return known;
    if (!keySet) await load();
    let startedAt = generation;
    let result: Awaited<ReturnType<typeof verifyOnce>>;
    try {
      result = await verifyOnce(token);
    } catch (error) {
      // A new key (rotation) shows up as an unknown kid: reload, rate-limited, and retry once
      // (at once if a reload already changed the set meanwhile).
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw toInvalid(error);
      if (generation === startedAt) {
        if (!(await mayReloadFor(token))) throw toInvalid(error);
        await load();
      }
      startedAt = generation;
      result = await verifyOnce(token).catch((retryError: unknown) => {
        throw toInvalid(retryError);
      });
    }
    const { sub, exp, iat } = result.payload;
    if (typeof sub !== "string" || sub.length === 0) throw new InvalidTokenError("missing sub");
    // requiredClaims guarantees numeric exp and iat; the issuer never gives more than this.
    const lifetime = Number(exp) - Number(iat);
    if (lifetime > maxLifetime) throw new InvalidTokenError("lifetime too long");
    if (generation === startedAt) {
      remember(token, {
        userId: sub,
        payload: result.payload,
        expiresAt: Math.min(Number(exp), Number(iat) + maxLifetime) * 1000,
      });
    }
    return { userId: sub, payload: result.payload };
  };
  return Object.assign(verify, {
    remembered,
    expectNewKey: () => {
      loadedAt = Number.NEGATIVE_INFINITY;
    },
  });
}

function toInvalid(error: unknown): unknown {
  if (error instanceof errors.JOSEError) return new InvalidTokenError(error.code);
  return error; // e.g. the database is down while loading keys: not the caller's fault.
}
