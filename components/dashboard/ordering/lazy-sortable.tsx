"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { PlainNodes } from "../subtasks/task-node";
import { loadSortable } from "./load-sortable";
import type { SortableNodes } from "./sortable-nodes";

/*
 * Drag and drop (@dnd-kit, some 20 kB) is not in the first load: it loads where rows can be
 * reordered, and until it has, the rows show without their handles (Alt+↑/↓ works already).
 */
const Sortable = lazy(async () => ({ default: (await loadSortable()).SortableNodes }));

export function LazySortableNodes(props: ComponentProps<typeof SortableNodes>) {
  return (
    <Suspense fallback={<PlainNodes {...props} />}>
      <Sortable {...props} />
    </Suspense>
  );
}
