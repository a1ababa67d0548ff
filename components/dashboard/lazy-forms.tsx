"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { preloadPlanner } from "./planner/lazy-planner";
import { preloadQuickAdd } from "./quick-add/load";
import type { AddSubtaskField } from "./subtasks/add-subtask";
import type { TaskEditor } from "./task-editor";
import type { TaskDetailFields } from "./task-fields";

/*
 * The task forms load after the page: the inline editor and the add-subtask field open on
 * demand and quick add's details are closed at first. preloadForms() fetches them (and the
 * repeat and reminder pickers, and quick add's parser) while the page is idle, so they open
 * without a wait.
 */
const loadEditor = () => import("./task-editor");
const loadFields = () => import("./task-fields");
const loadAddSubtask = () => import("./subtasks/add-subtask");

export function preloadForms(): void {
  void loadEditor();
  void loadFields();
  void loadAddSubtask();
  preloadPlanner();
  preloadQuickAdd();
}

const Editor = lazy(async () => ({ default: (await loadEditor()).TaskEditor }));
const Fields = lazy(async () => ({ default: (await loadFields()).TaskDetailFields }));
const AddSubtask = lazy(async () => ({ default: (await loadAddSubtask()).AddSubtaskField }));

export function LazyTaskEditor(props: ComponentProps<typeof TaskEditor>) {
  return (
    <Suspense
      fallback={
        <li data-task-id={props.task.id} className="list-none py-1">
          <div className="h-64 animate-pulse rounded-xl border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900" />
        </li>
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}

export function LazyTaskDetailFields(props: ComponentProps<typeof TaskDetailFields>) {
  return (
    <Suspense
      fallback={<div className="h-48 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />}
    >
      <Fields {...props} />
    </Suspense>
  );
}

export function LazyAddSubtaskField(props: ComponentProps<typeof AddSubtaskField>) {
  return (
    <Suspense fallback={null}>
      <AddSubtask {...props} />
    </Suspense>
  );
}
