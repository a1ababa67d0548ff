import type { Repeat, TaskInput } from "@/lib/tasks/model";
import { presetRule } from "@/lib/tasks/repeat-summary";
import { dueFromFields } from "./due";
import { presetOf } from "./planner/repeat-rule";
import { type DraftErrors, type DraftField, localDate, type TaskDraft } from "./task-draft";

/*
 * A task form's draft checked and turned into the TaskInput the API takes. Loaded after the
 * page (with zod, through the shared schemas) by task-draft.ts.
 */
const loadSchemas = () => import("@/lib/validation/tasks");

export function preloadParser(): void {
  void loadSchemas();
}

/**
 * The repeat to save: a preset ("every week", named from the due date's weekday) follows a due
 * date moved since it was picked; a custom rule stays as the user built it.
 */
function repeatFor(draft: TaskDraft): Repeat | null {
  const { repeat } = draft;
  const was = localDate(draft.repeatDue);
  const now = localDate(draft.dueDate);
  if (!repeat || !was || !now || draft.repeatDue === draft.dueDate) return repeat;
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
    repeat: repeatFor(draft),
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
