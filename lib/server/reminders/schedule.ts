import "server-only";
import "temporal-polyfill/global";
import { isDateOnly } from "@/lib/server/tasks/recurrence";
import type { Reminder } from "@/lib/tasks/model";

/**
 * When a task's reminders go out. A relative reminder counts back from the due time, or, for a
 * task due on a day without a time, from 09:00 that day in the user's zone (a reminder at the
 * day's last millisecond would come too late); an absolute one is its own moment.
 */
export const DATE_ONLY_REMINDER_HOUR = 9;

export function fireTimes(
  reminders: readonly Reminder[],
  dueAt: Date | null,
  zone: string,
): Date[] {
  const times: Date[] = [];
  for (const reminder of reminders) {
    if ("at" in reminder) {
      times.push(new Date(reminder.at));
      continue;
    }
    if (!dueAt) continue;
    let base = Temporal.Instant.fromEpochMilliseconds(dueAt.getTime()).toZonedDateTimeISO(zone);
    if (isDateOnly(dueAt, zone)) {
      base = base.with({ hour: DATE_ONLY_REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
    }
    times.push(new Date(base.subtract({ minutes: reminder.minutesBefore }).epochMilliseconds));
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The next reminder after `through` (reminders at or before it have gone out or were missed),
 * or the snooze if it comes first; null when none is left.
 */
export function nextReminderAt(options: {
  reminders: readonly Reminder[];
  dueAt: Date | null;
  zone: string;
  through: Date;
  snoozedUntil?: Date | null;
}): Date | null {
  const next = fireTimes(options.reminders, options.dueAt, options.zone).find(
    (time) => time.getTime() > options.through.getTime(),
  );
  const snooze = options.snoozedUntil ?? null;
  if (snooze && (!next || snooze.getTime() < next.getTime())) return snooze;
  return next ?? null;
}

/**
 * An absolute reminder moved with its task to the next occurrence: as far from the new due
 * date as it was from the old one. Relative reminders move by themselves.
 */
export function shiftReminders(
  reminders: readonly Reminder[],
  oldDue: Date,
  newDue: Date,
): Reminder[] {
  const delta = newDue.getTime() - oldDue.getTime();
  return reminders.map((r) =>
    "at" in r ? { at: new Date(Date.parse(r.at) + delta).toISOString() } : r,
  );
}
