import { type Task, UPCOMING_DAYS } from "@/lib/tasks/model";
import { byPosition } from "./ordering/position";
import { collapsedParents } from "./subtasks/collapsed";
import { hasFilters, nestsSubtasks, type View } from "./view";
import { addDays, dayKey, formatDay } from "./zone";

/** A top-level row and the subtasks shown under it (in their manual order). */
export interface TaskNode {
  task: Task;
  subtasks: Task[];
}

/** A run of rows under one heading; `title` null for a plain list. */
export interface TaskGroup {
  key: string;
  title: string | null;
  /** Beside the title: the date of Today and Tomorrow in Upcoming. */
  subtitle?: string;
  /** The rows as shown, subtasks right after their parent (folded ones left out). */
  tasks: Task[];
  /** Where subtasks nest (All, the projects): the top-level rows, each with its subtasks. */
  nodes?: TaskNode[];
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
 * - All and the projects: open tasks, then "Completed" below them; one plain list in the
 *   Active/Completed tabs. Subtasks nest under their parent and go where it goes (see nest()).
 */
export function groupTasks(
  view: View,
  tasks: Task[],
  zone: string,
  now: Date,
  hasMore: boolean,
  collapsed: ReadonlySet<string> = collapsedParents(),
): TaskGroup[] {
  const today = dayKey(now, zone);
  const dayOf = (task: Task) => (task.dueAt ? dayKey(task.dueAt, zone) : today);

  if (nestsSubtasks(view)) return nestedGroups(view, tasks, hasMore, collapsed);

  if (view.list === "today") {
    const overdue = tasks.filter((t) => dayOf(t) < today);
    const due = tasks.filter((t) => dayOf(t) >= today);
    return [
      { key: "overdue", title: "Overdue", tasks: overdue, tone: "overdue" as const },
      { key: "today", title: "Today", subtitle: formatDay(today), tasks: due, day: today },
    ].filter((group) => group.tasks.length > 0);
  }

  // Upcoming.
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

/**
 * The top-level rows with their subtasks under them. A subtask whose parent is not loaded yet
 * waits for it while more pages can come; once none can (the parent is filtered out, or in
 * another tab), it stands on its own. In the manual order the rows sort by position, so a
 * move shows at once (the server's pages came in the old order).
 */
export function nest(tasks: Task[], view: Pick<View, "sort" | "order">, hasMore: boolean) {
  const loaded = new Set(tasks.map((t) => t.id));
  const children = new Map<string, Task[]>();
  const top: Task[] = [];
  for (const task of tasks) {
    if (task.parentId && loaded.has(task.parentId)) {
      const siblings = children.get(task.parentId);
      if (siblings) siblings.push(task);
      else children.set(task.parentId, [task]);
    } else if (!task.parentId || !hasMore) top.push(task);
  }
  if (view.sort === "manual") {
    top.sort(view.order === "desc" ? (a, b) => byPosition(b, a) : byPosition);
  }
  return top.map(
    (task): TaskNode => ({ task, subtasks: (children.get(task.id) ?? []).sort(byPosition) }),
  );
}

function groupOf(
  key: string,
  title: string | null,
  nodes: TaskNode[],
  collapsed: ReadonlySet<string>,
): TaskGroup {
  const tasks = nodes.flatMap((node) =>
    collapsed.has(node.task.id) ? [node.task] : [node.task, ...node.subtasks],
  );
  return { key, title, tasks, nodes };
}

function nestedGroups(
  view: View,
  tasks: Task[],
  hasMore: boolean,
  collapsed: ReadonlySet<string>,
): TaskGroup[] {
  const nodes = nest(tasks, view, hasMore);
  if (view.status !== "all") return [groupOf(view.status, null, nodes, collapsed)];
  const open = nodes.filter((n) => !n.task.completed);
  const done = nodes.filter((n) => n.task.completed);
  if (done.length === 0) return [groupOf("all", null, nodes, collapsed)];
  return [
    groupOf("open", null, open, collapsed),
    groupOf("completed", "Completed", done, collapsed),
  ].filter((group) => group.tasks.length > 0);
}

/** The rows in the order the groups show them (j/k, select all). */
export function orderedTasks(groups: TaskGroup[]): Task[] {
  return groups.flatMap((group) => group.tasks);
}
