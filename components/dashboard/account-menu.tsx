"use client";

import { Dialog, DropdownMenu } from "radix-ui";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { KeyboardIcon, LogOutIcon, TrashIcon } from "@/components/ui/icons";
import { menuContentClass, menuItemClass, menuSeparatorClass } from "@/components/ui/menu-styles";
import { forgetToken } from "@/lib/api-client";
import { dialogContentClass, dialogOverlayClass } from "./dialog-styles";
import { FieldError, fieldClass } from "./task-fields";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

// The auth client is loaded when an account action runs, not with the page.
const loadAuthClient = () => import("@/lib/auth-client").then((m) => m.authClient);

function leave(to: string) {
  forgetToken();
  window.location.assign(to);
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
      leave("/login");
    } catch (error) {
      onError(error instanceof Error ? error.message : "Could not sign out. Try again.");
    }
  };

  return (
    <>
      {/* Not modal: a modal menu hides the page from assistive tech while it stays focusable. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-label={`Account: ${user.email}`}
          className="flex size-9 items-center justify-center rounded-full bg-blue-100 text-sm font-semibold text-blue-800 hover:bg-blue-200 dark:bg-blue-500/20 dark:text-blue-200 dark:hover:bg-blue-500/30"
        >
          {initial}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            collisionPadding={8}
            className={`${menuContentClass} w-64`}
          >
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
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DeleteAccountDialog open={deleting} onOpenChange={setDeleting} />
    </>
  );
}

function DeleteAccountDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!password) {
      setError("Enter your password to confirm");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const authClient = await loadAuthClient();
      const result = await authClient.deleteUser({ password });
      if (result.error) {
        setError(
          result.error.status === 400 || result.error.status === 401
            ? "That password is not right."
            : result.error.message || "Could not delete the account. Try again.",
        );
        return;
      }
      leave("/");
    } catch {
      setError("Can't reach Doable. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) {
          setPassword("");
          setError(undefined);
        }
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass}>
          <Dialog.Title className="text-lg font-semibold">Delete your account?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            This removes your account and every task in it, for good. Enter your password to
            confirm.
          </Dialog.Description>
          <form
            className="mt-4"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <label htmlFor={`${id}-password`} className="mb-1 block text-sm font-medium">
              Password
            </label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setError(undefined);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={fieldClass}
            />
            <FieldError id={`${id}-error`} message={error} />
            <div className="mt-5 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="danger" disabled={busy} aria-busy={busy}>
                {busy ? "Deleting…" : "Delete account"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
