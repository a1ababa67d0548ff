"use client";

import { type ComponentProps, type ComponentType, lazy, Suspense } from "react";
import type { ConflictDialog } from "./conflict-dialog";
import type { DeleteAccountDialog } from "./delete-account-dialog";
import type { ShortcutsDialog } from "./shortcuts-dialog";

/*
 * The dashboard's dialogs load after the page: none is open at first, and with Radix's dialog
 * they are several kB of the first load. Each mounts only while open (Radix's focus scope gives
 * focus back when it unmounts), and preloadDialogs() fetches them while the page is idle, so
 * the first one opens without a wait.
 */
const loadShortcuts = () => import("./shortcuts-dialog");
const loadConflict = () => import("./conflict-dialog");
const loadDeleteAccount = () => import("./delete-account-dialog");

export function preloadDialogs(): void {
  void loadShortcuts();
  void loadConflict();
  void loadDeleteAccount();
}

/** A component loaded on first use, rendered only while `isOpen(props)`. */
function whileOpen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean,
) {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function WhileOpen(props: P) {
    if (!isOpen(props)) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}

export const LazyShortcutsDialog = whileOpen<ComponentProps<typeof ShortcutsDialog>>(
  async () => (await loadShortcuts()).ShortcutsDialog,
  (props) => props.open,
);

export const LazyConflictDialog = whileOpen<ComponentProps<typeof ConflictDialog>>(
  async () => (await loadConflict()).ConflictDialog,
  (props) => props.conflict !== null,
);

export const LazyDeleteAccountDialog = whileOpen<ComponentProps<typeof DeleteAccountDialog>>(
  async () => (await loadDeleteAccount()).DeleteAccountDialog,
  (props) => props.open,
);
