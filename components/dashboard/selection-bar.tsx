"use client";

import { Button } from "@/components/ui/button";
import type { Task } from "@/lib/tasks/model";

/** Shown in select mode: select all, how many are picked, and what to do with them. */
export function SelectionBar({
  total,
  selected,
  onSelectAll,
  onComplete,
  onDelete,
  onCancel,
}: {
  /** How many tasks the list shows. */
  total: number;
  selected: Task[];
  onSelectAll: (on: boolean) => void;
  onComplete: (tasks: Task[]) => void;
  onDelete: (tasks: Task[]) => void;
  onCancel: () => void;
}) {
  const none = selected.length === 0;
  return (
    <section
      aria-label="Selection"
      className="mt-3 flex flex-wrap items-center gap-2 rounded-xl border border-blue-200 bg-blue-50 px-3 py-2 dark:border-blue-500/30 dark:bg-blue-500/10"
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-blue-600"
          checked={total > 0 && selected.length === total}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
        Select all
      </label>
      <span className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
        {selected.length} selected
      </span>
      <div className="flex w-full gap-2 sm:ml-auto sm:w-auto">
        <Button size="sm" variant="secondary" disabled={none} onClick={() => onComplete(selected)}>
          Complete
        </Button>
        <Button
          size="sm"
          variant="danger-secondary"
          disabled={none}
          onClick={() => onDelete(selected)}
        >
          Delete
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} className="ml-auto">
          Cancel
        </Button>
      </div>
    </section>
  );
}
