"use client";

import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";
import { DeferredMenu, type DeferredPanel } from "@/components/ui/deferred-menu";
import { SortIcon } from "@/components/ui/icons";
import type { SortMenuPanelProps } from "./sort-menu-panel";
import { orderLabel, sortLabel, type View } from "./view";

const sortPanel: DeferredPanel<SortMenuPanelProps> = deferred(
  async () => (await import("./sort-menu-panel")).SortMenuPanel,
);

/** The sort key and direction of the list (the panel loads after the page). */
export function SortMenu({
  view,
  onChange,
}: {
  view: View;
  onChange: (patch: Partial<View>) => void;
}) {
  return (
    <DeferredMenu
      trigger={
        <Button
          variant="secondary"
          size="sm"
          className="h-9"
          aria-label={`Sort: ${sortLabel[view.sort]}, ${orderLabel[view.sort][view.order]}`}
        >
          <SortIcon />
          <span className="hidden sm:inline">Sort</span>
        </Button>
      }
      panel={sortPanel}
      panelProps={{ view, onChange }}
    />
  );
}
