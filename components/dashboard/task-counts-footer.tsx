"use client";

import { Button } from "@/components/ui/button";
import type { TaskCounts, TaskStatus } from "@/lib/tasks/model";

/** Under the list, once there are tasks: how many are open and done, and "Clear completed". */
export function TaskCountsFooter({
  counts,
  status,
  onClearCompleted,
}: {
  counts: TaskCounts | null;
  status: TaskStatus;
  onClearCompleted: () => void;
}) {
  if (!counts || counts.all === 0) return null;
  return (
    <footer className="mt-6 flex items-center justify-between gap-3 border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <p>
        {counts.active} active · {counts.completed} completed
      </p>
      {counts.completed > 0 && status !== "active" && (
        <Button variant="ghost" size="sm" onClick={onClearCompleted}>
          Clear completed
        </Button>
      )}
    </footer>
  );
}
