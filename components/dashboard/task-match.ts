import type { Task, TaskCounts, TaskInput, TaskList } from "@/lib/tasks/model";
import { dueMatches } from "./due";
import type { View } from "./view";

/**
 * Pure helpers behind the optimistic updates: does a task belong in the view, and the same
 * edits the server will make, applied to the cached pages at once.
 */

export function matchesView(task: Task, view: View, now = new Date()): boolean {
  if (view.project && (task.projectId ?? "inbox") !== view.project) return false;
  if (view.status === "active" && task.completed) return false;
  if (view.status === "completed" && !task.completed) return false;
  if (view.priority && task.priority !== view.priority) return false;
  if (view.tag && !task.tags.includes(view.tag)) return false;
  if (view.due && !dueMatches(view.due, task.dueAt, task.completed, now)) return false;
  const q = view.q.trim().toLowerCase();
  // As the server searches: the title, the description and the tags.
  const text = `${task.title}\n${task.description ?? ""}\n${task.tags.join(" ")}`;
  if (q && !text.toLowerCase().includes(q)) return false;
  return true;
}

/** Tags as the server stores them: trimmed, lower-cased, without duplicates. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** A task with a user's edits applied, as the server will return it. */
export function applyInput(task: Task, input: TaskInput): Task {
  return {
    ...task,
    title: input.title.trim(),
    description: input.description?.trim() ? input.description : null,
    priority: input.priority ?? "none",
    dueAt: input.dueAt ?? null,
    tags: normalizeTags(input.tags),
    repeat: input.repeat ?? null,
    reminders: input.reminders ?? [],
    // The server works the next reminder out; until it answers, keep what was known.
    nextReminderAt: input.reminders?.length ? task.nextReminderAt : null,
    // Omitted, a task stays where it is (as PUT leaves it).
    projectId: input.projectId === undefined ? task.projectId : input.projectId,
    parentId: input.parentId === undefined ? task.parentId : input.parentId,
  };
}

export function inputOf(task: Task): TaskInput {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    dueAt: task.dueAt,
    tags: task.tags,
    repeat: task.repeat,
    reminders: task.reminders,
    projectId: task.projectId,
    parentId: task.parentId,
  };
}

export function withCompleted(task: Task, completed: boolean, now = new Date()): Task {
  if (task.completed === completed) return task;
  return { ...task, completed, completedAt: completed ? now.toISOString() : null };
}

export type Pages = TaskList[];

export function mapTasks(pages: Pages, fn: (task: Task) => Task): Pages {
  return pages.map((page) => ({ ...page, tasks: page.tasks.map(fn) }));
}

export function removeTasks(pages: Pages, ids: ReadonlySet<string>): Pages {
  return pages.map((page) => ({ ...page, tasks: page.tasks.filter((t) => !ids.has(t.id)) }));
}

export function prependTask(pages: Pages, task: Task): Pages {
  const [first, ...rest] = pages;
  if (!first) return [{ tasks: [task], nextCursor: null, counts: countsDelta(zero, task, 1) }];
  return [{ ...first, tasks: [task, ...first.tasks] }, ...rest];
}

const zero: TaskCounts = { all: 0, active: 0, completed: 0 };

/** Counts with one task added (sign 1) or taken away (sign -1). */
export function countsDelta(counts: TaskCounts, task: Task, sign: 1 | -1): TaskCounts {
  return {
    all: Math.max(0, counts.all + sign),
    active: Math.max(0, counts.active + (task.completed ? 0 : sign)),
    completed: Math.max(0, counts.completed + (task.completed ? sign : 0)),
  };
}

/** A parent's subtask counts moved by `total` and `done` (a subtask added, removed, toggled). */
export function bumpSubtasks(pages: Pages, parentId: string, total: number, done: number): Pages {
  return mapTasks(pages, (t) =>
    t.id === parentId
      ? {
          ...t,
          subtasks: {
            total: Math.max(0, t.subtasks.total + total),
            done: Math.max(0, t.subtasks.done + done),
          },
        }
      : t,
  );
}

/** Adjusts the counts shown (kept on the first page) by a function. */
export function updateCounts(pages: Pages, fn: (counts: TaskCounts) => TaskCounts): Pages {
  const [first, ...rest] = pages;
  return first ? [{ ...first, counts: fn(first.counts) }, ...rest] : pages;
}
