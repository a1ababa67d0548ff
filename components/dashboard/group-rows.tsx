"use client";

import { LazySortableNodes } from "./ordering/lazy-sortable";
import { PlainNodes, type RowContext, TaskRow } from "./subtasks/task-node";
import type { TaskGroup } from "./task-groups";

/**
 * A group's rows: nested under their parents (with drag handles in the manual order), or flat.
 * The rows' code (the row, its subtasks' parts, the repeat summary) is a module of its own,
 * loaded by task-list.tsx alongside the list's first page.
 */
export function GroupRows({
  group,
  ctx,
  sortable,
}: {
  group: TaskGroup;
  ctx: RowContext;
  sortable: boolean;
}) {
  if (!group.nodes)
    return group.tasks.map((task) => <TaskRow key={task.id} task={task} ctx={ctx} />);
  return sortable ? (
    <LazySortableNodes nodes={group.nodes} ctx={ctx} />
  ) : (
    <PlainNodes nodes={group.nodes} ctx={ctx} />
  );
}
