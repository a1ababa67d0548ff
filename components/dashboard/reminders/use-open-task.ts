"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { getTask } from "@/lib/api-client";
import type { Task } from "@/lib/tasks/model";

/**
 * Opens a task in the editor by id: one a notification names, from its click in this tab
 * (the service worker's message) or from the address it opened (/dashboard?task=<id>). A task
 * the current view does not hold is looked up, and shown by its title in All.
 */
export function useOpenTask({
  userId,
  tasks,
  loaded,
  edit,
  showInAll,
}: {
  userId: string;
  tasks: Task[];
  /** The current view's first page is here, so "not in the list" means it. */
  loaded: boolean;
  edit: (task: Task) => void;
  showInAll: (task: Task) => void;
}): (taskId: string) => void {
  const [pending, setPending] = useState<string | null>(null);
  const looked = useRef<string | null>(null);
  const showRef = useRef(showInAll);
  showRef.current = showInAll;

  // A notification that opened this page says which task in the address: take it from there.
  useEffect(() => {
    const url = new URL(window.location.href);
    const id = url.searchParams.get("task");
    if (!id) return;
    url.searchParams.delete("task");
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
    setPending(id);
  }, []);

  useEffect(() => {
    if (!pending) return;
    const task = tasks.find((t) => t.id === pending);
    if (task) {
      setPending(null);
      looked.current = null;
      edit(task);
      return;
    }
    if (!loaded || looked.current === pending) return;
    looked.current = pending;
    let cancelled = false;
    getTask(userId, pending).then(
      ({ task }) => !cancelled && showRef.current(task),
      () => !cancelled && setPending(null),
    );
    // Give up if the list still does not show it after a while.
    const timer = setTimeout(() => setPending(null), 10_000);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pending, tasks, loaded, edit, userId]);

  return useCallback((taskId: string) => {
    looked.current = null;
    setPending(taskId);
  }, []);
}
