"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { createProject, deleteProject, listProjects, updateProject } from "@/lib/projects-client";
import type {
  Project,
  ProjectDeleteTasks,
  ProjectInput,
  ProjectList,
  ProjectPatch,
} from "@/lib/tasks/model";
import { reportError } from "../report-error";
import { useRefreshAll } from "../use-refresh-all";
import { UNDO_MS } from "../use-undoable-delete";

/**
 * The caller's projects for the sidebar, quick add and the project views: the list (server
 * order), the Inbox's open count, and every change to them. Renames, colours and archiving
 * show at once and roll back if refused; a deletion waits UNDO_MS behind an Undo before it is
 * sent (and is sent at once if the page goes away meanwhile).
 */
export function useProjects(userId: string) {
  const swr = useSWR<ProjectList>(["projects", userId], () => listProjects(userId), {
    revalidateOnFocus: true,
  });
  const { mutate } = swr;
  const refreshAll = useRefreshAll(userId);
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Map<string, { tasks: ProjectDeleteTasks; timer: number }>());

  const all = swr.data?.projects;
  const projects = useMemo(() => (all ?? []).filter((p) => !deleting.has(p.id)), [all, deleting]);

  const replace = useCallback(
    (project: Project) =>
      mutate(
        (list) =>
          list && {
            ...list,
            projects: list.projects.map((p) => (p.id === project.id ? project : p)),
          },
        { revalidate: false },
      ),
    [mutate],
  );

  const create = useCallback(
    async (input: ProjectInput): Promise<Project> => {
      const project = await createProject(userId, input);
      await mutate((list) => list && { ...list, projects: [...list.projects, project] }, {
        revalidate: false,
      });
      return project;
    },
    [userId, mutate],
  );

  /** Name, colour, archived: shown at once; the server's answer (or the old state) follows. */
  const update = useCallback(
    async (project: Project, patch: Omit<ProjectPatch, "after" | "before">) => {
      await replace({ ...project, ...patch });
      try {
        await replace(await updateProject(userId, project.id, patch));
      } catch (error) {
        await replace(project);
        throw error;
      }
    },
    [userId, replace],
  );

  /** One place up or down among the projects shown (archived ones aside). */
  const move = useCallback(
    async (project: Project, direction: -1 | 1): Promise<number | null> => {
      const shown = projects.filter((p) => p.archived === project.archived);
      const at = shown.findIndex((p) => p.id === project.id);
      const neighbour = shown[at + direction];
      if (at < 0 || !neighbour) return null;
      const place = direction < 0 ? { before: neighbour.id } : { after: neighbour.id };
      await updateProject(userId, project.id, place);
      await mutate();
      return at + direction;
    },
    [userId, projects, mutate],
  );

  const commit = useCallback(
    async (id: string, keepalive = false) => {
      const job = pending.current.get(id);
      if (!job) return;
      pending.current.delete(id);
      window.clearTimeout(job.timer);
      try {
        await deleteProject(userId, id, job.tasks, { keepalive });
      } catch (error) {
        reportError(error, "Couldn't delete the project");
      } finally {
        setDeleting((s) => new Set([...s].filter((x) => x !== id)));
        // Its tasks moved to the Inbox or went with it: every list and count, not only these.
        await refreshAll();
      }
    },
    [userId, refreshAll],
  );

  /** Hides the project now and deletes it (its tasks moved or deleted) unless undone. */
  const remove = useCallback(
    (project: Project, tasks: ProjectDeleteTasks, onDone?: () => void) => {
      const timer = window.setTimeout(() => {
        void commit(project.id).then(onDone);
      }, UNDO_MS);
      pending.current.set(project.id, { tasks, timer });
      setDeleting((s) => new Set([...s, project.id]));
      const what = tasks === "delete" ? "and its tasks" : "(its tasks go to the Inbox)";
      toast(`Deleted “${project.name}” ${what}`, {
        duration: UNDO_MS,
        action: {
          label: "Undo",
          onClick: () => {
            window.clearTimeout(timer);
            pending.current.delete(project.id);
            setDeleting((s) => new Set([...s].filter((x) => x !== project.id)));
          },
        },
      });
    },
    [commit],
  );

  // Leaving the page sends the deletions still waiting (as task deletes do).
  useEffect(() => {
    const flush = () => {
      for (const id of [...pending.current.keys()]) void commit(id, true);
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [commit]);

  return {
    projects,
    inboxOpen: swr.data?.inbox.openTasks,
    isLoading: swr.isLoading,
    error: swr.error as unknown,
    create,
    update,
    move,
    remove,
    refresh: () => void mutate(),
  };
}

export type ProjectsState = ReturnType<typeof useProjects>;
