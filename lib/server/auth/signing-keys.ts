import "server-only";
import type { JSONWebKeySet, JWK } from "jose";
import type { Database } from "@/db";
import { expireKeys, liveKeys, publishedKeys } from "@/db/queries/signing-keys";
import { logger } from "@/lib/server/logger";
import { JWKS_GRACE_SECONDS, JWT_ALG, JWT_CRV } from "./token-settings";

/**
 * The public key set, as Better Auth publishes it at /api/auth/jwks, read from the jwks table
 * in process: the verifier needs no HTTP call to our own server and no Better Auth instance.
 */
export async function loadPublishedKeys(db: Database, now = new Date()): Promise<JSONWebKeySet> {
  const since = new Date(now.getTime() - JWKS_GRACE_SECONDS * 1000);
  const rows = await publishedKeys(db, since);
  return {
    keys: rows.map(
      (row): JWK => ({
        alg: row.alg ?? JWT_ALG,
        crv: row.crv ?? JWT_CRV,
        ...(JSON.parse(row.publicKey) as JWK),
        kid: row.id,
      }),
    ),
  };
}

/**
 * Better Auth encrypts JWT private keys with BETTER_AUTH_SECRET. After the secret changes,
 * the stored keys cannot be decrypted and every token request would fail. Retire such keys
 * (expire them now) so the JWT plugin mints a fresh one; their public halves stay published
 * for the grace period, so tokens already issued keep verifying until they expire.
 */
export async function retireUndecryptableKeys(db: Database, secret: string): Promise<number> {
  // Loaded here, when Better Auth is built: the task routes verify tokens without it.
  const { symmetricDecrypt } = await import("better-auth/crypto");
  const now = new Date();
  const unusable: string[] = [];
  for (const key of await liveKeys(db, now)) {
    try {
      await symmetricDecrypt({ key: secret, data: JSON.parse(key.privateKey) });
    } catch {
      unusable.push(key.id);
    }
  }
  if (unusable.length > 0) {
    await expireKeys(db, unusable, now);
    logger.warn(
      { retired: unusable.length },
      "JWT signing keys could not be decrypted with the current BETTER_AUTH_SECRET; rotated to a new key",
    );
  }
  return unusable.length;
}
