"use client";

import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import {
  BellIcon,
  GlobeIcon,
  KeyboardIcon,
  LogOutIcon,
  MailIcon,
  TrashIcon,
} from "@/components/ui/icons";
import { Menu, MenuPanel } from "@/components/ui/menu";
import { menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import {
  LazyDeleteAccountDialog,
  LazyNotificationsDialog,
  LazyTimeZoneDialog,
} from "./lazy-dialogs";
import { leave, loadAuthClient } from "./leave";
import { saveSettings, type UserSettings } from "./settings/user-settings";
import { announceSessionEnd } from "./use-session-watch";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in person: e-mail; time zone, e-mail reminders and notifications; shortcuts; sign
 * out (here or everywhere); delete account.
 */
export function AccountMenu({
  user,
  settings,
  onSettingsChange,
  onShowShortcuts,
  onError,
}: {
  user: AccountUser;
  settings: UserSettings;
  onSettingsChange: (patch: Partial<UserSettings>) => void;
  onShowShortcuts: () => void;
  onError: (message: string) => void;
}) {
  const [dialog, setDialog] = useState<"delete" | "zone" | "notifications" | null>(null);
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";
  const openDialog = (which: typeof dialog) => (open: boolean) => setDialog(open ? which : null);

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
    <>
      <Menu>
        <DropdownMenu.Trigger
          aria-label={`Account: ${user.email}`}
          className="flex size-9 items-center justify-center rounded-full bg-blue-100 text-sm font-semibold text-blue-800 hover:bg-blue-200 dark:bg-blue-500/20 dark:text-blue-200 dark:hover:bg-blue-500/30"
        >
          {initial}
        </DropdownMenu.Trigger>
        <MenuPanel className="w-64">
          <div className="px-2.5 py-2">
            {user.name && <p className="truncate font-medium">{user.name}</p>}
            <p className="truncate text-zinc-600 dark:text-zinc-400">{user.email}</p>
          </div>
          <DropdownMenu.Separator className={menuSeparatorClass} />
          <DropdownMenu.Item className={menuItemClass} onSelect={() => setDialog("zone")}>
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
          <DropdownMenu.Item className={menuItemClass} onSelect={() => setDialog("notifications")}>
            <BellIcon />
            Notifications…
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
            onSelect={() => setDialog("delete")}
          >
            <TrashIcon />
            Delete account…
          </DropdownMenu.Item>
        </MenuPanel>
      </Menu>
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
    </>
  );
}
