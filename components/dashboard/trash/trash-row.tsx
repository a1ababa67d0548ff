"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Project, TrashEntry } from "@/lib/tasks/model";
import { deleteForever, restoreFromTrash } from "@/lib/trash-client";
import { reportError } from "../report-error";
import { shortDayIn } from "../zone";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "in Work · 2 subtasks · deleted Tue, Dec 1 · 29 days left", as much of it as applies. */
export function entryDetails(entry: TrashEntry, projects: Project[], now = Date.now()): string {
  const project = entry.task.projectId
    ? projects.find((p) => p.id === entry.task.projectId)?.name
    : undefined;
  const left = Math.max(0, Math.ceil((Date.parse(entry.purgeAt) - now) / DAY_MS));
  return [
    project ? `in ${project}` : entry.task.projectId ? null : "in the Inbox",
    entry.subtasks > 0 ? `${entry.subtasks} subtask${entry.subtasks === 1 ? "" : "s"}` : null,
    `deleted ${shortDayIn(entry.deletedAt)}`,
    left <= 1 ? "deleted for good within a day" : `${left} days left`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** One trashed task: its title and details, Restore, and Delete forever (asked first). */
export function TrashRow({
  userId,
  entry,
  projects,
  onRestored,
  onDeleted,
}: {
  userId: string;
  entry: TrashEntry;
  projects: Project[];
  onRestored: () => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { task } = entry;

  const run = async (work: () => Promise<unknown>, done: () => void, what: string) => {
    setBusy(true);
    try {
      await work();
      done();
    } catch (error) {
      reportError(error, what);
      setBusy(false);
    }
  };

  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3">
      <div className="min-w-0 flex-1 basis-48">
        <p
          dir="auto"
          className={`truncate text-sm font-medium ${task.completed ? "text-zinc-500 line-through dark:text-zinc-400" : ""}`}
        >
          {task.title}
        </p>
        <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {entryDetails(entry, projects)}
        </p>
      </div>
      {confirming ? (
        <div className="flex items-center gap-2">
          <span className="text-sm">Delete for good?</span>
          <Button size="sm" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            aria-label={`Delete “${task.title}” for good`}
            onClick={() =>
              void run(() => deleteForever(userId, task.id), onDeleted, "Couldn't delete the task")
            }
          >
            Delete
          </Button>
        </div>
      ) : (
        <div className="flex items-center gap-2">
          <Button
            size="sm"
            disabled={busy}
            aria-label={`Restore “${task.title}”`}
            onClick={() =>
              void run(
                () => restoreFromTrash(userId, task.id),
                onRestored,
                "Couldn't restore the task",
              )
            }
          >
            Restore
          </Button>
          <Button
            size="sm"
            variant="danger-ghost"
            disabled={busy}
            aria-label={`Delete “${task.title}” forever`}
            onClick={() => setConfirming(true)}
          >
            Delete forever
          </Button>
        </div>
      )}
    </li>
  );
}
