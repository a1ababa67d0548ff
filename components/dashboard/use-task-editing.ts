"use client";

import { useCallback, useState } from "react";
import type { Task, TaskInput } from "@/lib/tasks/model";
import type { Conflict } from "./conflict-dialog";
import { reportError } from "./report-error";
import { focusTask } from "./use-task-focus";
import { EditConflictError } from "./use-task-mutations";
import type { TasksState } from "./use-tasks";

/** The task open in the inline editor; `draft` refills it with an edit that was not saved. */
export interface Editing {
  id: string;
  draft?: TaskInput;
}

/**
 * The inline editor and what follows a save: the editor closes at once, and reopens with the
 * user's text if the save fails, or the conflict dialog opens if someone else saved first.
 */
export function useTaskEditing(update: TasksState["update"]) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // Stable: it is passed to every (memoized) row.
  const edit = useCallback((task: Task) => setEditing({ id: task.id }), []);

  const cancel = (task: Task) => {
    setEditing(null);
    focusTask(task.id);
  };

  const save = (task: Task, input: TaskInput) => {
    setEditing(null);
    focusTask(task.id);
    update(task, input).catch((error) => {
      if (error instanceof EditConflictError) {
        setConflict({ current: error.current, mine: input });
        return;
      }
      reportError(error, "Couldn't save your changes");
      // Reopen with what they typed, so nothing is lost.
      setEditing({ id: task.id, draft: input });
    });
  };

  return {
    editing,
    conflict,
    edit,
    cancel,
    save,
    /** Closes the editor if its task is leaving the list. */
    closeFor: (ids: ReadonlySet<string>) => {
      setEditing((current) => (current && ids.has(current.id) ? null : current));
    },
    keepCurrent: () => setConflict(null),
    editAgain: (c: Conflict) => {
      setConflict(null);
      setEditing({ id: c.current.id, draft: c.mine });
    },
    /** Saves the refused edit again, now over the version the user has seen. */
    overwrite: (c: Conflict) => {
      setConflict(null);
      save(c.current, c.mine);
    },
  };
}
