import type { Reminder } from "@/lib/tasks/model";
import { formatMoment } from "../due";
import { wallTime, zonedTime } from "../zone";

/** Reminders in words, and the presets the editor offers. */

export const REMINDER_PRESETS: { minutes: number; label: string }[] = [
  { minutes: 0, label: "At due time" },
  { minutes: 5, label: "5 minutes before" },
  { minutes: 15, label: "15 minutes before" },
  { minutes: 60, label: "1 hour before" },
  { minutes: 24 * 60, label: "1 day before" },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "At due time", "15 min before", "2 hours before", "1 day before", "Tue 14 Jan, 08:00". */
export function reminderLabel(reminder: Reminder): string {
  if ("at" in reminder) return formatMoment(new Date(reminder.at));
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

/** "YYYY-MM-DDTHH:MM" in the display zone, as a datetime-local field holds it. */
export function dateTimeField(date: Date): string {
  const w = wallTime(date);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a datetime-local field's value names in the display zone; null if malformed. */
export function fromDateTimeField(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return zonedTime({ year, month, day, hour, minute, second: 0, millisecond: 0 });
}
