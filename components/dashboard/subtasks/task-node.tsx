"use client";

import type { CSSProperties, ReactNode, Ref } from "react";
import { SUBTASKS_MAX, type Task } from "@/lib/tasks/model";
import { LazyAddSubtaskField, LazyTaskEditor } from "../lazy-forms";
import { HandleSpace } from "../ordering/drag-handle";
import type { PlannedMove, SiblingList } from "../ordering/reorder";
import type { TaskNode } from "../task-groups";
import { TaskItem } from "../task-item";
import type { RowHandlers } from "../task-list";
import { applyInput } from "../task-match";
import type { SubtaskResult } from "./add-subtask";

/** What every row of the list is shown with, beyond its task. */
export interface RowContext {
  now: Date;
  rows: RowHandlers;
  /** Subtasks nest under their parents (All, the projects). */
  nests: boolean;
  collapsed: ReadonlySet<string>;
  /** Where they do not nest: the loaded tasks' titles, for a subtask's "in: Parent". */
  titles: ReadonlyMap<string, string> | null;
  /** The parent whose "Add subtask" field is open. */
  addingTo: string | null;
  onAddSubtask: (parent: Task) => void;
  onSubmitSubtask: (parent: Task, title: string) => Promise<SubtaskResult>;
  onCloseAddSubtask: () => void;
  onFold: (task: Task, folded: boolean) => void;
  onTag?: (tag: string) => void;
  /** The lists rows can be moved in (manual order), by task id; empty when none can. */
  lists: ReadonlyMap<string, SiblingList>;
  onMoveKey: (task: Task, delta: -1 | 1, target: EventTarget) => void;
  /** A drop (drag and drop) worked out as a move. */
  onDrop: (move: PlannedMove) => void;
}

/** dnd-kit's parts for a sortable row: the handle, and the hold on the row element. */
export interface SortableParts {
  handle: ReactNode;
  nodeRef: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging: boolean;
}

export const subtasksIdOf = (task: Task) => `subtasks-${task.id}`;

/** A task's row, or the editor in its place; `children` (its subtasks) nest under it. */
export function TaskRow({
  task,
  ctx,
  sortable,
  children,
}: {
  task: Task;
  ctx: RowContext;
  sortable?: SortableParts;
  children?: ReactNode;
}) {
  const { rows } = ctx;
  const { editing } = rows;
  if (editing?.id === task.id) {
    return (
      <>
        <LazyTaskEditor
          task={editing.draft ? applyInput(task, editing.draft) : task}
          onSave={rows.onSave}
          onCancel={() => rows.onCancelEdit(task)}
          onDelete={rows.onDelete}
          onSkip={rows.onSkip}
          onStopRepeating={rows.onStopRepeating}
        />
        {children && <li className="list-none">{children}</li>}
      </>
    );
  }
  const movable = ctx.lists.has(task.id);
  const canAdd =
    ctx.nests && !task.parentId && !task.completed && task.subtasks.total < SUBTASKS_MAX;
  return (
    <TaskItem
      task={task}
      now={ctx.now}
      selecting={rows.selecting}
      selected={rows.selected.has(task.id)}
      onToggle={rows.onToggle}
      onEdit={rows.onEdit}
      onDelete={rows.onDelete}
      onSelect={rows.onSelect}
      onFocusRow={rows.onFocusRow}
      onTag={ctx.onTag}
      parentTitle={!ctx.nests && task.parentId ? ctx.titles?.get(task.parentId) : null}
      folded={ctx.collapsed.has(task.id)}
      onFold={ctx.nests ? ctx.onFold : undefined}
      onAddSubtask={canAdd ? ctx.onAddSubtask : undefined}
      onMoveKey={movable ? ctx.onMoveKey : undefined}
      handle={sortable?.handle ?? (movable ? <HandleSpace /> : undefined)}
      nodeRef={sortable?.nodeRef}
      style={sortable?.style}
      dragging={sortable?.dragging}
      // The progress button controls the subtask list while there is one.
      subtasksId={children ? subtasksIdOf(task) : undefined}
    >
      {children}
    </TaskItem>
  );
}

/**
 * A top-level row and, nested under it, its subtasks (unless folded) and the "Add subtask"
 * field when open. `row` renders one row (plain, or sortable); `wrapSubtasks` puts the
 * subtask rows in their own sortable list.
 */
export function TaskNodeView({
  node,
  ctx,
  row = (task, children) => (
    <TaskRow key={task.id} task={task} ctx={ctx}>
      {children}
    </TaskRow>
  ),
  wrapSubtasks = (_, items) => items,
}: {
  node: TaskNode;
  ctx: RowContext;
  row?: (task: Task, children?: ReactNode) => ReactNode;
  wrapSubtasks?: (subtasks: Task[], items: ReactNode) => ReactNode;
}) {
  const { task, subtasks } = node;
  const shown = !ctx.collapsed.has(task.id) && subtasks.length > 0;
  const adding = ctx.addingTo === task.id;
  const children =
    shown || adding ? (
      <ul
        id={subtasksIdOf(task)}
        aria-label={`Subtasks of “${task.title}”`}
        className="ml-6 space-y-px border-l border-zinc-200 pl-1 sm:ml-8 dark:border-zinc-800"
      >
        {shown &&
          wrapSubtasks(
            subtasks,
            subtasks.map((subtask) => row(subtask)),
          )}
        {adding && (
          <LazyAddSubtaskField
            parent={task}
            onSubmit={ctx.onSubmitSubtask}
            onClose={ctx.onCloseAddSubtask}
          />
        )}
      </ul>
    ) : undefined;
  return row(task, children);
}

/** The nodes of a group without drag and drop (no manual order, or while it loads). */
export function PlainNodes({ nodes, ctx }: { nodes: TaskNode[]; ctx: RowContext }) {
  return nodes.map((node) => <TaskNodeView key={node.task.id} node={node} ctx={ctx} />);
}
