"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { RepeatIcon, SkipIcon, TrashIcon } from "@/components/ui/icons";
import type { Task, TaskInput } from "@/lib/tasks/model";
import { FieldError, fieldClass } from "./form-parts";
import { TaskHistory } from "./history/task-history";
import { type DraftErrors, draftOf, parseDraft, type TaskDraft } from "./task-draft";
import { TaskDetailFields } from "./task-fields";
import { inputOf } from "./task-match";

/**
 * A task opened for editing, in place of its row. Enter in the title or Ctrl/⌘+Enter anywhere
 * saves; Escape cancels. Errors from the schema show beside their field. An open occurrence of
 * a repeating task can also skip to its next date or stop repeating.
 */
export function TaskEditor({
  task,
  onSave,
  onCancel,
  onDelete,
  onSkip,
  onStopRepeating,
}: {
  task: Task;
  onSave: (task: Task, input: TaskInput) => void;
  onCancel: () => void;
  onDelete: (task: Task) => void;
  onSkip: (task: Task) => void;
  onStopRepeating: (task: Task) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<TaskDraft>(() => draftOf(inputOf(task)));
  const [errors, setErrors] = useState<DraftErrors>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.select();
  }, []);

  const change = (patch: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };

  const save = async () => {
    const parsed = await parseDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    onSave(task, parsed.input);
  };

  return (
    <li data-task-id={task.id} data-editing className="list-none py-1">
      <form
        aria-label={`Edit “${task.title}”`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
        className="space-y-3 rounded-xl border border-zinc-300 bg-white p-3 shadow-md dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div>
          <label htmlFor={`${id}-title`} className="sr-only">
            Title
          </label>
          <input
            ref={titleRef}
            id={`${id}-title`}
            dir="auto"
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            autoComplete="off"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${id}-title-error` : undefined}
            className={`${fieldClass} text-base font-medium`}
          />
          <FieldError id={`${id}-title-error`} message={errors.title} />
        </div>
        <TaskDetailFields draft={draft} errors={errors} onChange={change} />
        {task.repeat && !task.completed && (
          <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <Button variant="secondary" size="sm" onClick={() => onSkip(task)}>
              <SkipIcon />
              Skip this occurrence
            </Button>
            <Button variant="secondary" size="sm" onClick={() => onStopRepeating(task)}>
              <RepeatIcon />
              Stop repeating
            </Button>
          </div>
        )}
        <div className="flex items-center gap-2 pt-1">
          <Button variant="danger-ghost" size="sm" onClick={() => onDelete(task)}>
            <TrashIcon />
            Delete
          </Button>
          <span className="flex-1" />
          <Button variant="secondary" size="sm" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" size="sm">
            Save
          </Button>
        </div>
        <TaskHistory task={task} />
      </form>
    </li>
  );
}
