"use client";

import { useSearchParams } from "next/navigation";
import { Tabs } from "radix-ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Toaster, toast } from "sonner";
import { useResolvedTheme } from "@/components/theme/resolved-theme";
import { ThemeMenu } from "@/components/theme/theme-menu";
import { Button } from "@/components/ui/button";
import { CloseIcon, KeyboardIcon } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { ApiClientError, SESSION_ENDED } from "@/lib/api-client";
import { TASK_STATUSES, type Task, type TaskInput } from "@/lib/tasks/model";
import { AccountMenu, type AccountUser } from "./account-menu";
import { type Conflict, ConflictDialog } from "./conflict-dialog";
import { FilterMenu } from "./filter-menu";
import { type EmptyKind, EmptyState, ErrorState, TaskListSkeleton } from "./list-states";
import { QuickAdd } from "./quick-add";
import { SearchBox } from "./search-box";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SortMenu } from "./sort-menu";
import { TaskEditor } from "./task-editor";
import { preloadSchemas } from "./task-fields";
import { TaskItem } from "./task-item";
import { applyInput, matchesView } from "./task-match";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { EditConflictError, UNDO_MS, useTasks } from "./use-tasks";
import {
  dueLabel,
  hasFilters,
  priorityLabel,
  type View,
  viewFromParams,
  viewToSearch,
} from "./view";

const statusLabel = { all: "All", active: "Active", completed: "Completed" } as const;

function messageOf(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  return "Something went wrong. Please try again.";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The clock the list reads "Today" and "overdue" from, moved on every minute. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
});

/** Today's date in the browser's zone; rendered after mount so server and browser agree. */
function Today() {
  const [text, setText] = useState("");
  useEffect(() => setText(longDate.format(new Date())), []);
  return <p className="h-5 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>;
}

function focusTask(id: string) {
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`[data-task-id="${CSS.escape(id)}"] [data-task-title]`)
      ?.focus();
  });
}

/** The signed-in page: quick add, tabs, search, filters, the list, and every action on it. */
export function Dashboard({ user }: { user: AccountUser }) {
  const searchParams = useSearchParams();
  const view = useMemo(() => viewFromParams(searchParams), [searchParams]);
  const setView = useCallback((patch: Partial<View>) => {
    const current = viewFromParams(new URLSearchParams(window.location.search));
    const search = viewToSearch({ ...current, ...patch });
    window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, []);

  const report = useCallback((error: unknown, what?: string) => {
    // A lost session is already on its way to the login page.
    if (error instanceof ApiClientError && error.code === SESSION_ENDED) return;
    toast.error(what ?? "That didn't work", { description: messageOf(error) });
  }, []);

  const data = useTasks(user.id, view, report);
  const now = useNow();
  const theme = useResolvedTheme();

  const [editing, setEditing] = useState<{ id: string; draft?: TaskInput } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const quickAddRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(preloadSchemas);
  }, []);
  const searchRef = useRef<HTMLInputElement>(null);

  const tasks = data.tasks;
  const tasksRef = useRef(tasks);
  tasksRef.current = tasks;

  const add = useCallback(
    async (input: TaskInput) => {
      try {
        const task = await data.add(input);
        if (!matchesView(task, view)) {
          toast.success(`Added “${task.title}”`, {
            description: "It is hidden by the current tab or filters.",
          });
        }
      } catch (error) {
        report(error, "Couldn't add the task");
        throw error;
      }
    },
    [data.add, report, view],
  );

  const toggle = useCallback(
    (task: Task) => {
      const completed = !task.completed;
      const leaves =
        (view.status === "active" && completed) || (view.status === "completed" && !completed);
      data.setDone([task], completed).then(
        () => {
          if (leaves) {
            toast(completed ? `Completed “${task.title}”` : `Reopened “${task.title}”`, {
              action: {
                label: "Undo",
                onClick: () =>
                  void data
                    .setDone([{ ...task, completed }], !completed)
                    .catch((e) => report(e, "Couldn't undo")),
              },
            });
          }
        },
        (error) => report(error, "Couldn't update the task"),
      );
    },
    [data.setDone, report, view.status],
  );

  const remove = useCallback(
    (list: Task[], label: string) => {
      if (list.length === 0) return;
      const ids = new Set(list.map((t) => t.id));
      // Keep the keyboard where it was: on the next task still shown.
      const current = tasksRef.current;
      const index = current.findIndex((t) => ids.has(t.id));
      const neighbour =
        current.slice(index + 1).find((t) => !ids.has(t.id)) ??
        current
          .slice(0, Math.max(0, index))
          .reverse()
          .find((t) => !ids.has(t.id));
      const undo = data.remove(list);
      setSelected((s) => new Set([...s].filter((id) => !ids.has(id))));
      if (editing && ids.has(editing.id)) setEditing(null);
      if (activeId && ids.has(activeId)) {
        setActiveId(neighbour?.id ?? null);
        if (neighbour) focusTask(neighbour.id);
      }
      toast(label, {
        duration: UNDO_MS,
        action: { label: "Undo", onClick: undo },
      });
    },
    [activeId, data.remove, editing],
  );

  const deleteOne = useCallback(
    (task: Task) => remove([task], `Deleted “${task.title}”`),
    [remove],
  );

  const save = useCallback(
    (task: Task, input: TaskInput) => {
      setEditing(null);
      focusTask(task.id);
      data.update(task, input).catch((error) => {
        if (error instanceof EditConflictError) {
          setConflict({ current: error.current, mine: input });
          return;
        }
        report(error, "Couldn't save your changes");
        // Reopen with what they typed, so nothing is lost.
        setEditing({ id: task.id, draft: input });
      });
    },
    [data.update, report],
  );

  const clearCompleted = useCallback(async () => {
    try {
      const completed = await data.completedTasks();
      remove(completed, `Cleared ${plural(completed.length, "completed task")}`);
    } catch (error) {
      report(error, "Couldn't clear completed tasks");
    }
  }, [data.completedTasks, remove, report]);

  const selectedTasks = tasks.filter((t) => selected.has(t.id));
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  /** The task whose row holds focus: what x, e and Delete act on. */
  const focusedTask = () => {
    const row = document.activeElement?.closest<HTMLElement>("[data-task-id]");
    return row ? tasks.find((t) => t.id === row.dataset.taskId) : undefined;
  };
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
  useKeyboardShortcuts({
    new: () => quickAddRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    help: () => setShortcutsOpen(true),
    next: () => move(1),
    previous: () => move(-1),
    toggle: withFocused(toggle),
    edit: withFocused((task) => setEditing({ id: task.id })),
    delete: withFocused(deleteOne),
    escape: () => selecting && stopSelecting(),
  });

  const onSelect = useCallback((task: Task, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(task.id);
      else next.delete(task.id);
      return next;
    });
  }, []);
  const onEdit = useCallback((task: Task) => setEditing({ id: task.id }), []);
  const onFocusRow = useCallback((task: Task) => setActiveId(task.id), []);

  const knownTags = useMemo(() => [...new Set(tasks.flatMap((t) => t.tags))], [tasks]);
  const counts = data.counts;
  const filtered = hasFilters(view);

  let emptyKind: EmptyKind = "first";
  if (filtered) emptyKind = "filtered";
  else if (view.status === "active" && (counts?.all ?? 0) > 0) emptyKind = "all-done";
  else if (view.status === "completed") emptyKind = "none-completed";

  const chips: { key: keyof View; label: string }[] = [];
  if (view.q.trim()) chips.push({ key: "q", label: `“${view.q.trim()}”` });
  if (view.priority)
    chips.push({ key: "priority", label: `Priority: ${priorityLabel[view.priority]}` });
  if (view.due) chips.push({ key: "due", label: dueLabel[view.due] });
  if (view.tag) chips.push({ key: "tag", label: `#${view.tag}` });

  const list = (
    <>
      {data.error && data.error.code !== SESSION_ENDED && !data.tasks.length ? (
        <ErrorState message={messageOf(data.error)} onRetry={data.retry} />
      ) : data.isLoading && !counts ? (
        <TaskListSkeleton />
      ) : tasks.length === 0 ? (
        <EmptyState
          kind={emptyKind}
          onAddTask={() => quickAddRef.current?.focus()}
          onClearFilters={() => setView({ q: "", priority: null, due: null, tag: null })}
        />
      ) : (
        <ul aria-label="Tasks" aria-busy={data.isValidating} className="space-y-px">
          {tasks.map((task) =>
            editing?.id === task.id ? (
              <TaskEditor
                key={task.id}
                task={editing.draft ? applyInput(task, editing.draft) : task}
                onSave={save}
                onCancel={() => {
                  setEditing(null);
                  focusTask(task.id);
                }}
                onDelete={deleteOne}
              />
            ) : (
              <TaskItem
                key={task.id}
                task={task}
                now={now}
                selecting={selecting}
                selected={selected.has(task.id)}
                onToggle={toggle}
                onEdit={onEdit}
                onDelete={deleteOne}
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

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-1 px-4">
          <Logo className="mr-auto text-lg" />
          <Button
            variant="ghost"
            size="icon"
            aria-label="Keyboard shortcuts"
            onClick={() => setShortcutsOpen(true)}
            className="max-sm:hidden"
          >
            <KeyboardIcon width={18} height={18} />
          </Button>
          <ThemeMenu />
          <AccountMenu
            user={user}
            onShowShortcuts={() => setShortcutsOpen(true)}
            onError={(message) => toast.error(message)}
          />
        </div>
      </header>

      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pt-6 pb-24">
        <div className="mb-4 flex items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Tasks</h1>
          <Today />
        </div>
        <QuickAdd ref={quickAddRef} onAdd={add} />

        <Tabs.Root
          value={view.status}
          onValueChange={(status) => setView({ status: status as View["status"] })}
          className="mt-6"
        >
          <div className="flex flex-wrap items-center gap-2">
            <Tabs.List
              aria-label="Show tasks"
              className="flex rounded-lg bg-zinc-100 p-0.5 max-sm:w-full dark:bg-zinc-900"
            >
              {TASK_STATUSES.map((status) => (
                <Tabs.Trigger
                  key={status}
                  value={status}
                  className="flex h-8 items-center justify-center gap-1.5 rounded-md px-3 max-sm:flex-1 text-sm font-medium text-zinc-600 hover:text-zinc-900 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-700 dark:data-[state=active]:text-zinc-50"
                >
                  {statusLabel[status]}
                  <span className="min-w-[2ch] text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                    {counts ? counts[status] : ""}
                  </span>
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            <div className="flex w-full items-center justify-end gap-2 sm:w-auto sm:min-w-0 sm:flex-1">
              <SearchBox ref={searchRef} value={view.q} onSearch={(q) => setView({ q })} />
              <FilterMenu view={view} tags={knownTags} onChange={setView} />
              <SortMenu view={view} onChange={setView} />
              <Button
                variant={selecting ? "primary" : "secondary"}
                size="sm"
                className="h-9"
                aria-pressed={selecting}
                onClick={() => (selecting ? stopSelecting() : setSelecting(true))}
              >
                Select
              </Button>
            </div>
          </div>

          {chips.length > 0 && (
            <div className="mt-3 flex flex-wrap items-center gap-2">
              {chips.map((chip) => (
                <button
                  key={chip.key}
                  type="button"
                  onClick={() => setView({ [chip.key]: chip.key === "q" ? "" : null })}
                  aria-label={`Remove filter ${chip.label}`}
                  className="inline-flex h-7 items-center gap-1 rounded-full bg-blue-50 pr-1.5 pl-2.5 text-sm text-blue-800 hover:bg-blue-100 dark:bg-blue-500/15 dark:text-blue-200 dark:hover:bg-blue-500/25"
                >
                  {chip.label}
                  <CloseIcon width={14} height={14} />
                </button>
              ))}
              <button
                type="button"
                onClick={() => setView({ q: "", priority: null, due: null, tag: null })}
                className="h-7 rounded-full px-2 text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
              >
                Clear all
              </button>
            </div>
          )}

          {selecting && (
            <section
              aria-label="Selection"
              className="mt-3 flex flex-wrap items-center gap-2 rounded-xl border border-blue-200 bg-blue-50 px-3 py-2 dark:border-blue-500/30 dark:bg-blue-500/10"
            >
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-blue-600"
                  checked={tasks.length > 0 && selectedTasks.length === tasks.length}
                  onChange={(e) =>
                    setSelected(e.target.checked ? new Set(tasks.map((t) => t.id)) : new Set())
                  }
                />
                Select all
              </label>
              <span className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
                {selectedTasks.length} selected
              </span>
              <div className="flex w-full gap-2 sm:ml-auto sm:w-auto">
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={selectedTasks.length === 0}
                  onClick={() => {
                    const list = selectedTasks;
                    data.setDone(list, true).then(
                      () => toast.success(`Completed ${plural(list.length, "task")}`),
                      (error) => report(error, "Couldn't complete the tasks"),
                    );
                    stopSelecting();
                  }}
                >
                  Complete
                </Button>
                <Button
                  size="sm"
                  variant="danger-secondary"
                  disabled={selectedTasks.length === 0}
                  onClick={() => {
                    remove(selectedTasks, `Deleted ${plural(selectedTasks.length, "task")}`);
                    stopSelecting();
                  }}
                >
                  Delete
                </Button>
                <Button size="sm" variant="ghost" onClick={stopSelecting} className="ml-auto">
                  Cancel
                </Button>
              </div>
            </section>
          )}

          {TASK_STATUSES.map((status) => (
            <Tabs.Content
              key={status}
              value={status}
              forceMount
              className="mt-3 focus-visible:outline-none"
              tabIndex={-1}
            >
              {status === view.status && list}
            </Tabs.Content>
          ))}
        </Tabs.Root>

        {counts && counts.all > 0 && (
          <footer className="mt-6 flex items-center justify-between gap-3 border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <p>
              {counts.active} active · {counts.completed} completed
            </p>
            {counts.completed > 0 && view.status !== "active" && (
              <Button variant="ghost" size="sm" onClick={() => void clearCompleted()}>
                Clear completed
              </Button>
            )}
          </footer>
        )}
      </main>

      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <ConflictDialog
        conflict={conflict}
        onKeepCurrent={() => setConflict(null)}
        onEditAgain={(c) => {
          setConflict(null);
          setEditing({ id: c.current.id, draft: c.mine });
        }}
        onOverwrite={(c) => {
          setConflict(null);
          save(c.current, c.mine);
        }}
      />
      <Toaster theme={theme} position="bottom-center" closeButton />
    </div>
  );
}
