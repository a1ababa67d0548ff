"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { CloseIcon } from "@/components/ui/icons";
import type { Project } from "@/lib/tasks/model";
import { reportError } from "../report-error";
import { LazyTrashDialog, preloadTrashDialog } from "../trash/lazy-trash-dialog";
import { useUserId } from "../user-context";
import type { ListView } from "../view";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { ProjectDialog } from "./project-dialog";
import type { ProjectActions } from "./project-menu";
import { type NavTarget, ProjectNav } from "./project-nav";
import type { ProjectsState } from "./use-projects";

/**
 * The lists and projects: a column beside the list on wide screens, a drawer from the left on
 * narrower ones (opened from the header). It holds the project dialogs and says moves aloud.
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
      <Dialog.Root open={drawerOpen} onOpenChange={onDrawerOpenChange}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px] lg:hidden" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 w-[min(20rem,85vw)] overflow-y-auto border-r border-zinc-200 bg-white px-3 pt-3 pb-[max(1.25rem,env(safe-area-inset-bottom))] text-zinc-900 shadow-2xl focus-visible:outline-none lg:hidden dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          >
            <div className="mb-3 flex items-center justify-between pl-2.5">
              <Dialog.Title className="text-base font-semibold">Lists and projects</Dialog.Title>
              <Dialog.Close
                aria-label="Close"
                className="flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                <CloseIcon width={18} height={18} />
              </Dialog.Close>
            </div>
            {nav}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {editing !== null && (
        <ProjectDialog
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
      <DeleteProjectDialog
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
