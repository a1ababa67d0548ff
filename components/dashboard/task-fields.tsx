"use client";

import { useId, useLayoutEffect, useRef } from "react";
import type { TaskPriority } from "@/lib/tasks/model";
import { dateFieldInDays } from "./due";
import {
  chipButtonClass,
  dateTimeFieldClass,
  FieldError,
  fieldClass,
  growingTextareaClass,
  labelClass,
} from "./form-parts";
import { LazyRemindersEditor, LazyRepeatPicker } from "./planner/lazy-planner";
import type { DraftErrors, TaskDraft } from "./task-draft";
import { priorities, priorityLabel } from "./view";

/** Description, priority, due date, tags, repeat and reminders: the details behind a title. */
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
  const description = useGrowing(draft.description);
  const today = dateFieldInDays(0);
  const tomorrow = dateFieldInDays(1);
  const quickDate = (value: string, label: string) => (
    <button
      type="button"
      aria-pressed={draft.dueDate === value}
      onClick={() => onChange({ dueDate: draft.dueDate === value ? "" : value })}
      className={chipButtonClass}
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
          ref={description}
          id={`${id}-description`}
          dir="auto"
          value={draft.description}
          onChange={(e) => onChange({ description: e.target.value })}
          rows={2}
          placeholder="Notes, links, details…"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          className={growingTextareaClass}
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
          dir="auto"
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
            className={`${dateTimeFieldClass} flex-1 sm:max-w-52`}
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
            className={dateTimeFieldClass}
          />
          <div className="flex gap-1.5">
            {quickDate(today, "Today")}
            {quickDate(tomorrow, "Tomorrow")}
          </div>
        </div>
        <FieldError id={`${id}-due-error`} message={errors.dueAt} />
      </fieldset>

      <div className="sm:col-span-2">
        <LazyRepeatPicker draft={draft} error={errors.repeat} onChange={onChange} />
      </div>
      <div className="sm:col-span-2">
        <LazyRemindersEditor draft={draft} error={errors.reminders} onChange={onChange} />
      </div>
    </div>
  );
}

/**
 * Grows a textarea with its text where CSS cannot (no `field-sizing: content`: Firefox, Safari
 * before 26): its height follows the content up to the class's max-height, which then scrolls.
 */
function useGrowing(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measures again for each new value.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || CSS.supports("field-sizing", "content")) return;
    field.style.height = "auto";
    field.style.height = `${field.scrollHeight + field.offsetHeight - field.clientHeight}px`;
  }, [value]);
  return ref;
}
