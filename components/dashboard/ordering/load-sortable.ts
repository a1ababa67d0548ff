/**
 * The loader of drag and drop (sortable-nodes.tsx) on its own: the list's hooks, in the first
 * load, preload it where rows can be reordered, and importing lazy-sortable.tsx for that would
 * bring the rows' code (subtasks/task-node.tsx and the row), which loads after the page, with it.
 */
export const loadSortable = () => import("./sortable-nodes");

export function preloadSortable(): void {
  void loadSortable();
}
