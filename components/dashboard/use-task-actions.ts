"use client";

import { useCallback, useRef } from "react";
import { toast } from "@/components/ui/toast";
import { listTasks } from "@/lib/api-client";
import { SUBTASKS_MAX, type Task, type TaskInput, TRASH_DAYS } from "@/lib/tasks/model";
import { reportError } from "./report-error";
import { askToComplete } from "./subtasks/complete-prompt";
import { matchesView, withCompleted } from "./task-match";
import { keepFocusOn } from "./use-task-focus";
import type { TasksState } from "./use-tasks";
import { UNDO_MS } from "./use-undoable-delete";
import type { View } from "./view";
import { shortDayIn } from "./zone";

/** How long a toast with Undo for a completion, a skip or a stopped repeat stays. */
export const UNDO_TOAST_MS = 8_000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A parent's open subtasks: the loaded ones, and with `userId` any the list has not loaded. */
async function openSubtasksOf(
  parent: Task,
  loaded: readonly Task[],
  userId: string | undefined,
): Promise<Task[]> {
  const shown = loaded.filter((t) => t.parentId === parent.id && !t.completed);
  const open = parent.subtasks.total - parent.subtasks.done;
  if (!userId || shown.length >= open) return shown;
  const page = await listTasks(userId, {
    parent: parent.id,
    status: "active",
    sort: "manual",
    limit: SUBTASKS_MAX,
  });
  const ids = new Set(shown.map((t) => t.id));
  return [...shown, ...page.tasks.filter((t) => !ids.has(t.id))];
}

/**
 * What the user does to tasks, with the toasts that answer: failures, tasks that leave the
 * current view, and Undo. `onLeaving` hears of tasks about to leave the list, so focus,
 * selection and the editor can let go of them. Completing a parent with open subtasks asks
 * first whether they are done too; with `userId`, subtasks the list has not loaded (in Today,
 * say) are counted and completed as well, else only the loaded ones are.
 */
export function useTaskActions(
  data: Pick<TasksState, "add" | "setDone" | "remove" | "completedTasks"> &
    Partial<Pick<TasksState, "tasks">>,
  view: View,
  zone: string,
  onLeaving: (ids: ReadonlySet<string>) => void,
  userId?: string,
) {
  // Read when a deletion starts, so `remove` stays stable while `onLeaving` is new each render.
  const onLeavingRef = useRef(onLeaving);
  onLeavingRef.current = onLeaving;
  // Read when a parent is completed, so `toggle` stays stable while the list changes.
  const tasksRef = useRef<readonly Task[]>([]);
  tasksRef.current = data.tasks ?? [];

  /** Completes or reopens one task, with a toast when it leaves the view or repeats. */
  const setOne = useCallback(
    (task: Task) => {
      const completed = !task.completed;
      keepFocusOn(task.id);
      const leaves = !matchesView(withCompleted(task, completed), view);
      const undo = (drop: string[] = []) =>
        void data
          .setDone([withCompleted(task, completed)], !completed, drop)
          .catch((e) => reportError(e, "Couldn't undo"));
      data.setDone([task], completed).then(
        ([next]) => {
          if (completed && task.repeat) {
            // A repeating task: say when it comes back; Undo takes that occurrence back too.
            toast(`Completed “${task.title}”`, {
              description: next?.dueAt
                ? `Next: ${shortDayIn(next.dueAt, zone)}`
                : "That was its last date: it no longer repeats.",
              duration: UNDO_TOAST_MS,
              action: { label: "Undo", onClick: () => undo(next ? [next.id] : []) },
            });
          } else if (leaves) {
            toast(completed ? `Completed “${task.title}”` : `Reopened “${task.title}”`, {
              duration: UNDO_TOAST_MS,
              action: { label: "Undo", onClick: () => undo() },
            });
          }
        },
        (error) => reportError(error, "Couldn't update the task"),
      );
    },
    [data.setDone, view, zone],
  );

  /** Completes several tasks at once, with a toast whose Undo reopens them all. */
  const completeAll = useCallback(
    (tasks: Task[], message: string, description: string | undefined) => {
      const reopen = () =>
        void data
          .setDone(
            tasks.map((t) => withCompleted(t, true)),
            false,
          )
          .catch((e) => reportError(e, "Couldn't undo"));
      data.setDone(tasks, true).then(
        () =>
          toast.success(message, {
            description,
            duration: UNDO_TOAST_MS,
            action: { label: "Undo", onClick: reopen },
          }),
        (error) => reportError(error, "Couldn't complete the tasks"),
      );
    },
    [data.setDone],
  );

  const completeWithSubtasks = useCallback(
    async (parent: Task) => {
      keepFocusOn(parent.id);
      let subtasks: Task[];
      try {
        subtasks = await openSubtasksOf(parent, tasksRef.current, userId);
      } catch (error) {
        reportError(error, "Couldn't complete the subtasks");
        return;
      }
      if (subtasks.length === 0) return setOne(parent);
      completeAll(
        [parent, ...subtasks],
        `Completed “${parent.title}” and ${plural(subtasks.length, "subtask")}`,
        parent.repeat ? "It comes back on its next date." : undefined,
      );
    },
    [completeAll, setOne, userId],
  );

  // toggle and deleteOne are stable: they are passed to every (memoized) row. Completing a
  // parent with open subtasks asks about them first.
  const toggle = useCallback(
    (task: Task) => {
      const open = task.subtasks.total - task.subtasks.done;
      const loaded = tasksRef.current.filter((t) => t.parentId === task.id && !t.completed);
      // Without a way to load the others, only the loaded ones are asked about.
      const count = userId ? open : loaded.length;
      if (task.completed || task.parentId || count <= 0) {
        setOne(task);
        return;
      }
      void askToComplete(task, count).then((choice) => {
        if (choice === "all") void completeWithSubtasks(task);
        else if (choice === "only") setOne(task);
      });
    },
    [setOne, completeWithSubtasks, userId],
  );

  const remove = useCallback(
    (list: Task[], label: string) => {
      if (list.length === 0) return;
      onLeavingRef.current(new Set(list.map((t) => t.id)));
      const undo = data.remove(list);
      toast(label, {
        description: `In the trash for ${TRASH_DAYS} days.`,
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
      const open = list.filter((t) => !t.completed);
      completeAll(
        open,
        `Completed ${plural(open.length, "task")}`,
        open.some((t) => t.repeat) ? "Repeating ones come back on their next date." : undefined,
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
