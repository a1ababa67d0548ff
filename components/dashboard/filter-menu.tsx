"use client";

import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { ChevronRightIcon, FilterIcon, TagIcon } from "@/components/ui/icons";
import {
  menuContentClass,
  menuItemClass,
  menuLabelClass,
  menuSeparatorClass,
} from "@/components/ui/menu-styles";
import { DUE_FILTERS, type DueFilter, type TaskPriority } from "@/lib/tasks/model";
import { dueLabel, priorities, priorityLabel, type View } from "./view";

const ANY = "any";

function Indicator() {
  return (
    <DropdownMenu.ItemIndicator className="ml-auto text-blue-600 dark:text-blue-400">
      ●
    </DropdownMenu.ItemIndicator>
  );
}

/** Priority, due date and tag filters in one menu; each group keeps one choice. */
export function FilterMenu({
  view,
  tags,
  onChange,
}: {
  view: View;
  tags: string[];
  onChange: (patch: Partial<View>) => void;
}) {
  const active = [view.priority, view.due, view.tag].filter(Boolean).length;
  const tagChoices = [...new Set([...(view.tag ? [view.tag] : []), ...tags])].sort();

  // Not modal: a modal menu hides the page from assistive tech while it stays focusable.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
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
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className={menuContentClass}
        >
          <DropdownMenu.Label className={menuLabelClass}>Priority</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={view.priority ?? ANY}
            onValueChange={(v) => onChange({ priority: v === ANY ? null : (v as TaskPriority) })}
          >
            <DropdownMenu.RadioItem value={ANY} className={menuItemClass}>
              Any priority
              <Indicator />
            </DropdownMenu.RadioItem>
            {priorities.map((p) => (
              <DropdownMenu.RadioItem key={p} value={p} className={menuItemClass}>
                {priorityLabel[p]}
                <Indicator />
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className={menuSeparatorClass} />
          <DropdownMenu.Label className={menuLabelClass}>Due</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={view.due ?? ANY}
            onValueChange={(v) => onChange({ due: v === ANY ? null : (v as DueFilter) })}
          >
            <DropdownMenu.RadioItem value={ANY} className={menuItemClass}>
              Any time
              <Indicator />
            </DropdownMenu.RadioItem>
            {DUE_FILTERS.map((d) => (
              <DropdownMenu.RadioItem key={d} value={d} className={menuItemClass}>
                {dueLabel[d]}
                <Indicator />
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          {tagChoices.length > 0 && (
            <>
              <DropdownMenu.Separator className={menuSeparatorClass} />
              {/* Tags in a submenu: the list can be long, the main menu stays short. */}
              <DropdownMenu.Sub>
                <DropdownMenu.SubTrigger className={menuItemClass}>
                  <TagIcon />
                  {view.tag ? `Tag: #${view.tag}` : "Tag"}
                  <ChevronRightIcon className="ml-auto" />
                </DropdownMenu.SubTrigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.SubContent
                    sideOffset={4}
                    collisionPadding={8}
                    className={`${menuContentClass} max-h-80 overflow-y-auto`}
                  >
                    <DropdownMenu.RadioGroup
                      value={view.tag ?? ANY}
                      onValueChange={(v) => onChange({ tag: v === ANY ? null : v })}
                    >
                      <DropdownMenu.RadioItem value={ANY} className={menuItemClass}>
                        Any tag
                        <Indicator />
                      </DropdownMenu.RadioItem>
                      {tagChoices.map((tag) => (
                        <DropdownMenu.RadioItem key={tag} value={tag} className={menuItemClass}>
                          #{tag}
                          <Indicator />
                        </DropdownMenu.RadioItem>
                      ))}
                    </DropdownMenu.RadioGroup>
                  </DropdownMenu.SubContent>
                </DropdownMenu.Portal>
              </DropdownMenu.Sub>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
