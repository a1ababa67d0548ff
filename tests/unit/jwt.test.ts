import {
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTokenVerifier,
  InvalidTokenError,
  KEY_REFRESH_INTERVAL_MS,
  KEY_SET_MAX_AGE_MS,
  type VerifierOptions,
} from "@/lib/server/auth/jwt";

const ISSUER = "https://doable.example";
const AUDIENCE = "https://doable.example";
const T0 = Date.UTC(2030, 0, 1);

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

async function edKey(kid: string): Promise<{ kid: string; pair: KeyPair; jwk: JWK }> {
  const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg: "EdDSA", use: "sig" };
  return { kid, pair, jwk };
}

let primary: Awaited<ReturnType<typeof edKey>>;
let rotated: Awaited<ReturnType<typeof edKey>>;
let impostor: Awaited<ReturnType<typeof edKey>>;

beforeAll(async () => {
  primary = await edKey("key-1");
  rotated = await edKey("key-2");
  impostor = await edKey("key-1"); // another key pair claiming the same kid
});

interface TokenOptions {
  kid?: string;
  key?: KeyPair["privateKey"];
  sub?: string | null;
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  nbf?: number;
  claims?: JWTPayload;
}

/** A token like Better Auth's: EdDSA, kid header, sub/iss/aud/iat/exp (15 minutes). */
function sign(options: TokenOptions = {}): Promise<string> {
  const nowSec = Math.floor(T0 / 1000);
  const jwt = new SignJWT(options.claims ?? {})
    .setProtectedHeader({ alg: "EdDSA", kid: options.kid ?? primary.kid })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt(options.iat ?? nowSec)
    .setExpirationTime(options.exp ?? nowSec + 15 * 60);
  if (options.sub !== null) jwt.setSubject(options.sub ?? "user-1");
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(options.key ?? primary.pair.privateKey);
}

/** A verifier over a key set the test controls, with its clock and a count of key loads. */
function harness(initialKeys: JWK[], overrides: Partial<VerifierOptions> = {}) {
  const state = { keys: initialKeys, loads: 0, clock: T0 };
  const verify = createTokenVerifier({
    loadKeys: async () => {
      state.loads += 1;
      return { keys: state.keys } as JSONWebKeySet;
    },
    issuer: ISSUER,
    audience: AUDIENCE,
    now: () => state.clock,
    ...overrides,
  });
  return { state, verify };
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

async function refusal(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the token to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe("createTokenVerifier", () => {
  it("accepts a valid token and returns its subject", async () => {
    const { verify } = harness([primary.jwk]);
    const result = await verify(await sign({ sub: "user-42" }));
    expect(result.userId).toBe("user-42");
    expect(result.payload.iss).toBe(ISSUER);
  });

  it("refuses an expired token", async () => {
    const { verify, state } = harness([primary.jwk]);
    const token = await sign();
    state.clock = T0 + 15 * 60 * 1000 + 1000;
    expect((await refusal(verify(token))).reason).toBe("ERR_JWT_EXPIRED");
  });

  it("refuses a token that is not yet valid (nbf in the future)", async () => {
    const { verify } = harness([primary.jwk]);
    const nbf = Math.floor(T0 / 1000) + 60;
    await refusal(verify(await sign({ nbf })));
  });

  it("refuses a wrong issuer", async () => {
    const { verify } = harness([primary.jwk]);
    await refusal(verify(await sign({ iss: "https://evil.example" })));
  });

  it("refuses a wrong audience", async () => {
    const { verify } = harness([primary.jwk]);
    await refusal(verify(await sign({ aud: "https://other.example" })));
  });

  it('refuses alg "none"', async () => {
    const { verify } = harness([primary.jwk]);
    const nowSec = Math.floor(T0 / 1000);
    const header = b64url({ alg: "none", typ: "JWT", kid: primary.kid });
    const payload = b64url({ sub: "user-1", iss: ISSUER, aud: AUDIENCE, exp: nowSec + 900 });
    await refusal(verify(`${header}.${payload}.`));
  });

  it("refuses HS256 signed with the public key as the HMAC secret", async () => {
    const { verify } = harness([primary.jwk]);
    const nowSec = Math.floor(T0 / 1000);
    const claims = { sub: "user-1", iss: ISSUER, aud: AUDIENCE, iat: nowSec, exp: nowSec + 900 };
    // Both shapes an algorithm-confusion attack would try: the JWK text and the raw key bytes.
    const secrets = [
      new TextEncoder().encode(JSON.stringify(primary.jwk)),
      Buffer.from(primary.jwk.x ?? "", "base64url"),
    ];
    for (const secret of secrets) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", kid: primary.kid })
        .sign(secret);
      await refusal(verify(token));
    }
  });

  it("refuses a token signed by another key that claims the same kid", async () => {
    const { verify } = harness([primary.jwk]);
    await refusal(verify(await sign({ key: impostor.pair.privateKey, kid: primary.kid })));
  });

  it("refuses a tampered payload", async () => {
    const { verify } = harness([primary.jwk]);
    const [header, payload, signature] = (await sign({ sub: "user-1" })).split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as JWTPayload;
    const forged = b64url({ ...claims, sub: "user-2" });
    await refusal(verify(`${header}.${forged}.${signature}`));
  });

  it("refuses a token without a subject", async () => {
    const { verify } = harness([primary.jwk]);
    await refusal(verify(await sign({ sub: null })));
    await refusal(verify(await sign({ sub: "" })));
  });

  it("refuses garbage", async () => {
    const { verify } = harness([primary.jwk]);
    await refusal(verify("not-a-token"));
    await refusal(verify("a.b.c"));
  });

  it("refreshes the key set once on an unknown kid, then accepts the rotated key", async () => {
    const { verify, state } = harness([primary.jwk]);
    await verify(await sign());
    expect(state.loads).toBe(1);

    state.keys = [primary.jwk, rotated.jwk];
    state.clock = T0 + KEY_REFRESH_INTERVAL_MS;
    const token = await sign({ key: rotated.pair.privateKey, kid: rotated.kid });
    // Concurrent requests with the new kid share the one refresh.
    const results = await Promise.all([verify(token), verify(token), verify(token)]);
    expect(results.map((r) => r.userId)).toEqual(["user-1", "user-1", "user-1"]);
    expect(state.loads).toBe(2);
    // The refreshed set is cached: old and new keys verify without another load.
    await verify(await sign());
    await verify(token);
    expect(state.loads).toBe(2);
  });

  it("refreshes at most once per 30 s, so a flood of unknown kids cannot hammer the key store", async () => {
    const { verify, state } = harness([primary.jwk]);
    await verify(await sign());
    expect(state.loads).toBe(1);

    state.keys = [primary.jwk, rotated.jwk];
    const fresh = await sign({ key: rotated.pair.privateKey, kid: rotated.kid });
    const unknown = await sign({ key: rotated.pair.privateKey, kid: "forged-kid" });

    // Within 30 s of the last load: refused, no refresh.
    state.clock = T0 + KEY_REFRESH_INTERVAL_MS - 1;
    await refusal(verify(fresh));
    for (let i = 0; i < 20; i++) await refusal(verify(unknown));
    expect(state.loads).toBe(1);

    // Once the interval has passed, one refresh, and the rotated key is accepted.
    state.clock = T0 + KEY_REFRESH_INTERVAL_MS;
    await expect(verify(fresh)).resolves.toMatchObject({ userId: "user-1" });
    expect(state.loads).toBe(2);

    // An unknown kid right after that refresh does not trigger another one.
    state.clock += 1_000;
    await refusal(verify(unknown));
    expect(state.loads).toBe(2);

    // A kid that is still unknown after a refresh is refused (one refresh, one retry).
    state.clock += KEY_REFRESH_INTERVAL_MS;
    await refusal(verify(unknown));
    expect(state.loads).toBe(3);
  });

  it("accepts a key this process just minted without waiting out the refresh limit", async () => {
    const { verify, state } = harness([primary.jwk]);
    await verify(await sign());
    state.keys = [primary.jwk, rotated.jwk];
    const fresh = await sign({ key: rotated.pair.privateKey, kid: rotated.kid });
    state.clock = T0 + 1_000;
    await refusal(verify(fresh));
    expect(state.loads).toBe(1);

    verify.expectNewKey();
    await expect(verify(fresh)).resolves.toMatchObject({ userId: "user-1" });
    expect(state.loads).toBe(2);
    // The limit applies again from that refresh on.
    const unknown = await sign({ key: rotated.pair.privateKey, kid: "forged-kid" });
    await refusal(verify(unknown));
    expect(state.loads).toBe(2);
  });

  it("does not turn a key-store failure into a 401", async () => {
    const outage = new Error("database unavailable");
    const { verify } = harness([], {
      loadKeys: () => Promise.reject(outage),
    });
    await expect(verify(await sign())).rejects.toBe(outage);
  });
});

describe("createTokenVerifier's memory of verified tokens", () => {
  // A remembered answer is the very payload object of the first check; a full check makes a new one.
  it("answers a repeated token from memory", async () => {
    const { verify, state } = harness([primary.jwk]);
    const token = await sign({ sub: "user-7" });
    const first = await verify(token);
    const again = await verify(token);
    expect(again.userId).toBe("user-7");
    expect(again.payload).toBe(first.payload);
    expect(state.loads).toBe(1);
  });

  it("answers remembered() only for a token it verified, until the token expires", async () => {
    const { verify, state } = harness([primary.jwk]);
    const token = await sign({ sub: "user-7" });
    expect(verify.remembered(token)).toBeUndefined();
    await refusal(verify(`${token}x`));
    expect(verify.remembered(`${token}x`)).toBeUndefined(); // refused tokens are not kept
    const first = await verify(token);
    expect(verify.remembered(token)).toEqual(first);
    state.clock = T0 + 15 * 60 * 1000;
    expect(verify.remembered(token)).toBeUndefined();
    expect((await refusal(verify(token))).reason).toBe("ERR_JWT_EXPIRED");
  });

  it("checks every signature when cacheSize is 0", async () => {
    const { verify } = harness([primary.jwk], { cacheSize: 0 });
    const token = await sign();
    const first = await verify(token);
    expect((await verify(token)).payload).not.toBe(first.payload);
  });

  it("still refuses a remembered token once it expires", async () => {
    const { verify, state } = harness([primary.jwk]);
    const token = await sign();
    const first = await verify(token);
    state.clock = T0 + 15 * 60 * 1000 - 1;
    expect((await verify(token)).payload).toBe(first.payload);
    state.clock = T0 + 15 * 60 * 1000;
    expect((await refusal(verify(token))).reason).toBe("ERR_JWT_EXPIRED");
  });

  it("verifies in full anything but the exact remembered string", async () => {
    const { verify } = harness([primary.jwk]);
    const token = await sign({ sub: "user-1" });
    await verify(token);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as JWTPayload;
    await refusal(verify(`${header}.${b64url({ ...claims, sub: "user-2" })}.${signature}`));
    // One character of the signature changed, far from its end (whose last character carries
    // padding bits, so changing it can leave the bytes as they were).
    const sig = signature ?? "";
    const flipped = `${sig.slice(0, 10)}${sig[10] === "A" ? "B" : "A"}${sig.slice(11)}`;
    await refusal(verify(`${header}.${payload}.${flipped}`));
  });

  it("forgets every token when the key set is reloaded", async () => {
    const { verify, state } = harness([primary.jwk]);
    const token = await sign();
    await verify(token);
    // The key is withdrawn; a token with a new kid makes the verifier reload the set.
    state.keys = [rotated.jwk];
    state.clock = T0 + KEY_REFRESH_INTERVAL_MS;
    await verify(await sign({ key: rotated.pair.privateKey, kid: rotated.kid }));
    expect(state.loads).toBe(2);
    await refusal(verify(token));
  });

  it("keeps at most cacheSize tokens, dropping the oldest", async () => {
    const { verify } = harness([primary.jwk], { cacheSize: 2 });
    const tokens = await Promise.all(["a", "b", "c"].map((sub) => sign({ sub })));
    const firsts = [];
    for (const token of tokens) firsts.push(await verify(token));
    const again = [];
    for (const token of tokens.slice().reverse()) again.unshift(await verify(token));
    expect(again[2]?.payload).toBe(firsts[2]?.payload);
    expect(again[1]?.payload).toBe(firsts[1]?.payload);
    expect(again[0]?.payload).not.toBe(firsts[0]?.payload); // "a" was dropped for "c"
  });
});

describe("createTokenVerifier's bounds (issue 11)", () => {
  const nowSec = Math.floor(T0 / 1000);

  it("refuses a genuine token whose lifetime is longer than the issued 15 minutes", async () => {
    const { verify } = harness([primary.jwk]);
    const yearLong = await sign({ exp: nowSec + 365 * 86400 });
    expect((await refusal(verify(yearLong))).reason).toBe("lifetime too long");
    const oneSecondTooLong = await sign({ exp: nowSec + 15 * 60 + 1 });
    expect((await refusal(verify(oneSecondTooLong))).reason).toBe("lifetime too long");
    await expect(verify(await sign({ exp: nowSec + 15 * 60 }))).resolves.toBeTruthy();
  });

  it("refuses a token issued longer ago than the lifetime, and one without iat", async () => {
    const { verify, state } = harness([primary.jwk]);
    state.clock = T0 + 16 * 60 * 1000;
    const old = await sign({ iat: nowSec, exp: nowSec + 20 * 60 });
    await refusal(verify(old));
    state.clock = T0;
    const claims = { sub: "user-1", iss: ISSUER, aud: AUDIENCE, exp: nowSec + 60 };
    const noIat = await new SignJWT(claims)
      .setProtectedHeader({ alg: "EdDSA", kid: primary.kid })
      .sign(primary.pair.privateKey);
    await refusal(verify(noIat));
  });

  it("stops accepting a key deleted from the store once the key set is older than its maximum age", async () => {
    const { verify, state } = harness([primary.jwk, rotated.jwk]);
    const token = await sign({ key: rotated.pair.privateKey, kid: rotated.kid });
    await verify(token);
    state.keys = [primary.jwk]; // the rotated key is deleted
    state.clock = T0 + KEY_SET_MAX_AGE_MS - 1;
    await expect(verify(token)).resolves.toMatchObject({ userId: "user-1" });
    expect(state.loads).toBe(1);
    state.clock = T0 + KEY_SET_MAX_AGE_MS;
    // This request starts the reload in the background and is answered from what was known;
    // once the reload lands, the token is refused and the remembered answer forgotten.
    await verify(token);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.loads).toBe(2);
    await refusal(verify(token));
  });

  it("keeps the old key set when a background reload fails, and tries again later", async () => {
    let failing = false;
    const keys = [primary.jwk];
    let loads = 0;
    const clock = { now: T0 };
    const verify = createTokenVerifier({
      loadKeys: async () => {
        loads += 1;
        if (failing) throw new Error("database unavailable");
        return { keys } as JSONWebKeySet;
      },
      issuer: ISSUER,
      audience: AUDIENCE,
      now: () => clock.now,
    });
    const token = await sign();
    await verify(token);
    failing = true;
    clock.now = T0 + KEY_SET_MAX_AGE_MS + 1;
    await expect(verify(token)).resolves.toMatchObject({ userId: "user-1" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loads).toBe(2);
    await expect(verify(await sign({ sub: "user-2" }))).resolves.toMatchObject({
      userId: "user-2",
    });
    // Not again within a second of the failed attempt; then again.
    expect(loads).toBe(2);
    clock.now += 1_000;
    failing = false;
    await verify(token);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loads).toBe(3);
  });

  it("looks an unknown kid up in the store (at most once a second) instead of waiting out the interval", async () => {
    const asked: string[] = [];
    const { verify, state } = harness([primary.jwk], {
      keyExists: async (kid) => {
        asked.push(kid);
        return state.keys.some((k) => k.kid === kid);
      },
    });
    await verify(await sign());
    // Another instance minted the rotated key a moment ago.
    state.keys = [primary.jwk, rotated.jwk];
    state.clock = T0 + 1_000;
    const fresh = await sign({ key: rotated.pair.privateKey, kid: rotated.kid });
    await expect(verify(fresh)).resolves.toMatchObject({ userId: "user-1" });
    expect(asked).toEqual([rotated.kid]);
    expect(state.loads).toBe(2);
    // A flood of forged kids costs at most one lookup a second, and no reload.
    const forged = await sign({ key: rotated.pair.privateKey, kid: "forged" });
    state.clock += 1_000;
    for (let i = 0; i < 20; i++) await refusal(verify(forged));
    expect(asked).toEqual([rotated.kid, "forged"]);
    expect(state.loads).toBe(2);
  });
});
