"use client";

import { type ComponentProps, lazy, type ReactNode, Suspense } from "react";
import type { ConflictDialog } from "./conflict-dialog";
import type { ShortcutsDialog } from "./shortcuts-dialog";

/*
 * The dashboard's dialogs load after the page: none is open at first, and with Radix's dialog
 * they are several kB of the first load. Each mounts only while open (Radix's focus scope gives
 * focus back when it unmounts), and preloadDialogs() fetches them while the page is idle, so
 * the first one opens without a wait.
 */
const loadShortcuts = () => import("./shortcuts-dialog");
const loadConflict = () => import("./conflict-dialog");

export function preloadDialogs(): void {
  void loadShortcuts();
  void loadConflict();
}

const Shortcuts = lazy(async () => ({ default: (await loadShortcuts()).ShortcutsDialog }));
const Conflict = lazy(async () => ({ default: (await loadConflict()).ConflictDialog }));

/**
 * Its lazy child, mounted only while `open` (creating the element loads nothing). Also the
 * wrapper of the dialogs loaded on their own (account-dialogs.tsx, projects/, trash/,
 * calendar/, transfer/).
 */
export function WhileOpen({ open, children }: { open: boolean; children: ReactNode }) {
  return open ? <Suspense fallback={null}>{children}</Suspense> : null;
}

export function LazyShortcutsDialog(props: ComponentProps<typeof ShortcutsDialog>) {
  return (
    <WhileOpen open={props.open}>
      <Shortcuts {...props} />
    </WhileOpen>
  );
}

export function LazyConflictDialog(props: ComponentProps<typeof ConflictDialog>) {
  return (
    <WhileOpen open={props.conflict !== null}>
      <Conflict {...props} />
    </WhileOpen>
  );
}
