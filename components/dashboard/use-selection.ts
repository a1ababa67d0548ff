"use client";

import { useCallback, useState } from "react";
import type { Task } from "@/lib/tasks/model";

/** Select mode: whether it is on, and which of the listed tasks are picked. */
export function useSelection(tasks: Task[]) {
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const stop = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  // Stable: it is passed to every (memoized) row.
  const onSelect = useCallback((task: Task, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(task.id);
      else next.delete(task.id);
      return next;
    });
  }, []);

  return {
    selecting,
    selected,
    selectedTasks: tasks.filter((t) => selected.has(t.id)),
    toggleSelecting: () => (selecting ? stop() : setSelecting(true)),
    selectAll: (on: boolean) => setSelected(on ? new Set(tasks.map((t) => t.id)) : new Set()),
    onSelect,
    /** Forgets tasks that are leaving the list. */
    drop: (ids: ReadonlySet<string>) =>
      setSelected((s) => new Set([...s].filter((id) => !ids.has(id)))),
    stop,
  };
}
