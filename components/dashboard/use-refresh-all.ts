"use client";

import { useCallback } from "react";
import { unstable_serialize, useSWRConfig } from "swr";
import { viewCountsKey } from "./use-view-counts";

/**
 * After a change that reaches beyond the current list (an import, a project deleted with its
 * tasks moved), everything the dashboard shows from the account again: every cached task list
 * (use-task-cache.ts: ["tasks", userId, query, cursor], through useSWRInfinite), the projects
 * (["projects", userId]) and the views' counts.
 *
 * A key filter passed to mutate() skips useSWRInfinite's own keys ("$inf$" and the first
 * page's serialised key), so those are found in the cache by that prefix and revalidated by
 * name. With `clear`, their pages are emptied first, so that every page is read again, not
 * only the first (an import may add thousands); without, the lists stay shown meanwhile.
 */
export function useRefreshAll(userId: string): (clear?: boolean) => Promise<void> {
  const { cache, mutate } = useSWRConfig();
  return useCallback(
    async (clear = false) => {
      const isTasks = (key: unknown) =>
        Array.isArray(key) && key[0] === "tasks" && key[1] === userId;
      if (clear) await mutate(isTasks, undefined, { revalidate: false });
      // ["tasks", userId] serialises to the start of every longer key's serialisation.
      const lists = `$inf$${unstable_serialize(["tasks", userId])}`;
      const infinite = [...cache.keys()].filter((key) => key.startsWith(lists));
      await Promise.all([
        ...infinite.map((key) => mutate(key)),
        mutate(["projects", userId]),
        mutate(viewCountsKey(userId)),
      ]);
    },
    [cache, mutate, userId],
  );
}
