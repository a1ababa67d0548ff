"use client";

import { deferred } from "@/components/ui/deferred";
import { DeferredMenu, type DeferredPanel } from "@/components/ui/deferred-menu";
import type { Project } from "@/lib/tasks/model";
import { MoreIcon } from "./icons";
import type { ProjectMenuPanelProps } from "./project-menu-panel";

export interface ProjectActions {
  onEdit: (project: Project) => void;
  onMove: (project: Project, direction: -1 | 1) => void;
  onArchive: (project: Project, archived: boolean) => void;
  onDelete: (project: Project) => void;
}

const projectPanel: DeferredPanel<ProjectMenuPanelProps> = deferred(
  async () => (await import("./project-menu-panel")).ProjectMenuPanel,
);

/** A project's "…" menu in the sidebar: edit, move, archive or restore, delete. */
export function ProjectMenu(props: ProjectMenuPanelProps) {
  return (
    <DeferredMenu
      trigger={
        <button
          type="button"
          aria-label={`More for “${props.project.name}”`}
          className="flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 opacity-100 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:opacity-100 data-[state=open]:opacity-100 lg:opacity-0 lg:group-hover/project:opacity-100 lg:group-focus-within/project:opacity-100 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
        >
          <MoreIcon width={16} height={16} />
        </button>
      }
      panel={projectPanel}
      panelProps={props}
    />
  );
}
