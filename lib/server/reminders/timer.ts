import "server-only";
import { getDb } from "@/db";
import { describeError, logger } from "@/lib/server/logger";

/*
 * The in-process trigger of reminder dispatch and the trash purge (lib/server/scheduled-work.ts), for `next start` and `next dev` outside Vercel
 * (started from instrumentation.ts, never during `next build`). Runs never overlap in one
 * process; other processes and Vercel Cron may dispatch at the same time, safely.
 */
const holder = globalThis as typeof globalThis & { __doableReminderTimer?: NodeJS.Timeout };

export function startReminderTimer(intervalSeconds: number): void {
  if (holder.__doableReminderTimer || intervalSeconds <= 0) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Loaded at the first tick, not at start: dispatch brings web-push, the mailer and the
      // recurrence rules, which a starting server's first requests do not need.
      const { runScheduledWork } = await import("@/lib/server/scheduled-work");
      const report = await runScheduledWork(await getDb());
      if (report.claimed > 0 || report.trashPurged > 0) {
        logger.info({ reminders: report }, "scheduled work done");
      }
    } catch (error) {
      logger.warn({ err: describeError(error) }, "reminder dispatch failed; retrying next tick");
    } finally {
      running = false;
    }
  };
  holder.__doableReminderTimer = setInterval(() => void tick(), intervalSeconds * 1000);
  // The timer never keeps a process alive on its own.
  holder.__doableReminderTimer.unref();
}
