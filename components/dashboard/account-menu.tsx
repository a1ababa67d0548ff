"use client";

import { DropdownMenu } from "radix-ui";
import { lazy, Suspense, useState } from "react";
import { LazyCalendarFeedDialog } from "./calendar/lazy-calendar-feed-dialog";
import {
  LazyDeleteAccountDialog,
  LazyNotificationsDialog,
  LazyTimeZoneDialog,
} from "./lazy-dialogs";
import type { UserSettings } from "./settings/user-settings";
import { LazyImportDialog } from "./transfer/lazy-import-dialog";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

export interface AccountMenuProps {
  user: AccountUser;
  settings: UserSettings;
  onSettingsChange: (patch: Partial<UserSettings>) => void;
  onShowShortcuts: () => void;
  onError: (message: string) => void;
}

export type AccountDialog = "delete" | "zone" | "notifications" | "import" | "calendar";

const loadPanel = () => import("./account-panel");
/** Fetches the menu's panel while the page is idle, so the first click opens it at once. */
export const preloadAccountPanel = (): void => void loadPanel();
const Panel = lazy(async () => ({ default: (await loadPanel()).AccountPanel }));

/**
 * The signed-in person's menu: the trigger here, the panel (account-panel.tsx) loaded after the
 * page and mounted while open, and the dialogs it opens.
 */
export function AccountMenu(props: AccountMenuProps) {
  const { user, settings, onSettingsChange } = props;
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<AccountDialog | null>(null);
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";
  const openDialog = (which: AccountDialog) => (next: boolean) => setDialog(next ? which : null);

  return (
    <>
      {/* Not modal: a modal menu hides the page from assistive tech while it stays focusable. */}
      <DropdownMenu.Root modal={false} open={open} onOpenChange={setOpen}>
        <DropdownMenu.Trigger
          aria-label={`Account: ${user.email}`}
          className="flex size-9 items-center justify-center rounded-full bg-blue-100 text-sm font-semibold text-blue-800 hover:bg-blue-200 dark:bg-blue-500/20 dark:text-blue-200 dark:hover:bg-blue-500/30"
        >
          {initial}
        </DropdownMenu.Trigger>
        {open && (
          <Suspense fallback={null}>
            <Panel {...props} onOpenDialog={setDialog} />
          </Suspense>
        )}
      </DropdownMenu.Root>
      <LazyDeleteAccountDialog
        userId={user.id}
        open={dialog === "delete"}
        onOpenChange={openDialog("delete")}
      />
      <LazyTimeZoneDialog
        zone={settings.timeZone}
        open={dialog === "zone"}
        onOpenChange={openDialog("zone")}
        onSaved={(timeZone) => onSettingsChange({ timeZone })}
      />
      <LazyNotificationsDialog
        userId={user.id}
        open={dialog === "notifications"}
        onOpenChange={openDialog("notifications")}
      />
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
