import "server-only";
import { symmetricDecrypt } from "better-auth/crypto";
import { gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "@/db";
import { jwks } from "@/db/schema";
import { logger } from "@/lib/server/logger";

/**
 * Better Auth encrypts JWT private keys with BETTER_AUTH_SECRET. After the secret changes,
 * the stored keys cannot be decrypted and every token request would fail. Retire such keys
 * (expire them now) so the JWT plugin mints a fresh one; their public halves stay published
 * for the grace period, so tokens already issued keep verifying until they expire.
 */
export async function retireUndecryptableKeys(db: Database, secret: string): Promise<number> {
  const now = new Date();
  const live = await db
    .select({ id: jwks.id, privateKey: jwks.privateKey })
    .from(jwks)
    .where(or(isNull(jwks.expiresAt), gt(jwks.expiresAt, now)));
  const unusable: string[] = [];
  for (const key of live) {
    try {
      await symmetricDecrypt({ key: secret, data: JSON.parse(key.privateKey) });
    } catch {
      unusable.push(key.id);
    }
  }
  if (unusable.length > 0) {
    await db.update(jwks).set({ expiresAt: now }).where(inArray(jwks.id, unusable));
    logger.warn(
      { retired: unusable.length },
      "JWT signing keys could not be decrypted with the current BETTER_AUTH_SECRET; rotated to a new key",
    );
  }
  return unusable.length;
}
