"use client";

import { DropdownMenu } from "radix-ui";
import { useEffect } from "react";
import {
  BellIcon,
  CalendarIcon,
  GlobeIcon,
  KeyboardIcon,
  LogOutIcon,
  MailIcon,
  TrashIcon,
} from "@/components/ui/icons";
import { MenuPanel } from "@/components/ui/menu";
import { menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import { type AccountDialog, type AccountMenuProps, preloadAccountDialogs } from "./account-menu";
import { preloadCalendarFeedDialog } from "./calendar/lazy-calendar-feed-dialog";
import { leave, loadAuthClient } from "./leave";
import { saveSettings } from "./settings/user-settings";
import { exportData } from "./transfer/export-data";
import { DownloadIcon, UploadIcon } from "./transfer/icons";
import { preloadImportDialog } from "./transfer/lazy-import-dialog";
import { announceSessionEnd } from "./use-session-watch";

export type AccountPanelProps = AccountMenuProps & {
  onOpenDialog: (dialog: AccountDialog) => void;
};

/**
 * The account menu's panel, loaded on the trigger's first hover, focus or press (or while the
 * page is idle) and mounted while the menu is open: the person; time zone, e-mail reminders,
 * notifications; export and import; shortcuts; sign out; delete the account.
 */
export function AccountPanel({
  user,
  settings,
  onSettingsChange,
  onShowShortcuts,
  onError,
  onOpenDialog,
}: AccountPanelProps) {
  // The menu is open: its dialogs, import and the calendar feed among them, may be next.
  useEffect(() => {
    preloadAccountDialogs();
    preloadImportDialog();
    preloadCalendarFeedDialog();
  }, []);

  const toggleEmail = async () => {
    const emailReminders = !settings.emailReminders;
    onSettingsChange({ emailReminders });
    try {
      await saveSettings({ emailReminders });
    } catch (error) {
      onSettingsChange({ emailReminders: !emailReminders });
      onError(error instanceof Error ? error.message : "Could not save the setting.");
    }
  };

  const signOut = async (everywhere: boolean) => {
    try {
      // This browser stops receiving the account's reminders first, while the session holds.
      const { forgetThisBrowser } = await import("./push/this-device");
      await forgetThisBrowser(user.id);
      const authClient = await loadAuthClient();
      if (everywhere) {
        const { error } = await authClient.revokeSessions();
        if (error) throw new Error(error.message || "Could not sign out other devices.");
      }
      await authClient.signOut();
      announceSessionEnd("signed-out");
      leave("/login");
    } catch (error) {
      onError(error instanceof Error ? error.message : "Could not sign out. Try again.");
    }
  };

  return (
    <MenuPanel className="w-64">
      <div className="px-2.5 py-2">
        {user.name && <p className="truncate font-medium">{user.name}</p>}
        <p className="truncate text-zinc-600 dark:text-zinc-400">{user.email}</p>
      </div>
      <DropdownMenu.Separator className={menuSeparatorClass} />
      <DropdownMenu.Item className={menuItemClass} onSelect={() => onOpenDialog("zone")}>
        <GlobeIcon />
        <span className="flex min-w-0 flex-col">
          Time zone…
          <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">
            {settings.timeZone.replaceAll("_", " ")}
          </span>
        </span>
      </DropdownMenu.Item>
      <DropdownMenu.CheckboxItem
        className={menuItemClass}
        checked={settings.emailReminders}
        // Stays open, so the tick is seen to change.
        onSelect={(e) => {
          e.preventDefault();
          void toggleEmail();
        }}
      >
        <MailIcon />
        E-mail reminders
        {/* A switch's look; the item itself says checked or not to assistive tech. */}
        <span
          aria-hidden="true"
          className={`ml-auto flex h-4 w-7 items-center rounded-full p-0.5 transition-colors ${
            settings.emailReminders
              ? "justify-end bg-blue-600 dark:bg-blue-500"
              : "justify-start bg-zinc-300 dark:bg-zinc-600"
          }`}
        >
          <span className="size-3 rounded-full bg-white shadow-sm" />
        </span>
      </DropdownMenu.CheckboxItem>
      <DropdownMenu.Item className={menuItemClass} onSelect={() => onOpenDialog("notifications")}>
        <BellIcon />
        Notifications…
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={menuSeparatorClass} />
      <DropdownMenu.Item
        className={menuItemClass}
        onSelect={() => void exportData(user.id, "json")}
      >
        <DownloadIcon />
        Export my data (JSON)
      </DropdownMenu.Item>
      <DropdownMenu.Item className={menuItemClass} onSelect={() => void exportData(user.id, "csv")}>
        <DownloadIcon />
        Export my data (CSV)
      </DropdownMenu.Item>
      <DropdownMenu.Item className={menuItemClass} onSelect={() => onOpenDialog("import")}>
        <UploadIcon />
        Import tasks…
      </DropdownMenu.Item>
      <DropdownMenu.Item className={menuItemClass} onSelect={() => onOpenDialog("calendar")}>
        <CalendarIcon />
        Calendar feed…
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={menuSeparatorClass} />
      <DropdownMenu.Item className={menuItemClass} onSelect={onShowShortcuts}>
        <KeyboardIcon />
        Keyboard shortcuts
        <kbd className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">?</kbd>
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={menuSeparatorClass} />
      <DropdownMenu.Item className={menuItemClass} onSelect={() => void signOut(false)}>
        <LogOutIcon />
        Sign out
      </DropdownMenu.Item>
      <DropdownMenu.Item className={menuItemClass} onSelect={() => void signOut(true)}>
        <LogOutIcon />
        Sign out everywhere
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={menuSeparatorClass} />
      <DropdownMenu.Item
        className={`${menuItemClass} text-red-700 dark:text-red-400`}
        onSelect={() => onOpenDialog("delete")}
      >
        <TrashIcon />
        Delete account…
      </DropdownMenu.Item>
    </MenuPanel>
  );
}
