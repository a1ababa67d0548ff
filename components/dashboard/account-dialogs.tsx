"use client";

import { lazy } from "react";
import type { AccountDialog, AccountUser } from "./account-menu";
import { LazyCalendarFeedDialog } from "./calendar/lazy-calendar-feed-dialog";
import { WhileOpen } from "./lazy-dialogs";
import type { UserSettings } from "./settings/user-settings";
import { LazyImportDialog } from "./transfer/lazy-import-dialog";

/*
 * The dialogs the account menu opens, loaded after the page as one module (account-menu.tsx
 * mounts it while one of them is open), so that their loaders are not in the first load either.
 * Each dialog is a module of its own again, mounted only while open; preloadAccountDialogs()
 * fetches this module and the three small ones while the page is idle. Import and the calendar
 * feed are fetched when the menu opens (account-panel.tsx).
 */
const loadDeleteAccount = () => import("./delete-account-dialog");
const loadNotifications = () => import("./push/notifications-dialog");
const loadTimeZone = () => import("./settings/time-zone-dialog");

export function preloadSmallAccountDialogs(): void {
  void loadDeleteAccount();
  void loadNotifications();
  void loadTimeZone();
}

const DeleteAccount = lazy(async () => ({
  default: (await loadDeleteAccount()).DeleteAccountDialog,
}));
const Notifications = lazy(async () => ({
  default: (await loadNotifications()).NotificationsDialog,
}));
const TimeZone = lazy(async () => ({ default: (await loadTimeZone()).TimeZoneDialog }));

export function AccountDialogs({
  user,
  settings,
  onSettingsChange,
  dialog,
  onDialogChange,
}: {
  user: AccountUser;
  settings: UserSettings;
  onSettingsChange: (patch: Partial<UserSettings>) => void;
  dialog: AccountDialog | null;
  onDialogChange: (dialog: AccountDialog | null) => void;
}) {
  const openDialog = (which: AccountDialog) => (next: boolean) =>
    onDialogChange(next ? which : null);
  return (
    <>
      <WhileOpen open={dialog === "delete"}>
        <DeleteAccount userId={user.id} open onOpenChange={openDialog("delete")} />
      </WhileOpen>
      <WhileOpen open={dialog === "zone"}>
        <TimeZone
          zone={settings.timeZone}
          open
          onOpenChange={openDialog("zone")}
          onSaved={(timeZone) => onSettingsChange({ timeZone })}
        />
      </WhileOpen>
      <WhileOpen open={dialog === "notifications"}>
        <Notifications userId={user.id} open onOpenChange={openDialog("notifications")} />
      </WhileOpen>
      <LazyImportDialog
        userId={user.id}
        open={dialog === "import"}
        onOpenChange={openDialog("import")}
      />
      <LazyCalendarFeedDialog
        userId={user.id}
        open={dialog === "calendar"}
        onOpenChange={openDialog("calendar")}
      />
    </>
  );
}
