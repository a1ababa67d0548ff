"use client";

import { useSyncExternalStore } from "react";

/**
 * Which parents have their subtasks folded away, remembered for the browser session (a reload
 * keeps it, a new tab starts with every parent open). Module state, not React state: the list
 * is grouped outside the component tree (task-groups.ts) and reads it there too.
 */

const KEY = "doable-collapsed";
/** Enough for any list; the oldest are forgotten first. */
const REMEMBERED_MAX = 500;
const none: ReadonlySet<string> = new Set();

let collapsed: ReadonlySet<string> = none;
let read = false;
const listeners = new Set<() => void>();

export function collapsedParents(): ReadonlySet<string> {
  if (!read && typeof window !== "undefined") {
    read = true;
    try {
      const saved: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? "[]");
      if (Array.isArray(saved)) {
        collapsed = new Set(saved.filter((id): id is string => typeof id === "string"));
      }
    } catch {
      // Storage refused (private mode) or garbled: start with every parent open.
    }
  }
  return collapsed;
}

export function setCollapsed(parentId: string, folded: boolean): void {
  const next = new Set(collapsedParents());
  if (folded) next.add(parentId);
  else next.delete(parentId);
  collapsed = next;
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify([...next].slice(-REMEMBERED_MAX)));
  } catch {
    // Not remembered past this page; it still works.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The folded parents, re-rendering when one is folded or unfolded. */
export function useCollapsedParents(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, collapsedParents, () => none);
}
