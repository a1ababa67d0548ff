"use client";

import { useId } from "react";
import type { TaskInput, TaskPriority } from "@/lib/tasks/model";
import { dateFieldInDays, dueFromFields, dueToFields } from "./due";
import { priorities, priorityLabel } from "./view";

/** What the task form holds while the user types; turned into a TaskInput on submit. */
export interface TaskDraft {
  title: string;
  description: string;
  priority: TaskPriority;
  dueDate: string;
  dueTime: string;
  tags: string;
}

export const emptyDraft: TaskDraft = {
  title: "",
  description: "",
  priority: "none",
  dueDate: "",
  dueTime: "",
  tags: "",
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
  };
}

export type DraftErrors = Partial<Record<"title" | "description" | "dueAt" | "tags", string>>;

// The shared schemas (and zod with them) load after the page, not as part of its first load.
const loadSchemas = () => import("@/lib/validation/tasks");

/** Starts loading the form schemas while the browser is idle, before the first submit. */
export function preloadSchemas(): void {
  void loadSchemas();
}

/** Checks a draft with the same schema the server uses; field errors keyed by form field. */
export async function parseDraft(
  draft: TaskDraft,
): Promise<{ ok: true; input: TaskInput } | { ok: false; errors: DraftErrors }> {
  const { taskInputSchema } = await loadSchemas();
  const input: TaskInput = {
    title: draft.title,
    description: draft.description.trim() ? draft.description : null,
    priority: draft.priority,
    dueAt: dueFromFields(draft.dueDate, draft.dueTime),
    tags: draft.tags
      .split(/[,\s]+/)
      .map((t) => t.replace(/^#/, "").trim())
      .filter(Boolean),
  };
  const result = taskInputSchema.safeParse(input);
  if (result.success) return { ok: true, input };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "title") as keyof DraftErrors;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

const fieldBase =
  "rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:focus-visible:border-blue-400";

export const fieldClass = `w-full ${fieldBase}`;

const labelClass = "mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/** Description, priority, due date and tags: the details behind a task's title. */
export function TaskDetailFields({
  draft,
  errors,
  onChange,
}: {
  draft: TaskDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<TaskDraft>) => void;
}) {
  const id = useId();
  const today = dateFieldInDays(0);
  const tomorrow = dateFieldInDays(1);
  const quickDate = (value: string, label: string) => (
    <button
      type="button"
      aria-pressed={draft.dueDate === value}
      onClick={() => onChange({ dueDate: draft.dueDate === value ? "" : value })}
      className="rounded-md border border-zinc-300 px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-800 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-500/15 dark:aria-pressed:text-blue-200"
    >
      {label}
    </button>
  );

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-description`} className={labelClass}>
          Description
        </label>
        <textarea
          id={`${id}-description`}
          value={draft.description}
          onChange={(e) => onChange({ description: e.target.value })}
          rows={2}
          placeholder="Notes, links, details…"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          className={`${fieldClass} resize-y`}
        />
        <FieldError id={`${id}-description-error`} message={errors.description} />
      </div>

      <div>
        <label htmlFor={`${id}-priority`} className={labelClass}>
          Priority
        </label>
        <select
          id={`${id}-priority`}
          value={draft.priority}
          onChange={(e) => onChange({ priority: e.target.value as TaskPriority })}
          className={fieldClass}
        >
          {priorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabel[p]}
            </option>
          ))}
        </select>
      </div>

      <div>
        <label htmlFor={`${id}-tags`} className={labelClass}>
          Tags
        </label>
        <input
          id={`${id}-tags`}
          value={draft.tags}
          onChange={(e) => onChange({ tags: e.target.value })}
          placeholder="work, errands"
          autoComplete="off"
          aria-invalid={errors.tags ? true : undefined}
          aria-describedby={`${id}-tags-hint${errors.tags ? ` ${id}-tags-error` : ""}`}
          className={fieldClass}
        />
        <p id={`${id}-tags-hint`} className="sr-only">
          Separate tags with commas or spaces.
        </p>
        <FieldError id={`${id}-tags-error`} message={errors.tags} />
      </div>

      <fieldset className="sm:col-span-2">
        <legend className={labelClass}>Due</legend>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-date`} className="sr-only">
            Due date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.dueDate}
            onChange={(e) => onChange({ dueDate: e.target.value })}
            aria-invalid={errors.dueAt ? true : undefined}
            className={`${fieldBase} h-9 min-w-36 flex-1 py-0 sm:max-w-48`}
          />
          <label htmlFor={`${id}-time`} className="sr-only">
            Due time (optional)
          </label>
          <input
            id={`${id}-time`}
            type="time"
            value={draft.dueTime}
            disabled={!draft.dueDate}
            onChange={(e) => onChange({ dueTime: e.target.value })}
            className={`${fieldBase} h-9 w-28 py-0 disabled:opacity-50`}
          />
          <div className="flex gap-1.5">
            {quickDate(today, "Today")}
            {quickDate(tomorrow, "Tomorrow")}
          </div>
        </div>
        <FieldError id={`${id}-due-error`} message={errors.dueAt} />
      </fieldset>
    </div>
  );
}
