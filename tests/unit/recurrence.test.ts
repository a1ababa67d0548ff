/**
 * The recurrence engine (lib/server/tasks/recurrence.ts): a table of repeating tasks whose next
 * due dates were worked out by hand on a calendar, written as local wall times in a named zone
 * ("2026-03-09T09:00 America/New_York"; a bare date is a date-only task, due at 23:59:59.999
 * local) and converted to instants with Temporal here. Calendar facts used below: 2026-01-01 is a
 * Thursday; 2026-03-08 (New York) and 2026-03-29 (Berlin) spring forward at 02:00; 2026-11-01
 * (New York) and 2026-10-25 (Berlin) fall back; 2028 is a leap year, 2027 is not.
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  isDateOnly,
  isValidTimeZone,
  nextOccurrence,
  normalizeRule,
  validateRepeat,
} from "@/lib/server/tasks/recurrence";

const NY = "America/New_York";
const BE = "Europe/Berlin";

/** "2026-03-09T09:00 Europe/Berlin" (timed) or "2026-03-09 Europe/Berlin" (date-only). */
function parse(text: string): Temporal.ZonedDateTime {
  const [local = "", timeZone = ""] = text.split(" ");
  if (!local.includes("T")) {
    return Temporal.PlainDate.from(local).toZonedDateTime({
      timeZone,
      plainTime: Temporal.PlainTime.from("23:59:59.999"),
    });
  }
  return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone);
}

const at = (text: string) => new Date(parse(text).epochMilliseconds);
const zoneOf = (text: string) => text.split(" ")[1] ?? "";

/** An instant shown the way the table writes it (with the offset, to see DST at work). */
function show(date: Date | undefined, zone: string): string {
  if (!date) return "null";
  const local = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(zone);
  const time = local.toPlainTime();
  const wall = time.equals(Temporal.PlainTime.from("23:59:59.999"))
    ? local.toPlainDate().toString()
    : `${local.toPlainDate()}T${time.toString({ smallestUnit: "minute" })}`;
  return `${wall} ${zone} (${local.offset})`;
}

interface Case {
  name: string;
  rule: string;
  from?: "due" | "completion";
  due: string;
  now: string;
  completed?: string;
  /** The next due as a local wall time, or null: the series has ended. */
  next: string | null;
  /** The rule the next occurrence carries, when it differs from `rule`. */
  nextRule?: string;
}

const CASES: Case[] = [
  // --- daily, weekdays, weekly on chosen days
  {
    name: "daily",
    rule: "FREQ=DAILY",
    due: `2026-01-05T09:00 ${NY}`,
    now: `2026-01-05T08:00 ${NY}`,
    next: `2026-01-06T09:00 ${NY}`,
  },
  {
    name: "daily, completed later on the due day",
    rule: "FREQ=DAILY",
    due: `2026-01-05T09:00 ${NY}`,
    now: `2026-01-05T22:30 ${NY}`,
    next: `2026-01-06T09:00 ${NY}`,
  },
  {
    name: "every 3 days",
    rule: "FREQ=DAILY;INTERVAL=3",
    due: `2026-01-05T09:00 ${NY}`,
    now: `2026-01-05T12:00 ${NY}`,
    next: `2026-01-08T09:00 ${NY}`,
  },
  {
    name: "every weekday: Friday -> Monday",
    rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    due: `2026-01-09T17:00 ${BE}`,
    now: `2026-01-09T18:00 ${BE}`,
    next: `2026-01-12T17:00 ${BE}`,
  },
  {
    name: "every weekday: Monday -> Tuesday",
    rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    due: `2026-01-12T17:00 ${BE}`,
    now: `2026-01-12T17:30 ${BE}`,
    next: `2026-01-13T17:00 ${BE}`,
  },
  {
    name: "weekly on Mon, Thu: Monday -> Thursday",
    rule: "FREQ=WEEKLY;BYDAY=MO,TH",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-01-05T10:00 ${BE}`,
    next: `2026-01-08T09:00 ${BE}`,
  },
  {
    name: "weekly on Mon, Thu: Thursday -> Monday",
    rule: "FREQ=WEEKLY;BYDAY=MO,TH",
    due: `2026-01-08T09:00 ${BE}`,
    now: `2026-01-08T10:00 ${BE}`,
    next: `2026-01-12T09:00 ${BE}`,
  },
  {
    name: "every 2 weeks on Mon, Thu: Monday -> Thursday of the same week",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-01-05T10:00 ${BE}`,
    next: `2026-01-08T09:00 ${BE}`,
  },
  {
    // The week of Jan 5 is this period; the week of Jan 12 is skipped.
    name: "every 2 weeks on Mon, Thu: Thursday -> Monday two weeks on",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    due: `2026-01-08T09:00 ${BE}`,
    now: `2026-01-08T10:00 ${BE}`,
    next: `2026-01-19T09:00 ${BE}`,
  },
  // --- monthly and yearly
  {
    name: "monthly on the 15th",
    rule: "FREQ=MONTHLY;BYMONTHDAY=15",
    due: `2026-01-15T09:00 ${BE}`,
    now: `2026-01-15T10:00 ${BE}`,
    next: `2026-02-15T09:00 ${BE}`,
  },
  {
    name: "every 3 months on the 15th",
    rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15",
    due: `2026-01-15T09:00 ${BE}`,
    now: `2026-01-15T10:00 ${BE}`,
    next: `2026-04-15T09:00 ${BE}`,
  },
  {
    // Tuesdays of Jan 2026: 6, 13, ...; of Feb: 3, 10, ...
    name: "monthly on the 2nd Tuesday",
    rule: "FREQ=MONTHLY;BYDAY=2TU",
    due: `2026-01-13T18:00 ${NY}`,
    now: `2026-01-13T19:00 ${NY}`,
    next: `2026-02-10T18:00 ${NY}`,
  },
  {
    // Feb 28 2026 is a Saturday, so the last Friday is the 27th.
    name: "monthly on the last Friday: January -> February",
    rule: "FREQ=MONTHLY;BYDAY=-1FR",
    due: `2026-01-30T16:00 ${BE}`,
    now: `2026-01-30T17:00 ${BE}`,
    next: `2026-02-27T16:00 ${BE}`,
  },
  {
    // Mar 31 2026 is a Tuesday: the last Friday is the 27th (and Berlin is on summer time).
    name: "monthly on the last Friday: February -> March",
    rule: "FREQ=MONTHLY;BYDAY=-1FR",
    due: `2026-02-27T16:00 ${BE}`,
    now: `2026-02-27T17:00 ${BE}`,
    next: `2026-03-27T16:00 ${BE}`,
  },
  {
    // Feb 28 2026 is a Saturday: the last weekday is Friday the 27th; Mar 31 is a Tuesday.
    name: "monthly on the last weekday (BYSETPOS=-1): February -> March",
    rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    due: `2026-02-27T16:00 ${BE}`,
    now: `2026-02-27T17:00 ${BE}`,
    next: `2026-03-31T16:00 ${BE}`,
  },
  {
    name: "monthly on the last day (BYMONTHDAY=-1): January -> February",
    rule: "FREQ=MONTHLY;BYMONTHDAY=-1",
    due: `2026-01-31T09:00 ${BE}`,
    now: `2026-01-31T10:00 ${BE}`,
    next: `2026-02-28T09:00 ${BE}`,
  },
  {
    name: "monthly on the last day (BYMONTHDAY=-1): February -> March",
    rule: "FREQ=MONTHLY;BYMONTHDAY=-1",
    due: `2026-02-28T09:00 ${BE}`,
    now: `2026-02-28T10:00 ${BE}`,
    next: `2026-03-31T09:00 ${BE}`,
  },
  {
    name: "monthly from Jan 31 (implicit day): -> Feb 28",
    rule: "FREQ=MONTHLY",
    due: `2026-01-31T09:00 ${BE}`,
    now: `2026-01-31T10:00 ${BE}`,
    next: `2026-02-28T09:00 ${BE}`,
    nextRule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
  },
  {
    name: "monthly on the 31st in a leap year: Jan 31 -> Feb 29",
    rule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    due: `2028-01-31T09:00 ${BE}`,
    now: `2028-01-31T10:00 ${BE}`,
    next: `2028-02-29T09:00 ${BE}`,
  },
  {
    name: "monthly on the 31st: Feb 28 -> Mar 31",
    rule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    due: `2026-02-28T09:00 ${BE}`,
    now: `2026-02-28T10:00 ${BE}`,
    next: `2026-03-31T09:00 ${BE}`,
  },
  {
    name: "monthly on the 31st: Mar 31 -> Apr 30",
    rule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    due: `2026-03-31T09:00 ${BE}`,
    now: `2026-03-31T10:00 ${BE}`,
    next: `2026-04-30T09:00 ${BE}`,
  },
  {
    name: "monthly from Jan 30 (implicit day): -> Feb 28, the latest of 28..30",
    rule: "FREQ=MONTHLY",
    due: `2026-01-30T09:00 ${BE}`,
    now: `2026-01-30T10:00 ${BE}`,
    next: `2026-02-28T09:00 ${BE}`,
    nextRule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
  },
  {
    name: "monthly on the 30th: Feb 28 -> Mar 30",
    rule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
    due: `2026-02-28T09:00 ${BE}`,
    now: `2026-02-28T10:00 ${BE}`,
    next: `2026-03-30T09:00 ${BE}`,
  },
  {
    name: "yearly (implicit day): 14 Jan -> 14 Jan next year",
    rule: "FREQ=YEARLY",
    due: `2026-01-14T10:00 ${BE}`,
    now: `2026-01-14T11:00 ${BE}`,
    next: `2027-01-14T10:00 ${BE}`,
    nextRule: "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14",
  },
  {
    name: "every 2 years on 14 Jan",
    rule: "FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=14",
    due: `2026-01-14T10:00 ${BE}`,
    now: `2026-01-14T11:00 ${BE}`,
    next: `2028-01-14T10:00 ${BE}`,
  },
  {
    name: "yearly from Feb 29 (implicit day): -> Feb 28 in a common year",
    rule: "FREQ=YEARLY",
    due: `2024-02-29T09:00 ${BE}`,
    now: `2024-02-29T10:00 ${BE}`,
    next: `2025-02-28T09:00 ${BE}`,
    nextRule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
  },
  {
    name: "yearly on Feb 29: Feb 28 2026 -> Feb 28 2027",
    rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
    due: `2026-02-28T09:00 ${BE}`,
    now: `2026-02-28T10:00 ${BE}`,
    next: `2027-02-28T09:00 ${BE}`,
  },
  {
    name: "yearly on Feb 29: Feb 28 2027 -> Feb 29 2028",
    rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
    due: `2027-02-28T09:00 ${BE}`,
    now: `2027-02-28T10:00 ${BE}`,
    next: `2028-02-29T09:00 ${BE}`,
  },
  // --- daylight saving: the wall-clock time stays, the UTC offset changes
  {
    name: "New York spring forward: daily 09:00 EST -> 09:00 EDT",
    rule: "FREQ=DAILY",
    due: `2026-03-07T09:00 ${NY}`,
    now: `2026-03-07T09:30 ${NY}`,
    next: `2026-03-08T09:00 ${NY}`,
  },
  {
    name: "New York fall back: daily 09:00 EDT -> 09:00 EST",
    rule: "FREQ=DAILY",
    due: `2026-10-31T09:00 ${NY}`,
    now: `2026-10-31T09:30 ${NY}`,
    next: `2026-11-01T09:00 ${NY}`,
  },
  {
    name: "Berlin spring forward: daily 09:00 CET -> 09:00 CEST",
    rule: "FREQ=DAILY",
    due: `2026-03-28T09:00 ${BE}`,
    now: `2026-03-28T09:30 ${BE}`,
    next: `2026-03-29T09:00 ${BE}`,
  },
  {
    name: "Berlin fall back: daily 09:00 CEST -> 09:00 CET",
    rule: "FREQ=DAILY",
    due: `2026-10-24T09:00 ${BE}`,
    now: `2026-10-24T09:30 ${BE}`,
    next: `2026-10-25T09:00 ${BE}`,
  },
  {
    name: "New York: weekly on Saturday 09:00 across the change",
    rule: "FREQ=WEEKLY;BYDAY=SA",
    due: `2026-03-07T09:00 ${NY}`,
    now: `2026-03-07T09:30 ${NY}`,
    next: `2026-03-14T09:00 ${NY}`,
  },
  /*
   * The skipped hour. RFC 5545 3.3.10: "Recurrence rules may generate recurrence instances with
   * an invalid date (e.g., February 30) or nonexistent local time (e.g., 1:30 AM on a day where
   * the local time is moved forward by an hour at 1:00 AM). Such recurrence instances MUST be
   * ignored and MUST NOT be counted as part of the recurrence set." (The same section's later
   * sentence, reading such a time as 3.3.5 reads an explicit DATE-TIME, i.e. 02:30 -> 03:30,
   * contradicts it; rrule-temporal >= 2.2.6 and this engine follow the MUST.) So daily 02:30 has
   * no occurrence on the spring-forward day: Mar 7 -> Mar 9 in New York, Mar 28 -> Mar 30 in
   * Berlin, and the wall time stays 02:30 afterwards.
   */
  {
    name: "New York: daily 02:30 skips the spring-forward day (02:30 does not exist)",
    rule: "FREQ=DAILY",
    due: `2026-03-07T02:30 ${NY}`,
    now: `2026-03-07T03:00 ${NY}`,
    next: `2026-03-09T02:30 ${NY}`,
  },
  {
    name: "Berlin: daily 02:30 skips the spring-forward day",
    rule: "FREQ=DAILY",
    due: `2026-03-28T02:30 ${BE}`,
    now: `2026-03-28T03:00 ${BE}`,
    next: `2026-03-30T02:30 ${BE}`,
  },
  {
    // A due typed as 02:30 on that day is already an existing instant, 03:30 EDT (Temporal's
    // "compatible", as RFC 5545 3.3.5 reads 02:30): the task repeats at 03:30 from there.
    name: "New York: a due set to 02:30 on the spring-forward day is 03:30 and repeats at 03:30",
    rule: "FREQ=DAILY",
    due: `2026-03-08T02:30 ${NY}`,
    now: `2026-03-08T04:00 ${NY}`,
    next: `2026-03-09T03:30 ${NY}`,
  },
  {
    // 01:30 happens twice on Nov 1; RFC 5545 3.3.5: the first one (EDT, -04:00) is meant.
    name: "New York fall back: daily 01:30 lands on the first 01:30 (EDT)",
    rule: "FREQ=DAILY",
    due: `2026-10-31T01:30 ${NY}`,
    now: `2026-10-31T02:00 ${NY}`,
    next: `2026-11-01T01:30 ${NY}`,
  },
  {
    name: "Berlin fall back: daily 02:30 lands on the first 02:30 (CEST)",
    rule: "FREQ=DAILY",
    due: `2026-10-24T02:30 ${BE}`,
    now: `2026-10-24T03:00 ${BE}`,
    next: `2026-10-25T02:30 ${BE}`,
  },
  // --- date-only tasks stay at 23:59:59.999 local
  {
    name: "date-only daily across New York's spring forward",
    rule: "FREQ=DAILY",
    due: `2026-03-07 ${NY}`,
    now: `2026-03-07T20:00 ${NY}`,
    next: `2026-03-08 ${NY}`,
  },
  {
    name: "date-only weekly on Tuesday across Berlin's spring forward",
    rule: "FREQ=WEEKLY;BYDAY=TU",
    due: `2026-03-24 ${BE}`,
    now: `2026-03-24T12:00 ${BE}`,
    next: `2026-03-31 ${BE}`,
  },
  {
    name: "date-only daily, overdue: today counts as future",
    rule: "FREQ=DAILY",
    due: `2026-03-01 ${BE}`,
    now: `2026-03-10T08:00 ${BE}`,
    next: `2026-03-10 ${BE}`,
  },
  {
    name: "date-only weekly on Monday, overdue, completed on a Monday: due today",
    rule: "FREQ=WEEKLY;BYDAY=MO",
    due: `2026-03-02 ${BE}`,
    now: `2026-03-16T10:00 ${BE}`,
    next: `2026-03-16 ${BE}`,
  },
  {
    name: "date-only weekly on Monday, overdue, completed on a Wednesday",
    rule: "FREQ=WEEKLY;BYDAY=MO",
    due: `2026-03-02 ${BE}`,
    now: `2026-03-18T10:00 ${BE}`,
    next: `2026-03-23 ${BE}`,
  },
  // --- end after N times
  {
    name: "COUNT=3 -> 2",
    rule: "FREQ=DAILY;COUNT=3",
    due: `2026-01-05T09:00 ${NY}`,
    now: `2026-01-05T10:00 ${NY}`,
    next: `2026-01-06T09:00 ${NY}`,
    nextRule: "FREQ=DAILY;COUNT=2",
  },
  {
    name: "COUNT=2 -> 1",
    rule: "FREQ=DAILY;COUNT=2",
    due: `2026-01-06T09:00 ${NY}`,
    now: `2026-01-06T10:00 ${NY}`,
    next: `2026-01-07T09:00 ${NY}`,
    nextRule: "FREQ=DAILY;COUNT=1",
  },
  {
    name: "COUNT=1: the series ends",
    rule: "FREQ=DAILY;COUNT=1",
    due: `2026-01-07T09:00 ${NY}`,
    now: `2026-01-07T10:00 ${NY}`,
    next: null,
  },
  // --- end on a date
  {
    name: "UNTIL as a DATE includes that day (date-only)",
    rule: "FREQ=DAILY;UNTIL=20260310",
    due: `2026-03-09 ${NY}`,
    now: `2026-03-09T12:00 ${NY}`,
    next: `2026-03-10 ${NY}`,
  },
  {
    name: "UNTIL as a DATE: the day after it is past the end",
    rule: "FREQ=DAILY;UNTIL=20260310",
    due: `2026-03-10 ${NY}`,
    now: `2026-03-10T12:00 ${NY}`,
    next: null,
  },
  {
    // 21:00 EDT on Mar 10 is 01:00 UTC on Mar 11: the DATE is the user's local day.
    name: "UNTIL as a DATE is inclusive to the end of the local day (timed)",
    rule: "FREQ=DAILY;UNTIL=20260310",
    due: `2026-03-09T21:00 ${NY}`,
    now: `2026-03-09T22:00 ${NY}`,
    next: `2026-03-10T21:00 ${NY}`,
  },
  {
    // Mar 16 10:00 EDT is 14:00 UTC, exactly UNTIL: included.
    name: "UNTIL as a UTC DATE-TIME: an occurrence at UNTIL is included",
    rule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T140000Z",
    due: `2026-03-09T10:00 ${NY}`,
    now: `2026-03-09T11:00 ${NY}`,
    next: `2026-03-16T10:00 ${NY}`,
  },
  {
    name: "UNTIL as a UTC DATE-TIME: one second before the occurrence ends the series",
    rule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T135959Z",
    due: `2026-03-09T10:00 ${NY}`,
    now: `2026-03-09T11:00 ${NY}`,
    next: null,
  },
  // --- from completion
  {
    name: "every 3 days from completion: completed on Monday -> Thursday",
    rule: "FREQ=DAILY;INTERVAL=3",
    from: "completion",
    due: `2026-01-02T09:00 ${BE}`,
    completed: `2026-01-05T18:00 ${BE}`,
    now: `2026-01-05T18:00 ${BE}`,
    next: `2026-01-08T09:00 ${BE}`,
  },
  {
    name: "every 3 days from completion, completed early (before the due)",
    rule: "FREQ=DAILY;INTERVAL=3",
    from: "completion",
    due: `2026-01-09T09:00 ${BE}`,
    completed: `2026-01-05T07:00 ${BE}`,
    now: `2026-01-05T07:00 ${BE}`,
    next: `2026-01-08T09:00 ${BE}`,
  },
  {
    name: "date-only every 3 days from completion: Monday -> Thursday",
    rule: "FREQ=DAILY;INTERVAL=3",
    from: "completion",
    due: `2026-01-02 ${BE}`,
    completed: `2026-01-05T08:00 ${BE}`,
    now: `2026-01-05T08:00 ${BE}`,
    next: `2026-01-08 ${BE}`,
  },
  {
    // The period is the week of the completion (Mar 9, its Monday already past); the week of
    // Mar 16 is skipped. From the due, the same rule gives Mar 16 (next case).
    name: "every 2 weeks on Monday from completion: completed Wed Mar 11 -> Mon Mar 23",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    from: "completion",
    due: `2026-03-02T09:00 ${NY}`,
    completed: `2026-03-11T12:00 ${NY}`,
    now: `2026-03-11T12:00 ${NY}`,
    next: `2026-03-23T09:00 ${NY}`,
  },
  {
    name: "every 2 weeks on Monday from the due, completed Wed Mar 11 -> Mon Mar 16",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    due: `2026-03-02T09:00 ${NY}`,
    now: `2026-03-11T12:00 ${NY}`,
    next: `2026-03-16T09:00 ${NY}`,
  },
  {
    name: "weekly from completion (implicit day, named from the due: Monday)",
    rule: "FREQ=WEEKLY",
    from: "completion",
    due: `2026-03-02T09:00 ${NY}`,
    completed: `2026-03-04T12:00 ${NY}`,
    now: `2026-03-04T12:00 ${NY}`,
    next: `2026-03-09T09:00 ${NY}`,
    nextRule: "FREQ=WEEKLY;BYDAY=MO",
  },
  // --- overdue: missed occurrences are skipped
  {
    name: "weekly on Mon, Thu completed a month late (Wed Feb 4) -> Thu Feb 5",
    rule: "FREQ=WEEKLY;BYDAY=MO,TH",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-02-04T12:00 ${BE}`,
    next: `2026-02-05T09:00 ${BE}`,
  },
  {
    name: "daily completed weeks late, before today's time -> today",
    rule: "FREQ=DAILY",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-02-04T08:00 ${BE}`,
    next: `2026-02-04T09:00 ${BE}`,
  },
  {
    name: "daily completed weeks late, after today's time -> tomorrow",
    rule: "FREQ=DAILY",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-02-04T10:00 ${BE}`,
    next: `2026-02-05T09:00 ${BE}`,
  },
  {
    name: "monthly on the 15th completed two months late -> the next 15th",
    rule: "FREQ=MONTHLY;BYMONTHDAY=15",
    due: `2026-01-15T09:00 ${BE}`,
    now: `2026-03-20T12:00 ${BE}`,
    next: `2026-04-15T09:00 ${BE}`,
  },
  {
    // Periods from the due: Jan 5, Jan 19, Feb 2, Feb 16.
    name: "every 2 weeks completed a month late keeps the fortnight's phase",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    due: `2026-01-05T09:00 ${BE}`,
    now: `2026-02-04T12:00 ${BE}`,
    next: `2026-02-16T09:00 ${BE}`,
  },
];

describe("nextOccurrence", () => {
  it("has a large table", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$name", (c) => {
    const zone = zoneOf(c.due);
    const result = nextOccurrence(
      { rule: c.rule, from: c.from ?? "due" },
      at(c.due),
      zone,
      at(c.now),
      c.completed ? at(c.completed) : undefined,
    );
    const expected = c.next === null ? "null" : show(at(c.next), zone);
    expect(show(result?.dueAt, zone)).toBe(expected);
    if (c.next === null) return expect(result).toBeNull();
    expect(result?.dueAt.getTime()).toBe(parse(c.next).epochMilliseconds);
    expect(result?.rule).toBe(c.nextRule ?? c.rule);
  });

  it("keeps a date-only task date-only, and a timed one timed", () => {
    const dateOnly = nextOccurrence(
      { rule: "FREQ=DAILY", from: "due" },
      at(`2026-03-07 ${NY}`),
      NY,
    );
    expect(dateOnly && isDateOnly(dateOnly.dueAt, NY)).toBe(true);
    const timed = nextOccurrence(
      { rule: "FREQ=DAILY", from: "due" },
      at(`2026-03-07T09:00 ${NY}`),
      NY,
    );
    expect(timed && isDateOnly(timed.dueAt, NY)).toBe(false);
  });

  it("walks a COUNT=3 series to its end", () => {
    let due = at(`2026-01-05T09:00 ${NY}`);
    let rule = "FREQ=DAILY;COUNT=3";
    const seen: string[] = [];
    for (;;) {
      const next = nextOccurrence({ rule, from: "due" }, due, NY, due);
      if (!next) break;
      seen.push(`${show(next.dueAt, NY)} ${next.rule}`);
      ({ dueAt: due, rule } = next);
    }
    expect(seen).toEqual([
      "2026-01-06T09:00 America/New_York (-05:00) FREQ=DAILY;COUNT=2",
      "2026-01-07T09:00 America/New_York (-05:00) FREQ=DAILY;COUNT=1",
    ]);
  });

  it("walks monthly-on-the-31st through a year", () => {
    let due = at(`2026-01-31T09:00 ${BE}`);
    let rule = "FREQ=MONTHLY";
    const days: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const next = nextOccurrence({ rule, from: "due" }, due, BE, due);
      if (!next) break;
      days.push(show(next.dueAt, BE).slice(0, 10));
      ({ dueAt: due, rule } = next);
    }
    expect(days).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
    ]);
  });

  it("refuses an unsupported rule", () => {
    expect(() =>
      nextOccurrence({ rule: "FREQ=HOURLY", from: "due" }, at(`2026-01-05T09:00 ${NY}`), NY),
    ).toThrow(/FREQ=HOURLY is not supported/);
  });
});

describe("normalizeRule", () => {
  const cases: [rule: string, due: string, normalised: string][] = [
    ["FREQ=WEEKLY", `2026-01-08T09:00 ${BE}`, "FREQ=WEEKLY;BYDAY=TH"],
    ["FREQ=WEEKLY;INTERVAL=2", `2026-01-05 ${BE}`, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"],
    // 23:30 on Thursday in New York is already Friday in Berlin: the user's zone decides.
    ["FREQ=WEEKLY", `2026-01-08T23:30 ${NY}`, "FREQ=WEEKLY;BYDAY=TH"],
    ["FREQ=MONTHLY", `2026-01-15T09:00 ${BE}`, "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["FREQ=MONTHLY", `2026-01-28T09:00 ${BE}`, "FREQ=MONTHLY;BYMONTHDAY=28"],
    ["FREQ=MONTHLY", `2026-01-29T09:00 ${BE}`, "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1"],
    ["FREQ=MONTHLY", `2026-01-31T09:00 ${BE}`, "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"],
    [
      "FREQ=MONTHLY;INTERVAL=2",
      `2026-03-31 ${BE}`,
      "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    ],
    ["FREQ=YEARLY", `2026-01-14T10:00 ${BE}`, "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14"],
    ["FREQ=YEARLY", `2028-02-29T10:00 ${BE}`, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"],
    ["FREQ=YEARLY;BYMONTH=3", `2026-01-14T10:00 ${BE}`, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14"],
    // Explicit rules keep their days; only the form becomes canonical.
    ["FREQ=DAILY", `2026-01-14T10:00 ${BE}`, "FREQ=DAILY"],
    [
      "BYDAY=TH,MO;INTERVAL=1;FREQ=WEEKLY;WKST=MO",
      `2026-01-14T10:00 ${BE}`,
      "FREQ=WEEKLY;BYDAY=MO,TH",
    ],
    ["freq=monthly;byday=-1fr", `2026-01-14T10:00 ${BE}`, "FREQ=MONTHLY;BYDAY=-1FR"],
    [
      "FREQ=MONTHLY;BYMONTHDAY=1,-1,15,1",
      `2026-01-14T10:00 ${BE}`,
      "FREQ=MONTHLY;BYMONTHDAY=-1,1,15",
    ],
    [
      "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR,MO,TU,WE,TH",
      `2026-01-14T10:00 ${BE}`,
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    ],
    [
      "UNTIL=20271231;FREQ=YEARLY;BYDAY=+4TH;BYMONTH=11",
      `2026-11-26T10:00 ${BE}`,
      "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;UNTIL=20271231",
    ],
    [
      "COUNT=5;FREQ=WEEKLY;WKST=SU",
      `2026-01-14T10:00 ${BE}`,
      "FREQ=WEEKLY;BYDAY=WE;WKST=SU;COUNT=5",
    ],
  ];

  it.each(cases)("%s from %s -> %s", (rule, due, normalised) => {
    expect(normalizeRule(rule, at(due), zoneOf(due))).toBe(normalised);
    // Normalising twice changes nothing.
    expect(normalizeRule(normalised, at(due), zoneOf(due))).toBe(normalised);
  });

  it("takes the weekday in the user's zone", () => {
    expect(normalizeRule("FREQ=WEEKLY", at(`2026-01-08T23:30 ${NY}`), BE)).toBe(
      "FREQ=WEEKLY;BYDAY=FR",
    );
  });
});

describe("validateRepeat", () => {
  const due = at(`2026-03-09T10:00 ${NY}`); // a Monday
  const refusals: [rule: string, message: string][] = [
    ["FREQ=HOURLY", "FREQ=HOURLY is not supported"],
    ["FREQ=MINUTELY;INTERVAL=15", "FREQ=MINUTELY is not supported"],
    ["FREQ=DAILY;BYHOUR=9", "BYHOUR is not supported"],
    ["FREQ=DAILY;BYMINUTE=30", "BYMINUTE is not supported"],
    ["FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY is not supported"],
    ["FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported"],
    ["FREQ=DAILY;COUNT=3;UNTIL=20270101", "COUNT and UNTIL cannot be used together"],
    ["garbage", 'Malformed rule part "GARBAGE"'],
    ["FREQ=DAILY;;", 'Malformed rule part ""'],
    ["FREQ=DAILY;COLOR=RED", "Unknown rule part COLOR"],
    ["FREQ=DAILY;FREQ=WEEKLY", "FREQ appears more than once"],
    ["INTERVAL=2", "The rule needs a FREQ"],
    ["FREQ=SOMETIMES", 'Unknown FREQ "SOMETIMES"'],
    ["FREQ=DAILY;INTERVAL=0", "INTERVAL must be 1..999"],
    ["FREQ=DAILY;INTERVAL=1000", "INTERVAL must be 1..999"],
    ["FREQ=YEARLY;INTERVAL=101;BYMONTH=2;BYMONTHDAY=29", "INTERVAL must be 1..100 for FREQ=YEARLY"],
    ["FREQ=DAILY;COUNT=1001", "COUNT must be 1..1000"],
    ["FREQ=DAILY;COUNT=", "COUNT has no value"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY must be 1..31 or -1..-31"],
    ["FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY must be 1..31 or -1..-31"],
    ["FREQ=YEARLY;BYMONTH=13", "BYMONTH must be 1..12"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS must be -5..5, not 0"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "BYSETPOS must be -5..5, not 0"],
    ["FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs BYDAY or BYMONTHDAY"],
    [
      "FREQ=MONTHLY;BYMONTHDAY=8;BYSETPOS=2",
      "BYSETPOS=2 never matches: a period has at most 1 date",
    ],
    [
      "FREQ=MONTHLY;BYDAY=1MO,3MO;BYSETPOS=-3",
      "BYSETPOS=-3 never matches: a period has at most 2 dates",
    ],
    ["FREQ=DAILY;BYDAY=MO,FR;BYSETPOS=2", "BYSETPOS=2 never matches: a period has at most 1 date"],
    ["FREQ=MONTHLY;BYDAY=6TU", "BYDAY ordinals must be 1..5 or -1..-5"],
    ["FREQ=WEEKLY;BYDAY=2TU", "BYDAY takes plain weekdays (MO..SU) with FREQ=WEEKLY"],
    ["FREQ=WEEKLY;BYDAY=XX", 'BYDAY has an invalid day "XX"'],
    ["FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY"],
    ["FREQ=WEEKLY;WKST=XY", "WKST must be a weekday (MO..SU)"],
    [
      "FREQ=DAILY;UNTIL=20270230",
      "UNTIL must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ)",
    ],
    [
      "FREQ=DAILY;UNTIL=20270101T090000",
      "UNTIL must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ)",
    ],
    ["RRULE:FREQ=DAILY", 'Leave out the "RRULE:" prefix'],
    ["DTSTART:20260309T100000Z\nRRULE:FREQ=DAILY", "DTSTART is not supported"],
    ["FREQ=DAILY;EXDATE=20260310", "EXDATE is not supported"],
    ["FREQ=DAILY;RDATE=20260310", "RDATE is not supported"],
    [`FREQ=MONTHLY;BYMONTHDAY=${"1,".repeat(250)}1`, "A rule may be at most 500 characters"],
    ["", "No rule"],
  ];

  it.each(refusals)("refuses %s", (rule, message) => {
    expect(validateRepeat({ rule, from: "due" }, due, NY)).toEqual({ ok: false, message });
  });

  it("refuses a repeat without a due date", () => {
    for (const dueAt of [null, undefined]) {
      expect(validateRepeat({ rule: "FREQ=DAILY", from: "due" }, dueAt, NY)).toEqual({
        ok: false,
        message: "A repeating task needs a due date",
      });
    }
  });

  const never: [name: string, rule: string][] = [
    ["COUNT=1", "FREQ=DAILY;COUNT=1"],
    ["UNTIL before the next occurrence (DATE)", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260315"],
    ["UNTIL before the next occurrence (DATE-TIME)", "FREQ=DAILY;UNTIL=20260310T135959Z"],
    ["UNTIL before the due", "FREQ=DAILY;UNTIL=20250101"],
    ["a date that never exists (Feb 30)", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"],
  ];

  it.each(never)("refuses a rule that never repeats: %s", (_, rule) => {
    expect(validateRepeat({ rule, from: "due" }, due, NY)).toEqual({
      ok: false,
      message: "This rule never repeats after the due date",
    });
  });

  it("refuses an unknown time zone", () => {
    expect(validateRepeat({ rule: "FREQ=DAILY", from: "due" }, due, "Mars/Olympus")).toEqual({
      ok: false,
      message: 'Unknown time zone "Mars/Olympus"',
    });
  });

  it("accepts and normalises", () => {
    expect(validateRepeat({ rule: "FREQ=WEEKLY", from: "completion" }, due, NY)).toEqual({
      ok: true,
      rule: "FREQ=WEEKLY;BYDAY=MO",
    });
    expect(validateRepeat({ rule: "FREQ=DAILY;COUNT=2", from: "due" }, due, NY)).toEqual({
      ok: true,
      rule: "FREQ=DAILY;COUNT=2",
    });
    // UNTIL on the next occurrence's own date still repeats once.
    expect(
      validateRepeat({ rule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316", from: "due" }, due, NY),
    ).toEqual({ ok: true, rule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316" });
    expect(
      validateRepeat({ rule: "FREQ=MONTHLY", from: "due" }, at(`2026-01-31 ${BE}`), BE),
    ).toEqual({ ok: true, rule: "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1" });
  });
});

describe("isDateOnly and isValidTimeZone", () => {
  it("knows a date-only due by its local 23:59:59.999", () => {
    expect(isDateOnly(at(`2026-03-08 ${NY}`), NY)).toBe(true);
    expect(isDateOnly(at(`2026-03-08 ${NY}`), BE)).toBe(false);
    expect(isDateOnly(at(`2026-03-08T23:59 ${NY}`), NY)).toBe(false);
    expect(isDateOnly(new Date("2026-03-08T23:59:59.999Z"), "UTC")).toBe(true);
  });

  it("accepts IANA names and refuses the rest", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"]) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
    for (const zone of ["", "Mars/Olympus", "Europe/Berlinn", "+01:00", "not a zone"]) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
  });
});
