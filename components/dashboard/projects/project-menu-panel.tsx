"use client";

import { DropdownMenu } from "radix-ui";
import { MenuPanel } from "@/components/ui/menu";
import { menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import type { Project } from "@/lib/tasks/model";
import type { ProjectActions } from "./project-menu";

export interface ProjectMenuPanelProps {
  project: Project;
  first: boolean;
  last: boolean;
  actions: ProjectActions;
}

/** A project menu's panel (project-menu.tsx). */
export function ProjectMenuPanel({ project, first, last, actions }: ProjectMenuPanelProps) {
  return (
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
  );
}
