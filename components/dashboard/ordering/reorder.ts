import type { Task } from "@/lib/tasks/model";
import type { TaskGroup } from "../task-groups";
import { hasFilters, nestsSubtasks, type View } from "../view";
import type { MoveTarget } from "./use-task-move";

/**
 * The manual order as the list offers it: which rows can be moved by hand, their sibling
 * lists as shown, and the move (and its announcement) that a drop or Alt+↑/↓ makes. Pure, so
 * the dnd-kit wrapper, the keyboard and the tests share it.
 */

/** What can be reordered: top-level rows, subtasks within their parent, or nothing (null). */
export interface ReorderScope {
  top: boolean;
  subtasks: boolean;
  /** The top-level rows show the manual order backwards (view.order "desc"). */
  descending: boolean;
}

/**
 * Rows move by hand only in the manual order, with nothing narrowing the list (a move among
 * the matches of a search would land among rows not shown) and outside select mode. In All,
 * top-level rows of different projects sit side by side, and a move next to a task of another
 * project would send it there: only subtasks move in All; top-level rows move in a project's
 * own view (and the Inbox).
 */
export function reorderScope(view: View, selecting: boolean): ReorderScope | null {
  if (view.sort !== "manual" || hasFilters(view) || selecting || !nestsSubtasks(view)) return null;
  return { top: view.project !== null, subtasks: true, descending: view.order === "desc" };
}

/** A task not saved yet (its id is the client's): it can neither move nor be moved next to. */
export const isSaving = (task: Task): boolean => task.id.startsWith("temp-");

/** One list of siblings, as shown: a group's top-level rows, or a parent's subtasks. */
export interface SiblingList {
  key: string;
  tasks: Task[];
  descending: boolean;
}

/** Every list the scope lets rows move in, and which list each movable task is in. */
export function siblingLists(
  groups: readonly TaskGroup[],
  scope: ReorderScope | null,
): Map<string, SiblingList> {
  const byTask = new Map<string, SiblingList>();
  if (!scope) return byTask;
  const add = (list: SiblingList) => {
    for (const task of list.tasks) byTask.set(task.id, list);
  };
  for (const group of groups) {
    for (const node of group.nodes ?? []) {
      if (scope.subtasks && node.subtasks.length > 0) {
        add({
          key: `${group.key}:${node.task.id}`,
          tasks: node.subtasks.filter((t) => !isSaving(t)),
          descending: false,
        });
      }
    }
    if (scope.top && group.nodes) {
      add({
        key: group.key,
        tasks: group.nodes.map((n) => n.task).filter((t) => !isSaving(t)),
        descending: scope.descending,
      });
    }
  }
  return byTask;
}

/** A move worked out: the task, where the server should put it, and where it lands as shown. */
export interface PlannedMove {
  task: Task;
  target: MoveTarget;
  /** Its place as shown, from 0, and how many siblings there are. */
  index: number;
  count: number;
}

/**
 * The task at `from` shown at `to` instead (the others keep their order): the move that puts
 * it there, right after the sibling that ends up shown before it, or right before the one
 * shown after it when it becomes first. The server's "after" means a higher position, so in a
 * list shown backwards (descending) the two swap.
 */
export function moveBetween(
  siblings: readonly Task[],
  from: number,
  to: number,
  descending = false,
): PlannedMove | null {
  const task = siblings[from];
  if (!task || from === to || to < 0 || to >= siblings.length) return null;
  const order = siblings.filter((_, i) => i !== from);
  order.splice(to, 0, task);
  const previous = order[to - 1];
  const next = order[to + 1];
  let target: MoveTarget;
  if (previous) target = descending ? { before: previous } : { after: previous };
  else if (next) target = descending ? { after: next } : { before: next };
  else return null;
  return { task, target, index: to, count: siblings.length };
}

/** A drop of `activeId` on `overId` (dnd-kit's ids): it takes the place of the one it is over. */
export function dropMove(
  list: SiblingList | undefined,
  activeId: string,
  overId: string | null,
): PlannedMove | null {
  if (!list || overId === null || overId === activeId) return null;
  const from = list.tasks.findIndex((t) => t.id === activeId);
  const to = list.tasks.findIndex((t) => t.id === overId);
  if (from === -1 || to === -1) return null;
  return moveBetween(list.tasks, from, to, list.descending);
}

/** Alt+↑ (-1) or Alt+↓ (1): one place up or down among its siblings; null at either end. */
export function stepMove(
  list: SiblingList | undefined,
  taskId: string,
  delta: -1 | 1,
): PlannedMove | null {
  if (!list) return null;
  const from = list.tasks.findIndex((t) => t.id === taskId);
  if (from === -1) return null;
  return moveBetween(list.tasks, from, from + delta, list.descending);
}

/** "position 3 of 7" for the task's place in its list, from 0. */
export function placeText(index: number, count: number): string {
  return `position ${index + 1} of ${count}`;
}

export function movedText(move: PlannedMove): string {
  return `Moved “${move.task.title}” to ${placeText(move.index, move.count)}`;
}

/** What a keyboard move that cannot go further says instead. */
export function endText(task: Task, delta: -1 | 1): string {
  return `“${task.title}” is already ${delta === -1 ? "first" : "last"}`;
}

/** Alt+↑ is -1, Alt+↓ is 1; any other key (or other modifiers with Alt) is null. */
export function altArrowDelta(e: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): -1 | 1 | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  return e.key === "ArrowUp" ? -1 : e.key === "ArrowDown" ? 1 : null;
}
