import type { Reminder, Repeat, TaskInput, TaskPriority } from "@/lib/tasks/model";
import { dueFromFields, dueToFields } from "./due";

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

// The shared schemas (and zod with them) load after the page, not as part of its first load.
const loadSchemas = () => import("@/lib/validation/tasks");
const loadRepeatRule = () => import("./planner/repeat-rule");

/** Starts loading the form schemas while the browser is idle, before the first submit. */
export function preloadSchemas(): void {
  void loadSchemas();
}

/** A local date field ("YYYY-MM-DD") as a Date at local midnight. */
export function localDate(field: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * The repeat to save: a preset ("every week", named from the due date's weekday) follows a due
 * date moved since it was picked; a custom rule stays as the user built it.
 */
async function repeatFor(draft: TaskDraft): Promise<Repeat | null> {
  const { repeat } = draft;
  const was = localDate(draft.repeatDue);
  const now = localDate(draft.dueDate);
  if (!repeat || !was || !now || draft.repeatDue === draft.dueDate) return repeat;
  const { presetOf } = await loadRepeatRule();
  const { presetRule } = await import("@/lib/tasks/repeat-summary");
  const preset = presetOf(repeat.rule, was);
  return preset ? { ...repeat, rule: presetRule(preset, now) } : repeat;
}

/** Checks a draft with the same schema the server uses; field errors keyed by form field. */
export async function parseDraft(
  draft: TaskDraft,
): Promise<{ ok: true; input: TaskInput } | { ok: false; errors: DraftErrors }> {
  const { taskInputSchema } = await loadSchemas();
  const dueAt = dueFromFields(draft.dueDate, draft.dueTime);
  const input: TaskInput = {
    title: draft.title,
    description: draft.description.trim() ? draft.description : null,
    priority: draft.priority,
    dueAt,
    tags: draft.tags
      .split(/[,\s]+/)
      .map((t) => t.replace(/^#/, "").trim())
      .filter(Boolean),
    repeat: await repeatFor(draft),
    reminders: draft.reminders,
  };
  const errors: DraftErrors = {};
  if (input.repeat && !dueAt) errors.repeat = "A repeating task needs a due date";
  if (!dueAt && draft.reminders.some((r) => "minutesBefore" in r)) {
    errors.reminders = "A reminder before the due time needs a due date";
  }
  const result = taskInputSchema.safeParse(input);
  if (result.success && Object.keys(errors).length === 0) return { ok: true, input };
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "title") as DraftField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
