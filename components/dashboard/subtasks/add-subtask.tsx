"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "@/lib/tasks/model";
import { FieldError, fieldClass } from "../form-parts";

/** How an added subtask went: saved, refused with a message for the field, or failed (toast). */
export type SubtaskResult = { ok: true } | { ok: false; error?: string };

/**
 * The one-line field under a parent's subtasks that adds one. Enter adds it and leaves the
 * field open for the next; Escape or Cancel closes it. The text comes back when the add fails.
 */
export function AddSubtaskField({
  parent,
  onSubmit,
  onClose,
}: {
  parent: Task;
  onSubmit: (parent: Task, title: string) => Promise<SubtaskResult>;
  onClose: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  // Cleared at once (the row shows optimistically), so the next one can be typed while this
  // one saves; a refused title comes back unless something new was typed meanwhile.
  const submit = async () => {
    const text = title;
    if (!text.trim()) return;
    setTitle("");
    const result = await onSubmit(parent, text);
    if (!result.ok) {
      setTitle((now) => now || text);
      setError(result.error);
    }
  };

  return (
    <li data-add-subtask-field className="list-none py-1 pr-2 pl-2 sm:pl-3">
      <form
        aria-label={`Add a subtask to “${parent.title}”`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="flex items-center gap-2"
      >
        <label htmlFor={`${id}-title`} className="sr-only">
          New subtask of “{parent.title}”
        </label>
        <input
          ref={input}
          id={`${id}-title`}
          dir="auto"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }}
          placeholder="Add a subtask"
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${fieldClass} h-9 min-w-0 flex-1 py-0`}
        />
        <Button type="submit" variant="primary" size="sm" disabled={!title.trim()}>
          Add
        </Button>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Cancel
        </Button>
      </form>
      <FieldError id={`${id}-error`} message={error} />
    </li>
  );
}
