"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Task } from "@/lib/tasks/model";
import { preloadSortable } from "../ordering/load-sortable";
import { reorderScope, siblingLists } from "../ordering/reorder";
import { useReorder } from "../ordering/use-reorder";
import { reportError } from "../report-error";
import { emptyDraft, parseDraft } from "../task-draft";
import type { TaskGroup } from "../task-groups";
import type { RowHandlers } from "../task-list";
import type { TasksState } from "../use-tasks";
import { nestsSubtasks, type View } from "../view";
import type { SubtaskResult } from "./add-subtask";
import { collapsedParents, setCollapsed } from "./collapsed";
import type { RowContext } from "./task-node";

/** Back to the "Add subtask" button that opened the field, once the field is gone. */
function focusAddButton(parentId: string): void {
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`[data-task-id="${CSS.escape(parentId)}"] [data-add-subtask]`)
      ?.focus();
  });
}

/**
 * What the list's rows share beyond the dashboard's handlers: subtasks (folding, the inline
 * "Add subtask" field, the parent named in Today and Upcoming), tag filters, and the manual
 * order (which rows move, Alt+↑/↓, drops, and the live region's words).
 */
export function useRowContext({
  data,
  view,
  groups,
  rows,
  now,
  onTag,
}: {
  data: Pick<TasksState, "tasks" | "collapsed" | "add" | "move">;
  view: View;
  groups: TaskGroup[];
  rows: RowHandlers;
  now: Date;
  onTag?: (tag: string) => void;
}): { ctx: RowContext; message: string; sortable: boolean } {
  const nests = nestsSubtasks(view);
  const scope = useMemo(() => reorderScope(view, rows.selecting), [view, rows.selecting]);
  const lists = useMemo(() => siblingLists(groups, scope), [groups, scope]);
  const { message, onMoveKey, onDrop } = useReorder(data.move, lists);
  useEffect(() => {
    if (scope) preloadSortable();
  }, [scope]);

  const titles = useMemo(
    () => (nests ? null : new Map(data.tasks.map((t) => [t.id, t.title]))),
    [nests, data.tasks],
  );

  const [addingTo, setAddingTo] = useState<string | null>(null);
  const addingRef = useRef(addingTo);
  addingRef.current = addingTo;

  const onAddSubtask = useCallback((parent: Task) => {
    if (collapsedParents().has(parent.id)) setCollapsed(parent.id, false);
    setAddingTo(parent.id);
  }, []);

  const onCloseAddSubtask = useCallback(() => {
    const parentId = addingRef.current;
    setAddingTo(null);
    if (parentId) focusAddButton(parentId);
  }, []);

  const onFold = useCallback((task: Task, folded: boolean) => {
    setCollapsed(task.id, folded);
    if (folded && addingRef.current === task.id) setAddingTo(null);
  }, []);

  const { add } = data;
  const onSubmitSubtask = useCallback(
    async (parent: Task, title: string): Promise<SubtaskResult> => {
      const parsed = await parseDraft({ ...emptyDraft, title });
      if (!parsed.ok) return { ok: false, error: parsed.errors.title ?? "Check the title" };
      try {
        await add({ ...parsed.input, parentId: parent.id, projectId: parent.projectId });
        return { ok: true };
      } catch (error) {
        reportError(error, "Couldn't add the subtask");
        return { ok: false };
      }
    },
    [add],
  );

  const ctx = useMemo(
    (): RowContext => ({
      now,
      rows,
      nests,
      collapsed: data.collapsed,
      titles,
      addingTo,
      onAddSubtask,
      onSubmitSubtask,
      onCloseAddSubtask,
      onFold,
      onTag,
      lists,
      onMoveKey,
      onDrop,
    }),
    [
      now,
      rows,
      nests,
      data.collapsed,
      titles,
      addingTo,
      onAddSubtask,
      onSubmitSubtask,
      onCloseAddSubtask,
      onFold,
      onTag,
      lists,
      onMoveKey,
      onDrop,
    ],
  );
  return { ctx, message, sortable: lists.size > 0 };
}
