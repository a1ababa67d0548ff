"use client";

import { useCallback, useRef } from "react";
import {
  ApiClientError,
  bulkTasks,
  createTask,
  getTask,
  setCompleted,
  skipOccurrence,
  snoozeReminder,
  updateTask,
} from "@/lib/api-client";
import { taskEtag } from "@/lib/tasks/etag";
import { BULK_IDS_MAX, type Task, type TaskInput } from "@/lib/tasks/model";
import {
  applyInput,
  countsDelta,
  mapTasks,
  matchesView,
  normalizeTags,
  type Pages,
  prependTask,
  removeTasks,
  updateCounts,
  withCompleted,
} from "./task-match";
import type { TaskCache } from "./use-task-cache";
import type { View } from "./view";

/** Another tab or device changed the task first; `current` is what the server holds now. */
export class EditConflictError extends Error {
  override name = "EditConflictError";
  constructor(readonly current: Task) {
    super("This task was changed somewhere else.");
  }
}

let tempSequence = 0;

/**
 * Adding, editing and completing tasks. Each change shows in the cache at once and is rolled
 * back, with the error thrown on to the caller, when the server refuses it.
 */
export function useTaskMutations(
  userId: string,
  view: View,
  { patch, refresh }: Pick<TaskCache, "patch" | "refresh">,
) {
  const viewRef = useRef(view);
  viewRef.current = view;

  const add = useCallback(
    async (input: TaskInput): Promise<Task> => {
      const now = new Date().toISOString();
      const temp: Task = applyInput(
        {
          id: `temp-${++tempSequence}`,
          title: "",
          description: null,
          completed: false,
          completedAt: null,
          priority: "none",
          dueAt: null,
          tags: [],
          repeat: null,
          reminders: [],
          nextReminderAt: null,
          nextOccurrenceId: null,
          projectId: null,
          parentId: null,
          // Last in its list until the server answers with the real position.
          position: String(Date.now() / 1000),
          subtasks: { total: 0, done: 0 },
          createdAt: now,
          updatedAt: now,
        },
        input,
      );
      const counted = matchesView(temp, { ...viewRef.current, status: "all" });
      const shown = matchesView(temp, viewRef.current);
      await patch((current) => {
        const next = shown ? prependTask(current, temp) : current;
        return counted ? updateCounts(next, (c) => countsDelta(c, temp, 1)) : next;
      });
      try {
        const task = await createTask(userId, { ...input, tags: normalizeTags(input.tags) });
        await patch((current) => mapTasks(current, (t) => (t.id === temp.id ? task : t)));
        refresh();
        return task;
      } catch (error) {
        await patch((current) => {
          const next = removeTasks(current, new Set([temp.id]));
          return counted ? updateCounts(next, (c) => countsDelta(c, temp, -1)) : next;
        });
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  const update = useCallback(
    async (task: Task, input: TaskInput): Promise<Task> => {
      const edited = applyInput(task, input);
      await patch((current) => mapTasks(current, (t) => (t.id === task.id ? edited : t)));
      try {
        const { task: saved } = await updateTask(userId, task.id, input, taskEtag(task.updatedAt));
        await patch((current) => mapTasks(current, (t) => (t.id === task.id ? saved : t)));
        refresh();
        return saved;
      } catch (error) {
        if (error instanceof ApiClientError && error.status === 412) {
          // Show what the server holds now instead of what we failed to write.
          const { task: current } = await getTask(userId, task.id);
          await patch((pages) => mapTasks(pages, (t) => (t.id === task.id ? current : t)));
          throw new EditConflictError(current);
        }
        await patch((current) => mapTasks(current, (t) => (t.id === task.id ? task : t)));
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  /**
   * Completes or reopens tasks. Answers the occurrences that completing repeating tasks created
   * (one task at a time; after a bulk completion the refresh shows them). `drop` names tasks to
   * take out of the list with the change: the occurrence a reopened task takes back (Undo).
   */
  const setDone = useCallback(
    async (tasks: Task[], completed: boolean, drop: string[] = []): Promise<Task[]> => {
      const changing = tasks.filter((t) => t.completed !== completed && !t.id.startsWith("temp-"));
      if (changing.length === 0) return [];
      const byId = new Map(changing.map((t) => [t.id, t]));
      const flip = (current: Pages, to: boolean) =>
        updateCounts(
          mapTasks(current, (t) => (byId.has(t.id) ? withCompleted(t, to) : t)),
          (c) => ({
            all: c.all,
            active: Math.max(0, c.active + (to ? -byId.size : byId.size)),
            completed: Math.max(0, c.completed + (to ? byId.size : -byId.size)),
          }),
        );
      await patch((current) => flip(current, completed));
      const created: Task[] = [];
      try {
        const [only] = changing;
        if (changing.length === 1 && only) {
          const { nextOccurrence, ...saved } = await setCompleted(userId, only.id, completed);
          const next = nextOccurrence && matchesView(nextOccurrence, viewRef.current);
          await patch((current) => {
            const updated = mapTasks(current, (t) => (t.id === saved.id ? saved : t));
            if (!next) return updated;
            return updateCounts(prependTask(updated, nextOccurrence), (c) =>
              countsDelta(c, nextOccurrence, 1),
            );
          });
          if (nextOccurrence) created.push(nextOccurrence);
        } else {
          const ids = [...byId.keys()];
          for (let i = 0; i < ids.length; i += BULK_IDS_MAX) {
            await bulkTasks(
              userId,
              completed ? "complete" : "uncomplete",
              ids.slice(i, i + BULK_IDS_MAX),
            );
          }
        }
        if (drop.length > 0) await patch((current) => removeTasks(current, new Set(drop)));
        refresh();
        return created;
      } catch (error) {
        await patch((current) =>
          updateCounts(
            mapTasks(current, (t) => byId.get(t.id) ?? t),
            (c) => ({
              all: c.all,
              active: c.active + (completed ? byId.size : -byId.size),
              completed: c.completed + (completed ? -byId.size : byId.size),
            }),
          ),
        );
        throw error;
      }
    },
    [patch, refresh, userId],
  );

  /** Moves an open occurrence of a repeating task to its next date; answers it moved. */
  const skip = useCallback(
    async (task: Task): Promise<Task> => {
      const moved = await skipOccurrence(userId, task.id);
      await patch((current) => mapTasks(current, (t) => (t.id === task.id ? moved : t)));
      refresh();
      return moved;
    },
    [patch, refresh, userId],
  );

  /** Reminds again in `minutes`. */
  const snooze = useCallback(
    async (taskId: string, minutes: number): Promise<void> => {
      const { nextReminderAt } = await snoozeReminder(userId, taskId, minutes);
      await patch((current) =>
        mapTasks(current, (t) => (t.id === taskId ? { ...t, nextReminderAt } : t)),
      );
    },
    [patch, userId],
  );

  return { add, update, setDone, skip, snooze };
}
