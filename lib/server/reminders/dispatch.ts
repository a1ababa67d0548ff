import "server-only";
import type { Database } from "@/db";
import { subscriptionsOf } from "@/db/queries/push-subscriptions";
import { type ClaimedReminder, claimDueReminders, finishReminder } from "@/db/queries/reminders";
import type { PushSubscriptionRow } from "@/db/schema";
import { getEnv } from "@/lib/server/env";
import { sendReminderMail } from "@/lib/server/mailer";
import { isDateOnly } from "@/lib/server/tasks/recurrence";
import { type PushTally, pushToSubscriptions } from "./deliver";
import { nextReminderAt } from "./schedule";

/**
 * The one dispatch of due reminders, whoever triggers it: Vercel Cron (app/api/cron/reminders),
 * the in-process timer (timer.ts, under `next start` and `next dev`), `npm run reminders`. Any
 * number may run at once: each claims its reminders with one atomic statement and a lease
 * (db/queries/reminders.ts), delivers them by Web Push and, when the user asked, e-mail, then
 * marks them done. A reminder whose every channel failed keeps its lease and is tried again
 * once the lease runs out; so is one whose dispatcher died between claim and send.
 */

/** How long a claim holds before another dispatcher may retry the reminder. */
export const DISPATCH_LEASE_MS = 2 * 60_000;
const BATCH = 100;
const MAX_BATCHES = 50;
/** Reminders of one batch sent at once. */
const PARALLEL = 16;

export interface DispatchReport {
  claimed: number;
  delivered: number;
  /** Claimed but not delivered (every channel failed): retried after the lease. */
  retrying: number;
  push: PushTally;
  mail: { sent: number; failed: number };
}

export interface DispatchOptions {
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
  /** Stop after this many batches (the next run takes the rest). */
  maxBatches?: number;
}

export async function dispatchReminders(
  db: Database,
  options: DispatchOptions = {},
): Promise<DispatchReport> {
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH;
  const report: DispatchReport = {
    claimed: 0,
    delivered: 0,
    retrying: 0,
    push: { sent: 0, gone: 0, failed: 0 },
    mail: { sent: 0, failed: 0 },
  };
  for (let batch = 0; batch < (options.maxBatches ?? MAX_BATCHES); batch++) {
    const now = clock();
    const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DISPATCH_LEASE_MS));
    const claimed = await claimDueReminders(db, now, leaseUntil, batchSize);
    if (claimed.length === 0) break;
    report.claimed += claimed.length;
    const devices = byUser(await subscriptionsOf(db, [...new Set(claimed.map((r) => r.userId))]));
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      await Promise.all(
        claimed.slice(i, i + PARALLEL).map(async (reminder) => {
          const delivered = await deliver(db, reminder, devices.get(reminder.userId) ?? [], report);
          if (!delivered) {
            report.retrying += 1;
            return;
          }
          // Reminders missed while no dispatcher ran are not sent one after another.
          const through = new Date(Math.max(reminder.firedAt.getTime(), now.getTime()));
          const nextAt = nextReminderAt({
            reminders: reminder.reminders,
            dueAt: reminder.dueAt,
            zone: reminder.timeZone,
            through,
          });
          if (await finishReminder(db, reminder, through, nextAt)) report.delivered += 1;
        }),
      );
    }
    if (claimed.length < batchSize) break;
  }
  return report;
}

function byUser(rows: PushSubscriptionRow[]): Map<string, PushSubscriptionRow[]> {
  const map = new Map<string, PushSubscriptionRow[]>();
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row]);
  return map;
}

/**
 * Sends one reminder on every channel the user has. Delivered unless something was tried and
 * all of it failed: a reminder with no channel at all (no device, no e-mail) is shown only by
 * an open tab, and counts as delivered.
 */
async function deliver(
  db: Database,
  reminder: ClaimedReminder,
  devices: PushSubscriptionRow[],
  report: DispatchReport,
): Promise<boolean> {
  const url = `/dashboard?task=${reminder.id}`;
  const when = describeDue(reminder);
  const push = await pushToSubscriptions(db, devices, {
    type: "reminder",
    taskId: reminder.id,
    userId: reminder.userId,
    title: reminder.title,
    body: when,
    dueAt: reminder.dueAt?.toISOString() ?? null,
    url,
  });
  report.push.sent += push.sent;
  report.push.gone += push.gone;
  report.push.failed += push.failed;
  let mailed: boolean | null = null;
  const env = getEnv();
  if (reminder.emailReminders && env.mail !== "disabled") {
    try {
      await sendReminderMail(reminder.email, reminder.name, {
        title: reminder.title,
        when,
        url: `${env.baseURL}${url}`,
      });
      report.mail.sent += 1;
      mailed = true;
    } catch {
      report.mail.failed += 1;
      mailed = false;
    }
  }
  const tried = push.failed > 0 || mailed !== null;
  return push.sent > 0 || mailed === true || !tried;
}

/** Formatters per zone and kind: making one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** "Due Tue 14 Jan, 17:00" in the user's zone; a task without a time gives no time. */
function describeDue(reminder: ClaimedReminder): string {
  if (!reminder.dueAt) return "Reminder";
  const dateOnly = isDateOnly(reminder.dueAt, reminder.timeZone);
  const key = `${reminder.timeZone}|${dateOnly}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: reminder.timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit" }),
    });
    formats.set(key, format);
  }
  return `Due ${format.format(reminder.dueAt)}`;
}
