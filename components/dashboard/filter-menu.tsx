"use client";

import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";
import { DeferredMenu, type DeferredPanel } from "@/components/ui/deferred-menu";
import { FilterIcon } from "@/components/ui/icons";
import type { FilterMenuPanelProps } from "./filter-menu-panel";
import type { View } from "./view";

const filterPanel: DeferredPanel<FilterMenuPanelProps> = deferred(
  async () => (await import("./filter-menu-panel")).FilterMenuPanel,
);

/** Priority, due date and tag filters in one menu (its panel loads after the page). */
export function FilterMenu({
  view,
  tags,
  onChange,
}: {
  view: View;
  tags: string[];
  onChange: (patch: Partial<View>) => void;
}) {
  const due = view.list === "all" ? view.due : null;
  const active = [view.priority, due, view.tag].filter(Boolean).length;
  return (
    <DeferredMenu
      trigger={
        <Button variant="secondary" size="sm" className="h-9">
          <FilterIcon />
          <span>Filter</span>
          {active > 0 && (
            <span className="rounded-full bg-blue-600 px-1.5 text-xs leading-5 text-white dark:bg-blue-500 dark:text-zinc-950">
              {active}
              <span className="sr-only"> active</span>
            </span>
          )}
        </Button>
      }
      panel={filterPanel}
      panelProps={{ view, tags, onChange }}
    />
  );
}
