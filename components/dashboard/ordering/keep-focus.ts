"use client";

import { type Ref, useCallback, useEffect, useRef } from "react";
import { refocusIfMoved } from "../use-task-focus";

/**
 * Focus through a keyboard move (Alt+↑/↓). Reordering a list can take the moved row out of the
 * document and put it back (React moves whichever rows it must), which drops the focus on the
 * floor: the row takes it back once it shows its new position.
 */

let moving: { id: string; selector: string; until: number } | null = null;

/** Before moving a task by keyboard: where focus is in its row, to be given back after. */
export function keepFocusThroughMove(taskId: string, target: EventTarget | null): void {
  const selector =
    target instanceof HTMLElement && target.hasAttribute("data-drag-handle")
      ? "[data-drag-handle]"
      : "[data-task-title]";
  moving = { id: taskId, selector, until: Date.now() + 3_000 };
}

/** After a row rendered a new position: focus comes back to it if the move dropped it. */
function refocusAfterMove(row: HTMLElement | null, taskId: string): void {
  if (!row || !moving || moving.id !== taskId) return;
  const { selector, until } = moving;
  moving = null;
  if (Date.now() > until) return;
  const active = document.activeElement;
  // Still on the row (React moved the others), or the user went elsewhere meanwhile.
  if (active && active !== document.body) return;
  row.querySelector<HTMLElement>(`:scope > div ${selector}`)?.focus();
}

/**
 * A row's element, shared with dnd-kit's `nodeRef` when it is sortable, and the focus that
 * follows the row: back onto it when it moved to another group (a new element) or to a new
 * place by keyboard.
 */
export function useRowElement(
  taskId: string,
  position: string,
  nodeRef: Ref<HTMLLIElement> | undefined,
) {
  const row = useRef<HTMLLIElement | null>(null);
  const setRow = useCallback(
    (el: HTMLLIElement | null) => {
      row.current = el;
      if (typeof nodeRef === "function") nodeRef(el);
      else if (nodeRef) nodeRef.current = el;
    },
    [nodeRef],
  );
  useEffect(() => {
    if (row.current) refocusIfMoved(row.current, taskId);
  }, [taskId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the position changes.
  useEffect(() => refocusAfterMove(row.current, taskId), [taskId, position]);
  return setRow;
}
