/**
 * Better Auth's JWT signing keys (the jwks table). Better Auth's JWT plugin creates them and
 * signs with them; these are the reads and writes Doable makes itself.
 */
import "server-only";
import { eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "@/db";
import { jwks } from "@/db/schema";

/** Keys not expired at `moment` (never expiring, or expiring after it). */
const unexpiredAt = (moment: Date) => or(isNull(jwks.expiresAt), gt(jwks.expiresAt, moment));

/** The keys that may still sign, with their encrypted private halves. */
export function liveKeys(db: Database, now: Date): Promise<{ id: string; privateKey: string }[]> {
  return db.select({ id: jwks.id, privateKey: jwks.privateKey }).from(jwks).where(unexpiredAt(now));
}

interface PublicKeyRow {
  id: string;
  publicKey: string;
  alg: string | null;
  crv: string | null;
}

/** The public halves of keys not expired before `since` (now minus the grace period). */
export function publishedKeys(db: Database, since: Date): Promise<PublicKeyRow[]> {
  return db
    .select({ id: jwks.id, publicKey: jwks.publicKey, alg: jwks.alg, crv: jwks.crv })
    .from(jwks)
    .where(unexpiredAt(since));
}

/** Expires the keys now: Better Auth then signs with a fresh key. */
export async function expireKeys(db: Database, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(jwks).set({ expiresAt: now }).where(inArray(jwks.id, ids));
}

/** Whether a key with this id is stored (published or not). */
export async function keyExists(db: Database, id: string): Promise<boolean> {
  const rows = await db.select({ id: jwks.id }).from(jwks).where(eq(jwks.id, id)).limit(1);
  return rows.length > 0;
}
