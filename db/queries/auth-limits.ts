/**
 * The auth limits' counters (lib/server/auth/limits.ts decides what they mean). Each function
 * is one statement, so a counter is updated atomically however many instances count at once.
 */
import "server-only";
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { authLimits } from "@/db/schema";

export interface Counter {
  count: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  blocks: number;
}

/**
 * Counts one event under `key` in a fixed window of `windowMs`: the window restarts (count 1)
 * when the previous one is over. Returns the counter after the event.
 */
export async function countEvent(
  db: Database,
  key: string,
  now: Date,
  windowMs: number,
): Promise<Counter> {
  const windowOver = sql`${authLimits.windowStartedAt} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(authLimits)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authLimits.key,
      set: {
        count: sql`case when ${windowOver} then 1 else ${authLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${authLimits.windowStartedAt} end`,
      },
    })
    .returning({
      count: authLimits.count,
      windowStartedAt: authLimits.windowStartedAt,
      blockedUntil: authLimits.blockedUntil,
      blocks: authLimits.blocks,
    });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/**
 * Blocks `key` until `until` if its count reached `max`, and starts a new window. A counter
 * blocks once per window however many requests pass `max` together: the first one's update
 * resets the count, and the others' WHERE no longer holds.
 */
export async function blockIfReached(
  db: Database,
  key: string,
  max: number,
  now: Date,
  until: Date,
): Promise<boolean> {
  const rows = await db
    .update(authLimits)
    .set({
      blockedUntil: until,
      blocks: sql`${authLimits.blocks} + 1`,
      count: 0,
      windowStartedAt: now,
    })
    .where(and(eq(authLimits.key, key), sql`${authLimits.count} >= ${max}`))
    .returning({ key: authLimits.key });
  return rows.length > 0;
}

/** The blocks among `keys` that still hold at `now`. */
export async function activeBlocks(
  db: Database,
  keys: string[],
  now: Date,
): Promise<{ key: string; until: Date }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ key: authLimits.key, until: authLimits.blockedUntil })
    .from(authLimits)
    .where(and(inArray(authLimits.key, keys), gt(authLimits.blockedUntil, now)));
  return rows.flatMap((row) => (row.until ? [{ key: row.key, until: row.until }] : []));
}

/** Forgets the events counted under `key` (a success after failures); blocks stay. */
export async function resetCount(db: Database, key: string): Promise<void> {
  await db.update(authLimits).set({ count: 0 }).where(eq(authLimits.key, key));
}

/** Forgets `key` entirely: its count, its block and its history of blocks. */
export async function forgetCounter(db: Database, key: string): Promise<void> {
  await db.delete(authLimits).where(eq(authLimits.key, key));
}

/** Deletes counters whose window ended before `before` and that block nothing. */
export async function purgeCounters(db: Database, before: Date): Promise<void> {
  await db
    .delete(authLimits)
    .where(
      and(
        lt(authLimits.windowStartedAt, before),
        or(isNull(authLimits.blockedUntil), lt(authLimits.blockedUntil, before)),
      ),
    );
}
