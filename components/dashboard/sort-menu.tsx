"use client";

import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { SortIcon } from "@/components/ui/icons";
import {
  menuContentClass,
  menuItemClass,
  menuLabelClass,
  menuSeparatorClass,
} from "@/components/ui/menu-styles";
import { DEFAULT_ORDER, SORT_KEYS, type SortKey, type SortOrder } from "@/lib/tasks/model";
import { sortLabel, type View } from "./view";

const orderLabel: Record<SortKey, Record<SortOrder, string>> = {
  created: { desc: "Newest first", asc: "Oldest first" },
  updated: { desc: "Most recent first", asc: "Least recent first" },
  due: { asc: "Soonest first", desc: "Latest first" },
  priority: { desc: "Highest first", asc: "Lowest first" },
  title: { asc: "A to Z", desc: "Z to A" },
};

function Indicator() {
  return (
    <DropdownMenu.ItemIndicator className="ml-auto text-blue-600 dark:text-blue-400">
      ●
    </DropdownMenu.ItemIndicator>
  );
}

export function SortMenu({
  view,
  onChange,
}: {
  view: View;
  onChange: (patch: Partial<View>) => void;
}) {
  // Not modal: a modal menu hides the page from assistive tech while it stays focusable.
  return (
    <DropdownMenu.Root modal={false}>
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
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className={menuContentClass}
        >
          <DropdownMenu.Label className={menuLabelClass}>Sort by</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={view.sort}
            onValueChange={(v) => {
              const sort = v as SortKey;
              onChange({ sort, order: DEFAULT_ORDER[sort] });
            }}
          >
            {SORT_KEYS.map((s) => (
              <DropdownMenu.RadioItem key={s} value={s} className={menuItemClass}>
                {sortLabel[s]}
                <Indicator />
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className={menuSeparatorClass} />
          <DropdownMenu.Label className={menuLabelClass}>Order</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={view.order}
            onValueChange={(v) => onChange({ order: v as SortOrder })}
          >
            {(["asc", "desc"] as const)
              .slice()
              .sort((a) => (a === DEFAULT_ORDER[view.sort] ? -1 : 1))
              .map((o) => (
                <DropdownMenu.RadioItem key={o} value={o} className={menuItemClass}>
                  {orderLabel[view.sort][o]}
                  <Indicator />
                </DropdownMenu.RadioItem>
              ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
