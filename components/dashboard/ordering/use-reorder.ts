"use client";

import { useCallback, useRef, useState } from "react";
import type { Task } from "@/lib/tasks/model";
import { reportError } from "../report-error";
import type { TasksState } from "../use-tasks";
import { keepFocusThroughMove } from "./keep-focus";
import { endText, movedText, type PlannedMove, type SiblingList, stepMove } from "./reorder";

/**
 * Moves in the manual order, from a drop or from Alt+↑/↓ on a focused row. A keyboard move is
 * said in a polite live region ("Moved “Buy milk” to position 3 of 7"); a drag is announced
 * by dnd-kit. Both callbacks are stable (every memoized row has them).
 */
export function useReorder(move: TasksState["move"], lists: ReadonlyMap<string, SiblingList>) {
  const listsRef = useRef(lists);
  listsRef.current = lists;
  const [message, setMessage] = useState("");
  // The same words twice in a row are read out again: a live region only speaks changes.
  const say = useCallback((text: string) => {
    setMessage((current) => (current === text ? `${text}\u00a0` : text));
  }, []);

  const onDrop = useCallback(
    (planned: PlannedMove) => {
      move(planned.task, planned.target).catch((error) =>
        reportError(error, "Couldn't move the task"),
      );
    },
    [move],
  );

  const onMoveKey = useCallback(
    (task: Task, delta: -1 | 1, target: EventTarget) => {
      const list = listsRef.current.get(task.id);
      if (!list) return;
      const planned = stepMove(list, task.id, delta);
      if (!planned) {
        say(endText(task, delta));
        return;
      }
      keepFocusThroughMove(task.id, target);
      say(movedText(planned));
      onDrop(planned);
    },
    [onDrop, say],
  );

  return { message, onMoveKey, onDrop };
}
