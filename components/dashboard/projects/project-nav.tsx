"use client";

import { type KeyboardEvent, type ReactNode, useId } from "react";
import {
  CalendarDayIcon,
  CalendarIcon,
  InboxIcon,
  ListChecksIcon,
  PlusIcon,
  TrashIcon,
} from "@/components/ui/icons";
import type { Project } from "@/lib/tasks/model";
import { LISTS, type ListView, listLabel } from "../view";
import { ColorDot } from "./colors";
import { type ProjectActions, ProjectMenu } from "./project-menu";

/** Where the sidebar can take you: a list (Today, Upcoming, All) or a project ("inbox", an id). */
export type NavTarget = { list: ListView } | { project: string };

const listIcons = { today: CalendarDayIcon, upcoming: CalendarIcon, all: ListChecksIcon };

const rowClass =
  "flex h-9 min-w-0 flex-1 items-center gap-2.5 rounded-lg px-2.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-blue-50 aria-[current=page]:font-medium aria-[current=page]:text-blue-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:aria-[current=page]:bg-blue-500/15 dark:aria-[current=page]:text-blue-200 dark:focus-visible:outline-blue-400";

function Count({ value }: { value: number | undefined }) {
  if (!value) return null;
  return (
    <span className="ml-auto text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
      {value}
      <span className="sr-only"> open</span>
    </span>
  );
}

/** One link: a real address (open in a new tab works), followed in place on a plain click. */
function NavLink({
  href,
  current,
  onFollow,
  onKeyDown,
  children,
}: {
  href: string;
  current: boolean;
  onFollow: () => void;
  onKeyDown?: (e: KeyboardEvent<HTMLAnchorElement>) => void;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      aria-current={current ? "page" : undefined}
      className={rowClass}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onFollow();
      }}
    >
      {children}
    </a>
  );
}

/**
 * The sidebar's contents: the lists with their open counts, the Inbox, the projects (colour,
 * name, open count, a menu; Alt+↑/↓ moves the focused one), and the archived ones folded away.
 */
export function ProjectNav({
  current,
  listCounts,
  inboxOpen,
  projects,
  actions,
  onSelect,
  onAddProject,
  onOpenTrash,
}: {
  current: NavTarget;
  listCounts: Partial<Record<ListView, number>>;
  inboxOpen: number | undefined;
  projects: Project[];
  actions: ProjectActions;
  onSelect: (target: NavTarget) => void;
  onAddProject: () => void;
  /** Opens the trash (a dialog: it is not a list of the dashboard). */
  onOpenTrash: () => void;
}) {
  const id = useId();
  const active = projects.filter((p) => !p.archived);
  const archived = projects.filter((p) => p.archived);
  const isCurrent = (target: NavTarget) =>
    "list" in target
      ? "list" in current && current.list === target.list
      : "project" in current && current.project === target.project;

  const projectRow = (project: Project, index: number, shown: Project[]) => (
    <li key={project.id} className="group/project flex items-center gap-0.5">
      <NavLink
        href={`/dashboard?project=${project.id}`}
        current={isCurrent({ project: project.id })}
        onFollow={() => onSelect({ project: project.id })}
        onKeyDown={(e) => {
          if (!e.altKey || project.archived) return;
          if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
          e.preventDefault();
          actions.onMove(project, e.key === "ArrowUp" ? -1 : 1);
        }}
      >
        <ColorDot color={project.color} />
        <span dir="auto" className="truncate">
          {project.name}
        </span>
        <Count value={project.openTasks} />
      </NavLink>
      <ProjectMenu
        project={project}
        first={index === 0}
        last={index === shown.length - 1}
        actions={actions}
      />
    </li>
  );

  return (
    <nav aria-label="Lists and projects" className="space-y-4 text-sm">
      <ul className="space-y-0.5">
        {LISTS.map((list) => {
          const Icon = listIcons[list];
          return (
            <li key={list} className="flex">
              <NavLink
                href={`/dashboard?view=${list}`}
                current={isCurrent({ list })}
                onFollow={() => onSelect({ list })}
              >
                <Icon width={16} height={16} className="shrink-0" />
                {listLabel[list]}
                <Count value={listCounts[list]} />
              </NavLink>
            </li>
          );
        })}
        <li className="flex">
          <NavLink
            href="/dashboard?project=inbox"
            current={isCurrent({ project: "inbox" })}
            onFollow={() => onSelect({ project: "inbox" })}
          >
            <InboxIcon width={16} height={16} className="shrink-0" />
            Inbox
            <Count value={inboxOpen} />
          </NavLink>
        </li>
      </ul>
      <section aria-labelledby={`${id}-projects`}>
        <div className="flex items-center justify-between pr-0.5 pl-2.5">
          <h2
            id={`${id}-projects`}
            className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            Projects
          </h2>
          <button
            type="button"
            onClick={onAddProject}
            aria-label="Add a project"
            title="Add a project"
            className="flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
          >
            <PlusIcon width={16} height={16} />
          </button>
        </div>
        {active.length === 0 ? (
          <p className="px-2.5 py-1 text-zinc-600 dark:text-zinc-400">
            Group tasks into projects: Work, Home, a trip…
          </p>
        ) : (
          <ul aria-labelledby={`${id}-projects`} className="mt-1 space-y-0.5">
            {active.map((p, i) => projectRow(p, i, active))}
          </ul>
        )}
      </section>
      {archived.length > 0 && (
        <details className="group/archived">
          <summary className="cursor-pointer rounded-lg px-2.5 py-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
            Archived ({archived.length})
          </summary>
          <ul className="mt-1 space-y-0.5">{archived.map((p, i) => projectRow(p, i, archived))}</ul>
        </details>
      )}
      <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <button
          type="button"
          onClick={onOpenTrash}
          aria-haspopup="dialog"
          className={`${rowClass} w-full`}
        >
          <TrashIcon width={16} height={16} className="shrink-0" />
          Trash
        </button>
      </div>
    </nav>
  );
}
