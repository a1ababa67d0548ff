"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";
import { bulkTasks, createTask, deleteTask, listTasks, setCompleted } from "@/lib/api-client";
import { BULK_IDS_MAX, SUBTASKS_MAX, type Task } from "@/lib/tasks/model";
import { bumpSubtasks, inputOf, type Pages, removeTasks } from "./task-match";
import type { TaskCache } from "./use-task-cache";

/** How long a deletion can be undone before it is sent. */
export const UNDO_MS = 5_000;

interface PendingDelete {
  tasks: Task[];
  timer: ReturnType<typeof setTimeout>;
}

/** The tasks with the loaded subtasks of every parent among them (they go with it). */
export function withSubtasks(tasks: readonly Task[], loaded: readonly Task[]): Task[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = loaded.filter((t) => t.parentId && ids.has(t.parentId) && !ids.has(t.id));
  return [...tasks, ...children];
}

/** The tasks whose parent is not among them: deleting those deletes the rest (cascade). */
function roots(tasks: readonly Task[]): Task[] {
  const ids = new Set(tasks.map((t) => t.id));
  return tasks.filter((t) => !t.parentId || !ids.has(t.parentId));
}

/** Subtasks deleted without their parent: the parent's "2/5" drops (sign -1) or comes back. */
function bumpParents(pages: Pages, tasks: readonly Task[], sign: 1 | -1): Pages {
  return roots(tasks).reduce(
    (next, t) => (t.parentId ? bumpSubtasks(next, t.parentId, sign, t.completed ? sign : 0) : next),
    pages,
  );
}

/**
 * Deletion with an undo window: the tasks (and the subtasks of parents among them) are hidden
 * at once and the request goes out only when the window closes (or the page does). Returns
 * `remove`, which gives back the undo function.
 */
export function useUndoableDelete(
  userId: string,
  { patch, refresh, hide }: Pick<TaskCache, "patch" | "refresh" | "hide">,
  loaded: RefObject<readonly Task[]>,
  onError: (error: unknown) => void,
) {
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const pending = useRef(new Map<number, PendingDelete>());
  // Deletions already sent whose Undo has not been clicked yet: a late Undo recreates them.
  const committed = useRef(new Set<number>());

  const sendDelete = useCallback(
    async (tasks: Task[], keepalive = false) => {
      const ids = roots(tasks).map((t) => t.id);
      if (ids.length === 1 && ids[0]) await deleteTask(userId, ids[0], { keepalive });
      else {
        for (let i = 0; i < ids.length; i += BULK_IDS_MAX) {
          await bulkTasks(userId, "delete", ids.slice(i, i + BULK_IDS_MAX), { keepalive });
        }
      }
    },
    [userId],
  );

  const withUnloadedSubtasks = useCallback(
    async (tasks: Task[]): Promise<Task[]> => {
      const missing = roots(tasks).filter(
        (t) => t.subtasks.total > tasks.filter((c) => c.parentId === t.id).length,
      );
      const found = await Promise.all(
        missing.map((t) => listTasks(userId, { parent: t.id, limit: SUBTASKS_MAX })),
      );
      return withSubtasks(
        tasks,
        found.flatMap((page) => page.tasks),
      );
    },
    [userId],
  );

  const commitDelete = useCallback(
    async (key: number) => {
      const entry = pending.current.get(key);
      if (!entry) return;
      pending.current.delete(key);
      try {
        // A late Undo recreates the subtasks too: know them all before they go.
        entry.tasks = await withUnloadedSubtasks(entry.tasks);
        await sendDelete(entry.tasks);
        committed.current.add(key);
        const ids = new Set(entry.tasks.map((t) => t.id));
        await patch((current) => removeTasks(current, ids));
        hide(entry.tasks, false);
        refresh();
      } catch (error) {
        hide(entry.tasks, false);
        void patch((current) => bumpParents(current, entry.tasks, 1));
        onErrorRef.current(error);
      }
    },
    [hide, patch, refresh, sendDelete, withUnloadedSubtasks],
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
      // Parents first, so their subtasks can name the new ids.
      const newIds = new Map<string, string>();
      const parentsFirst = [...tasks].sort(
        (a, b) => Number(Boolean(a.parentId)) - Number(Boolean(b.parentId)),
      );
      for (const task of parentsFirst) {
        const parentId = task.parentId ? (newIds.get(task.parentId) ?? task.parentId) : null;
        const created = await createTask(userId, { ...inputOf(task), parentId });
        newIds.set(task.id, created.id);
        if (task.completed) await setCompleted(userId, created.id, true);
      }
      refresh();
    },
    [refresh, userId],
  );

  return useCallback(
    (tasks: Task[]): (() => void) => {
      const real = withSubtasks(
        tasks.filter((t) => !t.id.startsWith("temp-")),
        loaded.current,
      );
      if (real.length === 0) return () => {};
      const key = Date.now() + Math.random();
      hide(real, true);
      void patch((current) => bumpParents(current, real, -1));
      const timer = setTimeout(() => void commitDelete(key), UNDO_MS);
      const entry: PendingDelete = { tasks: real, timer };
      pending.current.set(key, entry);
      return () => {
        if (pending.current.get(key)) {
          clearTimeout(entry.timer);
          pending.current.delete(key);
          hide(real, false);
          void patch((current) => bumpParents(current, real, 1));
        } else if (committed.current.delete(key)) {
          void restore(entry.tasks).catch((error: unknown) => onErrorRef.current(error));
        }
      };
    },
    [commitDelete, hide, loaded, patch, restore],
  );
}
