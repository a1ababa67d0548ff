"use client";

import { type Ref, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, PlusIcon } from "@/components/ui/icons";
import type { TaskInput } from "@/lib/tasks/model";
import { FieldError } from "./form-parts";
import { LazyTaskDetailFields } from "./lazy-forms";
import { type DraftErrors, emptyDraft, parseDraft, type TaskDraft } from "./task-draft";

/**
 * The box at the top: type a title and press Enter. "Details" opens description, priority,
 * due date and tags. The form is cleared as soon as the task is shown (optimistically) and
 * refilled if the server refuses it, so nothing typed is lost.
 */
/** The due date quick add proposes: today in Today, a day of Upcoming added from. */
export interface ProposedDue {
  /** YYYY-MM-DD */
  date: string;
  /** "today", "Wed 15 Jan": for the placeholder. */
  label: string;
  /** Changes each time it is proposed again, so it applies again. */
  nonce?: number;
}

export function QuickAdd({
  onAdd,
  due,
  ref: titleRef,
}: {
  onAdd: (input: TaskInput) => Promise<unknown>;
  due?: ProposedDue | null;
  ref?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<TaskDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [open, setOpen] = useState(false);
  const dueDate = due?.date ?? "";

  // A new proposal (the view changed, or Add from a day of Upcoming) becomes the due date.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the nonce re-applies the same date.
  useEffect(() => {
    setDraft((d) => ({ ...d, dueDate, repeatDue: dueDate }));
  }, [dueDate, due?.nonce]);

  const change = (patch: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };

  const submit = async () => {
    if (!draft.title.trim()) {
      setErrors({ title: "Give the task a title" });
      return;
    }
    const parsed = await parseDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      if (!parsed.errors.title) setOpen(true);
      return;
    }
    const submitted = draft;
    setDraft({ ...emptyDraft, priority: draft.priority, dueDate, repeatDue: dueDate });
    try {
      await onAdd(parsed.input);
    } catch {
      // The dashboard has told the user why; give them their text back.
      setDraft(submitted);
    }
  };

  return (
    <form
      aria-label="Add a task"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-focus-frame
      // The title field has no ring of its own: the whole box shows that it has focus.
      className="rounded-xl border border-zinc-200 bg-white shadow-sm transition-shadow outline-blue-600 focus-within:border-zinc-300 focus-within:shadow-md has-[[data-quick-title]:focus-visible]:outline-2 has-[[data-quick-title]:focus-visible]:outline-offset-2 dark:border-zinc-800 dark:bg-zinc-900 dark:outline-blue-400 dark:focus-within:border-zinc-700"
    >
      <div className="flex items-center gap-2 p-2">
        <PlusIcon
          className="ml-1.5 shrink-0 text-zinc-500 dark:text-zinc-400"
          width={20}
          height={20}
        />
        <label htmlFor={`${id}-title`} className="sr-only">
          New task
        </label>
        <input
          ref={titleRef}
          data-quick-title
          id={`${id}-title`}
          value={draft.title}
          onChange={(e) => change({ title: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              if (draft.title) change({ title: "" });
              else e.currentTarget.blur();
            }
          }}
          placeholder={due ? `Add a task due ${due.label}…` : "Add a task…"}
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          className="h-10 min-w-0 flex-1 bg-transparent text-base text-zinc-900 placeholder:text-zinc-500 focus-visible:outline-none dark:text-zinc-100 dark:placeholder:text-zinc-400"
        />
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={open}
          aria-controls={`${id}-details`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="hidden sm:inline">Details</span>
          <span className="sr-only sm:hidden">Details</span>
          <ChevronDownIcon className={`transition-transform ${open ? "rotate-180" : ""}`} />
        </Button>
        <Button type="submit" variant="primary" size="sm" className="px-3">
          Add
        </Button>
      </div>
      <div className="px-3">
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>
      <div
        id={`${id}-details`}
        hidden={!open}
        className="border-t border-zinc-200 p-3 dark:border-zinc-800"
      >
        {open && <LazyTaskDetailFields draft={draft} errors={errors} onChange={change} />}
      </div>
    </form>
  );
}
