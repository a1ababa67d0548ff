/** The browsers subscribed to a user's push reminders. Every statement names the user. */
import "server-only";
import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type PushSubscriptionRow, pushSubscriptions } from "@/db/schema";
import { PUSH_DEVICES_MAX } from "@/lib/tasks/model";

export interface NewSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  label: string;
}

/**
 * Subscribes this browser for the user. An endpoint is one browser profile: subscribed again
 * (by whoever is signed in there now) it moves to that user with its new keys. Beyond
 * PUSH_DEVICES_MAX, the user's least recently used device goes.
 */
export async function saveSubscription(
  db: Database,
  userId: string,
  subscription: NewSubscription,
): Promise<PushSubscriptionRow> {
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ ...subscription, userId })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
        label: subscription.label,
        createdAt: sql`now()`,
        lastUsedAt: null,
      },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  const keep = db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(sql`coalesce(${pushSubscriptions.lastUsedAt}, ${pushSubscriptions.createdAt})`))
    .limit(PUSH_DEVICES_MAX);
  await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), notInArray(pushSubscriptions.id, keep)));
  return row;
}

export function listSubscriptions(db: Database, userId: string): Promise<PushSubscriptionRow[]> {
  return db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt));
}

/** The subscriptions of several users at once, for a dispatcher's batch. */
export function subscriptionsOf(
  db: Database,
  userIds: readonly string[],
): Promise<PushSubscriptionRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, [...userIds]));
}

/** Removes one of the user's devices; false when it is not theirs (or gone). */
export async function deleteSubscription(
  db: Database,
  userId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** Forgets subscriptions the push service reported gone (404/410). */
export async function deleteGoneSubscriptions(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, [...ids]));
}

/** Notes that pushes reached these subscriptions now. */
export async function touchSubscriptions(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(pushSubscriptions)
    .set({ lastUsedAt: sql`now()` })
    .where(inArray(pushSubscriptions.id, [...ids]));
}
