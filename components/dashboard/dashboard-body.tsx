"use client";

import { type Ref, useCallback } from "react";
import { TabsContent, TabsRoot } from "@/components/ui/tabs";
import { TASK_STATUSES, type Task } from "@/lib/tasks/model";
import { FilterChips } from "./filter-chips";
import { LazySelectionBar } from "./lazy-selection-bar";
import { CompletePrompt } from "./subtasks/lazy-complete-dialog";
import { TaskCountsFooter } from "./task-counts-footer";
import type { TaskGroup } from "./task-groups";
import { type RowHandlers, TaskList } from "./task-list";
import { TaskToolbar } from "./task-toolbar";
import type { useSelection } from "./use-selection";
import type { TasksState } from "./use-tasks";
import { noFilters, type View } from "./view";

/**
 * Under quick add: the toolbar, the filters in force, the selection bar, the list and its
 * footer. In All, the status tabs (All, Active, Completed) switch the list; Today and Upcoming
 * are one list each, by due date.
 */
export function DashboardBody({
  view,
  data,
  groups,
  ordered,
  selection,
  searchRef,
  rows,
  onChange,
  onAddTask,
  onClearCompleted,
  onCompleteMany,
  onDeleteMany,
}: {
  view: View;
  data: TasksState;
  groups: TaskGroup[];
  /** The rows in the order shown. */
  ordered: Task[];
  selection: ReturnType<typeof useSelection>;
  searchRef: Ref<HTMLInputElement>;
  rows: RowHandlers;
  onChange: (patch: Partial<View>) => void;
  onAddTask: (day?: string) => void;
  onClearCompleted: () => void;
  onCompleteMany: (tasks: Task[]) => void;
  onDeleteMany: (tasks: Task[]) => void;
}) {
  // Stable: every (memoized) row has it.
  const showTag = useCallback((tag: string) => onChange({ tag }), [onChange]);
  const list = (
    <TaskList
      data={data}
      view={view}
      groups={groups}
      rows={rows}
      onAddTask={onAddTask}
      onClearFilters={() => onChange(noFilters)}
      onTag={showTag}
    />
  );
  const top = (
    <>
      <TaskToolbar
        view={view}
        counts={data.counts}
        tasks={data.tasks}
        searchRef={searchRef}
        selecting={selection.selecting}
        onToggleSelecting={selection.toggleSelecting}
        onChange={onChange}
      />
      <FilterChips view={view} onChange={onChange} />
      {selection.selecting && (
        <LazySelectionBar
          total={ordered.length}
          selected={selection.selectedTasks}
          onSelectAll={selection.selectAll}
          onComplete={(tasks) => {
            onCompleteMany(tasks);
            selection.stop();
          }}
          onDelete={(tasks) => {
            onDeleteMany(tasks);
            selection.stop();
          }}
          onCancel={selection.stop}
        />
      )}
    </>
  );

  // A project's view has the tabs as All does, whatever list was open before it.
  if (view.list !== "all" && !view.project) {
    return (
      <section aria-label={view.list === "today" ? "Today's tasks" : "Upcoming tasks"}>
        <div className="mt-6">{top}</div>
        <div className="mt-3">{list}</div>
        <CompletePrompt />
      </section>
    );
  }
  return (
    <>
      <TabsRoot
        value={view.status}
        onValueChange={(status) => onChange({ status: status as View["status"] })}
        className="mt-6"
      >
        {top}
        {TASK_STATUSES.map((status) => (
          <TabsContent
            key={status}
            value={status}
            className="mt-3 focus-visible:outline-none"
            tabIndex={-1}
          >
            {status === view.status && list}
          </TabsContent>
        ))}
      </TabsRoot>
      <TaskCountsFooter
        counts={data.counts}
        status={view.status}
        onClearCompleted={onClearCompleted}
      />
      {/* "Complete the open subtasks too?", asked by the actions (use-task-actions.ts). */}
      <CompletePrompt />
    </>
  );
}
