"use client";

import useSWR from "swr";
import { listTasks } from "@/lib/api-client";
import type { TaskCounts } from "@/lib/tasks/model";
import type { ListView } from "./view";

/** The SWR key of the view counts; the task cache revalidates it after every change. */
export const viewCountsKey = (userId: string) => ["view-counts", userId] as const;

/**
 * How many open tasks each view holds, for the view switcher: one small list request per view
 * (a page of one task, for its counts). The current view, when no search or filter narrows it,
 * takes its count from the list itself, which changes at once with each edit.
 */
export function useViewCounts(
  userId: string,
  current: ListView,
  currentCounts: TaskCounts | null,
  filtered: boolean,
): Partial<Record<ListView, number>> {
  const { data } = useSWR(
    viewCountsKey(userId),
    async ([, uid]) => {
      const [today, upcoming, all] = await Promise.all([
        listTasks(uid, { status: "active", due: "agenda", limit: 1 }),
        listTasks(uid, { status: "active", due: "upcoming", limit: 1 }),
        listTasks(uid, { status: "active", limit: 1 }),
      ]);
      return {
        today: today.counts.active,
        upcoming: upcoming.counts.active,
        all: all.counts.active,
      };
    },
    { keepPreviousData: true, errorRetryCount: 1, dedupingInterval: 1000 },
  );
  const counts: Partial<Record<ListView, number>> = { ...data };
  if (currentCounts && !filtered) counts[current] = currentCounts.active;
  return counts;
}
