"use client";

import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { ChevronRightIcon, FilterIcon, TagIcon } from "@/components/ui/icons";
import { Menu, MenuChoices, MenuPanel } from "@/components/ui/menu";
import { menuContentClass, menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import { dueLabel, menuDueFilters, priorities, priorityLabel, type View } from "./view";

/** The value of each group's "Any" choice, which clears that filter: a control character,
 * which no tag can hold, so a tag named "any" stays a tag. */
const ANY = "\u0001any";
const orNull = <T extends string>(value: T | typeof ANY) => (value === ANY ? null : value);

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
  const due = view.list === "all" ? view.due : null;
  const active = [view.priority, due, view.tag].filter(Boolean).length;
  const tagChoices = [...new Set([...(view.tag ? [view.tag] : []), ...tags])].sort();

  return (
    <Menu>
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
      <MenuPanel>
        <MenuChoices
          label="Priority"
          value={view.priority ?? ANY}
          choices={[
            [ANY, "Any priority"],
            ...priorities.map((p) => [p, priorityLabel[p]] as const),
          ]}
          onChange={(priority) => onChange({ priority: orNull(priority) })}
        />
        {/* Today and Upcoming are due filters of their own. */}
        {view.list === "all" && (
          <>
            <DropdownMenu.Separator className={menuSeparatorClass} />
            <MenuChoices
              label="Due"
              value={view.due ?? ANY}
              choices={[[ANY, "Any time"], ...menuDueFilters.map((d) => [d, dueLabel[d]] as const)]}
              onChange={(due) => onChange({ due: orNull(due) })}
            />
          </>
        )}
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
                  <MenuChoices
                    value={view.tag ?? ANY}
                    choices={[[ANY, "Any tag"], ...tagChoices.map((t) => [t, `#${t}`] as const)]}
                    onChange={(tag) => onChange({ tag: orNull(tag) })}
                  />
                </DropdownMenu.SubContent>
              </DropdownMenu.Portal>
            </DropdownMenu.Sub>
          </>
        )}
      </MenuPanel>
    </Menu>
  );
}
