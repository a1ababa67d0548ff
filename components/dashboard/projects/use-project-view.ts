"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { TaskCounts } from "@/lib/tasks/model";
import type { QuickAddProject } from "../quick-add/understand";
import { defaultSortOf, type ListView, listTitle, type View } from "../view";
import type { NavTarget } from "./project-nav";
import { useProjects } from "./use-projects";

/**
 * The dashboard's side of projects: the sidebar's state and drawer, where it is (a list or a
 * project), the heading, what quick add may name, and going somewhere. Every move between a
 * list and a project takes that place's default sort (manual in projects), so a project's
 * order does not follow the user into All.
 */
export function useProjectView(
  userId: string,
  view: View,
  setView: (patch: Partial<View>) => void,
  counts: TaskCounts | null | undefined,
  /** The task list is being read again (after a change): its counts are not final yet. */
  listSettling: boolean,
) {
  const state = useProjects(userId);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { projects, isLoading, refresh } = state;

  const project =
    view.project && view.project !== "inbox"
      ? projects.find((p) => p.id === view.project)
      : undefined;
  const current: NavTarget = view.project ? { project: view.project } : { list: view.list };
  const title = view.project === "inbox" ? "Inbox" : (project?.name ?? listTitle[view.list]);

  // An address naming a project that is gone (deleted here or elsewhere, or never ours).
  const missing = Boolean(view.project && view.project !== "inbox" && !project);
  useEffect(() => {
    if (missing && !isLoading && !state.error) {
      setView({ project: "inbox", ...defaultSortOf({ project: "inbox" }) });
    }
  }, [missing, isLoading, state.error, setView]);

  // The open counts beside the projects follow the tasks: ask again when the list has been
  // read again (after a change reached the server) with a new open count. The optimistic
  // count changes first, before the server has the change: asking then reads the old counts.
  const open = counts?.active;
  const askedAt = useRef(open);
  const wasSettling = useRef(listSettling);
  useEffect(() => {
    const settled = wasSettling.current && !listSettling;
    wasSettling.current = listSettling;
    if (!settled || open === undefined || askedAt.current === open) return;
    // (The first count comes with the first page, as the projects' own first read does.)
    const first = askedAt.current === undefined;
    askedAt.current = open;
    if (!first) refresh();
  });

  const go = (target: NavTarget) => {
    if ("project" in target) {
      setView({ project: target.project, ...defaultSortOf({ project: target.project }) });
    } else goToList(target.list);
  };
  const goToList = (list: ListView) =>
    setView({ list, project: null, ...defaultSortOf({ project: null }) });

  const quickAddProjects = useMemo<QuickAddProject[]>(
    () => projects.filter((p) => !p.archived).map(({ id, name, color }) => ({ id, name, color })),
    [projects],
  );

  return {
    state,
    current,
    title,
    project,
    /** The project new tasks go to from quick add (none in the Inbox and the lists). */
    defaultProjectId: project?.id ?? null,
    quickAddProjects,
    drawerOpen,
    setDrawerOpen,
    go,
    goToList,
  };
}
