import { type Task, UPCOMING_DAYS } from "@/lib/tasks/model";
import { hasFilters, type View } from "./view";
import { addDays, dayKey, formatDay } from "./zone";

/** A run of rows under one heading; `title` null for a plain list. */
export interface TaskGroup {
  key: string;
  title: string | null;
  /** Beside the title: the date of Today and Tomorrow in Upcoming. */
  subtitle?: string;
  tasks: Task[];
  /** Upcoming: the day (YYYY-MM-DD) its tasks are due, which "Add" from there proposes. */
  day?: string;
  tone?: "overdue";
}

/**
 * How the list is split under headings, in the user's zone:
 * - Today: "Overdue" (due before today), then "Today".
 * - Upcoming: one group per day from today through UPCOMING_DAYS - 1, empty days included (not
 *   while a search or filter narrows the list); while more pages can load, only the days up to
 *   the last loaded task's (later ones are not known).
 * - All: open tasks, then "Completed" below them; one plain list in the Active/Completed tabs.
 */
export function groupTasks(
  view: View,
  tasks: Task[],
  zone: string,
  now: Date,
  hasMore: boolean,
): TaskGroup[] {
  const today = dayKey(now, zone);
  const dayOf = (task: Task) => (task.dueAt ? dayKey(task.dueAt, zone) : today);

  if (view.list === "today") {
    const overdue = tasks.filter((t) => dayOf(t) < today);
    const due = tasks.filter((t) => dayOf(t) >= today);
    return [
      { key: "overdue", title: "Overdue", tasks: overdue, tone: "overdue" as const },
      { key: "today", title: "Today", subtitle: formatDay(today), tasks: due, day: today },
    ].filter((group) => group.tasks.length > 0);
  }

  if (view.list === "upcoming") {
    const byDay = new Map<string, Task[]>();
    for (const task of tasks) {
      // (The server lists none before today; one due earlier counts as today's.)
      const day = [dayOf(task), today].sort()[1] ?? today;
      byDay.set(day, [...(byDay.get(day) ?? []), task]);
    }
    const last = tasks.length > 0 ? dayOf(tasks[tasks.length - 1] as Task) : today;
    // While searching or filtering, the days without a match are noise: only the others.
    const skipEmpty = hasFilters(view);
    const groups: TaskGroup[] = [];
    for (let i = 0; i < UPCOMING_DAYS; i++) {
      const day = addDays(today, i);
      if (hasMore && day > last) break;
      if (skipEmpty && !byDay.has(day)) continue;
      const named = i === 0 ? "Today" : i === 1 ? "Tomorrow" : null;
      groups.push({
        key: day,
        title: named ?? formatDay(day),
        subtitle: named ? formatDay(day) : undefined,
        tasks: byDay.get(day) ?? [],
        day,
      });
    }
    return groups;
  }

  if (view.status !== "all") return [{ key: view.status, title: null, tasks }];
  const open = tasks.filter((t) => !t.completed);
  const done = tasks.filter((t) => t.completed);
  if (done.length === 0) return [{ key: "all", title: null, tasks }];
  return [
    { key: "open", title: null, tasks: open },
    { key: "completed", title: "Completed", tasks: done },
  ].filter((group) => group.tasks.length > 0);
}

/** The rows in the order the groups show them (j/k, select all). */
export function orderedTasks(groups: TaskGroup[]): Task[] {
  return groups.flatMap((group) => group.tasks);
}
