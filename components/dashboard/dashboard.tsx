"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useResolvedTheme } from "@/components/theme/resolved-theme";
import { whenIdle } from "@/components/ui/deferred";
import { toast } from "@/components/ui/toast";
import { Toaster } from "@/components/ui/toaster";
import { type AccountUser, preloadAccountDialogs } from "./account-menu";
import { DashboardBody } from "./dashboard-body";
import { DashboardHeader } from "./dashboard-header";
import { dateFieldInDays } from "./due";
import { LazyConflictDialog, LazyShortcutsDialog, preloadDialogs } from "./lazy-dialogs";
import { preloadForms } from "./lazy-forms";
import { preloadSelectionBar } from "./lazy-selection-bar";
import { preloadProjectDialogs } from "./projects/lazy-project-dialogs";
import { ProjectSidebar } from "./projects/sidebar";
import { useProjectView } from "./projects/use-project-view";
import { type ProposedDue, QuickAdd } from "./quick-add";
import { LazyPlannerEffects } from "./reminders/lazy-effects";
import { reportError } from "./report-error";
import type { UserSettings } from "./settings/user-settings";
import { preloadSchemas } from "./task-draft";
import { groupTasks, orderedTasks } from "./task-groups";
import { useNow } from "./task-list";
import { Today } from "./today";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useRepeatActions } from "./use-repeat-actions";
import { useSelection } from "./use-selection";
import { useSessionWatch } from "./use-session-watch";
import { useTaskActions } from "./use-task-actions";
import { useTaskEditing } from "./use-task-editing";
import { useTaskFocus } from "./use-task-focus";
import { useTasks } from "./use-tasks";
import { useView } from "./use-view";
import { useViewCounts } from "./use-view-counts";
import { UserIdContext } from "./user-context";
import { effectiveView, hasFilters, type ListView, noFilters } from "./view";
import { ViewSwitcher } from "./view-switcher";
import { formatDay, setDisplayZone } from "./zone";

/**
 * The signed-in page: the sidebar (the views Today, Upcoming, All, the Inbox and the projects),
 * quick add, tabs, search, filters, the list, reminders in the open tab, and every action on
 * them.
 */
export function Dashboard({
  user,
  initialSettings,
  defaultList,
}: {
  user: AccountUser;
  initialSettings: UserSettings;
  /** The view remembered from last time, shown when the address names none. */
  defaultList: ListView;
}) {
  const [view, setView] = useView(defaultList);
  const [settings, setSettings] = useState(initialSettings);
  const zone = settings.timeZone;
  // Dates show and are typed in the account's zone (due.ts reads it); in the browser only, so
  // server renders never share one user's zone with another's.
  if (typeof window !== "undefined") setDisplayZone(zone);
  const listView = useMemo(() => effectiveView(view), [view]);
  const data = useTasks(user.id, listView, reportError);
  const now = useNow();
  const groups = useMemo(
    () => groupTasks(view, data.tasks, zone, now, data.hasMore),
    [view, data.tasks, zone, now, data.hasMore],
  );
  const ordered = useMemo(() => orderedTasks(groups), [groups]);
  const focus = useTaskFocus(ordered);
  const selection = useSelection(ordered);
  const editor = useTaskEditing(data.update);
  const actions = useTaskActions(
    data,
    listView,
    zone,
    (ids) => {
      focus.leave(ids);
      selection.drop(ids);
      editor.closeFor(ids);
    },
    user.id,
  );
  const repeat = useRepeatActions(data, zone);
  const counts = useViewCounts(user.id, view.list, data.counts, hasFilters(view));
  const place = useProjectView(user.id, view, setView, data.counts, data.isValidating);
  const theme = useResolvedTheme();
  useSessionWatch();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [addFor, setAddFor] = useState<ProposedDue | null>(null);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // The forms, their schemas (zod) and the dialogs are not in the first load: fetch them idle
  // (the menus and the toaster fetch their own).
  useEffect(
    () =>
      whenIdle(() => {
        preloadSchemas();
        preloadForms();
        preloadDialogs();
        preloadAccountDialogs();
        preloadProjectDialogs();
        preloadSelectionBar();
      }),
    [],
  );

  const leave = () => {
    selection.stop();
    setAddFor(null);
  };
  const switchList = (list: ListView) => {
    if (list === view.list && !view.project) return;
    leave();
    place.goToList(list);
  };

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
    today: () => switchList("today"),
    upcoming: () => switchList("upcoming"),
    all: () => switchList("all"),
  });

  // Quick add proposes today in Today and Upcoming, or the day of Upcoming added from.
  const today = useMemo(() => dateFieldInDays(0, now), [now]);
  const due: ProposedDue | null =
    addFor ?? (view.list === "all" || view.project ? null : { date: today, label: "today" });

  return (
    <UserIdContext.Provider value={user.id}>
      <div className="flex min-h-dvh flex-col">
        <DashboardHeader
          user={user}
          settings={settings}
          onSettingsChange={(patch) => {
            setSettings((s) => ({ ...s, ...patch }));
            // Today and Upcoming are reckoned in the zone: ask again.
            if (patch.timeZone) data.retry();
          }}
          onShowShortcuts={() => setShortcutsOpen(true)}
          onOpenMenu={() => place.setDrawerOpen(true)}
        />

        <div className="flex flex-1">
          <ProjectSidebar
            state={place.state}
            current={place.current}
            listCounts={counts}
            drawerOpen={place.drawerOpen}
            onDrawerOpenChange={place.setDrawerOpen}
            onSelect={(target) => {
              leave();
              place.go(target);
            }}
          />
          <main className="mx-auto w-full min-w-0 max-w-3xl flex-1 px-4 pt-4 pb-24 sm:pt-6">
            {/* The views stay one tap away in a project too (none of them marked there). */}
            <ViewSwitcher
              list={view.project ? null : view.list}
              counts={counts}
              onChange={switchList}
            />
            <div className="mb-4 flex items-baseline justify-between gap-3">
              <h1 dir="auto" className="min-w-0 truncate text-2xl font-semibold tracking-tight">
                {place.title}
              </h1>
              <Today zone={zone} />
            </div>
            <QuickAdd
              ref={quickAddRef}
              due={due}
              onAdd={actions.add}
              projects={place.quickAddProjects}
              defaultProjectId={place.defaultProjectId}
            />

            <DashboardBody
              // A new zone: every row's date reads anew.
              key={zone}
              view={view}
              data={data}
              groups={groups}
              ordered={ordered}
              selection={selection}
              searchRef={searchRef}
              onChange={setView}
              onAddTask={(day) => {
                if (day && day !== today) {
                  setAddFor({ date: day, label: formatDay(day), nonce: Date.now() });
                } else setAddFor(null);
                quickAddRef.current?.focus();
              }}
              onClearCompleted={() => void actions.clearCompleted()}
              onCompleteMany={actions.completeMany}
              onDeleteMany={actions.deleteMany}
              rows={{
                editing: editor.editing,
                selecting: selection.selecting,
                selected: selection.selected,
                onToggle: actions.toggle,
                onEdit: editor.edit,
                onDelete: actions.deleteOne,
                onSelect: selection.onSelect,
                onFocusRow: focus.onFocusRow,
                onSave: editor.save,
                onCancelEdit: editor.cancel,
                onSkip: (task) => {
                  editor.cancel(task);
                  repeat.skip(task);
                },
                onStopRepeating: (task) => {
                  editor.cancel(task);
                  repeat.stopRepeating(task);
                },
              }}
            />
          </main>
        </div>

        <LazyPlannerEffects
          userId={user.id}
          tasks={data.tasks}
          loaded={Boolean(data.counts) && !data.isValidating}
          edit={editor.edit}
          showInAll={(task) => {
            place.goToList("all");
            setView({ status: "all", ...noFilters, q: task.title });
          }}
          complete={actions.toggle}
          snooze={(taskId) =>
            data.snooze(taskId, 10).then(
              () => toast("Snoozed for 10 minutes"),
              (error) => reportError(error, "Couldn't snooze the reminder"),
            )
          }
        />
        <LazyShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
        <LazyConflictDialog
          conflict={editor.conflict}
          onKeepCurrent={editor.keepCurrent}
          onEditAgain={editor.editAgain}
          onOverwrite={editor.overwrite}
        />
        <Toaster theme={theme} position="bottom-center" closeButton />
      </div>
    </UserIdContext.Provider>
  );
}
