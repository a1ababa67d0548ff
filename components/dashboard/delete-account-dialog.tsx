"use client";

import { Dialog } from "radix-ui";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { dialogContentClass, dialogOverlayClass } from "./dialog-styles";
import { FieldError, fieldClass } from "./form-parts";
import { leave, loadAuthClient } from "./leave";
import { forgetThisBrowser } from "./push/this-device";
import { announceSessionEnd } from "./use-session-watch";

/** Deletes the account and every task in it, after the password (checked by the server). */
export function DeleteAccountDialog({
  userId,
  open,
  onOpenChange,
}: {
  userId: string;
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
      // The account's devices went with it; this browser also ends its own subscription.
      await forgetThisBrowser(userId, { server: false });
      announceSessionEnd("session-ended");
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
