"use client";

import { useTaskCache } from "./use-task-cache";
import { useTaskMutations } from "./use-task-mutations";
import { useUndoableDelete } from "./use-undoable-delete";
import type { View } from "./view";

/**
 * The dashboard's data: the current view's pages and every change to them. Changes show at
 * once and are undone, with the error passed on, when the server refuses; deletions wait out
 * an undo window first.
 */
export function useTasks(userId: string, view: View, onError: (error: unknown) => void) {
  const cache = useTaskCache(userId, view);
  const { add, update, setDone, skip, snooze } = useTaskMutations(userId, view, cache);
  const remove = useUndoableDelete(userId, cache, onError);
  // patch, refresh and hide stay inside: every change goes through the functions below.
  const { patch, refresh, hide, ...list } = cache;
  return { ...list, add, update, setDone, skip, snooze, remove };
}

export type TasksState = ReturnType<typeof useTasks>;
