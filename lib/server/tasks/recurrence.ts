import "server-only";
import { RRuleTemporal } from "rrule-temporal";
import type { Repeat } from "@/lib/tasks/repeat-summary";
import {
  formatRule,
  type LocalDate,
  parseRule,
  type RuleParts,
  withImplicitDay,
} from "./recurrence-rule";

/**
 * The recurrence engine: when a repeating task is due next.
 *
 * A repeating task has `dueAt` (an instant), the user's IANA time zone, and
 * `repeat = { rule, from }`: `rule` is an RFC 5545 RRULE without DTSTART and without the
 * "RRULE:" prefix (the supported subset and its canonical form: recurrence-rule.ts); `from` says
 * whether the next date counts from the due date or from the completion.
 *
 * - Wall-clock time. Rules expand in the user's zone (rrule-temporal on Temporal), so a timed
 *   task keeps its local time across daylight-saving changes: "every day at 09:00" stays 09:00.
 * - Date-only tasks are stored as the last millisecond of their local day (23:59:59.999 in the
 *   zone) and stay date-only: the next occurrence is 23:59:59.999 local on the next date.
 * - DST gaps. A generated local time that does not exist (02:30 on a spring-forward day) is
 *   omitted and does not count, as RFC 5545 3.3.10 requires ("Such recurrence instances MUST be
 *   ignored and MUST NOT be counted"); rrule-temporal does this since 2.2.6. The same section
 *   also says a computed time that does not exist is read as an explicit DATE-TIME is (3.3.5:
 *   with the offset before the gap, 02:30 -> 03:30); we follow the first sentence, which also
 *   keeps the wall time: a due moved to 03:30 would repeat at 03:30 for good, since the next
 *   date is expanded from the current due. A time that occurs twice (fall back) is its first
 *   occurrence (3.3.5). A due the user sets inside a gap is already an existing instant (03:30).
 * - Normalisation (`normalizeRule`): a day the rule leaves implicit is named from the due date
 *   in the zone (WEEKLY gets BYDAY, MONTHLY/YEARLY get BYMONTHDAY...), so the rule does not
 *   depend on the date it is expanded from; "monthly on the 31st" lands on the last day of
 *   shorter months and "yearly on Feb 29" on Feb 28 in common years. See withImplicitDay().
 * - From "due": the first occurrence of the rule, expanded with DTSTART = the current due, that
 *   is strictly after the current due and after `now`. Missed occurrences of an overdue task are
 *   skipped; for a date-only task "after now" compares local dates, so one due today counts.
 * - From "completion": DTSTART = the completion's local date at the due's local time of day
 *   (end of day for date-only); the next is the first occurrence strictly after that DTSTART
 *   ("every 3 days" completed on Monday: Thursday). Named days still hold: "weekly on Monday"
 *   completed on a Wednesday is due the Monday after.
 * - COUNT is the number of occurrences left, the current one included: each next occurrence
 *   carries COUNT-1, and COUNT=1 has none (the series ends). Skipped occurrences do not count.
 * - UNTIL ends the series: an occurrence after it means none. A DATE UNTIL is inclusive to the
 *   end of that local day; a UTC DATE-TIME is compared as an instant. We check both ourselves:
 *   rrule-temporal 2.2.8 ends a DATE UNTIL at 23:59:59 and so drops a 23:59:59.999 date-only
 *   occurrence on the UNTIL date.
 */

export interface NextOccurrence {
  dueAt: Date;
  /** The rule the next occurrence carries: normalised, COUNT decremented. */
  rule: string;
}

export type RepeatValidation = { ok: true; rule: string } | { ok: false; message: string };

const END_OF_DAY = Temporal.PlainTime.from("23:59:59.999");

const zoned = (at: Date, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);

const localDate = (at: Temporal.ZonedDateTime): LocalDate => ({
  year: at.year,
  month: at.month,
  day: at.day,
  dayOfWeek: at.dayOfWeek,
});

/** True for an IANA time-zone name Temporal knows ("Europe/Berlin", "UTC"); not for offsets. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone === "" || /^[+-]/.test(zone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** True when `dueAt` is the last millisecond of its local day in `zone`: a date-only task. */
export function isDateOnly(dueAt: Date, zone: string): boolean {
  return zoned(dueAt, zone).toPlainTime().equals(END_OF_DAY);
}

function parsed(rule: string): RuleParts {
  const result = parseRule(rule);
  if (!result.ok) throw new RangeError(`Unsupported repeat rule: ${result.message}`);
  return result.parts;
}

/**
 * The canonical rule with its implicit day named from `dueAt` in `zone` (see the module
 * comment). Throws a RangeError for an unsupported rule (validateRepeat() says why instead).
 */
export function normalizeRule(rule: string, dueAt: Date, zone: string): string {
  return formatRule(withImplicitDay(parsed(rule), localDate(zoned(dueAt, zone))));
}

/** The end of the series: an occurrence later than UNTIL, compared in the zone. */
function afterUntil(at: Temporal.ZonedDateTime, until: string | null): boolean {
  if (until === null) return false;
  if (until.length === 8) {
    return Temporal.PlainDate.compare(at.toPlainDate(), Temporal.PlainDate.from(until)) > 0;
  }
  return Temporal.Instant.compare(at.toInstant(), Temporal.Instant.from(until)) > 0;
}

/**
 * Periods rrule-temporal scans before it gives up on a rule that never matches (Apr 31). The
 * Gregorian calendar repeats every 400 years, so 400 yearly or 4,800 monthly periods hold every
 * date such a rule can match; the library's default, 10,000, costs ~0.4 s for "yearly on Apr 31".
 */
const MAX_PERIODS: Partial<Record<RuleParts["freq"], number>> = { YEARLY: 401, MONTHLY: 4801 };

/**
 * The first occurrence of `parts` expanded from `dtstart` that is strictly after `after`, or
 * null when UNTIL ends the series first or the rule never matches again (the library throws
 * when it runs out of periods). COUNT is ours to count (the module comment), so the expansion
 * runs without COUNT and UNTIL.
 */
function firstAfter(
  parts: RuleParts,
  dtstart: Temporal.ZonedDateTime,
  after: Temporal.ZonedDateTime,
): Temporal.ZonedDateTime | null {
  const rruleString = formatRule({ ...parts, count: null, until: null });
  let next: Temporal.ZonedDateTime | null;
  try {
    const maxIterations = MAX_PERIODS[parts.freq];
    next = new RRuleTemporal({ rruleString, dtstart, maxIterations }).next(after, false);
  } catch (error) {
    if (error instanceof Error && /^Maximum (iterations|candidate)/.test(error.message))
      return null;
    throw error;
  }
  return next === null || afterUntil(next, parts.until) ? null : next;
}

const later = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime) =>
  Temporal.ZonedDateTime.compare(a, b) >= 0 ? a : b;

/**
 * When a repeating task is due next, once it is completed (or skipped) at `completedAt`, with
 * the clock at `now` (both default to the moment of the call). Null when the series has ended
 * (COUNT used up, past UNTIL). Throws a RangeError for an unsupported rule or an unknown zone:
 * rules are checked by validateRepeat() when they are saved.
 */
export function nextOccurrence(
  repeat: Repeat,
  dueAt: Date,
  zone: string,
  now: Date = new Date(),
  completedAt: Date = now,
): NextOccurrence | null {
  const due = zoned(dueAt, zone);
  const parts = withImplicitDay(parsed(repeat.rule), localDate(due));
  if (parts.count === 1) return null;
  let dtstart = due;
  let after = due;
  if (repeat.from === "completion") {
    const plainTime = due.toPlainTime();
    dtstart = zoned(completedAt, zone).toPlainDate().toZonedDateTime({ timeZone: zone, plainTime });
    after = dtstart;
  } else {
    // Occurrences of a date-only task are at 23:59:59.999, so "after the start of today" is
    // "on today's date or later".
    const clock = zoned(now, zone);
    after = later(due, isDateOnly(dueAt, zone) ? clock.startOfDay() : clock);
  }
  const next = firstAfter(parts, dtstart, after);
  if (next === null) return null;
  const count = parts.count === null ? null : parts.count - 1;
  return { dueAt: new Date(next.epochMilliseconds), rule: formatRule({ ...parts, count }) };
}

/**
 * Checks a repeat before it is saved with a task: the rule is supported, the task has a due
 * date, the zone is known, and the rule produces another date after the due. On success, the
 * normalised rule to store.
 */
export function validateRepeat(
  repeat: Repeat,
  dueAt: Date | null | undefined,
  zone: string,
): RepeatValidation {
  if (repeat.from !== "due" && repeat.from !== "completion") {
    return { ok: false, message: 'Repeat "from" must be "due" or "completion"' };
  }
  const result = parseRule(repeat.rule);
  if (!result.ok) return result;
  if (!dueAt) return { ok: false, message: "A repeating task needs a due date" };
  if (!isValidTimeZone(zone)) {
    return { ok: false, message: `Unknown time zone "${String(zone).slice(0, 64)}"` };
  }
  const rule = formatRule(withImplicitDay(result.parts, localDate(zoned(dueAt, zone))));
  if (nextOccurrence({ rule, from: "due" }, dueAt, zone, dueAt) === null) {
    return { ok: false, message: "This rule never repeats after the due date" };
  }
  return { ok: true, rule };
}
