"use client";

import { useCallback, useState } from "react";
import type { Task } from "@/lib/tasks/model";

/** Puts keyboard focus on a task's title, on the next frame so the row has rendered. */
export function focusTask(id: string): void {
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`[data-task-id="${CSS.escape(id)}"] [data-task-title]`)
      ?.focus();
  });
}

/** Focus on a task's row that should come back when the row is mounted anew. */
let following: { id: string; checkbox: boolean; until: number } | null = null;

/**
 * Before a change that can move a row to another group (a completed task sinks below the open
 * ones, in another list): if focus is on that row, it follows the row.
 */
export function keepFocusOn(taskId: string): void {
  const active = document.activeElement;
  if (!active?.closest(`[data-task-id="${CSS.escape(taskId)}"]`)) return;
  const checkbox = active instanceof HTMLInputElement && !active.hasAttribute("aria-label");
  following = { id: taskId, checkbox, until: Date.now() + 3_000 };
}

/**
 * On a row's mount: takes focus back if it was on this task before the row moved. It stays in
 * force for its few seconds, not for one mount: the server's answers to earlier changes can move
 * the row again (back, then forth) and each move drops the focus anew.
 */
export function refocusIfMoved(row: HTMLElement, taskId: string): void {
  if (!following || following.id !== taskId || Date.now() > following.until) return;
  const active = document.activeElement;
  if (active && active !== document.body) return;
  const target = row.querySelector<HTMLElement>(
    following.checkbox ? "[data-task-done]" : "[data-task-title]",
  );
  target?.focus();
}

/**
 * Which task the keyboard is on, for j/k, x, e and Delete. The last row that had focus is
 * remembered, so j and k carry on from it after focus has left the list (a toast, a menu).
 */
export function useTaskFocus(tasks: Task[]) {
  const [activeId, setActiveId] = useState<string | null>(null);

  /** The task whose row holds focus: what x, e and Delete act on. */
  const focusedTask = () => {
    const row = document.activeElement?.closest<HTMLElement>("[data-task-id]");
    return row ? tasks.find((t) => t.id === row.dataset.taskId) : undefined;
  };

  /** A shortcut handler running `action` on the focused task, unless it is still being saved. */
  const withFocused = (action: (task: Task) => void) => () => {
    const task = focusedTask();
    if (task && !task.id.startsWith("temp-")) action(task);
  };

  const move = (delta: 1 | -1) => {
    if (tasks.length === 0) return;
    const from = focusedTask()?.id ?? activeId;
    const index = tasks.findIndex((t) => t.id === from);
    const next =
      index === -1
        ? delta === 1
          ? 0
          : tasks.length - 1
        : Math.min(tasks.length - 1, Math.max(0, index + delta));
    const task = tasks[next];
    if (!task) return;
    setActiveId(task.id);
    focusTask(task.id);
  };

  // Stable: it is passed to every (memoized) row.
  const onFocusRow = useCallback((task: Task) => setActiveId(task.id), []);

  /** Tasks are leaving the list: keep the keyboard where it was, on the next task still shown. */
  const leave = (ids: ReadonlySet<string>) => {
    if (!activeId || !ids.has(activeId)) return;
    const index = tasks.findIndex((t) => ids.has(t.id));
    const neighbour =
      tasks.slice(index + 1).find((t) => !ids.has(t.id)) ??
      tasks
        .slice(0, Math.max(0, index))
        .reverse()
        .find((t) => !ids.has(t.id));
    setActiveId(neighbour?.id ?? null);
    if (neighbour) focusTask(neighbour.id);
  };

  return { withFocused, move, onFocusRow, leave };
}
