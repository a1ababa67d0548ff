import type { Reminder, Repeat, TaskInput, TaskPriority } from "@/lib/tasks/model";
import { dueToFields } from "./due";

/** What the task form holds while the user types; turned into a TaskInput on submit. */
export interface TaskDraft {
  title: string;
  description: string;
  priority: TaskPriority;
  dueDate: string;
  dueTime: string;
  tags: string;
  repeat: Repeat | null;
  /** The due date (YYYY-MM-DD) the repeat rule was written for: a preset follows a new date. */
  repeatDue: string;
  reminders: Reminder[];
}

export const emptyDraft: TaskDraft = {
  title: "",
  description: "",
  priority: "none",
  dueDate: "",
  dueTime: "",
  tags: "",
  repeat: null,
  repeatDue: "",
  reminders: [],
};

export function draftOf(task: TaskInput): TaskDraft {
  const due = dueToFields(task.dueAt ?? null);
  return {
    title: task.title,
    description: task.description ?? "",
    priority: task.priority ?? "none",
    dueDate: due.date,
    dueTime: due.time,
    tags: (task.tags ?? []).join(", "),
    repeat: task.repeat ?? null,
    repeatDue: due.date,
    reminders: task.reminders ?? [],
  };
}

export type DraftField = "title" | "description" | "dueAt" | "tags" | "repeat" | "reminders";
export type DraftErrors = Partial<Record<DraftField, string>>;

/** A local date field ("YYYY-MM-DD") as a Date at local midnight. */
export function localDate(field: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

// Checking a draft needs the shared schemas (zod): they load after the page, with the parser.
const loadParser = () => import("./task-parse");

/** Starts loading the parser and the form schemas while the browser is idle. */
export function preloadSchemas(): void {
  void loadParser().then((m) => m.preloadParser());
}

/** Checks a draft with the same schema the server uses; field errors keyed by form field. */
export async function parseDraft(draft: TaskDraft): ReturnType<ParseDraft> {
  return (await loadParser()).parseDraft(draft);
}

type ParseDraft = typeof import("./task-parse").parseDraft;
