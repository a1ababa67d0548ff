"use client";

import { useCallback, useRef } from "react";
import { toast } from "sonner";
import type { Task, TaskInput } from "@/lib/tasks/model";
import { reportError } from "./report-error";
import { matchesView } from "./task-match";
import type { TasksState } from "./use-tasks";
import { UNDO_MS } from "./use-undoable-delete";
import type { View } from "./view";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * What the user does to tasks, with the toasts that answer: failures, tasks that leave the
 * current view, and Undo. `onLeaving` hears of tasks about to leave the list, so focus,
 * selection and the editor can let go of them.
 */
export function useTaskActions(
  data: Pick<TasksState, "add" | "setDone" | "remove" | "completedTasks">,
  view: View,
  onLeaving: (ids: ReadonlySet<string>) => void,
) {
  // Read when a deletion starts, so `remove` stays stable while `onLeaving` is new each render.
  const onLeavingRef = useRef(onLeaving);
  onLeavingRef.current = onLeaving;

  // toggle and deleteOne are stable: they are passed to every (memoized) row.
  const toggle = useCallback(
    (task: Task) => {
      const completed = !task.completed;
      const leaves =
        (view.status === "active" && completed) || (view.status === "completed" && !completed);
      data.setDone([task], completed).then(
        () => {
          if (leaves) {
            toast(completed ? `Completed “${task.title}”` : `Reopened “${task.title}”`, {
              action: {
                label: "Undo",
                onClick: () =>
                  void data
                    .setDone([{ ...task, completed }], !completed)
                    .catch((e) => reportError(e, "Couldn't undo")),
              },
            });
          }
        },
        (error) => reportError(error, "Couldn't update the task"),
      );
    },
    [data.setDone, view.status],
  );

  const remove = useCallback(
    (list: Task[], label: string) => {
      if (list.length === 0) return;
      onLeavingRef.current(new Set(list.map((t) => t.id)));
      const undo = data.remove(list);
      toast(label, {
        duration: UNDO_MS,
        action: { label: "Undo", onClick: undo },
      });
    },
    [data.remove],
  );

  const deleteOne = useCallback(
    (task: Task) => remove([task], `Deleted “${task.title}”`),
    [remove],
  );

  return {
    toggle,
    deleteOne,
    add: async (input: TaskInput) => {
      try {
        const task = await data.add(input);
        if (!matchesView(task, view)) {
          toast.success(`Added “${task.title}”`, {
            description: "It is hidden by the current tab or filters.",
          });
        }
      } catch (error) {
        reportError(error, "Couldn't add the task");
        throw error;
      }
    },
    deleteMany: (list: Task[]) => remove(list, `Deleted ${plural(list.length, "task")}`),
    completeMany: (list: Task[]) => {
      data.setDone(list, true).then(
        () => toast.success(`Completed ${plural(list.length, "task")}`),
        (error) => reportError(error, "Couldn't complete the tasks"),
      );
    },
    clearCompleted: async () => {
      try {
        const completed = await data.completedTasks();
        remove(completed, `Cleared ${plural(completed.length, "completed task")}`);
      } catch (error) {
        reportError(error, "Couldn't clear completed tasks");
      }
    },
  };
}
