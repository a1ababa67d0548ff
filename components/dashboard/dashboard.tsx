"use client";

import { Tabs } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { Toaster } from "sonner";
import { useResolvedTheme } from "@/components/theme/resolved-theme";
import { TASK_STATUSES } from "@/lib/tasks/model";
import type { AccountUser } from "./account-menu";
import { DashboardHeader } from "./dashboard-header";
import { FilterChips } from "./filter-chips";
import { LazyConflictDialog, LazyShortcutsDialog, preloadDialogs } from "./lazy-dialogs";
import { QuickAdd } from "./quick-add";
import { reportError } from "./report-error";
import { SelectionBar } from "./selection-bar";
import { TaskCountsFooter } from "./task-counts-footer";
import { preloadSchemas } from "./task-fields";
import { TaskList } from "./task-list";
import { TaskToolbar } from "./task-toolbar";
import { Today } from "./today";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useSelection } from "./use-selection";
import { useSessionWatch } from "./use-session-watch";
import { useTaskActions } from "./use-task-actions";
import { useTaskEditing } from "./use-task-editing";
import { useTaskFocus } from "./use-task-focus";
import { useTasks } from "./use-tasks";
import { useView } from "./use-view";
import { noFilters, type View } from "./view";

/** The signed-in page: quick add, tabs, search, filters, the list, and every action on it. */
export function Dashboard({ user }: { user: AccountUser }) {
  const [view, setView] = useView();
  const data = useTasks(user.id, view, reportError);
  const focus = useTaskFocus(data.tasks);
  const selection = useSelection(data.tasks);
  const editor = useTaskEditing(data.update);
  const actions = useTaskActions(data, view, (ids) => {
    focus.leave(ids);
    selection.drop(ids);
    editor.closeFor(ids);
  });
  const theme = useResolvedTheme();
  useSessionWatch();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // The form schemas (zod) and the dialogs are not in the first load: fetch them while idle.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(() => {
      preloadSchemas();
      preloadDialogs();
    });
  }, []);

  useKeyboardShortcuts({
    new: () => quickAddRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    help: () => setShortcutsOpen(true),
    next: () => focus.move(1),
    previous: () => focus.move(-1),
    toggle: focus.withFocused(actions.toggle),
    edit: focus.withFocused(editor.edit),
    delete: focus.withFocused(actions.deleteOne),
    escape: () => selection.selecting && selection.stop(),
  });

  return (
    <div className="flex min-h-dvh flex-col">
      <DashboardHeader user={user} onShowShortcuts={() => setShortcutsOpen(true)} />

      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pt-6 pb-24">
        <div className="mb-4 flex items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Tasks</h1>
          <Today />
        </div>
        <QuickAdd ref={quickAddRef} onAdd={actions.add} />

        <Tabs.Root
          value={view.status}
          onValueChange={(status) => setView({ status: status as View["status"] })}
          className="mt-6"
        >
          <TaskToolbar
            view={view}
            counts={data.counts}
            tasks={data.tasks}
            searchRef={searchRef}
            selecting={selection.selecting}
            onToggleSelecting={selection.toggleSelecting}
            onChange={setView}
          />
          <FilterChips view={view} onChange={setView} />
          {selection.selecting && (
            <SelectionBar
              total={data.tasks.length}
              selected={selection.selectedTasks}
              onSelectAll={selection.selectAll}
              onComplete={(tasks) => {
                actions.completeMany(tasks);
                selection.stop();
              }}
              onDelete={(tasks) => {
                actions.deleteMany(tasks);
                selection.stop();
              }}
              onCancel={selection.stop}
            />
          )}

          {TASK_STATUSES.map((status) => (
            <Tabs.Content
              key={status}
              value={status}
              forceMount
              className="mt-3 focus-visible:outline-none"
              tabIndex={-1}
            >
              {status === view.status && (
                <TaskList
                  data={data}
                  view={view}
                  editing={editor.editing}
                  selecting={selection.selecting}
                  selected={selection.selected}
                  onToggle={actions.toggle}
                  onEdit={editor.edit}
                  onDelete={actions.deleteOne}
                  onSelect={selection.onSelect}
                  onFocusRow={focus.onFocusRow}
                  onSave={editor.save}
                  onCancelEdit={editor.cancel}
                  onAddTask={() => quickAddRef.current?.focus()}
                  onClearFilters={() => setView(noFilters)}
                />
              )}
            </Tabs.Content>
          ))}
        </Tabs.Root>

        <TaskCountsFooter
          counts={data.counts}
          status={view.status}
          onClearCompleted={() => void actions.clearCompleted()}
        />
      </main>

      <LazyShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <LazyConflictDialog
        conflict={editor.conflict}
        onKeepCurrent={editor.keepCurrent}
        onEditAgain={editor.editAgain}
        onOverwrite={editor.overwrite}
      />
      <Toaster theme={theme} position="bottom-center" closeButton />
    </div>
  );
}
