import {
  type Reminder,
  type Repeat,
  TASK_PRIORITIES,
  type TaskEvent,
  type TaskEventKind,
} from "@/lib/tasks/model";
import { summarizeRepeat } from "@/lib/tasks/repeat-summary";
import { describeDue } from "../due";
import { reminderLabel } from "../planner/reminder-text";

/**
 * A task's history in words, one or more lines per entry: "Created", "Renamed from “Draft” to
 * “Final”", "Priority: low → high", "Moved to Work". Pure (the time is passed in, projects by a
 * lookup), so every wording is tested without a browser: tests/unit/history-text.test.ts.
 * Values arrive as the API records them (lib/tasks/model.ts, TaskEvent); a value of a shape
 * this does not know is still told as a change, never thrown on.
 */

export interface HistoryWords {
  /** A project's name by id; undefined when it is not among the user's projects (deleted). */
  projectName: (id: string) => string | undefined;
  /** "Now", for the relative dates ("Today 10:00", "Yesterday"). */
  now: Date;
}

/** What an entry of this kind says before its fields' changes, if anything. */
const HEADLINES: Record<TaskEventKind, string | null> = {
  created: "Created",
  completed: "Completed",
  reopened: "Reopened",
  deleted: "Deleted",
  restored: "Restored from the trash",
  // Told by their fields alone.
  updated: null,
  moved: null,
};

/** Lines in the order the editor shows the fields; fields it does not know come last. */
const FIELD_ORDER = [
  "title",
  "description",
  "priority",
  "dueAt",
  "repeat",
  "reminders",
  "tags",
  "projectId",
  "parentId",
  "position",
];

const quoted = (text: string) => `“${text}”`;
const isString = (value: unknown): value is string => typeof value === "string";
const isFilled = (value: unknown): value is string => isString(value) && value.trim() !== "";

function priorityWord(value: unknown): string {
  return TASK_PRIORITIES.includes(value as never) ? String(value) : "none";
}

function dueWord(value: unknown, now: Date): string {
  if (!isString(value) || Number.isNaN(Date.parse(value))) return "none";
  // As the task row shows a due date (completed: no "overdue" tone matters here, only words).
  return describeDue(value, true, now).label;
}

const isRepeat = (value: unknown): value is Repeat =>
  typeof value === "object" && value !== null && isString((value as Repeat).rule);

function repeatWord(value: unknown): string {
  if (!isRepeat(value)) return "none";
  const summary = summarizeRepeat(value);
  // summarizeRepeat's word for a rule it cannot put in words.
  if (summary === "Repeats") return "a custom rule";
  return summary.charAt(0).toLowerCase() + summary.slice(1);
}

const isReminder = (value: unknown): value is Reminder =>
  typeof value === "object" &&
  value !== null &&
  (isString((value as { at?: unknown }).at) ||
    typeof (value as { minutesBefore?: unknown }).minutesBefore === "number");

/**
 * "15 min before; Tue, Jan 14, 8:00 AM", "none"; null for a value of another shape. A moment
 * has commas of its own, hence the semicolons.
 */
function remindersWord(value: unknown): string | null {
  if (value === null) return "none";
  if (!Array.isArray(value) || !value.every(isReminder)) return null;
  if (value.length === 0) return "none";
  return value.map((r) => reminderLabel(r).replace(/^At due time$/, "at due time")).join("; ");
}

const tagList = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isString) : []);

/** "Tags: +home −work": what was added and what was taken away. */
function tagsLine(from: unknown, to: unknown): string {
  const before = tagList(from);
  const after = tagList(to);
  const added = after.filter((t) => !before.includes(t)).map((t) => `+${t}`);
  const removed = before.filter((t) => !after.includes(t)).map((t) => `−${t}`);
  const both = [...added, ...removed];
  return both.length > 0 ? `Tags: ${both.join(" ")}` : "Tags changed";
}

function descriptionLine(from: unknown, to: unknown): string {
  if (!isFilled(from) && isFilled(to)) return "Description added";
  if (isFilled(from) && !isFilled(to)) return "Description removed";
  return "Description changed";
}

function titleLine(from: unknown, to: unknown): string {
  if (isString(from) && isString(to)) return `Renamed from ${quoted(from)} to ${quoted(to)}`;
  return isString(to) ? `Renamed to ${quoted(to)}` : "Renamed";
}

function projectLine(to: unknown, words: HistoryWords): string {
  if (!isString(to)) return "Moved to the Inbox";
  return `Moved to ${words.projectName(to) ?? "a project that no longer exists"}`;
}

function parentLine(from: unknown, to: unknown): string {
  if (!isString(to)) return "No longer a subtask";
  return isString(from) ? "Moved under another task" : "Made a subtask";
}

/** "startAt" -> "Start at changed": a field this version does not know yet, still told. */
function unknownFieldLine(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} changed`;
}

/** The line one field's change reads as; null for one another line already tells. */
function fieldLine(
  field: string,
  { from, to }: { from: unknown; to: unknown },
  changes: TaskEvent["changes"],
  words: HistoryWords,
): string | null {
  switch (field) {
    case "title":
      return titleLine(from, to);
    case "description":
      return descriptionLine(from, to);
    case "priority":
      return `Priority: ${priorityWord(from)} → ${priorityWord(to)}`;
    case "dueAt":
      return `Due: ${dueWord(from, words.now)} → ${dueWord(to, words.now)}`;
    case "repeat": {
      const before = repeatWord(from);
      const after = repeatWord(to);
      return before === after ? "Repeat changed" : `Repeat: ${before} → ${after}`;
    }
    case "reminders": {
      const before = remindersWord(from);
      const after = remindersWord(to);
      return before === null || after === null || before === after
        ? "Reminders changed"
        : `Reminders: ${before} → ${after}`;
    }
    case "tags":
      return tagsLine(from, to);
    case "completed":
      // The entry's kind (completed, reopened) says it.
      return null;
    case "projectId":
      return projectLine(to, words);
    case "parentId":
      return parentLine(from, to);
    case "position":
      // A new place is a consequence of going to another project or parent: said there.
      return "projectId" in changes || "parentId" in changes ? null : "Moved in the list";
    default:
      return unknownFieldLine(field);
  }
}

const fieldRank = (field: string) => {
  const at = FIELD_ORDER.indexOf(field);
  return at < 0 ? FIELD_ORDER.length : at;
};

/** Every line an entry reads as, its headline first; never empty. */
export function eventLines(event: TaskEvent, words: HistoryWords): string[] {
  const headline = HEADLINES[event.kind] ?? null;
  const fields = Object.keys(event.changes).sort((a, b) => fieldRank(a) - fieldRank(b));
  const lines: string[] = headline ? [headline] : [];
  for (const field of fields) {
    const change = event.changes[field];
    const line = change && fieldLine(field, change, event.changes, words);
    if (line) lines.push(line);
  }
  if (lines.length > 0) return lines;
  return [event.kind === "moved" ? "Moved in the list" : "Changed"];
}

/**
 * When it happened, short ("Just now", "5 min ago", then as the list shows dates: "Today
 * 9:00 AM", "Yesterday 6:30 PM", "Jan 12 9:00 AM"), and in full for a tooltip.
 */
export function eventTime(at: string, now: Date): { label: string; full: string } {
  const described = describeDue(at, true, now);
  const minutes = Math.floor((now.getTime() - Date.parse(at)) / 60_000);
  if (minutes < 1) return { label: "Just now", full: described.full };
  if (minutes < 60) return { label: `${minutes} min ago`, full: described.full };
  return { label: described.label, full: described.full };
}
