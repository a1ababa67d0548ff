"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import useSWRInfinite from "swr/infinite";
import {
  ApiClientError,
  bulkTasks,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  setCompleted,
  updateTask,
} from "@/lib/api-client";
import { taskEtag } from "@/lib/tasks/etag";
import {
  BULK_IDS_MAX,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  type Task,
  type TaskCounts,
  type TaskInput,
  type TaskList,
} from "@/lib/tasks/model";
import {
  applyInput,
  countsDelta,
  inputOf,
  mapTasks,
  matchesView,
  normalizeTags,
  type Pages,
  prependTask,
  removeTasks,
  updateCounts,
  withCompleted,
} from "./task-match";
import { type View, viewToQuery } from "./view";

/** How long a deletion can be undone before it is sent. */
export const UNDO_MS = 5_000;

type PageKey = readonly ["tasks", string, string, string | null];

/** Another tab or device changed the task first; `current` is what the server holds now. */
export class EditConflictError extends Error {
  override name = "EditConflictError";
  constructor(readonly current: Task) {
    super("This task was changed somewhere else.");
  }
}

interface PendingDelete {
  tasks: Task[];
  timer: ReturnType<typeof setTimeout>;
}

let tempSequence = 0;

/**
 * The dashboard's data: the current view's pages (SWR, cursor by cursor) and every change to
 * them. Changes show at once and are undone, with the error passed on, when the server refuses.
 */
export function useTasks(userId: string, view: View, onError: (error: unknown) => void) {
  const queryKey = useMemo(() => JSON.stringify(viewToQuery(view)), [view]);
  const swr = useSWRInfinite<
    TaskList,
    ApiClientError,
    (i: number, p: TaskList | null) => PageKey | null
  >(
    (index, previous) => {
      if (previous && !previous.nextCursor) return null;
      return ["tasks", userId, queryKey, index === 0 ? null : (previous?.nextCursor ?? null)];
    },
    ([, uid, query, cursor]) =>
      listTasks(uid, {
        ...JSON.parse(query),
        limit: LIST_LIMIT_DEFAULT,
        cursor: cursor ?? undefined,
      }),
    { keepPreviousData: true, revalidateFirstPage: true, errorRetryCount: 2 },
  );
  const { data: pages, mutate, size, setSize } = swr;

  const viewRef = useRef(view);
  viewRef.current = view;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  /** Applies a change to the cached pages without asking the server. */
  const patch = useCallback(
    (fn: (pages: Pages) => Pages) =>
      mutate((current) => current && fn(current), { revalidate: false }),
    [mutate],
  );
  const refresh = useCallback(() => void mutate(), [mutate]);

  // Deletions wait out the undo window here; hidden tasks are left out of everything shown.
  const [hidden, setHidden] = useState<ReadonlyMap<string, Task>>(new Map());
  const pending = useRef(new Map<number, PendingDelete>());
  const committed = useRef(new Set<number>());
  const hide = useCallback((tasks: Task[], on: boolean) => {
    setHidden((current) => {
      const next = new Map(current);
      for (const task of tasks) {
        if (on) next.set(task.id, task);
        else next.delete(task.id);
      }
      return next;
    });
  }, []);

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

  const remove = useCallback(
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

  const add = useCallback(
    async (input: TaskInput): Promise<Task> => {
      const now = new Date().toISOString();
      const temp: Task = applyInput(
        {
          id: `temp-${++tempSequence}`,
          title: "",
          description: null,
          completed: false,
          completedAt: null,
          priority: "none",
          dueAt: null,
          tags: [],
          createdAt: now,
          updatedAt: now,
        },
        input,
      );
      const counted = matchesView(temp, { ...viewRef.current, status: "all" });
      const shown = matchesView(temp, viewRef.current);
      await patch((current) => {
        const next = shown ? prependTask(current, temp) : current;
        return counted ? updateCounts(next, (c) => countsDelta(c, temp, 1)) : next;
      });
      try {
        const task = await createTask(userId, { ...input, tags: normalizeTags(input.tags) });
        await patch((current) => mapTasks(current, (t) => (t.id === temp.id ? task : t)));
        refresh();
        return task;
      } catch (error) {
        await patch((current) => {
          const next = removeTasks(current, new Set([temp.id]));
          return counted ? updateCounts(next, (c) => countsDelta(c, temp, -1)) : next;
        });
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  const update = useCallback(
    async (task: Task, input: TaskInput): Promise<Task> => {
      const edited = applyInput(task, input);
      await patch((current) => mapTasks(current, (t) => (t.id === task.id ? edited : t)));
      try {
        const { task: saved } = await updateTask(userId, task.id, input, taskEtag(task.updatedAt));
        await patch((current) => mapTasks(current, (t) => (t.id === task.id ? saved : t)));
        refresh();
        return saved;
      } catch (error) {
        if (error instanceof ApiClientError && error.status === 412) {
          // Show what the server holds now instead of what we failed to write.
          const { task: current } = await getTask(userId, task.id);
          await patch((pages) => mapTasks(pages, (t) => (t.id === task.id ? current : t)));
          throw new EditConflictError(current);
        }
        await patch((current) => mapTasks(current, (t) => (t.id === task.id ? task : t)));
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  /** Re-sends an edit over the version the user has now seen. */
  const overwrite = useCallback(
    (current: Task, mine: TaskInput) => update(current, mine),
    [update],
  );

  const setDone = useCallback(
    async (tasks: Task[], completed: boolean): Promise<void> => {
      const changing = tasks.filter((t) => t.completed !== completed && !t.id.startsWith("temp-"));
      if (changing.length === 0) return;
      const byId = new Map(changing.map((t) => [t.id, t]));
      const flip = (current: Pages, to: boolean) =>
        updateCounts(
          mapTasks(current, (t) => (byId.has(t.id) ? withCompleted(t, to) : t)),
          (c) => ({
            all: c.all,
            active: Math.max(0, c.active + (to ? -byId.size : byId.size)),
            completed: Math.max(0, c.completed + (to ? byId.size : -byId.size)),
          }),
        );
      await patch((current) => flip(current, completed));
      try {
        const [only] = changing;
        if (changing.length === 1 && only) {
          const saved = await setCompleted(userId, only.id, completed);
          await patch((current) => mapTasks(current, (t) => (t.id === saved.id ? saved : t)));
        } else {
          const ids = [...byId.keys()];
          for (let i = 0; i < ids.length; i += BULK_IDS_MAX) {
            await bulkTasks(
              userId,
              completed ? "complete" : "uncomplete",
              ids.slice(i, i + BULK_IDS_MAX),
            );
          }
        }
        refresh();
      } catch (error) {
        await patch((current) =>
          updateCounts(
            mapTasks(current, (t) => byId.get(t.id) ?? t),
            (c) => ({
              all: c.all,
              active: c.active + (completed ? byId.size : -byId.size),
              completed: c.completed + (completed ? -byId.size : byId.size),
            }),
          ),
        );
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  /** Every completed task in the current filters, including pages not loaded yet. */
  const completedTasks = useCallback(async (): Promise<Task[]> => {
    const found: Task[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks(userId, {
        ...viewToQuery(viewRef.current),
        status: "completed",
        limit: LIST_LIMIT_MAX,
        cursor,
      });
      found.push(...page.tasks);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  }, [userId]);

  const loaded = useMemo(() => {
    const seen = new Set<string>();
    const list: Task[] = [];
    for (const page of pages ?? []) {
      for (const task of page.tasks) {
        if (seen.has(task.id) || hidden.has(task.id)) continue;
        seen.add(task.id);
        list.push(task);
      }
    }
    return list;
  }, [pages, hidden]);

  const counts = useMemo((): TaskCounts | null => {
    const first = pages?.[0]?.counts;
    if (!first) return null;
    let counts = first;
    for (const task of hidden.values()) {
      if (matchesView(task, { ...view, status: "all" })) counts = countsDelta(counts, task, -1);
    }
    return counts;
  }, [pages, hidden, view]);

  const last = pages?.[pages.length - 1];
  return {
    tasks: loaded,
    counts,
    error: swr.error,
    isLoading: swr.isLoading,
    isValidating: swr.isValidating,
    hasMore: Boolean(last?.nextCursor),
    isLoadingMore: Boolean(pages && size > pages.length),
    loadMore: () => void setSize(size + 1),
    retry: () => void mutate(),
    add,
    update,
    overwrite,
    setDone,
    remove,
    restore,
    completedTasks,
  };
}

export type TasksState = ReturnType<typeof useTasks>;
