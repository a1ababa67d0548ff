/**
 * Forged API tokens: every way an attacker could try to pass a JWT the app did not issue for
 * that user. Each forgery is built from what an attacker can actually get (the public key set,
 * their own genuine token) or, for claims checks (expired, wrong issuer...), signed with the
 * app's real key through Better Auth's server-only `auth.api.signJWT`, so that only the claim
 * under test is wrong.
 */
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";

export interface ForgeryMaterial {
  /** The user whose URL the forged token is aimed at. */
  victimId: string;
  /** A genuine token of another user (the attacker's own). */
  attackerToken: string;
  /** A genuine token of the victim, as if seen once (e.g. for stripping its signature). */
  victimToken: string;
  /** The public key set, as GET /api/auth/jwks serves it. */
  jwks: { keys: JWK[] };
  /** Issuer and audience the app expects. */
  issuer: string;
  /** Signs `payload` with the app's own current private key (Better Auth's signJWT). */
  signWithAppKey(payload: JWTPayload): Promise<string>;
}

export interface Forgery {
  name: string;
  forge(m: ForgeryMaterial): Promise<string>;
}

const now = () => Math.floor(Date.now() / 1000);
const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

/** Claims that would be accepted if only the signature were right (with the victim's session). */
function victimClaims(m: ForgeryMaterial): JWTPayload {
  const { sid } = decodeJwt(m.victimToken);
  return { sub: m.victimId, sid, iss: m.issuer, aud: m.issuer, iat: now(), exp: now() + 900 };
}

function realKey(m: ForgeryMaterial): JWK & { kid: string; x: string } {
  const key = m.jwks.keys[0];
  if (!key?.kid || !key.x) throw new Error("the key set has no Ed25519 key with a kid");
  return key as JWK & { kid: string; x: string };
}

function parts(token: string): [string, string, string] {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return [header, payload, signature];
}

/** A token with `header` and `payload` and no signature ("header.payload."). */
function unsigned(header: object, payload: JWTPayload): string {
  return `${encodeJson(header)}.${encodeJson(payload)}.`;
}

async function signHmac(
  m: ForgeryMaterial,
  alg: "HS256" | "HS512",
  secret: Uint8Array,
): Promise<string> {
  return new SignJWT(victimClaims(m))
    .setProtectedHeader({ alg, kid: realKey(m).kid, typ: "JWT" })
    .sign(secret);
}

async function signWithForeignKey(
  m: ForgeryMaterial,
  header: Record<string, unknown>,
  alg: "EdDSA" | "ES256" | "RS256" = "EdDSA",
): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const resolved = { ...header };
  if (resolved.jwk === "own") resolved.jwk = await exportJWK(publicKey);
  return new SignJWT(victimClaims(m))
    .setProtectedHeader({ ...resolved, alg } as { alg: string })
    .sign(privateKey);
}

/** Replaces a genuine token's payload, keeping its header and signature. */
function withPayload(token: string, change: (payload: JWTPayload) => JWTPayload): string {
  const [header, , signature] = parts(token);
  return `${header}.${encodeJson(change(decodeJwt(token)))}.${signature}`;
}

const text = (value: string) => new TextEncoder().encode(value);

export const FORGERIES: Forgery[] = [
  /* ----------------------------------------------------- no real signature */
  {
    name: "alg none, no signature",
    forge: async (m) => unsigned({ alg: "none", typ: "JWT" }, victimClaims(m)),
  },
  {
    name: "alg none with the real kid",
    forge: async (m) => unsigned({ alg: "none", kid: realKey(m).kid }, victimClaims(m)),
  },
  {
    name: "alg NONE (case variant)",
    forge: async (m) => unsigned({ alg: "NONE", kid: realKey(m).kid }, victimClaims(m)),
  },
  {
    name: "alg none keeping a genuine signature",
    forge: async (m) => {
      const [, , signature] = parts(m.victimToken);
      return `${unsigned({ alg: "none", kid: realKey(m).kid }, victimClaims(m))}${signature}`;
    },
  },
  {
    name: "signature stripped from the victim's genuine token (header.payload.)",
    forge: async (m) => {
      const [header, payload] = parts(m.victimToken);
      return `${header}.${payload}.`;
    },
  },
  {
    name: "signature truncated",
    forge: async (m) => m.victimToken.slice(0, -6),
  },
  {
    name: "victim's header and payload with the attacker's signature",
    forge: async (m) => {
      const [header, payload] = parts(m.victimToken);
      return `${header}.${payload}.${parts(m.attackerToken)[2]}`;
    },
  },
  /* ------------------------------------------------- algorithm confusion */
  {
    name: "HS256 keyed with the public key's raw bytes (x)",
    forge: (m) => signHmac(m, "HS256", base64url.decode(realKey(m).x)),
  },
  {
    name: "HS256 keyed with the public key's x as text",
    forge: (m) => signHmac(m, "HS256", text(realKey(m).x)),
  },
  {
    name: "HS256 keyed with the public JWK as JSON",
    forge: (m) => signHmac(m, "HS256", text(JSON.stringify(realKey(m)))),
  },
  {
    name: "HS256 keyed with the whole JWKS document",
    forge: (m) => signHmac(m, "HS256", text(JSON.stringify(m.jwks))),
  },
  {
    name: "HS512 keyed with the public key's raw bytes",
    forge: (m) => signHmac(m, "HS512", base64url.decode(realKey(m).x)),
  },
  /* ------------------------------------------------------- foreign keys */
  {
    name: "foreign Ed25519 key with the real kid",
    forge: (m) => signWithForeignKey(m, { kid: realKey(m).kid }),
  },
  {
    name: "foreign Ed25519 key with an unknown kid",
    forge: (m) => signWithForeignKey(m, { kid: "attacker-key-1" }),
  },
  {
    name: "foreign Ed25519 key without a kid",
    forge: (m) => signWithForeignKey(m, {}),
  },
  {
    name: "foreign key embedded in the header (jwk) with the real kid",
    forge: (m) => signWithForeignKey(m, { kid: realKey(m).kid, jwk: "own" }),
  },
  {
    name: "foreign key announced by URL (jku) with the real kid",
    forge: (m) =>
      signWithForeignKey(m, { kid: realKey(m).kid, jku: "https://evil.example/jwks.json" }),
  },
  {
    name: "foreign ES256 key with the real kid",
    forge: (m) => signWithForeignKey(m, { kid: realKey(m).kid }, "ES256"),
  },
  {
    name: "foreign RS256 key with the real kid",
    forge: (m) => signWithForeignKey(m, { kid: realKey(m).kid }, "RS256"),
  },
  {
    name: "kid with path traversal and SQL",
    forge: (m) => signWithForeignKey(m, { kid: "../../jwks/1' or '1'='1" }),
  },
  /* ------------------------------------- genuine signature, changed claims */
  {
    name: "attacker's token with sub changed to the victim (original signature)",
    forge: async (m) => withPayload(m.attackerToken, (p) => ({ ...p, sub: m.victimId })),
  },
  {
    name: "victim's token with exp pushed a year ahead (original signature)",
    forge: async (m) =>
      withPayload(m.victimToken, (p) => ({ ...p, exp: (p.exp ?? now()) + 365 * 86400 })),
  },
  {
    name: "attacker's header with the victim's payload",
    forge: async (m) => {
      const [, payload, signature] = parts(m.victimToken);
      const header = { ...decodeProtectedHeader(m.attackerToken), typ: "at+jwt" };
      return `${encodeJson(header)}.${payload}.${signature}`;
    },
  },
  /* ------------------------------ signed with the app's key, bad claims */
  {
    name: "expired a minute ago (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), iat: now() - 960, exp: now() - 60 }),
  },
  {
    name: "expired a few seconds ago (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), iat: now() - 905, exp: now() - 5 }),
  },
  {
    name: "not valid yet: nbf in an hour (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), nbf: now() + 3600 }),
  },
  {
    name: "wrong issuer (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), iss: "https://evil.example" }),
  },
  {
    name: "issuer with a trailing slash (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), iss: `${m.issuer}/` }),
  },
  {
    name: "wrong audience (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), aud: "https://evil.example" }),
  },
  {
    name: "audience list without the app (app key)",
    forge: (m) =>
      m.signWithAppKey({ ...victimClaims(m), aud: ["https://evil.example", "other-api"] }),
  },
  {
    name: "valid for a year from now, longer than the issued lifetime (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), exp: now() + 365 * 86400 }),
  },
  {
    name: "issued an hour ago, exp still ahead (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), iat: now() - 3600 }),
  },
  {
    name: "no session id (app key)",
    forge: (m) => {
      const { sid: _omitted, ...claims } = victimClaims(m);
      return m.signWithAppKey(claims);
    },
  },
  {
    name: "the attacker's own session id with the victim's sub (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), sid: decodeJwt(m.attackerToken).sid }),
  },
  {
    name: "a made-up session id (app key)",
    forge: (m) => m.signWithAppKey({ ...victimClaims(m), sid: "not-a-session" }),
  },
  {
    name: "no subject (app key)",
    forge: (m) => {
      const { sub: _omitted, ...claims } = victimClaims(m);
      return m.signWithAppKey(claims);
    },
  },
  /* ------------------------------------------------------------ garbage */
  { name: "garbage word", forge: async () => "garbage" },
  { name: "three dots", forge: async () => "a.b.c" },
  { name: "empty parts", forge: async () => ".." },
  { name: "non-JSON header and payload", forge: async () => "eyJ.eyJ.eyJ" },
  {
    name: "JWE-shaped five-part token",
    forge: async (m) => `${m.victimToken}.${parts(m.victimToken)[2]}.x`,
  },
  {
    name: "10,000-character token",
    forge: async () => `${"A".repeat(4000)}.${"B".repeat(4000)}.${"C".repeat(1998)}`,
  },
  {
    name: "payload is a JSON array",
    forge: async (m) => {
      const [header, , signature] = parts(m.victimToken);
      return `${header}.${encodeJson([m.victimId])}.${signature}`;
    },
  },
];

/**
 * Authorization headers that must not pass even when they carry a genuine token: only
 * `Bearer <jwt>` is accepted.
 */
export function authorizationVariants(token: string): { name: string; value: string | null }[] {
  return [
    { name: "no Authorization header", value: null },
    { name: "empty Authorization header", value: "" },
    { name: "Bearer without a token", value: "Bearer" },
    { name: "Bearer and a space", value: "Bearer " },
    { name: "bare token without a scheme", value: token },
    { name: "Basic scheme with the token", value: `Basic ${token}` },
    { name: "Token scheme", value: `Token ${token}` },
    { name: "Basic credentials", value: `Basic ${btoa("user@example.com:password")}` },
    { name: "two tokens", value: `Bearer ${token}, Bearer ${token}` },
    { name: "token followed by junk", value: `Bearer ${token} junk` },
    { name: "token with a quote appended", value: `Bearer ${token}'` },
    { name: "token with a character appended to the signature", value: `Bearer ${token}x` },
  ];
}
