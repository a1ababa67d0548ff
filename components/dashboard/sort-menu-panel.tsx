"use client";

import { DropdownMenu } from "radix-ui";
import { MenuChoices, MenuPanel } from "@/components/ui/menu";
import { menuSeparatorClass } from "@/components/ui/menu-styles";
import { DEFAULT_ORDER, SORT_KEYS } from "@/lib/tasks/model";
import { orderLabel, sortLabel, type View } from "./view";

export interface SortMenuPanelProps {
  view: View;
  onChange: (patch: Partial<View>) => void;
}

/** The sort menu's panel (sort-menu.tsx): the key, then the direction. */
export function SortMenuPanel({ view, onChange }: SortMenuPanelProps) {
  const natural = DEFAULT_ORDER[view.sort];
  // The sort's natural direction first.
  const orders = [natural, natural === "asc" ? "desc" : "asc"] as const;
  return (
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
  );
}
