import { type DueFilter, UPCOMING_DAYS } from "@/lib/tasks/model";

/**
 * Due dates as people read them: "Today", "Tomorrow", "Friday", "3 Dec", in the browser's zone.
 * A task due on a day without a time is stored as the last millisecond of that local day, so it
 * becomes overdue only when the day is over.
 */

const DAY_MS = 86_400_000;

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Whole local days from today to the given date (negative: in the past). */
function daysFromToday(date: Date, now: Date): number {
  return Math.round((startOfDay(date).getTime() - startOfDay(now).getTime()) / DAY_MS);
}

function isEndOfDay(date: Date): boolean {
  return date.getHours() === 23 && date.getMinutes() === 59;
}

export type DueTone = "overdue" | "today" | "tomorrow" | "soon" | "later" | "done";

interface DueDescription {
  label: string;
  /** The full date and time, for a tooltip and screen readers. */
  full: string;
  tone: DueTone;
  overdue: boolean;
}

const weekday = new Intl.DateTimeFormat(undefined, { weekday: "long" });
const shortWeekday = new Intl.DateTimeFormat(undefined, { weekday: "short" });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const dayMonthYear = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
});
const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
const fullDay = new Intl.DateTimeFormat(undefined, { dateStyle: "full" });

export function describeDue(dueAt: string, completed: boolean, now = new Date()): DueDescription {
  const due = new Date(dueAt);
  const days = daysFromToday(due, now);
  const withTime = !isEndOfDay(due);
  let label: string;
  if (days === 0) label = "Today";
  else if (days === 1) label = "Tomorrow";
  else if (days === -1) label = "Yesterday";
  else if (days > 1 && days < 7) label = weekday.format(due);
  else if (due.getFullYear() === now.getFullYear()) label = dayMonth.format(due);
  else label = dayMonthYear.format(due);
  if (withTime) label = `${label} ${time.format(due)}`;

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
    full: (withTime ? full : fullDay).format(due),
    tone,
    overdue,
  };
}

/** A reminder's moment, short ("09:00", "Tomorrow 08:30", "Fri 09:00") and in full. */
export function describeReminder(at: string, now = new Date()): { label: string; full: string } {
  const when = new Date(at);
  const days = daysFromToday(when, now);
  const clock = time.format(when);
  const label =
    days === 0
      ? clock
      : days === 1
        ? `Tomorrow ${clock}`
        : days > 1 && days < 7
          ? `${shortWeekday.format(when)} ${clock}`
          : `${dayMonth.format(when)} ${clock}`;
  return { label, full: full.format(when) };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The "YYYY-MM-DD" and "HH:MM" (empty for an all-day date) that form fields show for dueAt. */
export function dueToFields(dueAt: string | null): { date: string; time: string } {
  if (!dueAt) return { date: "", time: "" };
  const due = new Date(dueAt);
  return {
    date: `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`,
    time: isEndOfDay(due) ? "" : `${pad(due.getHours())}:${pad(due.getMinutes())}`,
  };
}

/** dueAt (ISO, UTC) from a local date and an optional local time; null without a date. */
export function dueFromFields(date: string, clock: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const t = /^(\d{2}):(\d{2})$/.exec(clock);
  const local = t
    ? new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]))
    : new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 23, 59, 59, 999);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

/** The local date n days from today, as a date field holds it. */
export function dateFieldInDays(days: number, now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
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
