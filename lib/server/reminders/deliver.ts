import "server-only";
import type { Database } from "@/db";
import {
  deleteGoneSubscriptions,
  listSubscriptions,
  touchSubscriptions,
} from "@/db/queries/push-subscriptions";
import type { PushSubscriptionRow } from "@/db/schema";
import { type PushPayload, sendPush } from "@/lib/server/push/send";
import { getVapidKeys } from "@/lib/server/push/vapid";

export interface PushTally {
  sent: number;
  gone: number;
  failed: number;
}

/**
 * Pushes one payload to some of a user's subscriptions. Subscriptions the push service reports
 * gone (404/410) are deleted; the others that received it are marked used. With push off (no
 * VAPID keys) nothing is sent and nothing counts as failed.
 */
export async function pushToSubscriptions(
  db: Database,
  subscriptions: readonly PushSubscriptionRow[],
  payload: PushPayload,
): Promise<PushTally> {
  const tally: PushTally = { sent: 0, gone: 0, failed: 0 };
  if (subscriptions.length === 0 || !getVapidKeys()) return tally;
  const sent: string[] = [];
  const gone: string[] = [];
  await Promise.all(
    subscriptions.map(async (subscription) => {
      const outcome = await sendPush(subscription, payload);
      tally[outcome] += 1;
      if (outcome === "sent") sent.push(subscription.id);
      if (outcome === "gone") gone.push(subscription.id);
    }),
  );
  await Promise.all([deleteGoneSubscriptions(db, gone), touchSubscriptions(db, sent)]);
  return tally;
}

/** Pushes to every device of one user (the account menu's test notification). */
export async function pushToUser(
  db: Database,
  userId: string,
  payload: PushPayload,
): Promise<PushTally> {
  return pushToSubscriptions(db, await listSubscriptions(db, userId), payload);
}
