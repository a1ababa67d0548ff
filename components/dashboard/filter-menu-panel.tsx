"use client";

import { DropdownMenu } from "radix-ui";
import { ChevronRightIcon, TagIcon } from "@/components/ui/icons";
import { MenuChoices, MenuPanel } from "@/components/ui/menu";
import { menuContentClass, menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import { dueLabel, menuDueFilters, priorities, priorityLabel, type View } from "./view";

/** The value of each group's "Any" choice, which clears that filter: a control character,
 * which no tag can hold, so a tag named "any" stays a tag. */
const ANY = "\u0001any";
const orNull = <T extends string>(value: T | typeof ANY) => (value === ANY ? null : value);

export interface FilterMenuPanelProps {
  view: View;
  tags: string[];
  onChange: (patch: Partial<View>) => void;
}

/** The filter menu's panel (filter-menu.tsx): each group keeps one choice. */
export function FilterMenuPanel({ view, tags, onChange }: FilterMenuPanelProps) {
  const tagChoices = [...new Set([...(view.tag ? [view.tag] : []), ...tags])].sort();
  return (
    <MenuPanel>
      <MenuChoices
        label="Priority"
        value={view.priority ?? ANY}
        choices={[[ANY, "Any priority"], ...priorities.map((p) => [p, priorityLabel[p]] as const)]}
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
  );
}
