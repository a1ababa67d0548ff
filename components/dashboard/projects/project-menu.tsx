"use client";

import { DropdownMenu } from "radix-ui";
import { Menu, MenuPanel } from "@/components/ui/menu";
import { menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import type { Project } from "@/lib/tasks/model";
import { MoreIcon } from "./icons";

export interface ProjectActions {
  onEdit: (project: Project) => void;
  onMove: (project: Project, direction: -1 | 1) => void;
  onArchive: (project: Project, archived: boolean) => void;
  onDelete: (project: Project) => void;
}

/** A project's "…" menu in the sidebar: edit, move, archive or restore, delete. */
export function ProjectMenu({
  project,
  first,
  last,
  actions,
}: {
  project: Project;
  first: boolean;
  last: boolean;
  actions: ProjectActions;
}) {
  return (
    <Menu>
      <DropdownMenu.Trigger
        aria-label={`More for “${project.name}”`}
        className="flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 opacity-100 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:opacity-100 data-[state=open]:opacity-100 lg:opacity-0 lg:group-hover/project:opacity-100 lg:group-focus-within/project:opacity-100 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
      >
        <MoreIcon width={16} height={16} />
      </DropdownMenu.Trigger>
      <MenuPanel>
        <DropdownMenu.Item className={menuItemClass} onSelect={() => actions.onEdit(project)}>
          Rename or recolour…
        </DropdownMenu.Item>
        {!project.archived && (
          <>
            <DropdownMenu.Item
              className={menuItemClass}
              disabled={first}
              onSelect={() => actions.onMove(project, -1)}
            >
              Move up
              <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">Alt+↑</span>
            </DropdownMenu.Item>
            <DropdownMenu.Item
              className={menuItemClass}
              disabled={last}
              onSelect={() => actions.onMove(project, 1)}
            >
              Move down
              <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">Alt+↓</span>
            </DropdownMenu.Item>
          </>
        )}
        <DropdownMenu.Item
          className={menuItemClass}
          onSelect={() => actions.onArchive(project, !project.archived)}
        >
          {project.archived ? "Restore" : "Archive"}
        </DropdownMenu.Item>
        <DropdownMenu.Separator className={menuSeparatorClass} />
        <DropdownMenu.Item
          className={`${menuItemClass} text-red-700 dark:text-red-400`}
          onSelect={() => actions.onDelete(project)}
        >
          Delete…
        </DropdownMenu.Item>
      </MenuPanel>
    </Menu>
  );
}
