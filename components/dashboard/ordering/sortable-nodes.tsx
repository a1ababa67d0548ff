"use client";

import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  useDndContext,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS as DndCss } from "@dnd-kit/utilities";
import { type ReactNode, useId, useMemo } from "react";
import type { Task } from "@/lib/tasks/model";
import { type RowContext, TaskNodeView, TaskRow } from "../subtasks/task-node";
import type { TaskNode } from "../task-groups";
import { dragAnnouncements, reorderInstructions } from "./drag-announcements";
import { DragHandle } from "./drag-handle";
import { keepFocusThroughMove } from "./keep-focus";
import { dropMove, type SiblingList } from "./reorder";

/*
 * Drag and drop for the manual order (@dnd-kit), loaded only where rows can be reordered
 * (lazy-sortable.tsx). One DndContext per group: its top-level rows are one sortable list and
 * each parent's subtasks another; a row goes only among its own siblings.
 */

/** Rows move up and down, never sideways. */
const vertical: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/** Only the dragged row's siblings are places to drop it. */
const amongSiblings: CollisionDetection = (args) => {
  const list = args.active.data.current?.list;
  return closestCenter({
    ...args,
    droppableContainers: args.droppableContainers.filter((c) => c.data.current?.list === list),
  });
};

function SortableRow({
  task,
  list,
  ctx,
  children,
}: {
  task: Task;
  list: SiblingList;
  ctx: RowContext;
  children?: ReactNode;
}) {
  // While a row of another list is dragged, this one is no place to drop it (the keyboard's
  // next place is looked for among the enabled ones).
  const activeList: unknown = useDndContext().active?.data.current?.list;
  const sortable = useSortable({
    id: task.id,
    data: { list: list.key },
    disabled: { draggable: false, droppable: activeList != null && activeList !== list.key },
  });
  const { attributes, listeners, setActivatorNodeRef, transform, transition } = sortable;
  return (
    <TaskRow
      task={task}
      ctx={ctx}
      sortable={{
        handle: (
          <DragHandle ref={setActivatorNodeRef} title={task.title} {...attributes} {...listeners} />
        ),
        nodeRef: sortable.setNodeRef,
        style: { transform: DndCss.Translate.toString(transform), transition },
        dragging: sortable.isDragging,
      }}
    >
      {children}
    </TaskRow>
  );
}

/** A group's rows with drag handles: drop one among its siblings to move it there. */
export function SortableNodes({ nodes, ctx }: { nodes: TaskNode[]; ctx: RowContext }) {
  const id = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const { lists, rows } = ctx;
  const announcements = useMemo(() => dragAnnouncements(lists), [lists]);
  // A row open in the editor is no sortable row (the editor is in its place).
  const movable = (task: Task) => rows.editing?.id !== task.id && lists.has(task.id);
  const idsOf = (tasks: Task[]) => tasks.filter(movable).map((t) => t.id);

  const row = (task: Task, children?: ReactNode) => {
    const list = lists.get(task.id);
    return list && movable(task) ? (
      <SortableRow key={task.id} task={task} list={list} ctx={ctx}>
        {children}
      </SortableRow>
    ) : (
      <TaskRow key={task.id} task={task} ctx={ctx}>
        {children}
      </TaskRow>
    );
  };

  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={amongSiblings}
      modifiers={[vertical]}
      accessibility={{
        // Its live region and instructions go to the body: a list holds only list items.
        container: document.body,
        announcements,
        screenReaderInstructions: { draggable: reorderInstructions },
      }}
      onDragEnd={({ active, over, activatorEvent }) => {
        const taskId = String(active.id);
        const move = dropMove(lists.get(taskId), taskId, over ? String(over.id) : null);
        if (!move) return;
        // Dropped by keyboard: focus stays on the handle it was picked up with.
        if (activatorEvent instanceof KeyboardEvent) {
          keepFocusThroughMove(taskId, activatorEvent.target);
        }
        ctx.onDrop(move);
      }}
    >
      <SortableContext
        items={idsOf(nodes.map((n) => n.task))}
        strategy={verticalListSortingStrategy}
      >
        {nodes.map((node) => (
          <TaskNodeView
            key={node.task.id}
            node={node}
            ctx={ctx}
            row={row}
            wrapSubtasks={(subtasks, items) => (
              <SortableContext items={idsOf(subtasks)} strategy={verticalListSortingStrategy}>
                {items}
              </SortableContext>
            )}
          />
        ))}
      </SortableContext>
    </DndContext>
  );
}
