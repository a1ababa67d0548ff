"use client";

import { type Ref, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { TabsList, TabsTrigger } from "@/components/ui/tabs";
import { TASK_STATUSES, type Task, type TaskCounts } from "@/lib/tasks/model";
import { FilterMenu } from "./filter-menu";
import { SearchBox } from "./search-box";
import { SortMenu } from "./sort-menu";
import type { View } from "./view";

const statusLabel = { all: "All", active: "Active", completed: "Completed" } as const;

/**
 * The row above the list: the tabs with their counts, search, the filter and sort menus, and
 * the Select toggle. In the All view it is rendered inside the dashboard's TabsRoot, which the
 * tabs belong to; Today and Upcoming have no tabs and no sort (they are by due date).
 */
export function TaskToolbar({
  view,
  counts,
  tasks,
  searchRef,
  selecting,
  onToggleSelecting,
  onChange,
}: {
  view: View;
  counts: TaskCounts | null;
  tasks: Task[];
  searchRef: Ref<HTMLInputElement>;
  selecting: boolean;
  onToggleSelecting: () => void;
  onChange: (patch: Partial<View>) => void;
}) {
  // The tag filter offers the tags of the tasks loaded so far.
  const knownTags = useMemo(() => [...new Set(tasks.flatMap((t) => t.tags))], [tasks]);
  const all = view.list === "all";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {all && (
        <TabsList
          aria-label="Show tasks"
          className="flex rounded-lg bg-zinc-100 p-0.5 max-sm:w-full dark:bg-zinc-900"
        >
          {TASK_STATUSES.map((status) => (
            <TabsTrigger
              key={status}
              value={status}
              className="flex h-8 items-center justify-center gap-1.5 rounded-md px-3 max-sm:flex-1 text-sm font-medium text-zinc-600 hover:text-zinc-900 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-700 dark:data-[state=active]:text-zinc-50"
            >
              {statusLabel[status]}
              <span className="min-w-[2ch] text-xs tabular-nums text-zinc-600 dark:text-zinc-300">
                {counts ? counts[status] : ""}
              </span>
            </TabsTrigger>
          ))}
        </TabsList>
      )}
      <div className="flex w-full items-center justify-end gap-2 sm:w-auto sm:min-w-0 sm:flex-1">
        <SearchBox ref={searchRef} value={view.q} onSearch={(q) => onChange({ q })} />
        <FilterMenu view={view} tags={knownTags} onChange={onChange} />
        {all && <SortMenu view={view} onChange={onChange} />}
        <Button
          variant={selecting ? "primary" : "secondary"}
          size="sm"
          className="h-9"
          aria-pressed={selecting}
          onClick={onToggleSelecting}
        >
          Select
        </Button>
      </div>
    </div>
  );
}
