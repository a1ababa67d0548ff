/**
 * Quick add's parser, shared by the browser (live highlighting, removable chips) and the server:
 * "Call mum tomorrow 5pm #family p1 @Home" -> title "Call mum", due tomorrow 17:00, tag
 * "family", priority high, project "Home". Browser-safe: no server imports, no zod. Its dates
 * come from chrono-node through lib/tasks/quick-add-dates.ts (the rules for which dates count
 * are there); the token rules here are:
 *
 * - Priority: `p1`..`p4` as in Todoist (p1 = highest -> "high", p2 "medium", p3 "low", p4
 *   "none"), and `!high`, `!medium`/`!med`, `!low`; case-insensitive, whole words only
 *   ("mp3", "p1x" stay). The first one counts; later ones stay in the title.
 * - Tags: `#word` after a space or the start: letters (any script), digits, `-`, `_`, starting
 *   with a letter, at most TAG_MAX (32) characters, lower-cased; at most TAGS_MAX tags. "C#",
 *   "issue#4", "#42", "#" alone and hex colours with a digit ("#ff0000") stay in the title.
 * - Project: `@name` (a word starting with a letter) or `@"Two words"` / `@“Two words”`, the
 *   name as typed; the first one counts. `@` is the project syntax: Todoist writes projects
 *   with `#`, which is taken by tags here. E-mail addresses ("mail bob@example.com") and
 *   domains ("@example.com") are not projects.
 * - Repeat: "every day", "every other day", "every 3 days", "every week", "every 2 weeks",
 *   "every month", "every year", "every weekday", "every weekend", "every monday"/"every mon",
 *   "every monday and thursday" (also "mon, thu"), and "daily", "weekly", "monthly", "yearly",
 *   "annually" -> an RRULE counted from the due date. The adverbs count only when no word
 *   follows them but a date or time ("Standup daily 9am"), so "Daily standup notes" and
 *   "Write weekly report" stay titles. With no date typed, the due date is the rule's first
 *   occurrence, date-only unless a time was typed ("every monday" -> next Monday, or today on
 *   a Monday; "every day 9am" -> the next 09:00). The first repeat counts.
 * - Due: see quick-add-dates.ts. A date typed around another token ("tomorrow #family 5pm")
 *   is one due date in two "due" tokens with the same value.
 * - Quotes: text in "…" or “…” is never parsed; the quote marks leave the title.
 * - `ignore`: spans the user removed as chips are not parsed and stay in the title.
 * - The title is the input without its tokens, whitespace collapsed, trimmed; a token's gap
 *   takes the space before punctuation and a separator (",", "-", ":") left dangling at either
 *   end ("Email Bob - tomorrow" -> "Email Bob"). When that leaves nothing, nothing is
 *   extracted: the input is the title ("tomorrow" stays "tomorrow").
 */

import { TAG_MAX, TAGS_MAX, type TaskPriority } from "@/lib/tasks/model";
import {
  type DueContext,
  findDue,
  firstOccurrence,
  TEXT,
  TOKEN,
} from "@/lib/tasks/quick-add-dates";

export interface QuickAddToken {
  kind: "due" | "priority" | "tag" | "project" | "repeat";
  /** The characters of the input this token covers: [start, end) in UTF-16 code units. */
  start: number;
  end: number;
  /** The matched text as typed. */
  text: string;
  /** due: ISO instant; priority: "none"|"low"|"medium"|"high"; tag: lower-case tag;
   * project: name as typed; repeat: RRULE. */
  value: string;
  /** For due: no time was given. */
  dateOnly?: boolean;
}

export interface QuickAddResult {
  title: string;
  /** ISO; a date without a time is 23:59:59.999 local (see components/dashboard/due.ts). */
  dueAt: string | null;
  priority: TaskPriority;
  tags: string[];
  project: string | null;
  repeat: { rule: string; from: "due" } | null;
  /** In input order, for highlighting and removable chips. */
  tokens: QuickAddToken[];
}

export interface QuickAddOptions {
  now?: Date;
  /** IANA zone the dates are read in; the runtime's zone when not given. */
  timeZone?: string;
  /** Spans the user removed as chips: not parsed, kept in the title. */
  ignore?: Array<{ start: number; end: number }>;
  /** How "10/12" reads: 12 Oct (MDY, the default) or 10 Dec (DMY). */
  dateOrder?: "MDY" | "DMY";
}

interface Span {
  start: number;
  end: number;
}

const PRIORITIES: Record<string, TaskPriority> = {
  p1: "high",
  p2: "medium",
  p3: "low",
  p4: "none",
  "!high": "high",
  "!medium": "medium",
  "!med": "medium",
  "!low": "low",
};
const PRIORITY = /(?<!\S)(?:p[1-4]|!high|!medium|!med|!low)(?![\p{L}\p{N}_-])/giu;
const TAG = /(?<!\S)#(\p{L}[\p{L}\p{M}\p{N}_-]*)(?![\p{L}\p{M}\p{N}_-])/gu;
const PROJECT =
  /(?<!\S)@(?:"([^"]+)"|“([^”]+)”|(\p{L}[\p{L}\p{M}\p{N}_-]*)(?![\p{L}\p{M}\p{N}_-]|[.@][\p{L}\p{N}]))/gu;
const QUOTE = /"([^"]*)"|“([^”]*)”/g;

const DAY =
  "(?:mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
const REPEAT = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:every\\s+(?:(?:(other)|(\\d{1,3}))\\s+)?(day|week|month|year)s?` +
    `|every\\s+(weekday|workday|weekend)s?|every\\s+(${DAY}(?:\\s*(?:,\\s*and|,|and|&)\\s*${DAY})*)` +
    `|(daily|weekly|monthly|yearly|annually))(?![\\p{L}\\p{N}_'’-])`,
  "giu",
);
const FREQ: Record<string, string> = {
  day: "DAILY",
  week: "WEEKLY",
  month: "MONTHLY",
  year: "YEARLY",
};
const ADVERB: Record<string, string> = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY" };
const CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/** What may follow a repeat adverb: the end, a token, a number, or a date's first word. */
const AFTER_ADVERB = new RegExp(
  `^(?:[\\s${TOKEN}${TEXT}.,;:!?]*$|\\s*[${TOKEN}\\d]|\\s+(?:at|on|from|starting|by|in|next|this|today|tonight|tomorrow)\\b)`,
  "i",
);

/** A repeat match as an RRULE and its BYDAY codes (null: not a weekday rule). */
function repeatRule(m: RegExpMatchArray): { rule: string; days: string[] | null } {
  const [, other, count, unit, named, days, adverb] = m;
  if (adverb) return { rule: `FREQ=${ADVERB[adverb.toLowerCase()] ?? "YEARLY"}`, days: null };
  if (unit) {
    const interval = other ? 2 : Number(count ?? 1);
    const rule = `FREQ=${FREQ[unit.toLowerCase()]}${interval > 1 ? `;INTERVAL=${interval}` : ""}`;
    return { rule, days: null };
  }
  const codes = named
    ? /^weekend$/i.test(named)
      ? ["SA", "SU"]
      : CODES.slice(0, 5)
    : CODES.filter((code) =>
        (days ?? "")
          .match(new RegExp(DAY, "gi"))
          ?.some((d) => d.slice(0, 2).toUpperCase() === code),
      );
  return { rule: `FREQ=WEEKLY;BYDAY=${codes.join(",")}`, days: codes };
}

const blank = (text: string, span: Span, mark: string) =>
  text.slice(0, span.start) + mark.repeat(span.end - span.start) + text.slice(span.end);

/** Keeps a run that has no token gap in it; `gapless` replaces one that has. */
const unlessGap = (gapless: string) => (run: string) => (run.includes(TOKEN) ? gapless : run);
const RUN = `[\\s${TOKEN}]+`;
const SEPARATORS = `[\\s,;:–—${TOKEN}-]+`;
/** Each pattern matches runs (from a run's start) once, so long inputs take linear time. */
const TIDY: Array<[RegExp, (run: string) => string]> = [
  // "Call mum, tomorrow, about it" -> "Call mum, about it"
  [new RegExp(`(?<=[,;:])${RUN}[,;:]`, "g"), unlessGap("")],
  // "in 3 days: renew passport", "Email Bob - tomorrow": no separator left dangling
  [new RegExp(`^${SEPARATORS}`), unlessGap("")],
  [new RegExp(`(?<![\\s,;:–—${TOKEN}-])${SEPARATORS}$`), unlessGap("")],
  // "Buy milk #shopping, then eggs" -> "Buy milk, then eggs"
  [new RegExp(`(?<![\\s${TOKEN}])${RUN}(?=[,.;:!?])`, "g"), unlessGap("")],
];

/**
 * The title: the input without the tokens (each leaves a gap that may swallow the separator
 * next to it) and the quote marks, whitespace collapsed.
 */
function titleOf(input: string, tokens: Span[], quoteMarks: Span[]): string {
  const removed = [
    ...tokens.map((span) => ({ ...span, gap: TOKEN })),
    ...quoteMarks.map((span) => ({ ...span, gap: "" })),
  ].sort((a, b) => a.start - b.start);
  let title = "";
  let at = 0;
  for (const span of removed) {
    title += input.slice(at, span.start) + span.gap;
    at = Math.max(at, span.end);
  }
  title += input.slice(at);
  for (const [pattern, replace] of TIDY) title = title.replace(pattern, replace);
  return title.replaceAll(TOKEN, " ").replace(/\s+/g, " ").trim();
}

export function parseQuickAdd(input: string, options: QuickAddOptions = {}): QuickAddResult {
  const context: DueContext = {
    now: options.now ?? new Date(),
    timeZone: options.timeZone,
    dateOrder: options.dateOrder ?? "MDY",
  };
  let work = input;
  for (const span of options.ignore ?? []) {
    const start = Math.max(0, Math.min(span.start, input.length));
    work = blank(work, { start, end: Math.max(start, Math.min(span.end, input.length)) }, TEXT);
  }
  const tokens: QuickAddToken[] = [];
  const quoteMarks: Span[] = [];
  const add = (kind: QuickAddToken["kind"], start: number, end: number, value: string) => {
    tokens.push({ kind, start, end, text: input.slice(start, end), value });
    work = blank(work, { start, end }, TOKEN);
  };
  const clean = (text: string) => !text.includes(TOKEN) && !text.includes(TEXT);
  const matches = (pattern: RegExp) => [...work.matchAll(pattern)].filter((m) => clean(m[0]));

  let project: string | null = null;
  // Quoted project names first: their quotes are the project's, not a protected phrase.
  for (const m of matches(PROJECT).filter((m) => m[1] || m[2])) {
    if (project !== null) break;
    project = m[1] ?? m[2] ?? "";
    add("project", m.index, m.index + m[0].length, project);
  }
  for (const m of matches(QUOTE)) {
    quoteMarks.push({ start: m.index, end: m.index + 1 });
    quoteMarks.push({ start: m.index + m[0].length - 1, end: m.index + m[0].length });
    work = blank(work, { start: m.index, end: m.index + m[0].length }, TEXT);
  }
  for (const m of matches(PROJECT)) {
    if (project !== null) break;
    project = m[3] ?? "";
    add("project", m.index, m.index + m[0].length, project);
  }
  let priority: TaskPriority = "none";
  const [first] = matches(PRIORITY);
  if (first) {
    priority = PRIORITIES[first[0].toLowerCase()] ?? "none";
    add("priority", first.index, first.index + first[0].length, priority);
  }
  const tags: string[] = [];
  for (const m of matches(TAG)) {
    const tag = (m[1] ?? "").toLowerCase();
    if (tag.length > TAG_MAX || (/\d/.test(tag) && /^[0-9a-f]{3,8}$/.test(tag))) continue;
    if (!tags.includes(tag)) {
      if (tags.length === TAGS_MAX) continue;
      tags.push(tag);
    }
    add("tag", m.index, m.index + m[0].length, tag);
  }
  let repeat: { rule: string; days: string[] | null } | null = null;
  for (const m of matches(REPEAT)) {
    if (m[6] && !AFTER_ADVERB.test(work.slice(m.index + m[0].length))) continue;
    repeat = repeatRule(m);
    add("repeat", m.index, m.index + m[0].length, repeat.rule);
    break;
  }

  let dueAt: string | null = null;
  const due = findDue(work, context);
  if (due) dueAt = due.at.toISOString();
  if (repeat && (!due || (due.timeText && repeat.days))) {
    const first = firstOccurrence(repeat.days, due?.timeText ?? null, context);
    if (first) dueAt = first.at.toISOString();
  }
  for (const { start, end } of due?.spans ?? []) {
    const text = input.slice(start, end);
    const dateOnly = due?.dateOnly ? { dateOnly: true } : {};
    tokens.push({ kind: "due", start, end, text, value: dueAt ?? "", ...dateOnly });
  }

  tokens.sort((a, b) => a.start - b.start);
  const title = titleOf(input, tokens, quoteMarks);
  const empty = /^[\p{P}\s]*$/u.test(title);
  if (empty || tokens.length === 0) {
    return {
      title: empty ? input.replace(/\s+/g, " ").trim() : title,
      dueAt: null,
      priority: "none",
      tags: [],
      project: null,
      repeat: null,
      tokens: [],
    };
  }
  return {
    title,
    dueAt,
    priority,
    tags,
    project,
    repeat: repeat && { rule: repeat.rule, from: "due" },
    tokens,
  };
}
