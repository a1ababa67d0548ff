import { randomUUID } from "node:crypto";
import webpush from "web-push";
import { openDatabase } from "@/db";
import { pushSubscriptions, tasks, user } from "@/db/schema";
import { resetEnvCache } from "@/lib/server/env";
import { resetVapidKeysCache } from "@/lib/server/push/vapid";
import { dispatchReminders } from "@/lib/server/reminders/dispatch";
import { startPushReceiver } from "../support/push-receiver";

/**
 * Reminder dispatch at volume: `count` reminders already due for one user with one subscribed
 * device, sent by `dispatchers` dispatchers racing each other (as Vercel Cron, the timer and a
 * system cron may) to a local push service that decrypts every push (tests/support). Wall time,
 * reminders per second, and duplicates, which must be 0.
 */
export interface DispatchBenchResult {
  reminders: number;
  dispatchers: number;
  wallMs: number;
  perSecond: number;
  delivered: number;
  received: number;
  duplicates: number;
}

export async function benchDispatch(options: {
  databaseUrl: string;
  count: number;
  dispatchers: number;
  log: (message: string) => void;
}): Promise<DispatchBenchResult> {
  // This process signs the pushes: a key pair of its own, as a server would have.
  const keys = webpush.generateVAPIDKeys();
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
  resetEnvCache();
  resetVapidKeysCache();
  const receiver = await startPushReceiver();
  const handle = await openDatabase({ driver: "node-postgres", url: options.databaseUrl });
  try {
    // A user of its own, so that the list workloads' users keep their 50 tasks.
    const userId = `bench-dispatch-${randomUUID()}`;
    await handle.db
      .insert(user)
      .values({ id: userId, name: "Dispatch", email: `${userId}@bench.invalid` });
    const device = receiver.subscribe();
    await handle.db.insert(pushSubscriptions).values({
      userId,
      endpoint: device.endpoint,
      p256dh: device.keys.p256dh,
      auth: device.keys.auth,
      label: "bench receiver",
    });
    const due = new Date(Date.now() - 1000);
    const rows = Array.from({ length: options.count }, (_, i) => ({
      id: randomUUID(),
      userId,
      title: `Bench reminder ${i}`,
      dueAt: new Date(due.getTime() + 3_600_000),
      reminders: [{ at: due.toISOString() }],
      nextReminderAt: due,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await handle.db.insert(tasks).values(rows.slice(i, i + 1000));
    }
    const started = performance.now();
    const reports = await Promise.all(
      Array.from({ length: options.dispatchers }, () =>
        dispatchReminders(handle.db, { maxBatches: Number.POSITIVE_INFINITY }),
      ),
    );
    const wallMs = performance.now() - started;
    const ids = (receiver.received(device.endpoint) as { taskId: string }[]).map((p) => p.taskId);
    const delivered = reports.reduce((sum, r) => sum + r.delivered, 0);
    const result = {
      reminders: options.count,
      dispatchers: options.dispatchers,
      wallMs,
      perSecond: (delivered / wallMs) * 1000,
      delivered,
      received: ids.length,
      duplicates: ids.length - new Set(ids).size,
    };
    options.log(
      `reminder dispatch: ${result.reminders} reminders, ${result.dispatchers} dispatchers, ${(wallMs / 1000).toFixed(1)} s, ${Math.round(result.perSecond)} reminders/s, received ${result.received}, duplicates ${result.duplicates}`,
    );
    return result;
  } finally {
    await handle.close();
    await receiver.close();
  }
}
