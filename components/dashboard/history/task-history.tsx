"use client";

import { type RefObject, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronRightIcon } from "@/components/ui/icons";
import type { Task, TaskEvent } from "@/lib/tasks/model";
import { taskHistory } from "@/lib/trash-client";
import { hintClass } from "../form-parts";
import { useProjects } from "../projects/use-projects";
import { errorMessage } from "../report-error";
import { useUserId } from "../user-context";
import { eventLines, eventTime, type HistoryWords } from "./history-text";

/**
 * The foot of the task editor: what happened to the task, newest first, behind a "History"
 * disclosure closed at first. Nothing is read until it is first opened, so opening the editor
 * costs no request; once read, closing and opening it again shows the same entries.
 */
export function TaskHistory({ task }: { task: Task }) {
  const id = useId();
  const summaryRef = useRef<HTMLElement>(null);
  const [opened, setOpened] = useState(false);

  return (
    <details
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
      className="group/history border-t border-zinc-200 pt-2 dark:border-zinc-800"
    >
      <summary
        ref={summaryRef}
        id={`${id}-label`}
        className="-mx-1 inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-1.5 text-sm font-medium text-zinc-600 select-none hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:focus-visible:outline-blue-400 [&::-webkit-details-marker]:hidden"
      >
        <ChevronRightIcon
          width={14}
          height={14}
          className="transition-transform group-open/history:rotate-90 motion-reduce:transition-none"
        />
        History
      </summary>
      {opened && <HistoryPanel task={task} labelId={`${id}-label`} summaryRef={summaryRef} />}
    </details>
  );
}

function HistoryPanel({
  task,
  labelId,
  summaryRef,
}: {
  task: Task;
  labelId: string;
  /** Where focus goes when the Try again button it was on gives way to the loading line. */
  summaryRef: RefObject<HTMLElement | null>;
}) {
  const userId = useUserId();
  // The dashboard's own projects (one SWR cache): names for "Moved to Work", no extra request.
  const { projects, isLoading: projectsLoading } = useProjects(userId);
  // Not yet created (an optimistic row): it has no history to ask for.
  const unsaved = task.id.startsWith("temp-");
  const [events, setEvents] = useState<TaskEvent[] | null>(null);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setEvents(await taskHistory(userId, task.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [userId, task.id]);

  useEffect(() => {
    if (!unsaved) void load();
  }, [unsaved, load]);

  const words = useMemo<HistoryWords>(() => {
    const names = new Map(projects.map((p) => [p.id, p.name]));
    return { projectName: (projectId) => names.get(projectId), now: new Date() };
  }, [projects]);

  const body = unsaved ? (
    <p className={hintClass}>The history starts once the task is saved.</p>
  ) : error ? (
    <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <p className="text-sm text-red-700 dark:text-red-400">The history didn't load. {error}</p>
      <Button
        size="sm"
        onClick={() => {
          summaryRef.current?.focus();
          void load();
        }}
      >
        Try again
      </Button>
    </div>
  ) : events === null || projectsLoading ? (
    // Until the projects are known too, so that a move never reads as "a project that no
    // longer exists" for a moment.
    <p role="status" className={hintClass}>
      Loading history…
    </p>
  ) : events.length === 0 ? (
    <p className={hintClass}>Nothing has happened to this task yet.</p>
  ) : (
    <ol aria-labelledby={labelId} className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {events.map((event) => (
        <HistoryEntry key={event.id} event={event} words={words} />
      ))}
    </ol>
  );

  return <div className="mt-1 pb-1">{body}</div>;
}

function HistoryEntry({ event, words }: { event: TaskEvent; words: HistoryWords }) {
  const time = eventTime(event.at, words.now);
  return (
    <li className="flex flex-col gap-0.5 py-1.5 text-sm sm:flex-row sm:items-baseline sm:gap-3">
      <time
        dateTime={event.at}
        title={time.full}
        className="shrink-0 text-xs text-zinc-500 tabular-nums sm:w-36 dark:text-zinc-400"
      >
        {time.label}
      </time>
      <span className="min-w-0 text-zinc-800 dark:text-zinc-200">
        {/* Each of an entry's lines tells a different field, so none repeats. */}
        {eventLines(event, words).map((line) => (
          <span key={line} className="block break-words">
            {line}
          </span>
        ))}
      </span>
    </li>
  );
}
