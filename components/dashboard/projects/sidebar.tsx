"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { Project } from "@/lib/tasks/model";
import { reportError } from "../report-error";
import { LazyTrashDialog, preloadTrashDialog } from "../trash/lazy-trash-dialog";
import { useUserId } from "../user-context";
import type { ListView } from "../view";
import {
  LazyDeleteProjectDialog,
  LazyProjectDialog,
  LazyProjectDrawer,
} from "./lazy-project-dialogs";
import type { ProjectActions } from "./project-menu";
import { type NavTarget, ProjectNav } from "./project-nav";
import type { ProjectsState } from "./use-projects";

/**
 * The lists and projects: a column beside the list on wide screens, a drawer from the left on
 * narrower ones (opened from the header; it loads when first opened, as the project dialogs it
 * holds do). It says moves aloud.
 */
export function ProjectSidebar({
  state,
  current,
  listCounts,
  drawerOpen,
  onDrawerOpenChange,
  onSelect,
}: {
  state: ProjectsState;
  current: NavTarget;
  listCounts: Partial<Record<ListView, number>>;
  drawerOpen: boolean;
  onDrawerOpenChange: (open: boolean) => void;
  onSelect: (target: NavTarget) => void;
}) {
  const [editing, setEditing] = useState<Project | "new" | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [trashOpen, setTrashOpen] = useState(false);
  const userId = useUserId();

  const actions: ProjectActions = {
    onEdit: setEditing,
    onMove: (project, direction) => {
      state.move(project, direction).then(
        (at) => {
          if (at === null) return;
          const count = state.projects.filter((p) => !p.archived).length;
          setAnnouncement(`Moved “${project.name}” to position ${at + 1} of ${count}`);
        },
        (error) => reportError(error, "Couldn't move the project"),
      );
    },
    onArchive: (project, archived) => {
      state.update(project, { archived }).then(
        () => {
          const undo = () =>
            state
              .update({ ...project, archived }, { archived: !archived })
              .catch((error) => reportError(error, "Couldn't undo"));
          toast(`${archived ? "Archived" : "Restored"} “${project.name}”`, {
            description: archived
              ? "Its tasks are out of your other lists until you restore it."
              : undefined,
            action: { label: "Undo", onClick: () => void undo() },
          });
        },
        (error) => reportError(error, `Couldn't ${archived ? "archive" : "restore"} the project`),
      );
    },
    onDelete: setDeleting,
  };

  const nav = (
    <ProjectNav
      current={current}
      listCounts={listCounts}
      inboxOpen={state.inboxOpen}
      projects={state.projects}
      actions={actions}
      onSelect={(target) => {
        onDrawerOpenChange(false);
        onSelect(target);
      }}
      onAddProject={() => setEditing("new")}
      onOpenTrash={() => {
        preloadTrashDialog();
        onDrawerOpenChange(false);
        setTrashOpen(true);
      }}
    />
  );

  return (
    <>
      <aside className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-64 shrink-0 overflow-y-auto border-r border-zinc-200 px-3 py-5 lg:block dark:border-zinc-800">
        {nav}
      </aside>
      <LazyProjectDrawer open={drawerOpen} onOpenChange={onDrawerOpenChange}>
        {nav}
      </LazyProjectDrawer>
      {editing !== null && (
        <LazyProjectDialog
          // A fresh form per project (and per "new").
          key={editing === "new" ? "new" : editing.id}
          project={editing === "new" ? undefined : editing}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          onSave={async (input) => {
            if (editing === "new") {
              const project = await state.create(input);
              onSelect({ project: project.id });
            } else {
              await state.update(editing, input);
            }
          }}
        />
      )}
      <LazyDeleteProjectDialog
        project={deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        onDelete={(project, tasks) => {
          const here = "project" in current && current.project === project.id;
          if (here) onSelect({ project: "inbox" });
          state.remove(project, tasks);
        }}
      />
      <LazyTrashDialog
        userId={userId}
        projects={state.projects}
        open={trashOpen}
        onOpenChange={setTrashOpen}
      />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
