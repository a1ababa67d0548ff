import "server-only";
import { Temporal } from "temporal-polyfill";
import type { Repeat } from "@/lib/tasks/model";
import { parseQuickAdd } from "@/lib/tasks/quick-add";

/**
 * A Todoist DATE cell as a due date and a repeat. Todoist writes what the user typed for a
 * recurring date ("every monday", "every day at 9am", "every! 3 days") and a date or a phrase
 * otherwise ("2026-06-15", "Dec 24", "tomorrow 5pm"). ISO dates are read here; everything else
 * goes through quick add's parser (lib/tasks/quick-add.ts), the same words the app understands
 * as you type, read in the account's time zone from the moment of the import. A phrase is
 * accepted only when the parser understood all of it, so "every 2nd tuesday" (no such rule in
 * quick add) is a problem for its row, never a task with half a date. Todoist's "every!"
 * (counted from the completion) becomes a repeat from completion.
 */

export type DateReading =
  | { ok: true; dueAt: string | null; repeat: Repeat | null }
  | { ok: false; reason: string };

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})$/;
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
/** Quick add reads a date only after words; this one is what it must leave as the title. */
const PLACEHOLDER = "task";

function isoReading(text: string, timeZone: string): DateReading | null {
  try {
    const day = ISO_DAY.exec(text);
    if (day) {
      // A day without a time is its last millisecond where the user is: the app's convention.
      const at = Temporal.PlainDate.from(day[1] as string).toZonedDateTime({
        timeZone,
        plainTime: Temporal.PlainTime.from("23:59:59.999"),
      });
      return { ok: true, dueAt: new Date(at.epochMilliseconds).toISOString(), repeat: null };
    }
    const timed = ISO_TIME.exec(text);
    if (!timed) return null;
    const [, date, time, offset] = timed;
    const ms = offset
      ? Date.parse(`${date}T${time}${offset.toUpperCase()}`)
      : Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).epochMilliseconds;
    if (!Number.isFinite(ms)) return null;
    return { ok: true, dueAt: new Date(ms).toISOString(), repeat: null };
  } catch {
    return { ok: false, reason: `DATE "${text}" is not a real date` };
  }
}

export function readTodoistDate(
  raw: string,
  language: string,
  timeZone: string,
  now: Date,
): DateReading {
  const text = raw.trim();
  if (text === "") return { ok: true, dueAt: null, repeat: null };
  const iso = isoReading(text, timeZone);
  if (iso) return iso;
  const lang = language.trim().toLowerCase();
  if (lang !== "" && lang !== "en") {
    return {
      ok: false,
      reason: `DATE "${text}" is in DATE_LANG "${language.trim()}": only English dates, or dates like 2030-01-31, can be read`,
    };
  }
  // Lower case: the parser takes Title Case words for a name ("Every Monday" in a title).
  const fromCompletion = /^every!/i.test(text);
  const phrase = text.toLowerCase().replace(/^every!\s*/, "every ");
  const parsed = parseQuickAdd(`${PLACEHOLDER} ${phrase}`, { now, timeZone });
  const understood =
    parsed.title.toLowerCase() === PLACEHOLDER &&
    parsed.tokens.length > 0 &&
    parsed.tokens.every((token) => token.kind === "due" || token.kind === "repeat");
  if (!understood || parsed.dueAt === null) {
    return { ok: false, reason: `DATE "${text}" is not a date Doable can read` };
  }
  const repeat: Repeat | null = parsed.repeat
    ? { rule: parsed.repeat.rule, from: fromCompletion ? "completion" : "due" }
    : null;
  return { ok: true, dueAt: parsed.dueAt, repeat };
}
