"use client";

import { type RefObject, useCallback, useRef } from "react";
import { moveTask } from "@/lib/projects-client";
import type { Task } from "@/lib/tasks/model";
import { mapTasks } from "../task-match";
import type { TaskCache } from "../use-task-cache";
import { byPosition, positionBetween } from "./position";

/** Where a move puts a task: right after or right before a task of its own list. */
export type MoveTarget = { after: Task } | { before: Task };

/** Same list as the server reckons it: the same project (or the Inbox) and the same parent. */
function sameList(a: Task, b: Task): boolean {
  return a.projectId === b.projectId && a.parentId === b.parentId;
}

/**
 * The position the server will give the task, worked out from the loaded rows: the midpoint
 * between the anchor and its neighbour on that side (rows not loaded yet may sit between them
 * on the server; the answer corrects the guess).
 */
export function plannedPosition(task: Task, target: MoveTarget, tasks: readonly Task[]): string {
  const anchor = "after" in target ? target.after : target.before;
  const siblings = tasks.filter((t) => t.id !== task.id && sameList(t, anchor)).sort(byPosition);
  const at = siblings.findIndex((t) => t.id === anchor.id);
  if ("after" in target)
    return positionBetween(anchor.position, siblings[at + 1]?.position ?? null);
  return positionBetween(siblings[at - 1]?.position ?? null, anchor.position);
}

/**
 * Moves in the manual order: each is one request, shown at once with the position it will get
 * and replaced by the server's answer. Moves go out one after another, so the server applies
 * them in the order they were made (two in flight could arrive the other way round).
 */
export function useTaskMove(
  userId: string,
  { patch, refresh }: Pick<TaskCache, "patch" | "refresh">,
  tasks: RefObject<readonly Task[]>,
) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The latest move of each task: an older one's answer must not undo a newer guess.
  const latest = useRef(new Map<string, number>());
  const sequence = useRef(0);

  return useCallback(
    (task: Task, target: MoveTarget): Promise<Task> => {
      const turn = ++sequence.current;
      latest.current.set(task.id, turn);
      const position = plannedPosition(task, target, tasks.current);
      const setPosition = (fn: (t: Task) => Task) =>
        patch((pages) => mapTasks(pages, (t) => (t.id === task.id ? fn(t) : t)));
      void setPosition((t) => ({ ...t, position }));
      const send = async () => {
        const move = "after" in target ? { after: target.after.id } : { before: target.before.id };
        try {
          const saved = await moveTask(userId, task.id, move);
          if (latest.current.get(task.id) === turn) await setPosition(() => saved);
          return saved;
        } catch (error) {
          if (latest.current.get(task.id) === turn) {
            await setPosition((t) => ({ ...t, position: task.position }));
          }
          // The order another tab made, or that this one could not: read it again.
          refresh();
          throw error;
        } finally {
          if (latest.current.get(task.id) === turn) latest.current.delete(task.id);
        }
      };
      const result = queue.current.then(send);
      queue.current = result.catch(() => {});
      return result;
    },
    [patch, refresh, tasks, userId],
  );
}
