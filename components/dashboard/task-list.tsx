"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SESSION_ENDED } from "@/lib/api-client";
import type { Task, TaskCounts, TaskInput } from "@/lib/tasks/model";
import { type EmptyKind, EmptyState, ErrorState, TaskListSkeleton } from "./list-states";
import { errorMessage } from "./report-error";
import { TaskEditor } from "./task-editor";
import { TaskItem } from "./task-item";
import { applyInput } from "./task-match";
import type { Editing } from "./use-task-editing";
import type { TasksState } from "./use-tasks";
import { hasFilters, type View } from "./view";

/** The clock the list reads "Today" and "overdue" from, moved on every minute. */
function useNow(): Date {
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
  if (view.status === "active" && (counts?.all ?? 0) > 0) return "all-done";
  if (view.status === "completed") return "none-completed";
  return "first";
}

/**
 * The tasks of the current tab: an error, placeholders while the first page loads, an empty
 * state, or the rows (one of them perhaps open in the editor), then "Load more".
 */
export function TaskList({
  data,
  view,
  editing,
  selecting,
  selected,
  onToggle,
  onEdit,
  onDelete,
  onSelect,
  onFocusRow,
  onSave,
  onCancelEdit,
  onAddTask,
  onClearFilters,
}: {
  data: TasksState;
  view: View;
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
  onAddTask: () => void;
  onClearFilters: () => void;
}) {
  const now = useNow();
  const { tasks, counts } = data;
  return (
    <>
      {data.error && data.error.code !== SESSION_ENDED && !tasks.length ? (
        <ErrorState message={errorMessage(data.error)} onRetry={data.retry} />
      ) : data.isLoading && !counts ? (
        <TaskListSkeleton />
      ) : tasks.length === 0 ? (
        <EmptyState
          kind={emptyKindOf(view, counts)}
          onAddTask={onAddTask}
          onClearFilters={onClearFilters}
        />
      ) : (
        <ul aria-label="Tasks" aria-busy={data.isValidating} className="space-y-px">
          {tasks.map((task) =>
            editing?.id === task.id ? (
              <TaskEditor
                key={task.id}
                task={editing.draft ? applyInput(task, editing.draft) : task}
                onSave={onSave}
                onCancel={() => onCancelEdit(task)}
                onDelete={onDelete}
              />
            ) : (
              <TaskItem
                key={task.id}
                task={task}
                now={now}
                selecting={selecting}
                selected={selected.has(task.id)}
                onToggle={onToggle}
                onEdit={onEdit}
                onDelete={onDelete}
                onSelect={onSelect}
                onFocusRow={onFocusRow}
              />
            ),
          )}
        </ul>
      )}
      {data.hasMore && (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" onClick={data.loadMore} disabled={data.isLoadingMore}>
            {data.isLoadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </>
  );
}
