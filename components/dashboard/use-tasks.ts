"use client";

import { useCallback, useMemo, useRef } from "react";
import type { Task, TaskInput } from "@/lib/tasks/model";
import { useTaskMove } from "./ordering/use-task-move";
import { useCollapsedParents } from "./subtasks/collapsed";
import { bumpSubtasks } from "./task-match";
import { useTaskCache } from "./use-task-cache";
import { useTaskMutations } from "./use-task-mutations";
import { useUndoableDelete } from "./use-undoable-delete";
import type { View } from "./view";

/**
 * The dashboard's data: the current view's pages and every change to them. Changes show at
 * once and are undone, with the error passed on, when the server refuses; deletions wait out
 * an undo window first. A parent's "2/5" follows its subtasks at once too.
 */
export function useTasks(userId: string, view: View, onError: (error: unknown) => void) {
  const cache = useTaskCache(userId, view);
  const mutations = useTaskMutations(userId, view, cache);
  const tasksRef = useRef<readonly Task[]>(cache.tasks);
  tasksRef.current = cache.tasks;
  const remove = useUndoableDelete(userId, cache, tasksRef, onError);
  const move = useTaskMove(userId, cache, tasksRef);
  // patch, refresh and hide stay inside: every change goes through the functions returned.
  const { patch, refresh, hide, ...list } = cache;

  const add = useCallback(
    async (input: TaskInput): Promise<Task> => {
      const parentId = input.parentId;
      if (parentId) void patch((pages) => bumpSubtasks(pages, parentId, 1, 0));
      try {
        return await mutations.add(input);
      } catch (error) {
        if (parentId) void patch((pages) => bumpSubtasks(pages, parentId, -1, 0));
        throw error;
      }
    },
    [mutations.add, patch],
  );

  const setDone = useCallback(
    async (tasks: Task[], completed: boolean, drop?: string[]): Promise<Task[]> => {
      const subtasks = tasks.filter(
        (t) => t.parentId && t.completed !== completed && !t.id.startsWith("temp-"),
      );
      const bump = (sign: 1 | -1) =>
        patch((pages) =>
          subtasks.reduce(
            (next, t) => bumpSubtasks(next, t.parentId as string, 0, completed ? sign : -sign),
            pages,
          ),
        );
      if (subtasks.length > 0) void bump(1);
      try {
        return await mutations.setDone(tasks, completed, drop);
      } catch (error) {
        if (subtasks.length > 0) void bump(-1);
        throw error;
      }
    },
    [mutations.setDone, patch],
  );

  // The dashboard groups its rows from `tasks` (task-groups.ts), folded parents' subtasks left
  // out; a new array when a parent folds or unfolds makes it group them again.
  const collapsed = useCollapsedParents();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new array when `collapsed` changes is the point.
  const tasks = useMemo(() => cache.tasks.slice(), [cache.tasks, collapsed]);

  return {
    ...list,
    tasks,
    collapsed,
    add,
    update: mutations.update,
    setDone,
    skip: mutations.skip,
    snooze: mutations.snooze,
    remove,
    move,
  };
}

export type TasksState = ReturnType<typeof useTasks>;
