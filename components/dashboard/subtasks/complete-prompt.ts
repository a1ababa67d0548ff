"use client";

import { useSyncExternalStore } from "react";
import type { Task } from "@/lib/tasks/model";

/**
 * The question asked before completing a parent with open subtasks: "Complete 3 open subtasks
 * too?". Module state, like collapsed.ts: the question is asked from the actions (a click, the
 * x shortcut, a reminder's Complete) and answered by the dialog DashboardBody shows.
 *
 * The answer is given once the dialog has closed and handed focus back (to the row it was
 * asked from), so the completion then keeps that focus on the row as a plain one does.
 */
export type CompleteChoice = "all" | "only";

export interface CompleteQuestion {
  task: Task;
  /** How many open subtasks "Complete all" completes. */
  count: number;
  /** False from the moment it is answered until the dialog has closed. */
  open: boolean;
}

let question: CompleteQuestion | null = null;
let pending: { resolve: (choice: CompleteChoice | null) => void; choice: CompleteChoice | null } = {
  resolve: () => {},
  choice: null,
};
const listeners = new Set<() => void>();

function publish(next: CompleteQuestion | null): void {
  question = next;
  for (const listener of listeners) listener();
}

/** Asks; null when cancelled (or replaced by another question). */
export function askToComplete(task: Task, count: number): Promise<CompleteChoice | null> {
  pending.resolve(null);
  return new Promise((resolve) => {
    pending = { resolve, choice: null };
    publish({ task, count, open: true });
  });
}

/** The dialog's answer: it starts closing. */
export function answerCompletion(choice: CompleteChoice | null): void {
  pending.choice = choice;
  if (question?.open) publish({ ...question, open: false });
}

/** The dialog has closed (focus is back where it was): the answer takes effect. */
export function completionDialogClosed(): void {
  const { resolve, choice } = pending;
  pending = { resolve: () => {}, choice: null };
  publish(null);
  resolve(choice);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCompleteQuestion(): CompleteQuestion | null {
  return useSyncExternalStore(
    subscribe,
    () => question,
    () => null,
  );
}
