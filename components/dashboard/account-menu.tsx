"use client";

import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { KeyboardIcon, LogOutIcon, TrashIcon } from "@/components/ui/icons";
import { Menu, MenuPanel } from "@/components/ui/menu";
import { menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import { LazyDeleteAccountDialog } from "./lazy-dialogs";
import { leave, loadAuthClient } from "./leave";
import { announceSessionEnd } from "./use-session-watch";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in person: e-mail, shortcuts, sign out (here or everywhere), delete account. */
export function AccountMenu({
  user,
  onShowShortcuts,
  onError,
}: {
  user: AccountUser;
  onShowShortcuts: () => void;
  onError: (message: string) => void;
}) {
  const [deleting, setDeleting] = useState(false);
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";

  const signOut = async (everywhere: boolean) => {
    try {
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
            onSelect={() => setDeleting(true)}
          >
            <TrashIcon />
            Delete account…
          </DropdownMenu.Item>
        </MenuPanel>
      </Menu>
      <LazyDeleteAccountDialog open={deleting} onOpenChange={setDeleting} />
    </>
  );
}
