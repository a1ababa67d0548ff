"use client";

import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { SortIcon } from "@/components/ui/icons";
import { Menu, MenuChoices, MenuPanel } from "@/components/ui/menu";
import { menuSeparatorClass } from "@/components/ui/menu-styles";
import { DEFAULT_ORDER, SORT_KEYS, type SortKey, type SortOrder } from "@/lib/tasks/model";
import { sortLabel, type View } from "./view";

const orderLabel: Record<SortKey, Record<SortOrder, string>> = {
  created: { desc: "Newest first", asc: "Oldest first" },
  updated: { desc: "Most recent first", asc: "Least recent first" },
  due: { asc: "Soonest first", desc: "Latest first" },
  priority: { desc: "Highest first", asc: "Lowest first" },
  title: { asc: "A to Z", desc: "Z to A" },
  manual: { asc: "Top to bottom", desc: "Bottom to top" },
};

export function SortMenu({
  view,
  onChange,
}: {
  view: View;
  onChange: (patch: Partial<View>) => void;
}) {
  const natural = DEFAULT_ORDER[view.sort];
  // The sort's natural direction first.
  const orders = [natural, natural === "asc" ? "desc" : "asc"] as const;
  return (
    <Menu>
      <DropdownMenu.Trigger asChild>
        <Button
          variant="secondary"
          size="sm"
          className="h-9"
          aria-label={`Sort: ${sortLabel[view.sort]}, ${orderLabel[view.sort][view.order]}`}
        >
          <SortIcon />
          <span className="hidden sm:inline">Sort</span>
        </Button>
      </DropdownMenu.Trigger>
      <MenuPanel>
        <MenuChoices
          label="Sort by"
          value={view.sort}
          // Manual order is a project's (or the Inbox's) own; across projects it means nothing.
          choices={SORT_KEYS.filter((s) => s !== "manual" || view.project).map(
            (s) => [s, sortLabel[s]] as const,
          )}
          onChange={(sort) => onChange({ sort, order: DEFAULT_ORDER[sort] })}
        />
        <DropdownMenu.Separator className={menuSeparatorClass} />
        <MenuChoices
          label="Order"
          value={view.order}
          choices={orders.map((o) => [o, orderLabel[view.sort][o]] as const)}
          onChange={(order) => onChange({ order })}
        />
      </MenuPanel>
    </Menu>
  );
}
