/**
 * Calendar days in the user's time zone (the account's setting, which the server reckons Today
 * and Upcoming in), as "YYYY-MM-DD" keys. Plain Intl, no dependencies.
 */

const keyFormats = new Map<string, Intl.DateTimeFormat>();

function keyFormat(zone: string): Intl.DateTimeFormat {
  let format = keyFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      // An unknown zone (an old browser's list): the browser's own zone.
      format = new Intl.DateTimeFormat("en-CA", {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    }
    keyFormats.set(zone, format);
  }
  return format;
}

/** The day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayKey(at: Date | string, zone: string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  const parts = keyFormat(zone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
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

/** "Tue 14 Jan": the day an instant falls on in `zone`, as the toast after a completion says it. */
export function shortDayIn(at: string, zone: string): string {
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
