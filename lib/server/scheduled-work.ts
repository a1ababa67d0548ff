import "server-only";
import type { Database } from "@/db";
import { purgeTrash } from "@/db/queries/trash";
import { type DispatchReport, dispatchReminders } from "@/lib/server/reminders/dispatch";

export type ScheduledReport = DispatchReport & {
  /** Tasks deleted for good: in the trash for longer than TRASH_DAYS. */
  trashPurged: number;
};

/**
 * The work that runs on a clock, whoever triggers it: Vercel Cron (app/api/cron/reminders),
 * the in-process timer (lib/server/reminders/timer.ts), `npm run reminders`. Each part is safe
 * to run at once in any number of processes, and again: due reminders are claimed with a lease,
 * the trash purge deletes what is past its time (none the second time).
 */
export async function runScheduledWork(
  db: Database,
  now: () => Date = () => new Date(),
): Promise<ScheduledReport> {
  const reminders = await dispatchReminders(db, { now });
  const trashPurged = await purgeTrash(db, now());
  return { ...reminders, trashPurged };
}
