"use client";

import { Dialog, RadioGroup } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Project, ProjectDeleteTasks } from "@/lib/tasks/model";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";

const choiceClass =
  "flex w-full items-start gap-3 rounded-lg border border-zinc-200 p-3 text-left text-sm data-[state=checked]:border-blue-600 data-[state=checked]:bg-blue-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:data-[state=checked]:border-blue-400 dark:data-[state=checked]:bg-blue-500/15";

/** Asks what becomes of a project's tasks before it is deleted (Undo follows in a toast). */
export function DeleteProjectDialog({
  project,
  onOpenChange,
  onDelete,
}: {
  project: Project | null;
  onOpenChange: (open: boolean) => void;
  onDelete: (project: Project, tasks: ProjectDeleteTasks) => void;
}) {
  const [tasks, setTasks] = useState<ProjectDeleteTasks>("move");
  const count = project?.openTasks ?? 0;
  return (
    <Dialog.Root open={project !== null} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass}>
          <Dialog.Title className="text-lg font-semibold">Delete “{project?.name}”?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            {count === 0
              ? "It has no open tasks. What should happen to its completed ones?"
              : `It has ${count} open ${count === 1 ? "task" : "tasks"}. What should happen to them?`}
          </Dialog.Description>
          <RadioGroup.Root
            value={tasks}
            onValueChange={(v) => setTasks(v as ProjectDeleteTasks)}
            aria-label="Its tasks"
            className="mt-4 space-y-2"
          >
            <RadioGroup.Item value="move" className={choiceClass}>
              <span>
                <span className="block font-medium">Move them to the Inbox</span>
                <span className="text-zinc-600 dark:text-zinc-400">Nothing is lost.</span>
              </span>
            </RadioGroup.Item>
            <RadioGroup.Item value="delete" className={choiceClass}>
              <span>
                <span className="block font-medium">Delete them with the project</span>
                <span className="text-zinc-600 dark:text-zinc-400">
                  You can undo for a few seconds.
                </span>
              </span>
            </RadioGroup.Item>
          </RadioGroup.Root>
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              onClick={() => {
                if (project) onDelete(project, tasks);
                onOpenChange(false);
                setTasks("move");
              }}
            >
              Delete project
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
