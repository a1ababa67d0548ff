"use client";

import { type ComponentProps, lazy, Suspense } from "react";
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

const Shortcuts = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsDialog })));
const Conflict = lazy(() => loadConflict().then((m) => ({ default: m.ConflictDialog })));
const DeleteAccount = lazy(() =>
  loadDeleteAccount().then((m) => ({ default: m.DeleteAccountDialog })),
);

export function preloadDialogs(): void {
  void loadShortcuts();
  void loadConflict();
  void loadDeleteAccount();
}

export function LazyShortcutsDialog(props: ComponentProps<typeof ShortcutsDialog>) {
  return props.open ? (
    <Suspense fallback={null}>
      <Shortcuts {...props} />
    </Suspense>
  ) : null;
}

export function LazyConflictDialog(props: ComponentProps<typeof ConflictDialog>) {
  return props.conflict ? (
    <Suspense fallback={null}>
      <Conflict {...props} />
    </Suspense>
  ) : null;
}

export function LazyDeleteAccountDialog(props: ComponentProps<typeof DeleteAccountDialog>) {
  return props.open ? (
    <Suspense fallback={null}>
      <DeleteAccount {...props} />
    </Suspense>
  ) : null;
}
