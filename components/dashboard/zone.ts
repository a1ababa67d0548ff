/**
 * Calendar days and wall-clock times in a time zone: the account's (the server reckons Today,
 * Upcoming, repeats and reminders in it), set once by the dashboard as the display zone, or
 * the browser's own until then. Days are "YYYY-MM-DD" keys. Plain Intl, no dependencies.
 */

/** A wall-clock time: month 1-12. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

let display: string | undefined;

/**
 * The zone dates are shown and typed in (the account's). Set by the dashboard in the browser;
 * undefined (the runtime's own zone) elsewhere.
 */
export function setDisplayZone(zone: string | undefined): void {
  display = zone && isZone(zone) ? zone : undefined;
}

export function displayZone(): string | undefined {
  return display;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: isZone(zone) ? zone : undefined,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock time of an instant in `zone` (undefined: the runtime's zone). */
export function wallTime(at: Date, zone: string | undefined = display): Wall {
  if (zone === undefined) {
    return {
      year: at.getFullYear(),
      month: at.getMonth() + 1,
      day: at.getDate(),
      hour: at.getHours(),
      minute: at.getMinutes(),
      second: at.getSeconds(),
      millisecond: at.getMilliseconds(),
    };
  }
  const parts = partFormat(zone).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour") % 24,
    minute: n("minute"),
    second: n("second"),
    millisecond: at.getUTCMilliseconds(),
  };
}

const asUtc = (w: Wall) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/**
 * The instant a wall-clock time in `zone` names (a time in a spring-forward gap moves on by
 * the gap, as the server's Temporal does by default).
 */
export function zonedTime(wall: Wall, zone: string | undefined = display): Date {
  if (zone === undefined) {
    return new Date(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
      wall.millisecond,
    );
  }
  const target = asUtc(wall);
  let guess = target;
  // Twice: the offset at the first guess may differ from the one at the answer (near DST).
  for (let i = 0; i < 2; i++) guess = target - (asUtc(wallTime(new Date(guess), zone)) - guess);
  return new Date(guess);
}

/** The day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayKey(at: Date | string, zone: string | undefined = display): string {
  const w = wallTime(typeof at === "string" ? new Date(at) : at, zone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** Noon UTC of a day key: a Date whose UTC calendar fields are that day, for formatting. */
function keyToDate(key: string): Date {
  const [y = 1970, m = 1, d = 1] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** The day key `days` after `key` (negative: before). */
export function addDays(key: string, days: number): string {
  const date = keyToDate(key);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both day keys). */
export function daysBetween(from: string, to: string): number {
  return Math.round((keyToDate(to).getTime() - keyToDate(from).getTime()) / 86_400_000);
}

// In the browser's language, like every other date on the page ("Tue, Jan 14", "Tue 14 Jan").
const dayFormats = {
  short: new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }),
  long: new Intl.DateTimeFormat(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }),
};

/** A day key in words: "Tue, Jan 14" (short), "Tuesday, January 14" (long), as the locale says. */
export function formatDay(key: string, style: keyof typeof dayFormats = "short"): string {
  return dayFormats[style].format(keyToDate(key));
}

/** "Tue, Jan 14": the day an instant falls on in `zone`, as the completion toast says it. */
export function shortDayIn(at: string, zone: string | undefined = display): string {
  return formatDay(dayKey(at, zone));
}

/** This browser's zone, e.g. "Europe/Berlin" ("UTC" where it cannot tell). */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
