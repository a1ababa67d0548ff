"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import useSWRInfinite from "swr/infinite";
import { type ApiClientError, listTasks } from "@/lib/api-client";
import {
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  type Task,
  type TaskCounts,
  type TaskList,
} from "@/lib/tasks/model";
import { countsDelta, matchesView, type Pages } from "./task-match";
import { viewCountsKey } from "./use-view-counts";
import { type View, viewToQuery } from "./view";

type PageKey = readonly ["tasks", string, string, string | null];

/**
 * The current view's tasks as SWR caches them, page by page over the cursor. Changes are
 * patched into the cached pages without a request; tasks hidden while their deletion can still
 * be undone are left out of the list and the counts.
 */
export function useTaskCache(userId: string, view: View) {
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

  // Back on a view or project seen before (Today -> All, Home -> Work -> Home): its cached pages
  // show at once and are asked for again here, whatever SWR's own (deduplicated) revalidation
  // on a key change decides: changes made elsewhere are in them. SWR shares one request.
  const place = view.project ?? view.list;
  const shownPlace = useRef(place);
  useEffect(() => {
    if (shownPlace.current === place) return;
    shownPlace.current = place;
    void mutate();
  }, [place, mutate]);

  const viewRef = useRef(view);
  viewRef.current = view;

  /** Applies a change to the cached pages without asking the server. */
  const patch = useCallback(
    (fn: (pages: Pages) => Pages) =>
      mutate((current) => current && fn(current), { revalidate: false }),
    [mutate],
  );
  const { mutate: mutateKey } = useSWRConfig();
  // After a change: the list again, and the other views' counts.
  const refresh = useCallback(() => {
    void mutate();
    void mutateKey(viewCountsKey(userId));
  }, [mutate, mutateKey, userId]);

  const [hidden, setHidden] = useState<ReadonlyMap<string, Task>>(new Map());
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

  // Pages fetched at different times can overlap (a task moved, or new ones pushed others
  // down a page): show each task once.
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
    retry: refresh,
    completedTasks,
    patch,
    refresh,
    hide,
  };
}

export type TaskCache = ReturnType<typeof useTaskCache>;
