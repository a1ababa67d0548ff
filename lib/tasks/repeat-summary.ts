/**
 * A repeating task's rule in words, for the task row, and the rules the repeat presets create.
 * Browser-safe and dependency-free: it ships in the dashboard bundle. The rule is an RFC 5545
 * RRULE without DTSTART (the server checks and normalises it: lib/server/tasks/recurrence.ts);
 * this reads only the shapes the UI shows and falls back to "Repeats" for the rest.
 */

export type RepeatFrom = "due" | "completion";

export interface Repeat {
  rule: string;
  from: RepeatFrom;
}

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const WORKDAYS = "MO,TU,WE,TH,FR";
const UNITS = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" } as const;

/** 1st, 2nd, 3rd, 4th, 11th, 21st... */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th";
  return `${n}${suffix}`;
}

/** "2nd", "last", "2nd last" for a position counted from the start (n > 0) or the end. */
const position = (n: number) => (n === -1 ? "last" : n < 0 ? `${ordinal(-n)} last` : ordinal(n));

const isInt = (text: string | undefined) => text !== undefined && /^[+-]?\d+$/.test(text);

/** "the 2nd Tuesday", "the last weekday": BYDAY (one entry, or weekdays with BYSETPOS). */
function dayPosition(byDay: string, setPos: string | undefined): string | null {
  const match = /^([+-]?\d+)?([A-Z]{2})$/.exec(byDay);
  const day = match ? WEEKDAYS.indexOf(match[2] ?? "") : -1;
  const n = Number(match?.[1] ?? setPos);
  const single = match?.[1] === undefined ? isInt(setPos) : setPos === undefined;
  if (day >= 0 && single && n !== 0) return `the ${position(n)} ${DAY_LONG[day]}`;
  return byDay === WORKDAYS && isInt(setPos) && n !== 0 ? `the ${position(n)} weekday` : null;
}

/** "the 15th", "the last day": BYMONTHDAY alone, or the 28,..,N;BYSETPOS=-1 fallback form. */
function monthDay(byMonthDay: string, setPos: string | undefined): string | null {
  const last = /^28(,29(,30(,31)?)?)?$/.test(byMonthDay) && setPos === "-1";
  const day = last ? Number(byMonthDay.split(",").pop()) : Number(byMonthDay);
  if (!last && (setPos !== undefined || !isInt(byMonthDay) || day === 0)) return null;
  if (day === 31 || day === -1) return "the last day";
  return day > 0 ? `the ${ordinal(day)}` : `the ${position(day)} day`;
}

function period(parts: Map<string, string>): string | null {
  const unit = UNITS[parts.get("FREQ") as keyof typeof UNITS];
  const interval = Number(parts.get("INTERVAL") ?? "1");
  if (!unit || !Number.isInteger(interval) || interval < 1) return null;
  const every = interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
  const {
    BYDAY: byDay,
    BYMONTHDAY: byMonthDay,
    BYMONTH: byMonth,
    BYSETPOS: setPos,
  } = Object.fromEntries(parts) as Record<string, string | undefined>;
  const rest = [...parts.keys()].filter((key) => !["FREQ", "INTERVAL", "WKST"].includes(key));
  const only = (...keys: string[]) => rest.every((key) => keys.includes(key));
  if (rest.length === 0) return every;
  if (unit === "day" || unit === "week") {
    if (!only("BYDAY") || byDay === undefined) return null;
    if (byDay === WORKDAYS && interval === 1) return "Every weekday";
    const days = byDay.split(",").map((code) => WEEKDAYS.indexOf(code));
    if (days.some((day) => day < 0) || (unit === "day" && interval !== 1)) return null;
    const names = days.sort((a, b) => a - b).map((day) => DAY_SHORT[day]);
    return `${interval === 1 ? "Every week" : `Every ${interval} weeks`} on ${names.join(", ")}`;
  }
  if (unit === "month") {
    if (!only("BYDAY", "BYMONTHDAY", "BYSETPOS")) return null;
    const on =
      byDay !== undefined && byMonthDay === undefined
        ? dayPosition(byDay, setPos)
        : byMonthDay !== undefined && byDay === undefined
          ? monthDay(byMonthDay, setPos)
          : null;
    return on && `${every} on ${on}`;
  }
  const month = MONTHS[Number(byMonth) - 1];
  if (!only("BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS") || !isInt(byMonth) || !month) {
    return null;
  }
  if (byDay !== undefined && byMonthDay === undefined) {
    const on = dayPosition(byDay, setPos);
    return on && `${every} on ${on} of ${month}`;
  }
  const feb29 = byMonth === "2" && byMonthDay === "28,29" && setPos === "-1";
  const day = feb29 ? 29 : Number(byMonthDay);
  if (!feb29 && (setPos !== undefined || !isInt(byMonthDay) || day < 1)) return null;
  return `${every} on ${day} ${month}`;
}

/** "31 Dec 2027": UNTIL as a DATE, or a UTC DATE-TIME shown on the browser's local date. */
function untilText(until: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z)?$/.exec(until);
  if (!m) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const date = m[4]
    ? new Date(Date.UTC(n(1), n(2) - 1, n(3), n(5), n(6), n(7)))
    : new Date(n(1), n(2) - 1, n(3));
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * The rule in words: "Every day", "Every weekday", "Every 2 weeks on Mon, Thu", "Every month on
 * the last Friday", "Every year on 14 Jan", with " after completion", ", 5 times" and
 * ", until 31 Dec 2027" as they apply; "Repeats" for a shape it does not know.
 */
export function summarizeRepeat(repeat: Repeat): string {
  const parts = new Map<string, string>();
  for (const part of repeat.rule.toUpperCase().split(";")) {
    const [name = "", value, extra] = part.split("=");
    if (value === undefined || extra !== undefined || parts.has(name)) return "Repeats";
    parts.set(name, value);
  }
  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  parts.delete("COUNT");
  parts.delete("UNTIL");
  const base = period(parts);
  const untilWords = until === undefined ? "" : untilText(until);
  if (base === null || untilWords === null || (count !== undefined && !isInt(count))) {
    return "Repeats";
  }
  const after = repeat.from === "completion" ? " after completion" : "";
  const times = count === undefined ? "" : `, ${count} ${count === "1" ? "time" : "times"}`;
  return `${base}${after}${times}${untilWords && `, until ${untilWords}`}`;
}

export const REPEAT_PRESETS = [
  { kind: "daily", label: "Every day" },
  { kind: "weekdays", label: "Every weekday" },
  { kind: "weekly", label: "Every week" },
  { kind: "monthly", label: "Every month" },
  { kind: "yearly", label: "Every year" },
] as const;

export type RepeatPreset = (typeof REPEAT_PRESETS)[number]["kind"];

/**
 * The rule a preset creates for a task due at `due`. "weekly" names the due's weekday in the
 * browser's zone; "monthly" and "yearly" leave the day implicit: the server names it from the
 * due date in the user's zone when it saves the rule.
 */
export function presetRule(kind: RepeatPreset, due: Date): string {
  switch (kind) {
    case "daily":
      return "FREQ=DAILY";
    case "weekdays":
      return `FREQ=WEEKLY;BYDAY=${WORKDAYS}`;
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS[(due.getDay() + 6) % 7]}`;
    case "monthly":
      return "FREQ=MONTHLY";
    case "yearly":
      return "FREQ=YEARLY";
  }
}
