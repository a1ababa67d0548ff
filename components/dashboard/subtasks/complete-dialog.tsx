"use client";

import { Dialog } from "radix-ui";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { answerCompletion, type CompleteQuestion, completionDialogClosed } from "./complete-prompt";

/** "Complete 3 open subtasks too?": Complete all, Only the task, or Cancel. */
export function CompleteSubtasksDialog({ question }: { question: CompleteQuestion }) {
  const { task, count, open } = question;
  const all = useRef<HTMLButtonElement>(null);
  // Where focus goes back to: the row's checkbox or title it was asked from (there is no
  // Dialog.Trigger for Radix to return to).
  const [returnTo] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  const noun = count === 1 ? "subtask" : "subtasks";
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && answerCompletion(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content
          data-complete-subtasks-dialog
          className={dialogContentClass}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            all.current?.focus();
          }}
          // The answer is acted on once focus is back on the row it was asked from.
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            const row = `[data-task-id="${CSS.escape(task.id)}"] [data-task-title]`;
            (returnTo?.isConnected ? returnTo : document.querySelector<HTMLElement>(row))?.focus();
            completionDialogClosed();
          }}
        >
          <Dialog.Title className="text-lg font-semibold">
            Complete {count} open {noun} too?
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            “<span dir="auto">{task.title}</span>” has {count} open {noun}.
          </Dialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => answerCompletion(null)}>
              Cancel
            </Button>
            <Button variant="secondary" onClick={() => answerCompletion("only")}>
              Only the task
            </Button>
            <Button ref={all} variant="primary" onClick={() => answerCompletion("all")}>
              Complete all
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
