/**
 * Quick add's due dates: chrono-node finds them, and the rules below decide which of its finds
 * read as a due date in a task's title. This is the only module that imports chrono-node (its
 * English locale alone); lib/tasks/quick-add.ts, which calls it, is the quick-add parser's API.
 *
 * Dates and times are chrono's ("tomorrow 5pm", "next fri", "in 3 days", "dec 24", "24 dec",
 * "end of month", "noon", "midnight", "9:30am", "17:00"), always forward from `now` (a time that
 * has passed today is tomorrow's, "nov 3" in December is next year's). MDY reads "10/12" as
 * 12 Oct (chrono's default), DMY as 10 Dec (chrono's en-GB parser). Readings that are changed:
 * - "next week" is Monday of next week (Todoist's), parsed by chrono as "next monday"; chrono's
 *   own reading is seven days from now. "next fri" is the Friday of next week (chrono's).
 * - a result with no time is date-only: 23:59:59.999 local, the app's convention.
 * - "day after tomorrow" without "the": chrono reads "tomorrow" alone; it is read with "the".
 * - DMY: chrono's en-GB parser reads "dec 24" as December 2024; it is read as the 24th.
 * chrono's times of day stand: morning 06:00, afternoon 15:00, evening 20:00, tonight 22:00.
 *
 * Fewer false positives beat more recognitions (a user can always add a date explicitly), so a
 * match counts only when all of these hold:
 * 1. Whole words: not glued to letters, digits or `& @ # ' ’ / -` ("Call at&t", "tomorrow's").
 * 2. Not the past ("yesterday", "last week", "2 days ago"), and not "now" ("Now and Then").
 * 3. Not Title Case: two or more capitalised words, after the input's first word, are a name
 *    ("Watch The Day After Tomorrow", "Meet Next Friday" too: write "next friday").
 * 4. A duration needs "in"/"within", "from now", "later", or "next"/"this": "in 2 hours" counts,
 *    "1 hour walk", "30 min workout", "17h", "for 30 minutes" do not.
 * 5. A month needs a day: "dec 24" and "24th of December" count anywhere; "june report",
 *    "May the force be with you", "December 2027" do not. "on the 5th" is not read (chrono has
 *    no day-of-month-alone parser, so "The 5th Wave" is safe too). "end of week" is not read.
 * 6. A numeric date ("12/10") needs a year, a time or an anchor word before it ("by 12/10"), so
 *    fractions and "24/7 support" stay.
 * 7. Weekday names, "weekend", "noon" and "midnight" alone are weak words: they need an anchor
 *    (the word before is on, by, due, until, till, before or at; or "on/this/next/coming"
 *    begins the match), or a date or a numeric time in the same match ("friday 5pm"). A weekday
 *    also counts at the end of the input (only other tokens after it: "Call mum friday #family"),
 *    but not abbreviated to "sat", "sun" or "wed" (English words: "Sit in the sun") and not after
 *    a word that makes it a name ("Black Friday", "Cyber Monday"). So "Sunday roast recipe",
 *    "Mondays are hard", "Watch Friday Night Lights" and "Read Midnight Sun" stay titles.
 *    Morning/afternoon/evening/night need "this" or a date ("tomorrow morning"): "Morning run".
 * 8. Bare hours are ambiguous (3:00 or 15:00?) and never read: "at 3", "5 o'clock", "Watch 24"
 *    stay ("at 15", "at 3pm", "at 3:30" count; H:MM without am/pm is 24-hour, as chrono reads it).
 * 9. H:MM without am/pm right after a capitalised word is a reference: "Read John 3:16".
 * An anchor word (or "for") before an accepted match is part of its token ("Submit by friday",
 * "Plan for sunday" -> "Submit", "Plan").
 *
 * Times are in `timeZone`: chrono reads the text against the zone's wall time at `now` (its
 * ReferenceWithTimezone, from the zone's UTC offset then), and each result's wall time is then
 * placed in the zone at the offset the zone has on that day (chrono's timezoneOffset
 * component), so "in 2 weeks" across a DST change keeps its wall time and "in 2 hours" is two
 * hours of wall time. The offsets come from Intl; chrono does the date arithmetic. A time the
 * user typed with a zone ("5pm CET") keeps that zone.
 */
import {
  casual,
  GB,
  type ParsedResult,
  type ParsingComponents,
  ReferenceWithTimezone,
} from "chrono-node/en";

/** Marks a token's characters (tags, priorities...) in the text chrono reads. */
export const TOKEN = "\uE000";
/** Marks characters that stay in the title but are not parsed (quotes, removed chips). */
export const TEXT = "\uE001";

export interface DueContext {
  now: Date;
  timeZone?: string;
  dateOrder: "MDY" | "DMY";
}

export interface FoundDue {
  /** Where it was typed: one span, or several when tokens sit inside ("tomorrow #x 5pm"). */
  spans: Array<{ start: number; end: number }>;
  at: Date;
  dateOnly: boolean;
  /** A time without a day ("5pm", "at 17:00"): its text, to combine with a repeat's weekday. */
  timeText: string | null;
}

const ANCHOR = /(?:^|\s)(?:on|by|due|until|till|before|at)\s+$/i;
/** Words before an accepted date that become part of its token: the anchors, and "for". */
const ABSORBED = /(?:^|\s)(?:on|by|due|until|till|before|at|for)\s+$/i;
const ANCHORED_START = /^(?:on|this|next|coming)\s/i;
const NAME_BEFORE =
  /(?:^|\s)(?:black|good|cyber|easter|palm|ash|super|fat|giving|holy|maundy|shrove|casual|freaky|blue|man|girl|throwback)\s+$/i;
const GLUED_BEFORE = /[\p{L}\p{N}_&@#'’/.-]$/u;
const GLUED_AFTER = /^[\p{L}\p{N}_&@#'’/%-]/u;
const ENDS_INPUT = new RegExp(`^[\\s${TOKEN}.,;:!?)\\]]*$`);
const WEEKDAY = /\b(?:(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*|weekend)\b/iu;
const TIME_OF_DAY = /^casualReference\/(tonight|morning|afternoon|evening|night|noon|midnight)$/;
const RELATIVE_OK =
  /^(?:in|within|next|this)\s|\s(?:from now|from today|later)$|^(?:the\s+)?day after tomorrow$/i;

/** Minutes ahead of UTC in `zone` at `at`, from Intl ("GMT+05:30"); null for an unknown zone. */
const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();
function offsetMinutes(zone: string, at: Date): number | null {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    } catch {
      format = null;
    }
    offsetFormats.set(zone, format);
  }
  const name = format?.formatToParts(at).find((part) => part.type === "timeZoneName")?.value;
  if (!name) return null;
  const match = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(name);
  if (!match) return null;
  const minutes = Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

const hasTag = (result: ParsedResult, pattern: RegExp) =>
  [...result.tags()].some((tag) => pattern.test(tag));

/**
 * chrono's reference: `now`, as a Date whose runtime-local fields are the zone's wall time
 * (chrono's own ReferenceWithTimezone shift). Passing `{ instant, timezone }` instead made
 * results depend on the runtime's zone: chrono's forwardDate refiner compares that shifted
 * date with absolute instants, so in Los Angeles "dec 1" read in Berlin on 1 Dec was next
 * year's, and "tuesday 9am" on a Tuesday afternoon in Kolkata was in the past.
 */
function referenceOf({ now, timeZone }: DueContext): Date {
  const offset = timeZone ? offsetMinutes(timeZone, now) : null;
  return offset === null
    ? now
    : new ReferenceWithTimezone(now, offset).getDateWithAdjustedTimezone();
}

function parse(text: string, context: DueContext): ParsedResult[] {
  const reference = referenceOf(context);
  if (context.dateOrder !== "DMY") return casual.parse(text, reference, { forwardDate: true });
  // chrono's en-GB parser reads "dec 24" as December 2024; in a task it is the 24th, as the
  // default parser reads it. DMY changes how numeric dates read, not month names.
  return GB.parse(text, reference, { forwardDate: true }).map((result) => {
    if (!hasTag(result, /ENMonthNameParser/) || !/\p{L}\.?\s*\d{2}(?!\d)/u.test(result.text)) {
      return result;
    }
    const [read] = casual.parse(result.text, reference, { forwardDate: true });
    if (read?.text !== result.text || !read.start.isCertain("day")) return result;
    return Object.assign(read, { index: result.index });
  });
}

/** The instant a result names: date-only ones at 23:59:59.999, in the zone's offset then. */
function instantOf(result: ParsedResult, dateOnly: boolean, context: DueContext): Date {
  const components = (result.start as ParsingComponents).clone();
  if (dateOnly) {
    components.assign("hour", 23).assign("minute", 59).assign("second", 59);
    components.assign("millisecond", 999);
  }
  const zone = context.timeZone;
  const typedZone = components.isCertain("timezoneOffset") && !hasTag(result, /AndTime$/);
  if (!zone || typedZone || offsetMinutes(zone, context.now) === null) return components.date();
  for (let pass = 0; pass < 2; pass++) {
    const offset = offsetMinutes(zone, components.date());
    if (offset !== null) components.assign("timezoneOffset", offset);
  }
  return components.date();
}

const isDateOnly = (result: ParsedResult) =>
  !result.start.isCertain("hour") && !hasTag(result, TIME_OF_DAY);

/** Rules 2 to 9 above, for one of chrono's results in `text`. */
function reads(result: ParsedResult, text: string): boolean {
  const words = result.text;
  const start = result.index;
  const before = text.slice(0, start);
  const after = text.slice(start + words.length);
  const c = result.start;
  if (words.includes(TEXT)) return false;
  if (GLUED_BEFORE.test(before) || GLUED_AFTER.test(after)) return false;
  if (/\b(?:yesterday|ago)\b/i.test(words) || hasTag(result, /casualReference\/now/)) return false;
  if (/^(?:last|past)\s/i.test(words) && !hasTag(result, /EndOfCurrentMonth/)) return false;
  const first = !/\S/.test(before.replaceAll(TOKEN, "").replaceAll(TEXT, ""));
  const capitals = (words.match(/\p{L}+/gu) ?? []).filter((w) => !/^[ap]?m$/i.test(w));
  if (first) capitals.shift();
  if (capitals.length >= 2 && capitals.every((w) => /^\p{Lu}/u.test(w))) return false;
  const relative = hasTag(result, /^result\/relativeDate$/);
  if (relative && !RELATIVE_OK.test(words)) return false;
  if (c.isCertain("month") && !c.isCertain("day") && !relative) return false;
  const anchored = ANCHOR.test(before);
  const numericTime = c.isCertain("hour") && /\d/.test(words);
  if (hasTag(result, /SlashDateFormatParser/) && !c.isCertain("year") && !numericTime) {
    if (!anchored) return false;
  }
  if (/^\d[:.]\d\d$/.test(words) && /\S\s+\p{Lu}\p{L}*\s+$/u.test(before)) return false;
  if (c.isCertain("day") || relative || numericTime) return true;
  // Weak words only (rule 7).
  const weekday = c.isCertain("weekday") ? WEEKDAY.exec(words)?.[0] : undefined;
  if (weekday) {
    if (anchored || ANCHORED_START.test(words)) return true;
    const atEnd = ENDS_INPUT.test(after) && !NAME_BEFORE.test(before);
    return atEnd && !/^(?:sat|sun|wed)$/i.test(weekday);
  }
  if (hasTag(result, /casualReference\/(?:noon|midnight)/)) return anchored;
  return hasTag(result, TIME_OF_DAY) && /^this\s/i.test(words);
}

/** "at 3", "5 o'clock": hours without am/pm or minutes, masked before chrono reads the text. */
function maskBareHours(text: string): string {
  const pattern = /(?<![\p{L}\p{N}_])(?:at\s+)?(\d{1,2})(\s*o['’]?clock)?(?![\p{L}\p{N}_])/giu;
  return text.replace(pattern, (match, hour: string, clock: string | undefined, at: number) => {
    const rest = text.slice(at + match.length);
    const bare =
      clock !== undefined ||
      (/^at\s/i.test(match) && Number(hour) <= 12 && !/^\s*(?:[:.]\d|[ap]\.?m\b)/i.test(rest));
    return bare ? TEXT.repeat(match.length) : match;
  });
}

/** The first date in `text` (tokens masked with TOKEN) that reads as a due date, or null. */
export function findDue(text: string, context: DueContext): FoundDue | null {
  const masked = maskBareHours(text);
  // chrono reads tokens as spaces, so "tomorrow #family 5pm" is one date in two spans.
  for (const result of parse(masked.replaceAll(TOKEN, " "), context)) {
    if (!reads(result, masked)) continue;
    let start = result.index;
    let chosen = result;
    // chrono reads "day after tomorrow" as "tomorrow" unless "the" comes first.
    const dayAfter = /^tomorrow\b/i.test(result.text)
      ? /(?:^|\s)(day after\s+)$/i.exec(masked.slice(0, start))
      : null;
    const later = dayAfter && parse(`the day after ${result.text}`, context)[0];
    if (dayAfter && later) {
      chosen = later;
      start -= dayAfter[1]?.length ?? 0;
    }
    let anchor = ABSORBED.exec(masked.slice(0, start));
    while (anchor) {
      start = anchor.index + anchor[0].length - anchor[0].trimStart().length;
      anchor = ABSORBED.exec(masked.slice(0, start));
    }
    // Todoist's "next week": Monday of next week.
    if (/^next week\b/i.test(result.text)) {
      chosen = parse(result.text.replace(/^next week/i, "next monday"), context)[0] ?? result;
    }
    const dateOnly = isDateOnly(chosen);
    const timeOnly =
      !(["day", "weekday", "month", "year"] as const).some((c) => chosen.start.isCertain(c)) &&
      !hasTag(chosen, /relativeDate/);
    const spans = [];
    const typed = masked.slice(start, result.index + result.text.length);
    for (const piece of typed.matchAll(
      new RegExp(`[^${TOKEN}]*[\\p{L}\\p{N}][^${TOKEN}]*`, "gu"),
    )) {
      const lead = piece[0].length - piece[0].trimStart().length;
      const from = start + piece.index + lead;
      spans.push({ start: from, end: from + piece[0].trim().length });
    }
    return {
      spans,
      at: instantOf(chosen, dateOnly, context),
      dateOnly,
      timeText: timeOnly ? chosen.text : null,
    };
  }
  return null;
}

const DAY_NAMES: Record<string, string> = {
  MO: "monday",
  TU: "tuesday",
  WE: "wednesday",
  TH: "thursday",
  FR: "friday",
  SA: "saturday",
  SU: "sunday",
};

/**
 * A repeat's first occurrence when no date was typed: the earliest of its weekdays (BYDAY
 * codes, e.g. ["MO", "TH"]) from now, or today; at `timeText` when a time was typed, else
 * date-only. chrono reads "monday 9am", "today" forward from `now`.
 */
export function firstOccurrence(
  days: string[] | null,
  timeText: string | null,
  context: DueContext,
): { at: Date; dateOnly: boolean } | null {
  let best: Date | null = null;
  for (const day of days?.map((code) => DAY_NAMES[code] ?? code) ?? ["today"]) {
    const result = parse(`${day} ${timeText ?? ""}`.trim(), context)[0];
    if (!result) continue;
    const at = instantOf(result, timeText === null, context);
    if (!best || at < best) best = at;
  }
  return best && { at: best, dateOnly: timeText === null };
}
