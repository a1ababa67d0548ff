"use client";

import { useCallback, useEffect, useRef } from "react";
import { bulkTasks, createTask, deleteTask, setCompleted } from "@/lib/api-client";
import { BULK_IDS_MAX, type Task } from "@/lib/tasks/model";
import { inputOf, removeTasks } from "./task-match";
import type { TaskCache } from "./use-task-cache";

/** How long a deletion can be undone before it is sent. */
export const UNDO_MS = 5_000;

interface PendingDelete {
  tasks: Task[];
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Deletion with an undo window: the tasks are hidden at once and the request goes out only when
 * the window closes (or the page does). Returns `remove`, which gives back the undo function.
 */
export function useUndoableDelete(
  userId: string,
  { patch, refresh, hide }: Pick<TaskCache, "patch" | "refresh" | "hide">,
  onError: (error: unknown) => void,
) {
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const pending = useRef(new Map<number, PendingDelete>());
  // Deletions already sent whose Undo has not been clicked yet: a late Undo recreates them.
  const committed = useRef(new Set<number>());

  const sendDelete = useCallback(
    async (tasks: Task[], keepalive = false) => {
      const ids = tasks.map((t) => t.id);
      if (ids.length === 1 && ids[0]) await deleteTask(userId, ids[0], { keepalive });
      else {
        for (let i = 0; i < ids.length; i += BULK_IDS_MAX) {
          await bulkTasks(userId, "delete", ids.slice(i, i + BULK_IDS_MAX), { keepalive });
        }
      }
    },
    [userId],
  );

  const commitDelete = useCallback(
    async (key: number) => {
      const entry = pending.current.get(key);
      if (!entry) return;
      pending.current.delete(key);
      try {
        await sendDelete(entry.tasks);
        committed.current.add(key);
        const ids = new Set(entry.tasks.map((t) => t.id));
        await patch((current) => removeTasks(current, ids));
        hide(entry.tasks, false);
        refresh();
      } catch (error) {
        hide(entry.tasks, false);
        onErrorRef.current(error);
      }
    },
    [hide, patch, refresh, sendDelete],
  );

  // A page closed inside the undo window still deletes what the user deleted.
  useEffect(() => {
    const flush = () => {
      for (const [key, entry] of pending.current) {
        clearTimeout(entry.timer);
        pending.current.delete(key);
        void sendDelete(entry.tasks, true).catch(() => {});
      }
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [sendDelete]);

  /** Recreates tasks whose deletion already went out (an Undo clicked very late). */
  const restore = useCallback(
    async (tasks: Task[]) => {
      for (const task of tasks) {
        const created = await createTask(userId, inputOf(task));
        if (task.completed) await setCompleted(userId, created.id, true);
      }
      refresh();
    },
    [refresh, userId],
  );

  return useCallback(
    (tasks: Task[]): (() => void) => {
      const real = tasks.filter((t) => !t.id.startsWith("temp-"));
      if (real.length === 0) return () => {};
      const key = Date.now() + Math.random();
      hide(real, true);
      const timer = setTimeout(() => void commitDelete(key), UNDO_MS);
      pending.current.set(key, { tasks: real, timer });
      return () => {
        const entry = pending.current.get(key);
        if (entry) {
          clearTimeout(entry.timer);
          pending.current.delete(key);
          hide(real, false);
        } else if (committed.current.delete(key)) {
          void restore(real).catch((error: unknown) => onErrorRef.current(error));
        }
      };
    },
    [commitDelete, hide, restore],
  );
}
