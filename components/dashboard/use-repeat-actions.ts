"use client";

import { toast } from "@/components/ui/toast";
import type { Task } from "@/lib/tasks/model";
import { reportError } from "./report-error";
import { inputOf } from "./task-match";
import { UNDO_TOAST_MS } from "./use-task-actions";
import type { TasksState } from "./use-tasks";
import { shortDayIn } from "./zone";

/**
 * What a repeating task's editor offers besides saving: skip this occurrence (it moves to its
 * next date) and stop repeating. Each says what happened, with an Undo that puts the task back
 * as it was (its date, or its rule).
 */
export function useRepeatActions(data: Pick<TasksState, "skip" | "update">, zone: string) {
  const undoTo = (now: Task, before: Task) => () =>
    void data.update(now, inputOf(before)).catch((e) => reportError(e, "Couldn't undo"));

  return {
    skip: (task: Task) => {
      data.skip(task).then(
        (moved) =>
          toast(`Skipped “${task.title}”`, {
            description: moved.dueAt ? `Next: ${shortDayIn(moved.dueAt, zone)}` : undefined,
            duration: UNDO_TOAST_MS,
            action: { label: "Undo", onClick: undoTo(moved, task) },
          }),
        (error) => reportError(error, "Couldn't skip this occurrence"),
      );
    },
    stopRepeating: (task: Task) => {
      data.update(task, { ...inputOf(task), repeat: null }).then(
        (saved) =>
          toast(`“${task.title}” no longer repeats`, {
            duration: UNDO_TOAST_MS,
            action: { label: "Undo", onClick: undoTo(saved, task) },
          }),
        (error) => reportError(error, "Couldn't stop the repeat"),
      );
    },
  };
}
