import type { RepeatFrom } from "@/lib/tasks/model";
import { presetRule, type RepeatPreset } from "@/lib/tasks/repeat-summary";

/**
 * The custom repeat builder's state and the RRULE it writes (and reads back). Only the shapes
 * the builder offers: every N days/weeks/months/years; weekly on chosen weekdays; monthly on a
 * day, on the Nth or last weekday, or on the last day; ends never, after N times or on a date.
 * The server checks and normalises the rule (lib/server/tasks/recurrence-rule.ts).
 */

export const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAY_CODES)[number];
export const FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Freq = (typeof FREQS)[number];

export interface RepeatForm {
  freq: Freq;
  interval: number;
  /** WEEKLY: the days it falls on. */
  weekdays: Weekday[];
  /** MONTHLY: on a day of the month, on the Nth (or last) weekday, or on the last day. */
  monthly: "day" | "weekday" | "last-day";
  monthDay: number;
  /** 1..4, or -1 for the last. */
  setPos: number;
  posDay: Weekday;
  ends: "never" | "count" | "until";
  count: number;
  /** YYYY-MM-DD, inclusive. */
  until: string;
  from: RepeatFrom;
}

/** Monday = 0 .. Sunday = 6, for a local date. */
const weekdayOf = (date: Date): Weekday => WEEKDAY_CODES[(date.getDay() + 6) % 7] ?? "MO";

/** The builder's starting point for a task due on `due` (local calendar). */
export function defaultForm(due: Date, from: RepeatFrom = "due"): RepeatForm {
  const day = due.getDate();
  return {
    freq: "WEEKLY",
    interval: 1,
    weekdays: [weekdayOf(due)],
    monthly: "day",
    monthDay: day,
    setPos: day > 28 ? -1 : Math.ceil(day / 7),
    posDay: weekdayOf(due),
    ends: "never",
    count: 10,
    until: "",
    from,
  };
}

const sortDays = (days: readonly Weekday[]) =>
  [...new Set(days)].sort((a, b) => WEEKDAY_CODES.indexOf(a) - WEEKDAY_CODES.indexOf(b));

/** The RRULE a form describes, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5". */
export function formToRule(form: RepeatForm): string {
  const parts = [`FREQ=${form.freq}`];
  if (form.interval > 1) parts.push(`INTERVAL=${Math.floor(form.interval)}`);
  if (form.freq === "WEEKLY" && form.weekdays.length > 0) {
    parts.push(`BYDAY=${sortDays(form.weekdays).join(",")}`);
  }
  if (form.freq === "MONTHLY") {
    if (form.monthly === "day") parts.push(`BYMONTHDAY=${form.monthDay}`);
    else if (form.monthly === "last-day") parts.push("BYMONTHDAY=-1");
    else parts.push(`BYDAY=${form.setPos}${form.posDay}`);
  }
  if (form.ends === "count") parts.push(`COUNT=${Math.max(1, Math.floor(form.count))}`);
  if (form.ends === "until" && /^\d{4}-\d{2}-\d{2}$/.test(form.until)) {
    parts.push(`UNTIL=${form.until.replaceAll("-", "")}`);
  }
  return parts.join(";");
}

function ruleParts(rule: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const part of rule.toUpperCase().split(";")) {
    const [name, value, extra] = part.split("=");
    if (!name || value === undefined || extra !== undefined || parts.has(name)) return null;
    parts.set(name, value);
  }
  return parts;
}

const isDay = (code: string): code is Weekday =>
  (WEEKDAY_CODES as readonly string[]).includes(code);

/**
 * A rule read back into the builder, or null when the builder cannot show it (it is then kept
 * as it is). Days a rule names from its due date (monthly, yearly) come from `due`.
 */
export function ruleToForm(rule: string, from: RepeatFrom, due: Date): RepeatForm | null {
  const parts = ruleParts(rule);
  const freq = parts?.get("FREQ") as Freq | undefined;
  if (!parts || !freq || !FREQS.includes(freq)) return null;
  const form = { ...defaultForm(due, from), freq };
  const interval = Number(parts.get("INTERVAL") ?? "1");
  if (!Number.isInteger(interval) || interval < 1) return null;
  form.interval = interval;
  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  if (count !== undefined) Object.assign(form, { ends: "count", count: Number(count) });
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
    if (!m) return null;
    Object.assign(form, { ends: "until", until: `${m[1]}-${m[2]}-${m[3]}` });
  }
  const byDay = parts.get("BYDAY");
  const byMonthDay = parts.get("BYMONTHDAY");
  const setPos = parts.get("BYSETPOS");
  const known = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"]);
  const rest = [...parts.keys()].filter((key) => !known.has(key));
  if (freq === "DAILY") return rest.length === 0 ? form : null;
  if (freq === "WEEKLY") {
    if (rest.some((key) => key !== "BYDAY")) return null;
    const days = byDay ? byDay.split(",") : [weekdayOf(due)];
    if (!days.every(isDay)) return null;
    form.weekdays = sortDays(days);
    return form;
  }
  if (freq === "YEARLY") {
    // The day of the year comes from the due date; a rule naming another day is kept as is.
    return rest.every((key) => key === "BYMONTH" || key === "BYMONTHDAY") ? form : null;
  }
  // MONTHLY
  if (rest.some((key) => !["BYDAY", "BYMONTHDAY", "BYSETPOS"].includes(key))) return null;
  if (byDay === undefined && byMonthDay === undefined) return rest.length === 0 ? form : null;
  if (byDay === undefined && byMonthDay !== undefined) {
    if (byMonthDay === "-1" && setPos === undefined) return { ...form, monthly: "last-day" };
    // "The 30th, or the last day of a shorter month", as the server writes the 29th-31st.
    if (/^28(,29(,30(,31)?)?)?$/.test(byMonthDay) && setPos === "-1") {
      const last = Number(byMonthDay.split(",").pop());
      return last === 31 ? { ...form, monthly: "last-day" } : { ...form, monthDay: last };
    }
    const day = Number(byMonthDay);
    if (setPos !== undefined || !Number.isInteger(day) || day < 1 || day > 31) return null;
    return { ...form, monthly: "day", monthDay: day };
  }
  // "2TU", or "TU" with BYSETPOS=2.
  const match = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? "");
  const n = Number(match?.[1] ?? setPos);
  const single = match && (match[1] === undefined) !== (setPos === undefined);
  if (!match || !single || byMonthDay !== undefined || !(n === -1 || (n >= 1 && n <= 4))) {
    return null;
  }
  return { ...form, monthly: "weekday", setPos: n, posDay: match[2] as Weekday };
}

/** The preset a stored rule came from for a task due on `due`, or null (a custom rule). */
export function presetOf(rule: string, due: Date): RepeatPreset | null {
  const r = rule.toUpperCase();
  const day = due.getDate();
  const month = due.getMonth() + 1;
  const fallback = day >= 29 ? `28,${[29, 30, 31].filter((d) => d <= day).join(",")}` : null;
  const candidates: [RepeatPreset, string[]][] = [
    ["daily", ["FREQ=DAILY"]],
    ["weekdays", [presetRule("weekdays", due)]],
    ["weekly", ["FREQ=WEEKLY", presetRule("weekly", due)]],
    [
      "monthly",
      [
        "FREQ=MONTHLY",
        `FREQ=MONTHLY;BYMONTHDAY=${day}`,
        ...(fallback ? [`FREQ=MONTHLY;BYMONTHDAY=${fallback};BYSETPOS=-1`] : []),
      ],
    ],
    [
      "yearly",
      [
        "FREQ=YEARLY",
        `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${day}`,
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
      ],
    ],
  ];
  for (const [kind, rules] of candidates) {
    if (kind === "yearly" && r.endsWith("BYSETPOS=-1") && !(month === 2 && day === 29)) continue;
    if (rules.includes(r)) return kind;
  }
  return null;
}
