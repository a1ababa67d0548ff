import { type DueFilter, UPCOMING_DAYS } from "@/lib/tasks/model";
import { dayKey, daysBetween, displayZone, wallTime, zonedTime } from "./zone";

/**
 * Due dates as people read them: "Today", "Tomorrow", "Friday", "3 Dec", in the display zone
 * (the account's: see zone.ts). A task due on a day without a time is stored as the last
 * millisecond of that day in the zone, so it becomes overdue only when the day is over.
 */

/** Whole days from today to the given date in the zone (negative: in the past). */
function daysFromToday(date: Date, now: Date): number {
  return daysBetween(dayKey(now), dayKey(date));
}

function isEndOfDay(date: Date): boolean {
  const { hour, minute } = wallTime(date);
  return hour === 23 && minute === 59;
}

export type DueTone = "overdue" | "today" | "tomorrow" | "soon" | "later" | "done";

interface DueDescription {
  label: string;
  /** The full date and time, for a tooltip and screen readers. */
  full: string;
  tone: DueTone;
  overdue: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter in the display zone, made once per zone and style. */
function format(style: keyof typeof styles): Intl.DateTimeFormat {
  const zone = displayZone();
  const key = `${zone ?? ""} ${style}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(undefined, { ...styles[style], timeZone: zone });
    formats.set(key, made);
  }
  return made;
}

const styles = {
  weekday: { weekday: "long" },
  shortWeekday: { weekday: "short" },
  dayMonth: { day: "numeric", month: "short" },
  dayMonthYear: { day: "numeric", month: "short", year: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  full: { dateStyle: "full", timeStyle: "short" },
  fullDay: { dateStyle: "full" },
  moment: { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** "Tue, Jan 14, 8:00 AM": a moment in the display zone. */
export function formatMoment(at: Date): string {
  return format("moment").format(at);
}

export function describeDue(dueAt: string, completed: boolean, now = new Date()): DueDescription {
  const due = new Date(dueAt);
  const days = daysFromToday(due, now);
  const withTime = !isEndOfDay(due);
  let label: string;
  if (days === 0) label = "Today";
  else if (days === 1) label = "Tomorrow";
  else if (days === -1) label = "Yesterday";
  else if (days > 1 && days < 7) label = format("weekday").format(due);
  else if (wallTime(due).year === wallTime(now).year) label = format("dayMonth").format(due);
  else label = format("dayMonthYear").format(due);
  if (withTime) label = `${label} ${format("time").format(due)}`;

  const overdue = !completed && due.getTime() < now.getTime();
  const tone: DueTone = completed
    ? "done"
    : overdue
      ? "overdue"
      : days === 0
        ? "today"
        : days === 1
          ? "tomorrow"
          : days < 7
            ? "soon"
            : "later";
  return {
    label,
    full: format(withTime ? "full" : "fullDay").format(due),
    tone,
    overdue,
  };
}

/** A reminder's moment, short ("09:00", "Tomorrow 08:30", "Fri 09:00") and in full. */
export function describeReminder(at: string, now = new Date()): { label: string; full: string } {
  const when = new Date(at);
  const days = daysFromToday(when, now);
  const clock = format("time").format(when);
  const label =
    days === 0
      ? clock
      : days === 1
        ? `Tomorrow ${clock}`
        : days > 1 && days < 7
          ? `${format("shortWeekday").format(when)} ${clock}`
          : `${format("dayMonth").format(when)} ${clock}`;
  return { label, full: format("full").format(when) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The "YYYY-MM-DD" and "HH:MM" (empty for an all-day date) that form fields show for dueAt. */
export function dueToFields(dueAt: string | null): { date: string; time: string } {
  if (!dueAt) return { date: "", time: "" };
  const due = new Date(dueAt);
  const w = wallTime(due);
  return {
    date: dayKey(due),
    time: isEndOfDay(due) ? "" : `${pad(w.hour)}:${pad(w.minute)}`,
  };
}

/** dueAt (ISO, UTC) from a date and an optional time in the zone; null without a date. */
export function dueFromFields(date: string, clock: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const t = /^(\d{2}):(\d{2})$/.exec(clock);
  const at = zonedTime({
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    ...(t
      ? { hour: Number(t[1]), minute: Number(t[2]), second: 0, millisecond: 0 }
      : { hour: 23, minute: 59, second: 59, millisecond: 999 }),
  });
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The date n days from today in the zone, as a date field holds it. */
export function dateFieldInDays(days: number, now = new Date()): string {
  const w = wallTime(now);
  return new Date(Date.UTC(w.year, w.month - 1, w.day + days)).toISOString().slice(0, 10);
}

/** Whether a due date falls in a list filter, the way the server decides it. */
export function dueMatches(
  filter: DueFilter,
  dueAt: string | null,
  completed: boolean,
  now = new Date(),
): boolean {
  if (filter === "none") return dueAt === null;
  if (dueAt === null) return false;
  const due = new Date(dueAt);
  if (filter === "overdue") return !completed && due.getTime() < now.getTime();
  const days = daysFromToday(due, now);
  switch (filter) {
    case "today":
      return days === 0;
    case "week":
      return days >= 0 && days < 7;
    case "agenda":
      return !completed && days <= 0;
    case "upcoming":
      return days >= 0 && days < UPCOMING_DAYS;
  }
}
