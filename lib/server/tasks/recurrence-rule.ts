import "server-only";
// The recurrence engine's one install of the Temporal polyfill (rrule-temporal needs a global
// `Temporal`); recurrence.ts imports this module, so the global exists before either runs. The
// second import declares the global's types (TypeScript < 6 has no Temporal in its lib).
import "temporal-polyfill/global";
import "temporal-polyfill/types/global";

/**
 * A repeating task's rule: the RFC 5545 RRULE subset Doable supports, parsed, checked and
 * written back in one canonical form. No DTSTART and no "RRULE:" prefix: the start of the
 * expansion comes from the task (see recurrence.ts).
 *
 * Supported: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY; INTERVAL=1..999 (1..100 yearly); BYDAY (plain weekdays for DAILY
 * and WEEKLY, with an ordinal such as 2TU or -1FR for MONTHLY (±1..5) and YEARLY (±1..53));
 * BYMONTHDAY (1..31, -1..-31; not with WEEKLY, as RFC 5545 says); BYMONTH (1..12); BYSETPOS
 * (-5..5 but 0, with BYDAY or BYMONTHDAY); COUNT=1..1000; UNTIL as a DATE (YYYYMMDD) or a UTC
 * DATE-TIME (YYYYMMDDTHHMMSSZ), not both COUNT and UNTIL; WKST. Everything else is refused with
 * a reason: sub-daily frequencies, BYHOUR/BYMINUTE/BYSECOND, BYYEARDAY, BYWEEKNO,
 * DTSTART/RDATE/EXDATE, unknown or repeated parts, malformed values, rules over 500 characters.
 *
 * Canonical form: upper case, parts in the order FREQ, INTERVAL, BYMONTH, BYMONTHDAY, BYDAY,
 * BYSETPOS, WKST, COUNT, UNTIL; list values sorted and de-duplicated; defaults (INTERVAL=1,
 * WKST=MO) left out. Equal rules compare equal as strings.
 */

export const RULE_MAX = 500;
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Freq = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

/** BYDAY entry: `n` is the ordinal (2 in 2TU, -1 in -1FR), 0 for a plain weekday. */
export interface DayEntry {
  n: number;
  day: Weekday;
}

export interface RuleParts {
  freq: Freq;
  interval: number;
  byMonth: number[];
  byMonthDay: number[];
  byDay: DayEntry[];
  bySetPos: number[];
  wkst: Weekday | null;
  count: number | null;
  /** As written: YYYYMMDD (a local date, inclusive) or YYYYMMDDTHHMMSSZ (a UTC instant). */
  until: string | null;
}

export type ParsedRule = { ok: true; parts: RuleParts } | { ok: false; message: string };

/** The due date's local calendar fields the implicit parts of a rule come from. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 1 = Monday .. 7 = Sunday, as Temporal numbers them. */
  dayOfWeek: number;
}

const YEARLY_INTERVAL_MAX = 100;
const KNOWN = ["FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST"];
const BOUNDS = ["COUNT", "UNTIL"];
/** Parts RFC 5545 (or RFC 7529) defines that Doable refuses by name. */
const REFUSED = new Set([
  "BYHOUR",
  "BYMINUTE",
  "BYSECOND",
  "BYYEARDAY",
  "BYWEEKNO",
  "DTSTART",
  "RDATE",
  "EXDATE",
  "EXRULE",
  "RSCALE",
  "SKIP",
]);
const SUB_DAILY = new Set(["HOURLY", "MINUTELY", "SECONDLY"]);
const FREQS = new Set<string>(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
const DAY_ENTRY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

class RuleError extends Error {}

const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

function int(name: string, text: string, min: number, max: number, hint: string): number {
  const value = /^[+-]?\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max) || value === 0) throw new RuleError(`${name} ${hint}`);
  return value;
}

function intList(name: string, text: string, min: number, max: number, hint: string): number[] {
  const values = text.split(",").map((item) => int(name, item, min, max, hint));
  return [...new Set(values)].sort((a, b) => a - b);
}

function dayList(text: string, freq: Freq): DayEntry[] {
  const maxOrdinal = freq === "MONTHLY" ? 5 : freq === "YEARLY" ? 53 : 0;
  const entries = text.split(",").map((item): DayEntry => {
    const match = DAY_ENTRY.exec(item);
    if (!match) throw new RuleError(`BYDAY has an invalid day "${clip(item)}"`);
    const n = match[1] === undefined ? 0 : Number(match[1]);
    if (match[1] !== undefined && maxOrdinal === 0) {
      throw new RuleError(`BYDAY takes plain weekdays (MO..SU) with FREQ=${freq}`);
    }
    if (n === 0 && match[1] !== undefined) throw new RuleError("BYDAY ordinals cannot be 0");
    if (Math.abs(n) > maxOrdinal) {
      throw new RuleError(`BYDAY ordinals must be 1..${maxOrdinal} or -1..-${maxOrdinal}`);
    }
    return { n, day: match[2] as Weekday };
  });
  const key = (entry: DayEntry) => `${WEEKDAYS.indexOf(entry.day)}:${entry.n}`;
  const unique = new Map(entries.map((entry) => [key(entry), entry]));
  return [...unique.values()].sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.n - b.n,
  );
}

function untilValue(text: string): string {
  const shape = /^\d{8}$/.test(text) || /^\d{8}T\d{6}Z$/.test(text);
  try {
    if (shape && text.length === 8) Temporal.PlainDate.from(text);
    else if (shape) Temporal.Instant.from(text);
    else throw new RangeError();
  } catch {
    throw new RuleError("UNTIL must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ)");
  }
  return text;
}

function splitParts(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const word = /^[A-Z]+/.exec(name)?.[0] ?? "";
    if (REFUSED.has(word)) throw new RuleError(`${word} is not supported`);
    if (eq <= 0 || name !== word) throw new RuleError(`Malformed rule part "${clip(part)}"`);
    if (!KNOWN.includes(name) && !BOUNDS.includes(name)) {
      throw new RuleError(`Unknown rule part ${clip(name)}`);
    }
    if (values.has(name)) throw new RuleError(`${name} appears more than once`);
    const value = part.slice(eq + 1);
    if (value === "") throw new RuleError(`${name} has no value`);
    values.set(name, value);
  }
  return values;
}

function partsOf(values: Map<string, string>): RuleParts {
  const freqText = values.get("FREQ");
  if (freqText === undefined) throw new RuleError("The rule needs a FREQ");
  if (SUB_DAILY.has(freqText)) throw new RuleError(`FREQ=${freqText} is not supported`);
  if (!FREQS.has(freqText)) throw new RuleError(`Unknown FREQ "${clip(freqText)}"`);
  const freq = freqText as Freq;
  const text = (name: string) => values.get(name) ?? null;
  const wkst = text("WKST");
  if (wkst !== null && !WEEKDAYS.includes(wkst as Weekday)) {
    throw new RuleError("WKST must be a weekday (MO..SU)");
  }
  const interval = text("INTERVAL");
  const count = text("COUNT");
  const until = text("UNTIL");
  const byMonth = text("BYMONTH");
  const byMonthDay = text("BYMONTHDAY");
  const byDay = text("BYDAY");
  const bySetPos = text("BYSETPOS");
  const parts: RuleParts = {
    freq,
    interval: interval === null ? 1 : int("INTERVAL", interval, 1, 999, "must be 1..999"),
    byMonth: byMonth === null ? [] : intList("BYMONTH", byMonth, 1, 12, "must be 1..12"),
    byMonthDay:
      byMonthDay === null
        ? []
        : intList("BYMONTHDAY", byMonthDay, -31, 31, "must be 1..31 or -1..-31"),
    byDay: byDay === null ? [] : dayList(byDay, freq),
    bySetPos: bySetPos === null ? [] : intList("BYSETPOS", bySetPos, -5, 5, "must be -5..5, not 0"),
    wkst: wkst === null || wkst === "MO" ? null : (wkst as Weekday),
    count: count === null ? null : int("COUNT", count, 1, 1000, "must be 1..1000"),
    until: until === null ? null : untilValue(until),
  };
  if (parts.count !== null && parts.until !== null) {
    throw new RuleError("COUNT and UNTIL cannot be used together");
  }
  // Finding the next of a rare date (Feb 29) every 999 years scans thousands of years: over a
  // second of CPU per request. A century is more than any task needs.
  if (freq === "YEARLY" && parts.interval > YEARLY_INTERVAL_MAX) {
    throw new RuleError(`INTERVAL must be 1..${YEARLY_INTERVAL_MAX} for FREQ=YEARLY`);
  }
  if (freq === "WEEKLY" && parts.byMonthDay.length > 0) {
    throw new RuleError("BYMONTHDAY cannot be used with FREQ=WEEKLY");
  }
  if (parts.bySetPos.length > 0 && parts.byDay.length + parts.byMonthDay.length === 0) {
    throw new RuleError("BYSETPOS needs BYDAY or BYMONTHDAY");
  }
  const most = mostDatesPerPeriod(parts);
  const beyond = parts.bySetPos.find((pos) => Math.abs(pos) > most);
  if (beyond !== undefined) {
    const dates = most === 1 ? "1 date" : `${most} dates`;
    throw new RuleError(`BYSETPOS=${beyond} never matches: a period has at most ${dates}`);
  }
  return parts;
}

/**
 * At most how many dates one period of the rule holds, for refusing a BYSETPOS that can never
 * match (FREQ=MONTHLY;BYMONTHDAY=8;BYSETPOS=2): the expansion would scan thousands of periods
 * (up to ~1 s) before giving up. A bound, not a count: months have at most 5 of a weekday.
 */
function mostDatesPerPeriod({ freq, byMonth, byMonthDay, byDay }: RuleParts): number {
  const weekdays = (plain: number) => byDay.reduce((sum, { n }) => sum + (n === 0 ? plain : 1), 0);
  const perMonth = byMonthDay.length > 0 ? byMonthDay.length : weekdays(5);
  if (freq === "DAILY") return 1;
  if (freq === "WEEKLY") return Math.max(byDay.length, 1);
  if (freq === "MONTHLY") return perMonth;
  if (byMonth.length === 0 && byMonthDay.length === 0) return weekdays(53);
  return (byMonth.length || 12) * perMonth;
}

/** Parses and checks a rule; the message names the first problem found. */
export function parseRule(rule: string): ParsedRule {
  if (typeof rule !== "string" || rule.trim() === "") return { ok: false, message: "No rule" };
  if (rule.length > RULE_MAX) {
    return { ok: false, message: `A rule may be at most ${RULE_MAX} characters` };
  }
  const text = rule.trim().toUpperCase();
  if (text.startsWith("RRULE:")) return { ok: false, message: 'Leave out the "RRULE:" prefix' };
  try {
    return { ok: true, parts: partsOf(splitParts(text)) };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The canonical rule string of `parts`. */
export function formatRule(parts: RuleParts): string {
  const out = [`FREQ=${parts.freq}`];
  if (parts.interval !== 1) out.push(`INTERVAL=${parts.interval}`);
  if (parts.byMonth.length > 0) out.push(`BYMONTH=${parts.byMonth.join(",")}`);
  if (parts.byMonthDay.length > 0) out.push(`BYMONTHDAY=${parts.byMonthDay.join(",")}`);
  if (parts.byDay.length > 0) {
    out.push(`BYDAY=${parts.byDay.map(({ n, day }) => (n === 0 ? day : `${n}${day}`)).join(",")}`);
  }
  if (parts.bySetPos.length > 0) out.push(`BYSETPOS=${parts.bySetPos.join(",")}`);
  if (parts.wkst !== null) out.push(`WKST=${parts.wkst}`);
  if (parts.count !== null) out.push(`COUNT=${parts.count}`);
  if (parts.until !== null) out.push(`UNTIL=${parts.until}`);
  return out.join(";");
}

/** `from..to` as a list of whole numbers. */
const span = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Names the day a rule leaves implicit (RFC 5545 takes it from DTSTART), so the rule no longer
 * depends on the occurrence it is expanded from:
 * - WEEKLY without BYDAY: BYDAY=<the due's weekday>.
 * - MONTHLY without BYDAY/BYMONTHDAY: BYMONTHDAY=<day> for days 1..28; for 29, 30 and 31
 *   BYMONTHDAY=28,..,<day>;BYSETPOS=-1, the latest of those the month has, so "monthly on the
 *   31st" lands on the last day of shorter months (Jan 31, Feb 28/29, Mar 31, Apr 30).
 * - YEARLY without BYMONTH/BYMONTHDAY/BYDAY: BYMONTH=<month>;BYMONTHDAY=<day>, and for Feb 29
 *   BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1 (Feb 29 in leap years, Feb 28 in others).
 * - YEARLY with BYMONTH but no BYMONTHDAY/BYDAY: BYMONTHDAY=<day> (months without it are
 *   skipped, as RFC 5545 skips them for the implicit day).
 * Other rules, and rules already explicit, come back unchanged.
 */
export function withImplicitDay(parts: RuleParts, due: LocalDate): RuleParts {
  const { month, day } = due;
  const noDay = parts.byDay.length === 0 && parts.byMonthDay.length === 0;
  if (parts.freq === "WEEKLY" && parts.byDay.length === 0) {
    const weekday = WEEKDAYS[due.dayOfWeek - 1] ?? "MO";
    return { ...parts, byDay: [{ n: 0, day: weekday }] };
  }
  if (parts.freq === "MONTHLY" && noDay) {
    return day <= 28
      ? { ...parts, byMonthDay: [day] }
      : { ...parts, byMonthDay: span(28, day), bySetPos: [-1] };
  }
  if (parts.freq === "YEARLY" && noDay && parts.byMonth.length === 0) {
    return month === 2 && day === 29
      ? { ...parts, byMonth: [2], byMonthDay: [28, 29], bySetPos: [-1] }
      : { ...parts, byMonth: [month], byMonthDay: [day] };
  }
  if (parts.freq === "YEARLY" && noDay) return { ...parts, byMonthDay: [day] };
  return parts;
}
