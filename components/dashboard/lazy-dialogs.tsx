"use client";

import { type ComponentProps, lazy, type ReactNode, Suspense } from "react";
import type { ConflictDialog } from "./conflict-dialog";
import type { DeleteAccountDialog } from "./delete-account-dialog";
import type { NotificationsDialog } from "./push/notifications-dialog";
import type { TimeZoneDialog } from "./settings/time-zone-dialog";
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
const loadNotifications = () => import("./push/notifications-dialog");
const loadTimeZone = () => import("./settings/time-zone-dialog");

export function preloadDialogs(): void {
  void loadShortcuts();
  void loadConflict();
  void loadDeleteAccount();
  void loadNotifications();
  void loadTimeZone();
}

const Shortcuts = lazy(async () => ({ default: (await loadShortcuts()).ShortcutsDialog }));
const Conflict = lazy(async () => ({ default: (await loadConflict()).ConflictDialog }));
const DeleteAccount = lazy(async () => ({
  default: (await loadDeleteAccount()).DeleteAccountDialog,
}));

const Notifications = lazy(async () => ({
  default: (await loadNotifications()).NotificationsDialog,
}));
const TimeZone = lazy(async () => ({ default: (await loadTimeZone()).TimeZoneDialog }));

/**
 * Its lazy child, mounted only while `open` (creating the element loads nothing). Also the
 * wrapper of the dialogs loaded on their own (trash/, calendar/, transfer/).
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

export function LazyDeleteAccountDialog(props: ComponentProps<typeof DeleteAccountDialog>) {
  return (
    <WhileOpen open={props.open}>
      <DeleteAccount {...props} />
    </WhileOpen>
  );
}

export function LazyNotificationsDialog(props: ComponentProps<typeof NotificationsDialog>) {
  return (
    <WhileOpen open={props.open}>
      <Notifications {...props} />
    </WhileOpen>
  );
}

export function LazyTimeZoneDialog(props: ComponentProps<typeof TimeZoneDialog>) {
  return (
    <WhileOpen open={props.open}>
      <TimeZone {...props} />
    </WhileOpen>
  );
}
