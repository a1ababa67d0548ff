"use client";

import { lazy, Suspense, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { SESSION_ENDED } from "@/lib/api-client";
import type { Task, TaskCounts, TaskInput } from "@/lib/tasks/model";
import { type EmptyKind, EmptyState, ErrorState, TaskListSkeleton } from "./list-states";
import { errorMessage } from "./report-error";
import type { RowContext } from "./subtasks/task-node";
import { useRowContext } from "./subtasks/use-row-context";
import type { TaskGroup } from "./task-groups";
import type { Editing } from "./use-task-editing";
import type { TasksState } from "./use-tasks";
import { hasFilters, type View } from "./view";

/** The clock the list reads "Today" and "overdue" from, moved on every minute. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Why the list is empty, which decides what the empty state suggests. */
function emptyKindOf(view: View, counts: TaskCounts | null): EmptyKind {
  if (hasFilters(view)) return "filtered";
  if (!view.project && view.list === "today") return "today";
  if (!view.project && view.list === "upcoming") return "upcoming";
  if (view.status === "active" && (counts?.all ?? 0) > 0) return "all-done";
  if (view.status === "completed") return "none-completed";
  return "first";
}

export interface RowHandlers {
  editing: Editing | null;
  selecting: boolean;
  selected: ReadonlySet<string>;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onSelect: (task: Task, selected: boolean) => void;
  onFocusRow: (task: Task) => void;
  onSave: (task: Task, input: TaskInput) => void;
  onCancelEdit: (task: Task) => void;
  onSkip: (task: Task) => void;
  onStopRepeating: (task: Task) => void;
}

/*
 * The rows' code is not needed to paint the page, only to show the tasks, which take longer to
 * come: the list asks for it when it mounts (one round trip, while the first page waits on the
 * access token and then on the API), and shows its placeholders until both are there.
 */
const loadRows = () => import("./group-rows");
const Rows = lazy(async () => ({ default: (await loadRows()).GroupRows }));

/** One heading and its rows; an empty day of Upcoming is one short line. */
function Group({
  group,
  ctx,
  sortable,
  onAddTask,
}: {
  group: TaskGroup;
  ctx: RowContext;
  sortable: boolean;
  onAddTask: (day?: string) => void;
}) {
  const id = useId();
  const empty = group.tasks.length === 0;
  const add = group.day && (
    <Button
      variant="ghost"
      size="sm"
      // On a desktop it shows on hover and keyboard focus, as a row's delete button does.
      className="ml-auto h-7 px-2 text-xs transition-opacity sm:opacity-0 sm:group-hover/day:opacity-100 sm:focus-visible:opacity-100"
      aria-label={`Add a task for ${group.title}`}
      onClick={() => onAddTask(group.day)}
    >
      <PlusIcon width={14} height={14} />
      <span className="max-sm:sr-only">Add</span>
    </Button>
  );
  if (group.title === null) {
    return (
      <ul aria-label="Tasks" className="space-y-px">
        <Rows group={group} ctx={ctx} sortable={sortable} />
      </ul>
    );
  }
  return (
    <section aria-labelledby={`${id}-title`} className={empty ? "" : "pt-3 first:pt-0"}>
      <div className="group/day flex h-9 items-center gap-2 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <h2
          id={`${id}-title`}
          className={`flex min-w-0 items-baseline gap-2 text-sm ${
            empty ? "text-zinc-600 dark:text-zinc-400" : "font-semibold"
          } ${group.tone === "overdue" ? "text-red-700 dark:text-red-400" : ""}`}
        >
          <span>{group.title}</span>
          {group.subtitle && (
            <span className="font-normal text-zinc-600 dark:text-zinc-400">{group.subtitle}</span>
          )}
          {empty ? (
            <span className="truncate font-normal">— nothing planned</span>
          ) : (
            <span className="text-xs font-normal text-zinc-600 tabular-nums dark:text-zinc-400">
              {group.tasks.length}
              <span className="sr-only"> {group.tasks.length === 1 ? "task" : "tasks"}</span>
            </span>
          )}
        </h2>
        {add}
      </div>
      {!empty && (
        <ul aria-labelledby={`${id}-title`} className="space-y-px pt-1">
          <Rows group={group} ctx={ctx} sortable={sortable} />
        </ul>
      )}
    </section>
  );
}

/**
 * The tasks of the current view: an error, placeholders while the first page loads, an empty
 * state, or the rows (one of them perhaps open in the editor) under their headings, then
 * "Load more".
 */
export function TaskList({
  data,
  view,
  groups,
  rows,
  onAddTask,
  onClearFilters,
  onTag,
}: {
  data: TasksState;
  view: View;
  groups: TaskGroup[];
  rows: RowHandlers;
  onAddTask: (day?: string) => void;
  onClearFilters: () => void;
  /** A row's tag chip: show the tasks with that tag. */
  onTag?: (tag: string) => void;
}) {
  const now = useNow();
  useEffect(() => void loadRows(), []);
  const { tasks, counts } = data;
  const { ctx, message, sortable } = useRowContext({ data, view, groups, rows, now, onTag });
  return (
    <div data-task-list aria-busy={data.isValidating}>
      {data.error && data.error.code !== SESSION_ENDED && !tasks.length ? (
        <ErrorState message={errorMessage(data.error)} onRetry={data.retry} />
      ) : data.isLoading && !counts ? (
        <TaskListSkeleton />
      ) : tasks.length === 0 ? (
        <EmptyState
          kind={emptyKindOf(view, counts)}
          onAddTask={() => onAddTask()}
          onClearFilters={onClearFilters}
        />
      ) : (
        <Suspense fallback={<TaskListSkeleton />}>
          {groups.map((group) => (
            <Group
              key={group.key}
              group={group}
              ctx={ctx}
              sortable={sortable}
              onAddTask={onAddTask}
            />
          ))}
        </Suspense>
      )}
      {data.hasMore && (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" onClick={data.loadMore} disabled={data.isLoadingMore}>
            {data.isLoadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
      {/* Alt+↑/↓ says where the task went (a drag is announced by dnd-kit). */}
      <p aria-live="polite" className="sr-only">
        {message}
      </p>
    </div>
  );
}
