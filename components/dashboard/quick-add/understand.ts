import type { ProjectColor, TaskPriority } from "@/lib/tasks/model";
import { parseQuickAdd, type QuickAddResult, type QuickAddToken } from "@/lib/tasks/quick-add";
import { summarizeRepeat } from "@/lib/tasks/repeat-summary";
import { describeDue, dueToFields } from "../due";
import { swatchClass } from "../projects/colors";
import type { TaskDraft } from "../task-draft";
import { priorityLabel } from "../view";
import { chipTone, markTone, projectMarkTone } from "./tones";

/*
 * What quick add understood in a title, ready for the box: the parts to highlight, the chips to
 * show (each removable: its words then stay in the title), and the draft to submit. Loaded on
 * demand with the parser and chrono-node (quick-add/load.ts); pure, so tests/unit reads it.
 *
 * How typed values meet Details: a value set in Details (priority, due date or time, repeat)
 * wins, and the typed one's chip shows struck through; a field left alone in Details takes the
 * typed value, which also replaces the due date a view proposes (today in Today). Tags are
 * merged. `@project` beats the project view the user is in; an unknown name stays in the title.
 * A title with nothing understood in it is sent exactly as typed.
 */

export interface QuickAddProject {
  id: string;
  name: string;
  color: ProjectColor;
}

export interface Span {
  start: number;
  end: number;
}

/** Fields the user set in Details, whose values win over typed ones. */
export type DetailsField = "priority" | "due" | "repeat";

export interface Highlight extends Span {
  kind: QuickAddToken["kind"];
  className: string;
}

export interface Chip {
  key: string;
  kind: QuickAddToken["kind"];
  /** What the chip says: "Tomorrow 5:00 PM", "Every week", "High", "family", "Home". */
  label: string;
  /** What it is, in words: "due date Tomorrow 5:00 PM", "tag family". */
  description: string;
  /** The button's accessible name. */
  removeLabel: string;
  /** The words it came from: removing the chip keeps them in the title. */
  spans: Span[];
  className: string;
  /** For a project: its colour dot. */
  dotClassName?: string;
  /** A value Details has set too: Details wins, so this one is not used. */
  overridden: boolean;
}

export interface Understanding {
  /** The title without the understood words. */
  title: string;
  highlights: Highlight[];
  chips: Chip[];
  /** `@name` that matches none of the projects: its words stay in the title. */
  unknownProject: string | null;
  dueAt: string | null;
  priority: TaskPriority | null;
  tags: string[];
  repeat: QuickAddResult["repeat"];
  project: QuickAddProject | null;
  /** One sentence for screen readers ("" when nothing was understood). */
  summary: string;
}

export interface UnderstandOptions {
  ignore: readonly Span[];
  projects: readonly QuickAddProject[];
  fromDetails?: ReadonlySet<DetailsField>;
  now?: Date;
  timeZone?: string;
  dateOrder?: "MDY" | "DMY";
}

/** How the browser's language writes a numeric date: "10/12" is 12 Oct (MDY) or 10 Dec (DMY). */
export function localeDateOrder(locale?: string): "MDY" | "DMY" {
  const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric" })
    .formatToParts(new Date(2000, 11, 31))
    .filter((part) => part.type === "day" || part.type === "month");
  // Year-first languages (ja, zh, ko) write the month before the day too.
  return parts[0]?.type === "day" ? "DMY" : "MDY";
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
/** Each `@name` that names no project costs one more parse; more than this stay as typed. */
const UNKNOWN_PROJECTS_MAX = 10;

/**
 * Parses, then looks the project up: an unknown `@name` is parsed again as plain words (so it
 * stays in the title) and the next `@name`, if any, gets its turn.
 */
function parseWithProject(text: string, options: UnderstandOptions) {
  const ignore = [...options.ignore];
  const parse = () =>
    parseQuickAdd(text, {
      ignore,
      now: options.now,
      timeZone: options.timeZone,
      dateOrder: options.dateOrder,
    });
  let result = parse();
  let unknownProject: string | null = null;
  for (let tries = 0; result.project !== null && tries < UNKNOWN_PROJECTS_MAX; tries++) {
    const name = result.project;
    const project = options.projects.find((p) => sameName(p.name, name));
    if (project) return { result, project, unknownProject };
    unknownProject ??= name;
    const token = result.tokens.find((t) => t.kind === "project");
    if (!token) break;
    ignore.push({ start: token.start, end: token.end });
    result = parse();
  }
  return { result, project: null, unknownProject };
}

const keeps = "(keeps the words in the title)";

export function understand(text: string, options: UnderstandOptions): Understanding {
  const { result, project, unknownProject } = parseWithProject(text, options);
  const fromDetails = options.fromDetails ?? new Set<DetailsField>();
  const tokens = result.tokens.filter((t) => t.kind !== "project" || project);
  const spansOf = (kind: QuickAddToken["kind"], value?: string) =>
    tokens
      .filter((t) => t.kind === kind && (value === undefined || t.value === value))
      .map(({ start, end }) => ({ start, end }));

  const chips: Chip[] = [];
  const spoken: string[] = [];
  const chip = (
    kind: QuickAddToken["kind"],
    what: string,
    label: string,
    overridden: boolean,
    value?: string,
  ) => {
    const spans = spansOf(kind, value);
    if (spans.length === 0) return;
    const description = `${what} ${label}`;
    chips.push({
      key: `${kind}:${value ?? ""}`,
      kind,
      label,
      description,
      removeLabel: `Remove ${description} ${overridden ? "(Details sets it instead) " : ""}${keeps}`,
      spans,
      className: chipTone[kind],
      ...(kind === "project" && project ? { dotClassName: swatchClass[project.color] } : {}),
      overridden,
    });
    spoken.push(`${description}${overridden ? " (Details wins)" : ""}`);
  };

  const now = options.now ?? new Date();
  if (result.dueAt) {
    chip("due", "due date", describeDue(result.dueAt, false, now).label, fromDetails.has("due"));
  }
  if (result.repeat) {
    chip("repeat", "repeat", summarizeRepeat(result.repeat), fromDetails.has("repeat"));
  }
  const priority = tokens.some((t) => t.kind === "priority") ? result.priority : null;
  if (priority) chip("priority", "priority", priorityLabel[priority], fromDetails.has("priority"));
  for (const tag of result.tags) chip("tag", "tag", tag, false, tag);
  if (project) chip("project", "project", project.name, false);

  const highlights = tokens.map(({ start, end, kind }) => ({
    start,
    end,
    kind,
    className: kind === "project" && project ? projectMarkTone[project.color] : markTone[kind],
  }));
  return {
    // Nothing understood: the title as typed, quote marks and all ("Read “Dune”"); the parser
    // drops quote marks, which only need to go when they kept a date or a tag from being read.
    title: tokens.length > 0 ? result.title : text,
    highlights,
    chips,
    unknownProject,
    dueAt: result.dueAt,
    priority,
    tags: result.tags,
    repeat: result.repeat,
    project,
    summary: spoken.length > 0 ? `Understood: ${spoken.join(", ")}.` : "",
  };
}

/** Details' tags field ("work, errands") as tags, the way the form's parser splits it. */
const splitTags = (field: string) =>
  field
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#/, "").trim().toLowerCase())
    .filter(Boolean);

/** The draft to submit: the understood title and values merged with Details (rule at the top). */
export function mergeDraft(
  draft: TaskDraft,
  understood: Understanding,
  fromDetails: ReadonlySet<DetailsField>,
): TaskDraft {
  const merged: TaskDraft = { ...draft, title: understood.title };
  if (understood.priority && !fromDetails.has("priority")) merged.priority = understood.priority;
  if (understood.dueAt && !fromDetails.has("due")) {
    const due = dueToFields(understood.dueAt);
    merged.dueDate = due.date;
    merged.dueTime = due.time;
  }
  if (understood.repeat && !fromDetails.has("repeat")) {
    merged.repeat = understood.repeat;
    // Written for this due date: the form must not move a preset's weekday (task-parse.ts).
    merged.repeatDue = merged.dueDate;
  }
  if (understood.tags.length > 0) {
    // More than the limit is left to the form's check, which says so beside the Tags field.
    merged.tags = [...new Set([...splitTags(draft.tags), ...understood.tags])].join(", ");
  }
  return merged;
}

/**
 * Moves the spans of removed chips along with an edit of the text (the edit is what differs
 * between the common start and the common end): spans after it shift, an edit inside a span
 * stretches it, and a span the edit cuts across is dropped (those words are parsed again).
 */
export function shiftSpans(spans: readonly Span[], before: string, after: string): Span[] {
  if (spans.length === 0 || before === after) return [...spans];
  let head = 0;
  const shortest = Math.min(before.length, after.length);
  while (head < shortest && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < shortest - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const editEnd = before.length - tail;
  const delta = after.length - before.length;
  return spans.flatMap((span) => {
    if (span.end <= head) return [span];
    if (span.start >= editEnd) return [{ start: span.start + delta, end: span.end + delta }];
    if (span.start <= head && editEnd <= span.end) {
      return span.end + delta > span.start ? [{ start: span.start, end: span.end + delta }] : [];
    }
    return [];
  });
}
