import type { Reminder } from "@/lib/tasks/model";

/** Reminders in words, and the presets the editor offers. */

export const REMINDER_PRESETS: { minutes: number; label: string }[] = [
  { minutes: 0, label: "At due time" },
  { minutes: 5, label: "5 minutes before" },
  { minutes: 15, label: "15 minutes before" },
  { minutes: 60, label: "1 hour before" },
  { minutes: 24 * 60, label: "1 day before" },
];

const moment = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "numeric",
  minute: "2-digit",
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "At due time", "15 min before", "2 hours before", "1 day before", "Tue 14 Jan, 08:00". */
export function reminderLabel(reminder: Reminder): string {
  if ("at" in reminder) return moment.format(new Date(reminder.at));
  const m = reminder.minutesBefore;
  if (m === 0) return "At due time";
  if (m % (24 * 60) === 0) return `${plural(m / (24 * 60), "day")} before`;
  if (m % 60 === 0) return `${plural(m / 60, "hour")} before`;
  return `${m} min before`;
}

/** Whether two reminders are the same one (the server keeps one of each). */
export function sameReminder(a: Reminder, b: Reminder): boolean {
  if ("at" in a && "at" in b) return Date.parse(a.at) === Date.parse(b.at);
  return "minutesBefore" in a && "minutesBefore" in b && a.minutesBefore === b.minutesBefore;
}

/** "YYYY-MM-DDTHH:MM" in local time, as a datetime-local field holds it. */
export function localDateTimeField(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
