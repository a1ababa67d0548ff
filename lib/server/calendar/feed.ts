import "server-only";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventTransparency,
} from "ical-generator";
import type { FeedTask } from "@/db/queries/calendar-feeds";
import { isDateOnly, isValidTimeZone } from "@/lib/server/tasks/recurrence";
import { feedRule } from "./feed-rule";

/** How often calendar apps that read REFRESH-INTERVAL / X-PUBLISHED-TTL should poll. */
const REFRESH_SECONDS = 15 * 60;

/** Prefixed to the summary of a completed task, so a calendar tells it from an open one. */
export const COMPLETED_MARK = "✓ ";

const UTC_ZONES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT"]);

/**
 * The user's feed as an iCalendar document (ical-generator), one VEVENT per task:
 *
 * - UID `<task id>@doable`, stable for the task's life; SUMMARY the title (a completed task's
 *   with "✓ " before it); DESCRIPTION the description. Nothing else of the task or the account:
 *   no tags, project, priority, reminders or e-mail. DTSTAMP is the moment of the answer.
 * - A date-only due (stored at 23:59:59.999 in the user's zone) is an all-day event on that
 *   local date (DTSTART;VALUE=DATE, DTEND the next day). A timed due is an instant event at
 *   that time, with TZID the user's zone (a VTIMEZONE is included) so a repeat keeps its wall
 *   time across daylight-saving changes; a user in UTC gets UTC times.
 * - An open task that repeats from its due date carries its rule as RRULE, expanded from the
 *   current due (COUNT counts the current occurrence, as Doable's does). A task that repeats
 *   from completion has no RRULE: its next date depends on when it is done, so only the
 *   current due is shown. Completed occurrences never carry one (the open next occurrence does).
 * - Every event is TRANSP:TRANSPARENT: a task does not make the user busy.
 */
export function feedCalendar(tasks: FeedTask[], timeZone: string, now: Date): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const utc = UTC_ZONES.has(zone);
  const calendar = ical({
    name: "Doable",
    prodId: { company: "Doable", product: "Doable", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP as a local time
    // (without Z). Events name their zone (TZID), and the generator adds its VTIMEZONE.
    timezone: utc ? null : { name: "", generator: getVtimezoneComponent },
  });
  for (const task of tasks) calendar.createEvent(eventOf(task, zone, utc, now));
  return calendar.toString();
}

function eventOf(task: FeedTask, zone: string, utc: boolean, now: Date): ICalEventData {
  const allDay = isDateOnly(task.dueAt, zone);
  const due = Temporal.Instant.fromEpochMilliseconds(task.dueAt.getTime()).toZonedDateTimeISO(zone);
  const repeats = !task.completed && task.repeatFrom === "due" && task.repeatRule !== null;
  const event: Omit<ICalEventData, "start"> = {
    id: `${task.id}@doable`,
    stamp: now,
    summary: task.completed ? `${COMPLETED_MARK}${task.title}` : task.title,
    description: task.description || null,
    transparency: ICalEventTransparency.TRANSPARENT,
    repeating: repeats && task.repeatRule ? feedRule(task.repeatRule, zone, allDay) : null,
  };
  if (allDay) {
    const date = due.toPlainDate();
    return { ...event, allDay: true, start: date, end: date.add({ days: 1 }) };
  }
  if (utc) return { ...event, start: task.dueAt };
  return { ...event, start: due, timezone: zone };
}
