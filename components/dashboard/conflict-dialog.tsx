"use client";

import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import type { Task, TaskInput } from "@/lib/tasks/model";
import { describeDue } from "./due";
import { priorityLabel } from "./view";

export interface Conflict {
  /** What the server holds now. */
  current: Task;
  /** The edit that was refused. */
  mine: TaskInput;
}

function Version({ heading, input }: { heading: string; input: TaskInput }) {
  const due = input.dueAt ? describeDue(input.dueAt, false).full : "No due date";
  return (
    <section className="min-w-0 rounded-xl border border-zinc-200 p-3 dark:border-zinc-700">
      <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {heading}
      </h3>
      <p className="mt-1.5 font-medium break-words">{input.title}</p>
      {input.description && (
        <p className="mt-1 line-clamp-4 text-sm break-words whitespace-pre-line text-zinc-600 dark:text-zinc-300">
          {input.description}
        </p>
      )}
      <dl className="mt-2 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-300">
        <div>
          <dt className="inline">Priority: </dt>
          <dd className="inline">{priorityLabel[input.priority ?? "none"]}</dd>
        </div>
        <div>
          <dt className="inline">Due: </dt>
          <dd className="inline">{due}</dd>
        </div>
        <div>
          <dt className="inline">Tags: </dt>
          <dd className="inline">
            {input.tags?.length ? input.tags.map((t) => `#${t}`).join(" ") : "none"}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * Shown when an edit hit a newer version (HTTP 412): nothing was overwritten. The user sees
 * both and decides.
 */
export function ConflictDialog({
  conflict,
  onKeepCurrent,
  onOverwrite,
  onEditAgain,
}: {
  conflict: Conflict | null;
  onKeepCurrent: () => void;
  onOverwrite: (conflict: Conflict) => void;
  onEditAgain: (conflict: Conflict) => void;
}) {
  return (
    <Dialog.Root open={conflict !== null} onOpenChange={(open) => !open && onKeepCurrent()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[85dvh] w-[calc(100vw-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-lg font-semibold">This task changed elsewhere</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            It was edited in another tab or on another device while you were editing, so your
            changes were not saved. The list now shows the current version.
          </Dialog.Description>
          {conflict && (
            <div className="mt-4 grid gap-3 sm:grid-cols-2">
              <Version heading="Current version" input={conflict.current} />
              <Version heading="Your changes" input={conflict.mine} />
            </div>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => conflict && onEditAgain(conflict)}>
              Edit again
            </Button>
            <Button variant="secondary" onClick={() => conflict && onOverwrite(conflict)}>
              Save mine anyway
            </Button>
            <Button variant="primary" onClick={onKeepCurrent}>
              Keep current version
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
