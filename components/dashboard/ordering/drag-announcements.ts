import type { Task } from "@/lib/tasks/model";
import { dropMove, movedText, placeText, type SiblingList } from "./reorder";

// Only the drag and drop code (sortable-nodes.tsx) uses these: they load with it, after the page.

/** What screen readers hear while a task is dragged (dnd-kit's announcements). */
export function dragAnnouncements(lists: ReadonlyMap<string, SiblingList>) {
  const where = (id: string | number) => {
    const list = lists.get(String(id));
    const index = list?.tasks.findIndex((t) => t.id === String(id)) ?? -1;
    return list && index !== -1 ? { task: list.tasks[index] as Task, index, list } : null;
  };
  const title = (id: string | number) => `“${where(id)?.task.title ?? "the task"}”`;
  const place = (id: string | number) => {
    const found = where(id);
    return found ? placeText(found.index, found.list.tasks.length) : "";
  };
  // Over its own place right after the pick-up: nothing new to say (it would drown "Picked up").
  let moved = false;
  return {
    onDragStart: ({ active }: { active: { id: string | number } }) => {
      moved = false;
      return `Picked up ${title(active.id)}, at ${place(active.id)}.`;
    },
    onDragOver: ({
      active,
      over,
    }: {
      active: { id: string | number };
      over: { id: string | number } | null;
    }) => {
      if (!over || (!moved && over.id === active.id)) return undefined;
      moved = true;
      return `${title(active.id)} is over ${place(over.id)}.`;
    },
    onDragEnd: ({
      active,
      over,
    }: {
      active: { id: string | number };
      over: { id: string | number } | null;
    }) => {
      const move = dropMove(
        lists.get(String(active.id)),
        String(active.id),
        over && String(over.id),
      );
      return move ? `${movedText(move)}.` : `${title(active.id)} stays at ${place(active.id)}.`;
    },
    onDragCancel: ({ active }: { active: { id: string | number } }) =>
      `Reordering cancelled. ${title(active.id)} is back at ${place(active.id)}.`,
  };
}

export const reorderInstructions =
  "To reorder, press Space or Enter on the handle to pick the task up, the up and down arrow keys to move it, Space or Enter to drop it, or Escape to cancel. Alt with the up or down arrow moves a focused task one place.";
